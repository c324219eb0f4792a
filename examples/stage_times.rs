//! Time spent per pipeline stage over a JSONL file of articles, on one thread.
//!
//! ```text
//! cargo run --release --example stage_times -- ../shared/data/dev_abstract.jsonl
//! ```

use refonte::input::{self, Article};
use refonte::rank::RankOptions;
use refonte::{analyze, normalize, segment, summarize};
use std::io::BufRead;
use std::time::{Duration, Instant};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: stage_times FILE.jsonl");
    let f = std::fs::File::open(&path).expect("open");
    let lines: Vec<String> = std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .collect();
    let _ = refonte::fr::lexicon::lexicons();
    let mut t = [Duration::ZERO; 8];
    let names = [
        "json",
        "extract",
        "clean",
        "segment",
        "terms",
        "document",
        "summarize",
        "output",
    ];
    let opts = RankOptions::default();
    for l in &lines {
        let s = Instant::now();
        let v: serde_json::Value = serde_json::from_str(l).expect("json");
        let article = Article {
            text: v["text"].as_str().unwrap_or("").to_string(),
            title: v["title"].as_str().map(str::to_string),
            ..Article::default()
        };
        t[0] += s.elapsed();
        let s = Instant::now();
        let ex = input::extract(&article);
        t[1] += s.elapsed();
        let s = Instant::now();
        let cl = normalize::clean(&ex.text);
        t[2] += s.elapsed();
        let s = Instant::now();
        let seg = segment::segment(&cl.text);
        t[3] += s.elapsed();
        let s = Instant::now();
        let _terms = analyze::terms(&cl.text, &seg);
        t[4] += s.elapsed();
        let s = Instant::now();
        let doc = refonte::Document::new(&article, usize::MAX).expect("doc");
        t[5] += s.elapsed();
        let s = Instant::now();
        let sum = summarize::summarize(&doc, summarize::Length::Sentences(3), &opts);
        t[6] += s.elapsed();
        let s = Instant::now();
        let _ = serde_json::to_string(&sum).expect("json");
        t[7] += s.elapsed();
    }
    // Terms again, with every word form already known to the thread.
    let docs: Vec<refonte::Document> = lines
        .iter()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            let article = Article {
                text: v["text"].as_str()?.to_string(),
                ..Article::default()
            };
            refonte::Document::new(&article, usize::MAX).ok()
        })
        .collect();
    let s = Instant::now();
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    for _ in 0..rounds {
        for d in &docs {
            let _ = analyze::terms(&d.text, &d.seg);
        }
    }
    let warm = s.elapsed();
    let n = lines.len() as f64;
    println!(
        "terms (warm) {:6.1} µs/article",
        warm.as_secs_f64() * 1e6 / n / rounds as f64
    );
    for (name, d) in names.iter().zip(t) {
        println!("{name:<10} {:8.1} µs/article", d.as_secs_f64() * 1e6 / n);
    }
}
