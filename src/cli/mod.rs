//! The command line: `list`, `search`, `people`, `check`, and the browser by default.

pub fn main() -> std::process::ExitCode {
    todo!("cli")
}
