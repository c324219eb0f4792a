//! The comparison as a text table: a header on the inputs, one column per
//! candidate under labelled blocks of rows, then the lists behind the counts
//! (hallucination candidates and failed checks), candidate by candidate.

use super::{CandidateReport, Comparison, Prf};

/// The comparison as a text table: one column per candidate, then the
/// hallucination candidates and failed checks of each, listed.
///
/// ROUGE and shares are printed × 100 (points), with two decimals.
pub fn table(c: &Comparison) -> String {
    use std::fmt::Write as _;
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
    if c.candidates.is_empty() {
        return out;
    }
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let group = |rows: &mut Vec<(String, Vec<String>)>, title: &str| {
        rows.push((title.to_string(), Vec::new()));
    };
    let row = |rows: &mut Vec<(String, Vec<String>)>,
               label: &str,
               f: &dyn Fn(&CandidateReport) -> String| {
        rows.push((format!("  {label}"), c.candidates.iter().map(f).collect()));
    };
    let pct = |x: f64| format!("{:.2}", 100.0 * x);
    let rf = |p: Option<Prf>| {
        p.map_or("-".to_string(), |p| {
            format!("{} / {}", pct(p.recall), pct(p.f1))
        })
    };
    group(&mut rows, "length");
    row(&mut rows, "words", &|r| r.length.words.to_string());
    row(&mut rows, "sentences", &|r| r.length.sentences.to_string());
    row(&mut rows, "sections (H2)", &|r| {
        r.length.sections.to_string()
    });
    row(&mut rows, "words per sentence", &|r| {
        format!("{:.1}", r.length.words_per_sentence)
    });
    row(&mut rows, "syllables per word", &|r| {
        format!("{:.2}", r.length.syllables_per_word)
    });
    row(&mut rows, "reading ease (Kandel-Moles)", &|r| {
        format!("{:.1}", r.length.flesch)
    });
    group(&mut rows, "coverage of the source, recall / F1");
    row(&mut rows, "ROUGE-1", &|r| {
        rf(Some(r.coverage.source.rouge1))
    });
    row(&mut rows, "ROUGE-2", &|r| {
        rf(Some(r.coverage.source.rouge2))
    });
    row(&mut rows, "ROUGE-L", &|r| rf(r.coverage.source.rouge_l));
    if c.reference.is_some() {
        group(&mut rows, "coverage of the reference, recall / F1");
        let refr = |r: &CandidateReport, k: usize| {
            r.coverage.reference.map_or("-".to_string(), |x| {
                rf([Some(x.rouge1), Some(x.rouge2), x.rouge_l][k])
            })
        };
        row(&mut rows, "ROUGE-1", &|r| refr(r, 0));
        row(&mut rows, "ROUGE-2", &|r| refr(r, 1));
        row(&mut rows, "ROUGE-L", &|r| refr(r, 2));
    }
    group(&mut rows, "faithfulness");
    row(&mut rows, "novel unigrams %", &|r| {
        pct(r.faithfulness.novel_unigrams)
    });
    row(&mut rows, "novel bigrams %", &|r| {
        pct(r.faithfulness.novel_bigrams)
    });
    row(&mut rows, "names not in the source", &|r| {
        r.faithfulness.new_names.len().to_string()
    });
    row(&mut rows, "numbers not in the source", &|r| {
        r.faithfulness.new_numbers.len().to_string()
    });
    row(&mut rows, "dates not in the source", &|r| {
        r.faithfulness.new_dates.len().to_string()
    });
    row(&mut rows, "quotations not word for word", &|r| {
        format!(
            "{} of {}",
            r.faithfulness.unmatched_quotations.len(),
            r.faithfulness.quotations
        )
    });
    group(&mut rows, "structure and SEO");
    row(&mut rows, "keyphrase", &|r| {
        format!("{} ({})", r.seo.keyphrase, r.seo.keyphrase_from)
    });
    row(&mut rows, "keyphrase in body / density %", &|r| {
        format!("{} / {:.2}", r.seo.keyphrase_count, r.seo.keyphrase_density)
    });
    row(&mut rows, "subheadings with keyphrase", &|r| {
        format!(
            "{} of {}",
            r.seo.keyphrase_subheadings,
            r.seo.subheadings.len()
        )
    });
    row(&mut rows, "SEO title / description chars", &|r| {
        let n = |s: &Option<String>| {
            s.as_ref()
                .map_or("-".to_string(), |t| t.chars().count().to_string())
        };
        format!("{} / {}", n(&r.seo.seo_title), n(&r.seo.description))
    });
    let names: Vec<&'static str> = c.candidates[0].seo.checks.iter().map(|k| k.name).collect();
    for (k, name) in names.iter().enumerate() {
        row(&mut rows, &format!("check {name}"), &|r| {
            r.seo.checks.get(k).map_or("-".to_string(), |x| match x.ok {
                Some(true) => "ok".to_string(),
                Some(false) => "FAIL".to_string(),
                None => "-".to_string(),
            })
        });
    }
    row(&mut rows, "checks passed", &|r| {
        let applicable = r.seo.checks.iter().filter(|x| x.ok.is_some()).count();
        let passed = r.seo.checks.iter().filter(|x| x.ok == Some(true)).count();
        format!("{passed} of {applicable}")
    });

    let width = |s: &str| s.chars().count();
    // Columns are headed by file names without their directories.
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
    for (label, values) in &rows {
        let _ = write!(out, "{label}");
        if !values.is_empty() {
            let _ = write!(out, "{:pad$}", "", pad = label_w - width(label));
            for (k, v) in values.iter().enumerate() {
                let _ = write!(out, "  {:>w$}", v, w = col_w[k]);
            }
        }
        out.push('\n');
    }
    // The lists behind the counts.
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
    out
}
