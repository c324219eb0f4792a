//! What each source sentence is, computed once: whether it depends on the
//! sentence before it, whether it opens with a connector, whether it
//! carries a typing slip that provenance keeps as written.

use crate::fr::lexicon::{fold, lexicons};
use crate::segment::{Segmented, TokenKind};

/// The facts of one source sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SentenceFacts {
    /// It cannot stand without the sentence before it (see [`depends_on_previous`]).
    pub depends_on_previous: bool,
    /// It already opens with a connector (`Mais`, `Alors que`, `Ces derniers mois`).
    pub opens_with_connector: bool,
    /// It names a thing of the sentences before by a demonstrative further
    /// in (`…une dévitalisation de ces petites juridictions`): it reads
    /// best right after them, never first under a heading (see
    /// [`names_back_inside`]).
    pub names_back_inside: bool,
    /// It carries a typing slip (see [`has_slips`]).
    pub slips: bool,
    /// It is a pull quote: a paragraph of its own, all in quotation marks,
    /// whose words the body prints again (see [`is_pull_quote`]).
    pub pull_quote: bool,
}

/// The facts of every sentence of `seg`; `printed(i)` is sentence `i` as
/// printed (cleaned, on one line).
pub fn sentence_facts(
    text: &str,
    seg: &Segmented,
    printed: impl Fn(usize) -> String,
) -> Vec<SentenceFacts> {
    (0..seg.sentences.len())
        .map(|i| {
            let first = first_words(text, seg, i);
            let comma_connector = opens_on_comma_connector(seg.sentences[i].span.of(text));
            SentenceFacts {
                depends_on_previous: depends_on_previous(text, seg, i, &first, comma_connector),
                opens_with_connector: comma_connector || opens_with_connector(&first),
                names_back_inside: i > 0 && names_back_inside(text, seg.sentence_tokens(i)),
                slips: has_slips(&printed(i)),
                pull_quote: is_pull_quote(text, seg, i),
            }
        })
        .collect()
}

/// True when sentence `i` cannot stand without the sentence before it: it
/// opens with a pronoun, a demonstrative or a connector (`Il`, `Cette
/// décision`, `Mais`, `Ces derniers mois`), with a lowercase letter, or
/// inside a quotation opened before it; when it has no main verb, answers
/// the question before it, or sets a pronoun after an opening phrase.
/// `first` are its first words, folded; `comma_connector`, whether it opens
/// on `Depuis,` (see [`opens_on_comma_connector`]).
fn depends_on_previous(
    text: &str,
    seg: &Segmented,
    i: usize,
    first: &[String],
    comma_connector: bool,
) -> bool {
    if i == 0 {
        return false;
    }
    if seg.sentences[i].starts_in_quote {
        return true;
    }
    // A quotation with an attribution leans on the attribution only:
    // `« Ce n’est pas une décision facile », a déclaré X` stands, `« … »,
    // a-t-il ajouté` does not. One without goes on someone's words, and
    // is read by its first words.
    if let Some(tail) = attribution_of_opening_quote(seg.sentences[i].span.of(text)) {
        return attribution_points_back(tail);
    }
    let Some(token) = seg.sentence_tokens(i).first() else {
        return false;
    };
    if token
        .span
        .of(text)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
    {
        return true;
    }
    // Parsed at most once, and only for the rules that need it.
    let parsed = std::cell::OnceCell::new();
    let parse = || parsed.get_or_init(|| crate::parse::Parsed::new(text, seg.sentence_tokens(i)));
    comma_connector
        || opens_pointing_back(first)
        || answers_question(text, seg, i, parse)
        || detached_then_pointing_back(text, seg, i)
        || is_short_fragment(text, seg, i, parse)
}

/// True when the sentence before `i` is the journalist's own question and
/// sentence `i` answers it without a clause of its own (`Le défi de
/// départ ? Construire un voilier…`, `… en 2020 ? Pour le moment oui, a
/// décidé le ministre`): with `oui` or `non`, an infinitive or no finite
/// verb. A question that only teases the news (`Nouvelle
/// vie, nouveau nom ? Marion Maréchal…`) leaves the next sentence standing.
fn answers_question<'p>(
    text: &str,
    seg: &Segmented,
    i: usize,
    parse: impl Fn() -> &'p crate::parse::Parsed,
) -> bool {
    let before = &seg.sentences[i - 1];
    let question = before.span.of(text);
    let asks = !before.starts_in_quote
        && !seg.is_heading(i - 1)
        // `QUELS SONT LES SYMPTÔMES ?` is a rubric, not the writer's question.
        && question.chars().any(char::is_lowercase)
        && question.trim_end().ends_with('?')
        && !quoted_with_close(question);
    if !asks {
        return false;
    }
    let tokens = seg.sentence_tokens(i);
    let yes_no = tokens
        .iter()
        .take(ANSWER_WORD_WITHIN)
        .any(|t| lexicons().answer_words.contains(&fold(t.span.of(text))));
    let p = parse();
    yes_no || p.is_fragment() || p.tags.first() == Some(&crate::parse::Tag::Infinitive)
}

/// How far into an answer [`answers_question`] looks for `oui` or `non`.
const ANSWER_WORD_WITHIN: usize = 5;

/// Most words before the comma of an opening adjunct that
/// [`detached_then_pointing_back`] reads past.
const DETACHED_MAX_WORDS: usize = 8;

/// True when sentence `i` opens on a detached phrase, then a pronoun or a
/// demonstrative (`Erreurs judiciaires ou lacune de la législation, ces
/// deux affaires…`, `Dimanche, il a…`): the subject points back all the same.
fn detached_then_pointing_back(text: &str, seg: &Segmented, i: usize) -> bool {
    let tokens = seg.sentence_tokens(i);
    let Some(comma) = tokens
        .iter()
        .take(DETACHED_MAX_WORDS + 1)
        .position(|t| t.span.of(text) == ",")
    else {
        return false;
    };
    let before = &tokens[..comma];
    if before.is_empty()
        || before
            .iter()
            .any(|t| matches!(t.span.of(text), "«" | "»" | "“" | "”" | "\""))
    {
        return false;
    }
    // `La réouverture des parcs, c’est…`, `Le président, il…`: a subject
    // set apart and taken up by a pronoun; `, « c’est…` opens a quotation.
    let article = |w: &str| {
        use crate::fr::lexicon::Class;
        lexicons().function_words.is_any(
            &fold(w),
            &[
                Class::DefiniteArticle,
                Class::IndefiniteArticle,
                Class::PartitiveArticle,
            ],
        )
    };
    if article(before[0].span.of(text))
        || tokens
            .get(comma + 1)
            .is_some_and(|t| matches!(t.span.of(text), "«" | "“" | "\""))
    {
        return false;
    }
    let after: Vec<String> = tokens[comma + 1..]
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .take(lexicons().openers_max_words)
        .map(|t| fold(t.span.of(text)))
        .collect();
    let lex = lexicons();
    // `ce dimanche 6 septembre`, `cette semaine`: a date, not an anaphor.
    let dated = after.first().is_some_and(|w| {
        lex.function_words
            .is(w, crate::fr::lexicon::Class::Demonstrative)
    }) && (after.get(1).is_some_and(|w| lex.weekdays.contains(w))
        || opens_with(&after, |p| lex.relative_dates.contains(p)));
    !dated && opens_with(&after, |p| lex.anaphoric_openers.contains(p))
}

/// Most words of a sentence [`is_short_fragment`] parses.
const FRAGMENT_MAX_WORDS: usize = 30;

/// True when sentence `i` has no quotation, no finite verb outside its
/// relative or subordinate clauses, and is not a question or a heading (`Des infections qui présentent des symptômes…`,
/// `Un acte inédit et jugé inquiétant…`): it goes on the sentence before.
fn is_short_fragment<'p>(
    text: &str,
    seg: &Segmented,
    i: usize,
    parse: impl Fn() -> &'p crate::parse::Parsed,
) -> bool {
    let tokens = seg.sentence_tokens(i);
    let sentence = seg.sentences[i].span.of(text).trim_end();
    let words = tokens.iter().filter(|t| t.kind != TokenKind::Punct).count();
    // `12 h 41.`, a live report's time stamp, is no fragment of a sentence.
    words > 2
        && words <= FRAGMENT_MAX_WORDS
        && sentence.starts_with(char::is_alphabetic)
        && !sentence.ends_with(['?', ':'])
        && !seg.is_heading(i)
        // A quotation may carry the verb (`Après…, « Charlie Hebdo est à
        // nouveau menacé…`): only a sentence without one is read.
        && !sentence.contains(['«', '»', '“', '”', '"'])
        && parse().lacks_main_verb()
}

/// Fewest words of each piece of a pull quote that [`is_pull_quote`] looks
/// for in the body.
const PULL_QUOTE_PIECE_WORDS: usize = 3;

/// True when sentence `i` is a paragraph of its own, all in quotation marks
/// (`« Ma petite-fille a 13 ans ! Qu’est-ce qu’elle va consentir… ? »`),
/// and each of its pieces (cut at `.`, `!`, `?`) of three words or more
/// is printed elsewhere in the text: page furniture that repeats the body,
/// not a sentence of it.
fn is_pull_quote(text: &str, seg: &Segmented, i: usize) -> bool {
    let s = &seg.sentences[i];
    let own = s.span.of(text).trim();
    let Some(inner) = own
        .strip_prefix(['«', '“'])
        .and_then(|t| t.strip_suffix(['»', '”']))
    else {
        return false;
    };
    // Sentences come in paragraph order: alone when neither neighbour
    // shares its paragraph.
    let shares = |j: usize| {
        seg.sentences
            .get(j)
            .is_some_and(|o| o.paragraph == s.paragraph)
    };
    let alone = !(shares(i + 1) || i > 0 && shares(i - 1));
    if !alone || inner.contains(['«', '»', '“', '”']) {
        return false;
    }
    let lower = |t: &str| t.to_lowercase();
    let rest = lower(&format!(
        "{} {}",
        &text[..s.span.start as usize],
        &text[s.span.end as usize..]
    ));
    let pieces: Vec<String> = inner
        .split(['.', '!', '?', '…'])
        .map(|p| p.trim().to_string())
        .filter(|p| p.split_whitespace().count() >= PULL_QUOTE_PIECE_WORDS)
        .collect();
    !pieces.is_empty() && pieces.iter().all(|p| rest.contains(&lower(p)))
}

/// True when `text` opens on a quotation and has a closing mark.
pub fn quoted_with_close(text: &str) -> bool {
    text.trim_start_matches(['-', '—', '–', ' '])
        .starts_with(['«', '“', '"'])
        && text.rfind(['»', '”', '"']).is_some()
}

/// The words after the quotation that opens `text`, when there are any
/// (`, a-t-il ajouté.` of `« Nous tiendrons », a-t-il ajouté.`): its
/// attribution.
fn attribution_of_opening_quote(text: &str) -> Option<&str> {
    if !quoted_with_close(text) {
        return None;
    }
    let (open, mark) = text
        .char_indices()
        .find(|(_, c)| matches!(c, '«' | '“' | '"'))?;
    // The attribution follows the quotation that opens the sentence, not a
    // later one (`« … », ajoute-t-il, revendiquant « … »`).
    let after = open + mark.len_utf8();
    let close = after + text[after..].find(['»', '”', '"'])?;
    let tail = &text[close..];
    tail.contains(char::is_alphabetic).then_some(tail)
}

/// True when `text` opens on a quotation whose attribution names its
/// speaker by a pronoun or an anaphor (`», a-t-il ajouté`, `», lui a
/// répondu cette dernière`): the speaker is named in a sentence before.
pub fn quotation_points_back(text: &str) -> bool {
    attribution_of_opening_quote(text).is_some_and(attribution_points_back)
}

/// True when an attribution names its speaker by an inverted pronoun
/// (`a-t-il ajouté`) or an anaphor (`ajoute cette dernière`).
fn attribution_points_back(tail: &str) -> bool {
    let lex = lexicons();
    let words: Vec<String> = crate::fr::words(tail).iter().map(|w| fold(w)).collect();
    let inverted = |w: &String| {
        w.rsplit('-')
            .next()
            .is_some_and(|p| matches!(p, "il" | "elle" | "ils" | "elles") && w.contains('-'))
    };
    // Two words: `cette dernière`, `ce dernier`, `celui-ci` (one word
    // alone, `il`, would catch `il y a` inside the quotation's tail).
    words.iter().any(inverted)
        || words
            .windows(2)
            .any(|w| lex.anaphoric_openers.contains(&w.join(" ")))
}

/// True when words `first` (folded) open on a pronoun, determiner or
/// connector that points to the sentence before (`Il`, `Cette annonce`,
/// `Pourtant`).
pub fn opens_pointing_back<S: AsRef<str>>(first: &[S]) -> bool {
    let lex = lexicons();
    // An impersonal `il` names no one, unless a longer opener that points
    // back starts with it (`il faut dire que`).
    let impersonal = longest_opener(first, |p| lex.impersonal_openers.contains(p));
    let pointing = longest_opener(first, |p| {
        lex.anaphoric_openers.contains(p) || lex.connector_openers.contains(p)
    });
    if impersonal > 0 {
        return pointing > impersonal;
    }
    opens_with(first, |p| {
        lex.anaphoric_openers.contains(p) || lex.connector_openers.contains(p)
    })
}

/// [`opens_pointing_back`] on a text: its first words, folded.
pub fn text_opens_pointing_back(text: &str) -> bool {
    let lex = lexicons();
    let first: Vec<String> = crate::fr::words(text)
        .iter()
        .take(lex.openers_max_words)
        .map(|w| crate::fr::lexicon::fold(w))
        .collect();
    opens_pointing_back(&first) || opens_on_comma_connector(text)
}

/// True when `text` opens on a word that is a connector only before a
/// comma, and the comma follows (`Depuis, il vit à Lyon`; not `Depuis
/// 1958, …`).
pub fn opens_on_comma_connector(text: &str) -> bool {
    let lex = lexicons();
    let t = text.trim_start_matches(['-', '—', '–', ' ', '«', '“', '"', '\u{a0}']);
    let end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    t[end..].starts_with(',') && lex.connectors_before_comma.contains(&fold(&t[..end]))
}

/// True when a demonstrative determiner after a sentence's first word,
/// outside quotations, names something said before (`de ces petites
/// juridictions`, `cette décision`); not one that dates (`cette année`,
/// `ces derniers jours`, `ce lundi`), nor `ce` as a pronoun (`ce qui`,
/// `ce sont`). `tokens` are the sentence's.
pub fn names_back_inside(text: &str, tokens: &[crate::segment::Token]) -> bool {
    let lex = lexicons();
    // Most sentences hold no demonstrative after their first word: they
    // are read without folding every word.
    let demonstrative = |t: &crate::segment::Token| {
        t.kind == TokenKind::Word
            && lex.function_words.is(
                &t.span.of(text).to_lowercase(),
                crate::fr::lexicon::Class::Demonstrative,
            )
    };
    if !tokens.iter().skip(1).any(demonstrative) {
        return false;
    }
    let words: Vec<(String, bool)> = {
        let mut depth = 0i32;
        let mut out = Vec::new();
        for t in tokens {
            let w = t.span.of(text);
            match w {
                "«" | "“" => depth += 1,
                "»" | "”" => depth -= 1,
                _ if t.kind != TokenKind::Punct => out.push((fold(w), depth > 0)),
                _ => {}
            }
        }
        out
    };
    let dating = |w: &str| {
        let one = w.strip_suffix('s').unwrap_or(w);
        lex.dating_nouns.contains(w) || lex.dating_nouns.contains(one) || lex.weekdays.contains(w)
    };
    let noun_like = |w: &str| {
        lex.pos.get(w).is_some_and(|e| {
            matches!(
                e.pos(),
                crate::fr::lexicon::Pos::Noun | crate::fr::lexicon::Pos::Adj
            )
        })
    };
    (1..words.len()).any(|k| {
        let (w, quoted) = (&words[k].0, words[k].1);
        let Some((next, _)) = words.get(k + 1) else {
            return false;
        };
        let after = words.get(k + 2).map_or("", |(w, _)| w.as_str());
        // `de ces petites juridictions`, `ces deux affaires`; not `ce qui`.
        let counted = next.starts_with(|c: char| c.is_ascii_digit())
            || lex.number_words.contains_key(next.as_str());
        let demonstrative = lex
            .function_words
            .is(w, crate::fr::lexicon::Class::Demonstrative)
            && (noun_like(next) || counted);
        // `ces derniers jours`, `cette même année`: a date all the same.
        demonstrative && !quoted && !dating(next) && !dating(after)
    })
}

/// True when a sentence whose first words are `first` opens with a connector.
fn opens_with_connector(first: &[String]) -> bool {
    let lex = lexicons();
    opens_with(first, |p| lex.connector_openers.contains(p))
}

/// The first words of sentence `i`, folded (lowercase, `’`), as many as the longest opener.
fn first_words(text: &str, seg: &Segmented, i: usize) -> Vec<String> {
    seg.sentence_tokens(i)
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .take(lexicons().openers_max_words)
        .map(|t| fold(t.span.of(text)))
        .collect()
}

/// How many of `words` the longest accepted phrase they open with has (0
/// when none), joined as [`opens_with`] joins them.
fn longest_opener<S: AsRef<str>>(words: &[S], accept: impl Fn(&str) -> bool) -> usize {
    let mut phrase = String::new();
    let mut longest = 0;
    for (n, w) in words.iter().enumerate() {
        if n > 0 && !phrase.ends_with('’') {
            phrase.push(' ');
        }
        phrase.push_str(w.as_ref());
        if accept(&phrase) {
            longest = n + 1;
        }
    }
    longest
}

/// True when the phrase made of the first one, two, three… of `words`
/// (joined as the lexicons write openers: a space, none after `’`) is accepted.
pub fn opens_with<S: AsRef<str>>(words: &[S], accept: impl Fn(&str) -> bool) -> bool {
    let mut phrase = String::new();
    for (n, w) in words.iter().enumerate() {
        if n > 0 && !phrase.ends_with('’') {
            phrase.push(' ');
        }
        phrase.push_str(w.as_ref());
        if accept(&phrase) {
            return true;
        }
    }
    false
}

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
    let lex = lexicons();
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
    use crate::segment::segment;

    fn facts_of(text: &str) -> Vec<SentenceFacts> {
        let seg = segment(text);
        sentence_facts(text, &seg, |i| seg.sentences[i].span.of(text).to_string())
    }

    #[test]
    fn dependent_sentences_are_seen() {
        let f = facts_of(
            "La mairie a voté le budget. Il prévoit des travaux. Mais les élus hésitent. \
             Le chantier commence en mars. Ces derniers mois, rien n’a bougé.",
        );
        let depends: Vec<bool> = f.iter().map(|s| s.depends_on_previous).collect();
        assert_eq!(depends, [false, true, true, false, true]);
        let connector: Vec<bool> = f.iter().map(|s| s.opens_with_connector).collect();
        assert_eq!(connector, [false, false, true, false, true]);
    }

    fn depends(text: &str) -> Vec<bool> {
        facts_of(text)
            .iter()
            .map(|s| s.depends_on_previous)
            .collect()
    }

    #[test]
    fn a_pronoun_after_an_opening_phrase_points_back() {
        assert_eq!(
            depends(
                "Deux affaires ont choqué l’opinion.                  Erreurs judiciaires ou lacunes, ces deux affaires ont ouvert le débat.                  Selon la mairie, les travaux reprendront en mars.                  Le maire de la ville, il ne veut pas en entendre parler.                  D’après un décret, ce dimanche 6 septembre, sept départements sont concernés."
            ),
            [false, true, false, false, false]
        );
    }

    #[test]
    fn a_fragment_goes_on_the_sentence_before() {
        assert_eq!(
            depends(
                "La mousson touche le pays chaque année.                  Des infections qui présentent des symptômes proches de ceux du virus.                  Le gouvernement a lancé une campagne de prévention.                  Quid des écoles ?                  Les cours reprendront lundi."
            ),
            [false, true, false, false, false]
        );
    }

    #[test]
    fn a_demonstrative_further_in_names_what_came_before() {
        let names: Vec<bool> = facts_of(
            "La réforme touche les tribunaux d’instance. \
             Les avocats craignent la fin de ces petites juridictions. \
             Le ministère a publié le calendrier cette semaine. \
             Les juges ont reçu ce que la loi prévoit. \
             Les syndicats ont dénoncé ces deux décisions.",
        )
        .iter()
        .map(|s| s.names_back_inside)
        .collect();
        assert_eq!(names, [false, true, false, false, true]);
    }

    #[test]
    fn depuis_points_back_only_before_a_comma() {
        assert_eq!(
            depends(
                "Le maire a quitté la ville en 2019. Depuis, il vit à Lyon. \
                 Depuis 1958, la commune n’a connu que trois maires."
            ),
            [false, true, false]
        );
    }

    #[test]
    fn an_impersonal_il_names_no_one_before() {
        assert_eq!(
            depends(
                "Le maire a quitté la ville en 2019. Il faut désormais élire un successeur. \
                 Il y a trois candidats. Il a annoncé son départ lundi."
            ),
            [false, false, false, true]
        );
        assert_eq!(
            depends("Le maire a quitté la ville en 2019. Il faut dire qu’il avait perdu."),
            [false, true]
        );
    }

    #[test]
    fn a_pull_quote_that_the_body_prints_again_is_seen() {
        let text = "Le chanteur sort un album.\n\n\
                    « Ma fille a 13 ans ! Qui peut consentir à cet âge ? »\n\n\
                    Il explique : « Ma fille a 13 ans ! Je ne veux pas. Qui peut consentir à cet âge ? »\n\n\
                    « Je chante encore », dit-il.";
        let pull: Vec<bool> = facts_of(text).iter().map(|s| s.pull_quote).collect();
        assert_eq!(pull, [false, true, false, false]);
    }

    #[test]
    fn an_answer_goes_on_its_question() {
        assert_eq!(
            depends(
                "Le navigateur est rentré au port. Le défi de départ ?                  Construire un voilier en 400 heures.                  Nouvelle vie, nouveau nom ? La députée a changé de nom sur son compte."
            ),
            [false, false, true, false, false]
        );
    }

    #[test]
    fn a_quotation_leans_back_by_its_attribution_only() {
        let f = facts_of(
            "Le maire a présenté le budget. « Ce n’est pas une décision facile », a déclaré \
             Paul Verdier. « Nous tiendrons », a-t-il ajouté. « Elle partira », ajoute cette dernière. \
             « Je signe », dit-il en citant « le devoir ». « Ils partiront. » Celui qui dirige la ville depuis 2014 ne cède pas.",
        );
        let depends: Vec<bool> = f.iter().map(|s| s.depends_on_previous).collect();
        assert_eq!(depends, [false, false, true, true, true, true, true]);
    }

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
