//! Checks on whole rewrites that a user would make: provenance, contractions,
//! typography, slug, metadata lengths, grounded headings, word floor, HTML
//! escaping, determinism.

use refonte::Refonte;
use refonte::fr::typography::fold_superscripts;
use refonte::frame::content_words;
use refonte::input::Article;
use refonte::model::Rewrite;
use refonte::render::{Html, Render};

const FIXTURES: &[&str] = &[
    "tests/fixtures/articles/long.txt",
    "tests/fixtures/articles/medium.txt",
    "tests/fixtures/articles/quotes.txt",
    "tests/fixtures/articles/short.txt",
    "tests/fixtures/articles/very_long.txt",
    "examples/article.txt",
];

fn rewrite_text(text: &str) -> Rewrite {
    Refonte::default()
        .rewrite(&Article {
            text: text.into(),
            ..Article::default()
        })
        .expect("rewrite")
}

fn all() -> Vec<(String, String, Rewrite)> {
    FIXTURES
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let out = rewrite_text(&text);
            (p.to_string(), text, out)
        })
        .collect()
}

/// What typography may not change in a sentence: its letters, digits and
/// punctuation in order, case, spaces, quote marks, apostrophes, dashes,
/// ellipses and printed ordinals aside.
fn loose(s: &str) -> String {
    fold_superscripts(s)
        .to_lowercase()
        .replace('…', "...")
        .replace(['–', '—'], "-")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '’' | '\'' | '«' | '»' | '“' | '”' | '"'))
        .collect()
}

#[test]
fn every_printed_sentence_is_its_source_span() {
    for (path, input, out) in all() {
        let sentences = out.lead.iter().chain(
            out.sections
                .iter()
                .flat_map(|s| s.paragraphs.iter().flatten()),
        );
        for s in sentences {
            let Some([a, b]) = s.source_span else {
                continue;
            };
            let span = &input[a..b];
            let (span, printed) = (loose(span), loose(&s.text));
            // A connector may precede the sentence, and its first letter may be lowered.
            let tail: String = span.chars().skip(1).collect();
            assert!(
                printed.ends_with(&tail),
                "{path}: span {a}..{b} is not what is printed:\n  span:    {span}\n  printed: {printed}"
            );
        }
    }
}

#[test]
fn built_text_has_no_forbidden_contraction() {
    for (path, _, out) in all() {
        let built = std::iter::once(out.title.clone())
            .chain(std::iter::once(out.seo_title.clone()))
            .chain(out.sections.iter().map(|s| s.heading.clone()));
        for t in built {
            let l = format!(" {} ", t.to_lowercase());
            for bad in [
                " de le ", " de les ", " à le ", " à les ", " de un ", " que il ",
            ] {
                assert!(!l.contains(bad), "{path}: {bad:?} in {t:?}");
            }
        }
    }
}

#[test]
fn french_typography_in_built_text() {
    for (path, _, out) in all() {
        for t in std::iter::once(&out.title).chain(out.sections.iter().map(|s| &s.heading)) {
            assert!(!t.contains('\''), "{path}: straight apostrophe in {t:?}");
            for (i, c) in t.char_indices() {
                if matches!(c, ':' | ';' | '!' | '?' | '»') && i > 0 {
                    let before = t[..i].chars().next_back();
                    assert_eq!(
                        before,
                        Some('\u{a0}'),
                        "{path}: no no-break space before {c:?} in {t:?}"
                    );
                }
                if c == '«' {
                    assert_eq!(
                        t[i + c.len_utf8()..].chars().next(),
                        Some('\u{a0}'),
                        "{path}: {t:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn metadata_fits_search_engines() {
    for (path, input, out) in all() {
        let slug_ok = !out.slug.is_empty()
            && out.slug.split('-').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        assert!(slug_ok, "{path}: slug {:?}", out.slug);
        assert!(
            out.seo_title.chars().count() <= 60,
            "{path}: SEO title {:?}",
            out.seo_title
        );
        // In bounds, or said: a description is never padded nor cut with `…`.
        let n = out.description.chars().count();
        let warned = out.warnings.iter().any(|w| w.contains("description"));
        assert!(
            (121..=156).contains(&n) || (warned && n <= 156),
            "{path}: description of {n} characters: {:?}",
            out.description
        );
        assert!(
            !out.description.contains('…'),
            "{path}: {:?}",
            out.description
        );
        let kp = out.keyphrase.to_lowercase();
        assert!(
            out.description.to_lowercase().contains(&kp) || warned,
            "{path}: description lacks {kp:?}"
        );
        let said = out.warnings.iter().any(|w| w.contains("SEO title"));
        assert!(
            out.seo_title.to_lowercase().contains(&kp) || said,
            "{path}: SEO title lacks {kp:?}, unsaid"
        );
        // Customized, or said to be the source's own.
        let source_title = input.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let kept = out
            .warnings
            .iter()
            .any(|w| w.contains("title is the source"));
        assert!(
            loose(&out.title) != loose(source_title) || kept,
            "{path}: title not customized, unsaid"
        );
    }
}

#[test]
fn headings_name_their_article() {
    let (mut named, mut several) = (0, 0);
    for (path, input, out) in all() {
        let source: std::collections::HashSet<String> = content_words(&input).into_iter().collect();
        let mut seen = std::collections::HashSet::new();
        for s in &out.sections {
            let words = content_words(&s.heading);
            let hits = words.iter().filter(|w| source.contains(*w)).count();
            assert!(
                hits > 0 && 2 * hits >= words.len(),
                "{path}: heading {:?} is not grounded",
                s.heading
            );
            assert!(
                seen.insert(s.heading.to_lowercase()),
                "{path}: heading {:?} twice",
                s.heading
            );
            let n = s.heading.split_whitespace().count();
            assert!((1..=12).contains(&n), "{path}: heading {:?}", s.heading);
        }
        let with_kp = out
            .sections
            .iter()
            .filter(|s| {
                s.heading
                    .to_lowercase()
                    .contains(&out.keyphrase.to_lowercase())
            })
            .count();
        // Never all headings say the keyphrase; some do in most articles
        // (counted below: a heading is a cut of the article, and some
        // articles have none that says it).
        assert!(
            out.sections.len() < 2 || with_kp < out.sections.len(),
            "{path}: keyphrase in every heading"
        );
        if out.sections.len() >= 2 && with_kp > 0 {
            named += 1;
        }
        several += usize::from(out.sections.len() >= 2);
    }
    // A heading says the keyphrase only when it tells something: a bare
    // noun group naming a person (`La maire de Noirval-sur-Loire`) that
    // holds it pleases the checker, not the editor, so some articles have
    // none (on the 300 long dev articles, 99 of 297 with several sections
    // have one).
    assert!(
        named >= 1,
        "the keyphrase is in some heading of only {named} of {several} articles with several"
    );
}

#[test]
fn word_floor_is_reached_from_the_source_or_reported() {
    for (path, _, out) in all() {
        if out.length.source_words >= 700 {
            assert!(out.word_count >= 700, "{path}: {} words", out.word_count);
            assert_eq!(out.length.repeated_words, 0, "{path}");
        } else if out.word_count < 700 {
            assert!(
                out.warnings.iter().any(|w| w.contains("floor")),
                "{path}: short without a warning"
            );
            assert!(!out.length.floor_reached);
        }
        // No section under ~80 words unless it is a list; no paragraph over 150.
        for s in &out.sections {
            for p in &s.paragraphs {
                let words: usize = p.iter().map(|x| refonte::fr::count_words(&x.text)).sum();
                assert!(words <= 160, "{path}: paragraph of {words} words");
            }
        }
    }
}

#[test]
fn source_html_cannot_inject_markup() {
    // A line of script is taken out as leftover code; markup inside prose
    // and in the title must come out as text.
    let text = "Le maire a publié un message sur le site de la commune, entre <b>balises</b>. \
                Le message annonce la fermeture du pont </b>demain</b> & après-demain. \
                Les habitants ont été prévenus par courrier et la commune a ouvert une ligne d’information.";
    let out = Refonte::default()
        .rewrite(&Article {
            text: text.into(),
            title: Some("Le pont <script>alert('t')</script> fermé".into()),
            ..Article::default()
        })
        .expect("rewrite");
    let html = Html::default().render(&out);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(html.contains("&lt;b&gt;balises"), "{html}");
    assert_eq!(html.matches("</script>").count(), 1, "{html}");
}

#[test]
fn same_input_same_bytes() {
    let text = std::fs::read_to_string("tests/fixtures/articles/long.txt").unwrap();
    let a = rewrite_text(&text);
    let b = rewrite_text(&text);
    assert_eq!(a, b);
    assert_eq!(
        refonte::render::Markdown.render(&a),
        refonte::render::Markdown.render(&b)
    );
}

fn rewrite_titled(title: &str, text: &str) -> Rewrite {
    Refonte::default()
        .rewrite(&Article {
            title: Some(title.into()),
            text: text.into(),
            ..Article::default()
        })
        .expect("rewrite")
}

/// An article about a shipwreck off a port, written for this test: the
/// port and a witness come up more often than the ship the title names.
const SHIPWRECK: &str = "Le chalutier Marivaux a sombré dans la nuit de lundi à mardi au large \
de Brenac, avec quatre marins à son bord. Le parquet de Brenac a ouvert une enquête pour \
homicides involontaires.\n\nLucas, 34 ans, pêcheur à Brenac depuis quinze ans, a vu le bateau \
quitter le port en fin d’après-midi. « La mer était déjà très forte », raconte Lucas. Selon \
lui, plusieurs patrons avaient renoncé à sortir.\n\nLes secours ont retrouvé deux corps mardi \
matin. Les recherches se poursuivent pour retrouver les deux autres marins, a indiqué la \
préfecture maritime. Le Marivaux, construit en 1998, avait passé son dernier contrôle en \
mars.\n\nÀ Brenac, la consternation domine. « Tout le monde connaissait l’équipage », confie \
Lucas devant la criée. Le maire de Brenac, Hélène Morvan, a annoncé une cérémonie pour \
samedi.";

#[test]
fn the_keyphrase_is_the_story_the_title_names() {
    let out = rewrite_titled(
        "Naufrage du Marivaux : le parquet de Brenac ouvre une enquête",
        SHIPWRECK,
    );
    // Not the port the text repeats as a setting, nor the witness.
    assert_eq!(out.keyphrase, "Marivaux", "{:?}", out.keyphrase);
}

#[test]
fn a_witness_given_an_age_is_never_the_keyphrase() {
    let out = rewrite_titled("Sur le port, la consternation après un naufrage", SHIPWRECK);
    assert_ne!(out.keyphrase, "Lucas");
}

/// An article about a federation's election, written for these tests.
const ELECTION: &str = "Marion Kerbrat a été élue samedi à la tête de la fédération des \
pêcheurs de Bretagne, au terme d’un vote serré. Kerbrat, patronne d’un chalutier de Brenac, \
succède à un président resté vingt ans en poste.\n\nPendant sa campagne, Kerbrat a promis de \
défendre les quotas des petits bateaux. « Nous ne laisserons pas la pêche côtière disparaître », \
a déclaré Kerbrat après le vote.\n\nSes adversaires saluent une élue pugnace. Marion Kerbrat \
doit rencontrer le ministre de la Mer dans les prochaines semaines.";

#[test]
fn a_person_is_named_as_the_title_names_her() {
    let out = rewrite_titled(
        "Marion Kerbrat élue à la tête de la fédération des pêcheurs",
        ELECTION,
    );
    assert_eq!(out.keyphrase, "Marion Kerbrat");
}

#[test]
fn the_lead_never_opens_on_a_sentence_that_points_to_nothing() {
    // The source opens on a reply whose speaker is named only later.
    let text = "« Je ne céderai à aucune pression », lui a répondu cette dernière.\n\n\
La maire de Lormeville, Hélène Morvan, a refusé mardi la proposition de son adjoint, \
qui réclamait la présidence de la commission des finances en échange de son soutien au budget.\n\n\
Le conseil municipal doit voter le budget le 12 avril. Sans les six voix de la liste \
de Paul Verdier, la majorité ne dispose que de quatorze sièges sur trente-trois.\n\n\
Paul Verdier assure qu’il ne votera pas le texte en l’état. « Nous voulons des garanties \
sur les investissements dans les quartiers nord », explique-t-il.\n\n\
L’opposition, de son côté, dénonce un marchandage et demande la publication des échanges \
entre les deux élus.";
    let out = rewrite_titled(
        "À Lormeville, la maire refuse le marché de son adjoint",
        text,
    );
    let first = &out.lead[0].text;
    assert!(!first.contains("cette dernière"), "{first}");
}

#[test]
fn a_quotation_that_runs_into_the_next_paragraph_stays_whole_in_the_lead() {
    // The source breaks the paragraph inside the maire's quotation.
    let text = "Le conseil municipal de Lormeville a voté mardi soir un budget en hausse de 4 %. \
Pour la maire, Hélène Morvan, le choix est clair : « Nous investissons dans les écoles. \
Les familles l’attendaient depuis longtemps.\n\n\
Nous ne reculerons pas », a-t-elle déclaré à l’issue de la séance.\n\n\
L’opposition a voté contre le texte et dénonce une hausse de la dette de la commune, \
qui atteint désormais 12 millions d’euros selon le rapport financier.\n\n\
Le budget prévoit la rénovation de deux groupes scolaires et la création d’une cantine \
dans le quartier nord, pour un total de 3,2 millions d’euros.";
    let out = rewrite_titled("À Lormeville, un budget tourné vers les écoles", text);
    let lead: Vec<&str> = out.lead.iter().map(|s| s.text.as_str()).collect();
    let opened = lead.iter().any(|s| s.contains("Nous investissons"));
    if opened {
        assert!(
            lead.iter().any(|s| s.starts_with("Nous ne reculerons pas")),
            "the quotation is cut at the lead's end: {lead:?}"
        );
    }
    for s in &out.sections {
        let first = &s.paragraphs[0][0].text;
        assert!(!first.starts_with("Nous ne reculerons pas"), "{first}");
    }
}

#[test]
fn no_section_opens_on_a_sentence_that_leans_on_the_one_before() {
    // Long sentences, so that the lead cannot take them all: the one that
    // opens on `Mais` or on `a-t-il ajouté` must not open a section, its
    // antecedent above the heading.
    let text = "Le conseil départemental du Morvalais a adopté jeudi, au terme d’une séance de six heures \
marquée par de nombreuses suspensions, un plan de 48 millions d’euros destiné à rénover les collèges \
les plus anciens du département d’ici à la fin de la décennie.\n\n\
Mais l’opposition juge le calendrier beaucoup trop lent et réclame que les travaux des trois collèges \
les plus dégradés du territoire, à Valmont, Sarcey et Brigny, commencent dès l’été prochain plutôt \
qu’en 2027, comme le prévoit la majorité départementale.\n\n\
Le président du département, Jacques Ferrand, a défendu un effort « sans précédent » en faveur des \
établissements construits dans les années 1970, dont une vingtaine ne répondent plus aux normes \
thermiques ni aux règles d’accessibilité fixées par la loi. « Nous ne pouvons pas tout rénover en \
même temps sans fermer des classes en pleine année scolaire », a-t-il ajouté en séance.\n\n\
Le plan prévoit également l’installation de panneaux solaires sur les toits de douze collèges et le \
remplacement des chaudières au fioul par des pompes à chaleur dans tous les établissements ruraux.\n\n\
Les entreprises du bâtiment du département, réunies en fédération, saluent un carnet de commandes \
assuré pour plusieurs années mais s’inquiètent de leur capacité à recruter des ouvriers qualifiés.\n\n\
La rectrice de l’académie a annoncé qu’elle présenterait en mars un plan de relogement des classes \
pendant les chantiers, en lien avec les mairies des communes concernées par les travaux.\n\n\
Les parents d’élèves de Valmont, qui avaient manifesté devant l’hôtel du département la semaine \
dernière, ont annoncé une nouvelle mobilisation lundi matin devant les grilles du collège.";
    let out = rewrite_titled("Morvalais : 48 millions d’euros pour les collèges", text);
    for s in &out.sections {
        let first = &s.paragraphs[0][0].text;
        assert!(
            !first.starts_with("Mais") && !first.contains("a-t-il ajouté"),
            "a section opens on {first:?}"
        );
    }
}

#[test]
fn a_person_never_heads_the_rubric_of_the_title_in_the_seo_title() {
    let out = rewrite_titled(
        "Pêche côtière : Marion Kerbrat élue à la tête de la fédération des pêcheurs de Bretagne après un vote serré",
        ELECTION,
    );
    // `Marion Kerbrat : pêche côtière` says she is the rubric's subject.
    assert!(
        !out.seo_title.to_lowercase().ends_with("pêche côtière"),
        "{:?}",
        out.seo_title
    );
    assert!(out.seo_title.chars().count() <= 60);
}

/// An article about a mayor's reaction, written for this test.
const INTRUSION: &str = "La maire de Lormeville, Hélène Brunet, a réagi mardi à l’intrusion \
de manifestants dans la salle du conseil municipal, lundi soir, pendant le vote du budget. \
« Ces violences sont une honte pour notre démocratie », a-t-elle déclaré devant la presse.\n\n\
Une vingtaine de personnes avaient interrompu la séance en criant des slogans contre la \
hausse de la taxe foncière, avant d’être évacuées par la police municipale. Aucun blessé \
n’est à déplorer, selon la mairie, qui a annoncé une plainte.\n\n\
L’opposition municipale a condamné l’intrusion tout en demandant un nouveau débat sur le \
budget, adopté par 21 voix contre 8.";

#[test]
fn the_seo_title_says_who_speaks_rather_than_a_quotation_alone() {
    // The title is too long for the SEO title: its news side, not the
    // quotation that no one says, is kept.
    let out = rewrite_titled(
        "Hélène Brunet réagit à l’intrusion de manifestants au conseil municipal : « Ces violences sont une honte pour notre démocratie »",
        INTRUSION,
    );
    let seo = &out.seo_title;
    assert!(!seo.starts_with('«'), "{seo:?}");
    assert!(seo.chars().count() <= 60, "{seo:?}");
    // After the speaker's name alone, the quotation says more than the name.
    let out = rewrite_titled(
        "Hélène Brunet : « Ces violences sont une honte pour notre démocratie »",
        INTRUSION,
    );
    assert!(out.seo_title.starts_with('«'), "{:?}", out.seo_title);
}
