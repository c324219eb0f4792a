//! The review page from the command line: `--format review`, `--review FILE`
//! beside another format (which stays byte for byte what it was), and the
//! page's SHA-256 figures, which must be those of the files an editor files.

use std::process::{Command, Output};

mod common;

use common::scratch;

const ARTICLE: &str = "tests/fixtures/articles/medium.txt";

fn refonte(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_refonte"))
        .args(args)
        .output()
        .expect("run refonte")
}

fn stdout(args: &[&str]) -> String {
    let o = refonte(args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

#[test]
fn review_format_prints_one_self_contained_page() {
    let page = stdout(&["rewrite", "--format", "review", ARTICLE]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(page.ends_with("</html>\n"));
    assert_eq!(page.matches("<script>").count(), 1);
    assert!(!page.contains("<link") && !page.contains(" src=\""));
    // The same command prints the same bytes.
    assert_eq!(page, stdout(&["rewrite", "--format", "review", ARTICLE]));
}

#[test]
fn review_file_beside_a_format_keeps_that_format_unchanged() {
    let dir = scratch("review-cli");
    for format in ["md", "html", "json"] {
        let alone = stdout(&["rewrite", "--format", format, ARTICLE]);
        let path = dir.join(format!("review-{format}.html"));
        let path = path.to_str().expect("UTF-8 path");
        let beside = stdout(&["rewrite", "--format", format, ARTICLE, "--review", path]);
        assert_eq!(alone, beside, "--format {format} changed by --review");
        let page = std::fs::read_to_string(path).expect("the review file");
        assert_eq!(
            page,
            stdout(&["rewrite", "--format", "review", ARTICLE]),
            "--review FILE differs from --format review"
        );
    }
}

#[test]
fn review_hashes_are_those_of_the_source_and_of_each_output() {
    let page = stdout(&["rewrite", "--format", "review", ARTICLE]);
    let source = std::fs::read_to_string(ARTICLE).expect("the article");
    let mut want = vec![("Source", refonte::source_hash(&source))];
    for (label, format) in [
        ("Sortie Markdown", "md"),
        ("Sortie HTML", "html"),
        ("Sortie JSON", "json"),
    ] {
        let printed = stdout(&["rewrite", "--format", format, ARTICLE]);
        want.push((label, refonte::source_hash(&printed)));
    }
    for (label, hash) in want {
        let entry = format!("<dt>{label}</dt><dd><code>{hash}</code></dd>");
        assert!(page.contains(&entry), "{label}: {hash} not in the page");
    }
}

#[test]
fn review_options_follow_the_command_line() {
    let page = stdout(&[
        "rewrite",
        "--format",
        "review",
        "tests/fixtures/articles/long.txt",
        "--typography",
        "plain",
        "--strict",
        "--base-url",
        "https://exemple.fr/actu",
    ]);
    for want in [
        "<dt>Typographie</dt><dd>simple (ASCII)</dd>",
        "<dt>Mode strict (--strict)</dt><dd>oui</dd>",
        "<dt>URL de base</dt><dd>https://exemple.fr/actu</dd>",
    ] {
        assert!(page.contains(want), "missing {want}");
    }
}
