//! The handbook in `data/`, compiled in by `build.rs`.

use prosesser::load::Source;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded_data.rs"));
}

/// Every compiled-in file, named as under `data/` (`prosesser/utvikling-drift.md`).
pub fn sources() -> Vec<Source> {
    generated::FILES
        .iter()
        .map(|(path, bytes)| Source {
            path: (*path).to_owned(),
            file: None,
            bytes: bytes.to_vec(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_seed_page_is_compiled_in_under_its_data_path() {
        let names: Vec<_> = super::sources().into_iter().map(|s| s.path).collect();
        assert!(
            names.contains(&"prosesser/utvikling-drift.md".to_owned()),
            "{names:?}"
        );
    }
}
