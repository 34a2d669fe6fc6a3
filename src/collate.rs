//! Sorting names the way their readers expect: with the Unicode Collation
//! Algorithm and the CLDR tailoring of the reader's language.
//!
//! Norwegian (`nb`) puts Æ, Ø and Å after Z, and `Hanne` before `Håkon`;
//! English uses the CLDR root order, where `Å` is an accented `A`. Case and
//! accents only break ties (`hanne` before `Hanne` before `Hänne`). Strings the
//! collator finds equal are ordered by their bytes, so a sort never depends
//! on the order it was given.

use crate::i18n::Lang;
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator as Icu, CollatorBorrowed};
use icu_locale_core::locale;
use std::cmp::Ordering;

/// Compares strings for people reading `lang`.
pub struct Collator {
    icu: CollatorBorrowed<'static>,
}

impl Collator {
    pub fn new(lang: Lang) -> Collator {
        let locale = match lang {
            Lang::Nb => locale!("nb"),
            Lang::En => locale!("en"),
        };
        // The data is compiled into the binary for both locales; loading it
        // cannot fail (a test below builds both).
        let icu = Icu::try_new(locale.into(), CollatorOptions::default())
            .expect("compiled-in collation data has nb and en");
        Collator { icu }
    }

    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.icu.compare(a, b).then_with(|| a.cmp(b))
    }

    /// The bytes `compare` sorts by, for sorting many items once each
    /// (`sort_by_cached_key`): comparing keys gives the collator's order, and
    /// the string itself breaks ties.
    pub fn key(&self, s: &str) -> (Vec<u8>, String) {
        let mut key = Vec::with_capacity(s.len() * 2);
        // Writing into a Vec cannot fail.
        let _ = self.icu.write_sort_key_to(s, &mut key);
        (key, s.to_owned())
    }

    /// Sorts `items` by the string `name` gives for each.
    pub fn sort_by_name<T>(&self, items: &mut [T], name: impl Fn(&T) -> &str) {
        items.sort_by_cached_key(|item| self.key(name(item)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(lang: Lang, names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
        Collator::new(lang).sort_by_name(&mut names, String::as_str);
        names
    }

    const NAMES: [&str; 8] = [
        "Åse", "Bjørn", "Ærlig", "Håkon", "Hanne", "Zara", "Øystein", "Åsmund",
    ];

    #[test]
    fn norwegian_puts_ae_oe_aa_after_z_and_hanne_before_hakon() {
        assert_eq!(
            sorted(Lang::Nb, &NAMES),
            [
                "Bjørn", "Hanne", "Håkon", "Zara", "Ærlig", "Øystein", "Åse", "Åsmund"
            ]
        );
    }

    #[test]
    fn english_uses_the_root_order_where_a_ring_is_an_accent() {
        // Root: `Håkon` is `Hakon` with an accent, so it comes before `Hanne`.
        assert_eq!(
            sorted(Lang::En, &NAMES),
            [
                "Ærlig", "Åse", "Åsmund", "Bjørn", "Håkon", "Hanne", "Øystein", "Zara"
            ]
        );
    }

    #[test]
    fn case_and_accents_only_break_ties_and_equal_strings_keep_a_fixed_order() {
        assert_eq!(
            sorted(Lang::Nb, &["hanne b", "Hanne a", "hanne a"]),
            ["hanne a", "Hanne a", "hanne b"]
        );
        let c = Collator::new(Lang::En);
        // The collator ignores a NUL; the bytes still tell the two apart.
        assert_ne!(c.compare("a\u{0}b", "ab"), Ordering::Equal);
        assert_eq!(c.compare("x", "x"), Ordering::Equal);
        // `compare` and `key` agree.
        for (a, b) in [("Hanne", "Håkon"), ("Åse", "Zara"), ("ab", "a\u{0}b")] {
            for lang in [Lang::Nb, Lang::En] {
                let c = Collator::new(lang);
                assert_eq!(c.compare(a, b), c.key(a).cmp(&c.key(b)), "{a} {b}");
            }
        }
    }
}
