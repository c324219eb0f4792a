//! The review page: the audit record an editor reads and files. One
//! self-contained HTML file shows the rewrite beside the input as given;
//! hovering or focusing an output sentence lights its source sentence and
//! scrolls it into view, and the reverse. Template text (subheadings, added
//! connectors, derived sections) is marked, source sentences left out are
//! greyed with their TextRank scores, and a metadata panel gives the title
//! and its candidates, the search metadata with their lengths, the word
//! accounting, the warnings, the version, the options and the SHA-256 of
//! the source and of each output format.
//!
//! The page loads nothing: its style and script are inline, and a
//! Content-Security-Policy allows only those two blocks (by their SHA-256),
//! so that even a failure of escaping could not run a script or reach the
//! network. Every string of the article and of the source is escaped with
//! the HTML renderer's escaping. The output depends only on the article, the
//! input and the options: the same command prints the same bytes.

use super::html::{attr, text};
use super::{Html, Markdown, Render, json};
use crate::fr::lexicon::{fold, lexicons, strip_accents};
use crate::fr::{Typography, seo};
use crate::input::{Article, Format};
use crate::model::{HeadingKind, Rewrite, Section, SentenceKind, SentenceOut, SourceSentence};
use crate::rank::RankOptions;
use crate::rewrite::RewriteOptions;
use crate::source_hash;
use std::fmt::Write;

/// The page's style sheet.
const CSS: &str = include_str!("../../assets/review.css");
/// The page's script: the links between the two columns.
const JS: &str = include_str!("../../assets/review.js");

/// Renders the review page of a rewrite: build it from the article that gave
/// the rewrite, the rewrite itself and the options in force, then
/// [`Render::render`] the rewrite. It reads the model only: it never runs
/// the pipeline again.
///
/// ```
/// use refonte::{Refonte, input::Article, render::{Html, Render, Review}};
///
/// let refonte = Refonte::default();
/// let article = Article {
///     text: "La mairie a voté le budget mardi. Il prévoit une hausse des investissements. \
///            Les travaux commenceront en mars."
///         .into(),
///     ..Article::default()
/// };
/// let rewrite = refonte.rewrite(&article).unwrap();
/// let review = Review::new(
///     &article,
///     &rewrite,
///     refonte.rewrite_options(),
///     refonte.rank_options(),
///     Html::default(),
/// );
/// let page = review.render(&rewrite);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// ```
#[derive(Debug, Clone)]
pub struct Review {
    /// The input text as given: what the spans index.
    pub input: String,
    /// Every sentence of the source, in text order (index = source index).
    pub sentences: Vec<SourceSentence>,
    /// The options that fixed the output, as (label, value), in print order.
    /// Callers may add their own (a command line's flags).
    pub options: Vec<(String, String)>,
    /// The HTML renderer whose output is hashed (its base URL is an option).
    pub html: Html,
}

impl Review {
    /// The review of `rewrite`, the rewrite of `article` with the options
    /// `ro` and `rank`: the source sentences with their spans and scores
    /// (as the rewrite ranked them) and the options in force.
    pub fn new(
        article: &Article,
        rewrite: &Rewrite,
        ro: &RewriteOptions,
        rank: &RankOptions,
        html: Html,
    ) -> Review {
        let request = &rewrite.request;
        let none = || "—".to_string();
        let options = vec![
            (
                "Format d’entrée".to_string(),
                match article.format {
                    Format::Auto => "automatique",
                    Format::Text => "texte",
                    Format::Markdown => "Markdown",
                    Format::Html => "HTML",
                    Format::Json => "JSON",
                }
                .to_string(),
            ),
            (
                "Titre fourni".to_string(),
                request.title.clone().unwrap_or_else(none),
            ),
            (
                "Expression clé imposée".to_string(),
                request
                    .keyphrase
                    .clone()
                    .unwrap_or_else(|| "— (choisie par refonte)".into()),
            ),
            (
                "Plancher demandé".to_string(),
                match request.min_words {
                    Some(n) => format!("{n} mots"),
                    None => format!("{} mots (par défaut)", ro.min_words),
                },
            ),
            (
                "Typographie".to_string(),
                match ro.typography {
                    Typography::Source => "française, phrases sources telles quelles",
                    Typography::Plain => "simple (ASCII)",
                    Typography::Edited => "française, phrases sources corrigées",
                }
                .to_string(),
            ),
            (
                "URL de base".to_string(),
                html.base_url
                    .clone()
                    .unwrap_or_else(|| "— (lien canonique relatif)".into()),
            ),
            (
                "Marge au-delà du plancher".to_string(),
                format!("{} %", decimal(ro.margin * 100.0, 1)),
            ),
            ("Sections".to_string(), format!("{:?}", ro.sections)),
            ("Classement (TextRank)".to_string(), format!("{rank:?}")),
        ];
        Review {
            input: article.text.clone(),
            sentences: rewrite.sources.clone(),
            options,
            html,
        }
    }

    /// The outputs an editor may file, each as `refonte rewrite --format X`
    /// prints it with these options: (format, SHA-256).
    pub fn output_hashes(&self, article: &Rewrite) -> Vec<(&'static str, String)> {
        let mut json = json(article, &self.html, None, true);
        json.push('\n');
        vec![
            ("Markdown", source_hash(&Markdown.render(article))),
            ("HTML", source_hash(&self.html.render(article))),
            ("JSON", source_hash(&json)),
        ]
    }
}

impl Render for Review {
    fn render(&self, a: &Rewrite) -> String {
        let used = self.used(a);
        let mut o = String::with_capacity(32 * 1024 + 3 * self.input.len());
        o.push_str("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n");
        o.push_str("<meta charset=\"utf-8\">\n");
        o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        let _ = writeln!(
            o,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'sha256-{}'; script-src 'sha256-{}'; base-uri 'none'; form-action 'none'\">",
            base64(&sha256(CSS)),
            base64(&sha256(JS))
        );
        o.push_str("<meta name=\"robots\" content=\"noindex\">\n");
        let _ = writeln!(
            o,
            "<meta name=\"generator\" content=\"refonte {}\">",
            attr(a.version)
        );
        let _ = writeln!(o, "<title>Relecture — {}</title>", text(&a.title));
        let _ = writeln!(o, "<style>{CSS}</style>");
        o.push_str("</head>\n<body>\n");
        o.push_str("<a class=\"skip\" href=\"#sortie\">Aller à la réécriture</a>\n");
        self.header(&mut o, a);
        o.push_str("<div class=\"layout\">\n");
        self.metadata(&mut o, a, &used);
        rewrite_pane(&mut o, a, &self.input, &self.sentences);
        self.source_pane(&mut o, &used);
        o.push_str("</div>\n");
        o.push_str(
            "<div class=\"bar\" id=\"bar\" role=\"status\" aria-live=\"polite\" hidden><p></p></div>\n",
        );
        let _ = writeln!(o, "<script>{JS}</script>");
        o.push_str("</body>\n</html>\n");
        o
    }
}

impl Review {
    /// How many times each source sentence is printed in the rewrite.
    fn used(&self, a: &Rewrite) -> Vec<usize> {
        let mut used = vec![0; self.sentences.len()];
        for s in printed(a) {
            if let Some(n) = s.source_index.and_then(|i| used.get_mut(i)) {
                *n += 1;
            }
        }
        used
    }

    fn header(&self, o: &mut String, a: &Rewrite) {
        o.push_str("<header class=\"top\">\n");
        let _ = writeln!(
            o,
            "<h1>Relecture <span class=\"sep\" aria-hidden=\"true\">·</span> <span class=\"what\">{}</span></h1>",
            text(&a.title)
        );
        o.push_str("<ul class=\"legend\" aria-label=\"Légende\">\n");
        o.push_str("<li><span class=\"key k-src\"></span>Phrase de la source</li>\n");
        o.push_str("<li><span class=\"key k-tpl\"></span>Texte ajouté par refonte (modèle)</li>\n");
        o.push_str("<li><span class=\"key k-omit\"></span>Phrase écartée, avec son score</li>\n");
        o.push_str("<li><span class=\"key k-on\"></span>Phrase suivie</li>\n");
        o.push_str("</ul>\n");
        o.push_str(
            "<p class=\"help\">Survolez ou touchez une phrase, ou parcourez-les avec la touche Tab : \
             sa phrase source (ou sa reprise) s’allume dans l’autre colonne. Échap efface.</p>\n",
        );
        o.push_str("</header>\n");
    }

    fn metadata(&self, o: &mut String, a: &Rewrite, used: &[usize]) {
        o.push_str("<section class=\"meta\" id=\"meta\" aria-labelledby=\"h-meta\">\n");
        o.push_str("<h2 id=\"h-meta\">Métadonnées</h2>\n<div class=\"items\">\n");
        item(o, "Titre (H1)", &text(&a.title));
        let mut cands = String::from("<ol class=\"cands\">");
        for c in &a.title_candidates {
            let _ = write!(
                cands,
                "<li>{} <span class=\"num note\">(score {})</span></li>",
                text(&c.text),
                decimal(c.score, 1)
            );
        }
        cands.push_str("</ol>");
        item(o, "Titres candidats (score)", &cands);
        let seo_chars = seo::printed_len(&a.seo_title);
        let px = seo::pixel_width(&a.seo_title);
        item(
            o,
            "Titre SEO",
            &format!(
                "{}<br><span class=\"num{}\">{seo_chars} caractères · ≈ {} px</span> \
                 <span class=\"note\">(au plus {} caractères, \
                 environ {} px)</span>",
                text(&a.seo_title),
                flag(seo::seo_title_fits(&a.seo_title)),
                px.round(),
                seo::SEO_TITLE_MAX_CHARS,
                seo::SEO_TITLE_MAX_PIXELS
            ),
        );
        let desc_chars = seo::printed_len(&a.description);
        let (lo, hi) = (seo::DESCRIPTION_MIN_CHARS, seo::DESCRIPTION_MAX_CHARS);
        item(
            o,
            "Méta-description",
            &format!(
                "{}<br><span class=\"num{}\">{desc_chars} caractères</span> \
                 <span class=\"note\">({lo} à {hi})</span>",
                text(&a.description),
                flag(seo::description_fits(&a.description))
            ),
        );
        item(o, "Slug", &format!("<code>{}</code>", text(&a.slug)));
        item(o, "Expression clé", &text(&a.keyphrase));
        item(o, "Mots-clés", &text(&a.keywords.join(", ")));
        let l = &a.length;
        item(
            o,
            "Mots",
            &format!(
                "<table class=\"words\"><tbody>\
                 <tr><th scope=\"row\">Corps (chapô et sections)</th><td>{}</td></tr>\
                 <tr><th scope=\"row\">dont texte de modèle</th><td>{}</td></tr>\
                 <tr><th scope=\"row\">dont mots répétés</th><td>{}</td></tr>\
                 <tr><th scope=\"row\">Source</th><td>{}</td></tr>\
                 <tr><th scope=\"row\">Plancher</th><td>{} <span class=\"num{}\">{}</span></td></tr>\
                 <tr><th scope=\"row\">Phrases source retenues</th><td>{} sur {}</td></tr>\
                 </tbody></table>",
                l.body_words,
                l.template_words,
                l.repeated_words,
                l.source_words,
                l.min_words,
                flag(l.floor_reached),
                if l.floor_reached {
                    "atteint"
                } else {
                    "non atteint"
                },
                used.iter().filter(|&&n| n > 0).count(),
                self.sentences.len(),
            ),
        );
        let warnings = if a.warnings.is_empty() {
            "<span class=\"note\">Aucun</span>".to_string()
        } else {
            let mut w = String::from("<ul class=\"warn\">");
            for x in &a.warnings {
                let _ = write!(w, "<li>{}</li>", text(x));
            }
            w.push_str("</ul>");
            w
        };
        item(o, "Avertissements", &warnings);
        item(o, "Version", &format!("refonte {}", text(a.version)));
        let mut opts = String::from("<dl class=\"opts\">");
        for (k, v) in &self.options {
            let _ = write!(opts, "<dt>{}</dt><dd>{}</dd>", text(k), text(v));
        }
        opts.push_str("</dl>");
        item(o, "Options", &opts);
        let mut hashes = String::from("<dl class=\"hashes\">");
        let input_hash = source_hash(&self.input);
        let _ = write!(
            hashes,
            "<dt>Source</dt><dd><code>{}</code></dd>",
            text(&input_hash)
        );
        if input_hash != a.source_hash {
            let _ = write!(
                hashes,
                "<dd class=\"bad\">L’article annonce une autre empreinte : <code>{}</code></dd>",
                text(&a.source_hash)
            );
        }
        for (format, hash) in self.output_hashes(a) {
            let _ = write!(
                hashes,
                "<dt>Sortie {format}</dt><dd><code>{}</code></dd>",
                text(&hash)
            );
        }
        hashes.push_str("</dl>");
        item(o, "Empreintes SHA-256", &hashes);
        o.push_str("</div>\n</section>\n");
    }

    fn source_pane(&self, o: &mut String, used: &[usize]) {
        o.push_str("<section class=\"pane\" id=\"source\" aria-labelledby=\"h-source\">\n");
        o.push_str(
            "<h2 id=\"h-source\">Source <span class=\"note\">(texte reçu, tel quel)</span></h2>\n",
        );
        o.push_str("<div class=\"src\">");
        let input = &self.input;
        let mut at = 0;
        for (i, s) in self.sentences.iter().enumerate() {
            let [a, b] = s.span;
            // Spans come in text order on character boundaries; one that
            // does not is left out (its text stays in the next gap) rather
            // than cut the text.
            let start = a.max(at);
            let Some(sentence) = input.get(start..b.max(start)) else {
                continue;
            };
            if let Some(gap) = input.get(at..start) {
                gap_text(o, gap);
            }
            let n = used.get(i).copied().unwrap_or(0);
            let score = match s.score {
                Some(x) => decimal(x, 4),
                None => "non classée".to_string(),
            };
            let state = if n > 0 { "used" } else { "omit" };
            let label = format!(
                "Phrase source n° {} · octets {a}–{b} · score {score} · {}",
                i + 1,
                match n {
                    0 => "écartée".to_string(),
                    1 => "retenue".to_string(),
                    n => format!("retenue, imprimée {n} fois"),
                }
            );
            let _ = write!(
                o,
                "<span class=\"s {state}\" id=\"s{i}\" data-i=\"{i}\" tabindex=\"0\" \
                 data-label=\"{}\" title=\"{}\">{}</span>",
                attr(&label),
                attr(&label),
                text(sentence)
            );
            if s.score.is_some() {
                let _ = write!(
                    o,
                    "<span class=\"score\" aria-hidden=\"true\">{score}</span>"
                );
            }
            at = b.max(start);
        }
        if let Some(rest) = input.get(at..) {
            gap_text(o, rest);
        }
        o.push_str("</div>\n</section>\n");
    }
}

/// The rewrite column: title, lead and sections, every source sentence
/// linked to its source, every template text marked.
fn rewrite_pane(o: &mut String, a: &Rewrite, input: &str, sources: &[SourceSentence]) {
    o.push_str("<section class=\"pane\" id=\"sortie\" aria-labelledby=\"h-sortie\">\n");
    o.push_str("<h2 id=\"h-sortie\">Réécriture</h2>\n<article class=\"out\">\n");
    let _ = writeln!(
        o,
        "<h3 class=\"frame\">{} <span class=\"badge\">titre réécrit</span></h3>",
        text(&a.title)
    );
    if !a.lead.is_empty() {
        o.push_str("<p class=\"lead\"><span class=\"badge\">chapô</span> ");
        sentences(o, &a.lead, input, sources);
        o.push_str("</p>\n");
    }
    for s in &a.sections {
        section(o, s, input, sources);
    }
    o.push_str("</article>\n</section>\n");
}

fn section(o: &mut String, s: &Section, input: &str, sources: &[SourceSentence]) {
    o.push_str("<section>\n");
    let (class, badge) = match s.heading_kind {
        HeadingKind::Quote => ("frame", "intertitre : citation de la section"),
        HeadingKind::Phrase => ("frame", "intertitre : mots de la section"),
        HeadingKind::Template => ("frame tpl", "intertitre : modèle"),
    };
    if !s.heading.trim().is_empty() {
        let _ = writeln!(
            o,
            "<h4 class=\"{class}\">{} <span class=\"badge\">{badge}</span></h4>",
            text(&s.heading)
        );
    }
    if s.list {
        o.push_str("<p class=\"derived\">Section dérivée : phrases déjà reprises ou extraits de la source, en liste.</p>\n<ul>\n");
        for p in &s.paragraphs {
            o.push_str("<li>");
            sentences(o, p, input, sources);
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    } else {
        for p in &s.paragraphs {
            o.push_str("<p>");
            sentences(o, p, input, sources);
            o.push_str("</p>\n");
        }
    }
    o.push_str("</section>\n");
}

/// A paragraph's sentences, separated by one space as the article prints them.
fn sentences(o: &mut String, ss: &[SentenceOut], input: &str, sources: &[SourceSentence]) {
    let mut first = true;
    for s in ss {
        let t = s.text.trim_matches(|c: char| c.is_ascii_whitespace());
        if t.is_empty() {
            continue;
        }
        if !first {
            o.push(' ');
        }
        first = false;
        let source = match (s.kind, s.source_index) {
            (SentenceKind::Source, Some(i)) if i < sources.len() => Some(i),
            _ => None,
        };
        let Some(i) = source else {
            let _ = write!(
                o,
                "<span class=\"o t\" title=\"Texte ajouté par refonte (modèle)\">{}</span>",
                text(t)
            );
            continue;
        };
        let [a, b] = sources[i].span;
        let source_text = input.get(a..b).unwrap_or("");
        let _ = write!(o, "<span class=\"o\" tabindex=\"0\" data-src=\"{i}\">");
        match added_connector(t, source_text) {
            Some(n) => {
                let _ = write!(
                    o,
                    "<span class=\"t\" title=\"Connecteur ajouté par refonte\">{}</span>{}",
                    text(&t[..n]),
                    text(&t[n..])
                );
            }
            None => o.push_str(&text(t)),
        }
        o.push_str("</span>");
    }
}

/// The length in bytes of the connector refonte put before a source
/// sentence (`Par ailleurs,` in `Par ailleurs, les pourparlers…`): the
/// longest connector of the lexicons, with its comma, that opens the
/// printed sentence but not the source sentence.
fn added_connector(printed: &str, source: &str) -> Option<usize> {
    lexicons()
        .connectors
        .iter()
        .filter_map(|c| {
            let rest = strip_prefix_folded(printed, &c.text)?;
            let after = rest.strip_prefix(',')?;
            let opens_source = strip_prefix_folded(source.trim_start(), &c.text)
                .is_some_and(|r| r.starts_with(','));
            (!opens_source && after.starts_with(char::is_whitespace))
                .then(|| printed.len() - after.len())
        })
        .max()
}

/// `s` without `prefix`, compared without case, accents or apostrophe forms.
fn strip_prefix_folded<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let key = |c: char| strip_accents(&fold(&c.to_string()));
    let mut rest = s.char_indices();
    for p in prefix.chars() {
        let (_, c) = rest.next()?;
        let same = c == p || (c.is_whitespace() && p.is_whitespace()) || key(c) == key(p);
        if !same {
            return None;
        }
    }
    Some(rest.next().map_or("", |(k, _)| &s[k..]))
}

/// Every sentence the rewrite prints, in order.
fn printed(a: &Rewrite) -> impl Iterator<Item = &SentenceOut> {
    a.lead.iter().chain(
        a.sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().flatten()),
    )
}

/// Input text between sentences: white space as is, anything else (request
/// lines, a title, removed boilerplate) marked as outside the article.
fn gap_text(o: &mut String, gap: &str) {
    if gap.trim().is_empty() {
        o.push_str(&text(gap));
        return;
    }
    // Keep the line breaks around the marked text outside the mark.
    let body = gap.trim();
    let lead = &gap[..gap.len() - gap.trim_start().len()];
    let tail = &gap[gap.trim_end().len()..];
    let _ = write!(
        o,
        "{}<span class=\"gap\" title=\"Hors des phrases de l’article (consigne, titre, mention retirée)\">{}</span>{}",
        text(lead),
        text(body),
        text(tail)
    );
}

/// One entry of the metadata panel, in one block so that a column never
/// splits it; `html` is already escaped.
fn item(o: &mut String, label: &str, html: &str) {
    let _ = writeln!(
        o,
        "<div class=\"item\"><h3>{}</h3><div class=\"v\">{html}</div></div>",
        text(label)
    );
}

/// The class suffix of a figure that meets its bound or not.
fn flag(ok: bool) -> &'static str {
    if ok { " ok" } else { " bad" }
}

/// A number with `digits` decimals and a decimal comma.
fn decimal(x: f64, digits: usize) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.digits$}").replace('.', ",");
    // "-0,0" reads as a sign error.
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == ',') {
        s[1..].to_string()
    } else {
        s
    }
}

fn sha256(s: &str) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    Sha256::digest(s.as_bytes()).into()
}

/// Standard base64 with padding (for the CSP hashes).
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (k, &b)| n | (b as u32) << (16 - 8 * k));
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_of(text: &str) -> (Rewrite, Review, String) {
        let refonte = crate::Refonte::default();
        let article = Article {
            text: text.into(),
            format: Format::Text,
            ..Article::default()
        };
        let rewrite = refonte.rewrite(&article).expect("rewrite");
        let review = Review::new(
            &article,
            &rewrite,
            refonte.rewrite_options(),
            refonte.rank_options(),
            Html::default(),
        );
        let page = review.render(&rewrite);
        (rewrite, review, page)
    }

    /// The test articles, compiled in: the library opens no file, not even in its tests.
    fn fixture(name: &str) -> String {
        match name {
            "medium.txt" => include_str!("../../tests/fixtures/articles/medium.txt"),
            "short.txt" => include_str!("../../tests/fixtures/articles/short.txt"),
            "quotes.txt" => include_str!("../../tests/fixtures/articles/quotes.txt"),
            _ => panic!("no fixture {name}"),
        }
        .to_string()
    }

    #[test]
    fn base64_of_known_values() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input.as_bytes()), want, "{input:?}");
        }
    }

    #[test]
    fn decimals_are_french() {
        assert_eq!(decimal(0.23308, 4), "0,2331");
        assert_eq!(decimal(-0.00001, 2), "0,00");
        assert_eq!(decimal(-14.2, 1), "-14,2");
        assert_eq!(decimal(f64::NAN, 1), "0,0");
    }

    #[test]
    fn connectors_are_found_only_when_added() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Par ailleurs, les pourparlers ont repris.",
                "Les pourparlers ont repris.",
                Some("Par ailleurs,"),
            ),
            (
                "Par ailleurs, les pourparlers ont repris.",
                "Par ailleurs, les pourparlers ont repris.",
                None,
            ),
            (
                "Les pourparlers ont repris.",
                "Les pourparlers ont repris.",
                None,
            ),
            (
                "D'autre part, Qin a répondu.",
                "Qin a répondu.",
                Some("D'autre part,"),
            ),
        ];
        for (printed, source, want) in cases {
            let got = added_connector(printed, source).map(|n| &printed[..n]);
            assert_eq!(got, *want, "{printed:?}");
        }
    }

    #[test]
    fn every_output_sentence_links_to_its_source() {
        let (rewrite, review, page) = page_of(&fixture("medium.txt"));
        assert_eq!(rewrite.source_hash, source_hash(&review.input));
        for s in printed(&rewrite) {
            let Some(i) = s.source_index else { continue };
            assert!(page.contains(&format!("data-src=\"{i}\"")), "sentence {i}");
            assert!(
                page.contains(&format!("id=\"s{i}\" data-i=\"{i}\"")),
                "source {i}"
            );
            // The rewrite's score is the review's, rounded.
            if let (Some(x), Some(y)) = (s.score, review.sentences[i].score)
                && x != 0.0
            {
                assert!(
                    (x - y).abs() < 1e-5 * y.abs().max(1e-9) + 1e-9,
                    "{i}: {x} {y}"
                );
            }
        }
        // Every source sentence appears once, and the whole input is shown.
        assert_eq!(page.matches("class=\"s ").count(), review.sentences.len());
        assert!(page.contains("class=\"s omit\""), "no sentence left out?");
    }

    #[test]
    fn the_page_loads_nothing_and_escapes_everything() {
        // Tag-like lines are dropped as code by cleaning: they stay in the
        // source column, outside the sentences; the sentences carry < > &.
        let evil = "Titre <b>gras</b>\n\n\
                    <script>alert(1)</script>\n\n\
                    Le conseil municipal a voté le budget mardi soir, après trois heures de \
                    débat, avec une hausse < 5 % & des travaux > prévus. Il prévoit que les \
                    travaux de l’école commenceront en mars. Les élus ont voté le texte « à \
                    l’unanimité », selon la mairie.\n\n\"</span><img src=x>\"";
        let (_, _, page) = page_of(evil);
        assert!(!page.contains("<script>alert"));
        assert!(!page.contains("<img"));
        assert!(!page.contains("<b>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("hausse &lt; 5 % &amp; des travaux &gt; prévus"));
        assert_eq!(page.matches("<script>").count(), 1);
        assert_eq!(page.matches("<style>").count(), 1);
        for banned in [
            " src=\"",
            "http:",
            "https:",
            "<link",
            "<iframe",
            "@import",
            "url(",
            "@font-face",
        ] {
            assert!(!page.contains(banned), "{banned}");
        }
    }

    #[test]
    fn the_csp_hashes_match_the_inline_blocks() {
        let (_, _, page) = page_of(&fixture("short.txt"));
        let script = page
            .split_once("<script>")
            .and_then(|(_, r)| r.split_once("</script>"))
            .map(|(s, _)| s)
            .expect("script");
        let style = page
            .split_once("<style>")
            .and_then(|(_, r)| r.split_once("</style>"))
            .map(|(s, _)| s)
            .expect("style");
        assert!(page.contains(&format!("'sha256-{}'", base64(&sha256(script)))));
        assert!(page.contains(&format!("'sha256-{}'", base64(&sha256(style)))));
    }

    #[test]
    fn the_page_is_the_same_twice() {
        let text = fixture("quotes.txt");
        assert_eq!(page_of(&text).2, page_of(&text).2);
    }
}
