//! The customized title (H1), its ranked candidates, the SEO title and the slug.
//!
//! The H1 is a real edit of the source title that keeps every name and the
//! event (`EDITOR.md`, "H1 title"), each edit a rule of
//! `lexicons/fr/title_edits.txt` with its tested example:
//!
//! - a surname alone takes the full name the article gives (`la défense de
//!   Benalla` → `la défense d’Alexandre Benalla`): a fact from the lead;
//! - a speaker at the end moves to the front (`« Des marges de manœuvre »
//!   sur l’âge d’équilibre, assure Édouard Philippe` → `Édouard Philippe :
//!   « des marges… »`);
//! - a quotation before a colon moves after it;
//! - a country as a rubric becomes a place (`Libye : la poussée…` → `En
//!   Libye, la poussée…`); a question after a colon, a comma;
//! - a person's role from the article beside their name.
//!
//! No keyword is glued in front: the focus keyphrase is the title's own
//! main actor or subject (`keyphrase.rs`). Candidates are scored on what
//! they keep (names, content words, the quotation), on their length (40–75
//! characters) and on the edit; the source title itself ranks last.

use super::Context;
use crate::fr::{Typography, lower_first, seo, slugify, upper_first, words};
use crate::frame::keyphrase::count_in;
use crate::model::Candidate;

/// Titles for an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Titles {
    /// The H1.
    pub title: String,
    /// Candidates, best first (the H1 is the first).
    pub candidates: Vec<Candidate>,
    /// SEO title: at most 60 characters once typeset, opening with the keyphrase when possible.
    pub seo_title: String,
    /// URL slug.
    pub slug: String,
}

/// A title as readers compare titles: case, accents, quotation marks and
/// spaces aside (a colon in place of a comma counts as a change).
/// True when two titles differ only in case, accents, spaces, quote marks
/// and apostrophes: an edit that changed nothing else is no edit.
pub fn same_title(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

fn norm(s: &str) -> String {
    crate::fr::lexicon::strip_accents(&s.to_lowercase())
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '«' | '»' | '"' | '“' | '”'))
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// Length in characters once typeset.
pub fn printed_len(s: &str, typo: Typography) -> usize {
    typo.apply(s).chars().count()
}

/// Splits "A : B" (or "A: B") at its first colon outside guillemets.
pub(crate) fn split_colon(t: &str) -> Option<(String, String)> {
    let mut depth = 0i32;
    for (i, c) in t.char_indices() {
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' => depth -= 1,
            ':' if depth <= 0 => {
                let a = t[..i].trim().to_string();
                let b = t[i + 1..].trim().to_string();
                if !a.is_empty() && !b.is_empty() {
                    return Some((a, b));
                }
            }
            _ => {}
        }
    }
    None
}

/// A leading label in capitals (`VIDÉO. `, `EN DIRECT - `) removed: it
/// names the page's format, not the story.
fn without_label(title: &str) -> &str {
    let lex = crate::fr::lexicon::lexicons();
    for sep in [". ", " - ", " – ", " | ", " : ", ": "] {
        // In capitals after any separator (`VIDÉO. …`); in any case before
        // a colon (`Enquête : …`), where it labels the whole title.
        let colon = sep.contains(':');
        if let Some((label, rest)) = title.split_once(sep)
            && !rest.trim().is_empty()
            && label.chars().any(char::is_alphabetic)
            && (colon || !label.chars().any(char::is_lowercase))
            && lex
                .title_labels
                .contains(&crate::fr::lexicon::fold(label.trim()))
        {
            return rest.trim_start();
        }
    }
    title
}

/// The title with a capitalised word the text spells otherwise set as the
/// text spells it (`Etats-Unis` → `États-Unis`), so that the title names
/// what readers find in the article.
pub(crate) fn spelled_as_text(ctx: &Context, title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 4);
    let mut pos = 0;
    for w in words(title) {
        let at = pos + title[pos..].find(w).unwrap_or(0);
        out.push_str(&title[pos..at]);
        pos = at + w.len();
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !capital || ctx.words.contains(&normalize_word(w)) {
            out.push_str(w);
            continue;
        }
        let bare = crate::fr::lexicon::strip_accents(&normalize_word(w));
        let mut same: Vec<&String> = ctx
            .words
            .iter()
            .filter(|k| crate::fr::lexicon::strip_accents(k) == bare)
            .collect();
        same.sort();
        match same.first() {
            // The title's capitals, the text's accents.
            Some(k) if k.chars().count() == w.chars().count() => {
                for (t, a) in w.chars().zip(k.chars()) {
                    if t.is_uppercase() {
                        out.extend(a.to_uppercase());
                    } else {
                        out.push(a);
                    }
                }
            }
            _ => out.push_str(w),
        }
    }
    out.push_str(&title[pos..]);
    out
}

/// Byte offset of `needle` in `hay` as whole words, ignoring case.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.to_lowercase();
    let n = needle.to_lowercase();
    if h.len() != hay.len() {
        return None;
    }
    crate::fr::occurrences(&h, &n).find(|&i| {
        let before = h[..i].chars().next_back();
        let after = h[i + n.len()..].chars().next();
        let joined = |c: char| c.is_alphanumeric() || c == '-';
        !before.is_some_and(joined) && !after.is_some_and(joined)
    })
}

/// A title edit: a candidate and the rule that made it (for its weight).
struct Edit {
    text: String,
    weight: f64,
}

/// Builds the title, its candidates, the SEO title and the slug.
pub fn titles(ctx: &Context, focus: &str, typo: Typography) -> Titles {
    let given = ctx.doc.title.clone().unwrap_or_default();
    let source = upper_first(&accented_a(&spelled_as_text(ctx, without_label(&given))));
    let mut edits = candidates(ctx, &source);
    // A surname alone in any candidate takes its full name.
    let with_names: Vec<Edit> = edits
        .iter()
        .filter_map(|e| {
            full_names(ctx, &e.text).map(|t| Edit {
                text: t,
                weight: e.weight + 3.0,
            })
        })
        .collect();
    edits.extend(with_names);
    let scored = score(ctx, &source, &given, focus, edits, typo);
    let title = scored
        .first()
        .map(|c| c.text.clone())
        .unwrap_or_else(|| upper_first(focus));
    // Indirect speech lengthens a title past what a cut can keep whole
    // (`Marine Le Pen estime` + `qu’…`): its SEO title is cut from the
    // source's order, where the words said come first.
    // So does a day set after the verb (`Alexis Corbière dénonce jeudi`).
    let reported = split_colon(&source)
        .and_then(|(a, b)| says_that(ctx, &b).map(|t| format!("{a} : {t}")))
        .is_some_and(|t| norm(&t) == norm(&title))
        || day_from_lead(ctx, &source).is_some_and(|t| norm(&t) == norm(&title));
    let seo_from = if reported { &source } else { &title };
    let seo_title = seo_title_of(ctx, seo_from, &scored, &source, focus, typo);
    let mut slug = slugify(&seo_title, 60);
    let focus_slug = slugify(focus, 60);
    if !focus_slug.is_empty() && !slug.contains(&focus_slug) {
        slug = slugify(&format!("{focus} {seo_title}"), 60);
    }
    if slug.is_empty() {
        slug = "article".into();
    }
    Titles {
        title,
        candidates: scored,
        seo_title,
        slug,
    }
}

/// The edits of the source title, each with its rule's weight; the source
/// itself last (weight 0). An article without a title gets its lead's
/// headline.
fn candidates(ctx: &Context, source: &str) -> Vec<Edit> {
    let mut out: Vec<Edit> = Vec::new();
    let mut push = |text: String, weight: f64| {
        if !text.trim().is_empty() {
            out.push(Edit { text, weight });
        }
    };
    if source.is_empty() {
        if let Some(h) = lead_headline(ctx) {
            push(h, 5.0);
        }
        return out;
    }
    let lower = |s: &str| lowered(ctx, s);
    if let Some(t) = speaker_first(ctx, source) {
        push(t, 6.0);
    }
    if let Some(t) = adjunct_last(ctx, source) {
        push(t, 4.0);
    }
    if let Some(t) = apposition_first(ctx, source) {
        push(t, 3.5);
    }
    if let Some(t) = apposition_opens(ctx, source) {
        push(t, 4.0);
    }
    if let Some(t) = place_from_lead(ctx, source) {
        push(t, 3.0);
    }
    if let Some(t) = age_from_lead(ctx, source) {
        push(t, 3.0);
    }
    if let Some(t) = quote_after(source) {
        push(t, 5.0);
    }
    if let Some(t) = quote_speaker(ctx, source) {
        push(t, 4.5);
    }
    if let Some(t) = said_last(ctx, source) {
        push(t, 4.5);
    }
    if let Some((a, b)) = split_colon(source) {
        if a.starts_with('«') && a.ends_with('»') {
            push(format!("{} : {}", upper_first(&b), a), 5.0);
        }
        // No `clause : rubric` edit: `Un verdict final saoudien annule les
        // cinq peines capitales : meurtre de Khashoggi` reads backwards.
        // A place the text names with its preposition (`Rouen : …` → `À
        // Rouen, …`, `Méditerranée : …` → `En Méditerranée, …`).
        let known = crate::fr::place_preposition(&a).is_some();
        if let Some(prep) = text_place_preposition(ctx, &a).filter(|_| !known) {
            push(
                format!("{}, {}", placed(&upper_first(prep), &a), lowered(ctx, &b)),
                4.0,
            );
        }
        if let Some(prep) = crate::fr::place_preposition(&a) {
            push(format!("{} {a}, {}", upper_first(prep), lower(&b)), 5.0);
        } else if b.ends_with(['?', '!']) {
            push(format!("{}, {}", upper_first(&a), lower(&b)), 3.0);
        }
        // A department, region or city the text may not write with its
        // preposition (`Hérault : …` → `Dans l’Hérault, …`), unless the
        // other side opens on a place of its own (`Hérault : en Belgique…`).
        let first = b.split_whitespace().next().unwrap_or("").to_lowercase();
        let placed_already = crate::fr::lexicon::lexicons().function_words.is_any(
            &first,
            &[
                crate::fr::lexicon::Class::Place,
                crate::fr::lexicon::Class::Preposition,
                crate::fr::lexicon::Class::A,
            ],
        );
        if let Some(phrase) = crate::fr::region_phrase(&a)
            .filter(|_| !known && !placed_already && !b.ends_with(['?', '!']))
        {
            let phrase = phrase.as_str();
            push(format!("{}, {}", upper_first(phrase), lower(&b)), 4.0);
        }
        if let Some(t) = sides_swapped(ctx, &a, &b) {
            push(t, 3.0);
        }
        if let Some(t) = affair_last(ctx, &a, &b) {
            push(t, 3.5);
        }
    }
    if let Some(t) = with_role(ctx, source) {
        push(t, 4.0);
    }
    if let Some(t) = obituary(ctx, source) {
        push(t, 4.5);
    }
    if let Some(t) = day_from_lead(ctx, source) {
        push(t, 3.5);
    }
    if let Some(t) = adjunct_first(ctx, source, true) {
        push(t, 4.0);
    }
    // The same edits inside the side after a rubric's colon.
    if let Some((a, b)) = split_colon(source) {
        let side = adjunct_first(ctx, &b, false).or_else(|| adjunct_last(ctx, &b));
        if let Some(t) = side {
            push(format!("{a} : {}", lowered(ctx, &t)), 3.5);
        }
        if let Some(t) = with_role(ctx, &b) {
            push(format!("{a} : {t}"), 3.5);
        }
        if let Some(t) = says_that(ctx, &b) {
            push(format!("{a} : {t}"), 4.5);
        }
        if let Some(t) = day_from_lead(ctx, &b) {
            push(format!("{a} : {t}"), 3.5);
        }
    }
    push(source.to_string(), 0.0);
    out
}

/// How many times `text` writes `needle` as whole words, case and all;
/// with `place`, not where a capitalised word goes on with the name (`au
/// Paris Saint-Germain`), nor where a line ends on it without a stop (`au
/// Paris` + `ien`: a word cut in two).
fn count_written(text: &str, needle: &str, place: bool) -> usize {
    crate::frame::keyphrase::whole_words(text, needle)
        .filter(|&i| {
            let rest = &text[i + needle.len()..];
            let goes_on = rest
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(char::is_uppercase));
            !(place && (goes_on || rest.starts_with('\n')))
        })
        .count()
}

/// The preposition of place the text writes before `name` (`à Rouen`, `en
/// Méditerranée`), the one it writes most, when `name` is one or two
/// capitalised words.
fn text_place_preposition(ctx: &Context, name: &str) -> Option<&'static str> {
    let ws = words(name);
    let capitalised = ws.iter().all(|w| w.starts_with(char::is_uppercase));
    if !(1..=2).contains(&ws.len()) || !capitalised {
        return None;
    }
    let mut best: Option<(&'static str, usize)> = None;
    // `dans le Var`, `dans les Landes`: a department or region takes its
    // article after `dans`, as the text writes it.
    let mut within = 0;
    for prep in [
        "à",
        "en",
        "au",
        "aux",
        "dans le",
        "dans la",
        "dans les",
        "dans l’",
    ] {
        // As written, capital and all: `au coronavirus` names no place.
        // At a sentence's start too, `A` for `À` as the press types it.
        let unaccented = (prep == "à").then_some("A".to_string());
        let n: usize = [prep.to_string(), upper_first(prep)]
            .into_iter()
            .chain(unaccented)
            .map(|p| count_written(&ctx.doc.text, &placed(&p, name), true))
            .sum();
        if prep.starts_with("dans") {
            within += n;
        }
        if n > 0 && best.is_none_or(|(_, m)| n > m) {
            best = Some((prep, n));
        }
    }
    // A name that takes an article more often than a preposition is no
    // place (`le Brexit`, `du Brexit` beside one `au Brexit`); a person
    // after `à` is an indirect object (`à Enrico Macias`).
    let text = &ctx.doc.text;
    let with_article: usize = ["le ", "la ", "les ", "l’", "l'", "du ", "des "]
        .iter()
        .map(|a| count_written(text, &format!("{a}{name}"), false))
        .sum();
    // (`dans le Var` writes `le Var` too.)
    let with_article = with_article.saturating_sub(within);
    let best = best.filter(|&(prep, n)| n >= with_article && (ws.len() == 1 || prep != "à"));
    // Nor a common noun the text writes in lowercase, or a code
    // (`Coronavirus`, `au Covid-19`).
    let common = ws.iter().any(|w| {
        w.chars().any(|c| c.is_ascii_digit()) || count_written(text, &w.to_lowercase(), false) > 0
    });
    best.filter(|_| !common).map(|(prep, _)| prep)
}

/// `Josu Ternera, figure de l’ETA, libéré…` → `Figure de l’ETA, Josu
/// Ternera libéré…`: the apposition to a name that opens the title opens it
/// instead, before the name and its verb. An apposition with its article
/// keeps the name between commas (`Le plus proche conseiller d’Emmanuel
/// Macron, Ismaël Emelien, annonce…`). The apposition names something (a
/// common noun, not `la paisible`) and holds no verb; the rest opens on
/// its verb.
fn apposition_opens(ctx: &Context, source: &str) -> Option<String> {
    use crate::parse::Tag;
    if source.contains(':') || source.ends_with(['?', '!']) {
        return None;
    }
    let mut parts = source.splitn(3, ", ");
    let (name, app, rest) = (parts.next()?, parts.next()?, parts.next()?);
    let name_words = words(name);
    let article = name_words
        .first()
        .is_some_and(|w| matches!(*w, "L’" | "La" | "Le" | "Les"));
    let named = (1..=4).contains(&name_words.len())
        && name_words
            .iter()
            .skip(usize::from(article))
            .all(|w| w.starts_with(char::is_uppercase))
        && name
            .split_whitespace()
            .last()
            .is_some_and(|w| !w.ends_with('’'));
    let ap = ctx.parse_text(app);
    let names_a_thing = ap.tags.contains(&Tag::Noun)
        && !ap
            .tags
            .iter()
            .any(|t| matches!(t, Tag::Verb | Tag::Aux | Tag::Rel | Tag::Sub));
    let rp = ctx.parse_text(rest);
    let predicate = rp
        .tags
        .iter()
        .find(|t| !matches!(t, Tag::Adv | Tag::Neg | Tag::Pron))
        .is_some_and(|t| matches!(t, Tag::Verb | Tag::Aux | Tag::Participle));
    if !named || !names_a_thing || !predicate {
        return None;
    }
    let name = lowered(ctx, name);
    let with_article = ap.tags.first() == Some(&Tag::Det);
    Some(if with_article {
        format!("{}, {name}, {rest}", upper_first(app))
    } else {
        format!("{}, {name} {rest}", upper_first(app))
    })
}

/// `Donald Trump rencontre Kim Jong Un…` → `Donald Trump rencontre
/// dimanche Kim Jong Un…`: the day the lead gives the title's own event (a
/// weekday right after the same verb, `a rencontré dimanche`, in one of
/// its first two sentences) follows the title's verb. Never in a title
/// that already says when, nor from a verb other than the title's: a day
/// an announcement was made is not the day of what it announces.
fn day_from_lead(ctx: &Context, source: &str) -> Option<String> {
    use crate::fr::lexicon::Class;
    use crate::parse::{ClauseKind, Tag};
    let lex = crate::fr::lexicon::lexicons();
    let p = ctx.parse_text(source);
    let word = |k: usize| crate::fr::lexicon::fold(p.tokens[k].span.of(source));
    let dated = (0..p.tokens.len()).any(|k| {
        let w = word(k);
        lex.weekdays.contains(&w) || lex.relative_dates.contains(&w)
    });
    let main = p.clauses.iter().find(|c| c.kind == ClauseKind::Main)?;
    // The main verb, after its auxiliaries: a finite verb or a participle.
    let verb =
        (main.start..main.end).find(|&k| matches!(p.tags[k], Tag::Verb | Tag::Participle))?;
    let last = (verb..main.end)
        .take_while(|&k| matches!(p.tags[k], Tag::Verb | Tag::Aux | Tag::Participle))
        .last()?;
    if dated || source.contains('«') && source.find('«') < Some(p.tokens[verb].span.start as usize)
    {
        return None;
    }
    // `être` and `avoir` say no event of their own (`a « beaucoup
    // d’empathie »`): the lead's `a indiqué jeudi` is another verb's.
    let copula = lex
        .function_words
        .is_any(&word(last), &[Class::AuxAvoir, Class::AuxEtre]);
    if copula {
        return None;
    }
    let stem = crate::analyze::stem(&word(last));
    let doc = ctx.doc;
    let mask = doc.body_mask();
    let lead = (0..mask.len()).filter(|&i| mask[i]).take(2);
    let day = lead.into_iter().find_map(|i| {
        let lp = ctx.parsed(i);
        let lw = |k: usize| crate::fr::lexicon::fold(lp.tokens[k].span.of(&doc.text));
        (0..lp.tokens.len())
            .filter(|&k| {
                matches!(lp.tags[k], Tag::Verb | Tag::Participle)
                    && crate::analyze::stem(&lw(k)) == stem
            })
            .find_map(|k| {
                let d =
                    (k + 1..lp.tokens.len().min(k + 3)).find(|&d| lex.weekdays.contains(&lw(d)))?;
                let part = lp
                    .tokens
                    .get(d + 1)
                    .map(|_| lw(d + 1))
                    .filter(|w| lex.day_parts.contains(w));
                Some(match part {
                    Some(part) => format!("{} {part}", lw(d)),
                    None => lw(d),
                })
            })
    })?;
    let at = p.tokens[last].span.end as usize;
    Some(format!("{} {day}{}", &source[..at], &source[at..]))
}

/// `Mort de Larry Kramer, militant homosexuel…` → `Larry Kramer, militant
/// homosexuel…, est mort`: a title that announces a death by its noun ends
/// on the verb the lead uses for it (`death_phrases.txt`), with its gender
/// and tense, as the lead writes it. Only a title without a colon, and a
/// lead that names the same person first.
fn obituary(ctx: &Context, source: &str) -> Option<String> {
    let source = source.trim().replace('\'', "’");
    if source.contains(':') {
        return None;
    }
    let rest = [
        "Mort de ",
        "Décès de ",
        "Mort d’",
        "Décès d’",
        "Mort du ",
        "Décès du ",
    ]
    .iter()
    .find_map(|p| source.strip_prefix(p).map(|r| (*p, r)))?;
    let (prefix, rest) = rest;
    // `du « Léopard des neiges »` names him `le « Léopard des neiges »`;
    // `de l’historien X`, `l’historien X`.
    let subject = if prefix.ends_with("du ") {
        format!("le {rest}")
    } else {
        rest.to_string()
    };
    let (who, apposition) = match subject.split_once(", ") {
        Some((w, a)) => (w.to_string(), Some(a.to_string())),
        None => (subject.clone(), None),
    };
    // The lead's own words for the death, after the person's name (its
    // last word) in the same sentence.
    let last = who.split_whitespace().last()?.trim_matches(['«', '»', ' ']);
    let doc = ctx.doc;
    let mask = doc.body_mask();
    let lex = crate::fr::lexicon::lexicons();
    let phrase = (0..mask.len()).filter(|&i| mask[i]).take(2).find_map(|i| {
        let text = doc.sentence_text(i).replace('\'', "’");
        let at = text.find(last)?;
        let after = text[at..].to_lowercase();
        lex.death_phrases.iter().find_map(|d| {
            let k = after.find(&format!(" {d}"))?;
            let end = k + 1 + d.len();
            let whole = after[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphabetic());
            whole.then(|| d.clone())
        })
    })?;
    Some(match apposition {
        Some(a) => format!("{}, {a}, {phrase}", upper_first(&who)),
        None => format!("{} {phrase}", upper_first(&who)),
    })
}

/// `Affaire Grégory : Murielle Bolle demande la nullité…` → `Murielle
/// Bolle demande la nullité… dans l’affaire Grégory`: the affair a rubric
/// names ends the clause after it. Only a short clause (ten words at
/// most) with its verb, in one piece (no comma: `…, une vidéo à l’étude
/// dans l’affaire` would tie the affair to the last item only).
fn affair_last(ctx: &Context, rubric: &str, side: &str) -> Option<String> {
    use crate::parse::Tag;
    // `Affaire X`, `Meurtre de X`, `Crash de la Y`: a noun of
    // `case_nouns.txt`, then what names the case.
    let (noun, rest) = rubric.split_once(' ')?;
    let noun = noun.to_lowercase();
    let article = crate::fr::elide(crate::fr::lexicon::lexicons().case_nouns.get(&noun)?, &noun);
    // What names the case: a name (`Affaire Benalla`), a complement
    // (`Meurtre de X`), or for an affair its adjective (`Affaire libyenne`).
    if !rest.starts_with(char::is_uppercase) && !rest.starts_with(['d', 'à']) && noun != "affaire"
    {
        return None;
    }
    let p = ctx.parse_text(side);
    let verbal = p
        .tags
        .iter()
        .any(|t| matches!(t, Tag::Verb | Tag::Aux | Tag::Participle));
    // A verb without its object does not take the affair after it (`les
    // invités racontent dans l’affaire`).
    // Nor a participle after `avoir` (`aurait avoué dans le meurtre`); one
    // alone says a state (`entendu dans l’affaire`).
    let last = (0..p.tags.len()).rev().find(|&k| p.tags[k] != Tag::Punct);
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let ends_on_verb = last.is_some_and(|k| {
        p.tags[k] == Tag::Verb
            || (p.tags[k] == Tag::Participle
                && k > 0
                && fw.is(
                    &p.tokens[k - 1].span.of(side).to_lowercase(),
                    crate::fr::lexicon::Class::AuxAvoir,
                ))
    });
    let verbal = verbal && !ends_on_verb;
    let one_piece = !side.contains([',', ';', ':', '?', '!']) && !bare_quotation(side);
    (verbal && one_piece && words(side).len() <= 10).then(|| {
        let glue = if article.ends_with('’') { "" } else { " " };
        format!("{} dans {article}{glue}{noun} {rest}", upper_first(side))
    })
}

/// `prep` before a place's `name`, elided or not (`à Rouen`, `dans l’Ain`).
fn placed(prep: &str, name: &str) -> String {
    if prep.ends_with('’') {
        format!("{prep}{name}")
    } else {
        format!("{prep} {name}")
    }
}

/// `« Q » sur Y, assure Édouard Philippe` → `Édouard Philippe : « Q » sur Y`:
/// a title ending on a reporting verb and its speaker, who moves to the front.
fn speaker_first(ctx: &Context, source: &str) -> Option<String> {
    let (said, tail) = source.rsplit_once(", ")?;
    let mut words = tail.split_whitespace();
    let verb = words.next()?.to_lowercase();
    let speaker: Vec<&str> = words.collect();
    let lex = crate::fr::lexicon::lexicons();
    let named = !speaker.is_empty()
        && speaker.len() <= 4
        && speaker
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !lex.reporting_verbs.contains(&verb) || !named || said.contains(':') {
        return None;
    }
    Some(format!(
        "{} : {}",
        speaker.join(" "),
        keep_quote_case(said, &|s| lowered(ctx, s))
    ))
}

/// `L’ordonnance doit être « retravaillée », estime Nicole Belloubet` →
/// `Nicole Belloubet estime que l’ordonnance doit être « retravaillée »`:
/// what a speaker said, before a reporting verb that takes `que`
/// (`says_that.txt`), becomes indirect speech. Only a clause with a finite
/// verb, and none in the first or second person, whose pronouns indirect
/// speech would have to change (`« Je me mets au service… »`); no question.
fn says_that(ctx: &Context, side: &str) -> Option<String> {
    let (said, tail) = side.rsplit_once(", ")?;
    let mut words = tail.split_whitespace();
    let verb = words.next()?;
    let speaker: Vec<&str> = words.collect();
    let lex = crate::fr::lexicon::lexicons();
    let named = super::speaker_name_start(&speaker, 6).is_some();
    if !lex.says_that.contains(verb) || !named || said.contains(':') || said.ends_with(['?', '!']) {
        return None;
    }
    let inner = said.trim_start_matches(['«', ' ', '\u{a0}', '\u{202f}']);
    let quoted = inner.len() < said.len();
    let plain: String = said.chars().filter(|c| !matches!(c, '«' | '»')).collect();
    if !super::reportable(ctx, &plain) {
        return None;
    }
    let told = lowered(ctx, inner);
    let open = if quoted { "« " } else { "" };
    Some(format!(
        "{} {verb} {}{open}{told}",
        speaker.join(" "),
        super::que_before(&told)
    ))
}

/// `Démission de Collomb` → `Démission de Gérard Collomb`: each surname
/// written alone takes the full name the article gives the person, with
/// `de` elided or contracted as French requires.
fn full_names(ctx: &Context, title: &str) -> Option<String> {
    let mut out = title.to_string();
    use crate::analyze::EntityKind;
    for e in &ctx.facts.entities {
        // A person's name: a person, or a name of two or three capitalised
        // words that is no organisation or place (`Alexandre Benalla`).
        let words: Vec<&str> = e.text.split(' ').collect();
        // Not a place nor a brand that opens on one (`France Bleu Hérault`).
        let lex = crate::fr::lexicon::lexicons();
        let opens_on_known = crate::fr::place_preposition(words[0]).is_some()
            || lex.pos.get(&words[0].to_lowercase()).is_some();
        let name_like = (2..=3).contains(&words.len())
            && !opens_on_known
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
            });
        if !(e.kind == EntityKind::Person || (e.kind == EntityKind::Other && name_like)) {
            continue;
        }
        let Some((_, last)) = e.text.rsplit_once(' ') else {
            continue;
        };
        if out.contains(e.text.as_str()) || find_word(&out, last).is_none() {
            continue;
        }
        let at = find_word(&out, last)?;
        let before = &out[..at];
        // An affair keeps the name it goes by (`l’affaire Benalla`); a
        // family is no one person (`la maison des Villemin`).
        let lower_before = before.to_lowercase();
        if ["affaire ", "des ", "les ", "aux "]
            .iter()
            .any(|w| lower_before.ends_with(w))
        {
            continue;
        }
        // Nor a name whose other words the title says elsewhere (`Autoroutes
        // : …, déplore Vinci` would open on `Vinci Autoroutes`).
        let said_elsewhere = e
            .text
            .split(' ')
            .filter(|w| *w != last)
            .any(|w| find_word(&out, w).is_some());
        if said_elsewhere {
            continue;
        }
        // Already a full name (`Mickaël Harpon`, `d’Arnaud Beltrame`,
        // whatever the spelling).
        let mut back = before.split_whitespace().rev();
        let written = back.next().unwrap_or("");
        let prev = written.rsplit(['’', '\'']).next().unwrap_or(written);
        // A capitalised word before it is a first name, unless an article
        // makes it a noun (`L’Iranien Soleimani`, `le Brésilien Neymar`).
        let fw = &lex.function_words;
        let article = ['’', '\'']
            .iter()
            .any(|q| written.to_lowercase().starts_with(&format!("l{q}")))
            || back.next().is_some_and(|w| {
                fw.is_any(
                    &w.to_lowercase(),
                    &[
                        crate::fr::lexicon::Class::DefiniteArticle,
                        crate::fr::lexicon::Class::IndefiniteDeterminer,
                    ],
                )
            });
        // The title writes the surname with its capital (`UFC-Que choisir`
        // holds no surname).
        let capital = out[at..].starts_with(char::is_uppercase);
        if !capital || (prev.starts_with(char::is_uppercase) && (!article || prev.contains('-'))) {
            continue;
        }
        // Two people of the article share the surname (a mother and her
        // son): the title's one is not known.
        let namesakes = ctx
            .facts
            .entities
            .iter()
            .filter(|o| o.text != e.text && o.text.rsplit_once(' ').is_some_and(|(_, l)| l == last))
            .count();
        if namesakes > 0 {
            continue;
        }
        // `de Benalla` → `d’Alexandre Benalla`.
        let (head, full) = match before.strip_suffix("de ") {
            Some(h) if crate::fr::starts_with_vowel_sound(&e.text) => {
                (h.to_string(), format!("d’{}", e.text))
            }
            _ => (before.to_string(), e.text.clone()),
        };
        out = format!("{head}{full}{}", &out[at + last.len()..]);
    }
    (out != title).then_some(out)
}

/// The title with the role the article gives the person it opens with
/// (`Gérard Collomb, ministre de l’Intérieur, …`).
fn with_role(ctx: &Context, source: &str) -> Option<String> {
    let e =
        ctx.facts.entities.iter().find(|e| {
            e.role.is_some() && e.text.contains(' ') && starts_with_focus(source, &e.text)
        })?;
    // One word (`président`) says less than the article does.
    let role = role_of(ctx, &e.text).filter(|r| r.contains(' '))?;
    let rest = source[e.text.len()..].trim_start();
    if rest.starts_with([',', ':']) {
        return None;
    }
    Some(format!("{}, {role}, {rest}", e.text))
}

/// `Un paquebot sème la panique à Venise` → `À Venise, un paquebot sème la
/// panique`; `… les touristes malgré le virus` → `Malgré le virus, …`: the
/// phrase of place, time or circumstance that ends the title opens it.
fn adjunct_first(ctx: &Context, source: &str, needs_clause: bool) -> Option<String> {
    use crate::fr::lexicon::Class;
    use crate::parse::{ClauseKind, Parsed, Tag};
    if source.contains(':') || source.ends_with(['?', '!']) || source.contains('«') {
        return None;
    }
    let p = Parsed::of_text(source);
    // A whole title needs its clause; a side after a rubric may be a noun
    // phrase (`le budget 2024 adopté malgré une hausse…`).
    let clause = p.main_clause().is_some() && p.opener() == Some(ClauseKind::Main);
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let n = p.tags.len();
    let word = |k: usize| p.tokens[k].span.of(source).to_lowercase();
    let tail_is_phrase = |k: usize| {
        p.tags[k + 1..]
            .iter()
            .all(|t| !matches!(t, Tag::Verb | Tag::Aux | Tag::Coord | Tag::Rel | Tag::Sub))
    };
    // The first phrase of circumstance, time or attribution that runs to
    // the end (`malgré une hausse de 3,5 % de la taxe`), else a named place
    // that ends the title, even as a noun's last complement (`la panique à
    // Venise`: it tells where the whole clause happens).
    // A locution's head opens one only before its preposition, not after
    // an article (`face à`, not `la face cachée`).
    let locution = |k: usize| {
        fw.is(&word(k), Class::LocutionHead)
            && p.tags.get(k + 1) == Some(&Tag::Prep)
            && p.tags[k - 1] != Tag::Det
    };
    let frame = (3..n.saturating_sub(1)).find(|&k| {
        (p.tags[k] == Tag::Prep || locution(k))
            && fw.is_any(&word(k), &[Class::Frame, Class::Time, Class::Attribution])
            && tail_is_phrase(k)
    });
    // `à Emmanuel Macron` is whom something goes to, not where: a name of
    // several words is a place only when the place lists know it.
    let names_a_person =
        |t: &str| {
            let known =
                crate::fr::place_preposition(t).is_some() || crate::fr::region_phrase(t).is_some();
            ctx.facts.entities.iter().any(|e| {
                e.kind == crate::analyze::EntityKind::Person && t.contains(e.text.as_str())
            }) || (t.contains(' ') && !known)
        };
    let place = || {
        (3..n.saturating_sub(1)).rev().find(|&k| {
            p.tags[k] == Tag::Prep
                && fw.is(&word(k), Class::Place)
                && p.tags[k - 1] != Tag::Coord
                && p.tags[k + 1..].iter().all(|&t| t == Tag::Propn)
                && !names_a_person(p.text_of(source, k + 1, n))
        })
    };
    // A phrase of time or circumstance moves in front of a clause; a place
    // in front of any title (`Au Guatemala, émotion et indignation…`).
    let at = match (frame, needs_clause && !clause) {
        (Some(k), false) => k,
        _ => place()?,
    };
    // A compound preposition moves whole (`à partir de`, `d’après`, `au
    // cours de`, `en cours`), not without its first word.
    let at = if p.tags[at - 1] == Tag::Prep {
        at - 1
    } else {
        at
    };
    let phrase = p.text_of(source, at, n).trim_end_matches(['.', ' ']);
    let rest = p.text_of(source, 0, at).trim_end_matches([',', ' ']);
    Some(format!("{}, {}", upper_first(phrase), lowered(ctx, rest)))
}

/// `Fusion des tribunaux d’instance : une réforme décriée` → `Une réforme
/// décriée : fusion des tribunaux d’instance`: a rubric without article
/// before the colon and a noun phrase with its article after it (or a place
/// and one: `à Marseille, des municipales sans fin`), neither with a verb,
/// trade places; the phrase that judges the story opens it. A clause after
/// the colon keeps its rubric first (`Meurtre de Khashoggi : un verdict…
/// annule…` read backwards).
fn sides_swapped(ctx: &Context, a: &str, b: &str) -> Option<String> {
    use crate::fr::lexicon::Class;
    use crate::parse::{Parsed, Tag};
    // A word quoted inside the rubric moves with it (`Enquête, perquisition
    // et « troisième tour »`); a quotation that opens it, or one in the
    // other side, whose words may hide a verb (`la France « interviendrait »`),
    // does not.
    if a.starts_with('«') || b.contains('«') || b.ends_with(['?', '!']) {
        return None;
    }
    let fw = &crate::fr::lexicon::lexicons().function_words;
    // `le programme de leurs vacances` points to the names it would follow.
    if words(b)
        .iter()
        .any(|w| fw.is(&w.to_lowercase(), Class::Possessive))
    {
        return None;
    }
    let verbless = |p: &Parsed| {
        !p.tags
            .iter()
            .any(|t| matches!(t, Tag::Verb | Tag::Aux | Tag::Rel | Tag::Sub))
    };
    let (ap, bp) = (Parsed::of_text(a), Parsed::of_text(b));
    let first = |t: &str| t.split_whitespace().next().unwrap_or("").to_lowercase();
    let articles = [Class::DefiniteArticle, Class::IndefiniteArticle];
    // `à Marseille, des municipales…`: the place set off, then the phrase.
    let phrase = match b.split_once(", ") {
        Some((place, rest)) if Parsed::of_text(place).tags.first() == Some(&Tag::Prep) => rest,
        _ => b,
    };
    // A rubric of three words at least that is no date (`14 juillet`, `70
    // ans de…`): a lone word (`Santé`) or a place at the end reads as a tag.
    let rubric = words(a).len() >= 3
        && ap
            .tags
            .first()
            .is_some_and(|&t| !matches!(t, Tag::Det | Tag::Num))
        && !fw.is_any(&first(a), &articles)
        && !phrase.contains(',');
    (rubric && verbless(&ap) && verbless(&bp) && fw.is_any(&first(phrase), &articles))
        .then(|| format!("{} : {}", upper_first(b), lowered(ctx, a)))
}

/// `Face à la crise, l’Assemblée se penche sur un budget` → `L’Assemblée se
/// penche sur un budget face à la crise`: a phrase that opens the title,
/// set off by a comma, moves to its end.
fn adjunct_last(ctx: &Context, source: &str) -> Option<String> {
    use crate::fr::lexicon::Class;
    use crate::parse::{Parsed, Tag};
    if source.contains(':') || source.ends_with(['?', '!']) {
        return None;
    }
    let (phrase, rest) = split_comma(source)?;
    let head = phrase.split_whitespace().next()?.to_lowercase();
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let pp = Parsed::of_text(&phrase);
    let prepositional = pp.tags.first() == Some(&Tag::Prep)
        || fw.is_any(&head, &[Class::LocutionHead, Class::Frame]);
    // What is left must be a clause, a participle's phrase of its own, or
    // a noun phrase (`Devant le cercueil de George Floyd, douleur et
    // recueillement` → `Douleur et recueillement devant le cercueil…`).
    let rp = Parsed::of_text(&rest);
    let clause = rp.main_clause().is_some()
        || rp
            .tags
            .iter()
            .any(|t| matches!(t, Tag::Verb | Tag::Participle))
        || rp.groups.first().is_some_and(|g| {
            // With its article, or two nouns joined: a bare noun after a
            // name is its apposition (`vers le 113, numéro unique…`).
            g.start == 0
                && g.kind == crate::parse::GroupKind::Noun
                && words(&rest).len() >= 2
                && (rp.tags[0] == Tag::Det || rp.tags.contains(&Tag::Coord))
        });
    // `De « l’enfer » des îles au centre d’Athènes, les réfugiés…`: after a
    // noun, a phrase in `de` would read as its complement.
    if !prepositional || !clause || rest.contains(',') || fw.is(&head, Class::De) {
        return None;
    }
    // After a name the phrase would read as the name's (`leur maison à
    // Jérusalem-Est sans permis`): a comma sets it apart.
    let rest = rest.trim_end_matches(['.', ' ']);
    let after_name = rp.tags.last() == Some(&Tag::Propn);
    Some(format!(
        "{}{} {}",
        upper_first(rest),
        if after_name { "," } else { "" },
        lowered(ctx, &phrase)
    ))
}

/// `Libertés individuelles contre port du masque, le dilemme d’une ville`
/// → `Le dilemme d’une ville : libertés individuelles contre port du
/// masque`: a noun phrase with its article after the comma names the story.
fn apposition_first(ctx: &Context, source: &str) -> Option<String> {
    if source.contains(':') || source.ends_with(['?', '!']) {
        return None;
    }
    let (left, right) = split_comma(source)?;
    let det = right.split_whitespace().next()?.to_lowercase();
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let rp = crate::parse::Parsed::of_text(&right);
    let noun_phrase = fw.is(&det, crate::fr::lexicon::Class::DefiniteArticle)
        && rp.groups.len() == 1
        && rp.groups[0].kind == crate::parse::GroupKind::Noun;
    let lp = crate::parse::Parsed::of_text(&left);
    let left_verbless = !lp
        .tags
        .iter()
        .any(|t| matches!(t, crate::parse::Tag::Verb | crate::parse::Tag::Aux));
    (noun_phrase && left_verbless && words(&left).len() >= 3)
        .then(|| format!("{} : {}", upper_first(&right), lowered(ctx, &left)))
}

/// `La Valdavie et la Korsenie relancent le dialogue` → `À Rovena, la
/// Valdavie et la Korsenie relancent le dialogue`: a title that names no
/// place takes the one where the lead's first sentence sets the event
/// (`à Rovena`), a fact from the lead.
fn place_from_lead(ctx: &Context, source: &str) -> Option<String> {
    use crate::fr::lexicon::Class;
    use crate::parse::Tag;
    if source.contains(':') || source.ends_with(['?', '!']) || source.starts_with('«') {
        return None;
    }
    let doc = ctx.doc;
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let title = crate::parse::Parsed::of_text(source);
    let names_place = (0..title.tokens.len()).any(|k| {
        title.tags[k] == Tag::Prep
            && fw.is(
                &title.tokens[k].span.of(source).to_lowercase(),
                Class::Place,
            )
            && title.tags.get(k + 1) == Some(&Tag::Propn)
    });
    if names_place || title.main_clause().is_none() {
        return None;
    }
    let mask = doc.body_mask();
    // The lead's first two sentences set the scene.
    let place = (0..mask.len()).filter(|&i| mask[i]).take(2).find_map(|i| {
        let p = ctx.parsed(i);
        let at = (0..p.tokens.len()).find(|&k| {
            let w = p.tokens[k].span.of(&doc.text);
            w == "à"
                && p.tags.get(k + 1) == Some(&Tag::Propn)
                && p.tags.get(k + 2) != Some(&Tag::Propn)
        })?;
        Some(p.tokens[at + 1].span.of(&doc.text))
    })?;
    // A place the title already names in another form stays unsaid.
    if find_word(source, place).is_some() || crate::fr::place_preposition(place).is_some() {
        return None;
    }
    Some(format!("À {place}, {}", lowered(ctx, source)))
}

/// `Appel à témoins après la disparition d’un homme dans le Lot` → `… d’un
/// homme de 25 ans dans le Lot`: a person the title names by an
/// indefinite noun takes the age the lead's first sentences give that noun
/// (`un jeune homme de 25 ans`, `l’homme, âgé de 25 ans,`), when they give
/// it one age only.
fn age_from_lead(ctx: &Context, source: &str) -> Option<String> {
    let doc = ctx.doc;
    let tw = words(source);
    let lex = crate::fr::lexicon::lexicons();
    // An adjective after the noun keeps its place beside it (`une juge
    // conservatrice`): no age goes between them.
    let adjective = |w: &str| {
        lex.pos
            .get(&w.to_lowercase())
            .is_some_and(|e| e.pos() == crate::fr::lexicon::Pos::Adj)
    };
    // The first `un`, `une`, `d’un`, `d’une` before a noun of four letters
    // or more that no age follows yet.
    let at = (0..tw.len().saturating_sub(1)).find(|&k| {
        let w = tw[k].to_lowercase();
        let noun = tw[k + 1].to_lowercase();
        matches!(w.as_str(), "un" | "une" | "d’un" | "d’une")
            && noun.chars().count() >= 4
            && lex
                .pos
                .get(&noun)
                .is_some_and(|e| e.pos() == crate::fr::lexicon::Pos::Noun)
            && tw.get(k + 2).is_none_or(|n| *n != "de" && !adjective(n))
    })?;
    let noun = tw[at + 1];
    let mask = doc.body_mask();
    let mut ages: Vec<u32> = Vec::new();
    for i in (0..mask.len()).filter(|&i| mask[i]).take(3) {
        let text = doc.sentence_text(i);
        let ws = words(&text);
        for k in 0..ws.len() {
            if !ws[k].eq_ignore_ascii_case(noun) {
                continue;
            }
            // `homme de 25 ans`, `homme âgé de 25 ans`, `homme, 25 ans`.
            let rest: Vec<&str> = ws[k + 1..].iter().take(4).copied().collect();
            let number = match rest.as_slice() {
                ["de", n, "ans", ..] | ["âgé" | "âgée", "de", n, "ans", ..] | [n, "ans", ..] => {
                    n.parse::<u32>().ok()
                }
                _ => None,
            };
            ages.extend(number.filter(|&n| (1..=120).contains(&n)));
        }
    }
    ages.sort_unstable();
    ages.dedup();
    let [age] = ages.as_slice() else {
        return None;
    };
    let pos = find_word(source, noun)? + noun.len();
    Some(format!("{} de {age} ans{}", &source[..pos], &source[pos..]))
}

/// A title without the apposition set between two commas after its first
/// name or noun group (`Josu Ternera, figure de l’ETA, libéré…`).
fn without_apposition(t: &str) -> Option<String> {
    let (head, rest) = split_comma(t)?;
    let (middle, after) = split_comma(&rest)?;
    // `En Espagne, se retrouver enfin au parc, en terrasse…`: a phrase with
    // a verb between the commas is the title's news, not an apposition.
    let verbal = crate::parse::Parsed::of_text(&middle).tags.iter().any(|t| {
        matches!(
            t,
            crate::parse::Tag::Verb
                | crate::parse::Tag::Aux
                | crate::parse::Tag::Infinitive
                | crate::parse::Tag::Gerund
        )
    });
    // Nor one that holds the colon: the rubric's end and the news's start.
    if verbal || middle.contains(':') {
        return None;
    }
    // A name: capitalised words, not a title's first common word
    // (`Gravats, amiante et camions de nuit, …`).
    let lex = crate::fr::lexicon::lexicons();
    let first = head.split_whitespace().next().unwrap_or("").to_lowercase();
    let common = !head.contains(' ') && lex.pos.get(&head.to_lowercase()).is_some();
    // `Au Mali, sous pression, la junte…`: a phrase of place keeps its comma.
    let place = lex.is_stop(&first);
    let named = !common
        && head
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase));
    let joint = if place { ", " } else { " " };
    (named && !after.is_empty() && words(&head).len() <= 4).then(|| format!("{head}{joint}{after}"))
}

/// The two sides of a title's first comma outside guillemets.
fn split_comma(t: &str) -> Option<(String, String)> {
    let mut depth = 0i32;
    for (i, c) in t.char_indices() {
        match c {
            '«' | '“' => depth += 1,
            '»' | '”' => depth -= 1,
            ',' if depth <= 0 => {
                let a = t[..i].trim().to_string();
                let b = t[i + 1..].trim().to_string();
                return (!a.is_empty() && !b.is_empty()).then_some((a, b));
            }
            _ => {}
        }
    }
    None
}

/// `« C’est bien de revoir les copains ! » Reprise à l’école` → `Reprise
/// à l’école : « C’est bien de revoir les copains ! »`.
fn quote_after(source: &str) -> Option<String> {
    let rest = source.strip_prefix('«')?;
    let close = rest.find('»')?;
    let quote = &source[..close + '«'.len_utf8() + '»'.len_utf8()];
    // `« Enfin », les touristes…` → `Les touristes… : « Enfin »`.
    let after = source[quote.len()..].trim_start_matches([',', ' ', '\u{a0}']);
    if after.is_empty() || after.starts_with(':') {
        return None;
    }
    // `« Des marges de manœuvre » sur l’âge d’équilibre, assure…`: the
    // quotation is the object of what follows it, not a phrase of its own.
    let comma = source[quote.len()..].trim_start().starts_with(',');
    if !comma && after.starts_with(char::is_lowercase) {
        return None;
    }
    Some(format!(
        "{} : {quote}",
        upper_first(after.trim_end_matches(['.', ' ']))
    ))
}

/// `Coronavirus : « Nous nous préparons… »` → `Olivier Véran : « Nous nous
/// préparons… »`: a quotation title takes its speaker, as the article
/// names them, in place of a rubric that names no one.
fn quote_speaker(ctx: &Context, source: &str) -> Option<String> {
    let (rubric, quote) = split_colon(source)?;
    // A rubric that names someone or something the text names too stays.
    let names = words(&rubric)
        .into_iter()
        .enumerate()
        .any(|(k, w)| w.starts_with(char::is_uppercase) && (k > 0 || capitalised_in_text(ctx, w)));
    if !quote.starts_with('«') || !quote.ends_with('»') || names {
        return None;
    }
    let inner = quote.trim_matches(['«', '»', ' ', '\u{a0}']);
    let q = ctx
        .facts
        .quotations
        .iter()
        .find(|q| crate::fr::lexicon::fold(q.text.trim()) == crate::fr::lexicon::fold(inner))?;
    let speaker = q.speaker.as_deref()?;
    let named =
        speaker.split(' ').count() >= 2 && speaker.chars().next().is_some_and(char::is_uppercase);
    named.then(|| format!("{speaker} : {quote}"))
}

/// `Joshua Wong : « Toutes les nuits… »` → `« Toutes les nuits… », raconte
/// Joshua Wong`: a quotation after the name of its speaker ends on the
/// speaker, with the verb the article gives them for it (`quote_verbs.txt`);
/// without one, the title stays as it is.
fn said_last(ctx: &Context, source: &str) -> Option<String> {
    let (speaker, quote) = split_colon(source)?;
    if !quote.starts_with('«') || !quote.ends_with('»') || quote.matches('«').count() != 1 {
        return None;
    }
    let names = words(&speaker);
    let named = (2..=4).contains(&names.len())
        && names
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase));
    if !named {
        return None;
    }
    let verb = quote_verb(ctx, &quote, names.last()?)?;
    let inner = quote.trim_start_matches(['«', ' ', '\u{a0}', '\u{202f}']);
    Some(format!("« {}, {verb} {speaker}", upper_first(inner)))
}

/// The present a title gives the verb that attributes `quote` to the
/// speaker of `surname`, from the quotation of the text closest to it (the
/// largest share of its words, the first among equals): one of the
/// speaker's, or one that says most of its words whoever the text names
/// (`a expliqué le Premier ministre`). A verb that says how the words were
/// meant (`dénonce`) only from a quotation that says half of them. The verb
/// is written after the quotation (`», a raconté X`) or before it (`X
/// raconte : «`).
fn quote_verb(ctx: &Context, quote: &str, surname: &str) -> Option<String> {
    let lex = crate::fr::lexicon::lexicons();
    let content = |s: &str| -> Vec<String> {
        words_lower(s)
            .into_iter()
            .filter(|w| w.chars().count() >= 4)
            .collect()
    };
    let said: rustc_hash::FxHashSet<String> = content(quote).into_iter().collect();
    let mut best: Option<(f64, String)> = None;
    for q in &ctx.facts.quotations {
        let common = content(&q.text)
            .iter()
            .filter(|w| said.contains(*w))
            .count();
        let share = common as f64 / said.len().max(1) as f64;
        let theirs = q
            .speaker
            .as_deref()
            .is_some_and(|s| words(s).contains(&surname));
        if !theirs && share < 0.6 {
            continue;
        }
        let Some((verb, toned)) = q.verb.as_ref().and_then(|v| lex.quote_verbs.get(v)) else {
            continue;
        };
        if *toned && share < 0.5 {
            continue;
        }
        if best.as_ref().is_none_or(|(b, _)| share > *b) {
            best = Some((share, verb.clone()));
        }
    }
    best.map(|(_, v)| v)
}

/// A capital `A` that is the preposition `à`, written without its accent
/// (`A Téhéran, …`, `… : A la une`), takes it back.
fn accented_a(title: &str) -> String {
    let mut out = String::with_capacity(title.len() + 2);
    let mut at_start = true;
    let mut rest = title;
    while let Some(c) = rest.chars().next() {
        if at_start && rest.starts_with("A ") {
            out.push('À');
            rest = &rest[1..];
            at_start = false;
            continue;
        }
        at_start = c == ':' || (at_start && c.is_whitespace());
        if c == ':' {
            at_start = true;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// True when the text writes `w` with its capital inside a sentence (after
/// a lowercase word): a name, not a sentence's first word.
fn capitalised_in_text(ctx: &Context, w: &str) -> bool {
    let text = &ctx.doc.text;
    crate::fr::occurrences(text, w).any(|i| {
        let before = text[..i].trim_end_matches(' ');
        before.len() < i
            && before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_lowercase() || c == ',')
            && !text[i + w.len()..].starts_with(char::is_alphanumeric)
    })
}

/// The lead's headline, for an article that has no title.
fn lead_headline(ctx: &Context) -> Option<String> {
    let doc = ctx.doc;
    let mask = doc.body_mask();
    let first = (0..mask.len()).find(|&i| mask[i])?;
    ctx.headline_of(first, super::headline::MAX_WORDS)
        .map(|h| h.text)
}

/// `s` lowered after a colon, names and quotations aside, with the accent a
/// capital lost restored (`Enorme incendie` → `énorme incendie`).
fn lowered(ctx: &Context, s: &str) -> String {
    let out = lower_first(s, |w| ctx.is_proper(w));
    match out.chars().next() {
        Some(c) if c.is_lowercase() => super::with_accent_restored(&out).unwrap_or(out),
        _ => out,
    }
}

/// The candidates, best first: what they keep of the source title, their
/// length and their edit. The source title itself never wins while an edit
/// keeps its names.
fn score(
    ctx: &Context,
    source: &str,
    given: &str,
    focus: &str,
    edits: Vec<Edit>,
    typo: Typography,
) -> Vec<Candidate> {
    let source_norm = norm(given);
    let source_quote = source.contains('«');
    let names = title_names(ctx, source);
    let mut scored: Vec<Candidate> = Vec::new();
    for e in edits {
        let c =
            crate::fr::fix_contractions(&e.text.split_whitespace().collect::<Vec<_>>().join(" "));
        let c = match split_colon(&c) {
            Some((a, b)) if c.matches(':').count() == 1 => {
                format!("{a} : {}", keep_quote_case(&b, &|s| lowered(ctx, s)))
            }
            _ => c,
        };
        if scored.iter().any(|s| norm(&s.text) == norm(&c)) {
            continue;
        }
        let len = printed_len(&c, typo) as f64;
        let mut score = 10.0 + e.weight;
        if norm(&c) == source_norm {
            score -= 30.0;
        }
        if source_quote && !c.contains('«') {
            score -= 5.0;
        }
        let kept: rustc_hash::FxHashSet<String> = words_lower(&c).into_iter().collect();
        let lost = names.iter().filter(|n| !kept.contains(*n)).count();
        score -= 40.0 * lost as f64;
        score -= 2.0 * missing_words(source, &c) as f64;
        if c.matches(':').count() > 1 || c.contains("? :") || c.contains("! :") {
            score -= 30.0;
        }
        if count_in(&c, focus) > 0 {
            score += 2.0;
        }
        if len > 75.0 {
            score -= (len - 75.0) / 5.0;
        } else if len < 40.0 {
            score -= (40.0 - len) / 5.0;
        }
        scored.push(Candidate {
            text: c,
            score: (score * 100.0).round() / 100.0,
        });
    }
    scored.sort_by(|a, b| b.score.total_cmp(&a.score));
    scored
}

/// The names of a title that an edit must keep, lowercased: its capitalised
/// words after the first, and the first when the text capitalises it inside
/// a sentence.
fn title_names(ctx: &Context, title: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (k, w) in words(title).into_iter().enumerate() {
        if !w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() < 2 {
            continue;
        }
        if k > 0 || ctx.is_proper(w) {
            out.push(normalize_word(w));
        }
    }
    out
}

/// The SEO title: the H1 when it fits, else the best candidate that does,
/// else a side of the H1's colon, else the H1 cut after a complete phrase;
/// the one that holds the keyphrase first.
fn seo_title_of(
    ctx: &Context,
    title: &str,
    scored: &[Candidate],
    source: &str,
    focus: &str,
    typo: Typography,
) -> String {
    let options = seo_options(title, scored, source);
    // The source's rubric alone (`Attentat de Charlie Hebdo`) names the
    // story but not the news: it comes after `Keyphrase : news`.
    let is_rubric = |o: &str| is_source_rubric(source, o);
    // A quotation alone says nothing of who speaks: it comes after any
    // side, cut or rubric that tells the news, before a cut by characters.
    let usable =
        |o: &&String| fits_seo(o, typo) && crate::fr::count_words(o) >= 3 && !bare_quotation(o);
    let fitting_news = options
        .iter()
        .filter(usable)
        .find(|o| count_in(o, focus) > 0 && !is_rubric(o))
        .cloned();
    let fitting = |holds: bool| {
        options
            .iter()
            .filter(usable)
            .find(|o| !holds || count_in(o, focus) > 0)
            .cloned()
    };
    let quotation = options
        .iter()
        .find(|o| fits_seo(o, typo) && bare_quotation(o))
        .cloned();
    // A side of the title trimmed to its core, or the keyphrase (a name)
    // before the side that does not say it: `Montaurel : urgences de nuit`.
    let sides = title_sides(title, source);
    let trimmed_sides = side_cores(ctx, &sides, typo);
    let trimmed = trimmed_sides
        .iter()
        .find(|h| count_in(h, focus) > 0)
        .cloned();
    let trimmed_any = longest_verbal(ctx, &trimmed_sides);
    let prefixed_news = prefixed(ctx, &sides, [title, source], focus, typo, false);
    let cut_with_focus = || {
        // The source's own order first: it opens on the event.
        [source, title]
            .into_iter()
            .filter_map(|t| cut_at_phrase(ctx, t, typo))
            .find(|c| count_in(c, focus) > 0)
    };
    let rubric_with_core = rubric_and_core(ctx, source, focus, typo);
    // A place rubric the title sets as a phrase (`En Pologne, …`) reads
    // better so, or cut, than as a rubric again (`Pologne : …`).
    let placed_title = split_colon(source).is_some_and(|(a, _)| {
        crate::fr::place_preposition(&a).is_some() || crate::fr::region_phrase(&a).is_some()
    });
    // The rubric before part of the news beats the news alone, not a
    // whole title that keeps its rubric.
    let fit_any = fitting(false);
    let rubric_part = rubric_and_part(ctx, source, typo)
        .filter(|_| !placed_title && fit_any.as_ref().is_none_or(|f| !f.contains(" : ")));
    // Search engines weigh the keyphrase most at the start: a title or a
    // cut that opens with it first, then `Keyphrase : …`, then one that
    // holds it elsewhere.
    let opening = |o: &String| starts_with_focus(o, focus);
    let fits_opening = options.iter().filter(usable).find(|o| opening(o)).cloned();
    let cut_opening = [source, title]
        .into_iter()
        .filter_map(|t| cut_at_phrase(ctx, t, typo))
        .find(|c| opening(c));
    // In that order, the first that does not leave a phrase unfinished.
    let parses = [title, source].map(|t| (t, ctx.parse_text(t)));
    let complete = |c: &String| parses.iter().all(|(t, p)| ends_a_phrase(t, p, c));
    let ranked = [
        fits_opening,
        cut_opening,
        trimmed.clone().filter(|t| opening(t)),
        // The whole title holding the keyphrase beats `Keyphrase : side`.
        fitting_news,
        prefixed_news,
        fitting(true),
        cut_with_focus(),
        rubric_with_core,
        trimmed,
        rubric_part,
        fit_any,
        trimmed_any,
        cut_at_phrase(ctx, title, typo),
        cut_at_phrase(ctx, source, typo),
        cut_complete(ctx, title, typo),
        cut_complete(ctx, source, typo),
        // The lead's own headline: a complete phrase of the news.
        lead_headline(ctx).filter(|h| fits_seo(h, typo)),
    ];
    // None ends a phrase: the rubric before the title's colon, a whole
    // phrase, rather than a cut by characters (`…, d’autres`).
    let rubric = || {
        [title, source]
            .into_iter()
            .filter_map(|t| split_colon(t).map(|(a, _)| a))
            .find(|a| fits_seo(a, typo) && crate::fr::count_words(a) >= 2 && !bare_quotation(a))
    };
    ranked
        .into_iter()
        .flatten()
        .find(complete)
        // Nothing tells the news within the length: the keyphrase before
        // the rubric (`Xavier Bertrand : présidentielle 2022`) says more
        // than the rubric alone.
        // A quotation after its speaker's name (`Nicolas Hulot : « … »`):
        // the words said tell more than the name alone.
        .or_else(|| quotation.clone().filter(|_| speaker_rubric(title)))
        .or_else(|| prefixed(ctx, &sides, [title, source], focus, typo, true))
        .or_else(rubric)
        .or(quotation)
        .unwrap_or_else(|| cut_by_characters(ctx, [title, source], focus, typo, &complete))
}

/// The last resort: the title cut by characters, the source's own order
/// when the title's cut leaves a phrase open and the source's does not;
/// else the news after the rubric cut after a complete phrase (`Edouard
/// Philippe reconnaît des « tensions très fortes »`) rather than a verb
/// cut from its object; else the title's cut.
fn cut_by_characters(
    ctx: &Context,
    [title, source]: [&str; 2],
    focus: &str,
    typo: Typography,
    complete: &dyn Fn(&String) -> bool,
) -> String {
    let cuts = [title, source].map(|t| seo_title(t, focus, typo));
    let news = || {
        let lex = crate::fr::lexicon::lexicons();
        [title, source]
            .iter()
            .filter_map(|t| split_colon(t).map(|(_, news)| news))
            .filter_map(|news| cut_complete(ctx, &upper_first(&news), typo))
            // Not one cut before the speaker (`…, estime`).
            .find(|c| {
                !c.rsplit_once(", ")
                    .is_some_and(|(_, v)| lex.reporting_verbs.contains(&v.to_lowercase()))
            })
    };
    cuts.iter()
        .find(|c| complete(c))
        .cloned()
        .or_else(news)
        .unwrap_or_else(|| cuts[0].clone())
}

/// What the SEO title may be, before any cut: the chosen title, the other
/// candidates, the title and the source without an apposition (`Josu
/// Ternera, figure de l’ETA, libéré…` → `Josu Ternera libéré…`), and each
/// side of their colons.
fn seo_options(title: &str, scored: &[Candidate], source: &str) -> Vec<String> {
    let mut options: Vec<String> = vec![title.to_string()];
    options.extend(scored.iter().map(|c| c.text.clone()));
    for t in [title, source] {
        if let Some(short) = without_apposition(t) {
            options.push(short);
        }
    }
    for t in [title, source] {
        if let Some((a, b)) = split_colon(t) {
            options.push(upper_first(&a));
            options.push(upper_first(&b));
        }
    }
    options
}

/// The sides of the title's colon (the whole title without one), then
/// those of the source's.
fn title_sides(title: &str, source: &str) -> Vec<String> {
    let mut sides: Vec<String> = split_colon(title)
        .map(|(a, b)| vec![a, b])
        .unwrap_or_else(|| vec![title.to_string()]);
    sides.extend(
        split_colon(source)
            .map(|(a, b)| vec![a, b])
            .unwrap_or_default(),
    );
    sides
}

/// Each side trimmed to its core (twelve words at most), where that fits
/// the SEO title in three words or more: a side of the title trimmed, or
/// the keyphrase (a name) before the side that does not say it.
/// `Crash de la Yemenia en 2009 : le parquet de Paris demande un procès
/// pour la compagnie` → `Crash de la Yemenia : le parquet de Paris demande
/// un procès`: the rubric that names the story (and holds the keyphrase),
/// without its year, before the news trimmed to the core that fits.
fn rubric_and_core(ctx: &Context, source: &str, focus: &str, typo: Typography) -> Option<String> {
    let (rubric, side) = split_colon(source)?;
    let rubric = without_year(&rubric);
    if count_in(rubric, focus) == 0 || bare_quotation(&side) || side.starts_with('«') {
        return None;
    }
    let p = ctx.parse_text(&side);
    (3..=super::headline::MAX_WORDS).rev().find_map(|n| {
        let core = super::headline::core_within(&side, &p, n)
            .filter(|c| !verb_left_open(ctx, &side, &c.text))?;
        let t = format!("{rubric} : {}", lowered(ctx, &core.text));
        fits_seo(&t, typo).then_some(t)
    })
}

/// `Incendie à Pau : 5 morts, la piste du « drame familial » privilégiée`
/// → `Incendie à Pau : 5 morts`: the rubric before the side's core or its
/// first part (up to a comma outside quotation marks), when the whole is
/// too long; a rubric alone names the story but not the news.
fn rubric_and_part(ctx: &Context, source: &str, typo: Typography) -> Option<String> {
    let (rubric, side) = split_colon(source)?;
    let rubric = without_year(&rubric);
    let p = ctx.parse_text(&side);
    let cores = (3..=super::headline::MAX_WORDS)
        .rev()
        .filter(|_| !side.starts_with('«'))
        .filter_map(|n| super::headline::core_within(&side, &p, n).map(|c| c.text))
        .filter(|c| !verb_left_open(ctx, &side, c));
    cores
        .chain(first_part(ctx, &side))
        .map(|part| {
            format!(
                "{rubric} : {}",
                keep_quote_case(&part, &|s| lowered(ctx, s))
            )
        })
        .find(|t| fits_seo(t, typo))
}

/// The start of `side` up to its first comma outside quotation marks,
/// when it names something: two words or more opening on a determiner, a
/// number, a noun or a quotation (`5 morts`, `« une faille grave »`,
/// `échec des négociations`), not a phrase of time, place or manner (`un
/// an après`, `en France`, `grimé en femme`).
fn first_part(ctx: &Context, side: &str) -> Option<String> {
    use crate::parse::Tag;
    let (part, _) = split_comma(side)?;
    let part = part.as_str();
    let p = ctx.parse_text(part);
    let names = p.tags.first().is_some_and(|t| {
        matches!(
            t,
            Tag::Det | Tag::Num | Tag::Noun | Tag::Propn | Tag::OpenQuote
        )
    });
    // `un an après`, `5 ans après l’attentat`: a time, not the news.
    let units = &crate::fr::lexicon::lexicons().time_units;
    let dated = words_lower(part)
        .iter()
        .any(|w| units.contains(&crate::fr::lexicon::fold(w)));
    (names && !dated && crate::fr::count_words(part) >= 2).then(|| part.to_string())
}

/// True when `core`, trimmed from `side`, ends on a verb that the side
/// goes on after with its object or complement (`Edouard Philippe
/// reconnaît` of `Edouard Philippe reconnaît des « tensions »…`; not
/// `reprennent` of `reprennent lundi`).
fn verb_left_open(ctx: &Context, side: &str, core: &str) -> bool {
    use crate::parse::Tag;
    let p = ctx.parse_text(core);
    let Some(last) = (0..p.tags.len()).rev().find(|&k| p.tags[k] != Tag::Punct) else {
        return false;
    };
    if !matches!(p.tags[last], Tag::Verb | Tag::Aux | Tag::Infinitive) {
        return false;
    }
    let verb = p.tokens[last].span.of(core);
    let q = ctx.parse_text(side);
    let at = (0..q.tokens.len())
        .rev()
        .find(|&k| q.tokens[k].span.of(side) == verb);
    at.and_then(|k| q.tags.get(k + 1))
        .is_some_and(|t| !matches!(t, Tag::Adv | Tag::Punct | Tag::Coord | Tag::CloseQuote))
}

/// A rubric without the year that ends it (`Crash de la Yemenia en 2009`
/// → `Crash de la Yemenia`): the SEO title keeps the story's name.
fn without_year(rubric: &str) -> &str {
    match rubric.rsplit_once(' ') {
        Some((head, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => head
            .rsplit_once(' ')
            .filter(|(_, prep)| {
                crate::fr::lexicon::lexicons()
                    .function_words
                    .is(prep, crate::fr::lexicon::Class::Preposition)
            })
            .map_or(rubric, |(h, _)| h),
        _ => rubric,
    }
}

fn side_cores(ctx: &Context, sides: &[String], typo: Typography) -> Vec<String> {
    sides
        .iter()
        .filter_map(|side| {
            let p = ctx.parse_text(side);
            super::headline::core_within(side, &p, 12)
                .filter(|c| !verb_left_open(ctx, side, &c.text))
                .map(|h| upper_first(&h.text))
                .filter(|h| fits_seo(h, typo) && crate::fr::count_words(h) >= 3)
        })
        .collect()
}

/// The longest of `cores` that holds a verb (of two as long, the first in
/// alphabetical order): without the keyphrase, a core that states the news.
fn longest_verbal(ctx: &Context, cores: &[String]) -> Option<String> {
    cores
        .iter()
        .filter(|h| {
            ctx.parse_text(h).tags.iter().any(|t| {
                matches!(
                    t,
                    crate::parse::Tag::Verb
                        | crate::parse::Tag::Aux
                        | crate::parse::Tag::Participle
                )
            })
        })
        .max_by_key(|h| (h.chars().count(), std::cmp::Reverse(h.as_str())))
        .cloned()
}

/// The longest start of `title`, three words or more, that fits the SEO
/// title and ends a phrase ([`ends_a_phrase`]).
fn cut_complete(ctx: &Context, title: &str, typo: Typography) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let p = ctx.parse_text(title);
    (3..words.len()).rev().find_map(|n| {
        let cand = words[..n]
            .join(" ")
            .trim_end_matches([',', ':', ';', '«', ' '])
            .to_string();
        let open = cand.matches('«').count() > cand.matches('»').count();
        (fits_seo(&cand, typo) && !open && ends_a_phrase(title, &p, &cand)).then_some(cand)
    })
}

/// True when `side` is the source title's rubric, its first side before the
/// colon, wherever an edit put it (`Attentat de Charlie Hebdo`).
fn is_source_rubric(source: &str, side: &str) -> bool {
    split_colon(source)
        .is_some_and(|(a, _)| crate::fr::lexicon::fold(&a) == crate::fr::lexicon::fold(side))
}

/// True when `s` is one quotation and nothing else (`« Justice pour tous »`).
fn bare_quotation(s: &str) -> bool {
    let s = s.trim().trim_end_matches(['.', '!', '?', ' ']);
    s.starts_with('«') && s.ends_with('»') && s.matches('«').count() == 1
}

/// True when the title's rubric is a name alone, of two to four
/// capitalised words (`Nicolas Hulot : « … »`).
fn speaker_rubric(title: &str) -> bool {
    split_colon(title).is_some_and(|(a, _)| {
        let ws = words(&a);
        (2..=4).contains(&ws.len()) && ws.iter().all(|w| w.starts_with(char::is_uppercase))
    })
}

/// `Keyphrase : side`, the keyphrase where search engines weigh it, for a
/// side of the title that lacks it.
fn prefixed(
    ctx: &Context,
    sides: &[String],
    [title, source]: [&str; 2],
    focus: &str,
    typo: Typography,
    rubric_too: bool,
) -> Option<String> {
    // A name or a phrase of several words before a side that lacks it: the
    // keyphrase where search engines weigh it, never a lone common word.
    // A name, not a capitalised common word (`État`, `Santé`) nor a first
    // name alone, and never before a side that already says it in another
    // form (`Chine : les étudiants chinois…`).
    let lower_focus = focus.to_lowercase();
    let common = super::entry_of(&lower_focus).is_some();
    let first_name = ctx.facts.entities.iter().any(|e| {
        e.text
            .split_once(' ')
            .is_some_and(|(first, _)| first == focus)
    });
    let named = focus.starts_with(char::is_uppercase) && !common && !first_name;
    let last = focus.rsplit(' ').next().unwrap_or(focus);
    let stem: String = crate::fr::lexicon::fold(last).chars().take(4).collect();
    let echoes = |side: &str| {
        crate::fr::words(side)
            .iter()
            .any(|w| crate::fr::lexicon::fold(w).contains(&stem))
    };
    // Never before a bare quotation whose speaker the keyphrase may not be
    // (`France : « Justice pour tous »`). Before the source's rubric only
    // when asked (`rubric_too`, the last resort) or when the keyphrase is
    // no person: a place before the topic it frames reads as a newsroom
    // rubric (`Montaurel : urgences de nuit`), a person before it does not
    // (`Fillon : primaire de la droite`). A person: a full name, a surname
    // the text gives with its first name (`Macron` of `Emmanuel Macron`),
    // or a name the analysis found a person or an organisation.
    use crate::analyze::entities::EntityKind;
    let surname = format!(" {focus}");
    let person = focus.contains(' ')
        || ctx.facts.entities.iter().any(|e| {
            e.text.ends_with(&surname)
                || (e.text.contains(focus)
                    && matches!(e.kind, EntityKind::Person | EntityKind::Organization))
        });
    let rubric_allowed = rubric_too || crate::fr::place_preposition(focus).is_some() || !person;
    let tells: Vec<&String> = sides
        .iter()
        .filter(|side| (rubric_allowed || !is_source_rubric(source, side)) && !bare_quotation(side))
        .collect();
    let mut pieces: Vec<String> = tells.iter().map(|s| s.to_string()).collect();
    // A cut of a side that names the keyphrase dropped it with its link
    // to the rest (`… pour la « première réponse » d’Emmanuel Macron`):
    // only a side that never named it is cut.
    pieces.extend(
        tells
            .iter()
            .filter(|side| count_in(side, focus) == 0)
            .filter_map(|side| cut_at_phrase(ctx, side, typo)),
    );
    if !title.contains(':') {
        pieces.push(title.to_string());
    }
    pieces.iter().find_map(|side| {
        let t = format!(
            "{} : {}",
            upper_first(focus),
            keep_quote_case(side, &|s| lowered(ctx, s))
        );
        (named
            && count_in(source, focus) > 0
            && !echoes(side)
            && crate::fr::count_words(side) >= 2
            && fits_seo(&t, typo))
        .then_some(t)
    })
}

/// False when `cut` is the start of `full` and stops inside a phrase:
/// before the verb of its clause (`Malgré la pandémie, la Floride`), on a
/// verb missing its object (`… déclenchent`), on a locution's head
/// (`… face`), or inside a noun group (`en soins` of `en soins intensifs`,
/// `des premiers` of `des premiers vols`).
fn ends_a_phrase(full: &str, p: &crate::parse::Parsed, cut: &str) -> bool {
    use crate::parse::Tag;
    let cut_words = crate::parse::unpunctuated_words(cut);
    let full_words: Vec<&str> = p.tokens.iter().map(|t| t.span.of(full)).collect();
    let content: Vec<usize> = (0..full_words.len())
        .filter(|&k| p.tags[k] != Tag::Punct)
        .collect();
    let n = cut_words.len();
    if n == 0 || n >= content.len() {
        return true;
    }
    let same = cut_words
        .iter()
        .zip(&content)
        .all(|(w, &k)| crate::fr::lexicon::fold(w) == crate::fr::lexicon::fold(full_words[k]));
    if !same {
        return true;
    }
    let last = content[n - 1];
    let next = content[n];
    let fw = &crate::fr::lexicon::lexicons().function_words;
    // The rest holds the verb (or the participle) the cut lacks.
    let verbal = |t: &Tag| matches!(t, Tag::Verb | Tag::Aux | Tag::Participle);
    // The cut's last clause (after its last punctuation) holds its own verb
    // (`Le déconfinement s’accélère en Europe`): the rest's verb is another
    // clause's, unless it follows right after.
    let clause_start = (0..=last)
        .rev()
        .find(|&k| p.tags[k] == Tag::Punct)
        .map_or(0, |k| k + 1);
    let tail_has_verb = p.tags[clause_start..=last]
        .iter()
        .any(|t| matches!(t, Tag::Verb | Tag::Aux));
    // Quotation marks are tagged apart: they close no phrase (`a-t-il
    // « censuré » la lettre`).
    let punct_between = (last + 1..next).any(|k| p.tags[k] == Tag::Punct);
    let rest_has_verb = (!tail_has_verb
        && p.tags[next..]
            .iter()
            .any(|t| matches!(t, Tag::Verb | Tag::Aux)))
        || (matches!(p.tags[next], Tag::Verb | Tag::Aux) && !punct_between)
        || (p.tags[next..].iter().any(verbal) && !p.tags[..next].iter().any(verbal));
    // A pronoun is open when a verb or a complement must follow it (`il`,
    // `les`, `celui`), not when it ends a phrase (`par les siens`).
    let lower_last = full_words[last].to_lowercase();
    let open_pronoun = p.tags[last] == Tag::Pron
        && [
            crate::fr::lexicon::Class::SubjectPronoun,
            crate::fr::lexicon::Class::ObjectPronoun,
            crate::fr::lexicon::Class::RelativePronoun,
            crate::fr::lexicon::Class::DemonstrativePronoun,
        ]
        .into_iter()
        .any(|c| fw.is(&lower_last, c));
    let open_word = open_pronoun
        || matches!(
            p.tags[last],
            Tag::Prep | Tag::Det | Tag::Coord | Tag::Sub | Tag::Rel
        );
    // A name cut in two (`à Barack` + `Obama`).
    let name_cut = p.tags[last] == Tag::Propn && p.tags[next] == Tag::Propn && !punct_between;
    !(rest_has_verb
        || open_word
        || name_cut
        || (matches!(p.tags[last], Tag::Verb | Tag::Infinitive | Tag::Aux) && !punct_between)
        || (p.tags[last] == Tag::Participle && p.tags[next] == Tag::Det && !punct_between)
        || (!punct_between && adverb_left_open(p, &full_words, last, next))
        || (p.tags[last] == Tag::CloseQuote
            && last > 0
            && matches!(
                p.tags[last - 1],
                Tag::Participle | Tag::Verb | Tag::Infinitive
            )
            && p.tags[next] == Tag::Det)
        || fw.is(
            &full_words[last].to_lowercase(),
            crate::fr::lexicon::Class::LocutionHead,
        )
        || (!punct_between
            && matches!(p.tags[next], Tag::Adj | Tag::Noun | Tag::Num)
            && !fw.is(
                &full_words[next].to_lowercase(),
                crate::fr::lexicon::Class::LocutionHead,
            )))
}

/// True when the cut ends on an adverb that needs what follows: half a
/// locution (`à la` of `à la veille`), a quantity before its noun (`plus`
/// of `plus de tests`), a negation before its verb (`ne va pas` of `ne va
/// pas baisser`).
fn adverb_left_open(p: &crate::parse::Parsed, words: &[&str], last: usize, next: usize) -> bool {
    use crate::parse::Tag;
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let next_word = words[next].to_lowercase();
    let quantity = fw.is(&next_word, crate::fr::lexicon::Class::De)
        || matches!(next_word.as_str(), "que" | "qu’");
    match p.tags[last] {
        // `ne déposeront plus` of `plus aucun recours`.
        Tag::Adv => matches!(p.tags[next], Tag::Adv | Tag::Det) || quantity,
        // `ne regrette pas` of `ne regrette pas son engagement`.
        Tag::Neg => true,
        _ => false,
    }
}

/// The longest start of `title` that fits the SEO title and ends a phrase:
/// after a noun group, a verb's complement or a quotation, never on a
/// function word, a verb missing its object or half a name.
fn cut_at_phrase(ctx: &Context, title: &str, typo: Typography) -> Option<String> {
    let p = ctx.parse_text(title);
    let has_verb = p
        .tags
        .iter()
        .any(|t| matches!(t, crate::parse::Tag::Verb | crate::parse::Tag::Aux));
    let mut best = None;
    for g in &p.groups {
        if g.kind != crate::parse::GroupKind::Noun {
            continue;
        }
        let cut = p
            .text_of(title, 0, g.end)
            .trim_end_matches([',', ':', ' '])
            .to_string();
        let next = p.tags.get(g.end).copied();
        let fw = &crate::fr::lexicon::lexicons().function_words;
        let w = p.tokens.get(g.end).map(|t| t.span.of(title).to_lowercase());
        // A new phrase starts after it: punctuation, a coordination, a
        // preposition other than `de` and `à`, a locution (`face à`), or a
        // phrase of time (`quelques semaines après l’explosion`).
        let clean = match next {
            None => true,
            Some(crate::parse::Tag::Punct | crate::parse::Tag::Coord) => true,
            Some(crate::parse::Tag::Prep) => {
                let w = w.as_deref().unwrap_or("");
                !(fw.is(w, crate::fr::lexicon::Class::De) || fw.is(w, crate::fr::lexicon::Class::A))
            }
            _ => {
                w.as_deref()
                    .is_some_and(|w| fw.is(w, crate::fr::lexicon::Class::LocutionHead))
                    || super::headline::time_from(title, &p, g.end)
            }
        };
        let balanced = cut.matches('«').count() == cut.matches('»').count();
        // The event stays: a title with a verb keeps it (`Lormeville :
        // malgré une hausse…` without `le budget adopté` says nothing).
        let keeps_verb = !has_verb
            || p.tags[..g.end].iter().any(|t| {
                matches!(
                    t,
                    crate::parse::Tag::Verb
                        | crate::parse::Tag::Aux
                        | crate::parse::Tag::Participle
                )
            });
        // Not the phrase of place or time that opens the title alone
        // (`Dans le Nord`, before `, un adolescent…`).
        let opening_phrase = p.tags.first() == Some(&crate::parse::Tag::Prep)
            && next == Some(crate::parse::Tag::Punct)
            && !cut.contains(',');
        if clean
            && balanced
            && !opening_phrase
            && keeps_verb
            && fits_seo(&cut, typo)
            && crate::fr::count_words(&cut) >= 3
        {
            best = Some(cut);
        }
    }
    best
}

fn normalize_word(w: &str) -> String {
    w.to_lowercase().replace('’', "'")
}

/// A text's words, lowercased; an elided word also gives the word it
/// leans on (`l’hérault` → `hérault`: `Dans l’Hérault` keeps the name).
fn words_lower(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    crate::fr::each_lower_word(s, |w| {
        out.push(w.to_string());
        if let Some((_, rest)) = w.split_once('\'').filter(|(_, r)| !r.is_empty()) {
            out.push(rest.to_string());
        }
    });
    out
}

/// Content words (4 letters or more) of `source` that `candidate` lacks.
fn missing_words(source: &str, candidate: &str) -> usize {
    let have: rustc_hash::FxHashSet<String> = words_lower(candidate).into_iter().collect();
    words_lower(source)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !have.contains(w))
        .count()
}

/// A quotation's side of a title keeps its own capital; any other side is lowered.
fn keep_quote_case(s: &str, lower: &impl Fn(&str) -> String) -> String {
    if s.starts_with('«') || s.starts_with('"') {
        s.to_string()
    } else {
        lower(s)
    }
}

fn starts_with_focus(s: &str, focus: &str) -> bool {
    !focus.is_empty() && find_word(s, focus) == Some(0)
}

/// The role of the person the keyphrase names, as the article wrote it.
fn role_of(ctx: &Context, focus: &str) -> Option<String> {
    let e = ctx.facts.entities.iter().find(|e| {
        e.role.is_some() && (e.text == focus || e.text.ends_with(&format!(" {focus}")))
    })?;
    let role = e.role.as_deref()?;
    // "Le secrétaire d’Etat américain" → "secrétaire d’Etat américain".
    // `le secrétaire d’Etat américain` → `secrétaire d’Etat américain`; a
    // role the text gives after `au`, `du` (`au président`) is not one.
    let (det, rest) = role.split_once(' ')?;
    let fw = &crate::fr::lexicon::lexicons().function_words;
    if !fw.is(
        &det.to_lowercase(),
        crate::fr::lexicon::Class::DefiniteArticle,
    ) {
        return None;
    }
    let role = rest;
    // `Premier ministre` keeps its capital, as French writes the title.
    let keeps_capital = |w: &str| {
        ctx.is_proper(w) || (matches!(w, "Premier" | "Première") && role.contains(" ministre"))
    };
    (role.split_whitespace().count() <= 6).then(|| lower_first(role, keeps_capital))
}

fn fits_seo(s: &str, typo: Typography) -> bool {
    typo.prints_within(s, 0, seo::SEO_TITLE_MAX_CHARS) && seo::seo_title_fits(&typo.apply(s))
}

/// The SEO title: the H1 when it fits 60 characters and 580 pixels, else its
/// part that opens with the keyphrase, else the H1 cut at a word.
pub fn seo_title(title: &str, focus: &str, typo: Typography) -> String {
    if fits_seo(title, typo) {
        return title.to_string();
    }
    if let Some((a, b)) = split_colon(title) {
        for side in [&a, &b] {
            let n = printed_len(side, typo);
            if starts_with_focus(side, focus) && n >= 25 && fits_seo(side, typo) {
                return upper_first(side);
            }
        }
        if starts_with_focus(&a, focus) && printed_len(&a, typo) < 25 {
            // Keyphrase side too short alone: keep as much of the other side as fits.
            let cut = cut_at_word(title, seo::SEO_TITLE_MAX_CHARS, typo);
            if cut.len() > a.len() + 3 {
                return cut;
            }
        }
    }
    cut_at_word(title, seo::SEO_TITLE_MAX_CHARS, typo)
}

/// The longest prefix of whole words within `max` printed characters that
/// does not end on a function word or an open guillemet.
fn cut_at_word(s: &str, max: usize, typo: Typography) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let lex = crate::fr::lexicon::lexicons();
    for n in (1..=words.len()).rev() {
        let cand = words[..n].join(" ");
        let cand = cand
            .trim_end_matches([',', ':', ';', '«'])
            .trim_end()
            .to_string();
        let last = cand.split_whitespace().next_back().unwrap_or("");
        let open = cand.matches('«').count() > cand.matches('»').count();
        if typo.prints_within(&cand, 0, max)
            && seo::pixel_width(&typo.apply(&cand)) <= seo::SEO_TITLE_MAX_PIXELS
            && !lex.is_stop(&last.to_lowercase())
            // Never a number without what follows it ("3,5" without "%").
            && !last.ends_with(|c: char| c.is_ascii_digit())
            && !open
        {
            return cand;
        }
    }
    // No word boundary fits: cut by characters until the typeset text fits.
    let mut n = max.min(s.chars().count());
    loop {
        let cand: String = s.chars().take(n).collect();
        if n == 0 || typo.prints_within(&cand, 0, max) {
            return cand.trim_end().to_string();
        }
        n -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colon_split_ignores_colons_inside_quotes() {
        assert_eq!(
            split_colon("« Une vraie conversation »: Blinken en Chine"),
            Some((
                "« Une vraie conversation »".into(),
                "Blinken en Chine".into()
            ))
        );
        assert_eq!(split_colon("« Ceci : cela »"), None);
    }

    /// Every example of `lexicons/fr/title_edits.txt` gives its candidate.
    /// The titles of an article of `text` under `title`.
    fn titles_of(title: &str, text: &str) -> Titles {
        let article = crate::input::Article {
            text: text.into(),
            title: Some(title.into()),
            ..Default::default()
        };
        let doc = crate::document::Document::new(&article, 1 << 20).unwrap();
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        titles(&ctx, "", Typography::Source)
    }

    #[test]
    fn every_title_edit_gives_its_example() {
        let file = crate::fr::lexicon::files::TITLE_EDITS;
        let mut rules = rustc_hash::FxHashSet::default();
        for (line, entry) in crate::fr::lexicon::read::numbered(file) {
            let cols = crate::fr::lexicon::read::columns(file, line, entry, 4, 4).unwrap();
            let (rule, title, text, want) = (cols[0], cols[1], cols[2], cols[3]);
            rules.insert(rule);
            let got = titles_of(title, text);
            assert!(
                got.candidates.iter().any(|c| c.text == want),
                "line {line} ({rule}): {want:?} not in {:?}",
                got.candidates.iter().map(|c| &c.text).collect::<Vec<_>>()
            );
        }
        for rule in [
            "full_name",
            "speaker_first",
            "quote_last",
            "place_first",
            "question_comma",
            "with_role",
            "adjunct_first",
            "adjunct_last",
            "apposition_first",
            "place_from_lead",
            "age_from_lead",
            "quote_after",
            "quote_speaker",
            "said_last",
            "sides_swapped",
            "says_that",
            "apposition_opens",
            "day_from_lead",
            "affair_last",
            "obituary",
        ] {
            assert!(rules.contains(rule), "no example for {rule}");
        }
    }

    #[test]
    fn no_seo_title_leaves_a_verb_without_its_object() {
        let t = titles_of(
            "Coronavirus : Hugo Lormont reconnaît des « tensions très fortes » sur certains \
             médicaments",
            "Le ministre Hugo Lormont a reconnu mardi des « tensions très fortes » sur certains \
             médicaments dans les hôpitaux de Lormeville.",
        );
        assert!(!t.seo_title.ends_with("reconnaît"), "{}", t.seo_title);
        assert!(t.seo_title.chars().count() <= 60, "{}", t.seo_title);
    }

    #[test]
    fn a_core_that_leaves_its_verb_without_object_is_seen() {
        let article = crate::input::Article {
            text: "Le maire de Lormeville a parlé lundi.".into(),
            title: Some("Lormeville".into()),
            ..Default::default()
        };
        let doc = crate::document::Document::new(&article, 1 << 20).unwrap();
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        assert!(verb_left_open(
            &ctx,
            "le maire reconnaît des tensions sur les médicaments",
            "Le maire reconnaît"
        ));
        assert!(!verb_left_open(
            &ctx,
            "les sports collectifs reprennent lundi",
            "Les sports collectifs reprennent"
        ));
    }

    #[test]
    fn a_rubric_too_long_with_its_news_keeps_the_news_first_part() {
        let t = titles_of(
            "Incendie à Lormeville : cinq morts, la piste du « drame familial » privilégiée \
             par les enquêteurs de la gendarmerie",
            "Un incendie a fait cinq morts dans un immeuble de Lormeville dans la nuit de \
             samedi à dimanche. Les enquêteurs privilégient la piste d’un drame familial.",
        );
        assert_eq!(t.seo_title, "Incendie à Lormeville : cinq morts");
    }

    #[test]
    fn no_edit_splits_a_compound_preposition_or_a_coordination() {
        for (title, text) in [
            (
                "Les sociétés d’autoroutes baissent leurs prix à partir de dix trajets",
                "Les sociétés d’autoroutes ont annoncé une baisse des prix.",
            ),
            (
                "Le gouvernement prend des mesures à Paris et en Île-de-France",
                "Le gouvernement a annoncé mardi des mesures pour la région.",
            ),
        ] {
            for c in titles_of(title, text).candidates {
                let last = c.text.rsplit(' ').next().unwrap_or("");
                assert!(
                    !matches!(last, "à" | "et" | "d’" | "au" | "en"),
                    "{:?} from {title:?}",
                    c.text
                );
                assert!(!c.text.starts_with("Partir"), "{:?}", c.text);
            }
        }
    }

    #[test]
    fn only_an_apposition_leaves_a_title_between_its_commas() {
        assert_eq!(
            without_apposition("Élisabeth Borne, ministre des Transports, annonce un plan vélo")
                .as_deref(),
            Some("Élisabeth Borne annonce un plan vélo")
        );
        assert_eq!(
            without_apposition("En Espagne, se retrouver enfin au parc, en terrasse ou à la plage"),
            None
        );
    }

    #[test]
    fn an_seo_title_keeps_the_rubric_that_names_the_story() {
        let doc = crate::frame::test_document(
            "Le parquet de Paris demande un procès pour la compagnie Yemenia. L’avion s’était abîmé en mer.",
        );
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        let source =
            "Crash de la Yemenia en 2009 : le parquet de Paris demande un procès pour la compagnie";
        assert_eq!(
            rubric_and_core(&ctx, source, "Yemenia", Typography::Source).as_deref(),
            Some("Crash de la Yemenia : le parquet de Paris demande un procès")
        );
        // A rubric without the keyphrase gives none.
        assert_eq!(
            rubric_and_core(&ctx, source, "parquet", Typography::Source),
            None
        );
    }

    #[test]
    fn title_words_take_the_text_s_spelling() {
        let doc = crate::frame::test_document(
            "Aux États-Unis, les Médecins sans frontières s’inquiètent.",
        );
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        assert_eq!(
            spelled_as_text(&ctx, "Les Medecins sans frontières aux Etats-Unis"),
            "Les Médecins sans frontières aux États-Unis"
        );
        // A word the text never writes stays as the title has it.
        assert_eq!(spelled_as_text(&ctx, "Un Embargo"), "Un Embargo");
    }

    #[test]
    fn a_site_label_leaves_the_title() {
        assert_eq!(
            without_label("VIDÉO. Démission de Collomb : que s’est-il passé ?"),
            "Démission de Collomb : que s’est-il passé ?"
        );
        assert_eq!(
            without_label("EN DIRECT. Notre-Dame sera rebâtie"),
            "Notre-Dame sera rebâtie"
        );
        // Not a label: a word of the story, or a label not in capitals.
        assert_eq!(without_label("COVID. Les écoles"), "COVID. Les écoles");
        assert_eq!(without_label("Vidéo. Un chat"), "Vidéo. Un chat");
    }

    #[test]
    fn seo_title_fits() {
        let t = "Blinken a des discussions « constructives » en Chine : « Une vraie conversation »";
        let s = seo_title(t, "Blinken", Typography::Source);
        assert!(printed_len(&s, Typography::Source) <= 60, "{s}");
        assert!(s.starts_with("Blinken"));
        assert_eq!(s.matches('«').count(), s.matches('»').count());
    }

    #[test]
    fn a_quotation_moves_last_only_when_it_stands_alone() {
        assert_eq!(
            quote_after("« C’est bien ! » Reprise à l’école").as_deref(),
            Some("Reprise à l’école : « C’est bien ! »")
        );
        assert_eq!(
            quote_after("« Des marges » sur l’âge d’équilibre, assure Edouard Philippe"),
            None
        );
    }

    fn ends(full: &str, cut: &str) -> bool {
        ends_a_phrase(full, &crate::parse::Parsed::of_text(full), cut)
    }

    #[test]
    fn a_cut_ends_after_a_whole_clause_never_inside_one() {
        let t =
            "Le déconfinement s’accélère en Europe, l’UE lève plus de 7 milliards pour un vaccin";
        assert!(ends(t, "Le déconfinement s’accélère en Europe"));
        assert!(!ends(
            t,
            "Le déconfinement s’accélère en Europe, l’UE lève plus"
        ));
        assert!(!ends(t, "Le déconfinement s’accélère en Europe, l’UE lève"));
        assert!(!ends(t, "Le déconfinement s’accélère en Europe, l’UE"));
        let t = "Le salaire des ministres ne va pas baisser, affirme Édouard Philippe";
        assert!(ends(t, "Le salaire des ministres ne va pas baisser"));
        assert!(!ends(t, "Le salaire des ministres ne va pas"));
        let t = "New York menacée par des attentats à la veille de l’élection";
        assert!(!ends(t, "New York menacée par des attentats à la"));
        assert!(ends(t, "New York menacée par des attentats"));
        let t = "Les parents de Vincent Lambert ne déposeront plus aucun recours";
        assert!(!ends(
            t,
            "Les parents de Vincent Lambert ne déposeront plus"
        ));
        let t = "Laurent Fabius préfère de loin Hillary Clinton à Barack Obama";
        assert!(!ends(
            t,
            "Laurent Fabius préfère de loin Hillary Clinton à Barack"
        ));
    }

    #[test]
    fn a_person_after_a_is_no_place_to_open_the_title() {
        let got = titles_of(
            "Laurent Fabius préfère de loin Hillary Clinton à Barack Obama",
            "Laurent Fabius a confié sa préférence. Il écrit à Barack Obama.",
        );
        assert!(
            got.candidates
                .iter()
                .all(|c| !c.text.starts_with("À Barack")),
            "{:?}",
            got.candidates
        );
    }
}
