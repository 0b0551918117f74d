//! The request's languages (feature `axum`): [`AcceptLanguage`], an extractor of the
//! `Accept-Language` header that chooses one of a catalog's locales for [`Localized`].
//!
//! [`Localized`]: crate::Localized

use std::convert::Infallible;

use axum_core::extract::FromRequestParts;
use fluent_langneg::{NegotiationStrategy, convert_vec_str_to_langids_lossy, negotiate_languages};
use http::HeaderMap;
use http::header::ACCEPT_LANGUAGE;
use http::request::Parts;

use crate::{CatalogSpec, LocaleRequest};

/// The languages a request accepts, from its `Accept-Language` headers, most preferred first:
/// an axum extractor that never rejects a request (a missing or unreadable header accepts the
/// default locale).
///
/// Weights are honoured (RFC 9110, section 12.5.4): the ranges are ordered by their `q`,
/// highest first, ties in the order sent; a range with `q=0` is not acceptable and is left
/// out, and so is one whose weight is malformed, and `*`, which any locale satisfies. The
/// ranges are then negotiated against a catalog's locales with `fluent-langneg`'s lookup
/// strategy (`de-CH` takes `de`; `en-GB` may take `en-US`), falling back to the default
/// locale.
///
/// With [`Localized::new`](crate::Localized::new), a handler answers in the chosen locale:
///
/// ```
/// use error_catalog::{AcceptLanguage, Localized};
///
/// #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
/// #[derive(Debug)]
/// pub enum BackupError {}
///
/// // An axum handler: `async fn get(accept: AcceptLanguage) -> Result<String, Localized<'static, BackupError>>`.
/// fn get(accept: &AcceptLanguage, id: &str) -> Result<String, Localized<'static, BackupError>> {
///     Err(Localized::new(BackupError::StorageNotFound { storage_id: id.into() }, accept))
/// }
///
/// let accept = AcceptLanguage::parse("fr-CH, fr;q=0.9, de;q=0.8, en;q=0.5");
/// let error = get(&accept, "s-1").unwrap_err();
/// assert_eq!(error.locale(), Some("de"));
/// assert_eq!(error.to_string(), "Speicherdetails für storageId = s-1 nicht gefunden");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AcceptLanguage {
    /// The acceptable language ranges, most preferred first.
    ranges: Vec<String>,
}

impl AcceptLanguage {
    /// The languages of an `Accept-Language` value, such as `"de-CH, de;q=0.9, en;q=0.5"`.
    pub fn parse(value: &str) -> Self {
        let mut weighted: Vec<(u16, &str)> = value
            .split(',')
            .filter_map(|element| {
                let mut parts = element.split(';');
                let range = parts.next()?.trim();
                let mut weight = 1000;
                for parameter in parts {
                    let (name, value) = parameter.split_once('=')?;
                    if name.trim().eq_ignore_ascii_case("q") {
                        weight = qvalue(value.trim())?;
                    }
                }
                (weight > 0 && !range.is_empty() && range != "*").then_some((weight, range))
            })
            .collect();
        // A stable sort: equal weights keep the order sent.
        weighted.sort_by_key(|(weight, _)| std::cmp::Reverse(*weight));
        AcceptLanguage {
            ranges: weighted
                .into_iter()
                .map(|(_, range)| range.to_owned())
                .collect(),
        }
    }

    /// The languages of every `Accept-Language` header of `headers`, as one list; a value
    /// that is not visible ASCII text is left out.
    pub fn from_headers(headers: &HeaderMap) -> Self {
        let values: Vec<&str> = headers
            .get_all(ACCEPT_LANGUAGE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect();
        AcceptLanguage::parse(&values.join(","))
    }

    /// The acceptable language ranges, most preferred first.
    pub fn ranges(&self) -> impl Iterator<Item = &str> {
        self.ranges.iter().map(String::as_str)
    }
}

/// An RFC 9110 weight, `0`, `0.5`, `1.000`, in thousandths; `None` when malformed.
fn qvalue(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u16, |n, digit| n * 10 + u16::from(digit - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The catalog's locale that the ranges negotiate to, with `fluent-langneg`'s lookup; the
/// default locale when none matches.
impl LocaleRequest for AcceptLanguage {
    fn choose(&self, catalog: &'static CatalogSpec) -> Option<usize> {
        // Each locale of the catalog that parses, with its index in `locales`.
        let (indices, available): (Vec<usize>, Vec<_>) = catalog
            .locales
            .iter()
            .enumerate()
            .flat_map(|(index, tag)| {
                convert_vec_str_to_langids_lossy([tag])
                    .into_iter()
                    .map(move |id| (index, id))
            })
            .unzip();
        let requested = convert_vec_str_to_langids_lossy(&self.ranges);
        let default = catalog
            .default_locale
            .and_then(|tag| catalog.locales.iter().position(|l| *l == tag))
            .and_then(|index| indices.iter().position(|&i| i == index))
            .and_then(|at| available.get(at));
        let chosen =
            negotiate_languages(&requested, &available, default, NegotiationStrategy::Lookup);
        let chosen = chosen.first()?;
        let at = available.iter().position(|id| std::ptr::eq(id, *chosen))?;
        indices.get(at).copied()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for AcceptLanguage {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(AcceptLanguage::from_headers(&parts.headers))
    }
}

#[cfg(test)]
mod tests {
    use super::{AcceptLanguage, qvalue};

    #[test]
    fn weights_order_the_ranges_and_zero_excludes_one() {
        let ranges = |value| AcceptLanguage::parse(value).ranges.clone();
        assert_eq!(
            ranges("en;q=0.5, de-CH, fr;q=0.9, de;q=0.9"),
            ["de-CH", "fr", "de", "en"]
        );
        assert_eq!(ranges("de;q=0, en"), ["en"]);
        assert_eq!(ranges("*, de;q=0.1"), ["de"]);
        assert_eq!(ranges("de;q=2, en;q=0.5000, fr;Q=0.3"), ["fr"]);
        assert_eq!(ranges(" de ; q=0.7 ,, en"), ["en", "de"]);
        assert_eq!(ranges(""), [] as [&str; 0]);
    }

    #[test]
    fn qvalues_follow_rfc_9110() {
        assert_eq!(qvalue("1"), Some(1000));
        assert_eq!(qvalue("1.000"), Some(1000));
        assert_eq!(qvalue("0.125"), Some(125));
        assert_eq!(qvalue("0."), Some(0));
        assert_eq!(qvalue("0.5"), Some(500));
        assert_eq!(qvalue("1.001"), None);
        assert_eq!(qvalue("0.1234"), None);
        assert_eq!(qvalue(".5"), None);
        assert_eq!(qvalue("-0"), None);
        assert_eq!(qvalue("0.-1"), None);
    }
}
