//! The Markdown renderer (SPEC §3): YAML front matter, `# H1`, the lead,
//! `## H2` sections.
//!
//! Front matter values are YAML double-quoted scalars, so any source text
//! (colons, `#`, quotes, a leading dash) stays a plain string. Body text is
//! escaped only where a character would change the rendering in CommonMark
//! or GitHub-flavoured Markdown; guillemets, apostrophes, accents and
//! no-break spaces are kept as they are.

use super::{Markdown, Render, paragraph_text};
use crate::model::Rewrite;
use std::fmt::Write;

impl Render for Markdown {
    fn render(&self, a: &Rewrite) -> String {
        let mut out = String::with_capacity(4096);
        front_matter(a, &mut out);
        out.push('\n');
        push_line(&mut out, &heading(1, &a.title));
        let lead = paragraph_text(&a.lead);
        if !lead.is_empty() {
            out.push('\n');
            push_line(&mut out, &block(&lead));
        }
        for s in &a.sections {
            // A section no heading fits, when no other has one either, runs
            // on after the lead: no empty `##`.
            if !s.heading.trim().is_empty() {
                out.push('\n');
                push_line(&mut out, &heading(2, &s.heading));
            }
            for p in &s.paragraphs {
                let text = paragraph_text(p);
                if text.is_empty() {
                    continue;
                }
                // List items are separated by blank lines too (a loose list):
                // every item stays its own paragraph for readers that count
                // paragraph length.
                out.push('\n');
                if s.list {
                    out.push_str("- ");
                }
                push_line(&mut out, &block(&text));
            }
        }
        out
    }
}

/// Pushes `line` and a newline.
fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

/// The YAML front matter, `---` lines included.
fn front_matter(a: &Rewrite, out: &mut String) {
    let keywords: Vec<String> = a.keywords.iter().map(|k| yaml_string(k)).collect();
    let fields: [(&str, String); 10] = [
        ("title", yaml_string(&a.title)),
        ("seo_title", yaml_string(&a.seo_title)),
        ("description", yaml_string(&a.description)),
        ("slug", yaml_string(&a.slug)),
        ("keyphrase", yaml_string(&a.keyphrase)),
        ("keywords", format!("[{}]", keywords.join(", "))),
        ("lang", yaml_string(a.lang)),
        ("word_count", a.word_count.to_string()),
        ("source_hash", yaml_string(&a.source_hash)),
        ("generator", yaml_string(&format!("refonte {}", a.version))),
    ];
    out.push_str("---\n");
    for (key, value) in fields {
        let _ = writeln!(out, "{key}: {value}");
    }
    out.push_str("---\n");
}

/// `s` as a YAML double-quoted scalar (YAML 1.1 and 1.2): `"` and `\`
/// escaped, every character YAML does not allow raw (C0 and C1 controls,
/// DEL, line and paragraph separators, BOM, U+FFFE/U+FFFF) written as an
/// escape; every other character, non-ASCII included, kept as UTF-8.
fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{B}' => out.push_str("\\v"),
            '\u{C}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1B}' => out.push_str("\\e"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c < ' ' || ('\u{7F}'..='\u{9F}').contains(&c) => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An ATX heading line of `level` `#`s. A trailing `#` of the text is
/// escaped so that it is not read as a closing sequence.
fn heading(level: usize, text: &str) -> String {
    let mut t = inline(text);
    if t.ends_with('#') {
        t.insert(t.len() - 1, '\\');
    }
    let line = format!("{} {t}", "#".repeat(level));
    line.trim_end().to_string()
}

/// A paragraph or list item: inline escapes, then the escapes of a line
/// start that would open a block (heading, quote, list, ordered list).
fn block(text: &str) -> String {
    let mut t = inline(text);
    match t.chars().next() {
        Some('#' | '>' | '-' | '+') => t.insert(0, '\\'),
        Some('0'..='9') => {
            // `2024. ` or `1) ` opens an ordered list: escape its delimiter.
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &t.as_bytes()[digits..];
            let opens = digits <= 9
                && matches!(rest.first(), Some(b'.' | b')'))
                && matches!(rest.get(1), None | Some(b' ' | b'\t'));
            if opens {
                t.insert(digits, '\\');
            }
        }
        _ => {}
    }
    t
}

/// Text escaped for a Markdown line: `*` `_` `` ` `` `[` `<` `~` get a
/// backslash; `\` gets one only before ASCII punctuation; `&` only where it
/// would start a character reference; line breaks become spaces; ASCII
/// white space at both ends is dropped.
fn inline(text: &str) -> String {
    let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '*' | '_' | '`' | '[' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => {
                if chars.peek().is_some_and(|&(_, n)| n.is_ascii_punctuation()) {
                    out.push('\\');
                }
                out.push('\\');
            }
            '&' => {
                if starts_reference(&text[i + 1..]) {
                    out.push('\\');
                }
                out.push('&');
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after an `&` makes it a character reference:
/// `name;`, `#123;` or `#x1F;`.
fn starts_reference(after: &str) -> bool {
    let (body, hex) = match after.strip_prefix('#') {
        Some(r) => match r.strip_prefix(['x', 'X']) {
            Some(h) => (h, Some(true)),
            None => (r, Some(false)),
        },
        None => (after, None),
    };
    let n = body
        .bytes()
        .take_while(|b| match hex {
            Some(true) => b.is_ascii_hexdigit(),
            Some(false) => b.is_ascii_digit(),
            None => b.is_ascii_alphanumeric(),
        })
        .count();
    n > 0 && n <= 32 && body.as_bytes().get(n) == Some(&b';')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::{sample, sent};

    /// The body: everything after the front matter's closing `---` line.
    fn body(md: &str) -> &str {
        let rest = md.strip_prefix("---\n").expect("front matter opens");
        let end = rest.find("\n---\n").expect("front matter closes");
        &rest[end + 5..]
    }

    #[test]
    fn whole_article() {
        let md = Markdown.render(&sample());
        let want = r#"---
title: "Budget municipal : la mairie vote une hausse des investissements"
seo_title: "Budget municipal : la hausse des investissements"
description: "Le budget municipal prévoit une hausse des investissements : les travaux de l’école commenceront en mars, selon la mairie."
slug: "budget-municipal-hausse-investissements"
keyphrase: "budget municipal"
keywords: ["investissements", "mairie"]
lang: "fr"
word_count: 52
source_hash: "ab12"
generator: "refonte 0.1.0"
---

# Budget municipal : la mairie vote une hausse des investissements

La mairie a voté le budget municipal mardi. Il prévoit une hausse des investissements.

## « Une année de chantiers »

Dans le détail, les travaux de l’école commenceront en mars.

Le maire a parlé d’« une année de chantiers ».

## Les points clés du budget municipal

- Hausse des investissements de 3,5 %.

- Travaux de l’école en mars.
"#;
        assert_eq!(md, want);
    }

    #[test]
    fn tricky_front_matter() {
        let mut a = sample();
        a.title = "- Alerte : « 100 % » #1 \"vrai\" C:\\temp\\x\ty".into();
        a.seo_title = "---".into();
        a.description = "a\nb\r\u{1}\u{85}\u{2028}\u{7f}\u{feff} é".into();
        a.keyphrase = "'oui' & [non] {x}: *y*".into();
        a.keywords = vec!["a, b".into(), "\"c\"".into(), "".into()];
        let md = Markdown.render(&a);
        let want = r#"---
title: "- Alerte : « 100 % » #1 \"vrai\" C:\\temp\\x\ty"
seo_title: "---"
description: "a\nb\r\x01\N\L\x7F\uFEFF é"
slug: "budget-municipal-hausse-investissements"
keyphrase: "'oui' & [non] {x}: *y*"
keywords: ["a, b", "\"c\"", ""]
lang: "fr"
word_count: 52
source_hash: "ab12"
generator: "refonte 0.1.0"
---
"#;
        assert!(md.starts_with(want), "{md}");
        // The H1 escapes what Markdown would read: the line stays a heading.
        assert!(
            body(&md).starts_with("\n# - Alerte : « 100 % » #1 \"vrai\" C:\\temp\\x\ty\n"),
            "{md}"
        );
    }

    #[test]
    fn yaml_strings() {
        let cases = [
            ("", r#""""#),
            ("plain", r#""plain""#),
            ("a: b # c", r#""a: b # c""#),
            ("« Ça »\u{a0}!", "\"« Ça »\u{a0}!\""),
            ("\\\"", r#""\\\"""#),
            (
                "\u{0}\u{7}\u{8}\u{b}\u{c}\u{1b}\u{1f}",
                r#""\0\a\b\v\f\e\x1F""#,
            ),
            ("\u{80}\u{9f}\u{a0}", "\"\\x80\\x9F\u{a0}\""),
            ("\u{2029}\u{fffe}\u{ffff}", r#""\P\uFFFE\uFFFF""#),
        ];
        for (input, want) in cases {
            assert_eq!(yaml_string(input), want, "{input:?}");
        }
    }

    #[test]
    fn block_escapes() {
        let cases = [
            (
                "Texte simple, « cité » et l’apostrophe.",
                "Texte simple, « cité » et l’apostrophe.",
            ),
            ("# Pas un titre", "\\# Pas un titre"),
            ("#hashtag", "\\#hashtag"),
            ("> pas une citation", "\\> pas une citation"),
            ("- pas une liste", "\\- pas une liste"),
            ("-5 % sur un an", "\\-5 % sur un an"),
            ("+ 3 points", "\\+ 3 points"),
            ("* étoile", "\\* étoile"),
            ("1. premier", "1\\. premier"),
            ("2024. Une année", "2024\\. Une année"),
            ("3) trois", "3\\) trois"),
            ("1.200 euros", "1.200 euros"),
            ("3,5 % de hausse", "3,5 % de hausse"),
            ("1234567890. dix chiffres", "1234567890. dix chiffres"),
            (
                "a *b* _c_ `d` [e](f) <g> ~~h~~",
                r"a \*b\* \_c\_ \`d\` \[e](f) \<g> \~\~h\~\~",
            ),
            ("<script>alert(1)</script>", r"\<script>alert(1)\</script>"),
            ("C:\\dir et \\* et \\n", r"C:\dir et \\\* et \n"),
            (
                "AT&T &amp; &#233; &#x41; &x",
                r"AT&T \&amp; \&#233; \&#x41; &x",
            ),
            ("un\ndeux\r\ntrois", "un deux  trois"),
            ("   # indenté", "\\# indenté"),
            ("\u{a0}garde l’espace", "\u{a0}garde l’espace"),
        ];
        for (input, want) in cases {
            assert_eq!(block(input), want, "{input:?}");
        }
    }

    #[test]
    fn heading_escapes() {
        let cases = [
            (2, "Le budget", "## Le budget"),
            (2, "Numéro #", "## Numéro \\#"),
            (2, "#", "## \\#"),
            (1, "C# et *F*", "# C# et \\*F\\*"),
            (2, "", "##"),
        ];
        for (level, input, want) in cases {
            assert_eq!(heading(level, input), want, "{input:?}");
        }
    }

    #[test]
    fn a_section_without_heading_prints_no_empty_heading() {
        let mut a = sample();
        a.sections[0].heading.clear();
        let md = Markdown.render(&a);
        assert!(!body(&md).lines().any(|l| l.trim() == "##"), "{md}");
        assert!(md.contains(&paragraph_text(&a.sections[0].paragraphs[0])));
    }

    #[test]
    fn one_h1_whatever_the_text() {
        let mut a = sample();
        a.lead = vec![sent("# Faux titre"), sent("suite.")];
        a.sections[0].heading = "# Faux titre aussi".into();
        a.sections[0].paragraphs = vec![vec![sent("# encore")], vec![sent("#\tet encore")]];
        a.sections[1].paragraphs = vec![vec![sent("# dans une liste")]];
        let md = Markdown.render(&a);
        let h1 = body(&md).lines().filter(|l| l.starts_with("# ")).count();
        assert_eq!(h1, 1, "{md}");
        assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
    }

    #[test]
    fn list_sections() {
        let mut a = sample();
        a.sections[1].paragraphs = vec![
            vec![sent("Premier point."), sent("Sa suite.")],
            vec![sent("- Deuxième point.")],
            vec![sent("1. Troisième point.")],
            vec![sent(" ")],
        ];
        let md = Markdown.render(&a);
        let tail = md
            .split("## Les points clés du budget municipal\n")
            .nth(1)
            .unwrap();
        assert_eq!(
            tail,
            "\n- Premier point. Sa suite.\n\n- \\- Deuxième point.\n\n- 1\\. Troisième point.\n"
        );
        // A prose section prints no bullets.
        assert!(!md.contains("- Dans le détail"));
    }

    #[test]
    fn empty_lead_and_section() {
        let mut a = sample();
        a.lead.clear();
        a.sections.truncate(1);
        a.sections[0].paragraphs.clear();
        let md = Markdown.render(&a);
        assert!(md.ends_with(
            "---\n\n# Budget municipal : la mairie vote une hausse des investissements\n\n## « Une année de chantiers »\n"
        ));
    }
}
