//! Reading an input file whole: the article, and the search metadata it
//! carries (a Markdown front matter, an HTML head, a JSON record's fields).
//!
//! The article is what the pipeline reads; the metadata is what a rewrite
//! says of itself (its SEO title, description, slug and keyphrase), which
//! `refonte compare` checks as it checks refonte's own.

use super::{Article, Format, article_from_json, decode, decode_entities};
use crate::error::{Error, Result};

/// Search metadata an input may carry. Every field is `None` when the input
/// does not give it, or gives it empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The SEO title: front matter `seo_title`, HTML `<title>`.
    pub seo_title: Option<String>,
    /// The meta description: front matter `description`, HTML
    /// `<meta name="description">`.
    pub description: Option<String>,
    /// The slug: front matter `slug`, the last segment of the HTML canonical link.
    pub slug: Option<String>,
    /// The focus keyphrase: front matter `keyphrase`, the first of the HTML
    /// `<meta name="keywords">`.
    pub keyphrase: Option<String>,
}

/// Reads one input file (`name` is its file name, `-` for standard input)
/// into an article and its metadata.
///
/// The format is `format`, unless it is [`Format::Auto`] (the default):
/// then it comes from the file name's extension, then from the content. A
/// JSON input is an article record (`text`) or refonte's rewrite JSON
/// (`markdown`, read as Markdown with its front matter); the record's own
/// `seo_title`, `description`, `slug` and `keyphrase` come first.
pub fn read(name: &str, bytes: &[u8], format: Format) -> Result<(Article, Metadata)> {
    let text = decode(bytes)?;
    let mut format = format;
    if format == Format::Auto && name != "-" {
        format = Format::from_path(name);
    }
    if format == Format::Auto {
        format = Format::sniff(text);
    }
    let metadata = match format {
        Format::Json => {
            let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::Json {
                message: e.to_string(),
            })?;
            return json_article(&value);
        }
        Format::Markdown => front_matter(text),
        Format::Html => html_meta(text),
        _ => Metadata::default(),
    };
    let article = Article {
        text: text.to_string(),
        format,
        ..Article::default()
    };
    Ok((article, metadata))
}

/// A JSON input: an article record (`text`), or refonte's rewrite JSON (`markdown`).
fn json_article(value: &serde_json::Value) -> Result<(Article, Metadata)> {
    let field = |k: &str| {
        value
            .get(k)
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
    };
    let meta = Metadata {
        seo_title: field("seo_title"),
        description: field("description"),
        slug: field("slug"),
        keyphrase: field("keyphrase"),
    };
    if value.get("text").is_none()
        && let Some(md) = field("markdown")
    {
        let fm = front_matter(&md);
        let article = Article {
            text: md,
            format: Format::Markdown,
            ..Article::default()
        };
        let meta = Metadata {
            seo_title: meta.seo_title.or(fm.seo_title),
            description: meta.description.or(fm.description),
            slug: meta.slug.or(fm.slug),
            keyphrase: meta.keyphrase.or(fm.keyphrase),
        };
        return Ok((article, meta));
    }
    let article = article_from_json(value)?;
    let meta = Metadata {
        keyphrase: article.keyphrase.clone().or(meta.keyphrase),
        ..meta
    };
    Ok((article, meta))
}

/// `seo_title`, `description`, `slug` and `keyphrase` of a YAML front matter.
fn front_matter(text: &str) -> Metadata {
    let mut meta = Metadata::default();
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return meta;
    }
    for line in lines {
        if line.trim_end() == "---" {
            break;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = yaml_scalar(value.trim());
        let slot = match key.trim() {
            "seo_title" => &mut meta.seo_title,
            "description" => &mut meta.description,
            "slug" => &mut meta.slug,
            "keyphrase" => &mut meta.keyphrase,
            _ => continue,
        };
        if !value.is_empty() {
            *slot = Some(value);
        }
    }
    meta
}

/// A YAML scalar: double-quoted (common escapes read), single-quoted or plain.
fn yaml_scalar(v: &str) -> String {
    if let Some(inner) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('_') => out.push('\u{a0}'),
                Some('N') => out.push('\u{85}'),
                Some(c) => out.push(c),
                None => {}
            }
        }
        return out;
    }
    if let Some(inner) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    v.to_string()
}

/// `<title>`, `<meta name="description">`, the first of `<meta name="keywords">`
/// and the canonical link's last segment.
fn html_meta(text: &str) -> Metadata {
    let head_end = text
        .to_ascii_lowercase()
        .find("</head>")
        .unwrap_or(text.len());
    let head = &text[..head_end];
    let lower = head.to_ascii_lowercase();
    let mut meta = Metadata::default();
    if let Some(a) = lower.find("<title>")
        && let Some(b) = lower[a..].find("</title>")
    {
        let t = decode_entities(&head[a + 7..a + b]);
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            meta.seo_title = Some(t);
        }
    }
    for (pos, _) in lower.match_indices("<meta") {
        let end = lower[pos..].find('>').map_or(lower.len(), |e| pos + e);
        let tag = &head[pos..end];
        let tag_lower = &lower[pos..end];
        if tag_lower.contains("name=\"description\"") {
            meta.description = attribute(tag, "content");
        }
        // The first keyword stands for the focus keyphrase (refonte writes it first).
        if tag_lower.contains("name=\"keywords\"") {
            meta.keyphrase = attribute(tag, "content")
                .and_then(|k| k.split(',').next().map(|s| s.trim().to_string()))
                .filter(|k| !k.is_empty());
        }
    }
    for (pos, _) in lower.match_indices("<link") {
        let end = lower[pos..].find('>').map_or(lower.len(), |e| pos + e);
        if lower[pos..end].contains("rel=\"canonical\"")
            && let Some(href) = attribute(&head[pos..end], "href")
        {
            let seg = href.trim_end_matches('/').rsplit('/').next().unwrap_or("");
            if !seg.is_empty() {
                meta.slug = Some(seg.to_string());
            }
        }
    }
    meta
}

/// The double-quoted value of an attribute in a tag, entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let lower = tag.to_ascii_lowercase();
    let start = lower.find(&key)? + key.len();
    let end = start + tag[start..].find('"')?;
    Some(decode_entities(&tag[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_is_read_from_front_matter_and_html() {
        let md = "---\ntitle: \"T\"\nseo_title: \"Un \\\"titre\\\"\"\ndescription: 'L''été'\nslug: un-titre\n---\n\n# T\n";
        let m = front_matter(md);
        assert_eq!(m.seo_title.as_deref(), Some("Un \"titre\""));
        assert_eq!(m.description.as_deref(), Some("L'été"));
        assert_eq!(m.slug.as_deref(), Some("un-titre"));
        assert_eq!(m.keyphrase, None);
        let html = "<html><head><title>Un &amp; deux</title>\
                    <meta name=\"description\" content=\"Une &quot;page&quot;\">\
                    <meta name=\"keywords\" content=\"Un deux, trois\">\
                    <link rel=\"canonical\" href=\"https://exemple.fr/actu/un-deux\"></head>\
                    <body><p>Texte.</p></body></html>";
        let m = html_meta(html);
        assert_eq!(m.seo_title.as_deref(), Some("Un & deux"));
        assert_eq!(m.description.as_deref(), Some("Une \"page\""));
        assert_eq!(m.slug.as_deref(), Some("un-deux"));
        assert_eq!(m.keyphrase.as_deref(), Some("Un deux"));
    }

    #[test]
    fn a_json_record_gives_its_own_fields_first() {
        let rewrite = r#"{"markdown": "---\nseo_title: \"De front\"\nslug: de-front\n---\n\n# T\n\nTexte.\n", "slug": "du-json"}"#;
        let (article, m) = read("r.json", rewrite.as_bytes(), Format::Auto).unwrap();
        assert_eq!(article.format, Format::Markdown);
        assert_eq!(m.seo_title.as_deref(), Some("De front"));
        assert_eq!(m.slug.as_deref(), Some("du-json"));
        let record = br#"{"text": "Un texte.", "keyphrase": "texte"}"#;
        let (article, m) = read("-", record, Format::Auto).unwrap();
        assert_eq!(
            (article.format, article.text.as_str()),
            (Format::Text, "Un texte.")
        );
        assert_eq!(m.keyphrase.as_deref(), Some("texte"));
    }
}
