//! The command line's words for people, in each UI language. Field labels come
//! from the model ([`prosesser::Field`]); this is everything else the CLI says.

use prosesser::i18n::Lang;

pub struct Words {
    /// A field the card does not have at all.
    pub missing: &'static str,
    /// A field written as `""` (or only spaces).
    pub empty: &'static str,
    pub location: &'static str,
    /// Search results: the fields the query matched in.
    pub matched_in: &'static str,
    pub source: &'static str,
    pub name: &'static str,
    pub teams: &'static str,
    pub owner_of: &'static str,
    pub leader_of: &'static str,
    pub no_cards: &'static str,
    pub no_hits: &'static str,
    pub no_people: &'static str,
    pub no_problems: &'static str,
    pub load_problems: &'static str,
    /// After an external process's name.
    pub external: &'static str,
    pub untitled: &'static str,
    pub chains: &'static str,
    pub feeds: &'static str,
    pub unlinked: &'static str,
    pub why: &'static str,
    pub no_links: &'static str,
}

const NB: Words = Words {
    missing: "(mangler)",
    empty: "(tom)",
    location: "Sted",
    matched_in: "Treff i",
    source: "Kilde",
    name: "Navn",
    teams: "Team",
    owner_of: "Prosesseier for",
    leader_of: "Prosessleder for",
    no_cards: "Ingen kort.",
    no_hits: "Ingen treff.",
    no_people: "Ingen personer.",
    no_problems: "Ingen funn.",
    load_problems: "feil ved lesing; se `prosesser check`",
    external: "(ekstern)",
    untitled: "(uten tittel)",
    chains: "Kjeder",
    feeds: "Mottar fra flere",
    unlinked: "Uten lenker",
    why: "Hvorfor",
    no_links: "Ingen lenker mellom kortene.",
};

const EN: Words = Words {
    missing: "(missing)",
    empty: "(empty)",
    location: "Location",
    matched_in: "Matched in",
    source: "Source",
    name: "Name",
    teams: "Teams",
    owner_of: "Process owner of",
    leader_of: "Process leader of",
    no_cards: "No cards.",
    no_hits: "No matches.",
    no_people: "No people.",
    no_problems: "No problems found.",
    load_problems: "error(s) while reading; see `prosesser check`",
    external: "(external)",
    untitled: "(untitled)",
    chains: "Chains",
    feeds: "Fed by several",
    unlinked: "Without links",
    why: "Why",
    no_links: "No links between the cards.",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nb => &NB,
        Lang::En => &EN,
    }
}

/// `2 feil, 7 advarsler` / `2 errors, 7 warnings`.
pub fn summary(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::Nb => format!(
            "{errors} feil, {warnings} {}",
            if warnings == 1 {
                "advarsel"
            } else {
                "advarsler"
            }
        ),
        Lang::En => format!(
            "{errors} {}, {warnings} {}",
            if errors == 1 { "error" } else { "errors" },
            if warnings == 1 { "warning" } else { "warnings" }
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_in_each_language() {
        assert_eq!(summary(Lang::Nb, 2, 7), "2 feil, 7 advarsler");
        assert_eq!(summary(Lang::Nb, 1, 1), "1 feil, 1 advarsel");
        assert_eq!(summary(Lang::En, 2, 7), "2 errors, 7 warnings");
        assert_eq!(summary(Lang::En, 1, 1), "1 error, 1 warning");
    }
}
