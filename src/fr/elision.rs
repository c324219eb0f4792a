//! Vowel sounds and elision: `l’épisode`, `qu’il`, `c’est`, and `le héros`,
//! `la Hongrie` before an aspirated h (`lexicons/fr/h_aspire.txt`).

use super::APOS;
use super::case::upper_first;
use super::lexicon::{self, Pos, fold};
use unicode_normalization::char::decompose_canonical;

// ---------------------------------------------------------------------------
// Vowel sounds and elision
// ---------------------------------------------------------------------------

/// The base letter of `c`: lowercase, without accent; `æ` → `a`, `œ` → `o`.
fn base_letter(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'æ' => return 'a',
        'œ' => return 'o',
        _ => {}
    }
    let mut base = lower;
    let mut first = true;
    decompose_canonical(lower, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base
}

fn is_vowel_base(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// The word at the start of `s`, lowercase: letters and inner hyphens.
fn head_word(s: &str) -> String {
    let w: String = s
        .chars()
        .take_while(|&c| c.is_alphabetic() || c == '-')
        .collect();
    fold(w.trim_end_matches('-'))
}

fn is_h_aspire(lower: &str) -> bool {
    let set = &lexicon::lexicons().h_aspire;
    set.contains(lower)
        || lower
            .split_once('-')
            .is_some_and(|(first, _)| set.contains(first))
}

/// True when `word` begins with a vowel sound, so that `le`, `de`, `que`…
/// elide before it.
///
/// - A vowel, with or without accent, and `æ` `œ`: `épisode`, `Élysée`,
///   `ONU`, `œuvre` → true. Exceptions without elision: `onze`, `onzième`,
///   `oui`, `ouistiti`, `uhlan` (`le onze`).
/// - `h`: mute unless the word (or the part before its first hyphen) is in
///   the h aspiré lexicon: `homme`, `hôpital` → true; `héros`, `Hamas`,
///   `Hongrie`, `haut`, `huit`, `Hong Kong` → false. An `h` followed by a
///   consonant is an acronym read letter by letter (`HLM`, `HCR`) → false.
/// - `y`: a consonant before a vowel (`yaourt`, `Yémen`, `yoga`, `Yougoslavie`
///   → false), a vowel otherwise (`Yves`, `Ypres`, the pronoun `y` → true);
///   exceptions `yeux`, `yeuse`, `Yonne` → true.
/// - Anything else (consonants, digits, punctuation, other scripts, the empty
///   string) → false; leading white space is skipped. Digits are not read as
///   numbers (`de 8`, `de 11`: no elision in print).
pub fn starts_with_vowel_sound(word: &str) -> bool {
    let w = word.trim_start();
    let mut chars = w.chars();
    let Some(c0) = chars.next() else {
        return false;
    };
    let b0 = base_letter(c0);
    if !b0.is_ascii_alphabetic() {
        return false;
    }
    let head = head_word(w);
    if lexicon::lexicons().no_elision.contains(head.as_str()) {
        return false;
    }
    match b0 {
        'a' | 'e' | 'i' | 'o' | 'u' => true,
        'y' => {
            if lexicon::lexicons().y_vowel.contains(head.as_str()) {
                return true;
            }
            !chars.next().is_some_and(|c| is_vowel_base(base_letter(c)))
        }
        'h' => {
            let vowel_next = chars.next().is_some_and(|c| is_vowel_base(base_letter(c)));
            vowel_next && !is_h_aspire(&head)
        }
        _ => false,
    }
}

/// Applies the case of `model` to a lowercase `target`: all capitals when
/// `model` is (`DE` → `DU`), a capital first letter when `model` has one
/// (`De` → `Du`), lowercase otherwise.
pub(super) fn case_like(model: &str, target: &str) -> String {
    if is_all_caps(model) {
        return target.to_uppercase();
    }
    if model.chars().next().is_some_and(char::is_uppercase) {
        return upper_first(target);
    }
    target.to_string()
}

/// True when `w` has two letters or more, all capitals (`DE`, `ONU`).
pub(super) fn is_all_caps(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let mut count = 0;
    let all = letters.all(|c| {
        count += 1;
        c.is_uppercase()
    });
    all && count > 1
}

/// The first word of `s` (letters, digits, inner hyphens), lowercase.
fn first_word_lower(s: &str) -> String {
    let w: String = s
        .trim_start()
        .chars()
        .take_while(|&c| c.is_alphanumeric() || c == '-')
        .collect();
    fold(&w)
}

/// True when `w` looks like an infinitive or another verb form that `le`
/// could be the object of (`de le faire`): its most frequent reading in the
/// part-of-speech lexicon is a verb and it has no gender (not a noun).
pub(super) fn looks_like_verb(w: &str) -> bool {
    lexicon::lexicons()
        .pos
        .get(&fold(w))
        .is_some_and(|e| matches!(e.pos(), Pos::Verb | Pos::Aux) && e.gender == '-')
}

/// True when `le` + `next` is a surname with a capitalised `Le` (`Le Pen`).
pub(super) fn is_le_surname(article: &str, next: &str) -> bool {
    article.starts_with(['L'])
        && lexicon::lexicons()
            .surnames_after_le
            .contains(first_word_lower(next).as_str())
}

/// Elides `word` before `next` when `next` starts with a vowel sound
/// ([`starts_with_vowel_sound`]), and returns the form to print.
///
/// - `le`, `la`, `de`, `que`, `ne`, `se`, `je`, `me`, `te` (and `jusque`,
///   `lorsque`, `puisque`, `quoique`) lose their last vowel: `("le",
///   "épisode")` → `"l’"`, `("que", "il")` → `"qu’"`, `("de", "Emmanuel")` →
///   `"d’"`. The elided form ends with `’` and takes no space before `next`.
/// - `si` elides only before `il` / `ils` (`s’il`; `si elle` stays).
/// - `ce` becomes `c’` before `est`, `était`, `en`… (`c’est`) and `cet`
///   before a noun or adjective (`cet accord`, `cet homme`); `cet` is a word
///   and takes a space. Before anything else `ce` stays (`ce à quoi`).
/// - The case of `word` is kept: `Le` → `L’`, `QUE` → `QU’`.
/// - Any other word, or a `next` without a vowel sound (`le héros`, `de
///   Hongrie`), gives `word` unchanged. `le` / `la` before `un` / `une` elide
///   too (`l’un des`), so write `la une` (a newspaper's front page) yourself.
pub fn elide(word: &str, next: &str) -> String {
    let lower = fold(word);
    if !lexicon::lexicons().elidable.contains(lower.as_str()) || !starts_with_vowel_sound(next) {
        return word.to_string();
    }
    let next_word = first_word_lower(next);
    let elided = |w: &str| {
        let mut cut: String = w.chars().collect();
        cut.pop();
        cut.push(APOS);
        cut
    };
    match lower.as_str() {
        "si" => {
            if next_word == "il" || next_word == "ils" {
                elided(word)
            } else {
                word.to_string()
            }
        }
        "ce" => {
            if lexicon::lexicons()
                .ce_elides_before
                .contains(next_word.as_str())
            {
                elided(word)
            } else if lexicon::lexicons()
                .pos
                .get(&next_word)
                .is_some_and(|e| matches!(e.pos(), Pos::Noun | Pos::Adj))
            {
                case_like(word, "cet")
            } else {
                word.to_string()
            }
        }
        _ => elided(word),
    }
}

/// Joins two words with elision when needed: `join("le", "épisode")` ==
/// `"l’épisode"`, `join("le", "héros")` == `"le héros"`, `join("que", "il")`
/// == `"qu’il"`, `join("ce", "accord")` == `"cet accord"`.
///
/// An empty `word` gives `next`, an empty `next` gives `word` (no stray
/// space). See [`elide`] for the rules.
pub fn join(word: &str, next: &str) -> String {
    if word.is_empty() {
        return next.to_string();
    }
    if next.is_empty() {
        return word.to_string();
    }
    let e = elide(word, next);
    if e.ends_with(APOS) {
        format!("{e}{next}")
    } else {
        format!("{e} {next}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vowel_sounds() {
        let cases: &[(&str, bool)] = &[
            ("épisode", true),
            ("Emmanuel", true),
            ("Élysée", true),
            ("État", true),
            ("accord", true),
            ("un", true),
            ("ONU", true),
            ("œuvre", true),
            ("Œil", true),
            ("homme", true),
            ("hôpital", true),
            ("Hôpital", true),
            ("histoire", true),
            ("héros", false),
            ("Hamas", false),
            ("HAMAS", false),
            ("Hongrie", false),
            ("hausse", false),
            ("haut", false),
            ("huit", false),
            ("Hong Kong", false),
            ("Hong-Kong", false),
            ("haut-commissaire", false),
            ("HLM", false),
            ("onze", false),
            ("oui", false),
            ("yaourt", false),
            ("Yémen", false),
            ("yoga", false),
            ("Yves", true),
            ("y", true),
            ("yeux", true),
            ("président", false),
            ("Chine", false),
            ("8", false),
            ("11", false),
            ("", false),
            ("   ", false),
            ("«", false),
            ("« Emmanuel", false),
            ("北京", false),
            ("  épisode", true),
        ];
        for &(w, want) in cases {
            assert_eq!(starts_with_vowel_sound(w), want, "{w:?}");
        }
    }

    #[test]
    fn elide_and_join() {
        // (word, next, elide, join)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("le", "épisode", "l’", "l’épisode"),
            ("le", "héros", "le", "le héros"),
            ("la", "Hongrie", "la", "la Hongrie"),
            ("le", "Hamas", "le", "le Hamas"),
            ("le", "haut responsable", "le", "le haut responsable"),
            ("le", "homme", "l’", "l’homme"),
            ("le", "hôpital", "l’", "l’hôpital"),
            ("que", "il", "qu’", "qu’il"),
            ("que", "Emmanuel", "qu’", "qu’Emmanuel"),
            ("de", "Emmanuel", "d’", "d’Emmanuel"),
            ("de", "Antony Blinken", "d’", "d’Antony Blinken"),
            ("de", "Hongrie", "de", "de Hongrie"),
            ("ne", "est", "n’", "n’est"),
            ("se", "est", "s’", "s’est"),
            ("je", "ai", "j’", "j’ai"),
            ("me", "a", "m’", "m’a"),
            ("te", "a", "t’", "t’a"),
            ("si", "il", "s’", "s’il"),
            ("si", "ils", "s’", "s’ils"),
            ("si", "elle", "si", "si elle"),
            ("ce", "est", "c’", "c’est"),
            ("ce", "accord", "cet", "cet accord"),
            ("ce", "homme", "cet", "cet homme"),
            ("ce", "héros", "ce", "ce héros"),
            ("ce", "à", "ce", "ce à"),
            ("jusque", "à", "jusqu’", "jusqu’à"),
            ("Le", "épisode", "L’", "L’épisode"),
            ("QUE", "IL", "QU’", "QU’IL"),
            ("De", "Emmanuel", "D’", "D’Emmanuel"),
            ("le", "onze", "le", "le onze"),
            ("le", "yaourt", "le", "le yaourt"),
            ("du", "accord", "du", "du accord"),
            ("", "épisode", "", "épisode"),
            ("le", "", "le", "le"),
        ];
        for &(w, next, e, j) in cases {
            assert_eq!(elide(w, next), e, "elide({w:?}, {next:?})");
            assert_eq!(join(w, next), j, "join({w:?}, {next:?})");
        }
    }
}
