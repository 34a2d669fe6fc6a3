//! What the integration tests share: the seed's card titles, and driving
//! the real binary in tmux.
//!
//! Each test crate uses part of it, so what one crate leaves unused is not dead.
#![allow(dead_code)]

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
