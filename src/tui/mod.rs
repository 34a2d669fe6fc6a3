//! The terminal browser: processes beside their detail, search by owner or
//! leader, people, diagnostics, the process flow; `e` edits a card in the
//! user's editor, and changed files are read again as they are saved.
//!
//! One loop: crossterm events become [`keymap::Action`]s through the keymap
//! table, [`app::App::update`] routes each to the view it is for (each view
//! in `views/` owns its state, its `update` and the model it draws), and
//! [`render::render`] draws those models. The title and status bars,
//! `theme` (every style), `layout` (where each region goes) and `widgets`
//! (panes, rows) are shared by the views; `context` is what they read (the
//! handbook and what is derived from it), `background` the work that derives
//! it off the UI thread. What needs the terminal or another thread (running
//! the editor, reading the files again) `update` asks for with an
//! [`app::Request`], and this loop carries it out; `reload` watches the files
//! and `terminal` enters and leaves raw mode. `docs/architecture.md` draws it.

mod app;
mod background;
mod context;
mod editor;
mod former;
mod keymap;
mod layout;
mod reload;
mod render;
mod status;
mod terminal;
mod theme;
mod title;
mod views;
mod widgets;
mod wrap;

#[cfg(test)]
mod safety_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_flow;
#[cfg(test)]
mod tests_history;
#[cfg(test)]
mod tests_sites;
#[cfg(test)]
mod tests_ux;

use std::time::{Duration, Instant};

use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use app::{App, Request};
use keymap::Action;
pub use terminal::safe_panic_messages;
use theme::Theme;

/// How the browser was asked to run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: crate::i18n::Lang,
    /// Capture the mouse (click selects, wheel scrolls); off by default since
    /// capture breaks the terminal's own text selection.
    pub mouse: bool,
    /// The paths the handbook was read from, to watch and read again; empty
    /// for the compiled-in handbook (nothing to watch).
    pub paths: Vec<std::path::PathBuf>,
    /// How the paths were read (`--follow`, `--card-shortcode`), to read
    /// them the same way again on reload.
    pub load: crate::load::Options,
}

/// The browser without a terminal: the same state, keys and drawing as [`run`],
/// drawn into any ratatui backend (the render benchmark drives it).
pub struct Headless(App);

impl Headless {
    /// The browser on `handbook` at `width` x `height`, its background work done.
    pub fn new(handbook: crate::Handbook, width: u16, height: u16) -> Headless {
        let mut app = App::new(handbook, crate::i18n::Lang::Nb, Theme::from_env(), false);
        app.wait_jobs(None);
        app.update(Action::Resize(width, height));
        Headless(app)
    }

    /// The browser as [`run`] has it when a large handbook's first frame
    /// shows: its background work started, not waited for.
    pub fn at_start(handbook: crate::Handbook, width: u16, height: u16) -> Headless {
        let mut app = App::new(handbook, crate::i18n::Lang::Nb, Theme::from_env(), false);
        app.update(Action::Resize(width, height));
        Headless(app)
    }

    /// What [`run`] does between two looks for input: take in the background
    /// work that is done, and a slice of the work keys left. True when the
    /// screen changed.
    pub fn work(&mut self) -> bool {
        self.0.poll_jobs() | self.0.work()
    }

    /// Whether keys left work ([`Self::work`] has more to do).
    pub fn working(&self) -> bool {
        self.0.working()
    }

    /// Whether the background work is still going on.
    pub fn jobs_pending(&self) -> bool {
        self.0.jobs_pending()
    }

    /// A key, as a user presses it.
    pub fn press(&mut self, key: event::KeyEvent) {
        if let Some(action) = action_for(&self.0, Event::Key(key)) {
            self.0.update(action);
        }
    }

    /// One frame, laid out for the terminal's size.
    pub fn draw<B: ratatui::backend::Backend>(
        &mut self,
        terminal: &mut ratatui::Terminal<B>,
    ) -> Result<(), B::Error> {
        let size = terminal.size()?;
        fit(&mut self.0, size);
        terminal
            .draw(|frame| render::render(&self.0, frame))
            .map(drop)
    }
}

/// Up to this many cards, the first frame waits (150 ms at most) for the
/// search index, checks and people.
const SMALL_HANDBOOK_CARDS: usize = 20_000;

/// Browse `handbook` until the user quits. Everything slow happens before
/// the first frame; the terminal is restored however this returns.
pub fn run(handbook: crate::Handbook, options: Options) -> anyhow::Result<()> {
    let cards = handbook.card_count();
    let mut app = App::new(handbook, options.lang, Theme::from_env(), options.mouse);
    app.editor = editor::Editor::from_env();
    app.can_reload = !options.paths.is_empty();
    app.paths = options.paths.clone();
    app.ctx.read_from = options
        .paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let reloader = app
        .can_reload
        .then(|| reload::Reloader::start(options.paths.clone(), options.load.clone()));
    if let Some(Err(why)) = reloader.as_ref().map(|r| &r.watching) {
        let t = app.ctx.words();
        app.tell(format!("{}: {why}", t.watch_off), true);
    }
    // A small handbook is indexed and checked before anyone could notice, so
    // its first frame is complete; a large one (its jobs take longer than the
    // wait anyway) gets its first frame now and the rest as it is ready.
    if cards <= SMALL_HANDBOOK_CARDS {
        app.wait_jobs(Some(Instant::now() + Duration::from_millis(150)));
    }
    let mut session = terminal::Session::start(options.mouse)?;
    let size = session.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.quit {
        fit(&mut app, session.terminal.size()?);
        session.draw(|frame| render::render(&app, frame))?;
        // Wait for input, waking up to take in what background work, the
        // watcher or a return from a stop (`fg`) has done, when a query's
        // error is due to show; while a query is read card by card, a slice
        // of that between every look for input.
        while !event::poll(idle_wait(&app, reloader.is_some()))? {
            let mut changed = session.take_redraw()? | app.poll_jobs() | app.tick(Instant::now());
            changed |= app.work();
            if let Some(loaded) = reloader.as_ref().and_then(reload::Reloader::try_take) {
                app.reloaded(loaded);
                changed = true;
            }
            if changed {
                fit(&mut app, session.terminal.size()?);
                session.draw(|frame| render::render(&app, frame))?;
            }
        }
        // Apply everything already waiting before drawing again, so a burst
        // of keys (or a held key) costs one frame.
        let mut next = Some(event::read()?);
        while let Some(ev) = next.take() {
            terminal::fault::on_event(&ev)?;
            // Text typed into the search line faster than a frame (a paste
            // without bracketed paste, a held key) is filtered once.
            if let Some(mut text) = typed(&app, &ev) {
                while event::poll(Duration::ZERO)? {
                    let ev = event::read()?;
                    match typed(&app, &ev) {
                        Some(more) => text.push_str(&more),
                        None => {
                            next = Some(ev);
                            break;
                        }
                    }
                }
                app.type_text(&text);
                continue;
            }
            match action_for(&app, ev) {
                Some(Action::Suspend) => session.stop()?,
                Some(action) => app.update(action),
                None => {}
            }
            if let Some(request) = app.request.take() {
                carry_out(&mut app, &mut session, reloader.as_ref(), request)?;
                break;
            }
            if next.is_none() && !app.quit && event::poll(Duration::ZERO)? {
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

/// How long to wait for input before looking again for what the app has
/// to take in: soon while background work runs or files are watched, at
/// once when a query's error is due.
fn idle_wait(app: &App, watching: bool) -> Duration {
    if app.working() {
        return Duration::ZERO;
    }
    let busy = app.jobs_pending() || watching;
    let wait = Duration::from_millis(if busy { 50 } else { 200 });
    app.wake_at().map_or(wait, |at| {
        wait.min(at.saturating_duration_since(Instant::now()))
    })
}

/// Do what `update` asked for.
fn carry_out(
    app: &mut App,
    session: &mut terminal::Session,
    reloader: Option<&reload::Reloader>,
    request: Request,
) -> anyhow::Result<()> {
    let t = app.ctx.words();
    match request {
        Request::Reload => {
            if let Some(r) = reloader {
                r.reload_now();
            }
        }
        Request::Edit(command) => {
            if editor::locate(&command.program).is_none() {
                app.tell(
                    format!(
                        "{} «{}» (${}).",
                        t.editor_missing, command.program, command.var
                    ),
                    true,
                );
                return Ok(());
            }
            let status = session.hand_over(|| {
                std::process::Command::new(&command.program)
                    .args(&command.args)
                    .status()
            })?;
            let size = session.terminal.size()?;
            app.update(Action::Resize(size.width, size.height));
            match status {
                Ok(s) if s.success() => app.tell(t.back_from_editor.to_owned(), false),
                Ok(s) => {
                    let code = s.code().map_or_else(|| s.to_string(), |c| c.to_string());
                    app.tell(format!("{} {code}.", t.editor_status), true)
                }
                Err(e) => app.tell(format!("{}: {e}", t.editor_failed), true),
            }
            // The watcher sees the save too; this covers folders it cannot watch.
            if let Some(r) = reloader {
                r.reload_now();
            }
        }
    }
    Ok(())
}

/// Lay the app out for the terminal's size before a frame, when a resize
/// is not yet taken in, so every frame is drawn from models made for it.
fn fit(app: &mut App, size: ratatui::layout::Size) {
    if (size.width, size.height) != (app.width, app.height) {
        app.update(Action::Resize(size.width, size.height));
    }
}

/// The text an event puts into the open search line: a typed character, or
/// a paste (bracketed paste). A paste while browsing is dropped: its text is
/// no keys to run.
fn typed(app: &App, event: &Event) -> Option<String> {
    match event {
        Event::Paste(text) if app.editing() => Some(text.clone()),
        Event::Key(key) if app.editing() => match keymap::lookup(true, *key)? {
            Action::Insert(c) => Some(c.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// The action an event asks for in the app's current mode.
fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::lookup(app.editing(), key),
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
