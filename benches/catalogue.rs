//! Catalogue-scale benchmarks: `cargo bench --bench catalogue -- CORPUS`
//! (make the corpus first: `cargo run --release --example gen-corpus -- --docs 10000 CORPUS`).
//!
//! A plain harness (no framework): each stage runs several times and prints
//! median, min and max wall time. See BENCHMARKS.md for the figures.

use prosesser::load::{Source, load_paths, load_sources};
use prosesser::query::{Query, SearchIndex};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn stats(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let median = samples[samples.len() / 2];
    println!(
        "{name:<44} median {:>9.3} ms   min {:>9.3} ms   max {:>9.3} ms   (n={})",
        ms(median),
        ms(samples[0]),
        ms(*samples.last().unwrap()),
        samples.len()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn time<R>(f: impl FnOnce() -> R) -> (R, Duration) {
    let start = Instant::now();
    let r = f();
    (r, start.elapsed())
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
}

fn main() {
    let corpus = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .expect("usage: cargo bench --bench catalogue -- CORPUS");
    let mut paths = Vec::new();
    files(&corpus, &mut paths);
    let sources: Vec<Source> = paths
        .iter()
        .map(|p| Source {
            path: p
                .strip_prefix(&corpus)
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            file: None,
            bytes: std::fs::read(p).unwrap(),
        })
        .collect();
    let bytes: usize = sources.iter().map(|s| s.bytes.len()).sum();
    println!(
        "corpus: {} files, {:.1} MB",
        sources.len(),
        bytes as f64 / 1e6
    );

    stats(
        "load_paths (read + parse, all cores)",
        (0..5)
            .map(|_| time(|| load_paths(&[corpus.as_path()]).unwrap()).1)
            .collect(),
    );
    stats(
        "load_sources (parse from memory, all cores)",
        (0..5)
            .map(|_| time(|| load_sources(sources.clone())).1)
            .collect(),
    );
    let handbook = load_sources(sources.clone());
    println!("cards: {}", handbook.card_count());
    stats(
        "parse_document only (one core)",
        (0..3)
            .map(|_| {
                time(|| {
                    for s in &sources {
                        std::hint::black_box(prosesser::parse::parse_document(&s.path, &s.bytes));
                    }
                })
                .1
            })
            .collect(),
    );
    stats(
        "SearchIndex::new",
        (0..5)
            .map(|_| time(|| SearchIndex::new(&handbook)).1)
            .collect(),
    );
    stats(
        "people()",
        (0..5)
            .map(|_| time(|| prosesser::people::people(&handbook)).1)
            .collect(),
    );
    stats(
        "Flow::new",
        (0..5)
            .map(|_| time(|| prosesser::flow::Flow::new(&handbook)).1)
            .collect(),
    );

    let index = SearchIndex::new(&handbook);
    // The index's part of a keystroke only (the whole path a key takes, with
    // the list, the detail and the frame, is `cargo bench --bench render`):
    // narrow the previous hits when the new query refines the old one, else
    // search every card. Each word is typed nine times; a key's figure is its
    // median over those runs.
    let typed = [
        "lauritsen",
        "eier:han",
        "leder:tor",
        "mork",
        "person:herskedal",
        "produksjon",
        "zzz",
        "/lau?ritsen/",
    ];
    let mut every_key = Vec::new();
    for word in typed {
        let ends: Vec<usize> = word.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
        let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); ends.len()];
        for _ in 0..9 {
            let mut previous: Option<(Query, Vec<prosesser::CardId>)> = None;
            for (k, &end) in ends.iter().enumerate() {
                let Ok(query) = Query::parse(&word[..end]) else {
                    continue;
                };
                let (hits, t) = time(|| match &previous {
                    Some((p, ids)) if query.refines(p) => index.search_within(&query, ids),
                    _ => index.search(&query),
                });
                samples[k].push(t);
                previous = Some((query, hits.iter().map(|h| h.card).collect()));
            }
        }
        let per_key: Vec<Duration> = samples
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(|mut s| {
                s.sort();
                s[s.len() / 2]
            })
            .collect();
        every_key.extend(per_key.iter().copied());
        stats(&format!("index lookups typing {word:?}"), per_key);
    }
    stats("every index lookup above (median of 9 each)", every_key);
}
