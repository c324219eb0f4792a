//! What every data file must be, whatever its format: a header naming its
//! source and licence, NFC text, one apostrophe form, no stray spaces, and
//! each entry once in its section.

use super::files::File;
use super::read::LexiconError;
use unicode_normalization::UnicodeNormalization;

/// Files whose entries are patterns or substrings written as the code reads
/// them: a straight apostrophe or a trailing space may be part of an entry.
const VERBATIM: &[&str] = &["fr/boilerplate.txt", "fr/code_markers.txt"];

/// Tables keyed by their first column (one line per form or name); in the
/// other files a whole entry must be unique.
const KEYED: &[&str] = &[
    "fr/countries.txt",
    "fr/function_words.tsv",
    "fr/pos.tsv",
    "fr/regions.txt",
];

/// Every fault of `file`, in line order (empty when it is well formed).
pub fn check(file: File) -> Vec<LexiconError> {
    let mut faults = Vec::new();
    check_header(file, &mut faults);
    if !file.text.nfc().eq(file.text.chars()) {
        faults.push(LexiconError::at(file, 0, "the text is not in NFC"));
    }
    let verbatim = VERBATIM.contains(&file.name);
    let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
    for (k, raw) in file.text.lines().enumerate() {
        let line = k + 1;
        let entry = raw.trim();
        if entry.is_empty() || entry.starts_with('#') {
            continue;
        }
        if entry.starts_with('[') && entry.ends_with(']') {
            seen.clear();
            continue;
        }
        if !verbatim && entry.contains('\'') {
            faults.push(LexiconError::at(
                file,
                line,
                format!("straight apostrophe in {entry:?} (write ’)"),
            ));
        }
        if !verbatim && raw != entry {
            faults.push(LexiconError::at(
                file,
                line,
                format!("stray spaces around {entry:?}"),
            ));
        }
        let key = match KEYED.contains(&file.name) {
            true => entry.split('\t').next().unwrap_or(entry),
            false => entry,
        };
        if !seen.insert(key) {
            faults.push(LexiconError::at(
                file,
                line,
                format!("{key:?} twice in its section"),
            ));
        }
    }
    faults
}

/// The leading `#` lines must name the file's source and licence.
fn check_header(file: File, faults: &mut Vec<LexiconError>) {
    let header: Vec<String> = file
        .text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(str::to_lowercase)
        .collect();
    if header.is_empty() {
        faults.push(LexiconError::at(file, 1, "no `#` header"));
        return;
    }
    for (what, needle) in [("source", "source:"), ("licence", "licence:")] {
        if !header.iter().any(|l| l.contains(needle)) {
            faults.push(LexiconError::at(
                file,
                1,
                format!("the header names no {what} (a line with `{needle}`)"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::files::FILES;
    use super::*;

    #[test]
    fn every_file_is_well_formed() {
        let faults: Vec<String> = FILES
            .iter()
            .flat_map(|&f| check(f))
            .map(|e| e.to_string())
            .collect();
        assert!(faults.is_empty(), "{}", faults.join("\n"));
    }

    #[test]
    fn faults_name_the_file_and_line() {
        let bad = File {
            name: "test/bad.txt",
            text: "# bad.txt\n# Source: a test.\nl'État\nmot \n[s]\nmot\nmot\n",
        };
        let faults: Vec<String> = check(bad).iter().map(|e| e.to_string()).collect();
        assert_eq!(
            faults,
            [
                "lexicons/test/bad.txt:1: the header names no licence (a line with `licence:`)",
                "lexicons/test/bad.txt:3: straight apostrophe in \"l'État\" (write ’)",
                "lexicons/test/bad.txt:4: stray spaces around \"mot\"",
                "lexicons/test/bad.txt:7: \"mot\" twice in its section",
            ]
        );
        let decomposed = File {
            name: "test/nfd.txt",
            text: "# Source: x\n# Licence: y\ncafe\u{301}\n",
        };
        assert_eq!(check(decomposed).len(), 1);
    }
}
