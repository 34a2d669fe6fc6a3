//! Messages for people on stderr.
//!
//! Every one goes through [`prosesser::text::sanitize`], as the rest of the
//! output does: a message may quote a file name or an argument, and either can
//! hold an escape sequence. Writing never panics (unlike `eprintln!`): a closed
//! or full stderr loses the message, never the exit code.

use std::io::Write as _;

/// One message on stderr, made safe for the terminal.
pub fn say(message: &str) {
    let safe = prosesser::text::sanitize(message);
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", safe.trim_end_matches('\n'));
    let _ = err.flush();
}

/// What clap has to say (help, version or a usage error) in the reader's
/// language, made safe like the rest: a usage error quotes the argument it
/// could not take, and that is often a file name the shell expanded. Help and
/// version go to stdout, errors to stderr; the exit code is clap's (0 or 2).
pub fn clap_exit(error: &clap::Error, lang: prosesser::i18n::Lang) -> std::process::ExitCode {
    let text = super::usage_error::render(error, lang);
    if error.use_stderr() {
        say(&text);
    } else {
        let mut out = std::io::stdout().lock();
        let _ = write!(out, "{}", prosesser::text::sanitize(&text));
        let _ = out.flush();
    }
    std::process::ExitCode::from(error.exit_code().clamp(0, 255) as u8)
}
