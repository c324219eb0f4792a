//! Articles and contractions: `de` and `à` before a noun phrase (`du
//! président`, `aux États-Unis`, `d’Emmanuel Macron`), the definite article of
//! a noun, and the fixer of `de le` / `à les` in text refonte builds.

use super::APOS;
use super::case::{is_capitalised, lower_at};
use super::elision::{
    case_like, elide, is_all_caps, is_le_surname, join, looks_like_verb, starts_with_vowel_sound,
};
use super::lexicon::{self, Pos, fold};
use super::typography::{is_apostrophe, is_hspace};

// ---------------------------------------------------------------------------
// de, à, articles
// ---------------------------------------------------------------------------

/// A noun phrase split at its leading article.
enum Lead<'a> {
    /// `le X` (lowercase or capitalised article), with the rest `X`.
    Le(&'a str),
    /// `les X`.
    Les(&'a str),
    /// `la X`.
    La(&'a str),
    /// `l’X`: already elided.
    Elided,
    /// Indefinite or partitive `des X`, `du X`, `de X`, `d’X` (lowercase).
    Partitive(&'a str),
    /// No article (a name, `un accord`…).
    None,
}

fn split_lead(np: &str) -> Lead<'_> {
    let Some((first, rest)) = np.split_once(char::is_whitespace) else {
        return match np.chars().next() {
            Some('l' | 'L') if np.chars().nth(1).is_some_and(is_apostrophe) => Lead::Elided,
            _ => Lead::None,
        };
    };
    let rest = rest.trim_start();
    if rest.is_empty() {
        return Lead::None;
    }
    let lower = fold(first);
    if first.chars().nth(1).is_some_and(is_apostrophe) {
        // `d’autres pays` is indefinite; `d’Artagnan` a name.
        let third_lower = first.chars().nth(2).is_some_and(char::is_lowercase);
        return match first.chars().next() {
            Some('l' | 'L') => Lead::Elided,
            Some('d') if third_lower => Lead::Partitive(np),
            _ => Lead::None,
        };
    }
    match lower.as_str() {
        "le" if !is_le_surname(first, rest) => Lead::Le(rest),
        "les" => Lead::Les(rest),
        "la" => Lead::La(rest),
        // `de` before a lowercase word is indefinite (`de nombreux pays`);
        // before a capitalised one, a name's particle (`de Gaulle`).
        "de" if rest.starts_with(char::is_lowercase) => Lead::Partitive(np),
        // Capitalised `Des`, `Du` before a capitalised word is a name
        // (`Des Moines`, `Du Guesclin`); otherwise an article.
        "des" | "du"
            if first.starts_with(char::is_lowercase) || rest.starts_with(char::is_lowercase) =>
        {
            Lead::Partitive(rest)
        }
        _ => Lead::None,
    }
}

/// `de` + noun phrase, with contraction and elision.
///
/// - `le X` → `du X` (`du président`, `du Hamas`, `du héros`, `du Monde`),
///   or `de l’X` before a vowel sound (`de l’épisode`);
/// - `les X` → `des X` (`des États-Unis`);
/// - `la X` → `de la X` (`de la hausse`), `de l’X` before a vowel sound;
/// - `l’X` → `de l’X` (`de l’État`);
/// - the indefinite or partitive `des X` / `du X` merge with `de`: `de` +
///   `des accords` → `d’accords`, `de` + `du pétrole` → `de pétrole`, and
///   `de nombreux pays` / `d’autres pays` are returned as they are;
/// - anything else takes `de`, elided before a vowel sound: `d’Emmanuel
///   Macron`, `d’un accord`, `de Hongrie`.
///
/// The article may be capitalised (`Le Monde` → `du Monde`, `Des
/// manifestants` → `de manifestants`), except in surnames (`de Le Pen`):
/// `de`, `De`, `Des`, `Du` before a capitalised word are a name's particle
/// (`de de Gaulle`, `de De Gaulle`, `de Des Moines`). The rest of `np` is kept as given;
/// leading white space is ignored. An empty `np` gives `"de"`; an article
/// alone (`"le"`) is not contracted (`"de le"`).
pub fn de(np: &str) -> String {
    let np = np.trim_start();
    if np.is_empty() {
        return "de".to_string();
    }
    match split_lead(np) {
        Lead::Le(rest) | Lead::La(rest) if starts_with_vowel_sound(rest) => {
            format!("de l{APOS}{rest}")
        }
        Lead::Le(rest) => format!("du {rest}"),
        Lead::Les(rest) => format!("des {rest}"),
        Lead::La(_) | Lead::Elided => format!("de {np}"),
        Lead::Partitive(rest) => {
            if fold(rest).starts_with("de ") || rest.chars().nth(1).is_some_and(is_apostrophe) {
                // `De nombreux pays` opened a sentence: lowered mid-sentence.
                lower_at(rest, 0)
            } else {
                join("de", rest)
            }
        }
        Lead::None => join("de", np),
    }
}

/// `à` + noun phrase, with contraction: `le X` → `au X` (`au Japon`, `au
/// Hamas`), `les X` → `aux X` (`aux États-Unis`), `la X` → `à la X` (`à la
/// Chine`), `l’X` → `à l’X` (`à l’Élysée`); `le` / `la` before a vowel sound
/// → `à l’X`. Anything else takes `à` (`à Emmanuel Macron`, `à des
/// négociations`, `à Le Pen`).
///
/// The same article rules as [`de`] apply; an empty `np` gives `"à"`.
pub fn a(np: &str) -> String {
    let np = np.trim_start();
    if np.is_empty() {
        return "à".to_string();
    }
    match split_lead(np) {
        Lead::Le(rest) | Lead::La(rest) if starts_with_vowel_sound(rest) => {
            format!("à l{APOS}{rest}")
        }
        Lead::Le(rest) => format!("au {rest}"),
        Lead::Les(rest) => format!("aux {rest}"),
        _ => format!("à {np}"),
    }
}

/// The definite article for a common noun, from the part-of-speech
/// lexicon's gender and number: `"le"`, `"la"`, `"l’"` (vowel sound, any
/// gender: `l’accord`, `l’élève`) or `"les"` (plural, any gender: `les
/// gens`).
///
/// The noun is looked up lowercase, then with `œ` / `æ` written `oe` / `ae`
/// (the lexicon's spelling), then by its first word (`haut responsable` →
/// `haut`). Forms the lexicon marks as both singular and plural (`héros`,
/// `pays`) are taken as singular (`le héros`). Returns `None` when the word is
/// not in the lexicon as a noun or adjective, or when a singular noun that
/// does not start with a vowel sound has no known gender (`ministre`): the
/// caller then picks a template that needs no article.
pub fn definite_article(noun: &str) -> Option<&'static str> {
    let noun = noun.trim();
    let key = fold(noun);
    let pos = &lexicon::lexicons().pos;
    let lookup = |k: &str| {
        let k2 = k.replace('œ', "oe").replace('æ', "ae");
        pos.get(k)
            .or_else(|| pos.get(&k2))
            .filter(|e| e.has(Pos::Noun) || e.has(Pos::Adj))
    };
    let entry = lookup(&key).or_else(|| {
        let first = key.split_whitespace().next()?;
        if first == key { None } else { lookup(first) }
    })?;
    if entry.number == 'p' {
        return Some("les");
    }
    if starts_with_vowel_sound(noun) {
        return Some("l’");
    }
    match entry.gender {
        'm' => Some("le"),
        'f' => Some("la"),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// fix_contractions
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters and digits, with inner hyphens (`États-Unis`, `dis-le`).
    Word,
    /// Horizontal white space.
    Space,
    /// One other character (punctuation, apostrophe, line break).
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) kind: Kind,
}

pub(super) fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let end = if c.is_alphanumeric() {
            super::words::word_end(s, i, super::words::HYPHEN)
        } else if is_hspace(c) {
            i + s[i..].find(|d: char| !is_hspace(d)).unwrap_or(s.len() - i)
        } else {
            i + c.len_utf8()
        };
        let kind = if c.is_alphanumeric() {
            Kind::Word
        } else if is_hspace(c) {
            Kind::Space
        } else {
            Kind::Other
        };
        toks.push(Tok {
            text: &s[i..end],
            kind,
        });
        i = end;
    }
    toks
}

/// True when the word at `i` stands alone: at the start, after a space or
/// after punctuation that is neither an apostrophe nor a hyphen.
fn free_word(toks: &[Tok<'_>], i: usize) -> bool {
    match i.checked_sub(1).map(|p| toks[p]) {
        None => true,
        Some(t) if t.kind == Kind::Space => true,
        Some(t) if t.kind == Kind::Other => {
            !t.text.starts_with(|c: char| is_apostrophe(c) || c == '-')
        }
        Some(_) => false,
    }
}

/// The index of the word after the word at `i`, across one space.
pub(super) fn word_after(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let sp = toks.get(i + 1)?;
    let w = toks.get(i + 2)?;
    (sp.kind == Kind::Space && w.kind == Kind::Word).then_some(i + 2)
}

/// True when the lowercase `de` at `i` sits between two capitalised words,
/// the first not opening the text or a sentence: a surname's particle
/// (`Manoel de Oliveira`), which does not elide.
fn is_name_particle(toks: &[Tok<'_>], i: usize) -> bool {
    if toks[i].text != "de" || !word_after(toks, i).is_some_and(|j| is_capitalised(toks[j].text)) {
        return false;
    }
    let Some(p) = i.checked_sub(2) else {
        return false;
    };
    if toks[p].kind != Kind::Word
        || toks[p + 1].kind != Kind::Space
        || !is_capitalised(toks[p].text)
    {
        return false;
    }
    // What precedes the first name, spaces skipped.
    let before = toks[..p].iter().rev().find(|t| t.kind != Kind::Space);
    match before {
        None => false,
        Some(t) if t.kind == Kind::Word => true,
        Some(t) => !t
            .text
            .starts_with(['.', '!', '?', '…', '«', '“', '"', '\n', '\r', ':']),
    }
}

fn fix_once(s: &str) -> String {
    let toks = tokenize(s);
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if t.kind != Kind::Word || !free_word(&toks, i) {
            out.push_str(t.text);
            i += 1;
            continue;
        }
        let Some(j) = word_after(&toks, i) else {
            out.push_str(t.text);
            i += 1;
            continue;
        };
        let w1 = fold(t.text);
        let w2 = toks[j].text;
        let l2 = fold(w2);
        // Whole words only: the second word may not be the head of `l’…`.
        let w2_alone = toks
            .get(j + 1)
            .is_none_or(|n| !n.text.starts_with(is_apostrophe));
        // de le X, de les X, à le X, à les X.
        if (w1 == "de" || w1 == "à")
            && (l2 == "le" || l2 == "les")
            && w2_alone
            && let Some(k) = word_after(&toks, j)
        {
            let w3 = toks[k].text;
            if l2 == "le" && is_le_surname(w2, w3) {
                // `de Le Pen`: a name.
            } else if l2 == "le" && starts_with_vowel_sound(w3) {
                out.push_str(t.text);
                out.push_str(toks[i + 1].text);
                out.push_str(&elide(w2, w3));
                i = k;
                continue;
            } else if !looks_like_verb(w3) {
                let merged = match (w1.as_str(), l2.as_str()) {
                    ("de", "le") => "du",
                    ("de", _) => "des",
                    (_, "le") => "au",
                    _ => "aux",
                };
                out.push_str(&case_like(t.text, merged));
                i = j + 1;
                continue;
            }
        }
        // du X, au X before a vowel sound: de l’X, à l’X.
        if (w1 == "du" || w1 == "au") && starts_with_vowel_sound(w2) {
            let prep = if w1 == "du" { "de" } else { "à" };
            out.push_str(&case_like(t.text, prep));
            out.push(' ');
            out.push_str(if is_all_caps(t.text) { "L’" } else { "l’" });
            i = j;
            continue;
        }
        // Elision (but `Manoel de Oliveira`: a particle between names).
        if lexicon::lexicons().elidable.contains(w1.as_str())
            && w2_alone
            && !is_name_particle(&toks, i)
        {
            let e = elide(t.text, w2);
            if e.ends_with(APOS) {
                out.push_str(&e);
                i = j;
                continue;
            }
            out.push_str(&e);
            i += 1;
            continue;
        }
        out.push_str(t.text);
        i += 1;
    }
    out
}

/// Rewrites the sequences French forbids in text refonte built.
///
/// - `de le X` → `du X`, or `de l’X` before a vowel sound; `de les` → `des`;
///   `à le X` → `au X` / `à l’X`; `à les` → `aux`;
/// - `du X` / `au X` before a vowel sound → `de l’X` / `à l’X`;
/// - elision before a vowel sound, as in [`elide`]: `de Emmanuel` →
///   `d’Emmanuel`, `la épisode` → `l’épisode`, `que il` → `qu’il`, `si il` →
///   `s’il`, `ce accord` → `cet accord`, `ce est` → `c’est`.
///
/// The case of the first word is kept (`De le` → `Du`, `DE LE` → `DU`, `Le
/// épisode` → `L’épisode`). Only whole words separated by horizontal space
/// are rewritten: not across a line break, not inside hyphenated words
/// (`dis-le`), not after an apostrophe. The h aspiré is respected (`de le
/// Hamas` → `du Hamas`, `la Hongrie` stays). `le` / `les` before a verb with
/// no noun reading are object pronouns and stay (`de le faire`, `à les
/// aider`), and `de Le Pen` stays. A lowercase `de` between two capitalised
/// words, the first not opening the text or a sentence, is a surname's
/// particle and does not elide (`le cinéaste Manoel de Oliveira`; but
/// `Sommet de Osaka` → `Sommet d’Osaka`). Only `à` with its accent is a
/// preposition (`il a le droit` stays).
///
/// Never apply it to source sentences: it is meant for template text.
pub fn fix_contractions(s: &str) -> String {
    let mut cur = fix_once(s);
    for _ in 0..3 {
        let next = fix_once(&cur);
        if next == cur {
            break;
        }
        cur = next;
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn de_contracts_and_elides() {
        let cases: &[(&str, &str)] = &[
            ("le président", "du président"),
            ("les États-Unis", "des États-Unis"),
            ("l’État", "de l’État"),
            ("l'État", "de l'État"),
            ("la hausse", "de la hausse"),
            ("Emmanuel Macron", "d’Emmanuel Macron"),
            ("le Hamas", "du Hamas"),
            ("le héros", "du héros"),
            ("un accord", "d’un accord"),
            ("Hongrie", "de Hongrie"),
            ("la Hongrie", "de la Hongrie"),
            ("le haut responsable", "du haut responsable"),
            ("les huit", "des huit"),
            ("le homme", "de l’homme"),
            ("la épisode", "de l’épisode"),
            ("l’hôpital", "de l’hôpital"),
            ("Élysée", "d’Élysée"),
            ("Le Monde", "du Monde"),
            ("Le Havre", "du Havre"),
            ("Les Républicains", "des Républicains"),
            ("Le Pen", "de Le Pen"),
            ("De Gaulle", "de De Gaulle"),
            ("de Gaulle", "de de Gaulle"),
            ("De nombreux pays", "de nombreux pays"),
            ("Des Moines", "de Des Moines"),
            ("des accords", "d’accords"),
            ("des négociations", "de négociations"),
            ("du pétrole", "de pétrole"),
            ("de nombreux pays", "de nombreux pays"),
            ("d’autres pays", "d’autres pays"),
            ("Des manifestants", "de manifestants"),
            ("Japon", "de Japon"),
            ("  le Japon", "du Japon"),
            ("le", "de le"),
            ("", "de"),
            ("«", "de «"),
            ("8 millions", "de 8 millions"),
        ];
        for &(np, want) in cases {
            assert_eq!(de(np), want, "de + {np:?}");
        }
    }

    #[test]
    fn a_contracts() {
        let cases: &[(&str, &str)] = &[
            ("le Japon", "au Japon"),
            ("les États-Unis", "aux États-Unis"),
            ("la Chine", "à la Chine"),
            ("l’Élysée", "à l’Élysée"),
            ("le Hamas", "au Hamas"),
            ("le héros", "au héros"),
            ("le haut responsable", "au haut responsable"),
            ("les huit", "aux huit"),
            ("le homme", "à l’homme"),
            ("la hausse", "à la hausse"),
            ("Emmanuel Macron", "à Emmanuel Macron"),
            ("des négociations", "à des négociations"),
            ("Le Caire", "au Caire"),
            ("Le Pen", "à Le Pen"),
            ("", "à"),
            ("le", "à le"),
        ];
        for &(np, want) in cases {
            assert_eq!(a(np), want, "à + {np:?}");
        }
    }

    #[test]
    fn definite_articles() {
        let cases: &[(&str, Option<&str>)] = &[
            ("président", Some("le")),
            ("hausse", Some("la")),
            ("accord", Some("l’")),
            ("épisode", Some("l’")),
            ("homme", Some("l’")),
            ("hôpital", Some("l’")),
            ("héros", Some("le")),
            ("élève", Some("l’")),
            ("gens", Some("les")),
            ("relations", Some("les")),
            ("ministre", None),
            ("Président", Some("le")),
            ("haut responsable", Some("le")),
            ("œuvre", Some("l’")),
            ("faire", None),
            ("qzxw", None),
            ("", None),
            ("«", None),
        ];
        for &(noun, want) in cases {
            assert_eq!(definite_article(noun), want, "{noun:?}");
        }
    }

    #[test]
    fn contractions_are_fixed() {
        let cases: &[(&str, &str)] = &[
            ("la visite de le président", "la visite du président"),
            (
                "la position de les États-Unis",
                "la position des États-Unis",
            ),
            ("à le Japon", "au Japon"),
            ("à les États-Unis", "aux États-Unis"),
            ("de le épisode", "de l’épisode"),
            ("à le Élysée", "à l’Élysée"),
            ("de le Hamas", "du Hamas"),
            ("de le héros", "du héros"),
            ("de le haut responsable", "du haut responsable"),
            ("de les huit", "des huit"),
            ("de la hausse", "de la hausse"),
            ("de la Hongrie", "de la Hongrie"),
            ("la Hongrie", "la Hongrie"),
            ("le Hamas", "le Hamas"),
            ("le homme", "l’homme"),
            ("le hôpital", "l’hôpital"),
            ("de Emmanuel Macron", "d’Emmanuel Macron"),
            ("de Élysée", "d’Élysée"),
            ("la épisode", "l’épisode"),
            ("que il", "qu’il"),
            ("si il", "s’il"),
            ("si elle", "si elle"),
            ("ce est", "c’est"),
            ("ce accord", "cet accord"),
            ("De le président", "Du président"),
            ("DE LE PRÉSIDENT", "DU PRÉSIDENT"),
            ("À le Japon", "Au Japon"),
            ("Le épisode", "L’épisode"),
            ("du accord", "de l’accord"),
            ("Du accord", "De l’accord"),
            (
                "le cinéaste Manoel de Oliveira",
                "le cinéaste Manoel de Oliveira",
            ),
            ("Sommet de Osaka", "Sommet d’Osaka"),
            ("au Élysée", "à l’Élysée"),
            ("De le homme", "De l’homme"),
            ("afin de le faire", "afin de le faire"),
            ("prêt à les aider", "prêt à les aider"),
            ("afin de le aider", "afin de l’aider"),
            ("il a le droit", "il a le droit"),
            ("dis-le à Emmanuel", "dis-le à Emmanuel"),
            ("de Le Pen", "de Le Pen"),
            ("de Le Monde", "du Monde"),
            ("l’avis de les experts, de le", "l’avis des experts, de le"),
            ("de\nle président", "de\nle président"),
            ("de l’État", "de l’État"),
            ("aujourd’hui", "aujourd’hui"),
            ("que de le homme", "que de l’homme"),
            ("je me en vais", "je m’en vais"),
            ("de « Emmanuel »", "de « Emmanuel »"),
            ("décide de le", "décide de le"),
            ("", ""),
            ("de", "de"),
            ("’ de", "’ de"),
        ];
        for &(s, want) in cases {
            assert_eq!(fix_contractions(s), want, "{s:?}");
        }
    }
}
