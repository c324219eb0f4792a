//! Framing: what refonte writes around the source sentences — the focus
//! keyphrase, the title and SEO title, the subheadings, the connectors at
//! section starts and the meta description. Every frame is built from the
//! article's own words or from the template lexicons; none states a fact.

pub mod connect;
pub mod heading;
pub mod headline;
pub mod keyphrase;
pub mod meta;
pub mod title;

use crate::analyze::Facts;
use crate::document::Document;
use crate::fr::lexicon::lexicons;
use crate::fr::words::each_lower_word;
use rustc_hash::FxHashSet;

/// A number drawn from the article's own text: the same article always
/// makes the same choices, different articles different ones.
pub fn seed(doc: &Document) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in doc.text.as_bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Picks one of `n` variants for slot `salt` of the article.
pub fn pick(seed: u64, salt: u64, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let mut h = seed ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    (h % n as u64) as usize
}

/// What the frame stage knows of the article: its document, facts and names.
#[derive(Debug)]
pub struct Context<'a> {
    /// The analysed article.
    pub doc: &'a Document,
    /// Its entities, quotations, keyphrase candidates.
    pub facts: &'a Facts,
    /// Words of names (entities), which keep their capital.
    names: FxHashSet<String>,
    /// Whole names of several words (`Le Monde`).
    full_names: FxHashSet<String>,
    /// The article's seed for template choices.
    pub seed: u64,
    /// Lowercase content words of the article (apostrophes as `'`), to check that a heading is grounded.
    source_words: FxHashSet<String>,
    /// All the article's words as [`lower_words`] cuts them.
    pub words: FxHashSet<String>,
    /// Each sentence's shallow analysis, made on first use.
    parsed: Vec<std::cell::OnceCell<crate::parse::Parsed>>,
    /// Each sentence's cuts for a description, made on first use (the
    /// description is tried for several keyphrase candidates).
    pub(crate) cuts: Vec<std::cell::OnceCell<Vec<String>>>,
    /// Each sentence that opens on a quotation before its speaker, said
    /// by the speaker (see `meta::reported`), made on first use.
    pub(crate) reported: Vec<std::cell::OnceCell<Option<String>>>,
    /// What the description search knows of its starts, made once for
    /// every keyphrase candidate tried.
    pub(crate) told: std::cell::OnceCell<meta::Pool>,
    /// Free texts (titles, their cuts, quotations) parsed once: the title
    /// and the SEO title try the same ones for every keyphrase candidate.
    texts: std::cell::RefCell<rustc_hash::FxHashMap<String, std::rc::Rc<crate::parse::Parsed>>>,
    /// Headlines cut from sentences, by sentence and longest length in
    /// words: the heading candidates are made for the keyphrase's fit, then
    /// again for the headings.
    headlines:
        std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize), Option<headline::Headline>>>,
    /// The stem of each content word the description search has met: it
    /// weighs the same words in every cut of every keyphrase candidate.
    pub(crate) stems: std::cell::RefCell<rustc_hash::FxHashMap<String, std::rc::Rc<str>>>,
    /// Each sentence's subject as a noun phrase, made on first use.
    subjects: Vec<std::cell::OnceCell<Option<String>>>,
    /// The last sections weighed for headings, and their term weights.
    weights: std::cell::RefCell<Option<(Vec<crate::section::Paragraphs>, SectionWeights)>>,
}

/// For each section, the weight of each term in it.
pub(crate) type SectionWeights = std::rc::Rc<Vec<rustc_hash::FxHashMap<u32, f64>>>;

impl<'a> Context<'a> {
    /// The context of a document and its facts.
    pub fn new(doc: &'a Document, facts: &'a Facts) -> Context<'a> {
        let mut names = FxHashSet::default();
        let full_names = facts
            .entities
            .iter()
            .filter(|e| e.text.contains(' '))
            .map(|e| e.text.clone())
            .collect();
        let lex = lexicons();
        for e in &facts.entities {
            // A capitalised function word or date word read alone as an
            // entity ("Dans", "Dimanche" after a glued line) is no name.
            let lower = e.text.to_lowercase();
            if !e.text.contains(' ')
                && (lex.is_stop(&lower)
                    || lex.weekdays.contains(&lower)
                    || lex.months.contains(&lower))
            {
                continue;
            }
            for w in e.text.split([' ', '-', '’']) {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    names.insert(w.to_string());
                }
            }
        }
        let words = lower_words(&doc.text);
        let source_words = words
            .iter()
            .filter(|w| is_content_word(w))
            .cloned()
            .collect();
        Context {
            doc,
            facts,
            names,
            full_names,
            seed: seed(doc),
            source_words,
            words,
            parsed: (0..doc.seg.sentences.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            cuts: (0..doc.seg.sentences.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            reported: (0..doc.seg.sentences.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            told: std::cell::OnceCell::new(),
            texts: Default::default(),
            headlines: Default::default(),
            stems: Default::default(),
            subjects: (0..doc.seg.sentences.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            weights: Default::default(),
        }
    }

    /// [`headline::headline_within`] of sentence `i`, made once.
    pub fn headline_of(&self, i: usize, max_words: usize) -> Option<headline::Headline> {
        if let Some(h) = self.headlines.borrow().get(&(i, max_words)) {
            return h.clone();
        }
        let h = headline::headline_within(&self.doc.text, self.parsed(i), max_words);
        self.headlines
            .borrow_mut()
            .insert((i, max_words), h.clone());
        h
    }

    /// [`headline::subject_phrase`] of sentence `i`, made once.
    pub fn subject_of(&self, i: usize) -> Option<&str> {
        self.subjects[i]
            .get_or_init(|| headline::subject_phrase(&self.doc.text, self.parsed(i)))
            .as_deref()
    }

    /// The term weights of `sections` as `weigh` makes them, made again only
    /// for other sections than the last ones asked.
    pub(crate) fn section_weights(
        &self,
        sections: &[crate::section::Paragraphs],
        weigh: impl FnOnce() -> Vec<rustc_hash::FxHashMap<u32, f64>>,
    ) -> SectionWeights {
        if let Some((known, w)) = self.weights.borrow().as_ref()
            && known.as_slice() == sections
        {
            return w.clone();
        }
        let w = std::rc::Rc::new(weigh());
        *self.weights.borrow_mut() = Some((sections.to_vec(), w.clone()));
        w
    }

    /// The shallow analysis of a free text, as [`crate::parse::Parsed::of_text`]
    /// makes it, made once per text.
    pub fn parse_text(&self, text: &str) -> std::rc::Rc<crate::parse::Parsed> {
        if let Some(p) = self.texts.borrow().get(text) {
            return p.clone();
        }
        let p = std::rc::Rc::new(crate::parse::Parsed::of_text(text));
        self.texts.borrow_mut().insert(text.to_string(), p.clone());
        p
    }

    /// The shallow analysis of sentence `i`, made once.
    pub fn parsed(&self, i: usize) -> &crate::parse::Parsed {
        self.parsed[i].get_or_init(|| {
            crate::parse::Parsed::new(&self.doc.text, self.doc.seg.sentence_tokens(i))
        })
    }

    /// True when a heading names the article's own terms: at least one of
    /// its content words (4 letters or more, not a function word) comes
    /// from the article, and at least half of them do. Template words only
    /// frame them.
    pub fn grounded(&self, heading: &str) -> bool {
        let (mut words, mut hits) = (0, 0);
        each_lower_word(heading, |w| {
            if is_content_word(w) {
                words += 1;
                hits += usize::from(self.source_words.contains(w));
            }
        });
        hits > 0 && 2 * hits >= words
    }

    /// True when a capitalised word is a proper noun (a name of the article,
    /// an acronym, or a word the lexicon does not know as a common word).
    pub fn is_proper(&self, word: &str) -> bool {
        // Several words: a name only as a whole ("Le Monde"), never "La Valdavie".
        if word.trim().contains(char::is_whitespace) {
            return self.full_names.contains(word.trim());
        }
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        // An elided article or pronoun is never a name, even before one:
        // "S’exprimant" → "s’exprimant", "L’Inde" → "l’Inde".
        if let Some((head, _)) = w.split_once('’')
            && head.chars().count() <= 5
            && head.to_lowercase().chars().all(char::is_alphabetic)
            && lexicons().is_stop(&format!("{}’", head.to_lowercase()))
        {
            return false;
        }
        if self.names.contains(w) {
            return true;
        }
        // An honorific before a name keeps its capital: `Mme Brunet`.
        if lexicons().honorifics.contains(w) {
            return true;
        }
        if w.chars().filter(|c| c.is_uppercase()).count() >= 2 {
            return true;
        }
        let lower = w.to_lowercase();
        let lex = lexicons();
        !lex.is_stop(&lower) && lex.pos.get(&lower).is_none() && !accent_dropped(&lower)
    }
}

/// True when `lower` is a common word whose first letter lost its accent
/// as a capital (`Enorme`, `Emotion`, `Etat` for `énorme`, `émotion`,
/// `état`): French print often drops the accent on capitals.
fn accent_dropped(lower: &str) -> bool {
    with_accent_restored(lower).is_some()
}

/// The lexicon's entry for `lower`, or for it with the accent a capital
/// lost restored (`etat` → `état`).
pub fn entry_of(lower: &str) -> Option<crate::fr::lexicon::PosEntry> {
    let lex = lexicons();
    lex.pos
        .get(lower)
        .or_else(|| with_accent_restored(lower).and_then(|a| lex.pos.get(&a)))
}

/// `lower` with the accent its first letter lost as a capital, when the
/// bare form is no word and the accented one is (`enorme` → `énorme`).
pub fn with_accent_restored(lower: &str) -> Option<String> {
    let mut chars = lower.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    let variants: &[char] = match first {
        'e' => &['é', 'è', 'ê'],
        'a' => &['à', 'â'],
        'i' => &['î'],
        'o' => &['ô'],
        'u' => &['û'],
        'c' => &['ç'],
        _ => return None,
    };
    let lex = lexicons();
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    if lex.pos.get(&lower[..first.len_utf8() + word_end]).is_some() {
        return None;
    }
    variants.iter().find_map(|v| {
        let w = format!("{v}{}", &rest[..word_end]);
        lex.pos.get(&w).is_some().then(|| format!("{v}{rest}"))
    })
}

/// Words of a text as the checks cut them (letters and digits joined by an
/// apostrophe or a hyphen), lowercased with one apostrophe form, keeping
/// those of 4 letters or more that are not function words.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_lower_word(text, |w| {
        if is_content_word(w) {
            out.push(w.to_string());
        }
    });
    out
}

/// Where the name starts in a speaker of one to `max` words (`le ministre
/// Alain Griset` → 2): a role may come before it, nothing after it but the
/// name's own particles (`Jean-Yves Le Drian`, not `Emmanuel Macron à
/// Rouen`), and the speaker ends on a capital.
pub(crate) fn speaker_name_start(speaker: &[&str], max: usize) -> Option<usize> {
    let fw = &lexicons().function_words;
    let k = speaker
        .iter()
        .position(|w| w.starts_with(char::is_uppercase))?;
    let name = speaker[k..]
        .iter()
        .all(|w| w.starts_with(char::is_uppercase) || fw.is(w, crate::fr::lexicon::Class::De));
    let ends = speaker
        .last()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    ((1..=max).contains(&speaker.len()) && name && ends).then_some(k)
}

/// True when what a speaker said (`said`, its guillemets left out) can be
/// reported after `que`: a clause with a finite verb, and none in the
/// first or second person, whose pronouns indirect speech would have to
/// change (`« Je me mets au service… »`; `[speaker words]` of
/// `says_that.txt`).
pub(crate) fn reportable(ctx: &Context, said: &str) -> bool {
    let lex = lexicons();
    let first_person = crate::fr::words::words(said).iter().any(|w| {
        // An elided word by its elision (`j’`, `m’`).
        let w = crate::fr::lexicon::fold(w);
        let key = w.find('’').map_or(w.as_str(), |k| &w[..k + '’'.len_utf8()]);
        lex.speaker_words.contains(key)
    });
    let plain = said.split_whitespace().collect::<Vec<_>>().join(" ");
    let finite = ctx
        .parse_text(&plain)
        .clauses
        .iter()
        .any(|c| c.kind == crate::parse::ClauseKind::Main);
    !first_person && finite
}

/// `que` before `told`, elided (`qu’`) or with its space (`que `).
pub(crate) fn que_before(told: &str) -> String {
    let that = crate::fr::elide("que", told);
    if that.ends_with('’') {
        that
    } else {
        format!("{that} ")
    }
}

/// A word of 4 letters or more that may name a heading's topic (not in
/// `lexicons/fr/topic_stopwords.txt`).
pub(crate) fn is_content_word(w: &str) -> bool {
    w.chars().count() >= 4 && !lexicons().topic_stopwords.contains(w)
}

/// The set of a text's words as [`each_lower_word`] cuts them.
pub fn lower_words(text: &str) -> FxHashSet<String> {
    let mut set = FxHashSet::default();
    each_lower_word(text, |w| {
        if !set.contains(w) {
            set.insert(w.to_string());
        }
    });
    set
}

/// A document read from `text` alone, for the stage tests of the framing.
#[cfg(test)]
pub(crate) fn test_document(text: &str) -> Document {
    let article = crate::input::Article {
        text: text.into(),
        ..Default::default()
    };
    Document::new(&article, 1 << 20).expect("test article")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_are_stable_and_spread() {
        let a: Vec<usize> = (0..8).map(|s| pick(42, s, 5)).collect();
        let b: Vec<usize> = (0..8).map(|s| pick(42, s, 5)).collect();
        assert_eq!(a, b);
        let distinct: FxHashSet<usize> = (0..100).map(|seed| pick(seed, 1, 5)).collect();
        assert_eq!(distinct.len(), 5);
    }

    #[test]
    fn a_function_word_read_alone_as_an_entity_is_no_name() {
        let doc = test_document("Les pompiers manifestent. Dans un communiqué, En Marche répond.");
        let entity = |text: &str| crate::analyze::Entity {
            text: text.into(),
            span: crate::segment::Span::new(0, 0),
            role_span: None,
            role: None,
            kind: crate::analyze::EntityKind::Other,
            sentence: 1,
        };
        let facts = Facts {
            entities: vec![entity("Dans"), entity("Dimanche"), entity("En Marche")],
            ..Facts::default()
        };
        let ctx = Context::new(&doc, &facts);
        assert!(!ctx.is_proper("Dans"));
        assert!(!ctx.is_proper("Dimanche"));
        // Inside a name of several words, a function word stays a name's.
        assert!(ctx.is_proper("En"));
        assert!(ctx.is_proper("Marche"));
    }
}
