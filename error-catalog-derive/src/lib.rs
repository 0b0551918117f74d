//! Procedural macros of [error-catalog](https://docs.rs/error-catalog). Depend on
//! `error-catalog` and use `error_catalog::catalog` instead of this crate.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use proc_macro::TokenStream;

/// Generates an error enum from a TOML catalog; see the `error-catalog` crate's docs.
///
/// ```ignore
/// #[error_catalog::catalog(path = "catalog/backup-restore.toml")]
/// #[derive(Debug, Clone, PartialEq)]
/// pub enum BackupError {}
/// ```
#[proc_macro_attribute]
pub fn catalog(attr: TokenStream, item: TokenStream) -> TokenStream {
    // The file that holds the attribute: a catalog not found beside `Cargo.toml` is looked
    // for beside it, as `include_str!` does.
    let file = proc_macro::Span::call_site().local_file();
    error_catalog_codegen::expand_attribute(attr.into(), item.into(), file.as_deref()).into()
}

/// Implements `CatalogError` and its companions for a hand-written enum whose variants are
/// entries of a TOML catalog, checked at compile time; see the `error-catalog` crate's docs.
///
/// ```ignore
/// #[derive(Debug, error_catalog::CatalogError)]
/// #[catalog(path = "catalog/backup-restore.toml")]
/// pub enum StorageError {
///     StorageNotFound { storage_id: String },
///     #[catalog(code = "128")]
///     NameTaken { storage_name: String },
/// }
/// ```
#[proc_macro_derive(CatalogError, attributes(catalog))]
pub fn derive_catalog_error(input: TokenStream) -> TokenStream {
    // As for the attribute: a catalog not found beside `Cargo.toml` is looked for beside the
    // file that holds the derive.
    let file = proc_macro::Span::call_site().local_file();
    error_catalog_codegen::expand_derive(input.into(), file.as_deref()).into()
}

/// Implements `CatalogEnum`, `Display` and `FromStr` for a hand-written fieldless enum whose
/// variants are the values of a `[types.X]` catalog enum, checked at compile time; see the
/// `error-catalog` crate's docs.
///
/// ```ignore
/// #[derive(Debug, Clone, Copy, error_catalog::CatalogEnum)]
/// #[catalog(path = "catalog/backup-restore.toml")]
/// pub enum Job {
///     Export,
///     Import,
/// }
/// ```
#[proc_macro_derive(CatalogEnum, attributes(catalog))]
pub fn derive_catalog_enum(input: TokenStream) -> TokenStream {
    // As for the other derive: a catalog not found beside `Cargo.toml` is looked for beside
    // the file that holds the derive.
    let file = proc_macro::Span::call_site().local_file();
    error_catalog_codegen::expand_enum_derive(input.into(), file.as_deref()).into()
}
