//! Faithfulness: the share of the printed text's unigrams and bigrams the
//! source never has, and the hallucination candidates (names, numbers and
//! dates the source does not hold, quotations that are not a word-for-word
//! run of it).

use super::Faithfulness;
use super::numbers::{number_strings, number_word_value};
use super::read::Read;
use super::source::{SourceIndex, folded_tokens};
use crate::analyze::Facts;
use crate::fr::words;
use crate::rouge;

/// Share of the pieces' n-grams (unigrams or bigrams) absent from `seen`.
fn novel_share(pieces: &[Vec<String>], n: usize, seen: impl Fn(&[String]) -> bool) -> f64 {
    let (mut novel, mut total) = (0usize, 0usize);
    for toks in pieces {
        for g in toks.windows(n) {
            total += 1;
            if !seen(g) {
                novel += 1;
            }
        }
    }
    if total == 0 {
        0.0
    } else {
        novel as f64 / total as f64
    }
}

/// What the candidate prints that the source does not say.
pub(super) fn faithfulness(r: &Read, index: &SourceIndex) -> Faithfulness {
    let printed = r.printed();
    let pieces: Vec<Vec<String>> = printed.iter().map(|p| rouge::tokens(p)).collect();
    let novel_unigrams = novel_share(&pieces, 1, |g| index.unigrams.contains(&g[0]));
    let novel_bigrams = novel_share(&pieces, 2, |g| {
        index.bigrams.contains(&(g[0].clone(), g[1].clone()))
    });
    let facts = r.doc.facts();
    Faithfulness {
        novel_unigrams,
        novel_bigrams,
        new_names: new_names(r, &facts, index),
        new_numbers: new_numbers(&printed, index),
        new_dates: new_dates(r, &facts, index),
        quotations: facts.quotations.len(),
        unmatched_quotations: unmatched_quotations(&facts, index),
    }
}

/// Names the source never writes: entities, then capitalised words inside
/// a sentence (title and subheadings included), which the entity finder may
/// not have taken for names; sorted.
fn new_names(r: &Read, facts: &Facts, index: &SourceIndex) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for e in &facts.entities {
        if !index.holds_words(&e.text) {
            names.push(e.text.clone());
        }
    }
    let mut units: Vec<String> = r.doc.title.iter().cloned().collect();
    units.extend(r.headings());
    units.extend(r.body_sentences());
    for unit in &units {
        for w in words(unit).into_iter().skip(1) {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if !capital || w.chars().any(|c| c.is_ascii_digit()) || index.holds_words(w) {
                continue;
            }
            let covered = names.iter().any(|n| {
                folded_tokens(n)
                    .iter()
                    .any(|t| folded_tokens(w).contains(t))
            });
            if !covered {
                names.push(w.to_string());
            }
        }
    }
    sorted(names)
}

/// Numbers of the printed text the source never writes, sorted. A number
/// in words is new unless the source writes the same words or the same
/// value in digits.
fn new_numbers(printed: &[String], index: &SourceIndex) -> Vec<String> {
    let mut numbers: Vec<String> = printed
        .iter()
        .flat_map(|p| number_strings(p))
        .filter(|n| !index.has_number(n))
        .map(|n| n.replace(['\u{a0}', '\u{202f}'], " "))
        .collect();
    for p in printed {
        for w in words(p) {
            if let Some(v) = number_word_value(w)
                && !index.holds_words(w)
                && !index.digit_strings.contains(&v.to_string())
            {
                numbers.push(w.to_string());
            }
        }
    }
    sorted(numbers)
}

/// Dates the source never writes (as a run of its words), sorted.
fn new_dates(r: &Read, facts: &Facts, index: &SourceIndex) -> Vec<String> {
    let dates: Vec<String> = facts
        .dates
        .iter()
        .map(|d| d.of(&r.doc.text).to_string())
        .filter(|d| !index.has_run(&folded_tokens(d)))
        .collect();
    sorted(dates)
}

/// Quotations that are not a word-for-word run of the source, in text order.
fn unmatched_quotations(facts: &Facts, index: &SourceIndex) -> Vec<String> {
    facts
        .quotations
        .iter()
        .filter(|q| {
            let toks = folded_tokens(&q.text);
            !toks.is_empty() && !index.has_run(&toks)
        })
        .map(|q| q.text.clone())
        .collect()
}

/// A list sorted, each item once.
fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort();
    list.dedup();
    list
}
