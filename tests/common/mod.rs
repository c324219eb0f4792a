//! What the command-line tests share: running the built `refonte` binary
//! with arguments and standard input, as a user's shell would.

#![allow(dead_code)] // each test file uses its own part

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `refonte` binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_refonte"))
}

/// Runs refonte in `dir` (default: the crate root) with `args`, feeding it
/// `stdin`, and waits for it.
pub fn run_in(dir: Option<&Path>, args: &[&str], stdin: &[u8]) -> Output {
    let mut cmd = bin();
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run refonte");
    // Input is written from another thread: a large batch fills the output
    // pipe before it has read all its input.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("refonte output");
    writer.join().unwrap();
    out
}

/// Runs refonte from the crate root.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_in(None, args, stdin)
}

/// A fresh, empty directory under Cargo's target temporary directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

/// `rounds` copies of the fixture records (`tests/fixtures/batch.jsonl`)
/// with distinct ids, `bad(round)` written after each round.
pub fn numbered_records(rounds: usize, bad: impl Fn(usize) -> &'static str) -> String {
    let good = std::fs::read_to_string("tests/fixtures/batch.jsonl").unwrap();
    let mut input = String::new();
    for round in 0..rounds {
        for (k, line) in good.lines().enumerate() {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["id"] = serde_json::json!(format!("{round}-{k}"));
            input.push_str(&v.to_string());
            input.push('\n');
        }
        input.push_str(bad(round));
    }
    input
}

/// `records` written to `in.jsonl` in a fresh scratch directory `name`:
/// (the directory, the input file's path).
pub fn input_file(name: &str, records: &str) -> (PathBuf, String) {
    let dir = scratch(name);
    let path = dir.join("in.jsonl");
    std::fs::write(&path, records).unwrap();
    let file = path.to_str().unwrap().to_string();
    (dir, file)
}
