//! Connectors refonte adds before source sentences: few, and only where
//! the text itself carries the relation (`EDITOR.md`, "Connectors").
//!
//! A connector states a relation between two sentences. Rules cannot check
//! that two facts contrast, or that one causes the other, so refonte adds
//! none of those; the sentences keep the connectors their journalist wrote.
//! What the text does carry is its own end: the article's last paragraph,
//! when it is also the source's last one, closes an article of two
//! sections or more and is an afterthought (its first sentence ranks in the
//! lower half), may open with a connector of the `last` relation (`Enfin`),
//! chosen from `lexicons/fr/connectors.txt`.
//! A subheading already marks every change of subject, so none is added at
//! a section's start.
//!
//! A connector goes only before a sentence that opens on its subject (a
//! name or a noun group and a finite verb): never before a participle, an
//! apposition, a fragment, a quotation, a pronoun that points back, or a
//! connector of its own (`Mais`, `Alors que`). The word after it keeps its
//! capital when it is a name and loses it when it is a common word.

use super::{Context, pick};
use crate::fr::lexicon::{Relation, lexicons};
use crate::parse::{ClauseKind, Tag};
use crate::section::Paragraphs;
use rustc_hash::FxHashMap;

/// The connectors to set before sentences, by sentence index; `scores` are
/// the sentences' TextRank scores.
pub fn place(
    ctx: &Context,
    lead: &[usize],
    sections: &[Paragraphs],
    scores: &[f64],
) -> FxHashMap<usize, String> {
    let mut out = FxHashMap::default();
    let Some(last) = sections.last().and_then(|s| s.last()) else {
        return out;
    };
    let Some(&first) = last.first() else {
        return out;
    };
    // A closing word needs a story told in parts: one section (a short
    // article) ends without one.
    let single_section = sections.len() < 2;
    if single_section
        || !is_source_ending(ctx, last)
        || !can_open(ctx, first)
        || carries_the_news(lead, sections, scores, first)
    {
        return out;
    }
    let endings: Vec<&str> = lexicons()
        .connectors
        .iter()
        .filter(|c| c.relation == Relation::Last && is_desk_register(&c.text))
        .map(|c| c.text.as_str())
        .collect();
    if !endings.is_empty() {
        let c = endings[pick(ctx.seed, 600, endings.len())];
        out.insert(first, c.to_string());
    }
    out
}

/// True when sentence `first` ranks in the better half of the printed
/// sentences: a last paragraph that carries the news (`Quatre personnes
/// ont été blessées`) is no afterthought for `Enfin` to close on.
fn carries_the_news(lead: &[usize], sections: &[Paragraphs], scores: &[f64], first: usize) -> bool {
    let score = |i: usize| scores.get(i).copied().unwrap_or(0.0);
    let printed: Vec<usize> = lead
        .iter()
        .copied()
        .chain(sections.iter().flatten().flatten().copied())
        .collect();
    let above = printed.iter().filter(|&&i| score(i) > score(first)).count();
    2 * above < printed.len()
}

/// True when the printed paragraph `para` ends where the source's body
/// ends: its last sentence is the source's last body sentence.
fn is_source_ending(ctx: &Context, para: &[usize]) -> bool {
    let doc = ctx.doc;
    let mask = doc.body_mask();
    let last_body = (0..mask.len()).rev().find(|&i| mask[i]);
    para.last().copied() == last_body
}

/// A connector of the desk's register: `Enfin`, not `En guise de
/// conclusion` (a school essay's) — the short ones, of one or two words.
fn is_desk_register(text: &str) -> bool {
    text.split_whitespace().count() <= 2 && !text.starts_with("Pour ")
}

/// True when sentence `i` opens on its subject and a finite verb, and so
/// may take a connector before it.
pub fn can_open(ctx: &Context, i: usize) -> bool {
    let doc = ctx.doc;
    if doc.depends_on_previous(i) || doc.opens_with_connector(i) {
        return false;
    }
    let text = doc.sentence_text(i);
    if text.ends_with('?') || text.chars().next().is_some_and(|c| !c.is_uppercase()) {
        return false;
    }
    let p = ctx.parsed(i);
    let opens_main = p.opener() == Some(ClauseKind::Main);
    // The first group is a noun group that opens with an article, a number
    // or a name (`Air France` opens on a capitalised common word).
    let subject_first = p.group_at(0).is_some_and(|g| {
        g.kind == crate::parse::GroupKind::Noun
            && (matches!(p.tags[0], Tag::Det | Tag::Propn | Tag::Num)
                || p.tags[g.start..g.end].contains(&Tag::Propn))
    });
    // A first word in capitals is a rubric glued to the sentence, not prose.
    let first_word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let shouting = first_word.chars().count() >= 2 && first_word.chars().all(char::is_uppercase);
    // `Deux ans de cauchemar au cours desquels…`: a noun group and its
    // relative clause, no main verb.
    opens_main && subject_first && !shouting && !p.lacks_main_verb()
}

/// `Enfin` + `Les pourparlers…` → `Enfin, les pourparlers…`: the first
/// word keeps its capital when it is a name (`Enfin, Air France…`).
pub fn attach(ctx: &Context, connector: &str, sentence: &str, i: usize) -> String {
    // A name of several words the article writes elsewhere (`Air France`,
    // `Le Monde`) keeps its first capital too.
    let two: Vec<&str> = sentence.split_whitespace().take(2).collect();
    let two = two.join(" ");
    let two = two.trim_end_matches(|c: char| !c.is_alphanumeric());
    let named = ctx.parsed(i).tags.first() == Some(&Tag::Propn) || ctx.is_proper(two);
    let rest = if named {
        sentence.to_string()
    } else {
        crate::fr::lower_first(sentence, |w| ctx.is_proper(w))
    };
    format!("{connector}, {rest}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::test_document;

    #[test]
    fn only_the_true_ending_takes_a_connector() {
        let doc = test_document(
            "La mairie a voté le budget mardi. Il prévoit une hausse des investissements.\n\n\
             Les travaux de l’école commenceront en mars. Le chantier durera deux ans.\n\n\
             Le maire présentera le calendrier en avril.",
        );
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        let sections = vec![vec![vec![2, 3]], vec![vec![4]]];
        // The last sentence ranks last: an afterthought.
        let scores = [0.9, 0.5, 0.4, 0.3, 0.1];
        let placed = place(&ctx, &[0, 1], &sections, &scores);
        assert_eq!(placed.len(), 1);
        let c = placed
            .get(&4)
            .expect("a connector before the last paragraph");
        assert!(
            lexicons()
                .connectors
                .iter()
                .any(|x| x.text == *c && x.relation == Relation::Last)
        );
        // Not the last paragraph of the source: none.
        let cut = vec![vec![vec![2]], vec![vec![3]]];
        assert!(place(&ctx, &[0, 1], &cut, &scores).is_empty());
        // One section, a short article: none.
        let one = vec![vec![vec![2, 3], vec![4]]];
        assert!(place(&ctx, &[0, 1], &one, &scores).is_empty());
        // Ranked first of the printed sentences, it carries the news: none.
        let news = [0.3, 0.5, 0.4, 0.2, 0.9];
        assert!(place(&ctx, &[0, 1], &sections, &news).is_empty());
    }

    #[test]
    fn no_connector_before_a_participle_a_pronoun_or_a_quotation() {
        let doc = test_document(
            "Le maire parle. Transporté à l’hôpital, il est mort. Il part. « Non », dit-elle. \
             Mais rien ne change. Air France reprend ses vols. Le pilote d’Air France sourit.",
        );
        let facts = doc.facts();
        let ctx = Context::new(&doc, &facts);
        assert!(can_open(&ctx, 0));
        for i in 1..5 {
            assert!(!can_open(&ctx, i), "{}", doc.sentence_text(i));
        }
        assert!(can_open(&ctx, 5));
        assert_eq!(
            attach(&ctx, "Enfin", &doc.sentence_text(5), 5),
            "Enfin, Air France reprend ses vols."
        );
        assert_eq!(
            attach(&ctx, "Enfin", &doc.sentence_text(0), 0),
            "Enfin, le maire parle."
        );
    }
}
