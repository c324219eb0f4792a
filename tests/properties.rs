//! Property tests: whatever the input, no panic, the same output twice, and
//! every span inside the input, on character boundaries, cutting the text
//! the sentence was read from.

use proptest::prelude::*;
use refonte::Refonte;
use refonte::batch::{self, Task};
use refonte::input::{self, Article, Format};
use refonte::summarize::Length;

/// French-looking text: words, punctuation, guillemets, apostrophes, numbers,
/// abbreviations, blank lines, markup.
fn french_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Le".to_string()),
        Just("ministre".to_string()),
        Just("M.".to_string()),
        Just("Mme".to_string()),
        Just("l'État".to_string()),
        Just("aujourd’hui".to_string()),
        Just("« ".to_string()),
        Just(" »".to_string()),
        Just("»".to_string()),
        Just("\"".to_string()),
        Just(". ".to_string()),
        Just("... ".to_string()),
        Just(" ? ".to_string()),
        Just(", ".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("1 200".to_string()),
        Just("3,5 %".to_string()),
        Just("J.-C.".to_string()),
        Just("Source link -57".to_string()),
        Just("<p>".to_string()),
        Just("## ".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{a0}".to_string()),
        Just("AFP.Aucune".to_string()),
        "[a-zéèàçô]{1,10}",
        "[A-Z][a-z]{1,8}",
        " ",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn check(text: &str, format: Format) -> Result<(), TestCaseError> {
    let refonte = Refonte::default();
    let article = Article {
        text: text.to_string(),
        format,
        ..Article::default()
    };
    let first = refonte.summarize(&article, Length::Sentences(3));
    let second = refonte.summarize(&article, Length::Sentences(3));
    prop_assert_eq!(&first, &second);
    let Ok(doc) = refonte.document(&article) else {
        return Ok(());
    };
    for (i, s) in doc.seg.sentences.iter().enumerate() {
        let (a, b) = doc.source_span(s.span);
        prop_assert!(a <= b && b <= text.len(), "span {a}..{b} of {}", text.len());
        prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        prop_assert!(!doc.sentence_text(i).is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string_is_answered_without_panic(s in "\\PC{0,300}") {
        check(&s, Format::Auto)?;
    }

    #[test]
    fn french_like_text(s in french_like()) {
        check(&s, Format::Text)?;
        check(&s, Format::Markdown)?;
        check(&s, Format::Html)?;
    }

    #[test]
    fn rewrite_answers_any_french_like_text(s in french_like()) {
        let refonte = Refonte::default();
        let article = Article { text: s.clone(), format: Format::Text, ..Article::default() };
        let first = refonte.rewrite(&article);
        let second = refonte.rewrite(&article);
        prop_assert_eq!(&first, &second);
        if let Ok(out) = first {
            for so in out.lead.iter().chain(out.sections.iter().flat_map(|x| x.paragraphs.iter().flatten())) {
                if let Some([a, b]) = so.source_span {
                    prop_assert!(a <= b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b));
                }
            }
            let n = out.seo_title.chars().count();
            prop_assert!(n <= 60, "SEO title of {} characters", n);
        }
    }

    #[test]
    fn spans_shift_with_a_leading_byte(s in french_like()) {
        // A record shifted by one leading byte has every span shifted by one.
        let refonte = Refonte::default();
        let plain = Article { text: s.clone(), format: Format::Text, ..Article::default() };
        let shifted = Article { text: format!(" {s}"), format: Format::Text, ..Article::default() };
        match (refonte.summarize(&plain, Length::Sentences(5)), refonte.summarize(&shifted, Length::Sentences(5))) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.sentences.len(), b.sentences.len());
                for (x, y) in a.sentences.iter().zip(&b.sentences) {
                    let [xa, xb] = x.source_span.unwrap();
                    let [ya, yb] = y.source_span.unwrap();
                    prop_assert_eq!((xa + 1, xb + 1), (ya, yb));
                    prop_assert_eq!(&x.text, &y.text);
                }
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "one failed: {a:?} / {b:?}"),
        }
    }
}

/// Every source span of a rewrite, in print order.
fn rewrite_spans(out: &refonte::model::Rewrite) -> Vec<([usize; 2], String)> {
    out.lead
        .iter()
        .chain(
            out.sections
                .iter()
                .flat_map(|x| x.paragraphs.iter().flatten()),
        )
        .filter_map(|so| so.source_span.map(|sp| (sp, so.text.clone())))
        .collect()
}

fn batch_tasks() -> [Task; 2] {
    [
        Task::Summarize(Length::Sentences(3)),
        Task::Rewrite {
            min_words: Some(100),
            base_url: None,
        },
    ]
}

/// One batch line: one JSON object on one line, the same twice, never an
/// internal error, spans inside the record's text.
fn check_line(refonte: &Refonte, line: &[u8], text: Option<&str>) -> Result<(), TestCaseError> {
    for task in batch_tasks() {
        let (json, ok) = batch::process_line(refonte, line, 7, &task);
        prop_assert_eq!(
            (&json, ok),
            (&batch::process_line(refonte, line, 7, &task).0, ok)
        );
        prop_assert!(!json.contains('\n'));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(v["ok"].as_bool(), Some(ok));
        if !ok {
            prop_assert_eq!(v["line"].as_u64(), Some(7));
            let code = v["code"].as_str().unwrap_or("");
            prop_assert!(!code.is_empty() && code != "internal", "{}", json);
        } else if let Some(text) = text {
            let sentences = v["sentences"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(v["lead"].as_array().into_iter().flatten());
            for s in sentences {
                if let Some(sp) = s["source_span"].as_array() {
                    let (a, b) = (
                        sp[0].as_u64().unwrap() as usize,
                        sp[1].as_u64().unwrap() as usize,
                    );
                    prop_assert!(a <= b && b <= text.len());
                    prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_are_answered_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..1500)) {
        // As a whole input: decoded or refused, then the whole pipeline.
        if let Ok(text) = input::decode(&bytes) {
            check(text, Format::Auto)?;
            let refonte = Refonte::builder().force(true).build();
            let article = Article { text: text.to_string(), ..Article::default() };
            prop_assert_eq!(refonte.rewrite(&article), refonte.rewrite(&article));
        }
        // As a batch line.
        let refonte = Refonte::builder().force(true).build();
        check_line(&refonte, &bytes, None)?;
    }

    #[test]
    fn arbitrary_records_are_answered_without_panic(
        s in french_like(),
        id in prop_oneof![Just(serde_json::json!(1)), Just(serde_json::json!("a\"b")), Just(serde_json::Value::Null)],
        junk in "[\\[\\]{}\",:0-9a-z ]{0,40}",
    ) {
        let refonte = Refonte::builder().force(true).build();
        let line = serde_json::json!({"id": id, "text": s, "title": "Le budget"}).to_string();
        check_line(&refonte, line.as_bytes(), Some(&s))?;
        // The same record cut short or with junk appended is refused, never a panic.
        let cut = &line.as_bytes()[..line.len() / 2];
        check_line(&refonte, cut, None)?;
        check_line(&refonte, format!("{line}{junk}").as_bytes(), None)?;
        check_line(&refonte, format!("{{\"text\": {junk}}}").as_bytes(), None)?;
    }

    #[test]
    fn rewrite_spans_shift_with_a_leading_byte(s in french_like()) {
        let refonte = Refonte::builder().force(true).build();
        let plain = Article { text: s.clone(), format: Format::Text, min_words: Some(150), ..Article::default() };
        let shifted = Article { text: format!(" {s}"), format: Format::Text, min_words: Some(150), ..Article::default() };
        match (refonte.rewrite(&plain), refonte.rewrite(&shifted)) {
            (Ok(a), Ok(b)) => {
                let (a, b) = (rewrite_spans(&a), rewrite_spans(&b));
                prop_assert_eq!(a.len(), b.len());
                for (([xa, xb], xt), ([ya, yb], yt)) in a.iter().zip(&b) {
                    prop_assert_eq!((xa + 1, xb + 1), (*ya, *yb));
                    prop_assert_eq!(xt, yt);
                }
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "one failed: {a:?} / {b:?}"),
        }
    }
}

#[test]
fn a_batch_record_shifted_by_one_byte_has_every_span_shifted_by_one() {
    let good = std::fs::read_to_string("tests/fixtures/batch.jsonl").unwrap();
    let refonte = Refonte::default();
    for line in good.lines() {
        let mut rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = rec["text"].as_str().unwrap().to_string();
        for task in batch_tasks() {
            let spans = |rec: &serde_json::Value| -> Vec<(u64, u64)> {
                let (json, ok) =
                    batch::process_line(&refonte, rec.to_string().as_bytes(), 1, &task);
                assert!(ok, "{json}");
                let v: serde_json::Value = serde_json::from_str(&json).unwrap();
                let mut out = Vec::new();
                let mut visit = vec![&v];
                while let Some(x) = visit.pop() {
                    match x {
                        serde_json::Value::Object(m) => {
                            if let Some(sp) = m.get("source_span").and_then(|s| s.as_array()) {
                                out.push((sp[0].as_u64().unwrap(), sp[1].as_u64().unwrap()));
                            }
                            visit.extend(m.values());
                        }
                        serde_json::Value::Array(a) => visit.extend(a),
                        _ => {}
                    }
                }
                out.sort_unstable();
                out
            };
            rec["text"] = serde_json::json!(text);
            let plain = spans(&rec);
            rec["text"] = serde_json::json!(format!(" {text}"));
            let shifted = spans(&rec);
            assert!(!plain.is_empty());
            assert_eq!(
                plain
                    .iter()
                    .map(|&(a, b)| (a + 1, b + 1))
                    .collect::<Vec<_>>(),
                shifted
            );
        }
    }
}

#[test]
fn printed_sentences_are_the_spans_they_claim() {
    // Cleaning changes apostrophes, guillemets and spaces, never words: the
    // span cut from the input is the printed sentence up to those.
    let input = std::fs::read_to_string("tests/fixtures/articles/quotes.txt").unwrap();
    let refonte = Refonte::default();
    let article = Article {
        text: input.clone(),
        ..Article::default()
    };
    let summary = refonte.summarize(&article, Length::Sentences(100)).unwrap();
    let norm = |s: &str| {
        s.replace(['’', '\''], "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(summary.sentences.len() > 20);
    for s in &summary.sentences {
        let [a, b] = s.source_span.unwrap();
        assert_eq!(norm(&input[a..b]), norm(&s.text));
    }
}
