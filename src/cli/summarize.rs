//! `refonte summarize`: an extractive summary of one article, its
//! best-ranked sentences in source order.

use super::args::{Common, LengthArgs, TextOrJson, TextOrJsonOutput};
use super::io::{pretty_json, read_article, write_output};
use crate::Failure;
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct SummarizeArgs {
    /// The article: a file, or `-` (the default) for standard input.
    file: Option<String>,
    #[command(flatten)]
    length: LengthArgs,
    /// The article's title (overrides any title found in the input).
    #[arg(long)]
    title: Option<String>,
    #[command(flatten)]
    out: TextOrJsonOutput,
    #[command(flatten)]
    common: Common,
}

pub fn run(args: SummarizeArgs) -> Result<ExitCode, Failure> {
    let article = read_article(args.file.as_deref(), &args.common, args.title)?;
    let summary = args
        .common
        .engine
        .build()
        .summarize(&article, args.length.length())
        .map_err(|e| Failure::data(&e))?;
    let text = match args.out.format {
        TextOrJson::Text => format!("{}\n", summary.summary),
        TextOrJson::Json => pretty_json(&summary)?,
    };
    for w in &summary.warnings {
        eprintln!("refonte: warning: {w}");
    }
    write_output(args.out.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}
