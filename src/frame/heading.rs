//! Subheadings: one per section, in French, from the section's own words.
//!
//! Candidates, best first as a rule: the journalist's own subheading when the
//! section starts where it stood; a short quotation from the section (as
//! French newsrooms do: « Plus embarrassant qu’intentionnel »); a noun phrase
//! of the section with its own determiner (`Les voisins de la Chine`); the
//! focus keyphrase and a noun phrase around a colon (`Blinken : la question
//! de Taïwan`); a template from `lexicons/fr/templates.txt` around a noun
//! phrase. A noun phrase scores by how much its words belong to this section
//! rather than to the others. The focus keyphrase ends up in some headings,
//! not all (Yoast asks for 30–75 %); no two headings are alike.

use super::{Context, templates_for};
use crate::fr::lexicon::{Class, Pos, lexicons};
use crate::frame::keyphrase::count_in;
use crate::model::HeadingKind;
use crate::section::Paragraphs;
use crate::segment::ParagraphKind;
use rustc_hash::FxHashMap;

/// A candidate subheading.
#[derive(Debug, Clone)]
struct Candidate {
    text: String,
    kind: HeadingKind,
    score: f64,
    /// The noun phrase it is built on, to avoid two headings on one phrase.
    core: String,
}

/// The subheadings of `sections`, in order, with their kinds.
pub fn headings(ctx: &Context, sections: &[Paragraphs], focus: &str) -> Vec<(String, HeadingKind)> {
    let n = sections.len();
    let weights = term_weights(ctx, sections);
    let mut per_section: Vec<Vec<Candidate>> = sections
        .iter()
        .enumerate()
        .map(|(s, paras)| candidates(ctx, paras, &weights[s], focus, s + 1 == n && n > 1, s))
        .collect();
    for c in per_section.iter_mut() {
        c.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.text.cmp(&b.text)));
    }
    choose(per_section, focus, ctx)
        .into_iter()
        .map(|(h, kind)| {
            (
                lower_after_colon(ctx, &sentence_case_capitals(ctx, &h)),
                kind,
            )
        })
        .collect()
}

/// After a colon a heading goes on in lowercase, names aside
/// (`Réforme des retraites : Les enseignants` → `… : les enseignants`).
fn lower_after_colon(ctx: &Context, heading: &str) -> String {
    match heading.split_once(" : ") {
        Some((a, b)) if !b.starts_with('«') => format!("{a} : {}", lower_unless_proper(ctx, b)),
        _ => heading.to_string(),
    }
}

/// A heading written all in capitals (`« DANS LES PROCHAINES HEURES »`, a
/// source subheading in capitals) in sentence case: each word lowered
/// unless the article writes it in capitals elsewhere (an acronym) or
/// capitalised inside a sentence (a name); the first letter up.
fn sentence_case_capitals(ctx: &Context, heading: &str) -> String {
    let letters = heading.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = heading.chars().filter(|c| c.is_uppercase()).count();
    if letters < 6 || capitals < letters || heading.split_whitespace().count() < 2 {
        return heading.to_string();
    }
    let text = &ctx.doc.text;
    let mut out = String::with_capacity(heading.len());
    let mut word = String::new();
    let lex = crate::fr::lexicon::lexicons();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        let title_case = crate::fr::upper_first(&lower);
        let common = lex.is_stop(&lower) || lex.pos.get(&lower).is_some();
        if ctx.is_proper(&title_case) && occurs_in_running_text(text, &title_case) {
            // A name the article writes capitalised: `Benoît Hamon`.
            out.push_str(&title_case);
        } else if common || word.chars().count() < 2 {
            out.push_str(&lower);
        } else if occurs_in_running_text(text, word) {
            // An acronym: `LFI`.
            out.push_str(word);
        } else {
            out.push_str(&title_case);
        }
        word.clear();
    };
    for c in heading.chars() {
        if c.is_alphanumeric() || c == '-' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    crate::fr::upper_first(&out)
}

/// True when `word` occurs as a whole word in `text` beside a word with a
/// lowercase letter: written so in running text, not only inside a line in
/// capitals.
fn occurs_in_running_text(text: &str, word: &str) -> bool {
    let has_lower = |s: &str| s.chars().any(char::is_lowercase);
    text.match_indices(word).any(|(i, _)| {
        let before = &text[..i];
        let after = &text[i + word.len()..];
        if before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            || after.chars().next().is_some_and(char::is_alphanumeric)
        {
            return false;
        }
        let prev = before.split_whitespace().next_back().unwrap_or("");
        let next = after.split_whitespace().next().unwrap_or("");
        has_lower(prev) || has_lower(next)
    })
}

/// For each section, the weight of each term: its count in the section,
/// discounted by the number of other sections that use it.
fn term_weights(ctx: &Context, sections: &[Paragraphs]) -> Vec<FxHashMap<u32, f64>> {
    let counts: Vec<FxHashMap<u32, f64>> = sections
        .iter()
        .map(|paras| {
            let mut m: FxHashMap<u32, f64> = FxHashMap::default();
            for &i in paras.iter().flatten() {
                for &(t, c) in ctx.doc.terms.sentence(i) {
                    *m.entry(t).or_default() += c as f64;
                }
            }
            m
        })
        .collect();
    let mut df: FxHashMap<u32, f64> = FxHashMap::default();
    for m in &counts {
        for &t in m.keys() {
            *df.entry(t).or_default() += 1.0;
        }
    }
    counts
        .into_iter()
        .map(|m| {
            m.into_iter()
                .map(|(t, c)| (t, c / df.get(&t).copied().unwrap_or(1.0)))
                .collect()
        })
        .collect()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Normalises a heading for comparison.
fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = crate::fr::lexicon::strip_accent(c);
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        }
    }
    out
}

fn candidates(
    ctx: &Context,
    paras: &Paragraphs,
    weights: &FxHashMap<u32, f64>,
    focus: &str,
    closing: bool,
    index: usize,
) -> Vec<Candidate> {
    let doc = ctx.doc;
    let sentences: Vec<usize> = paras.iter().flatten().copied().collect();
    let mut out = Vec::new();
    let Some(&first) = sentences.first() else {
        return out;
    };
    // 1. The journalist's own subheading right before the section.
    let p = doc.seg.sentences[first].paragraph;
    if p > 0
        && doc.title_paragraph != Some(p - 1)
        && doc.seg.paragraphs[p - 1].kind == ParagraphKind::Heading
    {
        let raw = doc.seg.paragraphs[p - 1].span.of(&doc.text);
        let text = clean_source_heading(raw);
        // One phrase: no sentence ends inside, nothing glued after a mark
        // (`… à haut risque?par BFMTV`).
        let one_phrase = !crate::segment::has_inner_sentence_end(&text)
            && !text
                .as_bytes()
                .windows(2)
                .any(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_alphabetic());
        if one_phrase
            && ((2..=12).contains(&words(&text)) || (text.starts_with('«') && words(&text) >= 1))
        {
            let kind = if text.starts_with('«') && text.ends_with('»') {
                HeadingKind::Quote
            } else {
                HeadingKind::Phrase
            };
            out.push(Candidate {
                core: key(&text),
                text: crate::fr::upper_first(&text),
                kind,
                score: 6.0,
            });
        }
    }
    // 2. Short quotations of the section.
    for q in ctx
        .facts
        .quotations
        .iter()
        .filter(|q| sentences.contains(&q.sentence))
    {
        let inner = q.text.trim().trim_end_matches(['.', ',', ';', ':']).trim();
        let n = words(inner);
        // A quotation the article itself cut ("(...)") reads as a fragment.
        let cut = ["(...)", "(…)", "[...]", "[…]"]
            .iter()
            .any(|c| inner.contains(c));
        if !(3..=10).contains(&n) || inner.contains('«') || inner.contains('“') || cut {
            continue;
        }
        let text = format!("« {} »", crate::fr::upper_first(inner));
        let overlap = terms_weight(ctx, inner, weights);
        out.push(Candidate {
            core: key(inner),
            text,
            kind: HeadingKind::Quote,
            score: 1.2 + overlap,
        });
    }
    // 3. Noun phrases of the section, with their determiner.
    let lex = lexicons();
    let fw = &lex.function_words;
    let mut phrases: Vec<(String, f64)> = Vec::new();
    let mut phrase_keys: rustc_hash::FxHashSet<String> = Default::default();
    // Phrases cut after a contracted `des`: they stand alone as a heading,
    // not after "Keyphrase :" ("Blinken : dernières années…" misreads).
    let mut after_des: Vec<String> = Vec::new();
    for &i in &sentences {
        for np in &ctx.facts.noun_phrases[i] {
            // `des` after a noun or a locution is `de` + `les` ("au cours des
            // dernières années"): the phrase then goes without it.
            let contracted_des = np.with_determiner.is_some_and(|d| {
                let det = d.of(&doc.text);
                if !det.get(..4).is_some_and(|h| h.eq_ignore_ascii_case("des ")) {
                    return false;
                }
                let before = doc.text[..d.start as usize]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("")
                    .to_lowercase();
                lex.pos.get(&before).is_some_and(|e| e.has(Pos::Noun))
                    || fw.is(&before, Class::LocutionHead)
            });
            let span = match np.with_determiner {
                Some(d) if !contracted_des => d,
                _ => np.span,
            };
            let text = span
                .of(&doc.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let n = words(&text);
            // A name alone says who, not what: headings need a common noun.
            if np.proper || !(2..=8).contains(&n) {
                continue;
            }
            // Without its determiner a phrase stands alone only after a
            // preposition ("erreur de calcul"), never after a number
            // ("2 kilomètres du palais" is not about kilometres).
            if np.with_determiner.is_none() {
                let before = doc.text[..np.span.start as usize]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("")
                    .to_lowercase();
                let after_prep = fw.is_any(&before, &[Class::De, Class::A, Class::Preposition])
                    || before.ends_with("d’");
                if !after_prep {
                    continue;
                }
            }
            // A possessive points back to a sentence the heading cannot show.
            let det = text.split_whitespace().next().unwrap_or("").to_lowercase();
            if fw.is_any(&det, &[Class::Possessive, Class::Demonstrative]) {
                continue;
            }
            if np.terms.is_empty() || !phrase_keys.insert(key(&text)) {
                continue;
            }
            let w: f64 = np
                .terms
                .iter()
                .map(|t| weights.get(t).copied().unwrap_or(0.0))
                .sum();
            let score = w / (np.terms.len() as f64).sqrt();
            if contracted_des {
                after_des.push(text.clone());
            }
            phrases.push((text, score));
        }
    }
    phrases.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    phrases.truncate(6);
    let section_templates = templates_for(if closing { "closing" } else { "section" });
    let names_focus = sentences
        .iter()
        .any(|&i| count_in(&doc.sentence_text(i), focus) > 0);
    for (rank, (np, score)) in phrases.iter().enumerate() {
        let has_focus = count_in(np, focus) > 0;
        out.push(Candidate {
            core: key(np),
            text: crate::fr::upper_first(np),
            kind: HeadingKind::Phrase,
            score: *score * if words(np) >= 3 { 1.0 } else { 0.8 },
        });
        // 4. Focus keyphrase : noun phrase — better in a section that names
        // the keyphrase, where the colon states no link the article does
        // not make (a quoted letter is not its reader's).
        if !has_focus && !focus.is_empty() && !after_des.contains(np) {
            out.push(Candidate {
                core: key(np),
                text: format!(
                    "{} : {}",
                    crate::fr::upper_first(focus),
                    lower_unless_proper(ctx, np)
                ),
                kind: HeadingKind::Phrase,
                score: *score * if names_focus { 0.9 } else { 0.6 },
            });
        }
        // 5. A template around the phrase (the best two phrases only).
        if rank < 2
            && !section_templates.is_empty()
            && np.split_whitespace().next().is_some_and(|w| {
                let l = w.to_lowercase();
                // Not `des`: after a noun it is `de` + `les` ("au cours des
                // dernières années"), and "Pour conclure, des…" misreads.
                l.starts_with("l’")
                    || fw.get(&l).is_some_and(|f| {
                        f.is(Class::DefiniteArticle)
                            || (f.is(Class::IndefiniteArticle) && f.number == 's')
                            || f.is(Class::Demonstrative)
                            || f.is(Class::Possessive)
                    })
            })
        {
            let t = section_templates[super::pick(
                ctx.seed,
                index as u64 * 7 + rank as u64,
                section_templates.len(),
            )];
            let np_lower = lower_unless_proper(ctx, np);
            out.push(Candidate {
                core: key(np),
                text: t.fill(&np_lower),
                kind: HeadingKind::Template,
                score: *score * if closing { 1.05 } else { 0.75 },
            });
        }
    }
    out.retain(|c| (1..=12).contains(&words(&c.text)) && ctx.grounded(&c.text));
    out
}

/// Sum of the section weights of a text's content terms.
fn terms_weight(ctx: &Context, text: &str, weights: &FxHashMap<u32, f64>) -> f64 {
    crate::analyze::terms_of_text(text, &ctx.doc.terms)
        .iter()
        .map(|(t, _)| weights.get(t).copied().unwrap_or(0.0))
        .sum::<f64>()
        .min(6.0)
}

fn lower_unless_proper(ctx: &Context, np: &str) -> String {
    crate::fr::lower_first(np, |w| ctx.is_proper(w))
}

/// `- "Piscine ou barbecue" -` → `« Piscine ou barbecue »`.
pub fn clean_source_heading(raw: &str) -> String {
    let t = raw
        .trim()
        .trim_matches(|c: char| {
            matches!(c, '-' | '–' | '—' | '*' | '•' | '►' | '▶' | '■' | '▪' | '●')
                || c.is_whitespace()
        })
        .trim();
    let mut out = String::new();
    let mut open = true;
    for c in t.chars() {
        if c == '"' {
            out.push_str(if open { "« " } else { " »" });
            open = !open;
        } else {
            out.push(c);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Picks one candidate per section: no two alike, quotations at most half,
/// the focus keyphrase in 30–75 % of the headings.
fn choose(
    per_section: Vec<Vec<Candidate>>,
    focus: &str,
    ctx: &Context,
) -> Vec<(String, HeadingKind)> {
    let n = per_section.len();
    let max_quotes = n.div_ceil(2);
    let mut used: Vec<String> = Vec::new();
    let mut cores: Vec<String> = Vec::new();
    let mut chosen: Vec<Option<Candidate>> = vec![None; n];
    let mut quotes = 0;
    let title_key = ctx.doc.title.as_deref().map(key).unwrap_or_default();
    for (s, cands) in per_section.iter().enumerate() {
        let pick = cands.iter().find(|c| {
            let k = key(&c.text);
            !used.contains(&k)
                && !cores.contains(&c.core)
                && k != title_key
                && (c.kind != HeadingKind::Quote || quotes < max_quotes)
        });
        if let Some(c) = pick {
            used.push(key(&c.text));
            cores.push(c.core.clone());
            if c.kind == HeadingKind::Quote {
                quotes += 1;
            }
            chosen[s] = Some(c.clone());
        }
    }
    // The focus keyphrase in 30–75 % of the headings.
    if n >= 2 && !focus.is_empty() {
        let need_min = (n as f64 * 0.3).ceil() as usize;
        let need_max = (n as f64 * 0.75).floor() as usize;
        let has = |c: &Option<Candidate>| c.as_ref().is_some_and(|c| count_in(&c.text, focus) > 0);
        let mut have = chosen.iter().filter(|c| has(c)).count();
        // Too few, then too many: swap in the best candidate that has (or
        // lacks) the keyphrase where the swap loses least.
        let swap = |want: bool, chosen: &mut Vec<Option<Candidate>>, used: &mut Vec<String>| {
            let best = (0..n)
                .filter(|&s| has(&chosen[s]) != want)
                .filter_map(|s| {
                    let best = per_section[s].iter().find(|c| {
                        (count_in(&c.text, focus) > 0) == want && !used.contains(&key(&c.text))
                    })?;
                    let current = chosen[s].as_ref().map_or(0.0, |c| c.score);
                    Some((current - best.score, s, best.clone()))
                })
                .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let Some((_, s, c)) = best else { return false };
            used.push(key(&c.text));
            chosen[s] = Some(c);
            true
        };
        while have < need_min && swap(true, &mut chosen, &mut used) {
            have += 1;
        }
        while have > need_max && swap(false, &mut chosen, &mut used) {
            have -= 1;
        }
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(s, c)| match c {
            Some(c) => (c.text, c.kind),
            // No candidate at all (a section of short sentences): the focus
            // keyphrase with a numbered frame would state nothing; use the
            // section's first words instead.
            None => (fallback(ctx, focus, s), HeadingKind::Template),
        })
        .collect()
}

fn fallback(ctx: &Context, focus: &str, s: usize) -> String {
    let t = templates_for("section");
    if t.is_empty() || focus.is_empty() {
        return crate::fr::upper_first(focus);
    }
    t[super::pick(ctx.seed, 1000 + s as u64, t.len())]
        .fill(&crate::frame::keyphrase::with_determiner(ctx, focus))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_in_capitals_is_set_in_sentence_case() {
        let doc = crate::frame::test_document(
            "La maire Claire Morvan défend son bilan devant la CGT. \
                   Le syndicat CGT salue la titularisation des agents.",
        );
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        let cases = [
            // Names as the article writes them, acronyms kept, the rest lowered.
            (
                "LES SOUTIENS DE CLAIRE MORVAN",
                "Les soutiens de Claire Morvan",
            ),
            ("« LA CGT NE LÂCHERA RIEN »", "« La CGT ne lâchera rien »"),
            ("DANS LES PROCHAINES HEURES", "Dans les prochaines heures"),
            // Not all in capitals: as written.
            ("Les soutiens de la CGT", "Les soutiens de la CGT"),
            ("CGT", "CGT"),
        ];
        for (heading, want) in cases {
            assert_eq!(sentence_case_capitals(&ctx, heading), want, "{heading}");
        }
    }

    #[test]
    fn after_a_colon_a_heading_goes_on_in_lowercase() {
        let doc =
            crate::frame::test_document("Les enseignants défilent à Paris avec Claire Morvan.");
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        assert_eq!(
            lower_after_colon(&ctx, "Réforme des retraites : Les enseignants"),
            "Réforme des retraites : les enseignants"
        );
        assert_eq!(
            lower_after_colon(&ctx, "Grève : Claire Morvan à Paris"),
            "Grève : Claire Morvan à Paris"
        );
        assert_eq!(
            lower_after_colon(&ctx, "Grève : « Nous irons jusqu’au bout »"),
            "Grève : « Nous irons jusqu’au bout »"
        );
    }
}
