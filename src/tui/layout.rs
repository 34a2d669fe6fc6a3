//! Where each region of the screen goes, as a pure function of the state and
//! the terminal's size. Drawing and `update` (page sizes, mouse hits) use the
//! same function, so they agree about what is on screen.

use ratatui::layout::{Margin, Rect};

use super::app::{App, View};
use super::theme::{Ink, Role};
use super::wrap;

/// Below this the browser only says the window is too small.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;
/// Below this width the list is stacked over the detail.
pub const STACK_BELOW: u16 = 70;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regions {
    pub too_small: bool,
    pub stacked: bool,
    pub title: Rect,
    pub ingress: Rect,
    /// The list (cards, people), with its border.
    pub list: Rect,
    /// The detail pane, with its border.
    pub detail: Rect,
    /// list and detail together (the diagnostics view uses it whole).
    pub body: Rect,
    pub status: Rect,
}

impl Regions {
    pub fn list_inner(&self) -> Rect {
        self.list.inner(Margin::new(1, 1))
    }

    /// Inside the border and the one-column padding of [`super::render::pane`].
    pub fn detail_inner(&self) -> Rect {
        self.detail.inner(Margin::new(2, 1))
    }

    pub fn body_inner(&self) -> Rect {
        self.body.inner(Margin::new(1, 1))
    }
}

/// The title bar's document's ingress, wrapped for the screen's width.
/// Laid out by `update` when the document, the width or the handbook
/// changes, so that working out the regions (several times an update, and
/// every frame) never wraps it again.
#[derive(Debug, Default)]
pub struct Ingress {
    key: Option<(Option<u32>, u16, u64)>,
    pub lines: Vec<Vec<wrap::Segment<Ink>>>,
}

impl Ingress {
    fn key(app: &App) -> (Option<u32>, u16, u64) {
        let document = match app.current() {
            Some(id) => Some(id.document),
            None => (!app.ctx.handbook.documents.is_empty()).then_some(0),
        };
        (document, app.width, app.ctx.generation)
    }

    /// Lay the ingress out again if what it depends on has changed.
    pub fn refresh(app: &mut App) {
        let key = Ingress::key(app);
        if app.ingress_lines.key == Some(key) {
            return;
        }
        let lines = match app.document().and_then(|d| d.ingress()) {
            Some(ingress) if !ingress.trim().is_empty() => wrap::wrap(
                &[(wrap::clean(ingress.trim()), Role::Ingress.into())],
                app.width.saturating_sub(2) as usize,
            ),
            _ => Vec::new(),
        };
        app.ingress_lines = Ingress {
            key: Some(key),
            lines,
        };
    }
}

/// Whether the ingress is shown: as chosen with its key, or when it takes at
/// most a fifth of the screen.
pub fn ingress_shown(app: &App) -> bool {
    let lines = app.ingress_lines.lines.len();
    lines > 0 && app.ingress.unwrap_or(lines <= (app.height / 5) as usize)
}

pub fn regions(app: &App, area: Rect) -> Regions {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Regions {
            too_small: true,
            body: area,
            ..Regions::default()
        };
    }
    let title = Rect::new(area.x, area.y, area.width, 1);
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    let room = area.height - 2;
    let ingress_height = if ingress_shown(app) {
        let lines = app.ingress_lines.lines.len().min(u16::MAX as usize) as u16;
        lines.min(room / 3)
    } else {
        0
    };
    let ingress = Rect::new(area.x, area.y + 1, area.width, ingress_height);
    let body = Rect::new(area.x, ingress.bottom(), area.width, room - ingress_height);
    let stacked = area.width < STACK_BELOW;
    let (list, detail) = if stacked {
        // As many rows as the list has, up to two fifths of the body.
        let rows = match app.view {
            View::People => app.ctx.people().map_or(0, <[crate::people::Person]>::len),
            _ => app.rows.len(),
        };
        let want = rows.min(u16::MAX as usize - 2) as u16 + 2;
        let h = want.min(body.height * 2 / 5).max(3.min(body.height));
        (
            Rect::new(body.x, body.y, body.width, h),
            Rect::new(body.x, body.y + h, body.width, body.height - h),
        )
    } else {
        let w = (area.width * 2 / 5).clamp(24, 50);
        (
            Rect::new(body.x, body.y, w, body.height),
            Rect::new(body.x + w, body.y, body.width - w, body.height),
        )
    };
    Regions {
        too_small: false,
        stacked,
        title,
        ingress,
        list,
        detail,
        body,
        status,
    }
}
