//! Byte offsets from a derived text back to the text it was made from.
//!
//! Every stage that rewrites characters (markup extraction, NFC, cleaning)
//! builds its output with a [`TextBuilder`], which records where each piece
//! came from. The resulting [`OffsetMap`] turns a span of the derived text
//! into the span of the original that produced it, so that a sentence found
//! in cleaned text can still be cut, byte for byte, out of the input as given.

/// One run of derived text and the original bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Start of the run in the derived text.
    text_start: u32,
    /// Start of the run in the original text.
    orig_start: u32,
    /// Length of the run in the derived text.
    text_len: u32,
    /// Length of the original bytes it replaces (equal to `text_len` when linear).
    orig_len: u32,
    /// A linear run is a verbatim copy: byte `k` of the run is byte `k` of the original.
    linear: bool,
}

/// Maps byte offsets of a derived text to byte offsets of its original.
///
/// Offsets that fall inside a replaced run map to the start of the run's
/// original bytes (for a span start) or to their end (for a span end), so a
/// mapped span always covers everything that produced the derived span.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    text_len: u32,
    orig_len: u32,
}

impl OffsetMap {
    /// The identity map over a text of `len` bytes.
    pub fn identity(len: usize) -> OffsetMap {
        let len = len as u32;
        OffsetMap {
            segments: vec![Segment {
                text_start: 0,
                orig_start: 0,
                text_len: len,
                orig_len: len,
                linear: true,
            }],
            text_len: len,
            orig_len: len,
        }
    }

    /// Ranges of the derived text that stand for no original bytes (insertions).
    pub fn inserted(&self) -> Vec<(usize, usize)> {
        self.segments
            .iter()
            .filter(|s| !s.linear && s.orig_len == 0 && s.text_len > 0)
            .map(|s| (s.text_start as usize, (s.text_start + s.text_len) as usize))
            .collect()
    }

    /// True when every derived byte is the original byte at the same offset.
    pub fn is_identity(&self) -> bool {
        self.text_len == self.orig_len
            && self
                .segments
                .iter()
                .all(|s| s.linear && s.text_start == s.orig_start)
    }

    /// Maps the start of a derived span to the original.
    pub fn start(&self, pos: usize) -> usize {
        let pos = pos as u32;
        if pos >= self.text_len {
            return self.orig_end_of_all() as usize;
        }
        // The segment with text_start <= pos < text_start + text_len.
        let i = self.segments.partition_point(|s| s.text_start <= pos) - 1;
        let s = &self.segments[i];
        let mapped = if s.linear {
            s.orig_start + (pos - s.text_start)
        } else {
            s.orig_start
        };
        mapped as usize
    }

    /// Maps the end of a derived span to the original.
    pub fn end(&self, pos: usize) -> usize {
        let pos = pos as u32;
        if pos == 0 {
            return self.segments.first().map_or(0, |s| s.orig_start) as usize;
        }
        let pos = pos.min(self.text_len);
        // The segment with text_start < pos <= text_start + text_len.
        let i = self.segments.partition_point(|s| s.text_start < pos) - 1;
        let s = &self.segments[i];
        let mapped = if s.linear {
            s.orig_start + (pos - s.text_start)
        } else {
            s.orig_start + s.orig_len
        };
        mapped as usize
    }

    fn orig_end_of_all(&self) -> u32 {
        self.segments
            .last()
            .map_or(0, |s| s.orig_start + s.orig_len)
    }
}

/// Builds a derived text together with its [`OffsetMap`].
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    segments: Vec<Segment>,
    orig_len: u32,
}

impl TextBuilder {
    /// A builder for text derived from an original of `orig_len` bytes.
    pub fn new(orig_len: usize, capacity: usize) -> TextBuilder {
        TextBuilder {
            text: String::with_capacity(capacity),
            segments: Vec::new(),
            orig_len: orig_len as u32,
        }
    }

    /// The text built so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `s`, a verbatim copy of the original bytes starting at `orig_start`.
    pub fn copy(&mut self, orig_start: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        let text_start = self.text.len() as u32;
        let orig_start = orig_start as u32;
        let len = s.len() as u32;
        self.text.push_str(s);
        if let Some(last) = self.segments.last_mut()
            && last.linear
            && last.orig_start + last.orig_len == orig_start
            && last.text_start + last.text_len == text_start
        {
            last.text_len += len;
            last.orig_len += len;
            return;
        }
        self.segments.push(Segment {
            text_start,
            orig_start,
            text_len: len,
            orig_len: len,
            linear: true,
        });
    }

    /// Appends `s` in place of the original bytes `orig_start..orig_end`.
    pub fn replace(&mut self, orig_start: usize, orig_end: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        let text_start = self.text.len() as u32;
        self.text.push_str(s);
        self.segments.push(Segment {
            text_start,
            orig_start: orig_start as u32,
            text_len: s.len() as u32,
            orig_len: (orig_end - orig_start) as u32,
            linear: false,
        });
    }

    /// Appends `s`, which stands for no original bytes, at original offset `orig_pos`.
    pub fn insert(&mut self, orig_pos: usize, s: &str) {
        self.replace(orig_pos, orig_pos, s);
    }

    /// Removes trailing characters of the built text that satisfy `pred`.
    pub fn trim_end_matches(&mut self, pred: impl Fn(char) -> bool) {
        let keep = self.text.trim_end_matches(&pred).len();
        self.truncate(keep);
    }

    /// Cuts the built text back to `len` bytes (a character boundary).
    pub fn truncate(&mut self, len: usize) {
        let keep = len.min(self.text.len()) as u32;
        self.text.truncate(keep as usize);
        while let Some(last) = self.segments.last_mut() {
            if last.text_start >= keep {
                self.segments.pop();
            } else {
                let end = last.text_start + last.text_len;
                if end > keep {
                    let cut = end - keep;
                    last.text_len -= cut;
                    if last.linear {
                        last.orig_len -= cut;
                    }
                }
                break;
            }
        }
    }

    /// The last character built, if any.
    pub fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    /// Finishes the text and its map.
    pub fn finish(self) -> (String, OffsetMap) {
        let text_len = self.text.len() as u32;
        let mut segments = self.segments;
        if segments.is_empty() {
            segments.push(Segment {
                text_start: 0,
                orig_start: 0,
                text_len: 0,
                orig_len: 0,
                linear: true,
            });
        }
        (
            self.text,
            OffsetMap {
                segments,
                text_len,
                orig_len: self.orig_len,
            },
        )
    }
}

/// A chain of maps, innermost (closest to the original input) first.
#[derive(Debug, Clone, Default)]
pub struct MapChain {
    maps: Vec<OffsetMap>,
}

impl MapChain {
    /// Adds the map of a further derivation (applied after all earlier ones).
    pub fn push(&mut self, map: OffsetMap) {
        if !map.is_identity() {
            self.maps.push(map);
        }
    }

    /// Maps a span of the last derived text to the original input.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let (mut s, mut e) = (start, end);
        for map in self.maps.iter().rev() {
            let ns = map.start(s);
            let ne = map.end(e);
            s = ns;
            e = ne.max(ns);
        }
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_every_offset_to_itself() {
        let m = OffsetMap::identity(10);
        for i in 0..=10 {
            assert_eq!(m.start(i), i.min(10));
            assert_eq!(m.end(i), i);
        }
    }

    #[test]
    fn replaced_run_maps_to_its_whole_original() {
        // original: "l'AFP" -> derived "l’AFP" (apostrophe of 1 byte becomes 3 bytes)
        let orig = "l'AFP";
        let mut b = TextBuilder::new(orig.len(), 8);
        b.copy(0, "l");
        b.replace(1, 2, "’");
        b.copy(2, "AFP");
        let (text, map) = b.finish();
        assert_eq!(text, "l’AFP");
        assert_eq!(map.start(0), 0);
        assert_eq!(map.start(4), 2); // 'A'
        assert_eq!(map.end(text.len()), orig.len());
        assert_eq!(map.start(2), 1); // inside the apostrophe
        assert_eq!(map.end(2), 2);
    }

    #[test]
    fn deleted_original_bytes_are_skipped() {
        let orig = "ab<i>cd";
        let mut b = TextBuilder::new(orig.len(), 8);
        b.copy(0, "ab");
        b.copy(5, "cd");
        let (text, map) = b.finish();
        assert_eq!(text, "abcd");
        assert_eq!((map.start(2), map.end(4)), (5, 7));
        assert_eq!(map.end(2), 2);
    }

    #[test]
    fn chain_composes_in_order() {
        let mut b1 = TextBuilder::new(6, 6);
        b1.copy(2, "abcd");
        let (t1, m1) = b1.finish();
        let mut b2 = TextBuilder::new(t1.len(), 6);
        b2.copy(1, "bcd");
        let (_, m2) = b2.finish();
        let mut chain = MapChain::default();
        chain.push(m1);
        chain.push(m2);
        assert_eq!(chain.span(0, 3), (3, 6));
    }

    #[test]
    fn trim_end_drops_segments() {
        let mut b = TextBuilder::new(10, 10);
        b.copy(0, "abc  ");
        b.insert(5, "\n");
        b.trim_end_matches(char::is_whitespace);
        let (text, map) = b.finish();
        assert_eq!(text, "abc");
        assert_eq!(map.end(3), 3);
    }
}
