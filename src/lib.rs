//! refonte rewrites a French news article into an SEO-ready French article
//! with no language model: a deterministic pipeline reads the article,
//! cleans it, segments it into paragraphs, sentences and tokens (with byte
//! spans into the input as given), analyses it (stems, stop words,
//! keyphrases, named entities, quotations, dates and numbers) and ranks its
//! sentences with TextRank.
//!
//! The pipeline, one module per stage:
//!
//! | stage | module | input → output |
//! |---|---|---|
//! | read | [`input`] | bytes → [`input::Article`] → [`input::Extracted`] text with an offset map |
//! | clean | [`normalize`] | text → [`normalize::Cleaned`] (NFC, apostrophes, guillemets, boilerplate) |
//! | segment | [`segment`] | cleaned text → [`segment::Segmented`] paragraphs, sentences, tokens |
//! | analyse | [`analyze`] | tokens → [`analyze::Terms`] and [`analyze::Facts`] |
//! | rank | [`rank`] | terms → [`rank::Ranking`] (weighted PageRank) |
//! | summarize | [`summarize`] | ranking → [`summarize::Summary`] |
//! | batch | [`batch`] | JSONL records → JSONL results, in order, in parallel |
//! | compare | [`compare`] | a source and its rewrites → [`compare::Comparison`] (length, ROUGE, hallucination candidates, SEO) |
//!
//! ```
//! use refonte::{Refonte, input::Article, summarize::Length};
//!
//! let refonte = Refonte::builder().build();
//! let article = Article {
//!     text: "La mairie a voté le budget mardi. Il prévoit une hausse des investissements. \
//!            Les travaux commenceront en mars."
//!         .into(),
//!     ..Article::default()
//! };
//! let summary = refonte.summarize(&article, Length::Sentences(1)).unwrap();
//! assert_eq!(summary.sentences.len(), 1);
//! ```
#![deny(missing_docs)]

pub mod analyze;
pub mod batch;
pub mod compare;
pub mod document;
pub mod error;
pub mod fr;
pub mod frame;
pub mod input;
pub mod language;
pub mod model;
pub mod normalize;
pub mod offsets;
pub mod parse;
pub mod rank;
pub mod render;
pub mod report;
pub mod rewrite;
pub mod rouge;
pub mod section;
pub mod segment;
pub mod select;
pub mod summarize;

pub use document::Document;
pub use error::{Error, Result};

use input::Article;
use rank::RankOptions;
use rewrite::RewriteOptions;
use summarize::{Length, Summary};

/// refonte's version, printed in every output: with the options it fixes the output.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Default per-record size limit: 5 MB.
pub const DEFAULT_MAX_BYTES: usize = 5 * 1024 * 1024;

/// Builds a [`Refonte`].
#[derive(Debug, Clone)]
pub struct RefonteBuilder {
    max_bytes: usize,
    force: bool,
    rank: RankOptions,
    rewrite: RewriteOptions,
}

impl RefonteBuilder {
    /// The largest input accepted, in bytes (default [`DEFAULT_MAX_BYTES`]).
    pub fn max_bytes(mut self, n: usize) -> Self {
        self.max_bytes = n;
        self
    }

    /// Process text that does not look French instead of refusing it with
    /// [`Error::NotFrench`] (default false).
    pub fn force(mut self, yes: bool) -> Self {
        self.force = yes;
        self
    }

    /// Ranking parameters (default [`RankOptions::default`]).
    pub fn rank_options(mut self, opts: RankOptions) -> Self {
        self.rank = opts;
        self
    }

    /// Rewrite options (default [`RewriteOptions::default`]).
    pub fn rewrite_options(mut self, opts: RewriteOptions) -> Self {
        self.rewrite = opts;
        self
    }

    /// The immutable, reusable engine.
    pub fn build(self) -> Refonte {
        // Parse the lexicons now rather than inside the first record.
        let _ = crate::fr::lexicon::lexicons();
        Refonte {
            max_bytes: self.max_bytes,
            force: self.force,
            rank: self.rank,
            rewrite: self.rewrite,
        }
    }
}

/// The engine: immutable once built, shared freely between threads.
#[derive(Debug, Clone)]
pub struct Refonte {
    max_bytes: usize,
    force: bool,
    rank: RankOptions,
    rewrite: RewriteOptions,
}

impl Default for Refonte {
    fn default() -> Self {
        Refonte::builder().build()
    }
}

impl Refonte {
    /// A builder with the default options.
    pub fn builder() -> RefonteBuilder {
        RefonteBuilder {
            max_bytes: DEFAULT_MAX_BYTES,
            force: false,
            rank: RankOptions::default(),
            rewrite: RewriteOptions::default(),
        }
    }

    /// Reads, cleans, segments and analyses an article.
    ///
    /// Refuses binary data ([`Error::Binary`]), input over the size limit
    /// ([`Error::TooLarge`]), input with no article text ([`Error::Empty`],
    /// [`Error::NoBody`]) or an endless sentence
    /// ([`Error::SentenceTooLong`]), and, unless forced, a body that does not
    /// read as French ([`Error::NotFrench`]).
    pub fn document(&self, article: &Article) -> Result<Document> {
        if article.text.len() <= self.max_bytes {
            input::check_text(&article.text)?;
        }
        let doc = Document::new(article, self.max_bytes)?;
        if !self.force {
            let body = doc.body_mask();
            let sentences = doc
                .seg
                .sentences
                .iter()
                .zip(body)
                .filter(|(_, b)| *b)
                .map(|(s, _)| s.span.of(&doc.text));
            language::check_french(&language::guess(sentences))?;
        }
        Ok(doc)
    }

    /// The largest input accepted, in bytes.
    pub fn max_bytes(&self) -> usize {
        self.max_bytes
    }

    /// The extractive summary of an article.
    pub fn summarize(&self, article: &Article, length: Length) -> Result<Summary> {
        let doc = self.document(article)?;
        Ok(summarize::summarize(&doc, length, &self.rank))
    }

    /// The SEO rewrite of an article.
    pub fn rewrite(&self, article: &Article) -> Result<model::Rewrite> {
        let doc = self.document(article)?;
        let hash = source_hash(&article.text);
        Ok(rewrite::rewrite(&doc, &self.rewrite, &self.rank, hash))
    }

    /// The rewrite options in use.
    pub fn rewrite_options(&self) -> &RewriteOptions {
        &self.rewrite
    }

    /// The ranking parameters in use.
    pub fn rank_options(&self) -> &RankOptions {
        &self.rank
    }
}

/// SHA-256 of a text, in lowercase hex.
pub fn source_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
