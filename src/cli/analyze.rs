//! `refonte analyze`: what refonte reads in one article (sentences with
//! their spans, keyphrases, entities, quotations), as JSON.

use super::args::Common;
use super::io::{pretty_json, read_article, write_output};
use crate::Failure;
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct AnalyzeArgs {
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

pub fn run(args: AnalyzeArgs) -> Result<ExitCode, Failure> {
    let article = read_article(args.file.as_deref(), &args.common, args.title)?;
    let doc = args
        .common
        .engine
        .build()
        .document(&article)
        .map_err(|e| Failure::data(&e))?;
    let text = pretty_json(&refonte::report::analysis(&doc))?;
    write_output(args.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}
