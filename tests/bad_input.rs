//! Every bad input of SPEC §5, table-driven: for `rewrite`, `summarize` and
//! a `batch` record, the one-line error, its stable code and the exit
//! status (2 for usage, 65 for bad data), and never a panic.

mod common;

use std::process::Output;
use std::time::{Duration, Instant};

fn refonte(args: &[&str], stdin: &[u8]) -> Output {
    common::run(args, stdin)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const FRENCH: &str = "Le conseil municipal a voté le budget mardi soir après un long débat. \
    Le maire a déclaré que le nouveau plan donnera plus d'argent aux écoles et aux routes, \
    tandis que l'opposition a estimé que les impôts étaient déjà trop élevés pour les familles.";

const ENGLISH: &str = "The city council voted on the budget on Tuesday evening after a long \
    debate. The mayor said that the new plan would give more money to schools and roads, \
    while the opposition argued that taxes were already too high for most families.";

/// One 20,000-word paragraph with no punctuation.
fn giant_paragraph() -> String {
    let words = [
        "maison", "route", "ville", "projet", "conseil", "budget", "année", "travail",
    ];
    (0..20_000)
        .map(|i| words[(i * 7 + i / 3) % words.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Over 10 MB of French text.
fn ten_megabytes() -> String {
    let mut s = String::new();
    while s.len() < 10 * 1024 * 1024 + 1 {
        s.push_str(FRENCH);
        s.push_str("\n\n");
    }
    s
}

/// How a case is answered.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Want {
    /// Refused with this code and exit status.
    Error(&'static str, i32),
    /// Processed (status 0).
    Ok,
}

/// A bad input given as the whole input of `rewrite` and `summarize`.
struct Single {
    name: &'static str,
    input: Vec<u8>,
    args: &'static [&'static str],
    want: Want,
    /// Text the message must hold (the byte offset, the language…).
    needle: &'static str,
}

fn single_cases() -> Vec<Single> {
    let case = |name, input: &[u8], args, want, needle| Single {
        name,
        input: input.to_vec(),
        args,
        want,
        needle,
    };
    let nested = format!(
        "<html><body>{}<p>{FRENCH}</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let broken = format!(
        "<html><body><p>Le conseil <b>a voté <i>{FRENCH}<p>Les travaux <div commencent en mars.</p><script>alert(1)<p>ok</p></sc"
    );
    let deep_json = format!("{{\"text\": {}1{}}}", "[".repeat(200), "]".repeat(200));
    vec![
        case(
            "empty",
            b"",
            &[],
            Want::Error("empty", 65),
            "no article text",
        ),
        case(
            "whitespace only",
            b"  \n\n \t \r\n",
            &[],
            Want::Error("empty", 65),
            "no article text",
        ),
        case(
            "invalid UTF-8",
            b"Le texte\xff casse.",
            &[],
            Want::Error("invalid_utf8", 65),
            "offset 8",
        ),
        case(
            "binary data",
            b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00",
            &[],
            Want::Error("binary", 65),
            "NUL byte at offset 7",
        ),
        case(
            "control characters",
            &b"\x01\x02\x03\x04\x05\x06\x07\x08abc".repeat(50),
            &[],
            Want::Error("binary", 65),
            "control characters",
        ),
        case(
            "text not French",
            ENGLISH.as_bytes(),
            &[],
            Want::Error("not_french", 65),
            "English",
        ),
        case(
            "text not French, forced",
            ENGLISH.as_bytes(),
            &["--force"],
            Want::Ok,
            "",
        ),
        case(
            "a title with no body",
            "Le budget de la ville est voté\n".as_bytes(),
            &[],
            Want::Error("no_body", 65),
            "no body text",
        ),
        case(
            "HTML headings with no body",
            b"<html><body><h1>Le budget</h1><h2>Les travaux</h2></body></html>",
            &[],
            Want::Error("no_body", 65),
            "no body text",
        ),
        case(
            "one 20,000-word paragraph with no punctuation",
            giant_paragraph().as_bytes(),
            &[],
            Want::Error("sentence_too_long", 65),
            "20000 words at byte offset 0",
        ),
        case(
            "10 MB of text",
            ten_megabytes().as_bytes(),
            &[],
            Want::Error("too_large", 65),
            "over the limit of 5242880 bytes",
        ),
        case(
            "over --max-bytes",
            FRENCH.as_bytes(),
            &["--max-bytes", "100"],
            Want::Error("too_large", 65),
            "over the limit of 100 bytes",
        ),
        case("deeply nested HTML", nested.as_bytes(), &[], Want::Ok, ""),
        case("broken HTML", broken.as_bytes(), &[], Want::Ok, ""),
        case(
            "malformed JSON",
            b"{\"id\": 1, \"text\": ",
            &[],
            Want::Error("bad_json", 65),
            "malformed JSON",
        ),
        case(
            "JSON too deep",
            deep_json.as_bytes(),
            &[],
            Want::Error("too_deep", 65),
            "more than 64 levels",
        ),
        case(
            "JSON lacking text",
            b"{\"id\": 1, \"title\": \"Le budget\"}",
            &[],
            Want::Error("missing_text", 65),
            "no `text` field",
        ),
        case(
            "JSON text of the wrong type",
            b"{\"id\": 1, \"text\": 5}",
            &[],
            Want::Error("wrong_type", 65),
            "`text`: expected a string",
        ),
        case(
            "JSON min_words of the wrong type",
            format!("{{\"text\": \"{FRENCH}\", \"min_words\": \"700\"}}").as_bytes(),
            &[],
            Want::Error("wrong_type", 65),
            "`min_words`: expected a non-negative integer",
        ),
        case(
            "unknown option",
            FRENCH.as_bytes(),
            &["--bogus"],
            Want::Error("usage", 2),
            "'--bogus'",
        ),
        case(
            "bad option value",
            FRENCH.as_bytes(),
            &["--max-bytes", "lots"],
            Want::Error("usage", 2),
            "'lots'",
        ),
    ]
}

fn check_answer(what: &str, o: &Output, want: Want, needle: &str) {
    let err = stderr(o);
    match want {
        Want::Ok => {
            assert_eq!(o.status.code(), Some(0), "{what}: {err}");
            assert!(!o.stdout.is_empty(), "{what}: no output");
        }
        Want::Error(code, status) => {
            assert_eq!(o.status.code(), Some(status), "{what}: {err}");
            assert!(o.stdout.is_empty(), "{what}: output on error");
            assert_eq!(err.lines().count(), 1, "{what}: not one line: {err}");
            assert!(err.starts_with("refonte: "), "{what}: {err}");
            assert!(
                err.trim_end().ends_with(&format!("[{code}]")),
                "{what}: code {code} expected: {err}"
            );
            assert!(err.contains(needle), "{what}: {needle:?} not in {err}");
            assert!(!err.contains("panicked"), "{what}: {err}");
        }
    }
}

#[test]
fn every_bad_input_gets_one_line_a_code_and_a_status() {
    for case in single_cases() {
        for command in ["rewrite", "summarize"] {
            let mut args = vec![command];
            args.extend_from_slice(case.args);
            let started = Instant::now();
            let o = refonte(&args, &case.input);
            let what = format!("{command} / {}", case.name);
            check_answer(&what, &o, case.want, case.needle);
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "{what}: took {:?}",
                started.elapsed()
            );
        }
    }
}

/// A bad record inside a batch: its answer line, and the good records around it.
struct Record {
    name: &'static str,
    line: Vec<u8>,
    args: &'static [&'static str],
    /// The code of its error record, or `None` for an `ok` record.
    code: Option<&'static str>,
    needle: &'static str,
}

fn record_cases() -> Vec<Record> {
    let rec = |name, line: String, code, needle| Record {
        name,
        line: line.into_bytes(),
        args: &[],
        code,
        needle,
    };
    let text = |t: &str| serde_json::json!({"id": "r", "text": t}).to_string();
    let mut cases = vec![
        rec("empty text", text(""), Some("empty"), "no article text"),
        rec(
            "whitespace-only text",
            text(" \n\n\t "),
            Some("empty"),
            "no article text",
        ),
        rec(
            "binary text",
            text("abc\u{0}\u{1}\u{2}def"),
            Some("binary"),
            "NUL byte",
        ),
        rec(
            "text not French",
            text(ENGLISH),
            Some("not_french"),
            "English",
        ),
        rec(
            "a title with no body",
            text("Le budget de la ville est voté"),
            Some("no_body"),
            "no body text",
        ),
        rec(
            "one 20,000-word paragraph",
            text(&giant_paragraph()),
            Some("sentence_too_long"),
            "20000 words",
        ),
        rec(
            "10 MB of text",
            text(&ten_megabytes()),
            Some("too_large"),
            "over the limit",
        ),
        rec(
            "malformed JSON",
            "{\"id\": \"r\", \"text\": ".into(),
            Some("bad_json"),
            "malformed JSON",
        ),
        rec(
            "not an object",
            "[\"r\", \"text\"]".into(),
            Some("bad_json"),
            "expected a JSON object",
        ),
        rec("empty line", String::new(), Some("bad_json"), "empty line"),
        rec(
            "JSON too deep",
            format!(
                "{{\"id\": \"r\", \"text\": \"x\", \"extra\": {}{}}}",
                "[".repeat(10_000),
                "]".repeat(10_000)
            ),
            Some("too_deep"),
            "more than 64 levels",
        ),
        rec(
            "lacking text",
            "{\"id\": \"r\", \"title\": \"Le budget\"}".into(),
            Some("missing_text"),
            "no `text` field",
        ),
        rec(
            "null text",
            "{\"id\": \"r\", \"text\": null}".into(),
            Some("missing_text"),
            "no `text` field",
        ),
        rec(
            "text of the wrong type",
            "{\"id\": \"r\", \"text\": [\"a\"]}".into(),
            Some("wrong_type"),
            "`text`: expected a string",
        ),
        rec(
            "title of the wrong type",
            serde_json::json!({"id": "r", "text": FRENCH, "title": 3}).to_string(),
            Some("wrong_type"),
            "`title`: expected a string",
        ),
        rec(
            "negative min_words",
            serde_json::json!({"id": "r", "text": FRENCH, "min_words": -1}).to_string(),
            Some("wrong_type"),
            "`min_words`: expected a non-negative integer",
        ),
        rec("a good record", text(FRENCH), None, ""),
    ];
    let mut invalid = b"{\"id\": \"r\", \"text\": \"Le texte".to_vec();
    invalid.extend_from_slice(b"\xff casse.\"}");
    cases.push(Record {
        name: "invalid UTF-8",
        line: invalid,
        args: &[],
        code: Some("invalid_utf8"),
        needle: "offset 29",
    });
    cases.push(Record {
        // A summary option: `--task summarize` reads it, `rewrite` ignores it.
        name: "sentences of the wrong type (summarize)",
        line: serde_json::json!({"id": "r", "text": FRENCH, "sentences": "3"})
            .to_string()
            .into_bytes(),
        args: &[],
        code: Some("wrong_type"),
        needle: "`sentences`: expected a non-negative integer",
    });
    cases.push(Record {
        name: "text not French, forced",
        line: text(ENGLISH).into_bytes(),
        args: &["--force"],
        code: None,
        needle: "",
    });
    cases.push(Record {
        name: "line over the limit, not read into memory",
        line: text(&"a".repeat(2 << 20)).into_bytes(),
        args: &["--max-bytes", "1000"],
        code: Some("too_large"),
        needle: "over the limit of 1000 bytes",
    });
    cases
}

#[test]
fn every_bad_record_gets_its_error_record_and_the_batch_goes_on() {
    let good = serde_json::json!({"id": "before", "text": FRENCH}).to_string();
    for case in record_cases() {
        for task in ["summarize", "rewrite"] {
            if task == "rewrite" && case.name.ends_with("(summarize)") {
                continue;
            }
            let mut input = format!("{good}\n").into_bytes();
            input.extend_from_slice(&case.line);
            input.extend_from_slice(format!("\n{}\n", good.replace("before", "after")).as_bytes());
            let mut args = vec!["batch", "--task", task];
            args.extend_from_slice(case.args);
            let o = refonte(&args, &input);
            let what = format!("batch {task} / {}", case.name);
            let out = String::from_utf8(o.stdout.clone()).unwrap();
            let lines: Vec<serde_json::Value> = out
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(lines.len(), 3, "{what}: {out}");
            assert_eq!(lines[0]["id"], "before", "{what}");
            assert_eq!(lines[0]["ok"], true, "{what}");
            assert_eq!(lines[2]["id"], "after", "{what}");
            assert_eq!(lines[2]["ok"], true, "{what}");
            let rec = &lines[1];
            match case.code {
                None => {
                    assert_eq!(rec["ok"], true, "{what}: {rec}");
                    assert_eq!(o.status.code(), Some(0), "{what}: {}", stderr(&o));
                }
                Some(code) => {
                    assert_eq!(rec["ok"], false, "{what}: {rec}");
                    assert_eq!(rec["code"], code, "{what}: {rec}");
                    assert_eq!(rec["line"], 2, "{what}");
                    let msg = rec["error"].as_str().unwrap();
                    assert!(msg.contains(case.needle), "{what}: {msg}");
                    assert!(!msg.contains('\n'), "{what}: {msg}");
                    assert_eq!(o.status.code(), Some(65), "{what}");
                }
            }
        }
    }
}

#[test]
fn batch_usage_errors_exit_with_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["batch", "--task", "summarize", "--jobs", "0"],
            "[bad_option]",
        ),
        (&["batch", "--task", "translate"], "[usage]"),
        (&["batch"], "[usage]"),
        (&["batch", "--task", "summarize", "--resume"], "--output"),
        (&["batch", "--task", "summarize", "--bogus"], "'--bogus'"),
    ];
    for (args, needle) in cases {
        let o = refonte(args, b"{\"text\": \"x\"}\n");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(o.stdout.is_empty());
    }
}
