//! Part of speech in context: each token of a sentence gets one tag, chosen
//! from its readings in the lexicons (`pos.tsv` for the open classes,
//! `function_words.tsv` for the closed ones) by the tokens around it.
//!
//! The rules are few and local, as a French reader resolves the usual
//! ambiguities: `le`/`la`/`les` are articles before a noun and pronouns
//! before a verb; a form of `avoir` or `être` is an auxiliary when a past
//! participle follows; a word that is a noun and a verb is a noun after a
//! determiner and a verb after a subject pronoun; a capitalised word inside
//! a sentence is a name.

use crate::fr::lexicon::{Class, DateList, Lexicons, Pos, PosEntry};
use crate::segment::{Token, TokenKind};

/// A token's part of speech in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Article or determiner: `le`, `une`, `des`, `ce`, `son`, `chaque`.
    Det,
    /// Common noun.
    Noun,
    /// Proper noun, acronym or honorific (`Blinken`, `ONU`, `M.`).
    Propn,
    /// Adjective (and a past participle used as one: `un ballon présumé`).
    Adj,
    /// Number (`3,5`, `2018`).
    Num,
    /// Finite verb (`a`, `intervient`, `devrait`).
    Verb,
    /// Auxiliary (`a` in `a déclaré`, `est` in `est arrivé`, `été` in `a été adopté`).
    Aux,
    /// Past participle after an auxiliary, or one opening a phrase.
    Participle,
    /// Present participle (`s’exprimant`, `ayant`).
    Gerund,
    /// Infinitive.
    Infinitive,
    /// Pronoun (subject, object clitic, demonstrative).
    Pron,
    /// Relative pronoun (`qui`, `que` after a noun, `dont`, `où`).
    Rel,
    /// Preposition, including `de`/`à` in every form.
    Prep,
    /// Coordinating conjunction (`et`, `mais`, `ou`).
    Coord,
    /// Subordinating conjunction (`que`, `lorsque`, `si`).
    Sub,
    /// Adverb.
    Adv,
    /// Negation (`ne`, `n’`, `pas`, `jamais`).
    Neg,
    /// Opening guillemet or quote mark.
    OpenQuote,
    /// Closing guillemet or quote mark.
    CloseQuote,
    /// Any other punctuation.
    Punct,
    /// A word the lexicons do not know (lowercase): most often a noun or adjective.
    Unknown,
}

impl Tag {
    /// True for the tags of a word that can head or fill a noun phrase.
    pub fn is_nominal(self) -> bool {
        matches!(self, Tag::Noun | Tag::Propn | Tag::Unknown)
    }

    /// True for a verb form of the verb group (finite, auxiliary, participle, infinitive).
    pub fn is_verbal(self) -> bool {
        matches!(
            self,
            Tag::Verb | Tag::Aux | Tag::Participle | Tag::Gerund | Tag::Infinitive
        )
    }
}

/// What the tagger knows of a token before context: its text, lowercase
/// form, and lexicon entries.
#[derive(Debug, Clone)]
pub(super) struct Reading<'t> {
    pub text: &'t str,
    /// The text in lowercase, made once (borrowed when it has no capital).
    pub lower: std::borrow::Cow<'t, str>,
    pub kind: TokenKind,
    pub entry: Option<PosEntry>,
    pub function: Option<crate::fr::lexicon::FunctionWord>,
    pub capitalised: bool,
}

impl Reading<'_> {
    fn is(&self, class: Class) -> bool {
        self.function.is_some_and(|f| f.is(class))
    }

    fn has(&self, pos: Pos) -> bool {
        self.entry.is_some_and(|e| e.has(pos))
    }

    fn first(&self) -> Option<Pos> {
        self.entry.map(|e| e.pos())
    }

    fn finite(&self) -> bool {
        self.entry.is_some_and(|e| e.is_finite())
    }

    fn participle(&self) -> bool {
        self.entry.is_some_and(|e| e.is_past_participle())
    }

    fn infinitive(&self) -> bool {
        self.entry.is_some_and(|e| e.is_infinitive())
    }

    fn present_participle(&self) -> bool {
        self.entry.is_some_and(|e| e.is_present_participle())
    }

    /// A word that may be a noun or an adjective.
    fn nominal(&self) -> bool {
        self.has(Pos::Noun)
            || self.has(Pos::Adj)
            || (self.entry.is_none() && self.function.is_none())
    }
}

/// The readings of a sentence's tokens.
pub(super) fn readings<'t>(text: &'t str, tokens: &[Token], lex: &Lexicons) -> Vec<Reading<'t>> {
    tokens
        .iter()
        .map(|t| {
            let w = t.span.of(text);
            let lower = match w.chars().any(char::is_uppercase) {
                true => std::borrow::Cow::Owned(w.to_lowercase()),
                false => std::borrow::Cow::Borrowed(w),
            };
            let word = matches!(t.kind, TokenKind::Word | TokenKind::Elision);
            let mut entry = word.then(|| lex.pos.get(&lower)).flatten();
            let mut function = word.then(|| lex.function_words.get(&lower)).flatten();
            // The press drops the accent of a capital (`Elu`, `Etat`): a
            // word the lexicons do not know is read with it.
            let mut lower = lower;
            if word && entry.is_none() && function.is_none() && w.starts_with('E') {
                let accented = format!("é{}", &lower[1..]);
                if let Some(e) = lex.pos.get(&accented) {
                    entry = Some(e);
                    function = lex.function_words.get(&accented);
                    lower = std::borrow::Cow::Owned(accented);
                }
            }
            Reading {
                text: w,
                entry,
                function,
                lower,
                kind: t.kind,
                capitalised: w.chars().next().is_some_and(char::is_uppercase),
            }
        })
        .collect()
}

/// The tags of a sentence's readings, in context, and which tokens belong
/// to a connector of several words.
pub(super) fn tag_all(r: &[Reading<'_>], lex: &Lexicons) -> (Vec<Tag>, Vec<bool>) {
    // Read once for both passes that ask (numbers and punctuation are never
    // words of time).
    let time: Vec<bool> = (0..r.len())
        .map(|k| {
            !matches!(r[k].kind, TokenKind::Punct | TokenKind::Number) && is_time_word(r, k, lex)
        })
        .collect();
    let mut tags: Vec<Tag> = (0..r.len())
        .map(|k| first_pass(r, k, lex, time[k]))
        .collect();
    let mut fixed = mark_adverbial_phrases(r, &mut tags, lex);
    // Words of time keep their adverb's tag whatever their neighbours.
    for k in 0..r.len() {
        if r[k].kind == TokenKind::Word && time[k] {
            tags[k] = Tag::Adv;
            fixed[k] = true;
        }
    }
    // Context needs the neighbours' tags: a second pass settles what the
    // first could not (auxiliaries, articles or pronouns, verbs or nouns).
    for _ in 0..2 {
        for k in 0..r.len() {
            if !fixed[k] {
                tags[k] = in_context(r, &tags, k);
            }
        }
    }
    (tags, fixed)
}

/// Connectors of several words (`en outre`, `par ailleurs`, `en effet`,
/// `d’ores et déjà`) are adverbs wherever they stand: not a preposition and
/// a noun.
fn mark_adverbial_phrases(r: &[Reading<'_>], tags: &mut [Tag], lex: &Lexicons) -> Vec<bool> {
    let mut fixed = vec![false; r.len()];
    let longest = lex.openers_max_words.min(5);
    let mut k = 0;
    while k < r.len() {
        if !lex.connector_heads.contains(r[k].lower.as_ref()) {
            k += 1;
            continue;
        }
        let mut found = 0;
        let mut phrase = String::new();
        for n in 0..longest.min(r.len() - k) {
            let w = &r[k + n].lower;
            if n > 0 && !phrase.ends_with('’') {
                phrase.push(' ');
            }
            phrase.push_str(w);
            if n > 0 && lex.connector_openers.contains(&phrase) {
                found = n + 1;
            }
        }
        if found > 0 {
            // A connector ending in `que` (`alors que`, `bien que`) opens a
            // subordinate clause; the others are adverbs.
            let last = &r[k + found - 1].lower;
            let subordinates = last == "que" || last == "qu’";
            for j in k..k + found {
                tags[j] = if subordinates && j == k {
                    Tag::Sub
                } else {
                    Tag::Adv
                };
                fixed[j] = true;
            }
            k += found;
        } else {
            k += 1;
        }
    }
    fixed
}

fn punct_tag(text: &str, prev: Option<&Reading<'_>>) -> Tag {
    match text {
        "«" | "“" => Tag::OpenQuote,
        "»" | "”" => Tag::CloseQuote,
        // A straight quote opens after a space or at the start, closes otherwise.
        "\"" => match prev {
            None => Tag::OpenQuote,
            Some(p) if p.kind == TokenKind::Punct && p.text != "\"" => Tag::OpenQuote,
            _ => Tag::CloseQuote,
        },
        _ => Tag::Punct,
    }
}

/// A sentence start, or right after an opening quote, a colon or a dash:
/// a capital there says nothing of a name.
fn opens_a_phrase(r: &[Reading<'_>], k: usize) -> bool {
    match k.checked_sub(1).map(|p| r[p].text) {
        None => true,
        Some(p) => matches!(
            p,
            "«" | "“" | "\"" | ":" | "—" | "–" | "-" | "(" | "." | "?" | "!" | "…"
        ),
    }
}

/// The tag a token would have without its neighbours' tags; `time` is
/// [`is_time_word`] of the token.
fn first_pass(r: &[Reading<'_>], k: usize, lex: &Lexicons, time: bool) -> Tag {
    let t = &r[k];
    match t.kind {
        TokenKind::Punct => return punct_tag(t.text, k.checked_sub(1).map(|p| &r[p])),
        TokenKind::Number => return Tag::Num,
        _ => {}
    }
    let upper = t.text.chars().filter(|c| c.is_uppercase()).count();
    if upper >= 2 && t.text.chars().count() >= 2 && t.text.chars().all(|c| !c.is_lowercase()) {
        return Tag::Propn;
    }
    if lex.honorifics.contains(t.text) {
        return Tag::Propn;
    }
    if t.capitalised && !opens_a_phrase(r, k) {
        // Inside a sentence, a capital makes a name (`Blinken`, `Pékin`),
        // but not a capitalised article or preposition of a name's own
        // (`Le Monde` is a name as a whole, its `Le` an article).
        if t.function.is_none() {
            return Tag::Propn;
        }
    }
    // A first name the lexicon knows as a word is a name too before a
    // surname (`Charlotte Le Bon`, `Marine Le Pen`, `Rose Dubois`).
    if t.capitalised
        && opens_a_phrase(r, k)
        && t.function.is_none()
        && (t.entry.is_none() || before_a_surname(r, k))
    {
        return Tag::Propn;
    }
    if let Some(tag) = closed_class(t) {
        return tag;
    }
    // A weekday, a month or `hier` without an article before it tells when:
    // an adverb of time (`a annoncé un cas dimanche`), not a noun of the group.
    if time {
        return Tag::Adv;
    }
    if inverted(t.text, lex) {
        return Tag::Verb;
    }
    open_class(t)
}

/// True when token `k` stands right before a capitalised word that is no
/// function word (`Dubois`), or a capitalised article or `de` and one
/// (`Le Bon`, `De Gaulle`): a surname after a first name.
fn before_a_surname(r: &[Reading<'_>], k: usize) -> bool {
    let name = |j: usize| {
        r.get(j)
            .is_some_and(|n| n.kind == TokenKind::Word && n.capitalised && n.function.is_none())
    };
    let particle = |j: usize| {
        r.get(j).is_some_and(|n| {
            n.capitalised
                && (n.is(Class::DefiniteArticle) || n.is(Class::De))
                && !n.text.ends_with('’')
        })
    };
    r[k].text.chars().skip(1).all(char::is_lowercase)
        && (name(k + 1) || (particle(k + 1) && name(k + 2)))
}

/// The endings of French finite verbs in the third person (`-ent`, `-e`,
/// `-ait`, `-ra`, `-it`).
fn finite_ending(lower: &str) -> bool {
    crate::fr::lexicon::lexicons()
        .finite_endings
        .iter()
        .any(|e| lower.ends_with(e.as_str()))
        && lower.chars().count() > 3
}

/// True when `lower`, of six letters or more and no hyphen, ends like a
/// present participle (`endings.txt`).
fn present_participle_ending(lower: &str) -> bool {
    // `non-contraignant` is an adjective.
    lower.chars().count() >= 6
        && !lower.contains('-')
        && crate::fr::lexicon::lexicons()
            .present_participle_endings
            .iter()
            .any(|e| lower.ends_with(e.as_str()))
}

/// The endings of French past participles (`-é`, `-i`, `-u`, `-is`, `-it`…).
fn participle_ending(lower: &str) -> bool {
    let stem = lower.strip_suffix('s').unwrap_or(lower);
    let stem = stem.strip_suffix('e').unwrap_or(stem);
    stem.ends_with(['é', 'i', 'u', 't'])
}

/// A word of time with no article or number before it tells when, as an
/// adverb would (`a annoncé un cas dimanche`, `a quitté ses élèves début
/// mars`, `en février`): a weekday, a month, `hier`, or `début`/`fin`
/// before a month or a year.
fn is_time_word(r: &[Reading<'_>], k: usize, lex: &Lexicons) -> bool {
    let lower: &str = &r[k].lower;
    let prev = k.checked_sub(1).map(|p| &r[p]);
    // One lookup for the word's date lists; its neighbours' only when needed.
    let lists = lex.date_lists_of(lower);
    let is = |list: DateList| lists & list as u8 != 0;
    // `le 18 mars` is a date as much as `mars`; `le dimanche` a noun.
    let month = is(DateList::Month);
    let counted = prev.is_some_and(|p| {
        (p.kind == TokenKind::Number && !month)
            || p.is(Class::DefiniteArticle)
            || p.is(Class::IndefiniteArticle)
            || p.is(Class::Demonstrative)
            || p.is(Class::Possessive)
    });
    if counted || lists == 0 {
        return false;
    }
    let dates_next = || {
        r.get(k + 1).is_some_and(|n| {
            lex.date_lists_of(&n.lower) & DateList::Month as u8 != 0
                || (n.kind == TokenKind::Number && n.text.len() == 4)
        })
    };
    // `jeudi soir`: the part of a day after a weekday.
    let after_day =
        || prev.is_some_and(|p| lex.date_lists_of(&p.lower) & DateList::Weekday as u8 != 0);
    month
        || is(DateList::Weekday)
        || is(DateList::Relative)
        || (is(DateList::MonthQualifier) && dates_next())
        || (is(DateList::DayPart) && after_day())
}

/// `a-t-il`, `estime-t-elle`, `dit-on`: a verb with its subject pronoun
/// after it, written as one word.
fn inverted(word: &str, lex: &Lexicons) -> bool {
    inverted_verb(word, lex)
        .and_then(|verb| lex.pos.get(&verb))
        .is_some_and(|e| e.is_finite())
}

/// The verb of a word with an inverted subject pronoun (`a-t-il` → `a`,
/// `estime-t-elle` → `estime`), lowercase.
pub(super) fn inverted_verb(word: &str, lex: &Lexicons) -> Option<String> {
    // No hyphen, no inverted pronoun: most words, not lowered for nothing.
    if !word.contains('-') {
        return None;
    }
    let lower = word.to_lowercase();
    let (verb, pronoun) = lower.rsplit_once('-')?;
    if !lex.function_words.is(pronoun, Class::SubjectPronoun) {
        return None;
    }
    let verb = verb.strip_suffix("-t").unwrap_or(verb);
    (!verb.is_empty()).then(|| verb.to_string())
}
/// The tag of a function word, before context.
fn closed_class(t: &Reading<'_>) -> Option<Tag> {
    let f = t.function?;
    Some(if f.is(Class::Negation) {
        Tag::Neg
    } else if f.is(Class::De) || f.is(Class::A) {
        // `de`, `du`, `des`, `au`: settled in context (article or preposition).
        Tag::Prep
    } else if f.is(Class::RelativePronoun) && !f.is(Class::Subordinating) {
        Tag::Rel
    } else if f.is(Class::Subordinating) {
        Tag::Sub
    } else if f.is(Class::Coordinating) {
        Tag::Coord
    } else if f.is(Class::DefiniteArticle)
        || f.is(Class::IndefiniteArticle)
        || f.is(Class::Demonstrative)
        || f.is(Class::Possessive)
        || f.is(Class::IndefiniteDeterminer)
        || f.is(Class::PartitiveArticle)
    {
        Tag::Det
    } else if f.is(Class::De) || f.is(Class::A) || f.is(Class::Preposition) {
        Tag::Prep
    } else if f.is(Class::AuxAvoir) || f.is(Class::AuxEtre) {
        // Settled in context: auxiliary, finite verb or participle.
        if t.participle() && !t.finite() {
            Tag::Participle
        } else if t.finite() {
            Tag::Verb
        } else if t.present_participle() {
            Tag::Gerund
        } else {
            Tag::Infinitive
        }
    } else if f.is(Class::SubjectPronoun)
        || f.is(Class::ObjectPronoun)
        || f.is(Class::DemonstrativePronoun)
    {
        Tag::Pron
    } else {
        return None;
    })
}

/// The tag of an open-class word, before context: its most frequent reading.
fn open_class(t: &Reading<'_>) -> Tag {
    let Some(first) = t.first() else {
        return Tag::Unknown;
    };
    match first {
        Pos::Noun => Tag::Noun,
        Pos::Adj => Tag::Adj,
        Pos::Adv => Tag::Adv,
        Pos::Prep => Tag::Prep,
        Pos::Conj => Tag::Coord,
        Pos::Art | Pos::Det => Tag::Det,
        Pos::Pron => Tag::Pron,
        Pos::Verb | Pos::Aux => {
            // `connus` is a participle far more often than `je connus`.
            let third = t.entry.is_some_and(|e| e.is_finite_third());
            if t.finite() && (third || !t.participle()) {
                Tag::Verb
            } else if t.participle() {
                Tag::Participle
            } else if t.present_participle() {
                Tag::Gerund
            } else if t.infinitive() {
                Tag::Infinitive
            } else {
                Tag::Verb
            }
        }
        Pos::Other => Tag::Adv,
    }
}

/// The next word's index after `k`, skipping adverbs and negation (`a déjà
/// dit`, `n’a pas été`).
fn next_core(tags: &[Tag], k: usize) -> Option<usize> {
    (k + 1..tags.len()).find(|&j| !matches!(tags[j], Tag::Adv | Tag::Neg))
}

fn prev_word(tags: &[Tag], k: usize) -> Option<usize> {
    (0..k)
        .rev()
        .find(|&j| !matches!(tags[j], Tag::Adv | Tag::Neg))
}

/// The tag of an ambiguous function word (`le` article or pronoun, `en`,
/// `que`, forms of avoir and être, `des`, `s’`) from its neighbours; `None`
/// for any other word.
fn function_word_in_context(r: &[Reading<'_>], tags: &[Tag], k: usize) -> Option<Tag> {
    let t = &r[k];
    let tag = tags[k];
    let ambiguous = (t.is(Class::DefiniteArticle) || t.is(Class::Possessive))
        && t.is(Class::ObjectPronoun)
        || (t.is(Class::Preposition) && t.is(Class::ObjectPronoun))
        || (t.is(Class::Subordinating) && t.is(Class::RelativePronoun))
        || t.is(Class::AuxAvoir)
        || t.is(Class::AuxEtre)
        || (t.is(Class::De) && (t.is(Class::IndefiniteArticle) || t.is(Class::PartitiveArticle)))
        || (t.is(Class::Subordinating) && t.is(Class::ObjectPronoun));
    if !ambiguous {
        return None;
    }
    Some(resolve_function_word(r, tags, k, tag))
}

fn resolve_function_word(r: &[Reading<'_>], tags: &[Tag], k: usize, tag: Tag) -> Tag {
    let t = &r[k];
    let next = next_core(tags, k);
    let next_tag = next.map(|j| tags[j]);
    let prev = prev_word(tags, k);
    let prev_tag = prev.map(|j| tags[j]);
    let prev_text = prev.map(|j| r[j].lower.as_ref());
    // `le`, `la`, `les`, `l’`, `leur`: an article before a noun, a pronoun before a verb.
    if (t.is(Class::DefiniteArticle) || t.is(Class::Possessive)) && t.is(Class::ObjectPronoun) {
        // A clitic stands before its verb, never after a verb form: after
        // one, the word opens its object (`change la donne`).
        let after_verb = matches!(
            prev_tag,
            Some(Tag::Verb | Tag::Participle | Tag::Infinitive)
        ) && !prev
            .is_some_and(|j| r[j].is(Class::AuxAvoir) || r[j].is(Class::AuxEtre));
        if after_verb && next.is_some_and(|j| r[j].nominal() && !r[j].infinitive()) {
            return Tag::Det;
        }
        return match next_tag {
            Some(Tag::Verb | Tag::Aux | Tag::Infinitive)
                if !next.is_some_and(|j| r[j].nominal() && !r[j].finite()) =>
            {
                Tag::Pron
            }
            _ => Tag::Det,
        };
    }
    // `en`: a pronoun before a verb (`en témoigne`), a preposition otherwise.
    // A word that is also a noun, with nothing after it that a verb would
    // take (`La République en marche,`, `en cours de`, `en place.`; a
    // verb right after it is the clause's), makes
    // `en` the preposition of a phrase.
    if t.is(Class::Preposition) && t.is(Class::ObjectPronoun) {
        // After a subject pronoun, `en` is a clitic (`Il en reste.`).
        let phrase = prev_tag != Some(Tag::Pron)
            && next.is_some_and(|j| {
                r[j].has(Pos::Noun)
                    && (j + 1 == tags.len()
                        || matches!(tags[j + 1], Tag::Punct | Tag::Prep | Tag::Verb | Tag::Aux))
            });
        return match next_tag {
            Some(Tag::Verb | Tag::Aux) if !phrase => Tag::Pron,
            _ => Tag::Prep,
        };
    }
    // `que`: a relative pronoun after a noun or a name (`la décision que…`).
    if t.is(Class::Subordinating) && t.is(Class::RelativePronoun) {
        return match prev_tag {
            Some(Tag::Noun | Tag::Propn | Tag::Unknown) => Tag::Rel,
            Some(Tag::Pron) if prev_text.is_some_and(|p| p == "ce" || p == "c’") => Tag::Rel,
            _ => Tag::Sub,
        };
    }
    // Forms of avoir and être: an auxiliary when a participle follows.
    if t.is(Class::AuxAvoir) || t.is(Class::AuxEtre) {
        // After a determiner, a noun: `l’été`, `un avoir`, `l’être`.
        if matches!(prev_tag, Some(Tag::Det)) && t.has(Pos::Noun) {
            return Tag::Noun;
        }
        let next_is_participle = matches!(next_tag, Some(Tag::Participle))
            || (matches!(next_tag, Some(Tag::Aux)) && next.is_some_and(|j| r[j].participle()));
        if next_is_participle && tag != Tag::Participle {
            return Tag::Aux;
        }
        // `été` after an auxiliary: the passive's auxiliary (`a été adopté`).
        if tag == Tag::Participle && matches!(prev_tag, Some(Tag::Aux | Tag::Verb)) {
            return if matches!(next_tag, Some(Tag::Participle)) {
                Tag::Aux
            } else {
                Tag::Participle
            };
        }
        return if tag == Tag::Aux { Tag::Verb } else { tag };
    }
    // `des`, `du`: an article opening a noun group, a preposition after a
    // noun (`les voisins des États-Unis`).
    if t.is(Class::De) && (t.is(Class::IndefiniteArticle) || t.is(Class::PartitiveArticle)) {
        return match prev_tag {
            Some(Tag::Noun | Tag::Propn | Tag::Adj | Tag::Unknown | Tag::Num | Tag::Participle) => {
                Tag::Prep
            }
            _ if t.text.eq_ignore_ascii_case("de") || t.text.eq_ignore_ascii_case("d’") => {
                Tag::Prep
            }
            _ => Tag::Det,
        };
    }
    // `s’`: `si` before `il`, `ils`; the reflexive pronoun otherwise.
    if t.is(Class::Subordinating) && t.is(Class::ObjectPronoun) {
        let next_word = r.get(k + 1).map(|n| n.lower.as_ref());
        return match next_word {
            Some("il" | "ils") => Tag::Sub,
            _ => Tag::Pron,
        };
    }
    tag
}

/// The tag of token `k` given its neighbours' current tags.
fn in_context(r: &[Reading<'_>], tags: &[Tag], k: usize) -> Tag {
    let t = &r[k];
    let tag = tags[k];
    let next = next_core(tags, k);
    let next_tag = next.map(|j| tags[j]);
    let prev = prev_word(tags, k);
    let prev_tag = prev.map(|j| tags[j]);
    let prev_text = prev.map(|j| r[j].lower.as_ref());
    if matches!(
        tag,
        Tag::Propn | Tag::Num | Tag::Punct | Tag::OpenQuote | Tag::CloseQuote
    ) {
        return tag;
    }
    // `au moins`, `au plus` before a number make one determiner with it
    // (`au moins 35 étrangers`): the quantity stays with its noun.
    let word = |j: usize| r.get(j).map(|x| x.lower.as_ref());
    let at_least = |j: usize| {
        word(j) == Some("au")
            && matches!(word(j + 1), Some("moins" | "plus"))
            && matches!(tags.get(j + 2), Some(Tag::Num | Tag::Det))
    };
    if at_least(k) || (k > 0 && at_least(k - 1)) {
        return Tag::Det;
    }
    if let Some(resolved) = function_word_in_context(r, tags, k) {
        return resolved;
    }
    if t.function.is_some() {
        return tag;
    }
    // `du`, `des`, `au`, `aux` hold an article: a noun group follows.
    let after_contracted = prev.is_some_and(|j| {
        r[j].function
            .is_some_and(|f| (f.is(Class::De) || f.is(Class::A)) && f.number != '-')
    });
    let after_det = matches!(prev_tag, Some(Tag::Det | Tag::Num))
        || after_contracted
        || (matches!(prev_tag, Some(Tag::Adj))
            && prev.is_some_and(|j| j > 0 && tags[..j].last() == Some(&Tag::Det)));
    let after_subject = matches!(prev_tag, Some(Tag::Pron))
        && prev.is_some_and(|j| {
            r[j].is(Class::SubjectPronoun)
                || r[j].is(Class::ObjectPronoun)
                || r[j].is(Class::DemonstrativePronoun)
        })
        || matches!(prev_tag, Some(Tag::Rel)) && prev_text == Some("qui");
    // `été` after `a`, `ont`, `avait` is the auxiliary of a passive (`ont
    // été blessés`): the participle after it is one too.
    let after_aux = matches!(prev_tag, Some(Tag::Aux))
        || (matches!(prev_tag, Some(Tag::Verb | Tag::Participle))
            && prev.is_some_and(|j| r[j].is(Class::AuxAvoir) || r[j].is(Class::AuxEtre)));
    let after_prep = matches!(prev_tag, Some(Tag::Prep));
    if after_aux && t.participle() {
        return Tag::Participle;
    }
    // A word the lexicon lacks after `a`, `ont`, `est` (`a twitté`) is most
    // likely a participle.
    let after_avoir_or_etre =
        prev.is_some_and(|j| r[j].is(Class::AuxAvoir) || r[j].is(Class::AuxEtre));
    if tag == Tag::Unknown && after_avoir_or_etre && participle_ending(&t.lower) {
        return Tag::Participle;
    }
    // A word the lexicon lacks between a noun group and a determiner or a
    // preposition, with a verb's ending (`la Korsenie relancent le dialogue`),
    // is a finite verb.
    let before_group = matches!(next_tag, Some(Tag::Det | Tag::Prep | Tag::Num | Tag::Propn));
    let after_noun = matches!(prev_tag, Some(Tag::Noun | Tag::Propn));
    if tag == Tag::Unknown && after_noun && before_group && finite_ending(&t.lower) {
        return Tag::Verb;
    }
    // One with a present participle's ending after a noun (`des personnes
    // en uniforme répliquant avec…`) is one.
    if tag == Tag::Unknown
        && matches!(prev_tag, Some(Tag::Noun | Tag::Unknown))
        && present_participle_ending(&t.lower)
    {
        return Tag::Gerund;
    }
    // After a name, a word that can be a finite verb is one: a name takes
    // no common noun after it (`Un Portugais figure parmi les victimes`).
    if prev_tag == Some(Tag::Propn)
        && !t.capitalised
        && t.finite()
        && matches!(tag, Tag::Noun | Tag::Adj)
    {
        return Tag::Verb;
    }
    if after_det && t.nominal() {
        return if t.has(Pos::Noun)
            && (t.first() != Some(Pos::Adj) || next_tag.is_none_or(|n| !n.is_nominal()))
        {
            Tag::Noun
        } else if t.has(Pos::Adj) {
            Tag::Adj
        } else {
            Tag::Noun
        };
    }
    if after_subject && t.finite() {
        return Tag::Verb;
    }
    if after_prep && t.infinitive() && !after_det {
        return Tag::Infinitive;
    }
    if prev_text == Some("en") && t.present_participle() {
        return Tag::Gerund;
    }
    // A participle after a noun, with no auxiliary, qualifies it (`un ballon présumé`).
    if tag == Tag::Participle && matches!(prev_tag, Some(Tag::Noun | Tag::Adj | Tag::Unknown)) {
        return Tag::Adj;
    }
    tag
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fr::lexicon::lexicons;

    fn tags(s: &str) -> Vec<(String, Tag)> {
        let lex = lexicons();
        let toks = crate::segment::tokens(s);
        let r = readings(s, &toks, lex);
        let (t, _) = tag_all(&r, lex);
        r.iter().map(|x| x.text.to_string()).zip(t).collect()
    }

    fn tag_of(s: &str, word: &str) -> Tag {
        tags(s)
            .into_iter()
            .find(|(w, _)| w == word)
            .map(|(_, t)| t)
            .unwrap_or_else(|| panic!("{word} not in {s}"))
    }

    #[test]
    fn an_unknown_word_in_ant_after_a_noun_is_a_present_participle() {
        assert_eq!(
            tag_of(
                "Des policiers répliquoutant avec leur arme.",
                "répliquoutant"
            ),
            Tag::Gerund
        );
        assert_eq!(
            tag_of(
                "Un accord non-contraignoutant a été signé.",
                "non-contraignoutant"
            ),
            Tag::Unknown
        );
    }

    #[test]
    fn articles_before_nouns_pronouns_before_verbs() {
        assert_eq!(tag_of("Il la voit chaque jour.", "la"), Tag::Pron);
        assert_eq!(tag_of("Il voit la mer.", "la"), Tag::Det);
        assert_eq!(tag_of("Le maire les a reçus.", "les"), Tag::Pron);
        assert_eq!(tag_of("Il en parle souvent.", "en"), Tag::Pron);
        assert_eq!(tag_of("Il n’en reste rien, il en reste.", "en"), Tag::Pron);
        assert_eq!(
            tag_of("Le député de la République en marche a voté.", "en"),
            Tag::Prep
        );
        assert_eq!(
            tag_of("Le chantier est en cours de route.", "en"),
            Tag::Prep
        );
        assert_eq!(tag_of("Le maire a reçu les élus.", "les"), Tag::Det);
        // After a verb, a word that can be a noun opens the object.
        assert_eq!(tag_of("L’affaire change la donne.", "la"), Tag::Det);
        assert_eq!(tag_of("Le maire la donne aux élus.", "la"), Tag::Pron);
    }

    #[test]
    fn after_a_name_a_verb_and_a_quantity_with_its_noun() {
        assert_eq!(
            tag_of("Un Portugais figure parmi les victimes.", "figure"),
            Tag::Verb
        );
        assert_eq!(
            tag_of("La CFDT menace de faire grève.", "menace"),
            Tag::Verb
        );
        assert_eq!(
            tag_of("Au moins 35 étrangers se trouvaient à bord.", "moins"),
            Tag::Det
        );
        assert_eq!(
            tag_of("Au moins trois personnes ont été tuées.", "Au"),
            Tag::Det
        );
        assert_eq!(tag_of("La figure du père domine.", "figure"), Tag::Noun);
        assert_eq!(
            tag_of("Douze marins ont été blessés.", "blessés"),
            Tag::Participle
        );
    }

    #[test]
    fn auxiliaries_need_a_participle() {
        assert_eq!(tag_of("Blinken a invité Qin.", "a"), Tag::Aux);
        assert_eq!(tag_of("Blinken a invité Qin.", "invité"), Tag::Participle);
        assert_eq!(tag_of("Blinken a des discussions.", "a"), Tag::Verb);
        let passive = tags("Le texte a été adopté par le Sénat.");
        let of = |w: &str| passive.iter().find(|(x, _)| x == w).unwrap().1;
        assert_eq!(of("a"), Tag::Aux);
        assert_eq!(of("été"), Tag::Aux);
        assert_eq!(of("adopté"), Tag::Participle);
        assert_eq!(tag_of("Le ciel de l’été est clair.", "été"), Tag::Noun);
    }

    #[test]
    fn nouns_after_determiners_verbs_after_subjects() {
        assert_eq!(tag_of("La porte est fermée.", "porte"), Tag::Noun);
        assert_eq!(tag_of("Elle porte un manteau.", "porte"), Tag::Verb);
        assert_eq!(
            tag_of("Le voyage intervient en février.", "intervient"),
            Tag::Verb
        );
    }

    #[test]
    fn names_acronyms_and_honorifics() {
        assert_eq!(
            tag_of("Le ministre a reçu Antony Blinken.", "Blinken"),
            Tag::Propn
        );
        assert_eq!(tag_of("Le sommet de l’ONU commence.", "ONU"), Tag::Propn);
        assert_eq!(tag_of("Selon M. Dupont, rien ne change.", "M"), Tag::Propn);
        // A capital at the start says nothing: `Le` is an article.
        assert_eq!(tag_of("Le ministre parle.", "Le"), Tag::Det);
        // A first name the lexicon knows as a word, before a surname.
        assert_eq!(
            tag_of("Charlotte Le Bon tourne un film.", "Charlotte"),
            Tag::Propn
        );
        assert_eq!(tag_of("Rose Dubois a gagné.", "Rose"), Tag::Propn);
        assert_eq!(
            tag_of("Porte de Versailles, la foule attend.", "Porte"),
            Tag::Noun
        );
    }

    #[test]
    fn relatives_after_nouns_conjunctions_elsewhere() {
        assert_eq!(
            tag_of("La décision que le maire a prise surprend.", "que"),
            Tag::Rel
        );
        assert_eq!(tag_of("Il dit que la décision surprend.", "que"), Tag::Sub);
        assert_eq!(tag_of("Le maire, qui a parlé, part.", "qui"), Tag::Rel);
    }

    #[test]
    fn participles_and_infinitives() {
        assert_eq!(
            tag_of("S’exprimant vendredi, Blinken a parlé.", "exprimant"),
            Tag::Gerund
        );
        assert_eq!(
            tag_of("Il espère rencontrer Xi.", "rencontrer"),
            Tag::Infinitive
        );
        assert_eq!(
            tag_of("Un ballon espion présumé a été vu.", "présumé"),
            Tag::Adj
        );
    }
}
