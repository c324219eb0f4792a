//! Connectors at section starts: `Par ailleurs,`, `Dans ce contexte,`,
//! `Enfin,` — chosen from `lexicons/fr/connectors.txt` by the relation the
//! position allows, never twice in a row, never before a sentence that
//! already opens with a connector, a pronoun, a quotation or a dash.
//!
//! Only relations that state nothing are used: addition and context between
//! sections, `last` before the closing one. Contrast, consequence and time
//! would assert a relation between facts that rules cannot check.

use super::{Context, pick};
use crate::lexicon::{Relation, lexicons};
use crate::select::{depends_on_previous, opens_with_connector};

/// The connector to put before sentence `first` opening section `index` of
/// `count`, if one reads naturally there; `previous` is the connector used
/// before the previous section.
pub fn connector(
    ctx: &Context,
    index: usize,
    count: usize,
    first: usize,
    previous: Option<&str>,
) -> Option<String> {
    if index == 0 {
        return None;
    }
    let text = ctx.doc.sentence_text(first);
    let opener = text.chars().next()?;
    if !opener.is_alphabetic() || !opener.is_uppercase() {
        return None;
    }
    if depends_on_previous(ctx.doc, first)
        || opens_with_connector(ctx.doc, first)
        || text.ends_with('?')
    {
        return None;
    }
    let relations: &[Relation] = if index + 1 == count {
        &[Relation::Last]
    } else {
        &[Relation::Addition, Relation::Context]
    };
    let rel = relations[pick(ctx.seed, 500 + index as u64, relations.len())];
    let options: Vec<&str> = lexicons()
        .connectors
        .iter()
        .filter(|(r, c)| *r == rel && Some(c.as_str()) != previous)
        .map(|(_, c)| c.as_str())
        .collect();
    if options.is_empty() {
        return None;
    }
    Some(options[pick(ctx.seed, 600 + index as u64, options.len())].to_string())
}

/// `Par ailleurs` + `Les pourparlers…` → `Par ailleurs, les pourparlers…`.
pub fn attach(ctx: &Context, connector: &str, sentence: &str) -> String {
    format!(
        "{connector}, {}",
        crate::french::lower_first(sentence, |w| ctx.is_proper(w))
    )
}
