//! Procedural macros of [error-catalog](https://docs.rs/error-catalog). Depend on
//! `error-catalog` and use `error_catalog::catalog` instead of this crate.
//!
//! Each macro is one call to `error-catalog-codegen`, made under [`std::panic::catch_unwind`]:
//! a panic there is a bug of error-catalog, and becomes a `compile_error!` at the attribute
//! or the derive that gives the panic's message and asks for a bug report, instead of the
//! compiler's "proc macro panicked". The panic hook is left alone: during an expansion the
//! `proc_macro` bridge already keeps the hook from printing, so the user sees the one error.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro::TokenStream;

/// Runs `expand`, the expansion of the macro `what`, and turns a panic into a
/// `compile_error!` at the call site that asks for a bug report, followed by `keep` (the item
/// under an attribute, so that the errors that follow are not about a missing enum).
fn guarded(what: &str, keep: TokenStream, expand: impl FnOnce() -> TokenStream) -> TokenStream {
    let payload = match catch_unwind(AssertUnwindSafe(expand)) {
        Ok(tokens) => return tokens,
        Err(payload) => payload,
    };
    let message = error_catalog_codegen::panic_message(&*payload);
    let text = format!(
        "internal error of error-catalog: {what} panicked: {message}\n\
         This is a bug in error-catalog {version}, not in your code or catalog: please report \
         it at {repository}/issues, with this message and the catalog.",
        version = env!("CARGO_PKG_VERSION"),
        repository = env!("CARGO_PKG_REPOSITORY"),
    );
    let literal = proc_macro::Literal::string(&text);
    // Tokens parsed from a string have the call site's span: the attribute, or the derive.
    let mut tokens: TokenStream = format!("::core::compile_error! {{ {literal} }}")
        .parse()
        .unwrap_or_default();
    tokens.extend(keep);
    tokens
}

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
    guarded("the `catalog` attribute", item.clone(), || {
        error_catalog_codegen::expand_attribute(attr.into(), item.into(), file.as_deref()).into()
    })
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
    guarded("`#[derive(CatalogError)]`", TokenStream::new(), || {
        error_catalog_codegen::expand_derive(input.into(), file.as_deref()).into()
    })
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
    guarded("`#[derive(CatalogEnum)]`", TokenStream::new(), || {
        error_catalog_codegen::expand_enum_derive(input.into(), file.as_deref()).into()
    })
}
