//! The real `prosesser` binary in a tmux window: keys in with `send-keys`,
//! the screen out with `capture-pane`, polled until the expected text shows
//! (no fixed sleeps). Each window has its own tmux server (`-L`), so tests run
//! in parallel. When tmux is missing a test says so loudly and passes, except
//! under CI (`CI` set), where `.ci/run` installs it and its absence fails.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_prosesser");

/// Whether tmux can run; says loudly that `test` is skipped when it cannot.
pub fn available(test: &str) -> bool {
    if Command::new("tmux").arg("-V").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "tmux is not installed; .ci/run installs it"
    );
    eprintln!("\n!!! SKIPPED {test}: tmux is not installed; the end-to-end test did not run !!!\n");
    false
}

/// `'text'` for `sh`.
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// `K=V … prosesser ARGS` as a shell command.
pub fn command(env: &[(&str, &str)], args: &[&str]) -> String {
    let mut command = String::new();
    for (k, v) in env {
        command.push_str(&format!("{k}={} ", quote(v)));
    }
    command.push_str(&quote(BIN));
    for a in args {
        command.push(' ');
        command.push_str(&quote(a));
    }
    command
}

pub struct Tmux {
    socket: String,
    config: Option<PathBuf>,
    pub timeout: Duration,
}

impl Tmux {
    /// A detached `width`x`height` window running the shell command `script`,
    /// on a server of its own named after `name`, with the tmux config file
    /// `config` (none: `/dev/null`).
    pub fn session(
        name: &str,
        width: u16,
        height: u16,
        script: &str,
        config: Option<PathBuf>,
    ) -> Tmux {
        let tmux = Tmux {
            socket: format!("prosesser-{name}-{}", std::process::id()),
            config,
            timeout: Duration::from_secs(15),
        };
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-s",
            "main",
            "sh",
            "-c",
            script,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let config = self
            .config
            .clone()
            .unwrap_or_else(|| PathBuf::from("/dev/null"));
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("-f")
            .arg(config)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    /// Send tmux key names (`j`, `Enter`, `C-c`, `NPage`) in one call.
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend(keys);
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "send-keys {keys:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// One key; after Esc a pause, so the next key is not read as Alt+key.
    pub fn key(&self, key: &str) {
        self.keys(&[key]);
        if key == "Escape" {
            std::thread::sleep(Duration::from_millis(80));
        }
    }

    /// Type text literally.
    pub fn typed(&self, text: &str) {
        let out = self.run(&["send-keys", "-t", "main", "-l", text]);
        assert!(out.status.success());
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// A tmux format about the pane (`#{alternate_on}`, `#{pane_title}`).
    pub fn format(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "main", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    pub fn resize(&self, width: u16, height: u16) {
        let out = self.run(&[
            "resize-window",
            "-t",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        assert!(
            out.status.success(),
            "resize: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Poll the screen until `check` holds; panic with the last screen after the timeout.
    pub fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < self.timeout,
                "timed out waiting for {what}; the screen was:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// After the browser has gone: the normal screen is back and mouse
    /// reporting is off.
    pub fn assert_screen_restored(&self) {
        assert_eq!(
            self.format("#{alternate_on}"),
            "0",
            "the alternate screen was left"
        );
        assert_eq!(
            self.format("#{mouse_any_flag}"),
            "0",
            "mouse reporting is off"
        );
    }

    /// The pid of the process the pane's shell started: the browser.
    pub fn browser_pid(&self) -> u32 {
        let shell = self.format("#{pane_pid}");
        let start = Instant::now();
        loop {
            let child = std::fs::read_dir("/proc").ok().and_then(|dir| {
                dir.flatten().find_map(|entry| {
                    let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
                    let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
                    // `pid (comm) state ppid ...`; comm may hold spaces, so read after the last `)`.
                    let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?;
                    (ppid == shell).then_some(pid)
                })
            });
            if let Some(pid) = child {
                return pid;
            }
            assert!(
                start.elapsed() < self.timeout,
                "no browser under the shell {shell}"
            );
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }

    /// Poll until `path` exists (something the program under test writes,
    /// such as a fake editor's record); its text, or a panic with the screen
    /// after the timeout.
    /// Waits for a file a fake editor writes, whole: a shell's `>` creates
    /// the file before it writes it, so existing is not enough; every line
    /// written ends in a newline, so the last byte says it is complete.
    pub fn wait_for_file(&self, path: &std::path::Path) -> String {
        let written = || {
            std::fs::read_to_string(path)
                .ok()
                .filter(|text| text.ends_with('\n'))
        };
        self.wait_until(&format!("{} to be written", path.display()), |_| {
            written().is_some()
        });
        written().unwrap_or_default()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
