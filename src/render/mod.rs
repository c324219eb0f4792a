//! Renderers: one [`Rewrite`] model, several ways to print it.
//!
//! As ripgrep's printers are sinks over one search result, each renderer is
//! a [`Render`] over the same article: [`Markdown`] (SPEC §3, YAML front
//! matter, `# H1`, lead, `## H2` sections) and [`Html`] (a complete HTML5
//! page with search metadata and a schema.org `NewsArticle` JSON-LD block).
//! The JSON output is the model itself, serialized. [`Review`] prints the
//! audit page: the rewrite beside its source, linked sentence by sentence.
//!
//! Texts in the model are final (the typography pass has run): renderers
//! only lay them out and escape them. Whatever the source holds — quotes,
//! colons, `#`, `<script>` — comes out as text, never as markup.
//!
//! ```
//! use refonte::render::{Html, Markdown, Render};
//! # fn show(article: &refonte::model::Rewrite) {
//! let md = Markdown.render(article);
//! let page = Html { base_url: Some("https://example.fr/actu".into()) }.render(article);
//! # let _ = (md, page);
//! # }
//! ```

use crate::model::Rewrite;
use crate::model::SentenceOut;

mod html;
mod markdown;
mod review;

pub use review::Review;

/// The JSON object of SPEC §7: the article's fields, its Markdown and HTML
/// renderings, and in batch mode the record's `id` and `ok`.
#[derive(Debug, serde::Serialize)]
pub struct JsonRecord<'a> {
    /// The batch record's id, echoed byte for byte.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a serde_json::value::RawValue>,
    /// `true` in batch mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ok: Option<bool>,
    /// The article.
    #[serde(flatten)]
    pub article: &'a Rewrite,
    /// The article as `--format md` prints it.
    pub markdown: String,
    /// The article as `--format html` prints it.
    pub html: String,
}

/// The article as one JSON object (SPEC §7).
pub fn json(
    article: &Rewrite,
    html: &Html,
    id: Option<&serde_json::value::RawValue>,
    pretty: bool,
) -> String {
    let record = JsonRecord {
        id,
        ok: id.map(|_| true),
        article,
        markdown: Markdown.render(article),
        html: html.render(article),
    };
    let out = if pretty {
        serde_json::to_string_pretty(&record)
    } else {
        serde_json::to_string(&record)
    };
    // The model holds only strings, numbers and lists: serialising cannot fail.
    out.unwrap_or_else(|e| format!("{{\"ok\":false,\"error\":\"{e}\"}}"))
}

/// A way to print a rewritten article.
pub trait Render {
    /// The article, printed: a complete document ending with one newline.
    fn render(&self, article: &Rewrite) -> String;
}

/// Renders SPEC §3 Markdown: YAML front matter (every string a
/// double-quoted scalar), `# H1`, the lead paragraph, then one `## H2` per
/// section; list sections print their paragraphs as `- ` items.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown;

/// Renders a complete HTML5 page: `<title>`, meta description, canonical
/// link, Open Graph tags, keywords, generator and a schema.org
/// `NewsArticle` JSON-LD block, then the article in `<article>`.
#[derive(Debug, Clone, Default)]
pub struct Html {
    /// Where the article will be published, without the slug, e.g.
    /// `https://example.fr/actualites`. The canonical URL (`<link
    /// rel="canonical">`, `og:url`, JSON-LD `mainEntityOfPage`) is
    /// `base_url + "/" + slug` (a trailing `/` on `base_url` is not doubled).
    /// When `None`, it is the relative URL `/{slug}`: valid for the canonical
    /// link, but Open Graph consumers expect an absolute URL, so set a base
    /// URL for anything published.
    pub base_url: Option<String>,
}

impl Html {
    /// The canonical URL of an article with this slug (see [`Html::base_url`]).
    /// Bytes of the slug outside `A-Z a-z 0-9 - . _ ~` are percent-encoded.
    pub fn canonical_url(&self, slug: &str) -> String {
        let slug = percent_encode(slug);
        match &self.base_url {
            Some(base) => format!("{}/{}", base.trim_end_matches('/'), slug),
            None => format!("/{slug}"),
        }
    }
}

/// Percent-encodes every byte outside the RFC 3986 unreserved set.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A paragraph's printed text: its sentences, trimmed of ASCII white space,
/// empty ones skipped, joined by one space.
fn paragraph_text(sentences: &[SentenceOut]) -> String {
    let mut out = String::new();
    for s in sentences {
        let t = s.text.trim_matches(|c: char| c.is_ascii_whitespace());
        if t.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

/// `keyphrase` then `keywords`, empty and repeated entries skipped, in order.
fn all_keywords(article: &Rewrite) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for k in std::iter::once(&article.keyphrase).chain(&article.keywords) {
        let k = k.trim();
        if !k.is_empty() && !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::SentenceKind;
    use crate::model::{Candidate, HeadingKind, LengthReport, Section};

    /// A source sentence object.
    pub(crate) fn sent(text: &str) -> SentenceOut {
        SentenceOut {
            text: text.into(),
            kind: SentenceKind::Source,
            source_index: Some(0),
            source_span: Some([0, text.len()]),
            score: Some(0.5),
        }
    }

    /// A template sentence object.
    pub(crate) fn template(text: &str) -> SentenceOut {
        SentenceOut {
            text: text.into(),
            kind: SentenceKind::Template,
            source_index: None,
            source_span: None,
            score: None,
        }
    }

    /// A small article: a lead, a prose section and a list section.
    pub(crate) fn sample() -> Rewrite {
        Rewrite {
            title: "Budget municipal : la mairie vote une hausse des investissements".into(),
            title_candidates: vec![Candidate {
                text: "Budget municipal : la mairie vote une hausse des investissements".into(),
                score: 1.0,
            }],
            seo_title: "Budget municipal : la hausse des investissements".into(),
            description: "Le budget municipal prévoit une hausse des investissements : \
                          les travaux de l’école commenceront en mars, selon la mairie."
                .into(),
            slug: "budget-municipal-hausse-investissements".into(),
            keyphrase: "budget municipal".into(),
            keywords: vec!["investissements".into(), "mairie".into()],
            lead: vec![
                sent("La mairie a voté le budget municipal mardi."),
                sent("Il prévoit une hausse des investissements."),
            ],
            sections: vec![
                Section {
                    heading: "« Une année de chantiers »".into(),
                    heading_kind: HeadingKind::Quote,
                    paragraphs: vec![
                        vec![
                            template("Dans le détail,"),
                            sent("les travaux de l’école commenceront en mars."),
                        ],
                        vec![
                            sent("Le maire a parlé d’« une année de chantiers »."),
                            sent(""),
                        ],
                    ],
                    list: false,
                },
                Section {
                    heading: "Les points clés du budget municipal".into(),
                    heading_kind: HeadingKind::Template,
                    paragraphs: vec![
                        vec![sent("Hausse des investissements de 3,5 %.")],
                        vec![sent("Travaux de l’école en mars.")],
                    ],
                    list: true,
                },
            ],
            word_count: 52,
            length: LengthReport {
                source_words: 60,
                body_words: 52,
                template_words: 3,
                repeated_words: 0,
                min_words: 50,
                floor_reached: true,
            },
            warnings: vec![],
            version: "0.1.0",
            source_hash: "ab12".into(),
            lang: "fr",
            sources: Vec::new(),
            request: Default::default(),
        }
    }

    #[test]
    fn canonical_urls() {
        let cases: &[(Option<&str>, &str, &str)] = &[
            (None, "budget-municipal", "/budget-municipal"),
            (Some("https://ex.fr/actu"), "a-b", "https://ex.fr/actu/a-b"),
            (Some("https://ex.fr/actu/"), "a-b", "https://ex.fr/actu/a-b"),
            (None, "é t/\"", "/%C3%A9%20t%2F%22"),
        ];
        for (base, slug, want) in cases {
            let html = Html {
                base_url: base.map(String::from),
            };
            assert_eq!(html.canonical_url(slug), *want, "{base:?} {slug:?}");
        }
    }

    #[test]
    fn paragraphs_join_with_one_space() {
        let p = [
            sent("  Un. "),
            sent(""),
            template("Deux.\n"),
            sent("Trois."),
        ];
        assert_eq!(paragraph_text(&p), "Un. Deux. Trois.");
    }

    #[test]
    fn keywords_keep_order_without_repeats() {
        let mut a = sample();
        a.keywords = vec![
            "mairie".into(),
            "budget municipal".into(),
            " ".into(),
            "mairie".into(),
        ];
        assert_eq!(all_keywords(&a), ["budget municipal", "mairie"]);
    }

    #[test]
    fn renderers_are_trait_objects() {
        let a = sample();
        let renderers: [Box<dyn Render>; 2] = [Box::new(Markdown), Box::new(Html::default())];
        for r in renderers {
            let out = r.render(&a);
            assert!(out.ends_with('\n') && !out.ends_with("\n\n"));
        }
    }
}
