//! Slugs: ASCII, lowercase, hyphens, no stop words.

use super::APOS;
use super::lexicon::{self, fold};
use super::typography::{is_apostrophe, thousands_separators};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

// ---------------------------------------------------------------------------
// Slugs
// ---------------------------------------------------------------------------

/// Appends `c` as ASCII to `piece`: accents dropped, ligatures spelled out;
/// returns false for a character with no ASCII letter or digit.
fn push_ascii(c: char, piece: &mut String) -> bool {
    match c {
        'œ' | 'Œ' => piece.push_str("oe"),
        'æ' | 'Æ' => piece.push_str("ae"),
        'ß' => piece.push_str("ss"),
        'ø' | 'Ø' => piece.push('o'),
        'ł' | 'Ł' => piece.push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => piece.push('d'),
        'þ' | 'Þ' => piece.push_str("th"),
        'ı' => piece.push('i'),
        _ => {
            let mut any = false;
            decompose_canonical(c, |d| {
                if d.is_ascii_alphanumeric() {
                    piece.push(d.to_ascii_lowercase());
                    any = true;
                } else if is_combining_mark(d) {
                    // dropped accent
                } else {
                    any = false;
                }
            });
            return any;
        }
    }
    true
}

/// The ASCII pieces of one word (split where a character has no ASCII form).
fn ascii_pieces(word: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        if !push_ascii(c, &mut piece) && !piece.is_empty() {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// URL slug: ASCII, lowercase, words joined by one hyphen, stop words dropped.
///
/// - Letters are NFD-decomposed and stripped to ASCII (`é` → `e`, `œ` → `oe`,
///   `æ` → `ae`, `ß` → `ss`); characters with no ASCII form (other scripts,
///   symbols) separate words; digit groups of a number (`2 600 000`) are
///   joined (`2600000`).
/// - Stop words are dropped (`crate::fr::lexicon::lexicons().is_stop` on the
///   lowercase word), and so are the elided letters `l`, `d`, `qu`, `s`, `n`,
///   `j`, `m`, `t`, `c` (and `jusqu`, `lorsqu`…) left after splitting a word
///   at its apostrophe (`l’État` → `etat`). When every word is a stop word,
///   they are all kept, so that a title of stop words still has a slug.
/// - At most `max_len` bytes, cut between words; when the first word alone
///   is longer, it is cut to `max_len` bytes (the only case a word is cut).
///   `max_len == 0` gives `""`.
/// - No leading or trailing hyphen; `""` for input with no letters or digits.
///
/// `"Blinken en Chine : des discussions « constructives »"` →
/// `"blinken-chine-discussions-constructives"`.
pub fn slugify(s: &str, max_len: usize) -> String {
    let lex = lexicon::lexicons();
    let chars: Vec<char> = s.chars().collect();
    let seps = thousands_separators(&chars);
    // (piece, is_stop)
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, pieces: &mut Vec<(String, bool)>| {
        if word.is_empty() {
            return;
        }
        let folded = fold(word);
        let whole_stop = lex.is_stop(&folded);
        let parts: Vec<&str> = folded.split(APOS).filter(|p| !p.is_empty()).collect();
        let count = parts.len();
        for (k, part) in parts.into_iter().enumerate() {
            let elided = (k + 1 < count || folded.ends_with(APOS))
                && (lex.elided_prefixes.contains(part)
                    || lex.elided_word_parts.contains(part)
                    || lex.is_stop(&format!("{part}{APOS}")));
            let stop = whole_stop || elided || lex.is_stop(part);
            for p in ascii_pieces(part) {
                pieces.push((p, stop));
            }
        }
        word.clear();
    };
    let mut k = 0;
    let mut seps = seps.into_iter().peekable();
    while k < chars.len() {
        let c = chars[k];
        if seps.peek() == Some(&k) {
            seps.next();
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            word.push(c);
        } else if is_apostrophe(c) && !word.is_empty() {
            word.push(APOS);
        } else {
            flush(&mut word, &mut pieces);
        }
        k += 1;
    }
    flush(&mut word, &mut pieces);
    let content: Vec<&str> = pieces
        .iter()
        .filter(|(_, stop)| !stop)
        .map(|(p, _)| p.as_str())
        .collect();
    let chosen: Vec<&str> = if content.is_empty() {
        pieces.iter().map(|(p, _)| p.as_str()).collect()
    } else {
        content
    };
    let mut out = String::new();
    for p in chosen {
        if out.is_empty() {
            if p.len() > max_len {
                out.push_str(&p[..max_len]);
                break;
            }
            out.push_str(p);
        } else if out.len() + 1 + p.len() <= max_len {
            out.push('-');
            out.push_str(p);
        } else {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "Blinken en Chine : des discussions « constructives »",
                80,
                "blinken-chine-discussions-constructives",
            ),
            ("L’État et l’Œuvre", 80, "etat-oeuvre"),
            ("L'État", 80, "etat"),
            ("Ærø straße", 80, "aero-strasse"),
            ("Qu’il vienne à l’hôpital", 80, "vienne-hopital"),
            ("2 600 000 personnes", 80, "2600000-personnes"),
            ("En 2019 200 personnes", 80, "2019-200-personnes"),
            ("Blinken en Chine : des discussions", 20, "blinken-chine"),
            ("Blinken en Chine", 7, "blinken"),
            ("Blinken en Chine", 6, "blinke"),
            ("Blinken", 0, ""),
            ("le la les", 80, "le-la-les"),
            ("", 80, ""),
            ("« … » !", 80, ""),
            ("北京", 80, ""),
            ("北京 et Pékin", 80, "pekin"),
            ("--Paris--", 80, "paris"),
            ("aujourd’hui à Paris", 80, "paris"),
        ];
        for &(s, max, want) in cases {
            assert_eq!(slugify(s, max), want, "slugify({s:?}, {max})");
        }
    }
}
