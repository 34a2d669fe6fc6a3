//! One way to spread work over the cores, shared by the loader (an item is a
//! file) and the search index (an item is a slice of the cards).
//!
//! Scoped threads started per call, not a pool: a call is either a whole
//! load (milliseconds of work per thread) or one search over a big handbook,
//! where starting a thread costs tens of microseconds against a keystroke's
//! millisecond.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads this process can run at once (1 when unknown).
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` over `items` on up to `threads` threads, this one among them; the
/// results in the order of `items`. Items are handed out one at a time, so
/// one big item (a large file) does not leave the other threads idle. A
/// panic in `f` is raised again here.
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut results = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for other in others {
            match other.join() {
                Ok(more) => all.extend(more),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn results_keep_the_order_of_the_items_whatever_thread_ran_them() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [0, 1, 2, 3, 8, 2000] {
            // Uneven work, so threads finish out of order.
            let squares = map(&items, threads, |&n| {
                if n % 7 == 0 {
                    std::thread::yield_now();
                }
                n * n
            });
            assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn no_items_give_no_results() {
        assert!(map(&[] as &[u8], 4, |&b| b).is_empty());
    }

    #[test]
    fn every_item_runs_once() {
        let seen = std::sync::Mutex::new(Vec::new());
        map(&(0..500).collect::<Vec<_>>(), 4, |&i| {
            seen.lock().unwrap().push(i)
        });
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        assert_eq!(seen, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn a_panic_on_another_thread_reaches_the_caller() {
        let items: Vec<u32> = (0..64).collect();
        let caught = std::panic::catch_unwind(|| {
            map(&items, 4, |&i| {
                if i == 63 {
                    panic!("item 63");
                }
                i
            })
        });
        assert!(caught.is_err());
    }
}
