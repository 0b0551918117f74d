//! Seed inputs of each target, built from the repository's catalogs: what `fuzz/corpus/` was
//! started from (`tests/replay.rs` writes them with `--ignored write_seeds`, and checks them
//! on every run).

use std::path::{Path, PathBuf};

use error_catalog_codegen::model::{FieldType, Part};

use crate::catalogs::{self, ENUMS};
use crate::response::{HEADERS, encode};

/// The repository's catalog files, valid and invalid: `catalog/`, `tests/catalogs/**`,
/// `tests/ui/*.toml` (but its `Cargo.toml`) and `error-catalog-cli/tests/catalogs/`, sorted.
pub fn catalog_files() -> Vec<PathBuf> {
    let root = crate::fuzz_dir().join("..");
    let mut files = Vec::new();
    for dir in [
        "catalog",
        "tests/catalogs",
        "tests/catalogs/wire",
        "tests/ui",
        "error-catalog-cli/tests/catalogs",
    ] {
        files.extend(toml_files(&root.join(dir)));
    }
    files.sort();
    files
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        // `tests/ui/` is also the UI tests' package: its manifest is no catalog.
        .filter(|path| path.file_name().is_some_and(|name| name != "Cargo.toml"))
        .collect()
}

/// The seeds of the `catalog` and `docs` targets: the text of every catalog file.
pub fn catalog() -> Vec<Vec<u8>> {
    catalog_files()
        .iter()
        .map(|path| std::fs::read(path).expect("a catalog file is readable"))
        .collect()
}

/// The seeds of the `response` target: every entry's example, in its catalog's shape with
/// the code header when there is one, as a problem, and as the code header alone; and a few
/// bodies that are not the catalog's: not JSON, empty, with a delay.
pub fn response() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (index, functions) in ENUMS.iter().enumerate() {
        for (status, headers, body) in (functions.seeds)() {
            let headers: Vec<(usize, &[u8])> =
                headers.iter().map(|(h, v)| (*h, v.as_slice())).collect();
            out.push(encode(index, status, &headers, &body));
        }
    }
    let retry = HEADERS
        .iter()
        .position(|h| *h == "retry-after")
        .expect("listed");
    let content = HEADERS
        .iter()
        .position(|h| *h == "content-type")
        .expect("listed");
    out.push(encode(0, 503, &[(retry, b"30")], b""));
    out.push(encode(
        1,
        429,
        &[(retry, b"Wed, 21 Oct 2015 07:28:00 GMT")],
        b"<html><body>Too Many Requests</body></html>",
    ));
    out.push(encode(
        9,
        404,
        &[(content, b"application/problem+json")],
        br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"x"}"#,
    ));
    out.push(encode(
        7,
        500,
        &[],
        br#"{"errorCode":129,"errorMessage":null}"#,
    ));
    out
}

/// The seeds of the `template` target: each entry's example message along its template (and
/// the next entry's), and each template as an arbitrary template with its examples.
pub fn template() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (c, catalog) in catalogs::checked().iter().enumerate() {
        for (e, entry) in catalog.entries.iter().enumerate() {
            let mut message = String::new();
            for part in &entry.parts {
                match part {
                    Part::Literal(text) => message.push_str(text),
                    Part::Placeholder { field, .. } => {
                        message.push_str(&entry.fields[*field].example.value);
                    }
                }
            }
            let mut seed = vec![0, c as u8, e as u8, (e + 1) as u8];
            seed.extend_from_slice(message.as_bytes());
            out.push(seed);

            let source = entry.message.value.as_bytes();
            if source.len() <= usize::from(u8::MAX) {
                let mut seed = vec![1, source.len() as u8];
                seed.extend_from_slice(source);
                let fields = entry.parts.iter().filter_map(|part| match part {
                    Part::Placeholder { field, .. } => Some(*field),
                    Part::Literal(_) => None,
                });
                let mut seen = Vec::new();
                for field in fields {
                    if !seen.contains(&field) {
                        seen.push(field);
                    }
                }
                // Classes as `template::class` reads them: text, bool, integer, one of.
                for field in &seen {
                    let ty = &entry.fields[*field].ty;
                    seed.push(match ty {
                        FieldType::Bool => 1,
                        FieldType::Integer(_) => 2,
                        FieldType::Enum(_) => 3,
                        _ => 0,
                    });
                }
                for field in &seen {
                    let example = entry.fields[*field].example.value.as_bytes();
                    let example = &example[..example.len().min(255)];
                    seed.push(example.len() as u8);
                    seed.extend_from_slice(example);
                }
                seed.extend_from_slice(message.as_bytes());
                out.push(seed);
            }
        }
    }
    out
}

/// The seeds of `target`.
pub fn of(target: &str) -> Vec<Vec<u8>> {
    match target {
        "catalog" | "docs" => catalog(),
        "response" => response(),
        "template" => template(),
        _ => Vec::new(),
    }
}

/// A file name for an input: its FNV-1a hash, in hex.
pub fn name(input: &[u8]) -> String {
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("seed-{hash:016x}")
}
