//! Shallow analysis of French sentences: part of speech in context, noun
//! and verb groups, and clause boundaries — what the framing needs to
//! write a headline from a sentence, to cut a title or a description at a
//! phrase's end, and to tell whether a connector may open a sentence.
//!
//! A sentence is parsed from its tokens (as [`crate::segment`] cuts them):
//!
//! - [`tag`]: one [`Tag`] per token, from the lexicons' readings and the
//!   neighbouring tokens;
//! - groups ([`Group`]): noun groups (`les voisins de la Chine`, `Antony
//!   Blinken`) and verb groups (`a invité`, `n’a pas été adopté`,
//!   `devrait rencontrer`);
//! - clauses ([`Clause`]): the pieces between commas, conjunctions,
//!   relative pronouns and quotation marks, each with its [`ClauseKind`]
//!   (main clause, relative, subordinate, attribution, apposition,
//!   participial phrase, adjunct, quotation).
//!
//! It is shallow by design: no tree, no long-distance attachment; what it
//! cannot tell it leaves unsaid ([`ClauseKind::Fragment`]), and every user
//! refuses to write from a fragment. Spans index the text given, as every
//! span of the pipeline does.

pub mod clause;
pub mod tag;

pub use clause::{Clause, ClauseKind};
pub use tag::Tag;

use crate::fr::lexicon::{Class, Pos, lexicons};
use crate::segment::{Span, Token, TokenKind};

/// What a group of words is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupKind {
    /// A noun group: determiners, adjectives, a noun or name, its
    /// complements in `de` (`le voyage de deux jours de Blinken`).
    Noun,
    /// A verb group: clitics, negation, auxiliaries, the verb
    /// (`ne l’a pas invité`, `devrait rencontrer`).
    Verb,
}

/// A run of tokens that makes one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// Noun or verb group.
    pub kind: GroupKind,
    /// First token (index into [`Parsed::tokens`]).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

/// A parsed sentence.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Its tokens, with spans into the text given.
    pub tokens: Vec<Token>,
    /// One tag per token.
    pub tags: Vec<Tag>,
    /// Its noun and verb groups, in order, not overlapping.
    pub groups: Vec<Group>,
    /// Its clauses, in order, covering every token.
    pub clauses: Vec<Clause>,
    /// For each token, true when it belongs to a connector of several words
    /// used as an adverb (`en outre`, `de son côté`, `par ailleurs`).
    pub connective: Vec<bool>,
    /// For each token, true when it is written in capitals (`ONU`, `PS`).
    pub acronym: Vec<bool>,
}

/// The tokens of `text` that a parse would not tag [`Tag::Punct`] (words,
/// numbers and quotation marks), as written; no tagging needed.
pub fn unpunctuated_words(text: &str) -> Vec<&str> {
    crate::segment::tokens(text)
        .iter()
        .map(|t| (t.kind, t.span.of(text)))
        .filter(|&(kind, w)| kind != TokenKind::Punct || matches!(w, "«" | "“" | "»" | "”" | "\""))
        .map(|(_, w)| w)
        .collect()
}

impl Parsed {
    /// Parses a sentence of `text` made of `tokens`.
    pub fn new(text: &str, tokens: &[Token]) -> Parsed {
        let lex = lexicons();
        let readings = tag::readings(text, tokens, lex);
        let (tags, connective) = tag::tag_all(&readings, lex);
        let links: Vec<bool> = readings
            .iter()
            .map(|r| {
                r.function
                    .is_some_and(|f| f.is(Class::De) || f.is(Class::A))
            })
            .collect();
        // The period after an honorific (`M.`, `MM.`) belongs to the name.
        let honorific_dot: Vec<bool> = (0..readings.len())
            .map(|k| {
                readings[k].text == "."
                    && k > 0
                    && lex
                        .honorifics
                        .contains(&format!("{}.", readings[k - 1].text))
            })
            .collect();
        let groups = groups(&tags, &links, &honorific_dot);
        let clauses = clause::clauses(text, tokens, &tags, &groups, lex);
        let acronym = readings
            .iter()
            .map(|r| r.text.chars().count() >= 2 && r.text.chars().all(|c| !c.is_lowercase()))
            .collect();
        Parsed {
            tokens: tokens.to_vec(),
            tags,
            groups,
            clauses,
            connective,
            acronym,
        }
    }

    /// Parses a free text (a title, a quotation) as one sentence.
    pub fn of_text(text: &str) -> Parsed {
        Parsed::new(text, &crate::segment::tokens(text))
    }

    /// False when [`Parsed::of_text`] cannot open `text` on a participial
    /// phrase, read off its first words without tagging them. The first
    /// clause's opener is its first token not tagged as punctuation or a
    /// coordination (a quotation mark is one), or the token after it when
    /// that one is a pronoun; and the tagger makes a participle or a gerund
    /// only of a word the lexicon reads as one, or of an unknown lowercase
    /// word after an auxiliary. True is only a maybe.
    /// `tokens` are `text`'s, as [`crate::segment::tokens`] cuts them.
    pub fn may_open_on_participle(text: &str, tokens: &[Token]) -> bool {
        let lex = lexicons();
        let lower = |t: &Token| t.span.of(text).to_lowercase();
        let participle = |t: &Token| {
            if !matches!(t.kind, TokenKind::Word | TokenKind::Elision) {
                return false;
            }
            let w = lower(t);
            match lex.pos.get(&w) {
                Some(e) => e.is_past_participle() || e.is_present_participle(),
                None => {
                    lex.function_words.get(&w).is_none()
                        && !t.span.of(text).starts_with(char::is_uppercase)
                }
            }
        };
        let coordination = |t: &Token| {
            let w = lower(t);
            lex.function_words.is(&w, Class::Coordinating)
                || lex.pos.get(&w).is_some_and(|e| e.pos() == Pos::Conj)
        };
        for (k, t) in tokens.iter().enumerate() {
            if t.kind == TokenKind::Punct {
                if matches!(t.span.of(text), "«" | "“" | "»" | "”" | "\"") {
                    return false;
                }
                continue;
            }
            if participle(t) || tokens.get(k + 1).is_some_and(participle) {
                return true;
            }
            if t.kind == TokenKind::Number || !coordination(t) {
                return false;
            }
        }
        false
    }

    /// The text of tokens `start..end` as written (spaces included).
    pub fn text_of<'t>(&self, text: &'t str, start: usize, end: usize) -> &'t str {
        if start >= end || end > self.tokens.len() {
            return "";
        }
        Span::new(
            self.tokens[start].span.start as usize,
            self.tokens[end - 1].span.end as usize,
        )
        .of(text)
    }

    /// The first clause that is a main clause (a subject and a finite verb).
    pub fn main_clause(&self) -> Option<&Clause> {
        self.clauses.iter().find(|c| c.kind == ClauseKind::Main)
    }

    /// True when no clause outside a quotation has a finite verb: a
    /// fragment, a list item, a caption.
    pub fn is_fragment(&self) -> bool {
        !self.clauses.iter().any(|c| {
            c.kind != ClauseKind::Quotation
                && (c.start..c.end).any(|k| matches!(self.tags[k], Tag::Verb | Tag::Aux))
        })
    }

    /// True when no finite verb stands outside quotations, relative and
    /// subordinate clauses: a noun group and what hangs on it (`Des
    /// infections qui présentent des symptômes proches`). A sentence with
    /// two finite verbs outside quotations has a main verb, wherever the
    /// shallow cut put it (`ceux qui bénéficient d’aides n’est pas nouvelle`).
    pub fn lacks_main_verb(&self) -> bool {
        let quoted = |k: usize| {
            self.clauses
                .iter()
                .any(|c| c.kind == ClauseKind::Quotation && (c.start..c.end).contains(&k))
        };
        let finite: Vec<&Group> = self
            .groups
            .iter()
            .filter(|g| {
                g.kind == GroupKind::Verb
                    && !quoted(g.start)
                    && (g.start..g.end).any(|k| matches!(self.tags[k], Tag::Verb | Tag::Aux))
            })
            .collect();
        match finite.as_slice() {
            [] => true,
            [only] => self.clauses.iter().any(|c| {
                matches!(c.kind, ClauseKind::Relative | ClauseKind::Subordinate)
                    && (c.start..c.end).contains(&only.start)
            }),
            _ => false,
        }
    }

    /// The kind of the sentence's first clause: what a reader meets first.
    pub fn opener(&self) -> Option<ClauseKind> {
        self.clauses.first().map(|c| c.kind)
    }

    /// The group that starts at token `k`, if one does.
    pub fn group_at(&self, k: usize) -> Option<&Group> {
        self.groups.iter().find(|g| g.start == k)
    }
}

/// Noun and verb groups over a sentence's tags.
fn groups(tags: &[Tag], links: &[bool], honorific_dot: &[bool]) -> Vec<Group> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tags.len() {
        if let Some(end) = noun_group_end(tags, links, honorific_dot, k) {
            out.push(Group {
                kind: GroupKind::Noun,
                start: k,
                end,
            });
            k = end;
        } else if let Some(end) = verb_group_end(tags, k) {
            out.push(Group {
                kind: GroupKind::Verb,
                start: k,
                end,
            });
            k = end;
        } else {
            k += 1;
        }
    }
    out
}

/// The end of the noun group starting at `k`: `(Det|Num)* Adj* N (N|Adj|Num)*`,
/// then complements `de (Det)* … N (Adj)*` of it.
fn noun_group_end(tags: &[Tag], links: &[bool], honorific_dot: &[bool], k: usize) -> Option<usize> {
    let at = |i: usize| tags.get(i).copied();
    let core = |from: usize| -> Option<usize> {
        let mut e = from;
        while matches!(at(e), Some(Tag::Det | Tag::Num)) {
            e += 1;
        }
        while matches!(at(e), Some(Tag::Adj)) {
            e += 1;
        }
        if !at(e).is_some_and(Tag::is_nominal) && at(e) != Some(Tag::Num) {
            return None;
        }
        e += 1;
        loop {
            while matches!(
                at(e),
                Some(Tag::Noun | Tag::Propn | Tag::Unknown | Tag::Adj | Tag::Num)
            ) {
                // `la capitale 68 civils blessés`: a number before a noun
                // after the head opens a group of its own (`l’article 3 du
                // code` keeps its number).
                if e > from && at(e) == Some(Tag::Num) && at(e + 1) == Some(Tag::Noun) {
                    return Some(e);
                }
                e += 1;
            }
            // `M. Dupont`: the honorific's period is inside the name.
            if honorific_dot.get(e).copied().unwrap_or(false) && at(e + 1) == Some(Tag::Propn) {
                e += 1;
                continue;
            }
            break;
        }
        Some(e)
    };
    let mut end = core(k)?;
    // A bare number is no noun group (`en 2018` is a date, `3,5 %` a quantity).
    if end == k + 1 && at(k) == Some(Tag::Num) {
        return None;
    }
    // Complements in `de` and `à` (`le voyage de Blinken`, `le conseiller
    // à la sécurité nationale`); other prepositions open a phrase of the
    // verb (`s’est rendu à Tokyo pour des réunions`).
    while at(end) == Some(Tag::Prep) && links.get(end).copied().unwrap_or(false) {
        match core(end + 1) {
            Some(e) if e > end + 1 => end = e,
            _ => break,
        }
    }
    Some(end)
}

/// The end of the verb group starting at `k`: clitics and negation, then
/// auxiliaries and adverbs, then a verb form; a following infinitive
/// belongs to it (`devrait rencontrer`).
fn verb_group_end(tags: &[Tag], k: usize) -> Option<usize> {
    let at = |i: usize| tags.get(i).copied();
    let mut e = k;
    while matches!(at(e), Some(Tag::Pron | Tag::Neg)) && e < k + 4 {
        e += 1;
    }
    let verb_start = e;
    while matches!(at(e), Some(Tag::Aux | Tag::Adv | Tag::Neg)) {
        e += 1;
    }
    if !matches!(
        at(e),
        Some(Tag::Verb | Tag::Participle | Tag::Infinitive | Tag::Gerund | Tag::Aux)
    ) {
        // Auxiliaries alone (`il a`, `c’est`) are a verb group.
        return (e > verb_start
            && (verb_start..e).any(|i| matches!(tags[i], Tag::Aux | Tag::Verb)))
        .then_some(e);
    }
    e += 1;
    while matches!(at(e), Some(Tag::Adv | Tag::Neg)) {
        e += 1;
    }
    if at(e) == Some(Tag::Infinitive) {
        e += 1;
    }
    // Trailing adverbs belong to what follows, not to the group.
    while e > verb_start + 1 && matches!(at(e - 1), Some(Tag::Adv)) {
        e -= 1;
    }
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups_of(s: &str) -> Vec<(GroupKind, String)> {
        let p = Parsed::of_text(s);
        p.groups
            .iter()
            .map(|g| (g.kind, p.text_of(s, g.start, g.end).to_string()))
            .collect()
    }

    #[test]
    fn noun_groups_take_their_complements() {
        let g = groups_of(
            "Le voyage de deux jours de Blinken intervient au milieu de relations glaciales.",
        );
        assert_eq!(
            g[0],
            (GroupKind::Noun, "Le voyage de deux jours de Blinken".into())
        );
        assert_eq!(g[1], (GroupKind::Verb, "intervient".into()));
    }

    #[test]
    fn a_number_before_a_noun_opens_a_new_group() {
        let g = groups_of("Le maire a recensé dans la capitale 68 civils blessés.");
        assert!(
            g.contains(&(GroupKind::Noun, "la capitale".into())),
            "{g:?}"
        );
        assert!(
            g.contains(&(GroupKind::Noun, "68 civils blessés".into())),
            "{g:?}"
        );
        let g = groups_of("L’article 3 du code a été modifié.");
        assert_eq!(g[0], (GroupKind::Noun, "L’article 3 du code".into()));
    }

    #[test]
    fn verb_groups_hold_clitics_auxiliaries_and_infinitives() {
        let g = groups_of("Blinken devrait rencontrer de hauts responsables chinois.");
        assert_eq!(g[1], (GroupKind::Verb, "devrait rencontrer".into()));
        let g = groups_of("Le texte n’a pas été adopté.");
        assert_eq!(g[1], (GroupKind::Verb, "n’a pas été adopté".into()));
    }

    #[test]
    fn a_participial_opener_is_always_foreseen() {
        let may = |s: &str| Parsed::may_open_on_participle(s, &crate::segment::tokens(s));
        for s in [
            "Présenté jeudi aux syndicats, le projet prévoit des économies.",
            "S’exprimant lors d’une conférence de presse, Blinken a parlé.",
            "Et transporté dans un hôpital, il est mort.",
            "« Transporté dans un hôpital », il est mort.",
            "Ayant appris la nouvelle, le maire a réagi.",
        ] {
            let opens = Parsed::of_text(s).opener() == Some(ClauseKind::Participial);
            assert!(!opens || may(s), "{s}");
        }
        assert!(may(
            "Présenté jeudi aux syndicats, le projet prévoit des économies."
        ));
        assert!(!may("Le maire a présenté jeudi son budget."));
        // Every sentence of the fixtures, and each of its ends after a
        // comma (the cuts of a description open there too).
        for text in [
            include_str!("../../tests/fixtures/articles/short.txt"),
            include_str!("../../tests/fixtures/articles/medium.txt"),
            include_str!("../../tests/fixtures/articles/long.txt"),
            include_str!("../../tests/fixtures/articles/quotes.txt"),
            include_str!("../../tests/fixtures/articles/very_long.txt"),
        ] {
            let doc = crate::frame::test_document(text);
            for i in 0..doc.seg.sentences.len() {
                let sentence = doc.sentence_text(i);
                let ends = sentence
                    .match_indices(", ")
                    .map(|(at, _)| &sentence[at + 2..]);
                for s in std::iter::once(sentence.as_str()).chain(ends) {
                    let opens = Parsed::of_text(s).opener() == Some(ClauseKind::Participial);
                    assert!(!opens || may(s), "{s}");
                }
            }
        }
    }

    #[test]
    fn fragments_have_no_finite_verb() {
        assert!(Parsed::of_text("Cheveux poivre et sel, 40 ans.").is_fragment());
        assert!(!Parsed::of_text("Il part demain.").is_fragment());
        // A verb inside a quotation does not make the sentence a clause.
        assert!(Parsed::of_text("« Je pars », et puis rien.").is_fragment());
    }
}
