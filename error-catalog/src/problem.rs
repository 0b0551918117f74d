//! RFC 9457 problem details (feature `problem-details`): [`Problem`], an error written as an
//! `application/problem+json` body.

use std::fmt;
use std::ops::Deref;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::__private::Generated;
use crate::table::{Parts, with_parts};
use crate::wire::{Message, Text};
use crate::{CatalogError, CatalogSpec, CodeType};

/// An error of a catalog, written as an RFC 9457 problem details body
/// (`application/problem+json`) instead of the catalog's own wire shape. Enabled by the
/// feature `problem-details`.
///
/// Its [`Serialize`] writes, in this order:
///
/// - `type`: the entry's problem type URI, [`Problem::problem_type`];
/// - `title`: the reason phrase of the status, [`Problem::title`];
/// - `status`: the HTTP status, as an integer;
/// - `detail`: the rendered message;
/// - `code`: the error code, a string, or a number when the catalog's `code_type` is
///   `"integer"`;
/// - then the error's typed fields as extension members, each under its name, except that a
///   field named `type`, `title`, `status`, `detail`, `instance` or `code`, or whose name
///   starts with `field_`, is written as `field_<name>`
///   ([`error_catalog_template::problem_member`]): `type` is `field_type`, `field_type` is
///   `field_field_type`, so that no two fields share a member.
///
/// A client reads such a body back with the enum's `from_response`, which recognizes a
/// problem details body by its `type`, `status` and `detail` members (unless the catalog's
/// own shape has those three, and its fields object if it has one), or when the catalog's own
/// shape is not there, and removes
/// exactly one `field_` from an escaped member ([`error_catalog_template::problem_field`]).
/// A field named like the catalog's message key (`message = "Upstream failed: {message}"`)
/// is read back as that field.
///
/// ```
/// use error_catalog::Problem;
///
/// #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
/// #[derive(Debug, Clone, PartialEq)]
/// pub enum BackupError {}
///
/// let error = BackupError::StorageNotFound { storage_id: "s-17".into() };
/// let body = serde_json::to_string(&Problem(error.clone())).unwrap();
/// assert_eq!(
///     body,
///     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Storage Details not found for storageId = s-17","code":"129","storage_id":"s-17"}"#,
/// );
///
/// // The client turns the problem back into the same variant.
/// let parsed = BackupError::from_response(http::StatusCode::NOT_FOUND, body.as_bytes()).unwrap();
/// assert_eq!(parsed, error);
/// ```
///
/// With the feature `axum` as well, `Problem<E>` implements `axum::response::IntoResponse`:
/// the entry's status, `content-type: application/problem+json`, the code header when the
/// catalog declares one, and `retry-after` when the error has a delay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Problem<E>(pub E);

impl<E> Problem<E> {
    /// The error.
    pub fn into_inner(self) -> E {
        self.0
    }
}

impl<E: CatalogError> Problem<E> {
    /// The problem type URI (the `type` member): the catalog's `problem_base` followed by
    /// the code when the catalog has a `problem_base`, otherwise `{docs_url}#{code}` when it
    /// has a `docs_url`, otherwise `about:blank`.
    pub fn problem_type(&self) -> String {
        ProblemType {
            catalog: E::catalog(),
            code: self.0.code(),
        }
        .to_string()
    }

    /// The problem's title (the `title` member): the reason phrase of the status in the
    /// catalog's status table, when it has a non-empty one, otherwise the status's canonical
    /// reason phrase, otherwise `""`.
    pub fn title(&self) -> &'static str {
        title(E::catalog(), self.0.status())
    }
}

/// The reason of `status` in the catalog's status table, else its canonical reason, else `""`.
fn title(catalog: &'static CatalogSpec, status: http::StatusCode) -> &'static str {
    catalog
        .statuses
        .iter()
        .find(|row| row.code == status.as_u16() && !row.reason.is_empty())
        .map(|row| row.reason)
        .or_else(|| status.canonical_reason())
        .unwrap_or("")
}

/// The problem type URI, written straight into a formatter or serializer.
struct ProblemType<'c> {
    catalog: &'c CatalogSpec,
    code: &'c str,
}

impl fmt::Display for ProblemType<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.catalog.problem_base, self.catalog.docs_url) {
            (Some(base), _) => write!(f, "{base}{}", self.code),
            (None, Some(docs)) => write!(f, "{docs}#{}", self.code),
            (None, None) => f.write_str("about:blank"),
        }
    }
}

impl<E: Generated> Serialize for Problem<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalog = E::catalog();
        with_parts(&self.0, |parts| {
            let title = title(catalog, parts.spec.status_code());
            serialize_problem(catalog, parts, title, serializer)
        })
        .unwrap_or_else(|| {
            Err(serde::ser::Error::custom(
                "a value out of its catalog's tables",
            ))
        })
    }
}

/// The problem of a localized error: its `title` (the status's reason) and `detail` (the
/// message) in the locale, each falling back along the tag; the `type`, the `code` and the
/// fields are the error's own.
///
/// ```
/// use error_catalog::{CatalogError, Problem};
///
/// #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
/// #[derive(Debug)]
/// pub enum BackupError {}
///
/// let error = BackupError::StorageNotFound { storage_id: "s-17".into() };
/// let body = serde_json::to_string(&Problem(error.localized("de"))).unwrap();
/// assert_eq!(
///     body,
///     r#"{"type":"about:blank","title":"Nicht gefunden","status":404,"detail":"Speicherdetails für storageId = s-17 nicht gefunden","code":"129","storage_id":"s-17"}"#,
/// );
/// ```
impl<E: Generated> Serialize for Problem<crate::Localized<'_, E>> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalog = E::catalog();
        let locale = self.0.locale();
        crate::table::with_parts_in(self.0.error(), self.0.locale_index(), |parts, _| {
            let status = parts.spec.status_code();
            let title = match locale {
                Some(locale) => localized_title(catalog, status, locale),
                None => title(catalog, status),
            };
            serialize_problem(catalog, parts, title, serializer)
        })
        .unwrap_or_else(|| {
            Err(serde::ser::Error::custom(
                "a value out of its catalog's tables",
            ))
        })
    }
}

/// The title of `status` in `locale`: its reason in the status table in that locale (falling
/// back along the tag), else [`title`].
fn localized_title(
    catalog: &'static CatalogSpec,
    status: http::StatusCode,
    locale: &str,
) -> &'static str {
    catalog
        .statuses
        .iter()
        .find(|row| row.code == status.as_u16())
        .map(|row| row.reason_in(locale))
        .filter(|reason| !reason.is_empty())
        .unwrap_or_else(|| title(catalog, status))
}

/// The problem details body of the error of `parts`, with `title`: generic over the
/// serializer only.
fn serialize_problem<S: Serializer>(
    catalog: &'static CatalogSpec,
    parts: Parts<'_>,
    title: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let (code, status) = (parts.spec.code, parts.spec.status_code());
    let mut map = serializer.serialize_map(Some(5 + parts.values.len()))?;
    map.serialize_entry("type", &Text(&ProblemType { catalog, code }))?;
    map.serialize_entry("title", title)?;
    map.serialize_entry("status", &status.as_u16())?;
    map.serialize_entry("detail", &Message(parts))?;
    // A catalog with integer codes has only codes that parse: the macro checked them. A
    // hand-made value that does not is sent as a string, as in the catalog's own shape.
    match code.parse::<i64>() {
        Ok(number) if catalog.wire.code_type == CodeType::Integer => {
            map.serialize_entry("code", &number)?
        }
        _ => map.serialize_entry("code", code)?,
    }
    for (field, value) in parts.fields() {
        map.serialize_entry(&Member(field.name), value)?;
    }
    map.end()
}

/// The RFC 9457 extension member of a field: its name, or the name escaped with one more
/// `field_` ([`error_catalog_template::problem_member`]), written without building a string.
struct Member(&'static str);

impl Serialize for Member {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if error_catalog_template::member_is_escaped(self.0) {
            serializer.collect_str(&format_args!("field_{}", self.0))
        } else {
            serializer.serialize_str(self.0)
        }
    }
}

impl<E> From<E> for Problem<E> {
    fn from(error: E) -> Self {
        Problem(error)
    }
}

impl<E> Deref for Problem<E> {
    type Target = E;
    fn deref(&self) -> &E {
        &self.0
    }
}

/// The error's message, as the `detail` member holds it.
impl<E: fmt::Display> fmt::Display for Problem<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The problem is the error itself in another shape, so it has no source of its own.
impl<E: std::error::Error> std::error::Error for Problem<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }
}

/// The problem in the locale chosen: `content-type: application/problem+json`, the `title`
/// and `detail` in the locale, `Content-Language` and `Vary: Accept-Language` (see
/// [`Localized`](crate::Localized)'s response).
#[cfg(feature = "axum")]
impl<E: Generated> axum_core::response::IntoResponse for Problem<crate::Localized<'_, E>> {
    fn into_response(self) -> axum_core::response::Response {
        crate::axum::respond_in(
            self.0.error(),
            "application/problem+json",
            serde_json::to_vec(&self),
            self.0.message_locale(),
        )
    }
}

#[cfg(feature = "axum")]
impl<E: Generated> axum_core::response::IntoResponse for Problem<E> {
    /// The entry's status, `content-type: application/problem+json`, the code header when
    /// the catalog declares one, `retry-after` when the error has a delay, and the body that
    /// [`Serialize`] writes.
    fn into_response(self) -> axum_core::response::Response {
        crate::axum::respond(
            &self.0,
            "application/problem+json",
            serde_json::to_vec(&self),
        )
    }
}
