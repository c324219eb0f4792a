//! The focus keyphrase: the name or noun phrase the article is about, in a
//! form that occurs verbatim in the text.
//!
//! Yoast's free analysis matches word forms exactly (`Chine` is not
//! `chinois`), so the keyphrase is chosen among forms the printed body
//! repeats, preferring those of the title and the lead: the title must be
//! able to open with it and the first paragraph must contain it.

use super::Context;
use crate::analyze::EntityKind;

/// The chosen focus keyphrase and further keywords.
#[derive(Debug, Clone, PartialEq)]
pub struct Focus {
    /// The keyphrase, as written in the text.
    pub text: String,
    /// Its occurrences in the printed body.
    pub count: usize,
    /// Further keyphrases, best first.
    pub keywords: Vec<String>,
}

/// Occurrences of `needle` in `haystack` as whole words, ignoring case.
pub fn count_in(haystack: &str, needle: &str) -> usize {
    count_in_lower(&haystack.to_lowercase(), needle)
}

/// [`count_in`] with a haystack already lowercased.
pub fn count_in_lower(h: &str, needle: &str) -> usize {
    let n = needle.to_lowercase();
    if n.is_empty() {
        return 0;
    }
    whole_words(h, &n).count()
}

/// Byte offsets of `needle` in `h` as whole words, case and all.
pub fn whole_words<'h>(h: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    h.match_indices(needle).map(|(i, _)| i).filter(move |&i| {
        let before = h[..i].chars().next_back();
        let after = h[i + needle.len()..].chars().next();
        !is_word(before) && !is_word(after)
    })
}

/// A lowercase text indexed by its words, to count many needles in it
/// without scanning it once per needle.
pub struct WordIndex<'a> {
    text: &'a str,
    /// Byte offsets where each word (a maximal alphanumeric run) starts.
    starts: rustc_hash::FxHashMap<&'a str, Vec<usize>>,
}

impl<'a> WordIndex<'a> {
    /// Indexes `lower`, a text already lowercased.
    pub fn new(lower: &'a str) -> WordIndex<'a> {
        Self::build(lower, |_| true)
    }

    /// Indexes only the words of `lower` that open one of `needles` (the
    /// only places [`WordIndex::count`] looks at for them).
    pub fn for_needles<'n>(lower: &'a str, needles: impl IntoIterator<Item = &'n str>) -> Self {
        let wanted: rustc_hash::FxHashSet<String> = needles
            .into_iter()
            .filter_map(|n| {
                let n = n.to_lowercase();
                let first = n.split(|c: char| !c.is_alphanumeric()).next()?;
                Some(first.to_string())
            })
            .collect();
        Self::build(lower, |w| wanted.contains(w))
    }

    fn build(lower: &'a str, keep: impl Fn(&str) -> bool) -> WordIndex<'a> {
        let mut starts: rustc_hash::FxHashMap<&'a str, Vec<usize>> = Default::default();
        let mut word_start = None;
        for (i, c) in lower
            .char_indices()
            .chain(std::iter::once((lower.len(), ' ')))
        {
            match (c.is_alphanumeric(), word_start) {
                (true, None) => word_start = Some(i),
                (false, Some(w)) => {
                    let word = &lower[w..i];
                    if keep(word) {
                        starts.entry(word).or_default().push(w);
                    }
                    word_start = None;
                }
                _ => {}
            }
        }
        WordIndex {
            text: lower,
            starts,
        }
    }

    /// [`count_in_lower`] of the indexed text: a needle that starts with a
    /// letter or digit can only match where a word of the text equal to
    /// its own first word starts, so only those places are tried.
    pub fn count(&self, needle: &str) -> usize {
        let n = needle.to_lowercase();
        let Some(first) = n.split(|c: char| !c.is_alphanumeric()).next() else {
            return 0;
        };
        if first.is_empty() {
            return count_in_lower(self.text, &n);
        }
        let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        let mut count = 0;
        let mut free_from = 0;
        for &at in self.starts.get(first).map(Vec::as_slice).unwrap_or(&[]) {
            // Matches do not overlap, as with `match_indices`.
            if at < free_from || !self.text[at..].starts_with(&n) {
                continue;
            }
            if !is_word(self.text[at + n.len()..].chars().next()) {
                count += 1;
                free_from = at + n.len();
            }
        }
        count
    }
}

/// The share of the best score a candidate needs to be weighed by its fit.
const FIT_POOL: f64 = 0.5;

struct Candidate {
    text: String,
    proper: bool,
    first_sentence: usize,
}

/// The names and noun phrases that can be the keyphrase, in the order the
/// analysis found them (entities first), without those [`usable`] refuses,
/// short acronyms the title does not say and first names alone.
fn candidates(ctx: &Context, body: &str) -> Vec<Candidate> {
    let lex = crate::fr::lexicon::lexicons();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut push = |text: &str, proper: bool, first_sentence: usize| {
        let text = text.trim();
        if text.chars().count() < 2 || cands.iter().any(|c| c.text.eq_ignore_ascii_case(text)) {
            return;
        }
        // The analysis names it a place or a person (`Paris`, not `paris`).
        let place_or_person =
            ctx.facts.entities.iter().any(|e| {
                e.text == text && matches!(e.kind, EntityKind::Place | EntityKind::Person)
            });
        if !usable(text, body, lex, place_or_person) {
            return;
        }
        cands.push(Candidate {
            text: text.to_string(),
            proper,
            first_sentence,
        });
    };
    for e in &ctx.facts.entities {
        let name = clean_name(&e.text);
        let name = with_usual_follower(&ctx.doc.text, &name).unwrap_or(name);
        push(&name, true, e.sentence);
        // News repeats a person's last name: "Antony Blinken", then "Blinken".
        if e.kind == EntityKind::Person
            && let Some(last) = name.rsplit(' ').next()
            && last != name
        {
            push(last, true, e.sentence);
        }
    }
    for k in &ctx.facts.keyphrases {
        push(&k.text, false, k.first_sentence);
    }
    // A short acronym (`OMS`, `RN`) is the story's name only when the title
    // says it; elsewhere it is a credit (`AFP`) or a detail (`PIB`).
    let title_words = crate::fr::words(ctx.doc.title.as_deref().unwrap_or(""));
    cands.retain(|c| c.text.chars().count() >= 4 || title_words.contains(&c.text.as_str()));
    // A first name alone (`Arnaud` of `Arnaud Beltrame`, whose surname the
    // text also writes alone) is searched by no one.
    let texts: Vec<String> = cands.iter().map(|c| c.text.clone()).collect();
    let first_name = |w: &str| {
        ctx.facts.entities.iter().any(|e| {
            e.kind == EntityKind::Person
                && e.text.split_once(' ').is_some_and(|(first, rest)| {
                    first == w
                        && (texts.iter().any(|t| t == rest)
                            || ctx.facts.entities.iter().any(|o| o.text == rest))
                })
        })
    };
    cands.retain(|c| c.text.contains(' ') || !first_name(&c.text));
    cands
}

/// The candidates the body repeats often enough, scored (best first, ties
/// by first sentence, then text): repetition, length, title, lead, name.
fn scored<'c>(
    ctx: &Context,
    cands: &'c [Candidate],
    body: &str,
    lead: &str,
) -> Vec<(f64, usize, &'c Candidate)> {
    let lex = crate::fr::lexicon::lexicons();
    let title = ctx.doc.title.as_deref().unwrap_or("");
    let body_words = body.split_whitespace().count().max(1);
    let needed = ((body_words as f64 * 0.005).ceil() as usize).max(2);
    let body_lower = body.to_lowercase();
    let lead_lower = lead.to_lowercase();
    let title_lower = title.to_lowercase();
    // The title's subject names its main actor (`La Valdavie et la Korsenie
    // relancent le dialogue…`).
    let title_subject = title_subject(title).to_lowercase();
    let body_index = WordIndex::for_needles(&body_lower, cands.iter().map(|c| c.text.as_str()));
    let score = |c: &Candidate| {
        let count = body_index.count(&c.text);
        // Often enough for a search engine to see it: one word in two
        // hundred (Yoast's 0.5 %), twice at least.
        if count < needed {
            return (0.0, count);
        }
        let words = c.text.split_whitespace().count();
        let length = match words {
            1 => 1.0,
            2 => 1.15,
            3 => 1.05,
            4 => 0.8,
            _ => 0.0,
        };
        // Over about 2.5 % (headings and title add more) the text reads as stuffed.
        let density = count as f64 / body_words as f64;
        let stuffing = if density > 0.025 { 0.3 } else { 1.0 };
        // In the title, better opening it or one side of its colon: the
        // title can then open with the keyphrase as it stands.
        let lower_text = c.text.to_lowercase();
        let opens_title = title.split(':').any(|side| {
            side.trim()
                .trim_start_matches(['«', '"', ' ', '\u{a0}'])
                .to_lowercase()
                .starts_with(&lower_text)
        });
        // The title says what the article is about: a keyphrase from it
        // reads as the subject, one from the body alone as a detail.
        let in_title = if opens_title || count_in_lower(&title_subject, &c.text) > 0 {
            8.0
        } else if count_in_lower(&title_lower, &c.text) > 0 {
            5.0
        } else {
            1.0
        };
        // A frequent common noun alone (`pays`, `enfant`, `rapport`) names no
        // subject unless the title uses it.
        let generic = if !c.proper
            && words == 1
            && in_title == 1.0
            && lex
                .pos
                .get(&lower_text)
                .is_some_and(|e| e.freq() >= GENERIC_FREQ)
        {
            0.6
        } else {
            1.0
        };
        let in_lead = if count_in_lower(&lead_lower, &c.text) > 0 {
            2.5
        } else {
            1.0
        };
        let proper = if c.proper { 1.2 } else { 1.0 };
        let s =
            (count as f64).min(12.0) * length * stuffing * in_title * in_lead * proper * generic;
        (s, count)
    };
    let mut scored: Vec<(f64, usize, &Candidate)> = cands
        .iter()
        .map(|c| {
            let (s, n) = score(c);
            (s, n, c)
        })
        .filter(|(s, _, _)| *s > 0.0)
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.2.first_sentence.cmp(&b.2.first_sentence))
            .then(a.2.text.cmp(&b.2.text))
    });
    scored
}

/// Chooses the focus keyphrase among the article's names and noun phrases.
///
/// `body` is the printed text (lead and sections), `lead` the lead's text;
/// `given` (from the caller) wins when the body contains it; `fit` rates
/// how well the article can carry a candidate (higher is better).
pub fn choose(
    ctx: &Context,
    body: &str,
    lead: &str,
    given: Option<&str>,
    fit: impl Fn(&str) -> f64,
) -> Focus {
    let cands = candidates(ctx, body);
    let title = ctx.doc.title.as_deref().unwrap_or("");
    let mut scored = scored(ctx, &cands, body, lead);
    let keywords: Vec<String> = scored
        .iter()
        .skip(1)
        .take(5)
        .map(|c| c.2.text.clone())
        .collect();
    if let Some(g) = given.map(str::trim).filter(|g| !g.is_empty()) {
        return Focus {
            text: g.to_string(),
            count: count_in(body, g),
            keywords,
        };
    }
    // A phrase that holds a single-word candidate and occurs nearly as often
    // says more: "grève de la faim" rather than "faim".
    for k in 0..scored.len() {
        let (s, n, c) = scored[k];
        if c.text.contains(' ') {
            continue;
        }
        for other in scored.iter_mut() {
            let (s2, n2, c2) = *other;
            if c2.text.contains(' ')
                && count_in(&c2.text, &c.text) > 0
                && n2 * 5 >= n * 4
                && s2 <= s
            {
                other.0 = s * 1.01;
            }
        }
    }
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.2.first_sentence.cmp(&b.2.first_sentence))
            .then(a.2.text.cmp(&b.2.text))
    });
    // Among the eight best, the one the article can carry best (`fit`:
    // the lead says it, a description holds it, headings can, the SEO
    // title can open with it), the better ranked first among equals.
    // Only those close to the best: a fit never makes a side word
    // (`Santé`, `Europe`) the story's name.
    let top = scored.first().map_or(0.0, |s| s.0);
    let fits: Vec<f64> = scored
        .iter()
        .take(8)
        .take_while(|(s, _, _)| *s >= top * FIT_POOL)
        .map(|(_, _, c)| fit(&c.text))
        .collect();
    let best = (0..fits.len())
        .max_by(|&a, &b| fits[a].total_cmp(&fits[b]).then(b.cmp(&a)))
        .map(|k| &scored[k]);
    match best {
        Some(&(_, count, c)) => Focus {
            text: c.text.clone(),
            count,
            keywords,
        },
        None => {
            // Nothing repeats: the title's first name or noun phrase, else its first word.
            let fallback = cands
                .iter()
                .enumerate()
                .filter(|(_, c)| count_in(body, &c.text) > 0)
                // The title's own words first: they name the story.
                .max_by_key(|(k, c)| (count_in(title, &c.text) > 0, std::cmp::Reverse(*k)))
                .map(|(_, c)| c)
                .map(|c| c.text.clone())
                .unwrap_or_else(|| {
                    title
                        .split_whitespace()
                        .next()
                        .unwrap_or("article")
                        .to_string()
                });
            Focus {
                count: count_in(body, &fallback),
                text: fallback,
                keywords,
            }
        }
    }
}

/// The words of a title before its main verb, after any rubric and colon
/// (`Fusion des tribunaux : la réforme est décriée` → `la réforme`).
fn title_subject(title: &str) -> String {
    let side = title.rsplit(':').next().unwrap_or(title);
    let p = crate::parse::Parsed::of_text(side);
    let verb = p
        .groups
        .iter()
        .find(|g| g.kind == crate::parse::GroupKind::Verb)
        .map_or(0, |g| g.start);
    p.text_of(side, 0, verb).to_string()
}

/// The keyphrase as a noun phrase for a template slot: a name as it is, a
/// common noun with the article the text gives it most often (`la grève de
/// la faim`), else the article its gender calls for.
pub fn with_determiner(ctx: &Context, focus: &str) -> String {
    if focus.chars().next().is_none_or(char::is_uppercase) {
        return focus.to_string();
    }
    let text = ctx.doc.text.to_lowercase();
    let f = focus.to_lowercase();
    let fw = &crate::fr::lexicon::lexicons().function_words;
    let articles: Vec<String> = fw
        .forms_of(crate::fr::lexicon::Class::DefiniteArticle)
        .into_iter()
        .map(|a| {
            if a.ends_with('’') {
                a.to_string()
            } else {
                format!("{a} ")
            }
        })
        .collect();
    let best = articles
        .iter()
        .map(|d| (count_in_lower(&text, &format!("{d}{f}")), d.as_str()))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|&(n, d)| (n, std::cmp::Reverse(d)));
    if let Some((_, d)) = best {
        return format!("{d}{focus}");
    }
    let head = focus.split_whitespace().next().unwrap_or(focus);
    match crate::fr::definite_article(head) {
        Some("l’") => format!("l’{focus}"),
        Some(a) => format!("{a} {focus}"),
        None => focus.to_string(),
    }
}

/// Frequency per million words (in the part-of-speech lexicon) from which a
/// common noun is too general to be a keyphrase unless the title uses it.
const GENERIC_FREQ: f32 = 100.0;

/// Frequency per million words from which a capitalised common noun alone
/// (`Santé`, `Direction`, `Convention`) names a rubric or half a name
/// (`Convention citoyenne`) rather than the story; a rare one (`Sénat`)
/// can be the story's institution.
const CAPITALISED_COMMON_FREQ: f32 = 5.0;

/// A candidate can be a keyphrase: not a function word, a date word or a
/// weak noun; a capitalised single word must be a name (capitalised in the
/// middle of a sentence somewhere), not a sentence's capitalised first word.
fn usable(
    text: &str,
    body: &str,
    lex: &crate::fr::lexicon::Lexicons,
    place_or_person: bool,
) -> bool {
    let lower = text.to_lowercase();
    if lex.is_stop(&lower)
        || lex.weak_nouns.contains(&lower)
        || lex.months.contains(&lower)
        || lex.weekdays.contains(&lower)
    {
        return false;
    }
    // `de Paris`, `la réforme`: a phrase opens on its own word.
    let first = text.split([' ', '-', '’']).next().unwrap_or(text);
    let first_lower = first.to_lowercase();
    if text.contains([' ', '-', '’'])
        && lex.is_stop(&first_lower)
        && !first.starts_with(char::is_uppercase)
    {
        return false;
    }
    // A capitalised word the lexicon knows, accents restored, that no
    // sentence capitalises in its middle is a sentence's first word
    // (`Etant`, `Est-ce`), not a name.
    let known = super::entry_of(&first_lower).is_some();
    if first.starts_with(char::is_uppercase) && known && !capitalised_inside_sentence(body, first) {
        return false;
    }
    // A quantity (`millions d’euros`, `heures`) measures the news, it is
    // not what a reader searches.
    if lex.quantity_words.contains(&first_lower) || lex.time_units.contains(&first_lower) {
        return false;
    }
    let single = !text.contains([' ', '-', '’']);
    // Short words are function words, save acronyms (`OMS`, `PSG`).
    let acronym = text.chars().count() >= 2 && text.chars().all(|c| c.is_uppercase());
    if single && text.chars().count() < 4 && !acronym {
        return false;
    }
    // A lone common word (`pays`, `région`) is no keyphrase a reader would
    // search: only a name stands alone.
    if single && !text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // A capitalised adjective is an inhabitant or a nationality (`Syriens`,
    // `Blancs`): a reader searches the place or the people's story.
    if single
        && lex
            .pos
            .get(&lower)
            .is_some_and(|e| e.pos() == crate::fr::lexicon::Pos::Adj)
    {
        return false;
    }
    // A frequent common noun with a capital (`État`, `Santé`) names an
    // institution or a rubric, not the story.
    let common = super::entry_of(&lower).is_some_and(|e| {
        e.pos() == crate::fr::lexicon::Pos::Noun && e.freq() >= CAPITALISED_COMMON_FREQ
    });
    if single && common && !place_or_person {
        return false;
    }
    if single
        && text.chars().next().is_some_and(char::is_uppercase)
        && lex.pos.get(&lower).is_some()
    {
        return capitalised_inside_sentence(body, text);
    }
    true
}

/// An entity's text without what glued itself to the name: an acronym
/// (`AFP Krista Knight`) or a capitalised common noun, its accent lost
/// (`Economie Bruno Le Maire`), before a name of two words or more.
fn clean_name(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut start = 0;
    while words.len() - start > 2 {
        let w = words[start];
        let lower = w.to_lowercase();
        let acronym = w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase());
        let common =
            super::entry_of(&lower).is_some_and(|e| e.pos() == crate::fr::lexicon::Pos::Noun);
        if !(acronym || common) {
            break;
        }
        start += 1;
    }
    words[start..].join(" ")
}

/// A capitalised common noun that names something only with the word that
/// follows it (`État` in `l’État islamique`): the two words, when that
/// follower comes after two thirds of its occurrences or more.
fn with_usual_follower(text: &str, name: &str) -> Option<String> {
    let lex = crate::fr::lexicon::lexicons();
    if name.contains(' ') || lex.pos.get(&name.to_lowercase()).is_none() {
        return None;
    }
    let mut followers: Vec<&str> = Vec::new();
    let mut total = 0;
    for (i, _) in text.match_indices(name) {
        let before = text[..i].chars().next_back();
        let rest = &text[i + name.len()..];
        if before.is_some_and(char::is_alphanumeric) || rest.starts_with(char::is_alphanumeric) {
            continue;
        }
        total += 1;
        let next = rest
            .strip_prefix(' ')
            .and_then(|r| r.split([' ', ',', '.']).next());
        if let Some(w) = next.filter(|w| w.starts_with(char::is_lowercase) && w.chars().count() > 3)
        {
            followers.push(w);
        }
    }
    followers.sort_unstable();
    let best = followers
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())?;
    (best.len() * 3 >= total * 2 && total >= 2).then(|| format!("{name} {}", best[0]))
}

/// True when `word` occurs capitalised after another word of its sentence.
fn capitalised_inside_sentence(body: &str, word: &str) -> bool {
    body.match_indices(word).any(|(i, _)| {
        let before = body[..i].trim_end();
        let prev = before.chars().next_back();
        let after = body[i + word.len()..].chars().next();
        prev.is_some_and(|c| c.is_alphanumeric() || c == ',')
            && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_whole_words_only() {
        assert_eq!(count_in("La Chine et les Chinois, la chine.", "Chine"), 2);
        assert_eq!(count_in("Blinken, Blinkenland", "Blinken"), 1);
        assert_eq!(
            count_in("réforme des retraites", "réforme des retraites"),
            1
        );
        assert_eq!(count_in("abc", ""), 0);
    }

    #[test]
    fn the_word_index_counts_as_a_scan_does() {
        let text = "La Chine et les Chinois, la chine. L’Europe, l’europe de l’Est ; \
                    la réforme des retraites, « réforme » des retraites ! 2023-2024, 2023 \
                    la la la, Blinken, Blinkenland, Jean-Marc Blinken";
        let lower = text.to_lowercase();
        let index = WordIndex::new(&lower);
        let few = WordIndex::for_needles(&lower, ["Chine", "réforme des retraites", "« réforme"]);
        assert_eq!(few.count("Chine"), index.count("Chine"));
        assert_eq!(
            few.count("réforme des retraites"),
            index.count("réforme des retraites")
        );
        assert_eq!(few.count("« réforme"), index.count("« réforme"));
        for needle in [
            "Chine",
            "chinois",
            "l’Europe",
            "europe",
            "réforme des retraites",
            "2023",
            "la la",
            "Blinken",
            "Jean-Marc",
            "marc",
            "« réforme",
            "",
            "absent",
        ] {
            assert_eq!(
                index.count(needle),
                count_in_lower(&lower, needle),
                "{needle}"
            );
        }
    }
}
