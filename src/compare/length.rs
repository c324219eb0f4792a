//! Length and reading ease of a body: words as refonte counts them,
//! sentences, sections, and the French Flesch reading ease of Kandel & Moles
//! (1958), with the syllable counter of [`super::syllables`].

use super::LengthStats;
use super::syllables;

/// Length and Kandel & Moles reading ease of body sentences.
pub fn length_stats(sentences: &[String], sections: usize) -> LengthStats {
    let mut words = 0usize;
    let mut syllables = 0usize;
    for s in sentences {
        for w in crate::fr::words(s) {
            words += 1;
            syllables += syllables::count(w);
        }
    }
    let n = sentences.len();
    let (wps, spw) = if n > 0 && words > 0 {
        (words as f64 / n as f64, syllables as f64 / words as f64)
    } else {
        (0.0, 0.0)
    };
    let flesch = if words > 0 {
        207.0 - 1.015 * wps - 73.6 * spw
    } else {
        0.0
    };
    LengthStats {
        words,
        sentences: n,
        sections,
        words_per_sentence: wps,
        syllables_per_word: spw,
        flesch,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fr::{count_words, words};

    #[test]
    fn words_are_counted_as_refonte_counts_them() {
        let s = "L’État a dit : « porte-parole » -- 3,5 % d’ici l’an 2024 ' - fin";
        assert_eq!(words(s).len(), count_words(s));
        assert_eq!(words("l’État porte-parole"), ["l’État", "porte-parole"]);
    }

    #[test]
    fn reading_ease_follows_kandel_and_moles() {
        let s = length_stats(&["Le chat dort.".to_string()], 0);
        // 3 words, 3 syllables, 1 sentence: 207 − 1.015 × 3 − 73.6 × 1.
        assert_eq!((s.words, s.sentences), (3, 1));
        assert!((s.flesch - (207.0 - 1.015 * 3.0 - 73.6)).abs() < 1e-9);
    }
}
