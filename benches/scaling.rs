//! How time grows with the article's length: the long test article (~1,100
//! words) with its body repeated 1, 2, 4 and 8 times (the title once, then
//! every paragraph again, in order), summarized and rewritten.
//!
//! ```text
//! cargo bench --bench scaling
//! ```
//!
//! Throughput is in words and bytes of the input, so criterion prints a
//! per-word rate: a flat rate means linear time. From 2× on, the repeated
//! article holds each sentence several times over: refonte still accepts it
//! and the rewrite still prints its usual ~850 words, with no warning. At 8×
//! (~8,800 words, ~410 sentences) the sentence graph is still whole (no
//! window, see `RankOptions::window`), so ranking compares every pair of
//! sentences throughout the series.

mod common;

use common::{article, fixture, repeated, words};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use refonte::Refonte;
use refonte::summarize::Length;
use std::hint::black_box;
use std::time::Duration;

const TIMES: [usize; 4] = [1, 2, 4, 8];

fn scaling(c: &mut Criterion) {
    let refonte = Refonte::default();
    let long = fixture("long");
    let inputs: Vec<(usize, u64, u64, refonte::input::Article)> = TIMES
        .iter()
        .map(|&k| {
            let text = repeated(&long, k);
            let (w, bytes) = (words(&text), text.len() as u64);
            let article = article(text);
            // The repeated article is still an article refonte accepts.
            let out = refonte
                .rewrite(&article)
                .expect("the repeated article is rewritten");
            assert!(!out.sections.is_empty() && out.word_count > 0);
            (k, w, bytes, article)
        })
        .collect();

    for task in ["summarize", "rewrite"] {
        let mut g = c.benchmark_group(format!("scaling_{task}"));
        g.warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .sample_size(15)
            .sampling_mode(SamplingMode::Flat);
        for (k, w, bytes, article) in &inputs {
            g.throughput(Throughput::ElementsAndBytes {
                elements: *w,
                bytes: *bytes,
            });
            g.bench_with_input(
                BenchmarkId::new("long", format!("{k}x")),
                article,
                |b, a| {
                    b.iter(|| match task {
                        "summarize" => {
                            let s = refonte.summarize(black_box(a), Length::default());
                            s.expect("summarized").sentences.len()
                        }
                        _ => {
                            let r = refonte.rewrite(black_box(a));
                            r.expect("rewritten").word_count
                        }
                    })
                },
            );
        }
        g.finish();
    }
}

criterion_group!(benches, scaling);
criterion_main!(benches);
