//! Analysis: lowercase forms, Snowball stems and stop words per token, the
//! content terms of each sentence; then, on demand, keyphrase candidates,
//! named entities (with titles and roles), quotations with their speakers,
//! dates and numbers.
//!
//! One file per kind of fact: [`terms`], [`entities`], [`quotations`],
//! [`keyphrases`], [`noun_phrases`], [`dates`]; [`sentences`] holds what
//! each source sentence is, computed once (whether it depends on the one
//! before, whether it opens with a connector, whether it carries a typing
//! slip).

pub mod dates;
pub mod entities;
pub mod keyphrases;
pub mod noun_phrases;
pub mod quotations;
pub mod sentences;
pub mod terms;

pub use entities::{Entity, EntityKind};
pub use keyphrases::Keyphrase;
pub use noun_phrases::{NounPhrase, noun_phrases};
pub use quotations::Quotation;
pub use sentences::{
    SentenceFacts, has_slips, quotation_points_back, quoted_with_close, sentence_facts,
};
pub use terms::{NO_TERM, Terms, is_content_word, lower_into, stem, terms, terms_of_text};

use crate::fr::lexicon::lexicons;
use crate::segment::{Segmented, Span};

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
        dates::dates_and_numbers(&words, toks, lex, &mut f);
        entities::entities(text, &words, toks, si, lex, &mut f.entities);
        quotations::quotations(text, &words, toks, si, lex, &f.entities, &mut f.quotations);
    }
    f.noun_phrases = (0..seg.sentences.len())
        .map(|si| match seg.is_heading(si) {
            true => Vec::new(),
            false => noun_phrases(text, seg, terms, si, lex),
        })
        .collect();
    f.keyphrases = keyphrases::keyphrases(text, seg, terms, title, &f.noun_phrases);
    f
}
