//! Entering and leaving the terminal's interactive mode.
//!
//! `ratatui::try_init` enables raw mode, enters the alternate screen and
//! installs a panic hook that restores both. [`Session`] adds a `Drop` guard
//! for every other way out (`?`, early return, unwinding) and owns mouse
//! capture: enabled only when asked for, and always disabled on the way out,
//! including from the panic hook. A panic on any thread (a background job)
//! restores the terminal at once and stops drawing; the main thread then
//! takes up the job's panic and unwinds through the guard.
//! [`Session::suspend`] and [`Session::resume`] hand the terminal to another
//! program (the editor) and take it back. SIGTERM, SIGHUP and SIGQUIT
//! restore the terminal before the process exits.

use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Frame};

pub struct Session {
    pub terminal: DefaultTerminal,
    mouse: bool,
    /// Stops the thread that restores the terminal on a signal.
    signals: Option<signal_hook::iterator::Handle>,
}

impl Session {
    pub fn start(mouse: bool) -> std::io::Result<Session> {
        // Installed first so that it runs after ratatui's own hook is added
        // on top of it: ratatui restores raw mode and the screen, then this
        // turns mouse reporting off before the message is printed.
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            release_mouse();
            previous(info);
        }));
        let guard = Guard;
        let terminal = ratatui::try_init()?;
        std::mem::forget(guard);
        // On top of ratatui's hook: from the moment any thread panics, no
        // frame is drawn, so none lands on the normal screen over the message
        // (the main thread takes up a job's panic within 50 ms and unwinds).
        let restoring = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.store(true, Ordering::SeqCst);
            restoring(info);
        }));
        let session = Session {
            terminal,
            mouse,
            signals: restore_on_signals(),
        };
        if mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        Ok(session)
    }
}

impl Session {
    /// Give the terminal back as the shell had it: mouse reporting off, the
    /// normal screen, cooked mode, the cursor shown.
    pub fn suspend(&mut self) -> std::io::Result<()> {
        if self.mouse {
            execute!(stdout(), DisableMouseCapture)?;
        }
        execute!(stdout(), LeaveAlternateScreen, Show)?;
        disable_raw_mode()?;
        stdout().flush()
    }

    /// Take the terminal again after [`Session::suspend`] and draw everything anew.
    pub fn resume(&mut self) -> std::io::Result<()> {
        enable_raw_mode()?;
        execute!(stdout(), EnterAlternateScreen, Hide)?;
        if self.mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        self.terminal.clear()
    }

    /// Draw a frame, unless a thread has panicked and the terminal is being
    /// (or has been) restored.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> std::io::Result<()> {
        if PANICKED.load(Ordering::SeqCst) {
            return Ok(());
        }
        self.terminal.draw(render).map(drop)
    }
}

/// Set by the panic hook, on whichever thread panicked, and when a signal
/// ends the process: no frame is drawn after it.
static PANICKED: AtomicBool = AtomicBool::new(false);

impl Drop for Session {
    fn drop(&mut self) {
        if let Some(signals) = self.signals.take() {
            signals.close();
        }
        restore();
    }
}

/// Killed with SIGTERM (`kill`), SIGHUP (the terminal closed) or SIGQUIT,
/// the process would die with the terminal still raw and on the alternate
/// screen. A thread waits for those signals, restores the terminal, and exits
/// as the signal would have (128 + its number). Ctrl-C is not among them: raw
/// mode delivers it as a key. `None` when the handlers cannot be installed
/// (the browser runs on without them).
fn restore_on_signals() -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGQUIT]).ok()?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // No frame after this one is drawn over the shell.
                PANICKED.store(true, Ordering::SeqCst);
                restore();
                std::process::exit(128 + signal);
            }
        })
        .ok()?;
    Some(handle)
}

/// Print panic messages as the default hook does, but made safe: a message
/// can quote document text (a panic slicing a string shows the string), and
/// printed raw its escape sequences would reach the terminal. Installed once
/// at start; [`Session::start`] builds the restoring hooks on top of it.
pub fn safe_panic_messages() {
    use crate::text::{sanitize, sanitize_line};
    use std::backtrace::{Backtrace, BacktraceStatus};
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("Box<dyn Any>");
        let thread = std::thread::current();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        let backtrace = Backtrace::capture();
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "\nthread '{}' panicked{}:\n{}",
            sanitize_line(thread.name().unwrap_or("<unnamed>")),
            sanitize_line(&at),
            sanitize(message)
        );
        let _ = match backtrace.status() {
            BacktraceStatus::Captured => writeln!(err, "stack backtrace:\n{backtrace}"),
            _ => writeln!(
                err,
                "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
            ),
        };
    }));
}

/// Restores the terminal if `try_init` fails half way.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn release_mouse() {
    let _ = execute!(stdout(), DisableMouseCapture);
}

/// Leave everything as it was: mouse off, raw mode off, normal screen, cursor shown.
pub fn restore() {
    release_mouse();
    ratatui::restore();
    let _ = execute!(stdout(), Show);
    let _ = stdout().flush();
}

/// Failing on purpose, so the end-to-end tests can prove the terminal comes
/// back after a panic on the main thread, a panic on a background thread and
/// an error: `PROSESSER_FAULT=panic|thread|error`. Each message carries an
/// OSC 0 title sequence, to prove messages are made safe too. Read in debug builds only;
/// a release build never looks at the variable.
pub mod fault {
    use crossterm::event::Event;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    static KEY_SEEN: AtomicBool = AtomicBool::new(false);

    fn asked(what: &str) -> bool {
        cfg!(debug_assertions) && std::env::var("PROSESSER_FAULT").is_ok_and(|v| v == what)
    }

    /// On the first key, when asked: panic here, or return an error.
    pub fn on_event(event: &Event) -> anyhow::Result<()> {
        if !matches!(event, Event::Key(_)) || KEY_SEEN.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        if asked("panic") {
            panic!(
                "PROSESSER_FAULT=panic: a panic on the main thread, on purpose \u{1b}]0;pwned\u{7}"
            );
        }
        if asked("error") {
            anyhow::bail!("PROSESSER_FAULT=error: an error, on purpose \u{1b}]0;pwned\u{7}");
        }
        Ok(())
    }

    /// In a background job, when asked: wait for the first key (the browser
    /// is on screen by then), then panic.
    pub fn in_job() {
        if asked("thread") {
            while !KEY_SEEN.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(10));
            }
            panic!(
                "PROSESSER_FAULT=thread: a panic on a background thread, on purpose \u{1b}]0;pwned\u{7}"
            );
        }
    }
}
