//! A French syllable counter for the readability score (Kandel & Moles).
//!
//! Spoken syllables, by rule: each run of vowel letters is one syllable,
//! except where `lexicons/fr/syllables.txt` lists a hiatus (`poésie`,
//! `réunion`); a vowel with a diaeresis (`Noël`) and a `y` between two vowels
//! (`crayon`) open a syllable; the `u` of `qu`, and of `gu` before `e` or `i`,
//! is a consonant; a final silent `e` (`-e`, `-es`, and `-ent` of a verb form,
//! as the part-of-speech lexicon says) is dropped. The same file lists words
//! the rules miss (`pays`).

use crate::fr::lexicon;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

const DATA: &str = include_str!("../../lexicons/fr/syllables.txt");

struct Rules {
    hiatus: FxHashSet<(char, char)>,
    words: FxHashMap<String, usize>,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut hiatus = FxHashSet::default();
        let mut words = FxHashMap::default();
        for line in lexicon::entries(DATA) {
            let mut parts = line.split_whitespace();
            match (parts.next(), parts.next(), parts.next()) {
                (Some("hiatus"), Some(pair), None) => {
                    let mut cs = pair.chars();
                    if let (Some(a), Some(b), None) = (cs.next(), cs.next(), cs.next()) {
                        hiatus.insert((a, b));
                    }
                }
                (Some("word"), Some(form), Some(n)) => {
                    if let Ok(n) = n.parse() {
                        words.insert(lexicon::fold(form), n);
                    }
                }
                _ => {}
            }
        }
        Rules { hiatus, words }
    })
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'à'
            | 'â'
            | 'ä'
            | 'é'
            | 'è'
            | 'ê'
            | 'ë'
            | 'î'
            | 'ï'
            | 'ô'
            | 'ö'
            | 'ù'
            | 'û'
            | 'ü'
            | 'ÿ'
            | 'æ'
            | 'œ'
    )
}

fn has_diaeresis(c: char) -> bool {
    matches!(c, 'ë' | 'ï' | 'ü' | 'ÿ')
}

/// Syllables of one word (`porte-parole`, `l’État` and `aujourd’hui` are one
/// word each: their parts are summed). A word with no vowel letter (`G20`,
/// `2023`, `M`) counts one syllable; an empty string counts none.
pub fn count(word: &str) -> usize {
    let lower = lexicon::fold(word);
    if let Some(&n) = rules().words.get(&lower) {
        return n;
    }
    let parts: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return 0;
    }
    let n: usize = parts.iter().map(|p| count_part(p)).sum();
    n.max(1)
}

/// Syllables of a run of letters (lowercase); 0 when it has no vowel.
fn count_part(part: &str) -> usize {
    if let Some(&n) = rules().words.get(part) {
        return n;
    }
    let hiatus = &rules().hiatus;
    let cs: Vec<char> = part.chars().collect();
    // Which letters are vowels here: the u of qu, and of gu before e/i, is not.
    let vowel: Vec<bool> = (0..cs.len())
        .map(|i| {
            let c = cs[i];
            if !is_vowel(c) {
                return false;
            }
            if c == 'u' && i > 0 {
                let next = cs.get(i + 1).copied();
                if cs[i - 1] == 'q' && next.is_some_and(is_vowel) {
                    return false;
                }
                if cs[i - 1] == 'g'
                    && next.is_some_and(|n| matches!(n, 'e' | 'i' | 'é' | 'è' | 'ê'))
                {
                    return false;
                }
            }
            // A y opening the word before a vowel is a consonant (yeux, yaourt).
            if c == 'y' && i == 0 && cs.get(1).is_some_and(|&n| is_vowel(n)) {
                return false;
            }
            true
        })
        .collect();
    // Nuclei: (start, end) of each syllable's vowel letters.
    let mut nuclei: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        if !vowel[i] {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < cs.len() && vowel[end] {
            let prev = cs[end - 1];
            let c = cs[end];
            let split = has_diaeresis(c)
                || hiatus.contains(&(prev, c))
                // y between two vowels closes one syllable and opens the next.
                || (prev == 'y' && end >= start + 2);
            if split {
                break;
            }
            end += 1;
        }
        nuclei.push((start, end));
        i = end;
    }
    if nuclei.len() > 1 {
        let &(s, e) = nuclei.last().unwrap_or(&(0, 0));
        let tail: String = cs[e..].iter().collect();
        let silent_e = e == s + 1
            && cs[s] == 'e'
            && (tail.is_empty() || tail == "s" || (tail == "nt" && is_verb_form(part)));
        if silent_e {
            nuclei.pop();
        }
    }
    nuclei.len()
}

/// True when every reading of the form in the part-of-speech lexicon is a verb.
fn is_verb_form(form: &str) -> bool {
    lexicon::lexicons()
        .pos
        .get(form)
        .is_some_and(|e| e.tags.split('|').all(|t| matches!(t, "VER" | "AUX")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_spoken_syllables() {
        let cases = [
            ("chat", 1),
            ("maison", 2),
            ("table", 1),
            ("élève", 2),
            ("ordinateur", 4),
            ("poésie", 3),
            ("géographie", 4),
            ("Noël", 2),
            ("naïf", 2),
            ("crayon", 2),
            ("voyage", 2),
            ("réunion", 3),
            ("oiseau", 2),
            ("parlent", 1),
            ("moment", 2),
            ("président", 3),
            ("diplomatie", 4),
            ("responsables", 3),
            ("idée", 2),
            ("année", 2),
            ("pluie", 1),
            ("quatre", 1),
            ("que", 1),
            ("guerre", 1),
            ("théâtre", 2),
            ("nation", 2),
            ("yeux", 1),
            ("pays", 2),
            ("aujourd’hui", 3),
            ("l’État", 2),
            ("porte-parole", 3),
            ("G20", 1),
            ("2023", 1),
            ("étaient", 2),
            ("Washington", 3),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(w, n)| count(w) != *n)
            .map(|(w, n)| format!("{w}: {} (expected {n})", count(w)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }
}
