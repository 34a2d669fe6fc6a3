//! What the end-to-end tests share: driving the real binary in tmux.
//!
//! Each test crate uses part of it, so what one crate leaves unused is not dead.
#![allow(dead_code)]

pub mod tmux;
