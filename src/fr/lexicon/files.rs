//! Every data file under `lexicons/`, compiled in: the one place that
//! includes them. No file is read at run time; a file is named by its
//! constant, so a misspelt name does not compile.

/// A data file: its path under `lexicons/` and its text.
#[derive(Debug, Clone, Copy)]
pub struct File {
    /// Path under `lexicons/`, as `fr/dates.txt`.
    pub name: &'static str,
    /// The whole text, header included.
    pub text: &'static str,
}

macro_rules! files {
    ($($(#[$doc:meta])* $id:ident = $path:literal;)*) => {
        $($(#[$doc])* pub const $id: File = File {
            name: $path,
            text: include_str!(concat!("../../../lexicons/", $path)),
        };)*
        /// Every data file, in path order (the test `every_file_is_listed`
        /// checks that the directory holds no other).
        pub const FILES: &[File] = &[$($id),*];
    };
}

files! {
    /// Abbreviations whose period does not (or not always) end a sentence.
    ABBREVIATIONS = "fr/abbreviations.txt";
    /// Sentence openers that depend on the sentence before.
    ANAPHORA = "fr/anaphora.txt";
    /// Line patterns of scraped pages that are not article text.
    BOILERPLATE = "fr/boilerplate.txt";
    /// Nouns that name a news case (`meurtre`, `affaire`), by gender.
    CASE_NOUNS = "fr/case_nouns.txt";
    /// Substrings that mark leftover code.
    CODE_MARKERS = "fr/code_markers.txt";
    /// Connectors refonte may add, by relation.
    CONNECTORS = "fr/connectors.txt";
    /// Countries with their preposition of place.
    COUNTRIES = "fr/countries.txt";
    /// Weekdays, months and relative dates.
    DATES = "fr/dates.txt";
    /// How a lead says that someone died (`est mort`).
    DEATH_PHRASES = "fr/death_phrases.txt";
    /// Elision: what elides, what refuses it, what it leaves.
    ELISION = "fr/elision.txt";
    /// Word endings the parser reads unknown words by.
    ENDINGS = "fr/endings.txt";
    /// The closed classes: articles, determiners, prepositions, conjunctions, pronouns.
    FUNCTION_WORDS = "fr/function_words.tsv";
    /// Words beginning with an aspirated h.
    H_ASPIRE = "fr/h_aspire.txt";
    /// Connectors a description strikes from inside a sentence (`en effet`).
    INNER_CONNECTORS = "fr/inner_connectors.txt";
    /// Phrases of a request or a scraped page that must not reach an article.
    LEAKS = "fr/leaks.txt";
    /// Media brands that sign the captions of embedded videos.
    MEDIA = "fr/media.txt";
    /// Honorifics, organisation words and surnames after `Le`.
    NAMES = "fr/names.txt";
    /// Number words and their values.
    NUMBERS = "fr/numbers.txt";
    /// The part-of-speech lexicon.
    POS = "fr/pos.tsv";
    /// Verbs that attribute a quotation, with the present a title uses.
    QUOTE_VERBS = "fr/quote_verbs.txt";
    /// French departments, regions and cities with their place phrase.
    REGIONS = "fr/regions.txt";
    /// Nouns that name a person by a tie to someone (`fils`, `collègue`).
    RELATION_NOUNS = "fr/relation_nouns.txt";
    /// Reporting verbs.
    REPORTING_VERBS = "fr/reporting_verbs.txt";
    /// Reporting verbs that open indirect speech with `que`.
    SAYS_THAT = "fr/says_that.txt";
    /// General nouns that stand for something named before (`la mesure`).
    SHELL_NOUNS = "fr/shell_nouns.txt";
    /// Words added to the base stop list.
    STOPWORDS_ADD = "fr/stopwords_add.txt";
    /// Words removed from the base stop list.
    STOPWORDS_REMOVE = "fr/stopwords_remove.txt";
    /// Syllable rules of the reading-ease score.
    SYLLABLES = "fr/syllables.txt";
    /// Title edits with their tested examples.
    TITLE_EDITS = "fr/title_edits.txt";
    /// Labels a site puts before a headline.
    TITLE_LABELS = "fr/title_labels.txt";
    /// Titles and roles before a person's name.
    TITLES = "fr/titles.txt";
    /// Function words that never name a heading's topic.
    TOPIC_STOPWORDS = "fr/topic_stopwords.txt";
    /// Units, currencies and quantity words.
    UNITS = "fr/units.txt";
    /// Vulgar or insulting words, never printed in a heading or title.
    VULGAR = "fr/vulgar.txt";
    /// Nouns too general to be a focus keyphrase.
    WEAK_NOUNS = "fr/weak_nouns.txt";
    /// German stop-word profile (language guess).
    LANG_DE = "lang/de.txt";
    /// English stop-word profile.
    LANG_EN = "lang/en.txt";
    /// Spanish stop-word profile.
    LANG_ES = "lang/es.txt";
    /// French stop-word profile.
    LANG_FR = "lang/fr.txt";
    /// Italian stop-word profile.
    LANG_IT = "lang/it.txt";
    /// Dutch stop-word profile.
    LANG_NL = "lang/nl.txt";
    /// Portuguese stop-word profile.
    LANG_PT = "lang/pt.txt";
}
