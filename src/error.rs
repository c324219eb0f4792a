//! The library's one error type.

use std::fmt;

/// Everything that can go wrong in refonte's library, each with a stable code.
///
/// The `Display` text is one line meant for a user: it names the problem and,
/// where it applies, the byte offset or the record's line.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is empty or holds only white space, markup or boilerplate.
    #[error("the input has no article text{}", detail(.what))]
    Empty {
        /// What was found instead (for example "only boilerplate").
        what: Option<String>,
    },
    /// The input has a title or headings but no body sentence.
    #[error("the input has a title or headings but no body text")]
    NoBody,
    /// The input is not valid UTF-8.
    #[error("the input is not valid UTF-8: invalid byte at offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input looks like binary data rather than text.
    #[error("the input looks like binary data, not text ({reason})")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// The body does not read as French.
    #[error(
        "the text does not look French: {looks_like} ({share}% of its words are {looks_like} stop words, {french_share}% French); use --force to process it anyway"
    )]
    NotFrench {
        /// The language it looks like, in English (`English`), or `no known language`.
        looks_like: String,
        /// Percentage of its words that are stop words of that language.
        share: u32,
        /// Percentage of its words that are French stop words.
        french_share: u32,
    },
    /// A sentence is too long to be a sentence (a paragraph with no sentence punctuation).
    #[error(
        "a sentence of {words} words at byte offset {offset} has no sentence-ending punctuation (limit {limit} words)"
    )]
    SentenceTooLong {
        /// Its number of words.
        words: usize,
        /// Byte offset of its start in the input as given.
        offset: usize,
        /// The limit in words.
        limit: usize,
    },
    /// The input is larger than the configured limit.
    #[error("the input is {size} bytes, over the limit of {limit} bytes (--max-bytes)")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A JSON record could not be read.
    #[error("malformed JSON record: {message}")]
    Json {
        /// What the JSON parser said.
        message: String,
    },
    /// A JSON record nests arrays or objects too deeply.
    #[error("JSON record nested more than {limit} levels deep at byte offset {offset}")]
    TooDeep {
        /// Byte offset of the bracket past the limit.
        offset: usize,
        /// The nesting limit.
        limit: usize,
    },
    /// A JSON record has no `text` field (or it is `null`).
    #[error("record has no `text` field")]
    MissingText,
    /// A JSON record's field holds the wrong type.
    #[error("record field `{field}`: expected {expected}")]
    WrongType {
        /// The field's name.
        field: String,
        /// The type it should hold ("a string", "a non-negative integer").
        expected: String,
    },
    /// A bug in refonte, caught so that one record cannot stop a batch.
    #[error("internal error (please report it): {message}")]
    Internal {
        /// What went wrong.
        message: String,
    },
    /// An option has a value refonte cannot use.
    #[error("invalid option {option}: {message}")]
    Option {
        /// The option's name.
        option: String,
        /// Why its value is refused.
        message: String,
    },
}

fn detail(what: &Option<String>) -> String {
    match what {
        Some(w) => format!(" ({w})"),
        None => String::new(),
    }
}

impl Error {
    /// A stable, machine-readable code for the error (used in JSON error
    /// records and printed after the message on the command line).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty { .. } => "empty",
            Error::NoBody => "no_body",
            Error::InvalidUtf8 { .. } => "invalid_utf8",
            Error::Binary { .. } => "binary",
            Error::NotFrench { .. } => "not_french",
            Error::SentenceTooLong { .. } => "sentence_too_long",
            Error::TooLarge { .. } => "too_large",
            Error::Json { .. } => "bad_json",
            Error::TooDeep { .. } => "too_deep",
            Error::MissingText => "missing_text",
            Error::WrongType { .. } => "wrong_type",
            Error::Internal { .. } => "internal",
            Error::Option { .. } => "bad_option",
        }
    }

    /// True when the error is about how refonte was called rather than about the data.
    pub fn is_usage(&self) -> bool {
        matches!(self, Error::Option { .. })
    }
}

/// Where an error happened in a batch: the record's line, and its id if known.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordError {
    /// 1-based line number in the batch input.
    pub line: usize,
    /// The error itself.
    pub error: Error,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.error)
    }
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
