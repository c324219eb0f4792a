//! The customized title (H1), its ranked candidates, the SEO title and the slug.
//!
//! The title is rebuilt from the source title's own parts, so that it keeps
//! its facts and its quotation: the two sides of a colon swapped, the focus
//! keyphrase brought to the front (`Venise : un paquebot sème la panique`
//! from `Un paquebot sème la panique à Venise`), a person's role from the
//! article set beside their name. Candidates that open with the keyphrase
//! and fit 50–70 characters rank first; the source title itself never wins.

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
fn split_colon(t: &str) -> Option<(String, String)> {
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

/// Removes "à X", "en X", "au X", "aux X" (a place phrase) or a bare "X" from a title.
fn without_place(t: &str, place: &str) -> Option<String> {
    for prep in [
        "à la", "à l’", "de la", "de l’", "dans la", "dans le", "dans les", "sur la", "sur le",
        "pour la", "pour le", "à", "en", "au", "aux", "dans", "pour", "de", "du", "des", "d’",
        "sur",
    ] {
        let pat = if prep.ends_with('’') {
            format!("{prep}{place}")
        } else {
            format!("{prep} {place}")
        };
        if let Some(pos) = find_word(t, &pat) {
            if !phrase_can_go(&t[..pos], prep, place, &t[pos + pat.len()..]) {
                continue;
            }
            let mut out = String::new();
            out.push_str(t[..pos].trim_end());
            let mut rest = t[pos + pat.len()..].trim_start();
            // `Madrid : en Espagne, se retrouver` → `Madrid : se retrouver`.
            if out.trim_end().is_empty() || out.trim_end().ends_with(':') {
                rest = rest.trim_start_matches(',').trim_start();
            }
            if !rest.is_empty() && !rest.starts_with([',', ':', '.']) {
                out.push(' ');
            }
            out.push_str(rest);
            let out = out.trim().trim_matches([',', ':']).trim().to_string();
            return (!out.is_empty()).then_some(out);
        }
    }
    None
}

/// True when a place phrase followed by `rest` can be dropped and leave a
/// sentence: it ends the title or a clause, or a function word follows.
/// Not inside a compound (`Jérusalem-Est`), before an adjective it carries
/// (`des familles modestes`) or in a coordination (`à l’école et au
/// collège`).
fn phrase_can_go(before: &str, prep: &str, place: &str, rest: &str) -> bool {
    let lex = crate::fr::lexicon::lexicons();
    let prev = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    // `face au Covid`, `grâce à Paris`: the word before needs its complement.
    if matches!(
        prev.as_str(),
        "face" | "grâce" | "près" | "lors" | "autour" | "auprès" | "loin" | "afin" | "quant"
    ) {
        return false;
    }
    // `l’ire d’Alger`: a noun's complement carries the noun's meaning.
    // A name's (`la colère de Pékin`) may go when the title opens with it.
    let genitive = matches!(prep, "de" | "du" | "des" | "d’" | "de la" | "de l’");
    let prev_word = prev.rsplit('’').next().unwrap_or("");
    if genitive
        && !place.chars().next().is_some_and(char::is_uppercase)
        && lex
            .pos
            .get(prev_word)
            .is_some_and(|e| e.pos() == crate::fr::lexicon::Pos::Noun)
    {
        return false;
    }
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if matches!(first, ',' | ':' | '.' | ';' | '?' | '!' | ')') {
        return true;
    }
    if !first.is_whitespace() {
        return false;
    }
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches([',', ':', '.', ';', '?', '!'])
        .to_lowercase();
    let next = next.split('’').next().unwrap_or("");
    if matches!(next, "et" | "ou" | "ni" | "de" | "des" | "du" | "d") {
        return false;
    }
    // `des familles modestes`: the adjective would be left without its noun.
    !lex.pos
        .get(next)
        .is_some_and(|e| e.pos() == crate::fr::lexicon::Pos::Adj)
}

/// A leading label in capitals (`VIDÉO. `, `EN DIRECT - `) removed: it
/// names the page's format, not the story.
fn without_label(title: &str) -> &str {
    let lex = crate::fr::lexicon::lexicons();
    for sep in [". ", " - ", " – ", " | ", " : ", ": "] {
        if let Some((label, rest)) = title.split_once(sep)
            && !rest.trim().is_empty()
            && label.chars().any(char::is_alphabetic)
            && !label.chars().any(char::is_lowercase)
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
fn spelled_as_text(ctx: &Context, title: &str) -> String {
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

/// True when `s` has a capitalised word (after its first) that the
/// article's text never uses.
fn names_unknown_to(ctx: &Context, s: &str) -> bool {
    words(s).into_iter().skip(1).any(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && !ctx.words.contains(&normalize_word(w))
    })
}

/// Byte offset of `needle` in `hay` as whole words, ignoring case.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.to_lowercase();
    let n = needle.to_lowercase();
    if h.len() != hay.len() {
        return None;
    }
    h.match_indices(&n).map(|(i, _)| i).find(|&i| {
        let before = h[..i].chars().next_back();
        let after = h[i + n.len()..].chars().next();
        let joined = |c: char| c.is_alphanumeric() || c == '-';
        !before.is_some_and(joined) && !after.is_some_and(joined)
    })
}

/// Builds the title, its candidates, the SEO title and the slug.
pub fn titles(ctx: &Context, focus: &str, typo: Typography) -> Titles {
    let given = ctx.doc.title.clone().unwrap_or_default();
    let source = spelled_as_text(ctx, without_label(&given));
    let mut cands: Vec<String> = Vec::new();
    let lower = |s: &str| {
        let out = lower_first(s, |w| ctx.is_proper(w));
        // `Enorme incendie` lowered is `énorme incendie`.
        match out.chars().next() {
            Some(c) if c.is_lowercase() => super::with_accent_restored(&out).unwrap_or(out),
            _ => out,
        }
    };
    let focus_up = upper_first(focus);
    if !source.is_empty() {
        // Swap the two sides of a colon.
        if let Some((a, b)) = split_colon(&source) {
            cands.push(format!(
                "{} : {}",
                upper_first(&b),
                keep_quote_case(&a, &lower)
            ));
            // A side alone, for when the other names what the text never
            // does (`… : sondage BVA-Orange`): the candidate's score weighs
            // the words it drops against the unknown name.
            for (side, other) in [(&a, &b), (&b, &a)] {
                if side.split_whitespace().count() >= 4
                    && !side.ends_with('?')
                    && names_unknown_to(ctx, other)
                {
                    cands.push(upper_first(side));
                }
            }
            if let Some(prep) = crate::fr::place_preposition(&a) {
                // A country as the rubric: `Libye : la poussée…` → `En
                // Libye, la poussée…`.
                cands.push(format!("{} {a}, {}", upper_first(prep), lower(&b)));
            } else if b.ends_with(['?', '!']) {
                // A question cannot stand before a colon: `Réforme des
                // retraites, qui fera grève le 5 décembre ?`.
                cands.push(format!("{}, {}", upper_first(&a), lower(&b)));
            }
            // Keyphrase first, then the side without it.
            if count_in(&a, focus) > 0 && count_in(&b, focus) == 0 {
                cands.push(format!("{} : {}", upper_first(&a), lower(&b)));
                // The source already reads that way: keep its keyphrase side
                // and give the other side a quotation of the article, or
                // join the two sides with a comma.
                if let Some(q) = short_quote(ctx) {
                    cands.push(format!("{} : « {} »", upper_first(&a), q));
                }
                cands.push(format!("{}, {}", upper_first(&a), lower(&b)));
            }
        }
        if count_in(&source, focus) == 0 && !focus.is_empty() {
            // "Keyphrase : title" when the title does not name it; with a
            // colon title, the keyphrase takes the place of one side.
            cands.push(format!("{focus_up} : {}", lower(&source)));
            if let Some((a, b)) = split_colon(&source) {
                cands.push(format!("{focus_up} : {}", keep_quote_case(&b, &lower)));
                cands.push(format!("{focus_up} : {}", keep_quote_case(&a, &lower)));
            }
        } else if !starts_with_focus(&source, focus) {
            // Bring the keyphrase to the front: "Un paquebot sème la panique à Venise"
            // → "Venise : un paquebot sème la panique".
            if let Some(rest) = without_place(&source, focus) {
                cands.push(format!("{focus_up} : {}", lower(&rest)));
            }
            cands.push(format!("{focus_up} : {}", lower(&source)));
        } else {
            // The title already opens with the keyphrase: set the person's
            // role from the article beside the name.
            if let Some(role) = role_of(ctx, focus) {
                let rest = source[focus.len()..].trim_start();
                let sep = if rest.starts_with([',', ':']) {
                    ""
                } else {
                    ","
                };
                cands.push(format!("{focus_up}, {role}{sep} {rest}"));
            }
            if let Some(q) = short_quote(ctx) {
                cands.push(format!(
                    "{} : « {} »",
                    source.trim_end_matches(['.', ' ']),
                    q
                ));
            }
            // "Name, what happened" → "Name : what happened", the newsroom form.
            if let Some(rest) = source
                .get(focus.len()..)
                .and_then(|r| r.trim_start().strip_prefix(','))
            {
                cands.push(format!("{focus_up} : {}", rest.trim_start()));
            }
            // "…, un tournant" → "… : un tournant": a short last clause set off by a colon.
            if let Some(pos) = source.rfind(", ") {
                let tail = &source[pos + 2..];
                // Only a noun phrase ("un tournant"), not "selon son ex-épouse".
                let det = tail.split_whitespace().next().unwrap_or("").to_lowercase();
                let noun_phrase =
                    matches!(det.as_str(), "un" | "une" | "le" | "la" | "les" | "des")
                        || det.starts_with("l’");
                if (1..=5).contains(&tail.split_whitespace().count())
                    && noun_phrase
                    && !source[..pos].contains(':')
                {
                    cands.push(format!("{} : {}", &source[..pos], tail));
                }
            }
        }
        cands.push(source.clone());
    } else if !focus.is_empty() {
        // No title at all: the keyphrase and the best noun phrase.
        if let Some(k) = ctx
            .facts
            .keyphrases
            .iter()
            .find(|k| count_in(&k.text, focus) == 0)
        {
            cands.push(format!("{focus_up} : {}", k.text));
        }
        cands.push(focus_up.clone());
    }
    let source_norm = norm(&given);
    let source_quote = source.contains('«');
    // Words of the article's text: a title word the text never uses is a
    // name readers cannot find in the article.
    let known = &ctx.words;
    let unknown_words = |c: &str| -> Vec<String> {
        c.split([':', '.', '!', '?'])
            .flat_map(|part| words(part).into_iter().skip(1))
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter(|w| !known.contains(&normalize_word(w)))
            .map(str::to_string)
            .collect()
    };
    let unknown_names = |c: &str| unknown_words(c).len();
    // A name the article's text never uses (`des Caraïbes` in the title
    // only): the same candidate without its place phrase, when that leaves
    // a sentence.
    let mut without_unknown = Vec::new();
    for c in &cands {
        let mut t = c.clone();
        for w in unknown_words(c) {
            if let Some(shorter) = without_place(&t, &w) {
                t = shorter;
            }
        }
        if t != *c && t.split_whitespace().count() >= 4 {
            without_unknown.push(t);
        }
    }
    cands.extend(without_unknown);
    let mut scored: Vec<Candidate> = Vec::new();
    for c in cands {
        let c = crate::fr::fix_contractions(&c.split_whitespace().collect::<Vec<_>>().join(" "));
        // After a colon French goes on in lowercase (names and quotations aside).
        let c = match split_colon(&c) {
            Some((a, b)) if c.matches(':').count() == 1 => {
                format!("{a} : {}", keep_quote_case(&b, &lower))
            }
            _ => c,
        };
        if scored.iter().any(|s| norm(&s.text) == norm(&c)) {
            continue;
        }
        let len = printed_len(&c, typo) as f64;
        let mut score = 10.0;
        if starts_with_focus(&c, focus) {
            score += 10.0;
        }
        if norm(&c) == source_norm {
            score -= 100.0;
        }
        if source_quote && !c.contains('«') {
            score -= 5.0;
        }
        score -= 15.0 * unknown_names(&c) as f64;
        // The title's facts: every content word of the source title should stay.
        score -= 2.0 * missing_words(&source, &c) as f64;
        // One colon at most, and never after a question or exclamation mark.
        if c.matches(':').count() > 1 || c.contains("? :") || c.contains("! :") {
            score -= 30.0;
        }
        if let Some((_, b)) = split_colon(&c) {
            // A country sent to the end (`… : Libye`) reads backwards;
            // `En Libye, …` says it.
            if crate::fr::place_preposition(&b).is_some() {
                score -= 8.0;
            }
        }
        // The keyphrase said twice (`Téhéran : à Téhéran, …`).
        if !focus.is_empty() && count_in(&c, focus) > 1 {
            score -= 6.0;
        }
        if len > 70.0 {
            score -= (len - 70.0) / 5.0;
        } else if len < 40.0 {
            score -= (40.0 - len) / 5.0;
        }
        scored.push(Candidate {
            text: c,
            score: (score * 100.0).round() / 100.0,
        });
    }
    scored.sort_by(|a, b| b.score.total_cmp(&a.score));
    let title = scored
        .first()
        .map(|c| c.text.clone())
        .unwrap_or_else(|| focus_up.clone());
    // The SEO title opens with the keyphrase: from the H1 when it does, else
    // from the best candidate that does (the source title included: the SEO
    // title need not differ from it).
    let seo_source = if starts_with_focus(&title, focus) {
        title.clone()
    } else {
        // "Keyphrase : the side of the title that does not name it".
        let sides: Vec<String> = split_colon(&source)
            .map(|(a, b)| vec![b, a])
            .unwrap_or_default()
            .into_iter()
            .filter(|s| count_in(s, focus) == 0 && s.split_whitespace().count() >= 2)
            .map(|s| format!("{focus_up} : {}", keep_quote_case(&s, &lower)))
            .collect();
        // Last, "Keyphrase : the side that names it" (or the whole title):
        // the keyphrase said twice, but where search engines weigh it.
        let named: Vec<String> = split_colon(&source)
            .map(|(a, b)| vec![b, a])
            .unwrap_or_else(|| vec![source.clone()])
            .into_iter()
            .filter(|s| count_in(s, focus) > 0 && !starts_with_focus(s, focus))
            .map(|s| format!("{focus_up} : {}", keep_quote_case(&s, &lower)))
            .collect();
        scored
            .iter()
            .map(|c| c.text.clone())
            .chain(std::iter::once(source.clone()))
            .chain(sides)
            .chain(named)
            .find(|c| starts_with_focus(c, focus) && c.matches(':').count() <= 1)
            .unwrap_or_else(|| title.clone())
    };
    let seo_title = seo_title(&seo_source, focus, typo);
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

fn normalize_word(w: &str) -> String {
    w.to_lowercase().replace('’', "'")
}

fn words_lower(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    crate::fr::each_lower_word(s, |w| out.push(w.to_string()));
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
    let role = role
        .split_once(' ')
        .filter(|(det, _)| matches!(det.to_lowercase().as_str(), "le" | "la" | "les" | "l’"))
        .map_or(role, |(_, r)| r);
    (role.split_whitespace().count() <= 6).then(|| lower_first(role, |w| ctx.is_proper(w)))
}

/// A short quotation (2–6 words) from the lead sentences.
fn short_quote(ctx: &Context) -> Option<String> {
    ctx.facts
        .quotations
        .iter()
        .take(4)
        .map(|q| q.text.trim().trim_end_matches(['.', ',']).to_string())
        .find(|q| (2..=6).contains(&q.split_whitespace().count()))
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

    #[test]
    fn place_phrase_is_removed() {
        assert_eq!(
            without_place("Un paquebot sème la panique à Venise", "Venise").as_deref(),
            Some("Un paquebot sème la panique")
        );
        assert_eq!(without_place("Pas de lieu ici", "Venise"), None);
        assert_eq!(
            without_place("En Espagne, se retrouver enfin au parc", "Espagne").as_deref(),
            Some("se retrouver enfin au parc")
        );
        assert_eq!(
            without_place("Madrid : en Espagne, se retrouver au parc", "Espagne").as_deref(),
            Some("Madrid : se retrouver au parc")
        );
        assert_eq!(
            without_place("la cible de la colère de Pékin", "Pékin").as_deref(),
            Some("la cible de la colère")
        );
    }

    #[test]
    fn place_phrase_stays_where_dropping_it_breaks_the_title() {
        // A compound, an adjective left without its noun, a coordination,
        // a word that needs its complement, a common noun's complement.
        for (title, place) in [
            ("démolir leur maison à Jérusalem-Est", "Jérusalem"),
            ("refuge estival des familles modestes", "familles"),
            ("Reprise à l’école et au collège", "école"),
            ("le prix fort face au Covid", "Covid"),
            ("une série de mesures contre la vie chère", "mesures"),
        ] {
            assert_eq!(without_place(title, place), None, "{title}");
        }
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
        let s = seo_title(t, "Blinken", Typography::French);
        assert!(printed_len(&s, Typography::French) <= 60, "{s}");
        assert!(s.starts_with("Blinken"));
        assert_eq!(s.matches('«').count(), s.matches('»').count());
    }
}
