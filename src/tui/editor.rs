//! The editor round trip: which program `e` runs, and with which arguments.
//!
//! `$VISUAL` wins over `$EDITOR`; the first one set (and not blank) is split
//! into words the way `sh` splits a command line, quotes and backslashes
//! included (no variables or globs are expanded): `code --wait`,
//! `emacsclient -t` and `"/opt/My Editor/bin/ed" -w` all work. A value whose
//! quote never closes is not guessed at: `e` says so. The line goes where the
//! editor expects it:
//!
//! | editor (program name) | arguments |
//! | --- | --- |
//! | vi, vim, nvim, gvim, view, ex, nvi, vis, nano, pico, emacs, emacsclient, micro, kak, hx/helix, joe, jed, mg, ne, gedit, mcedit | `+LINE FILE` |
//! | code, code-insiders, codium, vscodium, cursor | `--goto FILE:LINE` |
//! | subl, zed | `FILE:LINE` |
//! | kate | `--line LINE FILE` |
//! | anything else | `FILE` (no guess at a line syntax it may not know) |
//!
//! A GUI editor must be told to wait for the file to close (`code --wait`,
//! `gvim -f`), or the browser comes back at once.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The editor the user chose: the variable it came from and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    /// `VISUAL` or `EDITOR`.
    pub var: &'static str,
    pub words: Vec<String>,
}

/// How an editor is told the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `+LINE FILE`
    PlusLine,
    /// `--goto FILE:LINE`
    VsCode,
    /// `FILE:LINE`
    FileColonLine,
    /// `--line LINE FILE`
    Kate,
    /// `FILE`
    FileOnly,
}

/// `$VISUAL` or `$EDITOR` (`var`) holds a quote, or ends in a backslash,
/// that does not close: it cannot be split into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsplittable {
    pub var: &'static str,
}

/// What to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorCommand {
    pub var: &'static str,
    pub program: String,
    pub args: Vec<OsString>,
}

impl Editor {
    /// From the environment: `$VISUAL`, else `$EDITOR`; `None` when neither is set.
    pub fn from_env() -> Result<Option<Editor>, Unsplittable> {
        Editor::from_vars(
            std::env::var("VISUAL").ok().as_deref(),
            std::env::var("EDITOR").ok().as_deref(),
        )
    }

    pub fn from_vars(
        visual: Option<&str>,
        editor: Option<&str>,
    ) -> Result<Option<Editor>, Unsplittable> {
        for (var, value) in [("VISUAL", visual), ("EDITOR", editor)] {
            let Some(value) = value else {
                continue;
            };
            let words = shell_words::split(value).map_err(|_| Unsplittable { var })?;
            // Blank, or an empty program (`""`), is as good as unset.
            if words.first().is_some_and(|program| !program.is_empty()) {
                return Ok(Some(Editor { var, words }));
            }
        }
        Ok(None)
    }

    pub fn program(&self) -> &str {
        &self.words[0]
    }

    /// The command that opens `file` at `line`.
    ///
    /// The file is always written [`anchored`], so that no file name can be
    /// read by the editor as an option (`-rf.md`) or a command (`+!cmd.md`
    /// is an Ex command to vim).
    pub fn command(&self, file: &Path, line: u32) -> EditorCommand {
        let file = anchored(file);
        let file = file.as_path();
        let mut args: Vec<OsString> = self.words[1..].iter().map(OsString::from).collect();
        let at_line = |file: &Path| {
            let mut s = file.as_os_str().to_owned();
            s.push(format!(":{line}"));
            s
        };
        match family(self.program()) {
            Family::PlusLine => {
                args.push(format!("+{line}").into());
                args.push(file.into());
            }
            Family::VsCode => {
                args.push("--goto".into());
                args.push(at_line(file));
            }
            Family::FileColonLine => args.push(at_line(file)),
            Family::Kate => {
                args.push("--line".into());
                args.push(line.to_string().into());
                args.push(file.into());
            }
            Family::FileOnly => args.push(file.into()),
        }
        EditorCommand {
            var: self.var,
            program: self.program().to_owned(),
            args,
        }
    }
}

/// `file` as a path that starts with `/` or `.`: a relative path gets `./`
/// in front. An editor reads a word that starts with `-` or `+` as an option
/// or a command, and `--` is not understood by all of them (vim takes
/// `+cmd` after it), so the path itself must not start with either.
pub fn anchored(file: &Path) -> PathBuf {
    use std::path::Component;
    match file.components().next() {
        Some(
            Component::RootDir | Component::Prefix(_) | Component::CurDir | Component::ParentDir,
        ) => file.to_owned(),
        _ => Path::new(".").join(file),
    }
}

/// The family of a program, by its file name (`/usr/bin/nvim`, `code.exe`).
pub fn family(program: &str) -> Family {
    let name = Path::new(program)
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".exe").unwrap_or(&name);
    match name {
        "vi" | "vim" | "nvim" | "gvim" | "mvim" | "vimx" | "view" | "ex" | "nvi" | "elvis"
        | "vis" | "nano" | "rnano" | "pico" | "emacs" | "emacsclient" | "xemacs" | "zile"
        | "micro" | "kak" | "hx" | "helix" | "joe" | "jmacs" | "jpico" | "jstar" | "jed" | "mg"
        | "ne" | "gedit" | "mcedit" => Family::PlusLine,
        "code" | "code-insiders" | "code-oss" | "codium" | "vscodium" | "cursor" => Family::VsCode,
        "subl" | "sublime_text" | "zed" | "zeditor" => Family::FileColonLine,
        "kate" => Family::Kate,
        _ => Family::FileOnly,
    }
}

/// Where `program` would be run from: itself when it names a path, else the
/// first executable of that name on `PATH`.
pub fn locate(program: &str) -> Option<PathBuf> {
    let path = Path::new(program);
    if path.components().count() > 1 {
        return is_executable(path).then(|| path.to_owned());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(var: &str, file: &str, line: u32) -> Vec<String> {
        let editor = Editor::from_vars(None, Some(var)).unwrap().unwrap();
        let command = editor.command(Path::new(file), line);
        std::iter::once(command.program)
            .chain(
                command
                    .args
                    .iter()
                    .map(|a| a.to_string_lossy().into_owned()),
            )
            .collect()
    }

    #[test]
    fn vi_family_nano_emacs_micro_kak_and_helix_get_plus_line_then_file() {
        for editor in [
            "vi",
            "vim",
            "nvim",
            "/usr/bin/vim",
            "nano",
            "emacs",
            "emacsclient",
            "micro",
            "kak",
            "hx",
            "helix",
        ] {
            assert_eq!(
                args(editor, "/h/a.md", 44),
                [editor, "+44", "/h/a.md"],
                "{editor}"
            );
        }
    }

    #[test]
    fn words_after_the_program_come_first() {
        assert_eq!(
            args("emacsclient -t", "a.md", 7),
            ["emacsclient", "-t", "+7", "./a.md"]
        );
        assert_eq!(
            args("  vim   -u NONE ", "a.md", 1),
            ["vim", "-u", "NONE", "+1", "./a.md"]
        );
    }

    #[test]
    fn a_file_name_is_never_read_as_an_option_or_a_command() {
        for name in ["+!touch PWNED; true .md", "+10.md", "-rf.md", "--help.md"] {
            for editor in ["vim", "code", "subl", "kate", "ed"] {
                let words = args(editor, name, 3);
                let file = words.last().unwrap();
                assert!(
                    file.starts_with("./"),
                    "{editor} gets {file:?} for {name:?}"
                );
            }
        }
        assert_eq!(args("vim", "docs/+x.md", 2), ["vim", "+2", "./docs/+x.md"]);
        assert_eq!(args("vim", "../-x.md", 2), ["vim", "+2", "../-x.md"]);
        assert_eq!(args("vim", "./a.md", 2), ["vim", "+2", "./a.md"]);
    }

    #[test]
    fn vs_code_gets_goto_file_colon_line_after_its_own_flags() {
        assert_eq!(
            args("code --wait", "/h/a.md", 44),
            ["code", "--wait", "--goto", "/h/a.md:44"]
        );
        assert_eq!(
            args("codium -w", "a.md", 3),
            ["codium", "-w", "--goto", "./a.md:3"]
        );
    }

    #[test]
    fn sublime_zed_kate_and_unknown_editors() {
        assert_eq!(args("subl -w", "a.md", 9), ["subl", "-w", "./a.md:9"]);
        assert_eq!(args("zed --wait", "a.md", 9), ["zed", "--wait", "./a.md:9"]);
        assert_eq!(args("kate", "a.md", 9), ["kate", "--line", "9", "./a.md"]);
        assert_eq!(args("ed", "a.md", 9), ["ed", "./a.md"]);
        assert_eq!(
            args("/opt/my-editor.sh", "a.md", 9),
            ["/opt/my-editor.sh", "./a.md"]
        );
    }

    #[test]
    fn visual_wins_over_editor_and_blank_counts_as_unset() {
        assert_eq!(
            Editor::from_vars(Some("code --wait"), Some("vi"))
                .unwrap()
                .unwrap()
                .var,
            "VISUAL"
        );
        let e = Editor::from_vars(Some("  "), Some("vi")).unwrap().unwrap();
        assert_eq!((e.var, e.program()), ("EDITOR", "vi"));
        assert_eq!(Editor::from_vars(None, Some("")), Ok(None));
        assert_eq!(Editor::from_vars(Some("\"\""), None), Ok(None));
        assert_eq!(Editor::from_vars(None, None), Ok(None));
    }

    #[test]
    fn a_program_path_with_a_space_is_quoted_as_in_a_shell() {
        assert_eq!(
            args("\"/opt/My Editor/bin/ed\" -w", "a.md", 9),
            ["/opt/My Editor/bin/ed", "-w", "./a.md"]
        );
        assert_eq!(
            args("'/opt/My Editor/vim' -c 'set nu'", "a.md", 9),
            ["/opt/My Editor/vim", "-c", "set nu", "+9", "./a.md"]
        );
        assert_eq!(
            args("/opt/My\\ Editor/code --wait", "a.md", 9),
            ["/opt/My Editor/code", "--wait", "--goto", "./a.md:9"]
        );
    }

    #[test]
    fn an_unclosed_quote_is_not_guessed_at() {
        assert_eq!(
            Editor::from_vars(None, Some("\"/opt/My Editor/ed -w")),
            Err(Unsplittable { var: "EDITOR" })
        );
        // Set but unsplittable, $VISUAL still wins: $EDITOR is not what was asked for.
        assert_eq!(
            Editor::from_vars(Some("vim 'x"), Some("nano")),
            Err(Unsplittable { var: "VISUAL" })
        );
    }

    #[test]
    fn locate_finds_programs_on_path_and_not_missing_ones() {
        assert!(locate("sh").is_some());
        assert!(locate("no-such-editor-here").is_none());
        assert!(locate("/no/such/editor").is_none());
    }
}
