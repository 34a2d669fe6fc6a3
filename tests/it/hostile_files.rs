//! Hostile input, one bad file at a time (issue 5): each is put in a folder
//! beside the seed document and loaded with `load_paths`.
//!
//! Every test checks the same promises through [`load_beside_seed`]: the seed
//! still loads with its nine cards, every regular `.md` file ends up as a
//! document or a diagnostic, and every diagnostic names a real place
//! (file:line:col, 1-based, inside the file) with a message. Nothing here is
//! timed, but each test must stay quick in a debug build: big inputs are made
//! at run time, and a slow test means slow code.

#[cfg(unix)]
use crate::common::with_deadline;
use prosesser::load::{find_files, load_found, load_paths};
use prosesser::model::{Handbook, Rule, Severity};
use prosesser::parse::limits;
use std::fs;
use std::path::{Path, PathBuf};

const SEED: &[u8] = include_bytes!("../../data/prosesser/utvikling-drift.md");
const SEED_NAME: &str = "utvikling-drift.md";

fn folder_with_seed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(SEED_NAME), SEED).unwrap();
    dir
}

/// Write `bytes` as `name` beside the seed, load the folder, check the promises.
fn load_beside_seed(name: &str, bytes: &[u8]) -> (tempfile::TempDir, Handbook) {
    let dir = folder_with_seed();
    let file = dir.path().join(name);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, bytes).unwrap();
    let handbook = load_checked(dir.path());
    (dir, handbook)
}

fn load_checked(dir: &Path) -> Handbook {
    let handbook = load_paths(&[dir]).unwrap();
    check_promises(dir, &handbook);
    handbook
}

/// The promises every hostile test keeps.
fn check_promises(dir: &Path, handbook: &Handbook) {
    let seed = handbook
        .documents
        .iter()
        .find(|d| d.path == SEED_NAME)
        .expect("the seed document always loads");
    assert_eq!(seed.cards.len(), 9, "the seed keeps its nine cards");
    assert!(
        handbook.diagnostics.iter().all(|d| d.path != SEED_NAME),
        "nothing is said about the seed: {:?}",
        handbook.diagnostics
    );

    for file in regular_md_files(dir) {
        let shown = file
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let loaded = handbook.documents.iter().any(|d| d.path == shown);
        let reported = handbook.diagnostics.iter().any(|d| {
            d.path == shown || (d.rule == Rule::Io && shown.starts_with(&format!("{}/", d.path)))
        });
        assert!(
            loaded || reported,
            "{shown} silently disappeared: {:?}",
            handbook.diagnostics
        );
    }

    // Each file read once, however many diagnostics it has.
    let mut files: std::collections::HashMap<&str, Option<Lines>> = Default::default();
    for d in &handbook.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d}");
        assert!(!d.message.trim().is_empty(), "{d}");
        assert!(d.message.len() < 1000, "a message quotes too much: {d}");
        if d.rule == Rule::Io {
            continue;
        }
        // A position inside a file that is still there to check against.
        let lines = files.entry(&d.path).or_insert_with(|| {
            let file = dir.join(&d.path);
            fs::metadata(&file)
                .is_ok_and(|m| m.is_file())
                .then(|| fs::read(&file).ok().map(|b| Lines::new(&b)))
                .flatten()
        });
        if let Some(lines) = lines {
            lines.assert_inside(d.line, d.column, &d.to_string());
        }
    }
    for doc in &handbook.documents {
        assert!(doc.cards.len() <= limits::MAX_CARDS_PER_FILE);
        let bytes = fs::read(dir.join(&doc.path)).unwrap();
        let lines = Lines::new(&bytes);
        for card in &doc.cards {
            lines.assert_inside(card.line, card.column, &doc.path);
        }
        let shortcode_errors = handbook
            .diagnostics
            .iter()
            .filter(|d| d.path == doc.path && d.rule == Rule::Shortcode)
            .count();
        assert!(shortcode_errors <= limits::MAX_ERRORS_PER_FILE);
    }
}

/// Where each line of a file starts, to check positions against.
struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    fn new(bytes: &[u8]) -> Lines {
        let starts = std::iter::once(0)
            .chain(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        Lines {
            starts,
            len: bytes.len(),
        }
    }

    /// Line and column name a place in the file: the line exists, and the
    /// column is at most one past its last byte.
    fn assert_inside(&self, line: u32, column: u32, what: &str) {
        let line = line as usize;
        assert!(
            line <= self.starts.len(),
            "{what}: line {line} is past the end of the file"
        );
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.len, |next| next - 1);
        assert!(
            start + column as usize - 1 <= end,
            "{what}: column {column} is past the end of line {line}"
        );
    }
}

/// Every regular `.md` file the walk should see: not hidden, symlinks not
/// followed (a link to a file is checked through the file itself).
fn regular_md_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() && e.file_name().to_string_lossy().ends_with(".md") {
                out.push(e.path());
            }
        }
    }
    out
}

/// A first line, so a body that starts with `{{<` is not read as JSON front
/// matter (hugo-content.md §2.1).
const INTRO: &str = "Prosesser\n";

fn card(title: &str) -> String {
    format!("{{{{< prosesser/strategy-card title=\"{title}\" owner=\"O\" >}}}}\n")
}

fn diagnostics_of<'a>(handbook: &'a Handbook, path: &str) -> Vec<&'a prosesser::model::Diagnostic> {
    handbook
        .diagnostics
        .iter()
        .filter(|d| d.path == path)
        .collect()
}

fn document<'a>(handbook: &'a Handbook, path: &str) -> &'a prosesser::Document {
    handbook
        .documents
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("{path} is not loaded: {:?}", handbook.diagnostics))
}

fn titles(doc: &prosesser::Document) -> Vec<String> {
    doc.cards.iter().map(|c| c.title().into_owned()).collect()
}

// ---------------------------------------------------------------------------
// Not text

#[test]
fn a_binary_file_named_md_is_skipped_with_the_place_of_its_first_nul() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    png[20] = 0;
    let (_dir, hb) = load_beside_seed("picture.md", &png);
    let d = diagnostics_of(&hb, "picture.md");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].rule, Rule::Binary);
    assert_eq!(d[0].severity, Severity::Error);
    assert!(d[0].message.contains("not a text file"), "{}", d[0]);
    assert!(hb.documents.iter().all(|doc| doc.path != "picture.md"));

    let (_dir, hb) = load_beside_seed("bin.md", b"\x7fELF\x00\x01\x02");
    assert_eq!(
        diagnostics_of(&hb, "bin.md")[0].to_string(),
        "bin.md:1:5: error: not a text file (it holds NUL bytes); skipped [binary]"
    );
}

#[test]
fn invalid_utf8_in_a_param_is_reported_and_shown_lossily() {
    let text = b"---\ntitle: Latin-1\n---\n{{< prosesser/strategy-card title=\"Bl\xe5b\xe6r\" owner=\"Ola\" >}}\n";
    let (_dir, hb) = load_beside_seed("latin1.md", text);
    let d = diagnostics_of(&hb, "latin1.md");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].rule, Rule::Utf8);
    assert_eq!(d[0].severity, Severity::Warning);
    // `\xe5` is the 38th byte of line 4.
    assert_eq!((d[0].line, d[0].column), (4, 38), "{}", d[0]);
    assert!(d[0].message.contains("2 places"), "{}", d[0]);
    let doc = document(&hb, "latin1.md");
    assert_eq!(titles(doc), ["Bl\u{FFFD}b\u{FFFD}r"]);
    // Positions after the bad bytes are still those of the file.
    assert_eq!((doc.cards[0].line, doc.cards[0].column), (4, 1));

    // Two bad bytes side by side are two places, each its own U+FFFD.
    let text = b"---\ntitle: x\n---\n{{< prosesser/strategy-card title=\"Bad \xff\xfe byte\" >}}\n";
    let (_dir, hb) = load_beside_seed("bad.md", text);
    assert_eq!(
        titles(document(&hb, "bad.md")),
        ["Bad \u{FFFD}\u{FFFD} byte"]
    );
    assert_eq!(
        diagnostics_of(&hb, "bad.md")[0].to_string(),
        "bad.md:4:40: warning: bytes that are not UTF-8 (2 places in all); shown as \u{FFFD} [utf8]"
    );
}

// ---------------------------------------------------------------------------
// Big

#[test]
fn a_20_mb_single_line_loads_with_the_cards_on_it() {
    let filler = "lorem ipsum æøå ".repeat(20 * 1024 * 1024 / 19);
    let line = format!("{}{filler}{}", card("First").trim_end(), card("Last"));
    let line = format!("{}{line}", INTRO.trim_end());
    assert!(line.len() > 20_000_000);
    let (_dir, hb) = load_beside_seed("long-line.md", line.as_bytes());
    let doc = document(&hb, "long-line.md");
    assert_eq!(titles(doc), ["First", "Last"]);
    assert_eq!(doc.cards[1].line, 1);
    assert_eq!(doc.cards[0].column as usize, INTRO.len());
    assert!(doc.cards[1].column as usize > 20_000_000);
    assert!(diagnostics_of(&hb, "long-line.md").is_empty());
}

#[test]
fn twenty_thousand_cards_in_one_file_all_load() {
    let mut text = String::from("---\ntitle: Many\n---\n");
    for i in 0..20_000 {
        text.push_str(&card(&format!("Card {i}")));
    }
    let (_dir, hb) = load_beside_seed("many.md", text.as_bytes());
    let doc = document(&hb, "many.md");
    assert_eq!(doc.cards.len(), 20_000);
    assert_eq!(doc.cards[19_999].title(), "Card 19999");
    assert_eq!(doc.cards[19_999].line, 4 + 19_999);
    assert!(diagnostics_of(&hb, "many.md").is_empty());
}

#[test]
fn cards_past_the_per_file_limit_are_dropped_with_a_diagnostic_at_the_first() {
    let n = limits::MAX_CARDS_PER_FILE + 3;
    let mut text = String::with_capacity(n * 40);
    text.push_str(INTRO);
    for _ in 0..n {
        text.push_str("{{< prosesser/strategy-card t=1 >}}\n");
    }
    let (_dir, hb) = load_beside_seed("too-many.md", text.as_bytes());
    assert_eq!(
        document(&hb, "too-many.md").cards.len(),
        limits::MAX_CARDS_PER_FILE
    );
    let d = diagnostics_of(&hb, "too-many.md");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].rule, Rule::Limit);
    assert_eq!(
        (d[0].line, d[0].column),
        (limits::MAX_CARDS_PER_FILE as u32 + 2, 1)
    );
    assert!(d[0].message.contains("the 3 from here on"), "{}", d[0]);
}

#[test]
fn a_10_mb_param_value_loads_quoted_and_raw() {
    let value = "æøå <b>&amp; \\ ' >}} ".repeat(10 * 1024 * 1024 / 24);
    let quoted = value.replace(">}}", "> }}").replace('\\', "/");
    let text = format!(
        "{INTRO}{{{{< prosesser/strategy-card title=\"Big\" purpose=\"{quoted}\" >}}}}\n{{{{< prosesser/strategy-card title=`Raw` purpose=`{value}` >}}}}\n{}",
        card("After")
    );
    assert!(text.len() > 20_000_000);
    let (_dir, hb) = load_beside_seed("big-value.md", text.as_bytes());
    let doc = document(&hb, "big-value.md");
    assert_eq!(titles(doc), ["Big", "Raw", "After"]);
    assert_eq!(doc.cards[0].text(prosesser::Field::Purpose), quoted);
    assert_eq!(doc.cards[1].text(prosesser::Field::Purpose), value);
    assert!(diagnostics_of(&hb, "big-value.md").is_empty());
}

#[test]
fn a_file_over_the_size_limit_is_not_read() {
    let dir = folder_with_seed();
    // Sparse: costs no disk and no time, and is never read.
    let f = fs::File::create(dir.path().join("huge.md")).unwrap();
    f.set_len(limits::MAX_FILE_BYTES + 1).unwrap();
    let hb = load_checked(dir.path());
    let d = diagnostics_of(&hb, "huge.md");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].rule, Rule::Io);
    assert!(
        d[0].message.contains("larger than the limit of 64 MiB"),
        "{}",
        d[0]
    );
}

#[test]
fn cards_nested_in_cards_keep_at_most_the_inner_text_limit() {
    // 4,000 paired cards, each inside the one before: the inner texts together
    // would be about 4,000 × 250 KB = 1 GB if each were copied.
    let n = 4_000;
    let mut text = String::from(INTRO);
    for i in 0..n {
        text.push_str(&format!(
            "{{{{< prosesser/strategy-card title=\"{i}\" >}}}}{}\n",
            "x".repeat(20)
        ));
    }
    text.push_str(&"{{< /prosesser/strategy-card >}}\n".repeat(n));
    let (_dir, hb) = load_beside_seed("nested.md", text.as_bytes());
    let doc = document(&hb, "nested.md");
    assert_eq!(doc.cards.len(), n);
    let kept: usize = doc
        .cards
        .iter()
        .filter_map(|c| c.inner())
        .map(str::len)
        .sum();
    assert!(kept <= limits::MAX_INNER_BYTES_PER_FILE);
    // Cards keep their text in file order until the limit: the outer ones
    // first (each holds most of the file), the innermost ones not.
    assert!(doc.cards[0].inner().is_some());
    assert!(doc.cards[n - 1].inner().is_none());
    let d = diagnostics_of(&hb, "nested.md");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].rule, Rule::Limit);
    assert!(d[0].message.contains("inner text"), "{}", d[0]);
}

// ---------------------------------------------------------------------------
// Front matter

#[test]
fn a_yaml_alias_bomb_is_refused_and_the_cards_still_load() {
    let mut fm = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        fm.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    fm.push_str("---\n");
    fm.push_str(&card("Survivor"));
    let (_dir, hb) = load_beside_seed("bomb.md", fm.as_bytes());
    assert_eq!(titles(document(&hb, "bomb.md")), ["Survivor"]);
    let d = diagnostics_of(&hb, "bomb.md");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].rule, Rule::FrontMatter);
    assert!(
        d[0].message
            .contains("document contains excessive aliasing"),
        "{}",
        d[0]
    );
    assert!(d[0].line >= 2);
}

/// Front matter that nests too deep: refused before any decoder sees it,
/// with the line of the level past the limit, and the cards still load.
fn assert_too_deep(name: &str, front_matter: &str, line: u32) {
    let text = format!("{front_matter}{}", card("Below"));
    let (_dir, hb) = load_beside_seed(name, text.as_bytes());
    assert_eq!(titles(document(&hb, name)), ["Below"], "{name}");
    let d = diagnostics_of(&hb, name);
    assert_eq!(d.len(), 1, "{name}: {d:?}");
    assert_eq!(d[0].rule, Rule::FrontMatter, "{name}");
    assert!(
        d[0].message.contains("more than the limit of 100"),
        "{name}: {}",
        d[0]
    );
    assert_eq!(d[0].line, line, "{name}: {}", d[0]);
}

const DEEP: usize = 100_000;

#[test]
fn yaml_nested_100000_deep_as_flow_maps_and_lists_is_refused() {
    let maps = format!(
        "---\na: {}1{}\n---\n",
        "{a: ".repeat(DEEP),
        "}".repeat(DEEP)
    );
    assert_too_deep("maps.md", &maps, 2);
    let lists = format!("---\na: {}1{}\n---\n", "[".repeat(DEEP), "]".repeat(DEEP));
    assert_too_deep("lists.md", &lists, 2);
    let compact = format!("---\na:\n{}1\n---\n", "- ".repeat(DEEP));
    assert_too_deep("compact.md", &compact, 3);
}

#[test]
fn yaml_nested_deep_by_indentation_is_refused() {
    // 100,000 levels of indentation would be 5 GB; 1,000 levels is 500 KB.
    let mut block = String::from("---\n");
    for i in 0..1_000 {
        block.push_str(&" ".repeat(i));
        block.push_str("a:\n");
    }
    block.push_str("---\n");
    assert_too_deep("block-maps.md", &block, 102);
    let mut lists = String::from("---\na:\n");
    for i in 0..1_000 {
        lists.push_str(&" ".repeat(i));
        lists.push_str("-\n");
    }
    lists.push_str("---\n");
    assert_too_deep("block-lists.md", &lists, 102);
}

#[test]
fn quotes_and_comments_cannot_hide_yaml_nesting() {
    // Each of these once made the depth scan think it was inside a string or
    // a comment while YAML was not, and YAML then spent minutes on the nesting.
    let deep = format!("{}1{}", "[".repeat(DEEP), "]".repeat(DEEP));
    for (name, before) in [
        ("apostrophe.md", "t: don't\n"),
        ("quote-in-plain.md", "t: say \"hi\n"),
        ("comment.md", "t: x # it's\n"),
        ("continued.md", "t: a\n  \"b\n"),
        ("closers-in-string.md", "t: [\"]]]]]]]]]]\", "),
    ] {
        let fm = format!("---\n{before}a: {deep}\n---\n");
        let text = format!("{fm}{}", card("Below"));
        let (_dir, hb) = load_beside_seed(name, text.as_bytes());
        assert_eq!(titles(document(&hb, name)), ["Below"], "{name}");
        let d = diagnostics_of(&hb, name);
        assert_eq!(d.len(), 1, "{name}: {d:?}");
        assert!(d[0].message.contains("limit of 100"), "{name}: {}", d[0]);
    }
}

#[test]
fn yaml_at_the_depth_limit_loads() {
    // The top-level map is level 1; 99 lists inside it make 100.
    let fm = format!("---\na: {}1{}\n---\n", "[".repeat(99), "]".repeat(99));
    let (_dir, hb) = load_beside_seed("at-limit.md", format!("{fm}{}", card("Ok")).as_bytes());
    assert!(diagnostics_of(&hb, "at-limit.md").is_empty());
    let fm = format!("---\na: {}1{}\n---\n", "[".repeat(100), "]".repeat(100));
    assert_too_deep("past-limit.md", &fm, 2);
}

#[test]
fn toml_and_json_nested_100000_deep_are_refused() {
    let toml = format!("+++\na = {}1{}\n+++\n", "[".repeat(DEEP), "]".repeat(DEEP));
    assert_too_deep("deep.toml.md", &toml, 2);
    let tables = format!(
        "+++\na = {}1{}\n+++\n",
        "{a = ".repeat(DEEP),
        "}".repeat(DEEP)
    );
    assert_too_deep("tables.toml.md", &tables, 2);
    let dotted = format!("+++\n{} = 1\n+++\n", vec!["a"; DEEP].join("."));
    assert_too_deep("dotted.toml.md", &dotted, 2);
    let json = format!(
        "{{\"a\": \"x\\\"\", \"b\": {}1{}}}\n",
        "[".repeat(DEEP),
        "]".repeat(DEEP)
    );
    assert_too_deep("deep.json.md", &json, 1);
}

#[test]
fn front_matter_over_the_size_limit_is_not_decoded() {
    let fm = format!(
        "---\n{}---\n",
        "k: vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\n".repeat(30_000)
    );
    assert!(fm.len() > limits::MAX_FRONT_MATTER_BYTES);
    let text = format!("{fm}{}", card("Below"));
    let (_dir, hb) = load_beside_seed("big-fm.md", text.as_bytes());
    assert_eq!(titles(document(&hb, "big-fm.md")), ["Below"]);
    let d = diagnostics_of(&hb, "big-fm.md");
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].message
            .contains("more than the limit of 1048576 bytes"),
        "{}",
        d[0]
    );
    assert_eq!((d[0].line, d[0].column), (2, 1));
}

#[test]
fn a_long_key_over_many_lines_does_not_repeat_itself_in_memory() {
    // Each key below is recorded with its path, which repeats the 500 KB key
    // above it: 60,000 copies were 30 GB.
    let yaml = format!(
        "---\n{}:\n{}---\n",
        "k".repeat(500_000),
        "  a: 1\n".repeat(60_000)
    );
    let toml = format!(
        "+++\n[{}]\n{}+++\n",
        "t".repeat(500_000),
        "a = 1\n".repeat(60_000)
    );
    for (name, fm) in [("long-key.md", yaml), ("long-table.toml.md", toml)] {
        let text = format!("{fm}{}", card("Below"));
        let (_dir, hb) = load_beside_seed(name, text.as_bytes());
        let doc = document(&hb, name);
        assert_eq!(titles(doc), ["Below"], "{name}");
        let kept: usize = doc
            .front_matter
            .key_lines()
            .iter()
            .map(|k| k.path.len())
            .sum();
        assert!(kept <= 4 * limits::MAX_FRONT_MATTER_BYTES, "{name}: {kept}");
    }
}

#[test]
fn many_block_scalars_in_front_matter_stay_linear() {
    let mut fm = String::from("---\n");
    for i in 0..60_000 {
        fm.push_str(&format!("k{i}: |\n  x\n"));
    }
    fm.push_str("---\n");
    let text = format!("{fm}{}", card("Below"));
    let (_dir, hb) = load_beside_seed("blocks.md", text.as_bytes());
    let doc = document(&hb, "blocks.md");
    assert_eq!(doc.front_matter.params().len(), 60_000);
    assert_eq!(doc.front_matter.key_lines().len(), 60_000);
}

// ---------------------------------------------------------------------------
// Broken calls

#[test]
fn an_unterminated_call_quote_or_raw_string_at_eof_keeps_the_cards_before_it() {
    for (name, tail, message, column) in [
        (
            "call.md",
            "{{< prosesser/strategy-card title=\"x\"",
            "unclosed shortcode action",
            1,
        ),
        (
            "quote.md",
            "{{< prosesser/strategy-card title=\"x",
            "unterminated quoted string",
            35,
        ),
        (
            "raw.md",
            "{{< prosesser/strategy-card title=`x\nmore",
            "unterminated raw string",
            35,
        ),
    ] {
        let text = format!("{INTRO}{}{}{tail}", card("One"), card("Two"));
        let (_dir, hb) = load_beside_seed(name, text.as_bytes());
        assert_eq!(titles(document(&hb, name)), ["One", "Two"], "{name}");
        let d = diagnostics_of(&hb, name);
        assert_eq!(d.len(), 1, "{name}: {d:?}");
        assert_eq!(d[0].rule, Rule::Shortcode);
        assert!(d[0].message.starts_with(message), "{name}: {}", d[0]);
        assert_eq!((d[0].line, d[0].column), (4, column), "{name}: {}", d[0]);
    }
}

/// A body of `count` copies of `unit`: fast to lex, a bounded number of
/// diagnostics, the last one a summary at the 101st error.
fn assert_error_storm(name: &str, unit: &str, count: usize) {
    let text = format!("{INTRO}{}{}", card("Before"), unit.repeat(count));
    let (_dir, hb) = load_beside_seed(name, text.as_bytes());
    assert_eq!(titles(document(&hb, name))[0], "Before", "{name}");
    let d = diagnostics_of(&hb, name);
    assert_eq!(d.len(), limits::MAX_ERRORS_PER_FILE + 1, "{name}");
    let summary = d.iter().find(|d| d.rule == Rule::Limit).expect(name);
    assert!(
        summary
            .message
            .contains("more shortcode errors from here on are not listed"),
        "{name}: {summary}"
    );
    assert!(summary.line >= 3, "{name}: {summary}");
}

#[test]
fn three_hundred_thousand_openers_finish_with_a_bounded_number_of_diagnostics() {
    assert_error_storm("openers.md", "{{<", 300_000);
    assert_error_storm("spaced-openers.md", "{{< ", 300_000);
    assert_error_storm("unnamed.md", "{{< >}}", 300_000);
}

#[test]
fn three_hundred_thousand_unclosed_comment_escapes_are_not_searched_again_each() {
    // Each `{{</*` once searched the rest of the file for its `*/>}}`.
    assert_error_storm("comment-openers.md", "{{</*", 300_000);
    assert_error_storm("percent-comments.md", "{{%/* ", 300_000);
}

#[test]
fn a_hundred_thousand_broken_calls_of_other_kinds() {
    assert_error_storm("quotes.md", "{{< x a=\"\n", 100_000);
    assert_error_storm("mixed.md", "{{< x a=1 b >}}", 100_000);
    assert_error_storm("raw.md", "{{< x a=`", 100_001);
}

#[test]
fn many_closing_tags_over_many_open_calls_stay_linear() {
    // Each closing tag names a call that is open, but under 100,000 others.
    let text = format!(
        "{INTRO}{{{{< b >}}}}{{{{< /b >}}}}{}{}{}",
        "{{< a >}}".repeat(100_000),
        "{{< /b >}}".repeat(100_000),
        card("After")
    );
    let (_dir, hb) = load_beside_seed("closers.md", text.as_bytes());
    assert_eq!(titles(document(&hb, "closers.md")), ["After"]);
    let d = diagnostics_of(&hb, "closers.md");
    assert_eq!(d.len(), limits::MAX_ERRORS_PER_FILE + 1);
    assert!(
        d[0].message
            .contains("closing tag for shortcode 'b' has no open call"),
        "{}",
        d[0]
    );
}

#[test]
fn a_call_with_two_hundred_thousand_params_loads() {
    let params: String = (0..200_000).map(|i| format!(" k{i}={i}")).collect();
    let text =
        format!("{INTRO}{{{{< prosesser/strategy-card title=\"Wide\"{params} k7=last >}}}}\n");
    let (_dir, hb) = load_beside_seed("wide.md", text.as_bytes());
    let doc = document(&hb, "wide.md");
    assert_eq!(doc.cards[0].params.len(), 200_001);
    assert_eq!(
        doc.cards[0].param("k7"),
        Some(prosesser::model::ValueRef::String("last"))
    );
}

#[test]
fn a_huge_word_is_not_quoted_whole_in_a_message() {
    let word = "w".repeat(1_000_000);
    let text = format!("{INTRO}{{{{< x a=\"1\" {word} >}}}}\n{{{{< /{word} >}}}}\n");
    let (_dir, hb) = load_beside_seed("huge-word.md", text.as_bytes());
    let d = diagnostics_of(&hb, "huge-word.md");
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(d.iter().all(|d| d.message.contains("wwww…")), "{d:?}");
}

#[test]
fn a_crash_found_by_the_fuzzer_loads() {
    // `&` then a wide character at byte 12 of `navigation_link.text` split a
    // character in the entity decoder.
    let bytes = include_bytes!("../fixtures/hostile/fuzz-crash-entity-char-boundary.md");
    let (_dir, hb) = load_beside_seed("crash.md", bytes);
    assert!(hb.documents.iter().any(|d| d.path == "crash.md"));
}

// ---------------------------------------------------------------------------
// Nearly empty

#[test]
fn empty_bom_only_and_dash_files() {
    let dir = folder_with_seed();
    let files: [(&str, &[u8]); 7] = [
        ("empty.md", b""),
        ("bom.md", "\u{FEFF}".as_bytes()),
        ("dashes.md", b"---"),
        ("dashes-newline.md", b"---\n"),
        ("empty-front-matter.md", b"---\n---"),
        ("empty-front-matter-crlf.md", b"---\r\n---\r\n"),
        ("whitespace.md", b" \t\r\n\r\n"),
    ];
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let hb = load_checked(dir.path());
    for (name, _) in files {
        let doc = document(&hb, name);
        assert!(doc.cards.is_empty(), "{name}");
        assert!(doc.front_matter.params().is_empty(), "{name}");
    }
    for name in [
        "empty.md",
        "bom.md",
        "empty-front-matter.md",
        "empty-front-matter-crlf.md",
        "whitespace.md",
    ] {
        assert!(
            diagnostics_of(&hb, name).is_empty(),
            "{name}: Hugo reads it"
        );
    }
    for name in ["dashes.md", "dashes-newline.md"] {
        let d = diagnostics_of(&hb, name);
        assert_eq!(d.len(), 1, "{name}");
        assert!(
            d[0].message
                .starts_with("EOF looking for end YAML front matter delimiter"),
            "{name}: {}",
            d[0]
        );
        assert_eq!((d[0].line, d[0].column), (1, 1));
    }
}

#[test]
fn lone_cr_line_endings() {
    let text = "---\rtitle: Mac\rweight: 3\r---\r{{< prosesser/strategy-card\r  title=\"One\"\r  owner=\"O\" >}}\r{{< prosesser/strategy-card title=`a\rb` >}}\r";
    let (_dir, hb) = load_beside_seed("cr.md", text.as_bytes());
    let doc = document(&hb, "cr.md");
    assert_eq!(doc.title().as_deref(), Some("Mac"));
    assert_eq!(doc.weight(), 3);
    assert_eq!(titles(doc), ["One", "a\rb"]);
    assert_eq!(doc.cards[0].text(prosesser::Field::Owner), "O");
    // Hugo counts lines by LF only: a file of lone CRs is one line. Hugo
    // 0.111 gives this file the same title, weight and positions (1:30, 1:88).
    assert_eq!((doc.cards[0].line, doc.cards[0].column), (1, 30));
    assert_eq!((doc.cards[1].line, doc.cards[1].column), (1, 88));
    assert!(diagnostics_of(&hb, "cr.md").is_empty());
}

// ---------------------------------------------------------------------------
// The file system

#[test]
fn a_file_120_folders_deep_loads() {
    let mut rel = PathBuf::new();
    for i in 0..120 {
        rel.push(format!("d{i}"));
    }
    let text = format!("{INTRO}{}", card("Deep"));
    let (_dir, hb) = load_beside_seed(rel.join("deep.md").to_str().unwrap(), text.as_bytes());
    let shown = format!("{}/deep.md", rel.to_string_lossy());
    assert_eq!(titles(document(&hb, &shown)), ["Deep"]);
}

#[cfg(unix)]
#[test]
fn a_path_longer_than_the_system_allows_is_reported_at_the_folder() {
    // 120 folders of 40-character names: 4,920 bytes, past Linux's PATH_MAX
    // of 4,096. Made with short names, then renamed from the bottom up, so no
    // single call ever sees the whole path.
    let dir = folder_with_seed();
    let mut short = dir.path().to_owned();
    for _ in 0..120 {
        short.push("d");
    }
    fs::create_dir_all(&short).unwrap();
    fs::write(short.join("deep.md"), format!("{INTRO}{}", card("Deep"))).unwrap();
    let long = "l".repeat(40);
    for level in (1..=120).rev() {
        let mut from = dir.path().to_owned();
        for _ in 0..level {
            from.push("d");
        }
        fs::rename(&from, from.with_file_name(&long)).unwrap();
    }
    let hb = load_checked(dir.path());
    let d: Vec<_> = hb
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::Io)
        .collect();
    assert_eq!(d.len(), 1, "{:?}", hb.diagnostics);
    assert!(d[0].message.contains("cannot read the folder"), "{}", d[0]);
    assert!(
        d[0].path.starts_with(&format!("{long}/{long}/")),
        "{}",
        d[0]
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_looping_files_are_reported() {
    use std::os::unix::fs::symlink;
    let dir = folder_with_seed();
    fs::create_dir_all(dir.path().join("a/b")).unwrap();
    fs::write(
        dir.path().join("a/b/page.md"),
        format!("{INTRO}{}", card("Page")),
    )
    .unwrap();
    symlink("..", dir.path().join("a/b/up")).unwrap();
    symlink(dir.path(), dir.path().join("a/root")).unwrap();
    symlink(dir.path().join("a"), dir.path().join("c")).unwrap();
    symlink("self.md", dir.path().join("self.md")).unwrap();
    symlink("ping.md", dir.path().join("pong.md")).unwrap();
    symlink("pong.md", dir.path().join("ping.md")).unwrap();
    symlink("nowhere.md", dir.path().join("dangling.md")).unwrap();
    let hb = load_checked(dir.path());
    let paths: Vec<&str> = hb.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [SEED_NAME, "a/b/page.md"],
        "read once, where it really is"
    );
    for name in ["self.md", "ping.md", "pong.md", "dangling.md"] {
        let d = diagnostics_of(&hb, name);
        assert_eq!(d.len(), 1, "{name}: {:?}", hb.diagnostics);
        assert!(d[0].message.starts_with("cannot read the file"), "{}", d[0]);
    }
}

/// Far more than loading a small folder takes in a debug build on a busy
/// machine; a FIFO opened by mistake blocks for ever instead.
#[cfg(unix)]
const FIFO_DEADLINE: std::time::Duration = std::time::Duration::from_secs(60);

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_named_x_md_is_reported_and_never_opened() {
    let dir = folder_with_seed();
    mkfifo(&dir.path().join("x.md"));
    // Were it opened for reading, this would wait for a writer for ever.
    let path = dir.path().to_owned();
    let hb = with_deadline("loading beside a FIFO", FIFO_DEADLINE, move || {
        load_paths(&[&path]).unwrap()
    });
    check_promises(dir.path(), &hb);
    let d = diagnostics_of(&hb, "x.md");
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].rule, d[0].severity), (Rule::Io, Severity::Warning));
    assert!(d[0].message.contains("not opened"), "{}", d[0]);
}

// ---------------------------------------------------------------------------
// Files that change between the walk and the read. `find_files` and
// `load_found` are the two halves of `load_paths`; the change is made between
// them, exactly where it can happen in real life.

#[cfg(unix)]
#[test]
fn files_that_change_after_the_walk_end_up_as_diagnostics() {
    let dir = folder_with_seed();
    for name in [
        "vanished.md",
        "folder.md",
        "fifo.md",
        "grown.md",
        "looped.md",
        "rewritten.md",
    ] {
        fs::write(dir.path().join(name), format!("{INTRO}{}", card("Before"))).unwrap();
    }
    let found = find_files(&[dir.path()]).unwrap();
    assert_eq!(found.files().count(), 7);
    let at = |name: &str| dir.path().join(name);
    fs::remove_file(at("vanished.md")).unwrap();
    fs::remove_file(at("folder.md")).unwrap();
    fs::create_dir(at("folder.md")).unwrap();
    fs::remove_file(at("fifo.md")).unwrap();
    mkfifo(&at("fifo.md"));
    fs::OpenOptions::new()
        .write(true)
        .open(at("grown.md"))
        .unwrap()
        .set_len(limits::MAX_FILE_BYTES + 1)
        .unwrap();
    fs::remove_file(at("looped.md")).unwrap();
    std::os::unix::fs::symlink("looped.md", at("looped.md")).unwrap();
    fs::write(at("rewritten.md"), format!("{INTRO}{}", card("After"))).unwrap();

    let hb = with_deadline(
        "reading a file that became a FIFO",
        FIFO_DEADLINE,
        move || load_found(found),
    );
    let seed = document(&hb, SEED_NAME);
    assert_eq!(seed.cards.len(), 9);
    for (name, message) in [
        (
            "vanished.md",
            "cannot read the file: No such file or directory",
        ),
        ("folder.md", "cannot read the file: it has become a folder"),
        ("fifo.md", "not a regular file any more"),
        ("grown.md", "larger than the limit of 64 MiB"),
        (
            "looped.md",
            "cannot read the file: Too many levels of symbolic links",
        ),
    ] {
        let d = diagnostics_of(&hb, name);
        assert_eq!(d.len(), 1, "{name}: {:?}", hb.diagnostics);
        assert_eq!(d[0].rule, Rule::Io);
        assert_eq!(d[0].severity, Severity::Error);
        assert!(
            d[0].message.starts_with(message) || d[0].message.contains(message),
            "{name}: {}",
            d[0]
        );
        assert!(hb.documents.iter().all(|doc| doc.path != name), "{name}");
    }
    // A file rewritten before the read is read as it is then.
    assert_eq!(titles(document(&hb, "rewritten.md")), ["After"]);
}
