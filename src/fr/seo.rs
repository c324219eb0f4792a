//! The limits of search metadata, in one place: what the framing aims at,
//! what `refonte compare` checks and what the review page shows.
//!
//! Lengths are counted in printed characters ([`printed_len`]: Unicode
//! scalar values of the typeset text, as Yoast and search engines count);
//! the SEO title also has a width in pixels ([`pixel_width`]).

/// Longest SEO title, in printed characters.
pub const SEO_TITLE_MAX_CHARS: usize = 60;
/// Widest SEO title, in pixels (search results cut at about 600).
pub const SEO_TITLE_MAX_PIXELS: f64 = 580.0;
/// Shortest meta description, in printed characters: Yoast rates 120 itself
/// as too short (its test is `length <= 120`).
pub const DESCRIPTION_MIN_CHARS: usize = 121;
/// Longest meta description, in printed characters.
pub const DESCRIPTION_MAX_CHARS: usize = 156;

/// The length of a typeset string, in printed characters.
pub fn printed_len(printed: &str) -> usize {
    printed.chars().count()
}

/// True when a typeset SEO title fits: at most [`SEO_TITLE_MAX_CHARS`]
/// characters and [`SEO_TITLE_MAX_PIXELS`] pixels, and not empty.
pub fn seo_title_fits(printed: &str) -> bool {
    let n = printed_len(printed);
    n > 0 && n <= SEO_TITLE_MAX_CHARS && pixel_width(printed) <= SEO_TITLE_MAX_PIXELS
}

/// True when a typeset meta description has a length search engines show
/// whole and Yoast rates good.
pub fn description_fits(printed: &str) -> bool {
    (DESCRIPTION_MIN_CHARS..=DESCRIPTION_MAX_CHARS).contains(&printed_len(printed))
}

/// The width of a string in a search result's title, in pixels: Arial at
/// 20 px, from its advance widths (in thousandths of an em), accents aside.
pub fn pixel_width(s: &str) -> f64 {
    let units: u32 = s
        .chars()
        .map(|c| match super::lexicon::strip_accent(c) {
            ' ' | '\u{a0}' | '\u{202f}' => 278,
            'f' | 't' | '.' | ',' | ':' | ';' | '!' | 'I' => 278,
            'i' | 'j' | 'l' | '’' | '\'' => 222,
            'r' | '-' | '(' | ')' => 333,
            'm' | 'M' => 833,
            'w' => 722,
            'W' => 944,
            'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' => 500,
            'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 722,
            'G' | 'O' | 'Q' => 778,
            'F' | 'T' | 'Z' => 611,
            'L' => 556,
            c if c.is_uppercase() => 667,
            _ => 556,
        })
        .sum();
    units as f64 * 20.0 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_the_printed_ones() {
        assert!(seo_title_fits(
            "Blinken a des discussions « constructives » en Chine"
        ));
        assert!(!seo_title_fits(""));
        assert!(!seo_title_fits(&"a".repeat(61)));
        // Sixty capitals are too wide for a result line.
        assert!(!seo_title_fits(&"M".repeat(60)));
        assert!(!description_fits(&"é".repeat(120)));
        assert!(description_fits(&"é".repeat(121)));
        assert!(description_fits(&"é".repeat(156)));
        assert!(!description_fits(&"é".repeat(157)));
    }

    #[test]
    fn accents_do_not_change_the_width() {
        assert_eq!(pixel_width("Été"), pixel_width("Ete"));
        assert_eq!(pixel_width(""), 0.0);
    }
}
