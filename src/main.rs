//! The `prosesser` binary: the command line on top of the library and its
//! terminal browser (`prosesser::tui`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
