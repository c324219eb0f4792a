//! Scores pairs of texts with refonte's ROUGE, for `scripts/check_rouge.py`.
//!
//! ```text
//! cargo run --release --example rouge_pairs -- PAIRS.jsonl > SCORES.jsonl
//! ```
//!
//! Each input line is `{"id", "candidate", "reference"}`; each output line is
//! `{"id", "rouge1": [p, r, f], "rouge2": [p, r, f], "rougeL": [p, r, f]}`,
//! in input order, with the tokenization of `shared/eval/rouge.py` (see
//! `refonte::rouge`).

use refonte::rouge;
use std::io::{BufRead, Write};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: rouge_pairs PAIRS.jsonl");
        std::process::exit(2);
    });
    let f = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("rouge_pairs: cannot open {path}: {e}");
        std::process::exit(66);
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.unwrap_or_else(|e| {
            eprintln!("rouge_pairs: line {}: {e}", n + 1);
            std::process::exit(65);
        });
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| {
            eprintln!("rouge_pairs: line {}: {e}", n + 1);
            std::process::exit(65);
        });
        let text = |k: &str| v[k].as_str().unwrap_or_default();
        let r = rouge::rouge(text("candidate"), text("reference"));
        let prf = |s: rouge::Score| [s.precision, s.recall, s.f1];
        let record = serde_json::json!({
            "id": v["id"],
            "rouge1": prf(r.rouge1),
            "rouge2": prf(r.rouge2),
            "rougeL": prf(r.rouge_l),
        });
        let _ = writeln!(out, "{record}");
    }
}
