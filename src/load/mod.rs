//! Paths (files, folders, Hugo site roots) to a [`Handbook`].

use crate::model::Handbook;
use std::path::{Path, PathBuf};

/// One file's bytes and the names it goes by.
#[derive(Debug, Clone)]
pub struct Source {
    /// Shown to people: relative to the folder given, with `/`.
    pub path: String,
    /// On disk, when it came from disk.
    pub file: Option<PathBuf>,
    pub bytes: Vec<u8>,
}

/// Why nothing could be loaded from a path the user named (exit 2).
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(f, "{}: no such file or directory", p.display()),
            LoadError::Io { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for LoadError {}

/// Load every path; documents in Hugo's page order (weight, title, path).
pub fn load_paths(paths: &[&Path]) -> Result<Handbook, LoadError> {
    let _ = paths;
    todo!("loader")
}

/// Load files already in memory (the compiled-in `data/`, tests).
pub fn load_sources(sources: Vec<Source>) -> Handbook {
    let _ = sources;
    todo!("loader")
}
