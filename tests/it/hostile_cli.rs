//! Hostile input, round two, through the real binary: messages of the argument
//! parser, CSV that a spreadsheet would run, invisible characters, exit codes
//! and broken pipes, unreadable input, overlapping paths, names that are not
//! UTF-8 and symlinks that lead out of the handbook.

use crate::common::bin::{self, run_in};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const SEED: &[u8] = include_bytes!("../../data/prosesser/utvikling-drift.md");

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A page of cards with these (title, owner, purpose).
fn page(cards: &[(&str, &str, &str)]) -> String {
    let mut s = String::from("---\ntitle: Side\n---\n\n");
    for (title, owner, purpose) in cards {
        s.push_str(&format!(
            "{{{{< prosesser/strategy-card title=`{title}` owner=`{owner}` leader=`L` purpose=`{purpose}` input=`` output=`` >}}}}\n\n"
        ));
    }
    s
}

/// No byte a terminal acts on: C0 (but tab and newline), DEL, C1.
fn assert_inert(what: &str, bytes: &[u8]) {
    let s = text(bytes);
    let bad: Vec<char> = s
        .chars()
        .filter(|&c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}')
        .collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}: {s:?}");
}

// 2. Escape sequences through clap's messages.

#[test]
fn a_file_name_in_a_usage_error_reaches_the_terminal_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    // `prosesser list *.md` where the shell expanded this name first: clap
    // reads it as `-f` with a value, and quotes the value in its error.
    let name = "-f\u{1b}]2;TITLE\u{7}.md";
    fs::write(dir.path().join(name), SEED).unwrap();
    let output = run_in(dir.path(), &["list", name]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert_inert("stderr", &output.stderr);
    assert!(
        text(&output.stderr).contains("␛]2;TITLE␇"),
        "{}",
        text(&output.stderr)
    );
    // The same for an unknown argument and for help, which clap prints itself.
    let output = run_in(dir.path(), &["list", "--\u{1b}[2Jx"]);
    assert_eq!(output.status.code(), Some(2));
    assert_inert("stderr", &output.stderr);
    assert!(text(&output.stderr).contains("␛[2Jx"));
    let help = run_in(dir.path(), &["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("Bruk:"));
    assert_inert("help", &help.stdout);
}

// 3. CSV formula injection.

#[test]
fn csv_cells_a_spreadsheet_would_run_are_written_as_text() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.md"),
        page(&[
            ("=HYPERLINK(\"http://x\";\"klikk\")", "@SUM(A1)", "-5"),
            ("+cmd|' /C calc'!A0", "-1+1", "Plan;=1+1"),
        ]),
    )
    .unwrap();
    let output = run_in(dir.path(), &["list", "-f", "csv", "a.md"]);
    assert_eq!(output.status.code(), Some(0));
    let csv = text(&output.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[1],
        "a.md,5,1,\"'=HYPERLINK(\"\"http://x\"\";\"\"klikk\"\")\",'@SUM(A1),L,-5,,,,published",
        "{csv}"
    );
    assert_eq!(
        lines[2], "a.md,7,1,'+cmd|' /C calc'!A0,'-1+1,L,\"Plan;=1+1\",,,,published",
        "{csv}"
    );
    let people = text(&run_in(dir.path(), &["people", "-f", "csv", "a.md"]).stdout);
    assert!(
        people.contains("'@SUM(A1),,owner,\"'=HYPERLINK("),
        "{people}"
    );
    assert!(people.contains("'-1+1,,owner,'+cmd"), "{people}");
}

// 4. Invisible characters.

#[test]
fn invisible_characters_are_shown_and_look_alike_titles_and_names_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let tagged = "Release\u{e0001}\u{e0072}\u{e006d}";
    fs::write(
        dir.path().join("a.md"),
        page(&[
            ("Release", "Hanne Lauritsen", "P"),
            (tagged, "H\u{430}nne Lauritsen", "P"),
            ("Be\u{200d}hov", "Tony\u{ad} Grimstad", "F\u{2062}x\u{3164}"),
        ]),
    )
    .unwrap();
    let list = text(&run_in(dir.path(), &["list", "a.md"]).stdout);
    assert!(
        list.contains("Release<U+E0001><U+E0072><U+E006D>"),
        "{list}"
    );
    assert!(list.contains("Be<U+200D>hov"), "{list}");
    assert!(list.contains("Tony<U+00AD> Grimstad"), "{list}");
    let search = text(&run_in(dir.path(), &["search", "F", "a.md", "-f", "md"]).stdout);
    assert!(search.contains(r"F\<U+2062\>x\<U+3164\>"), "{search}");
    let check = run_in(dir.path(), &["check", "a.md", "--lang", "en"]);
    let diagnostics = text(&check.stdout);
    assert_inert("check", &check.stdout);
    let confusable: Vec<&str> = diagnostics
        .lines()
        .filter(|l| l.ends_with("[confusable]"))
        .collect();
    assert_eq!(
        confusable,
        [
            "a.md:7:1: warning: title \"Release\\u{e0001}\\u{e0072}\\u{e006d}\" looks the same as \
             \"Release\" (the card at a.md:5:1) but is not: they differ in U+E0001, U+E0072, \
             U+E006D [confusable]",
            "a.md:7:1: warning: owner \"Hаnne Lauritsen\" looks the same as \"Hanne Lauritsen\" \
             (the card at a.md:5:1) but is not: they differ in U+0430 [confusable]",
        ],
        "{diagnostics}"
    );
}

// 10. Exit codes and broken pipes.

/// A folder with `n` files that Hugo would reject, for `check` to count.
fn broken_pages(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        fs::write(
            dir.path().join(format!("broken-{i:04}.md")),
            "---\ntitle: [unclosed\n---\n",
        )
        .unwrap();
    }
    dir
}

#[test]
fn check_fails_when_its_reader_stops_early() {
    // `prosesser check DIR | head -1`: 3,000 errors are more than a pipe
    // holds, so the write fails once the reader is gone.
    let dir = broken_pages(3000);
    let mut child = bin::command()
        .arg("check")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("error:"), "{first}");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_or_closed_stderr_never_makes_a_panic() {
    let dir = broken_pages(3);
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = bin::command()
        .arg("check")
        .arg(dir.path())
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // An error message that cannot be written still exits 2, not 101.
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = bin::command()
        .args(["list", "/no/such/handbook"])
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = bin::command()
        .arg("check")
        .arg(dir.path())
        .stderr(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn the_count_comes_after_the_diagnostics_it_counts() {
    let dir = broken_pages(3);
    let out = tempfile::NamedTempFile::new().unwrap();
    // One open file for both, as `2>&1` makes it.
    let both = fs::OpenOptions::new()
        .append(true)
        .open(out.path())
        .unwrap();
    let status = bin::command()
        .args(["check", "--lang", "en"])
        .arg(dir.path())
        .stdout(both.try_clone().unwrap())
        .stderr(both)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let both = fs::read_to_string(out.path()).unwrap();
    let lines: Vec<&str> = both.lines().collect();
    assert_eq!(lines.len(), 4, "{both}");
    assert!(lines[..3].iter().all(|l| l.contains(": error: ")), "{both}");
    assert!(lines[3].starts_with("3 errors"), "{both}");
}

// 11. Unreadable input.

/// Runs the binary as a user that permissions apply to: root reads
/// everything, so as root the binary is run as `nobody` through `setpriv`.
/// `None` (and a loud note) when that cannot be done.
#[cfg(unix)]
fn as_unprivileged(dir: &Path, args: &[&str]) -> Option<Output> {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    if !root {
        return Some(run_in(dir, args));
    }
    let has_setpriv = Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_setpriv {
        eprintln!("SKIPPED: running as root without setpriv; cannot test as an unprivileged user");
        return None;
    }
    // `nobody` must reach the binary: a copy beside the test files, made once.
    let binary = dir.join("prosesser-bin");
    if !binary.exists() {
        fs::copy(env!("CARGO_BIN_EXE_prosesser"), &binary).unwrap();
        fs::set_permissions(&binary, fs::Permissions::from_mode(0o755)).unwrap();
    }
    // A test thread that forks while the copy is still open for writing
    // holds it open in its child until that child execs: the exec here then
    // fails with "Text file busy". That passes; try again.
    for _ in 0..50 {
        let output = Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "--inh-caps=-all",
            ])
            .arg(&binary)
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap();
        if !String::from_utf8_lossy(&output.stderr).contains("Text file busy") {
            return Some(output);
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{} stayed busy", binary.display());
}

#[cfg(unix)]
fn open_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_or_file_exits_2_and_names_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = open_tempdir();
    let locked = dir.path().join("låst");
    fs::create_dir(&locked).unwrap();
    fs::write(locked.join("a.md"), SEED).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let secret = dir.path().join("hemmelig.md");
    fs::write(&secret, SEED).unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    let Some(check) = as_unprivileged(dir.path(), &["check", "låst"]) else {
        return;
    };
    assert_eq!(check.status.code(), Some(2), "{}", text(&check.stderr));
    assert!(
        text(&check.stderr).contains("låst"),
        "{}",
        text(&check.stderr)
    );
    assert!(
        text(&check.stderr).contains("Permission denied"),
        "{}",
        text(&check.stderr)
    );
    let list = as_unprivileged(dir.path(), &["list", "hemmelig.md"]).unwrap();
    assert_eq!(list.status.code(), Some(2), "{}", text(&list.stdout));
    assert!(
        text(&list.stderr).contains("hemmelig.md"),
        "{}",
        text(&list.stderr)
    );
    // Inside a readable folder, the locked one is an error that `check`
    // counts, named by its path, and the other files still load.
    fs::write(dir.path().join("god.md"), SEED).unwrap();
    let check = as_unprivileged(dir.path(), &["check", ".", "--lang", "en"]).unwrap();
    assert_eq!(check.status.code(), Some(1), "{}", text(&check.stdout));
    let out = text(&check.stdout);
    assert!(
        out.contains("låst:1:1: error: cannot read the folder: Permission denied"),
        "{out}"
    );
    assert!(
        out.contains("hemmelig.md:1:1: error: cannot read the file: Permission denied"),
        "{out}"
    );
    assert!(out.contains("god.md:"), "{out}");
}

// 12. Overlapping paths, names that are not UTF-8, symlinks out of the tree.

#[test]
fn overlapping_paths_list_each_card_once() {
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("seed");
    fs::create_dir(&seed).unwrap();
    fs::write(seed.join("utvikling-drift.md"), SEED).unwrap();
    for args in [
        &["list", "-f", "csv", "seed", "seed/"][..],
        &[
            "list",
            "-f",
            "csv",
            "seed/utvikling-drift.md",
            "seed",
            "./seed",
        ],
    ] {
        let output = run_in(dir.path(), args);
        let csv = text(&output.stdout);
        assert_eq!(csv.lines().count(), 1 + 9, "{args:?}\n{csv}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_exact_in_json_and_visible_in_text() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = OsStr::from_bytes(b"caf\xe9-\xff.md");
    fs::write(dir.path().join(name), SEED).unwrap();
    fs::write(dir.path().join("caf\u{fffd}-\u{fffd}.md"), SEED).unwrap();
    let output = run_in(dir.path(), &["list", "-f", "json", "."]);
    let json = text(&output.stdout);
    // The bytes as Python's surrogateescape reads them back: exact, and
    // told apart from the name that really holds U+FFFD.
    assert!(json.contains(r#""path": "caf\udce9-\udcff.md""#), "{json}");
    assert!(
        json.contains("\"path\": \"caf\u{fffd}-\u{fffd}.md\""),
        "{json}"
    );
    let listed = text(&run_in(dir.path(), &["list", "."]).stdout);
    assert!(listed.contains(r"caf\xE9-\xFF.md:26"), "{listed}");
    // `check` writes paths that open from here: the folder given, then the name.
    let check = text(&run_in(dir.path(), &["check", "-f", "json", "."]).stdout);
    assert!(
        check.contains(r#""path": "./caf\udce9-\udcff.md""#),
        "{check}"
    );
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_inside_the_handbook_and_out_of_it_only_with_follow() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::create_dir(outside.path().join("vendor")).unwrap();
    fs::write(outside.path().join("vendor/ute.md"), SEED).unwrap();
    fs::write(outside.path().join("fil.md"), SEED).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let handbook = dir.path().join("bok");
    fs::create_dir_all(handbook.join("a")).unwrap();
    fs::write(handbook.join("a/inne.md"), SEED).unwrap();
    symlink(handbook.join("a"), handbook.join("lenke-inn")).unwrap();
    symlink(outside.path().join("vendor"), handbook.join("vendor")).unwrap();
    symlink(outside.path().join("fil.md"), handbook.join("fil.md")).unwrap();
    symlink("/", handbook.join("rot")).unwrap();
    let paths = |args: &[&str]| -> (Vec<String>, String) {
        let output = run_in(dir.path(), args);
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let paths = value["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["path"].as_str().unwrap().to_owned())
            .collect();
        (paths, serde_json::to_string(&value["diagnostics"]).unwrap())
    };
    let (shown, diagnostics) = paths(&["list", "-f", "json", "bok"]);
    assert_eq!(shown, ["a/inne.md"], "{diagnostics}");
    for link in ["vendor", "fil.md", "rot"] {
        assert!(
            diagnostics.contains(&format!(
                "\"path\":\"{link}\",\"line\":1,\"column\":1,\"severity\":\"warning\",\"rule\":\"io\",\
                 \"message\":\"a symbolic link to a place outside the folders given; not followed (--follow follows it)\""
            )),
            "{link}: {diagnostics}"
        );
    }
    fs::remove_file(handbook.join("rot")).unwrap();
    let (mut shown, _) = paths(&["list", "-f", "json", "--follow", "bok"]);
    shown.sort();
    assert_eq!(shown, ["a/inne.md", "fil.md", "vendor/ute.md"]);
    // Given as a root, a linked folder is the user's own choice.
    let (shown, _) = paths(&["list", "-f", "json", "bok/vendor"]);
    assert_eq!(shown, ["ute.md"]);
}

// 6. Search in a huge field.

#[test]
fn matches_in_a_huge_field_are_listed_up_to_a_cap_and_counted_past_it() {
    let dir = tempfile::tempdir().unwrap();
    let n = 30_000;
    fs::write(
        dir.path().join("stor.md"),
        page(&[("Behov", "O", &"ab ".repeat(n))]),
    )
    .unwrap();
    let output = run_in(dir.path(), &["search", "a", "-f", "json", "stor.md"]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let card = &value["documents"][0]["cards"][0];
    let matches = card["matches"].as_array().unwrap();
    assert_eq!(matches.len(), prosesser::query::MAX_LISTED_MATCHES);
    assert_eq!(matches[0]["field"], "purpose");
    assert_eq!(
        card["unlisted_matches"]["purpose"],
        n - prosesser::query::MAX_LISTED_MATCHES
    );
}
