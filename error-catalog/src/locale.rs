//! Localized messages: the fallback chain of a requested locale, and [`Localized`], an error
//! rendered and serialized in a locale of its catalog.

use std::fmt;

use serde::ser::{Serialize, Serializer};

use crate::__private::Generated;
use crate::table::with_parts_in;
use crate::{CatalogError, CatalogSpec};

/// The tags that a text requested in `tag` is looked up in, in order, as RFC 4647's lookup
/// truncates a language range: `zh-Hant-CN-x-a`, `zh-Hant-CN`, `zh-Hant`, `zh` (a singleton
/// left at the end, such as the `x` of a private use part, goes with the subtag after it).
/// `*` and an empty tag give nothing.
pub(crate) fn fallbacks(tag: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(tag.trim()).filter(|tag| !tag.is_empty() && *tag != "*");
    std::iter::from_fn(move || {
        let current = next?;
        next = current
            .rfind('-')
            .map(|at| {
                let rest = &current[..at];
                match rest.rfind('-') {
                    Some(before) if rest.len() - before == 2 => &rest[..before],
                    _ => rest,
                }
            })
            .filter(|rest| !rest.is_empty());
        Some(current)
    })
}

/// The index in `catalog`'s locales of the locale that a text requested in `tag` is looked up
/// in ([`fallbacks`], compared without ASCII case), or `None` when none of the chain is one.
pub(crate) fn resolve(catalog: &CatalogSpec, tag: &str) -> Option<usize> {
    fallbacks(tag).find_map(|candidate| {
        catalog
            .locales
            .iter()
            .position(|locale| locale.eq_ignore_ascii_case(candidate))
    })
}

/// A request for a locale, as [`Localized::new`] takes it: a BCP 47 tag (`"de-CH"`), or, with
/// the feature `axum`, the request's `Accept-Language`
/// (`AcceptLanguage`, with the feature).
pub trait LocaleRequest {
    /// The index in `catalog`'s [`locales`](CatalogSpec::locales) of the locale to answer in,
    /// or `None` for the default locale.
    fn choose(&self, catalog: &'static CatalogSpec) -> Option<usize>;
}

/// A tag, looked up along its fallback chain ([`CatalogSpec::locale`]).
impl LocaleRequest for str {
    fn choose(&self, catalog: &'static CatalogSpec) -> Option<usize> {
        resolve(catalog, self)
    }
}

impl LocaleRequest for String {
    fn choose(&self, catalog: &'static CatalogSpec) -> Option<usize> {
        resolve(catalog, self)
    }
}

impl<T: LocaleRequest + ?Sized> LocaleRequest for &T {
    fn choose(&self, catalog: &'static CatalogSpec) -> Option<usize> {
        (**self).choose(catalog)
    }
}

/// An error of a catalog in one of the catalog's locales: its [`Display`](fmt::Display) is the
/// message in that locale, and its [`Serialize`] the wire body with that message; the code,
/// the status and the fields are the error's own. In `Problem`, with the feature
/// `problem-details`, the `title` and `detail` are in the locale, never the `type` or the
/// `code`.
///
/// Each entry's message falls back along the locale's tag: the `de-CH` message, else the `de`
/// one, else the message in the default locale ([`CatalogSpec::locale`]). Rendering allocates
/// nothing beyond the output, as the error's own `Display` does.
///
/// [`CatalogError::localized`] borrows the error; [`Localized::new`] owns it, so that a
/// handler can return it (with the feature `axum`, it is an `IntoResponse` that sets
/// `Content-Language` and `Vary: Accept-Language`).
///
/// ```
/// use error_catalog::{CatalogError, Localized};
///
/// #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
/// #[derive(Debug, PartialEq)]
/// pub enum BackupError {}
///
/// let error = BackupError::StorageNotFound { storage_id: "s-17".into() };
/// assert_eq!(
///     error.localized("de-CH").to_string(),
///     "Speicherdetails für storageId = s-17 nicht gefunden",
/// );
/// let body = serde_json::to_string(&Localized::new(error, "de")).unwrap();
/// assert_eq!(
///     body,
///     r#"{"errorCode":"129","errorMessage":"Speicherdetails für storageId = s-17 nicht gefunden"}"#,
/// );
/// // A client reads a message in any of the catalog's locales.
/// let back = BackupError::from_response(http::StatusCode::NOT_FOUND, body.as_bytes());
/// assert_eq!(back, Ok(BackupError::StorageNotFound { storage_id: "s-17".into() }));
/// ```
pub struct Localized<'a, E> {
    error: Held<'a, E>,
    locale: Option<usize>,
}

/// The error, borrowed or owned.
enum Held<'a, E> {
    Borrowed(&'a E),
    Owned(E),
}

impl<E: CatalogError> Localized<'static, E> {
    /// `error` in the locale that `locale` requests: a tag such as `"de-CH"`, looked up along
    /// its fallback chain, or, with the feature `axum`, an
    /// `AcceptLanguage`. A locale the catalog does not have gives the
    /// default locale.
    pub fn new<L: LocaleRequest + ?Sized>(error: E, locale: &L) -> Self {
        Localized {
            locale: locale.choose(E::catalog()),
            error: Held::Owned(error),
        }
    }
}

impl<'a, E: CatalogError> Localized<'a, E> {
    /// [`Localized::new`] for a borrowed error, as [`CatalogError::localized`] makes it.
    pub fn borrowed<L: LocaleRequest + ?Sized>(error: &'a E, locale: &L) -> Self {
        Localized {
            locale: locale.choose(E::catalog()),
            error: Held::Borrowed(error),
        }
    }

    /// The error.
    pub fn error(&self) -> &E {
        match &self.error {
            Held::Borrowed(error) => error,
            Held::Owned(error) => error,
        }
    }

    /// The catalog's locale that was chosen, before any fallback of a text that it does not
    /// translate; the default locale when the request matched none; `None` for a catalog that
    /// names no locale.
    pub fn locale(&self) -> Option<&'static str> {
        let catalog = E::catalog();
        self.locale
            .and_then(|index| catalog.locales.get(index).copied())
            .or(catalog.default_locale)
    }

    /// The index of the chosen locale, for the runtime's functions.
    #[cfg(feature = "problem-details")]
    pub(crate) fn locale_index(&self) -> Option<usize> {
        self.locale
    }
}

impl<E: Generated> Localized<'_, E> {
    /// The locale the message is in: the chosen one, or the one its fallback chain reached
    /// for an entry that the chosen locale does not translate; what `Content-Language` says.
    /// `None` for a catalog that names no locale.
    pub fn message_locale(&self) -> Option<&'static str> {
        let catalog = E::catalog();
        with_parts_in(self.error(), self.locale, |_, used| used)
            .flatten()
            .and_then(|index| catalog.locales.get(index).copied())
            .or(catalog.default_locale)
    }
}

impl<E: fmt::Debug> fmt::Debug for Localized<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let error: &dyn fmt::Debug = match &self.error {
            Held::Borrowed(error) => error,
            Held::Owned(error) => error,
        };
        f.debug_struct("Localized")
            .field("error", error)
            .field("locale", &self.locale)
            .finish()
    }
}

/// The message in the locale; a width or a precision applies to it as a whole, as for a
/// `str`, and without them it is written straight into the formatter.
impl<E: Generated> fmt::Display for Localized<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.width().is_some() || f.precision().is_some() {
            return crate::table::pad(f, &Unpadded(self));
        }
        with_parts_in(self.error(), self.locale, |parts, _| parts.render(f))
            .unwrap_or(Err(fmt::Error))
    }
}

/// The message with no flag, for [`pad`](crate::table::pad).
struct Unpadded<'l, 'a, E>(&'l Localized<'a, E>);

impl<E: Generated> fmt::Display for Unpadded<'_, '_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        with_parts_in(self.0.error(), self.0.locale, |parts, _| parts.render(f))
            .unwrap_or(Err(fmt::Error))
    }
}

/// The wire body of the catalog's shape, with the message in the locale.
impl<E: Generated> Serialize for Localized<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let wire = &E::catalog().wire;
        with_parts_in(self.error(), self.locale, |parts, _| {
            crate::wire::serialize_parts(wire, parts, serializer)
        })
        .unwrap_or_else(|| {
            Err(serde::ser::Error::custom(
                "a value out of its catalog's tables",
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fallbacks;

    #[test]
    fn tags_fall_back_as_rfc_4647_lookup_truncates_them() {
        let chain = |tag| fallbacks(tag).collect::<Vec<_>>();
        assert_eq!(chain("de-CH-1996"), ["de-CH-1996", "de-CH", "de"]);
        assert_eq!(
            chain("zh-Hant-CN-x-private1-private2"),
            [
                "zh-Hant-CN-x-private1-private2",
                "zh-Hant-CN-x-private1",
                "zh-Hant-CN",
                "zh-Hant",
                "zh"
            ]
        );
        assert_eq!(chain(" en "), ["en"]);
        assert_eq!(chain("*"), [] as [&str; 0]);
        assert_eq!(chain(""), [] as [&str; 0]);
        assert_eq!(chain("-"), ["-"]);
    }
}
