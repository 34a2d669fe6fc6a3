//! The people view: everyone named as owner or leader, with the cards they
//! own and lead. Enter limits the card list to the chosen person's cards.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::app::{App, Focus};
use super::render;
use super::theme::{Ink, Role};
use super::wrap::{self, Segment};
use crate::i18n::words;

pub fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    let t = words(app.ctx.lang);
    let theme = &app.theme;
    let block = render::pane(app, t.people, app.focus == Focus::List);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let people = app.ctx.people().unwrap_or_default();
    if people.is_empty() {
        render::notice(app, frame, inner, t.no_people.to_owned());
        return;
    }
    let height = inner.height as usize;
    let offset = app.people_offset;
    let width = inner.width as usize;
    let lines: Vec<_> = people
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, p)| {
            let segs = vec![
                (wrap::clean_line(&p.name), theme.card_title),
                (
                    format!("  {}", cards_label(app, app.ctx.card_count(i))),
                    theme.dim,
                ),
            ];
            wrap::to_line(render::row(app, segs, i == app.people_selected, width))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    render::scrollbar(frame, area, people.len(), height, offset);
}

fn cards_label(app: &App, n: usize) -> String {
    let t = words(app.ctx.lang);
    format!("{n} {}", if n == 1 { t.card } else { t.cards_word })
}

pub fn render_detail(app: &App, frame: &mut Frame, area: Rect) {
    let block = render::pane(app, words(app.ctx.lang).detail, app.focus == Focus::Detail)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let lines = person_lines(app, inner.width as usize);
    render::scrolled_lines(
        frame,
        area,
        inner,
        lines.len(),
        app.people_scroll,
        |range| {
            lines[range]
                .iter()
                .map(|l| render::inked(&app.theme, l.clone()))
                .collect()
        },
    );
}

/// The selected person: name, teams, the cards they own and lead, laid out
/// in semantic inks (styled when drawn).
pub fn person_lines(app: &App, width: usize) -> Vec<Vec<Segment<Ink>>> {
    let t = words(app.ctx.lang);
    let Some(person) = app.selected_person() else {
        return Vec::new();
    };
    if width == 0 {
        return Vec::new();
    }
    let mut out = wrap::wrap(
        &[(wrap::clean_line(&person.name), Role::DetailTitle.into())],
        width,
    );
    out.push(Vec::new());
    if !person.teams.is_empty() {
        let teams: Vec<String> = person.teams.iter().map(|s| wrap::clean_line(s)).collect();
        out.extend(wrap::wrap(
            &[
                (format!("{}: ", t.teams), Role::Label.into()),
                (teams.join(", "), Role::Value.into()),
            ],
            width,
        ));
        out.push(Vec::new());
    }
    for (label, cards) in [
        (t.owner_of(), &person.owner_of),
        (t.leader_of(), &person.leader_of),
    ] {
        out.push(wrap::truncate(
            vec![(label.to_owned(), Role::Label.into())],
            width,
        ));
        if cards.is_empty() {
            out.push(vec![(format!("  {}", t.none), Role::Unset.into())]);
        }
        for id in cards {
            let title = app
                .ctx
                .handbook
                .card(*id)
                .map(|c| c.title().into_owned())
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| t.untitled.to_owned());
            let mut segs = vec![
                ("  • ".to_owned(), Role::Dim.into()),
                (wrap::clean_line(&title), Role::Value.into()),
            ];
            if app.ctx.grouped
                && let Some(doc) = app.ctx.handbook.document_of(*id)
            {
                segs.push((
                    format!("  ({})", wrap::clean_line(doc.title().unwrap_or(&doc.path))),
                    Role::Dim.into(),
                ));
            }
            out.push(wrap::truncate(segs, width));
        }
        out.push(Vec::new());
    }
    out.extend(wrap::wrap(
        &[(t.pick_person.to_owned(), Role::Dim.into())],
        width,
    ));
    out
}
