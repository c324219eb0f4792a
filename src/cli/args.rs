//! Options several commands share, and the engine they configure.

use clap::{Args, ValueEnum};
use refonte::Refonte;
use refonte::fr::Typography;
use refonte::input::Format;
use refonte::rewrite::RewriteOptions;
use refonte::summarize::Length;

// Every command's options but batch's (its records' format is read from
// their content).
#[derive(Args)]
pub struct Common {
    /// Input format (default: from the file name, then from the content).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    #[command(flatten)]
    pub engine: EngineArgs,
}

// The engine's options, which every command takes.
#[derive(Args)]
pub struct EngineArgs {
    /// Largest input accepted, in bytes (per record in batch mode).
    #[arg(long, default_value_t = refonte::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Process text that does not look French instead of refusing it.
    #[arg(long)]
    pub force: bool,
}

impl EngineArgs {
    /// The engine for these options, with the default rewrite options.
    pub fn build(&self) -> Refonte {
        self.build_rewriting(RewriteOptions::default().typography)
    }

    /// The engine for these options, printing rewrites in `typography`.
    pub fn build_rewriting(&self, typography: Typography) -> Refonte {
        Refonte::builder()
            .max_bytes(self.max_bytes)
            .force(self.force)
            .rewrite_options(RewriteOptions {
                typography,
                ..RewriteOptions::default()
            })
            .build()
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum InputFormat {
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
pub enum TypographyArg {
    /// French print, the source's own slips fixed as a copy desk would (the default).
    Edited,
    /// French print for what refonte builds; the source sentences as written.
    #[value(alias = "french")]
    Source,
    /// ASCII punctuation.
    Plain,
}

impl From<TypographyArg> for Typography {
    fn from(t: TypographyArg) -> Typography {
        match t {
            TypographyArg::Source => Typography::Source,
            TypographyArg::Plain => Typography::Plain,
            TypographyArg::Edited => Typography::Edited,
        }
    }
}

#[derive(Args)]
#[group(id = "length", multiple = false)]
pub struct LengthArgs {
    /// Number of sentences in the summary (default 3).
    #[arg(long, group = "length")]
    pub sentences: Option<usize>,
    /// Target number of words: sentences are added in rank order until it is reached.
    #[arg(long, group = "length")]
    pub words: Option<usize>,
}

impl LengthArgs {
    pub fn length(&self) -> Length {
        match (self.sentences, self.words) {
            (Some(k), _) => Length::Sentences(k),
            (None, Some(n)) => Length::Words(n),
            (None, None) => Length::default(),
        }
    }
}

// How `summarize` and `compare` print: text for people or JSON for
// programs, to standard output or a file.
#[derive(Args)]
pub struct TextOrJsonOutput {
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// Write the output to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}
