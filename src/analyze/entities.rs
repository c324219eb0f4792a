//! Named entities: runs of capitalised words, with the titles and roles
//! that introduce people (`le ministre de l’Intérieur, Jean Dupont`).

use super::terms::lower_into;
use crate::fr::lexicon::{Class, Lexicons, Pos, lexicons};
use crate::segment::{Span, TokenKind};

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

pub(super) fn is_capitalized(w: &str) -> bool {
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

pub(super) fn entities(
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
        // An institution's word glued to the name after it (`ministre de
        // l’Intérieur Christophe Castaner`, `conseiller de l’Elysée
        // Alexandre Benalla`): two entities, the institution and the person.
        let institution = lex.organisations.contains(w) || is_common_word(w, lex);
        // The person's surname is no common word (`Marc` may be; `Banque
        // Centrale Européenne` stays one name).
        let named_after = end - k >= 3
            && words[k + 1..end]
                .iter()
                .all(|x| is_capitalized(x) && !lex.organisations.contains(*x))
            && !is_common_word(words[end - 1], lex);
        if institution && named_after {
            push(k, k + 1, EntityKind::Organization, None);
            push(k + 1, end, EntityKind::Other, None);
            k = end;
            continue;
        }
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
