//! The people view: everyone named as owner or leader or listed in the
//! site's people directory, with their teams and roles, the cards they own
//! and lead, how each value naming them was read, and (from git) the cards
//! they used to own and lead. Enter limits the card
//! list to the chosen person's cards.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Effect, Focus, follow, row_at, scrolled};
use crate::tui::context::Context;
use crate::tui::former::Former;
use crate::tui::keymap::Action;
use crate::tui::layout::Regions;
use crate::tui::theme::{Ink, Role, Theme};
use crate::tui::widgets::{self, InkLine, Pane};
use crate::tui::wrap;

#[derive(Debug, Default)]
pub struct PeopleView {
    /// Index into the context's people.
    pub selected: usize,
    /// First row of the list drawn.
    pub offset: usize,
    /// First line of the person's detail drawn.
    pub scroll: usize,
    /// What the person's detail was laid out for: person, width, language,
    /// handbook, whether the people had arrived, and how far git is with
    /// the former roles.
    key: Option<(usize, usize, crate::i18n::Lang, u64, bool, u8)>,
    /// The roles people held and lost, from git.
    pub former: Former,
    /// The selected person's detail, laid out.
    lines: Vec<InkLine>,
    pub model: PeopleModel,
}

/// What the people view draws: the list, and the selected person.
#[derive(Debug, Default)]
pub struct PeopleModel {
    pub list: Pane,
    pub detail: Pane,
}

impl PeopleView {
    fn count(ctx: &Context) -> usize {
        ctx.people().map_or(0, <[_]>::len)
    }

    /// Select person `i`; the detail starts at the top of another person.
    pub fn select(&mut self, i: usize) {
        if i != self.selected {
            self.scroll = 0;
        }
        self.selected = i;
    }

    pub fn update(
        &mut self,
        action: Action,
        ctx: &Context,
        regions: &Regions,
        focus: &mut Focus,
    ) -> Effect {
        let count = Self::count(ctx);
        match action {
            _ if action.is_movement() => {
                if *focus == Focus::Detail {
                    let page = regions.detail_inner().height as usize;
                    self.scroll = scrolled(self.scroll, action, page);
                } else {
                    let page = regions.list_inner().height.max(1) as usize;
                    let to = scrolled(self.selected, action, page);
                    self.select(to.min(count.saturating_sub(1)));
                }
            }
            Action::FocusNext | Action::FocusPrev => *focus = focus.other(),
            Action::Open => return Effect::PersonCards(self.selected),
            Action::Back => {
                if *focus == Focus::Detail {
                    *focus = Focus::List;
                } else {
                    return Effect::Close;
                }
            }
            Action::Click(x, y) => {
                if let Some(i) = row_at(regions.list_inner(), self.offset, x, y) {
                    *focus = Focus::List;
                    if i < count {
                        self.select(i);
                    }
                } else if regions
                    .detail
                    .contains(ratatui::layout::Position::new(x, y))
                {
                    *focus = Focus::Detail;
                }
            }
            Action::WheelDown(..) => self.select((self.selected + 1).min(count.saturating_sub(1))),
            Action::WheelUp(..) => self.select(self.selected.saturating_sub(1)),
            _ => {}
        }
        Effect::None
    }

    /// Keep the selection within the people of a handbook read again.
    pub fn reloaded(&mut self, ctx: &Context) {
        self.selected = self.selected.min(Self::count(ctx).saturating_sub(1));
    }

    /// Keep the selected person on a list `height` rows tall.
    pub fn keep_in_view(&mut self, height: usize) {
        self.offset = follow(self.offset, self.selected, height);
    }

    /// The person's detail scrolled no further than its end, in a pane `height` lines tall.
    pub fn clamp(&mut self, ctx: &Context, width: usize, height: usize) {
        self.refresh(ctx, width);
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(height));
    }

    fn refresh(&mut self, ctx: &Context, width: usize) {
        let key = (
            self.selected,
            width,
            ctx.lang,
            ctx.generation,
            ctx.people().is_some(),
            match self.former {
                Former::NotAsked => 0,
                Former::Reading(_) => 1,
                Former::Ready(_) => 2,
                Former::Unavailable => 3,
            },
        );
        if self.key != Some(key) {
            self.lines = person_lines(ctx, self.selected, &self.former, width);
            self.key = Some(key);
        }
    }

    /// The list and the detail for `regions`.
    pub fn layout(&mut self, ctx: &Context, regions: &Regions, focus: Focus) {
        let t = ctx.words();
        let mut list = Pane::new(t.people, focus == Focus::List, false);
        let inner = Pane::inner(false, regions.list);
        let people = ctx.people().unwrap_or_default();
        if people.is_empty() {
            list = list.notice(t.no_people.to_owned(), inner);
        } else {
            let height = inner.height as usize;
            let width = inner.width as usize;
            list.lines = people
                .iter()
                .enumerate()
                .skip(self.offset)
                .take(height)
                .map(|(i, p)| {
                    let n = ctx.card_count(i);
                    let segs = vec![
                        (wrap::clean_line(&p.name), Role::CardTitle.into()),
                        (
                            format!("  {n} {}", if n == 1 { t.card } else { t.cards_word }),
                            Role::Dim.into(),
                        ),
                    ];
                    widgets::row(segs, i == self.selected, width)
                })
                .collect();
            list.total = people.len();
            list.shown = height;
            list.offset = self.offset;
        }
        let inner = Pane::inner(true, regions.detail);
        self.refresh(ctx, inner.width as usize);
        let detail = Pane::new(t.detail, focus == Focus::Detail, true).scrolled(
            &self.lines,
            self.scroll,
            inner,
        );
        self.model = PeopleModel { list, detail };
    }
}

pub fn render(model: &PeopleModel, theme: &Theme, frame: &mut Frame, list: Rect, detail: Rect) {
    widgets::draw_pane(frame, list, &model.list, theme);
    widgets::draw_pane(frame, detail, &model.detail, theme);
}

/// Person `i`: name, teams, the cards they own and lead, laid out in
/// semantic inks (styled when drawn).
pub fn person_lines(ctx: &Context, i: usize, former: &Former, width: usize) -> Vec<InkLine> {
    let t = ctx.words();
    let Some(person) = ctx.people().and_then(|p| p.get(i)) else {
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
    let quoted = |s: &str| {
        let (open, close) = t.quotes;
        format!("{open}{}{close}", visible_spaces(&wrap::clean_line(s)))
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
            let title = ctx
                .handbook
                .card(*id)
                .map(|c| c.title().into_owned())
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| t.untitled.to_owned());
            let mut segs = vec![
                ("  • ".to_owned(), Role::Dim.into()),
                (wrap::clean_line(&title), Role::Value.into()),
            ];
            if ctx.grouped
                && let Some(doc) = ctx.handbook.document_of(*id)
            {
                segs.push((
                    format!("  ({})", wrap::clean_line(&doc.heading())),
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
                    ctx.handbook
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
            let field = ctx.lang.field_label(reading.field).to_lowercase();
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
    out.extend(former.lines(ctx, &person.key(), width));
    out.extend(wrap::wrap(
        &[(t.pick_person.to_owned(), Role::Dim.into())],
        width,
    ));
    out
}

/// `  • ` and the segments wrapped beside it, later lines under the first.
fn bullet(segments: &[(String, Ink)], width: usize) -> Vec<InkLine> {
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
