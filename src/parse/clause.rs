//! Clause boundaries: a sentence cut at commas, semicolons, colons,
//! brackets, dashes, relative pronouns, subordinating conjunctions and
//! quotation marks, each piece named by what it does in the sentence.

use super::tag::Tag;
use super::{Group, GroupKind};
use crate::fr::lexicon::{Class, Lexicons};
use crate::segment::Token;

/// What a clause does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClauseKind {
    /// A subject and a finite verb: `Blinken a invité Qin à Washington`.
    Main,
    /// A finite verb whose subject is outside the clause, after a
    /// coordination or a comma: `et fait suite à la découverte…`.
    Predicate,
    /// Opens with a relative pronoun: `qui a ensuite défendu…`.
    Relative,
    /// Opens with a subordinating conjunction: `alors que les superpuissances…`.
    Subordinate,
    /// Says who said it: `a déclaré le porte-parole`, `selon Le Monde`, `a-t-il ajouté`.
    Attribution,
    /// A noun group set between commas after another: `, le ministre chinois,`.
    Apposition,
    /// Opens with a participle: `s’exprimant lors d’une conférence de presse`.
    Participial,
    /// A phrase of time, place or manner with no verb: `dimanche`, `en février`, `à Pékin`.
    Adjunct,
    /// Inside quotation marks.
    Quotation,
    /// None of the above: no finite verb, no known opener.
    Fragment,
}

/// A clause: its kind and its tokens (indices into the parsed sentence),
/// the punctuation that ends it included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    /// What it does.
    pub kind: ClauseKind,
    /// First token.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
}

/// Punctuation that closes a clause.
fn is_boundary(text: &str) -> bool {
    matches!(text, "," | ";" | ":" | "(" | ")" | "—" | "–" | "[" | "]")
}

/// The clauses of a sentence.
pub(super) fn clauses(
    text: &str,
    tokens: &[Token],
    tags: &[Tag],
    groups: &[Group],
    lex: &Lexicons,
) -> Vec<Clause> {
    let words: Vec<&str> = tokens.iter().map(|t| t.span.of(text)).collect();
    let mut cuts = vec![0];
    let mut depth = 0usize;
    for k in 0..tags.len() {
        match tags[k] {
            Tag::OpenQuote => {
                if depth == 0 && k > 0 && cuts.last() != Some(&k) {
                    cuts.push(k);
                }
                depth += 1;
                continue;
            }
            Tag::CloseQuote => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    // What follows a closing quotation mark starts anew,
                    // the comma after it included in the quotation's clause.
                    let next = if words.get(k + 1).is_some_and(|w| is_boundary(w)) {
                        k + 2
                    } else {
                        k + 1
                    };
                    if next < tags.len() {
                        cuts.push(next);
                    }
                }
                continue;
            }
            _ => {}
        }
        if depth > 0 || k == 0 {
            continue;
        }
        let opens = matches!(tags[k], Tag::Rel | Tag::Sub)
            || (tags[k] == Tag::Coord && starts_clause_after_coordination(tags, k));
        let after_boundary = is_boundary(words[k - 1]);
        if (opens || after_boundary) && cuts.last() != Some(&k) {
            cuts.push(k);
        }
    }
    cuts.dedup();
    cuts.retain(|&c| c < tags.len());
    let mut out: Vec<Clause> = Vec::with_capacity(cuts.len());
    for (n, &start) in cuts.iter().enumerate() {
        let end = cuts.get(n + 1).copied().unwrap_or(tags.len());
        if start >= end {
            continue;
        }
        let kind = kind_of(&words, tags, groups, start, end, out.last(), lex);
        out.push(Clause { kind, start, end });
    }
    out
}

/// True when the coordination at `k` opens a clause of its own: a finite
/// verb follows within a few words (`et fait suite à…`, `mais les attentes sont faibles`).
fn starts_clause_after_coordination(tags: &[Tag], k: usize) -> bool {
    tags.iter()
        .skip(k + 1)
        .take(8)
        .take_while(|t| !matches!(t, Tag::Punct | Tag::Coord | Tag::OpenQuote))
        .any(|t| matches!(t, Tag::Verb | Tag::Aux))
}

/// What the clause `start..end` is.
fn kind_of(
    words: &[&str],
    tags: &[Tag],
    groups: &[Group],
    start: usize,
    end: usize,
    before: Option<&Clause>,
    lex: &Lexicons,
) -> ClauseKind {
    let mut first = start;
    while first < end && (tags[first] == Tag::Punct || tags[first] == Tag::Coord) {
        first += 1;
    }
    if first >= end {
        return ClauseKind::Fragment;
    }
    let lower = words[first].to_lowercase();
    match tags[first] {
        Tag::OpenQuote => return ClauseKind::Quotation,
        Tag::Rel => return ClauseKind::Relative,
        Tag::Sub => return ClauseKind::Subordinate,
        Tag::Gerund | Tag::Participle => return ClauseKind::Participial,
        Tag::Pron if matches!(tags.get(first + 1), Some(Tag::Gerund)) => {
            return ClauseKind::Participial;
        }
        _ => {}
    }
    let two = words
        .get(first + 1)
        .map(|w| format!("{lower}{}", w.to_lowercase()));
    if lex.function_words.is(&lower, Class::Attribution)
        || two.is_some_and(|t| lex.function_words.is(&t, Class::Attribution))
    {
        return ClauseKind::Attribution;
    }
    // An auxiliary in the infinitive after a preposition (`d’avoir violé`,
    // `à être plongée`, `après avoir neutralisé`) makes no finite verb.
    let infinitive = |k: usize| {
        tags[k] == Tag::Aux
            && k > 0
            && tags[k - 1] == Tag::Prep
            && lex
                .pos
                .get(&words[k].to_lowercase())
                .is_some_and(|e| e.inflections().all(|c| c == "n"))
    };
    let finite = (first..end).find(|&k| matches!(tags[k], Tag::Verb | Tag::Aux) && !infinitive(k));
    let Some(v) = finite else {
        return match tags[first] {
            _ if inverted_reporting(&words[first..end], lex) => ClauseKind::Attribution,
            // `, DC pour poursuivre les discussions,` is no apposition: a
            // noun group names, an infinitive tells a purpose.
            Tag::Det | Tag::Propn | Tag::Noun
                if before.is_some_and(|b| ends_with_comma(words, b))
                    && end - first <= 12
                    && !tags[first..end].contains(&Tag::Infinitive) =>
            {
                ClauseKind::Apposition
            }
            Tag::Prep | Tag::Adv | Tag::Num => ClauseKind::Adjunct,
            _ => ClauseKind::Fragment,
        };
    };
    let has_subject = (first..v).any(|k| {
        (tags[k] == Tag::Pron && is_subject_pronoun(words[k], lex))
            || groups.iter().any(|g| {
                g.kind == GroupKind::Noun
                    && g.start == k
                    && g.end <= v
                    && (g.start == first || tags[g.start - 1] != Tag::Prep)
            })
    });
    // `mais réclame …` coordinates a second verb: no attribution.
    let coordinated = tags[start] == Tag::Coord;
    if !has_subject && !coordinated && reports(words, tags, v, end, lex) {
        return ClauseKind::Attribution;
    }
    if has_subject {
        ClauseKind::Main
    } else {
        ClauseKind::Predicate
    }
}

/// A pronoun that can be a subject (`il`, `on`, `cela`, `c’`), not an
/// object clitic (`se`, `le`, `lui`).
fn is_subject_pronoun(word: &str, lex: &Lexicons) -> bool {
    let lower = word.to_lowercase();
    let fw = &lex.function_words;
    fw.is(&lower, Class::SubjectPronoun) || fw.is(&lower, Class::DemonstrativePronoun)
}

fn ends_with_comma(words: &[&str], c: &Clause) -> bool {
    c.end > c.start && words[c.end - 1] == ","
}

/// True when the verb group at `v` is a reporting verb (`a déclaré`,
/// `ajoute`, `a indiqué`), which a clause without a subject uses to say
/// who spoke.
fn reports(words: &[&str], tags: &[Tag], v: usize, end: usize, lex: &Lexicons) -> bool {
    let mut k = v;
    while k < end && matches!(tags[k], Tag::Aux | Tag::Adv | Tag::Neg) {
        k += 1;
    }
    let verb = if k < end { k } else { v };
    let w = words[verb].to_lowercase();
    lex.reporting_verbs.contains(&w) || inverted_reporting(&words[v..end], lex)
}

/// `a-t-il ajouté`, `estime-t-elle`, `précise-t-on`: an inverted subject
/// pronoun on a reporting verb (or on the auxiliary before one).
fn inverted_reporting(words: &[&str], lex: &Lexicons) -> bool {
    words.iter().take(3).any(|w| {
        super::tag::inverted_verb(w, lex).is_some_and(|v| {
            lex.function_words
                .is(&v, crate::fr::lexicon::Class::AuxAvoir)
                || lex.reporting_verbs.contains(&v)
        })
    })
}
#[cfg(test)]
mod tests {
    use super::super::Parsed;
    use super::*;

    fn kinds(s: &str) -> Vec<(ClauseKind, String)> {
        let p = Parsed::of_text(s);
        p.clauses
            .iter()
            .map(|c| (c.kind, p.text_of(s, c.start, c.end).to_string()))
            .collect()
    }

    #[test]
    fn a_sentence_cut_into_its_clauses() {
        let k = kinds(
            "Le secrétaire d’Etat américain Antony Blinken a eu des entretiens avec le ministre chinois à Pékin, a indiqué le département d’Etat.",
        );
        assert_eq!(k.len(), 2, "{k:?}");
        assert_eq!(k[0].0, ClauseKind::Main);
        assert_eq!(
            k[1],
            (
                ClauseKind::Attribution,
                "a indiqué le département d’Etat.".into()
            )
        );
    }

    #[test]
    fn openers_are_told_apart() {
        let first = |s: &str| kinds(s)[0].0;
        assert_eq!(
            first("S’exprimant lors d’une conférence de presse, Blinken a parlé."),
            ClauseKind::Participial
        );
        assert_eq!(
            first("Transporté dans un hôpital, il est mort."),
            ClauseKind::Participial
        );
        assert_eq!(
            first("Dimanche, les pourparlers ont commencé."),
            ClauseKind::Adjunct
        );
        assert_eq!(
            first("Selon Le Monde, le ministre s’agace."),
            ClauseKind::Attribution
        );
        assert_eq!(
            first("« Je pense que c’était plus embarrassant », a déclaré Biden."),
            ClauseKind::Quotation
        );
        assert_eq!(
            first("Alors que les deux pays divergent, la Chine espère."),
            ClauseKind::Subordinate
        );
    }

    #[test]
    fn relatives_appositions_and_attributions() {
        let k = kinds(
            "Blinken, le chef de la diplomatie, a rencontré Qin, qui l’a reçu, a-t-il ajouté.",
        );
        let kinds: Vec<ClauseKind> = k.iter().map(|c| c.0).collect();
        assert_eq!(
            kinds,
            [
                ClauseKind::Fragment,
                ClauseKind::Apposition,
                ClauseKind::Predicate,
                ClauseKind::Relative,
                ClauseKind::Attribution
            ],
            "{k:?}"
        );
    }

    #[test]
    fn a_coordination_with_its_own_verb_opens_a_clause() {
        let k = kinds("Le voyage intervient en février et fait suite à la découverte d’un ballon.");
        assert_eq!(k.len(), 2, "{k:?}");
        assert_eq!(k[1].0, ClauseKind::Predicate);
    }

    #[test]
    fn an_infinitive_auxiliary_after_a_preposition_is_no_finite_verb() {
        let k = kinds(
            "Le maire, inculpé de fraude et d’avoir menti aux enquêteurs, a été libéré lundi.",
        );
        let kinds: Vec<ClauseKind> = k.iter().map(|c| c.0).collect();
        assert_eq!(
            kinds
                .iter()
                .filter(|&&c| c == ClauseKind::Predicate)
                .count(),
            1,
            "{k:?}"
        );
        assert_eq!(kinds.last(), Some(&ClauseKind::Predicate), "{k:?}");
    }
}
