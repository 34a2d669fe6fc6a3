//! A quick timing check of the search at catalogue scale (not a timed
//! assertion: it only prints). Run it in release mode:
//!
//! ```text
//! cargo test --release --lib query::bench -- --ignored --nocapture
//! ```
//!
//! It builds a synthetic handbook of 10,000 documents x 10 cards (seed-like
//! Norwegian text, about 300 bytes of field text per card), then types each
//! query one key at a time the way the browser does: narrow the previous hits
//! with `search_within` when the new query refines the old, else search all.
//! Each keystroke is timed nine times (wall time) and the fastest kept: the
//! machine is shared with other builds, the minimum is nearest the real cost.

use super::testdata::{card6, document, handbook};
use super::{CardId, Hit, Query, SearchIndex, search_handbook};
use crate::model::Handbook;
use std::time::{Duration, Instant};

const FIRST: [&str; 16] = [
    "Hanne",
    "Torkel",
    "Tony",
    "Snorre",
    "Dan Remi",
    "Roberto Andres",
    "Hege",
    "Espen",
    "Øystein",
    "Åse",
    "Kåre",
    "Bjørn",
    "Ingrid",
    "Sølvi",
    "Mette",
    "Jørgen",
];
const LAST: [&str; 16] = [
    "Lauritsen",
    "Buarøy",
    "Grimstad",
    "Aakerø",
    "Mørk",
    "Nilsen",
    "Herskedal",
    "Bakke",
    "Dahl",
    "Lie",
    "Sæther",
    "Østby",
    "Haugen",
    "Carrera",
    "Ødegård",
    "Fjær",
];
const TITLES: [&str; 12] = [
    "Release",
    "Endringsstyring",
    "Behov",
    "Utvikling",
    "Produksjonssetting",
    "Forespørsler",
    "Hendelser",
    "Problemer",
    "Tilgangsstyring",
    "Kapasitet",
    "Leverandørstyring",
    "Kontinuitet",
];
const WORDS: [&str; 40] = [
    "planlegge",
    "tidsette",
    "kontrollere",
    "bygging",
    "testing",
    "utrulling",
    "av",
    "en",
    "produksjonsenhet",
    "holde",
    "kontroll",
    "på",
    "at",
    "det",
    "ikke",
    "oppstår",
    "uplanlagte",
    "alvorlige",
    "hendelser",
    "når",
    "vi",
    "innfører",
    "gjennomfører",
    "arbeid",
    "vedlikehold",
    "IT-plattformen",
    "sikrer",
    "kunder",
    "og",
    "brukere",
    "får",
    "størst",
    "mulig",
    "tillit",
    "til",
    "tjenestene",
    "håndterer",
    "etterspørsler",
    "behovene",
    "løsninger",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    fn name(&mut self) -> String {
        format!("{} {}", FIRST[self.next(16)], LAST[self.next(16)])
    }

    fn words(&mut self, bytes: usize) -> String {
        let mut s = String::new();
        while s.len() < bytes {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(WORDS[self.next(WORDS.len())]);
        }
        s[..1].to_uppercase() + &s[1..] + "."
    }
}

pub(crate) fn synthetic(documents: usize, cards_per_document: usize) -> Handbook {
    let mut rng = Rng(42);
    let docs = (0..documents)
        .map(|d| {
            let cards = (0..cards_per_document)
                .map(|c| {
                    let title = format!("{} {d}-{c}", TITLES[rng.next(TITLES.len())]);
                    let leader = if rng.next(10) == 0 {
                        format!("Tilgangsstyring/{}", rng.name())
                    } else {
                        rng.name()
                    };
                    let len = 140 + rng.next(120);
                    let purpose = rng.words(len);
                    let len = 30 + rng.next(30);
                    let input = rng.words(len);
                    let len = 40 + rng.next(40);
                    let output = rng.words(len);
                    card6(&title, &rng.name(), &leader, &purpose, &input, &output)
                })
                .collect();
            document(&format!("p/{}/{d}.md", d % 100), cards)
        })
        .collect();
    handbook(docs)
}

/// A clock for one search. With one thread the calling thread's CPU time
/// (`CLOCK_THREAD_CPUTIME_ID`, ns resolution): the machine is shared with
/// other builds and wall time would count the waits for a core. With more
/// threads, wall time (the other threads' CPU time is not ours to read).
#[derive(Clone, Copy)]
enum Clock {
    Cpu(Duration),
    Wall(Instant),
}

impl Clock {
    fn elapsed(self) -> Duration {
        match self {
            Clock::Cpu(start) => thread_cpu().saturating_sub(start),
            Clock::Wall(start) => start.elapsed(),
        }
    }
}

fn now() -> Clock {
    if super::index::FORCE_THREADS.load(std::sync::atomic::Ordering::Relaxed) == 1 {
        Clock::Cpu(thread_cpu())
    } else {
        Clock::Wall(Instant::now())
    }
}

fn thread_cpu() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, now: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut now = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `now` is a valid, writable timespec for the call.
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut now) };
    Duration::new(now.sec as u64, now.nsec as u32)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[test]
#[ignore = "timing: run in release with --ignored --nocapture"]
fn bench_keystrokes_at_100k_cards() {
    // PROSESSER_BENCH_CORPUS=DIR measures a corpus on disk (e.g. one written
    // by `cargo run --release --example gen-corpus -- --docs 10000 DIR`).
    let started = Instant::now();
    let handbook = match std::env::var_os("PROSESSER_BENCH_CORPUS") {
        Some(dir) => crate::load::load_paths(&[std::path::Path::new(&dir)]).unwrap(),
        None => synthetic(10_000, 10),
    };
    let text: usize = handbook
        .cards()
        .map(|(_, c)| {
            crate::model::Field::ALL
                .map(|f| c.text(f).len())
                .iter()
                .sum::<usize>()
        })
        .sum();
    println!(
        "{} cards ({:.1} MB of field text) in {:.0} ms",
        handbook.card_count(),
        text as f64 / 1e6,
        ms(started.elapsed())
    );

    super::index::FORCE_THREADS.store(1, std::sync::atomic::Ordering::Relaxed);
    let started = now();
    drop(SearchIndex::new(&handbook));
    println!(
        "SearchIndex::new, one thread: {:.0} ms (thread CPU time)",
        ms(started.elapsed())
    );
    super::index::FORCE_THREADS.store(0, std::sync::atomic::Ordering::Relaxed);
    let started = now();
    let index = SearchIndex::new(&handbook);
    println!(
        "SearchIndex::new, all cores: {:.0} ms (wall), {:.1} MB on the heap",
        ms(started.elapsed()),
        index.heap_bytes() as f64 / 1e6
    );

    for threads in [1, 0] {
        super::index::FORCE_THREADS.store(threads, std::sync::atomic::Ordering::Relaxed);
        println!(
            "--- {} ---",
            if threads == 1 {
                "one thread, thread CPU time"
            } else {
                "threads as in release (all cores from 16k cards), wall time"
            }
        );
        keystrokes(&index);
    }
    super::index::FORCE_THREADS.store(0, std::sync::atomic::Ordering::Relaxed);

    let started = Instant::now();
    let hits = search_handbook(&handbook, &Query::parse("zzz").unwrap());
    println!(
        "search_handbook (no index) 'zzz': {} hits in {:.0} ms",
        hits.len(),
        ms(started.elapsed())
    );
    let started = Instant::now();
    let people = crate::people::people(&handbook);
    println!(
        "people: {} people in {:.0} ms",
        people.len(),
        ms(started.elapsed())
    );
}

/// Types each query a key at a time, narrowing when the query refines.
fn keystrokes(index: &SearchIndex) {
    let mut all = Vec::new();
    for typed in [
        "lauritsen",
        "eier:han",
        "leder:tor",
        "mork",
        "/lau.*sen/",
        "zzz",
        "produksjon",
    ] {
        let mut times = Vec::new();
        let mut fresh = Vec::new();
        let mut previous: Option<(Query, Vec<Hit>)> = None;
        let ends: Vec<usize> = typed
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        for end in ends {
            let Ok(query) = Query::parse(&typed[..end]) else {
                continue; // an unterminated regex while typing
            };
            let mut best = Duration::MAX;
            let mut hits = Vec::new();
            for _ in 0..9 {
                let started = now();
                hits = match &previous {
                    Some((old, hits)) if query.refines(old) => {
                        let ids: Vec<CardId> = hits.iter().map(|h| h.card).collect();
                        index.search_within(&query, &ids)
                    }
                    _ => index.search(&query),
                };
                best = best.min(started.elapsed());
            }
            times.push(best);
            let mut best = Duration::MAX;
            let mut again = Vec::new();
            for _ in 0..9 {
                let started = now();
                again = index.search(&query);
                best = best.min(started.elapsed());
            }
            fresh.push(best);
            assert_eq!(again, hits);
            previous = Some((query, hits));
        }
        let hits = previous.map_or(0, |(_, h)| h.len());
        all.extend(times.iter().copied());
        let line: Vec<String> = times.iter().map(|t| format!("{:.2}", ms(*t))).collect();
        let full: Vec<String> = fresh.iter().map(|t| format!("{:.2}", ms(*t))).collect();
        println!(
            "{typed:>12}: {hits:>6} hits; per key (ms): {}",
            line.join(" ")
        );
        println!("{:>12}  full search each key (ms): {}", "", full.join(" "));
    }
    all.sort();
    println!(
        "all keystrokes: median {:.2} ms, worst {:.2} ms ({} keys)",
        ms(all[all.len() / 2]),
        ms(all[all.len() - 1]),
        all.len()
    );
}

#[test]
#[ignore = "timing: run in release with --ignored --nocapture"]
fn bench_parts() {
    super::index::FORCE_THREADS.store(1, std::sync::atomic::Ordering::Relaxed);
    let handbook = synthetic(10_000, 10);
    let index = SearchIndex::new(&handbook);
    for q in [
        "eier:h", "eier:ha", "eier:han", "l", "la", "lau", "zzz", "e", "ei", "eie", "p", "pr",
    ] {
        let query = Query::parse(q).unwrap();
        let mut best = Duration::MAX;
        let mut n = 0;
        for _ in 0..9 {
            let started = now();
            n = index.search(&query).len();
            best = best.min(started.elapsed());
        }
        println!(
            "{q:>10}: {n:>6} hits, full search best of 9: {:.2} ms",
            ms(best)
        );
    }
    let owners: Vec<String> = handbook
        .cards()
        .map(|(_, c)| super::fold(&c.text(crate::model::Field::Owner)))
        .collect();
    for needle in ["h", "ha", "han"] {
        let finder = memchr::memmem::Finder::new(needle);
        let mut best = Duration::MAX;
        let mut n = 0;
        for _ in 0..9 {
            let started = Instant::now();
            n = owners
                .iter()
                .filter(|o| finder.find(o.as_bytes()).is_some())
                .count();
            best = best.min(started.elapsed());
        }
        let mut best_std = Duration::MAX;
        for _ in 0..9 {
            let started = Instant::now();
            n = owners.iter().filter(|o| o.contains(needle)).count();
            best_std = best_std.min(started.elapsed());
        }
        println!(
            "owner {needle:>4}: {n} cards; memmem {:.2} ms, str::contains {:.2} ms",
            ms(best),
            ms(best_std)
        );
    }
}

#[test]
#[ignore = "timing: run in release with --ignored --nocapture"]
fn bench_fold() {
    super::index::FORCE_THREADS.store(1, std::sync::atomic::Ordering::Relaxed);
    let handbook = match std::env::var_os("PROSESSER_BENCH_CORPUS") {
        Some(dir) => crate::load::load_paths(&[std::path::Path::new(&dir)]).unwrap(),
        None => synthetic(10_000, 10),
    };
    let started = now();
    let texts: Vec<String> = handbook
        .cards()
        .flat_map(|(_, c)| crate::model::Field::ALL.map(|f| c.text(f).into_owned()))
        .collect();
    let len: usize = texts.iter().map(String::len).sum();
    println!(
        "copy out {:.1} MB: {:.0} ms",
        len as f64 / 1e6,
        ms(started.elapsed())
    );
    let all = texts.concat();
    for _ in 0..3 {
        let started = now();
        let folded = super::fold(&all);
        println!(
            "fold one {:.1} MB string: {:.0} ms",
            len as f64 / 1e6,
            ms(started.elapsed())
        );
        drop(folded);
        let started = now();
        let mut out = String::with_capacity(len + len / 16);
        for t in &texts {
            super::fold_into(t, &mut out);
        }
        println!("fold_into per field: {:.0} ms", ms(started.elapsed()));
        let started = now();
        drop(SearchIndex::new(&handbook));
        println!("SearchIndex::new: {:.0} ms", ms(started.elapsed()));
    }
}
