//! The boilerplate patterns of `lexicons/fr/boilerplate.txt`, compiled.

use super::files::BOILERPLATE;
use super::read::{LexiconError, numbered};
use regex::Regex;

/// The boilerplate patterns, compiled.
#[derive(Debug)]
pub struct Boilerplate {
    /// Patterns without case-sensitive parts, as one alternation over the lowercased line.
    lowercase: Regex,
    /// Patterns with a case-sensitive part (`(?-i:…)`), each over the line as it is.
    cased: Vec<Regex>,
}

/// Letters of French words, for the rewritten `\w` and `\b`.
const WORD: &str = "a-zA-Z0-9_À-ÖØ-öø-ÿŒœÆæ";

/// A pattern of the file in the form that is compiled (see [`Boilerplate::compile`]).
fn rewrite(p: &str) -> String {
    p.replace(r"\b", &format!("(?:[^{WORD}]|$)"))
        .replace(r"\d", "[0-9]")
        .replace(r"\w", &format!("[{WORD}]"))
}

/// The first pattern that does not compile, as an error at its line.
fn bad_pattern() -> LexiconError {
    for (line, p) in numbered(BOILERPLATE) {
        if let Err(e) = Regex::new(&format!("(?i){}", rewrite(p))) {
            let first = e.to_string().lines().last().unwrap_or("").to_string();
            return LexiconError::at(BOILERPLATE, line, format!("bad pattern {p:?}: {first}"));
        }
    }
    LexiconError::at(BOILERPLATE, 0, "the patterns do not compile together")
}

impl Boilerplate {
    /// Compiling costs milliseconds, so it waits for the first short line.
    ///
    /// The file's patterns are written for a case-insensitive Unicode match;
    /// they are rewritten here into forms that compile several times faster
    /// and run on the lazy DFA: lowercase input instead of `(?i)`, and small
    /// explicit classes instead of Unicode `\w`, `\d` and `\b` (every `\b`
    /// in the file ends a word and is followed by `.*`, so "a non-word
    /// character or the end" is the same test).
    pub fn compile() -> Result<Boilerplate, LexiconError> {
        type Lines = Vec<(usize, &'static str)>;
        let (cased, plain): (Lines, Lines) =
            numbered(BOILERPLATE).partition(|(_, p)| p.contains("(?-i:"));
        let alternation = plain
            .iter()
            .map(|(_, p)| format!("(?:{})", rewrite(p)))
            .collect::<Vec<_>>()
            .join("|");
        let lowercase = Regex::new(&alternation).map_err(|_| bad_pattern())?;
        let cased = cased
            .iter()
            .map(|(_, p)| Regex::new(&format!("(?i){}", rewrite(p))).map_err(|_| bad_pattern()))
            .collect::<Result<_, _>>()?;
        Ok(Boilerplate { lowercase, cased })
    }

    /// True when the whole trimmed, short line matches a pattern.
    pub fn is_match(&self, line: &str) -> bool {
        self.lowercase.is_match(&crate::fr::lowercase(line))
            || self.cased.iter().any(|r| r.is_match(line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_alone_and_together() {
        for (line, p) in numbered(BOILERPLATE) {
            assert!(
                Regex::new(&format!("(?i){}", rewrite(p))).is_ok(),
                "line {line}: bad pattern {p}"
            );
        }
        assert!(Boilerplate::compile().is_ok());
    }
}
