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
    let phrases = [
        "customize this title",
        "seo compatible",
        "make this article",
        "source link",
    ];
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

fn check(name: &'static str, ok: Option<bool>, detail: impl Into<String>) -> Check {
    Check {
        name,
        ok,
        detail: detail.into(),
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
    let h1 = r.doc.title.clone();
    let subheadings = r.headings();
    let paragraphs = r.paragraphs();
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
    let mut checks = Vec::new();
    checks.push(match &h1 {
        None => check("h1", Some(false), "no H1"),
        Some(t) => {
            let same = index
                .title
                .as_deref()
                .is_some_and(|s| lexicon::fold(s) == lexicon::fold(t));
            check(
                "h1",
                Some(!same),
                if same {
                    "same as the source title"
                } else {
                    "differs from the source title"
                },
            )
        }
    });
    checks.push(match &h1 {
        None => check("h1_keyphrase", Some(false), "no H1"),
        Some(t) => {
            let starts = lexicon::fold(t).starts_with(&lexicon::fold(keyphrase));
            let has = count_in(t, keyphrase) > 0;
            let detail = match (starts, has) {
                (true, _) => "opens the H1",
                (false, true) => "inside the H1",
                (false, false) => "not in the H1",
            };
            check("h1_keyphrase", Some(has), detail)
        }
    });
    let intro = paragraphs.first().map_or("", |(_, t)| t.as_str());
    checks.push(check(
        "intro_keyphrase",
        Some(count_in(intro, keyphrase) > 0),
        if count_in(intro, keyphrase) > 0 {
            "in the first paragraph"
        } else {
            "not in the first paragraph"
        },
    ));
    let n = subheadings.len();
    checks.push(check(
        "subheadings_keyphrase",
        (n > 0).then_some(in_subheadings > 0 && (in_subheadings < n || n == 1)),
        format!("{in_subheadings} of {n}"),
    ));
    // refonte's own rule for its keyphrase: repeated in the body, not stuffed.
    checks.push(check(
        "keyphrase_density",
        Some(count >= 2 && density <= 2.5),
        format!("{count} in the body, {density:.2} per 100 words (≥ 2, ≤ 2.5 per 100)"),
    ));
    checks.push(match &r.meta.seo_title {
        None => check("seo_title", None, "none"),
        Some(t) => {
            let len = seo::printed_len(t);
            check(
                "seo_title",
                Some(seo::seo_title_fits(t)),
                format!(
                    "{len} characters (≤ {}), ≈ {} px (≤ {})",
                    seo::SEO_TITLE_MAX_CHARS,
                    seo::pixel_width(t).round(),
                    seo::SEO_TITLE_MAX_PIXELS
                ),
            )
        }
    });
    checks.push(match &r.meta.description {
        None => check("description", None, "none"),
        Some(d) => {
            let len = seo::printed_len(d);
            let has = count_in(d, keyphrase) > 0;
            check(
                "description",
                Some(seo::description_fits(d) && has),
                format!(
                    "{len} characters ({}–{}), keyphrase {}",
                    seo::DESCRIPTION_MIN_CHARS,
                    seo::DESCRIPTION_MAX_CHARS,
                    if has { "in" } else { "missing" }
                ),
            )
        }
    });
    checks.push(match &r.meta.slug {
        None => check("slug", None, "none"),
        Some(s) => check("slug", Some(is_slug(s)), s.clone()),
    });
    checks.push(check(
        "length",
        Some(length.words >= index.min_words),
        format!("{} words (≥ {})", length.words, index.min_words),
    ));
    // SPEC: 2–6 sections for 700–1,000 words; a longer body may have one per 150 words.
    let most = 6.max(length.words / 150);
    checks.push(check(
        "sections",
        Some((2..=most).contains(&n)),
        format!("{n} (2–{most})"),
    ));
    let mut section_words = vec![0usize; n];
    for (s, t) in &paragraphs {
        if let Some(k) = s
            && let Some(w) = section_words.get_mut(*k)
        {
            *w += count_words(t);
        }
    }
    // The smallest section, the first of equals.
    let smallest = section_words
        .iter()
        .enumerate()
        .min_by_key(|&(k, &w)| (w, k))
        .map(|(k, &w)| (k, w));
    checks.push(check(
        "section_words",
        smallest.map(|(_, w)| w >= 80),
        smallest.map_or("no sections".to_string(), |(k, w)| {
            format!("smallest {w} words (≥ 80): « {} »", subheadings[k])
        }),
    ));
    let longest = paragraphs
        .iter()
        .map(|(_, t)| count_words(t))
        .max()
        .unwrap_or(0);
    checks.push(check(
        "paragraph_words",
        Some(longest <= 150),
        format!("longest {longest} words (≤ 150)"),
    ));
    let grounded_n = subheadings.iter().filter(|h| grounded(h, index)).count();
    checks.push(check(
        "headings_grounded",
        (n > 0).then_some(grounded_n == n),
        format!("{grounded_n} of {n}"),
    ));
    let printed = r.printed();
    let extra = printed
        .iter()
        .map(|p| contraction_errors(p))
        .sum::<usize>()
        .saturating_sub(index.contractions);
    checks.push(check(
        "contractions",
        Some(extra == 0),
        format!("{extra} « de le / à les » more than the source"),
    ));
    let sentences = r.body_sentences();
    let repeated = repeated_words(&sentences);
    let ratio = if length.words > 0 {
        repeated as f64 / length.words as f64
    } else {
        0.0
    };
    checks.push(check(
        "repeats",
        Some(ratio <= 0.10),
        format!(
            "{repeated} words of sentences printed twice or more, {ratio:.2} of the body (≤ 0.10)"
        ),
    ));
    let meta = [&r.meta.seo_title, &r.meta.description, &r.meta.slug];
    let leaked = printed
        .iter()
        .chain(meta.into_iter().flatten())
        .map(|p| leaks(p))
        .sum::<usize>();
    checks.push(check(
        "leaks",
        Some(leaked == 0),
        format!("{leaked} request or boilerplate phrases"),
    ));
    Seo {
        h1,
        subheadings,
        keyphrase: keyphrase.to_string(),
        keyphrase_from: from,
        keyphrase_count: count,
        keyphrase_density: density,
        keyphrase_subheadings: in_subheadings,
        seo_title: r.meta.seo_title.clone(),
        description: r.meta.description.clone(),
        slug: r.meta.slug.clone(),
        checks,
    }
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
