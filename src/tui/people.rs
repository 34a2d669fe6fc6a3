//! The people view: everyone named as owner or leader or listed in the
//! site's people directory, with their teams and roles, the cards they own
//! and lead, and how each value naming them was read. Enter limits the card
//! list to the chosen person's cards.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use super::app::{App, Focus};
use super::render;
use super::theme::{Ink, Role};
use super::wrap::{self, Segment};
use crate::words::words;

pub fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    let t = words(app.lang);
    let theme = &app.theme;
    let block = render::pane(app, t.people, app.focus == Focus::List);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let people = app.people.as_deref().unwrap_or_default();
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
                    format!(
                        "  {}",
                        cards_label(app, app.card_counts.get(i).copied().unwrap_or(0))
                    ),
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
    let t = words(app.lang);
    format!("{n} {}", if n == 1 { t.card } else { t.cards_word })
}

pub fn render_detail(app: &App, frame: &mut Frame, area: Rect) {
    let block = render::pane(app, words(app.lang).detail, app.focus == Focus::Detail)
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

/// The selected person: name, teams and roles, what cards write with the
/// name, the cards they own and lead, and how each value was read, laid out
/// in semantic inks (styled when drawn).
pub fn person_lines(app: &App, width: usize) -> Vec<Vec<Segment<Ink>>> {
    let t = words(app.lang);
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
    let team_roles = person.team_roles();
    if !team_roles.is_empty() {
        out.push(wrap::truncate(
            vec![(t.teams_and_roles.to_owned(), Role::Label.into())],
            width,
        ));
        for (team, roles) in team_roles {
            let mut segs = vec![(wrap::clean_line(team), Role::Value.into())];
            if !roles.is_empty() {
                segs.push((
                    format!(" ({})", wrap::clean_line(&roles.join("; "))),
                    Role::Value.into(),
                ));
            }
            out.extend(bullet(&segs, width));
        }
        out.push(Vec::new());
    }
    let quoted = |s: &str| match app.lang {
        prosesser::i18n::Lang::Nb => format!("«{}»", visible_spaces(&wrap::clean_line(s))),
        prosesser::i18n::Lang::En => format!("“{}”", visible_spaces(&wrap::clean_line(s))),
    };
    let mut more = false;
    if !person.qualifiers.is_empty() {
        let qualifiers: Vec<String> = person
            .qualifiers
            .iter()
            .map(|q| wrap::clean_line(q))
            .collect();
        out.extend(wrap::wrap(
            &[
                (format!("{}: ", t.qualifiers), Role::Label.into()),
                (qualifiers.join(", "), Role::Value.into()),
            ],
            width,
        ));
        more = true;
    }
    if person.spellings.len() > 1 {
        let spellings: Vec<String> = person.spellings.iter().map(|s| quoted(s)).collect();
        out.extend(wrap::wrap(
            &[
                (format!("{}: ", t.written_as), Role::Label.into()),
                (spellings.join(", "), Role::Value.into()),
            ],
            width,
        ));
        more = true;
    }
    if more {
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
                .handbook
                .card(*id)
                .map(|c| c.title().into_owned())
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| t.untitled.to_owned());
            let mut segs = vec![
                ("  • ".to_owned(), Role::Dim.into()),
                (wrap::clean_line(&title), Role::Value.into()),
            ];
            if app.grouped
                && let Some(doc) = app.handbook.document_of(*id)
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
    if !person.readings.is_empty() {
        out.push(wrap::truncate(
            vec![(t.read_as.to_owned(), Role::Label.into())],
            width,
        ));
        for reading in &person.readings {
            // The cards that write the value: a few by title, then how many more.
            const SHOWN: usize = 3;
            let mut titles: Vec<String> = reading
                .cards
                .iter()
                .take(SHOWN)
                .map(|id| {
                    app.handbook
                        .card(*id)
                        .map(|c| c.title().into_owned())
                        .filter(|s| !s.trim().is_empty())
                        .unwrap_or_else(|| t.untitled.to_owned())
                })
                .map(|title| wrap::clean_line(&title))
                .collect();
            if reading.cards.len() > SHOWN {
                titles.push(format!("+{}", reading.cards.len() - SHOWN));
            }
            let field = app.lang.field_label(reading.field).to_lowercase();
            out.extend(bullet(
                &[
                    (
                        format!("{} ({field}): ", titles.join(", ")),
                        Role::Dim.into(),
                    ),
                    (quoted(&reading.value), Role::Value.into()),
                    (
                        format!(" – {}", wrap::clean_line(&t.how_read(&reading.how))),
                        Role::Dim.into(),
                    ),
                ],
                width,
            ));
        }
        out.push(Vec::new());
    }
    out.extend(wrap::wrap(
        &[(t.pick_person.to_owned(), Role::Dim.into())],
        width,
    ));
    out
}

/// `  • ` and the segments wrapped beside it, later lines under the first.
fn bullet(segments: &[Segment<Ink>], width: usize) -> Vec<Vec<Segment<Ink>>> {
    const INDENT: usize = 4;
    let mut lines = wrap::wrap(segments, width.saturating_sub(INDENT).max(1));
    for (i, line) in lines.iter_mut().enumerate() {
        let prefix = if i == 0 { "  • " } else { "    " };
        line.insert(0, (prefix.to_owned(), Role::Dim.into()));
    }
    lines
}

/// Spaces that a spelling differs by made visible: one at an edge or beside
/// another becomes `·` (`"Ola  Dahl "` is `Ola··Dahl·`); the wrapping of a
/// line would otherwise fold them away.
fn visible_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let space = |i: usize| chars.get(i) == Some(&' ');
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let lone = i > 0 && i + 1 < chars.len() && !space(i - 1) && !space(i + 1);
            if c == ' ' && !lone { '·' } else { c }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn spaces_a_spelling_differs_by_are_visible() {
        assert_eq!(super::visible_spaces("Ola  Dahl "), "Ola··Dahl·");
        assert_eq!(super::visible_spaces("Ola Dahl"), "Ola Dahl");
        assert_eq!(super::visible_spaces(" a"), "·a");
    }
}
