//! The integration tests, in one crate so that they link once.

mod cli;
mod cli_flow;
mod cli_lang;
mod cli_ux;
mod common;
mod history;
mod history_tmux;
mod hostile_cli;
mod hostile_files;
mod hostile_roundtrip;
mod hostile_tmux;
mod hugo_agreement;
mod load;
mod parse_rules;
mod parse_seed;
mod real_sites;
mod safety_output;
mod safety_tmux;
mod tui_flow_tmux;
mod tui_tmux;
mod tui_ux_tmux;
