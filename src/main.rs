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
    /// Typography: French (no-break spaces, ’, « ») or plain (ASCII punctuation).
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
}

impl From<TypographyArg> for Typography {
    fn from(t: TypographyArg) -> Typography {
        match t {
            TypographyArg::French => Typography::French,
            TypographyArg::Plain => Typography::Plain,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
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

/// Reads the whole input named on the command line (`-` or nothing: stdin).
fn read_input(file: Option<&str>) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    match file {
        None | Some("-") => io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::new(EXIT_NOINPUT, format!("cannot read standard input: {e}")))?,
        Some(path) => {
            let mut f = std::fs::File::open(path)
                .map_err(|e| Failure::new(EXIT_NOINPUT, format!("cannot open {path}: {e}")))?;
            f.read_to_end(&mut bytes)
                .map_err(|e| Failure::new(EXIT_NOINPUT, format!("cannot read {path}: {e}")))?
        }
    };
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
        .rewrite_options(RewriteOptions {
            typography: output.typography.into(),
            ..RewriteOptions::default()
        })
        .build()
}

fn rewrite(args: RewriteArgs) -> Result<ExitCode, Failure> {
    let file = args.file.as_deref();
    let bytes = read_input(file)?;
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
    let bytes = read_input(file)?;
    let article = article_of(&bytes, file, &args.common, args.title)?;
    let refonte = Refonte::builder().max_bytes(args.common.max_bytes).build();
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
            return Err(Failure::new(
                EXIT_USAGE,
                "invalid option --jobs: must be at least 1",
            ));
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
    let out = open_output(args.output.as_deref())?;
    let stats = batch::run(&refonte, reader, out, &task)
        .or_else(|e| ignore_broken_pipe(e).map(|_| batch::BatchStats::default()))
        .context("batch")
        .map_err(|e| Failure::new(EXIT_IO, format!("{e:#}")))?;
    if stats.failed > 0 {
        eprintln!(
            "refonte: {} of {} records failed (see their error records)",
            stats.failed, stats.records
        );
        return Ok(ExitCode::from(EXIT_DATA));
    }
    Ok(ExitCode::SUCCESS)
}

fn analyze(args: AnalyzeArgs) -> Result<ExitCode, Failure> {
    let file = args.file.as_deref();
    let bytes = read_input(file)?;
    let article = article_of(&bytes, file, &args.common, args.title)?;
    let refonte = Refonte::builder().max_bytes(args.common.max_bytes).build();
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
        .map(|n| read_input(Some(n)))
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
    let refonte = Refonte::builder().max_bytes(args.common.max_bytes).build();
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
