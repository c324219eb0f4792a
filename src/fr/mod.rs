//! The French layer: everything refonte knows of French, in one place.
//!
//! - [`lexicon`]: every data file under `lexicons/fr/`, loaded and checked once;
//! - [`words`]: the one word splitter, used by every stage and check;
//! - [`typography`]: French, plain and edited print, and printed lengths;
//! - [`elision`]: vowel sounds, h aspiré, `l’`, `d’`, `qu’`;
//! - [`articles`]: `de`/`à` with their contractions, definite articles, and
//!   the contraction fixer for text refonte builds;
//! - [`case`]: capitals (sentence case, first letter up or down);
//! - [`places`]: prepositions of place by country (`en Chine`, `au Japon`);
//! - [`slug`]: ASCII slugs;
//! - [`seo`]: the limits of search metadata (SEO title, description).
//!
//! Every function here is pure and total: it takes any string (empty, lone
//! punctuation, other scripts) and never panics. They implement the rules of
//! `docs/FRENCH.md` that an editor checks first. They are meant for text
//! refonte writes: source sentences are quoted as they are (`afin de le
//! faire` is correct French that [`fix_contractions`] would only get right
//! by luck).
//!
//! The apostrophe refonte writes is the typographic `’` (U+2019); the inputs
//! may use `'` or `’`.

pub mod articles;
pub mod case;
pub mod elision;
pub mod lexicon;
pub mod places;
pub mod seo;
pub mod slug;
pub mod typography;
pub mod words;

pub use articles::{a, de, definite_article, fix_contractions};
pub use case::{lower_first, lowercase, may_contain_lowered, sentence_case, upper_first};
pub use elision::{elide, join, starts_with_vowel_sound};
pub use places::{place_preposition, region_phrase};
pub use slug::slugify;
pub use typography::Typography;
pub use words::{count_words, each_lower_word, each_word, occurrences, words};

/// No-break space (U+00A0).
pub(crate) const NBSP: char = '\u{A0}';
/// Narrow no-break space (U+202F).
pub(crate) const NNBSP: char = '\u{202F}';
/// The typographic apostrophe refonte writes.
pub(crate) const APOS: char = '’';

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn nb(s: &str) -> String {
        // `~` in a table stands for U+00A0, `^` for U+202F.
        s.replace('~', "\u{A0}").replace('^', "\u{202F}")
    }

    /// Random French-like strings: words, numbers, spaces of three kinds and
    /// the punctuation the typography handles.
    pub(crate) fn french_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("le".to_string()),
            Just("de".to_string()),
            Just("à".to_string()),
            Just("Hamas".to_string()),
            Just("homme".to_string()),
            Just("États-Unis".to_string()),
            Just("l'".to_string()),
            Just("l’".to_string()),
            Just("http://x.fr".to_string()),
            Just("14:30".to_string()),
            Just("2019".to_string()),
            Just("17h30".to_string()),
            Just("9H".to_string()),
            Just("5km".to_string()),
            Just("1er".to_string()),
            "[0-9]{1,4}",
            "[a-zéèêàçœA-ZÉ]{1,6}",
            "[ \u{a0}\u{202f}\n\t]{1,2}",
            "[:;!?%«»“”\"'’‘….,()\\-–—/=]{1,3}",
        ];
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    #[test]
    fn a_needle_whose_letters_are_missing_is_not_there() {
        assert!(!may_contain_lowered("Le maire de Lormeville", "budget"));
        assert!(may_contain_lowered("Le BUDGET de l’État", "budget"));
        assert!(may_contain_lowered("L’ÉTAT", "l’état"));
        assert!(!may_contain_lowered("L’ÉTAT", "l’étau"));
    }

    proptest! {
        #[test]
        fn typography_is_idempotent(s in french_like()) {
            for t in [Typography::Source, Typography::Plain] {
                let once = t.apply(&s);
                prop_assert_eq!(t.apply(&once), once.clone(), "{:?} on {:?}", t, s);
            }
            let plain = Typography::Plain.apply(&s);
            prop_assert!(plain.chars().all(|c| c.is_ascii() || c.is_alphabetic()), "{:?}", plain);
        }

        #[test]
        fn printed_length_lies_within_its_bounds(s in french_like()) {
            for t in [Typography::Source, Typography::Edited, Typography::Plain] {
                let n = t.apply(&s).chars().count();
                let (low, high) = t.printed_len_bounds(&s);
                prop_assert!(low <= n && n <= high, "{:?}: {} not in {}..={} for {:?}", t, n, low, high, s);
                for (min, max) in [(0, n), (n, n), (n + 1, n + 5), (0, n.saturating_sub(1)), (low, high)] {
                    prop_assert_eq!(t.prints_within(&s, min, max), (min..=max).contains(&n));
                }
            }
        }

        #[test]
        fn occurrences_are_the_standard_ones(h in "[ab é]{0,20}", n in "[ab é]{0,3}") {
            let standard: Vec<usize> = h.match_indices(n.as_str()).map(|(i, _)| i).collect();
            prop_assert_eq!(occurrences(&h, &n).collect::<Vec<_>>(), standard);
        }

        #[test]
        fn lowercase_is_the_standard_one(s in "\\PC{0,40}", t in "[aÉΣσ İK\u{212A}ß.-]{0,12}") {
            prop_assert_eq!(lowercase(&s), s.to_lowercase());
            prop_assert_eq!(lowercase(&t), t.to_lowercase());
        }

        #[test]
        fn a_lowered_text_holds_what_its_letters_allow(s in "[a-zA-ZéÉèÈ ’'\\-İ\u{212A}]{0,30}", start in 0usize..30, len in 0usize..8) {
            // Any piece of the lowered text, or that piece changed, is
            // foreseen whenever the lowered text holds it.
            let lower = s.to_lowercase();
            let chars: Vec<char> = lower.chars().collect();
            let piece: String = chars.iter().skip(start).take(len).collect();
            for needle in [piece.clone(), format!("{piece}x"), piece.replacen('e', "é", 1)] {
                if lower.contains(&needle) {
                    prop_assert!(may_contain_lowered(&s, &needle), "{:?} in {:?}", needle, s);
                }
            }
        }

        #[test]
        fn text_functions_are_total(s in french_like(), t in "\\PC{0,12}") {
            let _ = de(&s);
            let _ = a(&s);
            let _ = elide(&t, &s);
            let _ = join(&s, &t);
            let _ = definite_article(&s);
            let _ = starts_with_vowel_sound(&t);
            let fixed = fix_contractions(&s);
            prop_assert_eq!(fix_contractions(&fixed), fixed.clone());
            // `is_proper` must not depend on case, as an entity list does not.
            let proper = |w: &str| w.to_lowercase().chars().count() > 4;
            let cased = sentence_case(&s, proper);
            prop_assert_eq!(sentence_case(&cased, proper), cased.clone());
            let _ = upper_first(&t);
            let _ = lower_first(&t, |_| false);
            let _ = place_preposition(&t);
            let slug = slugify(&s, 24);
            prop_assert!(slug.len() <= 24);
            prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
            let slug2 = slugify(&t, 10);
            prop_assert!(slug2.len() <= 10);
        }
    }
}
