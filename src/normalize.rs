//! Cleaning: Unicode NFC, one apostrophe, guillemets repaired, stray
//! punctuation mended, glued paragraph joins split, boilerplate removed.
//!
//! Each pass is mapped (see [`crate::offsets`]): cleaning never loses track
//! of which input bytes a character came from.

use crate::input::HEADING_MARK;
use crate::lexicon::{Lexicons, lexicons};
use crate::offsets::{OffsetMap, TextBuilder};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Why a line was taken out of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovalKind {
    /// A line matching the boilerplate lexicon (`Source link`, `Lire aussi`, credits…).
    Boilerplate,
    /// A line of leftover JavaScript or HTML.
    Code,
}

/// A line removed by cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    /// Why it was removed.
    pub kind: RemovalKind,
    /// The line as it was.
    pub text: String,
}

/// Cleaned text and what cleaning did.
#[derive(Debug, Clone)]
pub struct Cleaned {
    /// The cleaned text: paragraphs separated by exactly one blank line.
    pub text: String,
    /// Maps of the passes that changed something, first pass first.
    pub maps: Vec<OffsetMap>,
    /// Lines removed, in input order.
    pub removed: Vec<Removal>,
}

/// Cleans extracted article text (see the module docs).
pub fn clean(text: &str) -> Cleaned {
    let mut maps = Vec::new();
    let nfc = to_nfc(text);
    let text: &str = match &nfc {
        Some((t, m)) => {
            maps.push(m.clone());
            t
        }
        None => text,
    };
    let (out, map, removed) = clean_lines(text, lexicons());
    maps.push(map);
    Cleaned {
        text: out,
        maps,
        removed,
    }
}

/// Cleans a one-line string such as a title: same character rules, no line removal.
pub fn clean_line(text: &str) -> String {
    let joined: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let nfc: String = joined.nfc().collect();
    let mut b = TextBuilder::new(nfc.len(), nfc.len());
    let mut state = LineState::default();
    clean_chars(&mut b, 0, &nfc, lexicons(), &mut state);
    b.finish().0.trim().to_string()
}

/// NFC, mapped cluster by cluster; `None` when the text is already NFC.
fn to_nfc(text: &str) -> Option<(String, OffsetMap)> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return None;
    }
    let mut b = TextBuilder::new(text.len(), text.len());
    let mut cluster_start = 0;
    let flush = |b: &mut TextBuilder, start: usize, end: usize| {
        let cluster = &text[start..end];
        let n: String = cluster.nfc().collect();
        if n == cluster {
            b.copy(start, cluster);
        } else {
            b.replace(start, end, &n);
        }
    };
    for (i, c) in text.char_indices() {
        if i > cluster_start && unicode_normalization::char::canonical_combining_class(c) == 0 {
            flush(&mut b, cluster_start, i);
            cluster_start = i;
        }
    }
    flush(&mut b, cluster_start, text.len());
    Some(b.finish())
}

/// What a line's cleaning needs to know about the text before it.
#[derive(Debug, Default)]
struct LineState {
    /// Words since the last sentence end or line start.
    words_since_end: usize,
    /// Inside a word (to count words).
    in_word: bool,
}

fn clean_lines(text: &str, lex: &Lexicons) -> (String, OffsetMap, Vec<Removal>) {
    let mut b = TextBuilder::new(text.len(), text.len());
    let mut removed = Vec::new();
    let mut pos = 0;
    let mut blank_run = 0usize;
    for raw in text.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let content = line.trim_start_matches(HEADING_MARK);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            blank_run += 1;
            continue;
        }
        if lex.is_boilerplate_line(trimmed) || lex.is_code_line(trimmed) {
            let kind = if lex.is_boilerplate_line(trimmed) {
                RemovalKind::Boilerplate
            } else {
                RemovalKind::Code
            };
            removed.push(Removal {
                kind,
                text: trimmed.to_string(),
            });
            // A removed line separates what surrounds it like a blank line does.
            blank_run += 1;
            continue;
        }
        if !b.text().is_empty() {
            b.insert(start, if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        // Leading whitespace goes; the heading mark, if any, stays first.
        let lead = line.len() - line.trim_start().len();
        let mut from = start + lead;
        let mut rest = &line[lead..];
        if let Some(r) = rest.strip_prefix(HEADING_MARK) {
            b.copy(from, &rest[..HEADING_MARK.len_utf8()]);
            from += HEADING_MARK.len_utf8();
            let lead2 = r.len() - r.trim_start().len();
            from += lead2;
            rest = &r[lead2..];
        }
        let mut state = LineState::default();
        clean_chars(&mut b, from, rest.trim_end(), lex, &mut state);
    }
    b.trim_end_matches(char::is_whitespace);
    let (out, map) = b.finish();
    (out, map, removed)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`')
}

fn is_hspace(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    ) || (c.is_control() && !c.is_whitespace())
}

/// Cleans the characters of one line (no newline inside), appending to `b`.
fn clean_chars(b: &mut TextBuilder, base: usize, line: &str, lex: &Lexicons, st: &mut LineState) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let n = chars.len();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let off = |k: usize| chars.get(k).map_or(line.len(), |&(i, _)| i);
    let mut run = 0usize; // byte offset in `line` of the pending verbatim run
    let mut k = 0usize;
    // Flush the verbatim run up to byte `to` of `line`.
    macro_rules! flush {
        ($to:expr) => {{
            let to = $to;
            if run < to {
                b.copy(base + run, &line[run..to]);
            }
        }};
    }
    while k < n {
        let c = chars[k].1;
        let here = off(k);
        let prev = if k > 0 { at(k - 1) } else { None };
        let next = at(k + 1);

        // Words are counted to tell a glued heading from a glued sentence.
        let wordish = c.is_alphanumeric();
        if wordish && !st.in_word {
            st.words_since_end += 1;
        }
        st.in_word = wordish || (st.in_word && (c == '-' || c == '’'));

        if is_invisible(c) {
            flush!(here);
            k += 1;
            run = off(k);
            continue;
        }
        if is_hspace(c) {
            // A run of spaces becomes one space; none before a comma or a single period.
            let mut j = k;
            while j < n && (is_hspace(chars[j].1) || is_invisible(chars[j].1)) {
                j += 1;
            }
            let after = at(j);
            let before_punct = matches!(after, Some(','))
                || (after == Some('.')
                    && at(j + 1) != Some('.')
                    && !at(j + 1).is_some_and(|x| x.is_ascii_digit()));
            let plain = j == k + 1 && c == ' ';
            if before_punct {
                flush!(here);
                run = off(j);
            } else if !plain {
                flush!(here);
                b.replace(base + here, base + off(j), " ");
                run = off(j);
            }
            k = j;
            continue;
        }
        if is_apostrophe(c)
            && prev.is_some_and(char::is_alphabetic)
            && next.is_some_and(char::is_alphabetic)
        {
            flush!(here);
            b.replace(base + here, base + off(k + 1), "’");
            k += 1;
            run = off(k);
            continue;
        }
        if c == '»'
            && prev.is_none_or(|p| p == ' ' || p == '(' || p == '\u{a0}')
            && next.is_some_and(char::is_alphanumeric)
        {
            // A reversed opening guillemet: »Une vraie conversation »
            flush!(here);
            b.replace(base + here, base + off(k + 1), "«");
            k += 1;
            run = off(k);
            continue;
        }
        if c == '«'
            && prev.is_some_and(char::is_alphanumeric)
            && next.is_none_or(|x| x == ' ' || matches!(x, '.' | ',' | ';' | ':' | '!' | '?'))
        {
            flush!(here);
            b.replace(base + here, base + off(k + 1), "»");
            k += 1;
            run = off(k);
            continue;
        }
        if c == '.' {
            // Runs of periods: "..." is an ellipsis, ". ." or ".." a slip.
            let mut j = k;
            let mut periods = 0;
            let mut last_period = k;
            while j < n && (chars[j].1 == '.' || is_hspace(chars[j].1)) {
                if chars[j].1 == '.' {
                    periods += 1;
                    last_period = j;
                }
                j += 1;
            }
            if periods >= 2 {
                let adjacent = (k..=last_period).all(|x| chars[x].1 == '.');
                flush!(here);
                let repl = if adjacent && periods >= 3 { "…" } else { "." };
                b.replace(base + here, base + off(last_period + 1), repl);
                k = last_period + 1;
                run = off(k);
                st.words_since_end = 0;
                glue_after(b, base, &chars, k, line, &mut run, st, prev);
                continue;
            }
        }
        if c == ',' && next == Some(',') {
            flush!(off(k + 1));
            let mut j = k + 1;
            while at(j) == Some(',') {
                j += 1;
            }
            k = j;
            run = off(j);
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            st.words_since_end = 0;
            k += 1;
            glue_after(b, base, &chars, k, line, &mut run, st, prev);
            continue;
        }
        // "CollombSelon": a heading or a word glued to the next paragraph's first word.
        if c.is_lowercase()
            && next.is_some_and(char::is_uppercase)
            && at(k + 2).is_some_and(char::is_lowercase)
        {
            let word: String = chars[k + 1..]
                .iter()
                .map(|&(_, c)| c)
                .take_while(|c| c.is_alphabetic())
                .collect();
            let lower = word.to_lowercase();
            if lower.chars().count() >= 2 && lex.is_stop(&lower) {
                flush!(off(k + 1));
                let heading_like = st.words_since_end <= 12;
                b.insert(base + off(k + 1), if heading_like { "\n\n" } else { " " });
                st.words_since_end = 0;
                st.in_word = false;
                k += 1;
                run = off(k);
                continue;
            }
        }
        k += 1;
    }
    flush!(line.len());
}

/// After sentence punctuation at `k - 1`: a capitalised word glued to it
/// (`l’AFP.Aucune`) gets its space back.
#[allow(clippy::too_many_arguments)]
fn glue_after(
    b: &mut TextBuilder,
    base: usize,
    chars: &[(usize, char)],
    k: usize,
    line: &str,
    run: &mut usize,
    st: &mut LineState,
    before_punct: Option<char>,
) {
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let (Some(up), Some(low)) = (at(k), at(k + 1)) else {
        return;
    };
    if !(up.is_uppercase() && low.is_lowercase()) {
        return;
    }
    // The word before the punctuation must be a real word (2+ letters or digits),
    // not an initial: "U.S.A" and "J.-C." stay as they are.
    let mut len = 0;
    let mut i = k.saturating_sub(1);
    while i > 0 {
        i -= 1;
        match at(i) {
            Some(c) if c.is_alphanumeric() => len += 1,
            _ => break,
        }
    }
    if len < 2 || before_punct.is_none() {
        return;
    }
    let pos = chars[k].0;
    if *run < pos {
        b.copy(base + *run, &line[*run..pos]);
    }
    b.insert(base + pos, " ");
    *run = pos;
    st.in_word = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(s: &str) -> String {
        clean(s).text
    }

    #[test]
    fn apostrophes_are_unified() {
        assert_eq!(cleaned("l'État et aujourd‘hui"), "l’État et aujourd’hui");
    }

    #[test]
    fn reversed_guillemet_is_repaired() {
        assert_eq!(
            cleaned("»Une vraie conversation »: oui"),
            "«Une vraie conversation »: oui"
        );
    }

    #[test]
    fn stray_punctuation_is_mended() {
        assert_eq!(
            cleaned("une menace potentielle. . Ensuite"),
            "une menace potentielle. Ensuite"
        );
        assert_eq!(cleaned("Il hésite... puis part"), "Il hésite… puis part");
        assert_eq!(cleaned("oui , non ,, peut-être ."), "oui, non, peut-être.");
        assert_eq!(cleaned("un  texte\u{a0} espacé"), "un texte espacé");
    }

    #[test]
    fn glued_joins_are_split() {
        assert_eq!(
            cleaned("selon l'AFP.Aucune victime"),
            "selon l’AFP. Aucune victime"
        );
        assert_eq!(cleaned("aux États-Unis.Il"), "aux États-Unis. Il");
        assert_eq!(cleaned("les U.S.A sont"), "les U.S.A sont");
        assert_eq!(cleaned("en 52 av. J.-C.Les"), "en 52 av. J.-C.Les");
        assert_eq!(
            cleaned("Duel entre Philippe et CollombSelon Le Monde, le ton monte."),
            "Duel entre Philippe et Collomb\n\nSelon Le Monde, le ton monte."
        );
        assert_eq!(cleaned("McDonald et YouTube"), "McDonald et YouTube");
    }

    #[test]
    fn boilerplate_lines_are_removed_and_reported() {
        let c = clean("Un paragraphe.\n\nSource link -57\n\nLire aussi : autre chose\n\nFin.");
        assert_eq!(c.text, "Un paragraphe.\n\nFin.");
        assert_eq!(c.removed.len(), 2);
    }

    #[test]
    fn spans_map_back_through_nfc_and_cleaning() {
        // "é" written as e + combining acute, and a straight apostrophe.
        let input = "Le ve\u{301}hicule de l'e\u{301}tat.";
        let c = clean(input);
        assert_eq!(c.text, "Le véhicule de l’état.");
        let mut chain = crate::offsets::MapChain::default();
        for m in c.maps {
            chain.push(m);
        }
        let p = c.text.find("état").unwrap();
        let (a, e) = chain.span(p, c.text.len());
        assert_eq!(&input[a..e], "e\u{301}tat.");
    }

    #[test]
    fn title_line_is_cleaned() {
        assert_eq!(
            clean_line(" »Une vraie conversation »:  Blinken "),
            "«Une vraie conversation »: Blinken"
        );
    }
}
