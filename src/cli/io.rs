//! Reading the input named on the command line and writing the output:
//! size limits, the article's format, broken pipes, resuming a batch's
//! output file.

use super::args::Common;
use crate::{EXIT_IO, EXIT_NOINPUT, EXIT_USAGE, Failure};
use refonte::Error;
use refonte::batch;
use refonte::input::{self, Article, Format};
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};

/// Reads the article named on the command line (`-` or nothing: stdin) with
/// the options, `title` overriding any title found in the input.
pub fn read_article(
    file: Option<&str>,
    common: &Common,
    title: Option<String>,
) -> Result<Article, Failure> {
    let bytes = read_input(file, common.engine.max_bytes)?;
    article_of(&bytes, file, common, title)
}

/// Reads the whole input named on the command line (`-` or nothing: stdin),
/// refusing it as too large without holding more than `limit` bytes
/// (`--max-bytes`, with room for the escapes of a JSON record) in memory.
pub fn read_input(file: Option<&str>, max_bytes: usize) -> Result<Vec<u8>, Failure> {
    let limit = max_bytes.saturating_mul(6).saturating_add(1 << 20);
    let (name, reader): (String, Box<dyn Read>) = match file {
        None | Some("-") => ("standard input".into(), Box::new(io::stdin().lock())),
        Some(path) => (path.to_string(), Box::new(open_input(path)?)),
    };
    let read_error = |e: io::Error| Failure::new(EXIT_NOINPUT, format!("cannot read {name}: {e}"));
    let mut bytes = Vec::new();
    let mut reader = reader.take(limit as u64 + 1);
    reader.read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() > limit {
        // Count the rest without keeping it, to name the size.
        let rest = io::copy(&mut reader.into_inner(), &mut io::sink()).map_err(read_error)?;
        let err = Error::TooLarge {
            size: bytes.len() + rest as usize,
            limit: max_bytes,
        };
        return Err(Failure::data(&err));
    }
    Ok(bytes)
}

fn open_input(path: &str) -> Result<File, Failure> {
    File::open(path).map_err(|e| Failure::new(EXIT_NOINPUT, format!("cannot open {path}: {e}")))
}

/// Builds the article from the input bytes, its file name and the options.
fn article_of(
    bytes: &[u8],
    file: Option<&str>,
    common: &Common,
    title: Option<String>,
) -> Result<Article, Failure> {
    let text = input::decode(bytes).map_err(|e| Failure::data(&e))?;
    let mut format: Format = common.input_format.into();
    if format == Format::Auto {
        format = file.map(Format::from_path).unwrap_or(Format::Auto);
    }
    if format == Format::Auto {
        format = Format::sniff(text);
    }
    let mut article = if format == Format::Json {
        input::check_json_depth(text.as_bytes()).map_err(|e| Failure::data(&e))?;
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            Failure::data(&Error::Json {
                message: e.to_string(),
            })
        })?;
        input::article_from_json(&value).map_err(|e| Failure::data(&e))?
    } else {
        Article {
            text: text.to_string(),
            format,
            ..Article::default()
        }
    };
    if title.is_some() {
        article.title = title;
    }
    Ok(article)
}

/// The JSONL input of a batch (`-` or nothing: stdin), and its size when it
/// is a regular file and `want_size` (for the progress meter).
pub fn open_lines(
    file: Option<&str>,
    want_size: bool,
) -> Result<(Box<dyn BufRead + Send>, Option<u64>), Failure> {
    const BUFFER: usize = 1 << 20;
    match file {
        None | Some("-") => {
            let size = if want_size { stdin_size() } else { None };
            Ok((
                Box::new(BufReader::with_capacity(BUFFER, io::stdin())),
                size,
            ))
        }
        Some(path) => {
            let f = open_input(path)?;
            let size = if want_size { file_size(&f) } else { None };
            Ok((Box::new(BufReader::with_capacity(BUFFER, f)), size))
        }
    }
}

/// The bytes left to read of `f` when it is a regular file (the total of the
/// progress bar); `None` for a pipe, a terminal or a device.
fn file_size(f: &File) -> Option<u64> {
    let meta = f.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    let mut f = f;
    let pos = f.stream_position().ok()?;
    Some(meta.len().saturating_sub(pos))
}

/// The bytes left on standard input when it is a regular file (`< FILE`).
#[cfg(unix)]
fn stdin_size() -> Option<u64> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    file_size(&File::from(fd))
}

#[cfg(not(unix))]
fn stdin_size() -> Option<u64> {
    None
}

/// The output named on the command line (`-` or nothing: stdout), buffered.
pub fn open_output(path: Option<&str>) -> Result<Box<dyn Write>, Failure> {
    match path {
        None | Some("-") => Ok(Box::new(io::BufWriter::new(io::stdout().lock()))),
        Some(p) => {
            let f = File::create(p)
                .map_err(|e| Failure::new(EXIT_IO, format!("cannot create {p}: {e}")))?;
            Ok(Box::new(io::BufWriter::new(f)))
        }
    }
}

/// Writes `text` to the output named on the command line (`-` or nothing: stdout).
pub fn write_output(path: Option<&str>, text: &str) -> Result<(), Failure> {
    write_all(&mut *open_output(path)?, text)
}

fn write_all(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .or_else(ignore_broken_pipe)
        .map_err(|e| Failure::new(EXIT_IO, format!("cannot write the output: {e}")))
}

/// A reader that went away (`refonte … | head`) is not a failure.
pub fn ignore_broken_pipe(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}

/// `value` as indented JSON, with a final newline.
pub fn pretty_json(value: &impl Serialize) -> Result<String, Failure> {
    let mut s =
        serde_json::to_string_pretty(value).map_err(|e| Failure::new(EXIT_IO, e.to_string()))?;
    s.push('\n');
    Ok(s)
}

/// Opens an earlier batch output to append to it: reads what it answers,
/// and cuts off a last line the interrupted run left incomplete.
pub fn open_resumed(path: &str) -> Result<(Box<dyn Write>, batch::Resume), Failure> {
    if path == "-" {
        return Err(Failure::new(
            EXIT_USAGE,
            "--resume needs an output file (-o FILE) [usage]",
        ));
    }
    let io_err = |e: io::Error| Failure::new(EXIT_IO, format!("cannot resume {path}: {e}"));
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(io_err)?;
    let resume = batch::Resume::from_reader(BufReader::new(&mut f)).map_err(io_err)?;
    f.set_len(resume.valid_len as u64).map_err(io_err)?;
    f.seek(SeekFrom::End(0)).map_err(io_err)?;
    Ok((Box::new(io::BufWriter::new(f)), resume))
}
