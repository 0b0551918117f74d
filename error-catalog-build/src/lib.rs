//! Build-script generation for [error-catalog](https://docs.rs/error-catalog): the typed error
//! enum of a TOML catalog of API errors, written by `build.rs` to a formatted Rust file in
//! `OUT_DIR`, which the crate includes. The shape of `prost-build` and `tonic-build`.
//!
//! Choose it over the `catalog` attribute to read and review the generated enum as ordinary
//! Rust, or to keep procedural macros out of the build: with the runtime's default features
//! off, the crate that includes the enum compiles no procedural macro, no `syn` and no
//! catalog loader; only its build script links the code generator.
//!
//! ```toml
//! [dependencies]
//! error-catalog = { version = "0.1", default-features = false } # no `macros`
//!
//! [build-dependencies]
//! error-catalog-build = "0.1"
//! ```
//!
//! ```no_run
//! // build.rs, in `fn main`. The path is relative to Cargo.toml. A broken catalog prints
//! // each diagnostic as a cargo error (`file:line:col: message [rule]`) and fails the build.
//! error_catalog_build::Builder::new("catalog/backup-restore.toml", "BackupError")
//!     .derives(["Clone", "PartialEq", "Eq"]) // besides `Debug`
//!     .visibility("pub(crate)") // `pub` by default
//!     .generate()
//!     .unwrap();
//! ```
//!
//! ```ignore
//! // src/lib.rs: the file is named after the enum, in snake_case.
//! include!(concat!(env!("OUT_DIR"), "/backup_error.rs"));
//! ```
//!
//! The generated code is the expansion of the `catalog` attribute for the same catalog and
//! options, byte for byte: the same enum, `Display`, `Serialize`, `code()`, `status()`,
//! `from_response`, metadata and rustdoc, with the features the runtime is built with. The
//! build script reruns when the catalog changes.
//!
//! [`generate`] is the short form, for a `pub` enum that derives `Debug`; [`Builder`] also
//! takes `crate_path(..)` for a runtime re-exported under another path, `entries([..])` for
//! an enum of some of the catalog's entries, and `out_dir(..)`.
#![forbid(unsafe_code)]

#[doc(inline)]
pub use error_catalog_codegen::{Builder, GenerateError, generate};
