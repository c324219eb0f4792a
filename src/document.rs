//! A document: an article read, cleaned, segmented and analysed, with the
//! map from its cleaned text back to the input as given.

use crate::analyze::{self, Facts, SentenceFacts, Terms};
use crate::error::{Error, Result};
use crate::input::{self, Article};
use crate::normalize::{self, Removal, RemovalKind};
use crate::offsets::MapChain;
use crate::segment::{self, ParagraphKind, Segmented, Span};

/// The longest sentence refonte accepts, in words. The longest sentence of
/// the 1,800 development articles has 144.
pub const MAX_SENTENCE_WORDS: usize = 1_000;

/// An analysed article.
#[derive(Debug, Clone)]
pub struct Document {
    /// Length in bytes of the input text as given, which [`Document::source_span`] indexes.
    pub input_len: usize,
    /// The cleaned text every span of [`Document::seg`] indexes.
    pub text: String,
    chain: MapChain,
    /// Ranges of `text` that cleaning inserted (a space restored in a glued
    /// join): printed sentences leave out those that fall inside them.
    inserted: Vec<(usize, usize)>,
    /// The article's title, cleaned: from the caller, the record, the request
    /// preamble, the markup, or a first line that reads as a title.
    pub title: Option<String>,
    /// The paragraph that held the title, when the title came from the text itself.
    pub title_paragraph: Option<usize>,
    /// The word floor the caller or the request gave.
    pub min_words: Option<usize>,
    /// The focus keyphrase the caller or the record gave.
    pub keyphrase: Option<String>,
    /// Request lines taken out (instructions to the tool).
    pub instructions: Vec<String>,
    /// Lines removed by cleaning.
    pub removed: Vec<Removal>,
    /// Paragraphs, sentences and tokens.
    pub seg: Segmented,
    /// Content terms.
    pub terms: Terms,
    /// What each sentence is (dependent, opening with a connector, with a
    /// slip), by sentence index.
    pub sentence_facts: Vec<SentenceFacts>,
}

impl Document {
    /// Reads, cleans, segments and analyses an article.
    ///
    /// Fails with [`Error::TooLarge`] over `max_bytes`, with [`Error::Empty`]
    /// when no article text remains, with [`Error::NoBody`] when only a title
    /// or headings remain, and with [`Error::SentenceTooLong`] for a sentence
    /// over [`MAX_SENTENCE_WORDS`] words.
    pub fn new(article: &Article, max_bytes: usize) -> Result<Document> {
        if article.text.len() > max_bytes {
            return Err(Error::TooLarge {
                size: article.text.len(),
                limit: max_bytes,
            });
        }
        let extracted = input::extract(article);
        let cleaned = normalize::clean(&extracted.text);
        let mut chain = MapChain::default();
        chain.push(extracted.map);
        let inserted = cleaned
            .maps
            .last()
            .map(|m| m.inserted())
            .unwrap_or_default();
        for m in cleaned.maps {
            chain.push(m);
        }
        let seg = segment::segment(&cleaned.text);
        let given_title = article
            .title
            .as_deref()
            .or(extracted.title.as_deref())
            .map(normalize::clean_line)
            .filter(|t| !t.is_empty());
        let mut doc = Document {
            input_len: article.text.len(),
            text: cleaned.text,
            chain,
            inserted,
            title: given_title,
            title_paragraph: None,
            min_words: article.min_words.or(extracted.min_words),
            keyphrase: article.keyphrase.clone(),
            instructions: extracted.instructions,
            removed: cleaned.removed,
            seg,
            terms: Terms::default(),
            sentence_facts: Vec::new(),
        };
        doc.find_title_paragraph();
        if doc.body_sentences() == 0 {
            let titled = doc.title.is_some()
                || doc
                    .seg
                    .paragraphs
                    .iter()
                    .any(|p| p.kind == ParagraphKind::Heading);
            if titled && !article.text.trim().is_empty() {
                return Err(Error::NoBody);
            }
            let what = (!doc.removed.is_empty() && !article.text.trim().is_empty())
                .then(|| "only boilerplate".to_string());
            return Err(Error::Empty { what });
        }
        doc.check_sentence_lengths()?;
        doc.terms = analyze::terms(&doc.text, &doc.seg);
        doc.sentence_facts = analyze::sentence_facts(&doc.text, &doc.seg, |i| doc.sentence_text(i));
        // A body of pull quotes alone (their words in a heading) stays a body.
        if doc.body_sentences() == 0 {
            doc.sentence_facts
                .iter_mut()
                .for_each(|f| f.pull_quote = false);
        }
        Ok(doc)
    }

    /// Refuses a sentence of more than [`MAX_SENTENCE_WORDS`] words: a
    /// paragraph with no sentence punctuation is not something refonte can
    /// rank, cut or rewrite (and would cost time quadratic in its length).
    fn check_sentence_lengths(&self) -> Result<()> {
        for s in &self.seg.sentences {
            // Words are separated by white space: fewer bytes, fewer words.
            if (s.span.end - s.span.start) as usize <= 2 * MAX_SENTENCE_WORDS {
                continue;
            }
            let words = s.span.of(&self.text).split_whitespace().count();
            if words > MAX_SENTENCE_WORDS {
                return Err(Error::SentenceTooLong {
                    words,
                    offset: self.source_span(s.span).0,
                    limit: MAX_SENTENCE_WORDS,
                });
            }
        }
        Ok(())
    }

    /// A first paragraph that reads as a title is the title (when none was given)
    /// or a repeat of it (when it says the same).
    fn find_title_paragraph(&mut self) {
        let Some(first) = self.seg.paragraphs.first().cloned() else {
            return;
        };
        if self.seg.paragraphs.len() < 2 {
            return;
        }
        // A first line reads as a title up to 25 words (a subheading elsewhere, 15).
        let raw = first.span.of(&self.text);
        let title_like = !raw.contains('\n')
            && raw.split_whitespace().count() <= 25
            && !raw
                .trim_end_matches(['»', '”', '"', ')', ' '])
                .ends_with(['.', '!', '?', '…', ';', ','])
            && self.title.is_none();
        if first.kind != ParagraphKind::Heading && !title_like {
            return;
        }
        self.seg.paragraphs[0].kind = ParagraphKind::Heading;
        let text = first.span.of(&self.text).trim().to_string();
        match &self.title {
            None => {
                self.title = Some(normalize::clean_line(&text));
                self.title_paragraph = Some(0);
            }
            Some(t) if crate::fr::lexicon::fold(t) == crate::fr::lexicon::fold(&text) => {
                self.title_paragraph = Some(0);
            }
            Some(_) => {}
        }
    }

    /// True when sentence `i` cannot stand without the sentence before it
    /// (see [`SentenceFacts::depends_on_previous`]).
    pub fn depends_on_previous(&self, i: usize) -> bool {
        self.sentence_facts
            .get(i)
            .is_some_and(|f| f.depends_on_previous)
    }

    /// True when sentence `i` names something said before by a
    /// demonstrative further in (see [`SentenceFacts::names_back_inside`]).
    pub fn names_back_inside(&self, i: usize) -> bool {
        self.sentence_facts
            .get(i)
            .is_some_and(|f| f.names_back_inside)
    }

    /// True when sentence `i` already opens with a connector.
    pub fn opens_with_connector(&self, i: usize) -> bool {
        self.sentence_facts
            .get(i)
            .is_some_and(|f| f.opens_with_connector)
    }

    /// True when sentence `i` carries a typing slip that provenance keeps.
    pub fn has_slips(&self, i: usize) -> bool {
        self.sentence_facts.get(i).is_some_and(|f| f.slips)
    }

    /// Number of body sentences (not headings, not the title).
    pub fn body_sentences(&self) -> usize {
        self.body_mask().iter().filter(|&&b| b).count()
    }

    /// For each sentence, whether it is article prose (not a heading, the
    /// title or a pull quote).
    pub fn body_mask(&self) -> Vec<bool> {
        self.seg
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                self.seg.paragraphs[s.paragraph].kind == ParagraphKind::Body
                    && !is_word_fragment(s.span.of(&self.text))
                    && !self.sentence_facts.get(i).is_some_and(|f| f.pull_quote)
            })
            .collect()
    }

    /// The span of the input as given that produced `span` of the cleaned text.
    pub fn source_span(&self, span: Span) -> (usize, usize) {
        self.chain.span(span.start as usize, span.end as usize)
    }

    /// The text of sentence `i`, cleaned, on one line.
    ///
    /// A space that cleaning inserted inside the sentence (a join it
    /// thought glued, where no sentence boundary followed) is left out, so
    /// that the printed sentence reads as its source span.
    pub fn sentence_text(&self, i: usize) -> String {
        let span = self.seg.sentences[i].span;
        let (a, b) = (span.start as usize, span.end as usize);
        let inside: Vec<(usize, usize)> = self
            .inserted
            .iter()
            .copied()
            .filter(|&(x, y)| x >= a && y <= b && self.text[x..y].trim().is_empty())
            .collect();
        let owned;
        let s: &str = if inside.is_empty() {
            &self.text[a..b]
        } else {
            let mut t = String::with_capacity(b - a);
            let mut pos = a;
            for (x, y) in inside {
                t.push_str(&self.text[pos..x]);
                pos = y;
            }
            t.push_str(&self.text[pos..b]);
            owned = t;
            &owned
        };
        if s.contains('\n') {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            s.to_string()
        }
    }

    /// The texts of sentences `ids`, joined by a space.
    pub fn joined_text(&self, ids: &[usize]) -> String {
        ids.iter()
            .map(|&i| self.sentence_text(i))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Number of words of the article's body (headings and title excluded).
    pub fn body_words(&self) -> usize {
        let mask = self.body_mask();
        self.terms
            .sentence_words
            .iter()
            .zip(mask)
            .filter(|(_, b)| *b)
            .map(|(w, _)| *w as usize)
            .sum()
    }

    /// Named entities, quotations, dates, numbers and keyphrase candidates.
    pub fn facts(&self) -> Facts {
        analyze::facts(&self.text, &self.seg, &self.terms, self.title.as_deref())
    }

    /// Human-readable notes on what reading the article did (boilerplate removed…).
    pub fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        let boiler: Vec<&str> = self
            .removed
            .iter()
            .filter(|r| r.kind == RemovalKind::Boilerplate)
            .map(|r| r.text.as_str())
            .collect();
        if !boiler.is_empty() {
            w.push(format!(
                "removed {} boilerplate line(s): {}",
                boiler.len(),
                boiler
                    .iter()
                    .map(|t| format!("«\u{a0}{}\u{a0}»", shorten(t, 60)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let code = self
            .removed
            .iter()
            .filter(|r| r.kind == RemovalKind::Code)
            .count();
        if code > 0 {
            w.push(format!("removed {code} line(s) of leftover code"));
        }
        if !self.instructions.is_empty() {
            w.push(format!(
                "read {} request line(s) as instructions, not article text",
                self.instructions.len()
            ));
        }
        w
    }
}

/// `s` cut to `max` characters, with `…` when it was longer (for messages).
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

/// True when a sentence is the tail of a word a page broke off (`ien.` of
/// `Le Paris` / `ien.`: one word, in lowercase, and a period) or the number
/// of a list item cut from its item (`2.` of `2. Et les professeurs ?`). It
/// is debris, never printed.
fn is_word_fragment(s: &str) -> bool {
    let word = s.trim_end_matches('.');
    let tail = word.starts_with(char::is_lowercase) && word.chars().all(char::is_alphabetic);
    let number = !word.is_empty() && word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit());
    word.len() < s.len() && (tail || number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::new(
            &Article {
                text: text.into(),
                ..Article::default()
            },
            usize::MAX,
        )
        .expect("document")
    }

    #[test]
    fn first_line_title_is_found() {
        let d = doc("Un titre sans point\n\nLe premier paragraphe est là. Il continue.");
        assert_eq!(d.title.as_deref(), Some("Un titre sans point"));
        assert_eq!(d.body_sentences(), 2);
    }

    /// The sentences of `text` that the body may print.
    fn body(text: &str) -> Vec<String> {
        let d = doc(text);
        let mask = d.body_mask();
        (0..d.seg.sentences.len())
            .filter(|&i| mask[i])
            .map(|i| d.seg.sentences[i].span.of(&d.text).to_string())
            .collect()
    }

    #[test]
    fn the_tail_of_a_broken_word_is_no_body_sentence() {
        let printed =
            body("Elle chante, rapporte Le Paris\n\nien. Le clip a circulé lundi. Il choque.");
        assert!(!printed.iter().any(|s| s == "ien."), "{printed:?}");
        assert!(
            printed.iter().any(|s| s == "Le clip a circulé lundi."),
            "{printed:?}"
        );
        let printed = body("Le guide répond.\n\n2. Et les professeurs ?\n\nIls portent un masque.");
        assert!(!printed.iter().any(|s| s == "2."), "{printed:?}");
        assert!(
            printed.iter().any(|s| s == "Et les professeurs ?"),
            "{printed:?}"
        );
    }

    #[test]
    fn spans_cut_the_input_as_given() {
        let input = "Customize this title in french Titre\n\nMake this article seo compatible\n\nL'AFP l'a dit.Aucune  victime n'est à déplorer.";
        let d = doc(input);
        let texts: Vec<String> = (0..d.seg.sentences.len())
            .map(|i| d.sentence_text(i))
            .collect();
        assert_eq!(
            texts,
            ["L’AFP l’a dit.", "Aucune victime n’est à déplorer."]
        );
        let (a, b) = d.source_span(d.seg.sentences[1].span);
        assert_eq!(&input[a..b], "Aucune  victime n'est à déplorer.");
        let (a, b) = d.source_span(d.seg.sentences[0].span);
        assert_eq!(&input[a..b], "L'AFP l'a dit.");
    }

    #[test]
    fn empty_and_title_only_inputs_are_refused() {
        let e = Document::new(
            &Article {
                text: "  \n\n ".into(),
                ..Article::default()
            },
            usize::MAX,
        );
        assert!(matches!(e, Err(Error::Empty { .. })));
        let e = Document::new(
            &Article {
                text: "Juste un titre".into(),
                ..Article::default()
            },
            usize::MAX,
        );
        assert!(matches!(e, Err(Error::NoBody)));
    }
}
