//! Rendering a long output on every core, writing it in order as it goes.
//!
//! A catalogue's JSON is a few hundred megabytes; serializing it is most of a
//! `list --format json`. Items (documents, rows) are rendered in blocks by
//! one worker per core, and the blocks are written in order the moment their
//! turn comes. Worker `w` renders blocks `w`, `w + workers`, ... into its own
//! bounded channel, so the writer takes block `b` from worker `b % workers`:
//! no reordering, and at most [`DEPTH`] blocks per worker wait in memory,
//! however long the output.

use std::io::{self, Write};
use std::sync::mpsc;

/// Items rendered together, so a channel message carries a few kilobytes.
const BLOCK: usize = 16;
/// Blocks a worker may render ahead of the writer.
const DEPTH: usize = 4;
/// Below this many items one thread is quicker than starting workers.
const SMALL: usize = 4 * BLOCK;

/// Renders each item (given its index) with `render` and writes the results
/// to `out` in item order. `render` appends to the buffer it is given.
pub fn write_in_order<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    render: impl Fn(usize, &T, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(items.len().div_ceil(BLOCK));
    if workers <= 1 || items.len() < SMALL {
        let mut buffer = Vec::new();
        for (i, item) in items.iter().enumerate() {
            buffer.clear();
            render(i, item, &mut buffer)?;
            out.write_all(&buffer)?;
        }
        return Ok(());
    }
    let blocks = items.len().div_ceil(BLOCK);
    let render = &render;
    std::thread::scope(|scope| {
        let channels: Vec<mpsc::Receiver<io::Result<Vec<u8>>>> = (0..workers)
            .map(|worker| {
                let (sender, receiver) = mpsc::sync_channel(DEPTH);
                scope.spawn(move || {
                    for block in (worker..blocks).step_by(workers) {
                        let first = block * BLOCK;
                        let mut buffer = Vec::new();
                        let rendered = items[first..]
                            .iter()
                            .take(BLOCK)
                            .enumerate()
                            .try_for_each(|(i, item)| render(first + i, item, &mut buffer))
                            .map(|()| buffer);
                        // The writer has stopped (a closed pipe): so do we.
                        if sender.send(rendered).is_err() {
                            return;
                        }
                    }
                });
                receiver
            })
            .collect();
        for block in 0..blocks {
            let rendered = channels[block % workers]
                .recv()
                .map_err(|_| io::Error::other("an output worker stopped"))??;
            out.write_all(&rendered)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_items_are_written_in_order() {
        let items: Vec<usize> = (0..10_000).collect();
        let mut out = Vec::new();
        write_in_order(&mut out, &items, |i, item, buffer| {
            assert_eq!(i, *item);
            writeln!(buffer, "{item}")
        })
        .unwrap();
        let expected: String = items.iter().map(|i| format!("{i}\n")).collect();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn a_failing_writer_stops_the_workers_and_says_why() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let items: Vec<usize> = (0..10_000).collect();
        let error = write_in_order(&mut Closed, &items, |_, item, buffer| {
            writeln!(buffer, "{item}")
        })
        .unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
    }
}
