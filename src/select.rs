//! Which source sentences the rewrite prints: all of them when the source is
//! short, the best-ranked when it is longer than the target, always with the
//! sentences that others depend on.

use crate::document::Document;
use crate::fr::lexicon::lexicons;
use crate::rank::Ranking;
use crate::segment::TokenKind;

/// True when sentence `i` cannot stand without the sentence before it: it
/// opens with a pronoun, a demonstrative or a connector (`Il`, `Cette
/// décision`, `Mais`, `Ces derniers mois`), with a lowercase letter, or
/// inside a quotation opened before it.
pub fn depends_on_previous(doc: &Document, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if doc.seg.sentences[i].starts_in_quote {
        return true;
    }
    let Some(first) = doc.seg.sentence_tokens(i).first() else {
        return false;
    };
    if first
        .span
        .of(&doc.text)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
    {
        return true;
    }
    let lex = lexicons();
    opens_with(&first_words(doc, i), |p| {
        lex.anaphoric_openers.contains(p) || lex.connector_openers.contains(p)
    })
}

/// True when sentence `i` already opens with a connector (so none is added before it).
pub fn opens_with_connector(doc: &Document, i: usize) -> bool {
    let lex = lexicons();
    opens_with(&first_words(doc, i), |p| lex.connector_openers.contains(p))
}

/// The first words of sentence `i`, folded (lowercase, `’`), as many as the longest opener.
fn first_words(doc: &Document, i: usize) -> Vec<String> {
    doc.seg
        .sentence_tokens(i)
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .take(lexicons().openers_max_words)
        .map(|t| crate::fr::lexicon::fold(t.span.of(&doc.text)))
        .collect()
}

/// True when the phrase made of the first one, two, three… of `words`
/// (joined as the lexicons write openers: a space, none after `’`) is accepted.
pub fn opens_with<S: AsRef<str>>(words: &[S], accept: impl Fn(&str) -> bool) -> bool {
    let mut phrase = String::new();
    for (n, w) in words.iter().enumerate() {
        if n > 0 && !phrase.ends_with('’') {
            phrase.push(' ');
        }
        phrase.push_str(w.as_ref());
        if accept(&phrase) {
            return true;
        }
    }
    false
}

/// Weight of a sentence with a typing slip that provenance keeps as written
/// (`disant:`, `20%`, `...`): where the article is longer than needed, the
/// clean sentences of about the same rank go first.
const SLIP_WEIGHT: f64 = 0.7;

/// The ranked sentences, best first, a sentence with a typing slip (see
/// [`crate::fr::has_slips`]) weighing [`SLIP_WEIGHT`] of its score; ties
/// by position.
fn order_clean_first(doc: &Document, ranking: &Ranking) -> Vec<usize> {
    let weight = |i: usize| {
        let slip = crate::fr::has_slips(&doc.sentence_text(i));
        ranking.scores[i] * if slip { SLIP_WEIGHT } else { 1.0 }
    };
    let mut v: Vec<(f64, usize)> = ranking.candidates.iter().map(|&i| (weight(i), i)).collect();
    v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    v.into_iter().map(|(_, i)| i).collect()
}

/// The sentences to print, in source order.
///
/// When the body holds no more than `target` words, every body sentence is
/// kept. Otherwise sentences are taken in rank order (a sentence with a typing slip weighing [`SLIP_WEIGHT`] of
/// its score) until `target` words,
/// each with the chain of sentences it depends on; a sentence whose chain
/// does not fit is passed over. The first body sentence is always kept.
pub fn select(doc: &Document, ranking: &Ranking, target: usize) -> Vec<usize> {
    let body: Vec<usize> = ranking.candidates.clone();
    let words = |i: usize| doc.terms.sentence_words[i] as usize;
    let total: usize = body.iter().map(|&i| words(i)).sum();
    if total <= target {
        return body;
    }
    let mut chosen = vec![false; doc.seg.sentences.len()];
    let mut count = 0usize;
    let is_body: Vec<bool> = {
        let mut v = vec![false; doc.seg.sentences.len()];
        for &i in &body {
            v[i] = true;
        }
        v
    };
    let take = |chain: &[usize], chosen: &mut Vec<bool>, count: &mut usize| {
        for &j in chain {
            if !chosen[j] {
                chosen[j] = true;
                *count += words(j);
            }
        }
    };
    if let Some(&first) = body.first() {
        take(&[first], &mut chosen, &mut count);
    }
    for i in order_clean_first(doc, ranking) {
        if count >= target {
            break;
        }
        if chosen[i] {
            continue;
        }
        // The sentence and those it depends on, back to one that stands alone.
        let mut chain = vec![i];
        let mut j = i;
        while depends_on_previous(doc, j) && j > 0 && is_body[j - 1] && !chosen[j - 1] {
            j -= 1;
            chain.push(j);
        }
        let extra: usize = chain.iter().map(|&k| words(k)).sum();
        // A chain may overshoot the target a little, never by more than half its size.
        if count + extra > target + extra / 2 && count > 0 && chain.len() > 1 {
            continue;
        }
        take(&chain, &mut chosen, &mut count);
    }
    body.into_iter().filter(|&i| chosen[i]).collect()
}
