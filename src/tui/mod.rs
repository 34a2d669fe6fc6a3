//! The terminal browser: processes beside their detail, search by owner or
//! leader, people, diagnostics.
//!
//! One loop: crossterm events become [`keymap::Action`]s through the keymap
//! table, [`app::App::update`] changes the state, and [`render::render`] draws
//! it as a pure function of that state. Each region of the screen has its own
//! module (`list`, `detail`, `title`, `status`, `help`, `people`,
//! `diagnostics`); `theme` holds every style and `terminal` enters and leaves
//! raw mode.

mod app;
mod detail;
mod diagnostics;
mod help;
mod keymap;
mod layout;
mod list;
mod people;
mod render;
mod status;
mod terminal;
mod texts;
mod theme;
mod title;
mod wrap;

#[cfg(test)]
mod safety_tests;
#[cfg(test)]
mod tests;

use std::time::{Duration, Instant};

use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use app::App;

use keymap::Action;
pub use terminal::safe_panic_messages;
use theme::Theme;

/// How the browser was asked to run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub lang: prosesser::i18n::Lang,
    /// Capture the mouse (click selects, wheel scrolls); off by default since
    /// capture breaks the terminal's own text selection.
    pub mouse: bool,
}

/// Browse `handbook` until the user quits. Everything slow happens before
/// the first frame; the terminal is restored however this returns.
pub fn run(handbook: prosesser::Handbook, options: Options) -> anyhow::Result<()> {
    let mut app = App::new(handbook, options.lang, Theme::from_env(), options.mouse);
    // A small handbook is indexed and checked before anyone could notice; a
    // large one gets its first frame now and the rest as it is ready.
    app.wait_jobs(Some(Instant::now() + Duration::from_millis(150)));
    let mut session = terminal::Session::start(options.mouse)?;
    let size = session.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.quit {
        session.draw(|frame| render::render(&app, frame))?;
        // Wait for input; while background work is pending, wake up to take it in.
        while app.jobs_pending() && !event::poll(Duration::from_millis(50))? {
            if app.poll_jobs() {
                session.draw(|frame| render::render(&app, frame))?;
            }
        }
        // Apply everything already waiting before drawing again, so a burst
        // of keys (or a held key) costs one frame.
        let mut next = Some(event::read()?);
        while let Some(ev) = next.take() {
            terminal::fault::on_event(&ev)?;
            if let Some(action) = action_for(&app, ev) {
                app.update(action);
            }
            if !app.quit && event::poll(Duration::ZERO)? {
                next = Some(event::read()?);
            }
        }
    }
    drop(session);
    // The terminal is back; the process is about to exit, and freeing a
    // 100,000-card handbook piece by piece would only delay it.
    std::mem::forget(app);
    Ok(())
}

/// The action an event asks for in the app's current mode.
fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::lookup(app.editing, key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) if app.mouse => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::WheelDown(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::WheelUp(m.column, m.row)),
            _ => None,
        },
        _ => None,
    }
}
