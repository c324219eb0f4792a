//! Reports: what refonte read in an article, as data.

use crate::analyze::{Entity, Keyphrase, Quotation};
use crate::document::Document;
use crate::segment::ParagraphKind;
use serde::Serialize;

/// One source sentence as read.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceReport {
    /// Index among the document's sentences.
    pub index: usize,
    /// The sentence, cleaned.
    pub text: String,
    /// UTF-8 byte span in the input as given.
    pub source_span: [usize; 2],
    /// Paragraph index.
    pub paragraph: usize,
    /// True for a heading or the title.
    pub heading: bool,
}

/// A located fact: its text and source span.
#[derive(Debug, Clone, Serialize)]
pub struct Located<T: Serialize> {
    /// The fact.
    #[serde(flatten)]
    pub fact: T,
    /// UTF-8 byte span in the input as given.
    pub source_span: [usize; 2],
}

/// A piece of text and its source span.
#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    /// The text, cleaned.
    pub text: String,
    /// UTF-8 byte span in the input as given.
    pub source_span: [usize; 2],
}

/// Everything the analysis found.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// refonte's version.
    pub version: &'static str,
    /// The title, if any.
    pub title: Option<String>,
    /// Word floor from the request, if any.
    pub min_words: Option<usize>,
    /// Body words.
    pub words: usize,
    /// Sentences.
    pub sentences: Vec<SentenceReport>,
    /// Keyphrase candidates, best first.
    pub keyphrases: Vec<Keyphrase>,
    /// Named entities in text order.
    pub entities: Vec<Located<Entity>>,
    /// Quotations in text order.
    pub quotations: Vec<Located<Quotation>>,
    /// Date expressions in text order.
    pub dates: Vec<Mention>,
    /// Numbers in text order.
    pub numbers: Vec<Mention>,
    /// Notes on the input.
    pub warnings: Vec<String>,
}

/// The analysis report of a document.
pub fn analysis(doc: &Document) -> Analysis {
    let facts = doc.facts();
    let span = |s: crate::segment::Span| {
        let (a, b) = doc.source_span(s);
        [a, b]
    };
    let text_of = |s: crate::segment::Span| s.of(&doc.text).to_string();
    Analysis {
        version: crate::VERSION,
        title: doc.title.clone(),
        min_words: doc.min_words,
        words: doc.body_words(),
        sentences: doc
            .seg
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| SentenceReport {
                index: i,
                text: doc.sentence_text(i),
                source_span: span(s.span),
                paragraph: s.paragraph,
                heading: doc.seg.paragraphs[s.paragraph].kind == ParagraphKind::Heading,
            })
            .collect(),
        keyphrases: facts.keyphrases,
        entities: facts
            .entities
            .into_iter()
            .map(|e| Located {
                source_span: span(e.span),
                fact: e,
            })
            .collect(),
        quotations: facts
            .quotations
            .into_iter()
            .map(|q| Located {
                source_span: span(q.span),
                fact: q,
            })
            .collect(),
        dates: facts
            .dates
            .iter()
            .map(|&d| Mention {
                text: text_of(d),
                source_span: span(d),
            })
            .collect(),
        numbers: facts
            .numbers
            .iter()
            .map(|&d| Mention {
                text: text_of(d),
                source_span: span(d),
            })
            .collect(),
        warnings: doc.warnings(),
    }
}
