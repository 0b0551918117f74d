//! An error of the catalog with its internal cause, for the server's logs.

use std::error::Error;
use std::fmt;
use std::ops::Deref;

/// An error of the catalog together with its internal cause: what the client is told, and
/// why it happened, for the server's logs.
///
/// Built with [`CatalogError::caused_by`](crate::CatalogError::caused_by). The cause (a
/// database error, an I/O error, a panic message) is **never sent to the client**: `Display`
/// is the error's message, `Serialize` writes exactly the error's body, byte for byte, and
/// only `Debug` and [`Error::source`] show the cause, so that a logger that walks the
/// source chain records it.
///
/// ```
/// use error_catalog::{CatalogError, Caused};
///
/// #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
/// #[derive(Debug, PartialEq)]
/// pub enum BackupError {}
///
/// fn find(storage_id: &str) -> Result<(), Caused<BackupError>> {
///     let lookup: Result<(), std::io::Error> = Err(std::io::Error::other("connection reset"));
///     lookup.map_err(|io| BackupError::StorageNotFound { storage_id: storage_id.into() }.caused_by(io))
/// }
///
/// let error = find("s-1").unwrap_err();
/// assert_eq!(error.status(), http::StatusCode::NOT_FOUND); // through `Deref`
/// assert_eq!(error.cause().to_string(), "connection reset");
/// let (error, _cause) = error.into_parts();
/// assert_eq!(error, BackupError::StorageNotFound { storage_id: "s-1".into() });
/// ```
///
/// It is a wrapper, not a [`CatalogError`](crate::CatalogError) itself: the error's code,
/// status and entry are reached through `Deref` or [`error`](Caused::error), and
/// [`into_inner`](Caused::into_inner) gives the error back. (A generic
/// `From<Caused<E>> for E` is not possible in Rust: the orphan rule rejects it.)
///
/// With the feature `axum`, it is an `axum::response::IntoResponse` too: the error's own
/// response, the cause left out, so that a handler can return it after logging it.
pub struct Caused<E> {
    error: E,
    cause: Box<dyn Error + Send + Sync + 'static>,
}

impl<E> Caused<E> {
    /// `error`, caused by `cause`; [`CatalogError::caused_by`](crate::CatalogError::caused_by)
    /// says the same as a method of the error.
    pub fn new(error: E, cause: impl Into<Box<dyn Error + Send + Sync + 'static>>) -> Self {
        Caused {
            error,
            cause: cause.into(),
        }
    }

    /// The error that the client is told.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The internal cause, for the server's logs.
    pub fn cause(&self) -> &(dyn Error + Send + Sync + 'static) {
        &*self.cause
    }

    /// The error, without its cause.
    pub fn into_inner(self) -> E {
        self.error
    }

    /// The error and its cause.
    pub fn into_parts(self) -> (E, Box<dyn Error + Send + Sync + 'static>) {
        (self.error, self.cause)
    }
}

impl<E> Deref for Caused<E> {
    type Target = E;
    fn deref(&self) -> &E {
        &self.error
    }
}

/// The error's message, as the client is told it; the cause is not shown.
impl<E: fmt::Display> fmt::Display for Caused<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

/// The error and the cause.
impl<E: fmt::Debug> fmt::Debug for Caused<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Caused")
            .field("error", &self.error)
            .field("cause", &self.cause)
            .finish()
    }
}

/// The source is the cause.
impl<E: Error> Error for Caused<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&*self.cause)
    }
}

/// Exactly the error's body: the cause is never serialized.
impl<E: serde::Serialize> serde::Serialize for Caused<E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.error.serialize(serializer)
    }
}

#[cfg(feature = "axum")]
impl<E: crate::__private::Generated + serde::Serialize> axum_core::response::IntoResponse
    for Caused<E>
{
    /// The error's response, exactly as the error alone gives it: the cause is never sent.
    fn into_response(self) -> axum_core::response::Response {
        crate::axum::into_response(&self.error)
    }
}
