//! `refonte compare`: the metrics of several rewrites of one source, side by
//! side — refonte's own, an LLM's, a journalist's.
//!
//! Every input (source, reference, candidates) is read as refonte reads an
//! article ([`crate::input`]: text, Markdown, HTML or JSON), then cleaned and
//! segmented into a [`Document`]. A candidate's *body* is its prose
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

pub mod syllables;

use crate::Refonte;
use crate::document::Document;
use crate::error::Error;
use crate::fr::lexicon;
use crate::fr::{count_words, seo, words};
use crate::frame::keyphrase::count_in;
use crate::input::{self, Article, Format, Metadata};
use crate::render::{Markdown, Render};
use crate::rouge;
use crate::segment::ParagraphKind;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
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

/// Largest product of the two texts' lengths in words for which ROUGE-L is
/// computed (its time grows with that product): 250 million, about two
/// texts of 16,000 words, a second or so.
pub const MAX_LCS_CELLS: usize = 250_000_000;

impl From<rouge::Score> for Prf {
    fn from(s: rouge::Score) -> Prf {
        Prf {
            recall: s.recall,
            precision: s.precision,
            f1: s.f1,
        }
    }
}

/// ROUGE of candidate tokens against reference tokens, ROUGE-L only up to `max_cells`.
fn rouge_report(candidate: &[String], reference: &[String], max_cells: usize) -> RougeReport {
    let cells = candidate.len().saturating_mul(reference.len());
    RougeReport {
        rouge1: rouge::rouge_n(candidate, reference, 1).into(),
        rouge2: rouge::rouge_n(candidate, reference, 2).into(),
        rouge_l: (cells <= max_cells).then(|| rouge::rouge_l(candidate, reference).into()),
    }
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

/// An input read and analysed.
struct Read {
    doc: Document,
    meta: Metadata,
    /// Markdown and HTML say which paragraphs are headings; in plain text a
    /// short line without final punctuation reads as one.
    explicit_headings: bool,
}

impl Read {
    fn new(doc: Document, meta: Metadata, format: Format) -> Read {
        Read {
            doc,
            meta,
            explicit_headings: matches!(format, Format::Markdown | Format::Html),
        }
    }

    /// True when paragraph `p` is a heading (the title's included): marked as
    /// one in Markdown and HTML (a list item of a few words is not), read as
    /// one in plain text.
    fn is_heading(&self, p: usize) -> bool {
        let para = &self.doc.seg.paragraphs[p];
        if para.kind != ParagraphKind::Heading {
            return false;
        }
        !self.explicit_headings
            || self.doc.text[..para.span.start as usize].ends_with(input::HEADING_MARK)
            || Some(p) == self.doc.title_paragraph
    }
    /// The paragraph that holds the title: the document's own finding, or a
    /// first heading that says the title with other spaces (a Markdown `# H1`
    /// after a front matter `title`, typeset with no-break spaces).
    fn title_paragraph(&self) -> Option<usize> {
        let doc = &self.doc;
        if doc.title_paragraph.is_some() {
            return doc.title_paragraph;
        }
        let first = doc.seg.paragraphs.first()?;
        let title = doc.title.as_deref()?;
        let text = first
            .span
            .of(&doc.text)
            .trim_start_matches(input::HEADING_MARK);
        (first.kind == ParagraphKind::Heading && rouge::tokens(text) == rouge::tokens(title))
            .then_some(0)
    }

    /// Body paragraphs with the index of the section they belong to (`None`: the lead).
    fn paragraphs(&self) -> Vec<(Option<usize>, String)> {
        let doc = &self.doc;
        let mut out: Vec<(Option<usize>, String)> = Vec::new();
        let mut section: Option<usize> = None;
        let mut last_para = usize::MAX;
        let title_paragraph = self.title_paragraph();
        for (i, s) in doc.seg.sentences.iter().enumerate() {
            let p = s.paragraph;
            if Some(p) == title_paragraph {
                continue;
            }
            if self.is_heading(p) {
                if p != last_para {
                    section = Some(section.map_or(0, |k| k + 1));
                    last_para = p;
                }
                continue;
            }
            let text = doc.sentence_text(i);
            if p == last_para {
                if let Some((_, t)) = out.last_mut() {
                    t.push(' ');
                    t.push_str(&text);
                }
            } else {
                out.push((section, text));
                last_para = p;
            }
        }
        out
    }

    /// Subheadings (heading paragraphs other than the title), in order.
    fn headings(&self) -> Vec<String> {
        let doc = &self.doc;
        let title_paragraph = self.title_paragraph();
        doc.seg
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(k, _)| self.is_heading(*k) && Some(*k) != title_paragraph)
            .map(|(_, p)| {
                p.span
                    .of(&doc.text)
                    .trim_start_matches(input::HEADING_MARK)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|h| !h.is_empty())
            .collect()
    }

    /// Body sentences, in order.
    fn body_sentences(&self) -> Vec<String> {
        let title_paragraph = self.title_paragraph();
        let seg = &self.doc.seg;
        (0..seg.sentences.len())
            .filter(|&i| {
                let p = seg.sentences[i].paragraph;
                !self.is_heading(p) && Some(p) != title_paragraph
            })
            .map(|i| self.doc.sentence_text(i))
            .collect()
    }

    /// Title, subheadings and body paragraphs: every piece of printed text.
    fn printed(&self) -> Vec<String> {
        let mut out: Vec<String> = self.doc.title.iter().cloned().collect();
        out.extend(self.headings());
        out.extend(self.paragraphs().into_iter().map(|(_, t)| t));
        out
    }
}

/// Lowercase ROUGE tokens with accents removed (for names, dates, quotations).
fn folded_tokens(text: &str) -> Vec<String> {
    rouge::tokens(text)
        .into_iter()
        .map(|t| lexicon::strip_accents(&t))
        .collect()
}

/// What the source offers for the comparisons, computed once.
struct SourceIndex {
    body_tokens: Vec<String>,
    unigrams: FxHashSet<String>,
    bigrams: FxHashSet<(String, String)>,
    folded: Vec<String>,
    /// Where each folded token occurs in `folded`.
    positions: FxHashMap<String, Vec<usize>>,
    folded_set: FxHashSet<String>,
    digit_strings: FxHashSet<String>,
    digit_runs: FxHashSet<String>,
    title: Option<String>,
    min_words: usize,
    contractions: usize,
}

impl SourceIndex {
    fn new(read: &Read) -> SourceIndex {
        let body = read.body_sentences().join("\n");
        // The same pieces as a candidate's printed text, so that a candidate
        // identical to the source has no novel n-gram.
        let all = read.printed();
        let mut unigrams = FxHashSet::default();
        let mut bigrams = FxHashSet::default();
        let mut folded = Vec::new();
        let mut digit_strings = FxHashSet::default();
        let mut digit_runs = FxHashSet::default();
        for piece in &all {
            let toks = rouge::tokens(piece);
            for w in toks.windows(2) {
                bigrams.insert((w[0].clone(), w[1].clone()));
            }
            unigrams.extend(toks.iter().cloned());
            folded.extend(folded_tokens(piece));
            // A number the source writes in words matches its value in digits.
            for t in &toks {
                if let Some(&v) = number_words().get(t.as_str()) {
                    digit_strings.insert(v.to_string());
                }
            }
            for n in number_strings(piece) {
                digit_strings.insert(digits_of(&n));
                digit_runs.extend(digit_runs_of(&n));
            }
        }
        // Entities and quotations are read in the cleaned text, where cleaning
        // may have split a glued join (`ZappingIl` → `Zapping Il`): the
        // source's cleaned text counts as its words too.
        folded.extend(folded_tokens(&read.doc.text));
        let folded_set = folded.iter().cloned().collect();
        let mut positions: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, t) in folded.iter().enumerate() {
            positions.entry(t.clone()).or_default().push(i);
        }
        SourceIndex {
            body_tokens: rouge::tokens(&body),
            unigrams,
            bigrams,
            folded,
            positions,
            folded_set,
            digit_strings,
            digit_runs,
            title: read.doc.title.clone(),
            min_words: read.doc.min_words.unwrap_or(DEFAULT_MIN_WORDS),
            contractions: all.iter().map(|p| contraction_errors(p)).sum(),
        }
    }

    /// True when `needle` (folded tokens) is a contiguous run of the source's words.
    fn has_run(&self, needle: &[String]) -> bool {
        let Some(first) = needle.first() else {
            return false;
        };
        self.positions.get(first).is_some_and(|starts| {
            starts
                .iter()
                .any(|&i| self.folded.get(i..i + needle.len()) == Some(needle))
        })
    }

    /// True when the source holds the number (same digits, or each of its digit runs).
    fn has_number(&self, n: &str) -> bool {
        let runs = digit_runs_of(n);
        self.digit_strings.contains(&digits_of(n))
            || (!runs.is_empty() && runs.iter().all(|r| self.digit_runs.contains(r)))
    }
}

/// Numbers written with digits: `3,5`, `6 400`, `1.200`, `G20`'s `20`.
fn number_strings(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        while end < chars.len() {
            let joins = match chars[end] {
                c if c.is_ascii_digit() => true,
                // A decimal comma: `3,5`.
                ',' => digit(end + 1),
                // A thousands separator: `6 400`, `1.200` (a group of three digits).
                '.' | ' ' | '\u{a0}' | '\u{202f}' => {
                    (1..=3).all(|k| digit(end + k)) && !digit(end + 4)
                }
                _ => false,
            };
            if !joins {
                break;
            }
            end += 1;
        }
        out.push(chars[start..end].iter().collect());
        i = end;
    }
    out
}

fn digits_of(n: &str) -> String {
    n.chars().filter(char::is_ascii_digit).collect()
}

const NUMBER_WORDS: &str = include_str!("../lexicons/fr/numbers.txt");

/// French number words and their values (`lexicons/fr/numbers.txt`).
fn number_words() -> &'static FxHashMap<String, u64> {
    static WORDS: std::sync::OnceLock<FxHashMap<String, u64>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        lexicon::entries(NUMBER_WORDS)
            .filter_map(|l| {
                let (w, v) = l.split_once(char::is_whitespace)?;
                Some((lexicon::fold(w), v.trim().parse().ok()?))
            })
            .collect()
    })
}

/// The value of a number written in words (`cinq`, `vingt-deux`,
/// `quatre-vingt-dix`, `trois millions`'s `trois`), or `None` when the word
/// is not one.
fn number_word_value(word: &str) -> Option<u64> {
    let lower = lexicon::fold(word);
    let parts: Vec<&str> = lower.split('-').collect();
    let words = number_words();
    let (mut total, mut current) = (0u64, 0u64);
    for part in &parts {
        let v = match (*part, words.get(*part)) {
            (_, Some(&v)) => v,
            // Only inside a compound: vingt-et-un.
            ("et", None) if parts.len() > 1 => continue,
            ("un" | "une", None) if parts.len() > 1 => 1,
            _ => return None,
        };
        match v {
            20 if current % 100 == 4 => current = current - 4 + 80,
            100 => current = current.max(1) * 100,
            1000 => {
                total += current.max(1) * 1000;
                current = 0;
            }
            v if v >= 1_000_000 => {
                total += current.max(1) * v;
                current = 0;
            }
            v => current += v,
        }
    }
    Some(total + current)
}

fn digit_runs_of(n: &str) -> Vec<String> {
    n.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect()
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
    let named = |name: &str| {
        let name = name.to_string();
        move |error: Error| InputError { input: name, error }
    };
    let read = |input: Named| -> std::result::Result<Read, InputError> {
        let (article, meta) =
            input::read(input.name, input.bytes, opts.format).map_err(named(input.name))?;
        let doc = refonte.document(&article).map_err(named(input.name))?;
        Ok(Read::new(doc, meta, article.format))
    };
    let (mut src_article, src_meta) =
        input::read(source.name, source.bytes, opts.format).map_err(named(source.name))?;
    let src_doc = refonte.document(&src_article).map_err(named(source.name))?;
    let src = Read::new(src_doc, src_meta, src_article.format);
    let index = SourceIndex::new(&src);
    let reference_name = reference.map(|r| r.name.to_string());
    let reference = reference.map(read).transpose()?;
    let ref_tokens = reference
        .as_ref()
        .map(|r| rouge::tokens(&r.body_sentences().join("\n")));

    // refonte's rewrite of the source (for the keyphrase asked, if any): its
    // keyphrase is the default one, and with `--with-refonte` it is the first
    // candidate.
    if opts.keyphrase.is_some() {
        src_article.keyphrase = opts.keyphrase.clone();
    }
    let own = refonte.rewrite(&src_article).map_err(named(source.name))?;
    let mut reads: Vec<(String, Read)> = Vec::new();
    if opts.with_refonte {
        let md = Markdown.render(&own);
        let article = Article {
            text: md,
            format: Format::Markdown,
            ..Article::default()
        };
        let doc = refonte.document(&article).map_err(named("refonte"))?;
        let meta = Metadata {
            seo_title: Some(own.seo_title.clone()),
            description: Some(own.description.clone()),
            slug: Some(own.slug.clone()),
            keyphrase: Some(own.keyphrase.clone()),
        };
        reads.push((
            "refonte".to_string(),
            Read::new(doc, meta, Format::Markdown),
        ));
    }
    for &c in candidates {
        reads.push((c.name.to_string(), read(c)?));
    }
    let default_keyphrase = own.keyphrase.clone();
    let candidates = reads
        .iter()
        .map(|(name, r)| {
            let (keyphrase, from) = match (&opts.keyphrase, &r.meta.keyphrase) {
                (Some(k), _) => (k.clone(), "option"),
                (None, Some(k)) => (k.clone(), "candidate"),
                (None, None) => (default_keyphrase.clone(), "source"),
            };
            report(name, r, &index, ref_tokens.as_deref(), &keyphrase, from)
        })
        .collect();
    let info = |name: &str, r: &Read| SourceInfo {
        name: name.to_string(),
        title: r.doc.title.clone(),
        words: r.body_sentences().iter().map(|s| count_words(s)).sum(),
        sentences: r.body_sentences().len(),
    };
    Ok(Comparison {
        version: crate::VERSION,
        source: info(source.name, &src),
        reference: reference
            .as_ref()
            .zip(reference_name.as_deref())
            .map(|(r, name)| info(name, r)),
        candidates,
    })
}

/// Length and Kandel & Moles reading ease of body sentences.
pub fn length_stats(sentences: &[String], sections: usize) -> LengthStats {
    let mut words = 0usize;
    let mut syllables = 0usize;
    for s in sentences {
        for w in crate::fr::words(s) {
            words += 1;
            syllables += syllables::count(w);
        }
    }
    let n = sentences.len();
    let (wps, spw) = if n > 0 && words > 0 {
        (words as f64 / n as f64, syllables as f64 / words as f64)
    } else {
        (0.0, 0.0)
    };
    let flesch = if words > 0 {
        207.0 - 1.015 * wps - 73.6 * spw
    } else {
        0.0
    };
    LengthStats {
        words,
        sentences: n,
        sections,
        words_per_sentence: wps,
        syllables_per_word: spw,
        flesch,
    }
}

/// Share of the pieces' n-grams (unigrams or bigrams) absent from `seen`.
fn novel_share(pieces: &[Vec<String>], n: usize, seen: impl Fn(&[String]) -> bool) -> f64 {
    let (mut novel, mut total) = (0usize, 0usize);
    for toks in pieces {
        for g in toks.windows(n) {
            total += 1;
            if !seen(g) {
                novel += 1;
            }
        }
    }
    if total == 0 {
        0.0
    } else {
        novel as f64 / total as f64
    }
}

fn faithfulness(r: &Read, index: &SourceIndex) -> Faithfulness {
    let printed = r.printed();
    let pieces: Vec<Vec<String>> = printed.iter().map(|p| rouge::tokens(p)).collect();
    let novel_unigrams = novel_share(&pieces, 1, |g| index.unigrams.contains(&g[0]));
    let novel_bigrams = novel_share(&pieces, 2, |g| {
        index.bigrams.contains(&(g[0].clone(), g[1].clone()))
    });
    let in_source = |text: &str| {
        folded_tokens(text)
            .iter()
            .all(|t| index.folded_set.contains(t))
    };
    let facts = r.doc.facts();
    let mut names: Vec<String> = Vec::new();
    for e in &facts.entities {
        if !in_source(&e.text) {
            names.push(e.text.clone());
        }
    }
    // Capitalised words inside a sentence (title and subheadings included),
    // which the entity finder may not have taken for names.
    let mut units: Vec<String> = r.doc.title.iter().cloned().collect();
    units.extend(r.headings());
    units.extend(r.body_sentences());
    for unit in &units {
        for w in words(unit).into_iter().skip(1) {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if !capital || w.chars().any(|c| c.is_ascii_digit()) || in_source(w) {
                continue;
            }
            let covered = names.iter().any(|n| {
                folded_tokens(n)
                    .iter()
                    .any(|t| folded_tokens(w).contains(t))
            });
            if !covered {
                names.push(w.to_string());
            }
        }
    }
    let mut numbers: Vec<String> = printed
        .iter()
        .flat_map(|p| number_strings(p))
        .filter(|n| !index.has_number(n))
        .map(|n| n.replace(['\u{a0}', '\u{202f}'], " "))
        .collect();
    // Numbers written in words: new unless the source writes the same words
    // or the same value in digits.
    for p in &printed {
        for w in words(p) {
            if let Some(v) = number_word_value(w)
                && !in_source(w)
                && !index.digit_strings.contains(&v.to_string())
            {
                numbers.push(w.to_string());
            }
        }
    }
    let mut dates: Vec<String> = facts
        .dates
        .iter()
        .map(|d| d.of(&r.doc.text).to_string())
        .filter(|d| !index.has_run(&folded_tokens(d)))
        .collect();
    let unmatched_quotations: Vec<String> = facts
        .quotations
        .iter()
        .filter(|q| {
            let toks = folded_tokens(&q.text);
            !toks.is_empty() && !index.has_run(&toks)
        })
        .map(|q| q.text.clone())
        .collect();
    for list in [&mut names, &mut numbers, &mut dates] {
        list.sort();
        list.dedup();
    }
    Faithfulness {
        novel_unigrams,
        novel_bigrams,
        new_names: names,
        new_numbers: numbers,
        new_dates: dates,
        quotations: facts.quotations.len(),
        unmatched_quotations,
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A subheading is grounded when at least one of its content words (4+
/// letters, not a stop word) is the source's, and at least half of them are.
fn grounded(heading: &str, index: &SourceIndex) -> bool {
    let lex = lexicon::lexicons();
    let content: Vec<String> = rouge::tokens(heading)
        .into_iter()
        .filter(|t| t.chars().count() >= 4 && !lex.is_stop(t))
        .collect();
    let hits = content
        .iter()
        .filter(|t| index.folded_set.contains(&lexicon::strip_accents(t)))
        .count();
    hits > 0 && 2 * hits >= content.len()
}

/// Contractions French requires (`de le` → `du`, `à les` → `aux`) left
/// undone; `de le faire`, where `le` is a pronoun before a verb, is not one.
fn contraction_errors(text: &str) -> usize {
    let lex = lexicon::lexicons();
    let words: Vec<String> = words(text).into_iter().map(lexicon::fold).collect();
    let verb = |w: Option<&String>| {
        w.and_then(|w| lex.pos.get(w))
            .is_some_and(|e| e.tags.split('|').any(|t| matches!(t, "VER" | "AUX")))
    };
    (0..words.len().saturating_sub(1))
        .filter(|&i| {
            matches!(words[i].as_str(), "de" | "à")
                && matches!(words[i + 1].as_str(), "le" | "les")
                && !verb(words.get(i + 2))
        })
        .count()
}

/// Words of sentences (of six words or more) printed more than once, beyond their first print.
fn repeated_words(sentences: &[String]) -> usize {
    let mut seen: FxHashMap<Vec<String>, usize> = FxHashMap::default();
    let mut repeated = 0;
    for s in sentences {
        let toks = rouge::tokens(s);
        if words(s).len() < 6 {
            continue;
        }
        let n = seen.entry(toks).or_default();
        if *n > 0 {
            repeated += words(s).len();
        }
        *n += 1;
    }
    repeated
}

/// Phrases of a request to the writer, or of a scraped page, copied into the text.
fn leaks(text: &str) -> usize {
    let lower = text.to_lowercase();
    let phrases = [
        "customize this title",
        "seo compatible",
        "make this article",
        "source link",
    ];
    let floor = text
        .lines()
        .filter(|l| input::word_floor(l).is_some())
        .count();
    phrases
        .iter()
        .map(|p| lower.matches(p).count())
        .sum::<usize>()
        + floor
}

fn check(name: &'static str, ok: Option<bool>, detail: impl Into<String>) -> Check {
    Check {
        name,
        ok,
        detail: detail.into(),
    }
}

fn seo(
    r: &Read,
    index: &SourceIndex,
    length: &LengthStats,
    keyphrase: &str,
    from: &'static str,
) -> Seo {
    let h1 = r.doc.title.clone();
    let subheadings = r.headings();
    let paragraphs = r.paragraphs();
    let body: String = paragraphs
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let count = count_in(&body, keyphrase);
    let density = if length.words > 0 {
        100.0 * count as f64 / length.words as f64
    } else {
        0.0
    };
    let in_subheadings = subheadings
        .iter()
        .filter(|h| count_in(h, keyphrase) > 0)
        .count();
    let mut checks = Vec::new();
    checks.push(match &h1 {
        None => check("h1", Some(false), "no H1"),
        Some(t) => {
            let same = index
                .title
                .as_deref()
                .is_some_and(|s| lexicon::fold(s) == lexicon::fold(t));
            check(
                "h1",
                Some(!same),
                if same {
                    "same as the source title"
                } else {
                    "differs from the source title"
                },
            )
        }
    });
    checks.push(match &h1 {
        None => check("h1_keyphrase", Some(false), "no H1"),
        Some(t) => {
            let starts = lexicon::fold(t).starts_with(&lexicon::fold(keyphrase));
            let has = count_in(t, keyphrase) > 0;
            let detail = match (starts, has) {
                (true, _) => "opens the H1",
                (false, true) => "inside the H1",
                (false, false) => "not in the H1",
            };
            check("h1_keyphrase", Some(has), detail)
        }
    });
    let intro = paragraphs.first().map_or("", |(_, t)| t.as_str());
    checks.push(check(
        "intro_keyphrase",
        Some(count_in(intro, keyphrase) > 0),
        if count_in(intro, keyphrase) > 0 {
            "in the first paragraph"
        } else {
            "not in the first paragraph"
        },
    ));
    let n = subheadings.len();
    checks.push(check(
        "subheadings_keyphrase",
        (n > 0).then_some(in_subheadings > 0 && (in_subheadings < n || n == 1)),
        format!("{in_subheadings} of {n}"),
    ));
    // refonte's own rule for its keyphrase: repeated in the body, not stuffed.
    checks.push(check(
        "keyphrase_density",
        Some(count >= 2 && density <= 2.5),
        format!("{count} in the body, {density:.2} per 100 words (≥ 2, ≤ 2.5 per 100)"),
    ));
    checks.push(match &r.meta.seo_title {
        None => check("seo_title", None, "none"),
        Some(t) => {
            let len = seo::printed_len(t);
            check(
                "seo_title",
                Some(seo::seo_title_fits(t)),
                format!(
                    "{len} characters (≤ {}), ≈ {} px (≤ {})",
                    seo::SEO_TITLE_MAX_CHARS,
                    seo::pixel_width(t).round(),
                    seo::SEO_TITLE_MAX_PIXELS
                ),
            )
        }
    });
    checks.push(match &r.meta.description {
        None => check("description", None, "none"),
        Some(d) => {
            let len = seo::printed_len(d);
            let has = count_in(d, keyphrase) > 0;
            check(
                "description",
                Some(seo::description_fits(d) && has),
                format!(
                    "{len} characters ({}–{}), keyphrase {}",
                    seo::DESCRIPTION_MIN_CHARS,
                    seo::DESCRIPTION_MAX_CHARS,
                    if has { "in" } else { "missing" }
                ),
            )
        }
    });
    checks.push(match &r.meta.slug {
        None => check("slug", None, "none"),
        Some(s) => check("slug", Some(is_slug(s)), s.clone()),
    });
    checks.push(check(
        "length",
        Some(length.words >= index.min_words),
        format!("{} words (≥ {})", length.words, index.min_words),
    ));
    // SPEC: 2–6 sections for 700–1,000 words; a longer body may have one per 150 words.
    let most = 6.max(length.words / 150);
    checks.push(check(
        "sections",
        Some((2..=most).contains(&n)),
        format!("{n} (2–{most})"),
    ));
    let mut section_words = vec![0usize; n];
    for (s, t) in &paragraphs {
        if let Some(k) = s
            && let Some(w) = section_words.get_mut(*k)
        {
            *w += count_words(t);
        }
    }
    // The smallest section, the first of equals.
    let smallest = section_words
        .iter()
        .enumerate()
        .min_by_key(|&(k, &w)| (w, k))
        .map(|(k, &w)| (k, w));
    checks.push(check(
        "section_words",
        smallest.map(|(_, w)| w >= 80),
        smallest.map_or("no sections".to_string(), |(k, w)| {
            format!("smallest {w} words (≥ 80): « {} »", subheadings[k])
        }),
    ));
    let longest = paragraphs
        .iter()
        .map(|(_, t)| count_words(t))
        .max()
        .unwrap_or(0);
    checks.push(check(
        "paragraph_words",
        Some(longest <= 150),
        format!("longest {longest} words (≤ 150)"),
    ));
    let grounded_n = subheadings.iter().filter(|h| grounded(h, index)).count();
    checks.push(check(
        "headings_grounded",
        (n > 0).then_some(grounded_n == n),
        format!("{grounded_n} of {n}"),
    ));
    let printed = r.printed();
    let extra = printed
        .iter()
        .map(|p| contraction_errors(p))
        .sum::<usize>()
        .saturating_sub(index.contractions);
    checks.push(check(
        "contractions",
        Some(extra == 0),
        format!("{extra} « de le / à les » more than the source"),
    ));
    let sentences = r.body_sentences();
    let repeated = repeated_words(&sentences);
    let ratio = if length.words > 0 {
        repeated as f64 / length.words as f64
    } else {
        0.0
    };
    checks.push(check(
        "repeats",
        Some(ratio <= 0.10),
        format!(
            "{repeated} words of sentences printed twice or more, {ratio:.2} of the body (≤ 0.10)"
        ),
    ));
    let meta = [&r.meta.seo_title, &r.meta.description, &r.meta.slug];
    let leaked = printed
        .iter()
        .chain(meta.into_iter().flatten())
        .map(|p| leaks(p))
        .sum::<usize>();
    checks.push(check(
        "leaks",
        Some(leaked == 0),
        format!("{leaked} request or boilerplate phrases"),
    ));
    Seo {
        h1,
        subheadings,
        keyphrase: keyphrase.to_string(),
        keyphrase_from: from,
        keyphrase_count: count,
        keyphrase_density: density,
        keyphrase_subheadings: in_subheadings,
        seo_title: r.meta.seo_title.clone(),
        description: r.meta.description.clone(),
        slug: r.meta.slug.clone(),
        checks,
    }
}

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
    let body_tokens = rouge::tokens(&sentences.join("\n"));
    let coverage = Coverage {
        source: rouge_report(&body_tokens, &index.body_tokens, MAX_LCS_CELLS),
        reference: reference.map(|t| rouge_report(&body_tokens, t, MAX_LCS_CELLS)),
    };
    CandidateReport {
        name: name.to_string(),
        faithfulness: faithfulness(r, index),
        seo: seo(r, index, &length, keyphrase, from),
        length,
        coverage,
    }
}

/// The comparison as a text table: one column per candidate, then the
/// hallucination candidates and failed checks of each, listed.
///
/// ROUGE and shares are printed × 100 (points), with two decimals.
pub fn table(c: &Comparison) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let s = &c.source;
    let _ = writeln!(
        out,
        "source: {} — {} words, {} sentences",
        s.name, s.words, s.sentences
    );
    if let Some(t) = &s.title {
        let _ = writeln!(out, "source title: {t}");
    }
    if let Some(r) = &c.reference {
        let _ = writeln!(
            out,
            "reference: {} — {} words, {} sentences",
            r.name, r.words, r.sentences
        );
    }
    if c.candidates.is_empty() {
        return out;
    }
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let group = |rows: &mut Vec<(String, Vec<String>)>, title: &str| {
        rows.push((title.to_string(), Vec::new()));
    };
    let row = |rows: &mut Vec<(String, Vec<String>)>,
               label: &str,
               f: &dyn Fn(&CandidateReport) -> String| {
        rows.push((format!("  {label}"), c.candidates.iter().map(f).collect()));
    };
    let pct = |x: f64| format!("{:.2}", 100.0 * x);
    let rf = |p: Option<Prf>| {
        p.map_or("-".to_string(), |p| {
            format!("{} / {}", pct(p.recall), pct(p.f1))
        })
    };
    group(&mut rows, "length");
    row(&mut rows, "words", &|r| r.length.words.to_string());
    row(&mut rows, "sentences", &|r| r.length.sentences.to_string());
    row(&mut rows, "sections (H2)", &|r| {
        r.length.sections.to_string()
    });
    row(&mut rows, "words per sentence", &|r| {
        format!("{:.1}", r.length.words_per_sentence)
    });
    row(&mut rows, "syllables per word", &|r| {
        format!("{:.2}", r.length.syllables_per_word)
    });
    row(&mut rows, "reading ease (Kandel-Moles)", &|r| {
        format!("{:.1}", r.length.flesch)
    });
    group(&mut rows, "coverage of the source, recall / F1");
    row(&mut rows, "ROUGE-1", &|r| {
        rf(Some(r.coverage.source.rouge1))
    });
    row(&mut rows, "ROUGE-2", &|r| {
        rf(Some(r.coverage.source.rouge2))
    });
    row(&mut rows, "ROUGE-L", &|r| rf(r.coverage.source.rouge_l));
    if c.reference.is_some() {
        group(&mut rows, "coverage of the reference, recall / F1");
        let refr = |r: &CandidateReport, k: usize| {
            r.coverage.reference.map_or("-".to_string(), |x| {
                rf([Some(x.rouge1), Some(x.rouge2), x.rouge_l][k])
            })
        };
        row(&mut rows, "ROUGE-1", &|r| refr(r, 0));
        row(&mut rows, "ROUGE-2", &|r| refr(r, 1));
        row(&mut rows, "ROUGE-L", &|r| refr(r, 2));
    }
    group(&mut rows, "faithfulness");
    row(&mut rows, "novel unigrams %", &|r| {
        pct(r.faithfulness.novel_unigrams)
    });
    row(&mut rows, "novel bigrams %", &|r| {
        pct(r.faithfulness.novel_bigrams)
    });
    row(&mut rows, "names not in the source", &|r| {
        r.faithfulness.new_names.len().to_string()
    });
    row(&mut rows, "numbers not in the source", &|r| {
        r.faithfulness.new_numbers.len().to_string()
    });
    row(&mut rows, "dates not in the source", &|r| {
        r.faithfulness.new_dates.len().to_string()
    });
    row(&mut rows, "quotations not word for word", &|r| {
        format!(
            "{} of {}",
            r.faithfulness.unmatched_quotations.len(),
            r.faithfulness.quotations
        )
    });
    group(&mut rows, "structure and SEO");
    row(&mut rows, "keyphrase", &|r| {
        format!("{} ({})", r.seo.keyphrase, r.seo.keyphrase_from)
    });
    row(&mut rows, "keyphrase in body / density %", &|r| {
        format!("{} / {:.2}", r.seo.keyphrase_count, r.seo.keyphrase_density)
    });
    row(&mut rows, "subheadings with keyphrase", &|r| {
        format!(
            "{} of {}",
            r.seo.keyphrase_subheadings,
            r.seo.subheadings.len()
        )
    });
    row(&mut rows, "SEO title / description chars", &|r| {
        let n = |s: &Option<String>| {
            s.as_ref()
                .map_or("-".to_string(), |t| t.chars().count().to_string())
        };
        format!("{} / {}", n(&r.seo.seo_title), n(&r.seo.description))
    });
    let names: Vec<&'static str> = c.candidates[0].seo.checks.iter().map(|k| k.name).collect();
    for (k, name) in names.iter().enumerate() {
        row(&mut rows, &format!("check {name}"), &|r| {
            r.seo.checks.get(k).map_or("-".to_string(), |x| match x.ok {
                Some(true) => "ok".to_string(),
                Some(false) => "FAIL".to_string(),
                None => "-".to_string(),
            })
        });
    }
    row(&mut rows, "checks passed", &|r| {
        let applicable = r.seo.checks.iter().filter(|x| x.ok.is_some()).count();
        let passed = r.seo.checks.iter().filter(|x| x.ok == Some(true)).count();
        format!("{passed} of {applicable}")
    });

    let width = |s: &str| s.chars().count();
    // Columns are headed by file names without their directories.
    let heads: Vec<&str> = c
        .candidates
        .iter()
        .map(|r| r.name.rsplit(['/', '\\']).next().unwrap_or(&r.name))
        .collect();
    let label_w = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let col_w: Vec<usize> = (0..c.candidates.len())
        .map(|k| {
            rows.iter()
                .filter_map(|(_, v)| v.get(k).map(|x| width(x)))
                .chain([width(heads[k])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    out.push('\n');
    let _ = write!(out, "{:label_w$}", "");
    for (k, head) in heads.iter().enumerate() {
        let _ = write!(out, "  {:>w$}", head, w = col_w[k]);
    }
    out.push('\n');
    for (label, values) in &rows {
        let _ = write!(out, "{label}");
        if !values.is_empty() {
            let _ = write!(out, "{:pad$}", "", pad = label_w - width(label));
            for (k, v) in values.iter().enumerate() {
                let _ = write!(out, "  {:>w$}", v, w = col_w[k]);
            }
        }
        out.push('\n');
    }
    // The lists behind the counts.
    for r in &c.candidates {
        let f = &r.faithfulness;
        let failed: Vec<String> = r
            .seo
            .checks
            .iter()
            .filter(|x| x.ok == Some(false))
            .map(|x| format!("{} ({})", x.name, x.detail))
            .collect();
        let lists: [(&str, Vec<String>); 5] = [
            ("name", f.new_names.clone()),
            ("number", f.new_numbers.clone()),
            ("date", f.new_dates.clone()),
            (
                "quotation",
                f.unmatched_quotations
                    .iter()
                    .map(|q| format!("« {} »", crate::document::shorten(q, 70)))
                    .collect(),
            ),
            ("failed check", failed),
        ];
        if lists.iter().all(|(_, v)| v.is_empty()) {
            continue;
        }
        let _ = writeln!(out, "\n{}:", r.name);
        for (what, items) in lists {
            for item in items {
                let _ = writeln!(out, "  {what:<12}  {item}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_french_separators() {
        assert_eq!(
            number_strings("6 400 habitants, 3,5 %, 1.200 euros, en 2018 20 personnes, le G20"),
            ["6 400", "3,5", "1.200", "2018", "20", "20"]
        );
    }

    #[test]
    fn numbers_in_words_have_their_value() {
        let cases = [
            ("cinq", Some(5)),
            ("Vingt-deux", Some(22)),
            ("vingt-et-un", Some(21)),
            ("quatre-vingts", Some(80)),
            ("quatre-vingt-dix", Some(90)),
            ("soixante-dix", Some(70)),
            ("deux-cents", Some(200)),
            ("trois-mille", Some(3000)),
            ("un", None),
            ("neuf", None),
            ("porte-parole", None),
        ];
        for (w, v) in cases {
            assert_eq!(number_word_value(w), v, "{w}");
        }
    }

    #[test]
    fn contractions_leaks_and_repeats_are_found() {
        assert_eq!(
            contraction_errors("Le maire de le village parle à les habitants."),
            2
        );
        assert_eq!(
            contraction_errors("Il a décidé de le faire et de les suivre."),
            0
        );
        assert_eq!(
            leaks("Make this article SEO compatible, create at least 700 words"),
            3
        );
        assert_eq!(leaks("Un article de 700 mots sur la Loire."), 0);
        let s = |t: &str| t.to_string();
        let body = [
            s("La digue sera reconstruite sur un kilomètre."),
            s("Les travaux commencent à l’automne."),
            s("La digue sera reconstruite sur un kilomètre !"),
        ];
        assert_eq!(repeated_words(&body), 7);
    }

    #[test]
    fn words_are_counted_as_refonte_counts_them() {
        let s = "L’État a dit : « porte-parole » -- 3,5 % d’ici l’an 2024 ' - fin";
        assert_eq!(words(s).len(), count_words(s));
        assert_eq!(words("l’État porte-parole"), ["l’État", "porte-parole"]);
    }

    #[test]
    fn rouge_l_is_left_out_over_the_bound() {
        let a = rouge::tokens("le chat dort sur le tapis");
        let b = rouge::tokens("le chien dort sur le lit");
        let full = rouge_report(&a, &b, 36);
        assert!((full.rouge_l.unwrap().f1 - 4.0 / 6.0).abs() < 1e-12);
        let bounded = rouge_report(&a, &b, 35);
        assert_eq!(bounded.rouge_l, None);
        assert_eq!(bounded.rouge1, full.rouge1);
    }

    #[test]
    fn reading_ease_follows_kandel_and_moles() {
        let s = length_stats(&["Le chat dort.".to_string()], 0);
        // 3 words, 3 syllables, 1 sentence: 207 − 1.015 × 3 − 73.6 × 1.
        assert_eq!((s.words, s.sentences), (3, 1));
        assert!((s.flesch - (207.0 - 1.015 * 3.0 - 73.6)).abs() < 1e-9);
    }
}
