//! Terms: lowercase forms, Snowball stems and stop words per token, and the
//! content terms of each sentence, numbered in order of first occurrence.

use crate::fr::lexicon::{Lexicons, lexicons};
use crate::segment::{Segmented, TokenKind};
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
