//! Typed Rust error enums, generated from one TOML catalog of API errors.
//!
//! A catalog lists every error an HTTP API can return: its code, its HTTP status, its
//! message template with named, typed placeholders, and what it means. The
//! [`catalog`](macro@catalog) attribute reads that file at compile time and generates an
//! error enum with one variant per entry, so that a server returns typed errors and a client
//! turns response bodies back into them.
//!
//! ```toml
//! [catalog]
//! title = "Backup and restore API"
//! wire = { code = "errorCode", message = "errorMessage" }
//!
//! [status.409]
//! reason = "Conflict"
//!
//! [errors.ConflictingStorageName]
//! code = "128"
//! status = 409
//! message = "Conflicting Storage name = {storage_name}"
//! ```
//!
//! ```
//! use error_catalog::CatalogError;
//!
//! #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
//! #[derive(Debug, Clone, PartialEq)]
//! pub enum BackupError {}
//!
//! // Server side: a typed error, its message, status and wire body.
//! let error = BackupError::ConflictingStorageName { storage_name: "vault-eu".into() };
//! assert_eq!(error.to_string(), "Conflicting Storage name = vault-eu");
//! assert_eq!(error.status(), http::StatusCode::CONFLICT);
//! let body = serde_json::to_string(&error).unwrap();
//! assert_eq!(body, r#"{"errorCode":"128","errorMessage":"Conflicting Storage name = vault-eu"}"#);
//!
//! // Client side: the same body back into the same variant, fields and all.
//! let parsed = BackupError::from_response(http::StatusCode::CONFLICT, body.as_bytes()).unwrap();
//! assert_eq!(parsed, error);
//! ```
//!
//! # What the attribute generates
//!
//! For `#[error_catalog::catalog(path = "...")] pub enum Name {}`:
//!
//! - one variant per `[errors.*]` entry, in catalog order: a unit variant when the message
//!   has no placeholders, a struct variant with one typed field per placeholder otherwise;
//! - one Rust enum per `[types.*]` catalog enum, beside the error enum, with `Display` and
//!   `FromStr` using the wire spellings;
//! - `Display` (the rendered message; a width, precision, fill or alignment applies to the
//!   message as a whole, as for a `str`), [`std::error::Error`], [`CatalogError`], and
//!   [`serde::Serialize`] to the wire body, `{"<code key>":"...","<message key>":"..."}`;
//! - inherent `catalog()`, `specs()`, `spec()`, `code()`, `status()`, `from_parts()`,
//!   `from_response()`, `from_http()` and `from_http_response()`, so that callers need not
//!   import the trait, and `examples()`, one value
//!   of each variant built from the catalog's examples, for round-trip tests;
//! - rustdoc on the enum and every variant: code, status, template and docs;
//! - with the feature `axum`, `axum::response::IntoResponse`, and with `utoipa`, utoipa's
//!   `IntoResponses` and `ToSchema` (see [Features](#features)).
//!
//! The path is relative to the directory of the crate's `Cargo.toml` (`CARGO_MANIFEST_DIR`);
//! when no file is there, it is relative to the directory of the source file that holds the
//! attribute, as for `include_str!`. The catalog is validated at compile time: a mistake is a
//! compile error that points at the line and column of the TOML file. The attribute's
//! options:
//!
//! | option | meaning |
//! |---|---|
//! | `path = "catalog/api.toml"` | the catalog file (required) |
//! | `crate = "::path::to::error_catalog"` | where this crate is, when it is re-exported under another path |
//!
//! # Deriving on your own enum
//!
//! [`derive@CatalogError`] implements the same for a hand-written enum whose variants name
//! catalog entries, by variant name, `#[catalog(code = "...")]` or
//! `#[catalog(entry = "...")]`. Each variant's fields must be the entry's placeholders with
//! their types, checked at compile time; `exhaustive` also requires every entry. A client
//! can so handle a few errors under its own names; a code of the catalog that no variant
//! holds comes back as [`UnrecognizedKind::UnknownCode`].
//!
//! ```
//! #[derive(Debug, PartialEq, error_catalog::CatalogError)]
//! #[catalog(path = "../catalog/backup-restore.toml")]
//! pub enum StorageError {
//!     StorageNotFound { storage_id: String },
//!     #[catalog(code = "128")]
//!     NameTaken { storage_name: String },
//! }
//!
//! let body = br#"{"errorCode":"128","errorMessage":"Conflicting Storage name = vault"}"#;
//! let error = StorageError::from_response(http::StatusCode::CONFLICT, body).unwrap();
//! assert_eq!(error, StorageError::NameTaken { storage_name: "vault".into() });
//! ```
//!
//! A field typed with a catalog enum holds the enum the attribute generates for the same
//! catalog, or the crate's own with [`derive@CatalogEnum`], which checks that its variants
//! are exactly the catalog's values and implements [`trait@CatalogEnum`], `Display` and
//! `FromStr`. Either way the derive checks at compile time that the field's type implements
//! [`trait@CatalogEnum`] with the catalog's values, in any order.
//!
//! The format document's "Deriving on your own enum" has every rule.
//!
//! # The client side
//!
//! [`CatalogError::from_response`] reads the code and the message where the catalog's
//! [`WireSpec`] puts them, top-level keys or JSON pointers into nested objects (of a key given
//! twice, at any level, the last one counts) and hands the code and message to
//! [`CatalogError::from_parts`], which clients that decoded the body themselves call
//! directly. It finds the entries with the received code (those whose status matches
//! first, then the others, each group in catalog order, except that entries with
//! `overlapping = true` are tried most specific first: most literal characters, ties in
//! catalog order), matches the message against each template and parses every field with its
//! type.
//!
//! A message fits a template when some values of the fields render to exactly that message:
//! a `String` field matches any text, an integer field only the digits its type displays (no
//! `+`, no leading zeros, in range), a `bool` `true` or `false`, a catalog enum one of its
//! values. When several readings fit, the first placeholder gets the shortest text
//! possible, then the second, and so on. Splitting takes time linear in the length of the
//! message. A field of an external type matches any text and must then parse from the text
//! its reading gives it. A field used several times holds the same text in each place: of
//! the readings where it does, the same rule chooses, found by a search bounded to a fixed
//! number of steps per byte of message (`error_catalog_template::split_repeated`). When
//! nothing fits, [`Unrecognized`] keeps the status, the raw code and message, and which of
//! three cases it is.
//!
//! When the catalog's wire shape has a fields object (`fields = "details"`), a body that
//! sends it gives each field its value from there rather than from the message, so that a
//! template whose reading is ambiguous (`"{a} and {b}"`) gets the exact values; the value is
//! accepted only if it renders to exactly the message, and is otherwise a
//! [`UnrecognizedKind::MessageMismatch`]. A body without it, or whose object lacks one of an
//! entry's fields, falls back on the message for that entry.
//!
//! ## Whole HTTP responses
//!
//! [`CatalogError::from_http_response`] takes an [`http::Response`] whose body has been
//! collected, and [`CatalogError::from_http`] its status, headers and body. Besides the body,
//! they read two headers:
//!
//! - the catalog's code header ([`WireSpec::header`], such as `x-ms-error-code`), when the
//!   body has no code: the header's code is read with the body's message, or, when the body
//!   has none (an empty body, a gateway's HTML page), is the entry of that code whose
//!   template has no placeholders. A code in the body wins over the header's.
//! - `Retry-After`, in seconds or as an HTTP-date: an [`Unrecognized`] keeps it
//!   ([`Unrecognized::retry_after`]), beside [`Unrecognized::is_retryable`], which judges by
//!   the status (429, 503, 504). A typed error says [`CatalogError::is_retryable`] from its
//!   entry and [`CatalogError::retry_after`] from its `retry_after` field, which a server
//!   built with this crate sends in the header too. [`retry_after()`] parses the header of
//!   any response.
//!
//! ```
//! use std::time::Duration;
//!
//! #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
//! #[derive(Debug, PartialEq)]
//! pub enum BackupError {}
//!
//! let response = http::Response::builder()
//!     .status(503)
//!     .header("retry-after", "120")
//!     .body("<html>upstream unavailable</html>")
//!     .unwrap();
//! let error = BackupError::from_http_response(&response).unwrap_err();
//! assert!(error.is_retryable());
//! assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
//! ```
//!
//! # Locales
//!
//! A catalog with `default_locale` and `locales` has its messages in several languages
//! (`messages.de = "..."` per entry). [`CatalogError::localized`] gives an error in a locale, a
//! [`Localized`] whose `Display` and `Serialize` use the message in that locale, falling back
//! along the tag (`de-CH`, `de`, the default); `from_response` reads a message in any of the
//! catalog's locales back into the same variant. The format document's "Locales" has the
//! rules.
//!
//! # Internal causes
//!
//! A server that turns an internal failure into an error of the catalog keeps the failure
//! for its logs with [`CatalogError::caused_by`]: a [`Caused`] displays and serializes
//! exactly as the error does, and its [`source`](std::error::Error::source) is the cause. The
//! cause is never sent to the client.
//!
//! # Features
//!
//! - `macros` (on by default): the [`catalog`](macro@catalog) attribute,
//!   [`#[derive(CatalogError)]`](derive@CatalogError) and
//!   [`#[derive(CatalogEnum)]`](derive@CatalogEnum). A crate whose build script generates its
//!   enum with the `error-catalog-build` crate turns it off (`default-features = false`), and
//!   its build then compiles no procedural macro: the generated code needs only the runtime.
//!
//! The three others are off by default, so that a crate with default features depends on no
//! web framework, runtime or OpenAPI library.
//!
//! - `axum`: every generated error enum, and every enum with
//!   [`#[derive(CatalogError)]`](derive@CatalogError), implements
//!   `axum::response::IntoResponse` (axum-core's trait, which axum 0.8 re-exports; neither
//!   hyper nor tokio comes with it). The response has the entry's status,
//!   `content-type: application/json`, the body that `Serialize` writes, the code header when
//!   the catalog declares `wire.header`, and `retry-after: <seconds>` when
//!   [`CatalogError::retry_after`] is `Some`.
//!   `AcceptLanguage` extracts a request's `Accept-Language`, and `Localized::new(error,
//!   &accept)` is a response in the language it prefers, with `Content-Language` and
//!   `Vary: Accept-Language`.
//! - `problem-details`: `Problem<E>`, the error written as an RFC 9457 problem details body
//!   (`type`, `title`, `status`, `detail`, `code`, then the fields as extension members), and
//!   the generated `from_response` reading such a body back into the same variant when the
//!   catalog's own code or message is missing from it. With `axum` as well, `Problem<E>`
//!   implements `IntoResponse` with `content-type: application/problem+json`.
//! - `utoipa`: every generated error enum, and every enum with
//!   [`#[derive(CatalogError)]`](derive@CatalogError), implements utoipa 5's
//!   `IntoResponses`, `PartialSchema` and `ToSchema` (named after the enum): one response
//!   per status of the enum's entries, with the body's schema and one example per entry, as
//!   [`openapi::errors`] describes them. With `problem-details` as well, `Problem<E>` does the
//!   same in `application/problem+json` (its schema named `<E>Problem`; to register it with
//!   `#[openapi(components(schemas(...)))]`, name it through a type alias, as utoipa's derive
//!   takes a generic type only through a hidden trait of its own); `Caused<E>` documents
//!   what `E` does. An enum that implements these traits itself conflicts with them.
//!
//! The OpenAPI descriptions themselves come from [`openapi`], which needs no feature.
//!
//! ```
//! # #[cfg(all(feature = "axum", feature = "problem-details"))]
//! # {
//! #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
//! #[derive(Debug)]
//! pub enum BackupError {}
//!
//! // An axum handler returns the error, or its problem details.
//! fn handler() -> Result<&'static str, error_catalog::Problem<BackupError>> {
//!     Err(error_catalog::Problem(BackupError::ExportAlreadyInProgress))
//! }
//! # let _ = handler;
//! # }
//! ```
//!
//! The format of the catalog file is documented in `docs/catalog-format.md`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Without `macros`, the links to the macros have nothing to point to.
#![cfg_attr(not(feature = "macros"), allow(rustdoc::broken_intra_doc_links))]

#[cfg(feature = "axum")]
mod accept;
#[cfg(feature = "axum")]
mod axum;
mod caused;
mod locale;
pub mod openapi;
#[cfg(feature = "problem-details")]
mod problem;
mod response;
mod retry;
mod spec;
mod table;
#[cfg(feature = "utoipa")]
mod utoipa_impls;
mod wire;

#[cfg(feature = "axum")]
pub use accept::AcceptLanguage;
pub use caused::Caused;
pub use locale::{LocaleRequest, Localized};
#[cfg(feature = "problem-details")]
pub use problem::Problem;

#[cfg(feature = "macros")]
pub use error_catalog_derive::{CatalogEnum, CatalogError, catalog};
pub use response::{BodyError, JsonError, Unrecognized, UnrecognizedKind};
pub use retry::retry_after;
pub use spec::{
    CatalogSpec, CodeType, ConstantSpec, ErrorSpec, FieldSpec, RetiredSpec, StatusSpec,
    Translation, TypeSpec, WireSpec,
};

/// The `http` crate, whose [`http::StatusCode`] the generated code uses.
pub use http;

use http::{HeaderMap, StatusCode};

/// What every generated error enum implements: its catalog's metadata, its code and status,
/// and the way back from a response.
///
/// The trait is dyn-compatible: code that handles the errors of several catalogs can hold a
/// `&dyn CatalogError` and read its code, status, entry and message.
///
/// ```
/// use error_catalog::CatalogError;
///
/// #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
/// #[derive(Debug)]
/// pub enum BackupError {}
///
/// fn log(error: &dyn CatalogError) -> String {
///     format!("{} {} {}", error.status().as_u16(), error.code(), error)
/// }
///
/// let error = BackupError::ConflictingStorageName { storage_name: "vault-eu".into() };
/// assert_eq!(log(&error), "409 128 Conflicting Storage name = vault-eu");
/// ```
pub trait CatalogError: std::error::Error + 'static {
    /// The catalog this enum was generated from.
    fn catalog() -> &'static CatalogSpec
    where
        Self: Sized;

    /// Every entry of the catalog, in catalog order: one per variant.
    fn specs() -> &'static [ErrorSpec]
    where
        Self: Sized,
    {
        Self::catalog().errors
    }

    /// The catalog entry of this value's variant.
    fn spec(&self) -> &'static ErrorSpec;

    /// The error code sent on the wire.
    fn code(&self) -> &'static str {
        self.spec().code
    }

    /// The HTTP status sent with this error.
    fn status(&self) -> StatusCode {
        self.spec().status_code()
    }

    /// Whether a client may retry the request that got this error: the entry's `retryable`
    /// when the catalog says, otherwise whether the status is 429, 503 or 504
    /// ([`ErrorSpec::retryable`]).
    fn is_retryable(&self) -> bool {
        self.spec().retryable
    }

    /// How long a client should wait before it retries: the value of the entry's
    /// `retry_after` field, in seconds, when the catalog names one and the value is not
    /// negative; otherwise `None`.
    ///
    /// The response's `Retry-After` header is not read into a typed error: a server built with
    /// this crate sends the field's value there too, so the two agree. The header's value of a
    /// response that is not recognized is [`Unrecognized::retry_after`], and
    /// [`retry_after`](crate::retry_after()) parses the header of any response. An
    /// implementation that gives a fraction of a second has it sent rounded up to whole
    /// seconds (`1` for half a second), as a client rounds an HTTP-date.
    fn retry_after(&self) -> Option<std::time::Duration> {
        None
    }

    /// Turns a received status, code and message back into the typed error, for clients
    /// that decoded the body themselves or received the code elsewhere (a header, a log
    /// line, a message queue).
    ///
    /// The entries with this code are tried in catalog order, those whose status is the
    /// received one first; among entries of one status with `overlapping = true`, the one whose
    /// template has the most literal characters comes first, ties in catalog order. The first
    /// entry whose template fits the message, with every field
    /// parsed from its text, gives the value (see the crate docs for how a message is split).
    /// When none fits, the error keeps the status, code and message.
    fn from_parts(status: StatusCode, code: &str, message: &str) -> Result<Self, Unrecognized>
    where
        Self: Sized;

    /// Turns a received status and response body back into the typed error.
    ///
    /// The body must be a JSON object with the catalog's code and message keys; other keys
    /// are ignored, and of a key given twice the last one counts, as in JavaScript's
    /// `JSON.parse`. The code may be a string or an integer. The code and message then go to
    /// [`from_parts`](Self::from_parts). A body with the code and nothing where the message
    /// goes is read as the code alone, as [`from_http`](Self::from_http) reads the code
    /// header without a message: the entry of that code whose template has no placeholders.
    /// When the body cannot be turned into a variant, the error keeps the status and, where
    /// present, the raw code and message.
    ///
    /// The body is read in one pass, in time linear in its size, however many members its
    /// objects have (a fields object or a problem's members included), and nested arrays and
    /// objects are skipped without recursion.
    ///
    /// With the feature `problem-details`, the generated implementation also reads an RFC 9457
    /// problem details body, as `Problem<E>` writes it: a body whose top-level object has
    /// `type`, `status` and `detail` (unless the catalog's own shape has those three, and
    /// a fields object if it has one), or
    /// that lacks the catalog's code or message. A field named like the catalog's message or
    /// code key is then a problem's field, not the catalog's message. A body of neither shape
    /// gives the error of the catalog's shape.
    fn from_response(status: StatusCode, body: &[u8]) -> Result<Self, Unrecognized>
    where
        Self: Sized,
    {
        response::http_then::<Self>(status, &http::HeaderMap::new(), body)
    }

    /// Turns a received status, headers and body back into the typed error: what
    /// [`from_response`](Self::from_response) does with the body, and two headers besides.
    ///
    /// - The catalog's code header ([`WireSpec::header`]), when the body has no code (no
    ///   code where the catalog puts it, an empty body, or one that is not an error body): the
    ///   header's code and the body's message, if it has one, go to
    ///   [`from_parts`](Self::from_parts); without a message, the value is the entry of that
    ///   code whose template has no placeholders (of the received status first, then the
    ///   others, in catalog order), and [`UnrecognizedKind::MessageMismatch`] with the
    ///   header's code when there is none. A code in the body wins over the header's. A header
    ///   value that is not UTF-8 text is ignored.
    /// - The body is read as [`from_response`](Self::from_response) reads it, in time linear
    ///   in its size.
    /// - `Retry-After`: an [`Unrecognized`] keeps its delay
    ///   ([`Unrecognized::retry_after`]). A typed error's delay is its `retry_after` field
    ///   ([`retry_after`](Self::retry_after)).
    ///
    /// ```
    /// use error_catalog::CatalogError;
    ///
    /// #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
    /// #[derive(Debug, PartialEq)]
    /// pub enum BackupError {}
    ///
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from_static("30"));
    /// let unrecognized = BackupError::from_http(http::StatusCode::SERVICE_UNAVAILABLE, &headers, b"")
    ///     .unwrap_err();
    /// assert!(unrecognized.is_retryable());
    /// assert_eq!(unrecognized.retry_after(), Some(std::time::Duration::from_secs(30)));
    /// ```
    fn from_http(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Self, Unrecognized>
    where
        Self: Sized,
    {
        response::http_then(status, headers, body)
    }

    /// [`from_http`](Self::from_http) with the status, headers and body of an
    /// [`http::Response`], such as one that an HTTP client built on the `http` crate returns
    /// once its body has been collected.
    fn from_http_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<Self, Unrecognized>
    where
        Self: Sized,
    {
        Self::from_http(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// This error in the locale that `locale` requests, such as `"de-CH"`: its message, wire
    /// body and problem details in that locale, falling back along the tag (`de-CH`, `de`,
    /// the default). See [`Localized`].
    fn localized<L: LocaleRequest + ?Sized>(&self, locale: &L) -> Localized<'_, Self>
    where
        Self: Sized,
    {
        Localized::borrowed(self, locale)
    }

    /// Wraps this error with its internal cause, for the server's logs: the wrapper
    /// displays and serializes exactly as the error does, and its
    /// [`source`](std::error::Error::source) is the cause. The cause is never sent to the
    /// client (see [`Caused`]).
    ///
    /// ```
    /// use error_catalog::CatalogError;
    ///
    /// #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
    /// #[derive(Debug)]
    /// pub enum BackupError {}
    ///
    /// let io = std::io::Error::other("disk quota exceeded on /srv/backups");
    /// let error = BackupError::StorageNotFound { storage_id: "s-1".into() }.caused_by(io);
    /// assert_eq!(error.to_string(), "Storage Details not found for storageId = s-1");
    /// assert!(!serde_json::to_string(&error).unwrap().contains("quota"));
    /// let source = std::error::Error::source(&error).unwrap();
    /// assert_eq!(source.to_string(), "disk quota exceeded on /srv/backups");
    /// ```
    fn caused_by(
        self,
        cause: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>,
    ) -> Caused<Self>
    where
        Self: Sized,
    {
        Caused::new(self, cause)
    }
}

/// A catalog enum: a field type whose values are fixed wire strings.
///
/// The enums that the [`catalog`](macro@catalog) attribute generates beside the error enum
/// implement it, and so does a hand-written fieldless enum with
/// [`#[derive(CatalogEnum)]`](derive@CatalogEnum), which checks at compile time that its
/// variants are exactly the catalog's values:
///
/// ```
/// use error_catalog::CatalogEnum;
///
/// #[derive(Debug, Clone, Copy, PartialEq, error_catalog::CatalogEnum)]
/// #[catalog(path = "../catalog/backup-restore.toml")]
/// pub enum Job {
///     Import,
///     Export,
/// }
///
/// assert_eq!(Job::VALUES, ["EXPORT", "IMPORT"]);
/// assert_eq!(Job::Import.as_str(), "IMPORT");
/// assert_eq!("EXPORT".parse::<Job>(), Ok(Job::Export));
/// assert_eq!(format!("[{:<8}]", Job::Export), "[EXPORT  ]");
/// ```
///
/// A field of a [`derive@CatalogError`] enum typed with a catalog enum must implement it: the
/// derive checks at compile time that its `VALUES` are the catalog's.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a catalog enum: it does not implement `CatalogEnum`",
    label = "a field typed with a catalog enum needs `CatalogEnum`",
    note = "derive `error_catalog::CatalogEnum` on it, or use the enum that the `catalog` attribute generates for the same catalog"
)]
pub trait CatalogEnum: Sized + Copy + 'static {
    /// The wire values, in catalog order.
    const VALUES: &'static [&'static str];
    /// The value as spelled on the wire.
    fn as_str(&self) -> &'static str;
}

/// Support for generated code. Not public API: anything here can change in any release.
#[doc(hidden)]
pub mod __private {
    use std::fmt;

    use http::StatusCode;

    pub use error_catalog_template::{Class, Int, Segment};
    pub use serde;

    #[cfg(feature = "axum")]
    pub use crate::axum::into_response;
    #[cfg(feature = "axum")]
    pub use axum_core;

    /// `IntoResponse` for a generated enum when the runtime has the feature `axum`; nothing
    /// otherwise. Generated code cannot test the features of the runtime, so it calls this.
    pub use crate::__impl_into_response as impl_into_response;

    #[cfg(feature = "utoipa")]
    pub use crate::utoipa_impls::{responses as utoipa_responses, schema as utoipa_schema};
    #[cfg(feature = "utoipa")]
    pub use utoipa;

    /// `IntoResponses`, `PartialSchema` and `ToSchema` for a generated enum when the runtime
    /// has the feature `utoipa`; nothing otherwise.
    pub use crate::__impl_utoipa as impl_utoipa;

    pub use crate::wire::{WireMember, WireNode};
    use crate::{
        CatalogEnum, CatalogError, CodeType, ConstantSpec, RetiredSpec, StatusSpec, TypeSpec,
        Unrecognized, WireSpec,
    };
    pub use crate::{CatalogSpec, ErrorSpec, FieldSpec, UnknownValue};

    /// A status code from a number the catalog validated to be in `100..=599`.
    pub fn status(code: u16) -> StatusCode {
        StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// Builds a [`CatalogSpec`].
    #[allow(clippy::too_many_arguments)]
    pub const fn catalog_spec(
        title: &'static str,
        doc: &'static str,
        docs_url: Option<&'static str>,
        problem_base: Option<&'static str>,
        wire: WireSpec,
        statuses: &'static [StatusSpec],
        types: &'static [TypeSpec],
        errors: &'static [ErrorSpec],
        retired: &'static [RetiredSpec],
    ) -> CatalogSpec {
        CatalogSpec {
            title,
            doc,
            docs_url,
            problem_base,
            wire,
            statuses,
            types,
            errors,
            retired,
            default_locale: None,
            locales: &[],
        }
    }

    /// `catalog` with its default locale and its locales.
    pub const fn with_locales(
        catalog: CatalogSpec,
        default_locale: &'static str,
        locales: &'static [&'static str],
    ) -> CatalogSpec {
        CatalogSpec {
            default_locale: Some(default_locale),
            locales,
            ..catalog
        }
    }

    /// A [`Translation`](crate::Translation).
    pub const fn translation(locale: &'static str, text: &'static str) -> crate::Translation {
        crate::Translation { locale, text }
    }

    /// `status` with its reason and meaning in other locales.
    pub const fn with_status_texts(
        status: StatusSpec,
        reasons: &'static [crate::Translation],
        meanings: &'static [crate::Translation],
    ) -> StatusSpec {
        StatusSpec {
            reasons,
            meanings,
            ..status
        }
    }

    /// `error` with its message in other locales.
    pub const fn with_messages(
        error: ErrorSpec,
        messages: &'static [crate::Translation],
    ) -> ErrorSpec {
        ErrorSpec { messages, ..error }
    }

    /// Builds a [`WireSpec`]: the locations as the catalog writes them, and `layout`, the
    /// object tree they make.
    #[allow(clippy::too_many_arguments)]
    pub const fn wire_spec(
        code: &'static str,
        message: &'static str,
        integer_code: bool,
        status: Option<&'static str>,
        fields: Option<&'static str>,
        constants: &'static [ConstantSpec],
        header: Option<&'static str>,
        layout: &'static [WireMember],
    ) -> WireSpec {
        WireSpec {
            code,
            message,
            code_type: if integer_code {
                CodeType::Integer
            } else {
                CodeType::String
            },
            status,
            fields,
            constants,
            header,
            layout,
        }
    }

    /// Builds a [`ConstantSpec`].
    pub const fn constant_spec(location: &'static str, value: &'static str) -> ConstantSpec {
        ConstantSpec { location, value }
    }

    /// Builds a [`StatusSpec`].
    pub const fn status_spec(code: u16, reason: &'static str, meaning: &'static str) -> StatusSpec {
        StatusSpec {
            code,
            reason,
            meaning,
            reasons: &[],
            meanings: &[],
        }
    }

    /// Builds a [`TypeSpec`].
    pub const fn type_spec(
        name: &'static str,
        values: &'static [&'static str],
        doc: &'static str,
    ) -> TypeSpec {
        TypeSpec { name, values, doc }
    }

    /// Builds a [`RetiredSpec`].
    pub const fn retired_spec(code: &'static str, note: &'static str) -> RetiredSpec {
        RetiredSpec { code, note }
    }

    /// Builds an [`ErrorSpec`].
    #[allow(clippy::too_many_arguments)]
    pub const fn error_spec(
        name: &'static str,
        code: &'static str,
        status: u16,
        message: &'static str,
        example_message: &'static str,
        fields: &'static [FieldSpec],
        doc: &'static str,
        help: &'static str,
        docs_url: Option<&'static str>,
        shared_code: bool,
        overlapping: bool,
        retryable: bool,
        retry_after: Option<&'static str>,
    ) -> ErrorSpec {
        ErrorSpec {
            name,
            code,
            status,
            message,
            example_message,
            fields,
            doc,
            help,
            docs_url,
            shared_code,
            overlapping,
            retryable,
            retry_after,
            messages: &[],
        }
    }

    /// Builds a [`FieldSpec`].
    pub const fn field_spec(
        name: &'static str,
        ty: &'static str,
        example: &'static str,
        doc: &'static str,
    ) -> FieldSpec {
        FieldSpec {
            name,
            ty,
            example,
            doc,
        }
    }

    /// Builds an [`UnknownValue`].
    pub fn unknown_value(ty: &'static str, text: &str) -> UnknownValue {
        UnknownValue {
            ty,
            text: text.to_owned(),
        }
    }

    pub use crate::table::{Tables, Translations, Value};

    /// What the generated code knows of its enum beyond [`CatalogError`]: its tables, and
    /// the three things that must be written per variant (its entry, its field values, and
    /// the way to build it from text). Every other behaviour is a function of the runtime
    /// over these.
    pub trait Generated: CatalogError + Sized {
        /// The enum's static tables.
        ///
        /// A function rather than a constant, so that an implementation can build its tables
        /// at run time (a test's error type for catalogs it draws at random); generated code
        /// returns a `static`.
        fn tables() -> &'static Tables;

        /// The index in the catalog's entries of the value's entry.
        fn index(&self) -> usize;

        /// Calls `visit` once with the index of the value's entry and the value of each of
        /// its fields, in the entry's order.
        fn parts(&self, visit: &mut dyn FnMut(usize, &[Value<'_>]));

        /// The value of the entry at `index` from the text of each placeholder, in template
        /// order; `Err` with the placeholder whose text does not parse as its field's type,
        /// or with `usize::MAX` when the entry has no variant or `text` is too short.
        fn build(index: usize, text: &[&str]) -> Result<Self, usize>;
    }

    pub use crate::wire::Text;

    /// The body of the generated `from_parts`.
    pub fn from_parts<E: Generated>(
        status: StatusCode,
        code: &str,
        message: &str,
    ) -> Result<E, Unrecognized> {
        crate::response::from_parts::<E>(status, code, message, None)
    }

    /// The body of the generated `from_response`.
    pub fn from_response<E: Generated>(status: StatusCode, body: &[u8]) -> Result<E, Unrecognized> {
        crate::response::from_response::<E>(status, body)
    }

    /// The body of the generated `from_http`.
    pub fn from_http<E: Generated>(
        status: StatusCode,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<E, Unrecognized> {
        crate::response::from_http::<E>(status, headers, body)
    }

    /// The check that `#[derive(CatalogError)]` emits for a field typed with a user's catalog
    /// enum, in a `const`: panics at compile time with `message` unless `T::VALUES` and
    /// `catalog` hold the same values in any order: as many of them, each of either found in
    /// the other (the catalog's values being distinct, `T::VALUES` is then a permutation).
    pub const fn assert_enum_values<T: CatalogEnum>(catalog: &[&str], message: &str) {
        if !same_values(T::VALUES, catalog) {
            panic!("{}", message);
        }
    }

    /// Whether `a` and `b` have the same length and each holds every string of the other.
    pub(crate) const fn same_values(a: &[&str], b: &[&str]) -> bool {
        a.len() == b.len() && all_in(a, b) && all_in(b, a)
    }

    /// Whether every string of `a` is in `b`.
    const fn all_in(a: &[&str], b: &[&str]) -> bool {
        let mut i = 0;
        while i < a.len() {
            let mut found = false;
            let mut j = 0;
            while j < b.len() {
                if same_str(a[i], b[j]) {
                    found = true;
                }
                j += 1;
            }
            if !found {
                return false;
            }
            i += 1;
        }
        true
    }

    /// `a == b`, byte by byte, in a `const fn`.
    const fn same_str(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }

    /// The text of each placeholder of a message, as the generated `build` reads it: each
    /// field takes its value with one call that cannot fail, and the first placeholder whose
    /// text does not parse is kept, so that the arms of `build` have no early return.
    pub struct Texts<'t> {
        text: &'t [&'t str],
        failed: Option<usize>,
    }

    impl<'t> Texts<'t> {
        /// The texts of the placeholders, in template order.
        pub fn new(text: &'t [&'t str]) -> Self {
            Texts { text, failed: None }
        }

        /// `value` when every field parsed, or the first placeholder that did not.
        pub fn finish<E>(&self, value: E) -> Result<E, usize> {
            match self.failed {
                None => Ok(value),
                Some(at) => Err(at),
            }
        }

        /// The text of placeholder `at`, or `None` (recorded) when there is none.
        fn get(&mut self, at: usize) -> Option<&'t str> {
            let text = self.text.get(at).copied();
            if text.is_none() {
                self.fail(usize::MAX);
            }
            text
        }

        fn fail(&mut self, at: usize) {
            self.failed.get_or_insert(at);
        }
    }

    /// The field of placeholder `at` as a `String`.
    pub fn string(texts: &mut Texts<'_>, at: usize) -> String {
        texts.get(at).map(str::to_owned).unwrap_or_default()
    }

    /// The field of placeholder `at` as a `bool`; `false`, recorded, when it is neither
    /// `true` nor `false`.
    pub fn boolean(texts: &mut Texts<'_>, at: usize) -> bool {
        match texts.get(at) {
            Some("true") => true,
            Some("false") | None => false,
            Some(_) => {
                texts.fail(at);
                false
            }
        }
    }

    /// The field of placeholder `at` as an integer; zero, recorded, when it does not parse.
    pub fn integer<T: core::str::FromStr + Default>(texts: &mut Texts<'_>, at: usize) -> T {
        match texts.get(at).map(str::parse) {
            Some(Ok(value)) => value,
            Some(Err(_)) => {
                texts.fail(at);
                T::default()
            }
            None => T::default(),
        }
    }

    /// The field of placeholder `at` parsed as `T`, a type with no value to stand in for one
    /// that does not parse: `Err` with the placeholder.
    pub fn parse<T: core::str::FromStr>(texts: &mut Texts<'_>, at: usize) -> Result<T, usize> {
        texts.get(at).ok_or(usize::MAX)?.parse().map_err(|_| at)
    }

    /// The body of the generated `Display`: the message rendered from the tables, straight
    /// into the formatter; a width or a precision applies to the message as a whole, as for
    /// a `str`.
    pub fn display<E: Generated>(error: &E, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::table::display(error, f)
    }

    /// The body of the generated `retry_after`: the entry's `retry_after` field, in seconds.
    pub fn retry_after<E: Generated>(error: &E) -> Option<std::time::Duration> {
        crate::table::retry_after(error)
    }

    /// The body of the generated `examples()`.
    ///
    /// # Panics
    ///
    /// If the example of a field does not parse as its type (an external type, which the
    /// build cannot check); the message names the entry and field.
    pub fn examples<E: Generated>() -> Vec<E> {
        crate::table::examples()
    }

    /// The body of the generated `spec()`: the entry of the value's variant.
    pub fn spec<E: Generated>(error: &E) -> &'static ErrorSpec {
        let errors = E::catalog().errors;
        // Generated code gives only indices of its catalog; should a hand-made
        // implementation not, its first entry stands in rather than a panic.
        match errors.get(error.index()).or(errors.first()) {
            Some(spec) => spec,
            None => &NO_ENTRY,
        }
    }

    /// The entry of a value whose catalog has none.
    static NO_ENTRY: ErrorSpec = error_spec(
        "",
        "",
        500,
        "",
        "",
        &[],
        "",
        "",
        None,
        false,
        false,
        false,
        None,
    );

    /// The body of the generated `Serialize`: the catalog's object tree, each member
    /// written straight into the serializer.
    pub fn serialize<E, S>(error: &E, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: Generated,
        S: serde::Serializer,
    {
        crate::wire::serialize(error, serializer)
    }

    /// The body of the generated `Serialize` of a catalog whose shape is flat (the code and
    /// the message as top-level members, the code a string): the bytes of [`serialize`], with
    /// less code for each serializer.
    pub fn serialize_flat<E, S>(error: &E, serializer: S) -> Result<S::Ok, S::Error>
    where
        E: Generated,
        S: serde::Serializer,
    {
        crate::wire::serialize_flat(error, serializer)
    }
}

/// The `IntoResponse` impl of a generated enum, `$name`: the body is
/// `__private::into_response`. Emitted by every generated enum, it expands to nothing when
/// the runtime lacks the feature `axum`.
#[cfg(feature = "axum")]
#[macro_export]
#[doc(hidden)]
macro_rules! __impl_into_response {
    ($name:ty) => {
        #[automatically_derived]
        impl $crate::__private::axum_core::response::IntoResponse for $name {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::into_response(&self)
            }
        }
    };
}

/// Without the feature `axum`, a generated enum has no `IntoResponse` impl.
#[cfg(not(feature = "axum"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __impl_into_response {
    ($name:ty) => {};
}

/// The utoipa impls of a generated enum, `$name`: `IntoResponses` (one response per status of
/// its entries, with their examples), `PartialSchema` (the body's schema) and `ToSchema`
/// (under the enum's name). Emitted by every generated enum, it expands to nothing when the
/// runtime lacks the feature `utoipa`.
#[cfg(feature = "utoipa")]
#[macro_export]
#[doc(hidden)]
macro_rules! __impl_utoipa {
    ($name:ty) => {
        #[automatically_derived]
        impl $crate::__private::utoipa::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::Response,
                >,
            > {
                $crate::__private::utoipa_responses::<Self>()
            }
        }

        #[automatically_derived]
        impl $crate::__private::utoipa::PartialSchema for $name {
            fn schema() -> $crate::__private::utoipa::openapi::RefOr<
                $crate::__private::utoipa::openapi::schema::Schema,
            > {
                $crate::__private::utoipa_schema::<Self>()
            }
        }

        #[automatically_derived]
        impl $crate::__private::utoipa::ToSchema for $name {}
    };
}

/// Without the feature `utoipa`, a generated enum has no utoipa impls.
#[cfg(not(feature = "utoipa"))]
#[macro_export]
#[doc(hidden)]
macro_rules! __impl_utoipa {
    ($name:ty) => {};
}

/// The error of a catalog enum's `FromStr`: the text is none of the enum's wire values.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct UnknownValue {
    /// The enum's name.
    pub ty: &'static str,
    /// The text that is none of its values.
    pub text: String,
}

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` is not a value of `{}`", self.text, self.ty)
    }
}

impl std::error::Error for UnknownValue {}

#[cfg(test)]
mod tests {
    use super::response::displays_as;

    #[test]
    fn catalog_enum_values_compare_as_sets() {
        use super::__private::same_values;
        assert!(same_values(&["EXPORT", "IMPORT"], &["IMPORT", "EXPORT"]));
        assert!(same_values(&[], &[]));
        assert!(!same_values(&["EXPORT", "IMPORT"], &["EXPORT"]));
        assert!(!same_values(&["EXPORT", "IMPORT"], &["EXPORT", "IMPOR"]));
        assert!(!same_values(&["EXPORT", "EXPORT"], &["EXPORT", "IMPORT"]));
        assert!(!same_values(&["export"], &["EXPORT"]));
    }

    #[test]
    fn displays_as_compares_without_allocating() {
        assert!(displays_as(&"abc", "abc"));
        assert!(!displays_as(&"abc", "abcd"));
        assert!(!displays_as(&"abcd", "abc"));
        assert!(!displays_as(&7, "007"));
    }
}
