//! The extractive summary: the best-ranked sentences, printed in source order.

use crate::document::Document;
use crate::model::SentenceOut;
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
