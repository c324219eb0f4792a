//! `refonte rewrite`: one article into an SEO-ready French article, in
//! Markdown, HTML, JSON or as the review page.

use super::args::{Common, TypographyArg};
use super::io::{read_article, write_output};
use crate::Failure;
use clap::{Args, ValueEnum};
use refonte::Refonte;
use refonte::input::Article;
use refonte::model::Rewrite;
use refonte::render::{Html, Markdown, Render, Review};
use std::process::ExitCode;

#[derive(Args)]
pub struct RewriteArgs {
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
    /// Typography: edited (French print everywhere, the source's slips fixed), source
    /// (French print for what refonte builds, the source sentences as written) or plain
    /// (ASCII punctuation).
    #[arg(long, value_enum, default_value_t = TypographyArg::Edited)]
    typography: TypographyArg,
    /// Base URL of the canonical link in HTML (default: a relative `/{slug}`).
    #[arg(long)]
    base_url: Option<String>,
    /// Write the output to this file instead of standard output.
    #[arg(short, long)]
    output: Option<String>,
    /// Also write the review page (the rewrite beside its source, in HTML) to this file.
    #[arg(long, value_name = "FILE")]
    review: Option<String>,
    #[command(flatten)]
    common: Common,
}

#[derive(Clone, Copy, ValueEnum)]
enum RewriteFormat {
    Md,
    Html,
    Json,
    /// The review page: the rewrite beside its source, as one HTML file.
    Review,
}

pub fn run(args: RewriteArgs) -> Result<ExitCode, Failure> {
    // The tagger's index is built while the input is read and cleaned.
    std::thread::spawn(refonte::fr::lexicon::warm_up_tagging);
    let file = args.file.as_deref();
    let mut article = read_article(file, &args.common, args.title)?;
    if args.keyphrase.is_some() {
        article.keyphrase = args.keyphrase;
    }
    if args.min_words.is_some() {
        article.min_words = args.min_words;
    }
    let refonte = args.common.engine.build_rewriting(args.typography.into());
    let out = refonte.rewrite(&article).map_err(|e| Failure::data(&e))?;
    let html = Html {
        base_url: args.base_url.clone(),
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
    write_output(args.output.as_deref(), &text)?;
    if let Some(path) = args.review.as_deref() {
        let page = review_page(&refonte, &article, &out, &html, args.strict)?;
        write_output(Some(path), &page)?;
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
    out: &Rewrite,
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
