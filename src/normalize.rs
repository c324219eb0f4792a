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
    clean_chars(&mut b, 0, &nfc, lexicons(), false);
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
    let rubrics = has_run_in_rubrics(text, lex);
    let mut b = TextBuilder::new(text.len(), text.len());
    let mut removed = Vec::new();
    let mut pos = 0;
    let mut blank_run = 0usize;
    // Where the last line kept ends in `text`, before its line break.
    let mut last_end = 0usize;
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
        let caption_only = video_captions(trimmed, lex) == [(0, trimmed.len())];
        if caption_only || lex.is_boilerplate_line(trimmed) || lex.is_code_line(trimmed) {
            let kind = if caption_only || lex.is_boilerplate_line(trimmed) {
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
            match broken_word(b.text(), trimmed, lex) {
                // The break's own bytes become the space: it is no insertion,
                // and the printed sentence keeps it.
                Some(joint) => b.replace(last_end, start, joint),
                None => b.insert(start, if blank_run > 0 { "\n\n" } else { "\n" }),
            }
        }
        last_end = start + line.len();
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
        // A hyphen glued to a paragraph's first word (`-Arnaud Montebourg
        // n’a pas…`) is a list mark that lost its space, not text.
        let mut chars = rest.chars();
        if chars.next() == Some('-') && chars.next().is_some_and(char::is_uppercase) {
            from += 1;
            rest = &rest[1..];
        }
        clean_line_parts(&mut b, from, rest.trim_end(), lex, &mut removed, rubrics);
    }
    b.trim_end_matches(char::is_whitespace);
    let (out, map) = b.finish();
    (out, map, removed)
}

/// A line break inside a sentence, as some pages leave after a link
/// (`de Paris` / `a répondu…`): the text so far ends on a letter and the
/// line opens in lowercase; the joint is a space. `None` when the break is
/// a real one, or when the halves make one word (`Le Paris` / `ien.`).
fn broken_word(so_far: &str, line: &str, lex: &Lexicons) -> Option<&'static str> {
    let before = so_far.trim_end_matches([' ', '\t']);
    if !before.ends_with(char::is_alphabetic) || !line.starts_with(char::is_lowercase) {
        return None;
    }
    let tail = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let head: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    let joined = format!("{tail}{head}").to_lowercase();
    let known = |w: &str| lex.pos.get(w).is_some();
    // Halves of one word (`Paris` / `ien.`) stay apart: joined, they would
    // print a word the source never writes.
    (!known(&joined) || known(&head)).then_some(" ")
}

/// Cleans one line, cutting out the captions of embedded videos (see
/// [`video_captions`]): what stands before and after a caption become
/// paragraphs of their own.
fn clean_line_parts(
    b: &mut TextBuilder,
    base: usize,
    line: &str,
    lex: &Lexicons,
    removed: &mut Vec<Removal>,
    rubrics: bool,
) {
    let mut at = 0;
    for (from, to) in video_captions(line, lex) {
        let before = line[at..from].trim_end();
        if !before.is_empty() {
            clean_chars(b, base + at, before, lex, rubrics);
        }
        removed.push(Removal {
            kind: RemovalKind::Boilerplate,
            text: line[from..to].trim().to_string(),
        });
        at = to + (line[to..].len() - line[to..].trim_start().len());
        if !line[at..].is_empty() && !b.text().is_empty() && !b.text().ends_with('\n') {
            b.insert(base + at, "\n\n");
        }
    }
    clean_chars(b, base + at, &line[at..], lex, rubrics);
}

/// Byte ranges of the captions of embedded videos in a line: a video's
/// title glued to its credit (`par` and a brand of `media.txt`, with no
/// space before `par`) and to what follows (`… en colère ?par Le Dauphiné
/// LibéréDepuis 1958`). The caption starts where the line does or after the
/// last sentence end before the credit that leaves its quotation marks
/// paired.
fn video_captions(line: &str, lex: &Lexicons) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = line[from..].find("par ") {
        let par = from + k;
        from = par + 4;
        let glued = line[..par]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        if !glued {
            continue;
        }
        let rest = &line[par + 4..];
        let Some(brand) = lex.caption_credits.iter().find(|m| {
            rest.strip_prefix(m.as_str())
                .is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_whitespace()))
        }) else {
            continue;
        };
        let start = out.last().map_or(0, |&(_, end)| end);
        let end = par + 4 + brand.len();
        out.push((caption_start(line, start, par), end));
        from = end;
    }
    out
}

/// Where a caption that ends at `par` starts: after the last sentence end
/// in `line[floor..par]` (a period then a capital or a quotation mark)
/// from which the caption's quotation marks pair up, else at `floor`.
fn caption_start(line: &str, floor: usize, par: usize) -> usize {
    let paired = |s: &str| {
        let n = |c: char| s.matches(c).count();
        n('"') % 2 == 0 && n('«') == n('»') && n('“') == n('”')
    };
    let mut best = floor;
    for (i, c) in line[floor..par].char_indices() {
        if c != '.' {
            continue;
        }
        let after = &line[floor + i + 1..par];
        let next = after.trim_start();
        let opens = next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '«' | '“'));
        let b = par - next.len();
        if opens && paired(&line[b..par]) {
            best = b;
        }
    }
    best
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
fn clean_chars(b: &mut TextBuilder, base: usize, line: &str, lex: &Lexicons, rubrics: bool) {
    let mut cleaner = LineCleaner::new(b, base, line, lex);
    cleaner.rubrics = rubrics;
    if rubrics {
        cleaner.rubric_stop = run_in_rubric(line, lex);
    }
    let mut k = 0;
    while k < line.len() {
        k = cleaner.step(k);
    }
    cleaner.flush(line.len());
}

/// One line being cleaned into a builder. What needs no repair is copied in
/// verbatim runs, one copy per run: `run` is where the pending one starts.
struct LineCleaner<'a, 'b> {
    b: &'b mut TextBuilder,
    /// Where the line starts in the builder's input.
    base: usize,
    line: &'a str,
    run: usize,
    /// The straight double quotes that pair up, with their role (opening or
    /// not): they become French guillemets.
    quotes: Vec<(usize, bool)>,
    lex: &'a Lexicons,
    /// The space that ends a glued subheading (see [`glued_subheading`]):
    /// it becomes a paragraph break.
    heading_end: Option<usize>,
    /// The article sets its parts under run-in rubrics (`Retraites. Le
    /// rapport…`, see [`has_run_in_rubrics`]).
    rubrics: bool,
    /// The stop that ends a run-in rubric: it becomes a paragraph break.
    rubric_stop: Option<usize>,
}

impl<'a, 'b> LineCleaner<'a, 'b> {
    fn new(b: &'b mut TextBuilder, base: usize, line: &'a str, lex: &'a Lexicons) -> Self {
        let quotes = if line.contains('"') {
            quote_pairs(line)
        } else {
            Vec::new()
        };
        LineCleaner {
            b,
            base,
            line,
            run: 0,
            quotes,
            lex,
            heading_end: None,
            rubrics: false,
            rubric_stop: None,
        }
    }

    /// Cleans what starts at byte `k` (a character boundary); the position
    /// of what comes next.
    fn step(&mut self, k: usize) -> usize {
        if self.line.as_bytes()[k].is_ascii_alphanumeric() {
            self.ascii_letter_or_digit(k);
            return k + 1;
        }
        let Some(c) = char_at(self.line, k) else {
            return self.line.len();
        };
        let next_at = k + c.len_utf8();
        if is_invisible(c) {
            self.drop(k, next_at);
            next_at
        } else if is_hspace(c) {
            self.spaces(k, next_at)
        } else if c.is_lowercase() || c.is_uppercase() {
            self.letter(c, next_at);
            next_at
        } else {
            self.punctuation(c, k, next_at)
        }
    }

    /// Appends the pending verbatim run, up to `to`.
    fn flush(&mut self, to: usize) {
        if self.run < to {
            self.b.copy(self.base + self.run, &self.line[self.run..to]);
        }
        self.run = to;
    }

    /// Leaves `line[from..to]` out.
    fn drop(&mut self, from: usize, to: usize) {
        self.flush(from);
        self.run = to;
    }

    /// Writes `with` in place of `line[from..to]`.
    fn replace(&mut self, from: usize, to: usize, with: &str) {
        self.flush(from);
        self.b.replace(self.base + from, self.base + to, with);
        self.run = to;
    }

    /// An ASCII letter or digit at `k`: a glued join may follow it (see
    /// [`Self::letter`]); the byte after it is looked at first, for speed.
    fn ascii_letter_or_digit(&mut self, k: usize) {
        let (line, lex) = (self.line, self.lex);
        let bytes = line.as_bytes();
        let (byte, next) = (bytes[k], bytes.get(k + 1).copied());
        let glued = byte.is_ascii_lowercase()
            && next.is_some_and(|x| x.is_ascii_uppercase() || x >= 0x80)
            && camel_glue(line, k + 1, lex)
            || byte.is_ascii_uppercase()
                && next.is_some_and(|x| x.is_ascii_uppercase())
                && caps_glue(line, k + 1, lex)
            || byte.is_ascii_digit()
                && next.is_some_and(|x| x.is_ascii_uppercase())
                && digits_caps_glue(line, k + 1, lex);
        if glued {
            self.split_glued(k + 1);
        }
    }

    /// A capital right after the letter `c` (which ends at `next_at`) may
    /// start a glued paragraph: `CollombSelon`, `LONGÉVITÉInterrogée`.
    fn letter(&mut self, c: char, next_at: usize) {
        let (line, lex) = (self.line, self.lex);
        let glued = char_at(line, next_at).is_some_and(char::is_uppercase)
            && if c.is_lowercase() {
                camel_glue(line, next_at, lex)
            } else {
                caps_glue(line, next_at, lex)
            };
        if glued {
            self.split_glued(next_at);
        }
    }

    /// A run of spaces from `k` (its first ending at `next_at`) becomes one
    /// space. A space before a comma or a period stays: the printed sentence
    /// must read as its source span.
    fn spaces(&mut self, k: usize, next_at: usize) -> usize {
        let line = self.line;
        let mut j = next_at;
        while let Some(x) = char_at(line, j) {
            if !(is_hspace(x) || is_invisible(x)) {
                break;
            }
            j += x.len_utf8();
        }
        if self.heading_end == Some(k) {
            self.heading_end = None;
            self.replace(k, j, "\n\n");
            return j;
        }
        // In an article set under run-in rubrics, one after a sentence's
        // stop (`…des déficits. International. L’agenda…`) too.
        let after_stop = line[..k].ends_with('.') && !line[..k].ends_with("..");
        let rubric = (self.rubrics && after_stop && self.rubric_stop.is_none())
            .then(|| run_in_rubric(&line[j..], self.lex))
            .flatten();
        if let Some(stop) = rubric {
            self.replace(k, j, "\n\n");
            self.rubric_stop = Some(j + stop);
            return j;
        }
        // French typography's no-break spaces are kept (one of them stands
        // for the whole run); any other run becomes one plain space.
        let space = if j == k + 1 && line.as_bytes()[k] == b' ' {
            " "
        } else if line[k..j].contains('\u{202f}') {
            "\u{202f}"
        } else if line[k..j].contains('\u{a0}') {
            "\u{a0}"
        } else {
            " "
        };
        if &line[k..j] != space {
            self.replace(k, j, space);
        }
        j
    }

    /// Punctuation `c` at `k`, ending at `next_at`; the position of what
    /// comes next.
    fn punctuation(&mut self, c: char, k: usize, next_at: usize) -> usize {
        let prev = char_before(self.line, k);
        let next = char_at(self.line, next_at);
        match c {
            '"' => self.straight_quote(k, next_at),
            '»' => self.closing_guillemet(k, next_at, prev, next),
            '«' => self.opening_guillemet(k, next_at, prev, next),
            '\'' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`' => {
                self.apostrophe(k, next_at, prev, next)
            }
            '.' => return self.periods(k, prev),
            '!' | '?' | '…' => self.glue_after(next_at, prev),
            _ => {}
        }
        next_at
    }

    /// A straight quote that pairs up becomes a guillemet; a capitalised
    /// word glued after a closing one starts a paragraph or a sentence.
    fn straight_quote(&mut self, k: usize, next_at: usize) {
        let Some(&(_, opening)) = self.quotes.iter().find(|&&(i, _)| i == k) else {
            return;
        };
        self.replace(k, next_at, if opening { "«" } else { "»" });
        if !opening && glued_after_quote(self.line, next_at) {
            self.split_glued(next_at);
        }
    }

    /// `« DANS LES PROCHAINES HEURES »Dans l’après-midi`: a subheading glued
    /// to the paragraph after its closing guillemet is split; a reversed
    /// opening guillemet (`»Une vraie conversation »`) is turned round.
    fn closing_guillemet(
        &mut self,
        k: usize,
        next_at: usize,
        prev: Option<char>,
        next: Option<char>,
    ) {
        let line = self.line;
        let closes = prev.is_some_and(|p| !p.is_whitespace() && p != '(')
            || line[..k].matches('«').count() > line[..k].matches('»').count();
        if closes && glued_after_quote(line, next_at) {
            self.split_glued(next_at);
        } else if prev.is_none_or(|p| p == ' ' || p == '(' || p == '\u{a0}')
            && next.is_some_and(char::is_alphanumeric)
        {
            self.replace(k, next_at, "«");
        }
    }

    /// A reversed closing guillemet (`la conversation« :`) is turned round.
    fn opening_guillemet(
        &mut self,
        k: usize,
        next_at: usize,
        prev: Option<char>,
        next: Option<char>,
    ) {
        if prev.is_some_and(char::is_alphanumeric)
            && next.is_none_or(|x| matches!(x, ' ' | '.' | ',' | ';' | ':' | '!' | '?'))
        {
            self.replace(k, next_at, "»");
        }
    }

    /// An apostrophe of any shape between two letters becomes `’`, as does
    /// one of an elision before a quotation (`d'« écocide »`, `qu'"il`).
    fn apostrophe(&mut self, k: usize, next_at: usize, prev: Option<char>, next: Option<char>) {
        let elision = prev.is_some_and(char::is_alphabetic)
            && (next.is_some_and(char::is_alphabetic)
                || (matches!(next, Some('«' | '"' | '“')) && elides(&self.line[..k])));
        if elision {
            self.replace(k, next_at, "’");
        }
    }

    /// A period at `k`, maybe the first of a run. A slip at a sentence's end
    /// such as "potentielle. ." or "..": the first period stays, the rest is
    /// dropped. An ellipsis "...", and "(..)" or "melon..)" inside a
    /// sentence, stay as written. The position of what comes next.
    fn periods(&mut self, k: usize, prev: Option<char>) -> usize {
        let bytes = self.line.as_bytes();
        if self.rubric_stop == Some(k) {
            self.rubric_stop = None;
            let mut j = k + 1;
            while j < bytes.len() && bytes[j] == b' ' {
                j += 1;
            }
            self.replace(k, j, "\n\n");
            return j;
        }
        let mut j = k + 1;
        let mut last_period = k;
        while j < bytes.len() && (bytes[j] == b'.' || bytes[j] == b' ') {
            if bytes[j] == b'.' {
                last_period = j;
            }
            j += 1;
        }
        let run = &bytes[k..=last_period];
        let periods = run.iter().filter(|&&x| x == b'.').count();
        let ellipsis = periods >= 3 && run.iter().all(|&x| x == b'.');
        let end = last_period + 1;
        let slip = periods >= 2 && !ellipsis && sentence_starts_after(self.line, end);
        if slip {
            self.drop(k + 1, end);
        }
        let to = if slip || ellipsis { end } else { k + 1 };
        self.glue_after(to, prev);
        to
    }

    /// Splits a glued join at `at`: a paragraph break after a short run of
    /// words since the last sentence end (a glued subheading), else a space.
    fn split_glued(&mut self, at: usize) {
        self.flush(at);
        let heading_like =
            words_since_sentence_end(&self.line[..at]) <= 12 || after_a_bullet(&self.line[..at]);
        self.b
            .insert(self.base + at, if heading_like { "\n\n" } else { " " });
    }

    /// After sentence punctuation ending at `k`: a capitalised word glued to
    /// it (`l’AFP.Aucune`) gets its space back.
    fn glue_after(&mut self, k: usize, before_punct: Option<char>) {
        let line = self.line;
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
        self.flush(k);
        // `…de France.Recours accru aux procédures dématérialisées Quand un
        // tribunal…`: a subheading glued after the stop and run into the
        // next sentence stands apart, between paragraph breaks.
        if let Some(stop) = run_in_rubric(&line[k..], self.lex).filter(|_| self.rubrics) {
            self.b.insert(self.base + k, "\n\n");
            self.rubric_stop = Some(k + stop);
            return;
        }
        match glued_subheading(line, k, self.lex) {
            Some(end) => {
                self.b.insert(self.base + k, "\n\n");
                self.heading_end = Some(end);
            }
            None => self.b.insert(self.base + k, " "),
        }
    }
}

/// The offset of the stop that ends a run-in rubric opening `s`: one to
/// eight words, the first capitalised, each a noun, an adjective, an article
/// or a preposition by its first reading (or unknown to the lexicon) (`Retraites.`, `Politique
/// migratoire.`, `Ouverture de la PMA.`), then a capitalised sentence.
fn run_in_rubric(s: &str, lex: &Lexicons) -> Option<usize> {
    use crate::fr::lexicon::Pos;
    let stop = s.find('.')?;
    let (head, after) = (&s[..stop], &s[stop + 1..]);
    let next = after.strip_prefix(' ')?;
    if !next.starts_with(|c: char| c.is_uppercase() || c == '«') {
        return None;
    }
    // A sentence that names the rubric by a pronoun (`Élections
    // municipales. Elles n’auront lieu…`) needs it as its antecedent.
    let next_word = next
        .split([' ', '’', '\''])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let pronoun = lex.function_words.is_any(
        &next_word,
        &[
            crate::fr::lexicon::Class::SubjectPronoun,
            crate::fr::lexicon::Class::DemonstrativePronoun,
        ],
    );
    if pronoun {
        return None;
    }
    let words: Vec<&str> = head.split(' ').collect();
    let first_ok = words[0].starts_with(char::is_uppercase)
        && words[0].chars().skip(1).any(char::is_lowercase);
    let all_known = words.iter().all(|w| {
        !w.is_empty()
            && w.chars().all(|c| c.is_alphabetic() || "’-".contains(c))
            && lex.pos.get(&w.to_lowercase()).is_none_or(|e| {
                matches!(
                    e.pos(),
                    Pos::Noun | Pos::Adj | Pos::Art | Pos::Det | Pos::Prep
                )
            })
    });
    ((1..=8).contains(&words.len()) && first_ok && all_known).then_some(stop)
}

/// True when an article sets its parts under run-in rubrics: three or more
/// lines, or sentences glued after a stop (`sperme.Écologie. Le Sénat…`),
/// that open on one (see [`run_in_rubric`]). One alone may be a sentence
/// without a verb (`Coup de théâtre.`).
fn has_run_in_rubrics(text: &str, lex: &Lexicons) -> bool {
    let mut n = 0;
    for line in text.lines() {
        let line = line.trim();
        if run_in_rubric(line, lex).is_some() {
            n += 1;
        }
        let bytes = line.as_bytes();
        for (k, _) in line.match_indices('.') {
            let glued = k > 0
                && bytes[k - 1].is_ascii_lowercase()
                && line[k + 1..].starts_with(char::is_uppercase);
            if glued && run_in_rubric(&line[k + 1..], lex).is_some() {
                n += 1;
            }
        }
    }
    n >= 3
}

/// The end of a subheading glued after a sentence's stop (at `at`) and run
/// into the next sentence: two to ten words without punctuation, the next
/// sentence opening on a capitalised function word (`Quand`, `Les`, `Au`,
/// `Quid`)
/// after a word in lowercase and before another (`Le Parisien` is a name).
/// Returns the byte offset of the space before that word.
fn glued_subheading(line: &str, at: usize, lex: &Lexicons) -> Option<usize> {
    use crate::fr::lexicon::Class;
    let rest = &line[at..];
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in rest.split(' ') {
        words.push((at + pos, w));
        pos += w.len() + 1;
        if words.len() > 12 {
            break;
        }
    }
    let lower_start = |w: &str| w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
    let plain =
        |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || "’'-".contains(c));
    if !words.first().is_some_and(|(_, w)| plain(w)) {
        return None;
    }
    for i in 2..words.len().saturating_sub(1).min(11) {
        let (start, w) = words[i];
        let (_, before) = words[i - 1];
        if !plain(before) {
            return None;
        }
        if !w.starts_with(char::is_uppercase) {
            continue;
        }
        let opener = lex.function_words.is_any(
            &w.to_lowercase(),
            &[
                Class::DefiniteArticle,
                Class::IndefiniteArticle,
                Class::Demonstrative,
                Class::Possessive,
                Class::Preposition,
                Class::A,
                Class::Coordinating,
                Class::Subordinating,
                Class::SubjectPronoun,
                Class::RelativePronoun,
                Class::Attribution,
                Class::Time,
                Class::Frame,
            ],
        );
        if opener && lower_start(before) && lower_start(words[i + 1].1) {
            return Some(start - 1);
        }
    }
    None
}

/// True when what follows byte `at` of `line` (past spaces) starts a
/// sentence, or nothing follows.
fn sentence_starts_after(line: &str, at: usize) -> bool {
    let after = char_at(line, at)
        .filter(|c| !c.is_whitespace())
        .or_else(|| line[at..].trim_start().chars().next());
    after.is_none_or(|c| c.is_uppercase() || matches!(c, '«' | '"' | '—' | '–'))
}

/// "CollombSelon": true when a lowercase letter ends at `at`, where a
/// capitalised function word begins (see [`LineCleaner::split_glued`] for the split).
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
        (lower.chars().count() >= 2 && lex.is_stop(&lower))
            || (lower.chars().count() >= 3 && glued_words(line, at))
    }
}

/// `groupeParti`, `ouverteInterrogé`, `ZitroneLéon Zitrone`: the word
/// before the capital is a word of its own, in lowercase (3 letters or
/// more: not `iPhone`, `eBay`), or a name of 5 letters or more the line
/// also writes alone; a brand (`YouTube`, `GlobalData`, `McCain`) is
/// neither.
fn glued_words(line: &str, at: usize) -> bool {
    let left_start = line[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let left = &line[left_start..at];
    let mut chars = left.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let letters = left.chars().count();
    if first.is_lowercase() {
        return letters >= 3 && chars.all(char::is_lowercase);
    }
    // A hashtag or a quoted coinage (`"MorandiniGate`) is one word.
    let after_space = line[..left_start]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace)
        && !line[..left_start]
            .trim_end()
            .ends_with(['«', '"', '“', '#']);
    letters >= 5
        && after_space
        && chars.all(char::is_lowercase)
        && line.match_indices(left).any(|(i, _)| {
            i != left_start
                && !line[..i].ends_with(char::is_alphabetic)
                && !line[i + left.len()..].starts_with(char::is_alphabetic)
        })
}

/// `PRUD’HOMMESEt`, `LONGÉVITÉInterrogée`: a subheading in capitals glued to
/// the paragraph's first word, which begins at `at` (its capital). The run
/// of capitals before it must be a word of 3 letters or more.
fn caps_glue(line: &str, at: usize, lex: &Lexicons) -> bool {
    if !opens_on_a_word(&line[at..], lex) {
        return false;
    }
    let caps = line[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_uppercase())
        .count();
    caps >= 3
}

/// `PAS EN 2017Un peu plus tard`, `250 EUROS POUR 0,9 M2La chambre`: a
/// subheading in capitals that ends on a number, glued to the capitalised
/// word at `at` that opens the paragraph after it. Two words in capitals
/// among the three before the number say it is a subheading, not a name
/// (`l’A380Le`). Or a year or a number of two digits or more glued to a
/// capitalised function word (`dans les années 90Selon`, `en 2017Une
/// situation`); a brand holds one digit (`9News`, `Tv5Monde`).
fn digits_caps_glue(line: &str, at: usize, lex: &Lexicons) -> bool {
    let digits = line[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    let number_alone = line[..at - digits]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || c == '-');
    if digits >= 2 && number_alone && camel_glue(line, at, lex) {
        return true;
    }
    if !opens_on_a_word(&line[at..], lex) {
        return false;
    }
    let mut before = line[..at].split_whitespace().rev();
    let glued = before.next().unwrap_or("");
    let number_last = glued
        .trim_start_matches(|c: char| c.is_uppercase())
        .chars()
        .all(|c| c.is_ascii_digit());
    let caps = before
        .take(3)
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().all(|c| !c.is_lowercase())
        })
        .count();
    number_last && caps >= 2
}

/// True when `rest` opens on a capitalised word of three letters or more,
/// or a short function word (`Et`, `La`).
fn opens_on_a_word(rest: &str, lex: &Lexicons) -> bool {
    let mut chars = rest.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lowers = chars.take_while(|c| c.is_lowercase()).count();
    let word_len = rest
        .char_indices()
        .nth(lowers + 1)
        .map_or(rest.len(), |(i, _)| i);
    lowers >= 2 || (lowers == 1 && lex.is_stop(&rest[..word_len].to_lowercase()))
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
    crate::fr::lexicon::lexicons()
        .elided_prefixes
        .contains(word.to_lowercase().as_str())
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

/// What a line holds since its last sentence end.
fn since_sentence_end(line_so_far: &str) -> &str {
    line_so_far
        .rfind(['.', '!', '?', '…'])
        .map_or(line_so_far, |p| &line_so_far[p + 1..])
}

/// True when a list bullet opens what stands since the last sentence end
/// (`… Me Chalot. • "Tout le monde… pleurer"`): an intertitle, however
/// long its quotation (up to 30 words).
fn after_a_bullet(line_so_far: &str) -> bool {
    let tail = since_sentence_end(line_so_far).trim_start();
    tail.starts_with(crate::fr::typography::BULLETS) && tail.split_whitespace().count() <= 30
}

/// Words of a line since its last sentence end.
fn words_since_sentence_end(line_so_far: &str) -> usize {
    since_sentence_end(line_so_far).split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(s: &str) -> String {
        clean(s).text
    }

    #[test]
    fn a_subheading_glued_to_its_paragraph_s_first_word_is_split() {
        assert_eq!(
            cleaned("Le plus jeune du groupeParti de Nice en voiture, il a roulé."),
            "Le plus jeune du groupe\n\nParti de Nice en voiture, il a roulé."
        );
        assert_eq!(
            cleaned("1966 : l’icône Léon ZitroneLéon Zitrone est la première star du JT."),
            "1966 : l’icône Léon Zitrone\n\nLéon Zitrone est la première star du JT."
        );
        // Brands keep their capitals.
        for brand in [
            "La vidéo a été vue sur YouTube par un million de personnes.",
            "Un sondage GlobalData paraît lundi.",
            "Le sénateur McCain a voté contre.",
            "Il a acheté un iPhone neuf.",
            "Le « MorandiniGate » : Jean-Marc Morandini se défend.",
        ] {
            assert_eq!(cleaned(brand), brand);
        }
    }

    #[test]
    fn a_subheading_glued_after_a_stop_and_run_into_the_next_sentence_stands_apart() {
        assert_eq!(
            cleaned(
                "Les tribunaux ferment.Recours accru aux procédures Quand un tribunal ferme, il fusionne."
            ),
            "Les tribunaux ferment.\n\nRecours accru aux procédures\n\nQuand un tribunal ferme, il fusionne."
        );
        assert_eq!(
            cleaned(
                "Le juge reste.Des compétences ajoutées par décret Quid de leurs compétences ?"
            ),
            "Le juge reste.\n\nDes compétences ajoutées par décret\n\nQuid de leurs compétences ?"
        );
        // A name that opens on a function word is no sentence start, nor is
        // a capitalised word after a name.
        for text in [
            "Le maire parle.Il a lu Le Parisien ce matin.",
            "Le vote est serré.Selon Marine Le Pen, rien n’est joué.",
        ] {
            assert!(!cleaned(text).contains("\n\n"), "{text}");
        }
    }

    #[test]
    fn run_in_rubrics_become_subheadings() {
        let text = "Retraites. Le rapport est paru en juillet.\n\nLe texte sera voté en mars.Écologie. Le Sénat examinera le projet.\n\nLe débat sera vif.Politique migratoire. Un débat se tiendra. International. Le G7 se réunit.";
        assert_eq!(
            cleaned(text),
            "Retraites\n\nLe rapport est paru en juillet.\n\nLe texte sera voté en mars.\n\nÉcologie\n\nLe Sénat examinera le projet.\n\nLe débat sera vif.\n\nPolitique migratoire\n\nUn débat se tiendra.\n\nInternational\n\nLe G7 se réunit."
        );
        // One alone is a sentence without a verb.
        let one = "Coup de théâtre. Le maire démissionne.";
        assert_eq!(cleaned(one), one);
        // A rubric a pronoun stands for stays with its sentence.
        let pronoun = format!("{text}\n\nÉlections municipales. Elles auront lieu en mars.");
        assert!(cleaned(&pronoun).ends_with("Élections municipales. Elles auront lieu en mars."));
    }

    #[test]
    fn a_sentence_broken_across_lines_is_joined() {
        assert_eq!(
            cleaned("Il chante, rapporte Le Paris\n\nien. Le clip a circulé."),
            "Il chante, rapporte Le Paris\n\nien. Le clip a circulé."
        );
        assert_eq!(
            cleaned("Le maire de Paris\n\na annoncé lundi une réforme."),
            "Le maire de Paris a annoncé lundi une réforme."
        );
        assert_eq!(
            cleaned("Le maire parle.\n\nensuite vient le vote."),
            "Le maire parle.\n\nensuite vient le vote."
        );
    }

    #[test]
    fn a_hyphen_glued_to_a_paragraph_start_goes() {
        assert_eq!(
            cleaned("Titre\n\n-Arnaud Montebourg a parlé."),
            "Titre\n\nArnaud Montebourg a parlé."
        );
        assert_eq!(cleaned("- Recours -"), "- Recours -");
    }

    #[test]
    fn video_captions_are_cut_out() {
        // A caption on its own line, glued to the paragraph after it.
        assert_eq!(
            cleaned(
                "La réforme inquiète.\nRéforme : pourquoi les greffes sont-ils en colère ?par Le Dauphiné LibéréDepuis 1958, les tribunaux jugent."
            ),
            "La réforme inquiète.\nDepuis 1958, les tribunaux jugent."
        );
        // After a sentence of the paragraph, with a quotation inside.
        assert_eq!(
            cleaned(
                "Il a parlé hier. Valls candidat ? \"On verra\"par BFMTV\"Dès janvier\", dit-il."
            ),
            "Il a parlé hier.\n\n«Dès janvier», dit-il."
        );
        // The longest brand, and a caption that is the whole line.
        assert_eq!(
            cleaned(
                "Audrey Pulvar à Paris ?par Le Point ActuCe jeudi, elle confirme.\n\nQue faire ? (1/2)par BFMTV\n\nFin."
            ),
            "Ce jeudi, elle confirme.\n\nFin."
        );
        // `par` after a space, or a brand followed by a space, is prose.
        for prose in [
            "Le texte a été diffusé par BFMTV jeudi.",
            "Le Gaspar BFMTV a parlé.",
        ] {
            assert_eq!(cleaned(prose), prose);
        }
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
            cleaned(
                "Il a parlé. • \"Tout le monde dans l'immeuble a, à un moment donné, entendu Tony pleurer\"Dès le début, on l'a su."
            ),
            "Il a parlé. • «Tout le monde dans l’immeuble a, à un moment donné, entendu Tony pleurer»\n\nDès le début, on l’a su."
        );
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
        // One that ends on a number.
        assert_eq!(
            cleaned("LE CHOIX DE 2017Un peu plus tard, il part."),
            "LE CHOIX DE 2017\n\nUn peu plus tard, il part."
        );
        assert_eq!(
            cleaned("300 EUROS POUR 9 M2La chambre de Paul est petite."),
            "300 EUROS POUR 9 M2\n\nLa chambre de Paul est petite."
        );
        assert_eq!(
            cleaned("Retour du loup dans les années 90Selon le réseau, il progresse."),
            "Retour du loup dans les années 90\n\nSelon le réseau, il progresse."
        );
        for s in [
            "Il pilote l’A380 Le matin.",
            "Airbus livre l’A380Les clients attendent.",
            "Un reportage de 9News Une vidéo circule.",
            "La chaîne Tv5Monde diffuse le film.",
        ] {
            assert!(!cleaned(s).contains("\n\n"), "{s}");
        }
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
