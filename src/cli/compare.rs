//! `refonte compare`: metrics of rewrites of one source side by side
//! (length, ROUGE, novel words, hallucination candidates, SEO).

use super::args::{Common, TextOrJson, TextOrJsonOutput};
use super::io::{pretty_json, read_input, write_output};
use crate::{EXIT_USAGE, Failure};
use clap::Args;
use refonte::compare::{self, CompareOptions, Named};
use std::process::ExitCode;

#[derive(Args)]
pub struct CompareArgs {
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
    #[command(flatten)]
    out: TextOrJsonOutput,
    #[command(flatten)]
    common: Common,
}

pub fn run(args: CompareArgs) -> Result<ExitCode, Failure> {
    // The source first, then the reference if any, then the candidates.
    let mut names = vec![args.source.as_str()];
    names.extend(args.reference.as_deref());
    names.extend(args.candidates.iter().map(String::as_str));
    check_inputs(&names, &args)?;
    let bytes: Vec<Vec<u8>> = names
        .iter()
        .map(|n| read_input(Some(n), args.common.engine.max_bytes))
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
    let refonte = args.common.engine.build();
    let result =
        compare::compare(&refonte, *source, reference, candidates, &opts).map_err(|e| {
            let f = Failure::data(&e.error);
            Failure::new(f.status, format!("{}: {}", e.input, f.message))
        })?;
    let text = match args.out.format {
        TextOrJson::Text => compare::table(&result),
        TextOrJson::Json => pretty_json(&result)?,
    };
    write_output(args.out.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}

/// Refuses standard input named twice, and a comparison with nothing to compare.
fn check_inputs(names: &[&str], args: &CompareArgs) -> Result<(), Failure> {
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
    Ok(())
}
