//! Headlines by rule: a sentence trimmed to its core, as a desk writes an
//! intertitle — the Hedge Trimmer idea (Dorr, Zajic & Schwartz 2003) on the
//! shallow analysis of [`crate::parse`]: keep the subject, the verb group
//! and the first complements; drop what frames the news rather than tells
//! it (attributions, appositions, relative and subordinate clauses, phrases
//! of time, leading participial phrases).
//!
//! The words stay the source's, in its order and spelling: a headline cuts,
//! it never rewrites. What cannot be cut to a complete phrase of
//! [`MAX_WORDS`] words or fewer gives no headline. The subject is a name or
//! a noun group, never a pronoun (`Il a dit…` names no one); a reporting
//! verb (`a déclaré`, `estime`) gives none either (its news is in what was
//! said, which a cut would lose).

use crate::fr::lexicon::{Class, Lexicons, lexicons};
use crate::parse::{ClauseKind, GroupKind, Parsed, Tag};

/// Most words a headline may have (a subheading of two to eight words).
pub const MAX_WORDS: usize = 8;
/// Fewest words a headline may have.
pub const MIN_WORDS: usize = 3;

/// A headline cut from a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// The text, first letter up, no final period.
    pub text: String,
    /// True when its subject is a name (`Blinken devrait rencontrer…`).
    pub named_subject: bool,
}

/// Most tokens of a subject made of a noun group and its complement in a
/// preposition other than `de` or `à` (`L’embargo sur les armes`).
const PP_SUBJECT_MAX_TOKENS: usize = 5;

/// A run of tokens kept in a headline: `start..end` of the parsed sentence.
type Run = (usize, usize);

/// The headline of a sentence `text` parsed as `p`, if it trims to one of
/// [`MIN_WORDS`] to [`MAX_WORDS`] words.
pub fn headline(text: &str, p: &Parsed) -> Option<Headline> {
    headline_within(text, p, MAX_WORDS)
}

/// [`headline`] with room for `max_words` words (an SEO title takes more),
/// its complements still within [`MAX_WORDS`] with the subject and verb.
pub fn headline_within(text: &str, p: &Parsed, max_words: usize) -> Option<Headline> {
    trimmed(text, p, max_words, MAX_WORDS)
}

/// The sentence's core of up to `max_words` words, its complements given
/// the room too (a meta description states a whole fact: `Les tribunaux
/// d’instance s’apprêtent à fusionner avec les tribunaux de grande
/// instance`).
pub fn core_within(text: &str, p: &Parsed, max_words: usize) -> Option<Headline> {
    trimmed(text, p, max_words, max_words)
}

fn trimmed(text: &str, p: &Parsed, max_words: usize, room: usize) -> Option<Headline> {
    let lex = lexicons();
    // A question is a headline only where the text answers it.
    if p.tokens.last().is_some_and(|t| t.span.of(text) == "?") {
        return None;
    }
    let (verb, clause_end) = main_verb(p)?;
    let (subject, named) = subject(text, p, verb.0, lex)?;
    if reports(text, p, verb, lex)
        || !stands_alone(text, p, subject, lex)
        || restricts(text, p, verb, lex)
        || points_back_in_verb(text, p, verb, lex)
        || !agrees(text, p, subject, verb, lex)
        || only_before(text, p, subject)
    {
        return None;
    }
    let subject_runs = trim_group(text, p, subject, max_words.saturating_sub(2))?;
    let verb_runs = without_connectors(text, p, verb, lex);
    let used = words_in(text, p, &subject_runs) + words_in(text, p, &verb_runs);
    let (complements, end) =
        complements(text, p, verb.1, clause_end, room.saturating_sub(used), lex)?;
    // Without a complement, the verb must end the sentence (`Les tribunaux
    // d’instance disparaissent.`): `Les syndicats redoutent` cut before its
    // object, or `n’ira pas, mais…`, misleads.
    // A participle after `être` needs no object (`53 personnes ont été
    // blessées`, `le balcon s’est effondré`): it may end the headline
    // before a comma or a phrase of time.
    let complete = if complements.is_empty() {
        p.tags[end..].iter().all(|&t| t == Tag::Punct)
            || (after_etre(text, p, verb, lex)
                && (p.tags.get(end) == Some(&Tag::Punct) || {
                    // Before a phrase of time only: `mis en délibéré`,
                    // `désigné comme…` need what follows.
                    complement_at(p, end, clause_end.max(end + 1))
                        .is_some_and(|u| is_time_phrase(text, p, u, lex))
                }))
    } else {
        ends_cleanly(text, p, end, clause_end, lex)
    };
    if !complete {
        return None;
    }
    if complements
        .iter()
        .any(|&(a, b)| (a..b).any(|k| points_back(text, p, k, lex)))
    {
        return None;
    }
    let mut runs = subject_runs;
    runs.extend(verb_runs);
    runs.extend(complements);
    let out = join(text, p, &runs);
    let n = crate::fr::count_words(&out);
    if !(MIN_WORDS..=max_words).contains(&n) || !balanced(&out) {
        return None;
    }
    Some(Headline {
        text: crate::fr::upper_first(&out),
        named_subject: named,
    })
}

/// The subject of the sentence's main clause as a noun phrase that can
/// stand as a heading (`Les liens commerciaux entre les deux pays`): the
/// topic the sentence is about, in its words, or `None`.
pub fn subject_phrase(text: &str, p: &Parsed) -> Option<String> {
    let lex = lexicons();
    let (verb, _) = main_verb(p)?;
    let (subject, _) = subject(text, p, verb.0, lex)?;
    // A person (`Le ministre de l’Intérieur Gérald Darmanin`) says who, not
    // what; a name with its article (`La France`, `Le Maire`) says no more.
    let person = name_of(text, p, subject) != subject;
    let common = p.tags[subject.0..subject.1].contains(&Tag::Noun);
    if !stands_alone(text, p, subject, lex) || p.tags[subject.0] != Tag::Det || person || !common {
        return None;
    }
    let out = join(text, p, &[subject]);
    balanced(&out).then(|| crate::fr::upper_first(&out))
}

/// The verb group of the sentence's main clause, and where that clause ends.
/// A main clause after leading adjuncts, participial phrases or
/// subordinates is found; one inside a quotation is not.
fn main_verb(p: &Parsed) -> Option<((usize, usize), usize)> {
    let clause = p
        .clauses
        .iter()
        .find(|c| matches!(c.kind, ClauseKind::Main | ClauseKind::Predicate))?;
    if clause.kind == ClauseKind::Predicate && !subject_before_predicate(p, clause.start) {
        return None;
    }
    let g = p.groups.iter().find(|g| {
        g.kind == GroupKind::Verb
            && g.start >= clause.start
            && g.end <= clause.end
            && (g.start..g.end).any(|k| matches!(p.tags[k], Tag::Verb | Tag::Aux))
    })?;
    // The verb group without the clitics before it: a pronoun there is an
    // object (`l’a reçu`), kept, or a subject (`il a dit`), refused below.
    Some(((g.start, g.end), clause.end))
}

/// True when the clauses before a predicate (`Blinken, le chef de la
/// diplomatie, a rencontré…`) hold its subject: a noun group or a name,
/// possibly followed by an apposition.
fn subject_before_predicate(p: &Parsed, start: usize) -> bool {
    let before: Vec<&crate::parse::Clause> =
        p.clauses.iter().take_while(|c| c.end <= start).collect();
    // After the subject, up to two phrases set apart: a name (`, Claudia
    // Lopez,`) or a role without its article (`, opposante au président,`).
    let set_apart = |c: &&crate::parse::Clause| {
        c.kind == ClauseKind::Apposition
            || (c.kind == ClauseKind::Fragment
                && matches!(p.tags[c.start], Tag::Noun | Tag::Unknown | Tag::Adj)
                && p.group_at(c.start)
                    .is_some_and(|g| g.kind == GroupKind::Noun))
    };
    match before.as_slice() {
        [first, rest @ ..] if rest.len() <= 2 => {
            matches!(first.kind, ClauseKind::Fragment | ClauseKind::Adjunct)
                && p.group_at(first.start)
                    .is_some_and(|g| g.kind == GroupKind::Noun)
                && rest.iter().all(set_apart)
        }
        _ => false,
    }
}

/// The subject's noun group before the verb group starting at `verb`, and
/// whether it is a name. A subject pronoun at the group's start (`il a
/// dit`) names no one. An apposition that is a name stands for the noun
/// group it follows (`Le conseiller de Biden, Jake Sullivan, s’est rendu…`
/// → `Jake Sullivan`).
fn subject(text: &str, p: &Parsed, verb: usize, lex: &Lexicons) -> Option<(Run, bool)> {
    let fw = &lex.function_words;
    let first = p.tokens[verb].span.of(text).to_lowercase();
    let nouns: Vec<&crate::parse::Group> = p
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Noun && g.end <= verb)
        .collect();
    let last = nouns.last()?;
    let adjacent = (last.end..verb).all(|k| p.tags[k] == Tag::Punct);
    let subject_pronoun = fw.is(&first, Class::DemonstrativePronoun)
        || (fw.is(&first, Class::SubjectPronoun)
            && (!fw.is(&first, Class::ObjectPronoun) || !adjacent));
    if p.tags[verb] == Tag::Pron && subject_pronoun {
        return None;
    }
    // After a preposition, an infinitive or a verb, the group is their
    // complement (`Une collecte destinée à financer une institutrice… a été
    // organisée` is no `Une institutrice… a été organisée`).
    if !adjacent {
        return None;
    }
    if last.start > 0 && p.tags[last.start - 1] == Tag::Prep {
        // `L’embargo sur les armes arrive…`: the complement of a noun group
        // that opens the sentence (or follows a phrase set apart) belongs
        // to the subject.
        let prep = last.start - 1;
        // Short enough to stay whole: trimmed, `Le projet de loi sur les
        // retraites` would say `Le projet`.
        let head = nouns.iter().rev().nth(1).filter(|g| {
            g.end == prep
                && p.tags[g.start] == Tag::Det
                && (g.start == 0 || p.tags[g.start - 1] == Tag::Punct)
                && last.end - g.start <= PP_SUBJECT_MAX_TOKENS
        })?;
        return Some(((head.start, last.end), false));
    }
    if last.start > 0 && matches!(p.tags[last.start - 1], Tag::Infinitive | Tag::Verb) {
        return None;
    }
    // `des victimes` after `Plus de 90 %`: the complement of a quantity, not
    // the subject; a headline of it would drop the number.
    let contracted = fw.is(
        &p.tokens[last.start].span.of(text).to_lowercase(),
        Class::De,
    );
    if contracted
        && last.start > 0
        && (matches!(p.tags[last.start - 1], Tag::Num | Tag::Noun | Tag::Adj)
            || p.tokens[last.start - 1].span.of(text) == "%")
    {
        return None;
    }
    let named =
        p.tags[last.start..last.end].contains(&Tag::Propn) && p.tags[last.start] != Tag::Det;
    if last.end == verb {
        return Some((
            name_of(text, p, (last.start, last.end)),
            named || has_name_tail(text, p, last),
        ));
    }
    // Commas between the group and the verb: an apposition, whose group
    // before it is the subject, unless the apposition is the name.
    let after_comma = last.start > 0 && p.tags[last.start - 1] == Tag::Punct;
    if !after_comma {
        return None;
    }
    if named {
        return Some(((last.start, last.end), true));
    }
    let before = nouns.iter().rev().nth(1)?;
    Some(((before.start, before.end), false))
}

/// The name a noun group ends with, when the words before it are a title
/// (`Le président américain Joe Biden` → `Joe Biden`): a headline names
/// the person. A name in a complement (`le voyage de Blinken`) is not one.
fn name_of(text: &str, p: &Parsed, g: Run) -> Run {
    let mut start = g.1;
    while start > g.0 && p.tags[start - 1] == Tag::Propn {
        start -= 1;
    }
    // A label in capitals before the name is the title's, not the name's
    // (`le maire PS François Rebsamen`).
    while start < g.1 && p.tags[start] == Tag::Propn && is_acronym_at(p, start) {
        start += 1;
    }
    let titled = start > g.0
        && start < g.1
        && matches!(p.tags[start - 1], Tag::Noun | Tag::Adj | Tag::Propn)
        && (g.0..start).any(|k| is_title_word(text, p, k));
    if titled { (start, g.1) } else { g }
}

/// True when token `k` is a title or role (`président`, `ministre`) or a
/// capitalised nationality (`l’Iranien`): the name after it is the person
/// it names. Other nouns make the name a complement (`l’affaire Benalla`
/// is no Benalla).
fn is_title_word(text: &str, p: &Parsed, k: usize) -> bool {
    let w = p.tokens[k].span.of(text);
    let lower = w.to_lowercase();
    let lex = lexicons();
    lex.title_first_words
        .contains(&crate::fr::lexicon::strip_accents(&lower))
        || (p.tags[k] == Tag::Noun
            && w.starts_with(char::is_uppercase)
            && lex
                .pos
                .get(&lower)
                .is_some_and(|e| e.has(crate::fr::lexicon::Pos::Adj)))
}

/// True when token `k` is written in capitals (`PS`, `LR`), an acronym.
fn is_acronym_at(p: &Parsed, k: usize) -> bool {
    p.acronym.get(k).copied().unwrap_or(false)
}

fn has_name_tail(text: &str, p: &Parsed, g: &crate::parse::Group) -> bool {
    name_of(text, p, (g.start, g.end)) != (g.start, g.end)
}

/// True when the verb group holds an object pronoun that points back
/// (`le presse`, `y est`, `lui a dit`): the headline would not say whom or
/// what. A reflexive (`s’est rendu`) points to the subject, and stays.
fn points_back_in_verb(text: &str, p: &Parsed, verb: Run, lex: &Lexicons) -> bool {
    let fw = &lex.function_words;
    (verb.0..verb.1).any(|k| {
        let w = p.tokens[k].span.of(text).to_lowercase();
        p.tags[k] == Tag::Pron && fw.is(&w, Class::ObjectPronoun) && !fw.is(&w, Class::Reflexive)
    })
}

/// True when the verb group is a reporting verb that introduces what was
/// said (`a déclaré à la presse que…`, `a indiqué : « …`, `estime, …`):
/// the headline would lose the news. A reporting verb with an object of
/// its own and no speech after it (`ont annoncé un nouveau cas`) tells it.
fn reports(text: &str, p: &Parsed, verb: Run, lex: &Lexicons) -> bool {
    let reporting = (verb.0..verb.1)
        .rev()
        .find(|&k| p.tags[k].is_verbal())
        .is_some_and(|k| {
            let w = p.tokens[k].span.of(text).to_lowercase();
            lex.reporting_verbs.contains(&w)
        });
    let speech_after = (verb.1..p.tags.len()).any(|k| {
        let w = p.tokens[k].span.of(text);
        matches!(p.tags[k], Tag::Sub | Tag::OpenQuote)
            || w == ":"
            || (p.tags[k] == Tag::Rel && matches!(w, "que" | "qu’"))
    });
    let nothing_after = p.tags[verb.1..].iter().all(|&t| t == Tag::Punct);
    reporting && (speech_after || nothing_after)
}

/// The noun group `g` within `budget` words: whole, or without the
/// complements that name no one (`le voyage de deux jours de Blinken` →
/// `le voyage de Blinken`), as runs of tokens.
fn trim_group(text: &str, p: &Parsed, g: Run, budget: usize) -> Option<Vec<Run>> {
    if words_in(text, p, &[g]) <= budget {
        return Some(vec![g]);
    }
    let parts = group_parts(p, g);
    let (head, complements) = parts.split_first()?;
    let mut runs = vec![*head];
    for &c in complements {
        let names = (c.0..c.1).any(|k| p.tags[k] == Tag::Propn);
        if names && words_in(text, p, &runs) + words_in(text, p, &[c]) <= budget {
            runs.push(c);
        }
    }
    (words_in(text, p, &runs) <= budget).then_some(runs)
}

/// A noun group cut into its head (`Det Adj* N Adj*`) and its complements,
/// each opening with a preposition.
fn group_parts(p: &Parsed, g: Run) -> Vec<Run> {
    let mut cuts = vec![g.0];
    for k in g.0 + 1..g.1 {
        if p.tags[k] == Tag::Prep {
            cuts.push(k);
        }
    }
    cuts.push(g.1);
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The complements after the verb group, up to the clause's end and within
/// `budget` words: noun groups, a preposition with its noun group or
/// infinitive, an adjective after `être`. Phrases of time are left out;
/// a coordination, a relative or a subordinate ends them.
fn complements(
    text: &str,
    p: &Parsed,
    from: usize,
    end: usize,
    budget: usize,
    lex: &Lexicons,
) -> Option<(Vec<Run>, usize)> {
    let mut runs: Vec<Run> = Vec::new();
    let mut used = 0;
    let mut k = from;
    while k < end {
        // A day or a date between the verb and its object tells when
        // (`doit détailler jeudi les modalités`): it goes.
        if runs.is_empty() && p.tags[k] == Tag::Adv && is_time_phrase(text, p, (k, k + 1), lex) {
            // With its date (`dimanche 1er septembre`).
            k += 1;
            while k < end
                && (p.tags[k] == Tag::Num
                    || p.tokens[k]
                        .span
                        .of(text)
                        .starts_with(|c: char| c.is_ascii_digit())
                    || lex.is_date_word(&p.tokens[k].span.of(text).to_lowercase()))
            {
                k += 1;
            }
            continue;
        }
        // A date with its article (`le 18 octobre 2020`), which the
        // tagger leaves out of any noun group: it tells when, it goes.
        // Not when the date is all the verb has (`La scène s’est déroulée
        // le 12 mars dernier` says nothing without it).
        if let Some(after) = dated_day(text, p, k, end, lex) {
            if runs.is_empty() && complement_at(p, after, end).is_none() {
                break;
            }
            k = after;
            continue;
        }
        let Some(unit) = complement_at(p, k, end) else {
            break;
        };
        // A phrase of time goes, unless it is what `avoir` or `être` as
        // a verb of its own needs (`ont jusqu’à 48 heures`, `est depuis 2018`).
        if is_time_phrase(text, p, unit, lex) && !main_avoir_or_etre(text, p, from, lex) {
            k = unit.1;
            continue;
        }
        // A phrase of place before the direct object (`a recensé dans la
        // capitale 68 civils`): the object carries the news, the phrase goes.
        if runs.is_empty() && sets_the_scene(text, p, unit, end, lex) {
            k = unit.1;
            continue;
        }
        let n = words_in(text, p, &[unit]);
        if used + n > budget {
            // A complement is kept whole or not at all (`a mis fin` without
            // `aux fonctions` would cut a locution); without its first one
            // the verb would lose its object.
            if runs.is_empty() && requires_object(p, from) {
                return None;
            }
            break;
        }
        used += n;
        runs.push(unit);
        k = unit.1;
        // One object and one prepositional complement make a headline.
        if runs.len() >= 2 {
            break;
        }
    }
    Some((runs, k))
}

/// True when the clause's last word after token `k` is a participle or an
/// adjective (tagged so, or a noun after a noun or an adjective that the
/// lexicon also reads as one: `militaires blessés`): it may qualify the whole list `k`
/// opens on.
fn shared_tail(text: &str, p: &Parsed, k: usize, clause_end: usize, lex: &Lexicons) -> bool {
    let Some(t) = (k..clause_end.min(p.tags.len()))
        .rev()
        .find(|&t| p.tags[t] != Tag::Punct)
    else {
        return false;
    };
    let qualifies = || {
        let w = p.tokens[t].span.of(text).to_lowercase();
        lex.pos
            .get(&w)
            .is_some_and(|e| e.has(crate::fr::lexicon::Pos::Adj) || e.is_past_participle())
    };
    match p.tags[t] {
        Tag::Participle | Tag::Adj => true,
        Tag::Noun => t > k + 1 && matches!(p.tags[t - 1], Tag::Noun | Tag::Adj) && qualifies(),
        _ => false,
    }
}

/// True when what follows the headline's last word in its clause can go
/// without leaving it unfinished: the clause's end, a comma, a
/// coordination, a relative or subordinate clause, a phrase of time, or a
/// phrase opened by a preposition other than `de` and `à` (`pour des
/// réunions`). A verb or a complement in `de`/`à` cut off
/// (`a mis fin`, `envisage d’ajouter`) leaves it unfinished.
fn ends_cleanly(text: &str, p: &Parsed, k: usize, clause_end: usize, lex: &Lexicons) -> bool {
    if k >= p.tags.len() {
        return true;
    }
    let w = p.tokens[k].span.of(text).to_lowercase();
    let after_infinitive = k > 0 && p.tags[k - 1] == Tag::Infinitive;
    let fw = &lex.function_words;
    match p.tags[k] {
        Tag::Punct | Tag::CloseQuote => true,
        // An infinitive cut before its coordinated twin or its object
        // (`conseille de quitter ou traverser…`) is unfinished.
        // Nor a list whose last word qualifies every member (`209 civils
        // et 194 policiers blessés`: the cut drops `blessés`).
        Tag::Coord => !after_infinitive && !shared_tail(text, p, k, clause_end, lex),
        Tag::Rel => !after_infinitive,
        Tag::Sub | Tag::OpenQuote => false,
        Tag::Adv => lex.weekdays.contains(&w) || lex.relative_dates.contains(&w),
        Tag::Prep if after_infinitive => false,
        Tag::Prep => {
            // `une prise en compte`, `la mise en examen`: a noun and `en`
            // with a bare noun make one locution.
            let locution = w == "en"
                && k > 0
                && p.tags[k - 1].is_nominal()
                && p.tags.get(k + 1) == Some(&Tag::Noun);
            let bound = fw.is(&w, Class::De) || fw.is(&w, Class::A);
            let time = complement_at(p, k, clause_end.max(k + 1))
                .is_some_and(|u| is_time_phrase(text, p, u, lex));
            time || (!bound && !locution)
        }
        _ => false,
    }
}

/// True when the verb group has `ne` without its second word (`ne pourra
/// retourner à l’école qu’avec un certificat`): a `ne … que` that a cut
/// would turn into its opposite.
fn restricts(text: &str, p: &Parsed, verb: Run, lex: &Lexicons) -> bool {
    let word = |k: usize| p.tokens[k].span.of(text).to_lowercase();
    let ne = (verb.0..verb.1).any(|k| matches!(word(k).as_str(), "ne" | "n’"));
    let closed = (verb.0..p.tags.len())
        .any(|k| p.tags[k] == Tag::Neg && !matches!(word(k).as_str(), "ne" | "n’"));
    let _ = lex;
    ne && !closed
}

/// True when the subject can open a headline: a name, or a noun group with
/// an article or a number — not a demonstrative or possessive pointing back
/// (`Cette attitude`, `Sa présidente`), not a bare noun cut from a list
/// (`Repas seront…`), not the last member of a coordinated subject
/// (`… et l’Unsa ont lancé`).
fn stands_alone(text: &str, p: &Parsed, subject: Run, lex: &Lexicons) -> bool {
    let first = p.tags[subject.0];
    if subject.0 > 0 && matches!(p.tags[subject.0 - 1], Tag::Coord) {
        return false;
    }
    let before_is_list = subject.0 > 1
        && p.tokens[subject.0 - 1].span.of(text) == ","
        && p.tags[subject.0 - 2].is_nominal();
    if before_is_list && !p.tags[subject.0..subject.1].contains(&Tag::Propn) {
        return false;
    }
    if points_back(text, p, subject.0, lex) {
        return false;
    }
    matches!(first, Tag::Det | Tag::Propn | Tag::Num)
}

/// True when token `k` points back to something said before: a
/// demonstrative or possessive determiner (`cette situation`, `son pays`).
fn points_back(text: &str, p: &Parsed, k: usize, lex: &Lexicons) -> bool {
    if p.tags[k] != Tag::Det {
        return false;
    }
    let w = p.tokens[k].span.of(text).to_lowercase();
    lex.function_words
        .is_any(&w, &[Class::Demonstrative, Class::Possessive])
}

/// True when the verb group ending at `from` ends on `avoir` or `être`
/// used as a verb of its own (`a`, `sont`, not `a dit`).
fn main_avoir_or_etre(text: &str, p: &Parsed, from: usize, lex: &Lexicons) -> bool {
    from > 0 && p.tags[from - 1] == Tag::Verb && {
        let w = p.tokens[from - 1].span.of(text).to_lowercase();
        lex.function_words
            .is_any(&w, &[Class::AuxAvoir, Class::AuxEtre])
    }
}

/// True when the verb group ending at `from` has nothing after it that it
/// could do without: a transitive verb cut before its object misleads.
/// False when the subject and its verb disagree in number (`la maladie se
/// sont multipliés`, `Luxembourg seront représentés`): the subject found is
/// not the verb's, and the headline would misname who did what. Only clear
/// cases count: a subject opened by a singular or plural determiner (or a
/// name alone, singular), a verb whose finite readings are all of one number.
fn agrees(text: &str, p: &Parsed, subject: Run, verb: Run, lex: &Lexicons) -> bool {
    let word = |k: usize| p.tokens[k].span.of(text).to_lowercase();
    // The determiner next to the noun (`au moins trois personnes`: `trois`).
    let det = (subject.0..subject.1)
        .take_while(|&k| p.tags[k] == Tag::Det)
        .last();
    // A number or a collective with its `de` (`quelque 2.500 invités`, `la
    // plupart des commerçants`) leaves the number to the sense: not judged.
    let counted = (subject.0..subject.1).any(|k| p.tags[k] == Tag::Num || p.tags[k] == Tag::Prep);
    let subject_number = match p.tags[subject.0] {
        _ if counted => None,
        Tag::Det => det.and_then(|k| lex.function_words.get(&word(k)).map(|f| f.number)),
        Tag::Propn if (subject.0..subject.1).all(|k| p.tags[k] == Tag::Propn) => Some('s'),
        _ => None,
    };
    let finite = (verb.0..verb.1).find(|&k| matches!(p.tags[k], Tag::Verb | Tag::Aux));
    let verb_number = finite.and_then(|k| {
        let e = lex.pos.get(&word(k))?;
        let third: Vec<&str> = e.inflections().filter(|c| c.contains('3')).collect();
        let singular = third.iter().any(|c| c.ends_with('s'));
        let plural = third.iter().any(|c| c.ends_with('p'));
        match (singular, plural) {
            (true, false) => Some('s'),
            (false, true) => Some('p'),
            _ => None,
        }
    });
    !matches!((subject_number, verb_number), (Some(a), Some(b)) if matches!(a, 's' | 'p') && matches!(b, 's' | 'p') && a != b)
}

/// True when `seul` or an adverb qualifies the subject (`seule une partie
/// du pays a été déconfinée`, `environ 2 100 habitants`): without it the
/// headline says more than the text.
fn only_before(text: &str, p: &Parsed, subject: Run) -> bool {
    // An adverb right before the subject qualifies it (`environ 2 100
    // habitants`, `même les élus`): it would be lost.
    subject.0 > 0
        && (p.tags[subject.0 - 1] == Tag::Adv
            || p.tokens[subject.0 - 1]
                .span
                .of(text)
                .to_lowercase()
                .starts_with("seul"))
}

/// True when the verb group ends on a participle after a form of `être`
/// (`ont été blessées`, `s’est effondré`, `seront interpellées`).
fn after_etre(text: &str, p: &Parsed, verb: Run, lex: &Lexicons) -> bool {
    let last = verb.1.saturating_sub(1);
    p.tags.get(last) == Some(&Tag::Participle)
        && (verb.0..last).any(|k| {
            lex.function_words
                .is(&p.tokens[k].span.of(text).to_lowercase(), Class::AuxEtre)
        })
}

fn requires_object(p: &Parsed, from: usize) -> bool {
    from < p.tags.len() && !matches!(p.tags[from], Tag::Punct)
}

/// The complement unit starting at `k`: a noun group; a preposition and
/// the noun group, infinitive or name after it; an adjective (and a
/// complement of it); an adverb of negation or degree is skipped.
fn complement_at(p: &Parsed, k: usize, end: usize) -> Option<Run> {
    let tag = *p.tags.get(k)?;
    match tag {
        Tag::Det | Tag::Noun | Tag::Propn | Tag::Unknown | Tag::Num => {
            let g = p.group_at(k).filter(|g| g.kind == GroupKind::Noun)?;
            Some((g.start, g.end.min(end)))
        }
        Tag::Prep => {
            // `près de 386 000 morts`, `lors de la visite`: a locution's two prepositions.
            let after = if p.tags.get(k + 1) == Some(&Tag::Prep) {
                k + 2
            } else {
                k + 1
            };
            if let Some(g) = p.group_at(after).filter(|g| g.kind == GroupKind::Noun) {
                return Some((k, g.end.min(end)));
            }
            // `de signer l’accord`, `à se rendre à Pékin`.
            let mut j = k + 1;
            while j < end && matches!(p.tags[j], Tag::Pron | Tag::Neg | Tag::Adv) {
                j += 1;
            }
            if j < end && p.tags[j] == Tag::Infinitive {
                let mut e = j + 1;
                if let Some(g) = p.group_at(e).filter(|g| g.kind == GroupKind::Noun) {
                    e = g.end.min(end);
                }
                return Some((k, e));
            }
            None
        }
        // An adjective after `être` (`est unanime`, `restent très
        // incertaines`, its adverb with it); one after a noun group (`la
        // colère déclenchée par…`) belongs to it, and is not taken.
        Tag::Adv => {
            let mut e = k;
            while e < end && p.tags[e] == Tag::Adv {
                e += 1;
            }
            let adjective = e < end && matches!(p.tags[e], Tag::Adj | Tag::Participle);
            if !(adjective && k > 0 && p.tags[k - 1].is_verbal()) {
                return None;
            }
            e += 1;
            while e < end && p.tags[e] == Tag::Adj {
                e += 1;
            }
            Some((k, e))
        }
        Tag::Adj | Tag::Participle if k > 0 && p.tags[k - 1].is_verbal() => {
            let mut e = k + 1;
            while e < end && p.tags[e] == Tag::Adj {
                e += 1;
            }
            Some((k, e))
        }
        Tag::Infinitive => {
            let mut e = k + 1;
            if let Some(g) = p.group_at(e).filter(|g| g.kind == GroupKind::Noun) {
                e = g.end.min(end);
            }
            Some((k, e))
        }
        _ => None,
    }
}

/// True when the words from token `k` of `p` to the end of its clause
/// tell when (`quelques semaines après l’explosion`, `dimanche soir`).
pub fn time_from(text: &str, p: &Parsed, k: usize) -> bool {
    let lex = lexicons();
    let end = p
        .clauses
        .iter()
        .find(|c| c.start <= k && k < c.end)
        .map_or(p.tokens.len(), |c| c.end);
    complement_at(p, k, end).is_some_and(|u| is_time_phrase(text, p, u, lex))
        || (p.tags[k] == Tag::Adv && is_time_phrase(text, p, (k, end), lex))
        || is_time_phrase(text, p, (k, end.min(k + 3)), lex)
}

/// True when `unit` is a phrase of place in `dans` with its article or a
/// name, and a direct object follows it (an article or a number): a
/// headline keeps the object and drops the place. Only `dans`
/// (`function_words.tsv`, class `setting`): `à la grève`, `de coups`,
/// `avec son restaurant` belong to their verb.
fn sets_the_scene(text: &str, p: &Parsed, unit: Run, end: usize, lex: &Lexicons) -> bool {
    let fw = &lex.function_words;
    let word = |k: usize| p.tokens[k].span.of(text).to_lowercase();
    let article = |k: usize| {
        p.tags.get(k) == Some(&Tag::Num)
            || (p.tags.get(k) == Some(&Tag::Det)
                && fw.is_any(
                    &word(k),
                    &[Class::DefiniteArticle, Class::IndefiniteArticle],
                ))
    };
    p.tags[unit.0] == Tag::Prep
        && fw.is(&word(unit.0), Class::Setting)
        && (article(unit.0 + 1) || p.tags.get(unit.0 + 1) == Some(&Tag::Propn))
        && complement_at(p, unit.1, end).is_some_and(|next| article(next.0))
}

/// The end of a date written with its article at `k` (`le 18 octobre`,
/// `le 1er mars 2021`, `le 12 mars dernier`): an article, a day's number,
/// a month, a year, `dernier` or `prochain`.
fn dated_day(text: &str, p: &Parsed, k: usize, end: usize, lex: &Lexicons) -> Option<usize> {
    let word = |i: usize| p.tokens[i].span.of(text).to_lowercase();
    let month = k + 2 < end
        && p.tags[k] == Tag::Det
        && p.tags[k + 1] == Tag::Num
        && lex.months.contains(&crate::fr::lexicon::fold(&word(k + 2)));
    if !month {
        return None;
    }
    let mut after = k + 3;
    if after < end && p.tags[after] == Tag::Num {
        after += 1;
    }
    if after < end
        && lex
            .after_date
            .contains(&crate::fr::lexicon::fold(&word(after)))
    {
        after += 1;
    }
    Some(after)
}

/// True when a unit tells when (`dimanche`, `en février`, `le 18 août`,
/// `lors de la visite`, `depuis 2018`, `il y a deux ans`): a headline
/// tells what.
fn is_time_phrase(text: &str, p: &Parsed, unit: Run, lex: &Lexicons) -> bool {
    let words: Vec<String> = (unit.0..unit.1)
        .map(|k| p.tokens[k].span.of(text).to_lowercase())
        .collect();
    let dated = words.iter().any(|w| lex.is_date_word(w));
    let year = (unit.0..unit.1).any(|k| {
        p.tags[k] == Tag::Num && {
            let w = p.tokens[k].span.of(text);
            w.len() == 4 && w.starts_with(['1', '2'])
        }
    });
    // `à 11 heures`, `depuis trois ans`, `en 24 heures`.
    let duration = words.windows(2).enumerate().any(|(n, pair)| {
        let number = p.tags[unit.0 + n] == Tag::Num
            || lex.function_words.is(&pair[0], Class::IndefiniteDeterminer);
        number && lex.time_units.contains(&pair[1])
    });
    // `lors de la visite`, `au cours de l’été`, `depuis des années`.
    let time_prep = words
        .iter()
        .take(2)
        .any(|w| lex.function_words.is(w, Class::Time));
    // An object that holds a time (`un retour des civils au bout de 12
    // mois`) is the verb's object, not a phrase of time: one that opens
    // on its article says the time in its first words (`le 18 mars`,
    // `chaque année`).
    let object = p.tags[unit.0] == Tag::Det && {
        let head =
            (unit.0..unit.1.min(unit.0 + 3)).map(|k| p.tokens[k].span.of(text).to_lowercase());
        !head
            .into_iter()
            .any(|w| lex.is_date_word(&w) || lex.time_units.contains(&w))
    };
    !object && (dated || year || duration || time_prep)
}

/// The verb group without the connectors inside it (`a de son côté
/// suspendu` → `a suspendu`, `a par ailleurs appelé` → `a appelé`): they
/// tie the sentence to the one before, which the headline does not show.
fn without_connectors(text: &str, p: &Parsed, verb: Run, lex: &Lexicons) -> Vec<Run> {
    let mut out = Vec::new();
    let mut start = None;
    for k in verb.0..verb.1 {
        // One word too, as an adverb inside the group (`seront ainsi
        // reçus`, `s’est également rendu`), never its last (`est là`).
        let single = p.tags[k] == Tag::Adv
            && k + 1 < verb.1
            && lex
                .connector_openers
                .contains(&crate::fr::lexicon::fold(p.tokens[k].span.of(text)));
        match (p.connective[k] || single, start) {
            (false, None) => start = Some(k),
            (true, Some(s)) => {
                out.push((s, k));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, verb.1));
    }
    out
}

/// Words of `runs`, as the checks count them.
fn words_in(text: &str, p: &Parsed, runs: &[Run]) -> usize {
    runs.iter()
        .map(|&(a, b)| crate::fr::count_words(p.text_of(text, a, b)))
        .sum()
}

/// The runs joined by one space, each as written, without a final
/// comma or period.
fn join(text: &str, p: &Parsed, runs: &[Run]) -> String {
    let mut out = String::new();
    for &(a, b) in runs {
        let piece = p.text_of(text, a, b).trim();
        if piece.is_empty() {
            continue;
        }
        if !out.is_empty() && !out.ends_with('’') {
            out.push(' ');
        }
        out.push_str(piece);
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    out.trim_end_matches([',', '.', ';', ':', ' ']).to_string()
}

/// Guillemets and brackets in pairs.
fn balanced(s: &str) -> bool {
    s.matches('«').count() == s.matches('»').count()
        && s.matches('(').count() == s.matches(')').count()
        && s.matches('"').count().is_multiple_of(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(s: &str) -> Option<String> {
        headline(s, &Parsed::of_text(s)).map(|h| h.text)
    }

    #[test]
    fn a_date_with_its_article_goes_unless_it_is_all_the_verb_has() {
        assert_eq!(
            cut("L’embargo sur les armes arrive à expiration le 18 octobre.").as_deref(),
            Some("L’embargo sur les armes arrive à expiration")
        );
        assert_eq!(
            cut("Le texte sera voté le 18 octobre 2020 par les députés.").as_deref(),
            Some("Le texte sera voté par les députés")
        );
        assert_eq!(
            cut("La scène s’est déroulée le 12 mars dernier.").as_deref(),
            None
        );
    }

    #[test]
    fn a_short_complement_in_a_preposition_stays_with_its_subject() {
        assert_eq!(
            cut("L’embargo sur les armes a expiré.").as_deref(),
            Some("L’embargo sur les armes a expiré")
        );
        // Longer, it would be trimmed to a head that says nothing.
        assert_eq!(
            cut("Le projet de loi sur les retraites sera présenté mercredi.").as_deref(),
            None
        );
    }

    #[test]
    fn a_name_set_apart_with_its_role_is_the_subject() {
        assert_eq!(
            cut("La maire de Noirval, Claire Dufresne, opposante au préfet, a recensé 68 civils blessés par balles.")
                .as_deref(),
            Some("Claire Dufresne a recensé 68 civils blessés")
        );
        // The place before the object goes; a locution stays whole.
        assert_eq!(
            cut("Claire Dufresne a recensé dans la capitale 68 civils blessés.").as_deref(),
            Some("Claire Dufresne a recensé 68 civils blessés")
        );
        assert_eq!(
            cut("Le syndicat a appelé à la grève les agents du port.").as_deref(),
            None
        );
    }

    #[test]
    fn a_sentence_trims_to_subject_verb_object() {
        assert_eq!(
            cut("Blinken devrait rencontrer de hauts responsables chinois et assister à un banquet à la maison d’hôtes de l’État.").as_deref(),
            Some("Blinken devrait rencontrer de hauts responsables chinois")
        );
        assert_eq!(
            cut("Dimanche, le parti a exclu la vice-présidente, après deux semaines de conflit.")
                .as_deref(),
            Some("Le parti a exclu la vice-présidente")
        );
        // Too long to keep whole: no headline rather than a cut locution.
        assert_eq!(
            cut("Dimanche, la direction du parti a mis fin aux fonctions de sa vice-présidente.")
                .as_deref(),
            None
        );
    }

    #[test]
    fn a_subject_never_loses_its_quantity() {
        for s in [
            "Plus de 90% des victimes sont africaines, selon l’OMS.",
            "Près de la moitié des élèves sont restés chez eux.",
            "Trois des quatre syndicats appellent à la grève.",
        ] {
            let h = cut(s);
            assert!(
                h.as_deref().is_none_or(|h| !h.starts_with("Des ")),
                "{s} -> {h:?}"
            );
        }
    }

    #[test]
    fn a_complement_of_an_infinitive_is_no_subject() {
        let s = "Une collecte destinée à financer une institutrice malade a été organisée par les parents.";
        let h = core_within(s, &Parsed::of_text(s), 20).map(|h| h.text);
        assert!(
            h.as_deref()
                .is_none_or(|h| !h.starts_with("Une institutrice")),
            "{h:?}"
        );
    }

    #[test]
    fn a_name_stands_for_a_title_never_for_another_noun() {
        let h = cut("L’affaire Kerbrat change la donne au conseil municipal.");
        assert!(
            h.as_deref()
                .is_some_and(|h| h.starts_with("L’affaire Kerbrat change la donne")),
            "{h:?}"
        );
    }

    #[test]
    fn a_participle_after_etre_and_an_adjective_end_a_headline() {
        assert_eq!(
            cut("Douze marins ont également été blessés au cours de la tempête.").as_deref(),
            Some("Douze marins ont été blessés")
        );
        assert_eq!(
            cut("Les récoltes restent très incertaines.").as_deref(),
            Some("Les récoltes restent très incertaines")
        );
        // A day between the verb and its object goes.
        assert_eq!(
            cut("La préfecture a présenté jeudi les mesures de restriction.").as_deref(),
            Some("La préfecture a présenté les mesures de restriction")
        );
        // A participle that needs what follows stays unwritten.
        assert_eq!(
            cut("Le dossier a été mis en délibéré au 12 mai.").as_deref(),
            None
        );
    }

    #[test]
    fn no_headline_says_more_or_names_the_wrong_subject() {
        // `seule` and `au moins` stay, or there is no headline.
        assert_eq!(
            cut("À Lormeville, seule une partie des écoles a rouvert lundi.").as_deref(),
            None
        );
        assert_eq!(
            cut("Selon la mairie, environ 300 familles vivent en zone rouge.").as_deref(),
            None
        );
        assert_eq!(
            cut("Au moins trois chalutiers ont été endommagés, selon la préfecture.").as_deref(),
            Some("Au moins trois chalutiers ont été endommagés")
        );
        // A singular noun before a plural verb is not its subject.
        assert_eq!(
            cut("Les appels à punir la mairie se multiplient en ville.").as_deref(),
            None
        );
    }

    #[test]
    fn names_stand_for_their_titles_and_clitics_point_back() {
        assert_eq!(
            cut("Le président américain Joe Biden a minimisé l’épisode du ballon samedi.")
                .as_deref(),
            Some("Joe Biden a minimisé l’épisode du ballon")
        );
        assert_eq!(cut("Sa femme le presse de partir."), None);
        assert_eq!(
            cut("Chalandon y est le symbole d’une politique sécuritaire."),
            None
        );
    }

    #[test]
    fn a_list_is_not_cut_before_the_word_it_shares() {
        assert_eq!(
            cut("La préfecture a également fait état de 20 civils et 14 pompiers et militaires blessés.")
                .as_deref(),
            None
        );
        assert_eq!(
            cut("Les autorités ont fait état de 20 civils et 14 policiers blessés.").as_deref(),
            None
        );
    }

    #[test]
    fn a_connector_inside_the_verb_group_goes() {
        assert_eq!(
            cut("Les médecins de Lormeville seront également mis à contribution.").as_deref(),
            Some("Les médecins de Lormeville seront mis à contribution")
        );
        assert_eq!(
            cut("Les syndicats seront ainsi reçus à la mairie jeudi.").as_deref(),
            Some("Les syndicats seront reçus à la mairie")
        );
    }

    #[test]
    fn names_stand_for_the_groups_they_follow() {
        assert_eq!(
            cut("Le conseiller à la sécurité nationale de Biden, Jake Sullivan, s’est rendu à Tokyo pour des réunions.").as_deref(),
            Some("Jake Sullivan s’est rendu à Tokyo")
        );
    }

    #[test]
    fn no_headline_from_a_pronoun_a_report_or_a_fragment() {
        assert_eq!(
            cut("Il a ensuite défendu une confrontation sans merci."),
            None
        );
        assert_eq!(cut("Biden a déclaré qu’il espérait rencontrer Xi."), None);
        assert_eq!(cut("Cheveux poivre et sel, 40 ans, ce montagnard."), None);
        assert_eq!(
            cut("« Je pense que c’était plus embarrassant », a déclaré Biden."),
            None
        );
    }

    #[test]
    fn locutions_and_quantities_are_complements() {
        assert_eq!(
            cut("Mercredi, le dollar valait près de 3.000 livres.").as_deref(),
            Some("Le dollar valait près de 3.000 livres")
        );
        // A `ne … que` is never cut to a plain negation.
        assert_eq!(
            cut("L’élève ne pourra retourner à l’école qu’avec un certificat."),
            None
        );
        assert_eq!(
            cut("Le ministre a déclaré à la presse que rien ne changerait."),
            None
        );
    }

    #[test]
    fn time_phrases_and_subordinates_are_left_out() {
        assert_eq!(
            cut(
                "Les autorités ont annoncé un nouveau cas dimanche, après plus d’un mois de répit."
            )
            .as_deref(),
            Some("Les autorités ont annoncé un nouveau cas")
        );
    }
}
