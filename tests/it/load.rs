//! Loading files, folders and Hugo site roots. Hostile files (binary, not
//! UTF-8, FIFOs, symlink loops) are `hostile_files.rs`.

use prosesser::load::{LoadError, Source, load_paths, load_sources};
use std::fs;
use std::path::Path;

const SEED: &[u8] = include_bytes!("../../data/prosesser/utvikling-drift.md");

fn page(title: &str, weight: Option<i64>, cards: &[&str]) -> String {
    let mut s = format!("---\ntitle: {title}\n");
    if let Some(w) = weight {
        s.push_str(&format!("weight: {w}\n"));
    }
    s.push_str("---\n");
    for c in cards {
        s.push_str(&format!(
            "{{{{< prosesser/strategy-card title=\"{c}\" >}}}}\n"
        ));
    }
    s
}

fn paths(handbook: &prosesser::Handbook) -> Vec<&str> {
    handbook.documents.iter().map(|d| d.path.as_str()).collect()
}

#[test]
fn a_folder_is_read_recursively_with_relative_slash_paths() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a/b")).unwrap();
    fs::write(
        dir.path().join("a/b/deep.md"),
        page("Deep", Some(1), &["D"]),
    )
    .unwrap();
    fs::write(
        dir.path().join("top.markdown"),
        page("Top", Some(2), &["T"]),
    )
    .unwrap();
    fs::write(dir.path().join("notes.txt"), "not content").unwrap();
    let hb = load_paths(&[dir.path()]).unwrap();
    assert_eq!(paths(&hb), ["a/b/deep.md", "top.markdown"]);
    assert_eq!(
        hb.documents[0].file.as_deref(),
        Some(dir.path().join("a/b/deep.md").as_path())
    );
    assert!(hb.diagnostics.is_empty(), "{:?}", hb.diagnostics);
}

#[test]
fn a_file_keeps_the_path_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.md");
    fs::write(&file, SEED).unwrap();
    let hb = load_paths(&[file.as_path()]).unwrap();
    assert_eq!(hb.documents[0].path, file.to_string_lossy());
    assert_eq!(hb.card_count(), 9);
}

#[test]
fn documents_are_in_hugo_page_order_weight_then_title_then_path() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("z.md"), page("Alpha", Some(1), &[])).unwrap();
    fs::write(dir.path().join("y.md"), page("Beta", Some(1), &[])).unwrap();
    fs::write(dir.path().join("x.md"), page("Alpha", Some(1), &[])).unwrap();
    fs::write(dir.path().join("a.md"), page("Unweighted", None, &[])).unwrap();
    fs::write(dir.path().join("b.md"), page("Heavy", Some(9), &[])).unwrap();
    let hb = load_paths(&[dir.path()]).unwrap();
    // Weight 0 (unset) sorts last, as in Hugo.
    assert_eq!(paths(&hb), ["x.md", "z.md", "y.md", "b.md", "a.md"]);
}

#[test]
fn hidden_files_and_folders_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::write(dir.path().join(".git/x.md"), page("Hidden", None, &[])).unwrap();
    fs::write(dir.path().join(".draft.md"), page("Hidden", None, &[])).unwrap();
    fs::write(dir.path().join("shown.md"), page("Shown", None, &[])).unwrap();
    assert_eq!(paths(&load_paths(&[dir.path()]).unwrap()), ["shown.md"]);
}

#[test]
fn a_hugo_site_root_reads_its_content_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("hugo.toml"), "title = 'site'\n").unwrap();
    fs::create_dir_all(dir.path().join("content/prosesser")).unwrap();
    fs::create_dir_all(dir.path().join("themes/t")).unwrap();
    fs::write(dir.path().join("themes/t/README.md"), "# theme\n").unwrap();
    fs::write(dir.path().join("README.md"), "# site\n").unwrap();
    fs::write(
        dir.path().join("content/prosesser/utvikling-drift.md"),
        SEED,
    )
    .unwrap();
    let hb = load_paths(&[dir.path()]).unwrap();
    assert_eq!(paths(&hb), ["content/prosesser/utvikling-drift.md"]);
}

#[test]
fn several_paths_are_all_loaded() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    fs::write(a.path().join("a.md"), page("A", Some(1), &["A1"])).unwrap();
    fs::write(b.path().join("b.md"), page("B", Some(2), &["B1", "B2"])).unwrap();
    let hb = load_paths(&[a.path(), b.path()]).unwrap();
    assert_eq!(hb.card_count(), 3);
}

#[test]
fn a_missing_path_is_an_error_that_names_it() {
    let err = load_paths(&[Path::new("/no/such/handbook")]).unwrap_err();
    assert!(matches!(err, LoadError::NotFound(_)));
    assert_eq!(
        err.to_string(),
        "/no/such/handbook: no such file or directory"
    );
}

#[test]
fn one_broken_document_never_hides_the_others() {
    let good = Source {
        path: "good.md".into(),
        file: None,
        bytes: SEED.to_vec(),
    };
    let broken = Source {
        path: "broken.md".into(),
        file: None,
        bytes: b"---\ntitle: [\n---\n".to_vec(),
    };
    let hb = load_sources(vec![broken, good]);
    assert_eq!(hb.card_count(), 9);
    assert_eq!(hb.documents.len(), 2);
    assert_eq!(hb.diagnostics.len(), 1);
    assert_eq!(hb.diagnostics[0].path, "broken.md");
}

#[test]
fn diagnostics_are_sorted_by_path_and_position() {
    let a = Source {
        path: "b.md".into(),
        file: None,
        bytes: b"---\nx: 1\n---\n{{< >}}\n{{< >}}\n".to_vec(),
    };
    let b = Source {
        path: "a.md".into(),
        file: None,
        bytes: b"---\nx: 1\n---\n{{< >}}\n".to_vec(),
    };
    let hb = load_sources(vec![a, b]);
    let keys: Vec<(String, u32)> = hb
        .diagnostics
        .iter()
        .map(|d| (d.path.clone(), d.line))
        .collect();
    assert_eq!(
        keys,
        [("a.md".into(), 4), ("b.md".into(), 4), ("b.md".into(), 5)]
    );
}
