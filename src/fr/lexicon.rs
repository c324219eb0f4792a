//! French language data, loaded from the plain files under `lexicons/fr/`.
//!
//! The files are compiled into the binary (no file is read at run time) and
//! parsed once, on first use, into [`Lexicons`]. Every file has a `#` header
//! naming its source and licence; entries are one per line, NFC, with the
//! typographic apostrophe `’`.

use aho_corasick::AhoCorasick;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The raw files, compiled in.
mod raw {
    pub const STOP_REMOVE: &str = include_str!("../../lexicons/fr/stopwords_remove.txt");
    pub const STOP_ADD: &str = include_str!("../../lexicons/fr/stopwords_add.txt");
    pub const ABBREVIATIONS: &str = include_str!("../../lexicons/fr/abbreviations.txt");
    pub const TITLES: &str = include_str!("../../lexicons/fr/titles.txt");
    pub const REPORTING: &str = include_str!("../../lexicons/fr/reporting_verbs.txt");
    pub const BOILERPLATE: &str = include_str!("../../lexicons/fr/boilerplate.txt");
    pub const CODE_MARKERS: &str = include_str!("../../lexicons/fr/code_markers.txt");
    pub const ANAPHORA: &str = include_str!("../../lexicons/fr/anaphora.txt");
    pub const CONNECTORS: &str = include_str!("../../lexicons/fr/connectors.txt");
    pub const DATES: &str = include_str!("../../lexicons/fr/dates.txt");
    pub const H_ASPIRE: &str = include_str!("../../lexicons/fr/h_aspire.txt");
    pub const TITLE_LABELS: &str = include_str!("../../lexicons/fr/title_labels.txt");
    pub const POS: &str = include_str!("../../lexicons/fr/pos.tsv");
}

/// The relation a section-opening connector expresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// `Par ailleurs`, `En outre`.
    Addition,
    /// `Pourtant`, `Cependant`.
    Contrast,
    /// `Dans ce contexte`.
    Context,
    /// `Dès lors`.
    Consequence,
    /// `Dans le même temps`.
    Time,
    /// `Enfin`.
    Last,
    /// `Sur un autre plan`: a change of subject, at a section's start only.
    Shift,
}

impl Relation {
    fn parse(s: &str) -> Option<Relation> {
        Some(match s {
            "addition" => Relation::Addition,
            "contrast" => Relation::Contrast,
            "context" => Relation::Context,
            "consequence" => Relation::Consequence,
            "time" => Relation::Time,
            "last" => Relation::Last,
            "shift" => Relation::Shift,
            _ => return None,
        })
    }
}

/// A connector of `connectors.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connector {
    /// The relation it expresses.
    pub relation: Relation,
    /// As written at a sentence's start, without its comma.
    pub text: String,
    /// True when Yoast's French analysis counts it as a transition word.
    pub transition: bool,
}

/// All French language data refonte uses.
#[derive(Debug)]
pub struct Lexicons {
    /// Curated stop words (lowercase).
    pub stop_words: FxHashSet<String>,
    /// Abbreviations after which a period never ends a sentence, without their final period.
    pub abbrev_never_end: FxHashSet<String>,
    /// Abbreviations whose period may also end a sentence (`etc.`), without the period.
    pub abbrev_may_end: FxHashSet<String>,
    /// Abbreviations with an inner period (`J.-C`), longest first, without the final period.
    pub dotted_abbreviations: Vec<String>,
    /// Titles and roles of people (lowercase, without accents, possibly several words).
    pub titles: FxHashSet<String>,
    /// Longest title in words.
    pub titles_max_words: usize,
    /// First words of the titles (lowercase, without accents): a cheap first test.
    pub title_first_words: FxHashSet<String>,
    /// Reporting verbs' forms (lowercase).
    pub reporting_verbs: FxHashSet<String>,
    /// Whole-line boilerplate patterns, compiled on first use.
    boilerplate: OnceLock<Boilerplate>,
    /// Substrings that mark a line of leftover code.
    pub code_markers: AhoCorasick,
    /// Sentence openers that refer back (pronouns and demonstratives).
    pub anaphoric_openers: FxHashSet<String>,
    /// Sentence openers that connect to what precedes (connectors).
    pub connector_openers: FxHashSet<String>,
    /// Longest anaphoric or connector opener in words.
    pub openers_max_words: usize,
    /// Connectors refonte may add at a section start, by relation, in file order.
    pub connectors: Vec<Connector>,
    /// Weekday names.
    pub weekdays: FxHashSet<String>,
    /// Month names.
    pub months: FxHashSet<String>,
    /// Month abbreviations, with their period.
    pub month_abbreviations: FxHashSet<String>,
    /// Relative date expressions (`hier`, `la veille`).
    pub relative_dates: FxHashSet<String>,
    /// Words beginning with an aspirated h (no elision before them).
    pub h_aspire: FxHashSet<String>,
    /// Labels a site puts before a headline (`vidéo`, `en direct`), lowercase.
    pub title_labels: FxHashSet<String>,
    /// The part-of-speech lexicon.
    pub pos: PosLexicon,
}

static LEXICONS: OnceLock<Lexicons> = OnceLock::new();

/// The French lexicons, parsed on first use.
pub fn lexicons() -> &'static Lexicons {
    LEXICONS.get_or_init(Lexicons::load)
}

/// Builds every lazily built part of the lexicons now (batch mode calls it
/// on another thread while the first records are read).
pub fn warm_up() {
    let l = lexicons();
    let _ = l.boilerplate.get_or_init(Boilerplate::compile);
}

/// Builds the part-of-speech index now: the rewrite tags words, and on
/// another thread this overlaps with reading and cleaning the input.
pub fn warm_up_tagging() {
    let _ = lexicons().pos.get("");
}

/// Entries of a data file: trimmed, non-empty lines that are not `#` comments.
pub fn entries(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Entries of a data file grouped under `# name` section headers.
fn sections(file: &str) -> Vec<(String, Vec<&str>)> {
    let mut out: Vec<(String, Vec<&str>)> = Vec::new();
    for line in file.lines().map(str::trim) {
        if line.is_empty() {
            continue;
        }
        if let Some(h) = line.strip_prefix('#') {
            let h = h.trim().to_lowercase();
            // Only short headers open a section; long ones are the file's description.
            if !h.is_empty() && h.split_whitespace().count() <= 6 && !h.contains(':') {
                out.push((h, Vec::new()));
            }
            continue;
        }
        match out.last_mut() {
            Some((_, v)) => v.push(line),
            None => out.push((String::new(), vec![line])),
        }
    }
    out
}

/// Normalises a lexicon or text entry for lookups: NFC is guaranteed by the
/// files; this lowercases and unifies the apostrophe.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\'' | '\u{2018}' | '\u{02BC}' => out.push('’'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c if !c.is_uppercase() => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Lowercase French letters without their accents (`é` → `e`, `ç` → `c`).
pub fn strip_accents(s: &str) -> String {
    s.chars().map(strip_accent).collect()
}

/// One lowercase French letter without its accent.
pub fn strip_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        c => c,
    }
}

fn set_of<'a>(it: impl Iterator<Item = &'a str>) -> FxHashSet<String> {
    it.map(fold).collect()
}

fn words_in(s: &str) -> usize {
    s.split_whitespace().count()
}

impl Lexicons {
    fn load() -> Lexicons {
        let removed = set_of(entries(raw::STOP_REMOVE));
        let mut stop_words: FxHashSet<String> = stop_words::get("fr")
            .iter()
            .map(|w| fold(w))
            .filter(|w| !removed.contains(w))
            .collect();
        stop_words.extend(entries(raw::STOP_ADD).map(fold));

        let mut abbrev_never_end = FxHashSet::default();
        let mut abbrev_may_end = FxHashSet::default();
        for (name, list) in sections(raw::ABBREVIATIONS) {
            let target = if name.contains("may") {
                &mut abbrev_may_end
            } else {
                &mut abbrev_never_end
            };
            for e in list {
                target.insert(e.trim_end_matches('.').to_string());
            }
        }

        let mut dotted_abbreviations: Vec<String> = abbrev_never_end
            .iter()
            .chain(abbrev_may_end.iter())
            .filter(|a| a.contains('.'))
            .cloned()
            .collect();
        dotted_abbreviations.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        // Capitals often lose their accents in the press ("secrétaire d’Etat"):
        // titles are matched without accents.
        let titles: FxHashSet<String> = entries(raw::TITLES)
            .map(|t| strip_accents(&fold(t)))
            .collect();
        let titles_max_words = titles.iter().map(|t| words_in(t)).max().unwrap_or(1);
        let title_first_words = titles
            .iter()
            .filter_map(|t| t.split([' ', '’']).next().map(str::to_string))
            .collect();

        let mut anaphoric_openers = FxHashSet::default();
        let mut connector_openers = FxHashSet::default();
        for (name, list) in sections(raw::ANAPHORA) {
            let target = if name.contains("connector") {
                &mut connector_openers
            } else {
                &mut anaphoric_openers
            };
            target.extend(list.into_iter().map(fold));
        }
        let openers_max_words = anaphoric_openers
            .iter()
            .chain(connector_openers.iter())
            .map(|t| words_in(t))
            .max()
            .unwrap_or(1);

        let connectors = entries(raw::CONNECTORS)
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let relation = Relation::parse(cols.next()?.trim())?;
                let text = cols.next()?.trim().to_string();
                let transition = cols.next().is_some_and(|c| c.trim() == "transition");
                Some(Connector {
                    relation,
                    text,
                    transition,
                })
            })
            .collect();

        let mut weekdays = FxHashSet::default();
        let mut months = FxHashSet::default();
        let mut month_abbreviations = FxHashSet::default();
        let mut relative_dates = FxHashSet::default();
        for (name, list) in sections(raw::DATES) {
            let target = if name.contains("weekday") {
                &mut weekdays
            } else if name.contains("abbrev") {
                &mut month_abbreviations
            } else if name.contains("month") {
                &mut months
            } else {
                &mut relative_dates
            };
            target.extend(list.into_iter().map(fold));
        }

        // Markers may end with a meaningful space (`var `): lines are not trimmed.
        let markers: Vec<&str> = raw::CODE_MARKERS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .collect();
        let code_markers = AhoCorasick::new(markers).expect("code markers");

        Lexicons {
            stop_words,
            abbrev_never_end,
            abbrev_may_end,
            dotted_abbreviations,
            titles,
            titles_max_words,
            title_first_words,
            reporting_verbs: set_of(entries(raw::REPORTING)),
            boilerplate: OnceLock::new(),
            code_markers,
            anaphoric_openers,
            connector_openers,
            openers_max_words,
            connectors,
            weekdays,
            months,
            month_abbreviations,
            relative_dates,
            h_aspire: set_of(entries(raw::H_ASPIRE)),
            title_labels: set_of(entries(raw::TITLE_LABELS)),
            pos: PosLexicon::new(raw::POS),
        }
    }

    /// True when `lower` (a lowercase word) is a stop word.
    pub fn is_stop(&self, lower: &str) -> bool {
        self.stop_words.contains(lower)
    }

    /// True when the whole trimmed line is boilerplate (a share line, a credit, `Lire aussi`…).
    ///
    /// Lines of 300 bytes or more are article prose, never boilerplate.
    pub fn is_boilerplate_line(&self, line: &str) -> bool {
        let line = line.trim();
        if line.is_empty() || line.len() >= 300 {
            return false;
        }
        let b = self.boilerplate.get_or_init(Boilerplate::compile);
        b.lowercase.is_match(&line.to_lowercase()) || b.cased.iter().any(|r| r.is_match(line))
    }

    /// True when the line looks like leftover JavaScript or HTML rather than prose.
    pub fn is_code_line(&self, line: &str) -> bool {
        let line = line.trim();
        // Code when a marker opens the line or two different markers occur.
        let mut first = None;
        for m in self.code_markers.find_iter(line) {
            if m.start() == 0 || first.is_some_and(|p| p != m.pattern()) {
                return true;
            }
            first = Some(m.pattern());
        }
        false
    }
}

/// The boilerplate patterns, compiled.
#[derive(Debug)]
struct Boilerplate {
    /// Patterns without case-sensitive parts, as one alternation over the lowercased line.
    lowercase: Regex,
    /// Patterns with a case-sensitive part (`(?-i:…)`), each over the line as it is.
    cased: Vec<Regex>,
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
    fn compile() -> Boilerplate {
        const WORD: &str = "a-zA-Z0-9_À-ÖØ-öø-ÿŒœÆæ";
        let rewrite = |p: &str| {
            p.replace(r"\b", &format!("(?:[^{WORD}]|$)"))
                .replace(r"\d", "[0-9]")
                .replace(r"\w", &format!("[{WORD}]"))
        };
        let (cased, plain): (Vec<&str>, Vec<&str>) =
            entries(raw::BOILERPLATE).partition(|p| p.contains("(?-i:"));
        let alternation = plain
            .iter()
            .map(|p| format!("(?:{})", rewrite(p)))
            .collect::<Vec<_>>()
            .join("|");
        // The patterns are part of the build: a bad one is a bug caught by the tests.
        let lowercase =
            Regex::new(&alternation).unwrap_or_else(|_| Regex::new("$^").expect("static regex"));
        let cased = cased
            .iter()
            .filter_map(|p| Regex::new(&format!("(?i){}", rewrite(p))).ok())
            .collect();
        Boilerplate { lowercase, cased }
    }
}

/// Coarse part of speech of a French word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// Common noun.
    Noun,
    /// Adjective.
    Adj,
    /// Verb.
    Verb,
    /// Auxiliary (forms of `être` and `avoir`).
    Aux,
    /// Adverb.
    Adv,
    /// Preposition.
    Prep,
    /// Conjunction.
    Conj,
    /// Article.
    Art,
    /// Determiner other than an article (possessive, demonstrative, numeral…).
    Det,
    /// Pronoun.
    Pron,
    /// Anything else (interjections…).
    Other,
}

impl Pos {
    fn parse(s: &str) -> Pos {
        match s {
            "NOM" => Pos::Noun,
            "ADJ" => Pos::Adj,
            "VER" => Pos::Verb,
            "AUX" => Pos::Aux,
            "ADV" => Pos::Adv,
            "PRE" => Pos::Prep,
            "CON" => Pos::Conj,
            "ART" => Pos::Art,
            "DET" => Pos::Det,
            "PRO" => Pos::Pron,
            _ => Pos::Other,
        }
    }
}

/// One word form's entry in the part-of-speech lexicon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PosEntry {
    /// Categories of the form's readings, most frequent first (`NOM|ADJ`).
    pub tags: &'static str,
    /// `m`, `f` or `-`.
    pub gender: char,
    /// `s`, `p` or `-`.
    pub number: char,
    /// Frequency per million words, as the table writes it (see [`PosEntry::freq`]).
    freq_text: &'static str,
    /// Lemma of the most frequent reading.
    pub lemma: &'static str,
    /// The first of `tags`, read once.
    first: Pos,
    /// One bit per category of `tags` (bit `Pos as u16`).
    categories: u16,
}

impl PosEntry {
    /// Frequency per million words (0 when the table has none).
    pub fn freq(&self) -> f32 {
        self.freq_text.parse().unwrap_or(0.0)
    }

    /// The most frequent reading's category.
    pub fn pos(&self) -> Pos {
        self.first
    }

    /// True when any reading of the form has category `pos`.
    pub fn has(&self, pos: Pos) -> bool {
        self.categories & (1 << pos as u16) != 0
    }
}

/// The part-of-speech lexicon: a table of word forms read in place. Its
/// hash index (form → line) is built on the first lookup, in about two
/// milliseconds, so that runs that never tag words do not pay for it; an
/// entry's fields are cut from its line at each lookup (parsing all 44,000
/// lines up front would cost more start-up than a batch saves).
#[derive(Debug)]
pub struct PosLexicon {
    /// The table's lines, without the header.
    data: &'static str,
    /// Each form's line, as byte offsets `(start, end)` into `data`.
    index: OnceLock<FxHashMap<&'static str, (u32, u32)>>,
}

impl PosLexicon {
    fn new(file: &'static str) -> PosLexicon {
        // Skip the header: the table starts at the first line not starting with '#'.
        let mut start = 0;
        for line in file.split_inclusive('\n') {
            if line.starts_with('#') || line.trim().is_empty() {
                start += line.len();
            } else {
                break;
            }
        }
        PosLexicon {
            data: &file[start..],
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &FxHashMap<&'static str, (u32, u32)> {
        self.index.get_or_init(|| {
            let data = self.data;
            let mut index =
                FxHashMap::with_capacity_and_hasher(data.len() / 30, rustc_hash::FxBuildHasher);
            let mut start = 0;
            for line in data.split_inclusive('\n') {
                let end = start + line.len();
                let line = line.trim_end_matches(['\n', '\r']);
                let form = &line[..line.find('\t').unwrap_or(0)];
                if !form.is_empty() {
                    // The table is sorted and has one line per form; keep the first.
                    index
                        .entry(form)
                        .or_insert((start as u32, (start + line.len()) as u32));
                }
                start = end;
            }
            index
        })
    }

    /// Number of word forms.
    pub fn len(&self) -> usize {
        self.index().len()
    }

    /// True when the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.index().is_empty()
    }

    /// Looks up a lowercase word form.
    pub fn get(&self, form: &str) -> Option<PosEntry> {
        let &(start, end) = self.index().get(form)?;
        parse_pos_line(&self.data[start as usize..end as usize])
    }
}

fn parse_pos_line(line: &'static str) -> Option<PosEntry> {
    // Six tab-separated fields: form, tags, gender, number, frequency, lemma.
    let mut fields = [""; 6];
    let mut n = 0;
    let mut start = 0;
    for (i, b) in line.bytes().enumerate() {
        if b == b'\t' && n < 5 {
            fields[n] = &line[start..i];
            n += 1;
            start = i + 1;
        }
    }
    fields[n] = &line[start..];
    if n < 4 {
        return None;
    }
    let letter = |f: &str| f.chars().next().unwrap_or('-');
    let tags = fields[1];
    let categories = tags
        .split('|')
        .fold(0u16, |m, t| m | (1 << Pos::parse(t) as u16));
    Some(PosEntry {
        tags,
        gender: letter(fields[2]),
        number: letter(fields[3]),
        freq_text: fields[4],
        lemma: fields[5],
        first: Pos::parse(tags.split('|').next().unwrap_or("")),
        categories,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_boilerplate_pattern_compiles() {
        for p in entries(raw::BOILERPLATE) {
            assert!(
                regex::Regex::new(&format!("(?i){p}")).is_ok(),
                "bad pattern {p}"
            );
        }
    }

    #[test]
    fn data_files_are_normalised() {
        for (name, file) in [
            ("stopwords_remove", raw::STOP_REMOVE),
            ("stopwords_add", raw::STOP_ADD),
            ("titles", raw::TITLES),
            ("reporting_verbs", raw::REPORTING),
            ("anaphora", raw::ANAPHORA),
            ("connectors", raw::CONNECTORS),
            ("dates", raw::DATES),
            ("h_aspire", raw::H_ASPIRE),
            ("title_labels", raw::TITLE_LABELS),
        ] {
            for e in entries(file) {
                assert!(!e.contains('\''), "{name}: straight apostrophe in {e:?}");
                assert_eq!(e, e.trim(), "{name}: stray spaces in {e:?}");
            }
        }
    }

    #[test]
    fn pos_table_is_sorted_by_bytes() {
        let lex = &lexicons().pos;
        let mut prev = "";
        for line in lex.data.lines() {
            let form = line.split('\t').next().unwrap();
            assert!(prev < form, "pos.tsv not sorted at {prev:?} / {form:?}");
            prev = form;
        }
    }

    #[test]
    fn pos_lookup_finds_common_words() {
        let pos = &lexicons().pos;
        assert!(pos.get("ministre").is_some_and(|e| e.has(Pos::Noun)));
        assert!(pos.get("chinois").is_some_and(|e| e.has(Pos::Adj)));
        assert!(pos.get("la").is_some_and(|e| e.has(Pos::Art)));
        assert!(pos.get("qzxw").is_none());
        assert!(pos.get("").is_none());
    }

    #[test]
    fn stop_list_is_curated() {
        let l = lexicons();
        for w in ["le", "la", "de", "et", "qu’", "l’", "dans"] {
            assert!(l.is_stop(w), "{w} should be a stop word");
        }
        for w in ["ministre", "président", "fait", "nouveau", "personnes"] {
            assert!(!l.is_stop(w), "{w} should not be a stop word");
        }
    }

    #[test]
    fn boilerplate_lines_are_recognised() {
        let l = lexicons();
        assert!(l.is_boilerplate_line("Source link -57"));
        assert!(l.is_boilerplate_line("Lire aussi : la réforme des retraites"));
        assert!(
            !l.is_boilerplate_line("Le ministre a lu aussi le rapport de la Cour des comptes.")
        );
    }
}
