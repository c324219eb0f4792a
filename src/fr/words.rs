//! The one word splitter: what a word is, for every stage and every check.
//!
//! A word is a run of word characters (letters, digits and the combining
//! marks that belong to them), which a *joiner* may continue when another
//! word character follows it. Which characters join depends on the use:
//!
//! - [`PRINTED`] (`’`, `'`, `-`): words as a reader and the checks count
//!   them — `l’État`, `porte-parole` and `aujourd’hui` are one word each.
//!   [`each_word`], [`words`] and [`count_words`] cut this way.
//! - [`SOURCE`] (`’`, `-`, U+2011): the segmenter's words in cleaned text
//!   (one apostrophe form), before it splits elisions off.
//! - [`HYPHEN`] (`-`): the contraction fixer's words, which must see `l’` apart.
//! - [`NONE`]: ROUGE tokens, runs of word characters only.

use unicode_normalization::char::is_combining_mark;

/// Joiners of words as the checks count them.
pub const PRINTED: &[char] = &['’', '\'', '-'];
/// Joiners of the segmenter's words (cleaned text has one apostrophe form).
pub const SOURCE: &[char] = &['’', '-', '\u{2011}'];
/// Joiners of the contraction fixer's words.
pub const HYPHEN: &[char] = &['-'];
/// No joiner: runs of word characters.
pub const NONE: &[char] = &[];

/// True for a character that belongs to a word: a letter, a digit or a
/// combining mark.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The byte length of the word character at byte `j` of `s`, or 0.
fn word_char_len(s: &str, j: usize) -> usize {
    let b = s.as_bytes();
    match b.get(j) {
        Some(c) if c.is_ascii_alphanumeric() => 1,
        // The accented letters of French (`é`, `à`, `ç`: U+00C0 to U+00FF,
        // but `×` and `÷`), without a look in the Unicode tables.
        Some(0xC3) if !matches!(b.get(j + 1), Some(0x97 | 0xB7)) => 2,
        Some(c) if *c >= 0x80 => s[j..]
            .chars()
            .next()
            .filter(|&c| is_word_char(c))
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// The byte offset where the word starting at byte `i` of `s` ends: word
/// characters, continued by one of `joiners` when a word character follows.
/// `i` must be a character boundary; when no word starts there, `i` itself.
pub fn word_end(s: &str, i: usize, joiners: &[char]) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    loop {
        // ASCII letters and digits, the bulk of any word, take one comparison.
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        let n = word_char_len(s, j);
        if n > 0 {
            j += n;
            continue;
        }
        if j > i
            && let Some(c) = s[j..].chars().next()
            && joiners.contains(&c)
            && word_char_len(s, j + c.len_utf8()) > 0
        {
            j += c.len_utf8();
            continue;
        }
        return j;
    }
}

/// Byte offsets of the occurrences of `needle` in `haystack`, left to
/// right and not overlapping, as `str::match_indices` finds them (a long
/// text searched again and again is searched faster over its bytes).
pub fn occurrences<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    // An empty needle is found at every character boundary.
    let empty = needle.is_empty();
    let boundaries = empty
        .then(|| {
            haystack
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(haystack.len()))
        })
        .into_iter()
        .flatten();
    let found = (!empty)
        .then(|| memchr::memmem::find_iter(haystack.as_bytes(), needle.as_bytes()))
        .into_iter()
        .flatten();
    boundaries.chain(found)
}

/// Calls `f` on each word of `text` and its byte offset, cut with `joiners`.
pub fn each_word_with<'t>(text: &'t str, joiners: &[char], mut f: impl FnMut(usize, &'t str)) {
    let mut i = 0;
    while i < text.len() {
        let end = word_end(text, i, joiners);
        if end > i {
            f(i, &text[i..end]);
            i = end;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// Calls `f` on each word of `text` as the checks count words ([`PRINTED`]).
pub fn each_word<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    each_word_with(text, PRINTED, |_, w| f(w));
}

/// The words of `text` as the checks count them ([`PRINTED`]).
pub fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    each_word(text, |w| out.push(w));
    out
}

/// How many words `text` has as the checks count them ([`PRINTED`]):
/// `L’État et le porte-parole ont dit « oui ».` has 7.
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    each_word(text, |_| n += 1);
    n
}

/// [`each_word`], each word lowercased with `'` for `’`.
pub fn each_lower_word(text: &str, mut f: impl FnMut(&str)) {
    let mut lower = String::new();
    each_word(text, |w| {
        lower.clear();
        for c in w.chars() {
            if c == '’' {
                lower.push('\'');
            } else if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        f(&lower);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latin_letters_read_without_tables_are_word_characters() {
        for c in '\u{80}'..='\u{7FF}' {
            let s = format!("{c}x");
            let expected = if is_word_char(c) { c.len_utf8() } else { 0 };
            assert_eq!(word_char_len(&s, 0), expected, "{c:?}");
        }
    }

    #[test]
    fn printed_words_keep_elisions_and_compounds() {
        assert_eq!(
            words("L’État et le porte-parole ont dit « oui »."),
            ["L’État", "et", "le", "porte-parole", "ont", "dit", "oui"]
        );
        assert_eq!(count_words("1 200 euros, soit 3,5 %"), 6);
        assert_eq!(count_words(""), 0);
        // A joiner at either end of a word is not part of it.
        assert_eq!(words("-Est l’ - d'"), ["Est", "l", "d"]);
        assert_eq!(words("aujourd'hui"), ["aujourd'hui"]);
    }

    #[test]
    fn joiners_depend_on_the_use() {
        let cut = |joiners: &[char]| {
            let mut out = Vec::new();
            each_word_with("l’Île-de-France, a‑b", joiners, |at, w| {
                out.push((at, w))
            });
            out
        };
        assert_eq!(cut(PRINTED), [(0, "l’Île-de-France"), (20, "a"), (24, "b")]);
        assert_eq!(cut(SOURCE), [(0, "l’Île-de-France"), (20, "a‑b")]);
        assert_eq!(
            cut(HYPHEN),
            [(0, "l"), (4, "Île-de-France"), (20, "a"), (24, "b")]
        );
        assert_eq!(cut(NONE).len(), 6);
    }

    #[test]
    fn combining_marks_belong_to_their_word() {
        // `e` + U+0301 (decomposed `é`).
        assert_eq!(words("cafe\u{301} noir"), ["cafe\u{301}", "noir"]);
    }

    #[test]
    fn lower_words_fold_the_apostrophe() {
        let mut out = Vec::new();
        each_lower_word("L’ÉTAT Écoute", |w| out.push(w.to_string()));
        assert_eq!(out, ["l'état", "écoute"]);
    }
}
