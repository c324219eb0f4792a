//! The whole pipeline, as the command line runs it, on the short (~350
//! words), long (~1,100) and very long (~5,000) test articles, and a batch
//! of JSONL records.
//!
//! ```text
//! cargo bench --bench pipeline
//! ```
//!
//! - `summarize/*`: [`Refonte::summarize`] (3 sentences) and the JSON that
//!   `refonte summarize --format json` prints;
//! - `rewrite/*`: [`Refonte::rewrite`] and the JSON that `refonte rewrite
//!   --format json` prints (the article, its Markdown and its HTML);
//! - `batch/*`: [`batch::run`] over 16 in-memory JSONL records (the short,
//!   medium, long and quotes articles, four times each), as `refonte batch`
//!   runs it: records are processed in parallel on rayon's pool (every core),
//!   so this measures throughput on the machine, not one thread's latency.
//!   Throughput is in records.
//!
//! The engine is built once, outside the measurement (it parses the
//! lexicons); reading the file and writing the output are left out.

mod common;

use common::{SIZES, article, fixture, words};
use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};
use refonte::Refonte;
use refonte::batch::{self, Task};
use refonte::render::{self, Html};
use refonte::summarize::Length;
use std::hint::black_box;
use std::time::Duration;

/// Articles in each batch: this many copies of each of [`BATCH_ARTICLES`].
const BATCH_COPIES: usize = 4;
const BATCH_ARTICLES: [&str; 4] = ["short", "medium", "long", "quotes"];

fn pipeline(c: &mut Criterion) {
    let refonte = Refonte::default();
    let html = Html::default();
    let inputs: Vec<(&str, u64, refonte::input::Article)> = SIZES
        .iter()
        .map(|&n| {
            let text = fixture(n);
            (n, words(&text), article(text))
        })
        .collect();

    let mut g = group(c, "summarize", 20);
    for (name, words, article) in &inputs {
        g.throughput(Throughput::Elements(*words));
        g.bench_with_input(BenchmarkId::from_parameter(name), article, |b, a| {
            b.iter(|| {
                let summary = refonte
                    .summarize(black_box(a), Length::default())
                    .expect("summarized");
                serde_json::to_string_pretty(&summary).expect("serialized")
            })
        });
    }
    g.finish();

    let mut g = group(c, "rewrite", 20);
    for (name, words, article) in &inputs {
        g.throughput(Throughput::Elements(*words));
        g.bench_with_input(BenchmarkId::from_parameter(name), article, |b, a| {
            b.iter(|| {
                let out = refonte.rewrite(black_box(a)).expect("rewritten");
                render::json(&out, &html, None, true)
            })
        });
    }
    g.finish();

    let jsonl = batch_input();
    let records = (BATCH_COPIES * BATCH_ARTICLES.len()) as u64;
    let tasks = [
        ("summarize", Task::Summarize(Length::default())),
        (
            "rewrite",
            Task::Rewrite {
                min_words: None,
                base_url: None,
            },
        ),
    ];
    let mut g = group(c, "batch", 10);
    g.throughput(Throughput::Elements(records));
    for (name, task) in &tasks {
        // Every record is answered, none with an error.
        let mut out = Vec::new();
        let stats = batch::run(&refonte, jsonl.as_bytes(), &mut out, task).expect("batch");
        assert_eq!((stats.records, stats.failed), (records as usize, 0));
        g.bench_with_input(
            BenchmarkId::new(*name, format!("{records}_records")),
            task,
            |b, task| {
                b.iter(|| {
                    let mut out = Vec::with_capacity(1 << 20);
                    batch::run(&refonte, black_box(jsonl.as_bytes()), &mut out, task)
                        .expect("batch");
                    out
                })
            },
        );
    }
    g.finish();
}

/// JSONL records `{"id", "title", "text"}`: the first line of each article
/// is its title, the rest its text.
/// A group of `samples` flat samples over 3 s, after a one-second warm-up.
fn group<'c>(c: &'c mut Criterion, name: &str, samples: usize) -> BenchmarkGroup<'c, WallTime> {
    let mut g = c.benchmark_group(name);
    g.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(samples)
        .sampling_mode(SamplingMode::Flat);
    g
}

fn batch_input() -> String {
    let mut out = String::new();
    for copy in 0..BATCH_COPIES {
        for name in BATCH_ARTICLES {
            let text = fixture(name);
            let (title, body) = text.trim().split_once("\n\n").expect("title line");
            let record = serde_json::json!({
                "id": format!("{name}-{copy}"),
                "title": title,
                "text": body,
            });
            out.push_str(&record.to_string());
            out.push('\n');
        }
    }
    out
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
