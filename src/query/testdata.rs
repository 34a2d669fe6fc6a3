//! The seed handbook (`utvikling-drift.md`) built by hand, for tests that must
//! not wait for the parser: the nine real cards, text for text.

use crate::model::{Card, Document, FrontMatter, Handbook, STRATEGY_CARD, Value};

/// A card with these named params, in this order.
pub(crate) fn card(params: &[(&str, &str)]) -> Card {
    Card {
        shortcode: STRATEGY_CARD.to_owned(),
        line: 1,
        column: 1,
        params: params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned())))
            .collect(),
        positional: None,
        inner: None,
    }
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
        navigation: Vec::new(),
        cards,
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
    doc.front_matter.params.insert(
        "title".into(),
        "Utviklings- og driftsprosesser (DevOps)".into(),
    );
    doc.front_matter.params.insert("weight".into(), 2.into());
    handbook(vec![doc])
}
