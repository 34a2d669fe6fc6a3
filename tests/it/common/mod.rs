//! What the integration tests share: the seed's card titles, copying a
//! fixture folder, and driving the real binary in tmux.

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

/// Copies the folder `from` to `to`, recursively (a fixture to a temporary
/// folder a test may change).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
