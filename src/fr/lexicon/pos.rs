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
/// milliseconds, so that runs that never tag words do not pay for it; a
/// line's fields are cut on the first lookup of its form and kept (parsing
/// all 44,000 lines up front would cost more start-up than a batch saves,
/// and a batch looks the same words up again and again).
#[derive(Debug)]
pub struct PosLexicon {
    /// The table's lines, without the header.
    data: &'static str,
    /// The forms' lines, indexed on first use.
    index: OnceLock<Index>,
}

/// The index of a [`PosLexicon`].
#[derive(Debug)]
struct Index {
    /// Each form's line, as byte offsets `(start, end)` into the data, and
    /// its slot in `fields`.
    forms: FxHashMap<&'static str, (u32, u32, u32)>,
    /// Each indexed line's fields, cut on the first lookup of its form.
    fields: Vec<OnceLock<Fields>>,
}

/// Where the fields of a line are: the byte offsets of its first seven
/// tabs, how many it has, and its categories read once.
#[derive(Debug, Clone, Copy)]
struct Fields {
    tabs: [u16; 7],
    count: u8,
    first: Pos,
    categories: u16,
}

impl Fields {
    /// The fields of a line of eight tab-separated fields: form, tags,
    /// gender, number, frequency, lemma, verb inflections, verb lemma. The
    /// index keeps only lines whose offsets fit in 16 bits.
    fn of(line: &'static str) -> Fields {
        let mut tabs = [0u16; 7];
        let mut count = 0;
        for (i, b) in line.bytes().enumerate() {
            if b == b'\t' && count < 7 {
                tabs[count] = i as u16;
                count += 1;
            }
        }
        let mut fields = Fields {
            tabs,
            count: count as u8,
            first: Pos::Other,
            categories: 0,
        };
        let tags = fields.field(line, 1);
        fields.categories = tags
            .split('|')
            .fold(0u16, |m, t| m | (1 << Pos::parse(t) as u16));
        fields.first = Pos::parse(tags.split('|').next().unwrap_or(""));
        fields
    }

    /// Field `k` of `line`: empty past the last one.
    fn field(&self, line: &'static str, k: usize) -> &'static str {
        let count = usize::from(self.count);
        if k > count {
            return "";
        }
        let from = match k {
            0 => 0,
            _ => usize::from(self.tabs[k - 1]) + 1,
        };
        let to = match k == count {
            true => line.len(),
            false => usize::from(self.tabs[k]),
        };
        &line[from..to]
    }

    /// The entry of `line`, whose fields these are; none for a line of
    /// fewer than five fields.
    fn entry(&self, line: &'static str) -> Option<PosEntry> {
        if self.count < 4 {
            return None;
        }
        let field = |k: usize| self.field(line, k);
        let letter = |f: &str| f.chars().next().unwrap_or('-');
        Some(PosEntry {
            tags: field(1),
            gender: letter(field(2)),
            number: letter(field(3)),
            freq_text: field(4),
            lemma: field(5),
            verb: match field(6) {
                "-" => "",
                v => v,
            },
            verb_lemma: match field(7) {
                "=" => field(5),
                "-" => "",
                v => v,
            },
            first: self.first,
            categories: self.categories,
        })
    }
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

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let data = self.data;
            let mut forms =
                FxHashMap::with_capacity_and_hasher(data.len() / 30, rustc_hash::FxBuildHasher);
            let mut start = 0;
            for line in data.split_inclusive('\n') {
                let end = start + line.len();
                let line = line.trim_end_matches(['\n', '\r']);
                let form = &line[..line.find('\t').unwrap_or(0)];
                // `Fields` keeps 16-bit offsets (the longest line has about
                // 400 bytes).
                if !form.is_empty() && line.len() <= usize::from(u16::MAX) {
                    // The table is sorted and has one line per form; keep the first.
                    let slot = forms.len() as u32;
                    forms
                        .entry(form)
                        .or_insert((start as u32, (start + line.len()) as u32, slot));
                }
                start = end;
            }
            let fields = (0..forms.len()).map(|_| OnceLock::new()).collect();
            Index { forms, fields }
        })
    }

    /// The table's lines, without the header.
    pub fn data(&self) -> &'static str {
        self.data
    }

    /// Number of word forms.
    pub fn len(&self) -> usize {
        self.index().forms.len()
    }

    /// True when the table has no entries.
    pub fn is_empty(&self) -> bool {
        self.index().forms.is_empty()
    }

    /// Looks up a lowercase word form.
    pub fn get(&self, form: &str) -> Option<PosEntry> {
        let index = self.index();
        let &(start, end, slot) = index.forms.get(form)?;
        let line = &self.data[start as usize..end as usize];
        index.fields[slot as usize]
            .get_or_init(|| Fields::of(line))
            .entry(line)
    }
}
