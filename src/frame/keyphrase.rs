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
    count_in_lower(&crate::fr::lowercase(haystack), needle)
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
    crate::fr::occurrences(h, needle).filter(move |&i| {
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

/// The fit that doubles a candidate's score (a fit runs from 0 to 10).
const FIT_SCALE: f64 = 8.0;

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
    let body_lower = crate::fr::lowercase(body);
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
        if !usable(text, body, &body_lower, lex, place_or_person) {
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
    // The title's own noun groups that the body writes: the journalist
    // named the story with them (`tempête Fabien`, `réforme des retraites`).
    for (text, proper) in title_groups(ctx, body) {
        push(&text, proper, usize::MAX);
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
    // A first name the text gives an age (`José, 71 ans`) is a witness,
    // not the story.
    let title_lower = spelled_title(ctx).to_lowercase();
    cands.retain(|c| {
        c.text.contains(' ')
            || count_in_lower(&title_lower, &c.text) > 0
            || !given_an_age(&ctx.doc.text, &c.text)
    });
    // A word the text mostly writes as the first of a longer name (`Ruth`
    // of `Ruth Bader Ginsburg`) is half a name.
    let longer: Vec<String> = cands
        .iter()
        .map(|c| c.text.clone())
        .chain(ctx.facts.entities.iter().map(|e| e.text.clone()))
        .filter(|t| t.contains(' '))
        .collect();
    cands.retain(|c| {
        c.text.contains(' ')
            || count_in_lower(&title_lower, &c.text) > 0
            || !longer.iter().any(|l| {
                l.strip_prefix(c.text.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
                    && 2 * count_in_lower(&body_lower, l) >= count_in_lower(&body_lower, &c.text)
            })
    });
    cands
}

/// A candidate with its score, its count in the body and its tier: 0 for
/// a name or phrase of the title the body says often enough, 1 for one it
/// says once, 2 for one of the body alone that it repeats.
#[derive(Clone, Copy)]
struct Scored<'c> {
    score: f64,
    count: usize,
    tier: u8,
    cand: &'c Candidate,
}

/// Best first: the better tier, then the higher score, then the earlier
/// first sentence, then the text.
fn by_rank(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    a.tier
        .cmp(&b.tier)
        .then(b.score.total_cmp(&a.score))
        .then(a.cand.first_sentence.cmp(&b.cand.first_sentence))
        .then(a.cand.text.cmp(&b.cand.text))
}

/// The candidates the body says, ranked by [`by_rank`]: the title's own
/// first (the journalist named the story with them), then by repetition,
/// length, place in the title, lead and name.
fn scored<'c>(ctx: &Context, cands: &'c [Candidate], body: &str, lead: &str) -> Vec<Scored<'c>> {
    let body_words = body.split_whitespace().count().max(1);
    let needed = ((body_words as f64 * 0.005).ceil() as usize).max(2);
    let body_lower = crate::fr::lowercase(body);
    let lead_lower = crate::fr::lowercase(lead);
    let parts = TitleParts::of(&spelled_title(ctx));
    let body_index = WordIndex::for_needles(&body_lower, cands.iter().map(|c| c.text.as_str()));
    let mut out: Vec<Scored> = Vec::new();
    // The names the title writes whole and the body repeats (`Sophie Le
    // Tan`, `Juan Carlos`, `Noirval-sur-Loire`): a part of one (`Sophie`,
    // `Le Tan`, `Juan`, `Loire`) is not how the story is named.
    let lex = crate::fr::lexicon::lexicons();
    let whole_names: Vec<String> = cands
        .iter()
        .map(|c| c.text.to_lowercase())
        .filter(|t| {
            let capital = |w: Option<&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
            let original = cands.iter().find(|c| c.text.to_lowercase() == *t);
            let text = original.map_or("", |c| c.text.as_str());
            let first = text.split([' ', '-']).next();
            text.contains([' ', '-'])
                && capital(first)
                && !first.is_some_and(|w| lex.is_stop(&w.to_lowercase()))
                && capital(text.rsplit([' ', '-']).next())
                && count_in_lower(&parts.whole, t) > 0
                && body_index.count(t) >= 2
        })
        .collect();
    for c in cands {
        // `Loire` of `Noirval-sur-Loire` is another name.
        let count = body_index.count(&c.text) - glued(&body_lower, &c.text);
        let lower = c.text.to_lowercase();
        let role = if whole_names
            .iter()
            .any(|n| *n != lower && count_in_lower(n, &lower) > 0)
        {
            TitleRole::PartOfName
        } else {
            parts.role(&c.text, c.proper)
        };
        let in_lead = count_in_lower(&lead_lower, &c.text) > 0;
        // Often enough for a search engine to see it: one word in two
        // hundred (Yoast's 0.5 %), twice at least. A name or phrase of
        // the title is the story's own: twice in the body, or once in the
        // lead, is enough (headings and the SEO title say it again); once
        // elsewhere still beats a name the title does not give.
        let tier = match role {
            TitleRole::Absent if count >= needed => 2,
            TitleRole::Absent => continue,
            _ if count >= 2 || (count == 1 && in_lead) => 0,
            // Once outside the lead: a name, or what the title's rubric
            // or subject says (`bonbonnes de gaz`), not a side phrase
            // (`mesures fortes`).
            TitleRole::Story | TitleRole::Rubric if count == 1 => 1,
            _ if count == 1 && c.proper => 1,
            _ => continue,
        };
        let score = weigh(c, count, body_words, role, in_lead);
        if score > 0.0 {
            out.push(Scored {
                score,
                count,
                tier,
                cand: c,
            });
        }
    }
    out.sort_by(by_rank);
    out
}

/// Occurrences of `needle` in `lower` as a whole word that a hyphen glues
/// to a longer name (`Loire` in `noirval-sur-loire`).
fn glued(lower: &str, needle: &str) -> usize {
    let n = needle.to_lowercase();
    whole_words(lower, &n)
        .filter(|&at| lower[..at].ends_with('-') || lower[at + n.len()..].starts_with('-'))
        .count()
}

/// A candidate's score from its count in the body (its square root, at
/// most twelve counted), its
/// length, its role in the title, the lead and whether it is a name.
fn weigh(c: &Candidate, count: usize, body_words: usize, role: TitleRole, in_lead: bool) -> f64 {
    let lex = crate::fr::lexicon::lexicons();
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
    // A frequent common noun alone (`pays`, `enfant`, `rapport`) names no
    // subject unless the title uses it.
    let generic = !c.proper
        && words == 1
        && role == TitleRole::Absent
        && lex
            .pos
            .get(&c.text.to_lowercase())
            .is_some_and(|e| e.freq() >= GENERIC_FREQ);
    let generic = if generic { 0.6 } else { 1.0 };
    let in_lead = if in_lead { 2.5 } else { 1.0 };
    let proper = if c.proper { 1.2 } else { 1.0 };
    // The count weighs by its square root: where the title names the
    // story says more than how often the text repeats a setting.
    (count as f64).min(12.0).sqrt() * length * stuffing * role.weight() * in_lead * proper * generic
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
    let mut scored = scored(ctx, &cands, body, lead);
    let keywords: Vec<String> = scored
        .iter()
        .skip(1)
        .take(5)
        .map(|s| s.cand.text.clone())
        .collect();
    if let Some(g) = given.map(str::trim).filter(|g| !g.is_empty()) {
        return Focus {
            text: g.to_string(),
            count: count_in(body, g),
            keywords,
        };
    }
    prefer_phrases(&mut scored);
    // Among the eight best of the best tier, the one the article can carry
    // best (`fit`: the lead says it, a description holds it, headings can,
    // the SEO title can open with it) weighed with its rank: a fit never
    // makes a side word (`Santé`, `Europe`, `Paris` of a story about Neymar
    // at the PSG) the story's name.
    let (top, tier) = scored.first().map_or((0.0, 0), |s| (s.score, s.tier));
    let weighed: Vec<f64> = scored
        .iter()
        .take(8)
        .take_while(|s| s.tier == tier && s.score >= top * FIT_POOL)
        .map(|s| s.score * (1.0 + fit(&s.cand.text) / FIT_SCALE))
        .collect();
    let best = (0..weighed.len())
        .max_by(|&a, &b| weighed[a].total_cmp(&weighed[b]).then(b.cmp(&a)))
        .map(|k| &scored[k]);
    let text = match best {
        Some(s) => s.cand.text.clone(),
        None => fallback(ctx, &cands, body),
    };
    Focus {
        count: count_in(body, &text),
        text,
        keywords,
    }
}

/// A phrase that holds a single-word candidate and occurs nearly as often
/// says more: "grève de la faim" rather than "faim". Re-ranks `scored`.
fn prefer_phrases(scored: &mut [Scored]) {
    for k in 0..scored.len() {
        let Scored {
            score: s,
            count: n,
            tier,
            cand: c,
        } = scored[k];
        if c.text.contains(' ') {
            continue;
        }
        for other in scored.iter_mut() {
            if other.cand.text.contains(' ')
                && other.tier == tier
                && count_in(&other.cand.text, &c.text) > 0
                && other.count * 5 >= n * 4
                && other.score <= s
            {
                other.score = s * 1.01;
            }
        }
    }
    scored.sort_by(by_rank);
}

/// Nothing the body repeats: the title's first name or noun phrase the
/// body says, else any it says, else the title's first word.
fn fallback(ctx: &Context, cands: &[Candidate], body: &str) -> String {
    let title = ctx.doc.title.as_deref().unwrap_or("");
    // The body lowercased once, not once per candidate.
    let body_lower = crate::fr::lowercase(body);
    cands
        .iter()
        .enumerate()
        .filter(|(_, c)| count_in_lower(&body_lower, &c.text) > 0)
        // The title's own words first: they name the story.
        .max_by_key(|(k, c)| (count_in(title, &c.text) > 0, std::cmp::Reverse(*k)))
        .map(|(_, c)| c.text.clone())
        .unwrap_or_else(|| {
            title
                .split_whitespace()
                .next()
                .unwrap_or("article")
                .to_string()
        })
}

/// The noun groups of the title (and their shorter runs, one to four words
/// from a noun, name or adjective to a noun, name or adjective) that the
/// body writes, as the body writes them, with whether they hold a name.
fn title_groups(ctx: &Context, body: &str) -> Vec<(String, bool)> {
    use crate::parse::{GroupKind, Tag};
    let title = &spelled_title(ctx);
    let p = ctx.parse_text(title);
    let body_lower = crate::fr::lowercase(body);
    let mut out: Vec<(String, bool)> = Vec::new();
    for g in p.groups.iter().filter(|g| g.kind == GroupKind::Noun) {
        for a in g.start..g.end {
            for b in (a + 1..=g.end.min(a + 8)).rev() {
                if !is_run(title, &p, (g.start, g.end), (a, b)) {
                    continue;
                }
                let text = p.text_of(title, a, b);
                let proper = p.tags[a..b].contains(&Tag::Propn);
                // A quoted phrase (`« seuil critique »`) is someone's
                // words, not the story's name; a quoted title is one.
                if !(1..=4).contains(&crate::fr::count_words(text))
                    || (!proper && quoted(title, p.tokens[a].span.start as usize))
                {
                    continue;
                }
                let Some(found) = as_written(body, &body_lower, text) else {
                    continue;
                };
                if !out.iter().any(|(t, _)| t == found) {
                    out.push((found.to_string(), proper));
                }
            }
        }
    }
    out
}

/// True when `text` writes `name` followed by an age: `José, 71 ans`,
/// `Lina (12 ans)`.
fn given_an_age(text: &str, name: &str) -> bool {
    whole_words(text, name).any(|at| {
        let rest = text[at + name.len()..].trim_start_matches([',', '(', ' ', '\u{a0}']);
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0
            && rest[digits..]
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with("ans")
    })
}

/// True when byte `at` of `text` is inside guillemets or straight quotes.
fn quoted(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let open = before.matches(['«', '“']).count() > before.matches(['»', '”']).count();
    open || before.matches('"').count() % 2 == 1
}

/// True when tokens `a..b` of the noun group `group` make a phrase of
/// their own: from a noun or name (or an adjective the group opens with,
/// `grand âge`, never `grande instance` of `tribunaux de grande instance`)
/// to a noun, name or adjective, without cutting a name of several words
/// (`Ruth` of `Ruth Bader Ginsburg`) or a word at a hyphen (`Covid-19`).
fn is_run(
    title: &str,
    p: &crate::parse::Parsed,
    group: (usize, usize),
    (a, b): (usize, usize),
) -> bool {
    use crate::parse::Tag;
    let t = &p.tags;
    let opens = matches!(t[a], Tag::Noun | Tag::Propn)
        || (t[a] == Tag::Adj && (a == group.0 || t[a - 1] == Tag::Det));
    let ends = matches!(t[b - 1], Tag::Noun | Tag::Propn | Tag::Adj);
    let cuts_name = (a > group.0 && t[a] == Tag::Propn && t[a - 1] == Tag::Propn)
        || (b < group.1 && t[b - 1] == Tag::Propn && t[b] == Tag::Propn);
    let start = p.tokens[a].span.start as usize;
    let end = p.tokens[b - 1].span.end as usize;
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    let cuts_word = glued(title[..start].chars().next_back()) || glued(title[end..].chars().next());
    opens && ends && !cuts_name && !cuts_word
}

/// The source title as the text spells its names (`Etats-Unis` →
/// `États-Unis`), so that its words are found in the body.
fn spelled_title(ctx: &Context) -> String {
    let title = ctx.doc.title.as_deref().unwrap_or("").replace('\'', "’");
    super::title::spelled_as_text(ctx, &title)
}

/// `needle`'s first whole-word occurrence in `body`, ignoring case, as the
/// body writes it (`Tempête Fabien` of a title → `tempête Fabien`).
fn as_written<'b>(body: &'b str, body_lower: &str, needle: &str) -> Option<&'b str> {
    let n = needle.to_lowercase();
    let at = whole_words(body_lower, &n).next()?;
    // Lowercasing keeps byte lengths in French text; where it did not, the
    // offsets would not line up and the title's form is not found.
    body.get(at..at + n.len()).filter(|w| w.to_lowercase() == n)
}

/// Where the title names a candidate: the story's actor opens its subject,
/// a rubric before its colon names the story, its subject's complement or
/// another word of it the story's parts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum TitleRole {
    /// What the story is about: the head of the title's subject (`Samia
    /// Ghali accepte…`, `l’avocate Nasrin Sotoudeh en grève…`) or a name in
    /// the rubric before a colon (`Crash de la Yemenia : …`).
    Story,
    /// The rest of the rubric or of the subject (`la tranquillité des
    /// manchots africains`, `le parquet de Paris`).
    Rubric,
    /// Elsewhere in the title.
    Elsewhere,
    /// A part of a name the title writes whole (`Hebdo` of `Charlie
    /// Hebdo`, `Le Tan` of `Sophie Le Tan`): not how it names the story.
    PartOfName,
    /// Not in the title.
    Absent,
}

impl TitleRole {
    /// How much a candidate's role in the title weighs against its count.
    fn weight(self) -> f64 {
        match self {
            TitleRole::Story => 8.0,
            TitleRole::Rubric => 5.0,
            TitleRole::Elsewhere => 4.0,
            TitleRole::PartOfName => 1.0,
            TitleRole::Absent => 1.0,
        }
    }
}

/// The title's parts a candidate is looked for in, lowercased.
struct TitleParts {
    whole: String,
    rubric: String,
    subject: String,
    subject_head: String,
}

impl TitleParts {
    fn of(title: &str) -> TitleParts {
        let rubric = super::title::split_colon(title)
            .map(|(r, _)| r.to_lowercase())
            .unwrap_or_default();
        let (subject, subject_head) = title_subject(title);
        TitleParts {
            whole: title.to_lowercase(),
            rubric,
            subject: subject.to_lowercase(),
            subject_head: subject_head.to_lowercase(),
        }
    }

    /// The role of `candidate` (`proper` when it is a name: a name inside
    /// the subject's head is its actor, `Montaurel` of `le centre
    /// hospitalier de Montaurel`; a common noun must be the whole head).
    fn role(&self, candidate: &str, proper: bool) -> TitleRole {
        let c = candidate.to_lowercase();
        let says = |part: &str| own_word(part, &c).next().is_some();
        let in_rubric = says(&self.rubric);
        if !says(&self.whole) {
            TitleRole::Absent
        } else if c == self.subject_head
            || (proper
                && !is_setting(&self.whole, &c)
                && (in_rubric || names_the_head(&self.subject_head, &c)))
        {
            TitleRole::Story
        } else if in_rubric || says(&self.subject) {
            TitleRole::Rubric
        } else {
            TitleRole::Elsewhere
        }
    }
}

/// Offsets of `c` in `h` as a word of its own: a whole word that no hyphen
/// glues to a longer one (`covid` is not a word of `covid-19`).
fn own_word<'h>(h: &'h str, c: &'h str) -> impl Iterator<Item = usize> + 'h {
    whole_words(h, c)
        .filter(move |&at| !h[..at].ends_with('-') && !h[at + c.len()..].starts_with('-'))
}

/// True when the title gives the name `c` as a place with its preposition
/// (`à minneapolis`, `dans l’aude`): where the story happens, not what it is.
fn is_setting(title: &str, c: &str) -> bool {
    let fw = &crate::fr::lexicon::lexicons().function_words;
    own_word(title, c).all(|at| {
        let before = title[..at].trim_end();
        let mut words = before.rsplit(' ');
        let last = words.next().unwrap_or("");
        // `dans l’aude`: the article glued to the name, the preposition before.
        let prep = if last.ends_with('’') && last.len() <= "l’".len() + 1 {
            words.next().unwrap_or("")
        } else {
            last
        };
        fw.is(prep, crate::fr::lexicon::Class::Place) || prep == "dans"
    })
}

/// True when the name `c` stands in the subject's head `head` as its
/// actor (`avocate iranienne nasrin sotoudeh`), not as the complement of
/// another noun (`parquet de brenac`).
fn names_the_head(head: &str, c: &str) -> bool {
    let fw = &crate::fr::lexicon::lexicons().function_words;
    own_word(head, c).any(|at| {
        // The word before it, an elided `d’` with its apostrophe, past an
        // article (`de la tva`).
        let mut words = head[..at].trim_end().rsplit(' ');
        let mut word = words.next().unwrap_or("");
        if fw.is(word, crate::fr::lexicon::Class::DefiniteArticle) {
            word = words.next().unwrap_or("");
        }
        !fw.is(word, crate::fr::lexicon::Class::De)
    })
}

/// The subject of the title's main verb, after any rubric and colon, and
/// its head: the noun group just before the verb, and that group after its
/// determiners (`Crash de la Yemenia : le parquet de Paris demande…` →
/// `le parquet de Paris`, `parquet de Paris`; `En visite à Jérusalem,
/// Pompeo discute…` → `Pompeo`). Empty when the title has no verb.
fn title_subject(title: &str) -> (String, String) {
    use crate::parse::{GroupKind, Tag};
    let side = super::title::split_colon(title).map_or(title.to_string(), |(_, b)| b);
    let p = crate::parse::Parsed::of_text(&side);
    let finite = |g: &crate::parse::Group| {
        g.kind == GroupKind::Verb
            && (g.start..g.end).any(|k| matches!(p.tags[k], Tag::Verb | Tag::Aux))
    };
    let subject = match p.groups.iter().position(finite) {
        Some(v) => {
            let Some(subject) = v.checked_sub(1).map(|k| p.groups[k]) else {
                return Default::default();
            };
            // Only clitics may stand between the subject and its verb.
            let adjacent = (subject.end..p.groups[v].start).all(|k| p.tags[k] == Tag::Pron);
            if subject.kind != GroupKind::Noun || !adjacent {
                return Default::default();
            }
            subject
        }
        // A title without a verb (`Brigitte Lahaie remerciée par RMC`)
        // opens on what it is about, after any phrase of place or time.
        None => {
            let Some(&g) = p.groups.iter().find(|g| {
                g.kind == GroupKind::Noun && (g.start == 0 || p.tags[g.start - 1] != Tag::Prep)
            }) else {
                return Default::default();
            };
            g
        }
    };
    let head = (subject.start..subject.end)
        .find(|&k| p.tags[k] != Tag::Det)
        .unwrap_or(subject.end);
    (
        p.text_of(&side, subject.start, subject.end).to_string(),
        p.text_of(&side, head, subject.end).to_string(),
    )
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
    body_lower: &str,
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
    // A common phrase the text only ever writes after the same noun and
    // `de` is the tail of a longer name (`grande instance` of `tribunaux
    // de grande instance`); not one after a partitive `de` that varies
    // (`la colonie de manchots`, `la tranquillité des manchots`).
    if !single && !first.starts_with(char::is_uppercase) {
        let heads: Vec<Option<&str>> = whole_words(body_lower, &lower)
            .map(|at| {
                let before = body_lower[..at].strip_suffix("de ")?;
                let head = before.trim_end().rsplit(' ').next()?;
                Some(head.trim_end_matches('s'))
            })
            .collect();
        let tail = heads.len() >= 2
            && heads.iter().all(Option::is_some)
            && heads.windows(2).all(|w| w[0] == w[1]);
        if tail {
            return false;
        }
    }
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
    crate::fr::occurrences(body, word).any(|i| {
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
    fn the_tail_of_a_longer_name_is_no_keyphrase() {
        let lex = crate::fr::lexicon::lexicons();
        let body = "Les tribunaux de grande instance fusionnent. Les tribunaux de grande \
                    instance de Lormeville ouvrent lundi.";
        assert!(!usable(
            "grande instance",
            body,
            &body.to_lowercase(),
            lex,
            false
        ));
        let body = "La colonie de manchots africains grandit. La tranquillité des manchots \
                    africains est menacée.";
        assert!(usable(
            "manchots africains",
            body,
            &body.to_lowercase(),
            lex,
            false
        ));
    }

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
