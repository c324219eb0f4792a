//! Capitals: sentence case for titles and headings, the first letter up or
//! down (names keep theirs).

use super::APOS;
use super::articles::{Kind, tokenize, word_after};
use super::elision::is_le_surname;
use super::lexicon::{Class, lexicons};
use super::places::place_preposition;
use super::typography::is_apostrophe;

// ---------------------------------------------------------------------------
// Capitals
// ---------------------------------------------------------------------------

/// Uppercases the first letter of `s`, after any leading white space or
/// punctuation (`« une` → `« Une`). When the first letter or digit is a digit
/// (`2 600 personnes`), or there is none, `s` is returned unchanged.
pub fn upper_first(s: &str) -> String {
    match s.char_indices().find(|(_, c)| c.is_alphanumeric()) {
        Some((i, c)) if c.is_lowercase() => {
            let mut out = String::with_capacity(s.len() + 2);
            out.push_str(&s[..i]);
            out.extend(c.to_uppercase());
            out.push_str(&s[i + c.len_utf8()..]);
            out
        }
        _ => s.to_string(),
    }
}

/// `s.to_lowercase()`, faster on mostly ASCII text: a run of ASCII
/// characters is copied and lowered at once, not character by character.
pub fn lowercase(s: &str) -> String {
    // A capital sigma lowers by its neighbours: the standard library knows how.
    if s.contains('Σ') {
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            out.extend(c.to_lowercase());
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// False when `haystack.to_lowercase()` cannot contain `needle_lower` (a
/// lowercase text), told without lowering the haystack; true is only a
/// maybe. The needle's longest run of ASCII characters must then occur in
/// the haystack, ASCII case aside: only ASCII characters lower to ASCII
/// ones, but for the Kelvin sign and `İ`, whose presence answers maybe.
pub fn may_contain_lowered(haystack: &str, needle_lower: &str) -> bool {
    let run = needle_lower
        .split(|c: char| !c.is_ascii())
        .max_by_key(|r| r.len())
        .unwrap_or("")
        .as_bytes();
    let Some(&first) = run.first() else {
        return true;
    };
    if haystack.contains(['\u{212A}', '\u{130}']) {
        return true;
    }
    let h = haystack.as_bytes();
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), h).any(|at| {
        h.get(at..at + run.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(run))
    })
}

/// Lowercases the character at byte `i` of `s`.
pub(super) fn lower_at(s: &str, i: usize) -> String {
    let Some(c) = s[i..].chars().next() else {
        return s.to_string();
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..i]);
    out.extend(c.to_lowercase());
    out.push_str(&s[i + c.len_utf8()..]);
    out
}

/// True when a part of `w` between hyphens or apostrophes has two capitals or more (`ONU`,
/// `McDonald`, `ÉTATS-UNIS`): an acronym or a name, never lowered.
fn has_acronym_part(w: &str) -> bool {
    w.split(|c: char| c == '-' || is_apostrophe(c))
        .any(|part| part.chars().filter(|c| c.is_uppercase()).count() >= 2)
}

/// Lowercases the first letter of every hyphen-separated part of `w`
/// (`Haut-Commissaire` → `haut-commissaire`).
fn lower_parts(w: &str) -> String {
    w.split('-')
        .map(|part| lower_at(part, 0))
        .collect::<Vec<_>>()
        .join("-")
}

pub(super) fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Lowercases the first letter of `s` unless the first word is a proper noun,
/// e.g. to put a connector before a sentence: `Les pourparlers…` → `les
/// pourparlers…`, `Biden a…` stays when `is_proper("Biden")`.
///
/// The first word is the first run of letters, digits, hyphens and
/// apostrophes after any leading white space or punctuation (`L’Élysée`).
/// It is kept as it is when `is_proper(word)` is true, when it is a place of
/// [`place_preposition`] (`Chine`), when it has two capitals in one part
/// (`ONU`) or two capitalised hyphen parts (`États-Unis`, `Jean-Luc`), when
/// it holds a digit (`G7`), or when it is a capitalised `Le` / `La` / `Les`
/// before a capitalised word and `is_proper` accepts the pair
/// (`is_proper("Le Monde")`) or it is a known surname (`Le Pen`). `À`
/// becomes `à`, and so does the unaccented `A` before a space (`A partir` →
/// `à partir`).
pub fn lower_first(s: &str, is_proper: impl Fn(&str) -> bool) -> String {
    let Some((i, c)) = s.char_indices().find(|(_, c)| c.is_alphanumeric()) else {
        return s.to_string();
    };
    if !c.is_uppercase() {
        return s.to_string();
    }
    let rest = &s[i..];
    let word_len = rest
        .char_indices()
        .find(|&(_, d)| !(d.is_alphanumeric() || d == '-' || is_apostrophe(d)))
        .map_or(rest.len(), |(k, _)| k);
    let word = rest[..word_len].trim_end_matches(|d: char| d == '-' || is_apostrophe(d));
    // An elided article or preposition before a name or acronym is lowered
    // alone: `L’ONU exige` → `l’ONU exige` (but `L’Équipe`, a name, stays).
    let elided = word
        .split_once(is_apostrophe)
        .is_some_and(|(head, tail)| matches!(head, "L" | "D") && !tail.is_empty());
    if elided && !is_proper(word) {
        return lower_at(s, i);
    }
    if is_proper(word)
        || has_acronym_part(word)
        || (word.contains('-') && word.split('-').filter(|p| is_capitalised(p)).count() >= 2)
        || word.chars().any(|d| d.is_ascii_digit())
        || place_preposition(word).is_some()
    {
        return s.to_string();
    }
    // A capital `A` opening a sentence is the preposition written without
    // its accent (`A partir de lundi`): lowered, it is `à`.
    if word == "A" && rest[1..].starts_with(' ') {
        return format!("{}à{}", &s[..i], &rest[1..]);
    }
    if is_capital_article(word) {
        let after = rest[word_len..].trim_start();
        let next: String = after
            .chars()
            .take_while(|&d| d.is_alphanumeric() || d == '-')
            .collect();
        if is_capitalised(&next)
            && (is_proper(&format!("{word} {next}")) || is_le_surname(word, &next))
        {
            return s.to_string();
        }
    }
    lower_at(s, i)
}

/// Sentence case for a title or heading: the first letter uppercase, proper
/// nouns capitalised, every other word lowercase.
///
/// Words already lowercase stay lowercase. A word capitalised after the first
/// is lowered (the first letter of each hyphen part: `Haut-Commissaire` →
/// `haut-commissaire`) when `is_proper(word)` is false — the caller decides
/// with its entity list; `is_proper` receives the whole hyphenated word
/// (`Jean-Yves`). Kept as they are:
/// - places known to [`place_preposition`] (`Chine`, `États-Unis`), even when
///   `is_proper` rejects them;
/// - words with two capitals in one hyphen part (acronyms `ONU`, `UE`,
///   `ÉTATS-UNIS`, `McDonald`), words with a digit (`G7`, `Covid-19`),
///   one-letter words (`plan B`) except the words `À`, `A`, `Y`, `Ô`
///   (`Un Accord À Portée` → `Un accord à portée`, `Macron A Dit` →
///   `Macron a dit`);
/// - the first word after `«`, `“`, `"` (a quotation keeps its capital) and
///   after `.` `!` `?` `…` or a line break (a new sentence);
/// - a capitalised `Le` / `La` / `Les` and the capitalised word after it
///   when `is_proper` accepts the pair (`is_proper("Le Monde")`) or it is a
///   known surname (`Marine Le Pen`); an elided `L’` / `D’` mid-string is
///   lowered unless `is_proper` accepts it with the next word (`L’Équipe`).
///
/// French sentence case does not capitalise after a colon: the word after
/// `:` follows the ordinary rule (`Blinken en Chine : Des Discussions` →
/// `Blinken en Chine : des discussions`).
pub fn sentence_case(s: &str, is_proper: impl Fn(&str) -> bool) -> String {
    let toks = tokenize(s);
    let words: Vec<usize> = (0..toks.len())
        .filter(|&k| toks[k].kind == Kind::Word)
        .collect();
    // Whether the word at toks index k keeps its capital because of an
    // article + name pair.
    let pair_kept = |a: usize, b: usize| {
        let (wa, wb) = (toks[a].text, toks[b].text);
        is_capital_article(wa)
            && is_capitalised(wb)
            && word_after(&toks, a) == Some(b)
            && (is_proper(&format!("{wa} {wb}")) || is_le_surname(wa, wb))
    };
    let mut out = String::with_capacity(s.len());
    let mut keep_next = true;
    for (n, &k) in words.iter().enumerate() {
        // Copy what precedes this word, noting sentence or quotation starts.
        let from = if n == 0 { 0 } else { words[n - 1] + 1 };
        for t in &toks[from..k] {
            if t.kind == Kind::Other
                && t.text
                    .starts_with(['«', '“', '"', '.', '!', '?', '…', '\n', '\r'])
            {
                keep_next = true;
            }
            out.push_str(t.text);
        }
        let w = toks[k].text;
        let keep = keep_next
            || !is_capitalised(w)
            || has_acronym_part(w)
            || w.chars().any(|c| c.is_ascii_digit())
            || {
                let clitic = toks
                    .get(k + 1)
                    .is_some_and(|t| t.text.starts_with(is_apostrophe));
                if clitic {
                    let next = toks.get(k + 2).filter(|t| t.kind == Kind::Word);
                    next.is_some_and(|t| is_proper(&format!("{w}{APOS}{}", t.text)))
                } else {
                    (w.chars().count() == 1 && !is_function_word(w))
                        || is_proper(w)
                        || place_preposition(w).is_some()
                        || word_after(&toks, k).is_some_and(|b| pair_kept(k, b))
                        || (k >= 2 && pair_kept(k - 2, k))
                }
            };
        keep_next = false;
        if keep {
            out.push_str(w);
        } else {
            out.push_str(&lower_parts(w));
        }
    }
    let from = words.last().map_or(0, |&k| k + 1);
    for t in &toks[from..] {
        out.push_str(t.text);
    }
    upper_first(&out)
}

/// `Le`, `La`, `Les`: a definite article written with its capital, not elided.
fn is_capital_article(w: &str) -> bool {
    let lower = w.to_lowercase();
    w == upper_first(&lower)
        && lexicons().function_words.is(&lower, Class::DefiniteArticle)
        && !lower.ends_with(APOS)
}

/// True when a word, lowercased, is a function word: a one-letter word that
/// is one (`À`, `A`, `Y`, `Ô`) is a word, not an initial.
fn is_function_word(w: &str) -> bool {
    lexicons().function_words.get(&w.to_lowercase()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_case_titles() {
        let names = [
            "Blinken", "Chine", "Biden", "Marine", "Taïwan", "Le Monde", "Pékin",
        ];
        let is_proper = |w: &str| names.contains(&w);
        let cases: &[(&str, &str)] = &[
            (
                "Les Domaines Où Nous Pouvons Nous Entendre",
                "Les domaines où nous pouvons nous entendre",
            ),
            (
                "Blinken En Chine : Des Discussions « Constructives »",
                "Blinken en Chine : des discussions « Constructives »",
            ),
            ("blinken en Chine", "Blinken en Chine"),
            ("« une vraie conversation »", "« Une vraie conversation »"),
            (
                "Taïwan, Ligne Rouge De Pékin",
                "Taïwan, ligne rouge de Pékin",
            ),
            ("Le Rôle De L’ONU Et De L’UE", "Le rôle de l’ONU et de l’UE"),
            ("Les États-Unis Et La Chine", "Les États-Unis et la Chine"),
            ("Marine Le Pen Et Le Monde", "Marine Le Pen et Le Monde"),
            ("Le Sommet Du G7", "Le sommet du G7"),
            ("Le Plan B", "Le plan B"),
            ("Biden A Dit", "Biden a dit"),
            ("Le Haut-Commissaire", "Le haut-commissaire"),
            ("Fin. Et Après", "Fin. Et après"),
            ("Biden : Le Retour", "Biden : le retour"),
            ("Un Accord À Portée De Main", "Un accord à portée de main"),
            ("", ""),
            ("«", "«"),
            ("2 600 Personnes", "2 600 personnes"),
            ("ÉTATS-UNIS", "ÉTATS-UNIS"),
        ];
        for &(s, want) in cases {
            assert_eq!(sentence_case(s, is_proper), want, "{s:?}");
        }
    }

    #[test]
    fn upper_and_lower_first() {
        let uppers: &[(&str, &str)] = &[
            ("les pourparlers", "Les pourparlers"),
            ("« une vraie conversation »", "« Une vraie conversation »"),
            ("  état", "  État"),
            ("l’Élysée", "L’Élysée"),
            ("2 600 personnes", "2 600 personnes"),
            ("Déjà", "Déjà"),
            ("", ""),
            ("…", "…"),
        ];
        for &(s, want) in uppers {
            assert_eq!(upper_first(s), want, "upper_first({s:?})");
        }
        let names = ["Biden", "Le Monde", "L’Équipe"];
        let is_proper = |w: &str| names.contains(&w);
        let lowers: &[(&str, &str)] = &[
            ("Les pourparlers ont repris", "les pourparlers ont repris"),
            ("Biden a déclaré", "Biden a déclaré"),
            ("À Pékin, le ton", "à Pékin, le ton"),
            ("A partir de lundi", "à partir de lundi"),
            ("A-t-il parlé ?", "a-t-il parlé ?"),
            ("L’Élysée a annoncé", "l’Élysée a annoncé"),
            ("L’Équipe révèle", "L’Équipe révèle"),
            ("L’ONU exige un arrêt", "l’ONU exige un arrêt"),
            ("D’Orléans à Tours", "d’Orléans à Tours"),
            ("Le Monde révèle", "Le Monde révèle"),
            ("Le Pen a dit", "Le Pen a dit"),
            ("La Chine a dit", "la Chine a dit"),
            ("ONU : un vote", "ONU : un vote"),
            ("États-Unis : un vote", "États-Unis : un vote"),
            ("G7 : un sommet", "G7 : un sommet"),
            ("« Nous avons », dit-il", "« nous avons », dit-il"),
            ("déjà", "déjà"),
            ("", ""),
            ("?", "?"),
        ];
        for &(s, want) in lowers {
            assert_eq!(lower_first(s, is_proper), want, "lower_first({s:?})");
        }
    }
}
