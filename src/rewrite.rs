//! The rewrite: from an analysed document to a [`Rewrite`] — sentences
//! selected to the word floor, a lead, topical sections with subheadings and
//! connectors, derived sections when the source is short, title, SEO title,
//! description, slug and keyphrase — typeset once at the end.

use crate::analyze::EntityKind;
use crate::document::Document;
use crate::fr::{Typography, count_words};
use crate::frame::{self, Context, connect, heading, keyphrase, meta, templates_for, title};
use crate::model::{HeadingKind, LengthReport, Request, Rewrite, Section, SourceSentence};
use crate::model::{SentenceKind, SentenceOut};
use crate::rank::RankOptions;
use crate::section::{self, SectionOptions};
use crate::select;
use crate::summarize::rank_document;

/// Default word floor of the body.
pub const DEFAULT_MIN_WORDS: usize = 700;

/// Options of the rewrite.
#[derive(Debug, Clone, PartialEq)]
pub struct RewriteOptions {
    /// Word floor when neither the article nor the request states one (default 700).
    pub min_words: usize,
    /// When the source is longer, the body aims at the floor plus this share (default 0.15).
    pub margin: f64,
    /// Output typography (default French).
    pub typography: Typography,
    /// Section and paragraph sizes.
    pub sections: SectionOptions,
}

impl Default for RewriteOptions {
    fn default() -> Self {
        RewriteOptions {
            min_words: DEFAULT_MIN_WORDS,
            margin: 0.15,
            typography: Typography::French,
            sections: SectionOptions::default(),
        }
    }
}

/// Words of source sentences the body aims at: the floor (the document's
/// own, else `opts.min_words`) plus `opts.margin` when the source is longer,
/// else the whole source.
pub fn body_target(doc: &Document, opts: &RewriteOptions) -> usize {
    let min_words = doc.min_words.unwrap_or(opts.min_words);
    let source_words = doc.body_words();
    if source_words > min_words {
        ((min_words as f64) * (1.0 + opts.margin)).round() as usize
    } else {
        source_words
    }
}

/// Rewrites an analysed document.
pub fn rewrite(
    doc: &Document,
    opts: &RewriteOptions,
    rank_opts: &RankOptions,
    source_hash: String,
) -> Rewrite {
    let ranking = rank_document(doc, rank_opts);
    let facts = doc.facts();
    let ctx = Context::new(doc, &facts);
    let min_words = doc.min_words.unwrap_or(opts.min_words);
    let source_words = doc.body_words();
    let selected = select::select(doc, &ranking, body_target(doc, opts));
    let score = |i: usize| ranking.scores[i];
    let words_of = |i: usize| doc.terms.sentence_words[i] as usize;

    // The lead: the first sentence, with the next when it is short or tied to it.
    let mut lead_len = 1.min(selected.len());
    let grow = |n: usize| {
        n < selected.len()
            && selected[n] == selected[n - 1] + 1
            && selected[..=n].iter().map(|&i| words_of(i)).sum::<usize>() <= 70
    };
    while lead_len > 0
        && grow(lead_len)
        && (selected[..lead_len]
            .iter()
            .map(|&i| words_of(i))
            .sum::<usize>()
            < 30
            || doc.depends_on_previous(selected[lead_len]))
    {
        lead_len += 1;
    }
    let text_of = |ids: &[usize]| doc.joined_text(ids);
    let body_text = text_of(&selected);
    let lead_text = text_of(&selected[..lead_len]);
    // The keyphrase must be able to open the article and fill its description.
    let opening = text_of(&selected[..selected.len().min(3)]);
    let mut desc_order: Vec<usize> = selected[..selected.len().min(3)].to_vec();
    desc_order.extend(ranking.order());
    // The description found for the keyphrase that is accepted is the one printed.
    let described: std::cell::RefCell<Option<(String, (String, bool))>> = Default::default();
    let accept = |k: &str| {
        if keyphrase::count_in(&opening, k) == 0 {
            return false;
        }
        let found = meta::description(&ctx, k, &desc_order, opts.typography);
        let ok = found.1;
        *described.borrow_mut() = Some((k.to_string(), found));
        ok
    };
    let focus = keyphrase::choose(
        &ctx,
        &body_text,
        &lead_text,
        doc.keyphrase.as_deref(),
        accept,
    );
    // Yoast looks for the keyphrase in the first paragraph: take one more
    // sentence into the lead when that brings it in.
    if keyphrase::count_in(&lead_text, &focus.text) == 0 {
        for extra in lead_len + 1..=selected.len().min(3) {
            // A chapô may skip a sentence of the source, not a dependent one.
            let words: usize = selected[..extra].iter().map(|&i| words_of(i)).sum();
            let tied = selected[..extra]
                .windows(2)
                .any(|w| w[1] != w[0] + 1 && doc.depends_on_previous(w[1]));
            if tied || words > 120 {
                break;
            }
            if keyphrase::count_in(&text_of(&selected[..extra]), &focus.text) > 0 {
                lead_len = extra;
                break;
            }
        }
    }
    let lead_ids = &selected[..lead_len];
    let rest = &selected[lead_len..];

    let sections_ids = section::sections(doc, rest, &opts.sections);
    let conn = place_connectors(&ctx, lead_ids, &sections_ids, 0);
    let heads = heading::headings(&ctx, &sections_ids, &focus.text);
    let build = |conn: &rustc_hash::FxHashMap<usize, String>| {
        let sentence_out = |i: usize| {
            let mut so = SentenceOut::source(doc, i, score(i));
            if let Some(c) = conn.get(&i) {
                so.text = connect::attach(&ctx, c, &so.text);
            }
            so
        };
        let sections: Vec<Section> = sections_ids
            .iter()
            .enumerate()
            .map(|(s, paras)| {
                let (heading, heading_kind) = heads
                    .get(s)
                    .cloned()
                    .unwrap_or_else(|| (focus.text.clone(), HeadingKind::Template));
                Section {
                    heading,
                    heading_kind,
                    paragraphs: paras
                        .iter()
                        .map(|p| p.iter().map(|&i| sentence_out(i)).collect())
                        .collect(),
                    list: false,
                }
            })
            .collect();
        let lead: Vec<SentenceOut> = lead_ids.iter().map(|&i| sentence_out(i)).collect();
        (lead, sections)
    };
    let (mut lead, mut sections) = build(&conn);
    let mut template_words: usize = conn.values().map(|c| count_words(c)).sum();

    let mut warnings = doc.warnings();
    warnings.extend(crate::summarize::graph_warning(&ranking));
    let mut repeated_words = 0;
    let printed_words = |lead: &[SentenceOut], sections: &[Section]| {
        lead.iter().map(|s| count_words(&s.text)).sum::<usize>()
            + sections
                .iter()
                .flat_map(|s| s.paragraphs.iter().flatten())
                .map(|s| count_words(&s.text))
                .sum::<usize>()
    };
    // Derived sections when the source is short.
    let printed = printed_words(&lead, &sections);
    if printed < min_words {
        let (added, repeated, tmpl) = derived_sections(
            &ctx,
            &ranking.order(),
            lead_ids,
            &focus.text,
            min_words - printed,
            &mut sections,
        );
        repeated_words += repeated;
        template_words += tmpl;
        if added > 0 {
            // The list items dilute the transitions: place the connectors
            // again, counting them, and rebuild the sections around the lists.
            let items: usize = sections
                .iter()
                .filter(|s| s.list)
                .map(|s| s.paragraphs.len() + 1)
                .sum();
            let conn = place_connectors(&ctx, lead_ids, &sections_ids, items);
            let (new_lead, mut rebuilt) = build(&conn);
            lead = new_lead;
            for s in sections.iter_mut().filter(|s| !s.list) {
                *s = rebuilt.remove(0);
            }
            template_words = conn.values().map(|c| count_words(c)).sum::<usize>() + tmpl;
            warnings.push(format!(
                "source has {source_words} words: added {added} derived section(s) to approach the {min_words}-word floor ({repeated} words repeat sentences already printed)"
            ));
        }
    }
    let body_words = printed_words(&lead, &sections);
    if body_words < min_words {
        warnings.push(format!(
            "the body has {body_words} words, below the {min_words}-word floor: the source ({source_words} words) is too short to reach it without filler"
        ));
    }

    // Title, SEO title, slug, description.
    let typo = opts.typography;
    let titles = title::titles(&ctx, &focus.text, typo);
    // The same order the keyphrase was checked with.
    let order = &desc_order;
    let known = described
        .take()
        .filter(|(k, _)| *k == focus.text)
        .map(|(_, found)| found);
    let (description, meta_ok) = match known {
        Some(found) => found,
        None => meta::description(&ctx, &focus.text, order, typo),
    };
    if !meta_ok {
        warnings.push(
            "no source sentence could be cut to a 120–156-character description with the keyphrase"
                .into(),
        );
    }

    let mut out = Rewrite {
        title: titles.title,
        title_candidates: titles.candidates,
        seo_title: titles.seo_title,
        description,
        slug: titles.slug,
        keyphrase: focus.text.clone(),
        keywords: focus.keywords,
        lead,
        sections,
        word_count: body_words,
        length: LengthReport {
            source_words,
            body_words,
            template_words,
            repeated_words,
            min_words,
            floor_reached: body_words >= min_words,
        },
        warnings,
        version: crate::VERSION,
        source_hash,
        lang: "fr",
        sources: source_sentences(doc, &ranking),
        request: Request {
            title: doc.title.clone(),
            keyphrase: doc.keyphrase.clone(),
            min_words: doc.min_words,
        },
    };
    typeset(&mut out, typo);
    out
}

/// The connectors to set before sentences, by sentence index: at section
/// starts, then at paragraph starts while fewer than a third of the
/// sentences carry a transition, then against three sentences in a row that
/// open with the same word. `extra` counts the list items and headings
/// printed besides the sections' own (sentences that carry no transition).
fn place_connectors(
    ctx: &Context,
    lead_ids: &[usize],
    sections_ids: &[Vec<Vec<usize>>],
    extra: usize,
) -> rustc_hash::FxHashMap<usize, String> {
    let doc = ctx.doc;
    let count = sections_ids.len();
    let mut conn: rustc_hash::FxHashMap<usize, String> = rustc_hash::FxHashMap::default();
    // The connectors the printed source sentences already say count as used.
    let mut used: Vec<String> = Vec::new();
    for &i in lead_ids
        .iter()
        .chain(sections_ids.iter().flatten().flatten())
    {
        for c in connect::said_in(&doc.sentence_text(i)) {
            if !used.iter().any(|u| u == c) {
                used.push(c.to_string());
            }
        }
    }
    for (s, paras) in sections_ids.iter().enumerate() {
        let Some(&first) = paras.first().and_then(|p| p.first()) else {
            continue;
        };
        let avoid: Vec<&str> = used.iter().map(String::as_str).collect();
        if let Some(c) = connect::connector(ctx, s, count, first, &avoid) {
            used.push(c.clone());
            conn.insert(first, c);
        }
    }
    let printed_order: Vec<usize> = lead_ids
        .iter()
        .copied()
        .chain(sections_ids.iter().flatten().flatten().copied())
        .collect();
    let text_with = |i: usize, conn: &rustc_hash::FxHashMap<usize, String>| match conn.get(&i) {
        Some(c) => connect::attach(ctx, c, &doc.sentence_text(i)),
        None => doc.sentence_text(i),
    };
    // Each printed sentence as the source has it: whether it holds a
    // transition, and the first word of each sentence a reader sees in it.
    let source: rustc_hash::FxHashMap<usize, (bool, Vec<String>)> = printed_order
        .iter()
        .map(|&i| {
            let text = doc.sentence_text(i);
            (
                i,
                (
                    connect::has_transition(&text),
                    connect::reader_openers(&text),
                ),
            )
        })
        .collect();
    let source_transition = |i: usize| source.get(&i).is_some_and(|s| s.0);
    // The openers of sentence `i` as printed with the connectors in `conn`.
    let openers_with = |i: usize, conn: &rustc_hash::FxHashMap<usize, String>| match (
        conn.contains_key(&i),
        source.get(&i),
    ) {
        (false, Some(s)) => s.1.clone(),
        _ => connect::reader_openers(&text_with(i, conn)),
    };
    // Sentences with a transition; a connector added later is one.
    let mut with_transition: usize = printed_order
        .iter()
        .filter(|&&i| match conn.contains_key(&i) {
            true => connect::has_transition(&text_with(i, &conn)),
            false => source_transition(i),
        })
        .count();
    // Yoast counts as sentences the headings, the list items (key points,
    // who's who) and each sentence inside a quotation: none carries ours.
    let pieces: usize = printed_order
        .iter()
        .map(|i| source.get(i).map_or(0, |s| s.1.len()))
        .sum();
    let total = (pieces + sections_ids.len() + extra).max(1) as f64;
    // The first word a reader sees: the first of the openers.
    let first_word = |i: usize, conn: &rustc_hash::FxHashMap<usize, String>| {
        openers_with(i, conn).into_iter().next().unwrap_or_default()
    };
    let position: rustc_hash::FxHashMap<usize, usize> = printed_order
        .iter()
        .enumerate()
        .map(|(k, &i)| (i, k))
        .collect();
    // Connectors that would open like the sentence a reader sees before or
    // after `i` (the last one inside the sentence before, when it quotes).
    let alike = |i: usize, conn: &rustc_hash::FxHashMap<usize, String>| {
        let k = position[&i];
        let mut out: Vec<&'static str> = Vec::new();
        if let Some(&j) = k.checked_sub(1).and_then(|n| printed_order.get(n)) {
            let openers = openers_with(j, conn);
            out.extend(connect::opening_with(
                openers.last().map_or("", String::as_str),
            ));
        }
        if let Some(&j) = printed_order.get(k + 1) {
            out.extend(connect::opening_with(&first_word(j, conn)));
        }
        out
    };
    let section_of: rustc_hash::FxHashMap<usize, usize> = sections_ids
        .iter()
        .enumerate()
        .flat_map(|(s, paras)| paras.iter().flatten().map(move |&i| (i, s)))
        .collect();
    let mut placed: Vec<(usize, String)> = Vec::new();
    // Paragraph starts first, then any sentence that stands alone.
    let mut places: Vec<usize> = sections_ids
        .iter()
        .flat_map(|paras| paras.iter().skip(1).filter_map(|p| p.first().copied()))
        .collect();
    places.extend(
        sections_ids
            .iter()
            .flat_map(|paras| paras.iter().flat_map(|p| p.iter().skip(1).copied())),
    );
    for (n, &i) in places.iter().enumerate() {
        if with_transition as f64 / total >= 0.34 {
            break;
        }
        // Not two connectors in sentences that follow each other, none
        // before a sentence that already holds a transition ("par ailleurs").
        let near = |j: usize| conn.contains_key(&j);
        if near(i)
            || (i > 0 && near(i - 1))
            || near(i + 1)
            || !connect::can_take(ctx, i)
            || source_transition(i)
        {
            continue;
        }
        // A connector once per article when the lexicon has one left that
        // Yoast counts as a transition (these places exist to reach its
        // share); else such a one again, though not twice in a section nor
        // among the last five; else any unused one.
        let mut avoid: Vec<&str> = used.iter().map(String::as_str).collect();
        avoid.extend(alike(i, &conn));
        let fresh = connect::inner_connector(ctx, n as u64, &avoid);
        let pick = match fresh {
            Some(c) if connect::has_transition(&c) => Some(c),
            fresh => {
                let section = section_of.get(&i).copied();
                let mut again: Vec<&str> = placed
                    .iter()
                    .filter(|(s, _)| Some(*s) == section)
                    .map(|(_, c)| c.as_str())
                    .collect();
                again.extend(used.iter().rev().take(5).map(String::as_str));
                again.extend(alike(i, &conn));
                connect::inner_connector(ctx, n as u64, &again)
                    .filter(|c| connect::has_transition(c))
                    .or(fresh)
            }
        };
        if let Some(c) = pick {
            if let Some(&s) = section_of.get(&i) {
                placed.push((s, c.clone()));
            }
            if connect::has_transition(&c) {
                with_transition += 1;
            }
            used.push(c.clone());
            conn.insert(i, c);
        }
    }
    // Three sentences in a row opening alike, as a reader counts them
    // (the sentences inside a quotation too): a connector before one of
    // ours breaks the run. The sentences are (index, opens the source
    // sentence, first word).
    let mut seq: Vec<(usize, bool, String)> = Vec::new();
    for &i in &printed_order {
        for (k, w) in openers_with(i, &conn).into_iter().enumerate() {
            seq.push((i, k == 0, w));
        }
    }
    // A connector adds no sentence and changes only the first word of its
    // own: the sequence is kept up to date in place.
    let mut salt = 100;
    let mut from = 2;
    loop {
        let run = (from..seq.len()).find(|&w| {
            !seq[w].2.is_empty() && seq[w - 1].2 == seq[w].2 && seq[w - 2].2 == seq[w].2
        });
        let Some(w) = run else { break };
        from = w + 1;
        // The run's sentences that may take a connector, the middle first.
        let target = [w - 1, w, w - 2]
            .into_iter()
            .filter(|&p| seq[p].1)
            .find(|&p| {
                let i = seq[p].0;
                let after_own = position[&i] > 0 && printed_order[position[&i] - 1] + 1 == i;
                let takes = connect::can_take_varying(ctx, i)
                    || (after_own && connect::can_take_in_place(ctx, i));
                takes && !conn.contains_key(&i)
            });
        let Some(p) = target else { continue };
        let t = seq[p].0;
        let mut avoid: Vec<&str> = used.iter().map(String::as_str).collect();
        avoid.extend(alike(t, &conn));
        salt += 1;
        let mut pick = connect::inner_connector(ctx, salt, &avoid);
        if pick.is_none() {
            avoid = used.iter().rev().take(3).map(String::as_str).collect();
            avoid.extend(alike(t, &conn));
            pick = connect::inner_connector(ctx, salt, &avoid);
        }
        if let Some(x) = pick {
            seq[p].2 = connect::reader_openers(&x).swap_remove(0);
            used.push(x.clone());
            conn.insert(t, x);
        }
    }
    conn
}

/// Key points and a who's who, built from source sentences and spans, when
/// the body is short of the floor. Returns (sections added, repeated words,
/// template words).
fn derived_sections(
    ctx: &Context,
    order: &[usize],
    lead: &[usize],
    focus: &str,
    deficit: usize,
    sections: &mut Vec<Section>,
) -> (usize, usize, usize) {
    let doc = ctx.doc;
    let mut added = 0;
    let mut repeated = 0;
    let mut missing = deficit as i64;
    // Who's who first: people with their role, as the article wrote them.
    let people = people_list(ctx);
    if people.len() >= 2 {
        missing -= people
            .iter()
            .flatten()
            .map(|s| count_words(&s.text))
            .sum::<usize>() as i64;
    }
    // "L’essentiel": the best-ranked sentences not in the lead, as a list,
    // as many as the floor needs (two to six).
    let mut points: Vec<usize> = Vec::new();
    let mut point_words = 0i64;
    for &i in order {
        if points.len() >= 6 || (points.len() >= 2 && point_words >= missing) {
            break;
        }
        let text = doc.sentence_text(i);
        // A source's own "de les" printed twice would read as ours.
        let contracted = [" de le ", " de les ", " à le ", " à les "]
            .iter()
            .any(|c| text.contains(c));
        // A key point stands alone: no quotation cut from its speaker, no
        // "a-t-il" pointing back to someone named elsewhere.
        let out_of_context = text.starts_with('«')
            || text.contains("-t-il")
            || text.contains("-t-elle")
            || text.contains("-il ")
            || text.contains("-elle ");
        if lead.contains(&i)
            || out_of_context
            || doc.depends_on_previous(i)
            || doc.terms.sentence_words[i] > 45
            || contracted
            || doc.has_slips(i)
        {
            continue;
        }
        point_words += count_words(&text) as i64;
        points.push(i);
    }
    let essentials = templates_for("essentials");
    let np = keyphrase::with_determiner(ctx, focus);
    if points.len() >= 2 && !essentials.is_empty() {
        let t = grounded_template(
            ctx,
            &essentials,
            frame::pick(ctx.seed, 900, essentials.len()),
            &np,
        );
        let paragraphs: Vec<Vec<SentenceOut>> = points
            .iter()
            .map(|&i| vec![SentenceOut::source(doc, i, 0.0)])
            .collect();
        repeated += points
            .iter()
            .map(|&i| count_words(&doc.sentence_text(i)))
            .sum::<usize>();
        sections.insert(
            0,
            Section {
                heading: t.fill(&np),
                heading_kind: HeadingKind::Template,
                paragraphs,
                list: true,
            },
        );
        added += 1;
    }
    let who = templates_for("people");
    if people.len() >= 2 && !who.is_empty() {
        let t = grounded_template(ctx, &who, frame::pick(ctx.seed, 901, who.len()), &np);
        let at = sections.len().saturating_sub(1);
        sections.insert(
            at,
            Section {
                heading: t.fill(&np),
                heading_kind: HeadingKind::Template,
                paragraphs: people,
                list: true,
            },
        );
        added += 1;
    }
    (added, repeated, 0)
}

/// The template at `first` or after it (in turn) whose heading, filled with
/// `np`, stays grounded in the article; `first` itself when none is.
fn grounded_template<'a>(
    ctx: &Context,
    templates: &[&'a frame::Template],
    first: usize,
    np: &str,
) -> &'a frame::Template {
    (0..templates.len())
        .map(|k| templates[(first + k) % templates.len()])
        .find(|t| ctx.grounded(&t.fill(np)))
        .unwrap_or(templates[first])
}

/// People named with their role, as list items cut from the source.
fn people_list(ctx: &Context) -> Vec<Vec<SentenceOut>> {
    let doc = ctx.doc;
    let mut seen: Vec<&str> = Vec::new();
    let mut people: Vec<Vec<SentenceOut>> = Vec::new();
    for e in &ctx.facts.entities {
        let Some(span) = e.role_span else { continue };
        if e.kind != EntityKind::Person || seen.contains(&e.text.as_str()) {
            continue;
        }
        seen.push(&e.text);
        let text = span
            .of(&doc.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // A who's who names people in full: a first name alone or a role
        // whose name was lost says nothing.
        if !e.text.contains(' ') || !text.ends_with(e.text.as_str()) {
            continue;
        }
        let (a, b) = doc.source_span(span);
        people.push(vec![SentenceOut {
            text: crate::fr::upper_first(&text),
            kind: SentenceKind::Source,
            source_index: Some(e.sentence),
            source_span: Some([a, b]),
            score: None,
        }]);
    }
    people
}

/// Every source sentence with its span and, when the ranking scored it, its score.
fn source_sentences(doc: &Document, ranking: &crate::rank::Ranking) -> Vec<SourceSentence> {
    let mut ranked = vec![false; doc.seg.sentences.len()];
    for &i in &ranking.candidates {
        if let Some(r) = ranked.get_mut(i) {
            *r = true;
        }
    }
    doc.seg
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (a, b) = doc.source_span(s.span);
            SourceSentence {
                span: [a, b],
                score: ranked[i].then(|| ranking.scores[i]),
            }
        })
        .collect()
}

/// Applies the output typography to every printed string.
fn typeset(r: &mut Rewrite, typo: Typography) {
    let t = |s: &mut String| *s = typo.apply(s);
    t(&mut r.title);
    t(&mut r.seo_title);
    t(&mut r.description);
    t(&mut r.keyphrase);
    r.keywords.iter_mut().for_each(t);
    r.title_candidates.iter_mut().for_each(|c| t(&mut c.text));
    // Source sentences change only in spaces, quotes and apostrophes.
    let src = |s: &mut SentenceOut| s.text = typo.apply_source(&s.text);
    r.lead.iter_mut().for_each(src);
    for s in &mut r.sections {
        t(&mut s.heading);
        s.paragraphs.iter_mut().flatten().for_each(src);
    }
}
