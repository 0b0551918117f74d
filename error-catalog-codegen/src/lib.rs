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
pub use check::Checked;

/// Parses and validates a catalog, for an error enum named `error_enum` when there is one
/// (a catalog enum cannot take its name). Returns the [`Checked`] catalog when no rule is
/// broken, and every diagnostic, in file order, otherwise.
pub fn load(source: &Source, error_enum: Option<&str>) -> Result<Checked, Vec<Diagnostic>> {
    check::load(source, error_enum)
}

/// Reads and validates the catalog file at `path` (relative to the current directory),
/// returning every diagnostic as data. An empty report means the catalog is valid.
///
/// The rule that needs the error enum's name is not run; [`check_enum`] runs it too.
pub fn check(path: impl AsRef<Path>) -> Report {
    check_file(path.as_ref(), None)
}

/// [`check`] for the catalog of the error enum named `error_enum`: also reports a catalog enum
/// with the same name, as the `catalog` attribute does.
pub fn check_enum(path: impl AsRef<Path>, error_enum: &str) -> Report {
    check_file(path.as_ref(), Some(error_enum))
}

fn check_file(path: &Path, error_enum: Option<&str>) -> Report {
    let name = path.display().to_string();
    let base = std::env::current_dir().unwrap_or_default();
    match Source::read(&base, &name, "the current directory") {
        Ok(source) => match load(&source, error_enum) {
            Ok(_) => Report::new(source, Vec::new()),
            Err(diagnostics) => Report::new(source, diagnostics),
        },
        Err(diagnostic) => Report::new(Source::new(name, path, ""), vec![*diagnostic]),
    }
}
