//! Noun phrases of a sentence: `(ADJ) NOUN (ADJ)* (de (la) NOUN (ADJ)*)?`
//! and runs of names, with the determiner before them.

use super::entities::is_capitalized;
use super::terms::{NO_TERM, Terms, lower_into};
use crate::fr::lexicon::{Class, Lexicons, Pos};
use crate::segment::{Segmented, Span, TokenKind};

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
    use crate::fr::lexicon::lexicons;
    use crate::segment::segment;

    #[test]
    fn noun_phrases_take_their_determiner_and_complement() {
        let text = "Les voisins de la Chine redoutent une crise grave. Elle cite Marie Durand.";
        let seg = segment(text);
        let terms = super::super::terms(text, &seg);
        let found: Vec<(String, Option<String>, bool)> =
            noun_phrases(text, &seg, &terms, 0, lexicons())
                .iter()
                .chain(noun_phrases(text, &seg, &terms, 1, lexicons()).iter())
                .map(|np| {
                    (
                        np.span.of(text).to_string(),
                        np.with_determiner.map(|d| d.of(text).to_string()),
                        np.proper,
                    )
                })
                .collect();
        assert_eq!(
            found,
            [
                (
                    "voisins de la Chine".into(),
                    Some("Les voisins de la Chine".into()),
                    false
                ),
                ("crise grave".into(), Some("une crise grave".into()), false),
                ("Marie Durand".into(), None, true),
            ]
        );
    }
}
