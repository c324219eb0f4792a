//! Stage tests for analysis: stems and stop words, keyphrases, entities with
//! roles, quotations with speakers, dates and numbers.

use refonte::analyze::{self, EntityKind};
use refonte::fr::lexicon::lexicons;
use refonte::input::Article;
use refonte::{Document, segment};

fn doc(text: &str) -> Document {
    Document::new(
        &Article {
            text: text.into(),
            ..Article::default()
        },
        usize::MAX,
    )
    .expect("document")
}

#[test]
fn stems_group_inflections_and_stop_words_carry_no_term() {
    let text = "Les négociations reprennent. La négociation a repris. Le négociateur est parti.";
    let seg = segment::segment(text);
    let terms = analyze::terms(text, &seg);
    let stem_of = |word: &str| {
        let k = seg
            .tokens
            .iter()
            .position(|t| t.span.of(text) == word)
            .unwrap();
        terms.token_terms[k]
    };
    assert_eq!(stem_of("négociations"), stem_of("négociation"));
    assert_ne!(stem_of("négociation"), stem_of("parti"));
    for stop in ["Les", "La", "Le", "a", "est"] {
        assert_eq!(stem_of(stop), analyze::NO_TERM, "{stop} is a stop word");
    }
}

#[test]
fn curated_stop_list_keeps_content_words_out() {
    let lex = lexicons();
    // Function words, including elided forms, are stop words.
    for w in [
        "le",
        "de",
        "qu’",
        "jusqu’",
        "lorsqu’",
        "nous",
        "leur",
        "aujourd’hui",
    ] {
        assert!(lex.is_stop(w), "{w}");
    }
    // Content words the upstream list holds are not.
    for w in ["fait", "nouveau", "premier", "personnes", "état", "mille"] {
        assert!(!lex.is_stop(w), "{w}");
    }
    // No unaccented duplicates that are not French words.
    for w in ["etre", "apres", "deja"] {
        assert!(!lex.is_stop(w), "{w}");
    }
}

#[test]
fn entities_with_titles_and_roles() {
    let d = doc(
        "Le ministre chinois des Affaires étrangères Qin Gang a reçu mardi la maire de Noirval, Claire Dufresne. \
         Le porte-parole du département d’État, Matthew Miller, a confirmé la rencontre. \
         M. Durand et Mme Leroy étaient présents à Pékin.",
    );
    let f = d.facts();
    let find = |name: &str| {
        f.entities
            .iter()
            .find(|e| e.text == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:?}", f.entities))
    };
    let qin = find("Qin Gang");
    assert_eq!(qin.kind, EntityKind::Person);
    assert_eq!(
        qin.role.as_deref(),
        Some("Le ministre chinois des Affaires étrangères")
    );
    assert_eq!(
        find("Claire Dufresne").role.as_deref(),
        Some("la maire de Noirval")
    );
    assert_eq!(
        find("Matthew Miller").role.as_deref(),
        Some("Le porte-parole du département d’État")
    );
    assert_eq!(find("Durand").kind, EntityKind::Person);
    assert_eq!(find("Leroy").kind, EntityKind::Person);
    assert_eq!(find("Pékin").kind, EntityKind::Place);
    // A sentence's capitalised first word is not a name.
    assert!(f.entities.iter().all(|e| e.text != "Le"));
}

#[test]
fn quotations_with_their_speakers() {
    let d = doc(
        "« Nous avons parlé franchement », a déclaré le ministre des Finances, Paul Mercier. \
         La maire Claire Dufresne a répondu : « Rien n’est réglé. » \
         « Qui paiera ? » a-t-elle demandé. \
         Selon Paul Mercier, « le calendrier tiendra ».",
    );
    let f = d.facts();
    let pairs: Vec<(&str, Option<&str>)> = f
        .quotations
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Nous avons parlé franchement", Some("Paul Mercier")),
            ("Rien n’est réglé.", Some("Claire Dufresne")),
            ("Qui paiera ?", Some("Claire Dufresne")),
            ("le calendrier tiendra", Some("Paul Mercier")),
        ]
    );
    // The verb that attributes each, as the text writes it.
    let verbs: Vec<Option<&str>> = f.quotations.iter().map(|q| q.verb.as_deref()).collect();
    assert_eq!(
        verbs,
        [Some("déclaré"), Some("répondu"), Some("demandé"), None]
    );
}

#[test]
fn dates_and_numbers() {
    let d = doc(
        "Le conseil a voté mardi 14 mars 2023 un budget de 1 200 000 euros, en hausse de 3,5 %. \
         Les travaux commenceront en février et dureront 18 mois.",
    );
    let f = d.facts();
    let dates: Vec<&str> = f.dates.iter().map(|s| s.of(&d.text)).collect();
    let numbers: Vec<&str> = f.numbers.iter().map(|s| s.of(&d.text)).collect();
    assert_eq!(dates, ["mardi 14 mars 2023", "février"]);
    assert_eq!(numbers, ["1 200 000 euros", "3,5 %", "18"]);
}

#[test]
fn keyphrases_are_noun_phrases_of_the_text() {
    let d = doc(
        "La réforme des retraites divise le Parlement. Les syndicats rejettent la réforme des retraites. \
         Le gouvernement défend une réforme nécessaire. Les syndicats appellent à la grève.",
    );
    let f = d.facts();
    let texts: Vec<&str> = f.keyphrases.iter().map(|k| k.text.as_str()).collect();
    assert!(texts.contains(&"réforme des retraites"), "{texts:?}");
    assert!(texts.contains(&"syndicats"), "{texts:?}");
    // The best candidate is a phrase the text repeats.
    assert!(f.keyphrases[0].count >= 2, "{:?}", f.keyphrases[0]);
    for k in &f.keyphrases {
        assert!(d.text.contains(&k.text), "{} is not in the text", k.text);
    }
}

#[test]
fn an_institution_glued_to_a_name_is_two_entities() {
    let d = doc(
        "La réaction du ministère de l’Intérieur Paul Verdier est tombée mardi soir. \
         L’ex-collaborateur de l’Elysée Marc Dufresne a démenti.",
    );
    let f = d.facts();
    let texts: Vec<&str> = f.entities.iter().map(|e| e.text.as_str()).collect();
    assert!(texts.contains(&"Paul Verdier"), "{texts:?}");
    assert!(texts.contains(&"Marc Dufresne"), "{texts:?}");
    assert!(
        texts
            .iter()
            .all(|t| !t.starts_with("Intérieur ") && !t.starts_with("Elysée ")),
        "{texts:?}"
    );
}
