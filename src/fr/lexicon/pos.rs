//! The part-of-speech lexicon (`lexicons/fr/pos.tsv`, from Lexique 3.83):
//! each word form's categories, gender, number, frequency and lemma.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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
    /// Inflections of the verb readings, as `pos.tsv` codes them (`ip3s`
    /// = indicative present 3rd singular, `ps` = past participle, `n` =
    /// infinitive), comma-separated; empty when the form is no verb.
    pub verb: &'static str,
    /// Lemma of the most frequent verb reading; empty when the form is no verb.
    pub verb_lemma: &'static str,
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

    /// The inflections of its verb readings (`ip3s`, `ps`, `n`…).
    pub fn inflections(&self) -> impl Iterator<Item = &'static str> + use<> {
        let verb: &'static str = self.verb;
        verb.split(',').filter(|c| !c.is_empty())
    }

    /// True when a verb reading is finite (indicative, subjunctive, conditional, imperative).
    pub fn is_finite(&self) -> bool {
        self.inflections()
            .any(|c| matches!(c.as_bytes().first(), Some(b'i' | b's' | b'c' | b'm')))
    }

    /// True when a verb reading is finite in the third person (`intervient`,
    /// `connut`, not `connus`, which is far more often the participle).
    pub fn is_finite_third(&self) -> bool {
        self.inflections().any(|c| {
            matches!(c.as_bytes().first(), Some(b'i' | b's' | b'c' | b'm')) && c.contains('3')
        })
    }

    /// True when a verb reading is a past participle.
    pub fn is_past_participle(&self) -> bool {
        self.inflections().any(|c| c == "ps")
    }

    /// True when a verb reading is a present participle.
    pub fn is_present_participle(&self) -> bool {
        self.inflections().any(|c| c == "pp")
    }

    /// True when a verb reading is an infinitive.
    pub fn is_infinitive(&self) -> bool {
        self.inflections().any(|c| c == "n")
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
    /// The table of a `pos.tsv` text (header lines skipped).
    pub fn new(file: &'static str) -> PosLexicon {
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

    /// The table's lines, without the header.
    pub fn data(&self) -> &'static str {
        self.data
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
    // Eight tab-separated fields: form, tags, gender, number, frequency,
    // lemma, verb inflections, verb lemma.
    let mut fields = [""; 8];
    let mut n = 0;
    let mut start = 0;
    for (i, b) in line.bytes().enumerate() {
        if b == b'\t' && n < 7 {
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
        verb: match fields[6] {
            "-" => "",
            v => v,
        },
        verb_lemma: match fields[7] {
            "=" => fields[5],
            "-" => "",
            v => v,
        },
        first: Pos::parse(tags.split('|').next().unwrap_or("")),
        categories,
    })
}
