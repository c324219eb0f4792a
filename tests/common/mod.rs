//! What the command-line tests share: running the built `refonte` binary
//! with arguments and standard input, as a user's shell would.

#![allow(dead_code)] // each test file uses its own part

use std::io::Write;
use std::path::Path;
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
