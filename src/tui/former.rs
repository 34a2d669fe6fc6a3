//! The roles people held and lost, read from git for the people view
//! ("Tidligere prosesseier for"), on a thread of its own: the whole
//! handbook's history takes longer than a keypress may.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use crate::Field;
use crate::history::{FormerRole, HistoryError, former_roles, read};

use super::context::Context;
use super::theme::Role;
use super::widgets::InkLine;
use super::wrap;

#[derive(Debug, Default)]
pub enum Former {
    /// The handbook is compiled in: no files, no history.
    #[default]
    NotAsked,
    Reading(JoinHandle<Result<Vec<FormerRole>, HistoryError>>),
    Ready(Vec<FormerRole>),
    /// Not a git work tree, no git, no commits: nothing to say.
    Unavailable,
}

impl Former {
    /// Read the history of `paths` (the handbook's files) anew.
    pub fn start(paths: &[PathBuf]) -> Former {
        if paths.is_empty() {
            return Former::NotAsked;
        }
        let paths = paths.to_vec();
        Former::Reading(std::thread::spawn(move || {
            let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
            read(&paths, None).map(|history| former_roles(&history))
        }))
    }

    pub fn pending(&self) -> bool {
        matches!(self, Former::Reading(_))
    }

    /// Take the roles in when git is done; true when they were (redraw).
    pub fn poll(&mut self) -> bool {
        if !matches!(self, Former::Reading(job) if job.is_finished()) {
            return false;
        }
        self.wait();
        true
    }

    /// Wait for git (tests).
    pub fn wait(&mut self) {
        if let Former::Reading(job) = std::mem::take(self) {
            *self = match job.join() {
                Ok(Ok(roles)) => Former::Ready(roles),
                Ok(Err(_)) => Former::Unavailable,
                Err(panic) => std::panic::resume_unwind(panic),
            };
        }
    }

    /// The person's former roles as lines for their detail: per role, the
    /// cards, each with when and in which commit it was lost.
    pub fn lines(&self, ctx: &Context, person: &str, width: usize) -> Vec<InkLine> {
        let t = ctx.words();
        let note = |text: &str| wrap::wrap(&[(text.to_owned(), Role::Dim.into())], width);
        let roles = match self {
            Former::NotAsked => return Vec::new(),
            Former::Reading(_) => return note(t.history.reading_former),
            Former::Unavailable => return note(t.history.no_former),
            Former::Ready(roles) => roles,
        };
        let mut out = Vec::new();
        for field in [Field::Owner, Field::Leader] {
            let mine: Vec<&FormerRole> = roles
                .iter()
                .filter(|r| r.field == field && r.person == person)
                .collect();
            if mine.is_empty() {
                continue;
            }
            out.push(wrap::truncate(
                vec![(t.former_role(field), Role::Label.into())],
                width,
            ));
            for role in mine {
                let title = match wrap::clean_line(&role.card) {
                    title if title.trim().is_empty() => t.untitled.to_owned(),
                    title => title,
                };
                let when = format!(
                    "  ({} {}, {})",
                    t.history.until,
                    role.until.short_date().get(..10).unwrap_or_default(),
                    role.until.short_id()
                );
                out.push(wrap::truncate(
                    vec![
                        ("  • ".to_owned(), Role::Dim.into()),
                        (title, Role::Value.into()),
                        (when, Role::Dim.into()),
                    ],
                    width,
                ));
            }
            out.push(Vec::new());
        }
        out
    }
}
