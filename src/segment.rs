//! Segmentation of cleaned text into paragraphs, sentences and tokens.
//!
//! Spans are set here, once, as byte offsets into the cleaned text; no later
//! stage changes them. French rules: abbreviations and initials do not end a
//! sentence (`M. Dupont`, `J.-C.`), numbers keep their separators (`1 200`,
//! `3,5`), a question inside guillemets followed by its attribution stays one
//! sentence (`« Qui paiera ? » a-t-il demandé.`), elisions are split from
//! their word (`l’` + `État`) and hyphenated compounds are kept whole.

use crate::fr::lexicon::{Lexicons, lexicons};
use crate::fr::typography::BULLETS;
use crate::input::HEADING_MARK;
use std::ops::Range;

/// A byte range of the cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The span as a `Range<usize>`.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text this span covers in `text`.
    pub fn of(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True for an empty span.
    pub fn is_empty(self) -> bool {
        self.end == self.start
    }
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// Article prose.
    Body,
    /// A subheading (marked up as one, or a short line with no final punctuation).
    Heading,
}

/// A paragraph: its span, kind and sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text (without a heading mark).
    pub span: Span,
    /// Body or heading.
    pub kind: ParagraphKind,
    /// Its sentences, as indices into [`Segmented::sentences`].
    pub sentences: Range<usize>,
}

/// A sentence: its span, paragraph and tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Its tokens, as indices into [`Segmented::tokens`].
    pub tokens: Range<usize>,
    /// True when it begins inside a quotation opened by an earlier sentence
    /// (a long quotation is cut into sentences): it cannot stand alone.
    pub starts_in_quote: bool,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, hyphens or an inner apostrophe).
    Word,
    /// An elided word with its apostrophe (`l’`, `qu’`, `jusqu’`).
    Elision,
    /// A number (`1 200`, `3,5`, `2.600`).
    Number,
    /// Any other character.
    Punct,
}

/// A token: span and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// The token's text.
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
}

/// The output of segmentation.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
}

impl Segmented {
    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// True when sentence `i` belongs to a heading paragraph.
    pub fn is_heading(&self, i: usize) -> bool {
        self.paragraphs[self.sentences[i].paragraph].kind == ParagraphKind::Heading
    }
}

/// Segments cleaned text.
pub fn segment(text: &str) -> Segmented {
    let lex = lexicons();
    let mut out = Segmented::default();
    for (start, end) in paragraph_ranges(text) {
        let raw = &text[start..end];
        let (kind, start) = match raw.strip_prefix(HEADING_MARK) {
            Some(rest) => {
                let lead = raw.len() - rest.len() + (rest.len() - rest.trim_start().len());
                (ParagraphKind::Heading, start + lead)
            }
            None if looks_like_heading(raw) => (ParagraphKind::Heading, start),
            None => (ParagraphKind::Body, start),
        };
        if start >= end {
            continue;
        }
        let index = out.paragraphs.len();
        let first_token = out.tokens.len();
        tokenize(text, start, end, lex, &mut out.tokens);
        let first_sentence = out.sentences.len();
        if kind == ParagraphKind::Heading {
            let last_token = out.tokens.len();
            push_sentence(&mut out, index, first_token, last_token);
        } else {
            split_sentences(text, lex, &mut out, index, first_token);
        }
        let sentences = first_sentence..out.sentences.len();
        if sentences.is_empty() {
            continue;
        }
        // A subheading glued to the end of a paragraph (`…les taxis.• EDF`,
        // cleaning split it off the next paragraph's first word) is a
        // heading of its own, not a sentence of the body.
        // A rubric in capitals run into the paragraph (`… de ses alliés.
        // BENOÎT HAMON ÉGALEMENT CANDIDAT ? L’ancien ministre…`) is a
        // heading between two paragraphs.
        // A subheading glued to a quotation (see `glued_heading_before`) is
        // one too, wherever it falls but last.
        let rubric = (kind == ParagraphKind::Body && sentences.len() >= 2)
            .then(|| {
                (sentences.start..sentences.end - 1).find(|&k| {
                    let s = &out.sentences[k];
                    let (a, b) = (s.span.start as usize, s.span.end as usize);
                    let glued =
                        text[b..].starts_with(['«', '"', '“']) && looks_like_heading(&text[a..b]);
                    glued || (k > sentences.start && is_rubric_in_capitals(&text[a..b]))
                })
            })
            .flatten();
        if let Some(k) = rubric {
            let spans = [
                (sentences.start..k, ParagraphKind::Body),
                (k..k + 1, ParagraphKind::Heading),
                (k + 1..sentences.end, ParagraphKind::Body),
            ];
            for (range, kind) in spans.into_iter().filter(|(r, _)| !r.is_empty()) {
                let index = out.paragraphs.len();
                for s in range.clone() {
                    out.sentences[s].paragraph = index;
                }
                out.paragraphs.push(Paragraph {
                    span: Span::new(
                        out.sentences[range.start].span.start as usize,
                        out.sentences[range.end - 1].span.end as usize,
                    ),
                    kind,
                    sentences: range,
                });
            }
            continue;
        }
        let trailing = (kind == ParagraphKind::Body && sentences.len() >= 2)
            .then(|| &out.sentences[sentences.end - 1])
            .filter(|last| {
                looks_like_heading(&text[last.span.start as usize..last.span.end as usize])
            })
            .map(|last| last.span);
        match trailing {
            Some(tail) => {
                let body_end = out.sentences[sentences.end - 2].span.end as usize;
                out.paragraphs.push(Paragraph {
                    span: Span::new(start, body_end),
                    kind,
                    sentences: sentences.start..sentences.end - 1,
                });
                let last = sentences.end - 1;
                out.sentences[last].paragraph = index + 1;
                out.paragraphs.push(Paragraph {
                    span: tail,
                    kind: ParagraphKind::Heading,
                    sentences: last..sentences.end,
                });
            }
            None => out.paragraphs.push(Paragraph {
                span: Span::new(start, end),
                kind,
                sentences,
            }),
        }
    }
    out
}

/// True when a sentence is a rubric set in capitals: three words or more,
/// ten letters or more, none in lowercase, no quotation.
fn is_rubric_in_capitals(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 10
        && s.split_whitespace().count() >= 3
        && !s.chars().any(char::is_lowercase)
        && !s.contains(['«', '"', '“'])
}

/// Paragraph byte ranges: blocks between blank lines; when the text has no
/// blank line at all, every line is a paragraph.
fn paragraph_ranges(text: &str) -> Vec<(usize, usize)> {
    let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let mut out = Vec::new();
    let mut pos = 0;
    for block in text.split(sep) {
        let start = pos;
        pos += block.len() + sep.len();
        let lead = block.len() - block.trim_start().len();
        let trimmed = block.trim();
        if !trimmed.is_empty() {
            out.push((start + lead, start + lead + trimmed.len()));
        }
    }
    out
}

/// A short single line with no sentence punctuation at its end reads as a subheading.
pub fn looks_like_heading(p: &str) -> bool {
    // The last character settles most paragraphs without a scan.
    let core = p.trim_end_matches(['»', '”', '"', ')', ' ', '\u{a0}', '\u{202f}']);
    if core.ends_with(['.', '!', '?', '…', ':', ';', ',']) || p.len() > 300 {
        return false;
    }
    let words = p.split_whitespace().count();
    words > 0 && words <= 15 && !p.contains('\n') && !has_inner_sentence_end(core)
}

/// True when a sentence ends inside `s` (`…les taxis. • EDF`): a sentence
/// with a subheading glued after it, not a subheading.
pub fn has_inner_sentence_end(s: &str) -> bool {
    let b = s.as_bytes();
    (1..b.len().saturating_sub(1)).any(|i| {
        matches!(b[i], b'.' | b'!' | b'?')
            && b[i - 1].is_ascii_lowercase()
            && s[i + 1..]
                .chars()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| c.is_uppercase() || BULLETS.contains(&c))
            && s[i + 1..].starts_with(|c: char| c.is_whitespace() || !c.is_alphanumeric())
    })
}

fn push_sentence(out: &mut Segmented, paragraph: usize, from: usize, to: usize) {
    push_sentence_in(out, paragraph, from, to, false);
}

fn push_sentence_in(
    out: &mut Segmented,
    paragraph: usize,
    from: usize,
    to: usize,
    starts_in_quote: bool,
) {
    // Trailing and leading spaces are not tokens, so the span is tight.
    if from >= to {
        return;
    }
    let span = Span {
        start: out.tokens[from].span.start,
        end: out.tokens[to - 1].span.end,
    };
    out.sentences.push(Sentence {
        span,
        paragraph,
        tokens: from..to,
        starts_in_quote,
    });
}

use crate::fr::words::is_word_char;

fn is_elision_prefix(w: &str) -> bool {
    w.len() <= 6 && {
        let lower = w.to_ascii_lowercase();
        crate::fr::lexicon::lexicons()
            .elided_prefixes
            .contains(lower.as_str())
    }
}

/// The tokens of a whole text (a title, a quotation, a heading), as
/// [`segment`] cuts them.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize(text, 0, text.len(), lexicons(), &mut out);
    out
}

/// Tokenizes `text[start..end]`, appending to `tokens`.
fn tokenize(text: &str, start: usize, end: usize, lex: &Lexicons, tokens: &mut Vec<Token>) {
    let s = &text[start..end];
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_ascii_digit() {
            let len = number_len(s, i);
            let after = s[i + len..].chars().next();
            if after.is_some_and(|a| is_word_char(a) && !a.is_ascii_digit()) {
                // 1er, 14h30, G20-style words starting with a digit.
                let w = word_len(s, i);
                tokens.push(tok(start + i, start + i + w, TokenKind::Word));
                i += w;
            } else {
                tokens.push(tok(start + i, start + i + len, TokenKind::Number));
                i += len;
            }
            continue;
        }
        if is_word_char(c) {
            if let Some(len) = dotted_abbreviation(s, i, lex) {
                tokens.push(tok(start + i, start + i + len, TokenKind::Word));
                i += len;
                continue;
            }
            let w = word_len(s, i);
            let word = &s[i..i + w];
            // Elision: "l’État" -> "l’" + "État"; "aujourd’hui" stays whole.
            if let Some(p) = word.find('’') {
                let prefix = &word[..p];
                if is_elision_prefix(prefix) {
                    let cut = p + '’'.len_utf8();
                    tokens.push(tok(start + i, start + i + cut, TokenKind::Elision));
                    i += cut;
                    continue;
                }
            }
            tokens.push(tok(start + i, start + i + w, TokenKind::Word));
            i += w;
            continue;
        }
        let _ = bytes;
        tokens.push(tok(start + i, start + i + c.len_utf8(), TokenKind::Punct));
        i += c.len_utf8();
    }
}

fn tok(start: usize, end: usize, kind: TokenKind) -> Token {
    Token {
        span: Span::new(start, end),
        kind,
    }
}

/// Length of a word at `i`: word characters joined by single hyphens or apostrophes.
fn word_len(s: &str, i: usize) -> usize {
    crate::fr::words::word_end(s, i, crate::fr::words::SOURCE) - i
}

/// Length of a number at `i`: `1 200`, `3,5`, `2.600.000`, `1 200,50`.
fn number_len(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = digits(i);
    let mut j = i + first;
    let mut group = first;
    loop {
        if j + 1 < b.len() && matches!(b[j], b',' | b'.') && b[j + 1].is_ascii_digit() {
            let d = digits(j + 1);
            j += 1 + d;
            group = d;
            continue;
        }
        // Thousands separated by a space (plain or no-break): only 3-digit
        // groups after a 1–3 digit head.
        let sep = if b.get(j) == Some(&b' ') {
            1
        } else if s[j..].starts_with('\u{a0}') {
            2
        } else if s[j..].starts_with('\u{202f}') {
            3
        } else {
            0
        };
        if sep > 0
            && group <= 3
            && digits(j + sep) == 3
            && !b.get(j + sep + 3).is_some_and(|c| c.is_ascii_digit())
        {
            j += sep + 3;
            group = 3;
            continue;
        }
        break;
    }
    j - i
}

/// Abbreviations spelled with inner periods (`J.-C.`) starting at `i`.
fn dotted_abbreviation(s: &str, i: usize, lex: &Lexicons) -> Option<usize> {
    let rest = &s[i..];
    // Only a letter followed by a period can start one.
    let first = rest.chars().next()?;
    if rest.as_bytes().get(first.len_utf8()) != Some(&b'.') {
        return None;
    }
    lex.dotted_abbreviations
        .iter()
        .find(|a| rest.starts_with(a.as_str()))
        .map(|a| a.len())
}

fn is_terminal(p: &str) -> bool {
    matches!(p, "." | "!" | "?" | "…")
}

fn is_closer(p: &str) -> bool {
    matches!(p, "»" | "”" | ")" | "]" | "\"" | "’")
}

/// Splits the tokens of one body paragraph into sentences.
fn split_sentences(
    text: &str,
    lex: &Lexicons,
    out: &mut Segmented,
    paragraph: usize,
    first: usize,
) {
    let last = out.tokens.len();
    let toks: Vec<Token> = out.tokens[first..last].to_vec();
    let t = |k: usize| toks[k].span.of(text);
    let (depth_after, roles) = quote_depths(text, &toks);
    let extent = quote_extents(&roles);
    let depth_before = |k: usize| if k == 0 { 0 } else { depth_after[k - 1] };
    let pushed_before = out.sentences.len();
    let mut start = 0;
    let mut k = 0;
    while k < toks.len() {
        let piece = t(k);
        // A line that opens with a dialogue dash starts a sentence.
        if k > start && matches!(piece, "—" | "–" | "-") && preceded_by_newline(text, toks[k].span)
        {
            push_sentence_in(
                out,
                paragraph,
                first + start,
                first + k,
                depth_before(start) > 0,
            );
            start = k;
        }
        // A subheading the page glued to the quotation that opens the next
        // paragraph (`Des calculs électoraux« Nos collègues…`): a sentence
        // of its own, set as a heading by `segment`.
        if roles[k] == QuoteRole::Open && glued_heading_before(text, &toks, start, k) {
            push_sentence_in(out, paragraph, first + start, first + k, false);
            start = k;
        }
        if toks[k].kind != TokenKind::Punct || !is_terminal(piece) {
            k += 1;
            continue;
        }
        // The sentence may go on through more punctuation and closing quotes.
        let mut end = k + 1;
        while end < toks.len()
            && toks[end].kind == TokenKind::Punct
            && (is_terminal(t(end)) || is_closer(t(end)))
            && roles[end] != QuoteRole::Open
            && (t(end) != "\"" || roles[end] == QuoteRole::Close)
        {
            end += 1;
        }
        if end == toks.len() {
            break;
        }
        // Inside a quotation, a sentence end is a cut only when the quotation
        // is long: « Oui. Non », a-t-il dit stays one sentence.
        if depth_after[end - 1] > 0 && extent[end - 1] < LONG_QUOTE_TOKENS {
            k = end;
            continue;
        }
        if piece == "." && k > start && !period_can_end(text, &toks, k, lex) {
            k = end;
            continue;
        }
        let next = t(end);
        let starts_sentence = next.chars().next().is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '«' | '“' | '"' | '—' | '–' | '-' | '(' | '¿' | '¡')
                // A list bullet glued to the sentence before (`taxis.• EDF`).
                || BULLETS.contains(&c)
        });
        if starts_sentence {
            push_sentence_in(
                out,
                paragraph,
                first + start,
                first + end,
                depth_before(start) > 0,
            );
            start = end;
        }
        k = end;
    }
    push_sentence_in(
        out,
        paragraph,
        first + start,
        first + toks.len(),
        depth_before(start) > 0,
    );
    // What opens a sentence but is layout, not its words, goes from its span.
    for s in &mut out.sentences[pushed_before..] {
        let words: Vec<&str> = toks[s.tokens.start - first..s.tokens.end - first]
            .iter()
            .map(|x| x.span.of(text))
            .collect();
        let skip = layout_before(&words);
        if skip > 0 {
            s.tokens.start += skip;
            s.span.start = out.tokens[s.tokens.start].span.start;
        }
    }
}

/// How many of a sentence's first tokens are layout: a list bullet before
/// a whole sentence (`• « Une ultra droite… », a écrit…`; before a
/// subheading, `• EDF` with no final stop, it stays for the heading test),
/// then a rubric in capitals run into the sentence (`A GAUCHE Pour
/// l’ancien président…`).
fn layout_before(words: &[&str]) -> usize {
    let n = words.len();
    let stop = |k: usize| matches!(words[k], "." | "!" | "?" | "…");
    let ends = n >= 2 && (stop(n - 1) || (matches!(words[n - 1], "»" | "\"" | "”") && stop(n - 2)));
    let is_bullet = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(|c| BULLETS.contains(&c)) && c.next().is_none()
    };
    let a = usize::from(n >= 3 && ends && is_bullet(words[0]));
    let caps = words[a..]
        .iter()
        .take_while(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .count();
    let letters: usize = words[a..a + caps]
        .iter()
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let opens = words.get(a + caps).is_some_and(|w| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_some_and(char::is_lowercase)
    });
    if caps >= 2 && letters >= 6 && opens && n - (a + caps) >= 4 {
        a + caps
    } else {
        a
    }
}

/// A quotation of at least this many tokens may be cut into sentences.
const LONG_QUOTE_TOKENS: usize = 45;

/// For each token, the length in tokens of the innermost quotation holding it (0 outside).
fn quote_extents(roles: &[QuoteRole]) -> Vec<usize> {
    let mut out = vec![0usize; roles.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (k, r) in roles.iter().enumerate() {
        match r {
            QuoteRole::Open => stack.push(k),
            QuoteRole::Close => {
                if let Some(open) = stack.pop() {
                    let len = k - open + 1;
                    for x in out.iter_mut().take(k + 1).skip(open) {
                        if *x == 0 || *x > len {
                            *x = len;
                        }
                    }
                }
            }
            QuoteRole::None => {}
        }
    }
    out
}

/// True when tokens `start..k` are a short run of words (two to eight, the
/// first capitalised, no punctuation) glued to the quote mark at `k` with no
/// space: a French text always spaces an opening guillemet, a scraped page
/// that ran a subheading into the next paragraph does not.
fn glued_heading_before(text: &str, toks: &[Token], start: usize, k: usize) -> bool {
    let run = &toks[start..k];
    (2..=8).contains(&run.len())
        && run.iter().all(|t| t.kind != TokenKind::Punct)
        && run[0].span.of(text).starts_with(char::is_uppercase)
        && run.last().is_some_and(|t| {
            t.span.end == toks[k].span.start
                && text[..t.span.end as usize].ends_with(char::is_alphabetic)
        })
}

fn preceded_by_newline(text: &str, span: Span) -> bool {
    text[..span.start as usize]
        .chars()
        .rev()
        .take_while(|c| c.is_whitespace())
        .any(|c| c == '\n')
}

/// False when the period after token `k - 1` belongs to an abbreviation or an initial.
fn period_can_end(text: &str, toks: &[Token], k: usize, lex: &Lexicons) -> bool {
    let prev = toks[k - 1];
    if prev.span.end != toks[k].span.start || prev.kind != TokenKind::Word {
        return true;
    }
    let word = prev.span.of(text);
    if lex.abbrev_never_end.contains(word) {
        return false;
    }
    // A single capital letter is an initial: "J. Dupont".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return false;
    }
    true
}

/// How a quote mark token works in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteRole {
    /// Not a quote mark, or one left unmatched.
    None,
    /// Opens a quotation closed in the same paragraph.
    Open,
    /// Closes a quotation.
    Close,
}

/// Quote depth after each token and each token's quote role, counting only
/// guillemets and quotes that are closed within the paragraph (an unclosed
/// one would swallow the rest).
fn quote_depths(text: &str, toks: &[Token]) -> (Vec<u32>, Vec<QuoteRole>) {
    let mut roles = vec![QuoteRole::None; toks.len()];
    let mut stack: Vec<(usize, &str)> = Vec::new();
    let mut straight_open: Option<usize> = None;
    for (k, tk) in toks.iter().enumerate() {
        if tk.kind != TokenKind::Punct {
            continue;
        }
        match tk.span.of(text) {
            "«" => stack.push((k, "»")),
            "“" => stack.push((k, "”")),
            p @ ("»" | "”") => {
                if let Some(pos) = stack.iter().rposition(|&(_, close)| close == p) {
                    roles[stack[pos].0] = QuoteRole::Open;
                    roles[k] = QuoteRole::Close;
                    stack.truncate(pos);
                }
            }
            "\"" => match straight_open.take() {
                Some(open) => {
                    roles[open] = QuoteRole::Open;
                    roles[k] = QuoteRole::Close;
                }
                None => straight_open = Some(k),
            },
            _ => {}
        }
    }
    let mut depth = 0u32;
    let mut out = Vec::with_capacity(toks.len());
    for role in &roles {
        match role {
            QuoteRole::Open => depth += 1,
            QuoteRole::Close => depth = depth.saturating_sub(1),
            QuoteRole::None => {}
        }
        out.push(depth);
    }
    (out, roles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_elision_and_keep_compounds() {
        let text = "L’État et le porte-parole jusqu’à aujourd’hui : 1 200 euros, 3,5 %.";
        let s = segment(text);
        let toks: Vec<&str> = s.tokens.iter().map(|t| t.span.of(text)).collect();
        assert_eq!(
            toks,
            [
                "L’",
                "État",
                "et",
                "le",
                "porte-parole",
                "jusqu’",
                "à",
                "aujourd’hui",
                ":",
                "1 200",
                "euros",
                ",",
                "3,5",
                "%",
                "."
            ]
        );
        assert_eq!(s.tokens[0].kind, TokenKind::Elision);
        assert_eq!(s.tokens[9].kind, TokenKind::Number);
    }

    #[test]
    fn numbers_do_not_swallow_years() {
        let text = "En 2019 200 personnes";
        let s = segment(text);
        let toks: Vec<&str> = s.tokens.iter().map(|t| t.span.of(text)).collect();
        assert_eq!(toks, ["En", "2019", "200", "personnes"]);
    }

    /// The paragraphs of `text` with their kinds, each sentence checked to
    /// sit inside its own paragraph.
    fn paragraph_parts(text: &str) -> Vec<(ParagraphKind, &str)> {
        let s = segment(text);
        for (i, sentence) in s.sentences.iter().enumerate() {
            assert!(
                s.paragraphs[sentence.paragraph].sentences.contains(&i),
                "sentence {i} outside its paragraph"
            );
        }
        s.paragraphs
            .iter()
            .map(|p| (p.kind, p.span.of(text)))
            .collect()
    }

    #[test]
    fn a_rubric_in_capitals_inside_a_paragraph_is_a_heading() {
        let text = "Il se décidera en août. BENOÎT HAMON AUSSI CANDIDAT ? L’ancien ministre a parlé. Il rassemblera.";
        assert_eq!(
            paragraph_parts(text),
            [
                (ParagraphKind::Body, "Il se décidera en août."),
                (ParagraphKind::Heading, "BENOÎT HAMON AUSSI CANDIDAT ?"),
                (
                    ParagraphKind::Body,
                    "L’ancien ministre a parlé. Il rassemblera."
                )
            ]
        );
    }

    #[test]
    fn a_bullet_before_a_whole_sentence_is_not_printed() {
        let text = "Il a voté.• « Une droite liquide le dernier gaulliste », a écrit le député. \
• « Ma fille a 13 ans ! »";
        let s = segment(text);
        let printed: Vec<&str> = s.sentences.iter().map(|x| x.span.of(text)).collect();
        assert_eq!(
            printed,
            [
                "Il a voté.",
                "« Une droite liquide le dernier gaulliste », a écrit le député.",
                "« Ma fille a 13 ans ! »"
            ]
        );
        let text = "Il a parlé. A GAUCHE Pour l’ancien président, c’était un combattant.";
        let s = segment(text);
        assert_eq!(
            s.sentences[1].span.of(text),
            "Pour l’ancien président, c’était un combattant."
        );
        let text = "Il a parlé. LA CGT ET FO appellent à la grève lundi.";
        let s = segment(text);
        assert_eq!(
            s.sentences[1].span.of(text),
            "LA CGT ET FO appellent à la grève lundi."
        );
    }

    #[test]
    fn a_subheading_glued_after_a_sentence_is_a_heading() {
        // Cleaning split `EDFLes`; the bullet line ends the paragraph before.
        let text =
            "Un appel qui concerne aussi les taxis.• EDF\n\nLes agents sont appelés à la grève.";
        assert_eq!(
            paragraph_parts(text),
            [
                (
                    ParagraphKind::Body,
                    "Un appel qui concerne aussi les taxis."
                ),
                (ParagraphKind::Heading, "• EDF"),
                (ParagraphKind::Body, "Les agents sont appelés à la grève.")
            ]
        );
    }

    #[test]
    fn a_subheading_glued_to_a_quotation_is_a_heading() {
        let text = "Le budget a été voté mardi. Des calculs électoraux« Nous ne savons rien », \
                    a dit la maire. Elle a quitté la salle.";
        assert_eq!(
            paragraph_parts(text),
            [
                (ParagraphKind::Body, "Le budget a été voté mardi."),
                (ParagraphKind::Heading, "Des calculs électoraux"),
                (
                    ParagraphKind::Body,
                    "« Nous ne savons rien », a dit la maire. Elle a quitté la salle."
                )
            ]
        );
        // Spaced as French writes it, a quotation after a word is prose.
        let prose = "Il parle de calculs « électoraux » et s’en va. Elle reste.";
        assert_eq!(paragraph_parts(prose).len(), 1);
    }

    #[test]
    fn heading_paragraphs_are_recognised() {
        let text = "Un vrai paragraphe qui se termine.\n\n« Les domaines où nous pouvons nous entendre »\n\nSuite du texte.";
        let s = segment(text);
        let kinds: Vec<ParagraphKind> = s.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ParagraphKind::Body,
                ParagraphKind::Heading,
                ParagraphKind::Body
            ]
        );
    }
}
