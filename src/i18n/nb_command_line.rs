//! The command line's help, headings and usage errors in Norwegian Bokmål
//! (see `command_line.rs`; the English is the clap definition).

use super::command_line::{ArgHelp, CommandHelp, CommandLine, Flags, Headings, UsageErrors};

const PATHS: ArgHelp = ArgHelp {
    id: "paths",
    help: Some(
        "Filer, mapper eller rotmapper til Hugo-nettsteder [standard: den innebygde håndboken]",
    ),
    value_name: Some("STI"),
    values: &[],
};

/// `-f` of `list`, `search`, `people` and `history`.
const FORMAT: ArgHelp = ArgHelp {
    id: "format",
    help: None,
    value_name: None,
    values: &[
        (
            "text",
            "Kolonner på linje for mennesker, på språket fra --lang",
        ),
        ("json", "JSON i den dokumenterte formen, for skript"),
        ("csv", "CSV etter RFC 4180 med engelske overskrifter"),
        ("markdown", "En Markdown-tabell per dokument, for wikier"),
    ],
};

pub(super) const NB: CommandLine = CommandLine {
    commands: &[
        CommandHelp {
            name: "prosesser",
            about: "Bla i og søk i en prosesshåndbok for Hugo (sider med prosesser/strategy-card)",
            long_about: Some(
                "Bla i og søk i en prosesshåndbok for Hugo (sider med prosesser/strategy-card).\n\n\
                 Uten kommando åpnes håndboken i terminalen når standard ut er en terminal, \
                 og ellers skrives det `list` skriver. Uten STI brukes håndboken som er bygd \
                 inn fra `data/`.",
            ),
            args: &[
                ArgHelp {
                    help: Some(
                        "Filer, mapper eller rotmapper til Hugo-nettsteder som skal leses \
                         [standard: den innebygde håndboken]",
                    ),
                    ..PATHS
                },
                ArgHelp {
                    id: "lang",
                    help: Some(
                        "Språket i tekst for mennesker (maskinformater har alltid engelske nøkler)",
                    ),
                    value_name: Some("SPRÅK"),
                    values: &[("nb", "norsk bokmål"), ("en", "engelsk")],
                },
                ArgHelp {
                    id: "mouse",
                    help: Some(
                        "La visningen i terminalen ta imot musen (da virker ikke terminalens \
                         egen tekstmarkering)",
                    ),
                    value_name: None,
                    values: &[],
                },
                ArgHelp {
                    id: "card_shortcodes",
                    help: Some(
                        "En shortcode der hvert kall er et prosesskort, i tillegg til \
                         `prosesser/strategy-card`, `prosesser/card` og nettstedets egne \
                         kortmaler (kan gjentas)",
                    ),
                    value_name: Some("NAVN"),
                    values: &[],
                },
                ArgHelp {
                    id: "follow",
                    help: Some(
                        "Følg symbolske lenker som fører ut av mappene som er gitt (inne i dem \
                         følges de alltid)",
                    ),
                    value_name: None,
                    values: &[],
                },
            ],
        },
        CommandHelp {
            name: "list",
            about: "Alle kortene, i sidenes rekkefølge hos Hugo",
            long_about: None,
            args: &[PATHS, FORMAT],
        },
        CommandHelp {
            name: "search",
            about: "Kortene som treffer et søk, beste treff først",
            long_about: Some(
                "Kortene som treffer et søk, beste treff først\n\n\
                 Alle ordene må passe; `eier:`/`owner:`, `leder:`/`leader:`, `person:`, \
                 `tittel:`/`title:`, `formål:`/`purpose:`, `input:`, `output:`, \
                 `effekt:`/`effect:` foran et ord søker bare i det feltet, `side:`/`page:` \
                 søker i sidens tittel og sti, `team:` finner kortene til medlemmene av et \
                 team; `-ord` utelater; \"fraser i anførselstegn\" og /regex/ virker også. \
                 Store og små bokstaver og aksenter spiller ingen rolle. Avslutter med 1 når \
                 ingenting passer.",
            ),
            args: &[
                ArgHelp {
                    id: "query",
                    help: Some(
                        "Søket, for eksempel `mork`, `eier:hanne` eller `-tony` (kan begynne med `-`)",
                    ),
                    value_name: Some("SØK"),
                    values: &[],
                },
                PATHS,
                FORMAT,
            ],
        },
        CommandHelp {
            name: "people",
            about: "Hver person én gang: teamene og rollene deres, og kortene de er \
                    prosesseier og prosessleder for",
            long_about: None,
            args: &[PATHS, FORMAT],
        },
        CommandHelp {
            name: "flow",
            about: "Hvordan prosessene gir arbeid videre til hverandre, lest fra input og output",
            long_about: Some(
                "Hvordan prosessene gir arbeid videre til hverandre, lest fra input og output\n\n\
                 Per dokument: kjeder (`Behov → Utvikling → Produksjonssetting`), kort som \
                 mottar fra flere (`Release ← Behov, Utvikling`), kort uten lenker, og hvorfor \
                 hver lenke er trukket. `--format dot` skriver Graphviz DOT i stedet \
                 (`prosesser flow -f dot | dot -Tsvg > flow.svg`), `--format json` den samme \
                 flyten for skript.",
            ),
            args: &[
                PATHS,
                ArgHelp {
                    values: &[
                        (
                            "text",
                            "Kjeder, mottak fra flere og begrunnelser for mennesker, på språket \
                             fra --lang",
                        ),
                        ("dot", "Graphviz DOT"),
                        (
                            "json",
                            "Lenker, kjeder, mottak fra flere og kort uten lenker som JSON, for skript",
                        ),
                    ],
                    ..FORMAT
                },
            ],
        },
        CommandHelp {
            name: "history",
            about: "Hva som er endret i hvert kort, commit for commit, nyeste først (fra git)",
            long_about: Some(
                "Hva som er endret i hvert kort, commit for commit, nyeste først (fra git)\n\n\
                 Leser historikken til HEAD for dokumentene med kort under STI i en \
                 git-arbeidsmappe: kort som er lagt til, fjernet og har fått nytt navn, hver \
                 parameter som er endret (gammel → ny), og versjoner som ikke kan leses. En fil \
                 følges når den får nytt navn.",
            ),
            args: &[
                ArgHelp {
                    help: Some(
                        "Filer, mapper eller rotmapper til Hugo-nettsteder i en git-arbeidsmappe \
                         [standard: .]",
                    ),
                    ..PATHS
                },
                ArgHelp {
                    id: "query",
                    help: Some(
                        "Bare kortene som passer med dette søket i en av versjonene (søkespråket \
                         til `search`)",
                    ),
                    value_name: Some("SØK"),
                    values: &[],
                },
                FORMAT,
            ],
        },
        CommandHelp {
            name: "check",
            about: "Meld fra om problemer som `sti:linje:kolonne: alvorlighet: melding [regel]`",
            long_about: Some(
                "Meld fra om problemer som `sti:linje:kolonne: alvorlighet: melding [regel]`\n\n\
                 Avslutter med 1 når noe er feil (eller, med --strict, når det er en \
                 advarsel). Stiene skrives slik at de åpnes fra mappen du står i. Meldingen \
                 er på språket fra --lang; alvorligheten (`error` eller `warning`) og regelen \
                 står alltid som verktøy leser dem. Regler slås av og på som i clippy: \
                 `--allow REGEL` tar bort funnene til en regel, `--warn REGEL` gjør dem til \
                 advarsler, `--deny REGEL` til feil; `warnings` står for alle advarsler; den \
                 siste innstillingen for et funn gjelder.",
            ),
            args: &[
                PATHS,
                ArgHelp {
                    id: "strict",
                    help: Some("Feil (avslutt med 1) også ved advarsler"),
                    value_name: None,
                    values: &[],
                },
                ArgHelp {
                    id: "allow",
                    help: Some("Ikke meld fra om REGEL (kan gjentas)"),
                    value_name: Some("REGEL"),
                    values: &[],
                },
                ArgHelp {
                    id: "warn",
                    help: Some("Meld fra om REGEL som advarsel (kan gjentas)"),
                    value_name: Some("REGEL"),
                    values: &[],
                },
                ArgHelp {
                    id: "deny",
                    help: Some("Meld fra om REGEL som feil, så sjekken feiler (kan gjentas)"),
                    value_name: Some("REGEL"),
                    values: &[],
                },
                ArgHelp {
                    values: &[
                        (
                            "text",
                            "`sti:linje:kolonne: alvorlighet: melding [regel]`, én per linje",
                        ),
                        ("json", "`{\"diagnostics\": [...]}`"),
                    ],
                    ..FORMAT
                },
            ],
        },
        CommandHelp {
            name: "completions",
            about: "Skriv ut et skript som fullfører kommandoer i skallet",
            long_about: Some(
                "Skriv ut et skript som fullfører kommandoer i skallet\n\n\
                 bash: `source <(prosesser completions bash)` i ~/.bashrc; zsh: `prosesser \
                 completions zsh > ~/.zfunc/_prosesser` med ~/.zfunc i $fpath; fish: \
                 `prosesser completions fish > ~/.config/fish/completions/prosesser.fish`.",
            ),
            args: &[ArgHelp {
                id: "shell",
                help: None,
                value_name: Some("SKALL"),
                values: &[],
            }],
        },
        CommandHelp {
            name: "man",
            about: "Skriv ut manualsiden (roff): `prosesser man | man -l -`",
            long_about: Some(
                "Skriv ut manualsiden (roff): `prosesser man | man -l -`\n\n\
                 Med en kommando: siden for den kommandoen (`prosesser man search`).",
            ),
            args: &[ArgHelp {
                id: "command",
                help: Some("Kommandoen som siden skal gjelde [standard: prosesser selv]"),
                value_name: Some("KOMMANDO"),
                values: &[],
            }],
        },
        CommandHelp {
            name: "help",
            about: "Skriv ut denne hjelpen eller hjelpen til de gitte kommandoene",
            long_about: None,
            args: &[],
        },
    ],
    flags: Flags {
        help: "Vis hjelpen",
        help_short: "Vis hjelpen (mer med «--help»)",
        help_long: "Vis hjelpen (et sammendrag med «-h»)",
        version: "Vis versjonen",
    },
    headings: Headings {
        usage: "Bruk",
        commands: "Kommandoer",
        arguments: "Argumenter",
        options: "Valg",
        any_options: "[VALG]",
        command_value: "KOMMANDO",
        possible_values: "Mulige verdier",
        possible_values_inline: "mulige verdier",
        default: "standard",
        man_sections: ["NAVN", "OVERSIKT", "BESKRIVELSE", "VERSJON"],
    },
    errors: UsageErrors {
        error: "feil",
        tip: "tips",
        used_twice: "«{arg}» kan bare gis én gang",
        cannot_be_used_with: "«{arg}» kan ikke brukes sammen med",
        command_cannot_be_used_with: "kommandoen «{command}» kan ikke brukes sammen med",
        other_arguments: "ett eller flere av de andre argumentene",
        needs_equals: "verdien til «{arg}» må gis med likhetstegn",
        no_value: "«{arg}» trenger en verdi, men fikk ingen",
        invalid_value: "ugyldig verdi «{value}» for «{arg}»",
        possible_values: "[mulige verdier: {list}]",
        unknown_command: "ukjent kommando «{command}»",
        missing_arguments: "disse argumentene mangler:",
        missing_command: "«{command}» trenger en kommando, men fikk ingen",
        commands: "[kommandoer: {list}]",
        not_utf8: "et argument er ikke gyldig UTF-8",
        too_many_values: "uventet verdi «{value}» for «{arg}»: den tar ikke flere",
        too_few_values: "«{arg}» trenger {min} verdier, men fikk bare {actual}",
        wrong_number_of_values: "«{arg}» trenger {expected} verdier, men fikk {actual}",
        unknown_argument: "uventet argument «{arg}»",
        similar_command: "det finnes en lignende kommando: {list}",
        similar_commands: "det finnes lignende kommandoer: {list}",
        similar_argument: "det finnes et lignende argument: {list}",
        similar_arguments: "det finnes lignende argumenter: {list}",
        similar_value: "det finnes en lignende verdi: {list}",
        similar_values: "det finnes lignende verdier: {list}",
        pass_as_value: "skriv «{value}» for å gi «{arg}» som verdi",
        exists: "«{arg}» finnes",
        remove_dashes: "kommandoen «{command}» finnes; ta bort «--» foran den for å bruke den",
        try_help: "Mer hjelp får du med «{arg}».",
        other: "kommandolinjen kan ikke brukes slik",
    },
};
