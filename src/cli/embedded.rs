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

    /// `build.rs` and the loader share one rule for what is content, so the
    /// binary holds exactly what `prosesser data` reads.
    #[test]
    fn exactly_the_files_the_loader_reads_from_data_are_compiled_in() {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let handbook = prosesser::load::load_paths(&[&data]).unwrap();
        let mut read: Vec<_> = handbook.documents.iter().map(|d| d.path.clone()).collect();
        read.extend(handbook.diagnostics.iter().map(|d| d.path.clone()));
        read.sort();
        read.dedup();
        let mut compiled: Vec<_> = super::sources().into_iter().map(|s| s.path).collect();
        compiled.sort();
        assert_eq!(compiled, read);
    }
}
