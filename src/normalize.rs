//! Cleaning: Unicode NFC, one apostrophe, guillemets repaired, stray
//! punctuation mended, glued paragraph joins split, boilerplate removed.
//!
//! Each pass is mapped (see [`crate::offsets`]): cleaning never loses track
//! of which input bytes a character came from.

use crate::fr::lexicon::{Lexicons, lexicons};
use crate::input::HEADING_MARK;
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
    clean_chars(&mut b, 0, &nfc, lexicons());
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
        clean_chars(&mut b, from, rest.trim_end(), lex);
    }
    b.trim_end_matches(char::is_whitespace);
    let (out, map) = b.finish();
    (out, map, removed)
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

/// The character starting at byte `k` of `s`, if any.
fn char_at(s: &str, k: usize) -> Option<char> {
    s.get(k..).and_then(|r| r.chars().next())
}

/// The character ending at byte `k` of `s`, if any.
fn char_before(s: &str, k: usize) -> Option<char> {
    s.get(..k).and_then(|r| r.chars().next_back())
}

/// Appends the pending verbatim run `line[*run..to]` of a line starting at `base`.
fn flush(b: &mut TextBuilder, base: usize, line: &str, run: &mut usize, to: usize) {
    if *run < to {
        b.copy(base + *run, &line[*run..to]);
    }
    *run = to;
}

/// The straight double quotes of a line that can be read as opening or
/// closing a quotation, with their role: by their neighbours first (after a
/// space and before a letter: opening; after a letter and before a space or
/// a punctuation mark: closing), else by their rank when the line holds an
/// even number of them. Quotes of neither kind are left as they are.
fn quote_pairs(line: &str) -> Vec<(usize, bool)> {
    let positions: Vec<usize> = line.match_indices('"').map(|(i, _)| i).collect();
    let even = positions.len().is_multiple_of(2);
    let mut out = Vec::with_capacity(positions.len());
    for (n, &i) in positions.iter().enumerate() {
        let before = char_before(line, i);
        let after = char_at(line, i + 1);
        let opens = before.is_none_or(|c| {
            c.is_whitespace() || matches!(c, '(' | '[' | '’' | '\'' | '-' | '—' | '–' | ':' | '/')
        }) && after
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '.' | ',' | ';' | ')'));
        let closes = before.is_some_and(|c| !c.is_whitespace() && c != '(')
            && after.is_none_or(|c| !c.is_alphanumeric());
        let role = match (opens, closes) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ if even => Some(n % 2 == 0),
            _ => None,
        };
        if let Some(opening) = role {
            out.push((i, opening));
        }
    }
    out
}

/// Cleans the characters of one line (no newline inside), appending to `b`.
///
/// The loop runs over bytes: ASCII letters and digits, the bulk of any text,
/// cost one comparison; everything else is decoded and looked at.
fn clean_chars(b: &mut TextBuilder, base: usize, line: &str, lex: &Lexicons) {
    // Straight quotes that pair up become French guillemets.
    let quotes = if line.contains('"') {
        quote_pairs(line)
    } else {
        Vec::new()
    };
    let bytes = line.as_bytes();
    let n = bytes.len();
    let mut run = 0usize; // start of the pending verbatim run
    let mut k = 0usize;
    while k < n {
        let byte = bytes[k];
        if byte.is_ascii_alphanumeric() {
            if byte.is_ascii_lowercase()
                && k + 1 < n
                && (bytes[k + 1].is_ascii_uppercase() || bytes[k + 1] >= 0x80)
                && camel_glue(line, k + 1, lex)
                || byte.is_ascii_uppercase()
                    && k + 1 < n
                    && bytes[k + 1].is_ascii_uppercase()
                    && caps_glue(line, k + 1, lex)
            {
                split_glued(b, base, line, k + 1, &mut run);
            }
            k += 1;
            continue;
        }
        let Some(c) = char_at(line, k) else { break };
        let len = c.len_utf8();
        let next_at = k + len;
        if is_invisible(c) {
            flush(b, base, line, &mut run, k);
            run = next_at;
            k = next_at;
            continue;
        }
        if is_hspace(c) {
            // A run of spaces becomes one space. A space before a comma or a
            // period stays: the printed sentence must read as its source span.
            let mut j = next_at;
            while let Some(x) = char_at(line, j) {
                if !(is_hspace(x) || is_invisible(x)) {
                    break;
                }
                j += x.len_utf8();
            }
            // French typography's no-break spaces are kept (one of them stands
            // for the whole run); any other run becomes one plain space.
            let space = if j == k + 1 && c == ' ' {
                " "
            } else if line[k..j].contains('\u{202f}') {
                "\u{202f}"
            } else if line[k..j].contains('\u{a0}') {
                "\u{a0}"
            } else {
                " "
            };
            if &line[k..j] != space {
                flush(b, base, line, &mut run, k);
                b.replace(base + k, base + j, space);
                run = j;
            }
            k = j;
            continue;
        }
        if c.is_lowercase() || c.is_uppercase() {
            // A capital right after a letter may start a glued paragraph.
            let glued = char_at(line, next_at).is_some_and(char::is_uppercase)
                && if c.is_lowercase() {
                    camel_glue(line, next_at, lex)
                } else {
                    caps_glue(line, next_at, lex)
                };
            if glued {
                split_glued(b, base, line, next_at, &mut run);
            }
            k = next_at;
            continue;
        }
        let prev = char_before(line, k);
        let next = char_at(line, next_at);
        match c {
            '"' if quotes.iter().any(|&(i, _)| i == k) => {
                let opening = quotes
                    .iter()
                    .find(|&&(i, _)| i == k)
                    .is_some_and(|&(_, o)| o);
                flush(b, base, line, &mut run, k);
                b.replace(base + k, base + next_at, if opening { "«" } else { "»" });
                run = next_at;
                if !opening && glued_after_quote(line, next_at) {
                    split_glued(b, base, line, next_at, &mut run);
                }
            }
            // `« DANS LES PROCHAINES HEURES »Dans l’après-midi`: a subheading
            // glued to the paragraph after its closing guillemet.
            '»' if (prev.is_some_and(|p| !p.is_whitespace() && p != '(')
                || line[..k].matches('«').count() > line[..k].matches('»').count())
                && glued_after_quote(line, next_at) =>
            {
                split_glued(b, base, line, next_at, &mut run);
            }
            '\'' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`'
                if prev.is_some_and(char::is_alphabetic)
                    && (next.is_some_and(char::is_alphabetic)
                        // `d'« écocide »`, `qu'"il`: an elision before a quotation.
                        || (matches!(next, Some('«' | '"' | '“'))
                            && elides(&line[..k]))) =>
            {
                flush(b, base, line, &mut run, k);
                b.replace(base + k, base + next_at, "’");
                run = next_at;
            }
            '»' if prev.is_none_or(|p| p == ' ' || p == '(' || p == '\u{a0}')
                && next.is_some_and(char::is_alphanumeric) =>
            {
                // A reversed opening guillemet: »Une vraie conversation »
                flush(b, base, line, &mut run, k);
                b.replace(base + k, base + next_at, "«");
                run = next_at;
            }
            '«' if prev.is_some_and(char::is_alphanumeric)
                && next.is_none_or(|x| matches!(x, ' ' | '.' | ',' | ';' | ':' | '!' | '?')) =>
            {
                flush(b, base, line, &mut run, k);
                b.replace(base + k, base + next_at, "»");
                run = next_at;
            }
            '.' => {
                // A slip such as "potentielle. ." or "..": the first period
                // stays, the rest is dropped (an ellipsis "..." is kept as written).
                let mut j = k + 1;
                let mut last_period = k;
                while j < n && (bytes[j] == b'.' || bytes[j] == b' ') {
                    if bytes[j] == b'.' {
                        last_period = j;
                    }
                    j += 1;
                }
                let periods = bytes[k..=last_period]
                    .iter()
                    .filter(|&&x| x == b'.')
                    .count();
                // Only a slip at a sentence's end is mended ("potentielle. . Ensuite");
                // "(..)" or "melon..)" inside a sentence stays as written.
                let after = char_at(line, last_period + 1)
                    .filter(|c| !c.is_whitespace())
                    .or_else(|| line[last_period + 1..].trim_start().chars().next());
                let at_end =
                    after.is_none_or(|c| c.is_uppercase() || matches!(c, '«' | '"' | '—' | '–'));
                let ellipsis = periods >= 3 && bytes[k..=last_period].iter().all(|&x| x == b'.');
                if periods >= 2 && !ellipsis && at_end {
                    flush(b, base, line, &mut run, k + 1);
                    run = last_period + 1;
                    k = last_period + 1;
                    glue_after(b, base, line, k, &mut run, prev);
                    continue;
                }
                if ellipsis {
                    k = last_period + 1;
                    glue_after(b, base, line, k, &mut run, prev);
                    continue;
                }
                glue_after(b, base, line, next_at, &mut run, prev);
            }
            '!' | '?' | '…' => glue_after(b, base, line, next_at, &mut run, prev),
            _ => {}
        }
        k = next_at;
    }
    flush(b, base, line, &mut run, n);
}

/// "CollombSelon": true when a lowercase letter ends at `at`, where a
/// capitalised function word begins (see [`split_glued`] for the split).
fn camel_glue(line: &str, at: usize, lex: &Lexicons) -> bool {
    let rest = &line[at..];
    let mut chars = rest.chars();
    let (Some(up), Some(low)) = (chars.next(), chars.next()) else {
        return false;
    };
    let elided = is_apostrophe_char(low) && chars.next().is_some_and(char::is_alphabetic);
    if !(up.is_uppercase() && (low.is_lowercase() || elided)) {
        return false;
    }
    let word_end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    let lower = rest[..word_end].to_lowercase();
    // `TunisieL’affaire`, `PellerinC’est`: an elided function word.
    if rest[word_end..].starts_with(is_apostrophe_char) {
        lex.is_stop(&format!("{lower}’"))
    } else {
        lower.chars().count() >= 2 && lex.is_stop(&lower)
    }
}

/// `PRUD’HOMMESEt`, `LONGÉVITÉInterrogée`: a subheading in capitals glued to
/// the paragraph's first word, which begins at `at` (its capital). The run
/// of capitals before it must be a word of 3 letters or more.
fn caps_glue(line: &str, at: usize, lex: &Lexicons) -> bool {
    let rest = &line[at..];
    let mut chars = rest.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lowers = chars.take_while(|c| c.is_lowercase()).count();
    // Three letters or more, or a short function word (`Et`, `La`).
    let word_len = rest
        .char_indices()
        .nth(lowers + 1)
        .map_or(rest.len(), |(i, _)| i);
    if lowers == 0 || (lowers < 2 && !lex.is_stop(&rest[..word_len].to_lowercase())) {
        return false;
    }
    let caps = line[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_uppercase())
        .count();
    caps >= 3
}

/// Splits a glued join at `at`: a paragraph break after a short run of
/// words since the last sentence end (a glued subheading), else a space.
fn split_glued(b: &mut TextBuilder, base: usize, line: &str, at: usize, run: &mut usize) {
    flush(b, base, line, run, at);
    let heading_like = words_since_sentence_end(&line[..at]) <= 12;
    b.insert(base + at, if heading_like { "\n\n" } else { " " });
}

/// True when `before` ends with a word that elides (`d`, `qu`, `l`, `jusqu`).
fn elides(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    matches!(
        word.to_lowercase().as_str(),
        "d" | "l" | "qu" | "j" | "n" | "s" | "c" | "m" | "t" | "jusqu" | "lorsqu" | "puisqu"
    )
}

/// True when a capitalised word (`Dans`, `L’ancien`) follows a closing
/// quotation mark at `at` with no space: French always sets one there.
fn glued_after_quote(line: &str, at: usize) -> bool {
    let mut rest = line[at.min(line.len())..].chars();
    let (Some(up), Some(next)) = (rest.next(), rest.next()) else {
        return false;
    };
    up.is_uppercase() && (next.is_lowercase() || is_apostrophe_char(next))
}

fn is_apostrophe_char(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Words of a line since its last sentence end.
fn words_since_sentence_end(line_so_far: &str) -> usize {
    let tail = line_so_far
        .rfind(['.', '!', '?', '…'])
        .map_or(line_so_far, |p| &line_so_far[p + 1..]);
    tail.split_whitespace().count()
}

/// After sentence punctuation ending at `k`: a capitalised word glued to it
/// (`l’AFP.Aucune`) gets its space back.
fn glue_after(
    b: &mut TextBuilder,
    base: usize,
    line: &str,
    k: usize,
    run: &mut usize,
    before_punct: Option<char>,
) {
    let mut rest = line[k.min(line.len())..].chars();
    let (Some(up), Some(low)) = (rest.next(), rest.next()) else {
        return;
    };
    if !(up.is_uppercase() && low.is_lowercase()) || before_punct.is_none() {
        return;
    }
    // The word before the punctuation must be a real word (2+ letters or digits),
    // not an initial: "U.S.A" and "J.-C." stay as they are.
    let head = line[..k].trim_end_matches(['.', '!', '?', '…']);
    let len = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .count();
    if len < 2 {
        return;
    }
    flush(b, base, line, run, k);
    b.insert(base + k, " ");
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
        assert_eq!(
            cleaned("un crime d'« écocide » et l'\"affaire\""),
            "un crime d’« écocide » et l’«affaire»"
        );
        // A closing single quote after a word stays.
        assert_eq!(
            cleaned("en mode 'tout balader' ici"),
            "en mode 'tout balader' ici"
        );
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
        assert_eq!(cleaned("Il hésite... puis part"), "Il hésite... puis part");
        assert_eq!(
            cleaned("oui , non ,, peut-être ."),
            "oui , non ,, peut-être ."
        );
        // Inside a sentence, punctuation stays as written: the printed
        // sentence must read as its source span.
        assert_eq!(
            cleaned("les fruits (melon..) et"),
            "les fruits (melon..) et"
        );
        assert_eq!(cleaned("un  texte\t espacé"), "un texte espacé");
        assert_eq!(
            cleaned("« oui\u{a0} » 1\u{a0}200"),
            "« oui\u{a0}» 1\u{a0}200"
        );
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
        // An elided function word glued to the word before.
        assert_eq!(
            cleaned(
                "Une vente ratée à la Tunisie et au Maroc en 2015 déjà, racontée en détail par les enquêteurs de la brigade financière selon nos informations et celles du parquetL’affaire a démarré."
            ),
            "Une vente ratée à la Tunisie et au Maroc en 2015 déjà, racontée en détail par les enquêteurs de la brigade financière selon nos informations et celles du parquet L’affaire a démarré."
        );
        assert_eq!(
            cleaned("La défense de Fleur PellerinC’est en vertu de la loi."),
            "La défense de Fleur Pellerin\n\nC’est en vertu de la loi."
        );
    }

    #[test]
    fn a_paragraph_glued_after_a_closing_quotation_mark_is_split() {
        assert_eq!(
            cleaned("• LA CLAUSE PAYÉE « DANS LES HEURES »Dans l’après-midi, il part."),
            "• LA CLAUSE PAYÉE « DANS LES HEURES »\n\nDans l’après-midi, il part."
        );
        // A space after the guillemet: nothing to split.
        let s = "Il dit « oui » Puis il part.";
        assert_eq!(cleaned(s), s);
    }

    #[test]
    fn a_subheading_in_capitals_glued_to_its_paragraph_is_split() {
        assert_eq!(
            cleaned("DEVANT LES PRUD’HOMMESEt Ayélé peut compter sur eux."),
            "DEVANT LES PRUD’HOMMES\n\nEt Ayélé peut compter sur eux."
        );
        assert_eq!(
            cleaned("SON SUCCÈS ET SA LONGÉVITÉInterrogée par le journal, elle sourit."),
            "SON SUCCÈS ET SA LONGÉVITÉ\n\nInterrogée par le journal, elle sourit."
        );
        // Roman numerals, short acronyms and plurals stay as written.
        for s in [
            "au XVIIIe siècle",
            "des PMEs locales",
            "le CNRS et la SNCF",
            "les CDDistes",
        ] {
            assert_eq!(cleaned(s), s);
        }
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
