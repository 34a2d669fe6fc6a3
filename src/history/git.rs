//! The `git` program: which work tree a path is in, the log of some paths,
//! and the files' versions (blobs).
//!
//! Git is run, not linked: reading a log and a few blobs needs two processes,
//! and git already does rename detection, `.mailmap`, every object format and
//! every repository layout (worktrees, alternates, packs) the way the user's
//! own `git log` does. Nothing here reads git's objects itself.

use super::HistoryError;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The log format: a record mark, then the commit's id, author date (strict
/// ISO 8601), author (after `.mailmap`) and subject, NUL-separated as `-z`
/// separates the raw file changes that follow.
pub const LOG_FORMAT: &str = "--format=%x1e%H%x00%aI%x00%aN%x00%s";

/// A git work tree.
#[derive(Debug, Clone)]
pub struct Git {
    pub top: PathBuf,
    /// False in a new repository: HEAD names no commit yet.
    pub has_commits: bool,
}

/// What HEAD holds at a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AtHead {
    File,
    Folder,
}

/// One version of a file, as git holds it.
#[derive(Debug)]
pub enum Blob {
    Bytes(Vec<u8>),
    /// Larger than the parser's limit: not kept.
    TooLarge(u64),
    /// Git does not have it (a shallow or partial clone).
    Missing,
}

impl Git {
    /// The work tree holding `dir`, an existing folder; `shown` is the path the
    /// user gave, for the message when there is none. One git call also says
    /// whether HEAD is a commit yet (`has_commits`).
    pub fn discover(dir: &Path, shown: &Path) -> Result<Git, HistoryError> {
        let output = base_command()
            .arg("-C")
            .arg(dir)
            .args([
                "rev-parse",
                "--show-toplevel",
                "--verify",
                "--quiet",
                "HEAD^{commit}",
            ])
            .output()
            .map_err(HistoryError::GitMissing)?;
        let text = String::from_utf8_lossy(&output.stdout);
        let mut lines = text.lines();
        // Not a work tree: git says so and prints nothing. A work tree
        // without commits: its top, and no HEAD.
        let Some(top) = lines.next().filter(|_| output.status.code() != Some(128)) else {
            let said = git_said(&output.stderr);
            // Anything else (a repository git refuses to trust, say) is
            // git's own words.
            let not_here = ["not a git repository", "must be run in a work tree"];
            return Err(if not_here.iter().any(|n| said.contains(n)) {
                HistoryError::NotInWorkTree {
                    path: shown.to_owned(),
                    reason: said,
                }
            } else {
                HistoryError::Git {
                    asked: "git rev-parse --show-toplevel".into(),
                    message: said,
                }
            });
        };
        Ok(Git {
            top: PathBuf::from(top),
            has_commits: output.status.success() && lines.next().is_some(),
        })
    }

    /// What HEAD holds at `path` (relative to the top): `None` when nothing.
    pub fn at_head(&self, path: &str) -> Result<Option<AtHead>, HistoryError> {
        let spec = format!("HEAD:{path}");
        let output = self.command(&["cat-file", "-t", &spec])?;
        Ok(match output.stdout.trim_ascii() {
            _ if !output.status.success() => None,
            b"tree" => Some(AtHead::Folder),
            _ => Some(AtHead::File),
        })
    }

    /// Where a file gone from HEAD went, when the commit that took it away
    /// moved it (found as git finds renames); `None` when it was deleted.
    pub fn moved_to(&self, path: &str) -> Result<Option<String>, HistoryError> {
        let output = self.command(&[
            "log",
            "-1",
            "--format=%H",
            "--diff-filter=D",
            "HEAD",
            "--",
            path,
        ])?;
        let commit = String::from_utf8_lossy(&output.stdout).trim().to_owned();
        if !output.status.success() || commit.is_empty() {
            return Ok(None);
        }
        let output = self.command(&[
            "diff-tree",
            "-r",
            "-M",
            "-z",
            "--no-commit-id",
            "--name-status",
            &commit,
        ])?;
        let text = String::from_utf8_lossy(&output.stdout);
        let mut tokens = text.split('\0');
        while let Some(status) = tokens.next() {
            let renamed = status.starts_with('R');
            let Some(from) = tokens.next() else { break };
            if renamed {
                let to = tokens.next().unwrap_or_default();
                if from == path {
                    return Ok(Some(to.to_owned()));
                }
            } else if status.starts_with('C') {
                tokens.next();
            }
        }
        Ok(None)
    }

    /// `git log` of HEAD for the pathspecs, newest first, with each commit's
    /// file changes in raw form (full blob ids, renames found). `follow`
    /// follows one file across renames, as `git log --follow` does.
    pub fn log(&self, pathspecs: &[String], follow: bool) -> Result<Vec<u8>, HistoryError> {
        let mut args: Vec<&str> = vec![
            "log",
            // Parents after all their children: the walk reads oldest first.
            "--date-order",
            "-z",
            "--raw",
            "--no-abbrev",
            "-M",
            LOG_FORMAT,
        ];
        if follow {
            args.push("--follow");
        }
        args.extend(["HEAD", "--"]);
        args.extend(pathspecs.iter().map(String::as_str));
        let output = self.command(&args)?;
        if !output.status.success() {
            return Err(HistoryError::Git {
                asked: asked(&args),
                message: git_said(&output.stderr),
            });
        }
        Ok(output.stdout)
    }

    /// Each blob's bytes, in the order asked, through one `git cat-file --batch`.
    pub fn blobs(&self, ids: &[&str], limit: u64) -> Result<Vec<Blob>, HistoryError> {
        let asked = "git cat-file --batch".to_owned();
        let io = |error: std::io::Error| HistoryError::Io {
            asked: asked.clone(),
            error,
        };
        let mut child = self
            .base()
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(HistoryError::GitMissing)?;
        let (Some(mut stdin), Some(stdout), Some(mut stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(io(std::io::Error::other("git's pipes were not opened")));
        };
        let mut input = Vec::with_capacity(ids.len() * 41);
        for id in ids {
            input.extend_from_slice(id.as_bytes());
            input.push(b'\n');
        }
        // Written from another thread: git answers while it reads, and would
        // stop on a full pipe if nobody read its answers meanwhile.
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let complaints = std::thread::spawn(move || {
            let mut text = Vec::new();
            let _ = stderr.read_to_end(&mut text);
            text
        });
        let mut reader = BufReader::with_capacity(1 << 16, stdout);
        let read = read_batch(&mut reader, ids, limit);
        drop(reader);
        let written = writer.join();
        let status = child.wait().map_err(io)?;
        let complaints = complaints.join().unwrap_or_default();
        match read {
            Ok(blobs) => Ok(blobs),
            Err(error) if !status.success() => Err(HistoryError::Git {
                asked,
                message: match git_said(&complaints) {
                    said if said.is_empty() => error.to_string(),
                    said => said,
                },
            }),
            Err(error) => {
                let error = match written {
                    Ok(Err(write)) => write,
                    _ => error,
                };
                Err(io(error))
            }
        }
    }

    fn command(&self, args: &[&str]) -> Result<std::process::Output, HistoryError> {
        self.base()
            .args(args)
            .output()
            .map_err(HistoryError::GitMissing)
    }

    fn base(&self) -> Command {
        let mut command = base_command();
        command.arg("-C").arg(&self.top);
        command
    }
}

/// Git as this module needs it whatever the user's configuration says:
/// paths taken literally, no pager, colour or signatures in the output, no
/// network fetch for a missing object, the repository found from the path
/// given rather than from the environment, and its messages in English (so
/// they can be told apart, and read beside ours).
fn base_command() -> Command {
    let mut command = Command::new("git");
    command
        .args([
            "--no-pager",
            "--literal-pathspecs",
            "-c",
            "color.ui=false",
            "-c",
            "log.showSignature=false",
            "-c",
            "log.follow=false",
            "-c",
            "core.quotePath=false",
        ])
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .stdin(Stdio::null());
    command
}

/// Reads one `--batch` answer per id: `<id> blob <size>\n<bytes>\n`, or
/// `<id> missing\n`.
fn read_batch(reader: &mut impl BufRead, ids: &[&str], limit: u64) -> std::io::Result<Vec<Blob>> {
    let mut blobs = Vec::with_capacity(ids.len());
    let mut header = Vec::new();
    for id in ids {
        header.clear();
        reader.read_until(b'\n', &mut header)?;
        if header.last() != Some(&b'\n') {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!("git stopped before answering for {id}"),
            ));
        }
        let line = String::from_utf8_lossy(&header[..header.len() - 1]).into_owned();
        let mut words = line.split(' ');
        let (_, kind, size) = (words.next(), words.next(), words.next());
        let size = match (kind, size.map(str::parse::<u64>)) {
            (Some("blob"), Some(Ok(size))) => size,
            (Some("missing"), _) => {
                blobs.push(Blob::Missing);
                continue;
            }
            _ => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("unexpected answer for {id}: {line:?}"),
                ));
            }
        };
        let blob = if size > limit {
            std::io::copy(&mut reader.by_ref().take(size), &mut std::io::sink())?;
            Blob::TooLarge(size)
        } else {
            let mut bytes = vec![0; size as usize];
            reader.read_exact(&mut bytes)?;
            Blob::Bytes(bytes)
        };
        let mut newline = [0u8; 1];
        reader.read_exact(&mut newline)?;
        blobs.push(blob);
    }
    Ok(blobs)
}

/// What git wrote on stderr, on one line, without its `fatal: `.
fn git_said(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches("fatal: ")
                .trim_start_matches("error: ")
        })
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("; ")
}

fn asked(args: &[&str]) -> String {
    let shown: Vec<&str> = args
        .iter()
        .copied()
        .filter(|a| !a.starts_with("--format="))
        .collect();
    format!("git {}", shown.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_answers_are_read_in_order_and_large_ones_skipped() {
        let answers = b"aa blob 3\nabc\nbb missing\ncc blob 5\nhello\ndd blob 0\n\n";
        let blobs = read_batch(&mut &answers[..], &["aa", "bb", "cc", "dd"], 4).unwrap();
        assert!(matches!(&blobs[0], Blob::Bytes(b) if b == b"abc"));
        assert!(matches!(blobs[1], Blob::Missing));
        assert!(matches!(blobs[2], Blob::TooLarge(5)));
        assert!(matches!(&blobs[3], Blob::Bytes(b) if b.is_empty()));
    }

    #[test]
    fn a_batch_cut_short_is_an_error_not_a_hang() {
        let answers = b"aa blob 3\nabc\n";
        assert!(read_batch(&mut &answers[..], &["aa", "bb"], 10).is_err());
    }

    #[test]
    fn git_said_keeps_the_words_without_fatal() {
        assert_eq!(
            git_said(b"fatal: not a git repository (or any of the parent directories): .git\n"),
            "not a git repository (or any of the parent directories): .git"
        );
    }
}
