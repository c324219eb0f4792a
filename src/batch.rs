//! Batch mode: JSONL records in, one JSONL result per input line out, in
//! input order, processed in parallel.
//!
//! A record is `{"id", "title", "text", …options}`; the id is echoed byte for
//! byte. A line that cannot be processed yields
//! `{"id", "ok": false, "line", "error", "code"}` and the run goes on. Lines
//! are read and written in chunks, so memory stays flat however long the
//! input, and every finished chunk is on disk before the next is read.

use crate::Refonte;
use crate::error::Error;
use crate::input::{Article, Format};
use crate::summarize::{Length, SentenceOut};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::io::{self, BufRead, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What to do with each record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    /// The extractive summary (`sentences` or `words` fields override the length).
    Summarize(Length),
    /// The SEO rewrite, printed as SPEC §7 JSON (`title`, `keyphrase` and
    /// `min_words` fields override the defaults given here).
    Rewrite {
        /// Word floor for records without `min_words` (else the rewrite's default).
        min_words: Option<usize>,
        /// Base URL of canonical links in the HTML.
        base_url: Option<String>,
    },
}

/// Counts of a finished batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchStats {
    /// Input lines answered.
    pub records: usize,
    /// Records answered with an error.
    pub failed: usize,
}

/// Records processed per parallel chunk: enough to keep every core busy,
/// few enough that a killed run loses little and memory stays flat.
pub const CHUNK_LINES: usize = 512;
/// A chunk also ends once it holds this many bytes of input.
pub const CHUNK_BYTES: usize = 16 * 1024 * 1024;

/// One chunk of input lines with their 1-based line numbers.
type Chunk = Vec<(usize, Vec<u8>)>;

/// Reads the next chunk; `line_no` counts the lines read so far.
fn read_chunk<R: BufRead>(input: &mut R, line_no: &mut usize) -> io::Result<Chunk> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while chunk.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
        let mut buf = Vec::new();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        *line_no += 1;
        while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            buf.pop();
        }
        bytes += buf.len();
        chunk.push((*line_no, buf));
    }
    Ok(chunk)
}

/// Runs a batch from `input` to `output`. Fails only on I/O errors; bad
/// records are answered in the output.
///
/// Reading the next chunk overlaps processing the current one.
pub fn run<R: BufRead + Send, W: Write>(
    refonte: &Refonte,
    mut input: R,
    mut output: W,
    task: &Task,
) -> io::Result<BatchStats> {
    let mut stats = BatchStats::default();
    let mut line_no = 0usize;
    // Compile the lazily built patterns while the first chunk is read.
    rayon::spawn(crate::lexicon::warm_up);
    let mut current = read_chunk(&mut input, &mut line_no)?;
    while !current.is_empty() {
        let (next, results) = rayon::join(
            || read_chunk(&mut input, &mut line_no),
            || {
                current
                    .par_iter()
                    .map(|(n, line)| process_line(refonte, line, *n, task))
                    .collect::<Vec<(String, bool)>>()
            },
        );
        for (json, ok) in &results {
            output.write_all(json.as_bytes())?;
            output.write_all(b"\n")?;
            stats.records += 1;
            if !ok {
                stats.failed += 1;
            }
        }
        output.flush()?;
        current = next?;
    }
    Ok(stats)
}

#[derive(Deserialize)]
struct RecordIn<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
    #[serde(borrow, default)]
    keyphrase: Option<&'a RawValue>,
    #[serde(borrow, default)]
    min_words: Option<&'a RawValue>,
    #[serde(borrow, default)]
    sentences: Option<&'a RawValue>,
    #[serde(borrow, default)]
    words: Option<&'a RawValue>,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    id: Option<&'a RawValue>,
    ok: bool,
    line: usize,
    error: String,
    code: &'static str,
}

#[derive(Serialize)]
struct SummaryOut<'a> {
    id: Option<&'a RawValue>,
    ok: bool,
    summary: &'a str,
    sentences: &'a [SentenceOut],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
}

/// Answers one input line: (JSON text, succeeded).
pub fn process_line(refonte: &Refonte, line: &[u8], line_no: usize, task: &Task) -> (String, bool) {
    if line.iter().all(u8::is_ascii_whitespace) {
        let err = Error::Json {
            message: "empty line".into(),
        };
        return (error_json(None, line_no, &err), false);
    }
    if line.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        // serde would read a JSON array as a struct's fields in order.
        let err = Error::Json {
            message: "expected a JSON object".into(),
        };
        return (error_json(None, line_no, &err), false);
    }
    // The parser checks the UTF-8 of what it reads; a line it refuses is
    // checked as a whole to name the first bad byte.
    let record: RecordIn = match serde_json::from_slice(line) {
        Ok(r) => r,
        Err(e) => {
            let err = match std::str::from_utf8(line) {
                Err(u) => Error::InvalidUtf8 {
                    offset: u.valid_up_to(),
                },
                Ok(_) => Error::Json {
                    message: json_message(&e),
                },
            };
            return (error_json(None, line_no, &err), false);
        }
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| answer(refonte, &record, task)));
    match outcome {
        Ok(Ok(json)) => (json, true),
        Ok(Err(err)) => (error_json(record.id, line_no, &err), false),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            let err = Error::Internal { message: what };
            (error_json(record.id, line_no, &err), false)
        }
    }
}

fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    if msg.contains("expected struct RecordIn") {
        return "expected a JSON object".into();
    }
    msg
}

fn error_json(id: Option<&RawValue>, line: usize, err: &Error) -> String {
    let out = ErrorOut {
        id,
        ok: false,
        line,
        error: err.to_string(),
        code: err.code(),
    };
    serde_json::to_string(&out).unwrap_or_else(|_| String::from("{\"ok\":false}"))
}

fn string_field(raw: Option<&RawValue>, field: &str) -> Result<Option<String>, Error> {
    match raw {
        None => Ok(None),
        Some(r) => serde_json::from_str::<Option<Cow<str>>>(r.get())
            .map(|v| v.map(Cow::into_owned))
            .map_err(|_| Error::Field {
                field: field.into(),
                message: "expected a string".into(),
            }),
    }
}

fn count_field(raw: Option<&RawValue>, field: &str) -> Result<Option<usize>, Error> {
    match raw {
        None => Ok(None),
        Some(r) => serde_json::from_str::<Option<u64>>(r.get())
            .map(|v| v.map(|n| n as usize))
            .map_err(|_| Error::Field {
                field: field.into(),
                message: "expected a non-negative integer".into(),
            }),
    }
}

fn article_of(record: &RecordIn) -> Result<Article, Error> {
    let text = string_field(record.text, "text")?.ok_or_else(|| Error::Field {
        field: "text".into(),
        message: "missing".into(),
    })?;
    Ok(Article {
        text,
        title: string_field(record.title, "title")?,
        keyphrase: string_field(record.keyphrase, "keyphrase")?,
        min_words: count_field(record.min_words, "min_words")?,
        format: Format::Auto,
    })
}

fn answer(refonte: &Refonte, record: &RecordIn, task: &Task) -> Result<String, Error> {
    let mut article = article_of(record)?;
    match task {
        Task::Summarize(default) => {
            let length = match (
                count_field(record.sentences, "sentences")?,
                count_field(record.words, "words")?,
            ) {
                (Some(k), _) => Length::Sentences(k),
                (None, Some(n)) => Length::Words(n),
                (None, None) => *default,
            };
            let summary = refonte.summarize(&article, length)?;
            let out = SummaryOut {
                id: record.id,
                ok: true,
                summary: &summary.summary,
                sentences: &summary.sentences,
                warnings: &summary.warnings,
            };
            serde_json::to_string(&out).map_err(|e| Error::Internal {
                message: e.to_string(),
            })
        }
        Task::Rewrite {
            min_words,
            base_url,
        } => {
            if article.min_words.is_none() {
                article.min_words = *min_words;
            }
            let rewrite = refonte.rewrite(&article)?;
            let html = crate::render::Html {
                base_url: base_url.clone(),
            };
            Ok(crate::render::json(
                &rewrite,
                &html,
                record.id.or(Some(RawValue::NULL)),
                false,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_str(input: &str) -> (Vec<serde_json::Value>, BatchStats) {
        let refonte = Refonte::default();
        let mut out = Vec::new();
        let stats = run(
            &refonte,
            input.as_bytes(),
            &mut out,
            &Task::Summarize(Length::Sentences(1)),
        )
        .unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, stats)
    }

    #[test]
    fn bad_lines_get_error_records_and_the_run_goes_on() {
        let input = concat!(
            "{\"id\": \"a\", \"text\": \"La mairie a voté le budget. Les travaux commencent en mars.\"}\n",
            "{\"id\": 2, \"text\": \n",
            "{\"id\": 3}\n",
            "[1, 2]\n",
            "{\"id\": 4, \"text\": 5}\n",
            "{\"id\": 5.0, \"text\": \"Le conseil a tranché. La décision est définitive.\"}\n",
        );
        let (out, stats) = run_str(input);
        assert_eq!(out.len(), 6);
        assert_eq!(
            stats,
            BatchStats {
                records: 6,
                failed: 4
            }
        );
        assert_eq!(out[0]["ok"], true);
        assert_eq!(out[0]["id"], "a");
        assert_eq!(out[1]["line"], 2);
        assert_eq!(out[1]["code"], "malformed_json");
        assert_eq!(out[2]["code"], "bad_field");
        assert_eq!(out[2]["id"], 3);
        assert_eq!(
            out[3]["error"],
            "malformed JSON record: expected a JSON object"
        );
        assert_eq!(out[4]["code"], "bad_field");
        assert_eq!(out[5]["ok"], true);
    }
}
