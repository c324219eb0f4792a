//! Numbers of a text: written in digits with French separators (`6 400`,
//! `3,5`), or in words (`vingt-deux`, `quatre-vingt-dix`), with their value,
//! so that a number the source writes one way matches the other.

use crate::fr::lexicon;
use rustc_hash::FxHashMap;

/// Numbers written with digits: `3,5`, `6 400`, `1.200`, `G20`'s `20`.
pub(super) fn number_strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        while end < chars.len() {
            let joins = match chars[end] {
                c if c.is_ascii_digit() => true,
                // A decimal comma: `3,5`.
                ',' => digit(end + 1),
                // A thousands separator: `6 400`, `1.200` (a group of three digits).
                '.' | ' ' | '\u{a0}' | '\u{202f}' => {
                    (1..=3).all(|k| digit(end + k)) && !digit(end + 4)
                }
                _ => false,
            };
            if !joins {
                break;
            }
            end += 1;
        }
        out.push(chars[start..end].iter().collect());
        i = end;
    }
    out
}

/// The digits of a number, its separators dropped: `6 400` → `6400`.
pub(super) fn digits_of(n: &str) -> String {
    n.chars().filter(char::is_ascii_digit).collect()
}

/// The runs of digits of a number: `3,5` → `3`, `5`.
pub(super) fn digit_runs_of(n: &str) -> Vec<String> {
    n.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect()
}

/// French number words and their values (`lexicons/fr/numbers.txt`).
pub(super) fn number_words() -> &'static FxHashMap<String, u64> {
    &lexicon::lexicons().number_words
}

/// The value of a number written in words (`cinq`, `vingt-deux`,
/// `quatre-vingt-dix`, `trois millions`'s `trois`), or `None` when the word
/// is not one.
pub(super) fn number_word_value(word: &str) -> Option<u64> {
    let lower = lexicon::fold(word);
    let parts: Vec<&str> = lower.split('-').collect();
    let words = number_words();
    let (mut total, mut current) = (0u64, 0u64);
    for part in &parts {
        let v = match (*part, words.get(*part)) {
            (_, Some(&v)) => v,
            // Only inside a compound: vingt-et-un.
            ("et", None) if parts.len() > 1 => continue,
            ("un" | "une", None) if parts.len() > 1 => 1,
            _ => return None,
        };
        match v {
            20 if current % 100 == 4 => current = current - 4 + 80,
            100 => current = current.max(1) * 100,
            1000 => {
                total += current.max(1) * 1000;
                current = 0;
            }
            v if v >= 1_000_000 => {
                total += current.max(1) * v;
                current = 0;
            }
            v => current += v,
        }
    }
    Some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_french_separators() {
        assert_eq!(
            number_strings("6 400 habitants, 3,5 %, 1.200 euros, en 2018 20 personnes, le G20"),
            ["6 400", "3,5", "1.200", "2018", "20", "20"]
        );
    }

    #[test]
    fn numbers_in_words_have_their_value() {
        let cases = [
            ("cinq", Some(5)),
            ("Vingt-deux", Some(22)),
            ("vingt-et-un", Some(21)),
            ("quatre-vingts", Some(80)),
            ("quatre-vingt-dix", Some(90)),
            ("soixante-dix", Some(70)),
            ("deux-cents", Some(200)),
            ("trois-mille", Some(3000)),
            ("un", None),
            ("neuf", None),
            ("porte-parole", None),
        ];
        for (w, v) in cases {
            assert_eq!(number_word_value(w), v, "{w}");
        }
    }
}
