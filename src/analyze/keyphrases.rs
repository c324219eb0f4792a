//! Keyphrase candidates: noun phrases and names, scored by their terms.

use super::noun_phrases::NounPhrase;
use super::terms::{NO_TERM, Terms, terms_of_text};

use crate::segment::Segmented;
use rustc_hash::FxHashMap;

/// A keyphrase candidate: a noun phrase or a name, with its score.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Keyphrase {
    /// The phrase as first written in the text.
    pub text: String,
    /// Stems of its content words, space-separated (its identity).
    #[serde(skip)]
    pub key: String,
    /// Occurrences in the text (same stems).
    pub count: usize,
    /// Score: higher is better.
    pub score: f64,
    /// First sentence where it occurs.
    pub first_sentence: usize,
}

/// Noun phrases (`(ADJ) NOUN (ADJ)* (de (la) NOUN (ADJ)*)?`) and names, scored
/// by how often their words occur, with a bonus for words of the title.
pub(super) fn keyphrases(
    text: &str,
    seg: &Segmented,
    terms: &Terms,
    title: Option<&str>,
    phrases: &[Vec<NounPhrase>],
) -> Vec<Keyphrase> {
    let mut tf = vec![0u32; terms.len()];
    for &t in &terms.token_terms {
        if t != NO_TERM {
            tf[t as usize] += 1;
        }
    }
    let title_terms: Vec<u32> = title
        .map(|t| {
            terms_of_text(t, terms)
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        })
        .unwrap_or_default();
    let mut found: Vec<Keyphrase> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    // A heading has no phrases.
    for (si, sentence_phrases) in phrases.iter().enumerate() {
        if seg.is_heading(si) {
            continue;
        }
        for np in sentence_phrases {
            let ids = &np.terms;
            if !ids.is_empty() && ids.len() <= 4 {
                let key = ids
                    .iter()
                    .map(|&i| terms.stem(i))
                    .collect::<Vec<_>>()
                    .join(" ");
                let phrase = np.span.of(text).to_string();
                match index.get(&key) {
                    Some(&i) => found[i].count += 1,
                    None => {
                        index.insert(key.clone(), found.len());
                        let weight: f64 = ids
                            .iter()
                            .map(|&i| {
                                let bonus = if title_terms.contains(&i) { 2.0 } else { 1.0 };
                                tf[i as usize] as f64 * bonus
                            })
                            .sum::<f64>()
                            / (ids.len() as f64).sqrt();
                        found.push(Keyphrase {
                            text: phrase,
                            key,
                            count: 1,
                            score: weight,
                            first_sentence: si,
                        });
                    }
                }
            }
        }
    }
    for kp in &mut found {
        kp.score *= (1.0 + kp.count as f64).ln();
    }
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.first_sentence.cmp(&b.first_sentence))
    });
    found.truncate(20);
    found
}
