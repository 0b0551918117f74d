//! Property tests of the round trip, for every entry of every test catalog: a value built from
//! field values drawn at random renders to its template filled with them, serializes (the
//! catalog's body, and problem details), and reads back (`from_response`, and `from_http` with
//! the code header) as an error that renders to the same message, with the same code and
//! status, and the same fields wherever the body or the template determines them.
//!
//! Everything is driven by the metadata of the generated enum (`specs()`, each entry's
//! template and field types) and the hidden `Generated::build`, so a catalog is covered by one
//! line in [`every_entry_of_every_catalog_round_trips`]. String fields are drawn from all of
//! Unicode, with a bias towards the entry's own literal text, braces, quotes, backslashes,
//! newlines and the empty string; integers over their whole range; catalog enums over their
//! values.
//!
//! An entry with translated messages (`messages.<locale>`) round-trips in every locale: the
//! value renders and serializes (`Localized`, and problem details of it) in the locale, and a
//! client, which reads a message in any of the catalog's locales, reads it back.
//!
//! Each entry gets [`CASES`] cases per locale; `PROPTEST_CASES` sets another number.

use std::fmt::Debug;
use std::net::{Ipv4Addr, Ipv6Addr};

use error_catalog::__private::Generated;
use error_catalog::{CatalogError, ErrorSpec, Problem};
use error_catalog_template::{Class, Int, Piece, Segment, parse, split_repeated};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::BoxedStrategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

pub(crate) mod backup_restore {
    #[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
    #[derive(Debug, Clone)]
    pub enum BackupError {}
}

pub(crate) mod locales {
    #[error_catalog::catalog(path = "catalogs/locales.toml")]
    #[derive(Debug, Clone)]
    pub enum LocalizedError {}
}

pub(crate) mod kitchen_sink {
    #[error_catalog::catalog(path = "catalogs/kitchen-sink.toml")]
    #[derive(Debug, Clone)]
    pub enum KitchenError {}
}

pub(crate) mod client {
    #[error_catalog::catalog(path = "catalogs/client.toml")]
    #[derive(Debug, Clone)]
    pub enum ClientError {}
}

pub(crate) mod http_client {
    #[error_catalog::catalog(path = "catalogs/http-client.toml")]
    #[derive(Debug, Clone)]
    pub enum HttpClientError {}
}

pub(crate) mod overlap {
    #[error_catalog::catalog(path = "catalogs/overlap.toml")]
    #[derive(Debug, Clone)]
    pub enum OverlapError {}
}

pub(crate) mod problem {
    #[error_catalog::catalog(path = "catalogs/problem.toml")]
    #[derive(Debug, Clone)]
    pub enum ProblemError {}
}

pub(crate) mod problem_integer {
    #[error_catalog::catalog(path = "catalogs/problem-integer.toml")]
    #[derive(Debug, Clone)]
    pub enum ProblemIntegerError {}
}

pub(crate) mod problem_names {
    #[error_catalog::catalog(path = "catalogs/problem-names.toml")]
    #[derive(Debug, Clone)]
    pub enum ProblemNamesError {}
}

pub(crate) mod problem_default_keys {
    #[error_catalog::catalog(path = "catalogs/problem-default-keys.toml")]
    #[derive(Debug, Clone)]
    pub enum ProblemDefaultKeysError {}
}

pub(crate) mod problem_nested {
    #[error_catalog::catalog(path = "catalogs/problem-nested.toml")]
    #[derive(Debug, Clone)]
    pub enum ProblemNestedError {}
}

pub(crate) mod problem_shaped {
    #[error_catalog::catalog(path = "catalogs/problem-shaped.toml")]
    #[derive(Debug, Clone)]
    pub enum ProblemShapedError {}
}

pub(crate) mod repeats {
    #[error_catalog::catalog(path = "catalogs/repeats.toml")]
    #[derive(Debug, Clone)]
    pub enum RepeatError {}
}

pub(crate) mod code_blocks {
    #[error_catalog::catalog(path = "catalogs/code-blocks.toml")]
    #[derive(Debug, Clone)]
    pub enum CodeBlocksError {}
}

pub(crate) mod injection {
    #[error_catalog::catalog(path = "catalogs/injection.toml")]
    #[derive(Debug, Clone)]
    pub enum InjectionError {}
}

pub(crate) mod prototype {
    #[error_catalog::catalog(path = "catalogs/prototype.toml")]
    #[derive(Debug, Clone)]
    pub enum PrototypeError {}
}

pub(crate) mod structured {
    #[error_catalog::catalog(path = "catalogs/structured.toml")]
    #[derive(Debug, Clone)]
    pub enum StructuredError {}
}

pub(crate) mod empty {
    #[error_catalog::catalog(path = "catalogs/empty.toml")]
    #[derive(Debug, Clone)]
    pub enum EmptyError {}
}

pub(crate) mod flat {
    #[error_catalog::catalog(path = "catalogs/wire/flat.toml")]
    #[derive(Debug, Clone)]
    pub enum FlatError {}
}

pub(crate) mod azure {
    #[error_catalog::catalog(path = "catalogs/wire/azure.toml")]
    #[derive(Debug, Clone)]
    pub enum AzureError {}
}

pub(crate) mod google {
    #[error_catalog::catalog(path = "catalogs/wire/google.toml")]
    #[derive(Debug, Clone)]
    pub enum GoogleError {}
}

pub(crate) mod kubernetes {
    #[error_catalog::catalog(path = "catalogs/wire/kubernetes.toml")]
    #[derive(Debug, Clone)]
    pub enum KubeError {}
}

pub(crate) mod odata {
    #[error_catalog::catalog(path = "catalogs/wire/odata.toml")]
    #[derive(Debug, Clone)]
    pub enum TableError {}
}

pub(crate) mod translator {
    #[error_catalog::catalog(path = "catalogs/wire/translator.toml")]
    #[derive(Debug, Clone)]
    pub enum TranslatorError {}
}

pub(crate) mod twilio {
    #[error_catalog::catalog(path = "catalogs/wire/twilio.toml")]
    #[derive(Debug, Clone)]
    pub enum TwilioError {}
}

/// Cases per entry, unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 48;

#[test]
fn every_entry_of_every_catalog_round_trips() {
    round_trips::<backup_restore::BackupError>();
    round_trips::<locales::LocalizedError>();
    round_trips::<kitchen_sink::KitchenError>();
    round_trips::<client::ClientError>();
    round_trips::<http_client::HttpClientError>();
    round_trips::<overlap::OverlapError>();
    round_trips::<problem::ProblemError>();
    round_trips::<problem_integer::ProblemIntegerError>();
    round_trips::<structured::StructuredError>();
    round_trips::<problem_names::ProblemNamesError>();
    round_trips::<problem_default_keys::ProblemDefaultKeysError>();
    round_trips::<problem_nested::ProblemNestedError>();
    round_trips::<problem_shaped::ProblemShapedError>();
    round_trips::<code_blocks::CodeBlocksError>();
    round_trips::<repeats::RepeatError>();
    round_trips::<injection::InjectionError>();
    round_trips::<prototype::PrototypeError>();
    round_trips::<empty::EmptyError>();
    round_trips::<flat::FlatError>();
    round_trips::<azure::AzureError>();
    round_trips::<google::GoogleError>();
    round_trips::<kubernetes::KubeError>();
    round_trips::<odata::TableError>();
    round_trips::<translator::TranslatorError>();
    round_trips::<twilio::TwilioError>();
}

/// The round trip of every entry of `E`'s catalog.
fn round_trips<E: Generated + Clone + Debug + serde::Serialize>() {
    let config = match std::env::var_os("PROPTEST_CASES") {
        // `Config::default` reads `PROPTEST_CASES`.
        Some(_) => Config::default(),
        None => Config::with_cases(CASES),
    };
    for (index, spec) in E::specs().iter().enumerate() {
        // Every message of the entry, in the order a client tries them: the default locale's,
        // then the translations.
        let templates: Vec<Template> = std::iter::once((None, Entry::new(spec, spec.message)))
            .chain(
                spec.messages
                    .iter()
                    .map(|t| (Some(t.locale), Entry::new(spec, t.text))),
            )
            .collect();
        for (locale, entry) in &templates {
            let mut runner = TestRunner::new(Config {
                failure_persistence: None,
                max_shrink_iters: 4096,
                ..config.clone()
            });
            let result = runner.run(&entry.values::<E>(), |values| {
                round_trip::<E>(index, *locale, entry, &templates, &values)
            });
            if let Err(error) = result {
                panic!(
                    "{}: entry {} in {} (`{}`): {error}",
                    E::catalog().title,
                    spec.name,
                    locale.unwrap_or("the default locale"),
                    spec.message
                );
            }
        }
    }
}

/// A message of an entry: its locale (`None` for the default one) and its template.
type Template = (Option<&'static str>, Entry);

/// `error`'s message in `locale` (`None` for the default locale).
fn render_in<E: Generated>(error: &E, locale: Option<&str>) -> String {
    match locale {
        Some(locale) => error.localized(locale).to_string(),
        None => error.to_string(),
    }
}

/// Whether `error` renders as `message` in one of its catalog's locales.
fn renders_in_some_locale<E: Generated>(error: &E, message: &str) -> bool {
    render_in(error, None) == message
        || E::catalog()
            .locales
            .iter()
            .any(|locale| render_in(error, Some(locale)) == message)
}

/// What the test needs of one entry: its template, parsed, and the field of each placeholder.
pub(crate) struct Entry {
    spec: &'static ErrorSpec,
    pieces: Vec<Piece>,
    /// For each placeholder, in template order, the index of its field in `spec.fields`.
    pub(crate) placeholders: Vec<usize>,
}

impl Entry {
    /// The entry `spec` with its message `template` in one locale.
    pub(crate) fn new(spec: &'static ErrorSpec, template: &str) -> Entry {
        let pieces = parse(template).expect("a checked template parses");
        let placeholders = pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Placeholder { name, .. } => Some(
                    spec.fields
                        .iter()
                        .position(|field| field.name == name.as_str())
                        .expect("each placeholder names a field"),
                ),
                Piece::Literal(_) => None,
            })
            .collect();
        Entry {
            spec,
            pieces,
            placeholders,
        }
    }

    /// The text of each placeholder, in template order, from the text of each field
    /// (`values`, in `spec.fields` order): what `Generated::build` takes, for the default
    /// message.
    pub(crate) fn texts<'v>(&self, values: &'v [String]) -> Vec<&'v str> {
        self.placeholders
            .iter()
            .map(|&field| values[field].as_str())
            .collect()
    }

    /// A strategy for the text of each field, in `spec.fields` order.
    pub(crate) fn values<E: CatalogError>(&self) -> Vec<BoxedStrategy<String>> {
        self.spec
            .fields
            .iter()
            .map(|field| self.field_values::<E>(field.ty, field.example))
            .collect()
    }

    /// Texts of a value of the type `ty` (as the catalog writes it).
    fn field_values<E: CatalogError>(
        &self,
        ty: &str,
        example: &'static str,
    ) -> BoxedStrategy<String> {
        macro_rules! integers {
            ($($int:ident)*) => {
                match ty {
                    $(stringify!($int) => return any::<$int>().prop_map(|n| n.to_string()).boxed(),)*
                    _ => {}
                }
            };
        }
        integers!(u8 u16 u32 u64 u128 usize i8 i16 i32 i64 i128 isize);
        match ty {
            "String" => self.strings(),
            "bool" => any::<bool>().prop_map(|b| b.to_string()).boxed(),
            "std::net::Ipv4Addr" | "core::net::Ipv4Addr" => {
                any::<Ipv4Addr>().prop_map(|a| a.to_string()).boxed()
            }
            "std::net::Ipv6Addr" | "core::net::Ipv6Addr" => {
                any::<Ipv6Addr>().prop_map(|a| a.to_string()).boxed()
            }
            _ => match E::catalog().types.iter().find(|t| t.name == ty) {
                Some(catalog_enum) => select(catalog_enum.values).prop_map(str::to_owned).boxed(),
                // Another external type: its example is the one value known to parse.
                None => Just(example.to_owned()).boxed(),
            },
        }
    }

    /// Strings from all of Unicode, biased towards the template's literal text and the
    /// characters a template or a JSON body treats specially.
    fn strings(&self) -> BoxedStrategy<String> {
        let mut pieces: Vec<String> = [
            "",
            "{",
            "}",
            "{{",
            "}}",
            "\"",
            "\\",
            "\n",
            "\r\n",
            "\t",
            " ",
            "\u{0}",
            "/",
            "~",
            "-",
            "0",
            "1",
            "-1",
            "%",
            "\u{1F600}",
            "é",
            "\u{FEFF}",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for piece in &self.pieces {
            if let Piece::Literal(text) = piece {
                pieces.push(text.clone());
                pieces.extend(text.split(' ').map(str::to_owned));
                pieces.extend(text.chars().map(String::from));
                // Every suffix and prefix, which a split may mistake for the literal.
                let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
                for &i in &bounds {
                    pieces.push(text[..i].to_owned());
                    pieces.push(text[i..].to_owned());
                }
            }
        }
        pieces.sort();
        pieces.dedup();
        let piece = select(pieces);
        let any_char = any::<char>().prop_map(String::from);
        prop_oneof![
            1 => Just(String::new()),
            3 => proptest::collection::vec(any::<char>(), 0..12)
                .prop_map(|chars| chars.into_iter().collect()),
            3 => proptest::collection::vec(piece.clone(), 1..5).prop_map(|p| p.concat()),
            3 => proptest::collection::vec(prop_oneof![piece, any_char], 1..8)
                .prop_map(|p| p.concat()),
        ]
        .boxed()
    }

    /// The template compiled as the reader has it: each placeholder with its field's class.
    fn segments<E: CatalogError>(&self) -> Vec<Segment<'_>> {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Literal(text) => Segment::Literal(text),
                Piece::Placeholder { name, .. } => {
                    let ty = self
                        .spec
                        .fields
                        .iter()
                        .find(|field| field.name == name.as_str())
                        .expect("each placeholder names a field")
                        .ty;
                    let catalog_enum = E::catalog().types.iter().find(|t| t.name == ty);
                    Segment::Field(match (ty, Int::from_name(ty), catalog_enum) {
                        ("bool", _, _) => Class::Bool,
                        (_, Some(int), _) => Class::Integer(int),
                        (_, None, Some(catalog_enum)) => Class::OneOf(catalog_enum.values),
                        (_, None, None) => Class::Text,
                    })
                }
            })
            .collect()
    }

    /// The documented reading of `message` (`docs/catalog-format.md`, "How a message is
    /// split"): the text of each placeholder, the placeholders of one field with the same
    /// text, the first one the shortest possible, then the second, and so on; `None` when the
    /// message does not fit.
    fn reading<'m, E: CatalogError>(&self, message: &'m str) -> Option<Vec<&'m str>> {
        let mut captures = vec![""; self.placeholders.len()];
        split_repeated(
            &self.segments::<E>(),
            &self.placeholders,
            message,
            &mut captures,
        )
        .then_some(captures)
    }

    /// `texts`, one per placeholder of this template, in the order of the placeholders of
    /// `default`, the entry's template in the default locale, as `build` takes them.
    fn in_order_of<'t>(&self, default: &Entry, texts: &[&'t str]) -> Vec<&'t str> {
        default
            .placeholders
            .iter()
            .map(|field| {
                self.placeholders
                    .iter()
                    .position(|f| f == field)
                    .map_or("", |at| texts[at])
            })
            .collect()
    }

    /// The template filled with `texts`, one per placeholder.
    pub(crate) fn render(&self, texts: &[&str]) -> String {
        let mut texts = texts.iter();
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Placeholder { .. } => {
                    out.push_str(texts.next().expect("one per placeholder"))
                }
            }
        }
        out
    }
}

/// The fields of `error` as a JSON object, as the body's fields object would hold them.
fn fields<E: Generated>(error: &E) -> serde_json::Value {
    let spec = error.spec();
    let mut object = serde_json::Map::new();
    error.parts(&mut |_, values| {
        for (field, value) in spec.fields.iter().zip(values) {
            let value = serde_json::to_value(value).expect("a field serializes");
            object.insert(field.name.to_owned(), value);
        }
    });
    serde_json::Value::Object(object)
}

fn round_trip<E: Generated + Clone + Debug + serde::Serialize>(
    index: usize,
    locale: Option<&'static str>,
    entry: &Entry,
    templates: &[Template],
    values: &[String],
) -> Result<(), TestCaseError> {
    let spec = entry.spec;
    let texts = entry.texts(values);
    // `build` takes the texts in the order of the default locale's placeholders.
    let default = &templates[0].1;
    let build_texts = default.texts(values);
    let Ok(error) = E::build(index, &build_texts) else {
        return Err(TestCaseError::fail(format!(
            "build({index}, {build_texts:?}) gives no value"
        )));
    };
    prop_assert_eq!(error.spec().name, spec.name);
    let message = render_in(&error, locale);
    prop_assert_eq!(&message, &entry.render(&texts), "rendering");
    let expected_fields = fields(&error);
    // The value the documented reading of the message gives, if its texts build one (an
    // external type may get a text that does not parse).
    let Some(reading) = entry.reading::<E>(&message) else {
        return Err(TestCaseError::fail(format!(
            "the message {message:?} of {error:?} does not fit its own template"
        )));
    };
    let consistent = entry
        .placeholders
        .iter()
        .zip(&reading)
        .all(|(field, text)| {
            entry
                .placeholders
                .iter()
                .zip(&reading)
                .all(|(other, other_text)| other != field || other_text == text)
        });
    prop_assert!(
        consistent,
        "the reading {:?} of {:?} gives a field two texts",
        reading,
        message
    );
    // A client tries the entry's messages in order, the default locale's first: the first
    // whose reading gives a value that renders to the message in its locale.
    let documented = templates.iter().find_map(|(locale, template)| {
        let reading = template.reading::<E>(&message)?;
        let reading = template.in_order_of(default, &reading);
        E::build(index, &reading)
            .ok()
            .filter(|value| render_in(value, *locale) == message)
            .map(|value| fields(&value))
    });
    let reference = Reference {
        message: &message,
        sent: &expected_fields,
        documented: documented.as_ref(),
    };
    let status = error.status();
    let catalog = E::catalog();

    let body = match locale {
        Some(locale) => serde_json::to_vec(&error.localized(locale)),
        None => serde_json::to_vec(&error),
    }
    .expect("an error serializes");
    let has_fields_object = catalog.wire.fields.is_some();
    let read = E::from_response(status, &body);
    check_reading(&error, &reference, read, has_fields_object, "body")?;

    if let Some(name) = catalog.wire.header_name() {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            name,
            http::HeaderValue::from_str(error.code()).expect("a code is a header value"),
        );
        let read = E::from_http(status, &headers, &body);
        check_reading(
            &error,
            &reference,
            read,
            has_fields_object,
            "body and header",
        )?;
    }

    // Problem details carry every field as an extension member, which a client reads,
    // unless the catalog's own body has `type`, `status` and `detail` at its top level and no
    // fields object: a problem is then read as the catalog's shape, from its message.
    let problem = match locale {
        Some(locale) => serde_json::to_vec(&Problem(error.localized(locale))),
        None => serde_json::to_vec(&Problem(error.clone())),
    }
    .expect("a problem serializes");
    let read = E::from_response(status, &problem);
    let own_body: serde_json::Value =
        serde_json::from_slice(&serde_json::to_vec(&error).expect("the error serializes"))
            .expect("the body is JSON");
    let own_shape = ["type", "status", "detail"]
        .iter()
        .all(|sign| own_body.get(sign).is_some());
    check_reading(
        &error,
        &reference,
        read,
        !own_shape || has_fields_object,
        "problem details",
    )?;
    Ok(())
}

/// What a reading of an error is compared with.
struct Reference<'a> {
    /// The error's message.
    message: &'a str,
    /// The error's fields.
    sent: &'a serde_json::Value,
    /// The fields of the documented reading of the message, when it gives a value that
    /// renders to the message.
    documented: Option<&'a serde_json::Value>,
}

/// That `read` is a reading of `error`: the same code, status and message, and the same
/// fields when `fields_sent`; from the message alone, the fields of the documented reading
/// (the error's own fields whenever the template determines them). When the template does
/// not (two readings of one message), the reading renders to the same message, which is
/// what makes it valid, and it is the documented one.
fn check_reading<E: Generated + Debug>(
    error: &E,
    reference: &Reference<'_>,
    read: Result<E, error_catalog::Unrecognized>,
    fields_sent: bool,
    what: &str,
) -> Result<(), TestCaseError> {
    let (message, expected_fields) = (reference.message, reference.sent);
    let read = match read {
        Ok(read) => read,
        // Documented: an external type's text matches any text, and no other split is tried
        // when it does not parse or render back, so such a message may not read back, but
        // only when the documented reading gives no value. (A field used several times
        // always reads back: its documented reading has the same text in each place.)
        Err(unrecognized)
            if unrecognized.kind() == &error_catalog::UnrecognizedKind::MessageMismatch
                && !fields_sent
                && reference.documented.is_none()
                && one_split_only(error.spec()) =>
        {
            return Ok(());
        }
        Err(unrecognized) => {
            return Err(TestCaseError::fail(format!(
                "{what}: {error:?} does not read back: {unrecognized:?}"
            )));
        }
    };
    prop_assert!(
        renders_in_some_locale(&read, message),
        "{}: {:?} does not render as {:?} in any locale",
        what,
        read,
        message
    );
    prop_assert_eq!(read.code(), error.code(), "{}: code", what);
    prop_assert_eq!(read.status(), error.status(), "{}: status", what);
    if fields_sent {
        prop_assert_eq!(read.spec().name, error.spec().name, "{}: entry", what);
        prop_assert_eq!(
            &fields(&read),
            expected_fields,
            "{}: fields of {:?}",
            what,
            read
        );
    } else if read.spec().name == error.spec().name {
        // Another entry of the code (an overlapping one) may come first; this one's reading
        // is the documented one.
        match reference.documented {
            Some(documented) => prop_assert_eq!(
                &fields(&read),
                documented,
                "{}: fields of {:?}, not the documented reading",
                what,
                read
            ),
            None => {
                return Err(TestCaseError::fail(format!(
                    "{what}: {read:?} read back where the documented reading gives no value"
                )));
            }
        }
    }
    Ok(())
}

/// Whether the reader of `spec`'s messages tries a single split and may reject a message that
/// another split would read: an external type.
fn one_split_only(spec: &ErrorSpec) -> bool {
    spec.fields.iter().any(|field| field.ty.contains("::"))
}
