//! Golden tests: whole articles written for the project, rewritten, and
//! compared byte for byte with the expected Markdown and JSON kept beside
//! them in `tests/golden/`.
//!
//! After a deliberate change, regenerate the expected files with
//!
//! ```text
//! REFONTE_BLESS=1 cargo test --test golden
//! ```
//!
//! and review the diff like any other change.

use refonte::Refonte;
use refonte::input::Article;
use refonte::render::{Html, Markdown, Render, json};

const CASES: &[(&str, &str)] = &[
    ("long", "tests/fixtures/articles/long.txt"),
    ("medium", "tests/fixtures/articles/medium.txt"),
    ("quotes", "tests/fixtures/articles/quotes.txt"),
    ("request", "examples/article.txt"),
];

fn check(expected_path: &str, got: &str, failures: &mut Vec<String>) {
    if std::env::var_os("REFONTE_BLESS").is_some() {
        std::fs::write(expected_path, got).expect("write golden file");
        return;
    }
    match std::fs::read_to_string(expected_path) {
        Ok(expected) if expected == got => {}
        Ok(expected) => {
            let line = expected
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(expected.lines().count().min(got.lines().count()));
            failures.push(format!(
                "{expected_path}: differs from line {} (expected {:?}, got {:?}); \
                 run REFONTE_BLESS=1 cargo test --test golden if the change is intended",
                line + 1,
                expected.lines().nth(line),
                got.lines().nth(line)
            ));
        }
        Err(_) => failures.push(format!(
            "{expected_path}: missing; run REFONTE_BLESS=1 cargo test --test golden"
        )),
    }
}

#[test]
fn golden_articles() {
    let refonte = Refonte::default();
    let mut failures = Vec::new();
    for (name, input) in CASES {
        let text = std::fs::read_to_string(input).expect("fixture");
        let article = Article {
            text,
            ..Article::default()
        };
        let out = refonte.rewrite(&article).expect("rewrite");
        let md = Markdown.render(&out);
        let js = json(&out, &Html::default(), None, true) + "\n";
        check(&format!("tests/golden/{name}.md"), &md, &mut failures);
        check(&format!("tests/golden/{name}.json"), &js, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
