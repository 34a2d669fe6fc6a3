//! The `prosesser` binary: the command line and the terminal browser on top of
//! the library.

mod cli;
mod labels;
mod tui;
mod words;

fn main() -> std::process::ExitCode {
    cli::main()
}
