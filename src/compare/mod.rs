//! `refonte compare`: the metrics of several rewrites of one source, side by
//! side — refonte's own, an LLM's, a journalist's.
//!
//! Every input (source, reference, candidates) is read as refonte reads an
//! article ([`crate::input::read`]: text, Markdown, HTML or JSON, with the
//! metadata it carries), then cleaned and segmented into a
//! [`Document`](crate::Document). A candidate's *body* is its prose
//! paragraphs (lead and sections; title and subheadings excluded), its
//! *printed text* the title, the subheadings and the body.
//!
//! Per candidate, a [`CandidateReport`]:
//!
//! - **length**: body words (as refonte counts them), sentences, sections,
//!   words per sentence, and the French Flesch reading ease of Kandel & Moles
//!   (1958), `207 − 1.015 × words/sentence − 73.6 × syllables/word`, with the
//!   syllable counter of [`syllables`];
//! - **coverage**: ROUGE-1, ROUGE-2 and ROUGE-L ([`crate::rouge`]) of the body
//!   against the source's body, and against the reference when there is one;
//! - **faithfulness**: the share of the printed text's unigrams and bigrams
//!   that the source never has, and the hallucination candidates: names,
//!   numbers and dates of the printed text that the source does not hold, and
//!   quotations that are not a word-for-word run of the source;
//! - **SEO**: H1, subheadings, keyphrase use, metadata lengths, and the checks
//!   refonte applies to its own rewrites (a list of [`Check`]s).
//!
//! Words are compared as ROUGE tokens (lowercase runs of letters and digits);
//! for names, dates and quotations accents are ignored too, so that `Etat`
//! and `État` are the same word. Every list in the output is sorted or in
//! text order: the same inputs always give the same bytes.
//!
//! One file per concern: this one holds the output types and [`compare`]
//! itself; `read.rs` reads a candidate's paragraphs, headings and sentences;
//! `source.rs` indexes the source once; `length.rs` (with [`syllables`]),
//! `coverage.rs`, `faithfulness.rs` (with `numbers.rs`, numbers in digits
//! and in words) and `seo.rs` measure; `table.rs` prints the text table.

mod coverage;
mod faithfulness;
mod length;
mod numbers;
mod read;
mod seo;
mod source;
pub mod syllables;
mod table;

pub use coverage::MAX_LCS_CELLS;
pub use length::length_stats;
pub use table::table;

use crate::Refonte;
use crate::error::Error;
use crate::fr::count_words;
use crate::input::{self, Format};
use read::Read;
use serde::Serialize;
use source::SourceIndex;
use std::fmt;

/// Word floor the SEO checks use when the source's request gives none.
pub const DEFAULT_MIN_WORDS: usize = 700;

/// One input as the caller read it: a name for messages and the table, and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    /// File name (or `-` for standard input): names the column and, through
    /// its extension, the format.
    pub name: &'a str,
    /// The bytes as read.
    pub bytes: &'a [u8],
}

/// Options of a comparison.
#[derive(Debug, Clone, Default)]
pub struct CompareOptions {
    /// Focus keyphrase for every candidate (default: the candidate's own, from
    /// its metadata, else the one refonte chooses for the source).
    pub keyphrase: Option<String>,
    /// Add refonte's own rewrite of the source as the first candidate.
    pub with_refonte: bool,
    /// Input format of every input (default [`Format::Auto`]: from the file
    /// name, then from the content).
    pub format: Format,
}

/// An error in one input, with the input's name.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    /// The input's name.
    pub input: String,
    /// The error itself.
    pub error: Error,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.error)
    }
}

impl std::error::Error for InputError {}

/// The whole comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// refonte's version.
    pub version: &'static str,
    /// What was read in the source.
    pub source: SourceInfo,
    /// What was read in the reference, if one was given.
    pub reference: Option<SourceInfo>,
    /// One report per candidate, in the order given (refonte's own first).
    pub candidates: Vec<CandidateReport>,
}

/// The source (or the reference) as read.
#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    /// Its name.
    pub name: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// Body words.
    pub words: usize,
    /// Body sentences.
    pub sentences: usize,
}

/// Everything measured on one candidate.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateReport {
    /// The candidate's name (`refonte` for refonte's own rewrite).
    pub name: String,
    /// Length and readability.
    pub length: LengthStats,
    /// ROUGE against the source and the reference.
    pub coverage: Coverage,
    /// Novel n-grams and hallucination candidates.
    pub faithfulness: Faithfulness,
    /// Structure, keyphrase and metadata.
    pub seo: Seo,
}

/// Length and readability of a body.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LengthStats {
    /// Words, counted as refonte counts them (`l’État`, `porte-parole`: one word).
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Sections (subheadings).
    pub sections: usize,
    /// Words per sentence.
    pub words_per_sentence: f64,
    /// Syllables per word.
    pub syllables_per_word: f64,
    /// Kandel & Moles reading ease: `207 − 1.015 × words/sentence − 73.6 × syllables/word`.
    pub flesch: f64,
}

/// One ROUGE variant: recall, precision and F1, each in 0–1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Share of the other text's units found in the candidate.
    pub recall: f64,
    /// Share of the candidate's units found in the other text.
    pub precision: f64,
    /// Harmonic mean.
    pub f1: f64,
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of a candidate's body against one text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RougeReport {
    /// Unigrams.
    pub rouge1: Prf,
    /// Bigrams.
    pub rouge2: Prf,
    /// Longest common subsequence; `null` when the two texts are too long for
    /// it (more than [`MAX_LCS_CELLS`] word pairs).
    pub rouge_l: Option<Prf>,
}

/// How much of the source (and of the reference) the body covers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Coverage {
    /// Against the source's body.
    pub source: RougeReport,
    /// Against the reference, when one was given.
    pub reference: Option<RougeReport>,
}

/// What the candidate prints that the source does not say.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Faithfulness {
    /// Share of the printed text's words (tokens) absent from the source.
    pub novel_unigrams: f64,
    /// Share of the printed text's bigrams absent from the source.
    pub novel_bigrams: f64,
    /// Names the source never writes (hallucination candidates), sorted.
    pub new_names: Vec<String>,
    /// Numbers the source never writes, sorted.
    pub new_numbers: Vec<String>,
    /// Dates the source never writes, sorted.
    pub new_dates: Vec<String>,
    /// Quotations of the candidate.
    pub quotations: usize,
    /// Quotations that are not a word-for-word run of the source, in text order.
    pub unmatched_quotations: Vec<String>,
}

/// Structure, keyphrase use and metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Seo {
    /// The H1, if any.
    pub h1: Option<String>,
    /// Subheadings in order.
    pub subheadings: Vec<String>,
    /// The focus keyphrase the checks use.
    pub keyphrase: String,
    /// Where it comes from: `option`, `candidate` (its metadata) or `source`
    /// (the one refonte chooses for the source).
    pub keyphrase_from: &'static str,
    /// Occurrences of the keyphrase in the body (whole words, any case).
    pub keyphrase_count: usize,
    /// Occurrences per 100 body words.
    pub keyphrase_density: f64,
    /// Subheadings that contain the keyphrase.
    pub keyphrase_subheadings: usize,
    /// The SEO title (`<title>`, front matter `seo_title`), if any.
    pub seo_title: Option<String>,
    /// The meta description, if any.
    pub description: Option<String>,
    /// The slug, if any.
    pub slug: Option<String>,
    /// The checks, in a fixed order.
    pub checks: Vec<Check>,
}

/// One check of refonte's own rewrites, applied to a candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// Stable name.
    pub name: &'static str,
    /// Passed, failed, or `null` when it does not apply (no metadata).
    pub ok: Option<bool>,
    /// The figure behind the verdict.
    pub detail: String,
}

/// Names an error after the input it comes from.
fn named(input: &str) -> impl FnOnce(Error) -> InputError + use<> {
    let input = input.to_string();
    move |error| InputError { input, error }
}

/// Compares candidates with a source (and a reference).
///
/// Fails with the name of the first input that cannot be read (invalid
/// UTF-8, malformed JSON, no article text…).
pub fn compare(
    refonte: &Refonte,
    source: Named,
    reference: Option<Named>,
    candidates: &[Named],
    opts: &CompareOptions,
) -> std::result::Result<Comparison, InputError> {
    let (mut src_article, src_meta) =
        input::read(source.name, source.bytes, opts.format).map_err(named(source.name))?;
    let src = Read::article(refonte, &src_article, src_meta).map_err(named(source.name))?;
    let index = SourceIndex::new(&src);
    let reference_read = reference
        .map(|r| Read::input(refonte, r, opts.format))
        .transpose()?;
    let ref_tokens = reference_read.as_ref().map(Read::body_tokens);

    // refonte's rewrite of the source (for the keyphrase asked, if any): its
    // keyphrase is the default one, and with `--with-refonte` it is the first
    // candidate.
    if opts.keyphrase.is_some() {
        src_article.keyphrase = opts.keyphrase.clone();
    }
    let own = refonte.rewrite(&src_article).map_err(named(source.name))?;
    let mut reads: Vec<(String, Read)> = Vec::new();
    if opts.with_refonte {
        let r = Read::rewrite(refonte, &own).map_err(named("refonte"))?;
        reads.push(("refonte".to_string(), r));
    }
    for &c in candidates {
        reads.push((c.name.to_string(), Read::input(refonte, c, opts.format)?));
    }
    let candidates = reads
        .iter()
        .map(|(name, r)| {
            let (keyphrase, from) = keyphrase_of(opts, r, &own.keyphrase);
            report(name, r, &index, ref_tokens.as_deref(), &keyphrase, from)
        })
        .collect();
    Ok(Comparison {
        version: crate::VERSION,
        source: source_info(source.name, &src),
        reference: reference
            .zip(reference_read.as_ref())
            .map(|(n, r)| source_info(n.name, r)),
        candidates,
    })
}

/// The keyphrase a candidate is checked with, and where it comes from: the
/// option, else the candidate's own metadata, else refonte's for the source.
fn keyphrase_of(opts: &CompareOptions, r: &Read, own: &str) -> (String, &'static str) {
    match (&opts.keyphrase, &r.meta.keyphrase) {
        (Some(k), _) => (k.clone(), "option"),
        (None, Some(k)) => (k.clone(), "candidate"),
        (None, None) => (own.to_string(), "source"),
    }
}

/// What was read in the source or the reference.
fn source_info(name: &str, r: &Read) -> SourceInfo {
    SourceInfo {
        name: name.to_string(),
        title: r.doc.title.clone(),
        words: r.body_sentences().iter().map(|s| count_words(s)).sum(),
        sentences: r.body_sentences().len(),
    }
}

/// Every measure of one candidate.
fn report(
    name: &str,
    r: &Read,
    index: &SourceIndex,
    reference: Option<&[String]>,
    keyphrase: &str,
    from: &'static str,
) -> CandidateReport {
    let sentences = r.body_sentences();
    let length = length_stats(&sentences, r.headings().len());
    CandidateReport {
        name: name.to_string(),
        faithfulness: faithfulness::faithfulness(r, index),
        seo: seo::seo(r, index, &length, keyphrase, from),
        length,
        coverage: coverage::coverage(&sentences, index, reference),
    }
}
