use super::testdata::{self, card6, seed};
use super::*;

/// Card indices (in the seed's one document) that `query` finds, in rank order.
fn found(query: &str) -> Vec<u32> {
    let handbook = seed();
    let index = SearchIndex::new(&handbook);
    let query = Query::parse(query).unwrap();
    let hits = index.search(&query);
    // The index-free search must agree with the index.
    assert_eq!(search_handbook(&handbook, &query), hits);
    hits.iter().map(|h| h.card.card).collect()
}

/// The highlighted substrings of seed card `card` for `query`, with their field.
fn highlighted(query: &str, card: u32) -> Vec<(Field, String)> {
    let handbook = seed();
    let index = SearchIndex::new(&handbook);
    let id = CardId { document: 0, card };
    let query = Query::parse(query).unwrap();
    let c = handbook.card(id).unwrap();
    let matches = index.matches(&handbook, &query, id);
    assert_eq!(query.matches(c), matches);
    matches
        .into_iter()
        .map(|m| (m.field, c.text(m.field)[m.range].to_owned()))
        .collect()
}

fn error(query: &str) -> QueryError {
    Query::parse(query).unwrap_err()
}

const ALL: [u32; 9] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

// --- Words and folding ---

#[test]
fn empty_query_matches_every_card_in_document_order() {
    assert!(Query::parse("").unwrap().is_empty());
    assert!(Query::parse(" \t\n ").unwrap().is_empty());
    assert_eq!(found(""), ALL);
    assert_eq!(found("   "), ALL);
}

#[test]
fn searching_mork_finds_dan_remi_mork() {
    assert_eq!(found("mork"), [4]);
    assert_eq!(found("Mørk"), [4]);
    assert_eq!(found("MØRK"), [4]);
}

#[test]
fn buaroey_finds_torkel_buaroy() {
    assert_eq!(found("buaroey"), [0, 4]);
    assert_eq!(found("buaroy"), [0, 4]);
    assert_eq!(found("Buarøy"), [0, 4]);
}

#[test]
fn aakero_finds_snorre_aakero() {
    assert_eq!(found("aakero"), [3]);
    assert_eq!(found("akero"), [3]);
    assert_eq!(found("aakerø"), [3]);
}

#[test]
fn hanne_finds_hanne_lauritsen_in_any_case() {
    assert_eq!(found("hanne"), [0, 1, 2]);
    assert_eq!(found("HANNE"), [0, 1, 2]);
}

#[test]
fn foresporsler_finds_foresporsler_both_spellings() {
    assert_eq!(found("forespørsler"), [5]);
    assert_eq!(found("foresporsler"), [5]);
    assert_eq!(found("foresporsler"), found("FORESPØRSLER"));
}

#[test]
fn words_are_anded_across_fields() {
    assert_eq!(found("hanne tony"), [1, 2]);
    assert_eq!(found("tony kunder"), [1]);
    assert_eq!(found("hanne espen"), Vec::<u32>::new());
}

#[test]
fn word_with_unknown_scope_is_a_plain_word() {
    let query = Query::parse("foo:bar").unwrap();
    assert_eq!(query.terms().len(), 1);
    assert_eq!(query.terms()[0].scope, Scope::Any);
    assert_eq!(query.terms()[0].pattern, Pattern::Text("foo:bar".into()));
    assert_eq!(found("foo:bar"), Vec::<u32>::new());
    assert_eq!(found("arbeid/vedlikehold"), [1]);
}

#[test]
fn a_word_finds_text_in_purpose_input_and_output() {
    assert_eq!(found("vellykkede"), [1]);
    assert_eq!(found("porteføljeprosess"), [2]);
    assert_eq!(found("løsninger"), [8]);
}

// --- Scopes ---

#[test]
fn eier_hanne_finds_three_cards() {
    assert_eq!(found("eier:hanne"), [0, 1, 2]);
    assert_eq!(found("owner:hanne"), [0, 1, 2]);
    assert_eq!(found("Eier:Hanne"), [0, 1, 2]);
}

#[test]
fn leder_scope_looks_only_at_the_leader() {
    assert_eq!(found("leder:tony"), [1, 2]);
    assert_eq!(found("leader:tony"), [1, 2]);
    assert_eq!(found("leder:hanne"), Vec::<u32>::new());
}

#[test]
fn person_scope_matches_owner_or_leader() {
    assert_eq!(found("person:torkel"), [0, 4]);
    assert_eq!(found("person:hanne"), [0, 1, 2]);
    assert_eq!(found("person:hege"), [8]);
    assert_eq!(found("person:release"), Vec::<u32>::new());
}

#[test]
fn espen_herskedal_is_found_by_leader_and_person() {
    assert_eq!(found("leder:herskedal"), [8]);
    assert_eq!(found("person:\"espen herskedal\""), [8]);
    assert_eq!(found("leder:tilgangsstyring/espen"), [8]);
}

#[test]
fn title_scope_in_both_languages() {
    assert_eq!(found("tittel:styring"), [1, 8]);
    assert_eq!(found("title:styring"), [1, 8]);
    // The word alone also finds "tilgangsstyringen" in a purpose, but card 8 is a title hit either way.
    assert_eq!(found("tittel:behov"), [2]);
}

#[test]
fn purpose_scope_accepts_formal_formaal_and_formal_with_ring() {
    for scope in ["purpose", "formål", "formal", "formaal", "FORMÅL"] {
        assert_eq!(found(&format!("{scope}:kontroll")), [0, 1, 8], "{scope}");
    }
}

#[test]
fn input_and_output_scopes() {
    assert_eq!(found("input:portefolje"), [0, 2]);
    assert_eq!(found("output:behov"), [2]);
    assert_eq!(found("input:behov"), [0, 2, 3]);
}

#[test]
fn a_scope_followed_by_a_space_scopes_the_next_value() {
    assert_eq!(found("eier: hanne"), [0, 1, 2]);
    assert_eq!(found("eier:   \"hanne lau\""), [0, 1, 2]);
}

#[test]
fn a_scope_or_dash_with_nothing_after_it_asks_for_nothing() {
    for q in ["eier:", "eier:  ", "-", "hanne -", "\"\"", "eier:\"\""] {
        let query = Query::parse(q).unwrap();
        assert_eq!(query.is_empty(), !q.contains("hanne"), "{q:?}");
    }
    assert_eq!(found("hanne eier:"), [0, 1, 2]);
}

// --- Phrases ---

#[test]
fn quoted_phrase_matches_the_words_in_order() {
    assert_eq!(found("\"hanne lau\""), [0, 1, 2]);
    assert_eq!(found("\"lau hanne\""), Vec::<u32>::new());
    assert_eq!(found("\"hanne   lau\""), [0, 1, 2]);
    assert_eq!(found("\"dan remi mork\""), [4]);
}

#[test]
fn scoped_phrase() {
    assert_eq!(found("eier:\"hanne lau\""), [0, 1, 2]);
    assert_eq!(found("leder:\"hanne lau\""), Vec::<u32>::new());
    assert_eq!(found("formål:\"en del av\""), [4]);
}

// --- Regex ---

#[test]
fn regex_matches_the_original_text_case_insensitively() {
    assert_eq!(found("/^release$/"), [0]);
    assert_eq!(found("/m[øo]rk/"), [4]);
    assert_eq!(found("/BUARØY/"), [0, 4]);
    // Not folded: the original says Buarøy.
    assert_eq!(found("/buaroy/"), Vec::<u32>::new());
}

#[test]
fn regex_anchors_are_the_field_edges() {
    // "Hanne" starts the owner field, not the card.
    assert_eq!(found("/^hanne/"), [0, 1, 2]);
    assert_eq!(found("tittel:/^p/"), [4, 7]);
    assert_eq!(found("eier:/^$/"), [5, 6, 7]);
}

#[test]
fn regex_may_contain_spaces_and_escaped_slashes() {
    assert_eq!(found("/hanne lau/"), [0, 1, 2]);
    assert_eq!(found(r"/arbeid\/vedlikehold/"), [1]);
}

#[test]
fn regex_and_words_combine() {
    assert_eq!(found("/lauritsen|herskedal/ tilgang"), [8]);
}

// --- Negation ---

#[test]
fn negated_word_excludes_cards() {
    assert_eq!(found("hanne -tony"), [0]);
    assert_eq!(found("-eier:hanne"), [3, 4, 5, 6, 7, 8]);
    // An absent field is empty text: Tilgangsstyring has no input.
    assert_eq!(found("-\"hanne lau\" -/^$/"), [3, 4]);
    assert_eq!(found("eier: hanne -leder: tony"), [0]);
}

// --- Errors ---

#[test]
fn unterminated_quote_is_an_error_at_the_quote() {
    assert_eq!(error("\"hanne").offset, 0);
    let err = error("eier:\"hanne lau");
    assert_eq!(err.offset, 5);
    assert!(err.message.contains("quote"), "{}", err.message);
}

#[test]
fn unterminated_regex_is_an_error_at_the_slash() {
    assert_eq!(error("/lau").offset, 0);
    assert_eq!(error("hanne /lau").offset, 6);
    assert_eq!(error("hanne /lau\\/").offset, 6);
    assert!(error("/lau").message.contains("regex"));
}

#[test]
fn bad_regex_is_an_error_at_the_problem() {
    let err = error("hanne /ab(c/");
    assert!(err.message.starts_with("invalid regex"), "{}", err.message);
    assert_eq!(err.offset, 9, "{err}");
    let err = error("/[z-a]/");
    assert_eq!(err.offset, 2, "{err}");
    // After non-ASCII text the offset is still a byte offset into the query.
    let q = "ø /ø(/";
    let err = error(q);
    assert!(q.is_char_boundary(err.offset));
    assert_eq!(err.offset, 6, "{err}");
}

#[test]
fn query_error_displays_message_and_offset() {
    let err = error("\"hanne");
    assert_eq!(
        err.to_string(),
        "unterminated quote: add a closing \" (at byte 0)"
    );
    let _: &dyn std::error::Error = &err;
}

// --- Ranking ---

#[test]
fn title_hits_rank_first() {
    // Produksjonssetting is the title of card 4 and in card 3's output.
    assert_eq!(found("produksjonssetting"), [4, 3]);
    // Behov is card 2's title, and in cards 0 and 3's input/output.
    assert_eq!(found("behov"), [2, 0, 3]);
    let hits = SearchIndex::new(&seed()).search(&Query::parse("behov").unwrap());
    assert_eq!(hits[0].score, 1);
    assert_eq!(hits[1].score, 0);
}

#[test]
fn more_title_hits_rank_higher() {
    // Both words are in Endringsstyring's title; one of them in the other two.
    assert_eq!(found("e styring"), [1, 4, 8]);
}

#[test]
fn ranking_is_stable_in_document_order_across_documents() {
    let handbook = testdata::handbook(vec![
        testdata::document(
            "a.md",
            vec![
                card6("Drift", "Åse Øvre", "", "drift av alt", "", ""),
                card6("Annet", "Åse Øvre", "", "mer drift", "", ""),
            ],
        ),
        testdata::document(
            "b.md",
            vec![
                card6("Noe", "", "", "drift", "", ""),
                card6("Drift to", "", "", "", "", ""),
            ],
        ),
    ]);
    let index = SearchIndex::new(&handbook);
    let hits = index.search(&Query::parse("drift").unwrap());
    let ids: Vec<(u32, u32)> = hits
        .iter()
        .map(|h| (h.card.document, h.card.card))
        .collect();
    assert_eq!(ids, [(0, 0), (1, 1), (0, 1), (1, 0)]);
    let hits = index.search(&Query::parse("ase ovre").unwrap());
    assert_eq!(hits.len(), 2);
}

// --- Narrowing ---

#[test]
fn search_within_narrows_to_the_candidates() {
    let handbook = seed();
    let index = SearchIndex::new(&handbook);
    let mut previous = Query::parse("").unwrap();
    let mut hits = index.search(&previous);
    for typed in [
        "h",
        "ha",
        "han",
        "hann",
        "hanne",
        "hanne t",
        "hanne to",
        "hanne ton",
    ] {
        let query = Query::parse(typed).unwrap();
        assert!(query.refines(&previous), "{typed}");
        let candidates: Vec<CardId> = hits.iter().map(|h| h.card).collect();
        hits = index.search_within(&query, &candidates);
        assert_eq!(hits, index.search(&query), "{typed}");
        previous = query;
    }
    assert_eq!(hits.iter().map(|h| h.card.card).collect::<Vec<_>>(), [1, 2]);
}

#[test]
fn search_within_ignores_order_duplicates_and_unknown_ids() {
    let index = SearchIndex::new(&seed());
    let id = |card| CardId { document: 0, card };
    let candidates = [
        id(4),
        id(0),
        id(4),
        id(99),
        CardId {
            document: 7,
            card: 0,
        },
    ];
    let hits = index.search_within(&Query::parse("").unwrap(), &candidates);
    assert_eq!(
        hits.iter().map(|h| h.card).collect::<Vec<_>>(),
        [id(0), id(4)]
    );
    let hits = index.search_within(&Query::parse("buaroey").unwrap(), &[id(4)]);
    assert_eq!(hits.iter().map(|h| h.card).collect::<Vec<_>>(), [id(4)]);
}

#[test]
fn refines_knows_when_narrowing_is_safe() {
    let q = |s| Query::parse(s).unwrap();
    assert!(q("hanne").refines(&q("han")));
    assert!(q("hanne tony").refines(&q("hanne")));
    assert!(q("eier:hanne").refines(&q("hanne")));
    assert!(q("eier:hanne").refines(&q("person:han")));
    assert!(q("anything").refines(&q("")));
    assert!(q("-ha").refines(&q("-hanne")));
    assert!(q("/ab/ x").refines(&q("/ab/")));
    assert!(!q("han").refines(&q("hanne")));
    assert!(!q("hanne").refines(&q("eier:hanne")));
    assert!(!q("-hanne").refines(&q("-ha")));
    assert!(!q("/abc/").refines(&q("/ab/")));
    assert!(!q("hanne").refines(&q("-hanne")));
    assert!(q("side:drifts").refines(&q("side:drift")));
    assert!(!q("side:drift").refines(&q("drift")));
    assert!(!q("drift").refines(&q("side:drift")));
}

// --- Pages (`side:`) and mistyped scopes ---

/// Two pages: `Drift` (drift/rutiner.md) with the seed's cards, and a page
/// without a title (arkiv/gammel.md) with one card.
fn two_pages() -> Handbook {
    let drift = format!(
        "---\ntitle: Drift\n---\n{}",
        include_str!("../../data/prosesser/utvikling-drift.md")
            .split_once("\n---\n")
            .map_or("", |(_, body)| body)
    );
    crate::load::load_sources(vec![
        crate::load::Source {
            path: "drift/rutiner.md".into(),
            file: None,
            bytes: drift.into_bytes(),
        },
        crate::load::Source {
            path: "arkiv/gammel.md".into(),
            file: None,
            bytes: b"{{< prosesser/strategy-card title=\"Gammel drift\" owner=\"Hanne\" >}}"
                .to_vec(),
        },
    ])
}

fn found_on_pages(query: &str) -> Vec<(String, String)> {
    let handbook = two_pages();
    let query = Query::parse(query).unwrap();
    let hits = SearchIndex::new(&handbook).search(&query);
    assert_eq!(
        search_handbook(&handbook, &query),
        hits,
        "{}",
        query.source()
    );
    hits.iter()
        .map(|h| {
            let document = handbook.document_of(h.card).unwrap();
            let card = handbook.card(h.card).unwrap();
            assert!(query.score(document, card).is_some());
            (document.path.clone(), card.title().into_owned())
        })
        .collect()
}

#[test]
fn side_and_page_look_in_the_document_title_and_path_only() {
    let query = Query::parse("side:drift").unwrap();
    assert_eq!(query.terms()[0].scope, Scope::Page);
    assert_eq!(
        Query::parse("PAGE:x").unwrap().terms()[0].scope,
        Scope::Page
    );
    // `Drift` is the first page's title; the second's card says "drift" but
    // its page (arkiv/gammel.md, no title) does not.
    let drift = found_on_pages("side:drift");
    assert_eq!(drift.len(), 9);
    assert!(drift.iter().all(|(path, _)| path == "drift/rutiner.md"));
    assert_eq!(
        found_on_pages("page:arkiv"),
        [("arkiv/gammel.md".into(), "Gammel drift".into())]
    );
    assert_eq!(found_on_pages("side:gammel hanne").len(), 1);
    // Card words and page words combine, and a page term can be negated.
    assert_eq!(
        found_on_pages("side:rutiner mork"),
        [("drift/rutiner.md".into(), "Produksjonssetting".into())]
    );
    assert_eq!(
        found_on_pages("-side:drift hanne"),
        [("arkiv/gammel.md".into(), "Gammel drift".into())]
    );
    assert_eq!(found_on_pages("side:/^arkiv\\//").len(), 1);
    assert_eq!(found_on_pages("side:\"drift/rut\"").len(), 9);
    assert!(found_on_pages("side:nowhere").is_empty());
}

#[test]
fn a_page_term_highlights_nothing_in_the_card() {
    let handbook = two_pages();
    let query = Query::parse("side:drift").unwrap();
    let id = CardId {
        document: 1,
        card: 0,
    };
    assert_eq!(handbook.document_of(id).unwrap().path, "drift/rutiner.md");
    assert!(query.matches(handbook.card(id).unwrap()).is_empty());
}

#[test]
fn a_scope_one_slip_away_is_an_error_naming_the_scope_meant() {
    for (written, offset, nearest) in [
        ("eeir:hanne", 0, "eier"),
        ("mork -leedr:tony", 6, "leder"),
        ("tittle:x", 0, "title"),
        ("tittl:x", 0, "tittel"),
        ("sdie:drift", 0, "side"),
        ("Ownr:\"x y\"", 0, "owner"),
    ] {
        let e = error(written);
        assert_eq!(e.offset, offset, "{written}");
        let QueryErrorKind::UnknownScope {
            written: name,
            nearest: meant,
        } = &e.kind
        else {
            panic!("{written}: {e:?}");
        };
        assert_eq!(*meant, nearest, "{written}");
        assert_eq!(
            name,
            &written[offset..]
                .split(':')
                .next()
                .unwrap()
                .trim_start_matches('-')
        );
        assert!(
            e.message.contains(&format!("`{nearest}:`")),
            "{}",
            e.message
        );
    }
    // Far from every scope, or quoted: a word as before.
    for word in ["kl:12", "foo:bar", "https://x", "\"eeir:hanne\""] {
        assert!(Query::parse(word).is_ok(), "{word}");
    }
}

// --- Highlighting ---

#[test]
fn highlight_covers_mork_in_the_original_text() {
    assert_eq!(highlighted("mork", 4), [(Field::Owner, "Mørk".to_owned())]);
}

#[test]
fn highlight_covers_buaroy_and_aakero() {
    assert_eq!(
        highlighted("buaroey", 0),
        [(Field::Leader, "Buarøy".into())]
    );
    assert_eq!(highlighted("aakero", 3), [(Field::Leader, "Aakerø".into())]);
    assert_eq!(highlighted("AKERØ", 3), [(Field::Leader, "Aakerø".into())]);
}

#[test]
fn highlight_of_a_phrase_and_a_regex() {
    assert_eq!(
        highlighted("\"hanne lau\"", 1),
        [(Field::Owner, "Hanne Lau".into())]
    );
    assert_eq!(highlighted("/m[øo]rk/", 4), [(Field::Owner, "Mørk".into())]);
}

#[test]
fn highlight_finds_every_occurrence_in_every_field() {
    let got = highlighted("produksjonssett", 4);
    assert_eq!(got.len(), 3);
    assert_eq!(got[0], (Field::Title, "Produksjonssett".into()));
    assert!(
        got[1..]
            .iter()
            .all(|(f, s)| *f == Field::Purpose && s.to_lowercase() == "produksjonssett")
    );
}

#[test]
fn highlight_respects_scope_and_skips_negated_terms() {
    assert_eq!(
        highlighted("eier:hanne -tony", 0),
        [(Field::Owner, "Hanne".into())]
    );
    assert_eq!(
        highlighted("tittel:tilgangsstyring", 8),
        [(Field::Title, "Tilgangsstyring".into())]
    );
    assert_eq!(
        highlighted("størst", 1),
        [(Field::Purpose, "størst".into())]
    );
}

#[test]
fn highlight_merges_overlapping_terms() {
    assert_eq!(
        highlighted("hanne \"anne lau\"", 2),
        [(Field::Owner, "Hanne Lau".into())]
    );
}

#[test]
fn highlight_ranges_are_char_boundaries_in_aeoa_text() {
    let handbook = testdata::handbook(vec![testdata::document(
        "x.md",
        vec![card6(
            "Ærlig Øl",
            "Åse Ødegård",
            "",
            "Blåbær og øl, aa og oe, æ",
            "",
            "",
        )],
    )]);
    let index = SearchIndex::new(&handbook);
    let id = CardId {
        document: 0,
        card: 0,
    };
    let card = handbook.card(id).unwrap();
    for q in [
        "a", "e", "ae", "o", "l", "ol", "ode", "blabaer", "gard", "/./", "/æ/",
    ] {
        let query = Query::parse(q).unwrap();
        for m in index.matches(&handbook, &query, id) {
            let text = card.text(m.field);
            assert!(
                text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end),
                "{q}: {m:?}"
            );
            assert!(!m.range.is_empty());
        }
    }
    let query = Query::parse("odegard").unwrap();
    let m = &index.matches(&handbook, &query, id)[0];
    assert_eq!(&card.text(m.field)[m.range.clone()], "Ødegård");
}

#[test]
fn missing_card_has_no_matches() {
    let handbook = seed();
    let index = SearchIndex::new(&handbook);
    let id = CardId {
        document: 3,
        card: 0,
    };
    assert!(
        index
            .matches(&handbook, &Query::parse("x").unwrap(), id)
            .is_empty()
    );
}

// --- Odd input ---

#[test]
fn nul_and_control_characters_in_text_do_not_join_fields() {
    let handbook = testdata::handbook(vec![testdata::document(
        "x.md",
        vec![card6("Tittel\0", "Eier\u{1b}[2J", "", "", "", "")],
    )]);
    let index = SearchIndex::new(&handbook);
    let count = |q: &str| index.search(&Query::parse(q).unwrap()).len();
    assert_eq!(count("tittel"), 1);
    assert_eq!(count("eier"), 1);
    // The NUL folds to a space, and fields never run into each other.
    assert_eq!(count("\"tittel eier\""), 0);
    assert_eq!(count("\"tittel\0eier\""), 0);
}

#[test]
fn non_string_values_are_searched_as_text() {
    let mut card = card6("Tall", "", "", "", "", "");
    card.params = card
        .params
        .iter()
        .map(|(k, v)| {
            let v = if k == "purpose" {
                crate::model::Value::Int(42)
            } else {
                v.to_value()
            };
            (k.to_owned(), v)
        })
        .collect();
    let handbook = testdata::handbook(vec![testdata::document("x.md", vec![card])]);
    let index = SearchIndex::new(&handbook);
    assert_eq!(index.search(&Query::parse("formål:42").unwrap()).len(), 1);
}

// --- The index agrees with the plain search, on every path ---

#[test]
fn index_sweeps_and_one_by_one_checks_agree_with_plain_search() {
    let handbook = super::testdata::synthetic(60, 10);
    let index = SearchIndex::new(&handbook);
    let all: Vec<CardId> = handbook.cards().map(|(id, _)| id).collect();
    let few: Vec<CardId> = all.iter().copied().step_by(37).collect();
    for q in [
        "lauritsen",
        "han",
        "eier:han",
        "leder:tilgangsstyring",
        "mork buaroy",
        "-mork",
        "produksjon -eier:hanne",
        "/lau.*sen/",
        "/^hanne/",
        "tittel:/^re/",
        "/\\Ahanne/",
        "/(?i)MØRK/ kontroll",
        "/x*/",
        "zzz",
        "\"hanne lau\"",
        "e styring",
        "side:p/1",
        "side:/^p\\/4/ lauritsen",
        "-side:/7\\.md$/ mork",
        "page:zzz",
    ] {
        let query = Query::parse(q).unwrap();
        // One card at a time, no threads, no index: the reference.
        let mut expected: Vec<Hit> = handbook
            .cards()
            .filter_map(|(card, c)| {
                let document = handbook.document_of(card)?;
                query.score(document, c).map(|score| Hit { card, score })
            })
            .collect();
        rank(&mut expected);
        assert_eq!(search_handbook(&handbook, &query), expected, "{q}");
        assert_eq!(index.search(&query), expected, "{q}");
        assert_eq!(index.search_within(&query, &all), expected, "{q}");
        let within_few: Vec<Hit> = expected
            .iter()
            .copied()
            .filter(|h| few.contains(&h.card))
            .collect();
        assert_eq!(index.search_within(&query, &few), within_few, "{q}");
        // Slice by slice, as the browser reads while its index is built.
        let mut sliced: Vec<Hit> = all
            .chunks(7)
            .flat_map(|slice| search_among(&handbook, &query, slice, None))
            .collect();
        rank(&mut sliced);
        assert_eq!(sliced, expected, "{q}");
    }
}

#[test]
fn hand_built_seed_is_what_the_parser_reads() {
    let bytes = include_bytes!("../../data/prosesser/utvikling-drift.md");
    let (doc, _) = crate::parse::parse_document("prosesser/utvikling-drift.md", bytes);
    let parsed: Vec<_> = doc.unwrap().cards.into_iter().map(|c| c.params).collect();
    let built: Vec<_> = testdata::seed_cards()
        .into_iter()
        .map(|c| c.params)
        .collect();
    assert_eq!(parsed, built);
}

#[test]
fn empty_handbook_and_documents_without_cards() {
    let empty = Handbook::default();
    let index = SearchIndex::new(&empty);
    assert!(index.is_empty());
    assert!(index.search(&Query::parse("").unwrap()).is_empty());
    assert!(search_handbook(&empty, &Query::parse("x").unwrap()).is_empty());

    let mut documents: Vec<_> = (0..400)
        .map(|d| testdata::document(&format!("{d}.md"), Vec::new()))
        .collect();
    documents[150].cards = testdata::seed_cards();
    documents[399].cards = testdata::seed_cards();
    let handbook = testdata::handbook(documents);
    let index = SearchIndex::new(&handbook);
    assert_eq!(index.len(), 18);
    let hits = index.search(&Query::parse("mork").unwrap());
    let ids: Vec<(u32, u32)> = hits
        .iter()
        .map(|h| (h.card.document, h.card.card))
        .collect();
    assert_eq!(ids, [(150, 4), (399, 4)]);
    assert_eq!(
        search_handbook(&handbook, &Query::parse("mork").unwrap()),
        hits
    );
}

// --- Effect and team ---

/// A site with a team page (Plattform: Ola Dahl) and three cards: one led
/// by Ola, one owned by `Plattform/Tove Hagen`, one by someone else; the
/// last two say their outcome in `effect`.
fn team_site() -> Handbook {
    let text = |path: &str, t: &str| crate::load::Source {
        path: path.to_owned(),
        file: None,
        bytes: t.as_bytes().to_vec(),
    };
    crate::load::load_sources(vec![
        text(
            "a.md",
            "---\ntitle: A\nweight: 1\n---\n\
             {{< prosesser/strategy-card title=\"Behov\" owner=\"Kari\" leader=\"ola dahl\" purpose=\"P\" input=\"I\" output=\"Prioriterte behov\" >}}\n\
             {{< prosesser/card title=\"Marked\" owner=\"Plattform/Tove Hagen\" effect=\"Flere kunder\" >}}\n\
             {{< prosesser/card title=\"Kundeservice\" owner=\"Per Olsen\" effect=\"Fornøyde kunder\" >}}\n",
        ),
        text(
            "team.md",
            "---\ntitle: Plattform\nweight: 2\n---\n{{< team/github-profile name=\"Ola Dahl\" role=\"Teamleder\" >}}\n",
        ),
    ])
}

fn found_in(handbook: &Handbook, query: &str) -> Vec<String> {
    let index = SearchIndex::new(handbook);
    let query = Query::parse(query).unwrap();
    let hits = index.search(&query);
    assert_eq!(search_handbook(handbook, &query), hits);
    let all: Vec<CardId> = handbook.cards().map(|(id, _)| id).collect();
    assert_eq!(index.search_within(&query, &all), hits);
    hits.iter()
        .map(|h| handbook.card(h.card).unwrap().title().into_owned())
        .collect()
}

#[test]
fn effect_is_a_scope_in_both_languages_and_part_of_a_plain_search() {
    let site = team_site();
    assert_eq!(found_in(&site, "effekt:kunder"), ["Marked", "Kundeservice"]);
    assert_eq!(found_in(&site, "effect:fornoyde"), ["Kundeservice"]);
    assert_eq!(found_in(&site, "fornøyde"), ["Kundeservice"]);
    assert_eq!(found_in(&site, "output:kunder"), Vec::<String>::new());
    // An unscoped regex does not see a missing effect as an empty field; a
    // scoped one asks exactly that.
    assert_eq!(found_in(&site, "-/^$/ output:behov"), ["Behov"]);
    assert_eq!(found_in(&site, "effekt:/^$/"), ["Behov"]);
}

#[test]
fn team_finds_the_cards_of_the_teams_members_and_of_units_that_are_teams() {
    let site = team_site();
    assert_eq!(found_in(&site, "team:plattform"), ["Behov", "Marked"]);
    assert_eq!(found_in(&site, "team:/^platt/"), ["Behov", "Marked"]);
    assert_eq!(found_in(&site, "-team:plattform"), ["Kundeservice"]);
    assert_eq!(found_in(&site, "team:marked"), Vec::<String>::new());
    // The word is not in any card's own text, and a team is not searched by a plain word.
    assert_eq!(found_in(&site, "plattform"), ["Marked"]);
    // Without the handbook's people a team term matches nothing.
    let q = Query::parse("team:plattform").unwrap();
    assert!(
        site.cards()
            .all(|(id, c)| q.score(site.document_of(id).unwrap(), c).is_none())
    );
}

#[test]
fn a_team_term_implies_only_a_team_term() {
    let team = Query::parse("team:plattform").unwrap();
    assert!(!team.refines(&Query::parse("plattform").unwrap()));
    assert!(
        !Query::parse("plattform")
            .unwrap()
            .refines(&Query::parse("team:platt").unwrap())
    );
    assert!(team.refines(&Query::parse("team:platt").unwrap()));
}

#[test]
fn the_browsers_highlights_of_a_huge_field_are_capped() {
    let purpose = "ab ".repeat(3 * super::MAX_LISTED_MATCHES);
    let card = crate::Card::named(
        1,
        1,
        [
            ("title", crate::Value::String("Behov".into())),
            ("purpose", crate::Value::String(purpose)),
        ],
    );
    let handbook = crate::Handbook {
        documents: vec![crate::Document {
            path: "stor.md".into(),
            file: None,
            front_matter: Default::default(),
            publication: crate::model::Publication::Published,
            cards: vec![card],
            members: Vec::new(),
        }],
        diagnostics: Vec::new(),
    };
    let index = SearchIndex::new(&handbook);
    let query = Query::parse("a").unwrap();
    let id = crate::CardId {
        document: 0,
        card: 0,
    };
    let first = index.matches(&handbook, &query, id);
    assert_eq!(first.len(), super::MAX_LISTED_MATCHES);
    // Asked again (the next frame), the same answer.
    assert_eq!(index.matches(&handbook, &query, id), first);
    let other = Query::parse("b").unwrap();
    assert_ne!(index.matches(&handbook, &other, id), first);
}
