//! The real handbook page, card by card and field by field.

use crate::common;

use common::SEED_TITLES;
use prosesser::model::{Field, FrontMatterFormat};
use prosesser::parse::parse_document;

fn seed() -> prosesser::Document {
    let bytes = include_bytes!("../../data/prosesser/utvikling-drift.md");
    let (doc, diagnostics) = parse_document("prosesser/utvikling-drift.md", bytes);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    doc.unwrap()
}

#[test]
fn seed_front_matter_is_yaml_with_title_weight_and_ingress() {
    let doc = seed();
    assert_eq!(doc.front_matter.format, Some(FrontMatterFormat::Yaml));
    assert_eq!(
        doc.title().as_deref(),
        Some("Utviklings- og driftsprosesser (DevOps)")
    );
    assert_eq!(doc.weight(), 2);
    assert!(doc.ingress().unwrap().starts_with("En synergisk reise"));
    assert_eq!(
        doc.front_matter.get_str("layout").as_deref(),
        Some("prosesser/utvikling-drift/single")
    );
    assert_eq!(
        doc.front_matter.get("banner").unwrap()["image"]["alt"],
        "Illustrasjon av en person som holder mobilskjerm på kneet sitt"
    );
}

#[test]
fn seed_navigation_has_nine_clean_entries_despite_the_unclosed_p() {
    assert_eq!(seed().navigation(), SEED_TITLES);
}

type Row<'a> = (
    u32,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

#[test]
fn seed_has_nine_cards_field_by_field() {
    let expected: [Row; 9] = [
        (
            26,
            "Release",
            Some("Hanne Lauritsen"),
            Some("Torkel Buarøy"),
            Some(
                "Planlegge, tidsette og kontrollere bygging, testing og utrulling av en produksjonsenhet.",
            ),
            Some("Behov fra portefølje-, behovs- og utviklingsprosessene."),
            Some(
                "Ny funksjonalitet til forretning uten at det går på bekostning av eksisterende tjenester",
            ),
        ),
        (
            35,
            "Endringsstyring",
            Some("Hanne Lauritsen"),
            Some("Tony Grimstad"),
            Some(
                "Holde kontroll på at det ikke oppstår uplanlagte alvorlige hendelser når vi innfører eller gjennomfører arbeid/vedlikehold på IT-plattformen. Slik sikrer vi at kunder og brukere får størst mulig tillit til tjenestene",
            ),
            Some("Produksjonsendringer klare til gjennomføring"),
            Some("Evaluert produksjonsendring (med mål om vellykkede endringer)"),
        ),
        (
            44,
            "Behov",
            Some("Hanne Lauritsen"),
            Some("Tony Grimstad"),
            Some(
                "Sørge for at vi håndterer etterspørsler på en god måte ved å raffinere. Det vil si at vi kategoriserer og prioriterer behovene.",
            ),
            Some("Behov fra porteføljeprosess"),
            Some("Prioriterte behov"),
        ),
        (
            53,
            "Utvikling",
            Some("Roberto Andres Carrera"),
            Some("Snorre Aakerø"),
            Some("Ansvarlig for å skape eller endre en IT-tjeneste eller applikasjon."),
            Some("Prioriterte behov fra behovsprosessen"),
            Some("Klargjorte endringer til produksjonssetting"),
        ),
        (
            62,
            "Produksjonssetting",
            Some("Dan Remi Mørk"),
            Some("Torkel Buarøy"),
            Some(
                "Ansvarlig for å rulle ut blant annet ny eller endret maskinvare, programvare, dokumentasjon og prosess til produksjonsmiljøet. Produksjonssetting er en del av styring av produksjonssettingsprosessen.",
            ),
            Some("Klargjorte endringer til produksjon"),
            Some("Sikre at endringer blir produksjonssatt til rett tid med riktig kvalitet"),
        ),
        (
            71,
            "Forespørsler",
            Some(""),
            Some(""),
            Some(""),
            Some(""),
            Some(""),
        ),
        (
            80,
            "Hendelser",
            Some(""),
            Some(""),
            Some(""),
            Some(""),
            Some(""),
        ),
        (
            89,
            "Problemer",
            Some(""),
            Some(""),
            Some(""),
            Some(""),
            Some(""),
        ),
        (
            98,
            "Tilgangsstyring",
            Some("Hege Nilsen"),
            Some("Tilgangsstyring/Espen Herskedal"),
            Some(
                "Sikre at vi har god kontroll på tilgangsstyringen til verktøy og løsninger, og hvordan vi utfører tilgangsstyringen.",
            ),
            None,
            None,
        ),
    ];
    let doc = seed();
    assert_eq!(doc.cards.len(), 9);
    for (card, (line, title, owner, leader, purpose, input, output)) in
        doc.cards.iter().zip(expected)
    {
        assert_eq!(card.shortcode, "prosesser/strategy-card");
        assert_eq!((card.line, card.column), (line, 1), "{title}");
        assert_eq!(card.field(Field::Title).as_deref(), Some(title));
        assert_eq!(card.field(Field::Owner).as_deref(), owner, "{title}");
        assert_eq!(card.field(Field::Leader).as_deref(), leader, "{title}");
        assert_eq!(card.field(Field::Purpose).as_deref(), purpose, "{title}");
        assert_eq!(card.field(Field::Input).as_deref(), input, "{title}");
        assert_eq!(card.field(Field::Output).as_deref(), output, "{title}");
        assert_eq!(card.positional(), None);
        assert_eq!(card.inner(), None);
        assert_eq!(card.extra_params().count(), 0);
    }
}

#[test]
fn tilgangsstyring_has_no_input_or_output_while_empty_cards_have_empty_ones() {
    let doc = seed();
    let tilgang = doc
        .cards
        .iter()
        .find(|c| c.title() == "Tilgangsstyring")
        .unwrap();
    assert_eq!(tilgang.param("input"), None);
    let hendelser = doc.cards.iter().find(|c| c.title() == "Hendelser").unwrap();
    assert_eq!(hendelser.field(Field::Input).as_deref(), Some(""));
}
