//! French language data: every plain file under `lexicons/`, loaded and
//! checked in one place.
//!
//! The files are compiled into the binary ([`files`]: no file is read at run
//! time) and parsed once, on first use, into [`Lexicons`]. Every file has a
//! `#` header naming its source and licence; entries are one per line, NFC,
//! unique, with the typographic apostrophe `’` ([`check`] verifies it for
//! every file). A malformed entry is a [`LexiconError`] naming the file and
//! the line, never a silent default.

pub mod boilerplate;
pub mod check;
pub mod closed;
pub mod files;
pub mod pos;
pub mod read;

pub use closed::{Class, FunctionWord, FunctionWords};
pub use pos::{Pos, PosEntry, PosLexicon};
pub use read::{LexiconError, entries};

use aho_corasick::AhoCorasick;
use boilerplate::Boilerplate;
use read::{Section, columns, numbered, section, sections};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

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
    /// Reporting verbs that open indirect speech with `que` (`says_that.txt`).
    pub says_that: FxHashSet<String>,
    /// First- and second-person pronouns and possessives, which indirect
    /// speech would have to change (`says_that.txt`).
    pub speaker_words: FxHashSet<String>,
    /// Past participles of the same verbs, after `a` or `ont` (`a indiqué
    /// que`; `says_that.txt`).
    pub says_that_participles: FxHashSet<String>,
    /// Phrases of a request or a scraped page that must not reach an article (lowercase).
    pub leaks: Vec<String>,
    /// Whole-line boilerplate patterns, compiled on first use.
    boilerplate: OnceLock<Boilerplate>,
    /// Media brands that sign embedded video captions, as written, longest first.
    pub caption_credits: Vec<String>,
    /// Substrings that mark a line of leftover code.
    pub code_markers: AhoCorasick,
    /// Sentence openers that refer back (pronouns and demonstratives).
    pub anaphoric_openers: FxHashSet<String>,
    /// Sentence openers that connect to what precedes (connectors).
    pub connector_openers: FxHashSet<String>,
    /// Each start of a connector opener that ends with a word (before a
    /// space, after an apostrophe: `par` and `d’` of `par ailleurs`, `d’ores
    /// et déjà`): a phrase can be a connector only from one of these.
    pub connector_heads: FxHashSet<String>,
    /// Longest anaphoric or connector opener in words.
    pub openers_max_words: usize,
    /// Phrases that point back from anywhere in a sentence: times measured
    /// from what was said before (`le lendemain`, `quelques mois plus
    /// tard`), asides that set someone against a person named before
    /// (`quant à elle`, `lui aussi`); also among
    /// [`Lexicons::connector_openers`].
    pub pointing_back_inside: Vec<String>,
    /// Nouns after a demonstrative that date rather than point back
    /// (`cette année`, `ce stade`), from `anaphora.txt`.
    pub dating_nouns: FxHashSet<String>,
    /// Openers on `il` that name no one (`il faut`, `il y a`; anaphora.txt
    /// [impersonal]): the sentence does not lean on the one before.
    pub impersonal_openers: FxHashSet<String>,
    /// Connectors only when a comma follows them at once (`Depuis, …`),
    /// from `anaphora.txt`.
    pub connectors_before_comma: FxHashSet<String>,
    /// Words that answer a question (`oui`, `non`), from `anaphora.txt`.
    pub answer_words: FxHashSet<String>,
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
    /// Words that date the month or year after them without an article (`début`, `fin`).
    pub month_qualifiers: FxHashSet<String>,
    /// Parts of a day after a weekday (`soir`, `matin`).
    pub day_parts: FxHashSet<String>,
    /// Words after a date that date it from today (`dernier`, `prochain`).
    pub after_date: FxHashSet<String>,
    /// Each word of the five lists above but the abbreviations, with the
    /// lists it is in: the tagger reads a word's lists in one lookup.
    date_lists: FxHashMap<String, u8>,
    /// Words beginning with an aspirated h (no elision before them).
    pub h_aspire: FxHashSet<String>,
    /// Labels a site puts before a headline (`vidéo`, `en direct`), lowercase.
    pub title_labels: FxHashSet<String>,
    /// Function words of 4 letters or more that never name a heading's topic (`avec`, `être`).
    pub topic_stopwords: FxHashSet<String>,
    /// Vulgar or insulting words, never printed in a heading or title.
    pub vulgar: FxHashSet<String>,
    /// Nouns too general to be a focus keyphrase (`cas`, `fin`, `millions`).
    pub weak_nouns: FxHashSet<String>,
    /// General nouns that stand for something named before (`mesure`,
    /// `institution`): a sentence read alone cannot open on one.
    pub shell_nouns: FxHashSet<String>,
    /// Nouns that name a news case, with the article of their gender, not
    /// elided (`meurtre` → `le`, `affaire` → `la`; `case_nouns.txt`).
    pub case_nouns: FxHashMap<String, String>,
    /// Verbs that attribute a quotation as the text writes them after it
    /// (`raconté`, `explique`), each with the present a title uses after
    /// one (`raconte`, `explique`), and whether it says how the words were
    /// meant (`dénonce`: `toned`; `quote_verbs.txt`).
    pub quote_verbs: FxHashMap<String, (String, bool)>,
    /// How a lead says that someone died, longest first (`s’est éteinte`;
    /// `death_phrases.txt`).
    pub death_phrases: Vec<String>,
    /// French number words, folded, with their values (`numbers.txt`; not
    /// `un`, `une`, articles too, nor `neuf`, also an adjective).
    pub number_words: FxHashMap<String, u64>,
    /// Nouns that name a person by a tie to someone (`fils`, `collègue`).
    pub relation_nouns: FxHashSet<String>,
    /// Connectors a description strikes from inside a sentence (`en effet`,
    /// `par ailleurs`): they carry no fact.
    pub inner_connectors: FxHashSet<String>,
    /// Words that elide their last vowel before a vowel sound (`le`, `que`, `jusque`).
    pub elidable: FxHashSet<String>,
    /// Vowel-initial words that take no elision (`onze`, `oui`).
    pub no_elision: FxHashSet<String>,
    /// Words in `y` + vowel that are vowel-initial (`yeux`, `Yonne`).
    pub y_vowel: FxHashSet<String>,
    /// Forms before which `ce` becomes `c’` (`est`, `était`, `en`).
    pub ce_elides_before: FxHashSet<String>,
    /// What an elided clitic leaves before its apostrophe (`l`, `qu`, `jusqu`), lowercase.
    pub elided_prefixes: FxHashSet<String>,
    /// First parts of words written with an elision that are no clitic (`quelqu`).
    pub elided_word_parts: FxHashSet<String>,
    /// Honorifics before a name, as written (`M.`, `Mme`, `Mgr`).
    pub honorifics: FxHashSet<String>,
    /// Capitalised words that open an institution's name (`Conseil`, `Banque`).
    pub organisations: FxHashSet<String>,
    /// Surnames after a `Le` that does not contract (`pen` of `Le Pen`), lowercase.
    pub surnames_after_le: FxHashSet<String>,
    /// Units and currencies after which a number takes a no-break space.
    pub unit_symbols: Vec<String>,
    /// SI units that take the prefixes of [`Lexicons::si_prefixes`].
    pub si_units: Vec<String>,
    /// SI prefixes, the empty one first.
    pub si_prefixes: Vec<String>,
    /// Words that make one quantity with the number before them (`%`, `millions`, `ans`).
    pub quantity_words: FxHashSet<String>,
    /// Units of time after a number (`heures`, `jours`, `ans`).
    pub time_units: FxHashSet<String>,
    /// Endings of finite verbs in the third person (`ent`, `ait`), for words the lexicon lacks.
    pub finite_endings: Vec<String>,
    /// Endings of present participles (`endings.txt`), for words the
    /// part-of-speech lexicon lacks.
    pub present_participle_endings: Vec<String>,
    /// The closed classes: articles, determiners, prepositions, conjunctions, pronouns.
    pub function_words: FunctionWords,
    /// The part-of-speech lexicon.
    pub pos: PosLexicon,
}

/// The lists of `dates.txt` a word can be in, as bits of
/// [`Lexicons::date_lists_of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateList {
    /// [`Lexicons::weekdays`].
    Weekday = 1,
    /// [`Lexicons::months`].
    Month = 2,
    /// [`Lexicons::relative_dates`].
    Relative = 4,
    /// [`Lexicons::month_qualifiers`].
    MonthQualifier = 8,
    /// [`Lexicons::day_parts`].
    DayPart = 16,
}

static LEXICONS: OnceLock<Lexicons> = OnceLock::new();

/// The French lexicons, parsed on first use.
///
/// The files are compiled in and the tests load them, so a malformed file
/// cannot ship; should one be built in anyway, this stops with the file
/// and line of the fault rather than run on a partial lexicon.
pub fn lexicons() -> &'static Lexicons {
    LEXICONS.get_or_init(|| Lexicons::load().unwrap_or_else(|e| panic!("{e}")))
}

/// Builds every lazily built part of the lexicons now (batch mode calls it
/// on another thread while the first records are read).
pub fn warm_up() {
    let _ = lexicons().boilerplate();
}

/// Builds the part-of-speech index now: the rewrite tags words, and on
/// another thread this overlaps with reading and cleaning the input.
pub fn warm_up_tagging() {
    let _ = lexicons().pos.get("");
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

/// The case nouns of `case_nouns.txt`, each with the article of its
/// gender (`le`, `la`), not elided.
fn case_nouns() -> Result<FxHashMap<String, String>, LexiconError> {
    let by_gender = sections(files::CASE_NOUNS, &["masculine", "feminine"])?;
    Ok([("masculine", "le"), ("feminine", "la")]
        .iter()
        .flat_map(|&(gender, article)| {
            section(&by_gender, gender)
                .words()
                .map(move |n| (n.to_string(), article.to_string()))
        })
        .collect())
}

/// An optional third column that can only be `name`: true when present,
/// an error naming the file and line when it says anything else.
fn flag(
    file: files::File,
    line: usize,
    column: Option<&str>,
    name: &str,
) -> Result<bool, LexiconError> {
    match column {
        None => Ok(false),
        Some(c) if c == name => Ok(true),
        Some(other) => Err(LexiconError::at(
            file,
            line,
            format!("third column must be `{name}`, found {other:?}"),
        )),
    }
}

/// The verbs of `quote_verbs.txt`: the form a text writes, the present a
/// title uses.
fn quote_verbs() -> Result<FxHashMap<String, (String, bool)>, LexiconError> {
    let file = files::QUOTE_VERBS;
    numbered(file)
        .map(|(line, entry)| {
            let cols = columns(file, line, entry, 2, 3)?;
            let toned = flag(file, line, cols.get(2).copied(), "toned")?;
            Ok((cols[0].to_string(), (cols[1].to_string(), toned)))
        })
        .collect()
}

/// The sections of `units.txt`.
struct Units {
    symbols: Vec<String>,
    si_units: Vec<String>,
    /// The empty prefix first.
    si_prefixes: Vec<String>,
    /// As written.
    quantities: FxHashSet<String>,
    /// Folded.
    time_units: FxHashSet<String>,
}

fn units() -> Result<Units, LexiconError> {
    let units = sections(
        files::UNITS,
        &[
            "symbols",
            "si units",
            "si prefixes",
            "quantities",
            "time units",
        ],
    )?;
    let listed =
        |name: &str| -> Vec<String> { section(&units, name).words().map(str::to_string).collect() };
    let mut si_prefixes = vec![String::new()];
    si_prefixes.extend(listed("si prefixes"));
    Ok(Units {
        symbols: listed("symbols"),
        si_units: listed("si units"),
        si_prefixes,
        quantities: section(&units, "quantities")
            .words()
            .map(str::to_string)
            .collect(),
        time_units: set_of(section(&units, "time units").words()),
    })
}

/// Each date word with the bits of the lists it belongs to.
/// The word lists of `dates.txt`, and for each word the lists it is in.
struct Dates {
    weekdays: FxHashSet<String>,
    months: FxHashSet<String>,
    month_abbreviations: FxHashSet<String>,
    relative: FxHashSet<String>,
    month_qualifiers: FxHashSet<String>,
    day_parts: FxHashSet<String>,
    after_date: FxHashSet<String>,
    lists: FxHashMap<String, u8>,
}

fn dates() -> Result<Dates, LexiconError> {
    let dates = sections(
        files::DATES,
        &[
            "weekdays",
            "months",
            "month abbreviations",
            "relative",
            "month qualifiers",
            "day parts",
            "after a date",
        ],
    )?;
    let folded = |name: &str| set_of(section(&dates, name).words());
    let (weekdays, months, relative) = (folded("weekdays"), folded("months"), folded("relative"));
    let (month_qualifiers, day_parts) = (folded("month qualifiers"), folded("day parts"));
    let lists = date_lists(&[
        (DateList::Weekday, &weekdays),
        (DateList::Month, &months),
        (DateList::Relative, &relative),
        (DateList::MonthQualifier, &month_qualifiers),
        (DateList::DayPart, &day_parts),
    ]);
    Ok(Dates {
        month_abbreviations: folded("month abbreviations"),
        after_date: folded("after a date"),
        weekdays,
        months,
        relative,
        month_qualifiers,
        day_parts,
        lists,
    })
}

fn date_lists(lists: &[(DateList, &FxHashSet<String>)]) -> FxHashMap<String, u8> {
    let mut out: FxHashMap<String, u8> = FxHashMap::default();
    for &(list, words) in lists {
        for w in words {
            *out.entry(w.clone()).or_default() |= list as u8;
        }
    }
    out
}

fn words_in(s: &str) -> usize {
    s.split_whitespace().count()
}

impl Lexicons {
    /// Reads and checks every French data file the pipeline uses.
    pub fn load() -> Result<Lexicons, LexiconError> {
        let (abbrev_never_end, abbrev_may_end, dotted_abbreviations) = abbreviations()?;
        let (titles, titles_max_words, title_first_words) = titles();
        let openers = openers()?;
        let case_nouns = case_nouns()?;
        let says_that = sections(
            files::SAYS_THAT,
            &["verbs", "speaker words", "past participles"],
        )?;
        let dates = dates()?;
        let elision = sections(
            files::ELISION,
            &[
                "elidable",
                "no elision",
                "y vowel",
                "ce elides before",
                "elided prefixes",
                "elided word parts",
            ],
        )?;
        let names = sections(
            files::NAMES,
            &["honorifics", "organisations", "surnames after le"],
        )?;
        let units = units()?;
        let endings = sections(
            files::ENDINGS,
            &["finite verb endings", "present participle endings"],
        )?;
        let folded = |s: &[Section], name: &str| set_of(section(s, name).words());
        let as_written = |s: &[Section], name: &str| -> FxHashSet<String> {
            section(s, name).words().map(str::to_string).collect()
        };
        let listed = |s: &[Section], name: &str| -> Vec<String> {
            section(s, name).words().map(str::to_string).collect()
        };
        Ok(Lexicons {
            stop_words: stop_words(),
            abbrev_never_end,
            abbrev_may_end,
            dotted_abbreviations,
            titles,
            titles_max_words,
            title_first_words,
            reporting_verbs: set_of(entries(files::REPORTING_VERBS.text)),
            says_that: folded(&says_that, "verbs"),
            speaker_words: folded(&says_that, "speaker words"),
            says_that_participles: folded(&says_that, "past participles"),
            leaks: entries(files::LEAKS.text).map(str::to_string).collect(),
            boilerplate: OnceLock::new(),
            caption_credits: longest_first(entries(files::MEDIA.text)),
            code_markers: code_markers(),
            anaphoric_openers: openers.anaphoric,
            connector_heads: heads_of(&openers.connectors),
            connector_openers: openers.connectors,
            openers_max_words: openers.max_words,
            pointing_back_inside: openers.inside,
            dating_nouns: openers.dating,
            impersonal_openers: openers.impersonal,
            connectors_before_comma: openers.before_comma,
            answer_words: openers.answers,
            connectors: connectors()?,
            weekdays: dates.weekdays,
            months: dates.months,
            month_abbreviations: dates.month_abbreviations,
            relative_dates: dates.relative,
            month_qualifiers: dates.month_qualifiers,
            day_parts: dates.day_parts,
            after_date: dates.after_date,
            date_lists: dates.lists,
            h_aspire: set_of(entries(files::H_ASPIRE.text)),
            title_labels: set_of(entries(files::TITLE_LABELS.text)),
            topic_stopwords: set_of(entries(files::TOPIC_STOPWORDS.text)),
            vulgar: set_of(entries(files::VULGAR.text)),
            weak_nouns: set_of(entries(files::WEAK_NOUNS.text)),
            shell_nouns: set_of(entries(files::SHELL_NOUNS.text)),
            case_nouns,
            quote_verbs: quote_verbs()?,
            death_phrases: longest_first(entries(files::DEATH_PHRASES.text)),
            number_words: entries(files::NUMBERS.text)
                .filter_map(|l| {
                    let (w, v) = l.split_once(char::is_whitespace)?;
                    Some((fold(w), v.trim().parse().ok()?))
                })
                .collect(),
            relation_nouns: set_of(entries(files::RELATION_NOUNS.text)),
            inner_connectors: set_of(entries(files::INNER_CONNECTORS.text)),
            elidable: folded(&elision, "elidable"),
            no_elision: folded(&elision, "no elision"),
            y_vowel: folded(&elision, "y vowel"),
            ce_elides_before: folded(&elision, "ce elides before"),
            elided_prefixes: folded(&elision, "elided prefixes"),
            elided_word_parts: folded(&elision, "elided word parts"),
            honorifics: as_written(&names, "honorifics"),
            organisations: as_written(&names, "organisations"),
            surnames_after_le: folded(&names, "surnames after le"),
            unit_symbols: units.symbols,
            si_units: units.si_units,
            si_prefixes: units.si_prefixes,
            quantity_words: units.quantities,
            time_units: units.time_units,
            finite_endings: listed(&endings, "finite verb endings"),
            present_participle_endings: listed(&endings, "present participle endings"),
            function_words: FunctionWords::load()?,
            pos: PosLexicon::new(files::POS.text),
        })
    }

    /// The boilerplate patterns, compiled on first use (see [`lexicons`]
    /// on why a fault here stops the program).
    fn boilerplate(&self) -> &Boilerplate {
        self.boilerplate
            .get_or_init(|| Boilerplate::compile().unwrap_or_else(|e| panic!("{e}")))
    }

    /// True when a text holds a vulgar or insulting word.
    pub fn is_vulgar(&self, text: &str) -> bool {
        let mut found = false;
        crate::fr::words::each_word(text, |w| {
            found = found || self.vulgar.contains(&fold(w));
        });
        found
    }

    /// True when the noun group `group` names a person by a title, role or
    /// tie (`Le maire de Bordeaux`, `Les fils de Jamal Khashoggi`,
    /// `Plusieurs avocats des parties civiles`) rather than a topic (`La
    /// mort de George Floyd`): a word of its head, before its first
    /// preposition, opens a title of `titles.txt` or is a noun of
    /// `relation_nouns.txt`, in the singular or the plural.
    pub fn names_a_person(&self, group: &str) -> bool {
        let words: Vec<String> = crate::fr::words::words(group)
            .into_iter()
            .map(fold)
            .collect();
        let fw = &self.function_words;
        let mut seen_content = false;
        for k in 0..words.len() {
            // `l’ancien` → `ancien`: the elided article goes.
            let w = match words[k].split_once('’') {
                Some((_, rest)) if !rest.is_empty() => rest,
                _ => words[k].as_str(),
            };
            if seen_content && fw.is_any(w, &[Class::De, Class::A, Class::Preposition]) {
                break;
            }
            if self.is_stop(w) {
                continue;
            }
            seen_content = true;
            let singular = w.strip_suffix(['s', 'x']).unwrap_or(w);
            if self.relation_nouns.contains(w) || self.relation_nouns.contains(singular) {
                return true;
            }
            for len in 1..=self.titles_max_words.min(words.len() - k) {
                for first in [w, singular] {
                    let mut phrase = first.to_string();
                    for next in &words[k + 1..k + len] {
                        phrase.push(' ');
                        phrase.push_str(next);
                    }
                    if self
                        .titles
                        .contains(&strip_accents(&phrase.replace("’ ", "’")))
                    {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// True when `lower` (a lowercase word) names a day or a date by itself:
    /// a weekday, a month, or a relative date of one word (`hier`).
    pub fn is_date_word(&self, lower: &str) -> bool {
        self.date_lists_of(lower)
            & (DateList::Weekday as u8 | DateList::Month as u8 | DateList::Relative as u8)
            != 0
    }

    /// The date lists `lower` (a lowercase word) is in, as the bits of
    /// [`DateList`]: 0 for most words.
    pub fn date_lists_of(&self, lower: &str) -> u8 {
        self.date_lists.get(lower).copied().unwrap_or(0)
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
        self.boilerplate().is_match(line)
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

/// The stop list: the crate `stop-words` French list minus `stopwords_remove.txt`
/// plus `stopwords_add.txt`.
fn stop_words() -> FxHashSet<String> {
    let removed = set_of(entries(files::STOPWORDS_REMOVE.text));
    let mut stop_words: FxHashSet<String> = stop_words::get("fr")
        .iter()
        .map(|w| fold(w))
        .filter(|w| !removed.contains(w))
        .collect();
    stop_words.extend(entries(files::STOPWORDS_ADD.text).map(fold));
    stop_words
}

/// The sets of [`abbreviations`]: never end a sentence, may end one, and the dotted ones.
type Abbreviations = (FxHashSet<String>, FxHashSet<String>, Vec<String>);

/// Abbreviations that never end a sentence, that may, and the dotted ones
/// (`J.-C`) of both, longest first; all without their final period.
fn abbreviations() -> Result<Abbreviations, LexiconError> {
    let s = sections(
        files::ABBREVIATIONS,
        &["never end a sentence", "may end a sentence"],
    )?;
    let without_period = |name: &str| -> FxHashSet<String> {
        section(&s, name)
            .words()
            .map(|e| e.trim_end_matches('.').to_string())
            .collect()
    };
    let never = without_period("never end a sentence");
    let may = without_period("may end a sentence");
    let mut dotted: Vec<String> = never
        .iter()
        .chain(may.iter())
        .filter(|a| a.contains('.'))
        .cloned()
        .collect();
    dotted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    Ok((never, may, dotted))
}

/// Entries as written, the longest first (ties in code-point order), so that
/// a prefix search finds `Le Point Actu` before `Le Point`.
fn longest_first<'a>(entries: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut list: Vec<String> = entries.map(str::to_string).collect();
    list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    list
}

/// Titles and roles (folded, without accents: capitals often lose theirs in
/// the press, "secrétaire d’Etat"), the longest in words, and their first words.
fn titles() -> (FxHashSet<String>, usize, FxHashSet<String>) {
    let titles: FxHashSet<String> = entries(files::TITLES.text)
        .map(|t| strip_accents(&fold(t)))
        .collect();
    let max_words = titles.iter().map(|t| words_in(t)).max().unwrap_or(1);
    let first_words = titles
        .iter()
        .filter_map(|t| t.split([' ', '’']).next().map(str::to_string))
        .collect();
    (titles, max_words, first_words)
}

/// The anaphoric openers, the connector openers (with the phrases that
/// point back from inside a sentence), those phrases alone, and the
/// longest opener in words.
/// The lists of `anaphora.txt`.
struct Openers {
    anaphoric: FxHashSet<String>,
    /// With the phrases of `from inside`.
    connectors: FxHashSet<String>,
    inside: Vec<String>,
    max_words: usize,
    answers: FxHashSet<String>,
    before_comma: FxHashSet<String>,
    dating: FxHashSet<String>,
    impersonal: FxHashSet<String>,
}

fn openers() -> Result<Openers, LexiconError> {
    let s = sections(
        files::ANAPHORA,
        &[
            "pronouns and determiners",
            "connectors",
            "from inside",
            "answer words",
            "before a comma",
            "dating nouns",
            "impersonal",
        ],
    )?;
    let anaphoric = set_of(section(&s, "pronouns and determiners").words());
    let inside: Vec<String> = section(&s, "from inside").words().map(fold).collect();
    let mut connectors = set_of(section(&s, "connectors").words());
    connectors.extend(inside.iter().cloned());
    let max_words = anaphoric
        .iter()
        .chain(connectors.iter())
        .map(|t| words_in(t))
        .max()
        .unwrap_or(1);
    Ok(Openers {
        anaphoric,
        connectors,
        inside,
        max_words,
        answers: set_of(section(&s, "answer words").words()),
        before_comma: set_of(section(&s, "before a comma").words()),
        dating: set_of(section(&s, "dating nouns").words()),
        impersonal: set_of(section(&s, "impersonal").words()),
    })
}

/// Every start of a phrase of `phrases` that ends before a space or after
/// an apostrophe.
fn heads_of(phrases: &FxHashSet<String>) -> FxHashSet<String> {
    let mut heads = FxHashSet::default();
    for p in phrases {
        for (i, c) in p.char_indices() {
            match c {
                ' ' => heads.insert(p[..i].to_string()),
                '’' => heads.insert(p[..i + c.len_utf8()].to_string()),
                _ => false,
            };
        }
    }
    heads
}

/// The connectors of `connectors.txt`: relation, text, and whether Yoast counts it.
fn connectors() -> Result<Vec<Connector>, LexiconError> {
    let file = files::CONNECTORS;
    numbered(file)
        .map(|(line, entry)| {
            let cols = columns(file, line, entry, 2, 3)?;
            let relation = Relation::parse(cols[0]).ok_or_else(|| {
                LexiconError::at(file, line, format!("unknown relation {:?}", cols[0]))
            })?;
            let transition = flag(file, line, cols.get(2).copied(), "transition")?;
            Ok(Connector {
                relation,
                text: cols[1].to_string(),
                transition,
            })
        })
        .collect()
}

/// The code markers: lines as written, trailing spaces included (`var `).
fn code_markers() -> AhoCorasick {
    let markers: Vec<&str> = files::CODE_MARKERS
        .text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    AhoCorasick::new(markers).expect("code markers are plain strings")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_loads() {
        if let Err(e) = Lexicons::load() {
            panic!("{e}");
        }
    }

    #[test]
    fn a_group_names_a_person_by_its_head_not_by_its_complement() {
        let lex = lexicons();
        for person in [
            "Le maire de Bordeaux",
            "La garde des Sceaux Nicole Belloubet",
            "Le chef de l’État",
            "Les fils de Jamal Khashoggi",
            "La fiancée turque de Jamal Khashoggi",
            "Des collègues de Mickaël Harpon",
            "Plusieurs avocats des parties civiles",
            "Les rapporteurs spéciaux de l’ONU",
            "L’ancien ministre de l’Intérieur",
        ] {
            assert!(lex.names_a_person(person), "{person}");
        }
        for topic in [
            "La mort de George Floyd",
            "Les services du procureur général",
            "La garde à vue de l’auteur",
            "Le soutien des maires",
            "Les travaux de la commission d’enquête",
            "La prochaine réunion du Conseil",
        ] {
            assert!(!lex.names_a_person(topic), "{topic}");
        }
    }

    #[test]
    fn pos_table_is_sorted_by_bytes() {
        let lex = &lexicons().pos;
        let mut prev = "";
        for line in lex.data().lines() {
            let form = line.split('\t').next().unwrap();
            assert!(prev < form, "pos.tsv not sorted at {prev:?} / {form:?}");
            prev = form;
        }
    }

    #[test]
    fn every_pos_line_is_indexed() {
        // The index keeps 16-bit offsets into a line: every line must fit.
        let lex = &lexicons().pos;
        assert_eq!(lex.len(), lex.data().lines().count());
        let form = |line: &'static str| line.split('\t').next().unwrap();
        for line in lex.data().lines().step_by(97) {
            assert_eq!(lex.get(form(line)).map(|e| e.tags), line.split('\t').nth(1));
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
    fn pos_entries_know_their_verb_inflections() {
        let pos = &lexicons().pos;
        let est = pos.get("est").unwrap();
        assert!(est.is_finite() && est.verb_lemma == "être");
        let adopte = pos.get("adoptée").unwrap();
        assert!(adopte.is_past_participle() && !adopte.is_finite());
        assert_eq!(adopte.verb_lemma, "adopter");
        assert!(pos.get("adopter").unwrap().is_infinitive());
        assert!(pos.get("ayant").unwrap().is_present_participle());
        // A noun whose form is also a verb: its verb lemma is the verb's.
        assert_eq!(pos.get("porte").unwrap().verb_lemma, "porter");
        assert!(pos.get("ministre").unwrap().verb.is_empty());
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

    #[test]
    fn sectioned_files_fill_their_sets() {
        let l = lexicons();
        assert!(l.connector_openers.contains("alors que"));
        assert!(l.anaphoric_openers.contains("cela"));
        assert!(l.abbrev_never_end.contains("Mme") || l.abbrev_never_end.contains("M"));
        assert!(l.months.contains("janvier") && l.weekdays.contains("lundi"));
        assert!(l.elided_prefixes.contains("jusqu") && l.elidable.contains("que"));
        assert!(l.honorifics.contains("Mgr") && l.organisations.contains("Banque"));
        assert_eq!(l.si_prefixes[0], "");
        assert!(l.quantity_words.contains("milliards"));
    }

    #[test]
    fn a_bad_connector_line_is_an_error() {
        let bad = files::File {
            name: "test/connectors.txt",
            text: "# h\naddition\tPar ailleurs\nsurprise\tTiens\n",
        };
        let err = numbered(bad)
            .map(|(line, e)| {
                let cols = columns(bad, line, e, 2, 3)?;
                Relation::parse(cols[0])
                    .ok_or_else(|| LexiconError::at(bad, line, "unknown relation"))
            })
            .collect::<Result<Vec<_>, _>>()
            .unwrap_err();
        assert_eq!(err.line, 3);
    }
}
