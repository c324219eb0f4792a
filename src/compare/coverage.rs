//! Coverage: ROUGE-1, ROUGE-2 and ROUGE-L ([`crate::rouge`]) of a
//! candidate's body against the source's body, and against the reference.

use super::source::SourceIndex;
use super::{Coverage, Prf, RougeReport};
use crate::rouge;

/// Largest product of the two texts' lengths in words for which ROUGE-L is
/// computed (its time grows with that product): 250 million, about two
/// texts of 16,000 words, a second or so.
pub const MAX_LCS_CELLS: usize = 250_000_000;

impl From<rouge::Score> for Prf {
    fn from(s: rouge::Score) -> Prf {
        Prf {
            recall: s.recall,
            precision: s.precision,
            f1: s.f1,
        }
    }
}

/// ROUGE of candidate tokens against reference tokens, ROUGE-L only up to `max_cells`.
fn rouge_report(candidate: &[String], reference: &[String], max_cells: usize) -> RougeReport {
    let cells = candidate.len().saturating_mul(reference.len());
    RougeReport {
        rouge1: rouge::rouge_n(candidate, reference, 1).into(),
        rouge2: rouge::rouge_n(candidate, reference, 2).into(),
        rouge_l: (cells <= max_cells).then(|| rouge::rouge_l(candidate, reference).into()),
    }
}

/// How much of the source's body, and of the reference's tokens when there
/// is a reference, the body sentences cover.
pub(super) fn coverage(
    sentences: &[String],
    index: &SourceIndex,
    reference: Option<&[String]>,
) -> Coverage {
    let body_tokens = rouge::tokens(&sentences.join("\n"));
    Coverage {
        source: rouge_report(&body_tokens, &index.body_tokens, MAX_LCS_CELLS),
        reference: reference.map(|t| rouge_report(&body_tokens, t, MAX_LCS_CELLS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rouge_l_is_left_out_over_the_bound() {
        let a = rouge::tokens("le chat dort sur le tapis");
        let b = rouge::tokens("le chien dort sur le lit");
        let full = rouge_report(&a, &b, 36);
        assert!((full.rouge_l.unwrap().f1 - 4.0 / 6.0).abs() < 1e-12);
        let bounded = rouge_report(&a, &b, 35);
        assert_eq!(bounded.rouge_l, None);
        assert_eq!(bounded.rouge1, full.rouge1);
    }
}
