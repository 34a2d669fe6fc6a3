//! Hugo's default page order: weight (pages without one last), then title,
//! then path.

use crate::model::Document;
use std::cmp::Ordering;

pub fn sort_documents(documents: &mut [Document]) {
    documents.sort_by(compare);
}

fn compare(a: &Document, b: &Document) -> Ordering {
    let (wa, wb) = (a.weight(), b.weight());
    // Hugo sorts weight 0 (unset) after every weighted page.
    let weight = match (wa == 0, wb == 0) {
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => wa.cmp(&wb),
    };
    weight
        .then_with(|| a.title().unwrap_or("").cmp(b.title().unwrap_or("")))
        .then_with(|| a.path.cmp(&b.path))
}
