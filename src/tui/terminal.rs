//! Entering and leaving the terminal's interactive mode.
//!
//! `ratatui::try_init` enables raw mode, enters the alternate screen and
//! installs a panic hook that restores both. [`Session`] adds a `Drop` guard
//! for every other way out (`?`, early return, unwinding) and owns mouse
//! capture: enabled only when asked for, and always disabled on the way out,
//! including from the panic hook. [`Session::suspend`] and
//! [`Session::resume`] hand the terminal to another program (the editor) and
//! take it back.

use std::io::{Write, stdout};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::DefaultTerminal;

pub struct Session {
    pub terminal: DefaultTerminal,
    mouse: bool,
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
        let session = Session { terminal, mouse };
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
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
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
