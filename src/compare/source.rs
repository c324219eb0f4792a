//! The source as the comparisons need it: its words, n-grams, numbers and
//! runs of words, indexed once for every candidate.

use super::DEFAULT_MIN_WORDS;
use super::numbers::{digit_runs_of, digits_of, number_strings, number_words};
use super::read::Read;
use super::seo::contraction_errors;
use crate::fr::lexicon;
use crate::fr::typography::fold_superscripts;
use crate::rouge;
use rustc_hash::{FxHashMap, FxHashSet};

/// Lowercase ROUGE tokens with accents removed and printed ordinals read
/// as typed (for names, dates, quotations).
pub(super) fn folded_tokens(text: &str) -> Vec<String> {
    rouge::tokens(&fold_superscripts(text))
        .into_iter()
        .map(|t| lexicon::strip_accents(&t))
        .collect()
}

/// What the source offers for the comparisons, computed once.
pub(super) struct SourceIndex {
    /// ROUGE tokens of the body, for coverage.
    pub(super) body_tokens: Vec<String>,
    /// ROUGE tokens of the printed text, for novel unigrams.
    pub(super) unigrams: FxHashSet<String>,
    /// Pairs of ROUGE tokens of the printed text, for novel bigrams.
    pub(super) bigrams: FxHashSet<(String, String)>,
    /// Folded tokens of the printed and the cleaned text, in order.
    folded: Vec<String>,
    /// Where each folded token occurs in `folded`.
    positions: FxHashMap<String, Vec<usize>>,
    /// The folded tokens, for names.
    pub(super) folded_set: FxHashSet<String>,
    /// Numbers as their digits, written in digits or in words.
    pub(super) digit_strings: FxHashSet<String>,
    /// Runs of digits of the numbers written in digits.
    digit_runs: FxHashSet<String>,
    /// The source's title.
    pub(super) title: Option<String>,
    /// The word floor of the source's request, else [`DEFAULT_MIN_WORDS`].
    pub(super) min_words: usize,
    /// Contractions left undone in the source's printed text.
    pub(super) contractions: usize,
}

impl SourceIndex {
    /// Indexes the source as read.
    pub(super) fn new(read: &Read) -> SourceIndex {
        // The same pieces as a candidate's printed text, so that a candidate
        // identical to the source has no novel n-gram.
        let all = read.printed();
        let mut unigrams = FxHashSet::default();
        let mut bigrams = FxHashSet::default();
        let mut folded = Vec::new();
        let mut digit_strings = FxHashSet::default();
        let mut digit_runs = FxHashSet::default();
        for piece in &all {
            let toks = rouge::tokens(piece);
            for w in toks.windows(2) {
                bigrams.insert((w[0].clone(), w[1].clone()));
            }
            unigrams.extend(toks.iter().cloned());
            folded.extend(folded_tokens(piece));
            // A number the source writes in words matches its value in digits.
            for t in &toks {
                if let Some(&v) = number_words().get(t.as_str()) {
                    digit_strings.insert(v.to_string());
                }
            }
            for n in number_strings(piece) {
                digit_strings.insert(digits_of(&n));
                digit_runs.extend(digit_runs_of(&n));
            }
        }
        // Entities and quotations are read in the cleaned text, where cleaning
        // may have split a glued join (`ZappingIl` → `Zapping Il`): the
        // source's cleaned text counts as its words too.
        folded.extend(folded_tokens(&read.doc.text));
        let folded_set = folded.iter().cloned().collect();
        let mut positions: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, t) in folded.iter().enumerate() {
            positions.entry(t.clone()).or_default().push(i);
        }
        SourceIndex {
            body_tokens: read.body_tokens(),
            unigrams,
            bigrams,
            folded,
            positions,
            folded_set,
            digit_strings,
            digit_runs,
            title: read.doc.title.clone(),
            min_words: read.doc.min_words.unwrap_or(DEFAULT_MIN_WORDS),
            contractions: all.iter().map(|p| contraction_errors(p)).sum(),
        }
    }

    /// True when every word of `text` (folded) is one of the source's.
    pub(super) fn holds_words(&self, text: &str) -> bool {
        folded_tokens(text)
            .iter()
            .all(|t| self.folded_set.contains(t))
    }

    /// True when `needle` (folded tokens) is a contiguous run of the source's words.
    pub(super) fn has_run(&self, needle: &[String]) -> bool {
        let Some(first) = needle.first() else {
            return false;
        };
        self.positions.get(first).is_some_and(|starts| {
            starts
                .iter()
                .any(|&i| self.folded.get(i..i + needle.len()) == Some(needle))
        })
    }

    /// True when the source holds the number (same digits, or each of its digit runs).
    pub(super) fn has_number(&self, n: &str) -> bool {
        let runs = digit_runs_of(n);
        self.digit_strings.contains(&digits_of(n))
            || (!runs.is_empty() && runs.iter().all(|r| self.digit_runs.contains(r)))
    }
}
