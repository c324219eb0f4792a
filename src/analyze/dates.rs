//! Dates and numbers, with the unit or quantity word that follows a number.

use super::Facts;
use super::terms::lower_into;
use crate::fr::lexicon::Lexicons;
use crate::segment::{Span, TokenKind};

pub(super) fn dates_and_numbers(
    words: &[&str],
    toks: &[crate::segment::Token],
    lex: &Lexicons,
    f: &mut Facts,
) {
    let mut k = 0;
    let mut lower = String::new();
    while k < words.len() {
        // Date words are words (the lists hold no digits nor punctuation).
        let word = toks[k].kind == TokenKind::Word;
        if word {
            lower_into(words[k], &mut lower);
        }
        let is_weekday = word && lex.weekdays.contains(&lower);
        let is_month =
            word && (lex.months.contains(&lower) || lex.month_abbreviations.contains(&lower));
        let is_year = toks[k].kind == TokenKind::Number
            && words[k].len() == 4
            && (words[k].starts_with("19") || words[k].starts_with("20"));
        if is_weekday || is_month || is_year || (word && lex.relative_dates.contains(&lower)) {
            // Extend over "mardi 14 mars 2023".
            let start = k;
            let mut end = k + 1;
            while end < words.len() {
                let mut w = String::new();
                lower_into(words[end], &mut w);
                let part = lex.months.contains(&w)
                    || lex.month_abbreviations.contains(&w)
                    || (toks[end].kind == TokenKind::Number && words[end].len() <= 4)
                    || w == "1er";
                if !part {
                    break;
                }
                end += 1;
            }
            f.dates.push(Span {
                start: toks[start].span.start,
                end: toks[end - 1].span.end,
            });
            k = end;
            continue;
        }
        if toks[k].kind == TokenKind::Number {
            let mut end = k + 1;
            if let Some(next) = words.get(end) {
                let unit = lex.quantity_words.contains(*next);
                if unit {
                    end += 1;
                }
            }
            f.numbers.push(Span {
                start: toks[k].span.start,
                end: toks[end - 1].span.end,
            });
            k = end;
            continue;
        }
        k += 1;
    }
}
