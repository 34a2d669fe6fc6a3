//! The people view: everyone named as owner or leader or listed in the
//! site's people directory, with their teams and roles, the cards they own
//! and lead, how each value naming them was read, and (from git) the cards
//! they used to own and lead. Enter limits the card
//! list to the chosen person's cards.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::filter::{self, FilteredList};
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
    /// The people `/` lets through (a filter over names, teams, units and
    /// roles), as indexes into the context's people, and the person chosen;
    /// worked out again when the handbook or whether the people had arrived
    /// changes.
    pub list: FilteredList<(u64, bool)>,
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
    /// The widest name, in columns: where the counts line up.
    name_width: usize,
    /// The person chosen before the handbook was read again (their
    /// [`crate::people::Person::key`]), until the new people have arrived
    /// and they are found among them.
    again: Option<String>,
    pub model: PeopleModel,
}

/// What the people view draws: the list, and the selected person.
#[derive(Debug, Default)]
pub struct PeopleModel {
    pub list: Pane,
    pub detail: Pane,
}

impl PeopleView {
    /// The people shown (after the filter), worked out again when the
    /// handbook, the people or the filter change; the selection kept on a
    /// person shown.
    fn refilter(&mut self, ctx: &Context) {
        let people = ctx.people().unwrap_or_default();
        if let Some(key) = self.again.take_if(|_| ctx.people().is_some())
            && let Some(i) = people.iter().position(|p| p.key() == key)
        {
            self.list.reselect(i);
        }
        let person = self.list.selected();
        let key = (ctx.generation, ctx.facts_ready());
        let refiltered = self.list.refilter(key, |query| {
            filter::passing(people.len(), query, |query, i| {
                let p = &people[i];
                // The name, as written anywhere, and the teams, units
                // and roles that go with it.
                let mut texts: Vec<&str> = vec![&p.name];
                texts.extend(p.spellings.iter().map(String::as_str));
                texts.extend(p.teams.iter().map(String::as_str));
                texts.extend(p.qualifiers.iter().map(String::as_str));
                filter::matches(query, &texts)
            })
        });
        if refiltered {
            self.name_width = people
                .iter()
                .map(|p| wrap::width(&wrap::clean_line(&p.name)))
                .max()
                .unwrap_or(0);
        }
        self.chose(person);
    }

    /// The detail starts at the top of another person than `before`.
    fn chose(&mut self, before: usize) {
        if self.list.selected() != before {
            self.scroll = 0;
        }
    }

    /// How many people are shown (after the filter).
    pub fn shown_count(&self) -> usize {
        self.list.shown().len()
    }

    /// The card `e` edits: the selected person's first, in document order.
    pub fn first_card(&self, ctx: &Context) -> Option<crate::CardId> {
        let person = ctx.people()?.get(self.list.current()?)?;
        person.cards().into_iter().min()
    }

    pub fn update(
        &mut self,
        action: Action,
        ctx: &Context,
        regions: &Regions,
        focus: &mut Focus,
    ) -> Effect {
        self.refilter(ctx);
        if *focus == Focus::Detail && action.is_movement() {
            let page = regions.detail_inner().height as usize;
            self.scroll = scrolled(self.scroll, action, page);
            return Effect::None;
        }
        let person = self.list.selected();
        let page = regions.list_inner().height.max(1) as usize;
        if self.list.go(action, page) {
            self.chose(person);
            return Effect::None;
        }
        match action {
            Action::FocusNext | Action::FocusPrev => *focus = focus.other(),
            Action::Open => {
                if let Some(i) = self.list.current() {
                    return Effect::PersonCards(i);
                }
            }
            Action::Back => {
                if *focus == Focus::Detail {
                    *focus = Focus::List;
                } else if self.list.clear() {
                    self.refilter(ctx);
                } else {
                    return Effect::Close;
                }
            }
            Action::Click(x, y) => {
                if let Some(row) = row_at(regions.list_inner(), self.offset, x, y) {
                    *focus = Focus::List;
                    if row < self.shown_count() {
                        self.list.select_row(row);
                        self.chose(person);
                    }
                } else if regions
                    .detail
                    .contains(ratatui::layout::Position::new(x, y))
                {
                    *focus = Focus::Detail;
                }
            }
            _ => {}
        }
        Effect::None
    }

    /// A key in this view's search line: the list follows the filter as it
    /// is typed.
    pub fn edit_search(&mut self, action: Action, ctx: &Context, regions: &Regions) {
        let moved = self.list.edit(action);
        self.refilter(ctx);
        if let Some(action) = moved {
            self.update(action, ctx, regions, &mut Focus::List);
        }
    }

    /// Text typed into this view's search line in one go.
    pub fn type_text(&mut self, text: &str, ctx: &Context) {
        self.list.paste(text);
        self.refilter(ctx);
    }

    /// Keep the selection within the people of a handbook read again.
    pub fn reloaded(&mut self, ctx: &Context) {
        self.refilter(ctx);
    }

    /// Before the handbook is read again: who is chosen, to choose them
    /// again in the new people (at another place in the list, or not at all).
    pub fn remember(&mut self, ctx: &Context) {
        self.again = ctx
            .people()
            .and_then(|people| people.get(self.list.selected()))
            .map(crate::people::Person::key);
    }

    /// Keep the selected person on a list `height` rows tall.
    pub fn keep_in_view(&mut self, ctx: &Context, height: usize) {
        self.refilter(ctx);
        self.offset = follow(self.offset, self.list.row(), height);
    }

    /// The person's detail scrolled no further than its end, in a pane `height` lines tall.
    pub fn clamp(&mut self, ctx: &Context, width: usize, height: usize) {
        self.refresh(ctx, width);
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(height));
    }

    fn refresh(&mut self, ctx: &Context, width: usize) {
        let key = (
            self.list.selected(),
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
            self.lines = person_lines(ctx, self.list.selected(), &self.former, width);
            self.key = Some(key);
        }
    }

    /// The list and the detail for `regions`.
    pub fn layout(&mut self, ctx: &Context, regions: &Regions, focus: Focus) {
        self.refilter(ctx);
        let t = ctx.words();
        let mut list = Pane::new(t.people, focus == Focus::List, false);
        let inner = Pane::inner(false, regions.list);
        let people = ctx.people().unwrap_or_default();
        let shown = self.list.shown();
        let nobody = shown.is_empty();
        if !ctx.facts_ready() {
            list = list.notice(t.checking_long().to_owned(), inner);
        } else if people.is_empty() {
            list = list.notice(t.no_people.to_owned(), inner);
        } else if nobody {
            let what = wrap::clean_line(self.list.line.applied());
            list = list.notice(format!("{} «{what}».", t.no_matches), inner);
        } else {
            let height = inner.height as usize;
            let width = inner.width as usize;
            // Counts right-aligned in a column after the names: `  3 prosesser`.
            let most = shown.iter().map(|&i| ctx.card_count(i)).max().unwrap_or(0);
            let digits = most.to_string().len();
            let count_width = 2 + digits + 1 + wrap::width(t.cards_word);
            let name_width = self
                .name_width
                .min(width.saturating_sub(2 + count_width).max(8));
            list.lines = shown[self.offset.min(shown.len())..]
                .iter()
                .take(height)
                .map(|&i| {
                    let n = ctx.card_count(i);
                    let word = if n == 1 { t.card } else { t.cards_word };
                    let name = vec![(wrap::clean_line(&people[i].name), Role::CardTitle.into())];
                    let mut segs = wrap::fill(name, name_width, Role::Dim.into());
                    segs.push((format!("  {n:>digits$} {word}"), Role::Dim.into()));
                    widgets::row(segs, i == self.list.selected(), width)
                })
                .collect();
            list.total = shown.len();
            list.shown = height;
            list.offset = self.offset;
        }
        let inner = Pane::inner(true, regions.detail);
        self.refresh(ctx, inner.width as usize);
        let lines: &[InkLine] = if nobody { &[] } else { &self.lines };
        let detail =
            Pane::new(t.detail, focus == Focus::Detail, true).scrolled(lines, self.scroll, inner);
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
            // Named as lists name cards: with the line when the page has
            // another card of the title.
            let mut segs = vec![
                ("  • ".to_owned(), Role::Dim.into()),
                (ctx.card_title(*id), Role::Value.into()),
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
