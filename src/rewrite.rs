//! The rewrite: from an analysed document to a [`Rewrite`] — sentences
//! selected to the word floor, a lead, topical sections with subheadings and
//! connectors, derived sections when the source is short, title, SEO title,
//! description, slug and keyphrase — typeset once at the end.

use crate::analyze::EntityKind;
use crate::document::Document;
use crate::fr::{Typography, count_words};
use crate::frame::{Context, connect, heading, keyphrase, meta, title};
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
    /// Output typography (default [`Typography::Edited`]).
    pub typography: Typography,
    /// Section and paragraph sizes.
    pub sections: SectionOptions,
}

impl Default for RewriteOptions {
    fn default() -> Self {
        RewriteOptions {
            min_words: DEFAULT_MIN_WORDS,
            margin: 0.15,
            typography: Typography::Edited,
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
    // A lead states the news: a teaser cut from a quotation that opens the
    // source (`Ma petite-fille a 13 ans […]`) is left out when the sentence
    // after it can open the article.
    let teaser = opening_teaser(&ctx, &selected);
    let selected = &selected[usize::from(teaser)..];
    let (focus, lead_len, described) =
        focus_and_lead(&ctx, &ranking, selected, opts.typography, &opts.sections);
    let lead_ids = &selected[..lead_len];
    let sections_ids = section::sections(doc, &selected[lead_len..], &opts.sections);
    let heads = heading::headings(&ctx, &sections_ids, &focus.text, &ranking.scores);
    let (sections_ids, heads) = join_headless(&ctx, sections_ids, heads, opts.sections.max_words);
    let conn = connect::place(&ctx, lead_ids, &sections_ids, &ranking.scores);
    let (lead, mut sections) = build(&ctx, &ranking, lead_ids, &sections_ids, &heads, &conn);
    let mut template_words: usize = conn.values().map(|c| count_words(c)).sum();

    let mut warnings = doc.warnings();
    warnings.extend(crate::summarize::graph_warning(&ranking));
    let printed = printed_words(&lead, &sections);
    if printed < min_words {
        let (added, tmpl) = who_is_who(&ctx, &focus.text, &mut sections);
        template_words += tmpl;
        if added > 0 {
            warnings.push(format!(
                "source has {source_words} words: added a who’s who of the people it names, with their roles, to approach the {min_words}-word floor"
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
    let (description, meta_ok) = described;
    if !meta_ok {
        warnings.push(
            "no source sentence could be cut to a 121–156-character description with the keyphrase"
                .into(),
        );
    } else if keyphrase::count_in(&description, &focus.text) == 0 {
        warnings.push(format!(
            "the description does not hold the keyphrase “{}”: no cut that holds it fits 121–156 characters, the lead's does",
            focus.text
        ));
    }

    if doc
        .title
        .as_deref()
        .is_some_and(|t| title::same_title(t, &titles.title))
    {
        // Said rather than forced: an edit that reads backwards or drops a
        // name is worse than the journalist's own title.
        warnings.push(
            "the title is the source's own: no edit of it keeps its names and reads right".into(),
        );
    }
    if crate::frame::keyphrase::count_in(&titles.seo_title, &focus.text) == 0 {
        // Said rather than hidden: a keyword glued before the title is what
        // an editor sends back.
        warnings.push(format!(
            "the SEO title does not hold the keyphrase “{}”: no edit of the title says it",
            focus.text
        ));
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
            repeated_words: 0,
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

/// The focus keyphrase, the lead's length in sentences and the description
/// found for the keyphrase (with whether it fits the bounds).
///
/// True when the first selected sentence is a teaser that cannot open the
/// article, a quotation the article cuts (`Ma petite-fille a 13 ans […]`),
/// and the next one can: it stands alone, outside a quotation, with a main
/// clause, and asks no question.
fn opening_teaser(ctx: &Context, selected: &[usize]) -> bool {
    let doc = ctx.doc;
    let (Some(&first), Some(&next)) = (selected.first(), selected.get(1)) else {
        return false;
    };
    if selected.len() < 3 || doc.seg.is_heading(first) || doc.seg.is_heading(next) {
        return false;
    }
    let text = doc.sentence_text(first);
    let cut = ["(...)", "(…)", "[...]", "[…]"]
        .iter()
        .any(|c| text.trim_end_matches(['.', ' ', '»', '"']).ends_with(c));
    // The source's own first sentence that points to what it never said
    // (`« … », lui a répondu cette dernière.`, `Il a…`): a teaser too.
    let dangling = first == first_body_sentence(doc) && points_back_at_start(&text);
    let next_text = doc.sentence_text(next);
    (cut || dangling)
        && !doc.depends_on_previous(next)
        && !crate::frame::meta::refers_back(&next_text)
        && !doc.seg.sentences[next].starts_in_quote
        && !next_text.starts_with(['«', '"', '“'])
        && !next_text.ends_with('?')
        && ctx.parsed(next).clauses.iter().any(|c| {
            matches!(
                c.kind,
                crate::parse::ClauseKind::Main | crate::parse::ClauseKind::Predicate
            )
        })
}

/// The index of the source's first sentence that is no heading.
fn first_body_sentence(doc: &Document) -> usize {
    (0..doc.seg.sentences.len())
        .find(|&i| !doc.seg.is_heading(i))
        .unwrap_or(0)
}

/// True when a sentence opens on words that point back (`Il`, `Cette
/// annonce`), or is a quotation whose attribution names its speaker by a
/// pronoun or an anaphor (`», lui a répondu cette dernière`, `», a-t-il dit`).
fn points_back_at_start(text: &str) -> bool {
    use crate::analyze::sentences::opens_with;
    if crate::analyze::quotation_points_back(text) {
        return true;
    }
    if crate::analyze::quoted_with_close(text) {
        return false;
    }
    // Not a quotation: its first words (a pronoun or a determiner that
    // points back; a connector such as `Alors que` opens a clause of its
    // own and stays).
    let lex = crate::fr::lexicon::lexicons();
    let first: Vec<String> = crate::fr::words(text)
        .iter()
        .take(lex.openers_max_words)
        .map(|w| crate::fr::lexicon::fold(w))
        .collect();
    // A phrase of time (`ces derniers jours`) or a presentative (`c’est
    // une première`) opens a news sentence of its own.
    let presentative = first.first().is_some_and(|w| w == "c’est" || w == "ce");
    !presentative
        && !opens_with(&first, |p| lex.connector_openers.contains(p))
        && opens_with(&first, |p| lex.anaphoric_openers.contains(p))
}

/// The lead is the first selected sentence, with the next when it is short
/// or tied to it; the keyphrase must be able to open the article and fill
/// its description; when the lead does not name it, one more sentence that
/// does joins the lead.
pub fn focus_and_lead(
    ctx: &Context,
    ranking: &crate::rank::Ranking,
    selected: &[usize],
    typo: Typography,
    sections_opts: &SectionOptions,
) -> (keyphrase::Focus, usize, (String, bool)) {
    let doc = ctx.doc;
    let words_of = |i: usize| doc.terms.sentence_words[i] as usize;
    let mut lead_len = lead_length(doc, selected);
    let text_of = |ids: &[usize]| doc.joined_text(ids);
    let body_text = text_of(selected);
    let lead_text = text_of(&selected[..lead_len]);
    let opening = text_of(&selected[..selected.len().min(3)]);
    let mut desc_order: Vec<usize> = selected[..selected.len().min(3)].to_vec();
    desc_order.extend(ranking.order());
    // The description found for each candidate, the one chosen's printed.
    let described: std::cell::RefCell<Vec<(String, (String, bool))>> = Default::default();
    // Heading candidates of the sections the body will have, to see which
    // keyphrase the headings can say.
    let sections = section::sections(doc, &selected[lead_len..], sections_opts);
    let pool = heading::candidate_texts(ctx, &sections, &ranking.scores);
    let title = doc.title.as_deref().unwrap_or("");
    // Lowercased once for every candidate `fit` weighs.
    let pool_lower: Vec<Vec<String>> = pool
        .iter()
        .map(|texts| texts.iter().map(|t| t.to_lowercase()).collect())
        .collect();
    let (opening_lower, title_lower) = (opening.to_lowercase(), title.to_lowercase());
    let fit = |k: &str| {
        let found = meta::description(ctx, k, &desc_order, typo);
        let described_ok = found.1 && keyphrase::count_in(&found.0, k) > 0;
        described.borrow_mut().push((k.to_string(), found));
        let covered = pool_lower
            .iter()
            .filter(|texts| texts.iter().any(|t| keyphrase::count_in_lower(t, k) > 0))
            .count();
        let headings = pool.len() < 2 || 10 * covered >= 3 * pool.len();
        let in_opening = keyphrase::count_in_lower(&opening_lower, k) > 0;
        let in_title = keyphrase::count_in_lower(&title_lower, k) > 0;
        let opens_title = title_lower.starts_with(&k.to_lowercase());
        4.0 * f64::from(u8::from(in_opening))
            + 2.0 * f64::from(u8::from(described_ok))
            + 2.0 * f64::from(u8::from(headings))
            + 1.5 * f64::from(u8::from(in_title))
            + 0.5 * f64::from(u8::from(opens_title))
    };
    let focus = keyphrase::choose(ctx, &body_text, &lead_text, doc.keyphrase.as_deref(), fit);
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
    let names_focus = |n: usize| keyphrase::count_in(&text_of(&selected[..n]), &focus.text) > 0;
    lead_len = settle_lead(doc, selected, lead_len, names_focus);
    let known = described
        .take()
        .into_iter()
        .find(|(k, _)| *k == focus.text)
        .map(|(_, found)| found);
    let description =
        known.unwrap_or_else(|| meta::description(ctx, &focus.text, &desc_order, typo));
    (focus, lead_len, description)
}

/// The lead's first length: one sentence, and the next ones while the lead
/// is under 30 words, the next depends on it or names what it said by a
/// demonstrative (70 words at most, 80 over a demonstrative).
fn lead_length(doc: &Document, selected: &[usize]) -> usize {
    let words_of = |i: usize| doc.terms.sentence_words[i] as usize;
    let mut lead_len = 1.min(selected.len());
    // A quotation that runs on into the next sentence, even across a
    // paragraph break, stays whole in the lead (up to 110 words): its end
    // never opens the first section.
    let continues = |n: usize| continues_quotation(doc, selected[n]);
    let grow = |n: usize| {
        n < selected.len()
            && selected[n] == selected[n - 1] + 1
            && selected[..=n].iter().map(|&i| words_of(i)).sum::<usize>()
                <= if continues(n) {
                    110
                } else if doc.names_back_inside(selected[n]) {
                    80
                } else {
                    70
                }
    };
    while lead_len > 0
        && grow(lead_len)
        && (selected[..lead_len]
            .iter()
            .map(|&i| words_of(i))
            .sum::<usize>()
            < 30
            || doc.depends_on_previous(selected[lead_len])
            || doc.names_back_inside(selected[lead_len])
            || continues(lead_len))
    {
        lead_len += 1;
    }
    lead_len
}

/// Fewest words a lead keeps when it ends early (see [`settle_lead`]).
const LEAD_MIN_WORDS: usize = 25;
/// Most words a lead grows to over sentences that lean on it.
const LEAD_MAX_WORDS: usize = 100;

/// The lead's length once it no longer ends where the next sentence leans
/// on it: the first section would open on `Il`, `Mais` or `« … », a-t-il
/// dit` under its heading, its antecedent above the heading. The lead ends
/// before the sentence that the next ones lean on when it keeps
/// [`LEAD_MIN_WORDS`] and the keyphrase it named (`names_focus(n)`: the
/// first `n` sentences name it), else grows over them up to
/// [`LEAD_MAX_WORDS`], else ends as early as it can.
fn settle_lead(
    doc: &Document,
    selected: &[usize],
    lead_len: usize,
    names_focus: impl Fn(usize) -> bool,
) -> usize {
    let leans = |n: usize| {
        n > 0
            && n < selected.len()
            && selected[n] == selected[n - 1] + 1
            && doc.depends_on_previous(selected[n])
    };
    if !leans(lead_len) {
        return lead_len;
    }
    let words = |n: usize| -> usize {
        selected[..n]
            .iter()
            .map(|&i| doc.terms.sentence_words[i] as usize)
            .sum()
    };
    let named = names_focus(lead_len);
    let shorter = (1..lead_len).rev().filter(|&k| !leans(k));
    if let Some(k) = shorter
        .clone()
        .find(|&k| words(k) >= LEAD_MIN_WORDS && (!named || names_focus(k)))
    {
        return k;
    }
    let mut n = lead_len;
    while leans(n) && words(n + 1) <= LEAD_MAX_WORDS {
        n += 1;
    }
    if !leans(n) {
        return n;
    }
    shorter.max().unwrap_or(lead_len)
}

/// True when sentence `i` closes a quotation the sentence before it opened
/// (`… : « Laurent Wauquiez a eu raison…` then `Nous avons un président qui
/// doit être incontesté », a-t-elle déclaré`), whatever the paragraph.
fn continues_quotation(doc: &Document, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if doc.seg.sentences[i].starts_in_quote {
        return true;
    }
    let text = doc.sentence_text(i);
    let first_mark = text.find(['«', '»']);
    // Open in one of the four sentences before (a quotation cut into
    // sentences: `« A. B.` then `C », a-t-elle dit`).
    let balance: isize = (i.saturating_sub(4)..i)
        .map(|j| {
            let t = doc.sentence_text(j);
            t.matches('«').count() as isize - t.matches('»').count() as isize
        })
        .sum();
    balance > 0 && first_mark.is_some_and(|at| text[at..].starts_with('»'))
}

/// A section no heading fits joins the one before it (the first one, the
/// one after it): a heading that says nothing is worse than a longer
/// section. [`heading::headings`] gives the first section one whenever it
/// can, so that the body keeps at least one.
fn join_headless(
    ctx: &Context,
    sections: Vec<section::Paragraphs>,
    heads: Vec<Option<(String, HeadingKind)>>,
    max_words: usize,
) -> (Vec<section::Paragraphs>, Vec<(String, HeadingKind)>) {
    let words = |paras: &section::Paragraphs| -> usize {
        paras
            .iter()
            .flatten()
            .map(|&i| ctx.doc.terms.sentence_words[i] as usize)
            .sum()
    };
    let mut out: Vec<(section::Paragraphs, (String, HeadingKind))> = Vec::new();
    let mut pending: section::Paragraphs = Vec::new();
    for (mut paras, head) in sections.into_iter().zip(heads) {
        // Too long together: the section keeps a heading of its own, its
        // best noun phrase.
        let head = head.or_else(|| {
            let together = out.last().map_or(words(&pending), |l| words(&l.0)) + words(&paras);
            (together > max_words)
                .then(|| heading::fallback(ctx, &paras))
                .flatten()
        });
        match (head, out.last_mut()) {
            (None, Some(last)) => last.0.extend(paras),
            (None, None) => pending.extend(paras),
            (Some(h), _) => {
                pending.append(&mut paras);
                out.push((std::mem::take(&mut pending), h));
            }
        }
    }
    if !pending.is_empty() {
        out.push((pending, (String::new(), HeadingKind::Phrase)));
    }
    out.into_iter().unzip()
}

/// The lead and the sections as sentence objects, with their connectors.
fn build(
    ctx: &Context,
    ranking: &crate::rank::Ranking,
    lead_ids: &[usize],
    sections_ids: &[section::Paragraphs],
    heads: &[(String, HeadingKind)],
    conn: &rustc_hash::FxHashMap<usize, String>,
) -> (Vec<SentenceOut>, Vec<Section>) {
    let doc = ctx.doc;
    let sentence_out = |i: usize| {
        let mut so = SentenceOut::source(doc, i, ranking.scores[i]);
        if let Some(c) = conn.get(&i) {
            so.text = connect::attach(ctx, c, &so.text, i);
        }
        so
    };
    let sections = sections_ids
        .iter()
        .zip(heads)
        .map(|(paras, (heading, heading_kind))| Section {
            heading: heading.clone(),
            heading_kind: *heading_kind,
            paragraphs: paras
                .iter()
                .map(|p| p.iter().map(|&i| sentence_out(i)).collect())
                .collect(),
            list: false,
        })
        .collect();
    (
        lead_ids.iter().map(|&i| sentence_out(i)).collect(),
        sections,
    )
}

/// Words printed in the lead and the sections.
fn printed_words(lead: &[SentenceOut], sections: &[Section]) -> usize {
    lead.iter().map(|s| count_words(&s.text)).sum::<usize>()
        + sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().flatten())
            .map(|s| count_words(&s.text))
            .sum::<usize>()
}

/// A who's who of the people the article names with their roles, when the
/// body is short of the floor: something the body does not show as such.
/// Returns (sections added, template words).
fn who_is_who(ctx: &Context, focus: &str, sections: &mut Vec<Section>) -> (usize, usize) {
    let _ = focus;
    let (people, names) = people_list(ctx);
    if people.len() < 3 {
        return (0, 0);
    }
    // The heading names them: `Claire Morvan, Jacques Ferrand et Monique
    // Arnal` (three at most, the article's own names).
    let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
    let heading = match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        _ => shown.join(""),
    };
    let words = count_words(&heading);
    let at = sections.len().saturating_sub(1);
    sections.insert(
        at,
        Section {
            heading,
            heading_kind: HeadingKind::Template,
            paragraphs: people,
            list: true,
        },
    );
    (1, words)
}

/// People named with their role, as list items cut from the source.
fn people_list(ctx: &Context) -> (Vec<Vec<SentenceOut>>, Vec<String>) {
    let doc = ctx.doc;
    let mut seen: Vec<&str> = Vec::new();
    let mut people: Vec<Vec<SentenceOut>> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for e in &ctx.facts.entities {
        let Some(span) = e.role_span else { continue };
        // The person's name without a party's acronym glued before it
        // (`LR Martine Vassal`): the same person as `Martine Vassal`.
        let name = person_name(&e.text);
        if e.kind != EntityKind::Person || seen.contains(&name) || opens_on_article(name) {
            continue;
        }
        seen.push(name);
        let text = span
            .of(&doc.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // A who's who names people in full, with the role and its article
        // as the text gives them (`le candidat socialiste Benoît Hamon`): a
        // first name alone, a role whose name was lost, or one after `du`,
        // `au` (`du président …`, which is no item), says nothing.
        let article = text.split_whitespace().next().unwrap_or("").to_lowercase();
        let fw = &crate::fr::lexicon::lexicons().function_words;
        let contracted = fw.is_any(
            &article,
            &[crate::fr::lexicon::Class::De, crate::fr::lexicon::Class::A],
        ) && !fw.is(&article, crate::fr::lexicon::Class::DefiniteArticle);
        if !e.text.contains(' ') || !text.ends_with(e.text.as_str()) || contracted {
            continue;
        }
        let (a, b) = doc.source_span(span);
        names.push(name.to_string());
        people.push(vec![SentenceOut {
            text: crate::fr::upper_first(&text),
            kind: SentenceKind::Source,
            source_index: Some(e.sentence),
            source_span: Some([a, b]),
            score: None,
        }]);
    }
    (people, names)
}

/// A person's name without a party's acronym and its place glued before
/// it (`LR Martine Vassal`, `PS de Seine-Maritime Christophe Bouillon` →
/// `Martine Vassal`, `Christophe Bouillon`), when a name of two words at
/// least remains.
fn person_name(text: &str) -> &str {
    let words: Vec<&str> = text.split(' ').collect();
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let acronym = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_uppercase);
    let mut k = 0;
    while k + 2 < words.len() && acronym(words[k]) {
        k += 1;
        if k + 3 < words.len() && fw.is(&words[k].to_lowercase(), crate::fr::lexicon::Class::De) {
            k += 2;
        }
    }
    if k == 0 {
        return text;
    }
    let start: usize = words[..k].iter().map(|w| w.len() + 1).sum();
    &text[start..]
}

/// True when an entity taken for a person opens on an article (`La France`
/// of `La France insoumise`): no one's name does.
fn opens_on_article(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or("").to_lowercase();
    let first = first.split_inclusive('’').next().unwrap_or(&first);
    crate::fr::lexicon::lexicons()
        .function_words
        .is(first, crate::fr::lexicon::Class::DefiniteArticle)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_teaser_does_not_open_the_article() {
        let doc = crate::frame::test_document(
            "Le titre de l’article\n\nMa petite-fille a 13 ans, elle ne sait rien de tout cela […].\n\n\
             Deux affaires ont choqué l’opinion cette année. La justice a jugé deux hommes \
             majeurs. Le débat est ouvert.",
        );
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        let all: Vec<usize> = (0..doc.seg.sentences.len())
            .filter(|&i| {
                !doc.seg.is_heading(i)
                    && doc.title_paragraph != Some(doc.seg.sentences[i].paragraph)
            })
            .collect();
        assert_eq!(
            all.len(),
            4,
            "{:?}",
            (0..doc.seg.sentences.len())
                .map(|i| doc.sentence_text(i))
                .collect::<Vec<_>>()
        );
        assert!(opening_teaser(&ctx, &all));
        // A lead that states the news stays.
        assert!(!opening_teaser(&ctx, &all[1..]));
    }
}
