//! Why a command could not run, as its reader reads it: the library's error
//! types say it in English (their `Display`, for logs and tests); here the
//! same in Norwegian. What another program said (git's message, the
//! operating system's) is quoted as it was said.

use super::{Lang, Words};
use crate::history::HistoryError;
use crate::load::LoadError;
use std::io;

impl Words {
    /// `cannot read the handbook: PATH: no such file or directory`.
    pub fn load_error(&self, error: &LoadError) -> String {
        match self.lang {
            Lang::En => format!("cannot read the handbook: {}", self.load_problem(error)),
            Lang::Nb => format!("kan ikke lese håndboken: {}", self.load_problem(error)),
        }
    }

    /// What is wrong with the path (`PATH: no such file or directory`), for
    /// a message that has said what could not be done (a reload).
    pub fn load_problem(&self, error: &LoadError) -> String {
        if self.lang == Lang::En {
            return error.to_string();
        }
        match error {
            LoadError::NotFound(path) => format!("{} finnes ikke", path.display()),
            LoadError::Io { path, error } => format!("{}: {}", path.display(), io_nb(error)),
        }
    }

    /// Why `history` (or the browser's history view) has nothing to show.
    pub fn history_error(&self, error: &HistoryError) -> String {
        if self.lang == Lang::En {
            return error.to_string();
        }
        match error {
            HistoryError::GitMissing(error) => format!(
                "kan ikke starte git ({}); `history` leser håndbokens historikk med programmet git, så installer git",
                io_nb(error)
            ),
            HistoryError::NotInWorkTree { path, reason } => format!(
                "{} ligger ikke i et git-arbeidstre, så det finnes ingen historikk å lese ({reason})",
                path.display()
            ),
            HistoryError::SeveralWorkTrees { first, second } => format!(
                "{} og {} ligger i forskjellige git-arbeidstrær; be om historikken til ett av dem om gangen",
                first.display(),
                second.display()
            ),
            HistoryError::NoCommits { work_tree } => format!(
                "git-arbeidstreet {} har ingen commits ennå, så det finnes ingen historikk å lese",
                work_tree.display()
            ),
            HistoryError::NotFound(path) => format!(
                "{} finnes ikke, og git-historikken har aldri hatt den",
                path.display()
            ),
            HistoryError::Git { asked, message } => {
                format!("git kunne ikke lese historikken ({asked}): {message}")
            }
            HistoryError::Io { asked, error } => {
                format!("kan ikke lese det git svarte ({asked}): {}", io_nb(error))
            }
        }
    }
}

/// An I/O error in Norwegian where its kind has a plain word, else as the
/// operating system said it.
fn io_nb(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "finnes ikke".to_owned(),
        io::ErrorKind::PermissionDenied => "ingen tilgang".to_owned(),
        io::ErrorKind::NotADirectory => "er ikke en mappe".to_owned(),
        io::ErrorKind::IsADirectory => "er en mappe".to_owned(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::words;
    use std::path::PathBuf;

    #[test]
    fn english_is_the_errors_own_text_and_norwegian_says_the_same() {
        let missing = LoadError::NotFound(PathBuf::from("/x"));
        assert_eq!(
            words(Lang::En).load_error(&missing),
            "cannot read the handbook: /x: no such file or directory"
        );
        assert_eq!(
            words(Lang::Nb).load_error(&missing),
            "kan ikke lese håndboken: /x finnes ikke"
        );
        let denied = LoadError::Io {
            path: PathBuf::from("/y"),
            error: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            words(Lang::Nb).load_error(&denied),
            "kan ikke lese håndboken: /y: ingen tilgang"
        );
        let no_commits = HistoryError::NoCommits {
            work_tree: PathBuf::from("/z"),
        };
        assert_eq!(
            words(Lang::En).history_error(&no_commits),
            no_commits.to_string()
        );
        assert!(
            words(Lang::Nb)
                .history_error(&no_commits)
                .starts_with("git-arbeidstreet /z har ingen commits ennå"),
        );
    }
}
