//! A catalog with no errors yet expands to an enum with no variants whose every method works.

use error_catalog::{BodyError, CatalogError, UnrecognizedKind};
use http::StatusCode;

#[error_catalog::catalog(path = "catalogs/empty.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewApiError {}

fn implements<T: CatalogError + serde::Serialize + std::fmt::Display + std::error::Error>() {}

#[test]
fn the_enum_has_every_impl_and_empty_metadata() {
    implements::<NewApiError>();
    assert!(NewApiError::specs().is_empty());
    assert!(NewApiError::examples().is_empty());
    assert_eq!(NewApiError::catalog().title, "A new API");
    assert_eq!(NewApiError::catalog().statuses.len(), 1);
}

#[test]
fn every_well_formed_body_is_an_unknown_code() {
    let body = br#"{"errorCode":"127","errorMessage":"Backup Policy already exists"}"#;
    let error = NewApiError::from_response(StatusCode::CONFLICT, body).unwrap_err();
    assert_eq!(*error.kind(), UnrecognizedKind::UnknownCode);
    assert_eq!(error.code(), Some("127"));
    assert_eq!(error.message(), Some("Backup Policy already exists"));
    assert_eq!(error.status(), StatusCode::CONFLICT);
    assert_eq!(error.entries().count(), 0);

    let error = NewApiError::from_parts(StatusCode::NOT_FOUND, "", "").unwrap_err();
    assert_eq!(*error.kind(), UnrecognizedKind::UnknownCode);
}

#[test]
fn a_body_that_is_not_an_error_body_says_so() {
    let error = NewApiError::from_response(StatusCode::BAD_GATEWAY, b"<html>").unwrap_err();
    assert!(matches!(
        error.kind(),
        UnrecognizedKind::NotAnErrorBody(BodyError::NotJson(_))
    ));
}
