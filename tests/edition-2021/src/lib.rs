//! The catalogs of the test suite expanded in an edition 2021 crate.

/// The seed catalog.
#[error_catalog::catalog(path = "../../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

/// Every feature of the format, with prelude names as variants and a keyword field.
pub mod sink {
    #[error_catalog::catalog(path = "../catalogs/kitchen-sink.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum SinkError {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use error_catalog::http::StatusCode;

    #[test]
    fn expands_and_round_trips_in_edition_2021() {
        for spec in BackupError::specs() {
            let body = serde_json::json!({ "errorCode": spec.code, "errorMessage": spec.example_message() });
            let error = BackupError::from_response(spec.status_code(), body.to_string().as_bytes())
                .unwrap();
            assert_eq!(serde_json::to_value(&error).unwrap(), body);
        }
        let error = sink::SinkError::Ok { r#type: "x".into() };
        assert_eq!(error.status(), StatusCode::BAD_REQUEST);
        assert_eq!(error.to_string(), "ok is not an error, x");
    }
}
