//! `batch --progress`: nothing on standard error when it is not a terminal
//! (unless `always`: plain lines), a bar cleared before the summary line on
//! a terminal (through `script`, when util-linux's is installed), and the
//! same output whatever the progress shown.

use std::process::{Command, Output, Stdio};

mod common;

use common::{input_file, run};

/// `rounds` copies of the fixture records with distinct ids, and one line
/// that is not JSON.
fn records(rounds: usize) -> String {
    common::numbered_records(rounds, |round| if round == 1 { "not json\n" } else { "" })
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// The summary line of a run whose one bad line failed.
fn failed_line(records: usize) -> String {
    format!("refonte: 1 of {records} records failed (see their error records)\n")
}

fn batch(input: &str, extra: &[&str], stdin: &[u8]) -> Output {
    let mut args = vec!["batch", input, "--task", "summarize", "--sentences", "1"];
    args.extend_from_slice(extra);
    run(&args, stdin)
}

/// `rounds` rounds of records in a file of the scratch directory `name`:
/// the directory, the input, the file's path, its number of lines and the
/// run without progress options.
fn fixture(name: &str, rounds: usize) -> (std::path::PathBuf, String, String, usize, Output) {
    let input = records(rounds);
    let (dir, file) = input_file(name, &input);
    let n = input.lines().count();
    let plain = batch(&file, &[], b"");
    (dir, input, file, n, plain)
}

#[test]
fn nothing_but_the_summary_on_a_pipe_by_default_or_with_never() {
    let (_dir, input, file, n, plain) = fixture("progress-pipe", 4);
    let file = file.as_str();
    assert_eq!(plain.status.code(), Some(65));
    assert_eq!(stderr(&plain), failed_line(n));
    for (name, args, stdin) in [
        ("never", vec!["--progress", "never"], &b""[..]),
        ("auto", vec!["--progress", "auto"], b""),
        ("stdin", vec![], input.as_bytes()),
        (
            "stdin, never",
            vec!["--progress", "never"],
            input.as_bytes(),
        ),
    ] {
        let from = if stdin.is_empty() { file } else { "-" };
        let o = batch(from, &args, stdin);
        assert_eq!(o.status.code(), Some(65), "{name}");
        assert_eq!(stderr(&o), failed_line(n), "{name}");
        assert_eq!(o.stdout, plain.stdout, "{name}");
    }
}

/// The progress lines of `always` on a pipe: each a plain line.
fn progress_lines(o: &Output) -> Vec<String> {
    let err = stderr(o);
    assert!(
        err.chars().all(|c| c == '\n' || !c.is_control()),
        "control characters on standard error: {err:?}"
    );
    err.lines()
        .filter(|l| l.starts_with("refonte: progress: "))
        .map(String::from)
        .collect()
}

#[test]
fn always_on_a_pipe_prints_plain_lines_and_the_same_output() {
    let (_dir, input, file, n, plain) = fixture("progress-always", 4);
    let file = file.as_str();
    for jobs in ["1", "3"] {
        for from_stdin in [false, true] {
            let (from, stdin) = if from_stdin {
                ("-", input.as_bytes())
            } else {
                (file, &b""[..])
            };
            let o = batch(from, &["--progress", "always", "--jobs", jobs], stdin);
            assert_eq!(o.status.code(), Some(65));
            assert_eq!(o.stdout, plain.stdout, "--jobs {jobs}, stdin {from_stdin}");
            let lines = progress_lines(&o);
            // A short run: the last line only, with the whole run's counts.
            let last = lines.last().expect("a progress line");
            assert!(last.starts_with("refonte: progress: done in "), "{last}");
            let counts = format!(": {n} records, ");
            assert!(last.contains(&counts), "{last}");
            assert!(last.contains(", 1 failed, "), "{last}");
            assert!(last.ends_with(" read"), "{last}");
            // The summary comes after it.
            assert!(stderr(&o).ends_with(&format!("{last}\n{}", failed_line(n))));
        }
    }
}

#[test]
fn always_counts_the_records_a_resumed_run_skips() {
    let input = records(3);
    let (dir, file) = input_file("progress-resume", &input);
    let n = input.lines().count();
    let whole = dir.join("whole.jsonl");
    let o = batch(&file, &["-o", whole.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(65));
    let expected = std::fs::read(&whole).unwrap();
    // An earlier run answered the first 5 lines.
    let cut = expected
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(4)
        .unwrap()
        .0;
    let part = dir.join("part.jsonl");
    std::fs::write(&part, &expected[..=cut]).unwrap();
    let o = batch(
        &file,
        &[
            "--resume",
            "-o",
            part.to_str().unwrap(),
            "--progress",
            "always",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(65), "{}", stderr(&o));
    assert_eq!(std::fs::read(&part).unwrap(), expected);
    let lines = progress_lines(&o);
    let last = lines.last().expect("a progress line");
    let counts = format!(": {} records, ", n - 5);
    assert!(last.contains(&counts), "{last}");
    assert!(last.contains(", 5 skipped, "), "{last}");
}

/// `script` from util-linux, when it is installed and can open a
/// pseudo-terminal here.
fn script_works() -> bool {
    Command::new("script")
        .args(["-qec", "true", "/dev/null"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs the shell command `cmd` on a pseudo-terminal (standard output and
/// error both on it, two minutes at most) and returns what the terminal
/// received.
fn on_terminal(cmd: &str) -> (Option<i32>, Vec<u8>) {
    let o = Command::new("timeout")
        .args(["120", "script", "-qec", cmd, "/dev/null"])
        .env("TERM", "xterm")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_ne!(
        o.status.code(),
        Some(124),
        "`{cmd}` on a terminal timed out"
    );
    (o.status.code(), o.stdout)
}

/// Runs `cmd` on a pseudo-terminal, as [`on_terminal`], where it must exit
/// 65 (one bad record); the screen and its text.
fn one_failed_on_terminal(cmd: &str) -> (Vec<u8>, String) {
    let (code, screen) = on_terminal(cmd);
    assert_eq!(code, Some(65), "{cmd}");
    let text = String::from_utf8_lossy(&screen).into_owned();
    (screen, text)
}

/// What follows the last line clear on the terminal.
fn after_last_clear(screen: &[u8]) -> &[u8] {
    let clear = b"\r\x1b[2K";
    let at = screen
        .windows(clear.len())
        .rposition(|w| w == clear)
        .expect("the bar is cleared");
    &screen[at + clear.len()..]
}

/// What the terminal shows once every drawing of the bar (a line then
/// cleared) is taken out, with plain line ends.
fn without_bar(screen: &[u8]) -> Vec<u8> {
    let clear = b"\r\x1b[2K";
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut i = 0;
    while i < screen.len() {
        if screen[i..].starts_with(clear) {
            out.truncate(line_start);
            i += clear.len();
        } else if screen[i..].starts_with(b"\r\n") {
            out.push(b'\n');
            line_start = out.len();
            i += 2;
        } else {
            out.push(screen[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn a_bar_on_a_terminal_is_cleared_before_the_summary() {
    if !script_works() {
        eprintln!("skipped: no `script` (util-linux) or no pseudo-terminal here");
        return;
    }
    let (dir, _input, file, n, plain) = fixture("progress-terminal", 20);
    let bin = env!("CARGO_BIN_EXE_refonte");
    let file = file.as_str();
    let summary = failed_line(n).replace('\n', "\r\n");

    // A file: a bar with its percentage and ETA.
    let out = dir.join("file.jsonl");
    let (screen, text) = one_failed_on_terminal(&format!(
        "'{bin}' batch '{file}' --task summarize --sentences 1 -o '{}'",
        out.display()
    ));
    assert!(text.contains("% ") && text.contains(" ETA "), "{text:?}");
    assert!(text.contains(" records, "), "{text:?}");
    assert_eq!(after_last_clear(&screen), summary.as_bytes(), "{text:?}");
    assert_eq!(std::fs::read(&out).unwrap(), plain.stdout);

    // A pipe: a spinner with the bytes read.
    let out = dir.join("pipe.jsonl");
    let (screen, text) = one_failed_on_terminal(&format!(
        "cat '{file}' | '{bin}' batch - --task summarize --sentences 1 -o '{}'",
        out.display()
    ));
    assert!(
        text.contains(" records, ") && text.contains(" read"),
        "{text:?}"
    );
    assert_eq!(after_last_clear(&screen), summary.as_bytes(), "{text:?}");
    assert_eq!(std::fs::read(&out).unwrap(), plain.stdout);

    // The output on the same terminal: whole lines above the bar.
    let (code, screen) = on_terminal(&format!(
        "'{bin}' batch '{file}' --task summarize --sentences 1"
    ));
    assert_eq!(code, Some(65));
    assert!(String::from_utf8_lossy(&screen).contains(" ETA "));
    let mut expected = plain.stdout.clone();
    expected.extend_from_slice(failed_line(n).as_bytes());
    assert_eq!(without_bar(&screen), expected);

    // --progress never: the summary alone.
    let out = dir.join("never.jsonl");
    let (code, screen) = on_terminal(&format!(
        "'{bin}' batch '{file}' --task summarize --sentences 1 --progress never -o '{}'",
        out.display()
    ));
    assert_eq!(code, Some(65));
    assert_eq!(screen, summary.as_bytes());
    assert_eq!(std::fs::read(&out).unwrap(), plain.stdout);
}
