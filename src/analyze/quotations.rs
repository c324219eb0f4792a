//! Quotations in guillemets, with their speakers (`a déclaré Biden`,
//! `selon Miller, « … »`).

use super::entities::{Entity, EntityKind};
use crate::fr::lexicon::{Class, Lexicons};
use crate::segment::Span;

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quotation {
    /// The quoted words, without the guillemets.
    pub text: String,
    /// Span of the quotation, guillemets included, in the cleaned text.
    #[serde(skip)]
    pub span: Span,
    /// The speaker's name when the sentence (or the one before) says it.
    pub speaker: Option<String>,
    /// The verb that attributes it, lowercase, as the text writes it right
    /// after the quotation (`», a raconté X` → `raconté`, `», explique-t-il`
    /// → `explique`) or before it and a colon (`X raconte : «`).
    #[serde(skip)]
    pub verb: Option<String>,
    /// Sentence index.
    pub sentence: usize,
}

pub(super) fn quotations(
    text: &str,
    words: &[&str],
    toks: &[crate::segment::Token],
    si: usize,
    lex: &Lexicons,
    entities: &[Entity],
    out: &mut Vec<Quotation>,
) {
    let mut k = 0;
    while k < words.len() {
        let (open, close) = match words[k] {
            "«" => ("«", "»"),
            "“" => ("“", "”"),
            "\"" => ("\"", "\""),
            _ => {
                k += 1;
                continue;
            }
        };
        let mut depth = 0;
        let mut end = None;
        for (j, &w) in words.iter().enumerate().skip(k + 1) {
            if w == open && open != close {
                depth += 1;
            } else if w == close {
                if depth == 0 {
                    end = Some(j);
                    break;
                }
                depth -= 1;
            }
        }
        let Some(end) = end else {
            k += 1;
            continue;
        };
        if end > k + 1 {
            let inner = Span {
                start: toks[k + 1].span.start,
                end: toks[end - 1].span.end,
            };
            let span = Span {
                start: toks[k].span.start,
                end: toks[end].span.end,
            };
            let here: Vec<&Entity> = entities.iter().filter(|e| e.sentence == si).collect();
            let speaker = speaker_after(words, end + 1, lex, &here, toks)
                .or_else(|| speaker_before(words, k, lex, &here, toks))
                .map(|name| resolve_pronoun(name, entities, si));
            let verb = verb_after(&text[span.end as usize..], lex)
                .or_else(|| verb_before(&text[..span.start as usize]));
            out.push(Quotation {
                text: inner.of(text).to_string(),
                span,
                speaker,
                verb,
                sentence: si,
            });
        }
        k = end + 1;
    }
}

/// The verb that opens `rest`, the text after a quotation (`, a raconté X`,
/// `, explique-t-il`, `, a t-il lancé` as some sources type it), its
/// auxiliary and inverted pronoun aside.
fn verb_after(rest: &str, lex: &Lexicons) -> Option<String> {
    let mut ws = rest
        .trim_start_matches([',', ' ', '\u{a0}', '\u{202f}'])
        .split_whitespace()
        .take(3)
        .map(|w| w.trim_end_matches([',', '.']).to_lowercase());
    // A word, not the next quotation's guillemet nor the sentence's end.
    let first = ws.next().filter(|w| w.starts_with(char::is_alphabetic))?;
    let bare = ["-t-il", "-t-elle", "-il", "-elle"]
        .iter()
        .find_map(|p| first.strip_suffix(p))
        .unwrap_or(&first)
        .to_string();
    if !lex.function_words.is(&bare, Class::AuxAvoir) {
        return Some(bare);
    }
    let next = ws.next()?;
    if next.starts_with("t-") {
        ws.next()
    } else {
        Some(next)
    }
}

/// The verb that ends `before`, the text up to a quotation, before a colon
/// (`X raconte :`).
fn verb_before(before: &str) -> Option<String> {
    let last = before
        .trim_end_matches([' ', '\u{a0}', '\u{202f}'])
        .strip_suffix(':')?
        .trim_end_matches([' ', '\u{a0}', '\u{202f}'])
        .rsplit(char::is_whitespace)
        .next()?;
    Some(last.to_lowercase())
}

/// `», a déclaré le porte-parole Matthew Miller.` or `», a-t-il ajouté`.
fn speaker_after(
    words: &[&str],
    from: usize,
    lex: &Lexicons,
    entities: &[&Entity],
    toks: &[crate::segment::Token],
) -> Option<String> {
    let mut k = from;
    while k < words.len() && matches!(words[k], "," | "—" | "–") {
        k += 1;
    }
    let w = words.get(k)?.to_lowercase();
    // Inverted pronoun: a-t-il, a-t-elle, estime-t-il, ajoute-t-elle.
    if w.ends_with("-il") {
        return Some("il".into());
    }
    if w.ends_with("-elle") {
        return Some("elle".into());
    }
    // Auxiliary then participle, or a verb alone: "a déclaré", "déclare".
    let mut j = k;
    if lex.function_words.is(&w, Class::AuxAvoir) {
        j += 1;
    }
    let verb = words.get(j)?.to_lowercase();
    if !lex.reporting_verbs.contains(&verb) {
        return None;
    }
    // The first person (else the first name) named after the verb.
    let from = toks.get(j + 1)?.span.start;
    let later: Vec<&&Entity> = entities.iter().filter(|e| e.span.start >= from).collect();
    later
        .iter()
        .find(|e| e.kind == EntityKind::Person)
        .or_else(|| later.first())
        .map(|e| e.text.clone())
}

/// `Biden a déclaré : « …` or `selon Miller, « …`.
fn speaker_before(
    words: &[&str],
    open: usize,
    lex: &Lexicons,
    entities: &[&Entity],
    toks: &[crate::segment::Token],
) -> Option<String> {
    let lo = open.saturating_sub(12);
    for i in (lo..open).rev() {
        let w = words[i].to_lowercase();
        if w == "selon" || w == "d’après" {
            let from = toks[i].span.start;
            let until = toks[open].span.start;
            return entities
                .iter()
                .find(|e| e.span.start > from && e.span.end <= until)
                .map(|e| e.text.clone());
        }
        if lex.reporting_verbs.contains(&w) {
            // The subject: the last name before the verb, close to it.
            let verb_at = toks[i].span.start;
            let near = toks[i.saturating_sub(6)].span.start;
            return entities
                .iter()
                .rev()
                .find(|e| e.span.end <= verb_at && e.span.start >= near)
                .map(|e| e.text.clone());
        }
    }
    None
}

/// "il"/"elle" → the last person named before (in this or an earlier sentence).
fn resolve_pronoun(name: String, entities: &[Entity], si: usize) -> String {
    if name != "il" && name != "elle" {
        return name;
    }
    // The last person; else the last full name (two words or more).
    let before = || entities.iter().rev().filter(|e| e.sentence <= si);
    before()
        .find(|e| e.kind == EntityKind::Person)
        .or_else(|| before().find(|e| e.kind == EntityKind::Other && e.text.contains(' ')))
        .map_or(name, |e| e.text.clone())
}
