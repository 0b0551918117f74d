//! `error-catalog explain CODE [--catalog CATALOG]...`: what the catalogs say about one code,
//! as `rustc --explain` does for a compiler error: each entry with that code (several for a
//! shared code), with its status and what the status means, its message template, fields,
//! doc, help, whether it is retryable and the field that holds the retry delay, example
//! message and example body (in the catalog's wire shape), the header that carries the code,
//! if the wire names one, and the RFC 9457 problem type, if the catalog has a `problem_base`.
//!
//! Without `--catalog`, every `catalog/*.toml` file of the current directory is read
//! ([`default_catalogs`]).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use error_catalog_codegen::model::{Catalog, Entry};
use error_catalog_codegen::names;

use crate::docs::{example_body, field_enum, status_meaning, status_text};
use crate::text::terminal;
use crate::{EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Loaded, Outcome};

/// How many codes an unknown code's message suggests at most.
const SUGGESTIONS: usize = 3;

/// The catalogs `explain` reads when none is named: the `.toml` files of `dir/catalog`, in
/// name order, as paths under `dir`. Empty when there is no such directory.
pub fn default_catalogs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir.join("catalog")) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && path.is_file())
        .filter_map(|path| {
            let name = path.file_name()?.to_owned();
            Some(if dir == Path::new(".") {
                Path::new("catalog").join(name)
            } else {
                dir.join("catalog").join(name)
            })
        })
        .collect();
    paths.sort();
    paths
}

/// Explains `code` from `catalogs`, or from [`default_catalogs`] of the current directory
/// when `catalogs` is empty. Exit code 1 when no entry has the code (the message suggests the
/// closest codes) or a catalog does not load (with its diagnostics); 2 when there is no
/// catalog to read.
pub fn run(code: &str, catalogs: &[PathBuf], color: bool) -> Outcome {
    let catalogs = if catalogs.is_empty() {
        let found = default_catalogs(Path::new("."));
        if found.is_empty() {
            return Outcome::error(
                EXIT_USAGE,
                "no catalog given, and no `catalog/*.toml` in the current directory: \
                 name one with `--catalog CATALOG`",
            );
        }
        found
    } else {
        catalogs.to_vec()
    };
    let mut loaded = Vec::new();
    let mut failed = String::new();
    for path in &catalogs {
        match crate::load(path) {
            Ok(catalog) => loaded.push(catalog),
            Err(report) => {
                if !failed.is_empty() {
                    failed.push('\n');
                }
                failed.push_str(&crate::report_text(&report, color));
            }
        }
    }
    if !failed.is_empty() {
        return Outcome {
            stdout: String::new(),
            stderr: failed,
            code: EXIT_FAILURE,
        };
    }
    match explain(code, &loaded) {
        Some(text) => Outcome {
            stdout: text,
            stderr: String::new(),
            code: EXIT_OK,
        },
        None => Outcome::error(EXIT_FAILURE, unknown(code, &loaded)),
    }
}

/// The explanation of `code`, or `None` when no entry of the catalogs has it.
pub fn explain(code: &str, catalogs: &[Loaded]) -> Option<String> {
    let mut out = String::new();
    for loaded in catalogs {
        let catalog: &Catalog = &loaded.checked;
        let entries: Vec<&Entry> = catalog
            .entries
            .iter()
            .filter(|entry| entry.code.value == code)
            .collect();
        if entries.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        // Writing to a `String` cannot fail.
        let _ = write_code(&mut out, code, loaded, &entries);
    }
    (!out.is_empty()).then_some(out)
}

fn write_code(
    out: &mut String,
    code: &str,
    loaded: &Loaded,
    entries: &[&Entry],
) -> std::fmt::Result {
    let catalog: &Catalog = &loaded.checked;
    write!(
        out,
        "Code {code} of the {} ({})",
        terminal(&one_line(&catalog.title)),
        loaded.source.name()
    )?;
    if entries.len() > 1 {
        write!(out, ": {} entries share this code", entries.len())?;
    }
    writeln!(out)?;
    for entry in entries {
        writeln!(out, "\n{}", entry.name.value)?;
        let status = entry.status.value;
        let meaning = status_meaning(catalog, status);
        let status_line = if meaning.is_empty() {
            status_text(catalog, status)
        } else {
            format!("{}\n{meaning}", status_text(catalog, status))
        };
        item(out, "Status", &status_line)?;
        item(out, "Template", &entry.message.value)?;
        let fields: Vec<String> = entry
            .fields
            .iter()
            .map(|field| {
                let mut line = format!("{}: {}", field.name.value, field.ty_text.value);
                if let Some(ty) = field_enum(catalog, field) {
                    let values: Vec<String> =
                        ty.values.iter().map(|v| format!("{:?}", v.value)).collect();
                    let _ = write!(line, " (one of {})", values.join(", "));
                }
                let _ = write!(line, ", example {:?}", field.example.value);
                if !field.doc.is_empty() {
                    let _ = write!(line, ": {}", one_line(&field.doc));
                }
                line
            })
            .collect();
        item(out, "Fields", &or_none(&fields.join("\n")))?;
        item(out, "Doc", &or_none(&entry.doc))?;
        item(out, "Help", &or_none(&entry.help))?;
        item(
            out,
            "Retryable",
            if entry.is_retryable() { "yes" } else { "no" },
        )?;
        if let Some(name) = &entry.retry_after {
            item(
                out,
                "Retry after",
                &format!("{{{}}} seconds, sent as the Retry-After header", name.value),
            )?;
        }
        item(out, "Example message", &entry.example_message())?;
        item(out, "Example body", &example_body(catalog, entry))?;
        if let Some(header) = &catalog.wire.header {
            item(
                out,
                "Header",
                &format!("{}: {}", header.value, entry.code.value),
            )?;
        }
        if let Some(url) = catalog.docs_url(entry) {
            item(out, "Docs", &url)?;
        }
        if let Some(base) = &catalog.problem_base {
            item(
                out,
                "Problem type",
                &format!("{}{}", base.value, entry.code.value),
            )?;
        }
    }
    Ok(())
}

/// The width of the labels' column.
const LABEL_WIDTH: usize = 17;

/// One labelled item, its text's later lines aligned under its first.
fn item(out: &mut String, label: &str, text: &str) -> std::fmt::Result {
    let text = terminal(text);
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    writeln!(out, "  {:<LABEL_WIDTH$} {first}", format!("{label}:"))?;
    for line in lines {
        writeln!(out, "  {:<LABEL_WIDTH$} {line}", "")?;
    }
    Ok(())
}

fn or_none(text: &str) -> String {
    if text.is_empty() {
        "none".to_owned()
    } else {
        text.to_owned()
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The message for a code that no entry has: a retired code's note, and the closest codes.
fn unknown(code: &str, catalogs: &[Loaded]) -> String {
    let mut message = format!("no entry has code `{code}`");
    for loaded in catalogs {
        if let Some(retired) = loaded
            .checked
            .retired
            .iter()
            .find(|retired| retired.code.value == code)
        {
            let _ = write!(message, "; it is retired in `{}`", loaded.source.name());
            if !retired.note.is_empty() {
                let _ = write!(message, " ({})", terminal(&one_line(&retired.note)));
            }
        }
    }
    let mut codes: Vec<&str> = Vec::new();
    for loaded in catalogs {
        for entry in &loaded.checked.entries {
            if !codes.contains(&entry.code.value.as_str()) {
                codes.push(&entry.code.value);
            }
        }
    }
    let closest = closest(code, &codes);
    let quoted: Vec<String> = closest.iter().map(|c| format!("`{c}`")).collect();
    match quoted.as_slice() {
        [] => message.push_str("; the catalogs have no entries"),
        [one] => {
            let _ = write!(message, "; the closest code is {one}");
        }
        [rest @ .., last] => {
            let _ = write!(
                message,
                "; the closest codes are {} and {last}",
                rest.join(", ")
            );
        }
    }
    message
}

/// The codes closest to `code`, at most three: by edit distance, then, between
/// numbers, by numeric distance, then in catalog order.
pub fn closest<'a>(code: &str, codes: &[&'a str]) -> Vec<&'a str> {
    let number = code.parse::<u64>().ok();
    let mut ranked: Vec<(usize, u64, usize, &str)> = codes
        .iter()
        .enumerate()
        .map(|(order, candidate)| {
            let gap = match (number, candidate.parse::<u64>()) {
                (Some(a), Ok(b)) => a.abs_diff(b),
                _ => u64::MAX,
            };
            (names::distance(code, candidate), gap, order, *candidate)
        })
        .collect();
    ranked.sort_unstable();
    ranked
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(.., candidate)| candidate)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_codes_by_edits_then_by_number() {
        let codes = [
            "127", "103", "108", "137", "120", "113", "110", "112", "E100",
        ];
        assert_eq!(closest("114", &codes), ["113", "112", "110"]);
        assert_eq!(closest("127", &codes), ["127", "120", "137"]);
        assert_eq!(closest("e100", &codes)[0], "E100");
        assert_eq!(closest("x", &[]), Vec::<&str>::new());
    }
}
