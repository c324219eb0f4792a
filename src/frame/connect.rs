//! Connectors: `Par ailleurs,`, `À cet égard,`, `Enfin,` — chosen from
//! `lexicons/fr/connectors.txt` by the relation the position allows, never
//! twice in a row, never before a sentence that already opens with a
//! connector, a pronoun, a quotation or a dash.
//!
//! Only relations that state nothing are used: addition and context between
//! sections and paragraphs, `last` before the closing section. Contrast,
//! consequence and time would assert a relation between facts that rules
//! cannot check. Connectors go at section starts where they read naturally,
//! then at paragraph starts while fewer than a third of the sentences carry
//! a transition (Yoast's readability asks for 30 %), and before the third of
//! three sentences that open with the same word.

use super::{Context, pick};
use crate::fr::lexicon::{Connector, Relation, lexicons};

/// True when a connector can go before sentence `i`: it may take one in
/// place ([`can_take_in_place`]) and depends on no sentence before it.
pub fn can_take(ctx: &Context, i: usize) -> bool {
    can_take_in_place(ctx, i) && !ctx.doc.depends_on_previous(i)
}

fn options(relations: &[Relation], avoid: &[&str]) -> Vec<&'static Connector> {
    let all: Vec<&Connector> = lexicons()
        .connectors
        .iter()
        .filter(|c| relations.contains(&c.relation) && !avoid.contains(&c.text.as_str()))
        .collect();
    // Connectors Yoast counts as transitions first: they do two jobs.
    let counted: Vec<&Connector> = all.iter().copied().filter(|c| c.transition).collect();
    if counted.is_empty() { all } else { counted }
}

/// The connectors that `text` already says, as words anywhere in it
/// (`… avait par ailleurs dit` holds `Par ailleurs`): one more would repeat it.
pub fn said_in(text: &str) -> Vec<&'static str> {
    let lower = crate::fr::lexicon::fold(text);
    let connectors = &lexicons().connectors;
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out: Vec<&'static str> = Vec::new();
    for m in all_connectors().find_overlapping_iter(&lower) {
        let whole = !is_word(lower[..m.start()].chars().next_back())
            && !is_word(lower[m.end()..].chars().next());
        let c = connectors[m.pattern().as_usize()].text.as_str();
        if whole && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Every connector of the lexicon, folded, in one automaton built once
/// (pattern `k` is `lexicons().connectors[k]`).
fn all_connectors() -> &'static aho_corasick::AhoCorasick {
    static A: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    A.get_or_init(|| folded_automaton(|_| true))
}

/// The connectors that `keep` selects, folded, as one automaton (pattern
/// `k` is the `k`-th connector kept, in lexicon order).
fn folded_automaton(keep: impl Fn(&Connector) -> bool) -> aho_corasick::AhoCorasick {
    let folded: Vec<String> = lexicons()
        .connectors
        .iter()
        .filter(|c| keep(c))
        .map(|c| crate::fr::lexicon::fold(&c.text))
        .collect();
    aho_corasick::AhoCorasick::new(folded).expect("connector patterns are plain strings")
}

/// The connectors whose first word is `word` (lowercase): set before a
/// sentence that follows or precedes one opening with `word`, they would
/// make two sentences in a row open alike (`À Paris…` then `À ce sujet, …`).
pub fn opening_with(word: &str) -> Vec<&'static str> {
    lexicons()
        .connectors
        .iter()
        .filter(|c| {
            c.text
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .is_some_and(|w| w.to_lowercase() == word)
        })
        .map(|c| c.text.as_str())
        .collect()
}

/// The connector to put before sentence `first` opening section `index` of
/// `count`, if one reads naturally there; `avoid` lists connectors already used.
pub fn connector(
    ctx: &Context,
    index: usize,
    count: usize,
    first: usize,
    avoid: &[&str],
) -> Option<String> {
    if index == 0 || !can_take(ctx, first) {
        return None;
    }
    let relations: &[Relation] = if index + 1 == count {
        &[Relation::Last]
    } else {
        &[Relation::Addition, Relation::Context, Relation::Shift]
    };
    let opts = options(relations, avoid);
    if opts.is_empty() {
        return None;
    }
    Some(
        opts[pick(ctx.seed, 600 + index as u64, opts.len())]
            .text
            .clone(),
    )
}

/// True when a connector can go before sentence `i` to vary the openings of
/// consecutive sentences: as [`can_take`], and also before a quotation that
/// opens the sentence (`D’autre part, « on veut… »`).
pub fn can_take_varying(ctx: &Context, i: usize) -> bool {
    if can_take(ctx, i) {
        return true;
    }
    let text = ctx.doc.sentence_text(i);
    let mut chars = text.chars().filter(|c| !c.is_whitespace());
    chars.next() == Some('«')
        && chars.next().is_some_and(char::is_uppercase)
        && !ctx.doc.depends_on_previous(i)
        && !text.ends_with('?')
}

/// True when sentence `i` may take an additive connector while it stays right
/// after the sentence it depends on (`Ils ont encore prévu…` → `En outre,
/// ils ont encore prévu…`): it opens with a capitalised word, not in capitals,
/// and is no question.
pub fn can_take_in_place(ctx: &Context, i: usize) -> bool {
    let text = ctx.doc.sentence_text(i);
    // A first word in capitals is a subheading glued to the sentence, not prose.
    let first_word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let shouting = first_word.chars().count() >= 2 && first_word.chars().all(char::is_uppercase);
    // `En outre, … ont également gardé…`: the sentence already adds.
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let adds = ["également", "Également", "aussi", "Aussi"]
        .iter()
        .any(|w| {
            text.match_indices(w).any(|(i, _)| {
                !is_word(text[..i].chars().next_back())
                    && !is_word(text[i + w.len()..].chars().next())
            })
        });
    first_word.chars().next().is_some_and(char::is_uppercase)
        && !shouting
        && !adds
        && !ctx.doc.opens_with_connector(i)
        && !text.ends_with('?')
}

/// A connector for a paragraph or sentence inside a section (addition or context).
pub fn inner_connector(ctx: &Context, salt: u64, avoid: &[&str]) -> Option<String> {
    let opts = options(&[Relation::Addition, Relation::Context], avoid);
    if opts.is_empty() {
        return None;
    }
    Some(opts[pick(ctx.seed, 700 + salt, opts.len())].text.clone())
}

/// `Par ailleurs` + `Les pourparlers…` → `Par ailleurs, les pourparlers…`.
pub fn attach(ctx: &Context, connector: &str, sentence: &str) -> String {
    format!(
        "{connector}, {}",
        crate::fr::lower_first(sentence, |w| ctx.is_proper(w))
    )
}

/// How many sentences a reader (and Yoast) sees in one source sentence: a
/// quotation may hold several (`« Non. Jamais. », dit-il.` is three).
pub fn reader_sentences(text: &str) -> usize {
    reader_openers(text).len()
}

/// The first word, lowercased, of each sentence a reader sees in `text`
/// (see [`reader_sentences`]); empty strings for pieces without a word.
pub fn reader_openers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut starts = vec![0];
    for k in 0..chars.len() {
        if !matches!(chars[k], '.' | '!' | '?' | '…') {
            continue;
        }
        let mut j = k + 1;
        while j < chars.len() && (chars[j].is_whitespace() || chars[j] == '»') {
            j += 1;
        }
        let next = chars.get(j).copied();
        if j > k + 1 && next.is_some_and(|c| c.is_uppercase() || c == '«') {
            starts.push(j);
        }
    }
    starts
        .iter()
        .map(|&st| {
            chars[st..]
                .iter()
                .skip_while(|c| !c.is_alphanumeric())
                .take_while(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .collect()
}

/// True when a sentence holds a transition: it opens with a connector of the
/// lexicons, or contains one Yoast counts.
pub fn has_transition(text: &str) -> bool {
    let lex = lexicons();
    let lower = crate::fr::lexicon::fold(text);
    let first_words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .take(lex.openers_max_words)
        .collect();
    let opens = crate::analyze::sentences::opens_with(&first_words, |p| {
        lex.connector_openers.contains(p) && !matches!(p, "et" | "ou" | "ni" | "or")
    });
    opens || transitions().is_match(&lower)
}

/// The connectors Yoast counts, folded, in one automaton built once: a
/// sentence is searched once, not once per connector.
fn transitions() -> &'static aho_corasick::AhoCorasick {
    static T: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    T.get_or_init(|| folded_automaton(|c| c.transition && !c.text.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_hold_several_reader_sentences() {
        assert_eq!(reader_sentences("Il pleut."), 1);
        assert_eq!(reader_sentences("« Non. Jamais. », dit-il."), 2);
        assert_eq!(reader_sentences("« Pourquoi ? Parce que. » Il part."), 3);
        assert_eq!(reader_sentences("« Pourquoi ? Parce que », dit-il."), 2);
        assert_eq!(
            reader_openers("« Il part. Il revient. » Il rit."),
            ["il", "il", "il"]
        );
    }
}
