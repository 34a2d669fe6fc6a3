//! One way to spread work over the cores, shared by the loader (an item is a
//! file) and the search index (an item is a slice of the cards).
//!
//! Scoped threads started per call, not a pool: a call is either a whole
//! load (milliseconds of work per thread) or one search over a big handbook,
//! where starting a thread costs tens of microseconds against a keystroke's
//! millisecond.

use std::sync::{Mutex, MutexGuard};

/// How many threads this process can run at once (1 when unknown).
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` over `items` on up to `threads` threads, this one among them; the
/// results in the order of `items`. See [`map_owned`].
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    map_owned(items.iter().collect(), threads, f)
}

/// `f` over `items`, each given away to `f`, on up to `threads` threads,
/// this one among them; the results in the order of `items`. Items are
/// handed out one at a time, so one big item (a large file) does not leave
/// the other threads idle. A panic in `f` is raised again here.
///
/// Each result goes straight to its own place in one array, which then
/// becomes the array returned: a load's results are the whole handbook, and
/// gathering them per thread and then in order would hold them one and a
/// half times over.
pub(crate) fn map_owned<T: Send, R: Send>(
    items: Vec<T>,
    threads: usize,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let count = items.len();
    let threads = threads.min(count);
    if threads <= 1 {
        return items.into_iter().map(f).collect();
    }
    let next = Mutex::new(items.into_iter().enumerate());
    let places: Vec<Mutex<Option<R>>> = (0..count).map(|_| Mutex::new(None)).collect();
    let work = || {
        loop {
            let Some((i, item)) = lock(&next).next() else {
                break;
            };
            let result = f(item);
            *lock(&places[i]) = Some(result);
        }
    };
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        work();
        for other in others {
            if let Err(panic) = other.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    // Every item was taken and, no thread having panicked, its result put
    // in its place.
    places
        .into_iter()
        .filter_map(|place| place.into_inner().ok().flatten())
        .collect()
}

/// A lock is held only to take an item or to put a result, never while `f`
/// runs, so a panic in `f` cannot poison it.
fn lock<V>(mutex: &Mutex<V>) -> MutexGuard<'_, V> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::{map, map_owned};

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
    fn owned_items_are_given_away_and_come_back_in_order() {
        let items: Vec<String> = (0..300).map(|n| n.to_string()).collect();
        for threads in [1, 2, 5] {
            let marked = map_owned(items.clone(), threads, |s: String| {
                if s.ends_with('7') {
                    std::thread::yield_now();
                }
                s + "!"
            });
            let want: Vec<String> = items.iter().map(|s| format!("{s}!")).collect();
            assert_eq!(marked, want);
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
