//! Reading the data files: entries, sections and columns, with the file and
//! line of anything malformed.

use super::files::File;
use std::fmt;

/// A malformed data file: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file's path under `lexicons/`.
    pub file: &'static str,
    /// The 1-based line (0 for the file as a whole).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lexicons/{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

impl LexiconError {
    /// An error at `line` of `file`.
    pub fn at(file: File, line: usize, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: file.name,
            line,
            message: message.into(),
        }
    }
}

/// Entries of a data file's text: trimmed, non-empty lines that are not `#` comments.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Entries of a file with their 1-based line numbers, trimmed.
pub fn numbered(file: File) -> impl Iterator<Item = (usize, &'static str)> {
    file.text
        .lines()
        .enumerate()
        .map(|(k, l)| (k + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// One `[name]` section of a file and its entries with their line numbers.
#[derive(Debug, Clone)]
pub struct Section {
    /// The name between the brackets.
    pub name: &'static str,
    /// Its entries, with their 1-based line numbers.
    pub entries: Vec<(usize, &'static str)>,
}

impl Section {
    /// The entries alone.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|&(_, e)| e)
    }
}

/// The sections of a file, which must be exactly `names`, in any order:
/// an entry before the first `[name]` line, an unknown or repeated section,
/// or a missing one is an error.
pub fn sections(file: File, names: &[&str]) -> Result<Vec<Section>, LexiconError> {
    let mut out: Vec<Section> = Vec::new();
    for (line, entry) in numbered(file) {
        if let Some(name) = entry.strip_prefix('[').and_then(|e| e.strip_suffix(']')) {
            if !names.contains(&name) {
                return Err(LexiconError::at(
                    file,
                    line,
                    format!("unknown section [{name}] (expected one of {names:?})"),
                ));
            }
            if out.iter().any(|s| s.name == name) {
                return Err(LexiconError::at(
                    file,
                    line,
                    format!("section [{name}] twice"),
                ));
            }
            out.push(Section {
                name,
                entries: Vec::new(),
            });
            continue;
        }
        match out.last_mut() {
            Some(s) => s.entries.push((line, entry)),
            None => {
                return Err(LexiconError::at(
                    file,
                    line,
                    "entry before the first [section] line",
                ));
            }
        }
    }
    if let Some(missing) = names.iter().find(|n| !out.iter().any(|s| s.name == **n)) {
        return Err(LexiconError::at(file, 0, format!("no section [{missing}]")));
    }
    Ok(out)
}

/// The section `name` of `sections` (which [`sections`] checked is there).
pub fn section<'s>(sections: &'s [Section], name: &str) -> &'s Section {
    static EMPTY: Section = Section {
        name: "",
        entries: Vec::new(),
    };
    sections.iter().find(|s| s.name == name).unwrap_or(&EMPTY)
}

/// The tab-separated columns of an entry, which must number `min..=max`.
pub fn columns(
    file: File,
    line: usize,
    entry: &'static str,
    min: usize,
    max: usize,
) -> Result<Vec<&'static str>, LexiconError> {
    let cols: Vec<&str> = entry.split('\t').map(str::trim).collect();
    if cols.len() < min || cols.len() > max || cols.iter().take(min).any(|c| c.is_empty()) {
        let want = if min == max {
            format!("{min}")
        } else {
            format!("{min} to {max}")
        };
        return Err(LexiconError::at(
            file,
            line,
            format!(
                "expected {want} tab-separated columns, found {}: {entry:?}",
                cols.len()
            ),
        ));
    }
    Ok(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: File = File {
        name: "test/good.txt",
        text: "# header\n[a]\nx\ny\n\n[b]\nz\n",
    };

    #[test]
    fn sections_are_read_with_their_lines() {
        let s = sections(GOOD, &["a", "b"]).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(section(&s, "a").entries, [(3, "x"), (4, "y")]);
        assert_eq!(section(&s, "b").words().collect::<Vec<_>>(), ["z"]);
    }

    #[test]
    fn malformed_sections_name_file_and_line() {
        let err = sections(GOOD, &["a"]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "lexicons/test/good.txt:6: unknown section [b] (expected one of [\"a\"])"
        );
        let err = sections(GOOD, &["a", "b", "c"]).unwrap_err();
        assert_eq!(err.line, 0);
        let orphan = File {
            name: "test/orphan.txt",
            text: "# h\nx\n[a]\n",
        };
        assert_eq!(sections(orphan, &["a"]).unwrap_err().line, 2);
    }

    #[test]
    fn columns_are_counted() {
        assert_eq!(columns(GOOD, 1, "a\tb", 2, 3).unwrap(), ["a", "b"]);
        let err = columns(GOOD, 7, "a", 2, 2).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("lexicons/test/good.txt:7: expected 2 tab-separated columns, found 1")
        );
    }
}
