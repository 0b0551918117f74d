//! Integration tests of error-catalog live in `tests/`; this library compiles the Rust
//! examples of the README and of `docs/catalog-format.md` as doctests, so that they stay
//! true (`build.rs` says how their catalog paths are resolved).
#![doc = include_str!(concat!(env!("OUT_DIR"), "/README.md"))]

/// The Rust examples of `docs/catalog-format.md`, compiled against its example catalog.
#[doc = include_str!(concat!(env!("OUT_DIR"), "/catalog-format.md"))]
pub mod catalog_format {}
