//! The engine of [error-catalog](https://docs.rs/error-catalog): the catalog model, the TOML
//! loader with source spans, validation, and code generation.
//!
//! The `catalog` attribute macro, a build script and the command-line tool all go through
//! this crate, in three steps:
//!
//! 1. [`Source::read`] reads the file (relative paths resolve against a crate directory);
//! 2. [`load`] parses the TOML into a [`Catalog`] and runs every rule, collecting all
//!    [`Diagnostic`]s in file order;
//! 3. [`expand::expand`] turns a valid catalog into tokens.
//!
//! [`check`] validates a catalog file without generating anything:
//!
//! ```
//! let report = error_catalog_codegen::check("../catalog/backup-restore.toml");
//! assert!(report.is_empty(), "{report}");
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod check;
mod decode;
pub mod diag;
mod examples;
pub mod expand;
mod macro_input;
pub mod model;
pub mod names;
pub mod source;
mod toml_shape;
mod types;

use std::path::Path;

pub use diag::{Diagnostic, Location, Related, Report, Rule};
pub use macro_input::expand_attribute;
pub use model::Catalog;
pub use source::Source;

/// Characters a code may contain besides ASCII letters and digits.
pub use check::CODE_PUNCTUATION;

/// Parses and validates a catalog. Returns the catalog when no rule is broken, and every
/// diagnostic, in file order, otherwise.
pub fn load(source: &Source) -> Result<Catalog, Vec<Diagnostic>> {
    let mut cx = diag::Ctxt::new();
    let catalog = decode::catalog(source, &mut cx);
    if let Some(catalog) = &catalog {
        check::check(catalog, &mut cx);
    }
    let mut diagnostics = cx.check();
    diagnostics.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    for diagnostic in &mut diagnostics {
        diagnostic.locate(source);
    }
    match catalog {
        Some(catalog) if diagnostics.is_empty() => Ok(catalog),
        _ => Err(diagnostics),
    }
}

/// Reads and validates the catalog file at `path` (relative to the current directory),
/// returning every diagnostic as data. An empty report means the catalog is valid.
pub fn check(path: impl AsRef<Path>) -> Report {
    let path = path.as_ref();
    let name = path.display().to_string();
    let base = std::env::current_dir().unwrap_or_default();
    match Source::read(&base, &name, "the current directory") {
        Ok(source) => match load(&source) {
            Ok(_) => Report::new(source, Vec::new()),
            Err(diagnostics) => Report::new(source, diagnostics),
        },
        Err(diagnostic) => Report::new(Source::new(name, path, ""), vec![*diagnostic]),
    }
}
