//! Each rule of how Hugo reads a file, on its own fixture (`tests/fixtures/hugo/`),
//! with the values and positions we expect. `hugo_agreement.rs` checks the same
//! fixtures against a real Hugo.

use prosesser::model::{Diagnostic, Document, Field, FrontMatterFormat, Rule, Severity, Value};
use prosesser::parse::parse_document;
use serde_json::json;

fn parse(name: &str) -> (Document, Vec<Diagnostic>) {
    let path = format!("{}/tests/fixtures/hugo/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    let (doc, diagnostics) = parse_document(name, &bytes);
    (doc.unwrap(), diagnostics)
}

fn ok(name: &str) -> Document {
    let (doc, diagnostics) = parse(name);
    assert!(diagnostics.is_empty(), "{name}: {diagnostics:?}");
    doc
}

/// The one error of a fixture, as `line:col: message`.
fn error(name: &str) -> (Document, String) {
    let (doc, diagnostics) = parse(name);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{name}: {diagnostics:?}");
    let d = errors[0];
    assert_eq!(d.path, name);
    (doc, format!("{}:{}: {}", d.line, d.column, d.message))
}

fn titles(doc: &Document) -> Vec<String> {
    doc.cards.iter().map(|c| c.title().into_owned()).collect()
}

fn param(doc: &Document, key: &str) -> Value {
    doc.cards[0]
        .param(key)
        .unwrap_or_else(|| panic!("no {key}"))
        .to_value()
}

fn s(v: &str) -> Value {
    Value::String(v.into())
}

// --- front matter -----------------------------------------------------------

#[test]
fn yaml_front_matter_keeps_every_key_with_its_type() {
    let doc = ok("fm-yaml-basic.md");
    assert_eq!(doc.front_matter.format, Some(FrontMatterFormat::Yaml));
    assert_eq!(
        serde_json::Value::Object(doc.front_matter.params().into_owned()),
        json!({"title": "Basic", "weight": 3, "ingress": "Hei", "tags": ["a", "b"], "nested": {"Key": 1}})
    );
    assert_eq!(doc.cards[0].line, 9);
}

#[test]
fn repeated_yaml_key_last_one_wins() {
    assert_eq!(
        ok("fm-yaml-repeated-key.md").title().as_deref(),
        Some("Two")
    );
}

#[test]
fn crlf_front_matter_and_body() {
    let doc = ok("fm-yaml-crlf.md");
    assert_eq!(
        doc.front_matter.get_str("text").as_deref(),
        Some("line one\nline two\n")
    );
    assert_eq!(doc.cards[0].field(Field::Owner).as_deref(), Some("B"));
    assert_eq!((doc.cards[0].line, doc.cards[0].column), (7, 1));
}

#[test]
fn bom_and_blank_lines_before_front_matter() {
    let doc = ok("fm-yaml-bom-blank-lines.md");
    assert_eq!(doc.title().as_deref(), Some("Bom"));
    assert_eq!(doc.cards[0].line, 6);
}

#[test]
fn rest_of_the_opening_line_is_part_of_the_front_matter() {
    assert_eq!(
        ok("fm-yaml-opening-line-comment.md").title().as_deref(),
        Some("Note")
    );
}

#[test]
fn four_dashes_close_the_front_matter() {
    assert_eq!(titles(&ok("fm-yaml-four-dashes.md")), ["A"]);
}

#[test]
fn empty_front_matter_is_an_empty_map() {
    let doc = ok("fm-yaml-empty.md");
    assert!(doc.front_matter.params().is_empty());
    assert_eq!(doc.title(), None);
}

#[test]
fn title_in_any_case_and_weight_as_string() {
    let doc = ok("fm-yaml-unquoted-title-case.md");
    assert_eq!(doc.title().as_deref(), Some("Upper"));
    assert_eq!(doc.weight(), 7);
    assert!(
        doc.front_matter.params().contains_key("Title"),
        "raw key case kept"
    );
}

#[test]
fn navigation_html_with_unclosed_p_is_a_clean_list() {
    assert_eq!(ok("fm-yaml-html-unclosed-p.md").navigation(), ["A", "B"]);
}

#[test]
fn toml_json_and_org_front_matter() {
    let toml = ok("fm-toml.md");
    assert_eq!(toml.front_matter.format, Some(FrontMatterFormat::Toml));
    assert_eq!((toml.title().as_deref(), toml.weight()), (Some("Toml"), 4));
    assert_eq!(toml.front_matter.get("params").unwrap()["x"], json!(1.5));
    let json = ok("fm-json.md");
    assert_eq!(
        (json.title().as_deref(), json.weight()),
        (Some("Json }{"), 5)
    );
    let org = ok("fm-org.md");
    assert_eq!(org.title().as_deref(), Some("Org"));
    assert_eq!(org.front_matter.get("tags"), Some(json!(["a", "b"])));
    assert_eq!(titles(&org), ["A"]);
}

#[test]
fn heading_first_means_no_front_matter() {
    let doc = ok("fm-none-heading.md");
    assert_eq!(doc.front_matter.format, None);
    assert_eq!(titles(&doc), ["A"]);
}

#[test]
fn front_matter_wrapped_in_an_html_comment() {
    let doc = ok("fm-html-comment-wrapper.md");
    assert_eq!(doc.title().as_deref(), Some("Wrapped"));
    assert_eq!(titles(&doc), ["A"]);
}

#[test]
fn front_matter_errors_have_positions_and_keep_the_cards() {
    let (doc, e) = error("err-fm-invalid-yaml-delimiter.md");
    assert_eq!(e, "1:1: invalid YAML delimiter");
    assert_eq!(titles(&doc), ["A"]);
    assert_eq!(
        error("err-fm-invalid-toml-delimiter.md").1,
        "1:1: invalid TOML delimiter"
    );
    assert_eq!(
        error("err-fm-eof-yaml.md").1,
        "1:1: EOF looking for end YAML front matter delimiter (no line starts with `---` after this one)"
    );
    assert!(
        error("err-fm-indented-close.md")
            .1
            .starts_with("1:1: EOF looking for end YAML")
    );
    assert_eq!(
        error("err-fm-json-eof.md").1,
        "1:1: unexpected EOF parsing JSON front matter"
    );
    assert_eq!(
        error("err-fm-plain-html.md").1,
        "1:1: plain HTML documents not supported"
    );
}

#[test]
fn decode_errors_point_into_the_file() {
    let (doc, e) = error("err-fm-yaml-decode.md");
    assert!(
        e.starts_with("3:1: failed to unmarshal YAML: yaml: did not find expected ','"),
        "{e}"
    );
    assert_eq!(titles(&doc), ["A"]);
    let (_, e) = error("err-fm-toml-decode.md");
    assert!(e.starts_with("2:9: unmarshal failed: toml: "), "{e}");
}

#[test]
fn a_file_starting_with_a_shortcode_is_bad_json_but_its_card_is_kept() {
    let (doc, e) = error("err-fm-starts-with-shortcode.md");
    assert!(e.starts_with("1:1: unmarshal failed: "), "{e}");
    assert!(e.contains("cannot start with a shortcode"), "{e}");
    assert_eq!(titles(&doc), ["A"]);
}

// --- shortcodes ---------------------------------------------------------------

#[test]
fn delimiters_need_no_spaces_and_percent_calls_are_cards() {
    assert_eq!(titles(&ok("sc-no-space-delimiters.md")), ["A"]);
    let doc = ok("sc-percent-call.md");
    assert_eq!(doc.cards[0].field(Field::Owner).as_deref(), Some("B"));
}

#[test]
fn unquoted_values_are_typed_as_hugo_types_them() {
    let doc = ok("sc-typed-values.md");
    for (key, value) in [
        ("b", Value::Bool(true)),
        ("f", Value::Bool(false)),
        ("i", Value::Int(42)),
        ("n", Value::Int(-7)),
        ("p", Value::Int(7)),
        ("x", Value::Float(1.5)),
        ("y", Value::Float(0.5)),
        ("s", s("False")),
        ("e", s("1e3")),
        ("h", s("0x10")),
        ("u", s("a/b?c=d")),
        ("q", s("true")),
    ] {
        assert_eq!(param(&doc, key), value, "{key}");
    }
    assert_eq!(
        param(&ok("sc-big-int-stays-string.md"), "d"),
        s("99999999999999999999")
    );
}

#[test]
fn backslashes_follow_hugos_quirk() {
    assert_eq!(titles(&ok("sc-backslash-kept.md")), [r"C:\dir\n"]);
    assert_eq!(
        titles(&ok("sc-backslash-removed-with-escaped-quote.md")),
        [r#"say "hi"  back"#]
    );
    assert_eq!(titles(&ok("sc-escaped-quote-value.md")), ["Escaped start"]);
}

#[test]
fn raw_strings_span_lines_and_keep_everything() {
    let doc = ok("sc-raw-multiline.md");
    assert_eq!(
        doc.cards[0].field(Field::Purpose).as_deref(),
        Some("line one\n\"line\" >}} two\nC:\\x")
    );
    assert_eq!(titles(&ok("sc-raw-empty.md")), [""]);
}

#[test]
fn value_may_follow_its_equals_sign_on_the_next_line() {
    assert_eq!(titles(&ok("sc-value-after-newline.md")), ["Newline"]);
}

#[test]
fn repeated_param_last_one_wins() {
    let doc = ok("sc-repeated-key-last-wins.md");
    let params: Vec<(&str, Value)> = doc.cards[0]
        .params
        .iter()
        .map(|(k, v)| (k, v.to_value()))
        .collect();
    assert_eq!(params, vec![("title", s("Two"))]);
}

#[test]
fn spaced_equals_everywhere_makes_named_params() {
    let doc = ok("sc-spaced-equals.md");
    assert_eq!(titles(&doc), ["Spaced"]);
    assert_eq!(doc.cards[0].field(Field::Owner).as_deref(), Some("B"));
}

#[test]
fn positional_calls_keep_values_and_have_no_named_fields() {
    let doc = ok("sc-positional.md");
    let card = &doc.cards[0];
    assert_eq!(
        card.positional(),
        Some(
            &[
                s("Release"),
                s("Hanne L"),
                s("Torkel"),
                Value::Int(7),
                Value::Int(-3),
                s("data-x")
            ][..]
        )
    );
    assert_eq!(card.field(Field::Title), None);
    assert_eq!(
        ok("sc-positional-escaped-quote.md").cards[0].positional(),
        Some(&[s("a b")][..])
    );
}

#[test]
fn param_keys_keep_case_and_may_be_unicode() {
    let doc = ok("sc-unicode-keys.md");
    let keys: Vec<&str> = doc.cards[0].params.iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["title", "Æøå", "data-x", "a.b", "_u", "CamelCase"]);
    assert_eq!(doc.cards[0].extra_params().count(), 5);
}

#[test]
fn empty_and_absent_params_differ() {
    let doc = ok("sc-empty-and-absent.md");
    let card = &doc.cards[0];
    assert_eq!(card.field(Field::Owner).as_deref(), Some(""));
    assert_eq!(card.field(Field::Purpose), None);
    let bare = ok("sc-no-params.md");
    // No params at all: Hugo's `.IsNamedParams` is false, the list empty.
    assert_eq!(
        (bare.cards[0].params.len(), bare.cards[0].positional()),
        (0, Some(&[][..]))
    );
}

#[test]
fn column_counts_bytes_like_hugo() {
    let doc = ok("sc-column-counts-bytes.md");
    assert_eq!((doc.cards[0].line, doc.cards[0].column), (4, 8));
}

#[test]
fn calls_in_code_fences_and_comments_are_still_calls() {
    assert_eq!(
        titles(&ok("sc-in-code-fence.md")),
        ["Fenced", "Indented", "Inline", "Comment"]
    );
}

#[test]
fn comment_escapes_are_not_calls() {
    assert_eq!(titles(&ok("sc-comment-escape.md")), ["Real"]);
}

#[test]
fn cards_nested_in_paired_calls_are_cards_with_their_true_position() {
    let doc = ok("sc-nested-in-box.md");
    assert_eq!(titles(&doc), ["Inner", "Outer"]);
    assert_eq!((doc.cards[0].line, doc.cards[0].column), (5, 8));
    assert_eq!(
        titles(&ok("sc-box-self-closed-and-closing-without-space.md")),
        ["A"]
    );
}

#[test]
fn braces_that_are_not_calls_are_text() {
    assert_eq!(titles(&ok("sc-curly-text.md")), ["Triple"]);
}

#[test]
fn a_quoted_delimiter_does_not_end_the_call() {
    let doc = ok("sc-quote-with-unicode-and-gt.md");
    assert_eq!(titles(&doc), ["A >}} b"]);
    assert_eq!(
        doc.cards[0].field(Field::Owner).as_deref(),
        Some("Dan Remi Mørk")
    );
}

#[test]
fn odd_but_accepted_syntax() {
    let dropped = ok("sc-value-no-name-dropped.md");
    assert_eq!(titles(&dropped), ["A"]);
    assert_eq!(
        dropped.cards[0].params.len(),
        1,
        "the value without a name is dropped"
    );
    let doc = ok("sc-unquoted-specials.md");
    assert_eq!(titles(&doc), ["a&b?c=d:e"]);
    assert_eq!(
        doc.cards[0].field(Field::Owner).as_deref(),
        Some("'single'")
    );
    let crlf = ok("sc-crlf-body.md");
    assert_eq!(titles(&crlf), ["A", "C"]);
    assert_eq!(crlf.cards[0].field(Field::Owner).as_deref(), Some("B"));
    assert_eq!(crlf.cards[1].line, 7);
}

#[test]
fn shortcode_errors_name_the_true_position() {
    let cases = [
        (
            "err-sc-mixed-named-positional.md",
            "4:39: got positional parameter 'word'. Cannot mix named and positional parameters",
        ),
        (
            "err-sc-mixed-positional-named.md",
            "4:34: got named parameter 'title'. Cannot mix named and positional parameters",
        ),
        (
            "err-sc-mixed-quoted-positional.md",
            "4:39: got quoted positional parameter. Cannot mix named and positional parameters",
        ),
        (
            "err-sc-spaced-then-named.md",
            "4:41: got named parameter 'owner'. Cannot mix named and positional parameters",
        ),
        ("err-sc-no-name.md", "4:1: shortcode has no name"),
        (
            "err-sc-nbsp.md",
            "4:28: unrecognized character in shortcode action: U+00A0. Note: Parameters with non-alphanumeric args must be quoted",
        ),
        (
            "err-sc-plus-positional.md",
            "4:7: unrecognized character in shortcode action: U+002B '+'. Note: Parameters with non-alphanumeric args must be quoted",
        ),
        (
            "err-sc-period-in-name.md",
            "4:6: period in shortcode name only allowed for inline identifiers",
        ),
        (
            "err-sc-escaped-backtick.md",
            "4:10: unrecognized escape character: a backtick cannot be escaped in a quoted value",
        ),
        (
            "err-sc-percent-closed-by-angle.md",
            "4:39: unrecognized character in shortcode action: U+003E '>'. Note: Parameters with non-alphanumeric args must be quoted",
        ),
        (
            "err-sc-comment-not-closed.md",
            "4:1: comment must be closed: `{{</*` needs a matching `*/>}}`",
        ),
        (
            "err-sc-spaced-comment.md",
            "4:5: got closing shortcode, but none is open",
        ),
        (
            "err-sc-closing-never-opened.md",
            "5:6: closing tag for shortcode 'y' does not match start tag",
        ),
        (
            "err-sc-closing-newline.md",
            "4:21: unclosed shortcode: a closing tag ends with `>}}` right after its name",
        ),
    ];
    for (name, expected) in cases {
        assert_eq!(error(name).1, expected, "{name}");
    }
}

#[test]
fn an_unquoted_value_that_eats_the_delimiter_is_explained() {
    let (_, e) = error("err-sc-bare-eats-delimiter.md");
    assert!(e.starts_with("6:1: got positional parameter 'Some'"), "{e}");
    assert!(
        e.contains("the unquoted value at 4:35 ran past the call's closing `>}}`"),
        "{e}"
    );
}

#[test]
fn cards_before_and_after_a_broken_call_are_kept() {
    let (doc, e) = error("err-sc-newline-in-quote.md");
    assert!(
        e.starts_with("5:35: unterminated quoted string in shortcode parameter-argument: 'B'"),
        "{e}"
    );
    assert_eq!(titles(&doc), ["A", "D"]);
    for name in [
        "err-sc-unterminated-quote-eof.md",
        "err-sc-unterminated-raw.md",
        "err-sc-unclosed-action.md",
    ] {
        assert_eq!(titles(&error(name).0), ["A"], "{name}");
    }
    assert_eq!(
        error("err-sc-unclosed-action.md").1,
        "5:1: unclosed shortcode action: no `>}}` before the end of the file"
    );
    let (_, e) = error("err-sc-unterminated-quote-eof.md");
    assert!(
        e.starts_with("5:35: unterminated quoted string in shortcode parameter-argument: 'B'"),
        "{e}"
    );
    assert_eq!(
        error("err-sc-unterminated-raw.md").1,
        "5:35: unterminated raw string in shortcode parameter-argument: 'B'"
    );
}

#[test]
fn every_error_diagnostic_uses_a_hugo_rule() {
    let dir = format!("{}/tests/fixtures/hugo", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let (_, diagnostics) = parse(&name);
        for d in diagnostics {
            assert!(matches!(d.rule, Rule::FrontMatter | Rule::Shortcode), "{d}");
        }
    }
}
