//! Command-line tests: `summarize`, `batch` (with a malformed line), exit
//! statuses, identical output for any number of jobs, and `batch` refusing
//! the options it would ignore.

mod common;

use std::process::Output;

fn refonte(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run(args, stdin.unwrap_or_default())
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn summarize_prints_sentences_of_the_article() {
    let o = refonte(
        &[
            "summarize",
            "tests/fixtures/articles/long.txt",
            "--sentences",
            "3",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let source = std::fs::read_to_string("tests/fixtures/articles/long.txt").unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    for l in lines {
        assert!(source.contains(l), "not a source sentence: {l}");
    }
}

#[test]
fn summarize_json_spans_cut_the_input() {
    let path = "examples/article.txt";
    let o = refonte(
        &["summarize", path, "--format", "json", "--words", "120"],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let input = std::fs::read(path).unwrap();
    let sentences = v["sentences"].as_array().unwrap();
    let words: usize = sentences
        .iter()
        .map(|s| s["text"].as_str().unwrap().split_whitespace().count())
        .sum();
    assert!(words >= 120, "{words} words");
    for s in sentences {
        let a = s["source_span"][0].as_u64().unwrap() as usize;
        let b = s["source_span"][1].as_u64().unwrap() as usize;
        let cut = String::from_utf8(input[a..b].to_vec()).unwrap();
        assert_eq!(cut, s["text"].as_str().unwrap());
        assert_eq!(s["kind"], "source");
    }
    // The request lines are instructions, never article text.
    assert!(!v["summary"].as_str().unwrap().contains("Customize"));
}

#[test]
fn summarize_reads_standard_input_and_html() {
    let html = "<html><head><title>Budget</title></head><body><h1>Le budget est voté</h1>\
                <p>Le conseil municipal a voté le budget mardi soir. Il prévoit 2 millions d’euros de travaux.</p>\
                <script>var x = 1;</script><p>L’opposition a voté contre.</p></body></html>";
    let o = refonte(
        &["summarize", "-", "--sentences", "2"],
        Some(html.as_bytes()),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "Le conseil municipal a voté le budget mardi soir.\nIl prévoit 2 millions d’euros de travaux.\n"
    );
}

#[test]
fn bad_input_gets_one_line_and_a_status() {
    let cases: &[(&[&str], &[u8], i32, &str)] = &[
        (&["summarize"], b"   \n\n  ", 65, "[empty]"),
        (&["summarize"], b"Le texte\xff casse", 65, "offset 8"),
        (&["summarize"], b"\x00\x01\x02binaire", 65, "[binary]"),
        (
            &["summarize", "--sentences", "2", "--words", "5"],
            b"x",
            2,
            "cannot be used with",
        ),
        (&["summarize", "--bogus"], b"x", 2, "--bogus"),
        (
            &["summarize", "--max-bytes", "10"],
            b"Un article bien trop long pour la limite.",
            65,
            "[too_large]",
        ),
        (
            &["summarize", "no/such/file.txt"],
            b"",
            66,
            "no/such/file.txt",
        ),
    ];
    for (args, input, status, needle) in cases {
        let o = refonte(args, Some(input));
        assert_eq!(o.status.code(), Some(*status), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn batch_answers_every_line_in_order() {
    let good = std::fs::read_to_string("tests/fixtures/batch.jsonl").unwrap();
    let mut lines: Vec<String> = good.lines().map(str::to_string).collect();
    let n_good = lines.len();
    lines.insert(2, "{\"id\": \"broken\", \"text\": ".to_string());
    lines.push("{\"id\": \"no-text\"}".to_string());
    let input = lines.join("\n") + "\n";
    let o = refonte(
        &["batch", "--task", "summarize", "--sentences", "2"],
        Some(input.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(65), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 of"), "{}", stderr(&o));
    let out: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(out.len(), n_good + 2);
    let inputs: Vec<serde_json::Value> = good
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut k = 0;
    for (i, rec) in out.iter().enumerate() {
        if i == 2 {
            assert_eq!(rec["ok"], false);
            assert_eq!(rec["line"], 3);
            assert_eq!(rec["code"], "bad_json");
            continue;
        }
        if i == out.len() - 1 {
            assert_eq!(rec["ok"], false);
            assert_eq!(rec["id"], "no-text");
            assert_eq!(rec["code"], "missing_text");
            continue;
        }
        assert_eq!(rec["ok"], true, "{rec}");
        assert_eq!(rec["id"], inputs[k]["id"]);
        assert_eq!(rec["sentences"].as_array().unwrap().len(), 2);
        let text = inputs[k]["text"].as_str().unwrap().as_bytes();
        for s in rec["sentences"].as_array().unwrap() {
            let a = s["source_span"][0].as_u64().unwrap() as usize;
            let b = s["source_span"][1].as_u64().unwrap() as usize;
            assert_eq!(
                std::str::from_utf8(&text[a..b]).unwrap(),
                s["text"].as_str().unwrap()
            );
        }
        k += 1;
    }
}

#[test]
fn batch_output_is_the_same_for_any_number_of_jobs() {
    // Enough records for several chunks, from the fixtures.
    let good = std::fs::read_to_string("tests/fixtures/batch.jsonl").unwrap();
    let mut input = String::new();
    for round in 0..200 {
        for line in good.lines() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["id"] = serde_json::json!(format!("{round}-{}", v["id"]));
            input.push_str(&v.to_string());
            input.push('\n');
        }
    }
    let one = refonte(
        &["batch", "--task", "summarize", "--jobs", "1"],
        Some(input.as_bytes()),
    );
    let two = refonte(
        &["batch", "--task", "summarize", "--jobs", "2"],
        Some(input.as_bytes()),
    );
    let four = refonte(
        &["batch", "--task", "summarize", "--jobs", "4"],
        Some(input.as_bytes()),
    );
    assert!(one.status.success());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(stdout(&one).lines().count(), 200 * good.lines().count());
}

#[test]
fn a_record_alone_or_in_a_batch_gives_the_same_summary() {
    let good = std::fs::read_to_string("tests/fixtures/batch.jsonl").unwrap();
    let first = good.lines().next().unwrap();
    let alone = refonte(
        &["batch", "--task", "summarize"],
        Some(format!("{first}\n").as_bytes()),
    );
    let all = refonte(&["batch", "--task", "summarize"], Some(good.as_bytes()));
    assert_eq!(stdout(&alone).lines().next(), stdout(&all).lines().next());
}

/// Checks that `o` is a usage error: exit status 2, nothing printed but
/// clap's one-line `message`.
fn assert_usage_error(o: &Output, message: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", stderr(o));
    assert_eq!(
        stderr(o),
        format!("refonte: {message} (see refonte --help) [usage]\n")
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn batch_takes_format_json_and_refuses_any_other() {
    let input = std::fs::read("tests/fixtures/batch.jsonl").unwrap();
    let plain = refonte(&["batch", "--task", "summarize"], Some(&input));
    let json = refonte(
        &["batch", "--task", "summarize", "--format", "json"],
        Some(&input),
    );
    assert!(json.status.success(), "{}", stderr(&json));
    assert_eq!(json.stdout, plain.stdout);
    let md = refonte(
        &["batch", "--task", "summarize", "--format", "md"],
        Some(&input),
    );
    assert_usage_error(
        &md,
        "invalid value 'md' for '--format <FORMAT>' [possible values: json]",
    );
}

#[test]
fn batch_refuses_an_option_it_would_ignore() {
    let input = std::fs::read("tests/fixtures/batch.jsonl").unwrap();
    let batch = |task: &str, option: &str, value: &str| {
        refonte(&["batch", "--task", task, option, value], Some(&input))
    };
    // (task, an option of the other task, a value)
    let misplaced = [
        ("rewrite", "--sentences", "2"),
        ("rewrite", "--words", "50"),
        ("summarize", "--min-words", "300"),
        ("summarize", "--typography", "plain"),
        ("summarize", "--base-url", "https://example.org"),
    ];
    for (task, option, value) in misplaced {
        assert_usage_error(
            &batch(task, option, value),
            &format!("the argument '{option}' cannot be used with '--task {task}'"),
        );
    }
    // A record's `text` is read in the format its content shows.
    assert_usage_error(
        &batch("summarize", "--input-format", "html"),
        "unexpected argument '--input-format' found",
    );
}
