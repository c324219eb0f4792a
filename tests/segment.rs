//! Stage tests for segmentation: tricky French cases, each with its expected sentences.

use refonte::normalize;
use refonte::segment::{self, ParagraphKind, TokenKind};

/// Sentences of `text` after cleaning, as printed.
fn sentences(text: &str) -> Vec<String> {
    let cleaned = normalize::clean(text).text;
    let seg = segment::segment(&cleaned);
    seg.sentences
        .iter()
        .map(|s| s.span.of(&cleaned).to_string())
        .collect()
}

#[test]
fn tricky_sentence_boundaries() {
    let cases: &[(&str, &[&str])] = &[
        // Titles and abbreviations do not end a sentence.
        (
            "M. Dupont est arrivé. Mme Leroy aussi.",
            &["M. Dupont est arrivé.", "Mme Leroy aussi."],
        ),
        (
            "Le Dr. Benali a parlé. Elle a conclu.",
            &["Le Dr. Benali a parlé.", "Elle a conclu."],
        ),
        (
            "La ville fut fondée en 52 av. J.-C. Elle prospéra ensuite.",
            &[
                "La ville fut fondée en 52 av. J.-C.",
                "Elle prospéra ensuite.",
            ],
        ),
        (
            "Rendez-vous le 3 janv. prochain. Tout est prêt.",
            &["Rendez-vous le 3 janv. prochain.", "Tout est prêt."],
        ),
        (
            "Il a acheté du pain, du lait, etc. Puis il est rentré.",
            &["Il a acheté du pain, du lait, etc.", "Puis il est rentré."],
        ),
        // Initials.
        (
            "Selon J. Martin, le projet avance. Il sera livré.",
            &["Selon J. Martin, le projet avance.", "Il sera livré."],
        ),
        // Numbers keep their separators.
        (
            "Le budget atteint 1 200 000 euros, soit 3,5 % de plus. Le vote a lieu mardi.",
            &[
                "Le budget atteint 1 200 000 euros, soit 3,5 % de plus.",
                "Le vote a lieu mardi.",
            ],
        ),
        (
            "Le navire transporte 2.600 passagers. Il est arrivé.",
            &["Le navire transporte 2.600 passagers.", "Il est arrivé."],
        ),
        // A question inside guillemets followed by its attribution is one sentence.
        (
            "« Qui paiera ? » a-t-il demandé. Personne n’a répondu.",
            &["« Qui paiera ? » a-t-il demandé.", "Personne n’a répondu."],
        ),
        (
            "« C’est fini. Nous partons », a déclaré la maire. La salle s’est vidée.",
            &[
                "« C’est fini. Nous partons », a déclaré la maire.",
                "La salle s’est vidée.",
            ],
        ),
        (
            "Il a conclu : « Nous verrons. » Puis il est parti.",
            &["Il a conclu : « Nous verrons. »", "Puis il est parti."],
        ),
        (
            "La préfecture parle d’une vidéo \"parcellaire\". \"Les policiers ont été pris à partie\", ajoute-t-elle.",
            &[
                "La préfecture parle d’une vidéo «parcellaire».",
                "«Les policiers ont été pris à partie», ajoute-t-elle.",
            ],
        ),
        // Ellipses.
        (
            "Il hésite… puis accepte. Le reste suit… La fin arrive.",
            &[
                "Il hésite… puis accepte.",
                "Le reste suit…",
                "La fin arrive.",
            ],
        ),
        (
            "Il attend... puis il part. Rien ne suit... Voilà.",
            &["Il attend... puis il part.", "Rien ne suit...", "Voilà."],
        ),
        // Exclamations and questions.
        (
            "Quelle soirée ! Le public a adoré. Reviendront-ils ? Oui.",
            &[
                "Quelle soirée !",
                "Le public a adoré.",
                "Reviendront-ils ?",
                "Oui.",
            ],
        ),
        // Dialogue dashes open sentences.
        (
            "— Vous venez ?\n— Oui, dit-il.",
            &["— Vous venez ?", "— Oui, dit-il."],
        ),
        // Domain names and decimals do not split.
        (
            "Le site Orange.fr publie 2,5 articles par heure. Voilà.",
            &["Le site Orange.fr publie 2,5 articles par heure.", "Voilà."],
        ),
        // A glued join is split again.
        (
            "Aucun blessé selon l’AFP.Aucune plainte n’a été déposée.",
            &[
                "Aucun blessé selon l’AFP.",
                "Aucune plainte n’a été déposée.",
            ],
        ),
    ];
    for (input, expected) in cases {
        let got = sentences(input);
        assert_eq!(&got, expected, "input: {input}");
    }
}

#[test]
fn tokens_split_elisions_and_keep_compounds() {
    let text = "L’État et le porte-parole jusqu’à aujourd’hui : qu’il vienne, a-t-il dit, lorsqu’on l’appelle.";
    let seg = segment::segment(text);
    let toks: Vec<(&str, TokenKind)> = seg
        .tokens
        .iter()
        .map(|t| (t.span.of(text), t.kind))
        .collect();
    use TokenKind::*;
    assert_eq!(
        toks,
        [
            ("L’", Elision),
            ("État", Word),
            ("et", Word),
            ("le", Word),
            ("porte-parole", Word),
            ("jusqu’", Elision),
            ("à", Word),
            ("aujourd’hui", Word),
            (":", Punct),
            ("qu’", Elision),
            ("il", Word),
            ("vienne", Word),
            (",", Punct),
            ("a-t-il", Word),
            ("dit", Word),
            (",", Punct),
            ("lorsqu’", Elision),
            ("on", Word),
            ("l’", Elision),
            ("appelle", Word),
            (".", Punct),
        ]
    );
}

#[test]
fn numbers_are_single_tokens() {
    let cases: &[(&str, &[&str])] = &[
        ("1 200 euros", &["1 200", "euros"]),
        ("6\u{a0}400 habitants", &["6\u{a0}400", "habitants"]),
        (
            "2\u{202f}600\u{202f}000 voix",
            &["2\u{202f}600\u{202f}000", "voix"],
        ),
        ("3,5 %", &["3,5", "%"]),
        ("2.600.000 habitants", &["2.600.000", "habitants"]),
        ("en 2019 200 personnes", &["en", "2019", "200", "personnes"]),
        ("le 1er mars à 14h30", &["le", "1er", "mars", "à", "14h30"]),
    ];
    for (input, expected) in cases {
        let seg = segment::segment(input);
        let got: Vec<&str> = seg.tokens.iter().map(|t| t.span.of(input)).collect();
        assert_eq!(&got, expected, "input: {input}");
    }
}

#[test]
fn paragraphs_and_headings() {
    let text = "Premier paragraphe. Deux phrases.\n\n« Les domaines où nous pouvons nous entendre »\n\nDernier paragraphe,\nsur deux lignes.";
    let seg = segment::segment(text);
    let kinds: Vec<ParagraphKind> = seg.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ParagraphKind::Body,
            ParagraphKind::Heading,
            ParagraphKind::Body
        ]
    );
    assert_eq!(seg.sentences.len(), 4);
    assert_eq!(
        seg.sentences[3].span.of(text),
        "Dernier paragraphe,\nsur deux lignes."
    );
}

#[test]
fn every_span_is_inside_its_parent() {
    let text = std::fs::read_to_string("tests/fixtures/articles/long.txt").unwrap();
    let seg = segment::segment(&text);
    for p in &seg.paragraphs {
        for s in &seg.sentences[p.sentences.clone()] {
            assert!(p.span.start <= s.span.start && s.span.end <= p.span.end);
            for t in &seg.tokens[s.tokens.clone()] {
                assert!(s.span.start <= t.span.start && t.span.end <= s.span.end);
                assert!(text.is_char_boundary(t.span.start as usize));
            }
        }
    }
}
