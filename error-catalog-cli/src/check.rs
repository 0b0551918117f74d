//! `error-catalog check CATALOG...`: every diagnostic of each catalog, as the `catalog`
//! attribute shows them (file, line and column, the quoted line, a caret, notes and help).

use std::path::PathBuf;

use crate::{EXIT_FAILURE, EXIT_OK, Outcome};

/// Checks each catalog. The diagnostics and a closing line per catalog go to stderr, with
/// colours when `color` is true; the exit code is 0 when no catalog has an error, 1 otherwise.
pub fn run(paths: &[PathBuf], color: bool) -> Outcome {
    let mut outcome = Outcome::default();
    for path in paths {
        match crate::load(path) {
            Ok(loaded) => {
                let count = loaded.checked.entries.len();
                let plural = if count == 1 { "y" } else { "ies" };
                outcome.stderr.push_str(&format!(
                    "`{}`: no errors, {count} entr{plural}\n",
                    loaded.source.name()
                ));
            }
            Err(report) => {
                if !outcome.stderr.is_empty() {
                    outcome.stderr.push('\n');
                }
                outcome.stderr.push_str(&crate::report_text(&report, color));
                outcome.code = EXIT_FAILURE;
            }
        }
    }
    if outcome.code != EXIT_FAILURE {
        outcome.code = EXIT_OK;
    }
    outcome
}
