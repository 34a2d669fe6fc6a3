//! What the integration tests share: the seed's card titles, and driving
//! the real binary in tmux.

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
