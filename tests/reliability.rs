//! Batch isolation and resumption, determinism across runs, thread counts
//! and batch versus single mode, and security of the HTML output and of the
//! files refonte touches.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::{bin, run_in as refonte_in, scratch};

fn refonte(args: &[&str], stdin: &[u8]) -> Output {
    refonte_in(None, args, stdin)
}

/// `rounds` copies of the fixture records with distinct ids, a few bad
/// lines (one without an id) among them.
fn records(rounds: usize) -> String {
    common::numbered_records(rounds, |round| {
        if round % 7 == 3 {
            "{\"id\": \"broken\", \"text\": \nnot json at all\n"
        } else {
            ""
        }
    })
}

/// `batch --task summarize --resume -o OUT` over `input` on standard input.
fn resume_summaries(out: &Path, input: &str) -> Output {
    refonte(
        &[
            "batch",
            "--task",
            "summarize",
            "--resume",
            "-o",
            out.to_str().unwrap(),
        ],
        input.as_bytes(),
    )
}

#[test]
fn a_killed_batch_resumes_to_the_same_output() {
    let dir = scratch("resume-killed");
    let input_path = dir.join("in.jsonl");
    std::fs::write(&input_path, records(60)).unwrap();
    let input = input_path.to_str().unwrap();
    let whole = dir.join("whole.jsonl");
    let o = refonte(
        &[
            "batch",
            input,
            "--task",
            "rewrite",
            "-o",
            whole.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(
        o.status.code(),
        Some(65),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let expected = std::fs::read(&whole).unwrap();
    let n_lines = expected.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(n_lines, records(60).lines().count());

    // Kill a run once some records are on disk.
    let part = dir.join("part.jsonl");
    let mut child = bin()
        .args(["batch", input, "--task", "rewrite", "--jobs", "1", "-o"])
        .arg(&part)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::fs::metadata(&part).map_or(0, |m| m.len()) == 0
        && started.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let on_disk = std::fs::read(&part).unwrap();
    assert!(!on_disk.is_empty(), "nothing written before the kill");
    // Every complete line on disk is the whole run's line.
    let complete = on_disk
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    assert_eq!(&on_disk[..complete], &expected[..complete]);

    let o = refonte(
        &[
            "batch",
            input,
            "--task",
            "rewrite",
            "--resume",
            "-o",
            part.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(65));
    assert_eq!(std::fs::read(&part).unwrap(), expected);
}

#[test]
fn resume_drops_a_cut_line_and_skips_answered_ids() {
    let dir = scratch("resume-cut");
    let input = records(20);
    let whole = refonte(&["batch", "--task", "summarize"], input.as_bytes());
    let expected = whole.stdout;
    // Cut the output in the middle of every line in turn.
    let ends: Vec<usize> = expected
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i)
        .collect();
    for (k, cut) in [0, 1, 5, ends.len() / 2, ends.len() - 1]
        .into_iter()
        .map(|k| (k, ends[k].saturating_sub(3)))
    {
        let part = dir.join(format!("part{k}.jsonl"));
        std::fs::write(&part, &expected[..cut]).unwrap();
        let o = resume_summaries(&part, &input);
        assert_eq!(o.status.code(), Some(65));
        assert_eq!(
            std::fs::read(&part).unwrap(),
            expected,
            "cut at {cut} (line {k})"
        );
    }
    // A complete output: nothing to do, nothing added.
    let done = dir.join("done.jsonl");
    std::fs::write(&done, &expected).unwrap();
    let o = resume_summaries(&done, &input);
    assert!(String::from_utf8_lossy(&o.stderr).contains("skipped"));
    assert_eq!(std::fs::read(&done).unwrap(), expected);
}

#[test]
fn output_is_the_same_for_any_run_and_any_number_of_jobs() {
    let input = records(30);
    for task in ["summarize", "rewrite"] {
        let one = refonte(&["batch", "--task", task, "--jobs", "1"], input.as_bytes());
        let two = refonte(&["batch", "--task", task, "--jobs", "2"], input.as_bytes());
        let three = refonte(&["batch", "--task", task, "--jobs", "3"], input.as_bytes());
        let again = refonte(&["batch", "--task", task, "--jobs", "1"], input.as_bytes());
        assert!(!one.stdout.is_empty());
        assert_eq!(one.stdout, two.stdout, "{task}");
        assert_eq!(one.stdout, three.stdout, "{task}");
        assert_eq!(one.stdout, again.stdout, "{task}");
    }
    for format in ["md", "html", "json"] {
        let a = refonte(
            &["rewrite", "examples/article.txt", "--format", format],
            b"",
        );
        let b = refonte(
            &["rewrite", "examples/article.txt", "--format", format],
            b"",
        );
        assert!(a.status.success());
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

#[test]
fn a_record_alone_or_in_a_batch_gives_the_same_rewrite() {
    let input = records(2);
    let batch = refonte(&["batch", "--task", "rewrite"], input.as_bytes());
    let answers: Vec<serde_json::Value> = String::from_utf8(batch.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let dir = scratch("alone");
    for (line, answer) in input.lines().zip(&answers) {
        if answer["ok"] != true {
            continue;
        }
        // Alone in a batch of one.
        let alone = refonte(
            &["batch", "--task", "rewrite"],
            format!("{line}\n").as_bytes(),
        );
        let alone: serde_json::Value = serde_json::from_slice(&alone.stdout).unwrap();
        assert_eq!(&alone, answer);
        // Alone as a JSON file for `rewrite`.
        let path = dir.join("record.json");
        std::fs::write(&path, line).unwrap();
        let single = refonte(
            &["rewrite", path.to_str().unwrap(), "--format", "json"],
            b"",
        );
        assert!(single.status.success());
        let mut single: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
        let mut answer = answer.clone();
        answer.as_object_mut().unwrap().remove("id");
        answer.as_object_mut().unwrap().remove("ok");
        single.as_object_mut().unwrap().remove("id");
        single.as_object_mut().unwrap().remove("ok");
        assert_eq!(single, answer);
    }
}

/// The HTML page has one script element, the JSON-LD block, whatever the
/// source holds in its title, text, quotations or keyphrase.
#[test]
fn source_strings_cannot_open_or_close_a_script_in_html() {
    let evil = "</script><script>alert(1)</script><!--";
    let text = format!(
        "Le conseil municipal a voté le budget {evil} mardi soir après un long débat.\n\n\
         « Nous tiendrons nos promesses {evil} », a déclaré le maire, M. Jean Dupont, devant les élus.\n\n\
         L’opposition a dénoncé un budget <b>injuste</b> & trop lourd pour les familles de la ville."
    );
    let record = serde_json::json!({
        "id": evil,
        "title": format!("Le budget {evil} voté"),
        "keyphrase": format!("budget {evil}"),
        "text": text,
    });
    let path = scratch("escape").join("evil.json");
    std::fs::write(&path, record.to_string()).unwrap();
    let check = |html: &str| {
        let lower = html.to_ascii_lowercase();
        assert_eq!(lower.matches("<script").count(), 1, "{html}");
        assert_eq!(lower.matches("</script").count(), 1, "{html}");
        assert!(!lower.contains("<!--"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
    };
    let o = refonte(
        &[
            "rewrite",
            path.to_str().unwrap(),
            "--format",
            "html",
            "--base-url",
            "https://example.org/\"><script>",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    check(&String::from_utf8(o.stdout).unwrap());
    let o = refonte(
        &["batch", "--task", "rewrite"],
        format!("{record}\n").as_bytes(),
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ok"], true, "{v}");
    check(v["html"].as_str().unwrap());
}

/// Input can name files (paths, URLs, includes, record fields): refonte
/// reads and writes none of them.
#[test]
fn input_cannot_make_refonte_touch_other_files() {
    let dir = scratch("files");
    let secret = dir.join("secret.txt");
    std::fs::write(&secret, "CONTENU-SECRET").unwrap();
    let s = secret.to_str().unwrap();
    let text = format!(
        "Le conseil municipal a voté le budget mardi soir après un long débat, selon {s}.\n\n\
         <!--#include file=\"{s}\" --> <img src=\"file://{s}\"> <link rel=\"import\" href=\"{s}\">\n\n\
         [lien](file://{s}) ![image]({s}) Le maire a déclaré que le plan donnera plus d’argent aux écoles."
    );
    let record = serde_json::json!({
        "id": "../../pwned", "text": text, "title": s,
        "output": "pwned.txt", "file": s, "o": "pwned.txt", "resume": true,
    });
    for (args, stdin) in [
        (vec!["rewrite", "--format", "html"], text.clone()),
        (vec!["rewrite", "--input-format", "md"], text.clone()),
        (vec!["rewrite", "--input-format", "html"], text.clone()),
        (vec!["rewrite", "--format", "json"], record.to_string()),
        (vec!["batch", "--task", "rewrite"], format!("{record}\n")),
        (vec!["summarize"], text.clone()),
    ] {
        let o = refonte_in(Some(&dir), &args, stdin.as_bytes());
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(!out.contains("CONTENU-SECRET"), "{args:?}");
    }
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["secret.txt"]);
}

/// Only the command line (`src/main.rs` and its modules under `src/cli/`)
/// opens files: no module of the library uses the file system.
#[test]
fn the_library_never_opens_files() {
    for entry in walk(Path::new("src")) {
        if entry.ends_with("main.rs") || entry.starts_with("src/cli") {
            continue;
        }
        let code = std::fs::read_to_string(&entry).unwrap();
        for needle in [
            "std::fs",
            "File::",
            "OpenOptions",
            "read_to_string(",
            "env::var",
        ] {
            assert!(!code.contains(needle), "{}: uses {needle}", entry.display());
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out
}
