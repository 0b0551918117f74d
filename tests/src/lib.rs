//! Integration tests of error-catalog live in `tests/`; this library compiles the Rust
//! examples of the README and of `docs/catalog-format.md` as doctests, so that they stay
//! true (`build.rs` says how their catalog paths are resolved).
#![doc = include_str!(concat!(env!("OUT_DIR"), "/README.md"))]

/// The Rust examples of `docs/catalog-format.md`, compiled against its example catalog.
#[doc = include_str!(concat!(env!("OUT_DIR"), "/catalog-format.md"))]
pub mod catalog_format {}

/// A catalog whose docs hold code blocks of every kind (`tests/catalogs/code-blocks.toml`):
/// the generated rustdoc must not make doctests of them, except the one that says `rust`.
pub mod code_blocks {
    /// The errors of `tests/catalogs/code-blocks.toml`.
    #[::error_catalog::catalog(path = "catalogs/code-blocks.toml")]
    #[derive(Debug)]
    pub enum CodeBlockError {}
}

/// A catalog whose text tries to inject links to scripts, raw HTML, headings and table rows
/// (`tests/catalogs/injection.toml`): its rustdoc must build warning-free and run no doctest.
pub mod injection {
    /// The errors of `tests/catalogs/injection.toml`.
    #[::error_catalog::catalog(path = "catalogs/injection.toml")]
    #[derive(Debug)]
    pub enum InjectionError {}
}
