//! Writes a deterministic handbook corpus shaped like the real page, for the
//! benchmarks: `cargo run --release --example gen-corpus -- --docs 10000 OUT`.
//!
//! Each document has front matter like the seed's (title, a long ingress,
//! weight, layout, banner, navigation HTML), 5–15 strategy cards with
//! Norwegian names and text (æøå everywhere), some cards empty or without
//! input/output as in the real page, about 4–5 KB in all; documents are spread
//! over nested folders. The same arguments always give the same bytes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// SplitMix64: tiny, deterministic, good enough to vary text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

#[rustfmt::skip]
const FIRST: &[&str] = &[
    "Hanne", "Torkel", "Tony", "Roberto", "Snorre", "Dan Remi", "Hege", "Espen", "Åse", "Øystein",
    "Bjørn", "Kjærsti", "Ståle", "Mæhre", "Ingrid", "Jørgen", "Sølvi", "Håkon", "Tormod", "Liv",
    "Pål", "Ærlend", "Gunnhild", "Sverre", "Marte", "Dagfinn", "Åsmund", "Siri", "Eirik", "Tove",
];
#[rustfmt::skip]
const LAST: &[&str] = &[
    "Lauritsen", "Buarøy", "Grimstad", "Andres Carrera", "Aakerø", "Mørk", "Nilsen", "Herskedal",
    "Østby", "Sæther", "Bråten", "Løvås", "Kværnø", "Hågensen", "Ødegård", "Strøm", "Bækkelund",
    "Åsheim", "Fjærli", "Nygård", "Tørresdal", "Haugen", "Berg", "Dahl", "Solbakken",
];
#[rustfmt::skip]
const TEAMS: &[&str] = &["Tilgangsstyring", "Plattform", "Drift", "Sikkerhet", "Data", "Nett"];
#[rustfmt::skip]
const PROCESSES: &[&str] = &[
    "Release", "Endringsstyring", "Behov", "Utvikling", "Produksjonssetting", "Forespørsler",
    "Hendelser", "Problemer", "Tilgangsstyring", "Kapasitetsstyring", "Kontinuitet",
    "Leverandørstyring", "Konfigurasjonsstyring", "Tjenestenivå", "Kunnskapsforvaltning",
    "Overvåking", "Sikkerhetsstyring", "Arkitektur", "Portefølje", "Økonomistyring",
];
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "sørge", "for", "at", "vi", "håndterer", "etterspørsler", "på", "en", "god", "måte", "ved",
    "å", "raffinere", "kategoriserer", "og", "prioriterer", "behovene", "kontroll", "med",
    "uplanlagte", "alvorlige", "hendelser", "når", "innfører", "eller", "gjennomfører",
    "arbeid", "vedlikehold", "IT-plattformen", "kunder", "brukere", "får", "størst", "mulig",
    "tillit", "til", "tjenestene", "ansvarlig", "skape", "endre", "tjeneste", "applikasjon",
    "rulle", "ut", "maskinvare", "programvare", "dokumentasjon", "prosess", "produksjonsmiljøet",
    "løsninger", "verktøy", "kvalitet", "rett", "tid", "endringer", "forretning", "kostnad",
];
const INGRESS: &str = "En synergisk reise for å lede kulturen som gir resultater, fremme produktutvikling og optimalisere prosesser ved å bruke DevOps-metodikk. Vi ønsker å fremme tett samarbeid og åpen kommunikasjon mellom utviklere, brukeropplevelse, styring og forretning. Ved å designe og bruke en produktorganisasjon, strukturerer vi teamene med autonomi og samtidig fremmer samarbeid.";

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    let mut chars = s.chars();
    let first = chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

fn person(rng: &mut Rng) -> String {
    let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    if rng.below(12) == 0 {
        format!("{}/{name}", rng.pick(TEAMS))
    } else {
        name
    }
}

fn document(rng: &mut Rng, index: usize) -> String {
    let cards = 5 + rng.below(11);
    let mut titles: Vec<String> = Vec::with_capacity(cards);
    for i in 0..cards {
        let base = rng.pick(PROCESSES);
        titles.push(
            if i < PROCESSES.len() && !titles.iter().any(|t| t == base) {
                base.to_owned()
            } else {
                format!("{base} {}", i + 1)
            },
        );
    }
    let mut s = String::with_capacity(5000);
    let area = rng.pick(PROCESSES);
    let _ = writeln!(s, "---\ntitle: {area}prosesser {index}");
    let _ = writeln!(s, "ingress: {INGRESS}");
    let _ = writeln!(s, "weight: {}\n", 1 + rng.below(50));
    let _ = writeln!(s, "layout: prosesser/utvikling-drift/single\n");
    let _ = writeln!(
        s,
        "banner:\n  image:\n    src: /illustrations/illustration-{:02}.png\n    alt: Illustrasjon av en person som holder mobilskjerm på kneet sitt\n",
        rng.below(20)
    );
    let _ = writeln!(s, "navigation_link:\n  text: |");
    for t in &titles {
        let _ = writeln!(s, "    <p> - {t}</p>");
    }
    s.push_str("---\n\n");
    for (i, title) in titles.iter().enumerate() {
        let _ = writeln!(s, "{{{{< prosesser/strategy-card ");
        let _ = writeln!(s, "  title=\"{title}\" ");
        if rng.below(10) == 0 {
            // As in the real page: some cards are all empty.
            s.push_str("  owner=\"\" \n  leader=\"\"\n  purpose=\"\"\n  input=\"\"\n  output=\"\" \n>}}\n\n");
            continue;
        }
        let _ = writeln!(s, "  owner=\"{}\" ", person(rng));
        let _ = writeln!(s, "  leader=\"{}\" ", person(rng));
        let words = 10 + rng.below(25);
        let _ = writeln!(s, "  purpose=\"{}\"", sentence(rng, words));
        if rng.below(8) != 0 {
            let from = if i > 0 {
                titles[i - 1].to_lowercase()
            } else {
                "portefølje".into()
            };
            let _ = writeln!(
                s,
                "  input=\"{} fra {from}sprosessen\"",
                sentence(rng, 3).trim_end_matches('.')
            );
            let words = 4 + rng.below(8);
            let _ = writeln!(s, "  output=\"{}\" ", sentence(rng, words));
        }
        s.push_str(">}}\n\n");
    }
    s
}

fn main() -> std::io::Result<()> {
    let mut docs = 10_000usize;
    let mut seed = 2026u64;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--docs" => docs = args.next().and_then(|v| v.parse().ok()).expect("--docs N"),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed N"),
            _ => out = Some(PathBuf::from(arg)),
        }
    }
    let Some(out) = out else {
        eprintln!("usage: gen-corpus [--docs N] [--seed N] OUT");
        std::process::exit(2);
    };
    let mut rng = Rng(seed);
    let mut bytes = 0usize;
    let mut cards = 0usize;
    for i in 0..docs {
        let text = document(&mut rng, i);
        cards += text.matches("{{< prosesser/strategy-card").count();
        bytes += text.len();
        let dir = out
            .join(format!("omrade-{:02}", i % 20))
            .join(format!("seksjon-{:02}", (i / 20) % 25));
        std::fs::create_dir_all(&dir)?;
        write(&dir.join(format!("prosess-{i:05}.md")), &text)?;
    }
    eprintln!(
        "{docs} documents, {cards} cards, {bytes} bytes in {}",
        out.display()
    );
    Ok(())
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}
