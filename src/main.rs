//! The `refonte` command line: its commands, and how a failure becomes one
//! line on standard error and an exit status. Each command, with its
//! options, lives in its own file under `src/cli/`.

mod cli;

use clap::{Parser, Subcommand};
use cli::{analyze, batch, compare, meter, rewrite, summarize};
use refonte::Error;
use std::process::ExitCode;

/// Exit status for bad input data (sysexits' EX_DATAERR).
const EXIT_DATA: u8 = 65;
/// Exit status for an input file that cannot be read (EX_NOINPUT).
const EXIT_NOINPUT: u8 = 66;
/// Exit status for a failure to write the output (EX_IOERR).
const EXIT_IO: u8 = 74;
/// Exit status for a bad invocation (as clap uses).
const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "refonte",
    version,
    about = "Rewrites French news articles into SEO-ready French articles, with no language model",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Rewrites one article into an SEO-ready French article (Markdown, HTML or JSON).
    Rewrite(rewrite::RewriteArgs),
    /// Extractive summary of one article: its best-ranked sentences, in source order.
    Summarize(summarize::SummarizeArgs),
    /// Processes JSONL records ({"id", "title", "text", …}), one result line per input line.
    Batch(batch::BatchArgs),
    /// What refonte reads in one article: sentences with spans, keyphrases, entities, quotations.
    Analyze(analyze::AnalyzeArgs),
    /// Metrics of rewrites of one source side by side: length, ROUGE, novel words, hallucination candidates, SEO.
    Compare(compare::CompareArgs),
}

/// A failure with the exit status it deserves.
struct Failure {
    status: u8,
    message: String,
}

impl Failure {
    fn new(status: u8, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// A library error: a bad option is a usage error, anything else bad data.
    fn data(err: &Error) -> Failure {
        let status = if err.is_usage() {
            EXIT_USAGE
        } else {
            EXIT_DATA
        };
        Failure::new(status, format!("{err} [{}]", err.code()))
    }

    /// A bad invocation, worded as clap's own errors are printed.
    fn usage(message: &str) -> Failure {
        Failure::new(
            EXIT_USAGE,
            format!("{message} (see refonte --help) [usage]"),
        )
    }
}

// The pipeline allocates many small strings per sentence; mimalloc serves
// them about a fifth faster than glibc's allocator and scales across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    report_panics_on_one_line();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let result = match cli.command {
        Command::Rewrite(args) => rewrite::run(args),
        Command::Summarize(args) => summarize::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Compare(args) => compare::run(args),
    };
    result.unwrap_or_else(|f| {
        eprintln!("refonte: {}", f.message);
        ExitCode::from(f.status)
    })
}

/// A panic (a bug) is reported on one line; in batch mode the record's
/// error line says the rest.
fn report_panics_on_one_line() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        // Above the progress bar, if one is drawn, rather than in it.
        meter::above_bar(|| {
            eprintln!(
                "refonte: internal error (please report it){place}: {}",
                what.replace('\n', " ")
            )
        });
    }));
}

/// Prints a command-line error on one line (help and version as clap prints them).
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit();
    }
    // clap's message up to its usage line or tip, on one line.
    let rendered = e.render().to_string();
    let message = rendered
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("tip:"))
        .collect::<Vec<_>>()
        .join(" ");
    let f = Failure::usage(message.strip_prefix("error: ").unwrap_or(&message));
    eprintln!("refonte: {}", f.message);
    ExitCode::from(f.status)
}
