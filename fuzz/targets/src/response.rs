//! The `response` target: a status, headers and a body, read by `from_http` of the generated
//! enum of one catalog of [`crate::catalogs`].
//!
//! Input: one byte picks the catalog, two bytes (big-endian) the status (a number that is no
//! status is taken modulo 900 plus 100), one byte (modulo 5) the number of headers, each a
//! byte that picks its name in [`HEADERS`], a length byte and that many bytes of value (a
//! value `http` rejects is left out); the rest is the body. [`encode`] writes such an input.
//!
//! Properties: `from_http` returns, never panics; an [`Unrecognized`] keeps the received
//! status; a typed value serializes (in the catalog's shape, and as a [`Problem`]) to a body
//! that `from_response` reads, with the value's status, as an equal value, and its message
//! reads back equal through `from_parts`.

use std::fmt::Debug;

use arbitrary::Unstructured;
use error_catalog::{CatalogError, Problem, Unrecognized};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use serde::Serialize;

use crate::catalogs::ENUMS;

/// The header names an input can use: the code headers of the catalogs, `Retry-After`, and
/// two that no catalog reads.
pub const HEADERS: &[&str] = &[
    "x-error-code",
    "x-ms-error-code",
    "retry-after",
    "content-type",
    "x-request-id",
];

/// A decoded input.
#[derive(Debug)]
pub struct Input<'a> {
    /// Index into [`crate::catalogs::TEXTS`].
    pub catalog: usize,
    /// The response's status.
    pub status: StatusCode,
    /// The response's headers.
    pub headers: HeaderMap,
    /// The response's body.
    pub body: &'a [u8],
}

/// Decodes the fuzzer's bytes (see the module docs); `None` when they are too short.
pub fn decode(data: &[u8]) -> Option<Input<'_>> {
    let mut u = Unstructured::new(data);
    let catalog = usize::from(u.arbitrary::<u8>().ok()?) % ENUMS.len();
    let status = u16::from_be_bytes([u.arbitrary().ok()?, u.arbitrary().ok()?]);
    let status = StatusCode::from_u16(status)
        .or_else(|_| StatusCode::from_u16(100 + status % 900))
        .ok()?;
    let count = u.arbitrary::<u8>().ok()? % 5;
    let mut headers = HeaderMap::new();
    for _ in 0..count {
        let name = HEADERS[usize::from(u.arbitrary::<u8>().ok()?) % HEADERS.len()];
        let len = usize::from(u.arbitrary::<u8>().ok()?);
        let value = u.bytes(len).ok()?;
        if let Ok(value) = HeaderValue::from_bytes(value) {
            headers.append(HeaderName::from_static(name), value);
        }
    }
    let body = u.take_rest();
    Some(Input {
        catalog,
        status,
        headers,
        body,
    })
}

/// Writes an input that [`decode`] reads back: `headers` are pairs of an index into
/// [`HEADERS`] and a value of at most 255 bytes.
pub fn encode(catalog: usize, status: u16, headers: &[(usize, &[u8])], body: &[u8]) -> Vec<u8> {
    let mut out = vec![catalog as u8];
    out.extend(status.to_be_bytes());
    out.push(headers.len() as u8);
    for (name, value) in headers {
        out.push(*name as u8);
        out.push(value.len() as u8);
        out.extend_from_slice(value);
    }
    out.extend_from_slice(body);
    out
}

/// The target.
pub fn run(data: &[u8]) {
    if let Some(input) = decode(data) {
        (ENUMS[input.catalog].check)(input.status, &input.headers, input.body);
    }
}

/// A response that an input stands for: status, headers (index into [`HEADERS`], value) and
/// body.
pub type Response = (u16, Vec<(usize, Vec<u8>)>, Vec<u8>);

/// The functions of the target for one generated enum.
pub struct Enum {
    /// Reads a response and checks the properties.
    pub check: fn(StatusCode, &HeaderMap, &[u8]),
    /// Realistic responses: each entry's example in the catalog's shape and as a problem,
    /// with the code header when the catalog has one.
    pub seeds: fn() -> Vec<Response>,
}

impl Enum {
    /// The functions for `E`.
    pub const fn of<E>() -> Enum
    where
        E: CatalogError + Serialize + PartialEq + Debug + Clone,
        Problem<E>: Serialize,
    {
        Enum {
            check: check::<E>,
            seeds: seeds::<E>,
        }
    }
}

fn check<E>(status: StatusCode, headers: &HeaderMap, body: &[u8])
where
    E: CatalogError + Serialize + PartialEq + Debug + Clone,
    Problem<E>: Serialize,
{
    let value = match E::from_http(status, headers, body) {
        Ok(value) => value,
        Err(unrecognized) => {
            assert_eq!(unrecognized.status(), status, "{unrecognized:?}");
            let _ = unrecognized.to_string();
            return;
        }
    };
    let own = serde_json::to_vec(&value).expect("a generated error serializes");
    let reread = E::from_response(value.status(), &own);
    assert_reads_back(&value, reread, || {
        format!("written as {}", String::from_utf8_lossy(&own))
    });
    let problem = serde_json::to_vec(&Problem(value.clone())).expect("a problem serializes");
    let reread = E::from_response(value.status(), &problem);
    assert_reads_back(&value, reread, || {
        format!(
            "written as the problem {}",
            String::from_utf8_lossy(&problem)
        )
    });
    let message = value.to_string();
    let reread = E::from_parts(value.status(), value.code(), &message);
    assert_reads_back(&value, reread, || {
        format!("read from its message {message:?}")
    });
}

/// Checks that `reread` is `value`.
fn assert_reads_back<E>(value: &E, reread: Result<E, Unrecognized>, how: impl Fn() -> String)
where
    E: CatalogError + PartialEq + Debug,
{
    if reread.as_ref() == Ok(value) {
        return;
    }
    panic!(
        "{value:?} does not read back: {}, it reads as {reread:?}",
        how()
    );
}

fn seeds<E>() -> Vec<Response>
where
    E: CatalogError + Serialize + PartialEq + Debug + Clone,
    Problem<E>: Serialize,
{
    let header = E::catalog()
        .wire
        .header
        .and_then(|name| HEADERS.iter().position(|h| h.eq_ignore_ascii_case(name)));
    let mut out = Vec::new();
    for spec in E::specs() {
        let Ok(value) = E::from_parts(spec.status_code(), spec.code, spec.example_message()) else {
            continue;
        };
        let headers: Vec<(usize, Vec<u8>)> = header
            .map(|h| (h, spec.code.as_bytes().to_vec()))
            .into_iter()
            .collect();
        let own = serde_json::to_vec(&value).expect("a generated error serializes");
        let problem = serde_json::to_vec(&Problem(value)).expect("a problem serializes");
        out.push((spec.status, headers.clone(), own));
        out.push((spec.status, Vec::new(), problem));
        if !headers.is_empty() {
            out.push((spec.status, headers, Vec::new()));
        }
    }
    out
}
