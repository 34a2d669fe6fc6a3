//! Where each region of the screen goes, as a pure function of the screen's
//! size, the lines of ingress shown and the rows of the list. `update` (page
//! sizes, mouse hits, laying the views out) and drawing use the same
//! function, so they agree about what is on screen.

use ratatui::layout::{Margin, Rect};

/// Below this the browser only says the window is too small.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 8;
/// Below this width the list is stacked over the detail.
pub const STACK_BELOW: u16 = 70;
/// From this width the list takes half the screen (up to [`WIDE_LIST`]
/// columns), room for the card list's leader column.
pub const WIDE_FROM: u16 = 120;
pub const WIDE_LIST: u16 = 90;

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
    /// list and detail together (the diagnostics and flow views use it whole).
    pub body: Rect,
    pub status: Rect,
}

impl Regions {
    pub fn list_inner(&self) -> Rect {
        self.list.inner(Margin::new(1, 1))
    }

    /// Inside the border and the one-column padding of a padded pane.
    pub fn detail_inner(&self) -> Rect {
        self.detail.inner(Margin::new(2, 1))
    }
}

/// The screen as a list sees it before its own rows are counted: stacked
/// over the detail, a list is as tall as its rows (up to a share of the
/// body), so its height depends on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub area: Rect,
    /// Lines of ingress shown under the title bar.
    pub ingress: u16,
    /// The rows of the list on screen when it is another view's (the
    /// people's over the cards').
    pub rows: Option<usize>,
    /// The most lines of ingress any document could show on this screen
    /// (the ingress is the selected card's document's, so it comes and goes
    /// as the selection moves).
    pub ingress_most: u16,
}

impl Screen {
    /// The regions with a list of `rows` rows (unless another list is shown).
    pub fn regions(&self, rows: usize) -> Regions {
        regions(self.area, self.ingress, self.rows.unwrap_or(rows))
    }

    /// Rows a page moves in a list of `rows` rows: the list's height with the
    /// most ingress there could be, so that a page is the same whichever
    /// document the selection is in (and a page up undoes a page down).
    pub fn page_rows(&self, rows: usize) -> usize {
        let most = Screen {
            ingress: self.ingress_most,
            ..*self
        };
        (most.regions(rows).list_inner().height as usize).max(1)
    }
}

/// The regions of `area` with `ingress` lines of ingress and a list of
/// `rows` rows.
pub fn regions(area: Rect, ingress: u16, rows: usize) -> Regions {
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
    let ingress_height = ingress.min(room / 3);
    let ingress = Rect::new(area.x, area.y + 1, area.width, ingress_height);
    let body = Rect::new(area.x, ingress.bottom(), area.width, room - ingress_height);
    let stacked = area.width < STACK_BELOW;
    let (list, detail) = if stacked {
        // As many rows as the list has, up to two fifths of the body.
        let want = rows.min(u16::MAX as usize - 2) as u16 + 2;
        let h = want.min(body.height * 2 / 5).max(3.min(body.height));
        (
            Rect::new(body.x, body.y, body.width, h),
            Rect::new(body.x, body.y + h, body.width, body.height - h),
        )
    } else {
        let w = if area.width >= WIDE_FROM {
            (area.width / 2).min(WIDE_LIST)
        } else {
            (area.width * 2 / 5).clamp(24, 50)
        };
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
