//! `refonte compare`: what a user checks in the table and its JSON — the
//! invented facts of a hand-made rewrite are listed, refonte's own rewrite
//! invents none, a candidate identical to the source covers all of it, bad
//! invocations and bad files get a one-line error and the right status.

use serde_json::Value;
use std::process::Output;

mod common;

const SOURCE: &str = "examples/article.txt";
const HAND: &str = "tests/fixtures/compare/article_hand.md";

fn refonte(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run(args, stdin.unwrap_or_default())
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["compare", "--format", "json"];
    all.extend_from_slice(args);
    let o = refonte(&all, None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON output")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn invented_number_name_and_quotation_are_listed() {
    let out = json(&["--source", SOURCE, HAND]);
    let f = &out["candidates"][0]["faithfulness"];
    // The hand rewrite gives the basin 175 hectares (the source: 120) and a
    // heading "55 hectares de plus"; it names a deputy the source never names.
    assert_eq!(strings(&f["new_numbers"]), ["175", "55"]);
    let names = strings(&f["new_names"]);
    assert!(names.contains(&"Julien Marchetti".to_string()), "{names:?}");
    // Names the source does write are not listed.
    for known in ["Claire Dufresne", "Bernard Gauthier", "Varennes", "Loire"] {
        assert!(
            !names.iter().any(|n| n.contains(known)),
            "{known} in {names:?}"
        );
    }
    // "rester calme" where the mayor said "rester sage".
    let quotes = strings(&f["unmatched_quotations"]);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert!(quotes[0].contains("rester calme"));
    assert_eq!(f["quotations"], 2);
    // Its own metadata is read and checked.
    let seo = &out["candidates"][0]["seo"];
    assert_eq!(seo["keyphrase"], "Noirval-sur-Loire");
    assert_eq!(seo["keyphrase_from"], "candidate");
    assert_eq!(seo["slug"], "noirval-sur-loire-plan-crues");
    assert_eq!(seo["subheadings"].as_array().unwrap().len(), 2);
}

#[test]
fn refonte_own_rewrite_invents_nothing() {
    let out = json(&["--source", SOURCE, "--with-refonte"]);
    let c = &out["candidates"][0];
    assert_eq!(c["name"], "refonte");
    let f = &c["faithfulness"];
    for list in [
        "new_names",
        "new_numbers",
        "new_dates",
        "unmatched_quotations",
    ] {
        assert!(
            f[list].as_array().unwrap().is_empty(),
            "{list}: {}",
            f[list]
        );
    }
    // Its body is made of source sentences: ROUGE-1 recall against the source is high.
    let r1 = c["coverage"]["source"]["rouge1"]["recall"]
        .as_f64()
        .unwrap();
    assert!(r1 > 0.9, "{r1}");
    assert!(c["length"]["words"].as_u64().unwrap() >= 700);
    assert!(c["length"]["sections"].as_u64().unwrap() >= 2);
}

#[test]
fn a_copy_of_the_source_covers_all_of_it() {
    let out = json(&["--source", SOURCE, "--reference", SOURCE, SOURCE]);
    let c = &out["candidates"][0];
    for against in ["source", "reference"] {
        for v in ["rouge1", "rouge2", "rouge_l"] {
            let r = &c["coverage"][against][v];
            assert_eq!(r["recall"].as_f64(), Some(1.0), "{against} {v}");
            assert_eq!(r["f1"].as_f64(), Some(1.0), "{against} {v}");
        }
    }
    assert_eq!(c["faithfulness"]["novel_unigrams"].as_f64(), Some(0.0));
    assert_eq!(c["faithfulness"]["novel_bigrams"].as_f64(), Some(0.0));
    // Its H1 is the source title: the check says so.
    let h1 = c["seo"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["name"] == "h1")
        .unwrap();
    assert_eq!(h1["ok"], false);
}

#[test]
fn table_has_one_column_per_candidate_and_lists_the_inventions() {
    let o = refonte(
        &["compare", "--source", SOURCE, "--with-refonte", HAND],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let header = out
        .lines()
        .find(|l| l.contains("article_hand.md"))
        .expect("a header line");
    assert!(header.contains("refonte"), "{header}");
    assert!(out.contains("ROUGE-L"));
    assert!(out.contains("reading ease"));
    assert!(
        out.lines()
            .any(|l| l.contains("number") && l.contains("175"))
    );
    assert!(
        out.lines()
            .any(|l| l.contains("name") && l.contains("Julien Marchetti"))
    );
    // Same inputs, same bytes.
    let again = refonte(
        &["compare", "--source", SOURCE, "--with-refonte", HAND],
        None,
    );
    assert_eq!(again.stdout, out.as_bytes());
}

#[test]
fn candidate_read_from_stdin() {
    let hand = std::fs::read(HAND).unwrap();
    let o = refonte(
        &[
            "compare",
            "--format",
            "json",
            "--input-format",
            "auto",
            "--source",
            SOURCE,
            "-",
        ],
        Some(&hand),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(out["candidates"][0]["name"], "-");
    assert_eq!(
        strings(&out["candidates"][0]["faithfulness"]["new_numbers"]),
        ["175", "55"]
    );
}

/// Arguments, standard input, exit status, words of the message.
type Case<'a> = (&'a [&'a str], Option<&'a [u8]>, i32, &'a str);

#[test]
fn bad_invocations_and_inputs_fail_with_one_line_and_a_status() {
    let cases: [Case; 5] = [
        (
            &["compare", "--source", "-", "-"],
            Some(b"x"),
            2,
            "only once",
        ),
        (&["compare", "--source", SOURCE], None, 2, "no candidate"),
        (
            &[
                "compare",
                "--source",
                SOURCE,
                "tests/fixtures/compare/missing.md",
            ],
            None,
            66,
            "missing.md",
        ),
        (
            &["compare", "--source", SOURCE, "-"],
            Some(b"\xff\xfe bad"),
            65,
            "-: the input is not valid UTF-8",
        ),
        (
            &["compare", "--source", SOURCE, "-"],
            Some(b"   \n\n "),
            65,
            "-: the input has no article text",
        ),
    ];
    for (args, stdin, status, message) in cases {
        let o = refonte(args, stdin);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(status), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn numbers_match_across_digits_and_words() {
    use refonte::Refonte;
    use refonte::compare::{self, CompareOptions, Named};
    let source = "Le chantier de la digue a duré cinq ans et coûté 3 millions d’euros, \
                  selon la maire, Claire Dufresne. Les habitants du quartier ont salué la fin des travaux.";
    let candidate = "Le chantier de la digue a duré 5 ans et coûté trois millions d’euros, \
                     selon la maire. Le préfet Paul Martin a visité le chantier pendant sept jours.";
    let out = compare::compare(
        &Refonte::default(),
        Named {
            name: "source.txt",
            bytes: source.as_bytes(),
        },
        None,
        &[Named {
            name: "candidat.txt",
            bytes: candidate.as_bytes(),
        }],
        &CompareOptions::default(),
    )
    .expect("comparison");
    let f = &out.candidates[0].faithfulness;
    // "5" is the source's "cinq", "trois" its "3"; "sept" is new.
    assert_eq!(f.new_numbers, ["sept"]);
    assert_eq!(f.new_names, ["Paul Martin"]);
}

#[test]
fn words_and_sections_are_refonte_own_count() {
    // A short source gets derived list sections (key points, who's who):
    // their items are body text, not subheadings.
    for source in [SOURCE, "tests/fixtures/articles/short.txt"] {
        let o = refonte(&["rewrite", "--format", "json", source], None);
        assert!(o.status.success());
        let own: Value = serde_json::from_slice(&o.stdout).unwrap();
        let out = json(&["--source", source, "--with-refonte"]);
        let length = &out["candidates"][0]["length"];
        assert_eq!(length["words"], own["word_count"], "{source}");
        assert_eq!(
            length["sections"].as_u64().unwrap() as usize,
            own["sections"].as_array().unwrap().len(),
            "{source}"
        );
    }
}

#[test]
fn keyphrase_option_applies_to_every_candidate() {
    let out = json(&[
        "--source",
        SOURCE,
        "--with-refonte",
        "--keyphrase",
        "Loire",
        HAND,
    ]);
    for c in out["candidates"].as_array().unwrap() {
        assert_eq!(c["seo"]["keyphrase"], "Loire");
        assert_eq!(c["seo"]["keyphrase_from"], "option");
    }
    // Without it, a candidate without metadata is held to refonte's choice for the source.
    let out = json(&["--source", SOURCE, SOURCE]);
    assert_eq!(out["candidates"][0]["seo"]["keyphrase_from"], "source");
}

mod properties {
    use proptest::prelude::*;
    use refonte::Refonte;
    use refonte::compare::{self, CompareOptions, Named};

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Le maire".to_string()),
            Just("« ".to_string()),
            Just(" »".to_string()),
            Just(". ".to_string()),
            Just("\n\n".to_string()),
            Just("## ".to_string()),
            Just("---\n".to_string()),
            Just("- ".to_string()),
            Just("<h2>".to_string()),
            Just("6 400".to_string()),
            Just("vingt-deux".to_string()),
            Just("l’État".to_string()),
            "[a-zéèàçô]{1,10}",
            "[A-Z][a-z]{1,8}",
            "[0-9]{1,4}",
            " ",
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..80).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Any source and candidate: no panic, and the same bytes twice.
        #[test]
        fn never_panics_and_is_deterministic(source in text(), candidate in text()) {
            let refonte = Refonte::default();
            let run = || {
                compare::compare(
                    &refonte,
                    Named { name: "source.txt", bytes: source.as_bytes() },
                    None,
                    &[Named { name: "candidat.md", bytes: candidate.as_bytes() }],
                    &CompareOptions { with_refonte: true, ..CompareOptions::default() },
                )
                .map(|c| (compare::table(&c), serde_json::to_string(&c).unwrap()))
                .map_err(|e| e.to_string())
            };
            let first = run();
            prop_assert_eq!(&first, &run());
            if let Ok((table, _)) = &first {
                prop_assert!(table.contains("candidat.md"));
            }
        }
    }
}
