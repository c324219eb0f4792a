//! The whole pipeline under arbitrary bytes: reading, cleaning, segmenting,
//! analysing, ranking, summarizing, rewriting and rendering, and one batch
//! line. The first byte picks the input format and the typography.
//!
//! Checked on every input: no panic; the same answer twice; every span
//! inside the input and on character boundaries; the HTML page has exactly
//! one `<script` (the JSON-LD block), whatever the source holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use refonte::Refonte;
use refonte::batch::{self, Task};
use refonte::fr::Typography;
use refonte::input::{self, Article, Format};
use refonte::render::{Html, Markdown, Render};
use refonte::rewrite::RewriteOptions;
use refonte::summarize::Length;
use std::sync::OnceLock;

fn engines() -> &'static [Refonte; 2] {
    static E: OnceLock<[Refonte; 2]> = OnceLock::new();
    E.get_or_init(|| {
        let make = |typography| {
            Refonte::builder()
                .force(true)
                .rewrite_options(RewriteOptions {
                    typography,
                    ..RewriteOptions::default()
                })
                .build()
        };
        [make(Typography::French), make(Typography::Plain)]
    })
}

fn check_span(span: Option<[usize; 2]>, text: &str) {
    if let Some([a, b]) = span {
        assert!(a <= b && b <= text.len(), "span {a}..{b} of {}", text.len());
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let refonte = &engines()[(mode >> 7) as usize];
    if mode & 0x7 == 7 {
        // One batch line, summarized and rewritten.
        for task in [
            Task::Summarize(Length::Sentences(3)),
            Task::Rewrite {
                min_words: Some(50),
                base_url: None,
            },
        ] {
            let a = batch::process_line(refonte, rest, 1, &task);
            let b = batch::process_line(refonte, rest, 1, &task);
            assert_eq!(a, b);
            assert!(!a.0.contains('\n'));
            assert!(!a.0.contains("\"code\":\"internal\""), "{}", a.0);
        }
        return;
    }
    let Ok(text) = input::decode(rest) else {
        return;
    };
    let format = match mode & 0x7 {
        0 => Format::Auto,
        1 => Format::Text,
        2 => Format::Markdown,
        3 => Format::Html,
        _ => Format::Text,
    };
    let article = Article {
        text: text.to_string(),
        format,
        min_words: Some(((mode >> 3) & 0xf) as usize * 40),
        ..Article::default()
    };
    let summary = refonte.summarize(&article, Length::Words(60));
    assert_eq!(summary, refonte.summarize(&article, Length::Words(60)));
    if let Ok(s) = &summary {
        for so in &s.sentences {
            check_span(so.source_span, text);
        }
    }
    let rewrite = refonte.rewrite(&article);
    assert_eq!(rewrite, refonte.rewrite(&article));
    if let Ok(out) = &rewrite {
        for so in out.lead.iter().chain(
            out.sections
                .iter()
                .flat_map(|x| x.paragraphs.iter().flatten()),
        ) {
            check_span(so.source_span, text);
        }
        let _ = Markdown.render(out);
        let page = Html::default().render(out);
        assert_eq!(
            page.to_ascii_lowercase().matches("<script").count(),
            1,
            "source text opened or closed a script"
        );
        assert_eq!(page.to_ascii_lowercase().matches("</script").count(), 1);
        let _ = refonte::render::json(out, &Html::default(), None, false);
    }
});
