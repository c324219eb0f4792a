//! Each stage of the pipeline on its own, on the short (~350 words), long
//! (~1,100) and very long (~5,000) test articles.
//!
//! ```text
//! cargo bench --bench stages            # all of them
//! cargo bench --bench stages -- rank/   # one group
//! ```
//!
//! Each stage is fed the output of the stages before it, computed once
//! outside the measurement. Throughput is in words of the input article, so
//! criterion also prints a per-word rate.
//!
//! Stages as the public API offers them:
//! - `read_clean`: [`input::extract`] then [`normalize::clean`];
//! - `segment`: [`segment::segment`] on the cleaned text;
//! - `analyze_terms`: [`analyze::terms`] (stems and content terms). Its
//!   per-thread vocabulary is warm after the first iteration, as in a batch;
//!   a one-shot run of the command line pays for the cold lookups once;
//! - `document`: [`Refonte::document`], the composition of the four above
//!   plus the title, sentence-length and language checks;
//! - `analyze_facts`: [`Document::facts`] (entities, quotations, dates,
//!   numbers, keyphrase candidates);
//! - `rank`: [`summarize::rank_document`] (sentence graph + weighted PageRank);
//! - `select` and `sections`: [`select::select`] to the rewrite's word
//!   target, then [`section::sections`] on what follows the lead;
//! - `frame_*`: the frame stage, in the order the rewrite runs it: its
//!   `Context` (`frame_context`), the focus keyphrase and lead
//!   (`frame_keyphrase`: `rewrite::focus_and_lead`, which tries a meta
//!   description and the headings for each candidate), the subheadings (`frame_headings`), the title, SEO title
//!   and slug (`frame_title`) and the meta description (`frame_meta`).
//!   Their inputs are prepared as `rewrite::rewrite` prepares them, with a
//!   one-sentence lead (the rewrite may grow it by a sentence or two);
//! - `typeset`: French typography over the selected sentences;
//! - `render_markdown`, `render_html`, `render_json`: the renderers on the
//!   finished [`Rewrite`] (`render_json` is `--format json`, which holds the
//!   Markdown and the HTML too).

mod common;

use common::{SIZES, article, fixture, words};
use criterion::{Bencher, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use refonte::analyze::Facts;
use refonte::fr::Typography;
use refonte::frame::{Context, heading, keyphrase, meta, title};
use refonte::model::Rewrite;
use refonte::rank::{RankOptions, Ranking};
use refonte::render::{self, Html, Markdown, Render};
use refonte::rewrite::{self, RewriteOptions};
use refonte::section::Paragraphs;
use refonte::{Document, Refonte, analyze, input, normalize, section, segment, select, summarize};
use std::hint::black_box;
use std::time::Duration;

/// One article with every intermediate result the stages take as input.
struct Prepared {
    name: &'static str,
    words: u64,
    article: input::Article,
    cleaned_text: String,
    doc: Document,
    facts: Facts,
    ranking: Ranking,
    target: usize,
    selected: Vec<usize>,
    sections: Vec<Paragraphs>,
    /// The rewrite's description order: the first three selected sentences, then rank order.
    desc_order: Vec<usize>,
    focus: String,
    rewrite: Rewrite,
}

fn prepare(refonte: &Refonte, name: &'static str) -> Prepared {
    let text = fixture(name);
    let words = words(&text);
    let article = article(text);
    let extracted = input::extract(&article);
    let cleaned = normalize::clean(&extracted.text);
    let doc = refonte.document(&article).expect("the fixture is accepted");
    let facts = doc.facts();
    let ranking = summarize::rank_document(&doc, refonte.rank_options());
    // The word target as rewrite::rewrite computes it.
    let opts = refonte.rewrite_options();
    let target = rewrite::body_target(&doc, opts);
    let selected = select::select(&doc, &ranking, target);
    let sections = section::sections(&doc, &selected[1.min(selected.len())..], &opts.sections);
    let mut desc_order: Vec<usize> = selected[..selected.len().min(3)].to_vec();
    desc_order.extend(ranking.order());
    let focus = {
        let ctx = Context::new(&doc, &facts);
        choose(&ctx, &ranking, &selected, opts.typography).text
    };
    let rewrite = refonte.rewrite(&article).expect("the fixture is rewritten");
    Prepared {
        name,
        words,
        cleaned_text: cleaned.text,
        article,
        doc,
        facts,
        ranking,
        target,
        selected,
        sections,
        desc_order,
        focus,
        rewrite,
    }
}

/// The focus keyphrase, chosen as [`refonte::rewrite::rewrite`] chooses it
/// ([`refonte::rewrite::focus_and_lead`]: each candidate tried for a
/// description and for the headings that can say it).
fn choose(
    ctx: &Context,
    ranking: &refonte::rank::Ranking,
    selected: &[usize],
    typo: Typography,
) -> keyphrase::Focus {
    let opts = refonte::rewrite::RewriteOptions::default();
    rewrite::focus_and_lead(ctx, ranking, selected, typo, &opts.sections).0
}

/// A group over the three articles, each measured with its word count as
/// throughput. `f` sets up what it needs from the prepared article and
/// measures with the bencher.
fn group<F>(c: &mut Criterion, docs: &[Prepared], stage: &str, mut f: F)
where
    F: FnMut(&mut Bencher, &Prepared),
{
    let mut g = c.benchmark_group(stage);
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(20);
    for p in docs {
        g.throughput(Throughput::Elements(p.words));
        g.bench_with_input(BenchmarkId::from_parameter(p.name), p, &mut f);
    }
    g.finish();
}

fn stages(c: &mut Criterion) {
    let refonte = Refonte::default();
    let rank_opts = RankOptions::default();
    let opts = RewriteOptions::default();
    let typo = opts.typography;
    let html = Html::default();
    let docs: Vec<Prepared> = SIZES.iter().map(|n| prepare(&refonte, n)).collect();

    group(c, &docs, "read_clean", |b, p| {
        b.iter(|| {
            let extracted = input::extract(black_box(&p.article));
            normalize::clean(&extracted.text)
        })
    });
    group(c, &docs, "segment", |b, p| {
        b.iter(|| segment::segment(black_box(&p.cleaned_text)))
    });
    group(c, &docs, "analyze_terms", |b, p| {
        b.iter(|| analyze::terms(black_box(&p.doc.text), &p.doc.seg))
    });
    group(c, &docs, "document", |b, p| {
        b.iter(|| refonte.document(black_box(&p.article)).expect("accepted"))
    });
    group(c, &docs, "analyze_facts", |b, p| {
        b.iter(|| black_box(&p.doc).facts())
    });
    group(c, &docs, "rank", |b, p| {
        b.iter(|| summarize::rank_document(black_box(&p.doc), &rank_opts))
    });
    group(c, &docs, "select", |b, p| {
        b.iter(|| select::select(black_box(&p.doc), &p.ranking, p.target))
    });
    group(c, &docs, "sections", |b, p| {
        let rest = &p.selected[1.min(p.selected.len())..];
        b.iter(|| section::sections(black_box(&p.doc), rest, &opts.sections))
    });
    group(c, &docs, "frame_context", |b, p| {
        b.iter(|| Context::new(black_box(&p.doc), &p.facts))
    });
    group(c, &docs, "frame_keyphrase", |b, p| {
        let ctx = Context::new(&p.doc, &p.facts);
        b.iter(|| choose(black_box(&ctx), &p.ranking, &p.selected, typo))
    });
    group(c, &docs, "frame_headings", |b, p| {
        let ctx = Context::new(&p.doc, &p.facts);
        b.iter(|| heading::headings(black_box(&ctx), &p.sections, &p.focus, &p.ranking.scores))
    });
    group(c, &docs, "frame_title", |b, p| {
        let ctx = Context::new(&p.doc, &p.facts);
        b.iter(|| title::titles(black_box(&ctx), &p.focus, typo))
    });
    group(c, &docs, "frame_meta", |b, p| {
        let ctx = Context::new(&p.doc, &p.facts);
        b.iter(|| meta::description(black_box(&ctx), &p.focus, &p.desc_order, typo))
    });
    group(c, &docs, "typeset", |b, p| {
        let texts: Vec<String> = p.selected.iter().map(|&i| p.doc.sentence_text(i)).collect();
        b.iter(|| {
            black_box(&texts)
                .iter()
                .map(|t| typo.apply_source(t))
                .collect::<Vec<_>>()
        })
    });
    group(c, &docs, "render_markdown", |b, p| {
        b.iter(|| Markdown.render(black_box(&p.rewrite)))
    });
    group(c, &docs, "render_html", |b, p| {
        b.iter(|| html.render(black_box(&p.rewrite)))
    });
    group(c, &docs, "render_json", |b, p| {
        b.iter(|| render::json(black_box(&p.rewrite), &html, None, true))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
