//! Writes the synthetic catalogs of the `runtime` and `lookup` benchmarks and their
//! hand-written twins into `OUT_DIR`:
//!
//! - `catalog_50.toml`: 50 entries of four kinds in turn (entry `i` has code `100 + i`):
//!   a `String` field; a `u32` and a `String` field; a catalog enum (`Job`) and a `u64`
//!   field; no field;
//! - `catalog_10000.toml`: 10,000 entries without fields (code `100 + i`), for the code
//!   lookup alone;
//! - `generated_50.rs` and `generated_10000.rs`: the `catalog` attribute on an empty enum,
//!   with the absolute path of the catalog;
//! - `hand_50.rs`: the same 50 errors as a careful engineer writes them by hand (thiserror for
//!   `Display`, a `Serialize` that streams the message, `code()`, `status()`, a client that
//!   decodes the envelope and recovers the fields from the message, and one that matches the
//!   code alone);
//! - `hand_lookup_50.rs`: the code lookup `match` of those 50 codes and their messages;
//! - `hand_10000.rs`: the code lookup `match` of 10,000 arms and the table of messages.

use std::fmt::Write as _;
use std::path::Path;

/// The HTTP status of entry `i`.
fn status(i: usize) -> u16 {
    [404, 409, 400, 503][i % 4]
}

/// Entry `i` of the mixed catalog: its message template and fields (name, catalog type).
fn entry(i: usize) -> (String, Vec<(&'static str, &'static str)>) {
    match i % 4 {
        0 => (
            format!("Resource {{id}} of kind {i} not found"),
            vec![("id", "String")],
        ),
        1 => (
            format!("Quota {{limit}} exceeded for {{owner}} in {i}"),
            vec![("limit", "u32"), ("owner", "String")],
        ),
        2 => (
            format!("Job {{job}} failed at step {{step}} ({i})"),
            vec![("job", "Job"), ("step", "u64")],
        ),
        _ => (format!("Service {i} unavailable"), vec![]),
    }
}

fn catalog(n: usize, mixed: bool) -> String {
    let mut toml = String::from(
        "[catalog]\ntitle = \"Bench\"\nwire = { code = \"errorCode\", message = \"errorMessage\" }\n\n\
         [status.400]\n[status.404]\n[status.409]\n[status.503]\n\n\
         [types.Job]\nvalues = [\"EXPORT\", \"IMPORT\"]\n\n",
    );
    for i in 0..n {
        let (message, fields) = if mixed {
            entry(i)
        } else {
            (format!("Service {i} unavailable"), vec![])
        };
        writeln!(
            toml,
            "[errors.E{i}]\ncode = \"{}\"\nstatus = {}\nmessage = \"{message}\"\ndoc = \"Entry {i}.\"",
            100 + i,
            status(i)
        )
        .unwrap();
        for (name, ty) in fields {
            if ty != "String" {
                writeln!(toml, "fields.{name} = \"{ty}\"").unwrap();
            }
        }
        toml.push('\n');
    }
    toml
}

fn generated(name: &str, catalog: &Path) -> String {
    format!(
        "/// The enum that the `catalog` attribute generates from `{file}`.\n\
         #[error_catalog::catalog(path = {path:?})]\n\
         #[derive(Debug, Clone, PartialEq, Eq)]\n\
         pub enum {name} {{}}\n",
        file = catalog.file_name().unwrap().to_str().unwrap(),
        path = catalog.to_str().expect("OUT_DIR is UTF-8"),
    )
}

/// The hand-written twin of the 50-entry catalog, and its code lookup.
fn hand_50(n: usize) -> (String, String) {
    let mut variants = String::new();
    let mut codes = String::new();
    let mut statuses = String::new();
    let mut parse = String::new();
    let mut markers = String::new();
    let mut marker_of = String::new();
    let mut lookup = String::new();
    let mut messages = String::new();
    for i in 0..n {
        let (message, fields) = entry(i);
        let code = 100 + i;
        let pattern = if fields.is_empty() {
            format!("E{i}")
        } else {
            format!("E{i} {{ .. }}")
        };
        let rust = |ty: &str| {
            match ty {
                "Job" => "HandJob",
                other => other,
            }
            .to_owned()
        };
        let declared: Vec<String> = fields
            .iter()
            .map(|(name, ty)| format!("{name}: {}", rust(ty)))
            .collect();
        if fields.is_empty() {
            writeln!(
                variants,
                "    /// Entry {i}.\n    #[error(\"{message}\")]\n    E{i},"
            )
            .unwrap();
        } else {
            writeln!(
                variants,
                "    /// Entry {i}.\n    #[error(\"{message}\")]\n    E{i} {{\n{}    }},",
                declared
                    .iter()
                    .map(|field| format!("        /// A field.\n        {field},\n"))
                    .collect::<String>()
            )
            .unwrap();
        }
        writeln!(codes, "            HandError50::{pattern} => \"{code}\",").unwrap();
        writeln!(
            statuses,
            "            HandError50::{pattern} => StatusCode::from_u16({}).unwrap(),",
            status(i)
        )
        .unwrap();
        // What a careful engineer writes for each template: literal prefix and suffix off,
        // split at the literal between two placeholders, parse what is not a `String`.
        let arm = match i % 4 {
            0 => format!(
                "let id = message.strip_prefix(\"Resource \")?.strip_suffix(\" of kind {i} not found\")?;\n\
                 Some(HandError50::E{i} {{ id: id.to_owned() }})"
            ),
            1 => format!(
                "let rest = message.strip_prefix(\"Quota \")?.strip_suffix(\" in {i}\")?;\n\
                 let (limit, owner) = rest.split_once(\" exceeded for \")?;\n\
                 Some(HandError50::E{i} {{ limit: limit.parse().ok()?, owner: owner.to_owned() }})"
            ),
            2 => format!(
                "let rest = message.strip_prefix(\"Job \")?.strip_suffix(\" ({i})\")?;\n\
                 let (job, step) = rest.split_once(\" failed at step \")?;\n\
                 Some(HandError50::E{i} {{ job: job.parse().ok()?, step: step.parse().ok()? }})"
            ),
            _ => format!("(message == {message:?}).then_some(HandError50::E{i})"),
        };
        writeln!(parse, "            \"{code}\" => {{\n{arm}\n            }}").unwrap();
        writeln!(markers, "    /// Code {code}.\n    C{code},").unwrap();
        writeln!(
            marker_of,
            "        \"{code}\" => Some(HandCode50::C{code}),"
        )
        .unwrap();
        writeln!(lookup, "        \"{code}\" => Some({i}),").unwrap();
        if fields.is_empty() {
            writeln!(messages, "    Some({message:?}),").unwrap();
        } else {
            messages.push_str("    None,\n");
        }
    }
    let twin = format!(
        r#"use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use http::StatusCode;

/// The hand-written twin of the generated `Job`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandJob {{
    /// `EXPORT`
    Export,
    /// `IMPORT`
    Import,
}}

impl fmt::Display for HandJob {{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{
        f.write_str(match self {{
            HandJob::Export => "EXPORT",
            HandJob::Import => "IMPORT",
        }})
    }}
}}

/// The text is not a job.
#[derive(Debug)]
pub struct UnknownJob;

impl FromStr for HandJob {{
    type Err = UnknownJob;
    fn from_str(text: &str) -> Result<Self, UnknownJob> {{
        match text {{
            "EXPORT" => Ok(HandJob::Export),
            "IMPORT" => Ok(HandJob::Import),
            _ => Err(UnknownJob),
        }}
    }}
}}

/// A response the hand-written client did not recognize: what was received.
#[derive(Debug)]
pub struct HandUnrecognized {{
    /// The received status.
    pub status: StatusCode,
    /// The received code, when the body was an error body.
    pub code: Option<String>,
    /// The received message, when the body was an error body.
    pub message: Option<String>,
}}

/// The wire body, borrowed from the input unless the JSON had escapes.
#[derive(serde::Deserialize)]
struct Body<'a> {{
    #[serde(rename = "errorCode", borrow)]
    code: Cow<'a, str>,
    #[serde(rename = "errorMessage", borrow)]
    message: Cow<'a, str>,
}}

/// The 50 errors of `catalog_50.toml`, written by hand with thiserror.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandError50 {{
{variants}}}

impl HandError50 {{
    /// The error code sent on the wire.
    pub fn code(&self) -> &'static str {{
        match self {{
{codes}        }}
    }}

    /// The HTTP status sent with this error.
    pub fn status(&self) -> StatusCode {{
        match self {{
{statuses}        }}
    }}

    /// Decodes the envelope and recovers the variant and its fields from the message.
    pub fn from_response(status: StatusCode, body: &[u8]) -> Result<Self, HandUnrecognized> {{
        let Ok(Body {{ code, message }}) = serde_json::from_slice::<Body<'_>>(body) else {{
            return Err(HandUnrecognized {{ status, code: None, message: None }});
        }};
        match Self::parse(&code, &message) {{
            Some(error) => Ok(error),
            None => Err(HandUnrecognized {{
                status,
                code: Some(code.into_owned()),
                message: Some(message.into_owned()),
            }}),
        }}
    }}

    /// The variant of a code and message, fields parsed from the message.
    fn parse(code: &str, message: &str) -> Option<Self> {{
        match code {{
{parse}            _ => None,
        }}
    }}
}}

impl serde::Serialize for HandError50 {{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {{
        use serde::ser::SerializeStruct;
        struct Message<'e>(&'e HandError50);
        impl serde::Serialize for Message<'_> {{
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {{
                serializer.collect_str(self.0)
            }}
        }}
        let mut body = serializer.serialize_struct("ErrorBody", 2)?;
        body.serialize_field("errorCode", self.code())?;
        body.serialize_field("errorMessage", &Message(self))?;
        body.end()
    }}
}}

/// The code of a received error, as a client that recovers no fields keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandCode50 {{
{markers}}}

impl HandCode50 {{
    /// Decodes the envelope and matches the code to its marker; the message is kept only
    /// when the code is unknown.
    pub fn from_response(status: StatusCode, body: &[u8]) -> Result<Self, HandUnrecognized> {{
        let Ok(Body {{ code, message }}) = serde_json::from_slice::<Body<'_>>(body) else {{
            return Err(HandUnrecognized {{ status, code: None, message: None }});
        }};
        match Self::of(&code) {{
            Some(marker) => Ok(marker),
            None => Err(HandUnrecognized {{
                status,
                code: Some(code.into_owned()),
                message: Some(message.into_owned()),
            }}),
        }}
    }}

    fn of(code: &str) -> Option<Self> {{
        match code {{
{marker_of}            _ => None,
        }}
    }}
}}

"#
    );
    let lookup = format!(
        r#"/// The entry of a code in `catalog_50.toml`: a hand-written `match`.
pub fn entry_of_50(code: &str) -> Option<usize> {{
    match code {{
{lookup}        _ => None,
    }}
}}

/// The message of each entry without fields, `None` for the others.
pub static MESSAGES_50: [Option<&str>; {n}] = [
{messages}];
"#
    );
    (twin, lookup)
}

fn hand_10000(n: usize) -> String {
    let mut lookup = String::new();
    let mut messages = String::new();
    for i in 0..n {
        writeln!(lookup, "        \"{}\" => Some({i}),", 100 + i).unwrap();
        writeln!(messages, "    \"Service {i} unavailable\",").unwrap();
    }
    format!(
        "/// The entry of a code in `catalog_10000.toml`: a hand-written `match` of {n} arms.\n\
         pub fn entry_of_10000(code: &str) -> Option<usize> {{\n    match code {{\n{lookup}        _ => None,\n    }}\n}}\n\n\
         /// The message of each entry.\n\
         pub static MESSAGES_10000: [&str; {n}] = [\n{messages}];\n"
    )
}

/// Writes `text` unless the file already holds it, so that the benchmarks are not rebuilt.
fn write(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap();
    }
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    for (n, mixed, name) in [(50, true, "Generated50"), (10_000, false, "Generated10000")] {
        let toml = out.join(format!("catalog_{n}.toml"));
        write(&toml, &catalog(n, mixed));
        write(
            &out.join(format!("generated_{n}.rs")),
            &generated(name, &toml),
        );
    }
    let (twin, lookup) = hand_50(50);
    write(&out.join("hand_50.rs"), &twin);
    write(&out.join("hand_lookup_50.rs"), &lookup);
    write(&out.join("hand_10000.rs"), &hand_10000(10_000));
}
