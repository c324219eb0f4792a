//! The extractive summary: the best-ranked sentences, printed in source order.

use crate::document::Document;
use crate::rank::{self, RankOptions, Ranking};
use serde::Serialize;

/// How long a summary should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// Exactly this many sentences (fewer when the article has fewer).
    Sentences(usize),
    /// Sentences in rank order until this many words are reached.
    Words(usize),
}

impl Default for Length {
    /// Three sentences.
    fn default() -> Self {
        Length::Sentences(3)
    }
}

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
fn round_score(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return 0.0;
    }
    let digits = 6 - (x.abs().log10().floor() as i32) - 1;
    let f = 10f64.powi(digits);
    (x * f).round() / f
}

/// An extractive summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The sentences joined by newlines, in source order.
    pub summary: String,
    /// The sentences with their provenance, in source order.
    pub sentences: Vec<SentenceOut>,
    /// Notes on the input (boilerplate removed, long input windowed…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Ranks a document's sentences with its title as a prior.
pub fn rank_document(doc: &Document, opts: &RankOptions) -> Ranking {
    let title_terms = doc
        .title
        .as_deref()
        .map(|t| crate::analyze::terms_of_text(t, &doc.terms))
        .unwrap_or_default();
    rank::rank(&doc.terms, &doc.body_mask(), &title_terms, opts)
}

/// The warning for a sentence graph limited to a window on a long input.
pub fn graph_warning(ranking: &Ranking) -> Option<String> {
    ranking.windowed.then(|| {
        format!(
            "long input: {} sentences, each linked only to the {} before and after it in the sentence graph",
            ranking.candidates.len(),
            ranking.window
        )
    })
}

/// Summarizes a document.
pub fn summarize(doc: &Document, length: Length, opts: &RankOptions) -> Summary {
    let ranking = rank_document(doc, opts);
    let mut chosen = select(doc, &ranking, length);
    chosen.sort_unstable();
    let sentences: Vec<SentenceOut> = chosen
        .iter()
        .map(|&i| SentenceOut::source(doc, i, ranking.scores[i]))
        .collect();
    let summary = sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let mut warnings = doc.warnings();
    warnings.extend(graph_warning(&ranking));
    Summary {
        summary,
        sentences,
        warnings,
    }
}

/// Picks sentences in rank order up to the requested length.
fn select(doc: &Document, ranking: &Ranking, length: Length) -> Vec<usize> {
    let order = ranking.order();
    match length {
        Length::Sentences(k) => order.into_iter().take(k).collect(),
        Length::Words(n) => {
            let mut words = 0;
            let mut out = Vec::new();
            for i in order {
                if words >= n {
                    break;
                }
                words += doc.terms.sentence_words[i] as usize;
                out.push(i);
            }
            out
        }
    }
}
