//! Property tests: whatever the input, no panic, the same output twice, and
//! every span inside the input, on character boundaries, cutting the text
//! the sentence was read from.

use proptest::prelude::*;
use refonte::Refonte;
use refonte::input::{Article, Format};
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
