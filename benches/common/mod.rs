//! Inputs shared by the benchmarks: the project's own test articles
//! (tests/fixtures/articles/), read as the command line reads a `.txt` file.

// Each bench target uses its own part of this module.
#![allow(dead_code)]

use refonte::input::{Article, Format};

// The command line's allocator, so that the benches measure what it runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;

/// The articles every stage is measured on: about 350, 1,100 and 5,000 words.
pub const SIZES: [&str; 3] = ["short", "long", "very_long"];

/// The text of `tests/fixtures/articles/{name}.txt`.
pub fn fixture(name: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "articles",
        &format!("{name}.txt"),
    ]
    .iter()
    .collect();
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// An article as `refonte rewrite FILE.txt` builds it.
pub fn article(text: String) -> Article {
    Article {
        text,
        format: Format::from_path("article.txt"),
        ..Article::default()
    }
}

/// Words of a text, as white-space separated runs: the unit of the
/// throughput figures (per-word rates).
pub fn words(text: &str) -> u64 {
    text.split_whitespace().count() as u64
}

/// The article `text` with its body repeated `times` times: the title line
/// once, then every body paragraph `times` times over, in order, separated
/// by blank lines as in the source, so that it still reads as one article.
pub fn repeated(text: &str, times: usize) -> String {
    let text = text.trim();
    let (title, body) = text
        .split_once("\n\n")
        .expect("a fixture article has a title line and a body");
    let mut out = String::with_capacity(title.len() + times * (body.len() + 2) + 2);
    out.push_str(title);
    for _ in 0..times {
        out.push_str("\n\n");
        out.push_str(body.trim());
    }
    out.push('\n');
    out
}
