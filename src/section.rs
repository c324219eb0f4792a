//! Topical sections: the printed sentences, in source order, cut into
//! sections and paragraphs.
//!
//! The algorithm is topic segmentation in the manner of TextTiling (Hearst
//! 1997): the lexical cohesion across every gap between two sentences is
//! measured (cosine of the content terms of the sentences on each side), a
//! gap scores by how deep it lies below the cohesion around it, and dynamic
//! programming picks the set of gaps with the best total score under the
//! size constraints (every section at least `min_words`, at most
//! `max_words`, close to `ideal_words`). Source paragraph breaks and the
//! journalists' own subheadings raise a gap's score; a gap before a sentence
//! that depends on the previous one (`Il…`, `Mais…`) is never a cut.
//!
//! Why segmentation rather than clustering: clustering regroups sentences
//! by topic across the article, which breaks the story's order and detaches
//! anaphors and quotations from what they refer to. On the 300 long dev
//! articles, keeping order keeps every dependent sentence after its
//! antecedent by construction; the measured figures are in the README.

use crate::document::Document;
use crate::segment::ParagraphKind;

/// Section and paragraph sizes, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionOptions {
    /// Smallest section (default 80).
    pub min_words: usize,
    /// Largest section (default 280: Yoast flags text over 300 words without a subheading).
    pub max_words: usize,
    /// Preferred section size (default 190).
    pub ideal_words: usize,
    /// Largest paragraph (default 140: Yoast flags paragraphs over 150 words).
    pub max_paragraph_words: usize,
}

impl Default for SectionOptions {
    fn default() -> Self {
        SectionOptions {
            min_words: 80,
            max_words: 280,
            ideal_words: 190,
            max_paragraph_words: 140,
        }
    }
}

/// A section as sentence indices: paragraphs of source sentences.
pub type Paragraphs = Vec<Vec<usize>>;

/// Cuts `units` (sentence indices in source order) into sections of paragraphs.
pub fn sections(doc: &Document, units: &[usize], opts: &SectionOptions) -> Vec<Paragraphs> {
    if units.is_empty() {
        return Vec::new();
    }
    let words: Vec<usize> = units
        .iter()
        .map(|&i| doc.terms.sentence_words[i] as usize)
        .collect();
    let gaps = gap_scores(doc, units);
    // When the bounds cannot be met: first allow short sections; then allow
    // a cut where it parts a sentence from the one it depends on (at a heavy
    // cost: a heading there is better than a 500-word wall of text); last,
    // drop the bounds (one very long sentence).
    let no_min = SectionOptions {
        min_words: 0,
        ..opts.clone()
    };
    let forced: Vec<Option<f64>> = gaps.iter().map(|g| Some(g.unwrap_or(-3.0))).collect();
    let cuts = best_cuts(&words, &gaps, opts)
        .or_else(|| best_cuts(&words, &gaps, &no_min))
        .or_else(|| best_cuts(&words, &forced, &no_min))
        .or_else(|| {
            let relaxed = SectionOptions {
                min_words: 0,
                max_words: usize::MAX / 4,
                ..opts.clone()
            };
            best_cuts(&words, &gaps, &relaxed)
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut start = 0;
    for end in cuts.into_iter().chain(std::iter::once(units.len())) {
        if end > start {
            out.push(paragraphs(
                doc,
                &units[start..end],
                opts.max_paragraph_words,
            ));
        }
        start = end;
    }
    out
}

/// Score of a cut before unit `g + 1`, for every gap `g`; `None` where no cut is allowed.
fn gap_scores(doc: &Document, units: &[usize]) -> Vec<Option<f64>> {
    let n = units.len();
    if n < 2 {
        return Vec::new();
    }
    const WINDOW: usize = 2;
    let cohesion: Vec<f64> = (0..n - 1)
        .map(|g| {
            let left = &units[g.saturating_sub(WINDOW - 1)..=g];
            let right = &units[g + 1..(g + 1 + WINDOW).min(n)];
            cosine(doc, left, right)
        })
        .collect();
    (0..n - 1)
        .map(|g| {
            let (a, b) = (units[g], units[g + 1]);
            if doc.depends_on_previous(b) && b == a + 1 {
                return None;
            }
            let peak = |range: std::ops::Range<usize>| {
                range.map(|k| cohesion[k]).fold(cohesion[g], f64::max)
            };
            let left = peak(g.saturating_sub(3)..g);
            let right = peak(g + 1..(g + 4).min(n - 1));
            let mut score = (left - cohesion[g]) + (right - cohesion[g]);
            let (pa, pb) = (
                doc.seg.sentences[a].paragraph,
                doc.seg.sentences[b].paragraph,
            );
            if pa == pb {
                score -= 0.3;
            } else {
                score += 0.2;
            }
            // A journalist's subheading between the two: the strongest sign.
            if (pa + 1..pb).any(|p| doc.seg.paragraphs[p].kind == ParagraphKind::Heading) {
                score += 1.5;
            }
            // `…de ces petites juridictions` names what the sentence before
            // said: a heading between them leaves it without its antecedent.
            if doc.names_back_inside(b) && b == a + 1 {
                score -= NAMES_BACK_PENALTY;
            }
            Some(score)
        })
        .collect()
}

/// How much a cut loses before a sentence that names the one before it by
/// a demonstrative (see [`Document::names_back_inside`]): more than any
/// cohesion dip, less than a journalist's subheading.
const NAMES_BACK_PENALTY: f64 = 1.0;

/// Cosine of the summed content-term counts of two groups of sentences.
fn cosine(doc: &Document, left: &[usize], right: &[usize]) -> f64 {
    let (a, b) = (summed_terms(doc, left), summed_terms(doc, right));
    let norm = |v: &[(u32, f64)]| v.iter().map(|&(_, x)| x * x).sum::<f64>().sqrt();
    let (na, nb) = (norm(&a), norm(&b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot / (na * nb)
}

/// The summed content-term counts of a group of sentences, by ascending
/// term: each sentence's terms are ascending and unique, so the group's
/// are merged in one pass (the sums are of whole numbers, exact in any
/// order).
fn summed_terms(doc: &Document, group: &[usize]) -> Vec<(u32, f64)> {
    let mut v: Vec<(u32, f64)> = Vec::new();
    for &i in group {
        let terms = doc.terms.sentence(i);
        let mut merged = Vec::with_capacity(v.len() + terms.len());
        let (mut a, mut b) = (0, 0);
        while a < v.len() || b < terms.len() {
            match (v.get(a), terms.get(b)) {
                (Some(&(t, x)), Some(&(u, c))) if t == u => {
                    merged.push((t, x + c as f64));
                    a += 1;
                    b += 1;
                }
                (Some(&(t, x)), Some(&(u, _))) if t < u => {
                    merged.push((t, x));
                    a += 1;
                }
                (Some(&(t, x)), None) => {
                    merged.push((t, x));
                    a += 1;
                }
                (_, Some(&(u, c))) => {
                    merged.push((u, c as f64));
                    b += 1;
                }
                (None, None) => break,
            }
        }
        v = merged;
    }
    v
}

/// The cut positions (unit indices that start a new section) with the best
/// total score, or `None` when the bounds cannot be met.
fn best_cuts(words: &[usize], gaps: &[Option<f64>], opts: &SectionOptions) -> Option<Vec<usize>> {
    let n = words.len();
    let mut prefix = vec![0usize; n + 1];
    for k in 0..n {
        prefix[k + 1] = prefix[k] + words[k];
    }
    let size_cost = |w: usize| {
        let d = (w as f64 - opts.ideal_words as f64) / opts.ideal_words as f64;
        d * d
    };
    // best[j]: best score of units[..j] cut into whole sections; from[j]: where its last section starts.
    let mut best = vec![f64::NEG_INFINITY; n + 1];
    let mut from = vec![usize::MAX; n + 1];
    best[0] = 0.0;
    for j in 1..=n {
        for i in 0..j {
            if best[i] == f64::NEG_INFINITY {
                continue;
            }
            let w = prefix[j] - prefix[i];
            if w < opts.min_words || w > opts.max_words {
                continue;
            }
            let cut = if i == 0 {
                Some(0.0)
            } else {
                gaps.get(i - 1).copied().flatten()
            };
            let Some(cut) = cut else { continue };
            let score = best[i] + cut - size_cost(w);
            // Strictly better only: ties keep the earlier cut.
            if score > best[j] {
                best[j] = score;
                from[j] = i;
            }
        }
    }
    if best[n] == f64::NEG_INFINITY {
        return None;
    }
    let mut cuts = Vec::new();
    let mut j = n;
    while j > 0 {
        let i = from[j];
        if i > 0 {
            cuts.push(i);
        }
        j = i;
    }
    cuts.reverse();
    Some(cuts)
}

/// Paragraphs of one section: sentences of the same source paragraph stay
/// together; a paragraph over `max_words` is split at a sentence that does
/// not depend on the one before it.
fn paragraphs(doc: &Document, units: &[usize], max_words: usize) -> Paragraphs {
    let mut out: Paragraphs = Vec::new();
    for &i in units {
        let para = doc.seg.sentences[i].paragraph;
        match out.last_mut() {
            Some(last)
                if last
                    .last()
                    .is_some_and(|&p| doc.seg.sentences[p].paragraph == para && p + 1 == i) =>
            {
                last.push(i)
            }
            _ => out.push(vec![i]),
        }
    }
    // Words as Yoast counts them (runs between spaces), plus room for a
    // connector that may open the sentence.
    let words = |i: usize| doc.sentence_text(i).split_whitespace().count() + 2;
    let mut split = Vec::new();
    for p in out {
        let total: usize = p.iter().map(|&i| words(i)).sum();
        if total <= max_words || p.len() < 2 {
            split.push(p);
            continue;
        }
        // Aim for pieces of about equal size, each at most max_words.
        let pieces = total.div_ceil(max_words);
        let aim = total / pieces + 1;
        let mut cur: Vec<usize> = Vec::new();
        let mut cur_words = 0;
        for &i in &p {
            let w = words(i);
            // Prefer a cut before a sentence that stands alone; past the
            // limit, cut anyway (the sentences stay next to each other).
            let can_cut = !cur.is_empty() && !doc.depends_on_previous(i);
            let must_cut = !cur.is_empty() && cur_words + w > max_words;
            if must_cut || (can_cut && (cur_words + w > max_words || cur_words >= aim)) {
                split.push(std::mem::take(&mut cur));
                cur_words = 0;
            }
            cur.push(i);
            cur_words += w;
        }
        if !cur.is_empty() {
            split.push(cur);
        }
    }
    split
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_respect_bounds_and_prefer_deep_gaps() {
        let words = vec![50; 8];
        // Gap 3 (before unit 4) is the deepest.
        let gaps = vec![
            Some(0.0),
            Some(0.1),
            Some(0.0),
            Some(2.0),
            Some(0.0),
            Some(0.1),
            Some(0.0),
        ];
        let opts = SectionOptions {
            min_words: 100,
            max_words: 250,
            ideal_words: 200,
            max_paragraph_words: 140,
        };
        assert_eq!(best_cuts(&words, &gaps, &opts), Some(vec![4]));
    }

    #[test]
    fn forbidden_gaps_are_never_cut() {
        let words = vec![60; 6];
        let gaps = vec![Some(0.0), Some(0.0), None, Some(0.0), Some(0.0)];
        let opts = SectionOptions {
            min_words: 100,
            max_words: 200,
            ideal_words: 180,
            max_paragraph_words: 140,
        };
        let cuts = best_cuts(&words, &gaps, &opts).unwrap();
        assert!(!cuts.contains(&3), "{cuts:?}");
    }

    #[test]
    fn impossible_bounds_give_none() {
        let opts = SectionOptions::default();
        assert_eq!(best_cuts(&[500], &[], &opts), None);
    }
}
