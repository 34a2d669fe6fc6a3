//! What the integration tests share: the seed's card titles, copying a
//! fixture folder, running the real binary as a command or driving it in
//! tmux, git repositories with a known history, and a fixed stream of
//! random choices.

pub mod bin;
pub mod git_repo;
pub mod rng;
pub mod tmux;

/// The real handbook page's cards, in order: what the shipped `data/` holds.
pub const SEED_TITLES: [&str; 9] = [
    "Release",
    "Endringsstyring",
    "Behov",
    "Utvikling",
    "Produksjonssetting",
    "Forespørsler",
    "Hendelser",
    "Problemer",
    "Tilgangsstyring",
];

/// Copies the folder `from` to `to`, recursively (a fixture to a temporary
/// folder a test may change).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `work` on a thread of its own and waits at most `limit` for it, so a
/// test of something that must never block (a FIFO that must not be opened)
/// fails with a message instead of hanging the whole run. A thread that
/// never finishes is left behind; the test process ends anyway.
pub fn with_deadline<T: Send + 'static>(
    what: &str,
    limit: std::time::Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, result) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = done.send(work());
    });
    match result.recv_timeout(limit) {
        Ok(value) => value,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what} did not finish within {limit:?}: something blocked")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the worker sends before it ends"),
        },
    }
}

#[test]
#[should_panic(expected = "did not finish within")]
fn a_deadline_fails_work_that_blocks() {
    with_deadline(
        "parking for ever",
        std::time::Duration::from_millis(50),
        || {
            loop {
                std::thread::park();
            }
        },
    );
}

#[test]
#[should_panic(expected = "the work's own panic")]
fn a_deadline_passes_on_the_work_s_panic() {
    with_deadline("panicking", std::time::Duration::from_secs(5), || {
        panic!("the work's own panic")
    });
}
