//! What the integration tests share: the seed's card titles, driving the
//! real binary in tmux, and git repositories with a known history.

pub mod git_repo;
pub mod tmux;

/// The real handbook page's cards, in order: what the shipped `data/` holds.
pub const SEED_TITLES: [&str; 9] = [
    "Release",
    "Endringsstyring",
    "Behov",
    "Utvikling",
    "Produksjonssetting",
    "Forespørsler",
    "Hendelser",
    "Problemer",
    "Tilgangsstyring",
];
