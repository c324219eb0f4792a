//! The closed classes of French (`lexicons/fr/function_words.tsv`):
//! articles, determiners, prepositions, conjunctions, pronouns and negation,
//! each form with its classes, gender and number.

use super::files::{FUNCTION_WORDS, File};
use super::read::{LexiconError, columns, numbered};
use rustc_hash::FxHashMap;

/// A closed class of French words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u16)]
pub enum Class {
    /// Definite article: `le`, `la`, `les`, `l’`.
    DefiniteArticle,
    /// Indefinite article: `un`, `une`, `des`.
    IndefiniteArticle,
    /// Partitive article, by its first word: `du`, `de` (`de la`).
    PartitiveArticle,
    /// A form of the preposition `de`: `de`, `d’`, `du`, `des`.
    De,
    /// A form of the preposition `à`: `à`, `au`, `aux`.
    A,
    /// Demonstrative determiner: `ce`, `cet`, `cette`, `ces`.
    Demonstrative,
    /// Possessive determiner: `son`, `sa`, `ses`, `leur`, `notre`…
    Possessive,
    /// Indefinite or quantifying determiner: `chaque`, `plusieurs`…
    IndefiniteDeterminer,
    /// Preposition other than `de` and `à`.
    Preposition,
    /// Coordinating conjunction: `et`, `ou`, `ni`, `mais`, `or`, `donc`, `car`.
    Coordinating,
    /// Subordinating conjunction, or a locution's first word: `que`, `quand`…
    Subordinating,
    /// Subject pronoun: `il`, `elle`, `on`…
    SubjectPronoun,
    /// Object or reflexive clitic: `le`, `lui`, `se`, `y`, `en`…
    ObjectPronoun,
    /// A clitic that can be reflexive (`se`, `me`, `nous`): it points to the subject.
    Reflexive,
    /// Relative or interrogative pronoun: `qui`, `que`, `dont`, `où`…
    RelativePronoun,
    /// Demonstrative pronoun: `ce`, `cela`, `ça`, `celui`…
    DemonstrativePronoun,
    /// Negation: `ne`, `n’`, `pas`, `jamais`, `rien`, `guère`.
    Negation,
    /// A form of the auxiliary `avoir`: `a`, `ont`, `avait`, `aurait`, `eu`…
    AuxAvoir,
    /// A form of the auxiliary `être`: `est`, `sont`, `était`, `été`…
    AuxEtre,
    /// A preposition that introduces a place name: `à`, `au`, `aux`, `en`, `vers`, `depuis`.
    Place,
    /// The head of a prepositional locution ended by `de` or `à`: `cours`
    /// (`au cours de`), `près`, `lors`, `partir`, `face`, `grâce`, `quant`…
    LocutionHead,
    /// An interjection written as a word of its own: `ô`.
    Interjection,
    /// A preposition that attributes what follows to a source: `selon`, `d’après`.
    Attribution,
    /// A preposition or a locution's head that introduces a time: `lors`
    /// (`lors de`), `depuis`, `pendant`, `dès`.
    Time,
    /// A preposition or a locution's head that sets the circumstance of a
    /// whole clause: `malgré`, `après`, `avant`, `face` (`face à`).
    Frame,
    /// A preposition whose phrase sets where a fact happened and may stand
    /// between a verb and its object (`a recensé dans la capitale 68
    /// civils`): `dans`.
    Setting,
}

const CLASS_NAMES: &[(&str, Class)] = &[
    ("art.def", Class::DefiniteArticle),
    ("art.ind", Class::IndefiniteArticle),
    ("art.part", Class::PartitiveArticle),
    ("de", Class::De),
    ("a", Class::A),
    ("det.dem", Class::Demonstrative),
    ("det.poss", Class::Possessive),
    ("det.ind", Class::IndefiniteDeterminer),
    ("prep", Class::Preposition),
    ("conj.coord", Class::Coordinating),
    ("conj.sub", Class::Subordinating),
    ("pron.subj", Class::SubjectPronoun),
    ("pron.obj", Class::ObjectPronoun),
    ("pron.refl", Class::Reflexive),
    ("pron.rel", Class::RelativePronoun),
    ("pron.dem", Class::DemonstrativePronoun),
    ("neg", Class::Negation),
    ("aux.avoir", Class::AuxAvoir),
    ("aux.etre", Class::AuxEtre),
    ("place", Class::Place),
    ("loc.prep", Class::LocutionHead),
    ("interj", Class::Interjection),
    ("attrib", Class::Attribution),
    ("time", Class::Time),
    ("frame", Class::Frame),
    ("setting", Class::Setting),
];

/// One form's classes, gender (`m`, `f`, `-`) and number (`s`, `p`, `-`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FunctionWord {
    classes: u32,
    /// `m`, `f` or `-` (both or none).
    pub gender: char,
    /// `s`, `p` or `-` (both or none).
    pub number: char,
}

impl FunctionWord {
    /// True when the form belongs to `class`.
    pub fn is(&self, class: Class) -> bool {
        self.classes & (1 << class as u32) != 0
    }
}

/// The closed-class forms, by lowercase form.
#[derive(Debug, Default)]
pub struct FunctionWords {
    forms: FxHashMap<&'static str, FunctionWord>,
}

impl FunctionWords {
    /// Reads `function_words.tsv`.
    pub fn load() -> Result<FunctionWords, LexiconError> {
        load_from(FUNCTION_WORDS)
    }

    /// The entry of a lowercase form, if it is a function word.
    pub fn get(&self, lower: &str) -> Option<FunctionWord> {
        self.forms.get(lower).copied()
    }

    /// True when the lowercase form belongs to `class`.
    pub fn is(&self, lower: &str, class: Class) -> bool {
        self.get(lower).is_some_and(|w| w.is(class))
    }

    /// True when the lowercase form belongs to any of `classes`.
    pub fn is_any(&self, lower: &str, classes: &[Class]) -> bool {
        self.get(lower)
            .is_some_and(|w| classes.iter().any(|&c| w.is(c)))
    }

    /// The forms of `class`, sorted.
    pub fn forms_of(&self, class: Class) -> Vec<&'static str> {
        let mut out: Vec<&str> = self
            .forms
            .iter()
            .filter(|(_, w)| w.is(class))
            .map(|(f, _)| *f)
            .collect();
        out.sort_unstable();
        out
    }
}

fn load_from(file: File) -> Result<FunctionWords, LexiconError> {
    let mut forms = FxHashMap::default();
    for (line, entry) in numbered(file) {
        let cols = columns(file, line, entry, 4, 4)?;
        let mut classes = 0u32;
        for name in cols[1].split(',') {
            let Some(&(_, c)) = CLASS_NAMES.iter().find(|(n, _)| *n == name.trim()) else {
                return Err(LexiconError::at(
                    file,
                    line,
                    format!("unknown class {name:?}"),
                ));
            };
            classes |= 1 << c as u32;
        }
        let letter = |s: &str, allowed: &str| {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if allowed.contains(c) => Ok(c),
                _ => Err(LexiconError::at(
                    file,
                    line,
                    format!("expected one of {allowed:?}, found {s:?}"),
                )),
            }
        };
        let word = FunctionWord {
            classes,
            gender: letter(cols[2], "mf-")?,
            number: letter(cols[3], "sp-")?,
        };
        if forms.insert(cols[0], word).is_some() {
            return Err(LexiconError::at(file, line, format!("{:?} twice", cols[0])));
        }
    }
    Ok(FunctionWords { forms })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_gender_and_number_are_read() {
        let fw = FunctionWords::load().unwrap();
        assert!(fw.is("des", Class::De) && fw.is("des", Class::IndefiniteArticle));
        assert!(fw.is("l’", Class::DefiniteArticle));
        assert!(fw.is("cette", Class::Demonstrative));
        let sa = fw.get("sa").unwrap();
        assert!(sa.is(Class::Possessive) && sa.gender == 'f' && sa.number == 's');
        assert!(!fw.is("ministre", Class::Preposition));
        assert_eq!(fw.forms_of(Class::A), ["au", "aux", "à"]);
    }

    #[test]
    fn an_unknown_class_is_an_error_with_its_line() {
        let bad = File {
            name: "test/fw.tsv",
            text: "# h\nle\tart.def\tm\ts\nla\tart.fem\tf\ts\n",
        };
        let err = load_from(bad).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("art.fem"));
    }
}
