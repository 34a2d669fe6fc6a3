//! One frame: each region of the screen drawn by its view from the model
//! `update` laid out. No I/O, no state changes, no layout beyond placing
//! the regions.

use ratatui::Frame;

use super::app::{App, View};
use super::views::{cards, detail, diagnostics, flow, help, history, people};
use super::{status, title, widgets};

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = &app.theme;
    let regions = app.regions_in(area);
    if regions.too_small {
        let t = app.ctx.words();
        let text = format!("{} ({}x{})", t.too_small, area.width, area.height);
        widgets::draw_lines(frame, area, &widgets::notice(text, area), theme);
        return;
    }
    title::render(
        &app.title.model,
        theme,
        frame,
        regions.title,
        regions.ingress,
    );
    match app.view {
        View::Cards => {
            cards::render(&app.cards.model, theme, frame, regions.list);
            detail::render(&app.detail.model, theme, frame, regions.detail);
        }
        View::People => people::render(
            &app.people.model,
            theme,
            frame,
            regions.list,
            regions.detail,
        ),
        View::Diagnostics => {
            diagnostics::render(&app.diagnostics.model, theme, frame, regions.body)
        }
        View::Flow => {
            if let Some(view) = &app.flow {
                flow::render(&view.model, theme, frame, regions.body);
            }
        }
        View::History => {
            if let Some(view) = &app.history {
                history::render(&view.model, theme, frame, regions.body);
            }
        }
    }
    status::render(&app.status, theme, frame, regions.status);
    if app.help.open {
        help::render(&app.help.model, theme, frame, area);
    }
}
