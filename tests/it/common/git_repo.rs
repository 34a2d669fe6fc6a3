//! A git repository in a temporary folder, with commits whose authors and
//! dates are fixed, so a history read from it is known to the letter; and a
//! Hugo site in one, built commit by commit. Runs git without the machine's
//! or the user's configuration.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// An empty repository on branch `main`.
    pub fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, path: &str) -> PathBuf {
        self.dir.path().join(path)
    }

    /// Writes a file (making its folders).
    pub fn write(&self, path: &str, text: &str) {
        let file = self.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }

    /// `git mv`, making the new folder first.
    pub fn mv(&self, from: &str, to: &str) {
        std::fs::create_dir_all(self.join(to).parent().unwrap()).unwrap();
        self.git(&["mv", from, to]);
    }

    /// Commits everything in the work tree as `author` at `date` (ISO 8601
    /// with offset); returns the commit's full id.
    pub fn commit(&self, date: &str, author: &str, subject: &str) -> String {
        self.git(&["add", "-A"]);
        let output = self
            .command(&[
                "-c",
                &format!("user.name={author}"),
                "-c",
                "user.email=handbok@example.org",
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                subject,
            ])
            .env("GIT_AUTHOR_NAME", author)
            .env("GIT_AUTHOR_EMAIL", "handbok@example.org")
            .env("GIT_COMMITTER_NAME", author)
            .env("GIT_COMMITTER_EMAIL", "handbok@example.org")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .output()
            .unwrap();
        assert!(output.status.success(), "git commit: {output:?}");
        self.git(&["rev-parse", "HEAD"]).trim().to_owned()
    }

    /// Runs git in the repository and returns what it printed.
    pub fn git(&self, args: &[&str]) -> String {
        let output = self.command(args).output().unwrap();
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).unwrap()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("git");
        command
            .current_dir(self.path())
            .args(["-c", "commit.gpgsign=false", "-c", "core.autocrlf=false"])
            // Who did what is set per commit; this only lets git run.
            .args(["-c", "user.name=test", "-c", "user.email=test@example.org"])
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        command
    }
}

/// A commit a [`Site`] made: its full id, date, author and subject.
pub type Commit = (String, &'static str, &'static str, &'static str);

/// A Hugo site (a `hugo.toml` titled "Handbok") in a new repository, built
/// commit by commit, each at the date and by the author given.
pub struct Site {
    pub repo: Repo,
    /// The commits made, oldest first.
    pub commits: Vec<Commit>,
}

impl Site {
    /// A new repository holding the site's `hugo.toml`, not committed yet.
    pub fn new() -> Site {
        let repo = Repo::new();
        repo.write("hugo.toml", "title = \"Handbok\"\n");
        Site {
            repo,
            commits: Vec::new(),
        }
    }

    /// Writes `text` to `path` and commits the work tree.
    pub fn commit_file(
        &mut self,
        path: &str,
        text: &str,
        date: &'static str,
        author: &'static str,
        subject: &'static str,
    ) {
        self.repo.write(path, text);
        self.commit(date, author, subject);
    }

    /// Commits the work tree as it is (a file moved, say).
    pub fn commit(&mut self, date: &'static str, author: &'static str, subject: &'static str) {
        let id = self.repo.commit(date, author, subject);
        self.commits.push((id, date, author, subject));
    }
}
