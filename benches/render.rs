//! The browser's drawing at catalogue scale: `cargo bench --bench render -- CORPUS`.
//!
//! The browser (`prosesser::tui`, the library's `tui` feature) driven
//! headless: one frame into ratatui's `TestBackend` at 200x60, then frames
//! after the keys a user types. Prints median, min and max per case.

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
        "{name:<46} median {:>8.3} ms   min {:>8.3} ms   max {:>8.3} ms   (n={})",
        ms(samples[samples.len() / 2]),
        ms(samples[0]),
        ms(*samples.last().unwrap()),
        samples.len()
    );
}

fn key(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn main() {
    let corpus = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .expect("usage: cargo bench --bench render -- CORPUS");
    let handbook = prosesser::load::load_paths(&[corpus.as_path()]).unwrap();
    println!("cards: {}", handbook.card_count());
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

    // A keystroke as the user sees it: the key's update, then the frame.
    let mut typed = Vec::new();
    for _ in 0..5 {
        browser.press(key(KeyCode::Home));
        browser.press(key(KeyCode::Char('/')));
        for c in "lauritsen".chars() {
            let start = Instant::now();
            browser.press(key(KeyCode::Char(c)));
            browser.draw(&mut terminal).unwrap();
            typed.push(start.elapsed());
        }
        browser.press(key(KeyCode::Esc));
    }
    stats("keystroke + frame, typing \"lauritsen\"", typed);
    let mut moves = Vec::new();
    for _ in 0..100 {
        let start = Instant::now();
        browser.press(key(KeyCode::Char('j')));
        browser.draw(&mut terminal).unwrap();
        moves.push(start.elapsed());
    }
    stats("keystroke + frame, j", moves);
}
