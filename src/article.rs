//! The rewritten article as data: what the frame stage builds and every
//! renderer (Markdown, HTML, JSON) prints.
//!
//! Texts are stored as they will be printed: the typography pass
//! (`Typography`) runs once on the whole article before
//! rendering, so that the JSON's sentence texts, the Markdown and the HTML
//! all carry the same bytes.

use crate::summarize::SentenceOut;
use serde::Serialize;

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
}
