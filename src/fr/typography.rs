//! Typography: French print (no-break spaces, guillemets, apostrophe,
//! ellipsis), the edited print that also fixes hand-typed slips, ASCII-safe
//! plain print, and the bounds of a string's printed length.

use super::{APOS, NBSP, NNBSP};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Typography
// ---------------------------------------------------------------------------

/// The list marks of a page (`• EDF`, `► SNCF`): layout, not text.
pub const BULLETS: [char; 6] = ['•', '►', '▶', '■', '▪', '●'];

/// Output typography.
///
/// The default is [`Typography::Edited`]: French print everywhere, the
/// source's own slips fixed as a copy desk would. [`Typography::Source`]
/// keeps the source sentences' characters as written; [`Typography::Plain`]
/// gives ASCII-safe punctuation for systems that mangle no-break spaces and
/// curly quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Typography {
    /// French print for the text refonte builds (title, headings,
    /// connectors): a no-break space (U+00A0) before `:` `;` `!` `?` `%` and
    /// `»` and after `«`, the typographic apostrophe `’`, `…` for `...`, no
    /// space before `,` `.` `…`, and a no-break space as thousands separator
    /// (`1 200`); the source sentences keep the characters the source wrote
    /// them with, so each equals its span character for character.
    Source,
    /// ASCII-safe punctuation, letters and accents kept: `’` → `'`,
    /// `« oui »` → `"oui"`, `“ ”` → `"`, no-break spaces → plain spaces,
    /// `…` → `...`, `–` `—` → `-`.
    Plain,
    /// French print inside the source sentences too (the default): they take
    /// the no-break spaces, `…` and dashes that [`Typography::Source`] leaves
    /// as the source wrote them, and everything refonte prints takes the
    /// print edits of hours, units, ordinals and stray straight quotes
    /// (`17h30` → `17 h 30`, `1er` → `1ᵉʳ`, `'non'` → `« non »`). A printed
    /// sentence then differs from its source span in punctuation and spaces
    /// (never in letters, digits or words).
    #[default]
    Edited,
}

/// The superscript letters of printed ordinals (`1ᵉʳ`, `XIXᵉ`) as the
/// letters a source types (`1er`, `XIXe`), so that a comparison of words
/// reads an edited ordinal as the source's.
pub fn fold_superscripts(s: &str) -> std::borrow::Cow<'_, str> {
    fn base(c: char) -> Option<char> {
        Some(match c {
            'ᵉ' => 'e',
            'ʳ' => 'r',
            'ˢ' => 's',
            'ᵈ' => 'd',
            'ᵒ' => 'o',
            'ⁿ' => 'n',
            'ᵐ' => 'm',
            _ => return None,
        })
    }
    if s.chars().any(|c| base(c).is_some()) {
        s.chars().map(|c| base(c).unwrap_or(c)).collect()
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

impl Typography {
    /// Applies the typography to a finished string (a sentence, heading,
    /// title or description).
    ///
    /// [`Typography::Source`]:
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
            Typography::Source => french_typography(s, true),
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
        let mut prev = None;
        s.chars().fold((0, 0), |(low, high), c| {
            // Most characters are ASCII letters, which print as themselves
            // in every typography (`h` may open an hour's unit).
            let (l, h) = match c.is_ascii_alphabetic() && !matches!(c, 'h' | 'H') {
                true => (1, 1),
                false => self.char_len_bounds(prev, c),
            };
            prev = Some(c);
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
    /// does); `prev` is the character before it.
    pub fn char_len_bounds(self, prev: Option<char>, c: char) -> (usize, usize) {
        match self {
            Typography::Source | Typography::Edited => {
                // Edited print: a digit, or an `h` after one, may take a
                // no-break space (`17 h 30`), a straight quote becomes a
                // guillemet and its space, `--` a dash between spaces.
                let hour = matches!(c, 'h' | 'H') && prev.is_some_and(|p| p.is_ascii_digit());
                let edited = self == Typography::Edited
                    && (matches!(c, '\'' | '"') || hour || c.is_ascii_digit());
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
            Typography::Source | Typography::Edited => {
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
pub(super) fn is_hspace(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

pub(super) fn is_apostrophe(c: char) -> bool {
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
    // The spaces of numbers need a digit, an incise dash a hyphen: without
    // either, the text is set.
    if !out
        .bytes()
        .any(|b| b.is_ascii_digit() || (full && b == b'-'))
    {
        return out;
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
        // Well-formed numerals up to XXXIX only (centuries, regimes,
        // arrondissements): `CLe` of a glued `RER CLe trafic` is no ordinal.
        roman: regex::Regex::new(r"\b(X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|V?I{1,3}|V)(er|e)\b")
            .expect("roman pattern"),
        quotes: regex::Regex::new(
            r#"(^|[\s(])(?:'([^'\s][^'\n]{0,200}?[^'\s])'|"([^"\s][^"\n]{0,200}?[^"\s])")([\s.,;:!?)]|$)"#,
        )
        .expect("quote pattern"),
        dashes: regex::Regex::new(r"(\w)[ \t]*--[ \t]*(\w)").expect("dash pattern"),
    });
    // Which edits can apply at all, read off pairs of characters: each
    // regex runs only on a text that has what it needs (no edit makes
    // what another needs).
    let (mut hour, mut unit, mut ordinal, mut roman, mut quotes, mut dashes) =
        (false, false, false, false, false, false);
    let mut prev = ' ';
    for c in s.chars() {
        if prev.is_numeric() {
            hour |= matches!(c, 'h' | 'H');
            unit |= matches!(c, '°' | 'k' | 'c' | 'm');
            ordinal |= matches!(c, 'e' | 'r');
        }
        roman |= c == 'e' && matches!(prev, 'I' | 'V' | 'X' | 'L' | 'C');
        quotes |= matches!(c, '\'' | '"');
        dashes |= c == '-' && prev == '-';
        prev = c;
    }
    let nb = NBSP;
    // One edit: its regex over the text, when the text can match it.
    fn edit<'s>(
        out: std::borrow::Cow<'s, str>,
        on: bool,
        re: &regex::Regex,
        rep: impl regex::Replacer,
    ) -> std::borrow::Cow<'s, str> {
        match on {
            true => re.replace_all(&out, rep).into_owned().into(),
            false => out,
        }
    }
    let out = std::borrow::Cow::Borrowed(s);
    let out = edit(out, hour, &e.hour, |c: &regex::Captures| match c.get(2) {
        Some(m) => format!("{}{nb}h{nb}{}", &c[1], m.as_str()),
        None => format!("{}{nb}h", &c[1]),
    });
    let out = edit(out, unit, &e.unit, |c: &regex::Captures| {
        format!("{}{nb}{}", &c[1], &c[2])
    });
    let out = edit(out, ordinal, &e.ordinal, |c: &regex::Captures| {
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
    let out = edit(out, roman, &e.roman, |c: &regex::Captures| {
        let sup = if &c[2] == "er" { "ᵉʳ" } else { "ᵉ" };
        format!("{}{sup}", &c[1])
    });
    let out = edit(out, quotes, &e.quotes, |c: &regex::Captures| {
        let inner = c.get(2).or(c.get(3)).map_or("", |m| m.as_str());
        format!("{}«{nb}{inner}{nb}»{}", &c[1], &c[4])
    });
    let out = edit(out, dashes, &e.dashes, "$1 – $2");
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

/// True when `chars` starts with a unit of `lexicons/fr/units.txt` that
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
    let lex = super::lexicon::lexicons();
    lex.unit_symbols.iter().any(|u| matches(u))
        || lex.si_prefixes.iter().any(|p| {
            matches_from(0, p).is_some_and(|k| {
                lex.si_units
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
pub(super) fn thousands_separators(chars: &[char]) -> Vec<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fr::tests::nb;

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
            assert_eq!(Typography::Source.apply(&s), want, "{s:?}");
            assert_eq!(Typography::Source.apply(&want), want, "idempotent {want:?}");
        }
        assert_eq!(Typography::default(), Typography::Edited);
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
                "Sous la Ve République, dans le XVIe, sur le RER CLe trafic.",
                "Sous la Vᵉ République, dans le XVIᵉ, sur le RER CLe trafic.",
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
            Typography::Source.apply("le 1er mai à 17h"),
            "le 1er mai à 17h"
        );
    }

    #[test]
    fn source_sentences_keep_their_characters_unless_edited() {
        let src = "A Paris, il a dit: \"oui...\" (...) et 20% des voix.";
        let kept = Typography::Source.apply_source(src);
        assert_eq!(kept, "À Paris, il a dit: \"oui...\" (...) et 20% des voix.");
        let edited = Typography::Edited.apply_source(src);
        assert_eq!(
            edited,
            "À Paris, il a dit\u{a0}: «\u{a0}oui…\u{a0}» […] et 20\u{a0}% des voix."
        );
        // Template text prints the same in both.
        assert_eq!(
            Typography::Edited.apply("Bilan: 3 km"),
            Typography::Source.apply("Bilan: 3 km")
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
            let f = Typography::Source.apply(s);
            assert_eq!(f, nb(fr), "{s:?}");
            assert_eq!(Typography::Plain.apply(&f), plain, "{s:?}");
        }
    }
}
