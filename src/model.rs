//! The output model: the rewritten article as data, with the provenance of
//! every sentence — what the rewrite builds, what every renderer (Markdown,
//! HTML, JSON, the review page) prints, and what nothing later changes.
//!
//! Texts are stored as they will be printed: the typography pass
//! (`Typography`) runs once on the whole article before
//! rendering, so that the JSON's sentence texts, the Markdown and the HTML
//! all carry the same bytes. The model depends on no later stage: a renderer
//! needs the model and the input text, never the pipeline.

use crate::document::Document;
use serde::Serialize;

/// Where an output sentence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// A sentence of the source, as cleaned.
    Source,
    /// Text from refonte's templates.
    Template,
}

/// An output sentence with its provenance (SPEC §7).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceOut {
    /// The sentence as printed.
    pub text: String,
    /// Source or template.
    pub kind: SentenceKind,
    /// Index of the source sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_index: Option<usize>,
    /// UTF-8 byte span of the sentence in the input as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_span: Option<[usize; 2]>,
    /// TextRank score of the source sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
}

impl SentenceOut {
    /// The output object for source sentence `i` of `doc`.
    pub fn source(doc: &Document, i: usize, score: f64) -> SentenceOut {
        let (a, b) = doc.source_span(doc.seg.sentences[i].span);
        SentenceOut {
            text: doc.sentence_text(i),
            kind: SentenceKind::Source,
            source_index: Some(i),
            source_span: Some([a, b]),
            score: Some(round_score(score)),
        }
    }
}

/// Scores are printed with 6 significant digits: enough to order, stable to print.
pub fn round_score(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return 0.0;
    }
    let digits = 6 - (x.abs().log10().floor() as i32) - 1;
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// One sentence of the source as segmented, printed or not: what the
/// review page shows beside the rewrite.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceSentence {
    /// UTF-8 byte span in the input as given.
    pub span: [usize; 2],
    /// TextRank score; `None` for a sentence the ranking left out (the title, a subheading).
    pub score: Option<f64>,
}

/// What the request fixed, beside the options: the title, keyphrase and
/// word floor given with the article (`None` when refonte chose).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    /// The title given (flag, record field or request line).
    pub title: Option<String>,
    /// The focus keyphrase imposed.
    pub keyphrase: Option<String>,
    /// The word floor asked for.
    pub min_words: Option<usize>,
}

/// How a subheading was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadingKind {
    /// A short quotation from the section, in guillemets.
    Quote,
    /// A noun phrase of the section's own words (or the source's own subheading).
    Phrase,
    /// A template from `lexicons/fr/` framing the section's words.
    Template,
}

/// A ranked candidate (title candidates).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The candidate text.
    pub text: String,
    /// Its score: higher is better.
    pub score: f64,
}

/// One section: a subheading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// The subheading (H2).
    pub heading: String,
    /// How the subheading was made.
    pub heading_kind: HeadingKind,
    /// Paragraphs, each a list of sentences.
    pub paragraphs: Vec<Vec<SentenceOut>>,
    /// True when the paragraphs are printed as a bulleted list (derived sections).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub list: bool,
}

/// Word accounting of the body (SPEC §7 `length`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LengthReport {
    /// Words of the source article's body.
    pub source_words: usize,
    /// Words of the output body (lead and sections; headings excluded).
    pub body_words: usize,
    /// Body words that come from templates (connectors, frames).
    pub template_words: usize,
    /// Body words of source sentences printed more than once.
    pub repeated_words: usize,
    /// The word floor asked for.
    pub min_words: usize,
    /// True when the body reaches the floor.
    pub floor_reached: bool,
}

/// The rewritten article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rewrite {
    /// The customized H1.
    pub title: String,
    /// Title candidates, best first.
    pub title_candidates: Vec<Candidate>,
    /// SEO title, at most 60 characters.
    pub seo_title: String,
    /// Meta description, 120–156 characters, containing the keyphrase.
    pub description: String,
    /// URL slug: ASCII, lowercase, hyphens, no stop words.
    pub slug: String,
    /// Focus keyphrase, in a form found verbatim in the text.
    pub keyphrase: String,
    /// Further keyphrases.
    pub keywords: Vec<String>,
    /// The lead paragraph (chapô).
    pub lead: Vec<SentenceOut>,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// Body words (lead and sections; headings excluded).
    pub word_count: usize,
    /// Word accounting.
    pub length: LengthReport,
    /// Human-readable notes (source too short, boilerplate removed…).
    pub warnings: Vec<String>,
    /// refonte's version.
    pub version: &'static str,
    /// SHA-256 of the input text as given, hex.
    pub source_hash: String,
    /// Language of the article (always `fr`).
    pub lang: &'static str,
    /// Every sentence of the source, in text order (index = source index),
    /// with its span and score: the provenance the review page shows.
    #[serde(skip)]
    pub sources: Vec<SourceSentence>,
    /// What the request fixed.
    #[serde(skip)]
    pub request: Request,
}
