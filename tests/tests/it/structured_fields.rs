//! A wire shape with a fields object (`wire.fields`), with the catalog
//! `catalogs/structured.toml`: the server writes the typed fields under `details`, and a client
//! reads them from there rather than from the message, accepting them only when they render
//! to exactly the message.

use error_catalog::{Unrecognized, UnrecognizedKind};
use http::StatusCode;

#[error_catalog::catalog(path = "catalogs/structured.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Structured {}

fn read(status: StatusCode, body: &str) -> Result<Structured, Unrecognized> {
    Structured::from_response(status, body.as_bytes())
}

fn mismatch(status: StatusCode, code: &str, message: &str) -> Unrecognized {
    Unrecognized::new(
        Structured::catalog(),
        status,
        UnrecognizedKind::MessageMismatch,
    )
    .with_code(code)
    .with_message(message)
}

#[test]
fn the_catalog_declares_the_fields_object() {
    assert_eq!(Structured::catalog().wire.fields, Some("details"));
}

#[test]
fn the_fields_give_the_exact_values_of_an_ambiguous_template() {
    let error = Structured::Pair {
        a: "salt and pepper".into(),
        b: "bread and butter".into(),
    };
    let body = serde_json::to_string(&error).unwrap();
    assert_eq!(
        body,
        r#"{"code":"PAIR","message":"salt and pepper and bread and butter","details":{"a":"salt and pepper","b":"bread and butter"}}"#
    );
    assert_eq!(read(StatusCode::BAD_REQUEST, &body), Ok(error));
    // The message alone reads otherwise: the first placeholder gets the shortest text.
    assert_eq!(
        Structured::from_parts(
            StatusCode::BAD_REQUEST,
            "PAIR",
            "salt and pepper and bread and butter"
        ),
        Ok(Structured::Pair {
            a: "salt".into(),
            b: "pepper and bread and butter".into(),
        })
    );
    // Every reading of the message is accepted when the fields say so.
    for (a, b) in [("x", "y and z"), ("x and y", "z")] {
        let body = format!(
            r#"{{"code":"PAIR","message":"x and y and z","details":{{"a":"{a}","b":"{b}"}}}}"#
        );
        assert_eq!(
            read(StatusCode::BAD_REQUEST, &body),
            Ok(Structured::Pair {
                a: a.into(),
                b: b.into()
            })
        );
    }
}

#[test]
fn fields_that_disagree_with_the_message_are_a_mismatch_with_the_raw_parts() {
    let cases = [
        // Values that render to another message.
        r#"{"code":"PAIR","message":"x and y","details":{"a":"x","b":"z"}}"#,
        r#"{"code":"PAIR","message":"x and y","details":{"a":"x and","b":"y"}}"#,
        // An integer written with a leading zero in the message.
        r#"{"code":"SHIFTED","message":"shifted by 07","details":{"delta":7}}"#,
        // A field out of its type's range, or of another type.
        r#"{"code":"SHIFTED","message":"shifted by 40000","details":{"delta":40000}}"#,
        r#"{"code":"COUNTED","message":"1 of x, enabled: 1","details":{"count":1,"items":"x","enabled":1}}"#,
    ];
    for body in cases {
        let value: serde_json::Value = serde_json::from_str(body).unwrap();
        let (code, message) = (
            value["code"].as_str().unwrap(),
            value["message"].as_str().unwrap(),
        );
        let status = if code == "SHIFTED" {
            StatusCode::CONFLICT
        } else {
            StatusCode::BAD_REQUEST
        };
        assert_eq!(
            read(status, body),
            Err(mismatch(status, code, message)),
            "{body}"
        );
    }
}

#[test]
fn a_body_without_the_fields_object_falls_back_on_the_message() {
    let body = r#"{"code":"PAIR","message":"x and y and z"}"#;
    assert_eq!(
        read(StatusCode::BAD_REQUEST, body),
        Ok(Structured::Pair {
            a: "x".into(),
            b: "y and z".into()
        })
    );
    // A `details` that is not an object is no fields object either.
    for details in [r#""x and y""#, "[1, 2]", "null", "3"] {
        let body = format!(r#"{{"code":"SHIFTED","message":"shifted by -3","details":{details}}}"#);
        assert_eq!(
            read(StatusCode::CONFLICT, &body),
            Ok(Structured::Shifted { delta: -3 }),
            "{body}"
        );
    }
}

#[test]
fn a_fields_object_without_every_field_of_an_entry_falls_back_on_the_message() {
    // `b` is missing (an older server, a proxy that trimmed the object): the message is split
    // as if there were no fields object.
    let body = r#"{"code":"PAIR","message":"x and y and z","details":{"a":"x and y"}}"#;
    assert_eq!(
        read(StatusCode::BAD_REQUEST, body),
        Ok(Structured::Pair {
            a: "x".into(),
            b: "y and z".into()
        })
    );
    // A field of the wrong type is no field: the message decides.
    let body = r#"{"code":"SHIFTED","message":"shifted by -3","details":{"delta":[1]}}"#;
    assert_eq!(
        read(StatusCode::CONFLICT, body),
        Ok(Structured::Shifted { delta: -3 })
    );
    // With every field there, they decide, and a message that disagrees is a mismatch.
    let body = r#"{"code":"SHIFTED","message":"shifted by -3","details":{"delta":4}}"#;
    assert_eq!(
        read(StatusCode::CONFLICT, body),
        Err(mismatch(StatusCode::CONFLICT, "SHIFTED", "shifted by -3"))
    );
}

#[test]
fn integers_and_booleans_are_written_as_json_and_read_from_json_or_strings() {
    let error = Structured::Counted {
        count: 3,
        items: "3 of 4 backups".into(),
        enabled: true,
    };
    let body = serde_json::to_string(&error).unwrap();
    assert_eq!(
        body,
        r#"{"code":"COUNTED","message":"3 of 3 of 4 backups, enabled: true","details":{"count":3,"items":"3 of 4 backups","enabled":true}}"#
    );
    assert_eq!(read(StatusCode::BAD_REQUEST, &body), Ok(error.clone()));
    // The same values as strings, another key order, other members.
    let as_strings = r#"{"details":{"enabled":"true","extra":[1],"items":"3 of 4 backups","count":"3"},"message":"3 of 3 of 4 backups, enabled: true","code":"COUNTED"}"#;
    assert_eq!(read(StatusCode::BAD_REQUEST, as_strings), Ok(error));

    let shifted = Structured::Shifted { delta: -12 };
    let body = serde_json::to_string(&shifted).unwrap();
    assert_eq!(
        body,
        r#"{"code":"SHIFTED","message":"shifted by -12","details":{"delta":-12}}"#
    );
    assert_eq!(read(StatusCode::CONFLICT, &body), Ok(shifted.clone()));
    let as_string = r#"{"code":"SHIFTED","message":"shifted by -12","details":{"delta":"-12"}}"#;
    assert_eq!(read(StatusCode::CONFLICT, as_string), Ok(shifted));
    // Of a key given twice in the fields object, the last one counts.
    let twice = r#"{"code":"SHIFTED","message":"shifted by 5","details":{"delta":4,"delta":5}}"#;
    assert_eq!(
        read(StatusCode::CONFLICT, twice),
        Ok(Structured::Shifted { delta: 5 })
    );
}

#[test]
fn an_entry_without_placeholders_writes_an_empty_fields_object() {
    let body = serde_json::to_string(&Structured::Plain).unwrap();
    assert_eq!(
        body,
        r#"{"code":"PLAIN","message":"Nothing to report","details":{}}"#
    );
    assert_eq!(read(StatusCode::CONFLICT, &body), Ok(Structured::Plain));
    let other = r#"{"code":"PLAIN","message":"Something to report","details":{}}"#;
    assert_eq!(
        read(StatusCode::CONFLICT, other),
        Err(mismatch(
            StatusCode::CONFLICT,
            "PLAIN",
            "Something to report"
        ))
    );
}

#[test]
fn every_entry_round_trips_through_its_body() {
    let examples = Structured::examples();
    assert_eq!(examples.len(), Structured::specs().len());
    for example in examples {
        let body = serde_json::to_vec(&example).unwrap();
        let back = Structured::from_response(example.status(), &body);
        assert_eq!(
            back.as_ref(),
            Ok(&example),
            "{}",
            String::from_utf8_lossy(&body)
        );
        // The body says the fields, and the message renders from them.
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["message"], example.to_string());
        assert_eq!(
            value["details"].as_object().unwrap().len(),
            example.spec().fields.len(),
            "{example:?}"
        );
        // And through the whole-response reader.
        let response = http::Response::builder()
            .status(example.status())
            .body(body)
            .unwrap();
        assert_eq!(
            Structured::from_http_response(&response),
            Ok(example.clone())
        );
    }
}

#[test]
fn of_a_member_given_twice_the_last_one_counts_among_many() {
    let pair = |a: &str, b: &str| {
        Ok(Structured::Pair {
            a: a.into(),
            b: b.into(),
        })
    };
    let others: String = (0..5_000).map(|i| format!(r#""m{i}":{i},"#)).collect();
    // In the fields object, after thousands of other members.
    let body = format!(
        r#"{{"code":"PAIR","message":"x and y and z","details":{{"a":"x","b":"y and z",{others}"a":"x and y","b":"z"}}}}"#
    );
    assert_eq!(read(StatusCode::BAD_REQUEST, &body), pair("x and y", "z"));
    // A later value that is no field's (an array) leaves the earlier one in a fields object.
    let body = format!(
        r#"{{"code":"PAIR","message":"x and y and z","details":{{"a":"x and y","b":"z",{others}"a":[1]}}}}"#
    );
    assert_eq!(read(StatusCode::BAD_REQUEST, &body), pair("x and y", "z"));
    // In a problem, the last member counts too.
    let body = format!(
        r#"{{"type":"about:blank","status":400,"detail":"x and y and z","code":"PAIR","a":"x","b":"y and z",{others}"a":"x and y","b":"z"}}"#
    );
    assert_eq!(read(StatusCode::BAD_REQUEST, &body), pair("x and y", "z"));
    // There, a later value that is no field's drops the member: the detail alone decides.
    let body = format!(
        r#"{{"type":"about:blank","status":400,"detail":"x and y and z","code":"PAIR","a":"x and y","b":"z",{others}"a":[1]}}"#
    );
    assert_eq!(read(StatusCode::BAD_REQUEST, &body), pair("x", "y and z"));
}
