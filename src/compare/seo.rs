//! The SEO checks: the H1, the keyphrase's places, the metadata, the
//! structure and the writing of a candidate, checked as refonte checks its
//! own rewrites (a list of [`Check`]s in a fixed order).

use super::read::Read;
use super::source::SourceIndex;
use super::{Check, LengthStats, Seo};
use crate::fr::{count_words, lexicon, seo, words};
use crate::frame::keyphrase::count_in;
use crate::input;
use crate::rouge;
use rustc_hash::FxHashMap;

/// A candidate as the checks read it, with the keyphrase figures they share.
struct Page<'a> {
    read: &'a Read,
    index: &'a SourceIndex,
    length: &'a LengthStats,
    keyphrase: &'a str,
    h1: Option<String>,
    subheadings: Vec<String>,
    /// Body paragraphs with the index of their section (`None`: the lead).
    paragraphs: Vec<(Option<usize>, String)>,
    /// Occurrences of the keyphrase in the body.
    count: usize,
    /// Occurrences per 100 body words.
    density: f64,
    /// Subheadings that contain the keyphrase.
    in_subheadings: usize,
}

impl<'a> Page<'a> {
    fn new(
        read: &'a Read,
        index: &'a SourceIndex,
        length: &'a LengthStats,
        keyphrase: &'a str,
    ) -> Page<'a> {
        let subheadings = read.headings();
        let paragraphs = read.paragraphs();
        let body: String = paragraphs
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let count = count_in(&body, keyphrase);
        let density = if length.words > 0 {
            100.0 * count as f64 / length.words as f64
        } else {
            0.0
        };
        let in_subheadings = subheadings
            .iter()
            .filter(|h| count_in(h, keyphrase) > 0)
            .count();
        Page {
            read,
            index,
            length,
            keyphrase,
            h1: read.doc.title.clone(),
            subheadings,
            paragraphs,
            count,
            density,
            in_subheadings,
        }
    }
}

/// Structure, keyphrase use and metadata of a candidate, and the checks.
pub(super) fn seo(
    r: &Read,
    index: &SourceIndex,
    length: &LengthStats,
    keyphrase: &str,
    from: &'static str,
) -> Seo {
    let page = Page::new(r, index, length, keyphrase);
    let mut checks = Vec::new();
    checks.extend(h1_checks(&page));
    checks.extend(keyphrase_checks(&page));
    checks.extend(metadata_checks(&page));
    checks.extend(structure_checks(&page));
    checks.extend(writing_checks(&page));
    Seo {
        keyphrase: keyphrase.to_string(),
        keyphrase_from: from,
        keyphrase_count: page.count,
        keyphrase_density: page.density,
        keyphrase_subheadings: page.in_subheadings,
        seo_title: r.meta.seo_title.clone(),
        description: r.meta.description.clone(),
        slug: r.meta.slug.clone(),
        h1: page.h1,
        subheadings: page.subheadings,
        checks,
    }
}

fn check(name: &'static str, ok: Option<bool>, detail: impl Into<String>) -> Check {
    Check {
        name,
        ok,
        detail: detail.into(),
    }
}

/// `h1`: there is one, and it is not the source's title; `h1_keyphrase`:
/// the keyphrase is in it (the detail says whether it opens it).
fn h1_checks(p: &Page) -> [Check; 2] {
    let Some(t) = &p.h1 else {
        return [
            check("h1", Some(false), "no H1"),
            check("h1_keyphrase", Some(false), "no H1"),
        ];
    };
    let same = p
        .index
        .title
        .as_deref()
        .is_some_and(|s| lexicon::fold(s) == lexicon::fold(t));
    let differs = check(
        "h1",
        Some(!same),
        if same {
            "same as the source title"
        } else {
            "differs from the source title"
        },
    );
    let starts = lexicon::fold(t).starts_with(&lexicon::fold(p.keyphrase));
    let has = count_in(t, p.keyphrase) > 0;
    let detail = match (starts, has) {
        (true, _) => "opens the H1",
        (false, true) => "inside the H1",
        (false, false) => "not in the H1",
    };
    [differs, check("h1_keyphrase", Some(has), detail)]
}

/// The keyphrase in the first paragraph, in some subheadings (not all of
/// several), and repeated in the body without being stuffed.
fn keyphrase_checks(p: &Page) -> [Check; 3] {
    let intro = p.paragraphs.first().map_or("", |(_, t)| t.as_str());
    let in_intro = count_in(intro, p.keyphrase) > 0;
    let n = p.subheadings.len();
    let k = p.in_subheadings;
    [
        check(
            "intro_keyphrase",
            Some(in_intro),
            if in_intro {
                "in the first paragraph"
            } else {
                "not in the first paragraph"
            },
        ),
        check(
            "subheadings_keyphrase",
            (n > 0).then_some(k > 0 && (k < n || n == 1)),
            format!("{k} of {n}"),
        ),
        // refonte's own rule for its keyphrase: repeated in the body, not stuffed.
        check(
            "keyphrase_density",
            Some(p.count >= 2 && p.density <= 2.5),
            format!(
                "{} in the body, {:.2} per 100 words (≥ 2, ≤ 2.5 per 100)",
                p.count, p.density
            ),
        ),
    ]
}

/// The SEO title and the description within the limits of [`crate::fr::seo`] (the
/// description with the keyphrase), the slug an ASCII slug; none applies
/// when the candidate has no such metadata.
fn metadata_checks(p: &Page) -> [Check; 3] {
    let meta = &p.read.meta;
    let seo_title = match &meta.seo_title {
        None => check("seo_title", None, "none"),
        Some(t) => check(
            "seo_title",
            Some(seo::seo_title_fits(t)),
            format!(
                "{} characters (≤ {}), ≈ {} px (≤ {})",
                seo::printed_len(t),
                seo::SEO_TITLE_MAX_CHARS,
                seo::pixel_width(t).round(),
                seo::SEO_TITLE_MAX_PIXELS
            ),
        ),
    };
    let description = match &meta.description {
        None => check("description", None, "none"),
        Some(d) => {
            let has = count_in(d, p.keyphrase) > 0;
            check(
                "description",
                Some(seo::description_fits(d) && has),
                format!(
                    "{} characters ({}–{}), keyphrase {}",
                    seo::printed_len(d),
                    seo::DESCRIPTION_MIN_CHARS,
                    seo::DESCRIPTION_MAX_CHARS,
                    if has { "in" } else { "missing" }
                ),
            )
        }
    };
    let slug = match &meta.slug {
        None => check("slug", None, "none"),
        Some(s) => check("slug", Some(is_slug(s)), s.clone()),
    };
    [seo_title, description, slug]
}

/// The body's length against the source's floor, its sections and
/// paragraphs' sizes, and subheadings grounded in the source.
fn structure_checks(p: &Page) -> [Check; 5] {
    let words = p.length.words;
    let floor = p.index.min_words;
    let n = p.subheadings.len();
    // SPEC: 2–6 sections for 700–1,000 words; a longer body may have one per 150 words.
    let most = 6.max(words / 150);
    let longest = p
        .paragraphs
        .iter()
        .map(|(_, t)| count_words(t))
        .max()
        .unwrap_or(0);
    let grounded_n = p
        .subheadings
        .iter()
        .filter(|h| grounded(h, p.index))
        .count();
    [
        check(
            "length",
            Some(words >= floor),
            format!("{words} words (≥ {floor})"),
        ),
        check(
            "sections",
            Some((2..=most).contains(&n)),
            format!("{n} (2–{most})"),
        ),
        section_words_check(p),
        check(
            "paragraph_words",
            Some(longest <= 150),
            format!("longest {longest} words (≤ 150)"),
        ),
        check(
            "headings_grounded",
            (n > 0).then_some(grounded_n == n),
            format!("{grounded_n} of {n}"),
        ),
    ]
}

/// `section_words`: the smallest section (the first of equals) has 80 words
/// or more.
fn section_words_check(p: &Page) -> Check {
    let mut section_words = vec![0usize; p.subheadings.len()];
    for (s, t) in &p.paragraphs {
        if let Some(k) = s
            && let Some(w) = section_words.get_mut(*k)
        {
            *w += count_words(t);
        }
    }
    let smallest = section_words
        .iter()
        .enumerate()
        .min_by_key(|&(k, &w)| (w, k))
        .map(|(k, &w)| (k, w));
    check(
        "section_words",
        smallest.map(|(_, w)| w >= 80),
        smallest.map_or("no sections".to_string(), |(k, w)| {
            format!("smallest {w} words (≥ 80): « {} »", p.subheadings[k])
        }),
    )
}

/// No more undone contractions than the source has, no sentence printed
/// twice beyond a tenth of the body, no request or boilerplate phrase (in
/// the metadata either).
fn writing_checks(p: &Page) -> [Check; 3] {
    let printed = p.read.printed();
    let extra = printed
        .iter()
        .map(|t| contraction_errors(t))
        .sum::<usize>()
        .saturating_sub(p.index.contractions);
    let words = p.length.words;
    let repeated = repeated_words(&p.read.body_sentences());
    let ratio = if words > 0 {
        repeated as f64 / words as f64
    } else {
        0.0
    };
    let meta = &p.read.meta;
    let leaked = printed
        .iter()
        .chain(
            [&meta.seo_title, &meta.description, &meta.slug]
                .into_iter()
                .flatten(),
        )
        .map(|t| leaks(t))
        .sum::<usize>();
    [
        check(
            "contractions",
            Some(extra == 0),
            format!("{extra} « de le / à les » more than the source"),
        ),
        check(
            "repeats",
            Some(ratio <= 0.10),
            format!(
                "{repeated} words of sentences printed twice or more, {ratio:.2} of the body (≤ 0.10)"
            ),
        ),
        check(
            "leaks",
            Some(leaked == 0),
            format!("{leaked} request or boilerplate phrases"),
        ),
    ]
}

/// True for an ASCII slug: lowercase letters and digits in words joined by `-`.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A subheading is grounded when at least one of its content words (4+
/// letters, not a stop word) is the source's, and at least half of them are.
fn grounded(heading: &str, index: &SourceIndex) -> bool {
    let lex = lexicon::lexicons();
    let content: Vec<String> = rouge::tokens(heading)
        .into_iter()
        .filter(|t| t.chars().count() >= 4 && !lex.is_stop(t))
        .collect();
    let hits = content
        .iter()
        .filter(|t| index.folded_set.contains(&lexicon::strip_accents(t)))
        .count();
    hits > 0 && 2 * hits >= content.len()
}

/// Contractions French requires (`de le` → `du`, `à les` → `aux`) left
/// undone; `de le faire`, where `le` is a pronoun before a verb, is not one.
pub(super) fn contraction_errors(text: &str) -> usize {
    let lex = lexicon::lexicons();
    let words: Vec<String> = words(text).into_iter().map(lexicon::fold).collect();
    let verb = |w: Option<&String>| {
        w.and_then(|w| lex.pos.get(w))
            .is_some_and(|e| e.tags.split('|').any(|t| matches!(t, "VER" | "AUX")))
    };
    (0..words.len().saturating_sub(1))
        .filter(|&i| {
            matches!(words[i].as_str(), "de" | "à")
                && matches!(words[i + 1].as_str(), "le" | "les")
                && !verb(words.get(i + 2))
        })
        .count()
}

/// Words of sentences (of six words or more) printed more than once, beyond their first print.
fn repeated_words(sentences: &[String]) -> usize {
    let mut seen: FxHashMap<Vec<String>, usize> = FxHashMap::default();
    let mut repeated = 0;
    for s in sentences {
        let toks = rouge::tokens(s);
        if words(s).len() < 6 {
            continue;
        }
        let n = seen.entry(toks).or_default();
        if *n > 0 {
            repeated += words(s).len();
        }
        *n += 1;
    }
    repeated
}

/// Phrases of a request to the writer, or of a scraped page, copied into the text.
fn leaks(text: &str) -> usize {
    let lower = text.to_lowercase();
    let phrases = &crate::fr::lexicon::lexicons().leaks;
    let floor = text
        .lines()
        .filter(|l| input::word_floor(l).is_some())
        .count();
    phrases
        .iter()
        .map(|p| lower.matches(p).count())
        .sum::<usize>()
        + floor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_leaks_and_repeats_are_found() {
        assert_eq!(
            contraction_errors("Le maire de le village parle à les habitants."),
            2
        );
        assert_eq!(
            contraction_errors("Il a décidé de le faire et de les suivre."),
            0
        );
        assert_eq!(
            leaks("Make this article SEO compatible, create at least 700 words"),
            3
        );
        assert_eq!(leaks("Un article de 700 mots sur la Loire."), 0);
        let s = |t: &str| t.to_string();
        let body = [
            s("La digue sera reconstruite sur un kilomètre."),
            s("Les travaux commencent à l’automne."),
            s("La digue sera reconstruite sur un kilomètre !"),
        ];
        assert_eq!(repeated_words(&body), 7);
    }
}
