//! Typing slips of source sentences (`20%`, `disant:`, `...`).

/// True when a source sentence carries a typing slip that refonte may not
/// correct in it (provenance keeps it as written) and that a key point would
/// print a second time: `1.000` for `1 000`, `--` for a dash, `...`, a
/// comma before a closing guillemet, `20%`, `1er`, an unaccented capital
/// (`Etat`), a straight double quote, a colon or semicolon glued to the
/// word before (`disant:`), an hour or unit glued to its number (`17h`).
pub fn has_slips(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let dotted_thousands = (1..b.len()).any(|k| {
        b[k] == b'.'
            && digit(k - 1)
            && digit(k + 1)
            && digit(k + 2)
            && digit(k + 3)
            && !digit(k + 4)
    });
    let glued_percent = (1..b.len()).any(|k| b[k] == b'%' && digit(k - 1));
    // `disant: « …`: a mark Grammalecte wants a space before, where the
    // source has none (`14:30` and `http://` are no marks).
    let glued_mark = (1..b.len()).any(|k| {
        matches!(b[k], b':' | b';')
            && b[k - 1].is_ascii_alphabetic()
            && b.get(k + 1).is_none_or(|&c| c == b' ')
    });
    let glued_unit = (1..b.len()).any(|k| {
        digit(k - 1)
            && matches!(b[k], b'h' | b'H')
            && b.get(k + 1).is_none_or(|&c| !c.is_ascii_alphabetic())
    });
    let lex = crate::fr::lexicon::lexicons();
    let slips = ["--", "...", ",»", ", »", "\""];
    dotted_thousands
        || glued_percent
        || glued_mark
        || glued_unit
        || slips.iter().any(|s| text.contains(s))
        || text.split(|c: char| !c.is_alphanumeric()).any(|w| {
            let ordinal = w.len() > 1
                && w.starts_with(|c: char| c.is_ascii_digit())
                && (w.ends_with("er") || w.ends_with('e'))
                && w.trim_end_matches(['e', 'r'])
                    .bytes()
                    .all(|c| c.is_ascii_digit());
            let unaccented = w.len() > 2
                && w.starts_with('E')
                && w[1..].starts_with(|c: char| c.is_lowercase())
                && lex.pos.get(&format!("é{}", &w[1..])).is_some()
                && lex.pos.get(&w.to_lowercase()).is_none();
            ordinal || unaccented
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_slips_are_seen() {
        for slip in [
            "Il y a 1.000 cas.",
            "La Chypre --dont le sud-- résiste.",
            "Il hésite...",
            "« Une vague, » dit-il.",
            "Une hausse de 20% cette année.",
            "Le 1er janvier, tout change.",
            "Le 5e arrondissement vote.",
            "Le ministre de l’Economie parle.",
        ] {
            assert!(has_slips(slip), "{slip}");
        }
        for clean in [
            "Il y a 1 000 cas en 2020.",
            "Une hausse de 20 % cette année.",
            "Le ministre de l’Économie parle à Evian.",
            "Le score est de 3.5 points.",
        ] {
            assert!(!has_slips(clean), "{clean}");
        }
    }
}
