//! The browser's keystrokes and frames at catalogue scale:
//! `cargo bench --bench render -- CORPUS`.
//!
//! The browser (`prosesser::tui`, the library's `tui` feature) driven
//! headless into ratatui's `TestBackend` at 200x60. A keystroke is timed
//! over the whole path a key takes: the key's update (query parse, match,
//! sort, the list's rows, the detail's layout) and the frame drawn after it.
//! Every figure is a median and the worst of many samples.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use prosesser::tui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn stats(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<52} median {:>8.3} ms   worst {:>8.3} ms   (n={})",
        ms(samples[samples.len() / 2]),
        ms(*samples.last().unwrap()),
        samples.len()
    );
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

/// The key's update and the frame after it.
fn keystroke(
    browser: &mut tui::Headless,
    terminal: &mut Terminal<TestBackend>,
    c: KeyCode,
) -> Duration {
    let start = Instant::now();
    browser.press(key(c));
    browser.draw(terminal).unwrap();
    start.elapsed()
}

/// The words typed, as in the catalogue benchmark's index lookups.
const WORDS: [&str; 8] = [
    "lauritsen",
    "eier:han",
    "leder:tor",
    "mork",
    "person:herskedal",
    "produksjon",
    "zzz",
    "/lau?ritsen/",
];

fn main() {
    let corpus = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .expect("usage: cargo bench --bench render -- CORPUS");
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(9);
    let handbook = prosesser::load::load_paths(&[corpus.as_path()]).unwrap();
    println!("cards: {}", handbook.card_count());

    // The first keys, typed the moment the first frame shows: `/` and three
    // letters while the index, checks and people are still being built.
    let mut first_keys = Vec::new();
    let mut first_answers = Vec::new();
    for _ in 0..runs.min(5) {
        let mut browser = tui::Headless::at_start(handbook.clone(), 200, 60);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        browser.draw(&mut terminal).unwrap();
        let start = Instant::now();
        for c in ['/', 'l', 'a', 'u'] {
            first_keys.push(keystroke(&mut browser, &mut terminal, KeyCode::Char(c)));
        }
        // Then as the event loop goes on: slices of work, a frame when they
        // change the screen, until the query's answer is whole.
        while browser.working() {
            if browser.work() {
                browser.draw(&mut terminal).unwrap();
            }
        }
        first_answers.push(start.elapsed());
        // Let this run's background work end before the next run starts.
        while browser.jobs_pending() {
            browser.work();
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    stats(
        "first keys (/lau) during indexing: keystroke+frame",
        first_keys,
    );
    stats(
        "first keys (/lau) during indexing: to the answer",
        first_answers,
    );

    let started = Instant::now();
    let mut browser = tui::Headless::new(handbook, 200, 60);
    println!(
        "browser state with its index, checks and people: {:?}",
        started.elapsed()
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let frames = |browser: &mut tui::Headless, terminal: &mut Terminal<TestBackend>, n: usize| {
        (0..n)
            .map(|_| {
                let start = Instant::now();
                browser.draw(terminal).unwrap();
                start.elapsed()
            })
            .collect::<Vec<_>>()
    };
    stats(
        "one frame, 200x60, first card",
        frames(&mut browser, &mut terminal, 50),
    );
    browser.press(key(KeyCode::End));
    stats(
        "one frame, 200x60, last card",
        frames(&mut browser, &mut terminal, 50),
    );

    // Each word typed a key at a time, `runs` times, from the full list.
    let mut every = Vec::new();
    for word in WORDS {
        let mut samples = Vec::new();
        for _ in 0..runs {
            browser.press(key(KeyCode::Home));
            samples.push(keystroke(&mut browser, &mut terminal, KeyCode::Char('/')));
            for c in word.chars() {
                samples.push(keystroke(&mut browser, &mut terminal, KeyCode::Char(c)));
            }
            // Backspace over the word: each key widens the query again.
            for _ in word.chars() {
                samples.push(keystroke(&mut browser, &mut terminal, KeyCode::Backspace));
            }
            browser.press(key(KeyCode::Esc));
        }
        every.extend(samples.iter().copied());
        stats(
            &format!("keystroke+frame, typing and erasing {word:?}"),
            samples,
        );
    }
    stats("keystroke+frame, every key above", every);
    let mut moves = Vec::new();
    for _ in 0..200 {
        moves.push(keystroke(&mut browser, &mut terminal, KeyCode::Char('j')));
    }
    stats("keystroke+frame, j (next card)", moves);
}
