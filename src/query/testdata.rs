//! The seed handbook (`utvikling-drift.md`) built by hand, for tests that must
//! not wait for the parser: the nine real cards, text for text.

use crate::model::{Card, Document, FrontMatter, Handbook, Value};

/// A card with these named params, in this order.
pub(crate) fn card(params: &[(&str, &str)]) -> Card {
    Card::named(
        1,
        1,
        params
            .iter()
            .map(|(k, v)| (k, Value::String((*v).to_owned()))),
    )
}

/// A card with the six fields in the seed's order.
pub(crate) fn card6(
    title: &str,
    owner: &str,
    leader: &str,
    purpose: &str,
    input: &str,
    output: &str,
) -> Card {
    card(&[
        ("title", title),
        ("owner", owner),
        ("leader", leader),
        ("purpose", purpose),
        ("input", input),
        ("output", output),
    ])
}

pub(crate) fn document(path: &str, cards: Vec<Card>) -> Document {
    Document {
        path: path.to_owned(),
        file: None,
        front_matter: FrontMatter::default(),
        cards,
        members: Vec::new(),
        publication: crate::model::Publication::Published,
    }
}

pub(crate) fn handbook(documents: Vec<Document>) -> Handbook {
    Handbook {
        documents,
        diagnostics: Vec::new(),
    }
}

/// The nine cards of the seed, in order.
pub(crate) fn seed_cards() -> Vec<Card> {
    let mut line = 0;
    let mut cards = vec![
        card6(
            "Release",
            "Hanne Lauritsen",
            "Torkel Buarøy",
            "Planlegge, tidsette og kontrollere bygging, testing og utrulling av en produksjonsenhet.",
            "Behov fra portefølje-, behovs- og utviklingsprosessene.",
            "Ny funksjonalitet til forretning uten at det går på bekostning av eksisterende tjenester",
        ),
        card6(
            "Endringsstyring",
            "Hanne Lauritsen",
            "Tony Grimstad",
            "Holde kontroll på at det ikke oppstår uplanlagte alvorlige hendelser når vi innfører eller gjennomfører arbeid/vedlikehold på IT-plattformen. Slik sikrer vi at kunder og brukere får størst mulig tillit til tjenestene",
            "Produksjonsendringer klare til gjennomføring",
            "Evaluert produksjonsendring (med mål om vellykkede endringer)",
        ),
        card6(
            "Behov",
            "Hanne Lauritsen",
            "Tony Grimstad",
            "Sørge for at vi håndterer etterspørsler på en god måte ved å raffinere. Det vil si at vi kategoriserer og prioriterer behovene.",
            "Behov fra porteføljeprosess",
            "Prioriterte behov",
        ),
        card6(
            "Utvikling",
            "Roberto Andres Carrera",
            "Snorre Aakerø",
            "Ansvarlig for å skape eller endre en IT-tjeneste eller applikasjon.",
            "Prioriterte behov fra behovsprosessen",
            "Klargjorte endringer til produksjonssetting",
        ),
        card6(
            "Produksjonssetting",
            "Dan Remi Mørk",
            "Torkel Buarøy",
            "Ansvarlig for å rulle ut blant annet ny eller endret maskinvare, programvare, dokumentasjon og prosess til produksjonsmiljøet. Produksjonssetting er en del av styring av produksjonssettingsprosessen.",
            "Klargjorte endringer til produksjon",
            "Sikre at endringer blir produksjonssatt til rett tid med riktig kvalitet",
        ),
        card6("Forespørsler", "", "", "", "", ""),
        card6("Hendelser", "", "", "", "", ""),
        card6("Problemer", "", "", "", "", ""),
        card(&[
            ("title", "Tilgangsstyring"),
            ("owner", "Hege Nilsen"),
            ("leader", "Tilgangsstyring/Espen Herskedal"),
            (
                "purpose",
                "Sikre at vi har god kontroll på tilgangsstyringen til verktøy og løsninger, og hvordan vi utfører tilgangsstyringen.",
            ),
        ]),
    ];
    for card in &mut cards {
        line += 9;
        card.line = line;
    }
    cards
}

/// The seed as a one-document handbook.
pub(crate) fn seed() -> Handbook {
    let mut doc = document("prosesser/utvikling-drift.md", seed_cards());
    let front_matter = serde_json::json!({
        "title": "Utviklings- og driftsprosesser (DevOps)",
        "weight": 2,
    });
    doc.front_matter = FrontMatter::from_params(front_matter.as_object().unwrap().clone());
    handbook(vec![doc])
}

// A synthetic handbook for tests that need many cards.

const FIRST: [&str; 16] = [
    "Hanne",
    "Torkel",
    "Tony",
    "Snorre",
    "Dan Remi",
    "Roberto Andres",
    "Hege",
    "Espen",
    "Øystein",
    "Åse",
    "Kåre",
    "Bjørn",
    "Ingrid",
    "Sølvi",
    "Mette",
    "Jørgen",
];
const LAST: [&str; 16] = [
    "Lauritsen",
    "Buarøy",
    "Grimstad",
    "Aakerø",
    "Mørk",
    "Nilsen",
    "Herskedal",
    "Bakke",
    "Dahl",
    "Lie",
    "Sæther",
    "Østby",
    "Haugen",
    "Carrera",
    "Ødegård",
    "Fjær",
];
const TITLES: [&str; 12] = [
    "Release",
    "Endringsstyring",
    "Behov",
    "Utvikling",
    "Produksjonssetting",
    "Forespørsler",
    "Hendelser",
    "Problemer",
    "Tilgangsstyring",
    "Kapasitet",
    "Leverandørstyring",
    "Kontinuitet",
];
const WORDS: [&str; 40] = [
    "planlegge",
    "tidsette",
    "kontrollere",
    "bygging",
    "testing",
    "utrulling",
    "av",
    "en",
    "produksjonsenhet",
    "holde",
    "kontroll",
    "på",
    "at",
    "det",
    "ikke",
    "oppstår",
    "uplanlagte",
    "alvorlige",
    "hendelser",
    "når",
    "vi",
    "innfører",
    "gjennomfører",
    "arbeid",
    "vedlikehold",
    "IT-plattformen",
    "sikrer",
    "kunder",
    "og",
    "brukere",
    "får",
    "størst",
    "mulig",
    "tillit",
    "til",
    "tjenestene",
    "håndterer",
    "etterspørsler",
    "behovene",
    "løsninger",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn name(&mut self) -> String {
        format!("{} {}", FIRST[self.next(16)], LAST[self.next(16)])
    }

    fn words(&mut self, bytes: usize) -> String {
        let mut s = String::new();
        while s.len() < bytes {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(WORDS[self.next(WORDS.len())]);
        }
        s[..1].to_uppercase() + &s[1..] + "."
    }
}

pub(crate) fn synthetic(documents: usize, cards_per_document: usize) -> Handbook {
    let mut rng = Rng(42);
    let docs = (0..documents)
        .map(|d| {
            let cards = (0..cards_per_document)
                .map(|c| {
                    let title = format!("{} {d}-{c}", TITLES[rng.next(TITLES.len())]);
                    let leader = if rng.next(10) == 0 {
                        format!("Tilgangsstyring/{}", rng.name())
                    } else {
                        rng.name()
                    };
                    let len = 140 + rng.next(120);
                    let purpose = rng.words(len);
                    let len = 30 + rng.next(30);
                    let input = rng.words(len);
                    let len = 40 + rng.next(40);
                    let output = rng.words(len);
                    card6(&title, &rng.name(), &leader, &purpose, &input, &output)
                })
                .collect();
            document(&format!("p/{}/{d}.md", d % 100), cards)
        })
        .collect();
    handbook(docs)
}
