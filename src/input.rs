//! Reading an article: plain text (with or without a request preamble),
//! Markdown, HTML and JSON records.
//!
//! Every reader produces an [`Extracted`] text: paragraphs separated by a
//! blank line, heading paragraphs opened by [`HEADING_MARK`], and an
//! [`OffsetMap`] back to the input as given, so that later stages can report
//! spans of the original bytes.
//!
//! [`read`] reads an input file whole: the [`Article`] and the search
//! [`Metadata`] it carries (front matter, HTML head, JSON fields).

use crate::error::{Error, Result};
use crate::offsets::{OffsetMap, TextBuilder};
use regex::Regex;
use std::sync::OnceLock;

mod metadata;

pub use metadata::{Metadata, read};

/// Marks the start of a heading paragraph in extracted text. It stands for no
/// input bytes; readers drop any occurrence of it found in the input.
pub const HEADING_MARK: char = '\u{E000}';

/// Input formats refonte reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide from the file name, then from the content (the default).
    #[default]
    Auto,
    /// Plain UTF-8 text, optionally with a request preamble.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// One JSON object `{"id", "title", "text", …}`.
    Json,
}

impl Format {
    /// Guesses a format from a file name's extension.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" | "jsonl" => Format::Json,
            "txt" | "text" => Format::Text,
            _ => Format::Auto,
        }
    }

    /// Guesses a format from the content.
    pub fn sniff(text: &str) -> Format {
        let head = text.trim_start();
        if head.starts_with('{') {
            return Format::Json;
        }
        if head.starts_with('<') {
            let end = head.char_indices().nth(2048).map_or(head.len(), |(i, _)| i);
            let probe = head[..end].to_ascii_lowercase();
            if [
                "<html",
                "<body",
                "<p",
                "<div",
                "<article",
                "<h1",
                "<!doctype",
            ]
            .iter()
            .any(|t| probe.contains(t))
            {
                return Format::Html;
            }
        }
        let markdown_heading = |l: &str| {
            let l = l.trim_start();
            l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### ")
        };
        if text.contains("# ") && text.lines().any(markdown_heading) {
            return Format::Markdown;
        }
        Format::Text
    }
}

/// An article as received, before any cleaning.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The article text as given: every reported span indexes these bytes.
    pub text: String,
    /// The title, when the caller or the record gives one.
    pub title: Option<String>,
    /// The focus keyphrase, when the caller or the record gives one.
    pub keyphrase: Option<String>,
    /// The word floor, when the caller or the record gives one.
    pub min_words: Option<usize>,
    /// The format of `text` (never [`Format::Json`]: a record's text is read as text).
    pub format: Format,
}

/// Text extracted from an article, ready for cleaning.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// Paragraphs separated by blank lines; heading paragraphs start with [`HEADING_MARK`].
    pub text: String,
    /// Offsets of `text` back to [`Article::text`].
    pub map: OffsetMap,
    /// A title found in the input (request preamble, front matter, `<h1>`, `# `).
    pub title: Option<String>,
    /// A word floor stated in the request preamble (`at least 700 words`).
    pub min_words: Option<usize>,
    /// Lines of the input that were instructions to the tool, not article text.
    pub instructions: Vec<String>,
}

/// Checks raw bytes and turns them into text: invalid UTF-8 and binary data are refused.
pub fn decode(bytes: &[u8]) -> Result<&str> {
    // Binary files are full of NUL bytes, usually long before their first
    // invalid UTF-8 sequence: they are named for what they are.
    if let Some(pos) = bytes.iter().take(65_536).position(|&b| b == 0) {
        return Err(Error::Binary {
            reason: format!("NUL byte at offset {pos}"),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    check_text(text)?;
    Ok(text)
}

/// Refuses text that is binary data: a NUL character, or more than one
/// control character in twenty among the first 65,536 characters.
pub fn check_text(text: &str) -> Result<()> {
    if let Some(pos) = text.find('\0') {
        return Err(Error::Binary {
            reason: format!("NUL byte at offset {pos}"),
        });
    }
    let mut sample = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(65_536) {
        sample += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            controls += 1;
        }
    }
    if sample > 0 && controls * 20 > sample {
        return Err(Error::Binary {
            reason: format!("{controls} control characters in the first {sample}"),
        });
    }
    Ok(())
}

/// Deepest nesting of JSON arrays and objects refonte reads.
pub const MAX_JSON_DEPTH: usize = 64;

/// Refuses JSON that nests arrays and objects more than [`MAX_JSON_DEPTH`]
/// levels deep, before any parser recurses into it. Brackets inside strings
/// do not count; the JSON need not be valid otherwise.
pub fn check_json_depth(bytes: &[u8]) -> Result<()> {
    let mut depth = 0usize;
    let mut offset = 0;
    while offset < bytes.len() {
        let b = bytes[offset];
        offset += 1;
        match b {
            b'"' => {
                // Jump over the string (most of a record: its text) to its
                // closing quote, past escaped characters.
                loop {
                    match memchr::memchr2(b'"', b'\\', &bytes[offset..]) {
                        None => return Ok(()),
                        Some(k) if bytes[offset + k] == b'\\' => offset += k + 2,
                        Some(k) => {
                            offset += k + 1;
                            break;
                        }
                    }
                    if offset >= bytes.len() {
                        return Ok(());
                    }
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return Err(Error::TooDeep {
                        offset: offset - 1,
                        limit: MAX_JSON_DEPTH,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Reads a JSON object `{"id", "title", "text", "keyphrase", "min_words"}` into an article.
pub fn article_from_json(value: &serde_json::Value) -> Result<Article> {
    let obj = value.as_object().ok_or_else(|| Error::Json {
        message: "expected a JSON object".into(),
    })?;
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        None | Some(serde_json::Value::Null) => return Err(Error::MissingText),
        Some(_) => return Err(field_error("text", "a string")),
    };
    let title = optional_string(obj, "title")?;
    let keyphrase = optional_string(obj, "keyphrase")?;
    let min_words = match obj.get("min_words") {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(
            v.as_u64()
                .ok_or_else(|| field_error("min_words", "a non-negative integer"))?
                as usize,
        ),
    };
    Ok(Article {
        text,
        title,
        keyphrase,
        min_words,
        format: Format::Text,
    })
}

fn field_error(field: &str, expected: &str) -> Error {
    Error::WrongType {
        field: field.into(),
        expected: expected.into(),
    }
}

fn optional_string(
    obj: &serde_json::Map<String, serde_json::Value>,
    field: &str,
) -> Result<Option<String>> {
    match obj.get(field) {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(field_error(field, "a string")),
    }
}

/// Extracts the article's text according to its format.
pub fn extract(article: &Article) -> Extracted {
    let format = match article.format {
        Format::Auto | Format::Json => Format::sniff(&article.text),
        f => f,
    };
    match format {
        Format::Html => extract_html(&article.text),
        Format::Markdown => extract_markdown(&article.text),
        _ => extract_text(&article.text),
    }
}

struct Preamble {
    title: Regex,
    instruction: Regex,
    floor: Regex,
}

fn preamble() -> &'static Preamble {
    static P: OnceLock<Preamble> = OnceLock::new();
    P.get_or_init(|| Preamble {
        title: Regex::new(
            r"(?i)^\s*(?:customi[sz]e|personnalise[rz]?|adapte[rz]?|réécri(?:s|re|vez)|rewrite|reformule[rz]?)\b[^\n]{0,40}?\b(?:title|titre)\b(?:\s+(?:in|en)\s+(?:french|français))?\s*[:\-–—]?\s*(.*)$",
        )
        .expect("static regex"),
        instruction: Regex::new(
            r"(?i)(?-u:\b)(?:seo|sub-?headings?|intertitres?|sous-titres?|at least \d+ words|au moins \d+ mots|be in french|in french|en français|make this article|rends? cet article|rédige[rz]?|write an article)(?-u:\b)",
        )
        .expect("static regex"),
        floor: Regex::new(
            r"(?i)(?:at least|minimum(?: of)?|au moins|minimum de)\s+(\d{1,3}(?:[ \u{a0}\u{202f},.]?\d{3})*|\d+)\s*(?:words|mots)",
        )
        .expect("static regex"),
    })
}

/// Reads a word floor such as `at least 700 words` or `au moins 1 000 mots`.
pub fn word_floor(line: &str) -> Option<usize> {
    let caps = preamble().floor.captures(line)?;
    let digits: String = caps[1].chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// A cheap first test for request lines: one of the words every request
/// pattern needs. Only lines that pass it meet the (costlier) regexes.
fn may_be_request_line(line: &str) -> bool {
    static KEYWORDS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let ac = KEYWORDS.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "title",
                "titre",
                "seo",
                "heading",
                "intertitre",
                "sous-titre",
                "words",
                "mots",
                "french",
                "français",
                "article",
                "rédige",
            ])
            .expect("static keywords")
    });
    line.len() <= 600 && ac.is_match(line)
}

/// Plain text: leading request lines (title to customize, instructions) are taken out.
fn extract_text(input: &str) -> Extracted {
    let mut b = TextBuilder::new(input.len(), input.len());
    let mut title = None;
    let mut min_words = None;
    let mut instructions = Vec::new();
    let mut pos = 0;
    let mut in_preamble = true;
    for line in input.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim();
        if in_preamble {
            if content.is_empty() {
                continue;
            }
            if !may_be_request_line(content) {
                in_preamble = false;
                copy_without_marks(&mut b, start, line);
                continue;
            }
            let p = preamble();
            if title.is_none()
                && instructions.is_empty()
                && let Some(c) = p.title.captures(content)
            {
                let t = c[1].trim();
                if !t.is_empty() {
                    title = Some(t.to_string());
                }
                instructions.push(content.to_string());
                continue;
            }
            // Instructions are short lines; article paragraphs are not tested.
            if content.split_whitespace().count() <= 80 && p.instruction.is_match(content) {
                if let Some(n) = word_floor(content) {
                    min_words = Some(n);
                }
                instructions.push(content.to_string());
                continue;
            }
            in_preamble = false;
        }
        copy_without_marks(&mut b, start, line);
    }
    let (text, map) = b.finish();
    Extracted {
        text,
        map,
        title,
        min_words,
        instructions,
    }
}

/// Copies input text, dropping the private-use characters refonte uses as marks.
fn copy_without_marks(b: &mut TextBuilder, start: usize, s: &str) {
    if !s.contains(HEADING_MARK) {
        b.copy(start, s);
        return;
    }
    let mut from = 0;
    for (i, _) in s.match_indices(HEADING_MARK) {
        b.copy(start + from, &s[from..i]);
        from = i + HEADING_MARK.len_utf8();
    }
    b.copy(start + from, &s[from..]);
}

/// Markdown: front matter and `#` title read, headings marked, markup dropped.
fn extract_markdown(input: &str) -> Extracted {
    let mut b = TextBuilder::new(input.len(), input.len());
    let mut title = None;
    let mut pos = 0;
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for line in input.split_inclusive('\n') {
        lines.push((pos, line));
        pos += line.len();
    }
    let mut i = 0;
    // YAML front matter.
    if lines.first().is_some_and(|(_, l)| l.trim_end() == "---") {
        let mut j = 1;
        while j < lines.len() && lines[j].1.trim_end() != "---" {
            if let Some(t) = lines[j].1.trim().strip_prefix("title:") {
                let t = t.trim().trim_matches('"').trim_matches('\'').trim();
                if !t.is_empty() {
                    title = Some(t.to_string());
                }
            }
            j += 1;
        }
        if j < lines.len() {
            i = j + 1;
        }
    }
    let mut in_code = false;
    while i < lines.len() {
        let (start, line) = lines[i];
        let trimmed = line.trim();
        i += 1;
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            paragraph_break(&mut b, start);
            continue;
        }
        if in_code {
            continue;
        }
        // Setext heading underline: the previous line was a heading.
        if !trimmed.is_empty()
            && trimmed.chars().all(|c| c == '=' || c == '-')
            && trimmed.len() >= 3
        {
            paragraph_break(&mut b, start);
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let content_start = start + lead;
        if let Some(rest) = heading_text(trimmed) {
            let (level, text) = rest;
            // `text` is a slice of `trimmed`: its offset, not a suffix length.
            let text_off = content_start + (text.as_ptr() as usize - trimmed.as_ptr() as usize);
            if level == 1 && title.is_none() {
                title = Some(strip_inline_markdown(text));
                paragraph_break(&mut b, start);
                continue;
            }
            paragraph_break(&mut b, start);
            b.insert(content_start, &HEADING_MARK.to_string());
            copy_inline_markdown(&mut b, text_off, text);
            paragraph_break(&mut b, start + line.len());
            continue;
        }
        if trimmed.is_empty() {
            paragraph_break(&mut b, start);
            continue;
        }
        // List items and block quotes: the marker goes, each item is a paragraph.
        let (marker_len, is_item) = block_marker(trimmed);
        if is_item {
            paragraph_break(&mut b, start);
        }
        let body = &trimmed[marker_len..];
        let body = body.trim_start();
        let body_off = content_start + (trimmed.len() - body.len());
        if b.text().ends_with(|c: char| !c.is_whitespace()) {
            b.insert(body_off, " ");
        }
        copy_inline_markdown(&mut b, body_off, body);
        if is_item {
            paragraph_break(&mut b, start + line.len());
        }
    }
    b.trim_end_matches(char::is_whitespace);
    let (text, map) = b.finish();
    Extracted {
        text,
        map,
        title,
        min_words: None,
        instructions: Vec::new(),
    }
}

/// `## Text` → (2, "Text").
fn heading_text(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &line[level..];
    if !rest.starts_with(' ') {
        return None;
    }
    Some((level, rest.trim().trim_end_matches('#').trim_end()))
}

/// Length of a list or quote marker at the start of a trimmed line, and whether it opens an item.
fn block_marker(line: &str) -> (usize, bool) {
    let bytes = line.as_bytes();
    if bytes.len() >= 2 && matches!(bytes[0], b'-' | b'*' | b'+') && bytes[1] == b' ' {
        return (2, true);
    }
    if bytes.first() == Some(&b'>') {
        return (1, false);
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0
        && digits < 4
        && bytes.len() > digits + 1
        && matches!(bytes[digits], b'.' | b')')
        && bytes[digits + 1] == b' '
    {
        return (digits + 2, true);
    }
    (0, false)
}

fn paragraph_break(b: &mut TextBuilder, orig_pos: usize) {
    b.trim_end_matches(|c| c == ' ' || c == '\t');
    let t = b.text();
    if t.is_empty() || t.ends_with("\n\n") {
        return;
    }
    if t.ends_with('\n') {
        b.insert(orig_pos, "\n");
    } else {
        b.insert(orig_pos, "\n\n");
    }
}

/// Copies one line of Markdown without emphasis, links, images or inline code markup.
fn copy_inline_markdown(b: &mut TextBuilder, start: usize, s: &str) {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut run = 0; // start of the pending verbatim run
    while i < bytes.len() {
        let c = bytes[i];
        let skip = match c {
            b'*' | b'_' | b'`' => {
                // Emphasis or code markers: dropped when they touch a word, kept
                // when they stand alone between spaces (`5 * 3`, `snake_case`).
                let n = bytes[i..].iter().take_while(|&&x| x == c).count();
                let before = i.checked_sub(1).map(|k| bytes[k]);
                let after = bytes.get(i + n).copied();
                let inside_word = c == b'_'
                    && before.is_some_and(|x| x.is_ascii_alphanumeric())
                    && after.is_some_and(|x| x.is_ascii_alphanumeric());
                let lone = before.is_none_or(|x| x == b' ') && after.is_none_or(|x| x == b' ');
                if inside_word || lone { 0 } else { n }
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => match link_end(s, i + 1) {
                Some((_, _, end)) => {
                    b.copy(start + run, &s[run..i]);
                    i = end;
                    run = end;
                    continue;
                }
                None => 0,
            },
            b'[' => match link_end(s, i) {
                Some((text_start, text_end, end)) => {
                    b.copy(start + run, &s[run..i]);
                    copy_inline_markdown(b, start + text_start, &s[text_start..text_end]);
                    i = end;
                    run = end;
                    continue;
                }
                None => 0,
            },
            b'\\' if bytes.get(i + 1).is_some_and(|x| x.is_ascii_punctuation()) => 1,
            _ => 0,
        };
        if skip > 0 {
            b.copy(start + run, &s[run..i]);
            i += skip;
            run = i;
            if c == b'\\' {
                // The escaped character itself is kept.
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    b.copy(start + run, &s[run..]);
}

/// For `[text](url)` starting at `open`: (text start, text end, end of the link).
fn link_end(s: &str, open: usize) -> Option<(usize, usize, usize)> {
    let close = open + s[open..].find("](")?;
    let url_end = close + 2 + s[close + 2..].find(')')?;
    if s[open + 1..close].contains('[') {
        return None;
    }
    Some((open + 1, close, url_end + 1))
}

fn strip_inline_markdown(s: &str) -> String {
    let mut b = TextBuilder::new(s.len(), s.len());
    copy_inline_markdown(&mut b, 0, s);
    b.finish().0.trim().to_string()
}

// ---------------------------------------------------------------- HTML

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "aside",
    "form",
    "button",
    "iframe",
    "select",
    "textarea",
    "figcaption",
    "footer",
    "object",
    "canvas",
    "math",
    "head",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "br",
    "tr",
    "table",
    "figure",
    "hr",
    "pre",
    "dd",
    "dt",
    "dl",
    "body",
    "html",
    "title",
];

struct HtmlState<'a> {
    input: &'a str,
    b: TextBuilder,
    /// Nesting depth inside skipped elements, by element name.
    skip: Vec<String>,
    /// The `<h1>` being read as the title: where its text starts in the built text.
    h1_start: Option<usize>,
    title_tag: Option<String>,
    h1: Option<String>,
    in_title: bool,
    pending_space: Option<usize>,
}

/// HTML: text of the body, paragraphs at block elements, `<h1>` or `<title>` as title.
fn extract_html(input: &str) -> Extracted {
    let mut st = HtmlState {
        input,
        b: TextBuilder::new(input.len(), input.len()),
        skip: Vec::new(),
        h1_start: None,
        title_tag: None,
        h1: None,
        in_title: false,
        pending_space: None,
    };
    let bytes = input.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let Some((end, tag)) = parse_tag(input, i) else {
            i += 1;
            continue;
        };
        st.text(text_start, i);
        st.tag(tag, i);
        i = end;
        text_start = end;
    }
    st.text(text_start, bytes.len());
    st.b.trim_end_matches(char::is_whitespace);
    let title = st.h1.or(st.title_tag).filter(|t| !t.is_empty());
    let (text, map) = st.b.finish();
    Extracted {
        text,
        map,
        title,
        min_words: None,
        instructions: Vec::new(),
    }
}

/// A tag as read: name (lowercase), closing or not.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
}

/// Parses the tag (or comment, doctype) at `i`; returns its end and the tag, if it is one.
fn parse_tag(input: &str, i: usize) -> Option<(usize, Tag)> {
    let rest = &input[i..];
    if rest.starts_with("<!--") {
        let end = rest.find("-->").map_or(input.len(), |p| i + p + 3);
        return Some((end, tag_named("!--")));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(input.len(), |p| i + p + 1);
        return Some((end, tag_named("!")));
    }
    let after = rest[1..].chars().next()?;
    let closing = after == '/';
    let name_start = if closing { 2 } else { 1 };
    let first = rest[name_start..].chars().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    // The tag ends at the first '>' outside a quoted attribute value.
    let mut quote: Option<u8> = None;
    let mut end = None;
    for (k, &c) in rest.as_bytes().iter().enumerate().skip(name_start) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => {
                end = Some(k);
                break;
            }
            None => {}
        }
    }
    let end = end?;
    let inner = &rest[name_start..end];
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    Some((
        i + end + 1,
        Tag {
            name,
            closing,
            self_closing: inner.ends_with('/'),
        },
    ))
}

fn tag_named(name: &str) -> Tag {
    Tag {
        name: name.into(),
        closing: false,
        self_closing: true,
    }
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "!", "!--",
];

impl HtmlState<'_> {
    fn tag(&mut self, tag: Tag, at: usize) {
        let name = tag.name.as_str();
        if !self.skip.is_empty() {
            // Inside skipped content only the matching end tag matters
            // (nested openings of the same element are counted).
            if tag.closing && self.skip.last().is_some_and(|s| s == name) {
                self.skip.pop();
            } else if !tag.closing
                && !tag.self_closing
                && self.skip.last().is_some_and(|s| s == name)
            {
                self.skip.push(tag.name);
            }
            return;
        }
        if name == "title" {
            self.in_title = !tag.closing;
            if !tag.closing {
                self.title_tag = Some(String::new());
            }
            return;
        }
        if !tag.closing && !tag.self_closing && SKIPPED.contains(&name) && !VOID.contains(&name) {
            self.skip.push(tag.name);
            return;
        }
        let level = match name.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => Some((d - b'0') as usize),
            _ => None,
        };
        if BLOCKS.contains(&name) {
            self.pending_space = None;
            paragraph_break(&mut self.b, at);
            match (level, tag.closing) {
                (Some(1), false) if self.h1.is_none() && self.h1_start.is_none() => {
                    self.h1_start = Some(self.b.text().len());
                }
                (Some(1), true) if self.h1_start.is_some() => {
                    // The first <h1> is the title, not body text.
                    let start = self.h1_start.take().unwrap_or(0);
                    self.h1 = Some(collapse_spaces(&self.b.text()[start..]));
                    self.b.truncate(start);
                }
                (Some(_), false) => self.b.insert(at, &HEADING_MARK.to_string()),
                _ => {}
            }
        } else if matches!(name, "td" | "th") {
            self.space(at);
        }
    }

    fn space(&mut self, at: usize) {
        if !self.b.text().is_empty() && !self.b.text().ends_with(char::is_whitespace) {
            self.pending_space = Some(at);
        }
    }

    /// Text between tags: entities decoded, whitespace collapsed.
    fn text(&mut self, start: usize, end: usize) {
        if start >= end || !self.skip.is_empty() {
            return;
        }
        let s = &self.input[start..end];
        if self.in_title {
            let decoded = decode_entities(s);
            if let Some(t) = self.title_tag.as_mut() {
                let add = collapse_spaces(&decoded);
                if !t.is_empty() && !add.is_empty() {
                    t.push(' ');
                }
                t.push_str(add.trim());
            }
            return;
        }
        let mut i = 0;
        let bytes = s.as_bytes();
        let mut run = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if c.is_ascii_whitespace() {
                self.flush(start, s, run, i);
                let n = bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
                self.space(start + i);
                i += n;
                run = i;
            } else if c == b'&' {
                if let Some((len, ch)) = entity_at(&s[i..]) {
                    self.flush(start, s, run, i);
                    self.emit_pending();
                    let mut buf = [0u8; 4];
                    self.b
                        .replace(start + i, start + i + len, ch.encode_utf8(&mut buf));
                    i += len;
                    run = i;
                } else {
                    i += 1;
                }
            } else {
                i += 1;
            }
        }
        self.flush(start, s, run, bytes.len());
    }

    fn emit_pending(&mut self) {
        if let Some(at) = self.pending_space.take() {
            let t = self.b.text();
            if !t.is_empty() && !t.ends_with(char::is_whitespace) && !t.ends_with(HEADING_MARK) {
                self.b.insert(at, " ");
            }
        }
    }

    fn flush(&mut self, base: usize, s: &str, from: usize, to: usize) {
        if from < to {
            self.emit_pending();
            copy_without_marks(&mut self.b, base + from, &s[from..to]);
        }
    }
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the HTML entities of a string (used for titles).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s.as_bytes()[i] == b'&'
            && let Some((len, ch)) = entity_at(&s[i..])
        {
            out.push(ch);
            i += len;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// The entity at the start of `s` (`&amp;`, `&#233;`, `&#xE9;`): its length and character.
fn entity_at(s: &str) -> Option<(usize, char)> {
    // ';' is ASCII, so its byte position is a character boundary.
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        let c = char::from_u32(code)?;
        if c == '\0' || c == HEADING_MARK {
            return None;
        }
        c
    } else {
        named_entity(body)?
    };
    Some((end + 1, ch))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "thinsp" => '\u{2009}',
        "nnbsp" => '\u{202f}',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "Egrave" => 'È',
        "ecirc" => 'ê',
        "Ecirc" => 'Ê',
        "euml" => 'ë',
        "agrave" => 'à',
        "Agrave" => 'À',
        "acirc" => 'â',
        "Acirc" => 'Â',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "Ccedil" => 'Ç',
        "icirc" => 'î',
        "Icirc" => 'Î',
        "iuml" => 'ï',
        "ocirc" => 'ô',
        "Ocirc" => 'Ô',
        "ouml" => 'ö',
        "ucirc" => 'û',
        "ugrave" => 'ù',
        "uuml" => 'ü',
        "yuml" => 'ÿ',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "euro" => '€',
        "deg" => '°',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "middot" => '·',
        "bull" => '•',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(format: Format, s: &str) -> Extracted {
        extract(&Article {
            text: s.into(),
            format,
            ..Article::default()
        })
    }

    #[test]
    fn request_preamble_gives_title_and_floor() {
        let s = "Customize this title in french Le titre à revoir\n\nMake this article seo compatible, create at least 900 words\n\nPremier paragraphe.\n\nSecond.";
        let e = text_of(Format::Text, s);
        assert_eq!(e.title.as_deref(), Some("Le titre à revoir"));
        assert_eq!(e.min_words, Some(900));
        assert_eq!(e.text, "Premier paragraphe.\n\nSecond.");
        let (a, b) = (e.map.start(0), e.map.end(e.text.len()));
        assert_eq!(&s[a..b], "Premier paragraphe.\n\nSecond.");
    }

    #[test]
    fn french_word_floor_is_read() {
        assert_eq!(word_floor("rédige au moins 1 000 mots"), Some(1000));
        assert_eq!(word_floor("at least 700 words"), Some(700));
        assert_eq!(word_floor("sans consigne"), None);
    }

    #[test]
    fn plain_text_without_preamble_is_kept() {
        let s = "Un titre\n\nLe texte commence ici.";
        let e = text_of(Format::Text, s);
        assert_eq!(e.text, s);
        assert!(e.title.is_none());
    }

    #[test]
    fn markdown_headings_and_markup() {
        let s = "# Le titre\n\nUn **texte** avec [un lien](http://x.fr).\n\n## Une partie\n\nSuite _ici_.";
        let e = text_of(Format::Markdown, s);
        assert_eq!(e.title.as_deref(), Some("Le titre"));
        assert_eq!(
            e.text,
            format!("Un texte avec un lien.\n\n{HEADING_MARK}Une partie\n\nSuite ici.")
        );
        let p = e.text.find("lien").unwrap();
        let a = e.map.start(p);
        assert_eq!(&s[a..a + 4], "lien");
    }

    #[test]
    fn html_text_title_and_skipped_elements() {
        let s = "<html><head><title>Site</title><script>var x = '<p>';</script></head><body><h1>Le titre</h1><p>Un&nbsp;texte &amp; une <b>suite</b>.</p><nav>menu</nav><h2>Partie</h2><p>Fin.</p></body></html>";
        let e = text_of(Format::Html, s);
        assert_eq!(e.title.as_deref(), Some("Le titre"));
        assert_eq!(
            e.text,
            format!("Un\u{a0}texte & une suite.\n\n{HEADING_MARK}Partie\n\nFin.")
        );
        let p = e.text.find("suite").unwrap();
        let a = e.map.start(p);
        assert_eq!(&s[a..a + 5], "suite");
    }

    #[test]
    fn broken_html_does_not_lose_text() {
        let e = text_of(Format::Html, "<p>Un texte <b>non fermé<p>Suite < 3 et > 2");
        assert!(e.text.contains("Un texte non fermé"));
        assert!(e.text.contains("Suite < 3 et > 2"));
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        assert_eq!(decode(b"abc\xffdef"), Err(Error::InvalidUtf8 { offset: 3 }));
        assert!(matches!(decode(b"a\0b"), Err(Error::Binary { .. })));
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff("{\"text\": \"x\"}"), Format::Json);
        assert_eq!(Format::sniff("<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff("# Titre\n\ntexte"), Format::Markdown);
        assert_eq!(Format::sniff("Titre\n\ntexte"), Format::Text);
    }
}
