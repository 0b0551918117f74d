//! Localized messages of `tests/catalogs/locales.toml`: translations whose placeholders come
//! in another order, repeat or not, a regional locale that falls back to its language, and a
//! shared code; each message read back as the same variant, from the message alone and with
//! the fields object.

use error_catalog::{CatalogError, Problem};

#[error_catalog::catalog(path = "catalogs/locales.toml")]
#[derive(Debug, Clone, PartialEq)]
pub enum LocalizedError {}

fn conflict() -> LocalizedError {
    LocalizedError::CartConflict {
        cart: "c-1".into(),
        count: 3,
        expected: 2,
    }
}

#[test]
fn placeholders_in_another_order_read_back_into_the_same_fields() {
    let error = conflict();
    for (locale, message) in [
        ("en", "Cart c-1 changed: 3 items, expected 2"),
        ("de", "Warenkorb c-1 geändert: erwartet 2, aber 3 Artikel"),
        (
            "de-CH",
            "Warenkorb c-1 geändert: erwartet 2, aber 3 Artikel",
        ),
        ("fr-BE", "3 articles au lieu de 2 dans le panier c-1"),
    ] {
        assert_eq!(error.localized(locale).to_string(), message, "{locale}");
        let status = error.status();
        assert_eq!(
            LocalizedError::from_parts(status, "CART_CONFLICT", message),
            Ok(error.clone()),
            "{locale}"
        );
        // With the fields object, and as problem details.
        let body = serde_json::to_vec(&error.localized(locale)).unwrap();
        assert!(
            String::from_utf8_lossy(&body)
                .contains(r#""details":{"cart":"c-1","count":3,"expected":2}"#)
        );
        assert_eq!(
            LocalizedError::from_response(status, &body),
            Ok(error.clone())
        );
        let problem = serde_json::to_vec(&Problem(error.localized(locale))).unwrap();
        assert_eq!(
            LocalizedError::from_response(status, &problem),
            Ok(error.clone())
        );
    }
}

#[test]
fn fields_that_contradict_a_translated_message_are_a_mismatch() {
    let body = br#"{"code":"CART_CONFLICT","message":"3 articles au lieu de 2 dans le panier c-1","details":{"cart":"c-1","count":2,"expected":3}}"#;
    let unrecognized = LocalizedError::from_response(http::StatusCode::CONFLICT, body).unwrap_err();
    assert_eq!(
        unrecognized.kind(),
        &error_catalog::UnrecognizedKind::MessageMismatch
    );
}

#[test]
fn a_repeated_placeholder_may_appear_once_in_a_translation() {
    let echo = LocalizedError::Echo { word: "hi".into() };
    assert_eq!(echo.to_string(), "hi said hi");
    assert_eq!(echo.localized("fr").to_string(), "on a dit hi");
    for locale in ["en", "de", "fr"] {
        let message = echo.localized(locale).to_string();
        assert_eq!(
            LocalizedError::from_parts(http::StatusCode::CONFLICT, "ECHO", &message),
            Ok(echo.clone()),
            "{locale}"
        );
    }
}

#[test]
fn a_regional_translation_and_a_shared_code_read_back_in_every_locale() {
    let missing = LocalizedError::JobMissing {
        job: Job::Import,
        id: "j-1".into(),
    };
    let gone = LocalizedError::JobGone { id: "j-1".into() };
    assert_eq!(
        missing.localized("de-CH").to_string(),
        "Auftrag j-1 (IMPORT) fehlt"
    );
    assert_eq!(
        missing.localized("de-CH-1996").to_string(),
        "Auftrag j-1 (IMPORT) fehlt"
    );
    assert_eq!(
        gone.localized("de-CH").to_string(),
        "Auftrag j-1 wurde gelöscht"
    );
    // No French message for `JobMissing`: the English one.
    assert_eq!(
        missing.localized("fr").to_string(),
        "Job IMPORT j-1 is missing"
    );
    for error in [missing, gone] {
        for locale in ["en", "de", "de-CH", "fr"] {
            let message = error.localized(locale).to_string();
            assert_eq!(
                LocalizedError::from_parts(http::StatusCode::NOT_FOUND, "JOB", &message),
                Ok(error.clone()),
                "{locale}: {message}"
            );
        }
    }
}

#[test]
fn the_metadata_has_every_locale_and_translation() {
    let catalog = LocalizedError::catalog();
    assert_eq!(catalog.default_locale, Some("en"));
    assert_eq!(catalog.locales, ["en", "de", "de-CH", "fr"]);
    assert_eq!(catalog.locale("DE-ch"), Some("de-CH"));
    assert_eq!(catalog.locale("de-AT"), Some("de"));
    assert_eq!(catalog.locale("pt"), Some("en"));
    let spec = conflict().spec();
    assert_eq!(spec.messages.len(), 2);
    assert_eq!(spec.message_in("de-CH"), spec.messages[0].text);
    assert_eq!(spec.message_in("ja"), spec.message);
    let not_found = catalog.statuses.iter().find(|s| s.code == 404).unwrap();
    assert_eq!(not_found.reason_in("fr-CA"), "Introuvable");
    assert_eq!(not_found.reason_in("it"), "Not Found");
}
