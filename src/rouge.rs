//! ROUGE-1, ROUGE-2 and ROUGE-L (F1, recall, precision), as Google's
//! `rouge-score` computes them, with a French tokenizer: Unicode NFC,
//! lowercase, every run of letters and digits a token (accents kept, no
//! stemming). ROUGE-L is the LCS over the whole text (`rougeL`, not `rougeLsum`).

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

/// Precision, recall and F1 of one ROUGE variant.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Share of the candidate's units found in the reference.
    pub precision: f64,
    /// Share of the reference's units found in the candidate.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Score {
    fn new(hits: f64, candidate: f64, reference: f64) -> Score {
        let precision = if candidate > 0.0 {
            hits / candidate
        } else {
            0.0
        };
        let recall = if reference > 0.0 {
            hits / reference
        } else {
            0.0
        };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Score {
            precision,
            recall,
            f1,
        }
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of a candidate against a reference.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rouge {
    /// Unigram overlap.
    pub rouge1: Score,
    /// Bigram overlap.
    pub rouge2: Score,
    /// Longest common subsequence.
    pub rouge_l: Score,
}

/// French ROUGE tokens: NFC, lowercase, runs of letters and digits.
pub fn tokens(text: &str) -> Vec<String> {
    let lower: String = text.nfc().flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    crate::fr::words::each_word_with(&lower, crate::fr::words::NONE, |_, w| {
        out.push(w.to_string())
    });
    out
}

fn ngram_score(cand: &[String], refr: &[String], n: usize) -> Score {
    if cand.len() < n || refr.len() < n {
        return Score::default();
    }
    let mut counts: FxHashMap<&[String], (u32, u32)> = FxHashMap::default();
    for g in refr.windows(n) {
        counts.entry(g).or_default().0 += 1;
    }
    for g in cand.windows(n) {
        counts.entry(g).or_default().1 += 1;
    }
    let hits: u32 = counts.values().map(|&(r, c)| r.min(c)).sum();
    Score::new(
        hits as f64,
        (cand.len() + 1 - n) as f64,
        (refr.len() + 1 - n) as f64,
    )
}

fn lcs(a: &[String], b: &[String]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Scores `candidate` against `reference`.
pub fn rouge(candidate: &str, reference: &str) -> Rouge {
    rouge_tokens(&tokens(candidate), &tokens(reference))
}

/// Scores candidate tokens against reference tokens, both as [`tokens`] gives
/// them (to tokenize a text once and score it against several others).
pub fn rouge_tokens(candidate: &[String], reference: &[String]) -> Rouge {
    Rouge {
        rouge1: rouge_n(candidate, reference, 1),
        rouge2: rouge_n(candidate, reference, 2),
        rouge_l: rouge_l(candidate, reference),
    }
}

/// ROUGE-N of candidate tokens against reference tokens (linear time).
pub fn rouge_n(candidate: &[String], reference: &[String], n: usize) -> Score {
    ngram_score(candidate, reference, n)
}

/// ROUGE-L of candidate tokens against reference tokens: time grows with the
/// product of their lengths, memory with the reference's length.
pub fn rouge_l(candidate: &[String], reference: &[String]) -> Score {
    let (c, r) = (candidate, reference);
    Score::new(lcs(c, r) as f64, c.len() as f64, r.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_tokens_keep_accents_and_split_elisions() {
        assert_eq!(
            tokens("L’État a négocié 3,5 %"),
            ["l", "état", "a", "négocié", "3", "5"]
        );
    }

    #[test]
    fn identical_texts_score_one() {
        let r = rouge("le chat dort", "le chat dort");
        assert_eq!(r.rouge1.f1, 1.0);
        assert_eq!(r.rouge2.f1, 1.0);
        assert_eq!(r.rouge_l.f1, 1.0);
    }

    #[test]
    fn known_values() {
        // candidate: le chat dort sur le tapis (6); reference: le chien dort sur le lit (6)
        let r = rouge("le chat dort sur le tapis", "le chien dort sur le lit");
        // unigrams shared: le×2, dort, sur = 4 → p = r = 4/6
        assert!((r.rouge1.f1 - 4.0 / 6.0).abs() < 1e-12);
        // bigrams shared: "dort sur", "sur le" = 2 of 5
        assert!((r.rouge2.f1 - 2.0 / 5.0).abs() < 1e-12);
        // LCS: le dort sur le = 4
        assert!((r.rouge_l.f1 - 4.0 / 6.0).abs() < 1e-12);
    }
}
