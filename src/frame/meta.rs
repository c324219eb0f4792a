//! The meta description: 121–156 characters (Yoast counts 120 as too
//! short), with the focus keyphrase, that tells the news (`EDITOR.md`).
//!
//! It is made only by cutting source sentences, never by writing: a
//! sentence that opens on a named actor or a noun group (never on a
//! pronoun, a connector or a quotation whose speaker comes after), with its
//! appositions, parentheses, relative clauses between commas or leading
//! phrase of time left out when it is too long — its attribution kept
//! (`selon les derniers sondages`, `a indiqué le ministère`: a poll cut from
//! its source reads as a result) — or two sentences that follow each other.
//! Nothing is cut with `…`: when no cut fits, the closest complete one under
//! the limit is printed and the rewrite says so.

use super::Context;
use crate::fr::Typography;
use crate::fr::lexicon::Class;
use crate::fr::seo::{DESCRIPTION_MAX_CHARS as MAX_CHARS, DESCRIPTION_MIN_CHARS as MIN_CHARS};
use crate::frame::keyphrase::count_in;
use crate::parse::{ClauseKind, Parsed, Tag};
use crate::segment::Token;

/// How many sentences are tried, alone and with the one after them.
const TRIED: usize = 8;

/// How many of them, the article's opening (the first of `order`), may give
/// a description without the keyphrase when no cut holds it.
const LEAD_TRIED: usize = 3;

/// The description, from the sentences in `order` (best first, the lead's
/// own first); the second value is false when no cut fits 121–156
/// characters, with the keyphrase or, from the lead, without it.
pub fn description(
    ctx: &Context,
    focus: &str,
    order: &[usize],
    typo: Typography,
) -> (String, bool) {
    // An ellipsis, even the source's own `(…)`, reads as a cut.
    // The keyphrase is looked for before the length is measured: most cuts
    // lack it, and measuring may mean typesetting.
    let fits = |s: &str| {
        findable(s, focus)
            && typo.prints_within(s, MIN_CHARS, MAX_CHARS)
            && !looks_cut(s)
            && !points_back(s)
    };
    let under = |s: &str| {
        findable(s, focus)
            && typo.prints_within(s, 0, MAX_CHARS)
            && !looks_cut(s)
            && !points_back(s)
    };
    let mut seen = rustc_hash::FxHashSet::default();
    let starts: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| seen.insert(i) && opens_well(ctx, i))
        .take(TRIED)
        .collect();
    let mut closest: Option<String> = None;
    let mut keep_closest = |v: &str| {
        if under(v)
            && closest
                .as_ref()
                .is_none_or(|c| c.chars().count() < v.chars().count())
        {
            closest = Some(v.to_string());
        }
    };
    // The cut that tells the news best: the title's words, the keyphrase,
    // the article's opening (the editor reads the description; the
    // keyphrase is the search engine's).
    let opening = &order[..order.len().min(LEAD_TRIED)];
    if let Some(found) = best_fit(ctx, &starts, opening, typo, focus) {
        return (found, true);
    }
    if let Some(found) = first_fit(ctx, &starts, typo, &fits, &mut keep_closest) {
        return (found, true);
    }
    // No cut of the best-ranked sentences fits: one of any other sentence
    // that opens well, before a description too short to show.
    let rest: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| seen.insert(i) && opens_well(ctx, i))
        .collect();
    if let Some(found) = best_fit(ctx, &rest, opening, typo, focus) {
        let held = findable(&found, focus);
        return (found, held);
    }
    match closest {
        Some(c) => (c, false),
        None => {
            // Nothing holds the keyphrase under the limit: the longest cut
            // under it, whatever it says (never cut with `…`).
            // A sentence that opens well first: `Il doit…` needs the one before.
            let pool: &[usize] = if starts.is_empty() { order } else { &starts };
            // A cut reads whole (`Philippe Poutou avait pris part.` does not).
            let longest = pool
                .iter()
                .take(TRIED)
                .flat_map(|&i| {
                    // A start that opens on a quotation opens on its speaker.
                    let vs = if starts.is_empty() {
                        variants(ctx, i)
                    } else {
                        opening_variants(ctx, i)
                    };
                    vs.iter().cloned().enumerate()
                })
                .filter(|(k, v)| balanced(v) && (*k == 0 || reads_whole(ctx, v)))
                .map(|(_, v)| v.clone())
                .filter(|v| typo.prints_within(v, 0, MAX_CHARS))
                .max_by_key(|v| (!looks_cut(v) && !points_back(v), v.chars().count()));
            // Never empty: a sentence of the lead trimmed to its core.
            let first = order.iter().take(TRIED).find_map(|&i| {
                super::headline::headline_within(&ctx.doc.text, ctx.parsed(i), 24)
                    .map(|h| format!("{}.", crate::fr::upper_first(&h.text)))
                    .filter(|t| typo.prints_within(t, 0, MAX_CHARS))
            });
            // Or the source title, which states the news too.
            let title = ctx
                .doc
                .title
                .as_deref()
                .map(|t| {
                    let t = t.trim().trim_end_matches(['.', ' ']);
                    if t.ends_with(['?', '!', '…']) {
                        t.to_string()
                    } else {
                        format!("{t}.")
                    }
                })
                .filter(|t| t.len() > 1);
            (longest.or(first).or(title).unwrap_or_default(), false)
        }
    }
}

/// A description that fits, with what it is worth.
#[derive(Debug)]
pub(crate) struct Told {
    text: String,
    /// Its share of the title's content words (stems), 0 to 1.
    news: f64,
    /// Rank of its first sentence among the starts (0 is the first).
    rank: usize,
    /// From the article's opening.
    lead: bool,
    /// Two sentences joined.
    pair: bool,
    /// Words of the source left out.
    cut: bool,
}

/// The cut (a sentence, or two that follow each other) of `starts` that
/// fits 121–156 printed characters and tells the news best: the share of
/// the title's words it says, the keyphrase, the opening, one sentence
/// rather than two; ties go to the earlier start.
fn best_fit(
    ctx: &Context,
    starts: &[usize],
    opening: &[usize],
    typo: Typography,
    focus: &str,
) -> Option<String> {
    let fresh;
    let pool: &Pool = match ctx.told.get() {
        Some(pool) if pool.starts == starts => pool,
        Some(_) => {
            fresh = Pool::new(ctx, starts, opening);
            &fresh
        }
        None => ctx.told.get_or_init(|| Pool::new(ctx, starts, opening)),
    };
    // Starts by the most their cuts can be worth; a start whose ceiling is
    // below the best cut found is never cut.
    let ceiling: Vec<f64> = (0..starts.len())
        .map(|r| {
            pool.ceiling[r]
                + if findable(&pool.said[r], focus) {
                    2.0
                } else {
                    0.0
                }
        })
        .collect();
    let mut by_ceiling: Vec<usize> = (0..starts.len()).collect();
    by_ceiling.sort_by(|&a, &b| ceiling[b].total_cmp(&ceiling[a]).then(a.cmp(&b)));
    // The best: its worth, then the earliest start and cut among equals.
    let mut best: Option<(f64, usize, usize, &str)> = None;
    for rank in by_ceiling {
        if best.is_some_and(|(w, ..)| ceiling[rank] < w) {
            break;
        }
        let told = pool.cuts[rank].get_or_init(|| {
            let i = starts[rank];
            told_of(ctx, i, rank, opening.contains(&i), typo, &pool.title)
        });
        for (k, t) in told.iter().enumerate() {
            let w = worth(t, findable(&t.text, focus));
            let better =
                best.is_none_or(|(bw, br, bk, _)| w > bw || (w == bw && (rank, k) < (br, bk)));
            if better {
                best = Some((w, rank, k, t.text.as_str()));
            }
        }
    }
    best.map(|(.., text)| text.to_string())
}

/// What the description search knows of its starts, the same for every
/// keyphrase candidate: the title's stems, each start's text with the next
/// sentence (to look for a keyphrase), the most its cuts can be worth
/// without one, and its cuts once made.
#[derive(Debug)]
pub(crate) struct Pool {
    starts: Vec<usize>,
    title: rustc_hash::FxHashSet<std::rc::Rc<str>>,
    said: Vec<String>,
    ceiling: Vec<f64>,
    cuts: Vec<std::cell::OnceCell<Vec<Told>>>,
}

impl Pool {
    fn new(ctx: &Context, starts: &[usize], opening: &[usize]) -> Pool {
        let title = stems(ctx, ctx.doc.title.as_deref().unwrap_or(""));
        let mut said = Vec::with_capacity(starts.len());
        let mut ceiling = Vec::with_capacity(starts.len());
        for (rank, &i) in starts.iter().enumerate() {
            let mut text = ctx.doc.sentence_text(i);
            if let Some(next) = next_body_sentence(ctx, i) {
                text.push(' ');
                text.push_str(&ctx.doc.sentence_text(next));
            }
            let news = share(&title, &stems(ctx, &text));
            let lead = LEAD_WEIGHT * f64::from(u8::from(opening.contains(&i)));
            let first = if rank == 0 { 0.5 } else { 0.0 };
            ceiling.push(NEWS_WEIGHT * news + lead + first);
            said.push(text);
        }
        Pool {
            starts: starts.to_vec(),
            title,
            said,
            ceiling,
            cuts: (0..starts.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
        }
    }
}

/// The share of the title's stems a text's stems hold, 0 to 1.
fn share(
    title: &rustc_hash::FxHashSet<std::rc::Rc<str>>,
    said: &rustc_hash::FxHashSet<std::rc::Rc<str>>,
) -> f64 {
    title.intersection(said).count() as f64 / title.len().max(1) as f64
}

/// The cuts of start `i` (of rank `rank`) that fit 121–156 printed
/// characters and read as a sentence, with what each says of the title.
fn told_of(
    ctx: &Context,
    i: usize,
    rank: usize,
    lead: bool,
    typo: Typography,
    title: &rustc_hash::FxHashSet<std::rc::Rc<str>>,
) -> Vec<Told> {
    let fits =
        |s: &str| typo.prints_within(s, MIN_CHARS, MAX_CHARS) && !looks_cut(s) && !points_back(s);
    let mut told = Vec::new();
    each_cut(ctx, i, typo, &mut |text, pair, cut| {
        if fits(text) && (!cut || reads_whole(ctx, text)) {
            told.push(Told {
                text: text.to_string(),
                news: share(title, &stems(ctx, text)),
                rank,
                lead,
                pair,
                cut,
            });
        }
    });
    told
}

/// What a description is worth (`findable`: it holds the keyphrase).
fn worth(t: &Told, findable: bool) -> f64 {
    NEWS_WEIGHT * t.news
        + if findable { 2.0 } else { 0.0 }
        + if t.lead { LEAD_WEIGHT } else { 0.0 }
        + if t.rank == 0 { 0.5 } else { 0.0 }
        - if t.pair { 0.5 } else { 0.0 }
        - if t.cut { 0.3 } else { 0.0 }
}

/// How much saying all the title's words weighs against the keyphrase
/// (2), the opening (1, and 0.5 more for its first sentence), one
/// sentence rather than two (0.5) and the sentence whole (0.3).
const NEWS_WEIGHT: f64 = 4.0;

/// How much a cut from the article's opening weighs.
const LEAD_WEIGHT: f64 = 2.0;

/// The stems of a text's content words, each word stemmed once per
/// article (the cuts of a sentence say the same words again and again).
fn stems(ctx: &Context, text: &str) -> rustc_hash::FxHashSet<std::rc::Rc<str>> {
    let mut memo = ctx.stems.borrow_mut();
    let mut out = rustc_hash::FxHashSet::default();
    crate::fr::words::each_lower_word(text, |w| {
        if !super::is_content_word(w) {
            return;
        }
        let stem = match memo.get(w) {
            Some(s) => s.clone(),
            None => {
                let s: std::rc::Rc<str> = crate::analyze::stem(w).into();
                memo.insert(w.to_string(), s.clone());
                s
            }
        };
        out.insert(stem);
    });
    out
}

/// Each cut of sentence `i`, alone, then with each cut of the sentence
/// after it (`pair` true); `cut` is true when words of the source were
/// left out. Pairs too long to print are never built.
fn each_cut(ctx: &Context, i: usize, typo: Typography, see: &mut dyn FnMut(&str, bool, bool)) {
    let vs = opening_variants(ctx, i);
    vs.iter()
        .enumerate()
        .for_each(|(k, v)| see(v, false, k > 0));
    if !balanced(&ctx.doc.sentence_text(i)) {
        return;
    }
    let Some(next) = next_body_sentence(ctx, i) else {
        return;
    };
    let next_vs = variants(ctx, next);
    let shortest = |v: &String| typo.printed_len_bounds(v).0;
    let next_low: Vec<usize> = next_vs.iter().map(shortest).collect();
    // Each sentence of a pair reads whole by itself: `Deux jours après la
    // claque dans les urnes.` before a sentence that does is no description.
    let mut next_whole: Vec<Option<bool>> = vec![None; next_vs.len()];
    for (ka, a) in vs.iter().enumerate() {
        let a_low = shortest(a);
        let mut a_whole: Option<bool> = None;
        for (kb, (b, b_low)) in next_vs.iter().zip(&next_low).enumerate() {
            if a_low + b_low > MAX_CHARS {
                continue;
            }
            let joined = format!("{a} {b}");
            if !balanced(&joined) {
                continue;
            }
            let whole = (ka == 0 || *a_whole.get_or_insert_with(|| reads_whole(ctx, a)))
                && (kb == 0 || *next_whole[kb].get_or_insert_with(|| reads_whole(ctx, b)));
            if whole {
                see(&joined, true, ka > 0 || kb > 0);
            }
        }
    }
}

/// True when a first clause of this kind can open a sentence read alone: a
/// main clause, or a phrase, attribution or subordinate before one.
fn opens_a_sentence(kind: Option<ClauseKind>) -> bool {
    matches!(
        kind,
        Some(
            ClauseKind::Main
                | ClauseKind::Adjunct
                | ClauseKind::Attribution
                | ClauseKind::Subordinate
        )
    )
}

/// True when a cut still reads as a sentence: a main clause, opening on
/// its subject or a phrase before it, not ending on a preposition, an
/// article or a date's qualifier (`touchés fin.`).
fn reads_whole(ctx: &Context, text: &str) -> bool {
    let p = ctx.parse_text(text);
    let opens = opens_a_sentence(p.opener()) || p.opener() == Some(ClauseKind::Fragment);
    let last = (0..p.tags.len()).rev().find(|&k| p.tags[k] != Tag::Punct);
    let dangling = last.is_some_and(|k| {
        matches!(p.tags[k], Tag::Prep | Tag::Det | Tag::Coord)
            || crate::fr::lexicon::lexicons()
                .month_qualifiers
                .contains(&p.tokens[k].span.of(text).to_lowercase())
    });
    finite_clause(&p) && opens && !dangling
}

/// True when a sentence parsed as `p` has a main verb: a main clause or a
/// predicate, or a reporting verb after its subject's name set apart (`…,
/// Ségolène Royal, a appelé…`), which the parse reads as an attribution.
fn finite_clause(p: &Parsed) -> bool {
    p.clauses
        .iter()
        .any(|c| matches!(c.kind, ClauseKind::Main | ClauseKind::Predicate))
        || p.clauses.windows(2).any(|w| {
            name_apart(p, &w[0])
                && w[1].kind == ClauseKind::Attribution
                && matches!(p.tags[w[1].start], Tag::Verb | Tag::Aux)
        })
}

/// The first cut of a sentence of `starts`, alone or with the sentence
/// after it, that `fits`; every cut tried is shown to `seen`.
fn first_fit(
    ctx: &Context,
    starts: &[usize],
    typo: Typography,
    fits: &dyn Fn(&str) -> bool,
    seen: &mut dyn FnMut(&str),
) -> Option<String> {
    for &i in starts {
        let vs = opening_variants(ctx, i);
        if let Some(v) = vs.iter().find(|v| fits(v)) {
            return Some(v.clone());
        }
        // With the sentence after it: its pronouns find their antecedent.
        // Not after a sentence that opens a quotation it does not close.
        let closed = balanced(&ctx.doc.sentence_text(i));
        if let Some(next) = next_body_sentence(ctx, i).filter(|_| closed) {
            let next_vs = variants(ctx, next);
            // The printed length of `a b` is at least the sum of theirs: a
            // pair already too long is never built.
            let shortest = |v: &String| typo.printed_len_bounds(v).0;
            let next_low: Vec<usize> = next_vs.iter().map(shortest).collect();
            for a in vs.iter() {
                let a_low = shortest(a);
                for (b, b_low) in next_vs.iter().zip(&next_low) {
                    if a_low + b_low > MAX_CHARS {
                        continue;
                    }
                    let joined = format!("{a} {b}");
                    if !balanced(&joined) {
                        continue;
                    }
                    if fits(&joined) {
                        return Some(joined);
                    }
                    seen(&joined);
                }
            }
        }
        vs.iter().for_each(|v| seen(v));
    }
    None
}

/// True when a cut of a sentence opens on a word that points back (`Il`,
/// `Pourtant`, `Cette annonce`), or names in its first sentence with a
/// demonstrative what the article said before (`de cette nouvelle
/// législation`; a second sentence may point to the first), or opens on a
/// label (`Problème : …`): the reader of a results page lacks what it
/// refers to.
fn points_back(s: &str) -> bool {
    let first = s.split(". ").next().unwrap_or(s);
    crate::analyze::sentences::text_opens_pointing_back(s)
        || refers_back(first)
        || leans_back_inside(first)
        || s.split_once(':')
            .is_some_and(|(head, _)| crate::fr::words(head).len() == 1)
}

/// True when `s` holds a demonstrative before a noun that is no time
/// (`cette législation`, not `cette semaine`, `ce lundi`, `ce qui`).
pub(crate) fn refers_back(s: &str) -> bool {
    let lex = crate::fr::lexicon::lexicons();
    let ws = crate::fr::words(s);
    ws.windows(2).any(|w| {
        let det = w[0].to_lowercase();
        if !lex.function_words.is(&det, Class::Demonstrative) {
            return false;
        }
        let next = w[1].to_lowercase();
        let time = lex.is_date_word(&next)
            || lex.day_parts.contains(&next)
            || lex.time_units.contains(&next)
            || lex.relative_dates.contains(&format!("{det} {next}"));
        let noun = lex.function_words.get(&next).is_none()
            && lex.pos.get(&next).is_some_and(|e| {
                e.has(crate::fr::lexicon::Pos::Noun) || e.has(crate::fr::lexicon::Pos::Adj)
            });
        noun && !time
    })
}

/// True when the main clause of `s` (or what comes before it) holds a
/// phrase that points back from inside a sentence: a time measured from
/// what the article said before (`Fleur Pellerin avait décidé quelques
/// mois plus tard…`), not a deadline (`au plus tard`), not one anchored by
/// its complement (`à la veille de l’ouverture`), not one inside a later
/// clause the sentence itself dates (`…, mais la communication est rompue
/// quelques mois plus tard`); or an aside that sets its subject against
/// someone named before (`La vitesse, quant à elle, …`, `s’est, lui aussi,
/// réjoui`).
fn leans_back_inside(s: &str) -> bool {
    let lex = crate::fr::lexicon::lexicons();
    let lower = s.to_lowercase();
    if !lex
        .pointing_back_inside
        .iter()
        .any(|t| lower.contains(t.as_str()))
    {
        return false;
    }
    let p = Parsed::of_text(s);
    let word = |k: usize| p.tokens[k].span.of(s).to_lowercase();
    // The main clause runs on over the phrases set off inside it (`s’est,
    // lui aussi, réjoui`), up to the next clause with a verb of its own.
    let finite =
        |c: &&crate::parse::Clause| matches!(c.kind, ClauseKind::Main | ClauseKind::Predicate);
    let main_end = p
        .clauses
        .iter()
        .position(|c| finite(&c))
        .map_or(p.tokens.len(), |m| {
            p.clauses[m + 1..]
                .iter()
                .find(|c| {
                    finite(c)
                        || matches!(
                            c.kind,
                            ClauseKind::Relative | ClauseKind::Subordinate | ClauseKind::Quotation
                        )
                })
                .map_or(p.tokens.len(), |c| c.start)
        });
    lex.pointing_back_inside.iter().any(|t| {
        let tw: Vec<&str> = crate::segment::tokens(t)
            .iter()
            .map(|x| x.span.of(t))
            .collect();
        (0..main_end.saturating_sub(tw.len() - 1)).any(|k| {
            let at = (0..tw.len()).all(|j| k + j < p.tokens.len() && word(k + j) == tw[j]);
            let after = k + tw.len();
            // `la veille de l’ouverture`, not `plus tard de démissionner`.
            let anchored = after + 1 < p.tokens.len()
                && matches!(word(after).as_str(), "de" | "du" | "des" | "d’" | "d'")
                && p.tags[after + 1] != Tag::Infinitive;
            at && !anchored && (k == 0 || word(k - 1) != "au")
        })
    })
}

/// An ellipsis, as typed (`...`) or set (`…`): the reader takes it for a cut.
fn looks_cut(s: &str) -> bool {
    s.contains('…') || s.contains("...")
}

/// True when sentence `i` can open a description: it stands alone (no
/// pronoun or connector pointing back, not inside a quotation), opens on
/// its subject, a phrase of time or place, or an attribution, and asks no
/// question.
fn opens_well(ctx: &Context, i: usize) -> bool {
    let doc = ctx.doc;
    if doc.seg.is_heading(i) || doc.depends_on_previous(i) || doc.seg.sentences[i].starts_in_quote {
        return false;
    }
    if reported_of(ctx, i).is_some() {
        return true;
    }
    let text = doc.sentence_text(i);
    if text.ends_with('?') || text.starts_with(['«', '"', '“', '-', '—', '–']) {
        return false;
    }
    let p = ctx.parsed(i);
    // A main clause whose subject points back (`cette évolution est…`)
    // needs the sentence before.
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let points_back = p
        .clauses
        .iter()
        .filter(|c| c.kind == ClauseKind::Main)
        .take(1)
        .any(|c| {
            (c.start..c.end).take(2).any(|k| {
                p.tags[k] == Tag::Det && {
                    let w = p.tokens[k].span.of(&doc.text).to_lowercase();
                    fw.is_any(
                        &w,
                        &[
                            crate::fr::lexicon::Class::Demonstrative,
                            crate::fr::lexicon::Class::Possessive,
                        ],
                    )
                }
            })
        });
    // (A connector inside its first words, `a en effet`, is struck from
    // its cuts instead: see `cuts_of`.)
    if points_back || main_clause_leans_back(&doc.text, p) {
        return false;
    }
    let finite = finite_clause(p);
    // A subject set off by commas (`Antony Blinken, qui…, a rencontré`)
    // opens on its noun group too.
    let subject_first = p.opener() == Some(ClauseKind::Fragment)
        && p.group_at(0)
            .is_some_and(|g| g.kind == crate::parse::GroupKind::Noun);
    finite && (subject_first || opens_a_sentence(p.opener()))
}

/// The connector of `inner_connectors.txt` among the first words of a
/// sentence parsed as `p`, not its first (`a en effet`, `a par ailleurs`),
/// as the text writes it.
fn inner_connector(ctx: &Context, p: &Parsed) -> Option<String> {
    let lex = crate::fr::lexicon::lexicons();
    let text = &ctx.doc.text;
    let lower = |k: usize| p.tokens[k].span.of(text).to_lowercase();
    // The longest phrase of `inner_connectors.txt` at token `k`, read as an
    // adverb (`ainsi que`, `donc` as a conjunction, stay).
    let at = |k: usize| {
        let mut phrase = String::new();
        let mut found = None;
        for end in k..p.tokens.len().min(k + 3) {
            if end > k && !phrase.ends_with('’') {
                phrase.push(' ');
            }
            phrase.push_str(&lower(end));
            if lex.inner_connectors.contains(&phrase) {
                found = Some(end + 1);
            }
        }
        // Not the head of a conjunction (`ainsi que`, `alors que`).
        found.filter(|&end| {
            matches!(p.tags[k], Tag::Adv | Tag::Coord)
                && !matches!(p.tags[k - 1], Tag::Det | Tag::Prep)
                && !matches!(p.tags.get(end), Some(Tag::Sub | Tag::Rel))
        })
    };
    (1..p.tokens.len().min(12)).find_map(|k| at(k).map(|end| p.text_of(text, k, end).to_string()))
}

/// The sentence from its main clause on, when all before it is detached
/// from the subject that clause opens on: a noun group or a participial
/// phrase set off by a comma (`Juridictions de proximité par excellence,
/// traitant les litiges du quotidien, les tribunaux d’instance
/// s’apprêtent…` → `Les tribunaux d’instance s’apprêtent…`). The subject
/// is a name or a noun group, never a pronoun that would need the phrase.
/// When two or more phrases stand before it, each one alone before the
/// main clause too (`Juridictions de proximité par excellence, les
/// tribunaux d’instance s’apprêtent…`).
fn without_detached_opening(text: &str, p: &Parsed) -> Vec<String> {
    let Some(m) = p.clauses.iter().position(|c| c.kind == ClauseKind::Main) else {
        return Vec::new();
    };
    let detached = |c: &crate::parse::Clause| {
        matches!(
            c.kind,
            ClauseKind::Fragment | ClauseKind::Participial | ClauseKind::Apposition
        ) && p.tokens[c.end - 1].span.of(text) == ","
            && !p.tags[c.start..c.end].contains(&Tag::Verb)
    };
    let main = &p.clauses[m];
    let named = matches!(p.tags[main.start], Tag::Det | Tag::Propn | Tag::Num);
    if m == 0 || !named || !p.clauses[..m].iter().all(detached) {
        return Vec::new();
    }
    let kept = |one: Option<&crate::parse::Clause>| {
        let keep: Vec<bool> = (0..p.tokens.len())
            .map(|k| k >= main.start || one.is_some_and(|c| (c.start..c.end).contains(&k)))
            .collect();
        crate::fr::upper_first(&rebuild(text, p, &keep))
    };
    let mut out = vec![kept(None)];
    if m >= 2 {
        out.extend(p.clauses[..m].iter().map(|c| kept(Some(c))));
    }
    out
}

/// The sentence without the phrase that opens it, set off by a comma
/// (`Après huit mois de travaux, la commission…` → `La commission…`), when
/// the main clause after it opens on a name or a noun group.
fn without_leading_phrase(text: &str, p: &Parsed) -> Option<String> {
    let first = p.clauses.first()?;
    let main = p.clauses.get(1)?;
    let comma = p.tokens[first.end - 1].span.of(text) == ",";
    let named = matches!(p.tags[main.start], Tag::Det | Tag::Propn | Tag::Num);
    if first.kind != ClauseKind::Adjunct || main.kind != ClauseKind::Main || !comma || !named {
        return None;
    }
    let keep: Vec<bool> = (0..p.tokens.len()).map(|k| k >= main.start).collect();
    Some(crate::fr::upper_first(&rebuild(text, p, &keep)))
}

/// The sentence without the phrases in a preposition that end it, one
/// after another, once its last clause, a main one, has said its object
/// (`…présente ses conclusions mercredi 10 juin à huis clos à l’Assemblée
/// nationale.` → `…présente ses conclusions mercredi 10 juin.`): Hedge
/// Trimmer's adjuncts of place and manner. Never a complement in `de`,
/// nor across a comma, a verb, a quotation or a conjunction.
fn without_trailing_phrases(text: &str, p: &Parsed) -> Vec<String> {
    let mut out = Vec::new();
    let Some(c) = p.clauses.last().filter(|c| c.kind == ClauseKind::Main) else {
        return out;
    };
    let Some(verb) = verb_group(p, c) else {
        return out;
    };
    // The object: a noun group right after the verb group.
    let Some(object) = p
        .groups
        .iter()
        .find(|g| g.start == verb.end && g.kind == crate::parse::GroupKind::Noun)
    else {
        return out;
    };
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let mut end = c.end;
    while end > 0 && p.tags[end - 1] == Tag::Punct && p.tokens[end - 1].span.of(text) == "." {
        end -= 1;
    }
    let from = object.end.min(end);
    let mut keep: Vec<bool> = (0..p.tokens.len()).map(|k| k < end).collect();
    let blocks = |t: Tag| {
        matches!(
            t,
            Tag::Verb
                | Tag::Infinitive
                | Tag::Sub
                | Tag::Rel
                | Tag::Coord
                | Tag::OpenQuote
                | Tag::CloseQuote
                | Tag::Punct
        )
    };
    // After an infinitive the phrases are its own (`la seule à être
    // plongée dans la grisaille`): none goes.
    if p.tags[from..end].contains(&Tag::Infinitive) {
        return out;
    }
    for k in (from..end).rev() {
        let t = p.tags[k];
        if blocks(t) {
            break;
        }
        if t != Tag::Prep {
            continue;
        }
        if fw.is(&unelided(p, text, k), Class::De) {
            break;
        }
        for slot in keep.iter_mut().take(end).skip(k) {
            *slot = false;
        }
        out.push(format!(
            "{}.",
            rebuild(text, p, &keep).trim_end_matches([',', ' '])
        ));
    }
    out
}

/// `v` without the phrase `c` and the commas that set it off.
fn without_phrase(v: &str, c: &str) -> String {
    for (from, to) in [
        (format!(", {c}, "), " ".to_string()),
        (format!(", {c},"), ",".to_string()),
        (format!(" {c}, "), " ".to_string()),
        (format!(" {c} "), " ".to_string()),
    ] {
        if v.contains(&from) {
            return tidy(&v.replacen(&from, &to, 1));
        }
    }
    v.to_string()
}

/// True when the main clause of a sentence parsed as `p` stands for
/// something said before: its subject is a pronoun after a phrase (`Dans 3
/// hypothèses sur 4, elle arriverait…`) or a role alone (`Le chanteur`, `Le
/// militant`: a name said before), or its verb holds an object pronoun
/// (`y consacre`, `l’a reçu`).
fn main_clause_leans_back(text: &str, p: &Parsed) -> bool {
    // Without a main clause, the first predicate (`La DGSI, elle, le
    // surveillait…`).
    // A subject set apart from its verb by a relative (`La proposition de
    // celle qui…, pourrait`) is the opening fragment's noun group.
    let subject_apart = p.clauses.first().filter(|c| {
        c.kind == ClauseKind::Fragment
            && p.group_at(0)
                .is_some_and(|g| g.kind == crate::parse::GroupKind::Noun)
    });
    let Some(c) = p
        .clauses
        .iter()
        .find(|c| c.kind == ClauseKind::Main)
        .or(subject_apart)
        .or_else(|| p.clauses.iter().find(|c| c.kind == ClauseKind::Predicate))
    else {
        return false;
    };
    let lex = crate::fr::lexicon::lexicons();
    let fw = &lex.function_words;
    let word = |k: usize| p.tokens[k].span.of(text).to_lowercase();
    // After a colon the pronoun sums up what precedes it in the sentence
    // (`… : c’est le bilan d’un cortège`); `on` names no one, and needs no
    // one named before.
    let after_colon = c.start > 0 && p.tokens[c.start - 1].span.of(text) == ":";
    let pronoun_subject = !after_colon
        && p.tags[c.start] == Tag::Pron
        && fw.is_any(
            &word(c.start),
            &[Class::SubjectPronoun, Class::DemonstrativePronoun],
        )
        && word(c.start) != "on";
    // A subject noun group opening on a definite article (`Le chanteur`,
    // `La mesure`), which a reader takes for someone or something named
    // before unless a name or a complement says which.
    let definite_subject = p
        .group_at(c.start)
        .filter(|g| p.tags[c.start] == Tag::Det && g.kind == crate::parse::GroupKind::Noun)
        .filter(|g| {
            fw.is(&word(g.start), Class::DefiniteArticle)
                && !p.tags[g.start..g.end].contains(&Tag::Propn)
        });
    // `L’auteur de l’attaque` says which: a complement names it; so does
    // the name set apart after the role (`L’ancienne ministre, Ségolène
    // Royal, a appelé…`).
    let named_after = p
        .clauses
        .iter()
        .position(|x| x.start == c.start)
        .and_then(|i| p.clauses.get(i + 1))
        .is_some_and(|n| name_apart(p, n));
    let role_subject = definite_subject.is_some_and(|g| {
        !p.tags[g.start..g.end].contains(&Tag::Prep)
            && !named_after
            && lex.names_a_person(p.text_of(text, g.start, g.end))
    });
    // `La mesure est décriée`, `La proposition de celle qui…`: a general
    // noun standing for what the article named before; a complement names
    // it (`L’accident de la circulation`), unless it is a pronoun (`de
    // celle qui`).
    let shell_subject = definite_subject.is_some_and(|g| {
        let head = (g.start..g.end).find(|&k| p.tags[k] == Tag::Noun);
        let prep = (g.start..=g.end).find(|&k| p.tags.get(k) == Some(&Tag::Prep));
        let named_after = prep.is_some_and(|k| p.tags.get(k + 1).is_some_and(|&t| t != Tag::Pron));
        !named_after
            && head.is_some_and(|k| {
                let w = word(k);
                lex.shell_nouns.contains(&w) || lex.shell_nouns.contains(w.trim_end_matches('s'))
            })
    });
    // Not `en`: the tagger reads the preposition of `en marche`, `en passe
    // de` as the pronoun too often to trust it.
    let object_pronoun = (c.start..c.end.min(c.start + 6)).any(|k| {
        let w = word(k);
        p.tags[k] == Tag::Pron
            && fw.is(&w, Class::ObjectPronoun)
            && !fw.is_any(&w, &[Class::Reflexive, Class::SubjectPronoun])
            && w != "en"
    });
    pronoun_subject || role_subject || shell_subject || object_pronoun
}

/// `« Cinq prévenus ont été condamnés… », a indiqué l’agence SPA, citant…`
/// → `L’agence SPA a indiqué que « cinq prévenus ont été condamnés… ».`: a
/// quotation that opens a sentence, before `a` or `ont`, a verb that takes
/// `que` (`says_that.txt`) and its speaker, who ends on a name. Only a
/// statement in the third person with a finite verb, as for the title's
/// indirect speech; what follows the speaker after a comma goes.
fn reported(ctx: &Context, text: &str) -> Option<String> {
    let close = text.find("», ")?;
    let quote = &text[..close + '»'.len_utf8()];
    if quote.matches('«').count() != 1 {
        return None;
    }
    let inner = quote
        .trim_start_matches(['«', ' ', '\u{a0}', '\u{202f}'])
        .trim_end_matches(['»', ' ', '\u{a0}', '\u{202f}'])
        .trim_end_matches('.');
    let tail = text[close + "», ".len()..].trim_end_matches(['.', ' ']);
    let tail = tail.split(", ").next().unwrap_or(tail);
    let mut words = tail.split_whitespace();
    let (aux, verb) = (words.next()?, words.next()?);
    let speaker: Vec<&str> = words.collect();
    let lex = crate::fr::lexicon::lexicons();
    // A name, after a role that opens on an article and holds no other
    // preposition than `de` (`le député des Bouches-du-Rhône X`): never
    // `mercredi sur Franceinfo`, `la présidente du RN sur RTL`.
    let fw = &lex.function_words;
    let role_ok = |role: &[&str]| {
        role.first().is_none_or(|w| {
            let w = crate::fr::lexicon::fold(w);
            let article = w.split_once('’').map_or(w.as_str(), |(a, _)| a);
            fw.is_any(article, &[Class::DefiniteArticle, Class::IndefiniteArticle])
                || matches!(article, "l")
        }) && role.iter().skip(1).all(|w| {
            let w = w.to_lowercase();
            !fw.is(&w, Class::Preposition) || fw.is(&w, Class::De)
        })
    };
    let named = super::speaker_name_start(&speaker, 7).is_some_and(|k| role_ok(&speaker[..k]));
    if !matches!(aux, "a" | "ont")
        || !lex.says_that_participles.contains(verb)
        || !named
        || inner.ends_with(['?', '!', '…'])
        || inner.contains(['«', '»', '"'])
        || inner.contains(". ")
        || crate::analyze::sentences::text_opens_pointing_back(inner)
    {
        return None;
    }
    if !super::reportable(ctx, inner) {
        return None;
    }
    let told = crate::fr::lower_first(inner, |w| ctx.is_proper(w));
    Some(format!(
        "{} {aux} {verb} {}« {told} ».",
        crate::fr::upper_first(&speaker.join(" ")),
        super::que_before(&told)
    ))
}

/// The body sentence after `i`, in the source.
fn next_body_sentence(ctx: &Context, i: usize) -> Option<usize> {
    let doc = ctx.doc;
    let next = i + 1;
    // Not one inside a quotation the sentence before opened: cut from its
    // opening guillemet, it would read as the author's words.
    (next < doc.seg.sentences.len()
        && !doc.seg.is_heading(next)
        && !doc.seg.sentences[next].starts_in_quote)
        .then_some(next)
}

/// Sentence `i` and its cuts, longest first: without parentheses, without
/// appositions and relative clauses set between commas, without a leading
/// phrase of time. Attributions stay.
fn variants<'c>(ctx: &'c Context, i: usize) -> &'c [String] {
    ctx.cuts[i].get_or_init(|| cuts_of(ctx, i))
}

/// The variants of sentence `i` as the start of a description: a
/// quotation before its speaker cannot open one, said by its speaker it
/// can (see [`reported`]); any other sentence, its cuts.
fn opening_variants<'c>(ctx: &'c Context, i: usize) -> &'c [String] {
    if ctx.doc.sentence_text(i).starts_with('«') {
        reported_of(ctx, i).map_or(&[], std::slice::from_ref)
    } else {
        variants(ctx, i)
    }
}

/// Sentence `i` said by its speaker ([`reported`]), made once.
fn reported_of<'c>(ctx: &'c Context, i: usize) -> Option<&'c String> {
    ctx.reported[i]
        .get_or_init(|| {
            let text = ctx.doc.sentence_text(i);
            text.starts_with('«')
                .then(|| reported(ctx, &text))
                .flatten()
        })
        .as_ref()
}

fn cuts_of(ctx: &Context, i: usize) -> Vec<String> {
    let doc = ctx.doc;
    let text = doc.sentence_text(i);
    let p = ctx.parsed(i);
    let mut out = vec![text.clone()];
    push(&mut out, without_parentheses(&text));
    let dropped = |kinds: &[ClauseKind]| without_clauses(&doc.text, p, kinds);
    push(&mut out, dropped(&[ClauseKind::Apposition]));
    let asides = dropped(&[ClauseKind::Apposition, ClauseKind::Relative]);
    let all = without_parentheses(&asides);
    push(&mut out, asides);
    push(&mut out, all);
    // A phrase of circumstance set between commas inside the sentence
    // (`a adopté lundi, après trois heures de débats, un budget…`).
    let framed = dropped(&[
        ClauseKind::Apposition,
        ClauseKind::Relative,
        ClauseKind::Adjunct,
    ]);
    push(&mut out, without_parentheses(&framed));
    if let Some(rest) = without_leading_time(&doc.text, p) {
        push(&mut out, without_parentheses(&rest));
    }
    for rest in without_detached_opening(&doc.text, p) {
        push(&mut out, without_parentheses(&rest));
    }
    if let Some(rest) = without_leading_phrase(&doc.text, p) {
        push(&mut out, without_parentheses(&rest));
    }
    for rest in without_trailing_phrases(&doc.text, p) {
        push(&mut out, without_parentheses(&rest));
    }
    if let Some(v) = name_for_role(&doc.text, p) {
        push(&mut out, v);
    }
    // Each variant tokenized once, for the tests that spare most of them a
    // parse (the context keeps those it makes).
    let tokens: Vec<Vec<Token>> = out.iter().map(|v| crate::segment::tokens(v)).collect();
    let more = opening_and_colon_cuts(ctx, &out, &tokens);
    for m in more {
        push(&mut out, m);
    }
    for v in trailing_cuts(&doc.text, p) {
        push(&mut out, v);
    }
    // The main clause trimmed to its core (`près de 4 800 spectateurs ont
    // assisté aux quinze concerts`), its opening attribution kept.
    if let Some(core) = super::headline::core_within(&doc.text, p, 20) {
        let opening = p
            .clauses
            .first()
            .filter(|c| c.kind == ClauseKind::Attribution)
            .map(|c| p.text_of(&doc.text, c.start, c.end).to_string());
        let core = match opening {
            Some(a) => format!(
                "{a} {}",
                crate::fr::lower_first(&core.text, |w| ctx.is_proper(w))
            ),
            None => core.text,
        };
        push(&mut out, format!("{core}."));
    }
    // Without the dates inside the sentence (`a adopté lundi 18 mars, après
    // trois heures de débats, un budget…`): the news stays.
    for v in undated_cuts(ctx, &out, &tokens) {
        push(&mut out, v);
    }
    without_roles(ctx, p, &mut out);
    finish(ctx, p, out)
}

/// `L’ancienne ministre…, Ségolène Royal, a appelé…` → `Ségolène Royal a
/// appelé…`: a subject that is a role set before the person's name between
/// commas gives way to the name, the phrases before it kept (`Lors des
/// questions au gouvernement, le député…, Christian Hutin, a interpellé…`).
fn name_for_role(text: &str, p: &Parsed) -> Option<String> {
    let c = &p.clauses;
    let k = (1..c.len().saturating_sub(1)).find(|&k| {
        let role = &c[k - 1];
        name_apart(p, &c[k])
            && (c[k].start..c[k].end)
                .filter(|&t| p.tags[t] != Tag::Punct)
                .count()
                >= 2
            && matches!(role.kind, ClauseKind::Fragment | ClauseKind::Apposition)
            && p.tags[role.start] == Tag::Det
            && matches!(p.tags[c[k + 1].start], Tag::Verb | Tag::Aux)
    })?;
    let mut keep = vec![true; p.tokens.len()];
    for slot in keep.iter_mut().take(c[k].start).skip(c[k - 1].start) {
        *slot = false;
    }
    // The comma after the name goes with the role.
    if p.tokens[c[k].end - 1].span.of(text) == "," {
        keep[c[k].end - 1] = false;
    }
    Some(crate::fr::upper_first(&rebuild(text, p, &keep)))
}

/// True when clause `c` is a name set apart and nothing else (`, Ségolène
/// Royal,`).
fn name_apart(p: &Parsed, c: &crate::parse::Clause) -> bool {
    c.kind == ClauseKind::Apposition
        && (c.start..c.end)
            .filter(|&t| p.tags[t] != Tag::Punct)
            .all(|t| p.tags[t] == Tag::Propn)
}

/// Adds `s` to the cuts, tidied, unless it is empty, unbalanced or there.
fn push(out: &mut Vec<String>, s: String) {
    let s = tidy(&s);
    if !s.is_empty() && balanced(&s) && !out.contains(&s) {
        out.push(s);
    }
}

/// Adds to `out` each of its cuts with a person's role before the name
/// left out (`le ministre chinois des Affaires étrangères Qin Gang` → `Qin
/// Gang`), in a cut that has already lost its relative clauses: a role
/// says more than a relative's aside.
fn without_roles(ctx: &Context, p: &Parsed, out: &mut Vec<String>) {
    let doc = ctx.doc;
    let relatives: Vec<&str> = p
        .clauses
        .iter()
        .filter(|c| c.kind == ClauseKind::Relative && c.start > 0)
        .filter(|c| p.tokens[c.start - 1].span.of(&doc.text) == ",")
        .map(|c| p.text_of(&doc.text, c.start, c.end))
        .collect();
    for e in &ctx.facts.entities {
        let Some(span) = e.role_span else { continue };
        let full = span
            .of(&doc.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for v in out.clone() {
            if relatives.iter().any(|r| v.contains(r)) {
                continue;
            }
            // At the start too: `Le secrétaire d’Etat américain Antony
            // Blinken a eu…` → `Antony Blinken a eu…`.
            // Not after an adjective or an article that belongs to the role
            // (`L’ancien chef du gouvernement Silvio Berlusconi` is never
            // `L’ancien Silvio Berlusconi`).
            let Some(at) = v.find(full.as_str()) else {
                continue;
            };
            if !qualifies_role(&v[..at]) {
                push(out, v.replacen(full.as_str(), &e.text, 1));
            }
        }
    }
}

/// The cuts without an inner connector, longest first (one that opens on a
/// date after those that open on the news), each ending on a period.
fn finish(ctx: &Context, p: &Parsed, mut out: Vec<String>) -> Vec<String> {
    let doc = ctx.doc;
    // A connector inside the first words relates the sentence to the one
    // before (`L’enquête a en effet longtemps été enlisée`): every cut goes
    // without it, as a desk would strike it.
    if let Some(c) = inner_connector(ctx, p) {
        let plain: Vec<String> = std::mem::take(&mut out)
            .iter()
            .map(|v| without_phrase(v, &c))
            .collect();
        for v in plain {
            push(&mut out, v);
        }
    }
    // Longest first; one that opens on a date (`En 1992, …`) after those
    // that open on the news.
    let time_opening = without_leading_time(&doc.text, p).map(|_| {
        let first = &p.clauses[0];
        p.text_of(&doc.text, first.start, first.end).to_string()
    });
    out.sort_by_key(|s| {
        let dated = time_opening.as_deref().is_some_and(|t| s.starts_with(t));
        (dated, std::cmp::Reverse(s.chars().count()))
    });
    // A paragraph the page left without its final period (`…se qualifier
    // pour le second tour`) gets one: a description is read as sentences.
    // One that ends on a colon announcing a list ends there.
    for v in &mut out {
        if !v.ends_with(['.', '!', '?', '…', '»', '"', '”', ')']) {
            let kept = v
                .trim_end_matches([':', ';', ',', ' ', '\u{a0}', '\u{202f}'])
                .len();
            v.truncate(kept);
            v.push('.');
        }
    }
    out
}

/// The variants without a leading participial phrase (`Présenté jeudi
/// aux syndicats, le projet prévoit…`), and those cut before a colon or
/// semicolon that opens a detail, the clause before it complete. `tokens`
/// are the variants': only those whose first words may open a participial
/// phrase are parsed.
fn opening_and_colon_cuts(
    ctx: &Context,
    variants: &[String],
    tokens: &[Vec<Token>],
) -> Vec<String> {
    let mut more = Vec::new();
    for (v, tokens) in variants.iter().zip(tokens) {
        if Parsed::may_open_on_participle(v, tokens) {
            let pv = ctx.parse_text(v);
            if pv.opener() == Some(ClauseKind::Participial) && pv.clauses.len() >= 2 {
                let from = pv.clauses[1].start;
                let keep: Vec<bool> = (0..pv.tokens.len()).map(|k| k >= from).collect();
                more.push(crate::fr::upper_first(&rebuild(v, &pv, &keep)));
            }
        }
        if let Some(at) = v.find([':', ';']) {
            let head = v[..at].trim_end();
            let complete = Parsed::of_text(head).main_clause().is_some();
            if complete && !head.contains('«') {
                more.push(format!("{head}."));
            }
        }
    }
    more
}

/// The variants without their dates, those that have any; `tokens` are
/// those of the first variants (the others are tokenized here): only a
/// variant that holds a date word is parsed.
fn undated_cuts(ctx: &Context, variants: &[String], tokens: &[Vec<Token>]) -> Vec<String> {
    variants
        .iter()
        .enumerate()
        .filter(|&(j, v)| match tokens.get(j) {
            Some(t) => may_hold_dates(v, t),
            None => may_hold_dates(v, &crate::segment::tokens(v)),
        })
        .filter_map(|(_, v)| without_dates(v, &ctx.parse_text(v)))
        .collect()
}

/// True when a cleft (`c’est… qui`, `ce sont trois joueurs, dont…, qui`)
/// opens before token `at`: a demonstrative pronoun and a form of `être`;
/// its relatives carry the sentence's verb.
fn cleft_before(text: &str, p: &Parsed, at: usize) -> bool {
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let cleft = |pron: &str, verb: &str| {
        fw.is(pron, Class::DemonstrativePronoun) && fw.is(verb, Class::AuxEtre)
    };
    // Each token lowered once, the one before kept for a cleft in two.
    let mut before: Option<String> = None;
    for t in &p.tokens[..at.min(p.tokens.len())] {
        let mut w = t.span.of(text).to_lowercase();
        if w.contains('\'') {
            w = w.replace('\'', "’");
        }
        // `c’est` as one token or two.
        let glued = w
            .split_once('’')
            .is_some_and(|(a, b)| cleft(&format!("{a}’"), b));
        if glued || before.as_deref().is_some_and(|b| cleft(b, &w)) {
            return true;
        }
        before = Some(w);
    }
    false
}

/// True when the word that ends `before` belongs to the role after it: an
/// article, or an adjective (`ancien`, `futur`), elided or not.
fn qualifies_role(before: &str) -> bool {
    let Some(word) = before.split_whitespace().next_back() else {
        return false;
    };
    let word = word.to_lowercase();
    let word = word.rsplit(['’', '\'']).next().unwrap_or(&word);
    let lex = crate::fr::lexicon::lexicons();
    let article = lex
        .function_words
        .is_any(word, &[Class::DefiniteArticle, Class::IndefiniteDeterminer]);
    let elided = before.trim_end().ends_with(['’', '\'']);
    article
        || elided
        || lex
            .pos
            .get(word)
            .is_some_and(|e| e.has(crate::fr::lexicon::Pos::Adj))
}

/// The sentence cut after each of its clauses that completes a main clause,
/// the clauses after it left out (`…, alors que…`, `… et fait suite à…`,
/// `…, après des mois de…`), its closing attribution kept (`…, a indiqué
/// le ministère.`).
fn trailing_cuts(text: &str, p: &Parsed) -> Vec<String> {
    let n = p.tokens.len();
    let attribution = p
        .clauses
        .last()
        .filter(|c| c.kind == ClauseKind::Attribution && p.clauses.len() > 2);
    let mut out = Vec::new();
    let mut complete = false;
    for (k, c) in p.clauses.iter().enumerate() {
        complete |= matches!(c.kind, ClauseKind::Main | ClauseKind::Predicate);
        let next = p.clauses.get(k + 1);
        let Some(next) = next else { break };
        if !complete || attribution.is_some_and(|a| a.start == next.start) {
            continue;
        }
        let after_comma = next.start > 0 && p.tokens[next.start - 1].span.of(text) == ",";
        let cuttable = match next.kind {
            // A relative after a comma describes; one without (`ce qu’il
            // va trouver`) is needed.
            ClauseKind::Relative => after_comma && !cleft_before(text, p, next.start),
            ClauseKind::Subordinate | ClauseKind::Adjunct | ClauseKind::Participial => after_comma,
            // A coordinated verb after a comma (`…, et fait suite à…`); one
            // without may be a locution's half (`d’ores et déjà`).
            ClauseKind::Predicate => after_comma,
            _ => false,
        };
        // What is dropped must be the sentence's tail: not a complement in
        // `de` or `à` that the verb still needs after an aside (`permettre
        // à Emmanuel Macron, contraint de…, d’enfin commencer…`), and the
        // cut must not end on a word that opens a phrase (`sous la
        // frontière pour, par exemple, passer…`).
        let fw = &crate::fr::lexicon::lexicons().function_words;
        let opens_on_de_or_a =
            |at: usize| fw.is_any(&unelided(p, text, at), &[Class::De, Class::A]);
        let infinitive_after =
            |at: usize| p.tags[at + 1..p.tags.len().min(at + 3)].contains(&Tag::Infinitive);
        let resumes = p.clauses[k + 1..]
            .iter()
            .any(|later| opens_on_de_or_a(later.start) && infinitive_after(later.start));
        let last_word = (c.start..c.end).rev().find(|&t| p.tags[t] != Tag::Punct);
        let open_end = last_word.is_some_and(|t| {
            matches!(
                p.tags[t],
                Tag::Prep | Tag::Det | Tag::Coord | Tag::Sub | Tag::Rel | Tag::Pron
            )
        });
        // A phrase after the verb's clause (`a exprimé sa « douleur » après
        // la mort de X, dont…`) ends the cut once that clause has its
        // complement.
        let verb_clause = p.clauses[..=k]
            .iter()
            .rposition(|v| matches!(v.kind, ClauseKind::Main | ClauseKind::Predicate));
        let said = verb_clause.is_some_and(|v| {
            has_complement(p, &p.clauses[v])
                && p.clauses[v + 1..=k]
                    .iter()
                    .all(|a| matches!(a.kind, ClauseKind::Adjunct | ClauseKind::Quotation))
        });
        if !cuttable || !said || resumes || open_end {
            continue;
        }
        let mut keep: Vec<bool> = (0..n).map(|t| t < c.end).collect();
        // The comma that ended the kept part goes; the attribution stays.
        if c.end > 0 && p.tokens[c.end - 1].span.of(text) == "," {
            keep[c.end - 1] = false;
        }
        let mut cut = rebuild(text, p, &keep);
        if let Some(a) = attribution {
            let tail: Vec<bool> = (0..n).map(|t| t >= a.start).collect();
            cut = format!(
                "{}, {}",
                cut.trim_end_matches(['.', ' ']),
                rebuild(text, p, &tail)
            );
        } else {
            cut = format!("{}.", cut.trim_end_matches(['.', ',', ' ']));
        }
        out.push(cut);
    }
    out
}

/// The first verb group inside clause `c`.
fn verb_group<'p>(p: &'p Parsed, c: &crate::parse::Clause) -> Option<&'p crate::parse::Group> {
    p.groups
        .iter()
        .find(|g| g.kind == crate::parse::GroupKind::Verb && g.start >= c.start && g.end <= c.end)
}

/// Token `k` lowered, an elided `d’` read as `de` (`d’État` → `de`).
fn unelided(p: &Parsed, text: &str, k: usize) -> String {
    let w = p.tokens[k].span.of(text).to_lowercase();
    let w = w.split(['’', '\'']).next().unwrap_or(&w);
    if w == "d" { "de" } else { w }.to_string()
}

/// True when clause `c` holds a complement after its verb group (a noun
/// group, an adjective, a preposition's phrase, an infinitive): `a adopté
/// lundi 18 mars,` without `un budget` is cut before its object.
fn has_complement(p: &Parsed, c: &crate::parse::Clause) -> bool {
    // A quotation is what the verb before it says (`Il dit « … »`).
    if c.kind == ClauseKind::Quotation {
        return true;
    }
    let Some(verb) = verb_group(p, c) else {
        return false;
    };
    (verb.end..c.end).any(|k| {
        matches!(
            p.tags[k],
            Tag::Det | Tag::Noun | Tag::Propn | Tag::Adj | Tag::Infinitive | Tag::Unknown
        ) || (p.tags[k] == Tag::Prep && k + 1 < c.end)
    }) && !(verb.end..c.end).all(|k| {
        matches!(p.tags[k], Tag::Adv | Tag::Num | Tag::Punct | Tag::Noun) && is_dated(p, k)
    })
}

/// True when token `k` belongs to a date (`lundi 18 mars`): a number, or
/// a word tagged as time.
fn is_dated(p: &Parsed, k: usize) -> bool {
    matches!(p.tags[k], Tag::Num | Tag::Adv | Tag::Punct)
}

/// False when no token of `v` (its `tokens`) after its first is a date
/// word or a part of a day: [`without_dates`] then has nothing to drop, and
/// `v` need not be parsed for it.
fn may_hold_dates(v: &str, tokens: &[Token]) -> bool {
    let lex = crate::fr::lexicon::lexicons();
    let dates = !(crate::fr::lexicon::DateList::MonthQualifier as u8);
    tokens
        .iter()
        .skip(1)
        .any(|t| lex.date_lists_of(&crate::fr::lowercase(t.span.of(v))) & dates != 0)
}

/// `v` without its dates (`lundi 18 mars`, `le 5 juin`, `dimanche`), when
/// it has any after its first word.
fn without_dates(v: &str, p: &Parsed) -> Option<String> {
    let d = Dates::new(v, p);
    let n = p.tokens.len();
    let mut keep = vec![true; n];
    let mut any = false;
    for k in 1..n {
        let Some((j, k)) = d.span(k) else {
            continue;
        };
        any = true;
        for slot in keep.iter_mut().take(k + 1).skip(j) {
            *slot = false;
        }
        // `En mai 2015, il part…` → `Il part…`, never `En, il part…`.
        if j == 1 && p.tags[0] == Tag::Prep {
            keep[0] = false;
            if let Some(c) = (2..n).find(|&c| keep[c]).filter(|&c| d.word(c) == ",") {
                keep[c] = false;
            }
        }
        if k + 1 < n && p.tags[k + 1] == Tag::Num && p.tokens[k + 1].span.of(v).len() == 4 {
            keep[k + 1] = false;
        }
        d.drop_commas(&mut keep, j, k);
    }
    (any && !d.stranded(&mut keep)).then(|| crate::fr::upper_first(&tidy(&rebuild(v, p, &keep))))
}

/// The dates of a sentence `v` parsed as `p`, for [`without_dates`].
struct Dates<'a> {
    v: &'a str,
    p: &'a Parsed,
    lex: &'static crate::fr::lexicon::Lexicons,
    /// Inside a quotation: a date there is the speaker's word (`pour «
    /// septembre »`).
    quoted: Vec<bool>,
}

impl<'a> Dates<'a> {
    fn new(v: &'a str, p: &'a Parsed) -> Dates<'a> {
        let mut quoted = vec![false; p.tokens.len()];
        let mut inside = false;
        for (k, q) in quoted.iter_mut().enumerate() {
            match p.tags[k] {
                Tag::OpenQuote => inside = true,
                Tag::CloseQuote => inside = false,
                _ => *q = inside,
            }
        }
        Dates {
            v,
            p,
            lex: crate::fr::lexicon::lexicons(),
            quoted,
        }
    }

    fn word(&self, k: usize) -> String {
        self.p.tokens[k].span.of(self.v).to_lowercase()
    }

    fn time(&self, k: usize) -> bool {
        let w = self.word(k);
        self.p.tags[k] == Tag::Adv && (self.lex.is_date_word(&w) || self.lex.day_parts.contains(&w))
    }

    /// `18`, `1ᵉʳ`: a day's number, however the tagger read it.
    fn numeral(&self, k: usize) -> bool {
        self.p.tags[k] == Tag::Num
            || self.p.tokens[k]
                .span
                .of(self.v)
                .starts_with(|c: char| c.is_ascii_digit())
    }

    /// The tokens `j..=k` of the date around its word at `k`, with what
    /// goes with it, or `None` when there is no date there or it stays.
    fn span(&self, k: usize) -> Option<(usize, usize)> {
        let (p, word) = (self.p, |k| self.word(k));
        if !self.time(k) || self.quoted[k] {
            return None;
        }
        // The day's number and its article: `le 18 mars`, `lundi 18 mars`.
        let mut j = k;
        while j > 1 && (self.numeral(j - 1) || (p.tags[j - 1] == Tag::Adv && self.time(j - 1))) {
            j -= 1;
        }
        // With its determiner: `le 18 mars`, `chaque dimanche`, `ce lundi`.
        if j > 1 && p.tags[j - 1] == Tag::Det {
            j -= 1;
        }
        // Its qualifier and preposition go with it: `fin mai`, `en 2014`,
        // never `touchés fin.` or `un meilleur score en, …`; the
        // qualifier's determiner too (`à la fin juin`).
        if j > 1 && self.lex.month_qualifiers.contains(&word(j - 1)) {
            j -= 1;
            if j > 1 && p.tags[j - 1] == Tag::Det {
                j -= 1;
            }
        }
        // `à partir du 17 mars`, `en date du 1ᵉʳ janvier` go whole, never
        // `à partir`, `en date`.
        if j > 2 && word(j - 1) == "du" {
            j -= 1;
        }
        let compound = |a: &str, b: &str| {
            matches!((a, b), ("à", "partir") | ("en", "date") | ("à", "compter"))
        };
        if j > 2 && compound(&word(j - 2), &word(j - 1)) {
            j -= 2;
        } else if word(j) == "du" {
            j += 1;
        }
        // After `de` or `à` the date completes a noun (`la journée de
        // vendredi`, `la nuit de lundi à mardi`): it stays.
        if j > 1 && matches!(word(j - 1).as_str(), "de" | "d’" | "à") {
            return None;
        }
        if j > 1 && p.tags[j - 1] == Tag::Prep {
            j -= 1;
        }
        // An elided word goes with the word it leans on (`jusqu’au 24
        // juillet`, never `jusqu’ l’état…`); not a conjunction's (`parce
        // qu’en mai 2019` keeps `qu’` and the date: `qu’` would have
        // nothing to lean on).
        if j > 1 && word(j - 1).ends_with(['’', '\'']) {
            if p.tags[j - 1] != Tag::Prep {
                return None;
            }
            j -= 1;
        }
        // A date with its article right after a finite verb may be its
        // object (`célébrait le 14 juillet`): it stays. After a participle
        // it tells when (`a été adopté le 5 juin`). A date before a verb is
        // its subject (`que le 11-mai n’a rien changé`).
        let n = p.tokens.len();
        let object = j > 0 && p.tags[j - 1] == Tag::Verb && word(j) == "le";
        let subject = k + 1 < n && matches!(p.tags[k + 1], Tag::Verb | Tag::Aux | Tag::Neg);
        if object || subject {
            return None;
        }
        // What goes on dating it goes too: `dimanche 1ᵉʳ juillet`, `en juin
        // dernier`.
        let mut k = k;
        while k + 1 < n
            && !self.quoted[k + 1]
            && ((self.numeral(k + 1) && p.tokens[k + 1].span.of(self.v).chars().count() < 4)
                || (p.tags[k + 1] == Tag::Adv && self.time(k + 1))
                || self
                    .lex
                    .after_date
                    .contains(&crate::fr::lexicon::fold(&word(k + 1))))
        {
            k += 1;
        }
        Some((j, k))
    }

    /// A date `j..=k` set between commas takes one of them along (`…
    /// territoire, samedi, elle est…` → `… territoire, elle est…`), or
    /// both inside a clause (`a perdu, mardi, sa majorité`, `s’est noyée,
    /// lundi, dans le lac`).
    fn drop_commas(&self, keep: &mut [bool], j: usize, k: usize) {
        let (p, n) = (self.p, keep.len());
        let after = (k + 1..n).find(|&c| keep[c]);
        let comma = |c: usize| self.word(c) == ",";
        if let Some(a) = after.filter(|&a| j > 1 && keep[j - 1] && comma(j - 1) && comma(a)) {
            keep[a] = false;
            let verbal = matches!(p.tags[j - 2], Tag::Verb | Tag::Aux | Tag::Participle);
            let next = (a + 1..n).find(|&c| keep[c]);
            if verbal || next.is_some_and(|c| p.tags[c] == Tag::Prep) {
                keep[j - 1] = false;
            }
        }
    }

    /// True when the dates' removal strands a word: a preposition left
    /// without its object (`Dans la nuit de à, …` once `lundi` and `mardi`
    /// are gone, `Les mois et de vont…` once `octobre` and `novembre` are),
    /// or a conjunction beside one date only (`Les mois d’octobre et de
    /// novembre`); a conjunction between two dates goes with them
    /// (`réunit lundi et mardi l’ensemble` → `réunit l’ensemble`).
    fn stranded(&self, keep: &mut [bool]) -> bool {
        let (p, n) = (self.p, keep.len());
        let mut lone_conjunction = false;
        for k in 1..n.saturating_sub(1) {
            if p.tags[k] == Tag::Coord && keep[k] {
                match (keep[k - 1], keep[k + 1]) {
                    (false, false) => keep[k] = false,
                    (true, true) => {}
                    _ => lone_conjunction = true,
                }
            }
        }
        let kept: Vec<usize> = (0..n).filter(|&k| keep[k]).collect();
        lone_conjunction
            || kept.windows(2).any(|w| {
                p.tags[w[0]] == Tag::Prep
                    && matches!(p.tags[w[1]], Tag::Prep | Tag::Punct | Tag::Coord)
            })
            || kept.last().is_some_and(|&k| p.tags[k] == Tag::Prep)
    }
}

/// The sentence as written without its clauses of `kinds` that stand
/// between commas (or between a comma and the end): `, qui a…,`, `, le
/// ministre…,`.
fn without_clauses(text: &str, p: &Parsed, kinds: &[ClauseKind]) -> String {
    let n = p.tokens.len();
    let mut keep = vec![true; n];
    for (k, c) in p.clauses.iter().enumerate() {
        if !kinds.contains(&c.kind) || k == 0 {
            continue;
        }
        // An apposition names the noun group before it: after a subject
        // (`Blinken, le chef de la diplomatie,`) or a complete clause, not
        // after a verb still missing its object (`a adopté lundi, un budget…`).
        let prev = &p.clauses[k - 1];
        let names_before = matches!(prev.kind, ClauseKind::Fragment)
            || (matches!(prev.kind, ClauseKind::Main | ClauseKind::Predicate)
                && has_complement(p, prev));
        // A relative after the apposition describes it: both go, or neither
        // (`Montaurel qui préside…` would say the town presides).
        let relative_after = p
            .clauses
            .get(k + 1)
            .is_some_and(|n| n.kind == ClauseKind::Relative);
        let together = kinds.contains(&ClauseKind::Relative);
        if c.kind == ClauseKind::Apposition && (!names_before || (relative_after && !together)) {
            continue;
        }
        // A relative whose list runs on past its comma (`, qui concerne
        // l’Allemagne, l’Australie et le Brésil,`), or a phrase of its own
        // (`, dont la mise en service est contestée, y compris au sein de
        // la majorité,`), goes whole or stays.
        let runs_on = p.clauses.get(k + 1).is_some_and(|n| {
            matches!(
                n.kind,
                ClauseKind::Apposition | ClauseKind::Fragment | ClauseKind::Adjunct
            )
        });
        if c.kind == ClauseKind::Relative && (runs_on || cleft_before(text, p, c.start)) {
            continue;
        }
        // A phrase of circumstance goes only from between two commas, with
        // more of the clause after it.
        // Nor before an apposition, which would then name the noun before it
        // (`Sur les ruines de sa maison, à Jérusalem-Est, territoire occupé…`).
        // Nor before another phrase or a list that runs on from it (`, dans
        // le cadre d’une opération…, y compris son épouse.`, `, afin de
        // rassembler ses appareils, iPhones, iPads et Mac.`).
        let inner = k + 1 < p.clauses.len()
            && !matches!(
                p.clauses[k + 1].kind,
                ClauseKind::Attribution
                    | ClauseKind::Apposition
                    | ClauseKind::Adjunct
                    | ClauseKind::Fragment
            );
        // A phrase in `de` after an aside completes the noun before the
        // aside (`la diffusion, lundi, d’une vidéo`): it stays.
        let fw = &crate::fr::lexicon::lexicons().function_words;
        let completes = fw.is(&unelided(p, text, c.start), Class::De);
        if c.kind == ClauseKind::Adjunct && (!inner || completes) {
            continue;
        }
        let after_comma = c.start > 0 && p.tokens[c.start - 1].span.of(text) == ",";
        let ends_comma = p.tokens[c.end - 1].span.of(text) == ",";
        let last = c.end == n || (c.end + 1 == n && p.tags[n - 1] == Tag::Punct);
        if after_comma && (ends_comma || last) {
            // Both commas go with it: `Blinken, qui…, a rencontré` → `Blinken a rencontré`;
            // one stays before an attribution (`…, a ajouté Miller.`).
            let attribution_next = p
                .clauses
                .get(k + 1)
                .is_some_and(|n| n.kind == ClauseKind::Attribution);
            if !(attribution_next && ends_comma) {
                keep[c.start - 1] = false;
            }
            let stop = c.end.min(n);
            for slot in keep.iter_mut().take(stop).skip(c.start) {
                *slot = false;
            }
            if last && c.end == n {
                keep[n - 1] = true;
            }
        }
    }
    rebuild(text, p, &keep)
}

/// The sentence without a phrase of time that opens it (`Dimanche, …`, `En
/// 2018, …`), first letter up.
fn without_leading_time(text: &str, p: &Parsed) -> Option<String> {
    let first = p.clauses.first()?;
    let comma = p.tokens[first.end - 1].span.of(text) == ",";
    let time = (first.start..first.end)
        .any(|k| p.tags[k] == Tag::Num || (p.tags[k] == Tag::Adv && first.end - first.start <= 3));
    if first.kind != ClauseKind::Adjunct || !comma || !time || p.clauses.len() < 2 {
        return None;
    }
    let mut keep = vec![true; p.tokens.len()];
    for slot in keep.iter_mut().take(first.end) {
        *slot = false;
    }
    Some(crate::fr::upper_first(&rebuild(text, p, &keep)))
}

/// The kept tokens of a sentence, with the spacing the text gives them.
fn rebuild(text: &str, p: &Parsed, keep: &[bool]) -> String {
    let mut out = String::new();
    let mut last_end: Option<usize> = None;
    for (k, t) in p.tokens.iter().enumerate() {
        if !keep[k] {
            continue;
        }
        let (a, b) = (t.span.start as usize, t.span.end as usize);
        if let Some(e) = last_end {
            // The text's own gap when the tokens were neighbours; a space
            // otherwise, none before closing punctuation.
            let gap = &text[e..a];
            if gap.len() <= 3 && !text[e..a].contains(|c: char| !c.is_whitespace()) {
                out.push_str(gap);
            } else if !matches!(&text[a..b], "," | "." | ")" | "»" | ";" | ":") {
                out.push(' ');
            }
        }
        out.push_str(&text[a..b]);
        last_end = Some(b);
    }
    out
}

/// One space between words, none before a comma or a period, no comma
/// before a period, no comma or space first.
fn tidy(s: &str) -> String {
    if is_tidy(s) {
        return s.to_string();
    }
    // In one pass: a run of white space becomes one space between words,
    // dropped before `,` and `.`; a comma then right before a period goes
    // (`a , .` → `a.`, but `a,,.` → `a,.`).
    let mut out = String::with_capacity(s.len());
    let (mut word_seen, mut space) = (false, false);
    for c in s.chars() {
        if c.is_whitespace() {
            space = word_seen;
            continue;
        }
        if std::mem::take(&mut space) && !matches!(c, ',' | '.') {
            out.push(' ');
        }
        if c == '.' && out.ends_with(',') {
            out.pop();
        }
        out.push(c);
        word_seen = true;
    }
    match out.trim_start_matches([',', ' ']).len() {
        n if n == out.len() => out,
        n => out[out.len() - n..].to_string(),
    }
}

/// True when [`tidy`] leaves `s` as it is (most cuts): its only white
/// space is single plain spaces between words, none before `,` or `.`, no
/// `,` before `.` and none first. Read over bytes: a character of white
/// space other than ASCII starts with one of the bytes C2, E1, E2, E3.
fn is_tidy(s: &str) -> bool {
    let b = s.as_bytes();
    if matches!(b.first(), Some(b' ' | b',')) || b.last() == Some(&b' ') {
        return false;
    }
    b.iter().enumerate().all(|(i, &c)| {
        let next = b.get(i + 1).copied();
        match c {
            b' ' => !matches!(next, Some(b' ' | b',' | b'.')),
            b',' => next != Some(b'.'),
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => false,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => !s[i..].starts_with(char::is_whitespace),
            _ => true,
        }
    })
}

/// True when `s` holds the keyphrase as a whole word (most cuts do not,
/// which a look at their letters tells before lowering them).
fn findable(s: &str, focus: &str) -> bool {
    !focus.is_empty()
        && crate::fr::may_contain_lowered(s, &focus.to_lowercase())
        && count_in(s, focus) > 0
}

/// True when every guillemet opened is closed, in order, and there are as
/// many `(` as `)`.
fn balanced(s: &str) -> bool {
    let b = s.as_bytes();
    let (mut depth, mut open, mut close) = (0i32, 0usize, 0usize);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' => open += 1,
            b')' => close += 1,
            // `«` is C2 AB in UTF-8, `»` C2 BB.
            0xAB if i > 0 && b[i - 1] == 0xC2 => depth += 1,
            0xBB if i > 0 && b[i - 1] == 0xC2 => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0 && open == close
}

fn without_parentheses(s: &str) -> String {
    // Without an opening parenthesis every character stays.
    if !s.contains('(') {
        return tidy(s);
    }
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
    tidy(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::test_document;
    use proptest::prelude::*;

    /// What [`tidy`] does, as plainly as it can be said.
    fn plain_tidy(s: &str) -> String {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" ,", ",")
            .replace(" .", ".")
            .replace(",.", ".")
            .trim_start_matches([',', ' '])
            .to_string()
    }

    proptest! {
        // The cut-making helpers read bytes; they must say what the plain
        // definitions over characters and `replace` say.
        #[test]
        fn most_cuts_are_tidy_already(s in "[a-zé«»’,.]{1,4}( [a-zé«»’,.]{1,4}){0,8}") {
            prop_assert_eq!(is_tidy(&s), plain_tidy(&s) == s);
            prop_assert_eq!(tidy(&s), plain_tidy(&s));
        }

        #[test]
        fn tidy_and_balanced_match_their_definitions(s in "[a-zé«»() ,.’\u{a0}\u{202f}\u{2009}\u{3000}\u{85}\u{1680}\t\n]{0,40}") {
            let plain_tidy = plain_tidy(&s);
            prop_assert_eq!(tidy(&s), plain_tidy.clone());
            prop_assert_eq!(is_tidy(&s), plain_tidy == s);
            let mut depth = 0i32;
            let mut ordered = true;
            for c in s.chars() {
                depth += match c {
                    '«' => 1,
                    '»' => -1,
                    _ => 0,
                };
                ordered &= depth >= 0;
            }
            let plain_balanced =
                ordered && depth == 0 && s.matches('(').count() == s.matches(')').count();
            prop_assert_eq!(balanced(&s), plain_balanced);
        }
    }

    fn described(text: &str, focus: &str) -> (String, bool) {
        let doc = test_document(text);
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        let order: Vec<usize> = (0..doc.seg.sentences.len()).collect();
        description(&ctx, focus, &order, Typography::Source)
    }

    #[test]
    fn appositions_go_attributions_stay() {
        let (d, ok) = described(
            "Le secrétaire d’État Antony Blinken, qui effectue sa première visite depuis cinq ans, \
             a rencontré dimanche à Pékin le ministre chinois des Affaires étrangères Qin Gang \
             pour des entretiens francs, a indiqué le département d’État.",
            "Blinken",
        );
        assert!(ok, "{d}");
        assert!(d.contains("a indiqué le département d’État"), "{d}");
        assert!(!d.contains("qui effectue"), "{d}");
        assert!(!d.contains('…'));
    }

    #[test]
    fn no_description_opens_on_a_pronoun_or_is_cut() {
        let (d, _) = described(
            "La mairie de Lormeville a voté mardi son budget. Il prévoit une hausse de la taxe \
             foncière de 3,5 % et des travaux à l’école Jules-Ferry. Elle sera compensée par des \
             économies d’énergie selon le maire Marc Villeneuve.",
            "Lormeville",
        );
        assert!(d.starts_with("La mairie de Lormeville"), "{d}");
        assert!(!d.contains('…'), "{d}");
        let n = d.chars().count();
        assert!(n <= 156, "{n}: {d}");
    }

    #[test]
    fn no_start_leans_on_what_came_before() {
        let doc = test_document(
            "Le chanteur Paul Ferrand publie mardi un nouvel album de douze chansons. \
             Le chanteur y consacre trois titres à son enfance passée dans les Vosges. \
             Dans deux cas sur trois, il a écrit seul les paroles de ses chansons. \
             La maison de disques Ondine a en effet réduit le budget de la tournée d’été. \
             Plus de 90 % des places de la tournée sont déjà vendues, selon son agent.",
        );
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        let opens: Vec<bool> = (0..5).map(|i| opens_well(&ctx, i)).collect();
        assert_eq!(opens, [true, false, false, true, true]);
        // The connector inside goes from every cut.
        let cuts = variants(&ctx, 3);
        assert!(
            cuts[0].starts_with("La maison de disques Ondine a réduit"),
            "{cuts:?}"
        );
        assert!(cuts.iter().all(|v| !v.contains("en effet")), "{cuts:?}");
    }

    #[test]
    fn a_general_noun_for_what_came_before_opens_no_description() {
        let doc = test_document(
            "Le conseil municipal de Brenac a voté lundi la gratuité des bus. \
             La mesure est critiquée par les commerçants du centre-ville. \
             La proposition de celle qui se dit « la madone » de Brenac pourrait diviser. \
             L’accident de la circulation a fait deux blessés samedi à Brenac. \
             La mesure du bruit des bus a commencé en mai.",
        );
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        let opens: Vec<bool> = (0..5).map(|i| opens_well(&ctx, i)).collect();
        // A complement that names (`de la circulation`, `du bruit`) says
        // which; a pronoun (`de celle qui`) does not.
        assert_eq!(opens, [true, false, false, true, true]);
    }

    #[test]
    fn parentheses_are_cut() {
        assert_eq!(
            without_parentheses("Le Groupe des 20 (G20) se réunit."),
            "Le Groupe des 20 se réunit."
        );
    }

    fn cuts(text: &str) -> Vec<String> {
        let doc = test_document(text);
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        variants(&ctx, 0).to_vec()
    }

    #[test]
    fn a_detached_opening_goes_and_the_subject_opens() {
        let c = cuts(
            "Juridictions de proximité par excellence, traitant les litiges du quotidien, \
             les tribunaux d’instance fusionneront avec les tribunaux judiciaires le 1er janvier.",
        );
        assert!(
            c.iter()
                .any(|v| v.starts_with("Les tribunaux d’instance fusionneront")),
            "{c:?}"
        );
        // Never before a pronoun, which needs the phrase it follows.
        let c = cuts("Ancien maire de Pau, il siège depuis vingt ans à l’Assemblée nationale.");
        assert!(c.iter().all(|v| !v.starts_with("Il siège")), "{c:?}");
    }

    #[test]
    fn one_of_two_detached_phrases_may_stay_before_the_subject() {
        let c = cuts(
            "Juridictions de proximité par excellence, traitant les litiges du quotidien, \
             les tribunaux d’instance fusionneront avec les tribunaux judiciaires le 1er janvier.",
        );
        for opening in [
            "Juridictions de proximité par excellence, les tribunaux",
            "Traitant les litiges du quotidien, les tribunaux",
        ] {
            assert!(c.iter().any(|v| v.starts_with(opening)), "{opening}: {c:?}");
        }
    }

    #[test]
    fn a_leading_phrase_goes_before_a_named_subject_only() {
        let c = cuts(
            "Après huit mois de travaux, la commission d’enquête de Brenac présente ses \
             conclusions mercredi à huis clos à la mairie.",
        );
        assert!(
            c.iter()
                .any(|v| v.starts_with("La commission d’enquête de Brenac présente")),
            "{c:?}"
        );
        let c = cuts(
            "Après huit mois de travaux, elle présente ses conclusions à la mairie de Brenac.",
        );
        assert!(c.iter().all(|v| !v.starts_with("Elle")), "{c:?}");
    }

    #[test]
    fn trailing_phrases_go_once_the_object_is_said() {
        let c = cuts(
            "La commission d’enquête de Brenac présente ses conclusions mercredi à huis clos \
             à la mairie.",
        );
        for cut in [
            "présente ses conclusions mercredi à huis clos.",
            "présente ses conclusions mercredi.",
        ] {
            assert!(c.iter().any(|v| v.ends_with(cut)), "{cut}: {c:?}");
        }
        // Never without an object said first, nor a complement in `de`.
        let c = cuts("Le maire de Brenac s’apprête à fusionner avec la commune de Lormeville.");
        assert!(c.iter().all(|v| !v.ends_with("fusionner.")), "{c:?}");
        let c = cuts("Les élus ont voté le budget de la commune de Lormeville.");
        assert!(c.iter().all(|v| !v.ends_with("le budget.")), "{c:?}");
    }

    #[test]
    fn a_quotation_before_its_speaker_opens_on_the_speaker() {
        let doc = test_document(
            "« Cinq prévenus ont été condamnés à vingt ans de prison », a indiqué l’agence \
             officielle SPA, citant le parquet. « Je ne signerai pas », a déclaré Paul Durand. \
             « Le budget sera voté », a estimé mercredi sur Radio Brenac le maire. \
             « Le budget sera voté », a ajouté Paul Durand.",
        );
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        let said: Vec<Option<String>> = (0..4)
            .map(|i| reported(&ctx, &doc.sentence_text(i)))
            .collect();
        assert_eq!(
            said[0].as_deref(),
            Some(
                "L’agence officielle SPA a indiqué que « cinq prévenus ont été condamnés à \
                 vingt ans de prison »."
            )
        );
        // Never in the first person, never a speaker after a date or a
        // medium, never `a ajouté` (added to what?).
        assert_eq!(said[1..], [None, None, None]);
        assert!(opens_well(&ctx, 0) && !opens_well(&ctx, 1));
    }

    #[test]
    fn an_inner_connector_goes_a_conjunction_stays() {
        let c =
            cuts("Les enquêteurs s’intéressent ainsi à une vidéo tournée près du lycée Voltaire.");
        assert!(c.iter().all(|v| !v.contains("ainsi")), "{c:?}");
        let c = cuts(
            "Les tribunaux d’instance disparaissent, ainsi que les 164 tribunaux de grande instance.",
        );
        assert!(
            c.iter()
                .all(|v| !v.contains(" que ") || v.contains("ainsi que")),
            "{c:?}"
        );
    }

    #[test]
    fn a_core_keeps_the_whole_fact_and_a_cut_ends_on_a_period() {
        let c = cuts(
            "Selon le ministère, les tribunaux d’instance de tout le pays s’apprêtent à fusionner \
             avec les tribunaux de grande instance, qui traitent les litiges les plus lourds, \
             au terme d’une réforme votée en mars après des mois de débats.",
        );
        assert!(
            c.iter()
                .any(|v| v
                    .ends_with("s’apprêtent à fusionner avec les tribunaux de grande instance.")),
            "{c:?}"
        );
        let c =
            cuts("Le maire a dispersé le mobilier du palais au terme de cinq jours de ventes :");
        assert!(c.iter().all(|v| v.ends_with("ventes.")), "{c:?}");
    }

    #[test]
    fn a_date_goes_only_with_its_preposition_whole() {
        let c = cuts(
            "Dans la nuit de lundi à mardi, au moins 2 700 personnes ont été évacuées \
             après avoir été surprises par l’incendie des pinèdes.",
        );
        assert!(c.iter().all(|v| !v.contains("de à")), "{c:?}");
        let c = cuts(
            "Les mois d’octobre et de novembre vont être « plus durs » en Europe, a affirmé \
             lundi 14 septembre l’Organisation mondiale de la santé.",
        );
        assert!(
            c.iter()
                .all(|v| !v.contains("mois et de") && !v.contains("mois d’ et")),
            "{c:?}"
        );
        let c = cuts(
            "L’OMS Europe réunit lundi et mardi l’ensemble de ses États membres à Copenhague.",
        );
        assert!(c.iter().any(|v| v.contains("réunit l’ensemble")), "{c:?}");
        assert!(c.iter().all(|v| !v.contains("réunit et")), "{c:?}");
        let c = cuts(
            "Le gouvernement souhaite prolonger jusqu’au 24 juillet l’état d’urgence sanitaire \
             décrété pour combattre l’épidémie de Covid-19 en France.",
        );
        assert!(c.iter().all(|v| !v.contains("jusqu’ ")), "{c:?}");
    }

    #[test]
    fn a_phrase_pointing_back_from_inside_bars_a_description() {
        for s in [
            "Fleur Pellerin avait décidé quelques mois plus tard de démissionner de la fonction publique.",
            "La vitesse, quant à elle, est à l’origine d’un accident sur sept sur les routes.",
            "Cédric Villani, député de la majorité, s’est, lui aussi, réjoui de la décision.",
            "Près de deux mois plus tard, l’heure est au bilan dans les colocations improvisées.",
        ] {
            assert!(points_back(s), "{s}");
        }
        for s in [
            "Le dossier doit être déposé au plus tard le 30 juin auprès de la préfecture du Rhône.",
            "Le journal a republié les caricatures à la veille de l’ouverture du procès.",
            "La sonde quitte l’orbite terrestre en 1962, mais la communication est rompue quelques mois plus tard.",
        ] {
            assert!(!points_back(s), "{s}");
        }
    }

    #[test]
    fn cuts_never_leave_a_phrase_open() {
        // An object that holds a duration is no phrase of time.
        let v =
            cuts("Les habitants du bourg réclament un retour des bus au bout de 12 mois maximum.");
        assert!(v.iter().all(|c| !c.ends_with("réclament.")), "{v:?}");
        // A date inside a quotation is the speaker's word.
        let v = cuts(
            "Le ministre Paul Verdier a déjà évoqué pour « octobre » la présentation d’un nouveau \
             plan, qui pourrait inclure des aides.",
        );
        assert!(v.iter().all(|c| c.contains("« octobre »")), "{v:?}");
        // An aside before an apposition stays, or the apposition names the
        // wrong noun.
        let v = cuts(
            "Dans son atelier, au cœur du vieux quartier, à Montaurel, ville ravagée par la crue \
             de 2019, le potier reprend le travail.",
        );
        assert!(
            v.iter()
                .all(|c| !c.contains("quartier, ville") && !c.contains("atelier ville")),
            "{v:?}"
        );
        // No cut on a preposition, nor before the complement a verb resumes.
        let v = cuts(
            "La commune accuse la société de creuser des galeries sous la route pour, par \
             exemple, stocker du matériel, puis le revendre.",
        );
        assert!(v.iter().all(|c| !c.ends_with("pour.")), "{v:?}");
        let v = cuts(
            "Ce plan devrait aussi permettre au maire, contraint de gérer la crise depuis juin, \
             d’enfin lancer les travaux.",
        );
        assert!(v.iter().all(|c| c.contains("lancer les travaux")), "{v:?}");
    }

    #[test]
    fn a_role_keeps_its_adjective_and_a_cleft_its_relative() {
        let v = cuts(
            "Sur le terrain, ce sont trois joueurs du club, dont le capitaine Paul Verdier qui \
             ont été blessés et qui vont manquer le match, après une chute à Lormeville.",
        );
        assert!(v.iter().all(|c| c.contains("qui ont été blessés")), "{v:?}");
        let v = cuts(
            "L’ancien chef du gouvernement valdavien Paul Verdier a également été testé positif, \
             ont annoncé les médias valdaviens citant des sources de son parti, Union.",
        );
        assert!(v.iter().all(|c| !c.contains("ancien Paul")), "{v:?}");
    }

    #[test]
    fn a_description_needs_no_sentence_before_it() {
        assert!(points_back(
            "Problème : aucune majorité n’est sortie des urnes à Lormeville."
        ));
        assert!(points_back(
            "Une des dispositions de cette nouvelle loi prévoit des contrôles."
        ));
        assert!(!points_back(
            "Le maire a présenté cette semaine son budget aux habitants."
        ));
        // The second sentence of a pair may point to the first.
        assert!(!points_back(
            "La mairie a voté son budget. Ce texte prévoit des travaux."
        ));
    }

    #[test]
    fn a_date_goes_with_its_qualifier_and_preposition() {
        let v = cuts(
            "Selon le préfet du Loiret, une trentaine d’abattoirs de la région étaient touchés \
             fin mai par des foyers de contamination.",
        );
        assert!(
            v.iter()
                .all(|c| !c.contains(" fin ") || c.contains("fin mai")),
            "{v:?}"
        );
        let v = cuts(
            "Pour le politologue Marc Villeneuve, la liste aurait obtenu un meilleur score en \
             2014 sans la forte abstention qui a marqué le scrutin dans la ville.",
        );
        assert!(v.iter().all(|c| !c.contains(" en sans")), "{v:?}");
    }

    fn described_with_title(title: &str, text: &str, focus: &str) -> String {
        let article = crate::input::Article {
            title: Some(title.into()),
            text: text.into(),
            ..Default::default()
        };
        let doc = crate::Document::new(&article, 1 << 20).expect("test article");
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        let order: Vec<usize> = (0..doc.seg.sentences.len()).collect();
        description(&ctx, focus, &order, Typography::Source).0
    }

    #[test]
    fn the_description_tells_the_news_the_title_tells() {
        // The opening sets a scene; the news the title tells comes third.
        let d = described_with_title(
            "Lormeville : le conseil municipal adopte un plan de 18 millions contre les crues",
            "Sur les quais de la Dravina, les commerçants ont encore en mémoire les dégâts de la \
             dernière crue, il y a trois ans. \
             Certains ont mis des mois à rouvrir leurs boutiques. \
             Le conseil municipal de Lormeville a adopté mardi un plan de 18 millions d’euros \
             contre les crues, qui prévoit des digues et des bassins de rétention.",
            "Lormeville",
        );
        assert!(
            d.starts_with("Le conseil municipal de Lormeville a adopté"),
            "{d}"
        );
    }

    #[test]
    fn a_date_that_a_verb_names_and_a_locution_stay_whole() {
        let v = cuts(
            "Un pompier a été blessé à Lormeville alors que la ville célébrait le 14 juillet.",
        );
        assert!(v.iter().all(|c| !c.ends_with("célébrait.")), "{v:?}");
        let v = cuts(
            "Le maire de Lormeville a présenté son budget aux habitants et il l’a d’ores et déjà \
             transmis à la préfecture.",
        );
        assert!(v.iter().all(|c| !c.ends_with("d’ores.")), "{v:?}");
    }

    #[test]
    fn a_date_that_completes_a_noun_stays_and_one_between_commas_leaves_no_comma_stranded() {
        let v = cuts(
            "La journée de vendredi est classée rouge sur les routes de Lormeville, samedi, elle \
             est classée noire, alerte la préfecture.",
        );
        assert!(v.iter().all(|c| !c.contains("journée de est")), "{v:?}");
        assert!(v.iter().all(|c| !c.contains(",,")), "{v:?}");
        let v = cuts(
            "Le maire de Lormeville a perdu, mardi, sa majorité au conseil municipal après la \
             défection de trois élus de son camp.",
        );
        assert!(v.iter().any(|c| c.contains("a perdu sa majorité")), "{v:?}");
        assert!(v[1..].iter().all(|c| !c.contains("perdu,")), "{v:?}");
    }

    #[test]
    fn a_date_goes_with_its_determiner_and_stays_as_a_subject() {
        let v = cuts(
            "Dans un quartier de Lormeville, le jardin public se transforme chaque dimanche \
             matin en une école en plein air pour une trentaine d’apprentis cyclistes.",
        );
        assert!(v.iter().all(|c| !c.contains("chaque en")), "{v:?}");
        let v = cuts(
            "Selon le sondage publié par la mairie de Lormeville, 40 % des habitants déclarent \
             que le 11-mai n’a rien changé pour eux.",
        );
        assert!(v.iter().all(|c| !c.contains("que n’a")), "{v:?}");
    }

    #[test]
    fn a_complement_resumed_after_an_aside_and_a_conjunction_stay_whole() {
        let v = cuts(
            "Le parquet de Lormeville a ouvert une enquête après la diffusion, lundi 19 août, \
             d’une vidéo montrant des lapins entassés dans des cages, a appris l’AFP.",
        );
        assert!(v.iter().all(|c| !c.contains("août a appris")), "{v:?}");
        let v = cuts(
            "La liste a gagné la mairie de Lormeville parce qu’en mai 2019, les écologistes \
             s’étaient largement imposés aux européennes dans la commune.",
        );
        assert!(v.iter().all(|c| !c.contains("parce,")), "{v:?}");
    }

    #[test]
    fn a_date_goes_with_what_goes_on_dating_it() {
        for (text, never) in [
            (
                "Un important incendie a eu lieu dimanche 1ᵉʳ au matin dans un entrepôt de la \
                 commune de Lormeville, dans l’Essonne, selon les pompiers.",
                "lieu 1ᵉʳ",
            ),
            (
                "La cote de popularité du maire de Lormeville a commencé à chuter en juin dernier \
                 au moment de la contestation contre son projet de rocade.",
                "chuter dernier",
            ),
            (
                "Écrouée après sa mise en examen à la fin juin dernier, la suspecte a été placée \
                 sous strict contrôle judiciaire à Lormeville.",
                "à la,",
            ),
        ] {
            let v = cuts(text);
            assert!(v.iter().all(|c| !c.contains(never)), "{v:?}");
        }
    }

    #[test]
    fn a_role_set_before_the_name_gives_way_to_the_name() {
        let v = cuts(
            "L’ancienne ministre et candidate à la mairie de Lormeville, Hélène Durand, a appelé \
             lundi le maire à saisir la main tendue par les syndicats pour mettre fin à la grève.",
        );
        assert!(
            v.iter().any(|c| c.starts_with("Hélène Durand a appelé")),
            "{v:?}"
        );
    }

    #[test]
    fn a_role_named_after_it_opens_a_description_on_the_name() {
        let (d, ok) = described(
            "L’ancienne ministre et candidate à la mairie de Lormeville, Hélène Durand, a appelé \
             lundi 6 janvier le maire à saisir la main tendue par les syndicats pour mettre fin à \
             la grève des agents. Elle a aussi dénoncé l’égo du maire.",
            "Hélène Durand",
        );
        assert!(ok, "{d}");
        assert!(d.starts_with("Hélène Durand a appelé"), "{d}");
    }
}
