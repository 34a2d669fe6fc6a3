//! Hugo's default page order: weight (pages without one last), then title,
//! then path.

use crate::model::Document;

pub fn sort_documents(documents: &mut [Document]) {
    // The order is worked out on indices (documents read in the same order
    // keep it: two folders can each hold an `a.md`), then the documents
    // are moved into it in place: no second array of them while the whole
    // handbook is in memory. Title and weight are kept decoded, so a
    // comparison looks nothing up.
    let mut order: Vec<usize> = (0..documents.len()).collect();
    order.sort_unstable_by(|&a, &b| key(&documents[a]).cmp(&key(&documents[b])).then(a.cmp(&b)));
    // Position `i` takes the document at `order[i]`: follow each cycle.
    let mut placed = vec![false; documents.len()];
    for start in 0..documents.len() {
        if placed[start] {
            continue;
        }
        let mut at = start;
        loop {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            documents.swap(at, from);
            at = from;
        }
    }
}

fn key(d: &Document) -> (bool, i64, std::borrow::Cow<'_, str>, &str) {
    let weight = d.weight();
    // Hugo sorts weight 0 (unset) after every weighted page.
    (
        weight == 0,
        weight,
        d.title().unwrap_or_default(),
        d.path.as_str(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FrontMatter;

    #[test]
    fn weight_then_title_then_path_and_ties_keep_their_order() {
        let document = |path: &str, title: &str, weight: i64, tag: &str| {
            let front = serde_json::json!({"title": title, "weight": weight, "tag": tag});
            Document {
                path: path.into(),
                file: None,
                front_matter: FrontMatter::from_params(front.as_object().unwrap().clone()),
                cards: Vec::new(),
                members: Vec::new(),
                publication: crate::model::Publication::Published,
            }
        };
        let mut documents = vec![
            document("c.md", "C", 0, "1"),
            document("b.md", "B", 2, "2"),
            document("a.md", "Z", 2, "3"),
            document("d.md", "A", 1, "4"),
            document("a.md", "Z", 2, "5"),
            document("e.md", "A", 0, "6"),
        ];
        sort_documents(&mut documents);
        let tags: Vec<String> = documents
            .iter()
            .map(|d| d.front_matter.get_str("tag").unwrap())
            .collect();
        assert_eq!(tags, ["4", "2", "3", "5", "6", "1"]);
    }
}
