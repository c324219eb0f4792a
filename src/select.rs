//! Which source sentences the rewrite prints: all of them when the source is
//! short, the best-ranked when it is longer than the target, always with the
//! sentences that others depend on.

use crate::document::Document;
use crate::rank::Ranking;

/// Weight of a sentence with a typing slip that provenance keeps as written
/// (`disant:`, `20%`, `...`): where the article is longer than needed, the
/// clean sentences of about the same rank go first.
const SLIP_WEIGHT: f64 = 0.7;

/// The ranked sentences, best first, a sentence with a typing slip (see
/// [`crate::analyze::has_slips`]) weighing [`SLIP_WEIGHT`] of its score; ties
/// by position.
fn order_clean_first(doc: &Document, ranking: &Ranking) -> Vec<usize> {
    let weight = |i: usize| {
        let slip = doc.has_slips(i);
        ranking.scores[i] * if slip { SLIP_WEIGHT } else { 1.0 }
    };
    let mut v: Vec<(f64, usize)> = ranking.candidates.iter().map(|&i| (weight(i), i)).collect();
    v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    v.into_iter().map(|(_, i)| i).collect()
}

/// The sentences to print, in source order.
///
/// When the body holds no more than `target` words, every body sentence is
/// kept. Otherwise sentences are taken in rank order (a sentence with a typing slip weighing [`SLIP_WEIGHT`] of
/// its score) until `target` words,
/// each with the chain of sentences it depends on; a sentence whose chain
/// does not fit is passed over. The first body sentence is always kept.
pub fn select(doc: &Document, ranking: &Ranking, target: usize) -> Vec<usize> {
    let body: Vec<usize> = ranking.candidates.clone();
    let words = |i: usize| doc.terms.sentence_words[i] as usize;
    let total: usize = body.iter().map(|&i| words(i)).sum();
    if total <= target {
        return body;
    }
    let mut chosen = vec![false; doc.seg.sentences.len()];
    let mut count = 0usize;
    let is_body: Vec<bool> = {
        let mut v = vec![false; doc.seg.sentences.len()];
        for &i in &body {
            v[i] = true;
        }
        v
    };
    let take = |chain: &[usize], chosen: &mut Vec<bool>, count: &mut usize| {
        for &j in chain {
            if !chosen[j] {
                chosen[j] = true;
                *count += words(j);
            }
        }
    };
    if let Some(&first) = body.first() {
        take(&[first], &mut chosen, &mut count);
    }
    for i in order_clean_first(doc, ranking) {
        if count >= target {
            break;
        }
        if chosen[i] {
            continue;
        }
        // The sentence and those it depends on, back to one that stands alone.
        let mut chain = vec![i];
        let mut j = i;
        while doc.depends_on_previous(j) && j > 0 && is_body[j - 1] && !chosen[j - 1] {
            j -= 1;
            chain.push(j);
        }
        let extra: usize = chain.iter().map(|&k| words(k)).sum();
        // A chain may overshoot the target a little, never by more than half its size.
        if count + extra > target + extra / 2 && count > 0 && chain.len() > 1 {
            continue;
        }
        take(&chain, &mut chosen, &mut count);
    }
    body.into_iter().filter(|&i| chosen[i]).collect()
}
