//! The `refonte` command line.

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use refonte::batch::{self, Task};
use refonte::french::Typography;
use refonte::input::{self, Article, Format};
use refonte::render::{Html, Markdown, Render, Review};
use refonte::rewrite::RewriteOptions;
use refonte::summarize::Length;
use refonte::{Error, Refonte};
use std::io::{self, BufRead, BufReader, Read, Write};
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
    #[command(flatten)]
    common: Common,
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
        eprintln!(
            "refonte: internal error (please report it){place}: {}",
            what.replace('\n', " ")
        );
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
    std::thread::spawn(refonte::lexicon::warm_up_tagging);
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
    out: &refonte::article::Rewrite,
    html: &Html,
    strict: bool,
) -> Result<String, Failure> {
    let mut review = Review::new(refonte, article, html.clone()).map_err(|e| Failure::data(&e))?;
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
    let reader: Box<dyn BufRead + Send> = match args.file.as_deref() {
        None | Some("-") => Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
        Some(path) => {
            let f = std::fs::File::open(path)
                .map_err(|e| Failure::new(EXIT_NOINPUT, format!("cannot open {path}: {e}")))?;
            Box::new(BufReader::with_capacity(1 << 20, f))
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
    let (out, resume) = if args.resume {
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
    let stats = batch::run_resumed(&refonte, reader, out, &task, resume.as_ref())
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
