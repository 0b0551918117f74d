//! utoipa 5 (feature `utoipa`): the OpenAPI fragments of [`crate::openapi`] as utoipa's
//! types, for the `IntoResponses` and `ToSchema` impls of every generated enum (through
//! [`__impl_utoipa`](crate::__impl_utoipa)), of [`Problem`](crate::Problem) and of
//! [`Caused`].
//!
//! Each fragment is written as JSON and read back into utoipa's type, which is what utoipa's
//! types are made for (OpenAPI documents read with serde). What utoipa's model has no field
//! for is left out on the way: a header's `required`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::{RefOr, Response};

use crate::__private::Generated;
use crate::Caused;
use crate::openapi::Errors;

/// The body of the generated `IntoResponses::responses`: one response per status of the
/// enum's entries, keyed by the status, each with its examples.
pub fn responses<E: Generated + Serialize>() -> BTreeMap<String, RefOr<Response>> {
    responses_of(&crate::openapi::errors::<E>())
}

/// The body of the generated `PartialSchema::schema`: the body's schema, the code an `enum`
/// of the enum's codes.
pub fn schema<E: Generated>() -> RefOr<Schema> {
    schema_of(&crate::openapi::schema_only::<E>())
}

/// The responses of `errors`, keyed by status.
pub(crate) fn responses_of<B: Serialize>(
    errors: &Errors<'_, B>,
) -> BTreeMap<String, RefOr<Response>> {
    errors
        .statuses()
        .into_iter()
        .map(|status| {
            // Every fragment reads back (the tests read every catalog's); should one not, the
            // response keeps its description rather than failing the whole document.
            let response = read(&errors.response(status))
                .unwrap_or_else(|| Response::new(errors.status_text(status)));
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}

/// The body's schema of `errors`.
pub(crate) fn schema_of<B: Serialize>(errors: &Errors<'_, B>) -> RefOr<Schema> {
    RefOr::T(read(&errors.schema()).unwrap_or_default())
}

/// `fragment`, written as JSON, read as utoipa's `T`.
fn read<T: DeserializeOwned>(fragment: &impl Serialize) -> Option<T> {
    let text = serde_json::to_string(fragment).ok()?;
    serde_json::from_str(&text).ok()
}

/// The responses of the error's problem details (with the feature `problem-details`): the
/// same statuses and examples in `application/problem+json`, each example the body that
/// [`Problem`](crate::Problem) writes.
#[cfg(feature = "problem-details")]
impl<E: Generated> utoipa::IntoResponses for crate::Problem<E> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        responses_of(&crate::openapi::problems::<E>())
    }
}

/// The schema of the problem details body, the code an `enum` of the error's codes.
#[cfg(feature = "problem-details")]
impl<E: Generated> utoipa::PartialSchema for crate::Problem<E> {
    fn schema() -> RefOr<Schema> {
        schema_of(&crate::openapi::schema_only::<E>().problem_details())
    }
}

/// Named after the error's schema: `BackupErrorProblem` for `Problem<BackupError>`.
#[cfg(feature = "problem-details")]
impl<E: Generated + utoipa::ToSchema> utoipa::ToSchema for crate::Problem<E> {
    fn name() -> Cow<'static, str> {
        Cow::Owned(format!("{}Problem", E::name()))
    }
}

/// The error's own responses: the cause is never sent.
impl<E: utoipa::IntoResponses> utoipa::IntoResponses for Caused<E> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        E::responses()
    }
}

/// The error's own schema: `Caused<E>` serializes exactly as `E`.
impl<E: utoipa::PartialSchema> utoipa::PartialSchema for Caused<E> {
    fn schema() -> RefOr<Schema> {
        E::schema()
    }
}

/// The error's own schema, under the error's name.
impl<E: utoipa::ToSchema> utoipa::ToSchema for Caused<E> {
    fn name() -> Cow<'static, str> {
        E::name()
    }
}
