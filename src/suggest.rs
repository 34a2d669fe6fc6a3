//! "Did you mean …?": the known name nearest to a mistyped one.

use crate::query::fold;

/// The name in `known` nearest to `written`, if it is near enough to be a
/// slip of the finger: one edit (a swapped pair of letters counts as one) for
/// words of up to four letters, two for longer ones. Case and accents are
/// ignored. A name written exactly as known is not a mistake: `None`.
pub fn nearest<'a>(written: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let written = fold(written);
    let allowed = if written.chars().count() <= 4 { 1 } else { 2 };
    let mut best: Option<(usize, &str)> = None;
    for name in known {
        let distance = strsim::osa_distance(&written, &fold(name));
        if distance == 0 {
            return None;
        }
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, name));
        }
    }
    best.map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::nearest;

    const COMMANDS: [&str; 5] = ["list", "search", "people", "flow", "check"];

    #[test]
    fn slips_of_the_finger_find_their_command() {
        for (typed, meant) in [
            ("lst", "list"),
            ("serch", "search"),
            ("chek", "check"),
            ("peple", "people"),
            ("flwo", "flow"),
            ("LIST2", "list"),
        ] {
            assert_eq!(nearest(typed, COMMANDS), Some(meant), "{typed}");
        }
    }

    #[test]
    fn words_far_from_every_name_or_equal_to_one_find_nothing() {
        for typed in ["content", "data", "test", "docs", "x", "list"] {
            assert_eq!(nearest(typed, COMMANDS), None, "{typed}");
        }
    }

    #[test]
    fn the_nearest_wins_and_accents_do_not_count() {
        assert_eq!(nearest("eeir", ["leder", "eier"]), Some("eier"));
        assert_eq!(nearest("formel", ["formål", "person"]), Some("formål"));
    }
}
