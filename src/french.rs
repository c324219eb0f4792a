//! French for the text refonte builds itself: titles, subheadings,
//! connectors and template sentences.
//!
//! Every function here is pure and total: it takes any string (empty, lone
//! punctuation, other scripts) and never panics. They implement the rules of
//! `docs/FRENCH.md` that an editor checks first:
//!
//! - **articles, contractions, elision**: [`de`], [`a`], [`elide`], [`join`],
//!   [`definite_article`] and [`fix_contractions`] write `du président`,
//!   `aux États-Unis`, `d’Emmanuel Macron`, `l’épisode`, and keep `le héros`,
//!   `la Hongrie`, `le Hamas` (h aspiré, from `lexicons/fr/h_aspire.txt`);
//! - **places**: [`place_preposition`] gives `en Chine`, `au Japon`,
//!   `aux États-Unis`, `à Taïwan` from `lexicons/fr/countries.txt`;
//! - **capitals**: [`sentence_case`], [`upper_first`], [`lower_first`];
//! - **slugs**: [`slugify`];
//! - **typography**: [`Typography::apply`] puts the no-break spaces, the
//!   typographic apostrophe and the ellipsis of French print, or turns them
//!   into ASCII-safe punctuation.
//!
//! These functions are meant for text refonte writes. Source sentences are
//! quoted as they are: `afin de le faire` is correct French that
//! [`fix_contractions`] would only get right by luck.
//!
//! The apostrophe refonte writes is the typographic `’` (U+2019); the inputs
//! may use `'` or `’`.

use crate::lexicon::{self, Pos, fold};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// No-break space (U+00A0).
const NBSP: char = '\u{A0}';
/// Narrow no-break space (U+202F).
const NNBSP: char = '\u{202F}';
/// The typographic apostrophe refonte writes.
const APOS: char = '’';

/// Words that elide their last vowel before a vowel sound (`si` only before
/// `il` / `ils`; `ce` has its own rule, see [`elide`]).
const ELIDABLE: &[&str] = &[
    "le", "la", "de", "que", "ne", "se", "je", "me", "te", "ce", "si", "jusque", "lorsque",
    "puisque", "quoique",
];

/// Words that begin with a vowel but take no elision (`le onze`, `le oui`).
const NO_ELISION: &[&str] = &[
    "onze",
    "onzième",
    "onzièmes",
    "oui",
    "ouistiti",
    "ouistitis",
    "uhlan",
    "uhlans",
];

/// Words in `y` + vowel that are nonetheless vowel-initial (`les yeux`, `l’Yonne`).
const Y_VOWEL: &[&str] = &["yeux", "yeuse", "yeuses", "yonne"];

/// Forms of `être` (and `en`) before which `ce` becomes `c’` (`c’est`).
const CE_ELIDES_BEFORE: &[&str] = &[
    "est", "était", "étaient", "étais", "eût", "eut", "en", "eussent", "eusse",
];

/// Surnames that begin with a capitalised `Le`, which does not contract
/// (`de Le Pen`, not `du Pen`); other `Le` + name (`Le Monde`, `Le Havre`)
/// contract as usual.
const LE_SURNAMES: &[&str] = &[
    "pen",
    "maire",
    "drian",
    "foll",
    "clézio",
    "corbusier",
    "nôtre",
    "scouarnec",
    "guen",
    "bris",
    "gall",
    "goff",
    "roux",
    "cornu",
];

/// Prefixes left by splitting an elided word at its apostrophe (`l’État` →
/// `l`), dropped from slugs.
const ELIDED_PREFIXES: &[&str] = &[
    "l", "d", "qu", "s", "n", "j", "m", "t", "c", "jusqu", "lorsqu", "puisqu", "quoiqu", "quelqu",
];

// ---------------------------------------------------------------------------
// Typography
// ---------------------------------------------------------------------------

/// Output typography.
///
/// The default is [`Typography::French`], what French print uses;
/// [`Typography::Plain`] gives ASCII-safe punctuation for systems that
/// mangle no-break spaces and curly quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Typography {
    /// French print (the default): a no-break space (U+00A0) before `:` `;`
    /// `!` `?` `%` and `»` and after `«`, the typographic apostrophe `’`,
    /// `…` for `...`, no space before `,` `.` `…`, and a no-break space as
    /// thousands separator (`1 200`).
    #[default]
    French,
    /// ASCII-safe punctuation, letters and accents kept: `’` → `'`,
    /// `« oui »` → `"oui"`, `“ ”` → `"`, no-break spaces → plain spaces,
    /// `…` → `...`, `–` `—` → `-`.
    Plain,
    /// French print inside the source sentences too: they take the no-break
    /// spaces, `…` and dashes that [`Typography::French`] leaves as the
    /// source wrote them, and everything refonte prints takes the print
    /// edits of hours, units, ordinals and stray straight quotes (`17h30` →
    /// `17 h 30`, `1er` → `1ᵉʳ`, `'non'` → `« non »`). A printed sentence then differs from its source
    /// span in punctuation and spaces (never in words), so a check that
    /// compares them character for character no longer matches.
    Edited,
}

impl Typography {
    /// Applies the typography to a finished string (a sentence, heading,
    /// title or description).
    ///
    /// [`Typography::French`]:
    /// - a no-break space U+00A0 before `:` `;` `!` `?` `%` and `»`, and after
    ///   `«`: an existing plain space there is replaced, a missing one added,
    ///   and a narrow no-break space U+202F already present is kept; never two;
    /// - `:` `;` `!` `?` attached on both sides are left alone (`14:30`,
    ///   `3:1`, `http://`, `page?id=3`), and so is one of them right after
    ///   another (`?!` and `::` keep no space between them); `%` takes the
    ///   space only after a number (`3,5 %`) and not in a URL escape (`%20`);
    /// - no space before `,`, a sentence-ending `.` and `…` (when what precedes
    ///   the space is a letter, a digit or closing punctuation; `« …` keeps its
    ///   no-break space);
    /// - `'` (or `‘`) between two letters becomes `’`; a run of three or more
    ///   dots becomes `…`; inner quotes `“ ”` and straight `"` are left as they
    ///   are;
    /// - a hyphen between two spaces becomes an en dash (`a - b` → `a – b`);
    /// - a plain space between a number and a unit or currency becomes U+00A0
    ///   (`5 km`, `20 €`, `3 ans`, `2 mois`, `14 h`: the units Grammalecte
    ///   checks, a short closed list);
    /// - thousands: the plain space between digit groups becomes U+00A0
    ///   (`2 600 000` gets two of them) when the number starts with 1 to 3
    ///   digits (not `0`) and each following group has exactly 3 digits; a
    ///   4-digit group or a decimal part never starts a number, so `en 2019
    ///   200 personnes` is left alone.
    ///
    /// [`Typography::Plain`]: `’` `‘` → `'`; `«` `»` `“` `”` `„` → `"` with the
    /// spaces inside guillemets removed (`« oui »` → `"oui"`); U+00A0, U+202F
    /// and other horizontal spaces → a plain space; `…` → `...`; `–` `—` and
    /// the minus sign → `-`; `œ` `Œ` and every letter are kept.
    ///
    /// Both are idempotent: `t.apply(&t.apply(s)) == t.apply(s)`. Line breaks
    /// are kept; nothing is added at the start of a line.
    pub fn apply(self, s: &str) -> String {
        match self {
            Typography::French => french_typography(s, true),
            Typography::Edited => print_edits(&french_typography(s, true)),
            Typography::Plain => plain_typography(s),
        }
    }

    /// Bounds `(low, high)` of `self.apply(s).chars().count()`, read off
    /// `s` in one pass without typesetting it: French print only adds one
    /// no-break space at `: ; ! ? % « »` and only removes spaces and dots
    /// (`...` → `…`); plain print only adds two dots per `…` and removes
    /// spaces. The description and title cuts test many candidates against
    /// a length window and typeset only those the bounds leave undecided.
    pub fn printed_len_bounds(self, s: &str) -> (usize, usize) {
        s.chars().fold((0, 0), |(low, high), c| {
            let (l, h) = self.char_len_bounds(c);
            (low + l, high + h)
        })
    }

    /// True when `s` prints with `min..=max` characters; typesets `s` only
    /// when [`Typography::printed_len_bounds`] cannot tell.
    pub fn prints_within(self, s: &str, min: usize, max: usize) -> bool {
        let (low, high) = self.printed_len_bounds(s);
        if high < min || low > max {
            return false;
        }
        if min <= low && high <= max {
            return true;
        }
        (min..=max).contains(&self.apply(s).chars().count())
    }

    /// One character's share of [`Typography::printed_len_bounds`], which
    /// is a sum over the characters (so the bounds of a prefix grow as it
    /// does).
    pub fn char_len_bounds(self, c: char) -> (usize, usize) {
        match self {
            Typography::French | Typography::Edited => {
                // Edited print: a digit or an `h` may take a no-break space
                // (`17 h 30`), a straight quote becomes a guillemet and its
                // space, `--` a dash between spaces.
                let edited = self == Typography::Edited
                    && (matches!(c, '\'' | '"' | 'h' | 'H') || c.is_ascii_digit());
                if matches!(c, ':' | ';' | '!' | '?' | '%' | '«' | '»') || edited {
                    (1, 2)
                } else if c == '.' || is_hspace(c) {
                    (0, 1)
                } else if c == '-' && self == Typography::Edited {
                    (0, 3)
                } else {
                    (1, 1)
                }
            }
            Typography::Plain => {
                if c == '…' {
                    (1, 3)
                } else if is_hspace(c) {
                    (0, 1)
                } else {
                    (1, 1)
                }
            }
        }
    }

    /// Applies the typography to a sentence printed from the source: only
    /// the apostrophe, the spaces inside guillemets, the kind of an existing
    /// space and the case of the first letter may change, so that the
    /// sentence still reads, character for character, as the source span it
    /// claims. French mode therefore turns the space the source put before
    /// `: ; ! ? % »` into a no-break space but adds none where the source
    /// has none (`péages:` stays), keeps `...`, hyphens and ordinals as
    /// written, and writes a sentence-opening `A` preposition as `À`
    /// (`A Paris, …` → `À Paris, …`). [`Typography::Edited`] gives up that
    /// promise for French print: the whole of [`Typography::apply`], and a
    /// cut in a quotation bracketed (`(...)` → `[…]`).
    pub fn apply_source(self, s: &str) -> String {
        match self {
            Typography::French | Typography::Edited => {
                let out = if self == Typography::Edited {
                    // A cut in a quotation is bracketed in French print.
                    print_edits(&french_typography(s, true)).replace("(…)", "[…]")
                } else {
                    source_typography(s)
                };
                match out.strip_prefix("A ") {
                    Some(rest) if rest.chars().next().is_some_and(|c| c.is_alphanumeric()) => {
                        format!("À {rest}")
                    }
                    _ => out,
                }
            }
            Typography::Plain => plain_typography(s),
        }
    }
}

/// A horizontal space (any white space but line breaks).
fn is_hspace(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// Removes the horizontal spaces at the end of `out` and puts one no-break
/// space instead (the narrow one when one was there), unless `out` is empty
/// or ends a line.
fn ensure_nbsp(out: &mut String) {
    let kept = out.trim_end_matches(is_hspace).len();
    let narrow = out[kept..].contains(NNBSP);
    out.truncate(kept);
    match out.chars().next_back() {
        None | Some('\n') | Some('\r') => {}
        Some(_) => out.push(if narrow { NNBSP } else { NBSP }),
    }
}

/// Removes the horizontal spaces at the end of `out` when what precedes them
/// is a word or closing punctuation (the space before `,` `.` `…`).
fn trim_space_before_stop(out: &mut String) {
    let kept = out.trim_end_matches(is_hspace).len();
    if kept == out.len() {
        return;
    }
    let before = out[..kept].chars().next_back();
    if before.is_some_and(|c| {
        c.is_alphanumeric() || matches!(c, ')' | ']' | '»' | '”' | '’' | '"' | '\'' | '%')
    }) {
        out.truncate(kept);
    }
}

/// True when `:` `;` `!` `?` at this place is punctuation (and takes a space),
/// false when it is attached inside a token (`14:30`, `http://`, `a?b=1`).
fn is_punctuation_mark(prev: Option<char>, next: Option<char>) -> bool {
    let Some(prev) = prev else {
        return false;
    };
    if prev == '\n' || prev == '\r' {
        return false;
    }
    if is_hspace(prev) {
        return true;
    }
    match next {
        None => true,
        Some(n) if n.is_whitespace() => true,
        Some(n) => {
            !(n.is_alphanumeric() || matches!(n, '/' | '=' | '&' | '#' | '_' | '@' | '\\' | ':'))
        }
    }
}

/// Typography of a source sentence (see [`Typography::apply_source`]).
fn source_typography(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if is_hspace(c) {
            let mut j = i;
            let mut narrow = false;
            let mut nbsp = false;
            while j < n && is_hspace(chars[j]) {
                narrow |= chars[j] == NNBSP;
                nbsp |= chars[j] == NBSP;
                j += 1;
            }
            let next = chars.get(j).copied();
            let prev = out.chars().next_back();
            let before_mark = matches!(next, Some(':' | ';' | '!' | '?' | '»'))
                || (next == Some('%') && prev.is_some_and(|p| p.is_ascii_digit()));
            let space = if narrow {
                NNBSP
            } else if nbsp || before_mark || prev == Some('«') {
                NBSP
            } else {
                ' '
            };
            out.push(space);
            i = j;
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        match c {
            '\'' | '‘'
                if prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic) =>
            {
                out.push(APOS)
            }
            '«' => {
                out.push(c);
                if next.is_some_and(|d| !is_hspace(d)) {
                    out.push(NBSP);
                }
            }
            '»' => {
                if prev.is_some_and(|d| !is_hspace(d)) && i > 0 {
                    out.push(NBSP);
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    // Existing spaces in numbers and before units become no-break spaces.
    let chars: Vec<char> = out.chars().collect();
    let seps = number_separators(&chars);
    chars
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            if seps.binary_search(&k).is_ok() && c == ' ' {
                NBSP
            } else {
                c
            }
        })
        .collect()
}

/// `full`: also the character substitutions (`...` → `…`, ` - ` → ` – `);
/// without it only spaces, quotes and apostrophes change.
fn french_typography(s: &str, full: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let mut out = String::with_capacity(s.len() + 16);
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        match c {
            '.' => {
                let run = chars[i..].iter().take_while(|&&d| d == '.').count();
                if run >= 3 && full {
                    trim_space_before_stop(&mut out);
                    out.push('…');
                } else {
                    let after = chars.get(i + run).copied();
                    if run == 1 && !after.is_some_and(char::is_alphanumeric) {
                        trim_space_before_stop(&mut out);
                    }
                    out.extend(std::iter::repeat_n('.', run));
                }
                i += run;
                continue;
            }
            ',' => {
                if !next.is_some_and(|d| d.is_ascii_digit()) {
                    trim_space_before_stop(&mut out);
                }
                out.push(c);
            }
            '…' => {
                trim_space_before_stop(&mut out);
                out.push(c);
            }
            '\'' | '‘'
                if prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic) =>
            {
                out.push(APOS);
            }
            // `?!`, `::`: a mark right after another takes no space.
            ':' | ';' | '!' | '?' if matches!(prev, Some(':' | ';' | '!' | '?')) => out.push(c),
            ':' | ';' | '!' | '?' => {
                if is_punctuation_mark(prev, next) {
                    ensure_nbsp(&mut out);
                }
                out.push(c);
            }
            '%' => {
                let after_number = out
                    .trim_end_matches(is_hspace)
                    .chars()
                    .next_back()
                    .is_some_and(|d| d.is_ascii_digit());
                if after_number && !next.is_some_and(char::is_alphanumeric) {
                    ensure_nbsp(&mut out);
                }
                out.push(c);
            }
            '»' => {
                ensure_nbsp(&mut out);
                out.push(c);
            }
            '«' => {
                out.push(c);
                let mut j = i + 1;
                let mut narrow = false;
                while j < n && is_hspace(chars[j]) {
                    narrow |= chars[j] == NNBSP;
                    j += 1;
                }
                if j < n && chars[j] != '\n' && chars[j] != '\r' {
                    out.push(if narrow { NNBSP } else { NBSP });
                }
                i = j;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    let chars: Vec<char> = out.chars().collect();
    let seps = number_separators(&chars);
    let mut result = String::with_capacity(out.len() + seps.len());
    let mut k = 0;
    for (idx, &c) in chars.iter().enumerate() {
        if seps.get(k) == Some(&idx) {
            k += 1;
            result.push(if c == NNBSP { NNBSP } else { NBSP });
        } else if full
            && c == '-'
            && idx > 0
            && is_hspace(chars[idx - 1])
            && chars.get(idx + 1).is_some_and(|&d| is_hspace(d))
        {
            // A hyphen between spaces is an incise dash.
            result.push('–');
        } else {
            result.push(c);
        }
    }
    result
}

/// French print's fixes of what writers type by hand, applied after the
/// spacing rules (each leaves text it already fixed unchanged):
/// - hours and units glued to their number: `17h30` → `17 h 30`, `10H` →
///   `10 h`, `25°C` → `25 °C`, `110km` → `110 km`;
/// - ordinals: `1er` → `1ᵉʳ`, `1re` → `1ʳᵉ`, `5e` → `5ᵉ`, `XIXe` → `XIXᵉ`,
///   `Ier` → `Iᵉʳ` (a one-letter numeral only among `I` `V` `X`: `Le`
///   and `Ce` are words);
/// - straight quotation marks left unpaired by cleaning, `'…'` and `"…"`
///   around words, as guillemets;
/// - a doubled hyphen as an incise dash (`Chypre --dont` → `Chypre – dont`).
fn print_edits(s: &str) -> String {
    struct Edits {
        hour: regex::Regex,
        unit: regex::Regex,
        ordinal: regex::Regex,
        roman: regex::Regex,
        quotes: regex::Regex,
        dashes: regex::Regex,
    }
    static EDITS: OnceLock<Edits> = OnceLock::new();
    let e = EDITS.get_or_init(|| Edits {
        hour: regex::Regex::new(r"\b(\d{1,2})[hH](\d{2})?\b").expect("hour pattern"),
        unit: regex::Regex::new(r"(\d)(°C|°|km|kg|cm|mm)(?:\b|$)").expect("unit pattern"),
        ordinal: regex::Regex::new(r"\b(\d{1,3})(ers|res|er|re|es|e)\b").expect("ordinal pattern"),
        roman: regex::Regex::new(r"\b([IVXLC]{2,}|[IVX])(er|e)\b").expect("roman pattern"),
        quotes: regex::Regex::new(
            r#"(^|[\s(])(?:'([^'\s][^'\n]{0,200}?[^'\s])'|"([^"\s][^"\n]{0,200}?[^"\s])")([\s.,;:!?)]|$)"#,
        )
        .expect("quote pattern"),
        dashes: regex::Regex::new(r"(\w)[ \t]*--[ \t]*(\w)").expect("dash pattern"),
    });
    let quick = s
        .bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'\'' | b'"' | b'-' | b'I' | b'V' | b'X'));
    if !quick {
        return s.to_string();
    }
    let nb = NBSP;
    let out = e.hour.replace_all(s, |c: &regex::Captures| match c.get(2) {
        Some(m) => format!("{}{nb}h{nb}{}", &c[1], m.as_str()),
        None => format!("{}{nb}h", &c[1]),
    });
    let out = e.unit.replace_all(&out, |c: &regex::Captures| {
        format!("{}{nb}{}", &c[1], &c[2])
    });
    let out = e.ordinal.replace_all(&out, |c: &regex::Captures| {
        let sup = match &c[2] {
            "er" => "ᵉʳ",
            "re" => "ʳᵉ",
            "ers" => "ᵉʳˢ",
            "res" => "ʳᵉˢ",
            "es" => "ᵉˢ",
            _ => "ᵉ",
        };
        format!("{}{sup}", &c[1])
    });
    let out = e.roman.replace_all(&out, |c: &regex::Captures| {
        let sup = if &c[2] == "er" { "ᵉʳ" } else { "ᵉ" };
        format!("{}{sup}", &c[1])
    });
    let out = e.quotes.replace_all(&out, |c: &regex::Captures| {
        let inner = c.get(2).or(c.get(3)).map_or("", |m| m.as_str());
        format!("{}«{nb}{inner}{nb}»{}", &c[1], &c[4])
    });
    let out = e.dashes.replace_all(&out, "$1 – $2");
    out.into_owned()
}

/// Positions of the spaces inside numbers and before units, in order: the
/// no-break spaces of French print.
fn number_separators(chars: &[char]) -> Vec<usize> {
    let mut seps = thousands_separators(chars);
    seps.extend(unit_separators(chars));
    seps.sort_unstable();
    seps.dedup();
    seps
}

/// Units and currencies after which a number takes a no-break space (`5 km`,
/// `20 €`, `3 ans`), as Grammalecte checks them: `%` has its own rule.
const UNITS: &[&str] = &[
    "‰", "€", "$", "£", "¥", "°C", "℃", "Å", "ℓ", "h", "j", "min", "jour", "jours", "semaines",
    "mois", "an", "ans", "euro", "euros", "heure", "heures", "px", "MHz", "GHz", "t", "ha", "MW",
    "GW", "MWh", "GWh", "TWh", "Mo", "Go",
];

/// SI units taking the prefixes of [`SI_PREFIXES`].
const SI_UNITS: &[&str] = &[
    "s", "l", "g", "J", "K", "V", "Ω", "m", "m²", "m³", "W", "Wh", "Hz", "dB",
];

/// Prefixes of [`SI_UNITS`] (the empty one included).
const SI_PREFIXES: &[&str] = &["", "k", "c", "m", "µ", "n"];

/// True when `chars` starts with a unit of [`UNITS`] or [`SI_UNITS`] that
/// ends the word (`km/h` → `km`; `mai`, `kilos` are not units).
fn starts_with_unit(chars: &[char]) -> bool {
    let ends_word = |len: usize| {
        chars.get(len).is_none_or(|&c| {
            !(c.is_alphanumeric() || matches!(c, '-' | '–' | '_') || is_apostrophe(c))
        })
    };
    let matches = |unit: &str| {
        let mut k = 0;
        for u in unit.chars() {
            if chars.get(k) != Some(&u) {
                return false;
            }
            k += 1;
        }
        ends_word(k)
    };
    let matches_from = |from: usize, unit: &str| {
        let mut k = from;
        for u in unit.chars() {
            if chars.get(k) != Some(&u) {
                return None;
            }
            k += 1;
        }
        Some(k)
    };
    UNITS.iter().any(|u| matches(u))
        || SI_PREFIXES.iter().any(|p| {
            matches_from(0, p).is_some_and(|k| {
                SI_UNITS
                    .iter()
                    .any(|u| matches_from(k, u).is_some_and(ends_word))
            })
        })
}

/// Indices (in `chars`) of the plain spaces between a number and a unit
/// (`5 km`, `1,5 million` is not a unit): the number is digits with an
/// optional decimal part, not glued to a word, a dot or a dash before it.
fn unit_separators(chars: &[char]) -> Vec<usize> {
    let mut seps = Vec::new();
    for end in 1..chars.len() {
        if chars[end] != ' ' || !chars[end - 1].is_ascii_digit() {
            continue;
        }
        // Walk back over the number: digits, then `,digits` once.
        let mut start = end - 1;
        while start > 0 && chars[start - 1].is_ascii_digit() {
            start -= 1;
        }
        if start >= 2 && chars[start - 1] == ',' && chars[start - 2].is_ascii_digit() {
            start -= 2;
            while start > 0 && chars[start - 1].is_ascii_digit() {
                start -= 1;
            }
        }
        let glued = start.checked_sub(1).is_some_and(|p| {
            chars[p].is_alphanumeric() || matches!(chars[p], '.' | ',' | '–' | '-' | '_')
        });
        if !glued && starts_with_unit(&chars[end + 1..]) {
            seps.push(end);
        }
    }
    seps
}

/// Indices (in `chars`, ascending) of the spaces that separate thousands
/// groups: a number of 1–3 digits not starting with `0`, not part of a
/// decimal, a word or an earlier digit group, followed by groups of exactly
/// three digits, each after one space (plain, U+00A0 or U+202F).
fn thousands_separators(chars: &[char]) -> Vec<usize> {
    let n = chars.len();
    let is_sep = |c: char| matches!(c, ' ' | NBSP | NNBSP);
    let digits_from = |start: usize| {
        chars[start..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut seps = Vec::new();
    let mut i = 0;
    while i < n {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let len = digits_from(i);
        let mut end = i + len;
        let head_ok = (1..=3).contains(&len) && chars[i] != '0' && {
            match i.checked_sub(1).map(|p| chars[p]) {
                None => true,
                Some(p) if p.is_alphanumeric() => false,
                Some(p) if matches!(p, ',' | '.') || is_sep(p) => {
                    !(i >= 2 && chars[i - 2].is_ascii_digit())
                }
                Some(_) => true,
            }
        };
        if head_ok {
            while end + 1 < n && is_sep(chars[end]) && chars[end + 1].is_ascii_digit() {
                if digits_from(end + 1) != 3 {
                    break;
                }
                seps.push(end);
                end += 4;
            }
        }
        i = end;
    }
    seps
}

fn plain_typography(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '’' | '‘' | 'ʼ' | '‚' | '‛' => out.push('\''),
            '«' => {
                out.push('"');
                while chars.peek().is_some_and(|&d| is_hspace(d)) {
                    chars.next();
                }
            }
            '»' => {
                let kept = out.trim_end_matches(is_hspace).len();
                out.truncate(kept);
                out.push('"');
            }
            '“' | '”' | '„' | '‟' => out.push('"'),
            '…' => out.push_str("..."),
            '–' | '—' | '‒' | '―' | '‑' | '‐' | '−' => out.push('-'),
            c if is_hspace(c) => out.push(if c == '\t' { '\t' } else { ' ' }),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Vowel sounds and elision
// ---------------------------------------------------------------------------

/// The base letter of `c`: lowercase, without accent; `æ` → `a`, `œ` → `o`.
fn base_letter(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'æ' => return 'a',
        'œ' => return 'o',
        _ => {}
    }
    let mut base = lower;
    let mut first = true;
    decompose_canonical(lower, |d| {
        if first {
            base = d;
            first = false;
        }
    });
    base
}

fn is_vowel_base(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// The word at the start of `s`, lowercase: letters and inner hyphens.
fn head_word(s: &str) -> String {
    let w: String = s
        .chars()
        .take_while(|&c| c.is_alphabetic() || c == '-')
        .collect();
    fold(w.trim_end_matches('-'))
}

fn is_h_aspire(lower: &str) -> bool {
    let set = &lexicon::lexicons().h_aspire;
    set.contains(lower)
        || lower
            .split_once('-')
            .is_some_and(|(first, _)| set.contains(first))
}

/// True when `word` begins with a vowel sound, so that `le`, `de`, `que`…
/// elide before it.
///
/// - A vowel, with or without accent, and `æ` `œ`: `épisode`, `Élysée`,
///   `ONU`, `œuvre` → true. Exceptions without elision: `onze`, `onzième`,
///   `oui`, `ouistiti`, `uhlan` (`le onze`).
/// - `h`: mute unless the word (or the part before its first hyphen) is in
///   the h aspiré lexicon: `homme`, `hôpital` → true; `héros`, `Hamas`,
///   `Hongrie`, `haut`, `huit`, `Hong Kong` → false. An `h` followed by a
///   consonant is an acronym read letter by letter (`HLM`, `HCR`) → false.
/// - `y`: a consonant before a vowel (`yaourt`, `Yémen`, `yoga`, `Yougoslavie`
///   → false), a vowel otherwise (`Yves`, `Ypres`, the pronoun `y` → true);
///   exceptions `yeux`, `yeuse`, `Yonne` → true.
/// - Anything else (consonants, digits, punctuation, other scripts, the empty
///   string) → false; leading white space is skipped. Digits are not read as
///   numbers (`de 8`, `de 11`: no elision in print).
pub fn starts_with_vowel_sound(word: &str) -> bool {
    let w = word.trim_start();
    let mut chars = w.chars();
    let Some(c0) = chars.next() else {
        return false;
    };
    let b0 = base_letter(c0);
    if !b0.is_ascii_alphabetic() {
        return false;
    }
    let head = head_word(w);
    if NO_ELISION.contains(&head.as_str()) {
        return false;
    }
    match b0 {
        'a' | 'e' | 'i' | 'o' | 'u' => true,
        'y' => {
            if Y_VOWEL.contains(&head.as_str()) {
                return true;
            }
            !chars.next().is_some_and(|c| is_vowel_base(base_letter(c)))
        }
        'h' => {
            let vowel_next = chars.next().is_some_and(|c| is_vowel_base(base_letter(c)));
            vowel_next && !is_h_aspire(&head)
        }
        _ => false,
    }
}

/// Applies the case of `model` to a lowercase `target`: all capitals when
/// `model` is (`DE` → `DU`), a capital first letter when `model` has one
/// (`De` → `Du`), lowercase otherwise.
fn case_like(model: &str, target: &str) -> String {
    if is_all_caps(model) {
        return target.to_uppercase();
    }
    if model.chars().next().is_some_and(char::is_uppercase) {
        return upper_first(target);
    }
    target.to_string()
}

/// True when `w` has two letters or more, all capitals (`DE`, `ONU`).
fn is_all_caps(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let mut count = 0;
    let all = letters.all(|c| {
        count += 1;
        c.is_uppercase()
    });
    all && count > 1
}

/// The first word of `s` (letters, digits, inner hyphens), lowercase.
fn first_word_lower(s: &str) -> String {
    let w: String = s
        .trim_start()
        .chars()
        .take_while(|&c| c.is_alphanumeric() || c == '-')
        .collect();
    fold(&w)
}

/// True when `w` looks like an infinitive or another verb form that `le`
/// could be the object of (`de le faire`): its most frequent reading in the
/// part-of-speech lexicon is a verb and it has no gender (not a noun).
fn looks_like_verb(w: &str) -> bool {
    lexicon::lexicons()
        .pos
        .get(&fold(w))
        .is_some_and(|e| matches!(e.pos(), Pos::Verb | Pos::Aux) && e.gender == '-')
}

/// True when `le` + `next` is a surname with a capitalised `Le` (`Le Pen`).
fn is_le_surname(article: &str, next: &str) -> bool {
    article.starts_with(['L']) && LE_SURNAMES.contains(&first_word_lower(next).as_str())
}

/// Elides `word` before `next` when `next` starts with a vowel sound
/// ([`starts_with_vowel_sound`]), and returns the form to print.
///
/// - `le`, `la`, `de`, `que`, `ne`, `se`, `je`, `me`, `te` (and `jusque`,
///   `lorsque`, `puisque`, `quoique`) lose their last vowel: `("le",
///   "épisode")` → `"l’"`, `("que", "il")` → `"qu’"`, `("de", "Emmanuel")` →
///   `"d’"`. The elided form ends with `’` and takes no space before `next`.
/// - `si` elides only before `il` / `ils` (`s’il`; `si elle` stays).
/// - `ce` becomes `c’` before `est`, `était`, `en`… (`c’est`) and `cet`
///   before a noun or adjective (`cet accord`, `cet homme`); `cet` is a word
///   and takes a space. Before anything else `ce` stays (`ce à quoi`).
/// - The case of `word` is kept: `Le` → `L’`, `QUE` → `QU’`.
/// - Any other word, or a `next` without a vowel sound (`le héros`, `de
///   Hongrie`), gives `word` unchanged. `le` / `la` before `un` / `une` elide
///   too (`l’un des`), so write `la une` (a newspaper's front page) yourself.
pub fn elide(word: &str, next: &str) -> String {
    let lower = fold(word);
    if !ELIDABLE.contains(&lower.as_str()) || !starts_with_vowel_sound(next) {
        return word.to_string();
    }
    let next_word = first_word_lower(next);
    let elided = |w: &str| {
        let mut cut: String = w.chars().collect();
        cut.pop();
        cut.push(APOS);
        cut
    };
    match lower.as_str() {
        "si" => {
            if next_word == "il" || next_word == "ils" {
                elided(word)
            } else {
                word.to_string()
            }
        }
        "ce" => {
            if CE_ELIDES_BEFORE.contains(&next_word.as_str()) {
                elided(word)
            } else if lexicon::lexicons()
                .pos
                .get(&next_word)
                .is_some_and(|e| matches!(e.pos(), Pos::Noun | Pos::Adj))
            {
                case_like(word, "cet")
            } else {
                word.to_string()
            }
        }
        _ => elided(word),
    }
}

/// Joins two words with elision when needed: `join("le", "épisode")` ==
/// `"l’épisode"`, `join("le", "héros")` == `"le héros"`, `join("que", "il")`
/// == `"qu’il"`, `join("ce", "accord")` == `"cet accord"`.
///
/// An empty `word` gives `next`, an empty `next` gives `word` (no stray
/// space). See [`elide`] for the rules.
pub fn join(word: &str, next: &str) -> String {
    if word.is_empty() {
        return next.to_string();
    }
    if next.is_empty() {
        return word.to_string();
    }
    let e = elide(word, next);
    if e.ends_with(APOS) {
        format!("{e}{next}")
    } else {
        format!("{e} {next}")
    }
}

// ---------------------------------------------------------------------------
// de, à, articles
// ---------------------------------------------------------------------------

/// A noun phrase split at its leading article.
enum Lead<'a> {
    /// `le X` (lowercase or capitalised article), with the rest `X`.
    Le(&'a str),
    /// `les X`.
    Les(&'a str),
    /// `la X`.
    La(&'a str),
    /// `l’X`: already elided.
    Elided,
    /// Indefinite or partitive `des X`, `du X`, `de X`, `d’X` (lowercase).
    Partitive(&'a str),
    /// No article (a name, `un accord`…).
    None,
}

fn split_lead(np: &str) -> Lead<'_> {
    let Some((first, rest)) = np.split_once(char::is_whitespace) else {
        return match np.chars().next() {
            Some('l' | 'L') if np.chars().nth(1).is_some_and(is_apostrophe) => Lead::Elided,
            _ => Lead::None,
        };
    };
    let rest = rest.trim_start();
    if rest.is_empty() {
        return Lead::None;
    }
    let lower = fold(first);
    if first.chars().nth(1).is_some_and(is_apostrophe) {
        // `d’autres pays` is indefinite; `d’Artagnan` a name.
        let third_lower = first.chars().nth(2).is_some_and(char::is_lowercase);
        return match first.chars().next() {
            Some('l' | 'L') => Lead::Elided,
            Some('d') if third_lower => Lead::Partitive(np),
            _ => Lead::None,
        };
    }
    match lower.as_str() {
        "le" if !is_le_surname(first, rest) => Lead::Le(rest),
        "les" => Lead::Les(rest),
        "la" => Lead::La(rest),
        // `de` before a lowercase word is indefinite (`de nombreux pays`);
        // before a capitalised one, a name's particle (`de Gaulle`).
        "de" if rest.starts_with(char::is_lowercase) => Lead::Partitive(np),
        // Capitalised `Des`, `Du` before a capitalised word is a name
        // (`Des Moines`, `Du Guesclin`); otherwise an article.
        "des" | "du"
            if first.starts_with(char::is_lowercase) || rest.starts_with(char::is_lowercase) =>
        {
            Lead::Partitive(rest)
        }
        _ => Lead::None,
    }
}

/// `de` + noun phrase, with contraction and elision.
///
/// - `le X` → `du X` (`du président`, `du Hamas`, `du héros`, `du Monde`),
///   or `de l’X` before a vowel sound (`de l’épisode`);
/// - `les X` → `des X` (`des États-Unis`);
/// - `la X` → `de la X` (`de la hausse`), `de l’X` before a vowel sound;
/// - `l’X` → `de l’X` (`de l’État`);
/// - the indefinite or partitive `des X` / `du X` merge with `de`: `de` +
///   `des accords` → `d’accords`, `de` + `du pétrole` → `de pétrole`, and
///   `de nombreux pays` / `d’autres pays` are returned as they are;
/// - anything else takes `de`, elided before a vowel sound: `d’Emmanuel
///   Macron`, `d’un accord`, `de Hongrie`.
///
/// The article may be capitalised (`Le Monde` → `du Monde`, `Des
/// manifestants` → `de manifestants`), except in surnames (`de Le Pen`):
/// `de`, `De`, `Des`, `Du` before a capitalised word are a name's particle
/// (`de de Gaulle`, `de De Gaulle`, `de Des Moines`). The rest of `np` is kept as given;
/// leading white space is ignored. An empty `np` gives `"de"`; an article
/// alone (`"le"`) is not contracted (`"de le"`).
pub fn de(np: &str) -> String {
    let np = np.trim_start();
    if np.is_empty() {
        return "de".to_string();
    }
    match split_lead(np) {
        Lead::Le(rest) | Lead::La(rest) if starts_with_vowel_sound(rest) => {
            format!("de l{APOS}{rest}")
        }
        Lead::Le(rest) => format!("du {rest}"),
        Lead::Les(rest) => format!("des {rest}"),
        Lead::La(_) | Lead::Elided => format!("de {np}"),
        Lead::Partitive(rest) => {
            if fold(rest).starts_with("de ") || rest.chars().nth(1).is_some_and(is_apostrophe) {
                // `De nombreux pays` opened a sentence: lowered mid-sentence.
                lower_at(rest, 0)
            } else {
                join("de", rest)
            }
        }
        Lead::None => join("de", np),
    }
}

/// `à` + noun phrase, with contraction: `le X` → `au X` (`au Japon`, `au
/// Hamas`), `les X` → `aux X` (`aux États-Unis`), `la X` → `à la X` (`à la
/// Chine`), `l’X` → `à l’X` (`à l’Élysée`); `le` / `la` before a vowel sound
/// → `à l’X`. Anything else takes `à` (`à Emmanuel Macron`, `à des
/// négociations`, `à Le Pen`).
///
/// The same article rules as [`de`] apply; an empty `np` gives `"à"`.
pub fn a(np: &str) -> String {
    let np = np.trim_start();
    if np.is_empty() {
        return "à".to_string();
    }
    match split_lead(np) {
        Lead::Le(rest) | Lead::La(rest) if starts_with_vowel_sound(rest) => {
            format!("à l{APOS}{rest}")
        }
        Lead::Le(rest) => format!("au {rest}"),
        Lead::Les(rest) => format!("aux {rest}"),
        _ => format!("à {np}"),
    }
}

/// The definite article for a common noun, from the part-of-speech
/// lexicon's gender and number: `"le"`, `"la"`, `"l’"` (vowel sound, any
/// gender: `l’accord`, `l’élève`) or `"les"` (plural, any gender: `les
/// gens`).
///
/// The noun is looked up lowercase, then with `œ` / `æ` written `oe` / `ae`
/// (the lexicon's spelling), then by its first word (`haut responsable` →
/// `haut`). Forms the lexicon marks as both singular and plural (`héros`,
/// `pays`) are taken as singular (`le héros`). Returns `None` when the word is
/// not in the lexicon as a noun or adjective, or when a singular noun that
/// does not start with a vowel sound has no known gender (`ministre`): the
/// caller then picks a template that needs no article.
pub fn definite_article(noun: &str) -> Option<&'static str> {
    let noun = noun.trim();
    let key = fold(noun);
    let pos = &lexicon::lexicons().pos;
    let lookup = |k: &str| {
        let k2 = k.replace('œ', "oe").replace('æ', "ae");
        pos.get(k)
            .or_else(|| pos.get(&k2))
            .filter(|e| e.has(Pos::Noun) || e.has(Pos::Adj))
    };
    let entry = lookup(&key).or_else(|| {
        let first = key.split_whitespace().next()?;
        if first == key { None } else { lookup(first) }
    })?;
    if entry.number == 'p' {
        return Some("les");
    }
    if starts_with_vowel_sound(noun) {
        return Some("l’");
    }
    match entry.gender {
        'm' => Some("le"),
        'f' => Some("la"),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// fix_contractions
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Letters and digits, with inner hyphens (`États-Unis`, `dis-le`).
    Word,
    /// Horizontal white space.
    Space,
    /// One other character (punctuation, apostrophe, line break).
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    kind: Kind,
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let end_of = |k: usize| chars.get(k).map_or(s.len(), |&(b, _)| b);
    let mut k = 0;
    while k < n {
        let (start, c) = chars[k];
        let (kind, len) = if c.is_alphanumeric() {
            let mut j = k + 1;
            while j < n {
                let d = chars[j].1;
                let joins = d == '-'
                    && chars[j - 1].1.is_alphanumeric()
                    && chars.get(j + 1).is_some_and(|&(_, e)| e.is_alphanumeric());
                if d.is_alphanumeric() || is_combining_mark(d) || joins {
                    j += 1;
                } else {
                    break;
                }
            }
            (Kind::Word, j - k)
        } else if is_hspace(c) {
            let run = chars[k..]
                .iter()
                .take_while(|&&(_, d)| is_hspace(d))
                .count();
            (Kind::Space, run)
        } else {
            (Kind::Other, 1)
        };
        toks.push(Tok {
            text: &s[start..end_of(k + len)],
            kind,
        });
        k += len;
    }
    toks
}

/// True when the word at `i` stands alone: at the start, after a space or
/// after punctuation that is neither an apostrophe nor a hyphen.
fn free_word(toks: &[Tok<'_>], i: usize) -> bool {
    match i.checked_sub(1).map(|p| toks[p]) {
        None => true,
        Some(t) if t.kind == Kind::Space => true,
        Some(t) if t.kind == Kind::Other => {
            !t.text.starts_with(|c: char| is_apostrophe(c) || c == '-')
        }
        Some(_) => false,
    }
}

/// The index of the word after the word at `i`, across one space.
fn word_after(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let sp = toks.get(i + 1)?;
    let w = toks.get(i + 2)?;
    (sp.kind == Kind::Space && w.kind == Kind::Word).then_some(i + 2)
}

/// True when the lowercase `de` at `i` sits between two capitalised words,
/// the first not opening the text or a sentence: a surname's particle
/// (`Manoel de Oliveira`), which does not elide.
fn is_name_particle(toks: &[Tok<'_>], i: usize) -> bool {
    if toks[i].text != "de" || !word_after(toks, i).is_some_and(|j| is_capitalised(toks[j].text)) {
        return false;
    }
    let Some(p) = i.checked_sub(2) else {
        return false;
    };
    if toks[p].kind != Kind::Word
        || toks[p + 1].kind != Kind::Space
        || !is_capitalised(toks[p].text)
    {
        return false;
    }
    // What precedes the first name, spaces skipped.
    let before = toks[..p].iter().rev().find(|t| t.kind != Kind::Space);
    match before {
        None => false,
        Some(t) if t.kind == Kind::Word => true,
        Some(t) => !t
            .text
            .starts_with(['.', '!', '?', '…', '«', '“', '"', '\n', '\r', ':']),
    }
}

fn fix_once(s: &str) -> String {
    let toks = tokenize(s);
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if t.kind != Kind::Word || !free_word(&toks, i) {
            out.push_str(t.text);
            i += 1;
            continue;
        }
        let Some(j) = word_after(&toks, i) else {
            out.push_str(t.text);
            i += 1;
            continue;
        };
        let w1 = fold(t.text);
        let w2 = toks[j].text;
        let l2 = fold(w2);
        // Whole words only: the second word may not be the head of `l’…`.
        let w2_alone = toks
            .get(j + 1)
            .is_none_or(|n| !n.text.starts_with(is_apostrophe));
        // de le X, de les X, à le X, à les X.
        if (w1 == "de" || w1 == "à")
            && (l2 == "le" || l2 == "les")
            && w2_alone
            && let Some(k) = word_after(&toks, j)
        {
            let w3 = toks[k].text;
            if l2 == "le" && is_le_surname(w2, w3) {
                // `de Le Pen`: a name.
            } else if l2 == "le" && starts_with_vowel_sound(w3) {
                out.push_str(t.text);
                out.push_str(toks[i + 1].text);
                out.push_str(&elide(w2, w3));
                i = k;
                continue;
            } else if !looks_like_verb(w3) {
                let merged = match (w1.as_str(), l2.as_str()) {
                    ("de", "le") => "du",
                    ("de", _) => "des",
                    (_, "le") => "au",
                    _ => "aux",
                };
                out.push_str(&case_like(t.text, merged));
                i = j + 1;
                continue;
            }
        }
        // du X, au X before a vowel sound: de l’X, à l’X.
        if (w1 == "du" || w1 == "au") && starts_with_vowel_sound(w2) {
            let prep = if w1 == "du" { "de" } else { "à" };
            out.push_str(&case_like(t.text, prep));
            out.push(' ');
            out.push_str(if is_all_caps(t.text) { "L’" } else { "l’" });
            i = j;
            continue;
        }
        // Elision (but `Manoel de Oliveira`: a particle between names).
        if ELIDABLE.contains(&w1.as_str()) && w2_alone && !is_name_particle(&toks, i) {
            let e = elide(t.text, w2);
            if e.ends_with(APOS) {
                out.push_str(&e);
                i = j;
                continue;
            }
            out.push_str(&e);
            i += 1;
            continue;
        }
        out.push_str(t.text);
        i += 1;
    }
    out
}

/// Rewrites the sequences French forbids in text refonte built.
///
/// - `de le X` → `du X`, or `de l’X` before a vowel sound; `de les` → `des`;
///   `à le X` → `au X` / `à l’X`; `à les` → `aux`;
/// - `du X` / `au X` before a vowel sound → `de l’X` / `à l’X`;
/// - elision before a vowel sound, as in [`elide`]: `de Emmanuel` →
///   `d’Emmanuel`, `la épisode` → `l’épisode`, `que il` → `qu’il`, `si il` →
///   `s’il`, `ce accord` → `cet accord`, `ce est` → `c’est`.
///
/// The case of the first word is kept (`De le` → `Du`, `DE LE` → `DU`, `Le
/// épisode` → `L’épisode`). Only whole words separated by horizontal space
/// are rewritten: not across a line break, not inside hyphenated words
/// (`dis-le`), not after an apostrophe. The h aspiré is respected (`de le
/// Hamas` → `du Hamas`, `la Hongrie` stays). `le` / `les` before a verb with
/// no noun reading are object pronouns and stay (`de le faire`, `à les
/// aider`), and `de Le Pen` stays. A lowercase `de` between two capitalised
/// words, the first not opening the text or a sentence, is a surname's
/// particle and does not elide (`le cinéaste Manoel de Oliveira`; but
/// `Sommet de Osaka` → `Sommet d’Osaka`). Only `à` with its accent is a
/// preposition (`il a le droit` stays).
///
/// Never apply it to source sentences: it is meant for template text.
pub fn fix_contractions(s: &str) -> String {
    let mut cur = fix_once(s);
    for _ in 0..3 {
        let next = fix_once(&cur);
        if next == cur {
            break;
        }
        cur = next;
    }
    cur
}

// ---------------------------------------------------------------------------
// Capitals
// ---------------------------------------------------------------------------

/// Uppercases the first letter of `s`, after any leading white space or
/// punctuation (`« une` → `« Une`). When the first letter or digit is a digit
/// (`2 600 personnes`), or there is none, `s` is returned unchanged.
pub fn upper_first(s: &str) -> String {
    match s.char_indices().find(|(_, c)| c.is_alphanumeric()) {
        Some((i, c)) if c.is_lowercase() => {
            let mut out = String::with_capacity(s.len() + 2);
            out.push_str(&s[..i]);
            out.extend(c.to_uppercase());
            out.push_str(&s[i + c.len_utf8()..]);
            out
        }
        _ => s.to_string(),
    }
}

/// Lowercases the character at byte `i` of `s`.
fn lower_at(s: &str, i: usize) -> String {
    let Some(c) = s[i..].chars().next() else {
        return s.to_string();
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..i]);
    out.extend(c.to_lowercase());
    out.push_str(&s[i + c.len_utf8()..]);
    out
}

/// True when a part of `w` between hyphens or apostrophes has two capitals or more (`ONU`,
/// `McDonald`, `ÉTATS-UNIS`): an acronym or a name, never lowered.
fn has_acronym_part(w: &str) -> bool {
    w.split(|c: char| c == '-' || is_apostrophe(c))
        .any(|part| part.chars().filter(|c| c.is_uppercase()).count() >= 2)
}

/// Lowercases the first letter of every hyphen-separated part of `w`
/// (`Haut-Commissaire` → `haut-commissaire`).
fn lower_parts(w: &str) -> String {
    w.split('-')
        .map(|part| lower_at(part, 0))
        .collect::<Vec<_>>()
        .join("-")
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Lowercases the first letter of `s` unless the first word is a proper noun,
/// e.g. to put a connector before a sentence: `Les pourparlers…` → `les
/// pourparlers…`, `Biden a…` stays when `is_proper("Biden")`.
///
/// The first word is the first run of letters, digits, hyphens and
/// apostrophes after any leading white space or punctuation (`L’Élysée`).
/// It is kept as it is when `is_proper(word)` is true, when it is a place of
/// [`place_preposition`] (`Chine`), when it has two capitals in one part
/// (`ONU`) or two capitalised hyphen parts (`États-Unis`, `Jean-Luc`), when
/// it holds a digit (`G7`), or when it is a capitalised `Le` / `La` / `Les`
/// before a capitalised word and `is_proper` accepts the pair
/// (`is_proper("Le Monde")`) or it is a known surname (`Le Pen`). `À`
/// becomes `à`, and so does the unaccented `A` before a space (`A partir` →
/// `à partir`).
pub fn lower_first(s: &str, is_proper: impl Fn(&str) -> bool) -> String {
    let Some((i, c)) = s.char_indices().find(|(_, c)| c.is_alphanumeric()) else {
        return s.to_string();
    };
    if !c.is_uppercase() {
        return s.to_string();
    }
    let rest = &s[i..];
    let word_len = rest
        .char_indices()
        .find(|&(_, d)| !(d.is_alphanumeric() || d == '-' || is_apostrophe(d)))
        .map_or(rest.len(), |(k, _)| k);
    let word = rest[..word_len].trim_end_matches(|d: char| d == '-' || is_apostrophe(d));
    // An elided article or preposition before a name or acronym is lowered
    // alone: `L’ONU exige` → `l’ONU exige` (but `L’Équipe`, a name, stays).
    let elided = word
        .split_once(is_apostrophe)
        .is_some_and(|(head, tail)| matches!(head, "L" | "D") && !tail.is_empty());
    if elided && !is_proper(word) {
        return lower_at(s, i);
    }
    if is_proper(word)
        || has_acronym_part(word)
        || (word.contains('-') && word.split('-').filter(|p| is_capitalised(p)).count() >= 2)
        || word.chars().any(|d| d.is_ascii_digit())
        || place_preposition(word).is_some()
    {
        return s.to_string();
    }
    // A capital `A` opening a sentence is the preposition written without
    // its accent (`A partir de lundi`): lowered, it is `à`.
    if word == "A" && rest[1..].starts_with(' ') {
        return format!("{}à{}", &s[..i], &rest[1..]);
    }
    if matches!(word, "Le" | "La" | "Les") {
        let after = rest[word_len..].trim_start();
        let next: String = after
            .chars()
            .take_while(|&d| d.is_alphanumeric() || d == '-')
            .collect();
        if is_capitalised(&next)
            && (is_proper(&format!("{word} {next}")) || is_le_surname(word, &next))
        {
            return s.to_string();
        }
    }
    lower_at(s, i)
}

/// Sentence case for a title or heading: the first letter uppercase, proper
/// nouns capitalised, every other word lowercase.
///
/// Words already lowercase stay lowercase. A word capitalised after the first
/// is lowered (the first letter of each hyphen part: `Haut-Commissaire` →
/// `haut-commissaire`) when `is_proper(word)` is false — the caller decides
/// with its entity list; `is_proper` receives the whole hyphenated word
/// (`Jean-Yves`). Kept as they are:
/// - places known to [`place_preposition`] (`Chine`, `États-Unis`), even when
///   `is_proper` rejects them;
/// - words with two capitals in one hyphen part (acronyms `ONU`, `UE`,
///   `ÉTATS-UNIS`, `McDonald`), words with a digit (`G7`, `Covid-19`),
///   one-letter words (`plan B`) except the words `À`, `A`, `Y`, `Ô`
///   (`Un Accord À Portée` → `Un accord à portée`, `Macron A Dit` →
///   `Macron a dit`);
/// - the first word after `«`, `“`, `"` (a quotation keeps its capital) and
///   after `.` `!` `?` `…` or a line break (a new sentence);
/// - a capitalised `Le` / `La` / `Les` and the capitalised word after it
///   when `is_proper` accepts the pair (`is_proper("Le Monde")`) or it is a
///   known surname (`Marine Le Pen`); an elided `L’` / `D’` mid-string is
///   lowered unless `is_proper` accepts it with the next word (`L’Équipe`).
///
/// French sentence case does not capitalise after a colon: the word after
/// `:` follows the ordinary rule (`Blinken en Chine : Des Discussions` →
/// `Blinken en Chine : des discussions`).
pub fn sentence_case(s: &str, is_proper: impl Fn(&str) -> bool) -> String {
    let toks = tokenize(s);
    let words: Vec<usize> = (0..toks.len())
        .filter(|&k| toks[k].kind == Kind::Word)
        .collect();
    // Whether the word at toks index k keeps its capital because of an
    // article + name pair.
    let pair_kept = |a: usize, b: usize| {
        let (wa, wb) = (toks[a].text, toks[b].text);
        matches!(wa, "Le" | "La" | "Les")
            && is_capitalised(wb)
            && word_after(&toks, a) == Some(b)
            && (is_proper(&format!("{wa} {wb}")) || is_le_surname(wa, wb))
    };
    let mut out = String::with_capacity(s.len());
    let mut keep_next = true;
    for (n, &k) in words.iter().enumerate() {
        // Copy what precedes this word, noting sentence or quotation starts.
        let from = if n == 0 { 0 } else { words[n - 1] + 1 };
        for t in &toks[from..k] {
            if t.kind == Kind::Other
                && t.text
                    .starts_with(['«', '“', '"', '.', '!', '?', '…', '\n', '\r'])
            {
                keep_next = true;
            }
            out.push_str(t.text);
        }
        let w = toks[k].text;
        let keep = keep_next
            || !is_capitalised(w)
            || has_acronym_part(w)
            || w.chars().any(|c| c.is_ascii_digit())
            || {
                let clitic = toks
                    .get(k + 1)
                    .is_some_and(|t| t.text.starts_with(is_apostrophe));
                if clitic {
                    let next = toks.get(k + 2).filter(|t| t.kind == Kind::Word);
                    next.is_some_and(|t| is_proper(&format!("{w}{APOS}{}", t.text)))
                } else {
                    (w.chars().count() == 1 && !matches!(w, "À" | "A" | "Y" | "Ô"))
                        || is_proper(w)
                        || place_preposition(w).is_some()
                        || word_after(&toks, k).is_some_and(|b| pair_kept(k, b))
                        || (k >= 2 && pair_kept(k - 2, k))
                }
            };
        keep_next = false;
        if keep {
            out.push_str(w);
        } else {
            out.push_str(&lower_parts(w));
        }
    }
    let from = words.last().map_or(0, |&k| k + 1);
    for t in &toks[from..] {
        out.push_str(t.text);
    }
    upper_first(&out)
}

// ---------------------------------------------------------------------------
// Slugs
// ---------------------------------------------------------------------------

/// Appends `c` as ASCII to `piece`: accents dropped, ligatures spelled out;
/// returns false for a character with no ASCII letter or digit.
fn push_ascii(c: char, piece: &mut String) -> bool {
    match c {
        'œ' | 'Œ' => piece.push_str("oe"),
        'æ' | 'Æ' => piece.push_str("ae"),
        'ß' => piece.push_str("ss"),
        'ø' | 'Ø' => piece.push('o'),
        'ł' | 'Ł' => piece.push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => piece.push('d'),
        'þ' | 'Þ' => piece.push_str("th"),
        'ı' => piece.push('i'),
        _ => {
            let mut any = false;
            decompose_canonical(c, |d| {
                if d.is_ascii_alphanumeric() {
                    piece.push(d.to_ascii_lowercase());
                    any = true;
                } else if is_combining_mark(d) {
                    // dropped accent
                } else {
                    any = false;
                }
            });
            return any;
        }
    }
    true
}

/// The ASCII pieces of one word (split where a character has no ASCII form).
fn ascii_pieces(word: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        if !push_ascii(c, &mut piece) && !piece.is_empty() {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// URL slug: ASCII, lowercase, words joined by one hyphen, stop words dropped.
///
/// - Letters are NFD-decomposed and stripped to ASCII (`é` → `e`, `œ` → `oe`,
///   `æ` → `ae`, `ß` → `ss`); characters with no ASCII form (other scripts,
///   symbols) separate words; digit groups of a number (`2 600 000`) are
///   joined (`2600000`).
/// - Stop words are dropped (`crate::lexicon::lexicons().is_stop` on the
///   lowercase word), and so are the elided letters `l`, `d`, `qu`, `s`, `n`,
///   `j`, `m`, `t`, `c` (and `jusqu`, `lorsqu`…) left after splitting a word
///   at its apostrophe (`l’État` → `etat`). When every word is a stop word,
///   they are all kept, so that a title of stop words still has a slug.
/// - At most `max_len` bytes, cut between words; when the first word alone
///   is longer, it is cut to `max_len` bytes (the only case a word is cut).
///   `max_len == 0` gives `""`.
/// - No leading or trailing hyphen; `""` for input with no letters or digits.
///
/// `"Blinken en Chine : des discussions « constructives »"` →
/// `"blinken-chine-discussions-constructives"`.
pub fn slugify(s: &str, max_len: usize) -> String {
    let lex = lexicon::lexicons();
    let chars: Vec<char> = s.chars().collect();
    let seps = thousands_separators(&chars);
    // (piece, is_stop)
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, pieces: &mut Vec<(String, bool)>| {
        if word.is_empty() {
            return;
        }
        let folded = fold(word);
        let whole_stop = lex.is_stop(&folded);
        let parts: Vec<&str> = folded.split(APOS).filter(|p| !p.is_empty()).collect();
        let count = parts.len();
        for (k, part) in parts.into_iter().enumerate() {
            let elided = (k + 1 < count || folded.ends_with(APOS))
                && (ELIDED_PREFIXES.contains(&part) || lex.is_stop(&format!("{part}{APOS}")));
            let stop = whole_stop || elided || lex.is_stop(part);
            for p in ascii_pieces(part) {
                pieces.push((p, stop));
            }
        }
        word.clear();
    };
    let mut k = 0;
    let mut seps = seps.into_iter().peekable();
    while k < chars.len() {
        let c = chars[k];
        if seps.peek() == Some(&k) {
            seps.next();
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            word.push(c);
        } else if is_apostrophe(c) && !word.is_empty() {
            word.push(APOS);
        } else {
            flush(&mut word, &mut pieces);
        }
        k += 1;
    }
    flush(&mut word, &mut pieces);
    let content: Vec<&str> = pieces
        .iter()
        .filter(|(_, stop)| !stop)
        .map(|(p, _)| p.as_str())
        .collect();
    let chosen: Vec<&str> = if content.is_empty() {
        pieces.iter().map(|(p, _)| p.as_str()).collect()
    } else {
        content
    };
    let mut out = String::new();
    for p in chosen {
        if out.is_empty() {
            if p.len() > max_len {
                out.push_str(&p[..max_len]);
                break;
            }
            out.push_str(p);
        } else if out.len() + 1 + p.len() <= max_len {
            out.push('-');
            out.push_str(p);
        } else {
            break;
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

/// The places file, compiled in.
const COUNTRIES: &str = include_str!("../lexicons/fr/countries.txt");

/// The lookup key of a place name: lowercase, no accents, `’` apostrophe,
/// hyphens as spaces, single spaces.
fn place_key(name: &str) -> String {
    let mut ascii = String::with_capacity(name.len());
    for c in fold(name).chars() {
        match c {
            '-' | '‐' | '‑' => ascii.push(' '),
            c if c.is_whitespace() => ascii.push(' '),
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    ascii.push(d);
                }
            }),
        }
    }
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_prep(p: &str) -> Option<&'static str> {
    match p.trim() {
        "en" => Some("en"),
        "au" => Some("au"),
        "aux" => Some("aux"),
        "à" => Some("à"),
        _ => None,
    }
}

fn places() -> &'static FxHashMap<String, &'static str> {
    static PLACES: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    PLACES.get_or_init(|| {
        lexicon::entries(COUNTRIES)
            .filter_map(|line| {
                let (name, prep) = line.split_once('\t')?;
                Some((place_key(name), parse_prep(prep)?))
            })
            .collect()
    })
}

/// The preposition of place before a country, territory, island or world
/// region: `"en"` (feminine, or masculine with a vowel sound: `en Chine`,
/// `en Iran`, `en Israël`), `"au"` (masculine: `au Japon`, `au Honduras`),
/// `"aux"` (plural: `aux États-Unis`, `aux Philippines`) or `"à"` (no
/// article: `à Taïwan`, `à Cuba`, `à Singapour`).
///
/// `name` is the bare name as it follows the preposition; case, accents,
/// hyphens and the apostrophe form do not matter (`Etats-Unis`, `Corée du
/// Sud`, `Côte d'Ivoire`). A name with an article is found only when the
/// article belongs to it (`La Réunion`, `la Barbade` → `"à"`, printed `à La
/// Réunion`); `la Chine` and the bare `Réunion` give `None`, so that no
/// caller prints `en la Chine` or `à Réunion`. Returns `None` for names not in
/// `lexicons/fr/countries.txt` (cities are not listed).
pub fn place_preposition(name: &str) -> Option<&'static str> {
    places().get(&place_key(name.trim())).copied()
}

/// True when a source sentence carries a typing slip that refonte may not
/// correct in it (provenance keeps it as written) and that a key point would
/// print a second time: `1.000` for `1 000`, `--` for a dash, `...`, a
/// comma before a closing guillemet, `20%`, `1er`, an unaccented capital
/// (`Etat`), a straight double quote, a colon or semicolon glued to the
/// word before (`disant:`), an hour or unit glued to its number (`17h`).
pub fn has_slips(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let dotted_thousands = (1..b.len()).any(|k| {
        b[k] == b'.'
            && digit(k - 1)
            && digit(k + 1)
            && digit(k + 2)
            && digit(k + 3)
            && !digit(k + 4)
    });
    let glued_percent = (1..b.len()).any(|k| b[k] == b'%' && digit(k - 1));
    // `disant: « …`: a mark Grammalecte wants a space before, where the
    // source has none (`14:30` and `http://` are no marks).
    let glued_mark = (1..b.len()).any(|k| {
        matches!(b[k], b':' | b';')
            && b[k - 1].is_ascii_alphabetic()
            && b.get(k + 1).is_none_or(|&c| c == b' ')
    });
    let glued_unit = (1..b.len()).any(|k| {
        digit(k - 1)
            && matches!(b[k], b'h' | b'H')
            && b.get(k + 1).is_none_or(|&c| !c.is_ascii_alphabetic())
    });
    let lex = crate::lexicon::lexicons();
    let slips = ["--", "...", ",»", ", »", "\""];
    dotted_thousands
        || glued_percent
        || glued_mark
        || glued_unit
        || slips.iter().any(|s| text.contains(s))
        || text.split(|c: char| !c.is_alphanumeric()).any(|w| {
            let ordinal = w.len() > 1
                && w.starts_with(|c: char| c.is_ascii_digit())
                && (w.ends_with("er") || w.ends_with('e'))
                && w.trim_end_matches(['e', 'r'])
                    .bytes()
                    .all(|c| c.is_ascii_digit());
            let unaccented = w.len() > 2
                && w.starts_with('E')
                && w[1..].starts_with(|c: char| c.is_lowercase())
                && lex.pos.get(&format!("é{}", &w[1..])).is_some()
                && lex.pos.get(&w.to_lowercase()).is_none();
            ordinal || unaccented
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn nb(s: &str) -> String {
        // `~` in a table stands for U+00A0, `^` for U+202F.
        s.replace('~', "\u{A0}").replace('^', "\u{202F}")
    }

    #[test]
    fn vowel_sounds() {
        let cases: &[(&str, bool)] = &[
            ("épisode", true),
            ("Emmanuel", true),
            ("Élysée", true),
            ("État", true),
            ("accord", true),
            ("un", true),
            ("ONU", true),
            ("œuvre", true),
            ("Œil", true),
            ("homme", true),
            ("hôpital", true),
            ("Hôpital", true),
            ("histoire", true),
            ("héros", false),
            ("Hamas", false),
            ("HAMAS", false),
            ("Hongrie", false),
            ("hausse", false),
            ("haut", false),
            ("huit", false),
            ("Hong Kong", false),
            ("Hong-Kong", false),
            ("haut-commissaire", false),
            ("HLM", false),
            ("onze", false),
            ("oui", false),
            ("yaourt", false),
            ("Yémen", false),
            ("yoga", false),
            ("Yves", true),
            ("y", true),
            ("yeux", true),
            ("président", false),
            ("Chine", false),
            ("8", false),
            ("11", false),
            ("", false),
            ("   ", false),
            ("«", false),
            ("« Emmanuel", false),
            ("北京", false),
            ("  épisode", true),
        ];
        for &(w, want) in cases {
            assert_eq!(starts_with_vowel_sound(w), want, "{w:?}");
        }
    }

    #[test]
    fn de_contracts_and_elides() {
        let cases: &[(&str, &str)] = &[
            ("le président", "du président"),
            ("les États-Unis", "des États-Unis"),
            ("l’État", "de l’État"),
            ("l'État", "de l'État"),
            ("la hausse", "de la hausse"),
            ("Emmanuel Macron", "d’Emmanuel Macron"),
            ("le Hamas", "du Hamas"),
            ("le héros", "du héros"),
            ("un accord", "d’un accord"),
            ("Hongrie", "de Hongrie"),
            ("la Hongrie", "de la Hongrie"),
            ("le haut responsable", "du haut responsable"),
            ("les huit", "des huit"),
            ("le homme", "de l’homme"),
            ("la épisode", "de l’épisode"),
            ("l’hôpital", "de l’hôpital"),
            ("Élysée", "d’Élysée"),
            ("Le Monde", "du Monde"),
            ("Le Havre", "du Havre"),
            ("Les Républicains", "des Républicains"),
            ("Le Pen", "de Le Pen"),
            ("De Gaulle", "de De Gaulle"),
            ("de Gaulle", "de de Gaulle"),
            ("De nombreux pays", "de nombreux pays"),
            ("Des Moines", "de Des Moines"),
            ("des accords", "d’accords"),
            ("des négociations", "de négociations"),
            ("du pétrole", "de pétrole"),
            ("de nombreux pays", "de nombreux pays"),
            ("d’autres pays", "d’autres pays"),
            ("Des manifestants", "de manifestants"),
            ("Japon", "de Japon"),
            ("  le Japon", "du Japon"),
            ("le", "de le"),
            ("", "de"),
            ("«", "de «"),
            ("8 millions", "de 8 millions"),
        ];
        for &(np, want) in cases {
            assert_eq!(de(np), want, "de + {np:?}");
        }
    }

    #[test]
    fn a_contracts() {
        let cases: &[(&str, &str)] = &[
            ("le Japon", "au Japon"),
            ("les États-Unis", "aux États-Unis"),
            ("la Chine", "à la Chine"),
            ("l’Élysée", "à l’Élysée"),
            ("le Hamas", "au Hamas"),
            ("le héros", "au héros"),
            ("le haut responsable", "au haut responsable"),
            ("les huit", "aux huit"),
            ("le homme", "à l’homme"),
            ("la hausse", "à la hausse"),
            ("Emmanuel Macron", "à Emmanuel Macron"),
            ("des négociations", "à des négociations"),
            ("Le Caire", "au Caire"),
            ("Le Pen", "à Le Pen"),
            ("", "à"),
            ("le", "à le"),
        ];
        for &(np, want) in cases {
            assert_eq!(a(np), want, "à + {np:?}");
        }
    }

    #[test]
    fn elide_and_join() {
        // (word, next, elide, join)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("le", "épisode", "l’", "l’épisode"),
            ("le", "héros", "le", "le héros"),
            ("la", "Hongrie", "la", "la Hongrie"),
            ("le", "Hamas", "le", "le Hamas"),
            ("le", "haut responsable", "le", "le haut responsable"),
            ("le", "homme", "l’", "l’homme"),
            ("le", "hôpital", "l’", "l’hôpital"),
            ("que", "il", "qu’", "qu’il"),
            ("que", "Emmanuel", "qu’", "qu’Emmanuel"),
            ("de", "Emmanuel", "d’", "d’Emmanuel"),
            ("de", "Antony Blinken", "d’", "d’Antony Blinken"),
            ("de", "Hongrie", "de", "de Hongrie"),
            ("ne", "est", "n’", "n’est"),
            ("se", "est", "s’", "s’est"),
            ("je", "ai", "j’", "j’ai"),
            ("me", "a", "m’", "m’a"),
            ("te", "a", "t’", "t’a"),
            ("si", "il", "s’", "s’il"),
            ("si", "ils", "s’", "s’ils"),
            ("si", "elle", "si", "si elle"),
            ("ce", "est", "c’", "c’est"),
            ("ce", "accord", "cet", "cet accord"),
            ("ce", "homme", "cet", "cet homme"),
            ("ce", "héros", "ce", "ce héros"),
            ("ce", "à", "ce", "ce à"),
            ("jusque", "à", "jusqu’", "jusqu’à"),
            ("Le", "épisode", "L’", "L’épisode"),
            ("QUE", "IL", "QU’", "QU’IL"),
            ("De", "Emmanuel", "D’", "D’Emmanuel"),
            ("le", "onze", "le", "le onze"),
            ("le", "yaourt", "le", "le yaourt"),
            ("du", "accord", "du", "du accord"),
            ("", "épisode", "", "épisode"),
            ("le", "", "le", "le"),
        ];
        for &(w, next, e, j) in cases {
            assert_eq!(elide(w, next), e, "elide({w:?}, {next:?})");
            assert_eq!(join(w, next), j, "join({w:?}, {next:?})");
        }
    }

    #[test]
    fn definite_articles() {
        let cases: &[(&str, Option<&str>)] = &[
            ("président", Some("le")),
            ("hausse", Some("la")),
            ("accord", Some("l’")),
            ("épisode", Some("l’")),
            ("homme", Some("l’")),
            ("hôpital", Some("l’")),
            ("héros", Some("le")),
            ("élève", Some("l’")),
            ("gens", Some("les")),
            ("relations", Some("les")),
            ("ministre", None),
            ("Président", Some("le")),
            ("haut responsable", Some("le")),
            ("œuvre", Some("l’")),
            ("faire", None),
            ("qzxw", None),
            ("", None),
            ("«", None),
        ];
        for &(noun, want) in cases {
            assert_eq!(definite_article(noun), want, "{noun:?}");
        }
    }

    #[test]
    fn contractions_are_fixed() {
        let cases: &[(&str, &str)] = &[
            ("la visite de le président", "la visite du président"),
            (
                "la position de les États-Unis",
                "la position des États-Unis",
            ),
            ("à le Japon", "au Japon"),
            ("à les États-Unis", "aux États-Unis"),
            ("de le épisode", "de l’épisode"),
            ("à le Élysée", "à l’Élysée"),
            ("de le Hamas", "du Hamas"),
            ("de le héros", "du héros"),
            ("de le haut responsable", "du haut responsable"),
            ("de les huit", "des huit"),
            ("de la hausse", "de la hausse"),
            ("de la Hongrie", "de la Hongrie"),
            ("la Hongrie", "la Hongrie"),
            ("le Hamas", "le Hamas"),
            ("le homme", "l’homme"),
            ("le hôpital", "l’hôpital"),
            ("de Emmanuel Macron", "d’Emmanuel Macron"),
            ("de Élysée", "d’Élysée"),
            ("la épisode", "l’épisode"),
            ("que il", "qu’il"),
            ("si il", "s’il"),
            ("si elle", "si elle"),
            ("ce est", "c’est"),
            ("ce accord", "cet accord"),
            ("De le président", "Du président"),
            ("DE LE PRÉSIDENT", "DU PRÉSIDENT"),
            ("À le Japon", "Au Japon"),
            ("Le épisode", "L’épisode"),
            ("du accord", "de l’accord"),
            ("Du accord", "De l’accord"),
            (
                "le cinéaste Manoel de Oliveira",
                "le cinéaste Manoel de Oliveira",
            ),
            ("Sommet de Osaka", "Sommet d’Osaka"),
            ("au Élysée", "à l’Élysée"),
            ("De le homme", "De l’homme"),
            ("afin de le faire", "afin de le faire"),
            ("prêt à les aider", "prêt à les aider"),
            ("afin de le aider", "afin de l’aider"),
            ("il a le droit", "il a le droit"),
            ("dis-le à Emmanuel", "dis-le à Emmanuel"),
            ("de Le Pen", "de Le Pen"),
            ("de Le Monde", "du Monde"),
            ("l’avis de les experts, de le", "l’avis des experts, de le"),
            ("de\nle président", "de\nle président"),
            ("de l’État", "de l’État"),
            ("aujourd’hui", "aujourd’hui"),
            ("que de le homme", "que de l’homme"),
            ("je me en vais", "je m’en vais"),
            ("de « Emmanuel »", "de « Emmanuel »"),
            ("décide de le", "décide de le"),
            ("", ""),
            ("de", "de"),
            ("’ de", "’ de"),
        ];
        for &(s, want) in cases {
            assert_eq!(fix_contractions(s), want, "{s:?}");
        }
    }

    #[test]
    fn sentence_case_titles() {
        let names = [
            "Blinken", "Chine", "Biden", "Marine", "Taïwan", "Le Monde", "Pékin",
        ];
        let is_proper = |w: &str| names.contains(&w);
        let cases: &[(&str, &str)] = &[
            (
                "Les Domaines Où Nous Pouvons Nous Entendre",
                "Les domaines où nous pouvons nous entendre",
            ),
            (
                "Blinken En Chine : Des Discussions « Constructives »",
                "Blinken en Chine : des discussions « Constructives »",
            ),
            ("blinken en Chine", "Blinken en Chine"),
            ("« une vraie conversation »", "« Une vraie conversation »"),
            (
                "Taïwan, Ligne Rouge De Pékin",
                "Taïwan, ligne rouge de Pékin",
            ),
            ("Le Rôle De L’ONU Et De L’UE", "Le rôle de l’ONU et de l’UE"),
            ("Les États-Unis Et La Chine", "Les États-Unis et la Chine"),
            ("Marine Le Pen Et Le Monde", "Marine Le Pen et Le Monde"),
            ("Le Sommet Du G7", "Le sommet du G7"),
            ("Le Plan B", "Le plan B"),
            ("Biden A Dit", "Biden a dit"),
            ("Le Haut-Commissaire", "Le haut-commissaire"),
            ("Fin. Et Après", "Fin. Et après"),
            ("Biden : Le Retour", "Biden : le retour"),
            ("Un Accord À Portée De Main", "Un accord à portée de main"),
            ("", ""),
            ("«", "«"),
            ("2 600 Personnes", "2 600 personnes"),
            ("ÉTATS-UNIS", "ÉTATS-UNIS"),
        ];
        for &(s, want) in cases {
            assert_eq!(sentence_case(s, is_proper), want, "{s:?}");
        }
    }

    #[test]
    fn upper_and_lower_first() {
        let uppers: &[(&str, &str)] = &[
            ("les pourparlers", "Les pourparlers"),
            ("« une vraie conversation »", "« Une vraie conversation »"),
            ("  état", "  État"),
            ("l’Élysée", "L’Élysée"),
            ("2 600 personnes", "2 600 personnes"),
            ("Déjà", "Déjà"),
            ("", ""),
            ("…", "…"),
        ];
        for &(s, want) in uppers {
            assert_eq!(upper_first(s), want, "upper_first({s:?})");
        }
        let names = ["Biden", "Le Monde", "L’Équipe"];
        let is_proper = |w: &str| names.contains(&w);
        let lowers: &[(&str, &str)] = &[
            ("Les pourparlers ont repris", "les pourparlers ont repris"),
            ("Biden a déclaré", "Biden a déclaré"),
            ("À Pékin, le ton", "à Pékin, le ton"),
            ("A partir de lundi", "à partir de lundi"),
            ("A-t-il parlé ?", "a-t-il parlé ?"),
            ("L’Élysée a annoncé", "l’Élysée a annoncé"),
            ("L’Équipe révèle", "L’Équipe révèle"),
            ("L’ONU exige un arrêt", "l’ONU exige un arrêt"),
            ("D’Orléans à Tours", "d’Orléans à Tours"),
            ("Le Monde révèle", "Le Monde révèle"),
            ("Le Pen a dit", "Le Pen a dit"),
            ("La Chine a dit", "la Chine a dit"),
            ("ONU : un vote", "ONU : un vote"),
            ("États-Unis : un vote", "États-Unis : un vote"),
            ("G7 : un sommet", "G7 : un sommet"),
            ("« Nous avons », dit-il", "« nous avons », dit-il"),
            ("déjà", "déjà"),
            ("", ""),
            ("?", "?"),
        ];
        for &(s, want) in lowers {
            assert_eq!(lower_first(s, is_proper), want, "lower_first({s:?})");
        }
    }

    #[test]
    fn slugs() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "Blinken en Chine : des discussions « constructives »",
                80,
                "blinken-chine-discussions-constructives",
            ),
            ("L’État et l’Œuvre", 80, "etat-oeuvre"),
            ("L'État", 80, "etat"),
            ("Ærø straße", 80, "aero-strasse"),
            ("Qu’il vienne à l’hôpital", 80, "vienne-hopital"),
            ("2 600 000 personnes", 80, "2600000-personnes"),
            ("En 2019 200 personnes", 80, "2019-200-personnes"),
            ("Blinken en Chine : des discussions", 20, "blinken-chine"),
            ("Blinken en Chine", 7, "blinken"),
            ("Blinken en Chine", 6, "blinke"),
            ("Blinken", 0, ""),
            ("le la les", 80, "le-la-les"),
            ("", 80, ""),
            ("« … » !", 80, ""),
            ("北京", 80, ""),
            ("北京 et Pékin", 80, "pekin"),
            ("--Paris--", 80, "paris"),
            ("aujourd’hui à Paris", 80, "paris"),
        ];
        for &(s, max, want) in cases {
            assert_eq!(slugify(s, max), want, "slugify({s:?}, {max})");
        }
    }

    #[test]
    fn place_prepositions() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Chine", Some("en")),
            ("Iran", Some("en")),
            ("Israël", Some("en")),
            ("Japon", Some("au")),
            ("Honduras", Some("au")),
            ("Yémen", Some("au")),
            ("États-Unis", Some("aux")),
            ("Etats-Unis", Some("aux")),
            ("etats unis", Some("aux")),
            ("ÉTATS-UNIS", Some("aux")),
            ("Philippines", Some("aux")),
            ("Taïwan", Some("à")),
            ("Taiwan", Some("à")),
            ("Cuba", Some("à")),
            ("Hong Kong", Some("à")),
            ("Corée du Sud", Some("en")),
            ("Corée-du-Sud", Some("en")),
            ("Côte d'Ivoire", Some("en")),
            ("Royaume-Uni", Some("au")),
            ("Hongrie", Some("en")),
            ("La Réunion", Some("à")),
            ("Réunion", None),
            ("la Chine", None),
            ("Paris", None),
            ("", None),
            ("  Japon ", Some("au")),
            ("Sao Tomé-et-Principe", Some("à")),
            ("São Tomé-et-Príncipe", Some("à")),
            ("Moyen-Orient", Some("au")),
        ];
        for &(name, want) in cases {
            assert_eq!(place_preposition(name), want, "{name:?}");
        }
    }

    #[test]
    fn countries_file_is_well_formed() {
        let mut seen: FxHashMap<String, &str> = FxHashMap::default();
        for line in lexicon::entries(COUNTRIES) {
            assert!(!line.contains('\''), "straight apostrophe in {line:?}");
            let (name, prep) = line.split_once('\t').expect("name<TAB>prep");
            assert_eq!(name, name.trim(), "stray spaces in {line:?}");
            let prep = parse_prep(prep).unwrap_or_else(|| panic!("bad prep in {line:?}"));
            if let Some(old) = seen.insert(place_key(name), prep) {
                panic!("{name:?} listed twice (as {old} and {prep})");
            }
        }
        // The 193 UN member states, one name each.
        let members = "Afghanistan|Afrique du Sud|Albanie|Algérie|Allemagne|Andorre|Angola|\
            Antigua-et-Barbuda|Arabie saoudite|Argentine|Arménie|Australie|Autriche|Azerbaïdjan|\
            Bahamas|Bahreïn|Bangladesh|la Barbade|Belgique|Belize|Bénin|Bhoutan|Biélorussie|\
            Birmanie|Bolivie|Bosnie-Herzégovine|Botswana|Brésil|Brunei|Bulgarie|Burkina Faso|\
            Burundi|Cambodge|Cameroun|Canada|Cap-Vert|Centrafrique|Chili|Chine|Chypre|Colombie|\
            Comores|Congo|Corée du Nord|Corée du Sud|Costa Rica|Côte d’Ivoire|Croatie|Cuba|\
            Danemark|Djibouti|la Dominique|Égypte|Émirats arabes unis|Équateur|Érythrée|Espagne|\
            Estonie|Eswatini|États-Unis|Éthiopie|Fidji|Finlande|France|Gabon|Gambie|Géorgie|\
            Ghana|Grèce|la Grenade|Guatemala|Guinée|Guinée équatoriale|Guinée-Bissau|Guyana|\
            Haïti|Honduras|Hongrie|Inde|Indonésie|Irak|Iran|Irlande|Islande|Israël|Italie|\
            Jamaïque|Japon|Jordanie|Kazakhstan|Kenya|Kirghizistan|Kiribati|Koweït|Laos|Lesotho|\
            Lettonie|Liban|Liberia|Libye|Liechtenstein|Lituanie|Luxembourg|Macédoine du Nord|\
            Madagascar|Malaisie|Malawi|Maldives|Mali|Malte|Maroc|îles Marshall|Maurice|\
            Mauritanie|Mexique|Micronésie|Moldavie|Monaco|Mongolie|Monténégro|Mozambique|\
            Namibie|Nauru|Népal|Nicaragua|Niger|Nigeria|Norvège|Nouvelle-Zélande|Oman|Ouganda|\
            Ouzbékistan|Pakistan|Palaos|Panama|Papouasie-Nouvelle-Guinée|Paraguay|Pays-Bas|\
            Pérou|Philippines|Pologne|Portugal|Qatar|République démocratique du Congo|\
            République dominicaine|Tchéquie|Roumanie|Royaume-Uni|Russie|Rwanda|\
            Saint-Christophe-et-Niévès|Sainte-Lucie|Saint-Marin|Saint-Vincent-et-les-Grenadines|\
            îles Salomon|Salvador|Samoa|Sao Tomé-et-Principe|Sénégal|Serbie|Seychelles|\
            Sierra Leone|Singapour|Slovaquie|Slovénie|Somalie|Soudan|Soudan du Sud|Sri Lanka|\
            Suède|Suisse|Suriname|Syrie|Tadjikistan|Tanzanie|Tchad|Thaïlande|Timor oriental|\
            Togo|Tonga|Trinité-et-Tobago|Tunisie|Turkménistan|Turquie|Tuvalu|Ukraine|Uruguay|\
            Vanuatu|Venezuela|Vietnam|Yémen|Zambie|Zimbabwe";
        let members: Vec<&str> = members.split('|').map(str::trim).collect();
        assert_eq!(members.len(), 193);
        for m in members {
            assert!(place_preposition(m).is_some(), "UN member {m:?} missing");
        }
    }

    #[test]
    fn french_typography() {
        let cases: &[(&str, &str)] = &[
            (
                "Blinken en Chine : des discussions",
                "Blinken en Chine~: des discussions",
            ),
            (
                "Blinken en Chine: des discussions",
                "Blinken en Chine~: des discussions",
            ),
            (
                "Blinken en Chine~: des discussions",
                "Blinken en Chine~: des discussions",
            ),
            (
                "Blinken en Chine^: des discussions",
                "Blinken en Chine^: des discussions",
            ),
            ("Blinken en Chine  : des", "Blinken en Chine~: des"),
            ("« Une vraie conversation »", "«~Une vraie conversation~»"),
            ("«Une vraie conversation»", "«~Une vraie conversation~»"),
            ("«^oui^»", "«^oui^»"),
            ("Vraiment ?", "Vraiment~?"),
            ("Vraiment?", "Vraiment~?"),
            ("Vraiment?!", "Vraiment~?!"),
            ("Vraiment ?!", "Vraiment~?!"),
            ("Non!", "Non~!"),
            ("a; b", "a~; b"),
            ("3,5 %", "3,5~%"),
            ("3,5%", "3,5~%"),
            ("une hausse de 3 %.", "une hausse de 3~%."),
            ("http://example.com/a?b=1", "http://example.com/a?b=1"),
            ("à 14:30 précises", "à 14:30 précises"),
            ("un score de 3:1", "un score de 3:1"),
            ("a%20b", "a%20b"),
            ("l'homme", "l’homme"),
            ("aujourd'hui", "aujourd’hui"),
            ("'oui'", "'oui'"),
            ("Et puis...", "Et puis…"),
            ("Et puis ...", "Et puis…"),
            ("« … »", "«~…~»"),
            ("(…)", "(…)"),
            ("Oui , non .", "Oui, non."),
            ("Il dit « non » .", "Il dit «~non~»."),
            ("calibre .22", "calibre .22"),
            ("un “mot” ici", "un “mot” ici"),
            ("1 200 personnes", "1~200 personnes"),
            ("2 600 000 euros", "2~600~000~euros"),
            ("en 2019 200 personnes", "en 2019 200 personnes"),
            ("2019 200 300", "2019 200 300"),
            ("1 2000", "1 2000"),
            ("0,5 200", "0,5 200"),
            ("01 234 567", "01 234 567"),
            ("1^200", "1^200"),
            ("3 000 %", "3~000~%"),
            (": début", ": début"),
            ("ligne\n: suite", "ligne\n: suite"),
            ("«", "«"),
            ("»", "»"),
            ("", ""),
            ("?", "?"),
            ("« »", "«~»"),
            ("Quoi ? !", "Quoi~?~!"),
            ("Hello!world", "Hello!world"),
            ("Il a 5 ans", "Il a 5~ans"),
            ("5 km/h et 1,5 kg", "5~km/h et 1,5~kg"),
            ("1 200 000 euros", "1~200~000~euros"),
            ("20 € et 30 $", "20~€ et 30~$"),
            ("à 14 h 30", "à 14~h 30"),
            ("5 mai et 5 kilos", "5 mai et 5 kilos"),
            ("A4 m", "A4 m"),
            ("3 j’ai", "3 j’ai"),
            ("a - b", "a – b"),
            ("États-Unis - 3", "États-Unis – 3"),
            ("-3", "-3"),
            ("…::", "…::"),
            ("~-:", "~–~:"),
        ];
        for &(s, want) in cases {
            let s = nb(s);
            let want = nb(want);
            assert_eq!(Typography::French.apply(&s), want, "{s:?}");
            assert_eq!(Typography::French.apply(&want), want, "idempotent {want:?}");
        }
        assert_eq!(Typography::default(), Typography::French);
    }

    #[test]
    fn plain_typography() {
        let cases: &[(&str, &str)] = &[
            ("«~oui~»", "\"oui\""),
            ("« oui »", "\"oui\""),
            ("«^oui^»", "\"oui\""),
            ("l’homme", "l'homme"),
            ("‘a’", "'a'"),
            ("un “mot”", "un \"mot\""),
            ("Chine~: des", "Chine : des"),
            ("1~200^%", "1 200 %"),
            ("Et puis…", "Et puis..."),
            ("a – b — c", "a - b - c"),
            ("œuvre Œil éàç", "œuvre Œil éàç"),
            ("", ""),
            ("»", "\""),
        ];
        for &(s, want) in cases {
            let s = nb(s);
            assert_eq!(Typography::Plain.apply(&s), want, "{s:?}");
            assert_eq!(Typography::Plain.apply(want), want, "idempotent {want:?}");
        }
    }

    #[test]
    fn edited_print_fixes_hand_typed_hours_units_ordinals_and_quotes() {
        let nb = |s: &str| s.replace('~', "\u{a0}");
        let cases = [
            (
                "Rendez-vous à 17h30 puis à 10H.",
                "Rendez-vous à 17~h~30 puis à 10~h.",
            ),
            (
                "Il fait 25°C et il reste 110km.",
                "Il fait 25~°C et il reste 110~km.",
            ),
            (
                "Le 1er mai, la 1re fois, le 5e rang.",
                "Le 1ᵉʳ mai, la 1ʳᵉ fois, le 5ᵉ rang.",
            ),
            (
                "Au XIXe siècle, Juan Carlos Ier règne.",
                "Au XIXᵉ siècle, Juan Carlos Iᵉʳ règne.",
            ),
            (
                "Il est en mode 'tout balader'.",
                "Il est en mode «~tout balader~».",
            ),
            (
                "La Chypre --dont le sud-- résiste.",
                "La Chypre – dont le sud – résiste.",
            ),
            // Words that look like numerals stay: `Le`, `Ce`, `Vie`.
            ("Le Ce Vie 17heures", "Le Ce Vie 17heures"),
        ];
        for (input, want) in cases {
            assert_eq!(Typography::Edited.apply(input), nb(want), "{input}");
            let twice = Typography::Edited.apply(&Typography::Edited.apply(input));
            assert_eq!(
                twice,
                Typography::Edited.apply(input),
                "not idempotent: {input}"
            );
        }
        // French print leaves them as the source typed them.
        assert_eq!(
            Typography::French.apply("le 1er mai à 17h"),
            "le 1er mai à 17h"
        );
    }

    #[test]
    fn source_sentences_keep_their_characters_unless_edited() {
        let src = "A Paris, il a dit: \"oui...\" (...) et 20% des voix.";
        let kept = Typography::French.apply_source(src);
        assert_eq!(kept, "À Paris, il a dit: \"oui...\" (...) et 20% des voix.");
        let edited = Typography::Edited.apply_source(src);
        assert_eq!(
            edited,
            "À Paris, il a dit\u{a0}: «\u{a0}oui…\u{a0}» […] et 20\u{a0}% des voix."
        );
        // Template text prints the same in both.
        assert_eq!(
            Typography::Edited.apply("Bilan: 3 km"),
            Typography::French.apply("Bilan: 3 km")
        );
    }

    #[test]
    fn typography_round_trip() {
        // French print of a plain string, then back to plain, gives the
        // plain string with guillemets as straight quotes.
        let cases: &[(&str, &str, &str)] = &[
            (
                "Blinken: « une vraie conversation »...",
                "Blinken~: «~une vraie conversation~»…",
                "Blinken : \"une vraie conversation\"...",
            ),
            (
                "l'homme a 1 200 euros?",
                "l’homme a 1~200~euros~?",
                "l'homme a 1 200 euros ?",
            ),
        ];
        for &(s, fr, plain) in cases {
            let f = Typography::French.apply(s);
            assert_eq!(f, nb(fr), "{s:?}");
            assert_eq!(Typography::Plain.apply(&f), plain, "{s:?}");
        }
    }

    /// Random French-like strings: words, numbers, spaces of three kinds and
    /// the punctuation the typography handles.
    fn french_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("le".to_string()),
            Just("de".to_string()),
            Just("à".to_string()),
            Just("Hamas".to_string()),
            Just("homme".to_string()),
            Just("États-Unis".to_string()),
            Just("l'".to_string()),
            Just("l’".to_string()),
            Just("http://x.fr".to_string()),
            Just("14:30".to_string()),
            Just("2019".to_string()),
            "[0-9]{1,4}",
            "[a-zéèêàçœA-ZÉ]{1,6}",
            "[ \u{a0}\u{202f}\n\t]{1,2}",
            "[:;!?%«»“”\"'’‘….,()\\-–—/=]{1,3}",
        ];
        prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn typography_is_idempotent(s in french_like()) {
            for t in [Typography::French, Typography::Plain] {
                let once = t.apply(&s);
                prop_assert_eq!(t.apply(&once), once.clone(), "{:?} on {:?}", t, s);
            }
            let plain = Typography::Plain.apply(&s);
            prop_assert!(plain.chars().all(|c| c.is_ascii() || c.is_alphabetic()), "{:?}", plain);
        }

        #[test]
        fn printed_length_lies_within_its_bounds(s in french_like()) {
            for t in [Typography::French, Typography::Edited, Typography::Plain] {
                let n = t.apply(&s).chars().count();
                let (low, high) = t.printed_len_bounds(&s);
                prop_assert!(low <= n && n <= high, "{:?}: {} not in {}..={} for {:?}", t, n, low, high, s);
                for (min, max) in [(0, n), (n, n), (n + 1, n + 5), (0, n.saturating_sub(1)), (low, high)] {
                    prop_assert_eq!(t.prints_within(&s, min, max), (min..=max).contains(&n));
                }
            }
        }

        #[test]
        fn text_functions_are_total(s in french_like(), t in "\\PC{0,12}") {
            let _ = de(&s);
            let _ = a(&s);
            let _ = elide(&t, &s);
            let _ = join(&s, &t);
            let _ = definite_article(&s);
            let _ = starts_with_vowel_sound(&t);
            let fixed = fix_contractions(&s);
            prop_assert_eq!(fix_contractions(&fixed), fixed.clone());
            // `is_proper` must not depend on case, as an entity list does not.
            let proper = |w: &str| w.to_lowercase().chars().count() > 4;
            let cased = sentence_case(&s, proper);
            prop_assert_eq!(sentence_case(&cased, proper), cased.clone());
            let _ = upper_first(&t);
            let _ = lower_first(&t, |_| false);
            let _ = place_preposition(&t);
            let slug = slugify(&s, 24);
            prop_assert!(slug.len() <= 24);
            prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
            let slug2 = slugify(&t, 10);
            prop_assert!(slug2.len() <= 10);
        }
    }
}
