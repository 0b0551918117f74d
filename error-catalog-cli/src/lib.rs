//! The library behind the `error-catalog` command: each subcommand is a function that reads
//! catalogs through [`error_catalog_codegen`] and returns an [`Outcome`] (what to print on
//! stdout, what to print on stderr, and the exit code), so that the binary only parses its
//! arguments and writes the outcome.
//!
//! - [`check::run`]: every diagnostic of each catalog, rendered as the `catalog` attribute
//!   renders them, or for machines ([`formats`]: rustc's JSON diagnostics, SARIF, GitHub
//!   annotations).
//! - [`explain::run`]: everything the catalogs say about one code.
//! - [`docs::run`]: the catalog as a Markdown page, a self-contained HTML page, an OpenAPI 3.1
//!   document or the catalog model as JSON.
//! - [`diff::run`]: the changes between two versions of a catalog, breaking or compatible,
//!   one a line or in the same machine formats.
//! - [`generate::run`]: a client for another language: a TypeScript module with a typed
//!   error union and a parser that agrees with the Rust client.
//!
//! Every renderer reads the one catalog model, [`error_catalog_codegen::model::Catalog`],
//! as [`error_catalog_codegen::load`] checked it; nothing here parses TOML.
//!
//! ```
//! use error_catalog_cli::{docs, load};
//!
//! let loaded = load(std::path::Path::new("../catalog/backup-restore.toml")).unwrap();
//! let page = docs::render(&loaded.checked, docs::Format::Markdown);
//! assert!(page.starts_with("# Backup and restore API\n"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use error_catalog_codegen::{Checked, Diagnostic, Report, Rule, Source};

pub mod check;
pub mod diff;
pub mod docs;
pub mod explain;
pub mod formats;
pub mod generate;
mod json;
pub mod text;

/// Exit code: success (`check`: no error; `diff`: nothing breaking).
pub const EXIT_OK: u8 = 0;
/// Exit code: the command ran and found a problem (a catalog with errors, an unknown code,
/// a breaking change, a file that cannot be written).
pub const EXIT_FAILURE: u8 = 1;
/// Exit code: the command could not run as asked (bad arguments; for `diff`, a catalog that
/// does not load).
pub const EXIT_USAGE: u8 = 2;

/// What a command produces: data for stdout, messages for stderr, and the exit code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The data: a page, a document, an explanation, a list of changes.
    pub stdout: String,
    /// The messages: diagnostics, summaries, errors.
    pub stderr: String,
    /// The process's exit code: [`EXIT_OK`], [`EXIT_FAILURE`] or [`EXIT_USAGE`].
    pub code: u8,
}

impl Outcome {
    /// An outcome with only an error message (`error: ...` on stderr) and `code`.
    pub fn error(code: u8, message: impl std::fmt::Display) -> Self {
        Outcome {
            stdout: String::new(),
            stderr: format!("error: {message}\n"),
            code,
        }
    }
}

/// Whether diagnostics get colours: only on a terminal, and never when the environment
/// variable `NO_COLOR` is set to anything but the empty string (<https://no-color.org>).
pub fn use_color(is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    is_terminal && no_color.is_none_or(OsStr::is_empty)
}

/// A catalog that loaded and passed every rule.
#[derive(Debug)]
pub struct Loaded {
    /// The file, as read.
    pub source: Source,
    /// The catalog.
    pub checked: Checked,
}

/// Reads the catalog file at `path` (relative to the current directory) and checks it, as
/// [`error_catalog_codegen::check`] does. A file that cannot be read (missing, a directory,
/// not UTF-8 text) is a report with one `file-not-readable` diagnostic; a catalog that breaks
/// rules is a report of every diagnostic, in file order.
pub fn load(path: &Path) -> Result<Loaded, Report> {
    let source = read(path)?;
    match error_catalog_codegen::load(&source) {
        Ok(checked) => Ok(Loaded { source, checked }),
        Err(diagnostics) => Err(Report::new(source, diagnostics)),
    }
}

/// Reads a catalog file, resolving a relative path against the current directory.
fn read(path: &Path) -> Result<Source, Report> {
    let base = std::env::current_dir().unwrap_or_default();
    let shown = path.display().to_string();
    match path.to_str() {
        Some(relative) => Source::read(&base, relative, "the current directory")
            .map_err(|diagnostic| Report::new(Source::new(relative, path, ""), vec![*diagnostic])),
        // `Source::read` takes the path as text, for its diagnostics; a path that is not
        // UTF-8 is read here, and named in its lossy form.
        None => {
            let absolute: PathBuf = base.join(path);
            let not_readable = |what: String| {
                let diagnostic =
                    Diagnostic::file(Rule::FileNotReadable, format!("{what}: `{shown}`"))
                        .note(format!("looked for `{}`", absolute.display()))
                        .note("the path is not UTF-8; it is shown with replacement characters");
                Report::new(Source::new(shown.clone(), &absolute, ""), vec![diagnostic])
            };
            match std::fs::read(&absolute) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => Ok(Source::new(shown.clone(), &absolute, text)),
                    Err(_) => Err(not_readable("catalog file is not UTF-8 text".to_owned())),
                },
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    Err(not_readable("catalog file not found".to_owned()))
                }
                Err(error) => Err(not_readable(format!(
                    "catalog file cannot be read: {error}"
                ))),
            }
        }
    }
}

/// The diagnostics of a catalog that did not load, for stderr, with a closing line that says
/// how many there are.
pub(crate) fn report_text(report: &Report, color: bool) -> String {
    format!("{}\n\n{}", report.render_with(color), closing_line(report))
}

/// The line that closes the diagnostics of a catalog that did not load:
/// ``error: `catalog/api.toml` has 2 errors``.
pub(crate) fn closing_line(report: &Report) -> String {
    let count = report.diagnostics.len();
    let plural = if count == 1 { "" } else { "s" };
    format!(
        "error: `{}` has {count} error{plural}\n",
        report.source.name()
    )
}

/// A catalog that loaded, or the outcome of one that did not: its diagnostics, as `check`
/// shows them, and exit code 1. What `docs` and `generate` do first.
pub(crate) fn load_or_report(path: &Path, color: bool) -> Result<Loaded, Outcome> {
    load(path).map_err(|report| Outcome {
        stdout: String::new(),
        stderr: report_text(&report, color),
        code: EXIT_FAILURE,
    })
}

/// The outcome of a command that writes `text`: on stdout, or in `output`, whose missing
/// directories are created, saying so on stderr; a file that cannot be written is an error
/// (exit code 1).
pub(crate) fn emit(text: String, output: Option<&Path>) -> Outcome {
    let Some(file) = output else {
        return Outcome {
            stdout: text,
            ..Outcome::default()
        };
    };
    match write_creating_dirs(file, &text) {
        Ok(()) => Outcome {
            stdout: String::new(),
            stderr: format!("wrote `{}`\n", file.display()),
            code: EXIT_OK,
        },
        Err(error) => Outcome::error(
            EXIT_FAILURE,
            format_args!("cannot write `{}`: {error}", file.display()),
        ),
    }
}

/// Writes `text` to `file`, creating its missing parent directories first.
fn write_creating_dirs(file: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = file
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(file, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(use_color(true, None));
        assert!(use_color(true, Some(OsStr::new(""))));
        assert!(!use_color(true, Some(OsStr::new("1"))));
        assert!(!use_color(false, None));
        assert!(!use_color(false, Some(OsStr::new("1"))));
    }
}
