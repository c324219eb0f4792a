//! The comparison as a text table: a header on the inputs, one column per
//! candidate under labelled blocks of rows, then the lists behind the counts
//! (hallucination candidates and failed checks), candidate by candidate.

use super::{CandidateReport, Comparison, Prf, RougeReport};
use std::fmt::Write as _;

/// A row of the table: its label, and its values, one per candidate (none
/// for the title of a block).
type Row = (String, Vec<String>);

/// A row as data: its label, and how a candidate's value is printed.
type Rule = (&'static str, fn(&CandidateReport) -> String);

/// A block of rows as data: its title and its rows.
type Block = (&'static str, &'static [Rule]);

const LENGTH: Block = (
    "length",
    &[
        ("words", |r| r.length.words.to_string()),
        ("sentences", |r| r.length.sentences.to_string()),
        ("sections (H2)", |r| r.length.sections.to_string()),
        ("words per sentence", |r| {
            format!("{:.1}", r.length.words_per_sentence)
        }),
        ("syllables per word", |r| {
            format!("{:.2}", r.length.syllables_per_word)
        }),
        ("reading ease (Kandel-Moles)", |r| {
            format!("{:.1}", r.length.flesch)
        }),
    ],
);

const SOURCE_COVERAGE: Block = (
    "coverage of the source, recall / F1",
    &[
        ("ROUGE-1", |r| recall_f1(Some(r.coverage.source.rouge1))),
        ("ROUGE-2", |r| recall_f1(Some(r.coverage.source.rouge2))),
        ("ROUGE-L", |r| recall_f1(r.coverage.source.rouge_l)),
    ],
);

const REFERENCE_COVERAGE: Block = (
    "coverage of the reference, recall / F1",
    &[
        ("ROUGE-1", |r| of_reference(r, |x| Some(x.rouge1))),
        ("ROUGE-2", |r| of_reference(r, |x| Some(x.rouge2))),
        ("ROUGE-L", |r| of_reference(r, |x| x.rouge_l)),
    ],
);

const FAITHFULNESS: Block = (
    "faithfulness",
    &[
        ("novel unigrams %", |r| pct(r.faithfulness.novel_unigrams)),
        ("novel bigrams %", |r| pct(r.faithfulness.novel_bigrams)),
        ("names not in the source", |r| {
            r.faithfulness.new_names.len().to_string()
        }),
        ("numbers not in the source", |r| {
            r.faithfulness.new_numbers.len().to_string()
        }),
        ("dates not in the source", |r| {
            r.faithfulness.new_dates.len().to_string()
        }),
        ("quotations not word for word", |r| {
            format!(
                "{} of {}",
                r.faithfulness.unmatched_quotations.len(),
                r.faithfulness.quotations
            )
        }),
    ],
);

const SEO: Block = (
    "structure and SEO",
    &[
        ("keyphrase", |r| {
            format!("{} ({})", r.seo.keyphrase, r.seo.keyphrase_from)
        }),
        ("keyphrase in body / density %", |r| {
            format!("{} / {:.2}", r.seo.keyphrase_count, r.seo.keyphrase_density)
        }),
        ("subheadings with keyphrase", |r| {
            format!(
                "{} of {}",
                r.seo.keyphrase_subheadings,
                r.seo.subheadings.len()
            )
        }),
        ("SEO title / description chars", |r| {
            let n = |s: &Option<String>| {
                s.as_ref()
                    .map_or("-".to_string(), |t| t.chars().count().to_string())
            };
            format!("{} / {}", n(&r.seo.seo_title), n(&r.seo.description))
        }),
    ],
);

/// The comparison as a text table: one column per candidate, then the
/// hallucination candidates and failed checks of each, listed.
///
/// ROUGE and shares are printed × 100 (points), with two decimals.
pub fn table(c: &Comparison) -> String {
    let mut out = header(c);
    if c.candidates.is_empty() {
        return out;
    }
    write_grid(&mut out, c, &rows(c));
    write_lists(&mut out, c);
    out
}

/// The source's (and the reference's) name, size and title.
fn header(c: &Comparison) -> String {
    let mut out = String::new();
    let s = &c.source;
    let _ = writeln!(
        out,
        "source: {} — {} words, {} sentences",
        s.name, s.words, s.sentences
    );
    if let Some(t) = &s.title {
        let _ = writeln!(out, "source title: {t}");
    }
    if let Some(r) = &c.reference {
        let _ = writeln!(
            out,
            "reference: {} — {} words, {} sentences",
            r.name, r.words, r.sentences
        );
    }
    out
}

/// Every row, block by block (the reference's coverage only when there is
/// one), the checks last.
fn rows(c: &Comparison) -> Vec<Row> {
    let mut blocks = vec![LENGTH, SOURCE_COVERAGE];
    if c.reference.is_some() {
        blocks.push(REFERENCE_COVERAGE);
    }
    blocks.extend([FAITHFULNESS, SEO]);
    let mut rows = Vec::new();
    for (title, rules) in blocks {
        rows.push((title.to_string(), Vec::new()));
        for (label, value) in rules {
            row(&mut rows, c, label, value);
        }
    }
    check_rows(&mut rows, c);
    rows
}

/// One row per check, named as the first candidate's (every candidate has
/// the same checks, in the same order), then the passed ones counted.
fn check_rows(rows: &mut Vec<Row>, c: &Comparison) {
    let names: Vec<&'static str> = c.candidates[0].seo.checks.iter().map(|k| k.name).collect();
    for (k, name) in names.iter().enumerate() {
        row(rows, c, &format!("check {name}"), |r| {
            r.seo.checks.get(k).map_or("-".to_string(), |x| match x.ok {
                Some(true) => "ok".to_string(),
                Some(false) => "FAIL".to_string(),
                None => "-".to_string(),
            })
        });
    }
    row(rows, c, "checks passed", |r| {
        let applicable = r.seo.checks.iter().filter(|x| x.ok.is_some()).count();
        let passed = r.seo.checks.iter().filter(|x| x.ok == Some(true)).count();
        format!("{passed} of {applicable}")
    });
}

/// One row, its label indented under its block's title.
fn row(
    rows: &mut Vec<Row>,
    c: &Comparison,
    label: &str,
    value: impl Fn(&CandidateReport) -> String,
) {
    rows.push((
        format!("  {label}"),
        c.candidates.iter().map(value).collect(),
    ));
}

/// A share in points, with two decimals.
fn pct(x: f64) -> String {
    format!("{:.2}", 100.0 * x)
}

/// Recall and F1 of a ROUGE variant, `-` when it was not computed.
fn recall_f1(p: Option<Prf>) -> String {
    p.map_or("-".to_string(), |p| {
        format!("{} / {}", pct(p.recall), pct(p.f1))
    })
}

/// A ROUGE variant against the reference, `-` when there is none.
fn of_reference(r: &CandidateReport, variant: fn(&RougeReport) -> Option<Prf>) -> String {
    r.coverage
        .reference
        .map_or("-".to_string(), |x| recall_f1(variant(&x)))
}

/// The rows in columns: labels left-aligned, values right-aligned under
/// the candidates' file names (without their directories).
fn write_grid(out: &mut String, c: &Comparison, rows: &[Row]) {
    let width = |s: &str| s.chars().count();
    let heads: Vec<&str> = c
        .candidates
        .iter()
        .map(|r| r.name.rsplit(['/', '\\']).next().unwrap_or(&r.name))
        .collect();
    let label_w = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let col_w: Vec<usize> = (0..c.candidates.len())
        .map(|k| {
            rows.iter()
                .filter_map(|(_, v)| v.get(k).map(|x| width(x)))
                .chain([width(heads[k])])
                .max()
                .unwrap_or(0)
        })
        .collect();
    out.push('\n');
    let _ = write!(out, "{:label_w$}", "");
    for (k, head) in heads.iter().enumerate() {
        let _ = write!(out, "  {:>w$}", head, w = col_w[k]);
    }
    out.push('\n');
    for (label, values) in rows {
        let _ = write!(out, "{label}");
        if !values.is_empty() {
            let _ = write!(out, "{:pad$}", "", pad = label_w - width(label));
            for (k, v) in values.iter().enumerate() {
                let _ = write!(out, "  {:>w$}", v, w = col_w[k]);
            }
        }
        out.push('\n');
    }
}

/// The lists behind the counts: per candidate that has any, its new names,
/// numbers and dates, its unmatched quotations (shortened) and its failed
/// checks with their figures.
fn write_lists(out: &mut String, c: &Comparison) {
    for r in &c.candidates {
        let f = &r.faithfulness;
        let failed: Vec<String> = r
            .seo
            .checks
            .iter()
            .filter(|x| x.ok == Some(false))
            .map(|x| format!("{} ({})", x.name, x.detail))
            .collect();
        let lists: [(&str, Vec<String>); 5] = [
            ("name", f.new_names.clone()),
            ("number", f.new_numbers.clone()),
            ("date", f.new_dates.clone()),
            (
                "quotation",
                f.unmatched_quotations
                    .iter()
                    .map(|q| format!("« {} »", crate::document::shorten(q, 70)))
                    .collect(),
            ),
            ("failed check", failed),
        ];
        if lists.iter().all(|(_, v)| v.is_empty()) {
            continue;
        }
        let _ = writeln!(out, "\n{}:", r.name);
        for (what, items) in lists {
            for item in items {
                let _ = writeln!(out, "  {what:<12}  {item}");
            }
        }
    }
}
