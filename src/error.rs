//! The library's one error type.

use std::fmt;

/// Everything that can go wrong in refonte's library, each with a stable code.
///
/// The `Display` text is one line meant for a user: it names the problem and,
/// where it applies, the byte offset or the record's line.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input holds no text once markup and boilerplate are removed.
    #[error("the input has no article text{}", detail(.what))]
    Empty {
        /// What was found instead (for example "only a title").
        what: Option<String>,
    },
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
    /// A JSON record lacks a field or holds the wrong type.
    #[error("record field `{field}`: {message}")]
    Field {
        /// The field's name.
        field: String,
        /// What is wrong with it.
        message: String,
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
    /// A stable, machine-readable code for the error (used in JSON error records).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty { .. } => "empty",
            Error::InvalidUtf8 { .. } => "invalid_utf8",
            Error::Binary { .. } => "binary",
            Error::TooLarge { .. } => "too_large",
            Error::Json { .. } => "malformed_json",
            Error::Field { .. } => "bad_field",
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
