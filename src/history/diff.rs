//! Two versions of a document's cards, compared card by card: which card of
//! the old version is which of the new, and what changed in each.
//!
//! Cards are the same card when their titles are the same (the n-th card of
//! a title with the n-th card of that title). A card whose title changed is
//! the same card renamed only when that is clear: it sits in the same slot
//! (between the same cards that kept their titles), the rest of its params
//! are alike (at least half of them equal, at least one of those not empty),
//! and no other card there is as alike. Otherwise it was removed and another
//! added, which is the honest answer when we cannot tell.

use crate::model::{Card, Field, Value, ValueRef};
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};

/// A card of the old version, the new, or both (the same card).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub old: Option<usize>,
    pub new: Option<usize>,
    /// The same card under a new title.
    pub renamed: bool,
}

/// One param that differs: `None` where the card does not have it.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// A card's params as compared and shown: its named params in written
/// order, or for a positional call its values under `0`, `1`, ... (the
/// index a template's `.Get` takes).
pub fn params_of(card: &Card) -> Vec<(Cow<'_, str>, ValueRef<'_>)> {
    match card.positional() {
        Some(values) => values
            .iter()
            .enumerate()
            .map(|(i, v)| (Cow::Owned(i.to_string()), ValueRef::from(v)))
            .collect(),
        None => card
            .params
            .iter()
            .map(|(k, v)| (Cow::Borrowed(k), v))
            .collect(),
    }
}

/// Every card of both versions, each once, in the new version's order; a
/// removed card comes where it stood, before the card that now follows
/// the card it followed.
pub fn pair_cards(old: &[Card], new: &[Card]) -> Vec<Pair> {
    let mut by_title: HashMap<Cow<'_, str>, VecDeque<usize>> = HashMap::new();
    for (i, card) in old.iter().enumerate() {
        by_title.entry(card.title()).or_default().push_back(i);
    }
    let mut old_partner: Vec<Option<usize>> = vec![None; old.len()];
    let mut new_partner: Vec<Option<usize>> = vec![None; new.len()];
    for (j, card) in new.iter().enumerate() {
        if let Some(i) = by_title
            .get_mut(&card.title())
            .and_then(VecDeque::pop_front)
        {
            old_partner[i] = Some(j);
            new_partner[j] = Some(i);
        }
    }
    let renamed = find_renames(old, new, &old_partner, &new_partner);
    for &(i, j) in &renamed {
        old_partner[i] = Some(j);
        new_partner[j] = Some(i);
    }

    // (place, removed first, pair): a removed card takes the place just
    // after its old predecessor's new place.
    let mut placed: Vec<(usize, u8, Pair)> = Vec::with_capacity(new.len() + old.len());
    for (j, partner) in new_partner.iter().enumerate() {
        placed.push((
            j,
            1,
            Pair {
                old: *partner,
                new: Some(j),
                renamed: partner.is_some_and(|i| renamed.contains(&(i, j))),
            },
        ));
    }
    let mut after: usize = 0;
    for (i, partner) in old_partner.iter().enumerate() {
        match partner {
            Some(j) => after = j + 1,
            None => placed.push((
                after,
                0,
                Pair {
                    old: Some(i),
                    new: None,
                    renamed: false,
                },
            )),
        }
    }
    placed.sort_by_key(|&(place, order, _)| (place, order));
    placed.into_iter().map(|(_, _, pair)| pair).collect()
}

/// (old, new) pairs of unpaired cards that are clearly one card renamed.
fn find_renames(
    old: &[Card],
    new: &[Card],
    old_partner: &[Option<usize>],
    new_partner: &[Option<usize>],
) -> Vec<(usize, usize)> {
    // A card's slot: how many paired cards come before it.
    let slots = |partners: &[Option<usize>]| -> Vec<(usize, usize)> {
        let mut slot = 0;
        let mut unpaired = Vec::new();
        for (i, partner) in partners.iter().enumerate() {
            match partner {
                Some(_) => slot += 1,
                None => unpaired.push((i, slot)),
            }
        }
        unpaired
    };
    let (old_free, new_free) = (slots(old_partner), slots(new_partner));
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for &(i, slot) in &old_free {
        for &(j, _) in new_free.iter().filter(|(_, s)| *s == slot) {
            if let Some(score) = alike(&old[i], &new[j]) {
                candidates.push((score, i, j));
            }
        }
    }
    // Best first; a pair is taken only when neither card is as alike to
    // another one still free.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut taken_old = vec![false; old.len()];
    let mut taken_new = vec![false; new.len()];
    let mut renames = Vec::new();
    for &(score, i, j) in &candidates {
        if taken_old[i] || taken_new[j] {
            continue;
        }
        let rival = candidates.iter().any(|&(s, i2, j2)| {
            s == score
                && (i2, j2) != (i, j)
                && ((i2 == i && !taken_new[j2]) || (j2 == j && !taken_old[i2]))
        });
        if !rival {
            taken_old[i] = true;
            taken_new[j] = true;
            renames.push((i, j));
        }
    }
    renames
}

/// How alike two cards are apart from their titles (the number of params
/// that are equal), or `None` when that is not enough to call them one card.
fn alike(old: &Card, new: &Card) -> Option<usize> {
    let title = Field::Title.key();
    let old_params: Vec<_> = params_of(old)
        .into_iter()
        .filter(|(k, _)| k != title)
        .collect();
    let new_params: Vec<_> = params_of(new)
        .into_iter()
        .filter(|(k, _)| k != title)
        .collect();
    let mut equal = 0;
    let mut evidence = 0;
    for (key, value) in &old_params {
        if new_params.iter().any(|(k, v)| k == key && v == value) {
            equal += 1;
            if !value.as_text().trim().is_empty() {
                evidence += 1;
            }
        }
    }
    let keys = old_params.len() + new_params.len() - equal;
    (evidence > 0 && 2 * equal >= keys).then_some(equal)
}

fn find<'a>(params: &[(Cow<'_, str>, ValueRef<'a>)], key: &str) -> Option<ValueRef<'a>> {
    params.iter().find(|(k, _)| k == key).map(|(_, v)| *v)
}

/// The params that differ between two versions of one card, the old
/// version's order first, then params only the new one has. The title is
/// left out when the card was renamed (the rename says it).
pub fn field_changes(old: &Card, new: &Card, renamed: bool) -> Vec<FieldChange> {
    let old_params = params_of(old);
    let new_params = params_of(new);
    let skip = |key: &str| renamed && key == Field::Title.key();
    let mut changes = Vec::new();
    for (key, value) in &old_params {
        let after = find(&new_params, key);
        if !skip(key) && after != Some(*value) {
            changes.push(FieldChange {
                field: key.to_string(),
                old: Some(value.to_value()),
                new: after.map(ValueRef::to_value),
            });
        }
    }
    for (key, value) in &new_params {
        if !skip(key) && find(&old_params, key).is_none() {
            changes.push(FieldChange {
                field: key.to_string(),
                old: None,
                new: Some(value.to_value()),
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(params: &[(&str, &str)]) -> Card {
        Card::named(
            1,
            1,
            params.iter().map(|(k, v)| (*k, Value::String((*v).into()))),
        )
    }

    fn titled(title: &str, purpose: &str) -> Card {
        card(&[
            ("title", title),
            ("owner", ""),
            ("purpose", purpose),
            ("output", "Noe"),
        ])
    }

    fn pair(old: Option<usize>, new: Option<usize>, renamed: bool) -> Pair {
        Pair { old, new, renamed }
    }

    #[test]
    fn same_titles_pair_and_a_removed_card_stays_where_it_stood() {
        let old = [titled("A", "a"), titled("B", "b"), titled("C", "c")];
        let new = [titled("A", "a"), titled("C", "c"), titled("D", "d")];
        assert_eq!(
            pair_cards(&old, &new),
            [
                pair(Some(0), Some(0), false),
                pair(Some(1), None, false),
                pair(Some(2), Some(1), false),
                pair(None, Some(2), false),
            ]
        );
    }

    #[test]
    fn a_new_title_in_the_same_slot_with_the_rest_alike_is_a_rename() {
        let old = [titled("A", "a"), titled("B", "b"), titled("C", "c")];
        let new = [titled("A", "a"), titled("B2", "b"), titled("C", "c")];
        assert_eq!(
            pair_cards(&old, &new),
            [
                pair(Some(0), Some(0), false),
                pair(Some(1), Some(1), true),
                pair(Some(2), Some(2), false),
            ]
        );
    }

    #[test]
    fn a_new_title_with_different_params_is_a_remove_and_an_add() {
        let old = [titled("A", "a"), titled("B", "b")];
        let new = [titled("A", "a"), card(&[("title", "X"), ("purpose", "x")])];
        assert_eq!(
            pair_cards(&old, &new),
            [
                pair(Some(0), Some(0), false),
                pair(Some(1), None, false),
                pair(None, Some(1), false),
            ]
        );
    }

    #[test]
    fn a_new_title_in_another_slot_is_not_a_rename() {
        let old = [titled("A", "a"), titled("B", "b")];
        let new = [titled("B2", "b"), titled("A", "a")];
        let pairs = pair_cards(&old, &new);
        assert!(pairs.iter().all(|p| !p.renamed), "{pairs:?}");
        assert_eq!(pairs.len(), 3);
    }

    #[test]
    fn two_equally_alike_candidates_are_not_guessed_between() {
        let old = [titled("A", "same")];
        let new = [titled("X", "same"), titled("Y", "same")];
        let pairs = pair_cards(&old, &new);
        assert!(pairs.iter().all(|p| !p.renamed), "{pairs:?}");
    }

    #[test]
    fn cards_with_nothing_but_empty_params_in_common_are_not_one_card() {
        let old = [card(&[("title", "A"), ("owner", "")])];
        let new = [card(&[("title", "B"), ("owner", "")])];
        assert!(pair_cards(&old, &new).iter().all(|p| !p.renamed));
    }

    #[test]
    fn repeated_titles_pair_in_order() {
        let old = [titled("A", "1"), titled("A", "2")];
        let new = [titled("A", "1"), titled("A", "3")];
        assert_eq!(
            pair_cards(&old, &new),
            [pair(Some(0), Some(0), false), pair(Some(1), Some(1), false)]
        );
    }

    #[test]
    fn field_changes_name_each_param_with_null_for_absent() {
        let old = card(&[("title", "A"), ("owner", "Hanne"), ("leader", "Tony")]);
        let new = card(&[("title", "A"), ("owner", "Kari"), ("effect", "Mer")]);
        let s = |v: &str| Some(Value::String(v.into()));
        assert_eq!(
            field_changes(&old, &new, false),
            [
                FieldChange {
                    field: "owner".into(),
                    old: s("Hanne"),
                    new: s("Kari")
                },
                FieldChange {
                    field: "leader".into(),
                    old: s("Tony"),
                    new: None
                },
                FieldChange {
                    field: "effect".into(),
                    old: None,
                    new: s("Mer")
                },
            ]
        );
    }

    #[test]
    fn a_renamed_cards_title_is_not_a_field_change_and_types_count() {
        let old = Card::named(
            1,
            1,
            [("title", Value::String("A".into())), ("n", Value::Int(1))],
        );
        let new = Card::named(
            1,
            1,
            [
                ("title", Value::String("B".into())),
                ("n", Value::String("1".into())),
            ],
        );
        let changes = field_changes(&old, &new, true);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].field, "n");
        assert_eq!(changes[0].old, Some(Value::Int(1)));
    }

    #[test]
    fn positional_values_are_compared_by_index() {
        let mut old = Card::named(1, 1, Vec::<(&str, Value)>::new());
        old.set_positional(Some(vec![Value::String("a".into())]));
        let mut new = old.clone();
        new.set_positional(Some(vec![Value::String("b".into())]));
        let changes = field_changes(&old, &new, false);
        assert_eq!(changes[0].field, "0");
    }
}
