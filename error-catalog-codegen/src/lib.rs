//! The engine of [error-catalog](https://docs.rs/error-catalog): it reads a TOML catalog of
//! HTTP API errors, checks it against every rule of the format, and generates the error enum.
//! The `catalog` attribute (in `error-catalog-derive`) is one call to [`expand_attribute`],
//! `#[derive(CatalogError)]` one call to [`expand_derive`]; both build one plan of the enum
//! and generate its impls from it. `#[derive(CatalogEnum)]` is one call to
//! [`expand_enum_derive`], which generates a catalog enum's impls as the attribute does.
//! [`check`] and [`check_enum`] validate a catalog file without generating anything.
//!
//! # Steps
//!
//! 1. **Source**: [`Source::read`] reads the file, resolving a relative path against a base
//!    directory, and indexes its lines for diagnostics ([`source`]).
//! 2. **Decode**: the TOML tables become a [`Catalog`] ([`model`]): each message template
//!    resolved into [`model::Part`]s whose placeholders name their field, each field type into
//!    a [`model::FieldType`] and the `syn::Type` generated code writes, each missing example
//!    derived from its type. The TOML shape (unknown, missing and mistyped keys) is checked on
//!    the way.
//! 3. **Check**: every other rule, each a named function in one module. [`load`] runs steps 2
//!    and 3 ([`load_enum`] also checks the name of the error enum) and returns a [`Checked`]
//!    catalog, or every [`Diagnostic`] in file order.
//! 4. **Expand**: [`expand::expand`] turns a [`Checked`] catalog and the enum it fills into
//!    tokens ([`expand`]).
//!
//! [`diag`] has the one diagnostic type, [`Diagnostic`], rendered like rustc's errors, and
//! [`Report`], the diagnostics of one file; [`names`] has identifiers, case conversions and
//! "did you mean" suggestions. `diff`, with the `diff` feature, compares two versions of a
//! catalog, and classes each change as breaking or compatible for the clients already
//! deployed.
//!
//! With the `build-script` feature, `generate` and `Builder` run the same expansion from a
//! build script and write it, formatted, to a file in `OUT_DIR` that the crate `include!`s.
//! Build scripts depend on the `error-catalog-build` crate, which re-exports them.
//!
//! # Examples
//!
//! Validate a catalog file, as data:
//!
//! ```
//! let report = error_catalog_codegen::check("../catalog/backup-restore.toml");
//! assert!(report.is_empty(), "{report}");
//!
//! // The catalog has `[types.Job]`, so it cannot fill an error enum named `Job`.
//! let report = error_catalog_codegen::check_enum("../catalog/backup-restore.toml", "Job");
//! assert_eq!(report[0].rule, error_catalog_codegen::Rule::InvalidTypeName);
//! ```
//!
//! Load a catalog and generate the code of its enum:
//!
//! ```
//! use error_catalog_codegen::expand::{Options, expand};
//! use error_catalog_codegen::{Report, Source, load_enum};
//!
//! let source = Source::new(
//!     "catalog/api.toml",
//!     "/api/catalog/api.toml",
//!     "[catalog]\ntitle = \"Storage API\"\n\n[status.404]\n\n\
//!      [errors.StorageNotFound]\ncode = \"129\"\nstatus = 404\nmessage = \"No storage {id}\"\n",
//! );
//! let checked = match load_enum(&source, "ApiError") {
//!     Ok(checked) => checked,
//!     Err(diagnostics) => panic!("{}", Report::new(source, diagnostics)),
//! };
//! assert_eq!(checked.entries[0].fields[0].name.value, "id");
//!
//! let item: syn::DeriveInput = syn::parse_quote!(pub enum ApiError {});
//! let options = Options {
//!     krate: syn::parse_quote!(::error_catalog),
//!     tracked_path: None,
//!     display_path: "catalog/api.toml".to_owned(),
//! };
//! let tokens = expand(&checked, &item, &options).to_string();
//! assert!(tokens.contains("StorageNotFound"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod check;
mod decode;
mod derive_input;
pub mod diag;
#[cfg(feature = "diff")]
pub mod diff;
mod enum_derive;
mod examples;
pub mod expand;
#[cfg(feature = "build-script")]
mod generate;
mod locale;
mod macro_input;
pub mod markdown;
pub mod model;
pub mod names;
pub mod source;
mod toml_shape;
mod types;
#[cfg(feature = "typescript")]
pub mod typescript;
pub mod wire;

use std::path::Path;

pub use derive_input::expand_derive;
pub use diag::{Diagnostic, Location, Related, Report, Rule};
pub use enum_derive::expand_enum_derive;
#[cfg(feature = "build-script")]
pub use generate::{Builder, GenerateError, generate};
pub use macro_input::expand_attribute;
pub use model::Catalog;
pub use source::Source;

/// Characters a code may contain besides ASCII letters and digits.
pub use check::CODE_PUNCTUATION;
pub use check::Checked;

/// The message of a caught panic (the payload of `std::panic::catch_unwind`): its text when
/// it was raised with one, as `panic!` does. The macros and [`Builder::generate`] report a
/// panic of the expansion, a bug of error-catalog, with it.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(a panic without a message)")
}

/// Parses and validates a catalog. Returns the [`Checked`] catalog when no rule is broken,
/// and every diagnostic, in file order, otherwise.
///
/// The rule that needs the error enum's name is not run; [`load_enum`] runs it too.
pub fn load(source: &Source) -> Result<Checked, Vec<Diagnostic>> {
    check::load(source, None)
}

/// [`load`] for the catalog of the error enum named `error_enum`: also reports a catalog enum
/// with the same name, as the `catalog` attribute does.
pub fn load_enum(source: &Source, error_enum: &str) -> Result<Checked, Vec<Diagnostic>> {
    check::load(source, Some(error_enum))
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
        Ok(source) => match check::load(&source, error_enum) {
            Ok(_) => Report::new(source, Vec::new()),
            Err(diagnostics) => Report::new(source, diagnostics),
        },
        Err(diagnostic) => Report::new(Source::new(name, path, ""), vec![*diagnostic]),
    }
}
