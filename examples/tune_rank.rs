//! Measures ranking parameters against reference summaries (ROUGE F1).
//!
//! ```text
//! cargo run --release --example tune_rank -- ../shared/data/dev_abstract.jsonl [K] [grid]
//! ```
//!
//! Each record needs `text`, `title` and `abstract`. Documents are read once;
//! every configuration of the grid (see `configs`) is then ranked and scored
//! with refonte's ROUGE (the tokenization of `shared/eval/rouge.py`). This is
//! how the defaults of `RankOptions` were chosen; the figures are in the README.

use rayon::prelude::*;
use refonte::input::Article;
use refonte::rank::{RankOptions, Similarity};
use refonte::summarize::{self, Length};
use refonte::{Document, rouge};
use std::io::BufRead;

struct Sample {
    doc: Document,
    reference: String,
}

fn load(path: &str) -> Vec<Sample> {
    let f = std::fs::File::open(path).expect("open the JSONL file");
    let lines: Vec<String> = std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .collect();
    lines
        .par_iter()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            let article = Article {
                text: v["text"].as_str()?.to_string(),
                title: v["title"].as_str().map(str::to_string),
                ..Article::default()
            };
            let doc = Document::new(&article, usize::MAX).ok()?;
            Some(Sample {
                doc,
                reference: v["abstract"].as_str()?.to_string(),
            })
        })
        .collect()
}

fn score(samples: &[Sample], k: usize, opts: &RankOptions) -> (f64, f64, f64, f64) {
    let per: Vec<(f64, f64, f64, f64)> = samples
        .par_iter()
        .map(|s| {
            let sum = summarize::summarize(&s.doc, Length::Sentences(k), opts);
            let r = rouge::rouge(&sum.summary, &s.reference);
            let words = sum.summary.split_whitespace().count() as f64;
            (r.rouge1.f1, r.rouge2.f1, r.rouge_l.f1, words)
        })
        .collect();
    let n = per.len() as f64;
    let (mut a, mut b, mut c, mut d) = (0.0, 0.0, 0.0, 0.0);
    for p in &per {
        a += p.0;
        b += p.1;
        c += p.2;
        d += p.3;
    }
    (100.0 * a / n, 100.0 * b / n, 100.0 * c / n, d / n)
}

/// A grid such as `damping=0.15,0.3;title=0,2;length=0,0.5` (the cartesian
/// product of the listed values over the defaults).
fn configs(grid: &str) -> Vec<(String, RankOptions)> {
    let mut out = vec![(String::from("default"), RankOptions::default())];
    if grid == "lead" {
        let o = RankOptions {
            position_decay: 50.0,
            title_weight: 0.0,
            damping: 0.0,
            min_words: 0,
            ..RankOptions::default()
        };
        return vec![("lead".into(), o)];
    }
    for axis in grid.split(';').filter(|a| !a.is_empty()) {
        let (name, values) = axis.split_once('=').expect("axis=v1,v2");
        let mut next = Vec::new();
        for (label, base) in &out {
            for v in values.split(',') {
                let mut o = base.clone();
                let x: f64 = v.parse().unwrap_or(0.0);
                match name {
                    "damping" => o.damping = x,
                    "decay" => o.position_decay = x,
                    "title" => o.title_weight = x,
                    "length" => o.length_exponent = x,
                    "forward" => o.forward_weight = x,
                    "backward" => o.backward_weight = x,
                    "minwords" => o.min_words = x as usize,
                    "sim" => {
                        o.similarity = match v {
                            "overlap" => Similarity::Overlap,
                            "cosine" => Similarity::Cosine,
                            _ => Similarity::Bm25,
                        }
                    }
                    _ => panic!("unknown axis {name}"),
                }
                let l = if label == "default" {
                    String::new()
                } else {
                    format!("{label} ")
                };
                next.push((format!("{l}{name}={v}"), o));
            }
        }
        out = next;
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("usage: tune_rank FILE.jsonl [K] [grid]");
    let k: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
    let grid = args.get(3).map_or("", String::as_str);
    let samples = load(path);
    println!("{} articles, {k} sentences, grid {grid}", samples.len());
    println!(
        "{:<40} {:>6} {:>6} {:>6} {:>6}",
        "config", "R1", "R2", "RL", "words"
    );
    for (name, opts) in configs(grid) {
        let (r1, r2, rl, w) = score(&samples, k, &opts);
        println!("{name:<40} {r1:6.2} {r2:6.2} {rl:6.2} {w:6.1}");
    }
}
