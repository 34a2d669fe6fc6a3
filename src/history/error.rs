use std::fmt;
use std::path::PathBuf;

/// Why the history could not be read (the command line exits 2).
#[derive(Debug)]
pub enum HistoryError {
    /// The `git` program could not be started.
    GitMissing(std::io::Error),
    /// A path is not inside a git work tree; `reason` is what git said.
    NotInWorkTree { path: PathBuf, reason: String },
    /// The paths belong to different work trees: one history cannot hold both.
    SeveralWorkTrees { first: PathBuf, second: PathBuf },
    /// The work tree has no commit yet, so there is no history to read.
    NoCommits { work_tree: PathBuf },
    /// A path that is not on disk and that the history never held either.
    NotFound(PathBuf),
    /// Git ran and failed: what was asked, and what git said.
    Git { asked: String, message: String },
    /// Talking to git failed (a pipe broke, its output was not what git writes).
    Io {
        asked: String,
        error: std::io::Error,
    },
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::GitMissing(error) => write!(
                f,
                "cannot run git ({error}); `history` reads the handbook's history with the git program, so install git"
            ),
            HistoryError::NotInWorkTree { path, reason } => write!(
                f,
                "{} is not inside a git work tree, so it has no history to read ({reason})",
                path.display()
            ),
            HistoryError::SeveralWorkTrees { first, second } => write!(
                f,
                "{} and {} are in different git work trees; ask for the history of one at a time",
                first.display(),
                second.display()
            ),
            HistoryError::NoCommits { work_tree } => write!(
                f,
                "the git work tree {} has no commits yet, so there is no history to read",
                work_tree.display()
            ),
            HistoryError::NotFound(path) => write!(
                f,
                "{}: no such file or directory, and the git history never held it",
                path.display()
            ),
            HistoryError::Git { asked, message } => {
                write!(f, "git could not read the history ({asked}): {message}")
            }
            HistoryError::Io { asked, error } => {
                write!(f, "cannot read what git said ({asked}): {error}")
            }
        }
    }
}

impl std::error::Error for HistoryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HistoryError::GitMissing(error) | HistoryError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}
