//! The HTML renderer (SPEC §3): a complete HTML5 page with its search
//! metadata (title, description, canonical link, Open Graph, keywords,
//! generator), a schema.org `NewsArticle` JSON-LD block, and the article.
//!
//! Every text and attribute value is escaped (`&` `<` `>` `"` `'`), and the
//! JSON-LD is written so that no string can close its `<script>` element:
//! source text containing `</script>` cannot inject anything. Characters
//! HTML does not allow in a document (controls other than white space,
//! noncharacters) are printed as U+FFFD in text and as `\u` escapes in the
//! JSON-LD.

use super::{Html, Render, all_keywords, paragraph_text};
use crate::model::Rewrite;
use serde::Serialize;
use std::fmt::Write;

/// Longest JSON-LD `headline`, in characters (Google's limit for articles).
const HEADLINE_MAX_CHARS: usize = 110;

/// The schema.org `NewsArticle` of the JSON-LD block, fields in print order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: String,
    description: &'a str,
    in_language: &'a str,
    word_count: usize,
    keywords: &'a str,
    main_entity_of_page: &'a str,
}

impl Render for Html {
    fn render(&self, a: &Rewrite) -> String {
        let url = self.canonical_url(&a.slug);
        let keywords = all_keywords(a).join(", ");
        // The page title is the SEO title; an empty one would leave the
        // page without a title, so the H1 stands in.
        let title = if a.seo_title.trim().is_empty() {
            &a.title
        } else {
            &a.seo_title
        };

        let mut o = String::with_capacity(8192);
        o.push_str("<!DOCTYPE html>\n");
        let _ = writeln!(o, "<html lang=\"{}\">", attr(a.lang));
        o.push_str("<head>\n");
        line(&mut o, 1, "<meta charset=\"utf-8\">");
        line(
            &mut o,
            1,
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        );
        line(&mut o, 1, &format!("<title>{}</title>", text(title)));
        meta(&mut o, "name", "description", &a.description);
        line(
            &mut o,
            1,
            &format!("<link rel=\"canonical\" href=\"{}\">", attr(&url)),
        );
        meta(&mut o, "property", "og:type", "article");
        meta(&mut o, "property", "og:title", title);
        meta(&mut o, "property", "og:description", &a.description);
        meta(&mut o, "property", "og:url", &url);
        meta(&mut o, "property", "og:locale", "fr_FR");
        meta(&mut o, "name", "keywords", &keywords);
        meta(
            &mut o,
            "name",
            "generator",
            &format!("refonte {}", a.version),
        );
        let ld = NewsArticle {
            context: "https://schema.org",
            kind: "NewsArticle",
            headline: headline(&a.title, HEADLINE_MAX_CHARS),
            description: &a.description,
            in_language: a.lang,
            word_count: a.word_count,
            keywords: &keywords,
            main_entity_of_page: &url,
        };
        let json = serde_json::to_string_pretty(&ld).expect("a struct of strings serializes");
        line(&mut o, 1, "<script type=\"application/ld+json\">");
        for l in script_safe(&json).lines() {
            line(&mut o, 1, l);
        }
        line(&mut o, 1, "</script>");
        o.push_str("</head>\n<body>\n");

        line(&mut o, 1, "<article>");
        if !a.title.trim().is_empty() {
            line(&mut o, 2, &format!("<h1>{}</h1>", text(&a.title)));
        }
        let lead = paragraph_text(&a.lead);
        if !lead.is_empty() {
            line(&mut o, 2, &format!("<p class=\"lead\">{}</p>", text(&lead)));
        }
        for s in &a.sections {
            let paras: Vec<String> = s
                .paragraphs
                .iter()
                .map(|p| paragraph_text(p))
                .filter(|p| !p.is_empty())
                .collect();
            let heading = s.heading.trim();
            if heading.is_empty() && paras.is_empty() {
                continue;
            }
            line(&mut o, 2, "<section>");
            if !heading.is_empty() {
                line(&mut o, 3, &format!("<h2>{}</h2>", text(heading)));
            }
            if s.list && !paras.is_empty() {
                line(&mut o, 3, "<ul>");
                for p in &paras {
                    line(&mut o, 4, &format!("<li>{}</li>", text(p)));
                }
                line(&mut o, 3, "</ul>");
            } else {
                for p in &paras {
                    line(&mut o, 3, &format!("<p>{}</p>", text(p)));
                }
            }
            line(&mut o, 2, "</section>");
        }
        line(&mut o, 1, "</article>");
        o.push_str("</body>\n</html>\n");
        o
    }
}

/// Pushes `s` indented by `depth` levels of two spaces, and a newline.
fn line(o: &mut String, depth: usize, s: &str) {
    for _ in 0..depth {
        o.push_str("  ");
    }
    o.push_str(s);
    o.push('\n');
}

/// A `<meta {key}="{name}" content="{content}">` line.
fn meta(o: &mut String, key: &str, name: &str, content: &str) {
    line(
        o,
        1,
        &format!("<meta {key}=\"{name}\" content=\"{}\">", attr(content)),
    );
}

/// Whether HTML forbids `c` in a document: controls other than ASCII white
/// space, DEL, C1 controls and noncharacters.
fn forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{C}'))
        || ('\u{7F}'..='\u{9F}').contains(&c)
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// Text content, escaped.
pub(super) fn text(s: &str) -> String {
    escape(s, false)
}

/// An attribute value (double-quoted), escaped; line breaks and tabs become spaces.
pub(super) fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' | '\u{C}' => out.push(' '),
            '\t' | '\n' if in_attr => out.push(' '),
            c if forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// JSON made safe inside `<script>`: `<` `>` `&` U+2028 U+2029 and the
/// characters HTML forbids become `\u` escapes. All of them can only occur
/// inside JSON strings, where a `\u` escape means the same character, so the
/// result is the same JSON value and no `</script>` or `<!--` can appear.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if forbidden(c) => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{:04x}", u);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether a line may break at `c`: white space, but not the no-break
/// spaces of French typography (before `:` and inside guillemets).
fn breakable(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// `title` cut to at most `max` characters at a word boundary, without the
/// spaces and dangling punctuation (`,` `;` `:` dashes, `«` `(`) left at the
/// cut. A title without a break point is cut at `max` characters.
fn headline(title: &str, max: usize) -> String {
    let title = title.trim();
    let Some((end, next)) = title.char_indices().nth(max) else {
        return title.to_string();
    };
    let cut = if breakable(next) {
        end
    } else {
        title[..end]
            .char_indices()
            .rev()
            .find(|&(_, c)| breakable(c))
            .map_or(end, |(i, _)| i)
    };
    let dangling = |c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '«' | '(' | '/')
    };
    let head = title[..cut].trim_end_matches(dangling);
    if head.is_empty() {
        title[..end].to_string()
    } else {
        head.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::{sample, sent};
    use std::io::Write as _;
    use std::path::Path;
    use std::process::{Command, Stdio};

    const EVIL: &str = "</script><script>alert(1)</script>";

    /// The JSON-LD block's content.
    fn json_ld(page: &str) -> &str {
        let open = "<script type=\"application/ld+json\">";
        let start = page.find(open).expect("JSON-LD block") + open.len();
        let end = start + page[start..].find("</script>").expect("closed");
        &page[start..end]
    }

    fn evil_article() -> Rewrite {
        let mut a = sample();
        a.title = format!("Titre {EVIL} & « fin » l'été");
        a.seo_title = format!("SEO {EVIL}");
        a.description = format!("Description {EVIL} \u{2028}\"x\"");
        a.slug = "slug\"><script>alert(1)</script>".into();
        a.keyphrase = EVIL.into();
        a.keywords = vec![EVIL.into(), "<!-- x".into()];
        a.lead = vec![sent(EVIL), sent("Suite.")];
        a.sections[0].heading = EVIL.into();
        a.sections[0].paragraphs[0].push(sent(EVIL));
        a.sections[1].paragraphs.push(vec![sent(EVIL)]);
        a
    }

    #[test]
    fn whole_page() {
        let page = Html {
            base_url: Some("https://exemple.fr/actu/".into()),
        }
        .render(&sample());
        let want = r#"<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Budget municipal : la hausse des investissements</title>
  <meta name="description" content="Le budget municipal prévoit une hausse des investissements : les travaux de l’école commenceront en mars, selon la mairie.">
  <link rel="canonical" href="https://exemple.fr/actu/budget-municipal-hausse-investissements">
  <meta property="og:type" content="article">
  <meta property="og:title" content="Budget municipal : la hausse des investissements">
  <meta property="og:description" content="Le budget municipal prévoit une hausse des investissements : les travaux de l’école commenceront en mars, selon la mairie.">
  <meta property="og:url" content="https://exemple.fr/actu/budget-municipal-hausse-investissements">
  <meta property="og:locale" content="fr_FR">
  <meta name="keywords" content="budget municipal, investissements, mairie">
  <meta name="generator" content="refonte 0.1.0">
  <script type="application/ld+json">
  {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Budget municipal : la mairie vote une hausse des investissements",
    "description": "Le budget municipal prévoit une hausse des investissements : les travaux de l’école commenceront en mars, selon la mairie.",
    "inLanguage": "fr",
    "wordCount": 52,
    "keywords": "budget municipal, investissements, mairie",
    "mainEntityOfPage": "https://exemple.fr/actu/budget-municipal-hausse-investissements"
  }
  </script>
</head>
<body>
  <article>
    <h1>Budget municipal : la mairie vote une hausse des investissements</h1>
    <p class="lead">La mairie a voté le budget municipal mardi. Il prévoit une hausse des investissements.</p>
    <section>
      <h2>« Une année de chantiers »</h2>
      <p>Dans le détail, les travaux de l’école commenceront en mars.</p>
      <p>Le maire a parlé d’« une année de chantiers ».</p>
    </section>
    <section>
      <h2>Les points clés du budget municipal</h2>
      <ul>
        <li>Hausse des investissements de 3,5 %.</li>
        <li>Travaux de l’école en mars.</li>
      </ul>
    </section>
  </article>
</body>
</html>
"#;
        assert_eq!(page, want);
    }

    #[test]
    fn nothing_injected() {
        for base_url in [None, Some("https://exemple.fr".to_string())] {
            let page = Html { base_url }.render(&evil_article());
            assert!(!page.contains("<script>alert"), "{page}");
            assert!(!page.contains("<!--"), "{page}");
            assert!(!page.contains("\"><"), "{page}");
            // One script element, closed once: by its own end tag.
            assert_eq!(page.matches("<script").count(), 1, "{page}");
            assert_eq!(page.matches("</script>").count(), 1, "{page}");
            assert!(page.contains(
                "<title>SEO &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"
            ));
            assert!(page.contains("<h2>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h2>"));
            assert!(page.contains("<li>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</li>"));
            assert!(page.contains("&amp; « fin » l&#39;été</h1>"));
        }
    }

    #[test]
    fn json_ld_parses_as_is() {
        let a = evil_article();
        let page = Html::default().render(&a);
        let v: serde_json::Value = serde_json::from_str(json_ld(&page)).expect("valid JSON");
        assert_eq!(v["@context"], "https://schema.org");
        assert_eq!(v["@type"], "NewsArticle");
        assert_eq!(v["headline"], a.title.as_str());
        assert_eq!(v["description"], a.description.as_str());
        assert_eq!(v["inLanguage"], "fr");
        assert_eq!(v["wordCount"], 52);
        assert_eq!(v["keywords"], format!("{EVIL}, <!-- x"));
        assert_eq!(
            v["mainEntityOfPage"],
            "/slug%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"
        );
        let block = json_ld(&page);
        for raw in ['<', '>', '&', '\u{2028}'] {
            assert!(!block.contains(raw), "{raw:?} in {block}");
        }
    }

    #[test]
    fn script_safe_escapes() {
        let cases = [
            (r#"{"a":"</script>"}"#, r#"{"a":"\u003c/script\u003e"}"#),
            (r#"{"a":"x & y"}"#, r#"{"a":"x \u0026 y"}"#),
            ("\"\u{2028}\u{2029}\"", r#""\u2028\u2029""#),
            (
                "\"\u{85}\u{fdd0}\u{1fffe}\"",
                r#""\u0085\ufdd0\ud83f\udffe""#,
            ),
            ("\"« é »\u{a0}\"", "\"« é »\u{a0}\""),
        ];
        for (input, want) in cases {
            let got = script_safe(input);
            assert_eq!(got, want, "{input:?}");
            let a: serde_json::Value = serde_json::from_str(input).unwrap();
            let b: serde_json::Value = serde_json::from_str(&got).unwrap();
            assert_eq!(a, b, "{input:?}");
        }
    }

    #[test]
    fn escapes() {
        let cases = [
            (
                "a & b < c > d \"e\" 'f'",
                "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;",
                "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;",
            ),
            ("« l’été »\u{a0}!", "« l’été »\u{a0}!", "« l’été »\u{a0}!"),
            ("un\ndeux\tf\r", "un\ndeux\tf ", "un deux f "),
            (
                "\u{0}\u{1}\u{7f}\u{85}\u{ffff}",
                "\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}",
                "\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}",
            ),
        ];
        for (input, want_text, want_attr) in cases {
            assert_eq!(text(input), want_text, "{input:?}");
            assert_eq!(attr(input), want_attr, "{input:?}");
        }
    }

    #[test]
    fn headlines() {
        let long = "Réforme des retraites : le gouvernement présente son projet de loi au Conseil des ministres, les syndicats appellent à la grève";
        assert!(long.chars().count() > 110);
        let cases = [
            ("Court", 110, "Court"),
            ("  Court  ", 110, "Court"),
            ("un deux trois", 13, "un deux trois"),
            ("un deux trois", 8, "un deux"),
            ("un deux trois", 7, "un deux"),
            ("un deux trois", 6, "un"),
            ("un, deux trois", 6, "un"),
            ("Budget\u{a0}: il vote", 9, "Budget"),
            ("anticonstitutionnellement", 10, "anticonsti"),
            (
                long,
                110,
                "Réforme des retraites : le gouvernement présente son projet de loi au Conseil des ministres, les syndicats",
            ),
        ];
        for (input, max, want) in cases {
            assert_eq!(headline(input, max), want, "{input:?} {max}");
            assert!(headline(input, max).chars().count() <= max);
        }
    }

    #[test]
    fn empty_parts_leave_no_empty_elements() {
        let mut a = sample();
        a.seo_title.clear();
        a.lead.clear();
        a.sections[0].heading.clear();
        a.sections[1].paragraphs = vec![vec![sent(" ")]];
        let page = Html::default().render(&a);
        assert!(page.contains(&format!("<title>{}</title>", a.title)));
        for empty in ["<p class=\"lead\"></p>", "<h2></h2>", "<ul>", "<p></p>"] {
            assert!(!page.contains(empty), "{empty} in {page}");
        }
    }

    /// HTML Tidy, when installed, finds nothing to report (exit status 0:
    /// no errors, no warnings) on a plain page and on a hostile one.
    #[test]
    fn tidy_is_silent() {
        let tidy = Path::new("/usr/bin/tidy");
        if !tidy.exists() {
            eprintln!(
                "note: /usr/bin/tidy not found, HTML validation skipped (apt-get install tidy)"
            );
            return;
        }
        let pages = [
            Html::default().render(&sample()),
            Html {
                base_url: Some("https://exemple.fr/a".into()),
            }
            .render(&evil_article()),
        ];
        for page in pages {
            let mut child = Command::new(tidy)
                .args(["-q", "-e"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("tidy runs");
            child
                .stdin
                .take()
                .unwrap()
                .write_all(page.as_bytes())
                .unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "tidy exit {:?}:\n{}{}\n{page}",
                out.status.code(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}
