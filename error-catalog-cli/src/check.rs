//! `error-catalog check CATALOG... [--format human|json|sarif|github]`: every diagnostic of
//! each catalog. The human format shows them as the `catalog` attribute does (file, line and
//! column, the quoted line, a caret, notes and help), on stderr; the others write them to
//! stdout for machines ([`crate::formats`]).

use std::path::PathBuf;

use crate::formats::{Format, Item};
use crate::json::{Json, Object};
use crate::{EXIT_FAILURE, EXIT_OK, Loaded, Outcome};
use error_catalog_codegen::Report;

/// Checks each catalog. In the human format, the diagnostics and a closing line per catalog
/// go to stderr, with colours when `color` is true; in the others, the diagnostics go to
/// stdout in that format, and the closing lines to stderr. The exit code is 0 when no
/// catalog has an error, 1 otherwise.
pub fn run(paths: &[PathBuf], format: Format, color: bool) -> Outcome {
    let results: Vec<Result<Loaded, Report>> = paths.iter().map(|path| crate::load(path)).collect();
    let mut outcome = Outcome {
        code: if results.iter().any(Result::is_err) {
            EXIT_FAILURE
        } else {
            EXIT_OK
        },
        ..Outcome::default()
    };
    if format == Format::Human {
        for result in &results {
            match result {
                Ok(loaded) => outcome.stderr.push_str(&no_errors(loaded)),
                Err(report) => {
                    if !outcome.stderr.is_empty() {
                        outcome.stderr.push('\n');
                    }
                    outcome.stderr.push_str(&crate::report_text(report, color));
                }
            }
        }
        return outcome;
    }
    let mut items = Vec::new();
    let mut catalogs: Vec<Json> = Vec::new();
    for result in &results {
        match result {
            Ok(loaded) => {
                outcome.stderr.push_str(&no_errors(loaded));
                catalogs.push(
                    Object::new()
                        .with("file", loaded.source.name())
                        .with("errors", 0usize)
                        .with("entries", loaded.checked.entries.len())
                        .into(),
                );
            }
            Err(report) => {
                outcome.stderr.push_str(&crate::closing_line(report));
                items.extend(
                    report
                        .diagnostics
                        .iter()
                        .map(|diagnostic| Item::diagnostic(diagnostic, &report.source)),
                );
                catalogs.push(
                    Object::new()
                        .with("file", report.source.name())
                        .with("errors", report.diagnostics.len())
                        .with("entries", None::<usize>)
                        .into(),
                );
            }
        }
    }
    let summary = Object::new().with("catalogs", catalogs);
    outcome.stdout = crate::formats::render(format, &items, summary);
    outcome
}

/// The closing line of a catalog without errors.
fn no_errors(loaded: &Loaded) -> String {
    let count = loaded.checked.entries.len();
    let plural = if count == 1 { "y" } else { "ies" };
    format!(
        "`{}`: no errors, {count} entr{plural}\n",
        loaded.source.name()
    )
}
