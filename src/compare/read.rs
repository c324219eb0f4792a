//! A candidate (or the source, or the reference) as compare reads it: its
//! body paragraphs by section, its subheadings, its body sentences and its
//! printed text, whatever its format.

use super::{InputError, Named, named};
use crate::Refonte;
use crate::document::Document;
use crate::error::Result;
use crate::input::{self, Article, Format, Metadata};
use crate::model::Rewrite;
use crate::render::{Markdown, Render};
use crate::rouge;
use crate::segment::ParagraphKind;

/// An input read and analysed.
pub(super) struct Read {
    pub(super) doc: Document,
    pub(super) meta: Metadata,
    /// Markdown and HTML say which paragraphs are headings; in plain text a
    /// short line without final punctuation reads as one.
    explicit_headings: bool,
}

impl Read {
    /// Reads and analyses one input; an error names the input.
    pub(super) fn input(
        refonte: &Refonte,
        input: Named,
        format: Format,
    ) -> std::result::Result<Read, InputError> {
        let (article, meta) =
            input::read(input.name, input.bytes, format).map_err(named(input.name))?;
        Read::article(refonte, &article, meta).map_err(named(input.name))
    }

    /// Analyses an article read with its metadata.
    pub(super) fn article(refonte: &Refonte, article: &Article, meta: Metadata) -> Result<Read> {
        Ok(Read {
            doc: refonte.document(article)?,
            meta,
            explicit_headings: matches!(article.format, Format::Markdown | Format::Html),
        })
    }

    /// refonte's own rewrite as a candidate: its Markdown, and the metadata
    /// it carries.
    pub(super) fn rewrite(refonte: &Refonte, own: &Rewrite) -> Result<Read> {
        let article = Article {
            text: Markdown.render(own),
            format: Format::Markdown,
            ..Article::default()
        };
        let meta = Metadata {
            seo_title: Some(own.seo_title.clone()),
            description: Some(own.description.clone()),
            slug: Some(own.slug.clone()),
            keyphrase: Some(own.keyphrase.clone()),
        };
        Read::article(refonte, &article, meta)
    }

    /// True when paragraph `p` is a heading (the title's included): marked as
    /// one in Markdown and HTML (a list item of a few words is not), read as
    /// one in plain text.
    fn is_heading(&self, p: usize) -> bool {
        let para = &self.doc.seg.paragraphs[p];
        if para.kind != ParagraphKind::Heading {
            return false;
        }
        !self.explicit_headings
            || self.doc.text[..para.span.start as usize].ends_with(input::HEADING_MARK)
            || Some(p) == self.doc.title_paragraph
    }

    /// The paragraph that holds the title: the document's own finding, or a
    /// first heading that says the title with other spaces (a Markdown `# H1`
    /// after a front matter `title`, typeset with no-break spaces).
    fn title_paragraph(&self) -> Option<usize> {
        let doc = &self.doc;
        if doc.title_paragraph.is_some() {
            return doc.title_paragraph;
        }
        let first = doc.seg.paragraphs.first()?;
        let title = doc.title.as_deref()?;
        let text = first
            .span
            .of(&doc.text)
            .trim_start_matches(input::HEADING_MARK);
        (first.kind == ParagraphKind::Heading && rouge::tokens(text) == rouge::tokens(title))
            .then_some(0)
    }

    /// Body paragraphs with the index of the section they belong to (`None`: the lead).
    pub(super) fn paragraphs(&self) -> Vec<(Option<usize>, String)> {
        let doc = &self.doc;
        let mut out: Vec<(Option<usize>, String)> = Vec::new();
        let mut section: Option<usize> = None;
        let mut last_para = usize::MAX;
        let title_paragraph = self.title_paragraph();
        for (i, s) in doc.seg.sentences.iter().enumerate() {
            let p = s.paragraph;
            if Some(p) == title_paragraph {
                continue;
            }
            if self.is_heading(p) {
                if p != last_para {
                    section = Some(section.map_or(0, |k| k + 1));
                    last_para = p;
                }
                continue;
            }
            let text = doc.sentence_text(i);
            if p == last_para {
                if let Some((_, t)) = out.last_mut() {
                    t.push(' ');
                    t.push_str(&text);
                }
            } else {
                out.push((section, text));
                last_para = p;
            }
        }
        out
    }

    /// Subheadings (heading paragraphs other than the title), in order.
    pub(super) fn headings(&self) -> Vec<String> {
        let doc = &self.doc;
        let title_paragraph = self.title_paragraph();
        doc.seg
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(k, _)| self.is_heading(*k) && Some(*k) != title_paragraph)
            .map(|(_, p)| {
                p.span
                    .of(&doc.text)
                    .trim_start_matches(input::HEADING_MARK)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|h| !h.is_empty())
            .collect()
    }

    /// Body sentences, in order.
    pub(super) fn body_sentences(&self) -> Vec<String> {
        let title_paragraph = self.title_paragraph();
        let seg = &self.doc.seg;
        (0..seg.sentences.len())
            .filter(|&i| {
                let p = seg.sentences[i].paragraph;
                !self.is_heading(p) && Some(p) != title_paragraph
            })
            .map(|i| self.doc.sentence_text(i))
            .collect()
    }

    /// ROUGE tokens of the body.
    pub(super) fn body_tokens(&self) -> Vec<String> {
        rouge::tokens(&self.body_sentences().join("\n"))
    }

    /// Title, subheadings and body paragraphs: every piece of printed text.
    pub(super) fn printed(&self) -> Vec<String> {
        let mut out: Vec<String> = self.doc.title.iter().cloned().collect();
        out.extend(self.headings());
        out.extend(self.paragraphs().into_iter().map(|(_, t)| t));
        out
    }
}
