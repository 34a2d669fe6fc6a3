//! Front-matter text, anything at all, through both YAML readers.
//!
//! Invariant: where the fast path answers, the full reader reads the same
//! text without error and to the same map (an empty document is an empty map).
//! The fast path may decline anything; it may never differ.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prosesser::parse::yaml_fast_and_full;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (fast, full) = yaml_fast_and_full(text);
    let Some(fast) = fast else {
        return;
    };
    let full = match full {
        Ok(Value::Null) => Value::Object(Default::default()),
        Ok(v) => v,
        Err(e) => panic!("fast path answered {fast:?} where the full reader fails: {e}\n{text:?}"),
    };
    assert_eq!(Value::Object(fast), full, "the readers differ on {text:?}");
});
