//! A catalog with every feature of the format, expanded in a module whose names collide with
//! everything the generated code could use.

#![allow(dead_code, non_camel_case_types)]

mod hostile {
    // Names that shadow the prelude and common types: generated code must not use them.
    pub type Result<T> = core::result::Result<T, ()>;
    pub struct String;
    pub struct Option;
    pub trait Display {}
    pub trait Serialize {}
    pub struct Vec;
    pub struct str;
    pub struct u8;
    pub struct bool;
    pub mod serde {}
    pub mod http {}
    pub mod error_catalog {}

    #[::error_catalog::catalog(path = "catalogs/kitchen-sink.toml")]
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub enum SinkError {}
}

use error_catalog::UnrecognizedKind;
use hostile::{Kind, SinkError, Unit};
use http::StatusCode;

fn body(code: &str, detail: &str) -> std::string::String {
    serde_json::json!({ "code": code, "detail": detail }).to_string()
}

fn parse(status: u16, code: &str, detail: &str) -> Result<SinkError, error_catalog::Unrecognized> {
    SinkError::from_response(
        StatusCode::from_u16(status).unwrap(),
        body(code, detail).as_bytes(),
    )
}

#[test]
fn keyword_field_and_prelude_names_as_variants() {
    let error = SinkError::Ok {
        r#type: "really".into(),
    };
    assert_eq!(error.to_string(), "ok is not an error, really");
    assert_eq!(error.code(), "E100");
    assert_eq!(
        parse(400, "E100", "ok is not an error, really").unwrap(),
        error
    );
    assert_eq!(SinkError::None.to_string(), "internal error");
    assert_eq!(SinkError::None.status(), StatusCode::INTERNAL_SERVER_ERROR);
}

#[test]
fn integers_and_enums_side_by_side_split_by_class() {
    let error = SinkError::Result {
        size: 12,
        unit: Unit::Mb,
        limit: 10,
    };
    let text = "payload of 12MB exceeds {limit} of 10MB";
    assert_eq!(error.to_string(), text);
    assert_eq!(parse(413, "E101", text).unwrap(), error);
    // The unit is used twice: both must agree.
    assert!(matches!(
        parse(413, "E101", "payload of 12MB exceeds {limit} of 10GB")
            .unwrap_err()
            .kind(),
        UnrecognizedKind::MessageMismatch
    ));
    // Not an integer where one is expected.
    assert!(parse(413, "E101", "payload of twelveMB exceeds {limit} of 10MB").is_err());
    // `012` parses as 12 but renders as `12`: not the received message.
    assert!(parse(413, "E101", "payload of 012MB exceeds {limit} of 10MB").is_err());
}

#[test]
fn external_bool_enum_and_signed_fields() {
    let text = "host 10.0.0.1 answered false for DONE at offset -3";
    let error = parse(404, "E102", text).unwrap();
    assert_eq!(
        error,
        SinkError::Some {
            addr: std::net::Ipv4Addr::new(10, 0, 0, 1),
            ok: false,
            kind: Kind::Done,
            offset: -3,
        }
    );
    assert_eq!(error.to_string(), text);
    assert!(
        parse(
            404,
            "E102",
            "host 10.0.0.300 answered false for DONE at offset -3"
        )
        .is_err()
    );
    assert!(
        parse(
            404,
            "E102",
            "host 10.0.0.1 answered maybe for DONE at offset -3"
        )
        .is_err()
    );
    assert!(
        parse(
            404,
            "E102",
            "host 10.0.0.1 answered true for done at offset -3"
        )
        .is_err()
    );
}

#[test]
fn catalog_enums_use_wire_spellings() {
    assert_eq!(Kind::InProgress.to_string(), "in-progress");
    assert_eq!("DONE".parse::<Kind>(), Ok(Kind::Done));
    let unknown = "done".parse::<Kind>().unwrap_err();
    assert_eq!(unknown.to_string(), "`done` is not a value of `Kind`");
    assert_eq!(Unit::ALL, &[Unit::Kb, Unit::Mb, Unit::Gb]);
    assert_eq!(Unit::Gb.as_str(), "GB");
}

#[test]
fn message_that_is_only_a_field() {
    let error = parse(500, "db/timeout", "anything at all: {}").unwrap();
    assert_eq!(
        error,
        SinkError::Default {
            fmt: "anything at all: {}".into()
        }
    );
    assert_eq!(
        serde_json::to_string(&error).unwrap(),
        r#"{"code":"db/timeout","detail":"anything at all: {}"}"#
    );
}

#[test]
fn metadata_describes_the_whole_catalog() {
    let catalog = SinkError::catalog();
    assert_eq!(catalog.title, "Kitchen sink API");
    assert_eq!(catalog.wire.code, "code");
    assert_eq!(catalog.wire.message, "detail");
    let reasons: Vec<_> = catalog
        .statuses
        .iter()
        .map(|s| (s.code, s.reason))
        .collect();
    // A status row without a reason gets the standard phrase.
    assert_eq!(
        reasons,
        [
            (400, "Bad Request"),
            (404, "Not Found"),
            (413, "Content Too Large"),
            (500, "Internal Server Error")
        ]
    );
    assert_eq!(catalog.types.len(), 2);
    assert_eq!(catalog.types[1].values, ["in-progress", "DONE"]);
    assert_eq!(catalog.retired[0].code, "E999");
    let names: Vec<_> = SinkError::specs().iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        ["Ok", "Result", "Some", "None", "Default", "Wide", "Gone"]
    );
    assert_eq!(SinkError::specs()[6].fields[0].example, "2001:db8::1");
    let result = &SinkError::specs()[1];
    let fields: Vec<_> = result
        .fields
        .iter()
        .map(|f| (f.name, f.ty, f.example))
        .collect();
    assert_eq!(
        fields,
        [
            ("size", "u64", "12"),
            ("unit", "Unit", "KB"),
            ("limit", "u32", "10")
        ]
    );
    assert_eq!(result.fields[2].doc, "The largest size accepted.");
    assert!(result.help.starts_with("Send the payload in parts"));
    assert_eq!(SinkError::specs()[0].help, "");
    assert_eq!(
        catalog.docs_url,
        Some("https://errors.example.com/kitchen-sink")
    );
    assert_eq!(
        result.docs_url,
        Some("https://errors.example.com/kitchen-sink#E101")
    );
    assert_eq!(
        SinkError::specs()[4].docs_url,
        Some("https://errors.example.com/kitchen-sink#db/timeout")
    );
    assert_eq!(
        result.example_message(),
        "payload of 12KB exceeds {limit} of 10KB"
    );
}

#[test]
fn every_example_round_trips() {
    for spec in SinkError::specs() {
        let message = spec.example_message();
        let error =
            SinkError::from_response(spec.status_code(), body(spec.code, message).as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}", spec.name));
        assert_eq!(error.spec(), spec);
        assert_eq!(error.to_string(), message);
    }
}

#[test]
fn every_example_value_round_trips() {
    // Typed examples: integers, signed ones, booleans, catalog enums and external types.
    let examples = SinkError::examples();
    assert_eq!(examples.len(), SinkError::specs().len());
    assert_eq!(
        examples[2],
        SinkError::Some {
            addr: "10.0.0.1".parse().unwrap(),
            ok: true,
            kind: Kind::InProgress,
            offset: -3,
        }
    );
    for (value, spec) in examples.iter().zip(SinkError::specs()) {
        assert_eq!(value.to_string(), spec.example_message());
        let body = serde_json::to_string(value).unwrap();
        let back = SinkError::from_response(value.status(), body.as_bytes()).unwrap();
        assert_eq!(&back, value);
    }
}

#[test]
fn a_template_with_many_placeholders_is_read_whole() {
    let text: Vec<String> = (0..18).map(|i| format!("v{i}")).collect();
    let error = parse(400, "E104", &text.join("/")).unwrap();
    let SinkError::Wide { p0, p9, p17, .. } = &error else {
        panic!("{error:?}");
    };
    assert_eq!(
        (p0.as_str(), p9.as_str(), p17.as_str()),
        ("v0", "v9", "v17")
    );
    assert_eq!(error.to_string(), text.join("/"));
    assert!(parse(400, "E104", "too/few").is_err());
}
