//! `refonte batch`: JSONL records in, one JSON line out per input line, in
//! input order; `-o FILE --resume` continues an interrupted run.

use super::args::{EngineArgs, LengthArgs, TypographyArg};
use super::io::{ignore_broken_pipe, open_lines, open_output, open_resumed};
use super::meter::{AboveBar, Meter};
use crate::{EXIT_DATA, EXIT_IO, EXIT_USAGE, Failure};
use anyhow::Context;
use clap::{Args, ValueEnum};
use refonte::Error;
use refonte::batch::{self, BatchStats, Resume, Task};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Args)]
pub struct BatchArgs {
    /// JSONL input: a file, or `-` (the default) for standard input.
    file: Option<String>,
    /// What to do with each record. `--sentences` and `--words` go with `summarize`;
    /// `--min-words`, `--typography` and `--base-url` with `rewrite`: given with the
    /// other task, they are a usage error.
    #[arg(long, value_enum)]
    task: BatchTask,
    #[command(flatten)]
    length: LengthArgs,
    /// Word floor for `--task rewrite` records without their own `min_words` (default 700).
    #[arg(long)]
    min_words: Option<usize>,
    /// Typography of `--task rewrite`: edited (French print everywhere, the source's slips
    /// fixed; the default), source (the source sentences as written) or plain (ASCII
    /// punctuation).
    #[arg(long, value_enum)]
    typography: Option<TypographyArg>,
    /// Base URL of the canonical link in the HTML of `--task rewrite` (default: a relative
    /// `/{slug}`).
    #[arg(long)]
    base_url: Option<String>,
    /// Output format of each record: `json`, the only one (one JSON object per line),
    /// accepted so that a call reads as `rewrite --format json` does; any other value is
    /// a usage error.
    #[arg(long, value_enum, default_value_t = BatchFormat::Json)]
    format: BatchFormat,
    /// Worker threads (default: all cores). The output is the same for any value.
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Write the output to this file instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    /// Continue an interrupted run: keep the output file (`-o`), drop a last
    /// line cut short, skip the records it already answers and append the rest.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Progress on standard error: `auto` draws a bar (records, rate, failures, ETA) when
    /// it is a terminal and nothing otherwise; `always` prints a line every 5 s and one at
    /// the end when it is not; `never` prints nothing.
    #[arg(long, value_enum, default_value_t = ProgressArg::Auto)]
    progress: ProgressArg,
    #[command(flatten)]
    engine: EngineArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum BatchTask {
    Summarize,
    Rewrite,
}

#[derive(Clone, Copy, ValueEnum)]
enum BatchFormat {
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProgressArg {
    Auto,
    Always,
    Never,
}

pub fn run(args: BatchArgs) -> Result<ExitCode, Failure> {
    check_task_options(&args)?;
    if let Some(jobs) = args.jobs {
        start_threads(jobs)?;
    }
    let (reader, size) = open_lines(args.file.as_deref(), args.progress != ProgressArg::Never)?;
    let task = task_of(&args);
    // `batch::run` writes each record as a JSON line, the one format clap
    // lets through; a format added to `BatchFormat` must be handled here.
    match args.format {
        BatchFormat::Json => {}
    }
    let typography = args.typography.unwrap_or(TypographyArg::Edited);
    let refonte = args.engine.build_rewriting(typography.into());
    let output = args.output.as_deref();
    let (mut out, resume) = open_batch_output(output, args.resume)?;
    let meter = match args.progress {
        ProgressArg::Never => Meter::Off,
        ProgressArg::Auto => Meter::new(size, false),
        ProgressArg::Always => Meter::new(size, true),
    };
    // Output for the terminal the bar is drawn on goes above the bar.
    if let Some(bar) = meter.bar()
        && !args.resume
        && matches!(output, None | Some("-"))
        && io::stdout().is_terminal()
    {
        out = Box::new(io::BufWriter::new(AboveBar::new(bar, io::stdout())));
    }
    let result = batch::run_with_progress(&refonte, reader, out, &task, resume.as_ref(), &|p| {
        meter.observe(p)
    });
    meter.finish(result.is_ok());
    let stats = result
        .or_else(|e| ignore_broken_pipe(e).map(|_| BatchStats::default()))
        .context("batch")
        .map_err(|e| Failure::new(EXIT_IO, format!("{e:#}")))?;
    Ok(report(&stats, resume.as_ref()))
}

/// Refuses an option of the other task: one that would be read and ignored.
fn check_task_options(args: &BatchArgs) -> Result<(), Failure> {
    let (task, options) = match args.task {
        BatchTask::Summarize => (
            "summarize",
            vec![
                ("--min-words", args.min_words.is_some()),
                ("--typography", args.typography.is_some()),
                ("--base-url", args.base_url.is_some()),
            ],
        ),
        BatchTask::Rewrite => (
            "rewrite",
            vec![
                ("--sentences", args.length.sentences.is_some()),
                ("--words", args.length.words.is_some()),
            ],
        ),
    };
    match options.into_iter().find(|&(_, given)| given) {
        Some((option, _)) => Err(Failure::usage(&format!(
            "the argument '{option}' cannot be used with '--task {task}'"
        ))),
        None => Ok(()),
    }
}

/// Runs the batch on `jobs` worker threads (`--jobs`).
fn start_threads(jobs: usize) -> Result<(), Failure> {
    if jobs == 0 {
        return Err(Failure::data(&Error::Option {
            option: "--jobs".into(),
            message: "must be at least 1".into(),
        }));
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build_global()
        .map_err(|e| Failure::new(EXIT_USAGE, format!("cannot start {jobs} threads: {e}")))
}

fn task_of(args: &BatchArgs) -> Task {
    match args.task {
        BatchTask::Summarize => Task::Summarize(args.length.length()),
        BatchTask::Rewrite => Task::Rewrite {
            min_words: args.min_words,
            base_url: args.base_url.clone(),
        },
    }
}

/// The output (`-o`, else stdout), and what an earlier run already wrote to
/// it when `resume` (`--resume`).
fn open_batch_output(
    output: Option<&str>,
    resume: bool,
) -> Result<(Box<dyn Write>, Option<Resume>), Failure> {
    if !resume {
        return Ok((open_output(output)?, None));
    }
    let path = output.unwrap_or("-");
    let (out, resume) = open_resumed(path)?;
    eprintln!(
        "refonte: resuming after {} answered line(s) of {path}",
        resume.done_lines
    );
    Ok((out, Some(resume)))
}

/// Says what was skipped and what failed; the exit status.
fn report(stats: &BatchStats, resume: Option<&Resume>) -> ExitCode {
    if stats.skipped > 0 {
        eprintln!(
            "refonte: skipped {} record(s) already answered",
            stats.skipped
        );
    }
    // A resumed run answers for the whole output file.
    let (failed, records) = match resume {
        Some(r) => (stats.failed + r.failed, stats.records + r.done_lines),
        None => (stats.failed, stats.records),
    };
    if failed > 0 {
        eprintln!("refonte: {failed} of {records} records failed (see their error records)");
        return ExitCode::from(EXIT_DATA);
    }
    ExitCode::SUCCESS
}
