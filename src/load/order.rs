//! Hugo's default page order: weight (pages without one last), then title,
//! then path.

use crate::model::Document;

pub fn sort_documents(documents: &mut Vec<Document>) {
    // Each key is looked up once, not once per comparison: title and weight
    // live in the front-matter map.
    let mut keyed: Vec<(bool, i64, std::borrow::Cow<'_, str>, &str, usize)> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let weight = d.weight();
            // Hugo sorts weight 0 (unset) after every weighted page.
            (
                weight == 0,
                weight,
                d.title().unwrap_or_default(),
                d.path.as_str(),
                i,
            )
        })
        .collect();
    keyed.sort_unstable();
    let order: Vec<usize> = keyed.into_iter().map(|k| k.4).collect();
    let mut slots: Vec<Option<Document>> =
        std::mem::take(documents).into_iter().map(Some).collect();
    documents.extend(order.into_iter().filter_map(|i| slots[i].take()));
}
