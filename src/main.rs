//! The `refonte` command line.

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use refonte::batch::{self, Task};
use refonte::fr::Typography;
use refonte::input::{self, Article, Format};
use refonte::render::{Html, Markdown, Render, Review};
use refonte::rewrite::RewriteOptions;
use refonte::summarize::Length;
use refonte::{Error, Refonte};
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
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
    Rewrite(RewriteArgs),
    /// Extractive summary of one article: its best-ranked sentences, in source order.
    Summarize(SummarizeArgs),
    /// Processes JSONL records ({"id", "title", "text", …}), one result line per input line.
    Batch(BatchArgs),
    /// What refonte reads in one article: sentences with spans, keyphrases, entities, quotations.
    Analyze(AnalyzeArgs),
    /// Metrics of rewrites of one source side by side: length, ROUGE, novel words, hallucination candidates, SEO.
    Compare(CompareArgs),
}

#[derive(Args)]
struct RewriteArgs {
    /// The article: a file, or `-` (the default) for standard input.
    file: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RewriteFormat::Md)]
    format: RewriteFormat,
    /// The article's title (overrides the request's or the input's).
    #[arg(long)]
    title: Option<String>,
    /// The focus keyphrase (default: chosen from the article).
    #[arg(long)]
    keyphrase: Option<String>,
    /// Word floor of the body (default: the request's "at least N words", else 700).
    #[arg(long)]
    min_words: Option<usize>,
    /// Exit with status 1 when the body cannot reach the word floor honestly.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    output_opts: OutputOpts,
    /// Write the output to this file instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    /// Also write the review page (the rewrite beside its source, in HTML) to this file.
    #[arg(long, value_name = "FILE")]
    review: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct OutputOpts {
    /// Typography: French (no-break spaces, ’, « »), plain (ASCII punctuation), or edited
    /// (French inside the source sentences too).
    #[arg(long, value_enum, default_value_t = TypographyArg::French)]
    typography: TypographyArg,
    /// Base URL of the canonical link in HTML (default: a relative `/{slug}`).
    #[arg(long)]
    base_url: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum RewriteFormat {
    Md,
    Html,
    Json,
    /// The review page: the rewrite beside its source, as one HTML file.
    Review,
}

#[derive(Clone, Copy, ValueEnum)]
enum TypographyArg {
    French,
    Plain,
    /// French, applied inside the source sentences too (see the README).
    Edited,
}

impl From<TypographyArg> for Typography {
    fn from(t: TypographyArg) -> Typography {
        match t {
            TypographyArg::French => Typography::French,
            TypographyArg::Plain => Typography::Plain,
            TypographyArg::Edited => Typography::Edited,
        }
    }
}

#[derive(Args)]
struct AnalyzeArgs {
    /// The article: a file, or `-` (the default) for standard input.
    file: Option<String>,
    /// The article's title (overrides any title found in the input).
    #[arg(long)]
    title: Option<String>,
    /// Write the output to this file instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct Common {
    /// Input format (default: from the file name, then from the content).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// Largest input accepted, in bytes (per record in batch mode).
    #[arg(long, default_value_t = refonte::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Process text that does not look French instead of refusing it.
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
#[group(id = "length", multiple = false)]
struct LengthArgs {
    /// Number of sentences in the summary (default 3).
    #[arg(long, group = "length")]
    sentences: Option<usize>,
    /// Target number of words: sentences are added in rank order until it is reached.
    #[arg(long, group = "length")]
    words: Option<usize>,
}

impl LengthArgs {
    fn length(&self) -> Length {
        match (self.sentences, self.words) {
            (Some(k), _) => Length::Sentences(k),
            (None, Some(n)) => Length::Words(n),
            (None, None) => Length::default(),
        }
    }
}

#[derive(Args)]
struct SummarizeArgs {
    /// The article: a file, or `-` (the default) for standard input.
    file: Option<String>,
    #[command(flatten)]
    length: LengthArgs,
    /// The article's title (overrides any title found in the input).
    #[arg(long)]
    title: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    format: SummaryFormat,
    /// Write the output to this file instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
struct BatchArgs {
    /// JSONL input: a file, or `-` (the default) for standard input.
    file: Option<String>,
    /// What to do with each record.
    #[arg(long, value_enum)]
    task: BatchTask,
    #[command(flatten)]
    length: LengthArgs,
    /// Word floor for `--task rewrite` records without their own `min_words` (default 700).
    #[arg(long)]
    min_words: Option<usize>,
    #[command(flatten)]
    output_opts: OutputOpts,
    /// Output format of each record (JSON is the only one; accepted for symmetry with `rewrite`).
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
    common: Common,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProgressArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Auto,
    Text,
    Md,
    Html,
    Json,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Auto => Format::Auto,
            InputFormat::Text => Format::Text,
            InputFormat::Md => Format::Markdown,
            InputFormat::Html => Format::Html,
            InputFormat::Json => Format::Json,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum SummaryFormat {
    Text,
    Json,
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

    fn data(err: &Error) -> Failure {
        let status = if err.is_usage() {
            EXIT_USAGE
        } else {
            EXIT_DATA
        };
        Failure::new(status, format!("{err} [{}]", err.code()))
    }
}

// The pipeline allocates many small strings per sentence; mimalloc serves
// them about a fifth faster than glibc's allocator and scales across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A panic (a bug) is reported on one line; in batch mode the record's
    // error line says the rest.
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let result = match cli.command {
        Command::Rewrite(args) => rewrite(args),
        Command::Summarize(args) => summarize(args),
        Command::Batch(args) => run_batch(args),
        Command::Analyze(args) => analyze(args),
        Command::Compare(args) => compare(args),
    };
    match result {
        Ok(code) => code,
        Err(f) => {
            eprintln!("refonte: {}", f.message);
            ExitCode::from(f.status)
        }
    }
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
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    eprintln!("refonte: {message} (see refonte --help) [usage]");
    ExitCode::from(EXIT_USAGE)
}

/// Reads the whole input named on the command line (`-` or nothing: stdin),
/// refusing it as too large without holding more than `limit` bytes
/// (`--max-bytes`, with room for the escapes of a JSON record) in memory.
fn read_input(file: Option<&str>, max_bytes: usize) -> Result<Vec<u8>, Failure> {
    let limit = max_bytes.saturating_mul(6).saturating_add(1 << 20);
    let (name, reader): (String, Box<dyn Read>) = match file {
        None | Some("-") => ("standard input".into(), Box::new(io::stdin().lock())),
        Some(path) => {
            let f = std::fs::File::open(path)
                .map_err(|e| Failure::new(EXIT_NOINPUT, format!("cannot open {path}: {e}")))?;
            (path.to_string(), Box::new(f))
        }
    };
    let read_error = |e: io::Error| Failure::new(EXIT_NOINPUT, format!("cannot read {name}: {e}"));
    let mut bytes = Vec::new();
    let mut reader = reader.take(limit as u64 + 1);
    reader.read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() > limit {
        // Count the rest without keeping it, to name the size.
        let rest = io::copy(&mut reader.into_inner(), &mut io::sink()).map_err(read_error)?;
        let err = Error::TooLarge {
            size: bytes.len() + rest as usize,
            limit: max_bytes,
        };
        return Err(Failure::data(&err));
    }
    Ok(bytes)
}

/// Builds the article from the input bytes, its file name and the options.
fn article_of(
    bytes: &[u8],
    file: Option<&str>,
    common: &Common,
    title: Option<String>,
) -> Result<Article, Failure> {
    let text = input::decode(bytes).map_err(|e| Failure::data(&e))?;
    let mut format: Format = common.input_format.into();
    if format == Format::Auto {
        format = file.map(Format::from_path).unwrap_or(Format::Auto);
    }
    if format == Format::Auto {
        format = Format::sniff(text);
    }
    let mut article = if format == Format::Json {
        input::check_json_depth(text.as_bytes()).map_err(|e| Failure::data(&e))?;
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            Failure::data(&Error::Json {
                message: e.to_string(),
            })
        })?;
        input::article_from_json(&value).map_err(|e| Failure::data(&e))?
    } else {
        Article {
            text: text.to_string(),
            format,
            ..Article::default()
        }
    };
    if title.is_some() {
        article.title = title;
    }
    Ok(article)
}

fn open_output(path: Option<&str>) -> Result<Box<dyn Write>, Failure> {
    match path {
        None | Some("-") => Ok(Box::new(io::BufWriter::new(io::stdout().lock()))),
        Some(p) => {
            let f = std::fs::File::create(p)
                .map_err(|e| Failure::new(EXIT_IO, format!("cannot create {p}: {e}")))?;
            Ok(Box::new(io::BufWriter::new(f)))
        }
    }
}

/// Opens an earlier batch output to append to it: reads what it answers,
/// and cuts off a last line the interrupted run left incomplete.
fn open_resumed(path: &str) -> Result<(Box<dyn Write>, batch::Resume), Failure> {
    use std::io::{Seek, SeekFrom};
    if path == "-" {
        return Err(Failure::new(
            EXIT_USAGE,
            "--resume needs an output file (-o FILE) [usage]",
        ));
    }
    let io_err = |e: io::Error| Failure::new(EXIT_IO, format!("cannot resume {path}: {e}"));
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(io_err)?;
    let resume = batch::Resume::from_reader(BufReader::new(&mut f)).map_err(io_err)?;
    f.set_len(resume.valid_len as u64).map_err(io_err)?;
    f.seek(SeekFrom::End(0)).map_err(io_err)?;
    Ok((Box::new(io::BufWriter::new(f)), resume))
}

fn write_all(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .or_else(ignore_broken_pipe)
        .map_err(|e| Failure::new(EXIT_IO, format!("cannot write the output: {e}")))
}

fn ignore_broken_pipe(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}

/// The engine for the command line's options.
fn engine(common: &Common, output: &OutputOpts) -> Refonte {
    Refonte::builder()
        .max_bytes(common.max_bytes)
        .force(common.force)
        .rewrite_options(RewriteOptions {
            typography: output.typography.into(),
            ..RewriteOptions::default()
        })
        .build()
}

fn rewrite(args: RewriteArgs) -> Result<ExitCode, Failure> {
    // The tagger's index is built while the input is read and cleaned.
    std::thread::spawn(refonte::fr::lexicon::warm_up_tagging);
    let file = args.file.as_deref();
    let bytes = read_input(file, args.common.max_bytes)?;
    let mut article = article_of(&bytes, file, &args.common, args.title)?;
    if args.keyphrase.is_some() {
        article.keyphrase = args.keyphrase;
    }
    if args.min_words.is_some() {
        article.min_words = args.min_words;
    }
    let refonte = engine(&args.common, &args.output_opts);
    let out = refonte.rewrite(&article).map_err(|e| Failure::data(&e))?;
    let html = Html {
        base_url: args.output_opts.base_url.clone(),
    };
    let mut text = match args.format {
        RewriteFormat::Md => Markdown.render(&out),
        RewriteFormat::Html => html.render(&out),
        RewriteFormat::Json => refonte::render::json(&out, &html, None, true),
        RewriteFormat::Review => review_page(&refonte, &article, &out, &html, args.strict)?,
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    for w in &out.warnings {
        eprintln!("refonte: warning: {w}");
    }
    let mut sink = open_output(args.output.as_deref())?;
    write_all(&mut sink, &text)?;
    if let Some(path) = args.review.as_deref() {
        let page = review_page(&refonte, &article, &out, &html, args.strict)?;
        write_all(&mut *open_output(Some(path))?, &page)?;
    }
    if args.strict && !out.length.floor_reached {
        eprintln!(
            "refonte: the body has {} words, below the floor (--strict)",
            out.word_count
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The review page of a rewrite (`--format review`, `--review FILE`).
fn review_page(
    refonte: &Refonte,
    article: &Article,
    out: &refonte::model::Rewrite,
    html: &Html,
    strict: bool,
) -> Result<String, Failure> {
    let mut review = Review::new(
        article,
        out,
        refonte.rewrite_options(),
        refonte.rank_options(),
        html.clone(),
    );
    let strict = if strict { "oui" } else { "non" };
    review
        .options
        .push(("Mode strict (--strict)".into(), strict.into()));
    Ok(review.render(out))
}

fn summarize(args: SummarizeArgs) -> Result<ExitCode, Failure> {
    let file = args.file.as_deref();
    let bytes = read_input(file, args.common.max_bytes)?;
    let article = article_of(&bytes, file, &args.common, args.title)?;
    let refonte = Refonte::builder()
        .max_bytes(args.common.max_bytes)
        .force(args.common.force)
        .build();
    let summary = refonte
        .summarize(&article, args.length.length())
        .map_err(|e| Failure::data(&e))?;
    let text = match args.format {
        SummaryFormat::Text => format!("{}\n", summary.summary),
        SummaryFormat::Json => {
            let mut s = serde_json::to_string_pretty(&summary)
                .map_err(|e| Failure::new(EXIT_IO, e.to_string()))?;
            s.push('\n');
            s
        }
    };
    for w in &summary.warnings {
        eprintln!("refonte: warning: {w}");
    }
    let mut out = open_output(args.output.as_deref())?;
    write_all(&mut out, &text)?;
    Ok(ExitCode::SUCCESS)
}

fn run_batch(args: BatchArgs) -> Result<ExitCode, Failure> {
    if let Some(jobs) = args.jobs {
        if jobs == 0 {
            return Err(Failure::data(&Error::Option {
                option: "--jobs".into(),
                message: "must be at least 1".into(),
            }));
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global()
            .map_err(|e| Failure::new(EXIT_USAGE, format!("cannot start {jobs} threads: {e}")))?;
    }
    let want = args.progress != ProgressArg::Never;
    let (reader, size): (Box<dyn BufRead + Send>, _) = match args.file.as_deref() {
        None | Some("-") => {
            let size = if want { stdin_size() } else { None };
            (
                Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
                size,
            )
        }
        Some(path) => {
            let f = std::fs::File::open(path)
                .map_err(|e| Failure::new(EXIT_NOINPUT, format!("cannot open {path}: {e}")))?;
            let size = if want { file_size(&f) } else { None };
            (Box::new(BufReader::with_capacity(1 << 20, f)), size)
        }
    };
    let task = match args.task {
        BatchTask::Summarize => Task::Summarize(args.length.length()),
        BatchTask::Rewrite => Task::Rewrite {
            min_words: args.min_words,
            base_url: args.output_opts.base_url.clone(),
        },
    };
    let _ = args.format;
    let refonte = engine(&args.common, &args.output_opts);
    let (mut out, resume) = if args.resume {
        let path = args.output.as_deref().unwrap_or("-");
        let (out, resume) = open_resumed(path)?;
        (out, Some(resume))
    } else {
        (open_output(args.output.as_deref())?, None)
    };
    if let Some(r) = &resume {
        eprintln!(
            "refonte: resuming after {} answered line(s) of {}",
            r.done_lines,
            args.output.as_deref().unwrap_or("-")
        );
    }
    let meter = match args.progress {
        ProgressArg::Never => meter::Meter::Off,
        ProgressArg::Auto => meter::Meter::new(size, false),
        ProgressArg::Always => meter::Meter::new(size, true),
    };
    // Output for the terminal the bar is drawn on goes above the bar.
    if let Some(bar) = meter.bar()
        && !args.resume
        && matches!(args.output.as_deref(), None | Some("-"))
        && io::stdout().is_terminal()
    {
        out = Box::new(io::BufWriter::new(meter::AboveBar::new(bar, io::stdout())));
    }
    let result = batch::run_with_progress(&refonte, reader, out, &task, resume.as_ref(), &|p| {
        meter.observe(p)
    });
    meter.finish(result.is_ok());
    let stats = result
        .or_else(|e| ignore_broken_pipe(e).map(|_| batch::BatchStats::default()))
        .context("batch")
        .map_err(|e| Failure::new(EXIT_IO, format!("{e:#}")))?;
    if stats.skipped > 0 {
        eprintln!(
            "refonte: skipped {} record(s) already answered",
            stats.skipped
        );
    }
    // A resumed run answers for the whole output file.
    let (failed, records) = match &resume {
        Some(r) => (stats.failed + r.failed, stats.records + r.done_lines),
        None => (stats.failed, stats.records),
    };
    if failed > 0 {
        eprintln!("refonte: {failed} of {records} records failed (see their error records)");
        return Ok(ExitCode::from(EXIT_DATA));
    }
    Ok(ExitCode::SUCCESS)
}

/// The bytes left to read of `f` when it is a regular file (the total of the
/// progress bar); `None` for a pipe, a terminal or a device.
fn file_size(f: &std::fs::File) -> Option<u64> {
    use std::io::Seek;
    let meta = f.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    let mut f = f;
    let pos = f.stream_position().ok()?;
    Some(meta.len().saturating_sub(pos))
}

/// The bytes left on standard input when it is a regular file (`< FILE`).
#[cfg(unix)]
fn stdin_size() -> Option<u64> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    file_size(&std::fs::File::from(fd))
}

#[cfg(not(unix))]
fn stdin_size() -> Option<u64> {
    None
}

fn analyze(args: AnalyzeArgs) -> Result<ExitCode, Failure> {
    let file = args.file.as_deref();
    let bytes = read_input(file, args.common.max_bytes)?;
    let article = article_of(&bytes, file, &args.common, args.title)?;
    let refonte = Refonte::builder()
        .max_bytes(args.common.max_bytes)
        .force(args.common.force)
        .build();
    let doc = refonte.document(&article).map_err(|e| Failure::data(&e))?;
    let report = refonte::report::analysis(&doc);
    let mut text =
        serde_json::to_string_pretty(&report).map_err(|e| Failure::new(EXIT_IO, e.to_string()))?;
    text.push('\n');
    let mut out = open_output(args.output.as_deref())?;
    write_all(&mut out, &text)?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
struct CompareArgs {
    /// The source article (`-` for standard input).
    #[arg(long)]
    source: String,
    /// A reference rewrite or summary: ROUGE is also computed against it.
    #[arg(long)]
    reference: Option<String>,
    /// The rewrites to measure (`-`, once, for standard input).
    candidates: Vec<String>,
    /// Add refonte's own rewrite of the source as the first column.
    #[arg(long)]
    with_refonte: bool,
    /// Focus keyphrase for every candidate (default: the candidate's own, else refonte's for the source).
    #[arg(long)]
    keyphrase: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    format: SummaryFormat,
    /// Write the output to this file instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    #[command(flatten)]
    common: Common,
}

fn compare(args: CompareArgs) -> Result<ExitCode, Failure> {
    use refonte::compare::{self, CompareOptions, Named};
    let mut names = vec![args.source.as_str()];
    names.extend(args.reference.as_deref());
    names.extend(args.candidates.iter().map(String::as_str));
    if names.iter().filter(|n| **n == "-").count() > 1 {
        return Err(Failure::new(
            EXIT_USAGE,
            "standard input (-) can be read only once",
        ));
    }
    if args.candidates.is_empty() && !args.with_refonte {
        return Err(Failure::new(
            EXIT_USAGE,
            "no candidate to compare (give files, or --with-refonte)",
        ));
    }
    let bytes: Vec<Vec<u8>> = names
        .iter()
        .map(|n| read_input(Some(n), args.common.max_bytes))
        .collect::<Result<_, _>>()?;
    let named: Vec<Named> = names
        .iter()
        .zip(&bytes)
        .map(|(name, b)| Named { name, bytes: b })
        .collect();
    let (source, rest) = named
        .split_first()
        .ok_or_else(|| Failure::new(EXIT_USAGE, "no source"))?;
    let (reference, candidates) = match args.reference {
        Some(_) => (rest.first().copied(), &rest[1..]),
        None => (None, rest),
    };
    let opts = CompareOptions {
        keyphrase: args.keyphrase,
        with_refonte: args.with_refonte,
        format: args.common.input_format.into(),
    };
    let refonte = Refonte::builder()
        .max_bytes(args.common.max_bytes)
        .force(args.common.force)
        .build();
    let result =
        compare::compare(&refonte, *source, reference, candidates, &opts).map_err(|e| {
            let f = Failure::data(&e.error);
            Failure::new(f.status, format!("{}: {}", e.input, f.message))
        })?;
    let text = match args.format {
        SummaryFormat::Text => compare::table(&result),
        SummaryFormat::Json => {
            let mut s = serde_json::to_string_pretty(&result)
                .map_err(|e| Failure::new(EXIT_IO, e.to_string()))?;
            s.push('\n');
            s
        }
    };
    let mut out = open_output(args.output.as_deref())?;
    write_all(&mut out, &text)?;
    Ok(ExitCode::SUCCESS)
}

/// A batch's progress on standard error (`--progress`): the terminal side
/// of [`batch::run_with_progress`], which knows nothing of terminals.
mod meter {
    use indicatif::{
        BinaryBytes, FormattedDuration, ProgressBar, ProgressDrawTarget, ProgressStyle,
    };
    use refonte::batch::Progress;
    use std::cell::{Cell, RefCell};
    use std::io::{self, IsTerminal, Write};
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    /// How often the bar's numbers are updated; it is drawn at most
    /// [`BAR_HZ`] times a second.
    const BAR_EVERY: Duration = Duration::from_millis(100);
    const BAR_HZ: u8 = 10;
    /// How often a progress line is printed when standard error is not a terminal.
    pub const LINE_EVERY: Duration = Duration::from_secs(5);

    /// The bar being drawn, for the panic hook to print above it.
    static DRAWN: Mutex<Option<ProgressBar>> = Mutex::new(None);

    /// Runs `print` (which writes to standard error) with the bar, if one is
    /// drawn, out of the way.
    pub fn above_bar(print: impl FnOnce()) {
        let bar = DRAWN.lock().map(|b| b.clone()).unwrap_or_default();
        match bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    /// What shows a batch's progress.
    pub enum Meter {
        /// Nothing.
        Off,
        /// A bar redrawn in place on the terminal.
        Bar(Bar),
        /// Plain lines, for a log file.
        Lines(Lines<io::Stderr>),
    }

    impl Meter {
        /// The meter for standard error as it is: a bar on a terminal
        /// (unless `TERM` is `dumb` or unset); else plain lines if `always`,
        /// nothing otherwise. `size` is the input's, when known.
        pub fn new(size: Option<u64>, always: bool) -> Meter {
            if io::stderr().is_terminal() {
                let target = ProgressDrawTarget::stderr_with_hz(BAR_HZ);
                if !target.is_hidden() {
                    return Meter::Bar(Bar::new(size, target));
                }
            }
            if always {
                Meter::Lines(Lines::new(io::stderr(), size, LINE_EVERY, Instant::now()))
            } else {
                Meter::Off
            }
        }

        /// The bar, if one is drawn.
        pub fn bar(&self) -> Option<ProgressBar> {
            match self {
                Meter::Bar(b) => Some(b.bar.clone()),
                _ => None,
            }
        }

        pub fn observe(&self, p: &Progress) {
            match self {
                Meter::Off => {}
                Meter::Bar(b) => b.observe(p),
                Meter::Lines(l) => l.observe(p, Instant::now()),
            }
        }

        /// Clears the bar, or prints the last line (when the run went
        /// through: `done`).
        pub fn finish(&self, done: bool) {
            match self {
                Meter::Off => {}
                Meter::Bar(b) => b.finish(),
                Meter::Lines(l) => {
                    if done {
                        l.finish(Instant::now());
                    }
                }
            }
        }
    }

    /// Records, their rate since the start, failures and skipped lines.
    fn counts(p: &Progress, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            p.records as f64 / secs
        } else {
            0.0
        };
        let rate = if rate >= 100.0 {
            format!("{rate:.0}")
        } else {
            format!("{rate:.1}")
        };
        let mut s = format!("{} records, {rate}/s, {} failed", p.records, p.failed);
        if p.skipped > 0 {
            s.push_str(&format!(", {} skipped", p.skipped));
        }
        s
    }

    pub struct Bar {
        bar: ProgressBar,
        sized: bool,
        start: Instant,
        /// When the numbers may next be updated.
        next: Cell<Instant>,
        /// No update yet.
        first: Cell<bool>,
    }

    impl Bar {
        fn new(size: Option<u64>, target: ProgressDrawTarget) -> Bar {
            let (bar, template) = match size {
                // The input's bytes done give a real ETA.
                Some(len) => (
                    ProgressBar::with_draw_target(Some(len), target),
                    "{elapsed_precise} [{wide_bar}] {percent:>3}%  {msg}  ETA {eta_precise}",
                ),
                None => (
                    ProgressBar::with_draw_target(None, target),
                    "{spinner} {elapsed_precise}  {msg}, {binary_bytes} read",
                ),
            };
            let style = ProgressStyle::with_template(template)
                .expect("progress template")
                .progress_chars("=> ");
            bar.set_style(style);
            bar.set_message(counts(&Progress::default(), Duration::ZERO));
            bar.enable_steady_tick(BAR_EVERY);
            if let Ok(mut drawn) = DRAWN.lock() {
                *drawn = Some(bar.clone());
            }
            let start = Instant::now();
            Bar {
                bar,
                sized: size.is_some(),
                start,
                next: Cell::new(start),
                first: Cell::new(true),
            }
        }

        fn observe(&self, p: &Progress) {
            let now = Instant::now();
            if now < self.next.get() {
                return;
            }
            self.next.set(now + BAR_EVERY);
            self.bar.set_position(p.bytes);
            // Lines skipped before the first record (--resume) are not
            // part of the rate.
            if self.first.replace(false) && self.sized {
                self.bar.reset_eta();
            }
            self.bar.set_message(counts(p, now - self.start));
        }

        fn finish(&self) {
            if let Ok(mut drawn) = DRAWN.lock() {
                *drawn = None;
            }
            self.bar.finish_and_clear();
        }
    }

    /// Progress as plain lines, one every `every` and one at the end.
    pub struct Lines<W: Write> {
        out: RefCell<W>,
        size: Option<u64>,
        every: Duration,
        start: Instant,
        next: Cell<Instant>,
        last: Cell<Progress>,
        /// The first report, whence the byte rate of the ETA.
        base: Cell<Option<(Instant, u64)>>,
    }

    impl<W: Write> Lines<W> {
        pub fn new(out: W, size: Option<u64>, every: Duration, start: Instant) -> Lines<W> {
            Lines {
                out: RefCell::new(out),
                size,
                every,
                start,
                next: Cell::new(start + every),
                last: Cell::new(Progress::default()),
                base: Cell::new(None),
            }
        }

        pub fn observe(&self, p: &Progress, now: Instant) {
            self.last.set(*p);
            if self.base.get().is_none() {
                self.base.set(Some((now, p.bytes)));
            }
            if now < self.next.get() {
                return;
            }
            self.next.set(now + self.every);
            let mut line = format!("refonte: progress: {}", counts(p, now - self.start));
            match self.size {
                Some(size) if size > 0 => {
                    let pct = (p.bytes as f64 * 100.0 / size as f64).min(100.0);
                    line.push_str(&format!(", {pct:.0}% of {} read", BinaryBytes(size)));
                    if let Some((t0, b0)) = self.base.get() {
                        let secs = (now - t0).as_secs_f64();
                        let rate = p.bytes.saturating_sub(b0) as f64 / secs;
                        if secs > 0.0 && rate > 0.0 {
                            let left = size.saturating_sub(p.bytes) as f64 / rate;
                            let eta = Duration::from_secs_f64(left.min(1e9));
                            line.push_str(&format!(", ETA {}", FormattedDuration(eta)));
                        }
                    }
                }
                _ => line.push_str(&format!(", {} read", BinaryBytes(p.bytes))),
            }
            let _ = writeln!(self.out.borrow_mut(), "{line}");
        }

        pub fn finish(&self, now: Instant) {
            let p = self.last.get();
            let elapsed = now - self.start;
            let _ = writeln!(
                self.out.borrow_mut(),
                "refonte: progress: done in {:.1} s: {}, {} read",
                elapsed.as_secs_f64(),
                counts(&p, elapsed),
                BinaryBytes(p.bytes)
            );
        }
    }

    /// Output for the terminal the bar is drawn on: whole lines are written
    /// with the bar out of the way, so that the bar stays below them.
    pub struct AboveBar<W: Write> {
        bar: ProgressBar,
        out: W,
        pending: Vec<u8>,
    }

    impl<W: Write> AboveBar<W> {
        pub fn new(bar: ProgressBar, out: W) -> AboveBar<W> {
            AboveBar {
                bar,
                out,
                pending: Vec::new(),
            }
        }

        /// Writes the first `n` pending bytes.
        fn put(&mut self, n: usize) -> io::Result<()> {
            let (bar, out, pending) = (&self.bar, &mut self.out, &mut self.pending);
            bar.suspend(|| out.write_all(&pending[..n]).and_then(|_| out.flush()))?;
            pending.drain(..n);
            Ok(())
        }
    }

    impl<W: Write> Write for AboveBar<W> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.pending.extend_from_slice(buf);
            if let Some(end) = self.pending.iter().rposition(|&b| b == b'\n') {
                self.put(end + 1)?;
            }
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            self.put(self.pending.len())
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn at(records: usize, failed: usize, bytes: u64) -> Progress {
            Progress {
                records,
                failed,
                skipped: 0,
                bytes,
            }
        }

        #[test]
        fn lines_come_every_interval_and_once_at_the_end() {
            let t0 = Instant::now();
            let s = Duration::from_secs(1);
            let lines = Lines::new(Vec::new(), Some(1000), 5 * s, t0);
            lines.observe(&at(1, 0, 10), t0 + s / 10);
            lines.observe(&at(40, 1, 200), t0 + 4 * s);
            lines.observe(&at(50, 2, 250), t0 + 5 * s);
            lines.observe(&at(60, 2, 300), t0 + 6 * s);
            lines.observe(&at(100, 3, 510), t0 + 10 * s + s / 10);
            lines.finish(t0 + 20 * s);
            let text = String::from_utf8(lines.out.into_inner()).unwrap();
            let got: Vec<&str> = text.lines().collect();
            assert_eq!(
                got,
                [
                    "refonte: progress: 50 records, 10.0/s, 2 failed, 25% of 1000 B read, ETA 00:00:15",
                    "refonte: progress: 100 records, 9.9/s, 3 failed, 51% of 1000 B read, ETA 00:00:09",
                    "refonte: progress: done in 20.0 s: 100 records, 5.0/s, 3 failed, 510 B read",
                ]
            );
            assert!(text.bytes().all(|b| b == b'\n' || !b.is_ascii_control()));
        }

        #[test]
        fn lines_of_an_input_of_unknown_size_say_what_was_read() {
            let t0 = Instant::now();
            let s = Duration::from_secs(1);
            let mut p = at(7, 0, 3 << 20);
            p.skipped = 2;
            let lines = Lines::new(Vec::new(), None, 5 * s, t0);
            lines.observe(&p, t0 + 7 * s);
            let text = String::from_utf8(lines.out.into_inner()).unwrap();
            assert_eq!(
                text,
                "refonte: progress: 7 records, 1.0/s, 0 failed, 2 skipped, 3.00 MiB read\n"
            );
        }

        #[test]
        fn output_above_a_hidden_bar_is_written_as_given() {
            let mut out = AboveBar::new(ProgressBar::hidden(), Vec::new());
            out.write_all(b"{\"a\":1}\n{\"b\"").unwrap();
            assert_eq!(out.out, b"{\"a\":1}\n");
            out.write_all(b":2}\n").unwrap();
            out.flush().unwrap();
            assert_eq!(out.out, b"{\"a\":1}\n{\"b\":2}\n");
        }
    }
}
