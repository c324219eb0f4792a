//! Places: the preposition a country or territory takes (`en Chine`, `au
//! Japon`, `aux États-Unis`, `à Taïwan`), from `lexicons/fr/countries.txt`.

use super::lexicon::{self, fold};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------

/// The places file, compiled in.
const COUNTRIES: &str = lexicon::files::COUNTRIES.text;

/// The lookup key of a place name: lowercase, no accents, `’` apostrophe,
/// hyphens as spaces, single spaces.
fn place_key(name: &str) -> String {
    let mut ascii = String::with_capacity(name.len());
    for c in fold(name).chars() {
        match c {
            '-' | '‐' | '‑' => ascii.push(' '),
            c if c.is_whitespace() => ascii.push(' '),
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    ascii.push(d);
                }
            }),
        }
    }
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn parse_prep(p: &str) -> Option<&'static str> {
    match p.trim() {
        "en" => Some("en"),
        "au" => Some("au"),
        "aux" => Some("aux"),
        "à" => Some("à"),
        _ => None,
    }
}

/// A `Name<TAB>value` file keyed by [`place_key`]; `value` reads the
/// second column (a line it refuses is left out).
fn keyed(
    file: &'static str,
    value: fn(&'static str) -> Option<&'static str>,
) -> FxHashMap<String, &'static str> {
    lexicon::entries(file)
        .filter_map(|line| {
            let (name, v) = line.split_once('\t')?;
            Some((place_key(name), value(v)?))
        })
        .collect()
}

fn places() -> &'static FxHashMap<String, &'static str> {
    static PLACES: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    PLACES.get_or_init(|| keyed(COUNTRIES, parse_prep))
}

/// The preposition of place before a country, territory, island or world
/// region: `"en"` (feminine, or masculine with a vowel sound: `en Chine`,
/// `en Iran`, `en Israël`), `"au"` (masculine: `au Japon`, `au Honduras`),
/// `"aux"` (plural: `aux États-Unis`, `aux Philippines`) or `"à"` (no
/// article: `à Taïwan`, `à Cuba`, `à Singapour`).
///
/// `name` is the bare name as it follows the preposition; case, accents,
/// hyphens and the apostrophe form do not matter (`Etats-Unis`, `Corée du
/// Sud`, `Côte d'Ivoire`). A name with an article is found only when the
/// article belongs to it (`La Réunion`, `la Barbade` → `"à"`, printed `à La
/// Réunion`); `la Chine` and the bare `Réunion` give `None`, so that no
/// caller prints `en la Chine` or `à Réunion`. Returns `None` for names not in
/// `lexicons/fr/countries.txt` (cities are not listed).
pub fn place_preposition(name: &str) -> Option<&'static str> {
    places().get(&place_key(name.trim())).copied()
}

/// The regions file, compiled in.
const REGIONS: &str = lexicon::files::REGIONS.text;

fn regions() -> &'static FxHashMap<String, &'static str> {
    static PHRASES: OnceLock<FxHashMap<String, &'static str>> = OnceLock::new();
    PHRASES.get_or_init(|| keyed(REGIONS, Some))
}

/// The place phrase of a French department, region or city, or of a city
/// or state abroad, as a title's rubric names it: `Var` → `"dans le Var"`,
/// `Hérault` → `"dans l’Hérault"`, `Le Havre` → `"au Havre"`, `Paris` →
/// `"à Paris"`. The name is printed as `name` writes it (`Côtes d’Armor`
/// stays without its hyphen), unless the phrase holds it in another form
/// (`au Havre`). Lookup as [`place_preposition`]'s; `None` for a name not
/// in `lexicons/fr/regions.txt` (countries are in `countries.txt`).
pub fn region_phrase(name: &str) -> Option<String> {
    let name = name.trim();
    let key = place_key(name);
    let phrase = *regions().get(&key)?;
    let written = phrase
        .char_indices()
        .filter(|&(i, _)| i == 0 || phrase[..i].ends_with([' ', '’']))
        .find(|&(i, _)| place_key(&phrase[i..]) == key)
        .map(|(i, _)| format!("{}{name}", &phrase[..i]));
    Some(written.unwrap_or_else(|| phrase.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_prepositions() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Chine", Some("en")),
            ("Iran", Some("en")),
            ("Israël", Some("en")),
            ("Japon", Some("au")),
            ("Honduras", Some("au")),
            ("Yémen", Some("au")),
            ("États-Unis", Some("aux")),
            ("Etats-Unis", Some("aux")),
            ("etats unis", Some("aux")),
            ("ÉTATS-UNIS", Some("aux")),
            ("Philippines", Some("aux")),
            ("Taïwan", Some("à")),
            ("Taiwan", Some("à")),
            ("Cuba", Some("à")),
            ("Hong Kong", Some("à")),
            ("Corée du Sud", Some("en")),
            ("Corée-du-Sud", Some("en")),
            ("Côte d'Ivoire", Some("en")),
            ("Royaume-Uni", Some("au")),
            ("Hongrie", Some("en")),
            ("La Réunion", Some("à")),
            ("Réunion", None),
            ("la Chine", None),
            ("Paris", None),
            ("", None),
            ("  Japon ", Some("au")),
            ("Sao Tomé-et-Principe", Some("à")),
            ("São Tomé-et-Príncipe", Some("à")),
            ("Moyen-Orient", Some("au")),
        ];
        for &(name, want) in cases {
            assert_eq!(place_preposition(name), want, "{name:?}");
        }
    }

    #[test]
    fn region_phrases() {
        let phrase = |n: &str| region_phrase(n);
        assert_eq!(phrase("Var").as_deref(), Some("dans le Var"));
        assert_eq!(phrase("Hérault").as_deref(), Some("dans l’Hérault"));
        assert_eq!(phrase("Le Havre").as_deref(), Some("au Havre"));
        // The name as the title writes it.
        assert_eq!(phrase("Ile-de-France").as_deref(), Some("en Ile-de-France"));
        assert_eq!(
            phrase("Côtes d’Armor").as_deref(),
            Some("dans les Côtes d’Armor")
        );
        // The Austrian capital and the department share a name.
        assert_eq!(region_phrase("Vienne"), None);
        assert_eq!(region_phrase("Chine"), None);
    }

    #[test]
    fn countries_file_is_well_formed() {
        let mut seen: FxHashMap<String, &str> = FxHashMap::default();
        for line in lexicon::entries(COUNTRIES) {
            assert!(!line.contains('\''), "straight apostrophe in {line:?}");
            let (name, prep) = line.split_once('\t').expect("name<TAB>prep");
            assert_eq!(name, name.trim(), "stray spaces in {line:?}");
            let prep = parse_prep(prep).unwrap_or_else(|| panic!("bad prep in {line:?}"));
            if let Some(old) = seen.insert(place_key(name), prep) {
                panic!("{name:?} listed twice (as {old} and {prep})");
            }
        }
        // The 193 UN member states, one name each.
        let members = "Afghanistan|Afrique du Sud|Albanie|Algérie|Allemagne|Andorre|Angola|\
            Antigua-et-Barbuda|Arabie saoudite|Argentine|Arménie|Australie|Autriche|Azerbaïdjan|\
            Bahamas|Bahreïn|Bangladesh|la Barbade|Belgique|Belize|Bénin|Bhoutan|Biélorussie|\
            Birmanie|Bolivie|Bosnie-Herzégovine|Botswana|Brésil|Brunei|Bulgarie|Burkina Faso|\
            Burundi|Cambodge|Cameroun|Canada|Cap-Vert|Centrafrique|Chili|Chine|Chypre|Colombie|\
            Comores|Congo|Corée du Nord|Corée du Sud|Costa Rica|Côte d’Ivoire|Croatie|Cuba|\
            Danemark|Djibouti|la Dominique|Égypte|Émirats arabes unis|Équateur|Érythrée|Espagne|\
            Estonie|Eswatini|États-Unis|Éthiopie|Fidji|Finlande|France|Gabon|Gambie|Géorgie|\
            Ghana|Grèce|la Grenade|Guatemala|Guinée|Guinée équatoriale|Guinée-Bissau|Guyana|\
            Haïti|Honduras|Hongrie|Inde|Indonésie|Irak|Iran|Irlande|Islande|Israël|Italie|\
            Jamaïque|Japon|Jordanie|Kazakhstan|Kenya|Kirghizistan|Kiribati|Koweït|Laos|Lesotho|\
            Lettonie|Liban|Liberia|Libye|Liechtenstein|Lituanie|Luxembourg|Macédoine du Nord|\
            Madagascar|Malaisie|Malawi|Maldives|Mali|Malte|Maroc|îles Marshall|Maurice|\
            Mauritanie|Mexique|Micronésie|Moldavie|Monaco|Mongolie|Monténégro|Mozambique|\
            Namibie|Nauru|Népal|Nicaragua|Niger|Nigeria|Norvège|Nouvelle-Zélande|Oman|Ouganda|\
            Ouzbékistan|Pakistan|Palaos|Panama|Papouasie-Nouvelle-Guinée|Paraguay|Pays-Bas|\
            Pérou|Philippines|Pologne|Portugal|Qatar|République démocratique du Congo|\
            République dominicaine|Tchéquie|Roumanie|Royaume-Uni|Russie|Rwanda|\
            Saint-Christophe-et-Niévès|Sainte-Lucie|Saint-Marin|Saint-Vincent-et-les-Grenadines|\
            îles Salomon|Salvador|Samoa|Sao Tomé-et-Principe|Sénégal|Serbie|Seychelles|\
            Sierra Leone|Singapour|Slovaquie|Slovénie|Somalie|Soudan|Soudan du Sud|Sri Lanka|\
            Suède|Suisse|Suriname|Syrie|Tadjikistan|Tanzanie|Tchad|Thaïlande|Timor oriental|\
            Togo|Tonga|Trinité-et-Tobago|Tunisie|Turkménistan|Turquie|Tuvalu|Ukraine|Uruguay|\
            Vanuatu|Venezuela|Vietnam|Yémen|Zambie|Zimbabwe";
        let members: Vec<&str> = members.split('|').map(str::trim).collect();
        assert_eq!(members.len(), 193);
        for m in members {
            assert!(place_preposition(m).is_some(), "UN member {m:?} missing");
        }
    }
}
