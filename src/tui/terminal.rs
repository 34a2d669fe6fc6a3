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
//! program (the editor) and take it back.
//!
//! The tty's mode is saved once, at start ([`tty`]), and every way out puts
//! that mode back: not the one the tty has when the browser leaves, which an
//! editor that died may have changed. Every signal that would end the process
//! (HUP, INT, QUIT, USR1, USR2, ALRM, TERM, VTALRM, PROF, XCPU, XFSZ, IO, PWR)
//! restores the terminal first; while the editor runs, INT and QUIT are left
//! to it, as `system(3)` leaves them. Ctrl-Z and SIGTSTP suspend as every
//! full-screen program does: the terminal given back, the process stopped,
//! and on `fg` raw mode and the screen taken again and drawn anew.

use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Frame};

pub struct Session {
    pub terminal: DefaultTerminal,
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
        tty::save();
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
        MOUSE.store(mouse, Ordering::SeqCst);
        continued();
        let session = Session {
            terminal,
            signals: restore_on_signals(),
        };
        // A paste arrives as one event, not as keys: pasted text neither runs
        // commands nor filters once per character.
        execute!(stdout(), EnableBracketedPaste)?;
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
        let _lock = lock();
        give_back()
    }

    /// Take the terminal again after [`Session::suspend`] and draw everything anew.
    pub fn resume(&mut self) -> std::io::Result<()> {
        {
            let _lock = lock();
            take_again()?;
        }
        self.terminal.clear()
    }

    /// Run `program` with the terminal given back. While it runs, Ctrl-C and
    /// Ctrl-\\ are the child's: the browser does not end on them.
    pub fn hand_over<T>(&mut self, program: impl FnOnce() -> T) -> std::io::Result<T> {
        self.suspend()?;
        CHILD_RUNNING.store(true, Ordering::SeqCst);
        let result = program();
        CHILD_RUNNING.store(false, Ordering::SeqCst);
        self.resume()?;
        Ok(result)
    }

    /// Ctrl-Z: give the terminal back, stop until `fg`, then take it again
    /// and draw everything anew.
    pub fn stop(&mut self) -> std::io::Result<()> {
        stop_process();
        self.terminal.clear()
    }

    /// After a SIGTSTP (`kill -TSTP`) and `fg`, the screen must be drawn anew.
    pub fn take_redraw(&mut self) -> std::io::Result<bool> {
        if !REDRAW.swap(false, Ordering::SeqCst) {
            return Ok(false);
        }
        self.terminal.clear()?;
        Ok(true)
    }

    /// Draw a frame, unless a thread has panicked and the terminal is being
    /// (or has been) restored, or the process is being stopped.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> std::io::Result<()> {
        let _lock = lock();
        if PANICKED.load(Ordering::SeqCst) || STOPPED.load(Ordering::SeqCst) {
            return Ok(());
        }
        self.terminal.draw(render).map(drop)
    }
}

/// Mouse capture was asked for: given back and taken again with the terminal.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// A child (the editor) has the terminal.
static CHILD_RUNNING: AtomicBool = AtomicBool::new(false);
/// The terminal is given back for a stop (Ctrl-Z, SIGTSTP): draw nothing.
static STOPPED: AtomicBool = AtomicBool::new(false);
/// Back from a stop the main loop did not make: the screen needs drawing anew.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// Who writes to the terminal: a frame, or the signal thread giving the
/// terminal back. Held only briefly; a poisoned lock is still a lock.
fn lock() -> std::sync::MutexGuard<'static, ()> {
    static TERMINAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    TERMINAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Mouse reporting and bracketed paste off, the normal screen, the cursor
/// shown, and the tty in the mode it had at start.
fn give_back() -> std::io::Result<()> {
    if MOUSE.load(Ordering::SeqCst) {
        execute!(stdout(), DisableMouseCapture)?;
    }
    execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show)?;
    disable_raw_mode()?;
    tty::restore();
    stdout().flush()
}

/// The tty in the mode the shell had at start, then raw: whatever a child
/// left it in, the mode saved for the way out stays the one from the start.
fn take_again() -> std::io::Result<()> {
    tty::restore();
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, Hide, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(stdout(), EnableMouseCapture)?;
    }
    stdout().flush()
}

/// Set when SIGCONT comes (the process goes on after a stop); `None` when
/// the handler could not be installed.
fn continued() -> Option<&'static Arc<AtomicBool>> {
    static CONTINUED: OnceLock<Option<Arc<AtomicBool>>> = OnceLock::new();
    CONTINUED
        .get_or_init(|| {
            let flag = Arc::new(AtomicBool::new(true));
            signal_hook::flag::register(libc::SIGCONT, Arc::clone(&flag)).ok()?;
            Some(flag)
        })
        .as_ref()
}

/// Give the terminal back, stop the process until it is continued (`fg`),
/// take the terminal again. The terminal's writer is held throughout, so no
/// frame is drawn in between.
fn stop_process() {
    let _lock = lock();
    STOPPED.store(true, Ordering::SeqCst);
    let _ = give_back();
    // SIGSTOP, not SIGTSTP: that one comes back to the signal thread. The
    // stop is not at once: until SIGCONT has come, the terminal stays given
    // back (taken again early, the shell would print over our screen).
    let continued = continued();
    if let Some(flag) = continued {
        flag.store(false, Ordering::SeqCst);
    }
    // SAFETY: kill with our own pid and a valid signal number has no
    // preconditions; the process stops and goes on at SIGCONT.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGSTOP);
    }
    while continued.is_some_and(|flag| !flag.load(Ordering::SeqCst)) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = take_again();
    STOPPED.store(false, Ordering::SeqCst);
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

/// Signals whose default is to end the process (those a handler may take:
/// not KILL, and not the ones a fault raises, SEGV, BUS, ILL, FPE, which the
/// panic hook cannot outlive anyway). PIPE is ignored by Rust programs.
const ENDING: &[i32] = &[
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
    libc::SIGTERM,
    libc::SIGVTALRM,
    libc::SIGPROF,
    libc::SIGXCPU,
    libc::SIGXFSZ,
    libc::SIGIO,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    libc::SIGPWR,
];

/// Killed by a signal, the process would die with the terminal still raw,
/// on the alternate screen, the cursor hidden. A thread waits for every
/// signal that ends a process ([`ENDING`]), restores the terminal, and exits
/// as the signal would have (128 + its number); INT and QUIT while a child
/// runs are the child's (a Ctrl-C in the editor). It also takes SIGTSTP:
/// the terminal given back, the process stopped, the terminal taken again
/// on `fg` and the screen drawn anew. `None` when the handlers cannot be
/// installed (the browser runs on without them).
fn restore_on_signals() -> Option<signal_hook::iterator::Handle> {
    let mut taken = ENDING.to_vec();
    taken.push(libc::SIGTSTP);
    let mut signals = signal_hook::iterator::Signals::new(taken).ok()?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            for signal in signals.forever() {
                let child = CHILD_RUNNING.load(Ordering::SeqCst);
                match signal {
                    libc::SIGINT | libc::SIGQUIT if child => {}
                    libc::SIGTSTP if child => {
                        // The editor stops itself (vim's Ctrl-Z stops its
                        // group); the terminal is its to give back.
                        // SAFETY: as in `stop_process`.
                        unsafe {
                            libc::kill(libc::getpid(), libc::SIGSTOP);
                        }
                    }
                    libc::SIGTSTP => {
                        stop_process();
                        REDRAW.store(true, Ordering::SeqCst);
                    }
                    _ => {
                        // No frame after this one is drawn over the shell.
                        PANICKED.store(true, Ordering::SeqCst);
                        restore();
                        std::process::exit(128 + signal);
                    }
                }
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
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
}

/// Leave everything as it was: mouse and bracketed paste off, raw mode off,
/// normal screen, cursor shown, the tty in the mode it had at start.
pub fn restore() {
    release_mouse();
    ratatui::restore();
    tty::restore();
    let _ = execute!(stdout(), Show);
    let _ = stdout().flush();
}

/// The tty's mode (termios) as it was when the browser started.
mod tty {
    use std::sync::OnceLock;

    static SAVED: OnceLock<(i32, libc::termios)> = OnceLock::new();

    /// The terminal: standard input when it is one, else `/dev/tty` (as
    /// crossterm picks it).
    fn fd() -> Option<i32> {
        // SAFETY: isatty and open take no pointers but a valid C string.
        unsafe {
            if libc::isatty(libc::STDIN_FILENO) == 1 {
                return Some(libc::STDIN_FILENO);
            }
            let fd = libc::open(c"/dev/tty".as_ptr(), libc::O_RDWR | libc::O_NOCTTY);
            (fd >= 0).then_some(fd)
        }
    }

    /// Remember the mode now; only the first call counts.
    pub fn save() {
        if SAVED.get().is_some() {
            return;
        }
        let Some(fd) = fd() else { return };
        // SAFETY: termios is plain data; tcgetattr fills it or fails.
        let mut mode: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(fd, &mut mode) } == 0 {
            let _ = SAVED.set((fd, mode));
        }
    }

    /// Put the saved mode back (nothing when none was saved).
    pub fn restore() {
        if let Some((fd, mode)) = SAVED.get() {
            // SAFETY: `mode` came from tcgetattr on this fd.
            unsafe {
                libc::tcsetattr(*fd, libc::TCSANOW, mode);
            }
        }
    }
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
