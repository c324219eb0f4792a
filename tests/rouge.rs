//! refonte's ROUGE against values computed by Google's `rouge-score` package
//! (with the French tokenizer of `shared/eval/rouge.py`), printed once by
//! `python3 scripts/check_rouge.py --fixtures` and kept here. The same script
//! measures the agreement on the 1,500 summaries of the development set.

use refonte::rouge;

/// (candidate, reference, rouge-score's [P, R, F] of ROUGE-1, ROUGE-2, ROUGE-L × 100).
const CASES: [(&str, &str, [f64; 9]); 5] = [
    (
        "Le chat dort sur le tapis.",
        "Le chien dort sur le lit.",
        [
            66.6667, 66.6667, 66.6667, 40.0000, 40.0000, 40.0000, 66.6667, 66.6667, 66.6667,
        ],
    ),
    (
        "L’État a négocié une hausse de 3,5 % des salaires.",
        "Les salaires augmenteront de 3,5 %, a négocié l'État.",
        [
            72.7273, 80.0000, 76.1905, 40.0000, 44.4444, 42.1053, 27.2727, 30.0000, 28.5714,
        ],
    ),
    (
        "Élisabeth Borne a présenté la réforme des retraites mardi à l'Assemblée.",
        "La Première ministre Élisabeth Borne présente mardi la réforme des retraites.",
        [
            58.3333, 63.6364, 60.8696, 36.3636, 40.0000, 38.0952, 50.0000, 54.5455, 52.1739,
        ],
    ),
    (
        "Blinken a eu des entretiens « francs et constructifs » à Pékin avec Qin Gang.",
        "Le secrétaire d'État Antony Blinken a rencontré Qin Gang à Pékin : des entretiens francs, substantiels et constructifs.",
        [
            84.6154, 61.1111, 70.9677, 50.0000, 35.2941, 41.3793, 53.8462, 38.8889, 45.1613,
        ],
    ),
    (
        "Un texte sans aucun mot commun.",
        "Rien à voir ici.",
        [0.0; 9],
    ),
];

#[test]
fn agrees_with_rouge_score() {
    for (candidate, reference, expected) in CASES {
        let r = rouge::rouge(candidate, reference);
        let got: Vec<f64> = [r.rouge1, r.rouge2, r.rouge_l]
            .iter()
            .flat_map(|s| [s.precision, s.recall, s.f1])
            .map(|x| 100.0 * x)
            .collect();
        for (k, (g, e)) in got.iter().zip(expected).enumerate() {
            // The kept values have four decimals.
            assert!(
                (g - e).abs() < 1e-4,
                "{candidate:?}: value {k}: {g} vs rouge-score {e}"
            );
        }
    }
}

#[test]
fn a_text_against_itself_scores_one() {
    let t =
        "« Nous ne pouvons plus faire comme si la Loire allait rester sage », a déclaré la maire.";
    let r = rouge::rouge(t, t);
    for s in [r.rouge1, r.rouge2, r.rouge_l] {
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
    }
}
