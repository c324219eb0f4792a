//! The meta description: 121–156 characters (Yoast counts 120 as too short), containing the focus
//! keyphrase, made only by cutting source sentences — dropping an
//! attribution (`, a déclaré le porte-parole.`), an opening `Selon X,`,
//! parentheses — or by joining two, never by writing new words.

use super::Context;
use crate::fr::Typography;
use crate::fr::lexicon::lexicons;
use crate::frame::keyphrase::count_in;

use crate::fr::seo::{DESCRIPTION_MAX_CHARS as MAX_CHARS, DESCRIPTION_MIN_CHARS as MIN_CHARS};
/// How many sentences are tried, alone and in pairs.
const TRIED: usize = 8;

/// The description, from the sentences in `order` (best first); the second
/// value is false when no cut fits 121–156 characters with the keyphrase.
pub fn description(
    ctx: &Context,
    focus: &str,
    order: &[usize],
    typo: Typography,
) -> (String, bool) {
    // Sentences with the keyphrase first (in the given order), then the
    // others: only the first eight are tried, so the scan stops there.
    let mut seen = rustc_hash::FxHashSet::default();
    let mut with_focus: Vec<(usize, String)> = Vec::new();
    let mut without: Vec<(usize, String)> = Vec::new();
    for &i in order {
        if !seen.insert(i) {
            continue;
        }
        let t = ctx.doc.sentence_text(i);
        if count_in(&t, focus) > 0 {
            with_focus.push((i, t));
            if with_focus.len() == TRIED {
                break;
            }
        } else if without.len() < TRIED {
            without.push((i, t));
        }
    }
    let texts: Vec<(usize, String)> = with_focus.into_iter().chain(without).collect();
    // Appositions of people: "le ministre chinois des Affaires étrangères Qin Gang" → "Qin Gang".
    let roles: Vec<(String, String)> = ctx
        .facts
        .entities
        .iter()
        .filter_map(|e| {
            let span = e.role_span?;
            let full = span
                .of(&ctx.doc.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            Some((full, e.text.clone()))
        })
        .collect();
    let variants = |t: &str| {
        let mut out = variants(t);
        let present: Vec<&(String, String)> = roles
            .iter()
            .filter(|(full, _)| t.contains(full.as_str()))
            .collect();
        let mut extra = Vec::new();
        for v in &out {
            // Each apposition alone, then all of them.
            for (full, name) in &present {
                extra.push(drop_apposition(v, full, name));
            }
            if present.len() > 1 {
                let mut all = v.clone();
                for (full, name) in &present {
                    all = drop_apposition(&all, full, name);
                }
                extra.push(all);
            }
        }
        for e in extra {
            if !out.contains(&e) {
                out.push(e);
            }
        }
        out
    };
    let fits =
        |s: &str| typo.prints_within(s, MIN_CHARS, MAX_CHARS) && findable(s, focus) && balanced(s);
    // One sentence, as it is or cut (each sentence's cuts computed only
    // when it is reached: most descriptions are found in the first ones).
    let mut top_variants: Vec<Vec<String>> = Vec::with_capacity(TRIED);
    for (_, t) in texts.iter().take(TRIED) {
        let vs = variants(t);
        if let Some(v) = vs.iter().find(|v| fits(v)) {
            return (v.clone(), true);
        }
        top_variants.push(vs);
    }
    // Two sentences, in source order: neighbours first, then any two of the best.
    let top: Vec<usize> = texts.iter().take(TRIED).map(|(i, _)| *i).collect();
    // Pairs of sentence indices: each of the best with the sentence after it
    // in the source, then any two of the best.
    let listed: rustc_hash::FxHashSet<usize> = order.iter().copied().collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for &i in &top {
        if listed.contains(&(i + 1)) {
            pairs.push((i, i + 1));
        }
    }
    for (a, &i) in top.iter().enumerate() {
        for &j in top.iter().skip(a + 1) {
            if j != i + 1 && i != j + 1 {
                pairs.push(if i < j { (i, j) } else { (j, i) });
            }
        }
    }
    let variants_at = |i: usize| match top.iter().position(|&t| t == i) {
        Some(k) => top_variants[k].clone(),
        None => variants(&ctx.doc.sentence_text(i)),
    };
    let focus_lower = focus.to_lowercase();
    for &(first, second) in &pairs {
        let seconds = variants_at(second);
        for a in variants_at(first) {
            for b in &seconds {
                let joined = format!("{a} {b}");
                // Neither the whole nor a cut of it can show a keyphrase it lacks.
                if focus_lower.is_empty() || !joined.to_lowercase().contains(&focus_lower) {
                    continue;
                }
                if fits(&joined) {
                    return (joined, true);
                }
                // The second sentence cut after a clause.
                if let Some(c) = cut_at_clause(&joined, typo)
                    && findable(&c, focus)
                    && balanced(&c)
                    && c.len() > a.len() + 20
                {
                    return (c, true);
                }
            }
        }
    }
    // A long sentence cut after a clause.
    for vs in &top_variants {
        for v in vs {
            if let Some(c) = cut_at_clause(v, typo)
                && findable(&c, focus)
            {
                return (c, true);
            }
        }
    }
    // Nothing fits: the first sentence with the keyphrase and those after it
    // in the source, cut at a word.
    let mut seen = rustc_hash::FxHashSet::default();
    let start = order
        .iter()
        .copied()
        .filter(|&i| seen.insert(i))
        .find(|&i| {
            let t = ctx.doc.sentence_text(i);
            count_in(&t, focus) > 0 && balanced(&t)
        })
        .or(texts.first().map(|(i, _)| *i))
        .unwrap_or(0);
    let mut run = String::new();
    let mut i = start;
    while i < ctx.doc.seg.sentences.len() && run.chars().count() < 2 * MAX_CHARS {
        if !ctx.doc.seg.is_heading(i) {
            if !run.is_empty() {
                run.push(' ');
            }
            run.push_str(&ctx.doc.sentence_text(i));
        }
        i += 1;
    }
    (cut_at_word(&run, MAX_CHARS - 1, typo), false)
}

/// True when `s` holds the keyphrase as a whole word that a cut's `…` does
/// not end: Yoast does not see a word glued to the ellipsis (`Google…`).
fn findable(s: &str, focus: &str) -> bool {
    let lower = s.to_lowercase();
    let f = focus.to_lowercase();
    if f.is_empty() {
        return false;
    }
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    lower.match_indices(&f).any(|(i, _)| {
        let after = lower[i + f.len()..].chars().next();
        !is_word(lower[..i].chars().next_back()) && !is_word(after) && after != Some('…')
    })
}

/// Replaces "role, Name," (or "role Name") by "Name": an apposition set
/// off by commas loses its closing comma with it.
fn drop_apposition(s: &str, full: &str, name: &str) -> String {
    let with_comma = format!("{full},");
    if full.contains(',') && s.contains(&with_comma) {
        return s.replacen(&with_comma, name, 1);
    }
    s.replacen(full, name, 1)
}

/// True when every guillemet opened is closed, in order.
fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '«' => depth += 1,
            '»' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// The sentence and its cuts, longest first.
fn variants(s: &str) -> Vec<String> {
    let mut out = vec![s.to_string()];
    let no_paren = without_parentheses(s);
    let base: Vec<String> = if no_paren != s {
        vec![s.to_string(), no_paren]
    } else {
        vec![s.to_string()]
    };
    for b in base {
        let mut v = b.clone();
        if let Some(x) = without_attribution(&v) {
            v = x;
            out.push(v.clone());
        }
        if let Some(x) = without_leading_selon(&v) {
            out.push(x);
        }
        if !out.contains(&b) {
            out.push(b);
        }
    }
    out.dedup();
    out
}

fn without_parentheses(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
        .replace(" .", ".")
}

/// `…, a déclaré le porte-parole.` → `….`
fn without_attribution(s: &str) -> Option<String> {
    let lex = lexicons();
    let body = s.trim_end_matches(['.', ' ']);
    let mut best = None;
    for (pos, _) in body.match_indices(", ") {
        let rest = &body[pos + 2..];
        let mut words = rest.split_whitespace();
        let w1 = words.next().unwrap_or("").to_lowercase();
        let w2 = words.next().unwrap_or("").to_lowercase();
        let attributes = w1.ends_with("-t-il")
            || w1.ends_with("-t-elle")
            || w1.ends_with("-il")
            || w1.ends_with("-elle")
            || w1 == "selon"
            || (matches!(w1.as_str(), "a" | "ont" | "avait" | "aurait")
                && lex.reporting_verbs.contains(&w2))
            || (lex.reporting_verbs.contains(&w1) && !rest.contains(','));
        if attributes && rest.split_whitespace().count() <= 12 {
            best = Some(pos);
            break;
        }
    }
    let pos = best?;
    let head = body[..pos].trim_end();
    let end = if head.ends_with(['»', '?', '!', '.']) {
        ""
    } else {
        "."
    };
    Some(format!("{head}{end}"))
}

/// `Selon le ministère, les travaux…` → `Les travaux…`
fn without_leading_selon(s: &str) -> Option<String> {
    let lower = s.to_lowercase();
    if !(lower.starts_with("selon ") || lower.starts_with("d’après ")) {
        return None;
    }
    let comma = s.find(", ")?;
    if s[..comma].split_whitespace().count() > 8 {
        return None;
    }
    Some(crate::fr::upper_first(&s[comma + 2..]))
}

/// A sentence cut after its last clause that leaves 121–156 characters, with `…`.
fn cut_at_clause(s: &str, typo: Typography) -> Option<String> {
    let ellipsis = typo.printed_len_bounds("…");
    let mut best = None;
    // Length bounds of the text read so far, and of the text up to its last
    // character that is not white space (the head of a cut).
    let mut bounds = (0, 0);
    let mut head_bounds = (0, 0);
    for (pos, c) in s.char_indices() {
        if matches!(c, ',' | ';') {
            let (low, high) = (head_bounds.0 + ellipsis.0, head_bounds.1 + ellipsis.1);
            if low > MAX_CHARS {
                // Longer heads print longer still.
                break;
            }
            if high >= MIN_CHARS {
                let head = s[..pos].trim_end();
                let cand = format!("{head}…");
                if typo.prints_within(&cand, MIN_CHARS, MAX_CHARS)
                    && head.matches('«').count() == head.matches('»').count()
                {
                    best = Some(cand);
                }
            }
        }
        let (l, h) = typo.char_len_bounds(c);
        bounds = (bounds.0 + l, bounds.1 + h);
        if !c.is_whitespace() {
            head_bounds = bounds;
        }
    }
    best
}

/// The longest prefix of whole words within `max` printed characters, with `…`.
fn cut_at_word(s: &str, max: usize, typo: Typography) -> String {
    if typo.prints_within(s, 0, max) {
        return s.to_string();
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    for n in (1..words.len()).rev() {
        let cand = format!(
            "{}…",
            words[..n].join(" ").trim_end_matches([',', ';', ':'])
        );
        if typo.prints_within(&cand, 0, max) {
            return cand;
        }
    }
    s.chars().take(max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_and_parentheses_are_cut() {
        assert_eq!(
            without_attribution("Blinken a invité Qin à Washington, a ajouté Miller.").as_deref(),
            Some("Blinken a invité Qin à Washington.")
        );
        assert_eq!(
            without_attribution("« Rien n’est réglé », a-t-elle dit.").as_deref(),
            Some("« Rien n’est réglé »")
        );
        assert_eq!(without_attribution("Il pleut, et il vente."), None);
        assert_eq!(
            without_parentheses("Le Groupe des 20 (G20) se réunit."),
            "Le Groupe des 20 se réunit."
        );
        assert_eq!(
            without_leading_selon("Selon le ministère, les travaux commencent.").as_deref(),
            Some("Les travaux commencent.")
        );
    }
}
