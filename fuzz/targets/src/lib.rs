//! The bodies of error-catalog's fuzz targets, one module each, as library functions that
//! take the fuzzer's bytes: the cargo-fuzz package (`fuzz/`) calls them from thin libFuzzer
//! binaries, and `tests/replay.rs` calls them on every committed corpus file and crash
//! input under `cargo test`, without libFuzzer.
//!
//! Each `run` panics when a property is broken, which is what libFuzzer reports as a crash.
//!
//! | target | input | property |
//! |---|---|---|
//! | [`catalog`] | catalog text | diagnostics that render, or an expansion that is a Rust file |
//! | [`response`] | catalog, status, headers, body | `from_http` never panics; a typed value serializes and reads back equal |
//! | [`template`] | a message, or a template with values | `split` finds exactly the reading a brute-force search finds |
//! | [`docs`] | catalog text | every `docs` format and `explain` of a valid catalog, valid JSON where JSON |
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

pub mod catalog;
pub mod catalogs;
pub mod docs;
pub mod response;
pub mod seeds;
pub mod template;

/// A target's body: it panics when the input breaks a property.
pub type Target = fn(&[u8]);

/// The fuzz targets, by the name of their binary and corpus directory.
pub const TARGETS: &[(&str, Target)] = &[
    ("catalog", catalog::run),
    ("response", response::run),
    ("template", template::run),
    ("docs", docs::run),
];

/// The cargo-fuzz package's directory, `fuzz/`, which holds `corpus/<target>/` and
/// `artifacts/<target>/`.
pub fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate is in fuzz/targets")
        .to_owned()
}
