//! Analysis: lowercase forms, Snowball stems and stop words per token, the
//! content terms of each sentence; then, on demand, keyphrase candidates,
//! named entities (with titles and roles), quotations with their speakers,
//! dates and numbers.

use crate::fr::lexicon::{Class, Lexicons, Pos, lexicons};
use crate::segment::{Segmented, Span, TokenKind};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// No term: the token is a stop word, punctuation or a number.
pub const NO_TERM: u32 = u32::MAX;

/// Content terms of the document: Snowball stems of the words that are not
/// stop words, numbered in order of first occurrence.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// All stems, end to end; `stem_ends[i]` ends stem `i`.
    stem_text: String,
    stem_ends: Vec<u32>,
    /// Term id of each token ([`NO_TERM`] for stop words, numbers, punctuation).
    pub token_terms: Vec<u32>,
    /// Every sentence's (term, count) pairs, end to end, by ascending term id.
    counts: Vec<(u32, u32)>,
    /// Per sentence: its range in `counts`.
    sentence_ranges: Vec<(u32, u32)>,
    /// Per sentence: number of word and number tokens (stop words included).
    pub sentence_words: Vec<u32>,
}

impl Terms {
    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.stem_ends.len()
    }

    /// True when the document has no content term.
    pub fn is_empty(&self) -> bool {
        self.stem_ends.is_empty()
    }

    /// The stem of term `id`.
    pub fn stem(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 {
            0
        } else {
            self.stem_ends[i - 1] as usize
        };
        &self.stem_text[start..self.stem_ends[i] as usize]
    }

    /// The id of the term with this stem, if the document has it.
    pub fn find(&self, stem: &str) -> Option<u32> {
        (0..self.len() as u32).find(|&i| self.stem(i) == stem)
    }

    /// Number of sentences.
    pub fn sentences(&self) -> usize {
        self.sentence_ranges.len()
    }

    /// Sentence `i`'s content terms with their counts, by ascending term id.
    pub fn sentence(&self, i: usize) -> &[(u32, u32)] {
        let (a, b) = self.sentence_ranges[i];
        &self.counts[a as usize..b as usize]
    }
}

thread_local! {
    /// Word forms seen by this thread and their stems, shared by the documents
    /// the thread processes.
    static VOCAB: RefCell<Vocabulary> = RefCell::new(Vocabulary::new());
}

/// Per-thread memory of word forms: lowercase form → thread stem id (or
/// [`NO_TERM`] for a stop word), so that a token costs one hash lookup.
/// Thread ids never reach the output: each document renumbers its terms in
/// order of first occurrence.
struct Vocabulary {
    stemmer: Stemmer,
    /// Forms of up to 31 bytes, stored inline so that a lookup touches no other memory.
    forms: FxHashMap<ShortForm, u32>,
    /// Longer forms.
    long_forms: FxHashMap<Box<str>, u32>,
    stem_ids: FxHashMap<Box<str>, u32>,
    stems: Vec<Box<str>>,
    /// Per thread stem id: the document-local id, valid when `seen[id] == generation`.
    local: Vec<u32>,
    seen: Vec<u32>,
    generation: u32,
}

impl Vocabulary {
    /// Forms kept before the memory is cleared (bounds memory on endless batches).
    const CAPACITY: usize = 500_000;

    fn new() -> Vocabulary {
        Vocabulary {
            stemmer: Stemmer::create(Algorithm::French),
            forms: FxHashMap::default(),
            long_forms: FxHashMap::default(),
            stem_ids: FxHashMap::default(),
            stems: Vec::new(),
            local: Vec::new(),
            seen: Vec::new(),
            generation: 0,
        }
    }

    /// Starts a document: clears the memory when full, and the local numbering.
    fn begin(&mut self) {
        if self.forms.len() + self.long_forms.len() >= Self::CAPACITY {
            self.forms.clear();
            self.long_forms.clear();
            self.stem_ids.clear();
            self.stems.clear();
            self.local.clear();
            self.seen.clear();
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.seen.iter_mut().for_each(|g| *g = 0);
            self.generation = 1;
        }
    }

    /// Thread stem id of a lowercase form, or [`NO_TERM`] when it carries no content.
    fn id(&mut self, lower: &str, lex: &Lexicons) -> u32 {
        let short = ShortForm::new(lower);
        let known = match &short {
            Some(k) => self.forms.get(k),
            None => self.long_forms.get(lower),
        };
        if let Some(&id) = known {
            return id;
        }
        let id = if is_content_word(lower, lex) {
            let stem = self.stemmer.stem(lower);
            match self.stem_ids.get(stem.as_ref()) {
                Some(&id) => id,
                None => {
                    let id = self.stems.len() as u32;
                    self.stems.push(stem.as_ref().into());
                    self.stem_ids.insert(stem.as_ref().into(), id);
                    self.local.push(0);
                    self.seen.push(0);
                    id
                }
            }
        } else {
            NO_TERM
        };
        match short {
            Some(k) => self.forms.insert(k, id),
            None => self.long_forms.insert(lower.into(), id),
        };
        id
    }
}

/// A word form of at most 31 bytes, held inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortForm {
    len: u8,
    bytes: [u8; 31],
}

impl ShortForm {
    fn new(s: &str) -> Option<ShortForm> {
        if s.len() > 31 {
            return None;
        }
        let mut bytes = [0u8; 31];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Some(ShortForm {
            len: s.len() as u8,
            bytes,
        })
    }
}

/// Lowercases `s` into `buf` (reused to avoid an allocation per token).
pub fn lower_into(s: &str, buf: &mut String) {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else if !c.is_uppercase() {
            buf.push(c);
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

/// `text` lowercased, when lowering keeps every character's UTF-8 length.
fn lowercase_same_length(text: &str) -> Option<String> {
    if text.is_ascii() {
        return Some(text.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_uppercase() {
            out.push(c);
        } else {
            let mut low = c.to_lowercase();
            match (low.next(), low.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
                _ => return None,
            }
        }
    }
    Some(out)
}

/// The Snowball stem of one lowercase word.
pub fn stem(lower: &str) -> String {
    VOCAB.with(|v| v.borrow().stemmer.stem(lower).into_owned())
}

/// True when the word carries content: not a stop word, has a letter, 2+ characters.
pub fn is_content_word(lower: &str, lex: &Lexicons) -> bool {
    lower.chars().nth(1).is_some() && lower.chars().any(char::is_alphabetic) && !lex.is_stop(lower)
}

/// Computes the content terms of every token and sentence.
pub fn terms(text: &str, seg: &Segmented) -> Terms {
    let lex = lexicons();
    let mut stem_text = String::new();
    let mut stem_ends: Vec<u32> = Vec::new();
    let mut token_terms = vec![NO_TERM; seg.tokens.len()];
    // The text lowercased once: token spans index it directly when lowering
    // keeps every character's length (always so for French letters).
    let lowered = lowercase_same_length(text);
    let mut lower = String::new();
    // The document's own forms first: a small map that stays in cache.
    let mut local_forms: FxHashMap<&str, u32> =
        FxHashMap::with_capacity_and_hasher(seg.tokens.len() / 2, Default::default());
    VOCAB.with(|vocab| {
        let mut v = vocab.borrow_mut();
        v.begin();
        for (k, tok) in seg.tokens.iter().enumerate() {
            if tok.kind != TokenKind::Word {
                continue;
            }
            let id = match &lowered {
                Some(low) => {
                    let form = tok.span.of(low);
                    match local_forms.get(form) {
                        Some(&id) => id,
                        None => {
                            let id = v.id(form, lex);
                            local_forms.insert(form, id);
                            id
                        }
                    }
                }
                None => {
                    lower_into(tok.span.of(text), &mut lower);
                    v.id(&lower, lex)
                }
            };
            if id == NO_TERM {
                continue;
            }
            let g = id as usize;
            if v.seen[g] != v.generation {
                v.seen[g] = v.generation;
                v.local[g] = stem_ends.len() as u32;
                stem_text.push_str(&v.stems[g]);
                stem_ends.push(stem_text.len() as u32);
            }
            token_terms[k] = v.local[g];
        }
    });
    let mut counts: Vec<(u32, u32)> = Vec::with_capacity(seg.tokens.len() / 2);
    let mut sentence_ranges = Vec::with_capacity(seg.sentences.len());
    let mut sentence_words = Vec::with_capacity(seg.sentences.len());
    for s in &seg.sentences {
        let start = counts.len();
        let mut words = 0;
        for k in s.tokens.clone() {
            if matches!(seg.tokens[k].kind, TokenKind::Word | TokenKind::Number) {
                words += 1;
            }
            let t = token_terms[k];
            if t != NO_TERM {
                counts.push((t, 1));
            }
        }
        let merged = merge_counts(&mut counts[start..]);
        counts.truncate(start + merged);
        sentence_ranges.push((start as u32, counts.len() as u32));
        sentence_words.push(words);
    }
    Terms {
        stem_text,
        stem_ends,
        token_terms,
        counts,
        sentence_ranges,
        sentence_words,
    }
}

/// Sorts (term, count) pairs and merges equal terms in place; returns the new length.
fn merge_counts(v: &mut [(u32, u32)]) -> usize {
    v.sort_unstable();
    let mut w = 0;
    for r in 0..v.len() {
        if w > 0 && v[w - 1].0 == v[r].0 {
            v[w - 1].1 += v[r].1;
        } else {
            v[w] = v[r];
            w += 1;
        }
    }
    w
}

/// Content-term ids of a free string (a title), with counts, by ascending id;
/// words the document does not use are left out.
pub fn terms_of_text(s: &str, terms: &Terms) -> Vec<(u32, u32)> {
    let lex = lexicons();
    let mut out: Vec<(u32, u32)> = Vec::new();
    let mut lower = String::new();
    for w in s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’')) {
        let w = w.rsplit('’').next().unwrap_or(w);
        if w.is_empty() {
            continue;
        }
        lower_into(w, &mut lower);
        if !is_content_word(&lower, lex) {
            continue;
        }
        // The thread's vocabulary stems each form once.
        let id = VOCAB.with(|v| {
            let mut v = v.borrow_mut();
            let g = v.id(&lower, lex);
            (g != NO_TERM)
                .then(|| terms.find(&v.stems[g as usize]))
                .flatten()
        });
        if let Some(id) = id {
            out.push((id, 1));
        }
    }
    out.sort_unstable();
    out.dedup_by(|b, a| {
        if a.0 == b.0 {
            a.1 += b.1;
            true
        } else {
            false
        }
    });
    out
}

// ------------------------------------------------------------ facts

/// What kind of thing a named entity is, as far as rules can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person (a title or role precedes the name, or `M.`/`Mme`).
    Person,
    /// An organisation (acronym, or a word such as `Conseil`, `Parti`).
    Organization,
    /// A place (after `à`, `en`, `au`…).
    Place,
    /// Not decided.
    Other,
}

/// A named entity mention.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entity {
    /// The name as written.
    pub text: String,
    /// Span of the name in the cleaned text.
    #[serde(skip)]
    pub span: Span,
    /// Span of the role and the name together, when a role precedes it.
    #[serde(skip)]
    pub role_span: Option<Span>,
    /// The role or title as written (`le ministre chinois des Affaires étrangères`).
    pub role: Option<String>,
    /// Kind.
    pub kind: EntityKind,
    /// Sentence index.
    pub sentence: usize,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quotation {
    /// The quoted words, without the guillemets.
    pub text: String,
    /// Span of the quotation, guillemets included, in the cleaned text.
    #[serde(skip)]
    pub span: Span,
    /// The speaker's name when the sentence (or the one before) says it.
    pub speaker: Option<String>,
    /// Sentence index.
    pub sentence: usize,
}

/// A keyphrase candidate: a noun phrase or a name, with its score.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Keyphrase {
    /// The phrase as first written in the text.
    pub text: String,
    /// Stems of its content words, space-separated (its identity).
    #[serde(skip)]
    pub key: String,
    /// Occurrences in the text (same stems).
    pub count: usize,
    /// Score: higher is better.
    pub score: f64,
    /// First sentence where it occurs.
    pub first_sentence: usize,
}

/// Dates, numbers, entities, quotations and keyphrases of a document.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Named entities in text order.
    pub entities: Vec<Entity>,
    /// Quotations in text order.
    pub quotations: Vec<Quotation>,
    /// Date expressions in text order.
    pub dates: Vec<Span>,
    /// Numbers (with a following unit or `%` when there is one) in text order.
    pub numbers: Vec<Span>,
    /// Keyphrase candidates, best first.
    pub keyphrases: Vec<Keyphrase>,
    /// The noun phrases of each sentence, by sentence index (none for a heading).
    pub noun_phrases: Vec<Vec<NounPhrase>>,
}

/// Extracts the facts of a segmented document.
pub fn facts(text: &str, seg: &Segmented, terms: &Terms, title: Option<&str>) -> Facts {
    let lex = lexicons();
    let mut f = Facts::default();
    for (si, s) in seg.sentences.iter().enumerate() {
        if seg.is_heading(si) {
            continue;
        }
        let toks = &seg.tokens[s.tokens.clone()];
        let words: Vec<&str> = toks.iter().map(|t| t.span.of(text)).collect();
        dates_and_numbers(&words, toks, lex, &mut f);
        entities(text, &words, toks, si, lex, &mut f.entities);
        quotations(text, &words, toks, si, lex, &f.entities, &mut f.quotations);
    }
    f.noun_phrases = (0..seg.sentences.len())
        .map(|si| match seg.is_heading(si) {
            true => Vec::new(),
            false => noun_phrases(text, seg, terms, si, lex),
        })
        .collect();
    f.keyphrases = keyphrases(text, seg, terms, title, &f.noun_phrases);
    f
}

fn dates_and_numbers(
    words: &[&str],
    toks: &[crate::segment::Token],
    lex: &Lexicons,
    f: &mut Facts,
) {
    let mut k = 0;
    let mut lower = String::new();
    while k < words.len() {
        // Date words are words (the lists hold no digits nor punctuation).
        let word = toks[k].kind == TokenKind::Word;
        if word {
            lower_into(words[k], &mut lower);
        }
        let is_weekday = word && lex.weekdays.contains(&lower);
        let is_month =
            word && (lex.months.contains(&lower) || lex.month_abbreviations.contains(&lower));
        let is_year = toks[k].kind == TokenKind::Number
            && words[k].len() == 4
            && (words[k].starts_with("19") || words[k].starts_with("20"));
        if is_weekday || is_month || is_year || (word && lex.relative_dates.contains(&lower)) {
            // Extend over "mardi 14 mars 2023".
            let start = k;
            let mut end = k + 1;
            while end < words.len() {
                let mut w = String::new();
                lower_into(words[end], &mut w);
                let part = lex.months.contains(&w)
                    || lex.month_abbreviations.contains(&w)
                    || (toks[end].kind == TokenKind::Number && words[end].len() <= 4)
                    || w == "1er";
                if !part {
                    break;
                }
                end += 1;
            }
            f.dates.push(Span {
                start: toks[start].span.start,
                end: toks[end - 1].span.end,
            });
            k = end;
            continue;
        }
        if toks[k].kind == TokenKind::Number {
            let mut end = k + 1;
            if let Some(next) = words.get(end) {
                let unit = lex.quantity_words.contains(*next);
                if unit {
                    end += 1;
                }
            }
            f.numbers.push(Span {
                start: toks[k].span.start,
                end: toks[end - 1].span.end,
            });
            k = end;
            continue;
        }
        k += 1;
    }
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Words that join two capitalised parts of one name (`Banque de France`,
/// `Conseil d’État`, `Charles de Gaulle`).
fn is_name_link(w: &str) -> bool {
    lexicons().function_words.is(w, Class::De)
}

/// `la` or `l’`, the article a name link may take (`Banque de la Réunion`).
fn is_feminine_or_elided_article(w: &str) -> bool {
    lexicons()
        .function_words
        .get(w)
        .is_some_and(|f| f.is(Class::DefiniteArticle) && f.number == 's' && f.gender != 'm')
}

/// A determiner that may open a person's role (`le ministre`, `du président`,
/// `une députée`): a definite article, `du`/`au`, or a singular indefinite one.
fn opens_a_title(lower: &str) -> bool {
    lexicons().function_words.get(lower).is_some_and(|f| {
        f.is(Class::DefiniteArticle)
            || ((f.is(Class::De) || f.is(Class::A)) && f.gender == 'm' && f.number == 's')
            || (f.is(Class::IndefiniteArticle) && f.number == 's')
    })
}

/// `XIXe`, `Ier`, `IV`: numerals, not names.
fn is_roman_or_ordinal(w: &str) -> bool {
    let core = w
        .trim_end_matches("ème")
        .trim_end_matches("er")
        .trim_end_matches('e');
    !core.is_empty()
        && core
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// End (exclusive) of the capitalised name starting at `k`: capitalised
/// words, joined by `de`/`du`/`des`/`d’` (and `la`/`l’` after them) only
/// after a single word, so that `Banque de France` is one name and
/// `Katrine Yu d’Al Jazeera` two.
fn name_end(words: &[&str], toks: &[crate::segment::Token], k: usize) -> usize {
    let cap =
        |i: usize| i < words.len() && toks[i].kind == TokenKind::Word && is_capitalized(words[i]);
    let mut end = k + 1;
    loop {
        if cap(end) {
            end += 1;
            continue;
        }
        if end - k == 1 && end < words.len() && is_name_link(words[end]) {
            let mut next = end + 1;
            if next < words.len() && is_feminine_or_elided_article(words[next]) {
                next += 1;
            }
            if cap(next) {
                end = next + 1;
                continue;
            }
        }
        return end;
    }
}

/// True when a capitalised word is only a capitalised common word.
fn is_common_word(w: &str, lex: &Lexicons) -> bool {
    // Called for every capitalised word, several times: one buffer per thread.
    thread_local! {
        static LOWER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    LOWER.with_borrow_mut(|lower| {
        lower_into(w, lower);
        lex.is_stop(lower) || lex.pos.get(lower).is_some()
    })
}

/// A role and the name it introduces, read forward from a title at `i`:
/// `le ministre chinois des Affaires étrangères Qin Gang`, `la maire de
/// Noirval, Claire Dufresne`, `le porte-parole du département d’État, Matthew Miller`.
struct Role {
    /// First word of the role (its determiner when it has one).
    start: usize,
    /// The name: words `name.0..name.1`.
    name: (usize, usize),
    /// An institution or place named inside the role (`Affaires étrangères`).
    institution: Option<(usize, usize)>,
}

fn role_at(
    words: &[&str],
    toks: &[crate::segment::Token],
    i: usize,
    lex: &Lexicons,
) -> Option<Role> {
    let n = words.len();
    let fw = &lex.function_words;
    // Asked at every word: most words are refused here, without allocating.
    let is_first_word = |w: &str| {
        thread_local! {
            static BUF: std::cell::RefCell<(String, String)> =
                const { std::cell::RefCell::new((String::new(), String::new())) };
        }
        BUF.with_borrow_mut(|(lower, bare)| {
            lower_into(w, lower);
            bare.clear();
            bare.extend(lower.chars().map(crate::fr::lexicon::strip_accent));
            let first = bare.split('’').next().unwrap_or("");
            lex.title_first_words.contains(first)
        })
    };
    if !is_first_word(words[i]) {
        return None;
    }
    let mut lower = String::new();
    // The longest title starting at i (capitals often lose their accents: "d’Etat").
    let mut title_len = 0;
    for len in (1..=lex.titles_max_words.min(n - i)).rev() {
        let phrase = words[i..i + len].join(" ").replace("’ ", "’");
        lower_into(&phrase, &mut lower);
        if lex
            .titles
            .contains(&crate::fr::lexicon::strip_accents(&lower))
        {
            title_len = len;
            break;
        }
    }
    if title_len == 0 {
        return None;
    }
    let start = if i > 0 && opens_a_title(&words[i - 1].to_lowercase()) {
        i - 1
    } else {
        i
    };
    let is_adj = |w: &str| {
        let mut l = String::new();
        lower_into(w, &mut l);
        // Known adjectives, and unknown lowercase words (nationalities: "valdave").
        !is_capitalized(w)
            && w.chars().all(char::is_alphabetic)
            && !lex.is_stop(&l)
            && lex.pos.get(&l).is_none_or(|e| e.has(Pos::Adj))
    };
    let cap = |j: usize| j < n && toks[j].kind == TokenKind::Word && is_capitalized(words[j]);
    let mut j = i + title_len;
    while j < n && is_adj(words[j]) {
        j += 1;
    }
    let mut institution = None;
    // Up to three complements: "des Affaires étrangères", "du département d’État", "de Biden".
    for _ in 0..3 {
        if j >= n || !fw.is_any(words[j], &[Class::De, Class::A]) {
            break;
        }
        let mut k = j + 1;
        if k < n && fw.is(words[k], Class::DefiniteArticle) {
            k += 1;
        }
        if cap(k) {
            let mut m = name_end(words, toks, k);
            while m < n && is_adj(words[m]) {
                m += 1;
            }
            institution = Some((k, m));
            j = m;
        } else if k < n && !lex.is_stop(&words[k].to_lowercase()) && toks[k].kind == TokenKind::Word
        {
            // A common-noun complement: "de la sécurité nationale".
            let mut m = k + 1;
            while m < n && is_adj(words[m]) {
                m += 1;
            }
            j = m;
        } else {
            break;
        }
    }
    if j < n && words[j] == "," {
        j += 1;
    }
    if !cap(j) || (is_common_word(words[j], lex) && !cap(j + 1)) || is_roman_or_ordinal(words[j]) {
        return None;
    }
    let end = name_end(words, toks, j);
    Some(Role {
        start,
        name: (j, end),
        institution,
    })
}

fn entities(
    text: &str,
    words: &[&str],
    toks: &[crate::segment::Token],
    si: usize,
    lex: &Lexicons,
    out: &mut Vec<Entity>,
) {
    let span_of = |a: usize, b: usize| Span {
        start: toks[a].span.start,
        end: toks[b - 1].span.end,
    };
    let mut push = |a: usize, b: usize, kind: EntityKind, role: Option<(usize, usize)>| {
        let span = span_of(a, b);
        out.push(Entity {
            text: span.of(text).to_string(),
            span,
            role_span: role.map(|(r, _)| span_of(r, b)),
            role: role.map(|(r, e)| {
                span_of(r, e)
                    .of(text)
                    .trim_end_matches([',', ' '])
                    .to_string()
            }),
            kind,
            sentence: si,
        });
    };
    let mut k = 0;
    while k < words.len() {
        if let Some(role) = role_at(words, toks, k, lex) {
            if let Some((a, b)) = role.institution {
                // "des Affaires étrangères" names an institution; "de Biden" a person.
                let w = words[a];
                let kind = if lex.organisations.contains(w) || is_common_word(w, lex) {
                    EntityKind::Organization
                } else {
                    EntityKind::Other
                };
                push(a, b, kind, None);
            }
            let (a, b) = role.name;
            push(a, b, EntityKind::Person, Some((role.start, a)));
            k = b;
            continue;
        }
        let w = words[k];
        if toks[k].kind != TokenKind::Word
            || !is_capitalized(w)
            || lex.honorifics.contains(w)
            || is_roman_or_ordinal(w)
        {
            k += 1;
            continue;
        }
        // A courtesy title before the name: "M." is read as "M" and ".".
        let courtesy = (k > 0 && lex.honorifics.contains(words[k - 1]))
            || (k > 1 && words[k - 1] == "." && words[k - 2] == "M");
        // A sentence's first word (or a quotation's) is a name only if it is not a known word.
        let opens = !courtesy
            && (k == 0
                || matches!(
                    words[k - 1],
                    "«" | "\"" | "“" | "(" | "—" | "–" | ":" | "." | "!" | "?" | "…"
                ));
        if opens && is_common_word(w, lex) {
            k += 1;
            continue;
        }
        let end = name_end(words, toks, k);
        let prep = k > 0 && lex.function_words.is(words[k - 1], Class::Place);
        let acronym = w.chars().filter(|c| c.is_uppercase()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
        let kind = if courtesy {
            EntityKind::Person
        } else if acronym || lex.organisations.contains(w) {
            EntityKind::Organization
        } else if prep {
            EntityKind::Place
        } else {
            EntityKind::Other
        };
        push(k, end, kind, None);
        k = end;
    }
}

fn quotations(
    text: &str,
    words: &[&str],
    toks: &[crate::segment::Token],
    si: usize,
    lex: &Lexicons,
    entities: &[Entity],
    out: &mut Vec<Quotation>,
) {
    let mut k = 0;
    while k < words.len() {
        let (open, close) = match words[k] {
            "«" => ("«", "»"),
            "“" => ("“", "”"),
            "\"" => ("\"", "\""),
            _ => {
                k += 1;
                continue;
            }
        };
        let mut depth = 0;
        let mut end = None;
        for (j, &w) in words.iter().enumerate().skip(k + 1) {
            if w == open && open != close {
                depth += 1;
            } else if w == close {
                if depth == 0 {
                    end = Some(j);
                    break;
                }
                depth -= 1;
            }
        }
        let Some(end) = end else {
            k += 1;
            continue;
        };
        if end > k + 1 {
            let inner = Span {
                start: toks[k + 1].span.start,
                end: toks[end - 1].span.end,
            };
            let span = Span {
                start: toks[k].span.start,
                end: toks[end].span.end,
            };
            let here: Vec<&Entity> = entities.iter().filter(|e| e.sentence == si).collect();
            let speaker = speaker_after(words, end + 1, lex, &here, toks)
                .or_else(|| speaker_before(words, k, lex, &here, toks))
                .map(|name| resolve_pronoun(name, entities, si));
            out.push(Quotation {
                text: inner.of(text).to_string(),
                span,
                speaker,
                sentence: si,
            });
        }
        k = end + 1;
    }
}

/// `», a déclaré le porte-parole Matthew Miller.` or `», a-t-il ajouté`.
fn speaker_after(
    words: &[&str],
    from: usize,
    lex: &Lexicons,
    entities: &[&Entity],
    toks: &[crate::segment::Token],
) -> Option<String> {
    let mut k = from;
    while k < words.len() && matches!(words[k], "," | "—" | "–") {
        k += 1;
    }
    let w = words.get(k)?.to_lowercase();
    // Inverted pronoun: a-t-il, a-t-elle, estime-t-il, ajoute-t-elle.
    if w.ends_with("-il") {
        return Some("il".into());
    }
    if w.ends_with("-elle") {
        return Some("elle".into());
    }
    // Auxiliary then participle, or a verb alone: "a déclaré", "déclare".
    let mut j = k;
    if lex.function_words.is(&w, Class::AuxAvoir) {
        j += 1;
    }
    let verb = words.get(j)?.to_lowercase();
    if !lex.reporting_verbs.contains(&verb) {
        return None;
    }
    // The first person (else the first name) named after the verb.
    let from = toks.get(j + 1)?.span.start;
    let later: Vec<&&Entity> = entities.iter().filter(|e| e.span.start >= from).collect();
    later
        .iter()
        .find(|e| e.kind == EntityKind::Person)
        .or_else(|| later.first())
        .map(|e| e.text.clone())
}

/// `Biden a déclaré : « …` or `selon Miller, « …`.
fn speaker_before(
    words: &[&str],
    open: usize,
    lex: &Lexicons,
    entities: &[&Entity],
    toks: &[crate::segment::Token],
) -> Option<String> {
    let lo = open.saturating_sub(12);
    for i in (lo..open).rev() {
        let w = words[i].to_lowercase();
        if w == "selon" || w == "d’après" {
            let from = toks[i].span.start;
            let until = toks[open].span.start;
            return entities
                .iter()
                .find(|e| e.span.start > from && e.span.end <= until)
                .map(|e| e.text.clone());
        }
        if lex.reporting_verbs.contains(&w) {
            // The subject: the last name before the verb, close to it.
            let verb_at = toks[i].span.start;
            let near = toks[i.saturating_sub(6)].span.start;
            return entities
                .iter()
                .rev()
                .find(|e| e.span.end <= verb_at && e.span.start >= near)
                .map(|e| e.text.clone());
        }
    }
    None
}

/// "il"/"elle" → the last person named before (in this or an earlier sentence).
fn resolve_pronoun(name: String, entities: &[Entity], si: usize) -> String {
    if name != "il" && name != "elle" {
        return name;
    }
    // The last person; else the last full name (two words or more).
    let before = || entities.iter().rev().filter(|e| e.sentence <= si);
    before()
        .find(|e| e.kind == EntityKind::Person)
        .or_else(|| before().find(|e| e.kind == EntityKind::Other && e.text.contains(' ')))
        .map_or(name, |e| e.text.clone())
}

/// Noun phrases (`(ADJ) NOUN (ADJ)* (de (la) NOUN (ADJ)*)?`) and names, scored
/// by how often their words occur, with a bonus for words of the title.
fn keyphrases(
    text: &str,
    seg: &Segmented,
    terms: &Terms,
    title: Option<&str>,
    phrases: &[Vec<NounPhrase>],
) -> Vec<Keyphrase> {
    let mut tf = vec![0u32; terms.len()];
    for &t in &terms.token_terms {
        if t != NO_TERM {
            tf[t as usize] += 1;
        }
    }
    let title_terms: Vec<u32> = title
        .map(|t| {
            terms_of_text(t, terms)
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        })
        .unwrap_or_default();
    let mut found: Vec<Keyphrase> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    // A heading has no phrases.
    for (si, sentence_phrases) in phrases.iter().enumerate() {
        if seg.is_heading(si) {
            continue;
        }
        for np in sentence_phrases {
            let ids = &np.terms;
            if !ids.is_empty() && ids.len() <= 4 {
                let key = ids
                    .iter()
                    .map(|&i| terms.stem(i))
                    .collect::<Vec<_>>()
                    .join(" ");
                let phrase = np.span.of(text).to_string();
                match index.get(&key) {
                    Some(&i) => found[i].count += 1,
                    None => {
                        index.insert(key.clone(), found.len());
                        let weight: f64 = ids
                            .iter()
                            .map(|&i| {
                                let bonus = if title_terms.contains(&i) { 2.0 } else { 1.0 };
                                tf[i as usize] as f64 * bonus
                            })
                            .sum::<f64>()
                            / (ids.len() as f64).sqrt();
                        found.push(Keyphrase {
                            text: phrase,
                            key,
                            count: 1,
                            score: weight,
                            first_sentence: si,
                        });
                    }
                }
            }
        }
    }
    for kp in &mut found {
        kp.score *= (1.0 + kp.count as f64).ln();
    }
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.first_sentence.cmp(&b.first_sentence))
    });
    found.truncate(20);
    found
}

/// A noun phrase of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounPhrase {
    /// The phrase (`voisins de la Chine`).
    pub span: Span,
    /// The phrase with the determiner before it, when it has one (`les voisins de la Chine`).
    pub with_determiner: Option<Span>,
    /// Its content terms, in order.
    pub terms: Vec<u32>,
    /// True when its first word is a proper noun.
    pub proper: bool,
}

/// True when `lower` is a determiner that may open a noun phrase printed
/// alone (a heading): an article, a demonstrative or a possessive.
fn opens_noun_phrase(lower: &str, lex: &Lexicons) -> bool {
    lex.function_words.is_any(
        lower,
        &[
            Class::DefiniteArticle,
            Class::IndefiniteArticle,
            Class::Demonstrative,
            Class::Possessive,
        ],
    )
}

/// The noun phrases of sentence `si`: `(ADJ) NOUN (ADJ)* (de (la) NOUN (ADJ)*)?` and runs of names.
pub fn noun_phrases(
    text: &str,
    seg: &Segmented,
    terms: &Terms,
    si: usize,
    lex: &Lexicons,
) -> Vec<NounPhrase> {
    let range = seg.sentences[si].tokens.clone();
    let mut lower = String::new();
    let tags: Vec<Tag> = range
        .clone()
        .map(|k| {
            let t = seg.tokens[k];
            let w = t.span.of(text);
            lower_into(w, &mut lower);
            tag_of(w, &lower, t.kind, k == range.start, lex)
        })
        .collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < tags.len() {
        let Some(len) = noun_phrase_at(&tags, k) else {
            k += 1;
            continue;
        };
        let first = range.start + k;
        let toks = &seg.tokens[first..first + len];
        let span = Span {
            start: toks[0].span.start,
            end: toks[len - 1].span.end,
        };
        let with_determiner = (k > 0)
            .then(|| seg.tokens[first - 1])
            .filter(|t| opens_noun_phrase(&t.span.of(text).to_lowercase(), lex))
            .map(|t| Span {
                start: t.span.start,
                end: span.end,
            });
        out.push(NounPhrase {
            span,
            with_determiner,
            terms: (first..first + len)
                .map(|i| terms.token_terms[i])
                .filter(|&t| t != NO_TERM)
                .collect(),
            proper: tags[k] == Tag::Proper,
        });
        k += len;
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Noun,
    Proper,
    Adj,
    Link,
    Det,
    Other,
}

fn tag_of(w: &str, lower: &str, kind: TokenKind, first: bool, lex: &Lexicons) -> Tag {
    match kind {
        TokenKind::Word => {}
        TokenKind::Elision if matches!(lower, "d’") => return Tag::Link,
        TokenKind::Elision if matches!(lower, "l’") => return Tag::Det,
        _ => return Tag::Other,
    }
    if lex.function_words.is(lower, Class::De) {
        return Tag::Link;
    }
    if matches!(lower, "la") {
        return Tag::Det;
    }
    let entry = lex.pos.get(lower);
    if is_capitalized(w) && !(first && entry.is_some()) {
        return Tag::Proper;
    }
    if lex.is_stop(lower) {
        return Tag::Other;
    }
    match entry {
        Some(e) => match e.pos() {
            Pos::Noun => Tag::Noun,
            Pos::Adj => Tag::Adj,
            Pos::Verb
                if e.has(Pos::Adj)
                    && (lower.ends_with('é')
                        || lower.ends_with("ée")
                        || lower.ends_with("és")
                        || lower.ends_with("ées")) =>
            {
                Tag::Adj
            }
            _ if e.has(Pos::Noun) && !e.has(Pos::Verb) => Tag::Noun,
            _ => Tag::Other,
        },
        None => Tag::Other,
    }
}

/// Length of the noun phrase starting at `k`, if one does.
fn noun_phrase_at(tags: &[Tag], k: usize) -> Option<usize> {
    let at = |i: usize| tags.get(i).copied().unwrap_or(Tag::Other);
    if at(k) == Tag::Proper {
        let mut e = k + 1;
        while at(e) == Tag::Proper {
            e += 1;
        }
        return Some(e - k);
    }
    let mut e = k;
    if at(e) == Tag::Adj && at(e + 1) == Tag::Noun {
        e += 1;
    }
    if at(e) != Tag::Noun {
        return None;
    }
    e += 1;
    while at(e) == Tag::Adj {
        e += 1;
    }
    // "de (la/l’) NOUN (ADJ)*" complement.
    if at(e) == Tag::Link {
        let mut c = e + 1;
        if at(c) == Tag::Det {
            c += 1;
        }
        if matches!(at(c), Tag::Noun | Tag::Proper) {
            c += 1;
            while at(c) == Tag::Adj {
                c += 1;
            }
            e = c;
        }
    }
    Some(e - k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn content_terms_skip_stop_words_and_share_stems() {
        let text = "Les discussions ont été constructives. La discussion reprendra.";
        let seg = segment(text);
        let t = terms(text, &seg);
        let stems: Vec<&str> = (0..t.len() as u32).map(|i| t.stem(i)).collect();
        assert!(stems.contains(&"discuss"), "{stems:?}");
        assert!(!stems.iter().any(|s| *s == "le" || *s == "la"));
        // "discussions" and "discussion" share one term.
        let id = t.find("discuss").unwrap();
        assert!(t.sentence(0).iter().any(|&(i, _)| i == id));
        assert!(t.sentence(1).iter().any(|&(i, _)| i == id));
    }
}
