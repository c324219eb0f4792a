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
use crate::model::SentenceOut;
use crate::summarize::Length;
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::io::{self, BufRead, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::{Duration, Instant};

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
    /// Input lines skipped because the output already answers them (`--resume`).
    pub skipped: usize,
}

/// Records processed per parallel chunk: enough to keep every core busy,
/// few enough that memory stays flat.
pub const CHUNK_LINES: usize = 512;
/// A chunk also ends once it holds this many bytes of input.
pub const CHUNK_BYTES: usize = 16 * 1024 * 1024;
/// Finished records are flushed to the output at least this often, so that
/// a killed run leaves them on disk.
pub const FLUSH_EVERY: Duration = Duration::from_millis(100);

/// One input line to answer.
enum Line {
    /// The line's bytes, without its line end.
    Bytes(Vec<u8>),
    /// A line longer than the limit, not kept in memory: its length in bytes.
    TooLong(usize),
}

/// One input line of a chunk.
struct Entry {
    /// Its 1-based line number.
    line_no: usize,
    line: Line,
    /// Input bytes it accounts for: its own, line end included, and those of
    /// the lines skipped just before it (`--resume`).
    bytes: u64,
    /// Lines skipped just before it.
    skipped: usize,
}

/// One chunk of input lines.
#[derive(Default)]
struct Chunk {
    entries: Vec<Entry>,
    /// Lines skipped after the last entry (only at the end of the input)
    /// and their bytes.
    tail_skipped: usize,
    tail_bytes: u64,
}

/// How far a running batch has got, as given to the observer of
/// [`run_with_progress`]. Everything counts from the start of this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Records answered (written to the output).
    pub records: usize,
    /// Of them, records answered with an error.
    pub failed: usize,
    /// Input lines skipped because the output already answers them (`--resume`).
    pub skipped: usize,
    /// Input bytes, line ends included, of the lines answered or skipped:
    /// of a file, the share of its size done.
    pub bytes: u64,
}

/// The longest line kept for a record whose text may hold `max_bytes`:
/// JSON escapes can make a text up to six times longer.
fn line_limit(max_bytes: usize) -> usize {
    max_bytes.saturating_mul(6).saturating_add(1 << 20)
}

/// Reads one line (up to `\n`, which is dropped) into `buf`, keeping at
/// most `limit` bytes. Returns, if a line was read at all, its full length
/// and the bytes consumed (its line end included); a line over the limit is
/// read to its end but not kept.
fn read_line_capped<R: BufRead>(
    input: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<(usize, u64)>> {
    let mut total = 0usize;
    let mut any = false;
    loop {
        let available = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some((total, total as u64)));
        }
        any = true;
        let (piece, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i + 1)),
            None => (available, None),
        };
        total += piece.len();
        if total <= limit {
            buf.extend_from_slice(piece);
        } else if !buf.is_empty() {
            buf.clear();
            buf.shrink_to(0);
        }
        let used = done.unwrap_or(piece.len());
        input.consume(used);
        if done.is_some() {
            return Ok(Some((total, total as u64 + 1)));
        }
    }
}

/// Reads the next chunk; `line_no` counts the lines read so far. Lines that
/// `resume` says are answered already are counted in `skipped` and left out.
fn read_chunk<R: BufRead>(
    input: &mut R,
    line_no: &mut usize,
    limit: usize,
    resume: Option<&Resume>,
    skipped: &mut usize,
) -> io::Result<Chunk> {
    let mut chunk = Chunk::default();
    let mut bytes = 0;
    // Skipped lines not yet accounted to an entry.
    let (mut skip_lines, mut skip_bytes) = (0usize, 0u64);
    while chunk.entries.len() < CHUNK_LINES && bytes < CHUNK_BYTES {
        let mut buf = Vec::new();
        let Some((len, consumed)) = read_line_capped(input, &mut buf, limit)? else {
            break;
        };
        *line_no += 1;
        let line = if len > limit {
            if resume.is_some_and(|r| r.done_lines >= *line_no) {
                None
            } else {
                Some(Line::TooLong(len))
            }
        } else {
            while buf.last().is_some_and(|&b| b == b'\r') {
                buf.pop();
            }
            if resume.is_some_and(|r| r.skips(*line_no, &buf)) {
                None
            } else {
                bytes += buf.len();
                Some(Line::Bytes(buf))
            }
        };
        match line {
            None => {
                *skipped += 1;
                skip_lines += 1;
                skip_bytes += consumed;
            }
            Some(line) => {
                chunk.entries.push(Entry {
                    line_no: *line_no,
                    line,
                    bytes: skip_bytes + consumed,
                    skipped: skip_lines,
                });
                (skip_lines, skip_bytes) = (0, 0);
            }
        }
    }
    chunk.tail_skipped = skip_lines;
    chunk.tail_bytes = skip_bytes;
    Ok(chunk)
}

/// What an earlier, interrupted run already answered, read from its output
/// file: the ids it answered, and how many lines it wrote.
///
/// A record with an id is skipped when an output line carries the same id
/// (compared as written in JSON); a line without one (or that is not JSON)
/// is skipped when the output already has that many lines, since output
/// lines follow input lines one for one.
#[derive(Debug, Clone, Default)]
pub struct Resume {
    ids: FxHashSet<String>,
    /// Complete lines in the earlier output.
    pub done_lines: usize,
    /// How many of them are error records.
    pub failed: usize,
    /// Bytes of the earlier output that are complete lines: anything after
    /// them (a line cut short when the run was killed) is to be dropped.
    pub valid_len: usize,
}

#[derive(Deserialize)]
struct IdOnly<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct OkOnly {
    #[serde(default)]
    ok: Option<bool>,
}

/// The id of a JSON line as written, if it has a non-null one.
fn raw_id(line: &[u8]) -> Option<String> {
    if crate::input::check_json_depth(line).is_err() {
        return None;
    }
    let rec: IdOnly = serde_json::from_slice(line).ok()?;
    let id = rec.id?.get();
    (id != "null").then(|| id.to_string())
}

impl Resume {
    /// Reads an earlier run's output. A last line without its line end, or
    /// one that is not a JSON object, is not counted.
    pub fn from_output(output: &[u8]) -> Resume {
        Resume::from_reader(output).unwrap_or_default()
    }

    /// Reads an earlier run's output line by line (see [`Resume::from_output`]).
    pub fn from_reader<R: BufRead>(mut output: R) -> io::Result<Resume> {
        let mut r = Resume::default();
        let mut line = Vec::new();
        loop {
            line.clear();
            if output.read_until(b'\n', &mut line)? == 0 || line.last() != Some(&b'\n') {
                break;
            }
            let body = &line[..line.len() - 1];
            let complete = crate::input::check_json_depth(body).is_ok()
                && serde_json::from_slice::<&RawValue>(body)
                    .is_ok_and(|v| v.get().starts_with('{'));
            if !complete {
                break;
            }
            if let Some(id) = raw_id(body) {
                r.ids.insert(id);
            }
            if serde_json::from_slice::<OkOnly>(body).is_ok_and(|o| o.ok == Some(false)) {
                r.failed += 1;
            }
            r.done_lines += 1;
            r.valid_len += line.len();
        }
        Ok(r)
    }

    /// True when input line `line_no` is answered already.
    pub fn skips(&self, line_no: usize, line: &[u8]) -> bool {
        match raw_id(line) {
            Some(id) => self.ids.contains(&id),
            None => line_no <= self.done_lines,
        }
    }
}

/// Runs a batch from `input` to `output`. Fails only on I/O errors; bad
/// records are answered in the output.
pub fn run<R: BufRead + Send, W: Write>(
    refonte: &Refonte,
    input: R,
    output: W,
    task: &Task,
) -> io::Result<BatchStats> {
    run_resumed(refonte, input, output, task, None)
}

/// Runs a batch, skipping the input lines that `resume` says an earlier run
/// answered (see [`Resume`]). Every other line gets exactly one output line,
/// in input order.
///
/// Reading the next chunk overlaps processing the current one, and each
/// record is written as soon as it and those before it are done, with a
/// flush at least every [`FLUSH_EVERY`] and at the end of every chunk.
pub fn run_resumed<R: BufRead + Send, W: Write>(
    refonte: &Refonte,
    input: R,
    output: W,
    task: &Task,
    resume: Option<&Resume>,
) -> io::Result<BatchStats> {
    run_with_progress(refonte, input, output, task, resume, &|_| {})
}

/// Runs a batch as [`run_resumed`] does, telling `progress` how far it has
/// got after every record written (and after skipped lines at the end of the
/// input). The observer is called on the calling thread, in input order, as
/// often as records are written: it should be cheap, and rate-limit any
/// drawing itself. It sees nothing of the output, which it cannot change.
pub fn run_with_progress<R: BufRead + Send, W: Write>(
    refonte: &Refonte,
    mut input: R,
    mut output: W,
    task: &Task,
    resume: Option<&Resume>,
    progress: &dyn Fn(&Progress),
) -> io::Result<BatchStats> {
    let mut stats = BatchStats::default();
    let mut done = Progress::default();
    let mut line_no = 0usize;
    let limit = line_limit(refonte.max_bytes());
    // Compile the lazily built patterns while the first chunk is read.
    rayon::spawn(crate::fr::lexicon::warm_up);
    if matches!(task, Task::Rewrite { .. }) {
        rayon::spawn(crate::fr::lexicon::warm_up_tagging);
    }
    let mut current = read_chunk(&mut input, &mut line_no, limit, resume, &mut stats.skipped)?;
    loop {
        let next = if current.entries.is_empty() {
            None
        } else {
            let (tx, rx) = mpsc::channel::<(usize, String, bool)>();
            let work = &current.entries;
            let (next, written) = std::thread::scope(|scope| {
                scope.spawn(move || {
                    work.par_iter().enumerate().for_each_with(tx, |tx, (k, e)| {
                        let (json, ok) = match &e.line {
                            Line::Bytes(b) => process_line(refonte, b, e.line_no, task),
                            Line::TooLong(len) => {
                                let err = Error::TooLarge {
                                    size: *len,
                                    limit: refonte.max_bytes(),
                                };
                                (error_json(None, e.line_no, &err), false)
                            }
                        };
                        let _ = tx.send((k, json, ok));
                    });
                });
                let next = read_chunk(&mut input, &mut line_no, limit, resume, &mut stats.skipped);
                let written = write_in_order(&rx, work, &mut output, &mut done, progress);
                (next, written)
            });
            written?;
            Some(next)
        };
        if current.tail_skipped > 0 {
            done.skipped += current.tail_skipped;
            done.bytes += current.tail_bytes;
            progress(&done);
        }
        match next {
            Some(next) => current = next?,
            None => break,
        }
    }
    stats.records = done.records;
    stats.failed = done.failed;
    debug_assert_eq!(stats.skipped, done.skipped);
    Ok(stats)
}

/// Writes the results of a chunk's `entries` in order as they arrive,
/// counting each in `done` and telling `progress`. What is written is
/// flushed once [`FLUSH_EVERY`] has passed since the last flush, or as soon
/// as no result came for that long.
fn write_in_order<W: Write>(
    rx: &mpsc::Receiver<(usize, String, bool)>,
    entries: &[Entry],
    output: &mut W,
    done: &mut Progress,
    progress: &dyn Fn(&Progress),
) -> io::Result<()> {
    let mut pending: Vec<Option<(String, bool)>> = (0..entries.len()).map(|_| None).collect();
    let mut next = 0;
    let mut last_flush = Instant::now();
    let mut dirty = false;
    loop {
        match rx.recv_timeout(FLUSH_EVERY) {
            Ok((k, json, ok)) => {
                pending[k] = Some((json, ok));
                while let Some((json, ok)) = pending.get_mut(next).and_then(Option::take) {
                    output.write_all(json.as_bytes())?;
                    output.write_all(b"\n")?;
                    done.records += 1;
                    if !ok {
                        done.failed += 1;
                    }
                    done.skipped += entries[next].skipped;
                    done.bytes += entries[next].bytes;
                    progress(done);
                    next += 1;
                    dirty = true;
                }
                if dirty && last_flush.elapsed() >= FLUSH_EVERY {
                    output.flush()?;
                    last_flush = Instant::now();
                    dirty = false;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if dirty {
                    output.flush()?;
                    last_flush = Instant::now();
                    dirty = false;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    output.flush()
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

/// Answers one input line: (JSON text, succeeded). Never panics: a panic
/// inside refonte is caught and answered as the record's `internal` error.
pub fn process_line(refonte: &Refonte, line: &[u8], line_no: usize, task: &Task) -> (String, bool) {
    guarded(line, line_no, || answer_line(refonte, line, line_no, task))
}

/// Runs `f`, answering a panic as the line's `internal` error record.
fn guarded(line: &[u8], line_no: usize, f: impl FnOnce() -> (String, bool)) -> (String, bool) {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(answer) => answer,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            let err = Error::Internal { message: what };
            // The id is echoed when the line can be read at all.
            let id = catch_unwind(|| raw_id(line)).ok().flatten();
            let id = id
                .as_deref()
                .and_then(|i| serde_json::from_str::<&RawValue>(i).ok());
            (error_json(id, line_no, &err), false)
        }
    }
}

fn answer_line(refonte: &Refonte, line: &[u8], line_no: usize, task: &Task) -> (String, bool) {
    if line.iter().all(u8::is_ascii_whitespace) {
        let err = Error::Json {
            message: "empty line".into(),
        };
        return (error_json(None, line_no, &err), false);
    }
    if line.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        // serde would read a JSON array as a struct's fields in order.
        let err = match std::str::from_utf8(line) {
            Err(u) => Error::InvalidUtf8 {
                offset: u.valid_up_to(),
            },
            Ok(_) => Error::Json {
                message: "expected a JSON object".into(),
            },
        };
        return (error_json(None, line_no, &err), false);
    }
    if let Err(err) = crate::input::check_json_depth(line) {
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
    match answer(refonte, &record, task) {
        Ok(json) => (json, true),
        Err(err) => (error_json(record.id, line_no, &err), false),
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
            .map_err(|_| Error::WrongType {
                field: field.into(),
                expected: "a string".into(),
            }),
    }
}

fn count_field(raw: Option<&RawValue>, field: &str) -> Result<Option<usize>, Error> {
    match raw {
        None => Ok(None),
        Some(r) => serde_json::from_str::<Option<u64>>(r.get())
            .map(|v| v.map(|n| n as usize))
            .map_err(|_| Error::WrongType {
                field: field.into(),
                expected: "a non-negative integer".into(),
            }),
    }
}

fn article_of(record: &RecordIn) -> Result<Article, Error> {
    let text = string_field(record.text, "text")?.ok_or(Error::MissingText)?;
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
    fn a_panic_is_the_records_internal_error() {
        let line = br#"{"id": "x", "text": "Le conseil a vote."}"#;
        let (json, ok) = guarded(line, 3, || panic!("boom"));
        assert!(!ok);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["id"], "x");
        assert_eq!(v["line"], 3);
        assert_eq!(v["code"], "internal");
        assert_eq!(v["error"], "internal error (please report it): boom");
        let (json, _) = guarded(b"{not json", 4, || panic!("{}", String::from("again")));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["id"], serde_json::Value::Null);
        assert_eq!(v["error"], "internal error (please report it): again");
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
                failed: 4,
                skipped: 0
            }
        );
        assert_eq!(out[0]["ok"], true);
        assert_eq!(out[0]["id"], "a");
        assert_eq!(out[1]["line"], 2);
        assert_eq!(out[1]["code"], "bad_json");
        assert_eq!(out[2]["code"], "missing_text");
        assert_eq!(out[2]["id"], 3);
        assert_eq!(
            out[3]["error"],
            "malformed JSON record: expected a JSON object"
        );
        assert_eq!(out[4]["code"], "wrong_type");
        assert_eq!(out[5]["ok"], true);
    }

    /// Runs `input` with an observer; returns the output, the stats and every
    /// progress report.
    fn run_observed(input: &[u8], resume: Option<&Resume>) -> (Vec<u8>, BatchStats, Vec<Progress>) {
        let refonte = Refonte::default();
        let mut out = Vec::new();
        let seen = std::cell::RefCell::new(Vec::new());
        let stats = run_with_progress(
            &refonte,
            input,
            &mut out,
            &Task::Summarize(Length::Sentences(1)),
            resume,
            &|p| seen.borrow_mut().push(*p),
        )
        .unwrap();
        (out, stats, seen.into_inner())
    }

    /// Records over several chunks: good ones, bad ones, a blank line, a
    /// CRLF line end and no line end at the end.
    fn many_records() -> Vec<u8> {
        let mut input = Vec::new();
        for i in 0..CHUNK_LINES * 2 + 37 {
            let line = match i % 7 {
                0 => format!(
                    "{{\"id\": {i}, \"text\": \"La mairie a voté le budget. Les travaux commencent en mars.\"}}\n"
                ),
                1 => format!("{{\"id\": {i}}}\r\n"),
                2 => "\n".to_string(),
                _ => format!("{{\"id\": {i}, \"text\": 5}}\n"),
            };
            input.extend_from_slice(line.as_bytes());
        }
        input.extend_from_slice(b"{\"id\": \"last\"}");
        input
    }

    #[test]
    fn progress_counts_every_record_failure_and_byte_in_order() {
        let input = many_records();
        let (out, stats, seen) = run_observed(&input, None);
        let lines = CHUNK_LINES * 2 + 38;
        assert_eq!(stats.records, lines);
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), lines);
        // One report per record, each one record further, never going back.
        assert_eq!(seen.len(), lines);
        for (i, p) in seen.iter().enumerate() {
            assert_eq!(p.records, i + 1);
            assert_eq!(p.skipped, 0);
        }
        assert!(
            seen.windows(2)
                .all(|w| w[0].bytes < w[1].bytes && w[0].failed <= w[1].failed)
        );
        let last = seen.last().unwrap();
        assert_eq!(last.bytes, input.len() as u64);
        assert_eq!((last.records, last.failed), (stats.records, stats.failed));
        let failed = String::from_utf8(out.clone())
            .unwrap()
            .lines()
            .filter(|l| l.contains("\"ok\":false"))
            .count();
        assert_eq!(stats.failed, failed);
        assert!(failed > 0 && failed < lines);
        // The observer changes nothing of the output.
        let mut plain = Vec::new();
        let refonte = Refonte::default();
        let task = Task::Summarize(Length::Sentences(1));
        run(&refonte, &input[..], &mut plain, &task).unwrap();
        assert_eq!(out, plain);
    }

    #[test]
    fn progress_counts_skipped_lines_where_they_are() {
        let input = many_records();
        let (full, _, _) = run_observed(&input, None);
        // An earlier run answered the first 600 lines: they are skipped (by
        // id, the blank ones by line number), and only they.
        let cut = full
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(599)
            .unwrap()
            .0;
        let resume = Resume::from_output(&full[..=cut]);
        let (out, stats, seen) = run_observed(&input, Some(&resume));
        assert_eq!(stats.skipped + stats.records, CHUNK_LINES * 2 + 38);
        assert_eq!(out, full[cut + 1..]);
        let last = seen.last().unwrap();
        assert_eq!(last.skipped, stats.skipped);
        assert_eq!(last.records, stats.records);
        assert_eq!(last.failed, stats.failed);
        assert_eq!(last.bytes, input.len() as u64);
        // The first report already counts the 600 lines skipped before it.
        assert_eq!((seen[0].records, seen[0].skipped), (1, 600));
        // Everything answered: only skipped lines, reported once at the end.
        let resume = Resume::from_output(&full);
        let (out, stats, seen) = run_observed(&input, Some(&resume));
        assert!(out.is_empty());
        assert_eq!(stats.records, 0);
        assert_eq!(
            seen,
            vec![Progress {
                records: 0,
                failed: 0,
                skipped: CHUNK_LINES * 2 + 38,
                bytes: input.len() as u64,
            }]
        );
    }
}
