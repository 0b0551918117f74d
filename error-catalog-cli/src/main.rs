//! The `error-catalog` command: arguments in, [`error_catalog_cli::Outcome`] out.
#![forbid(unsafe_code)]

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use error_catalog_cli::formats::Format;
use error_catalog_cli::{EXIT_OK, Outcome, check, diff, docs, explain, generate, use_color};

/// Check, explain, publish and compare catalogs of HTTP API errors, and generate clients.
#[derive(Debug, Parser)]
#[command(
    name = "error-catalog",
    version,
    after_help = "\
Examples:
  error-catalog check catalog/backup-restore.toml
  error-catalog check catalog/backup-restore.toml --format github
  error-catalog explain 113
  error-catalog docs catalog/backup-restore.toml --format markdown
  error-catalog docs catalog/backup-restore.toml --format html -o errors.html
  error-catalog diff old/backup-restore.toml catalog/backup-restore.toml --format sarif
  error-catalog generate typescript catalog/backup-restore.toml -o backup-errors.ts

Exit codes: 0 success, 1 a problem found (catalog errors, an unknown code, a breaking change),
2 a usage error (for `diff`, also a catalog that does not load).
Data goes to stdout, messages to stderr. Colours only on a terminal, never with NO_COLOR,
never in the machine formats (--format json|sarif|github of check and diff)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check catalogs: every diagnostic, with file, line, column and the quoted line.
    #[command(after_help = "\
Examples:
  error-catalog check catalog/backup-restore.toml catalog/other.toml
  error-catalog check catalog/*.toml --format sarif > error-catalog.sarif

The human format writes the diagnostics to stderr; the others write them to stdout.
Exit code 0 when every catalog is valid, 1 when one has errors.")]
    Check {
        /// The catalog files.
        #[arg(required = true, value_name = "CATALOG")]
        catalogs: Vec<PathBuf>,
        /// The output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
    },
    /// Explain an error code: each entry with it, its status, template, fields, doc, help and
    /// examples.
    #[command(after_help = "\
Example:
  error-catalog explain 113 --catalog catalog/backup-restore.toml

Without --catalog, every catalog/*.toml of the current directory is read.
An unknown code exits with 1 and names the closest codes.")]
    Explain {
        /// The error code, as sent on the wire.
        code: String,
        /// A catalog file to read (repeatable); default: every catalog/*.toml.
        #[arg(long = "catalog", value_name = "CATALOG")]
        catalogs: Vec<PathBuf>,
    },
    /// Publish a catalog: a Markdown or HTML page, an OpenAPI 3.1 document, or JSON.
    #[command(after_help = "\
Examples:
  error-catalog docs catalog/backup-restore.toml --format markdown
  error-catalog docs catalog/backup-restore.toml --format html -o errors.html
  error-catalog docs catalog/backup-restore.toml --format openapi -o errors.openapi.json
  error-catalog docs catalog/backup-restore.toml --format html --locale de -o errors.de.html

Every error has the anchor #<code> on both pages.")]
    Docs {
        /// The catalog file.
        #[arg(value_name = "CATALOG")]
        catalog: PathBuf,
        /// The output format.
        #[arg(long, value_enum)]
        format: DocsFormat,
        /// Write to this file instead of stdout, creating its missing directories.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Write the messages, reasons and meanings in this locale of the catalog, each
        /// falling back along the tag (`de-CH`, `de`, the default locale).
        #[arg(long, value_name = "LOCALE")]
        locale: Option<String>,
    },
    /// Compare two versions of a catalog: each change, breaking or compatible.
    #[command(after_help = "\
Examples:
  error-catalog diff old/backup-restore.toml catalog/backup-restore.toml
  error-catalog diff old/backup-restore.toml catalog/backup-restore.toml --format github

Exit code 1 when a change is breaking, 0 otherwise, 2 when a catalog does not load.")]
    Diff {
        /// The old version of the catalog.
        old: PathBuf,
        /// The new version of the catalog.
        new: PathBuf,
        /// The output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
    },
    /// Generate a client for another language from a catalog.
    #[command(after_help = "\
Example:
  error-catalog generate typescript catalog/backup-restore.toml -o backup-errors.ts

The TypeScript module has no dependency and needs ES2020 (bigint).")]
    Generate {
        /// The language.
        #[arg(value_enum)]
        target: GenerateTarget,
        /// The catalog file.
        #[arg(value_name = "CATALOG")]
        catalog: PathBuf,
        /// Write to this file instead of stdout, creating its missing directories.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// The targets of `generate`.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum GenerateTarget {
    /// One self-contained ES module: the errors as a typed union, and `parseError`, which
    /// reads a response as the Rust client does.
    Typescript,
}

/// The formats of `docs`.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum DocsFormat {
    /// The page a developer portal publishes.
    Markdown,
    /// One self-contained HTML page.
    Html,
    /// An OpenAPI 3.1 document (JSON) with the error body and one response per status.
    Openapi,
    /// The catalog model as JSON (schema `error-catalog/1`).
    Json,
}

/// The formats of `check` and `diff`.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum ReportFormat {
    /// For people: diagnostics as the compiler shows them; one line per change of `diff`.
    // `text`, the name of `diff`'s human format before there were others.
    #[value(alias = "text")]
    Human,
    /// One JSON object a line, as rustc's diagnostics (`--error-format=json`), then a summary
    /// line.
    Json,
    /// A SARIF 2.1.0 log, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (`::error file=...::message`), shown as annotations.
    Github,
}

impl From<ReportFormat> for Format {
    fn from(format: ReportFormat) -> Self {
        match format {
            ReportFormat::Human => Format::Human,
            ReportFormat::Json => Format::Json,
            ReportFormat::Sarif => Format::Sarif,
            ReportFormat::Github => Format::Github,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = use_color(
        std::io::stderr().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    let outcome = match cli.command {
        Command::Check { catalogs, format } => check::run(&catalogs, format.into(), color),
        Command::Explain { code, catalogs } => explain::run(&code, &catalogs, color),
        Command::Docs {
            catalog,
            format,
            output,
            locale,
        } => {
            let format = match format {
                DocsFormat::Markdown => docs::Format::Markdown,
                DocsFormat::Html => docs::Format::Html,
                DocsFormat::Openapi => docs::Format::Openapi,
                DocsFormat::Json => docs::Format::Json,
            };
            docs::run(
                &catalog,
                format,
                output.as_deref(),
                locale.as_deref(),
                color,
            )
        }
        Command::Diff { old, new, format } => diff::run(&old, &new, format.into(), color),
        Command::Generate {
            target,
            catalog,
            output,
        } => {
            let target = match target {
                GenerateTarget::Typescript => generate::Target::Typescript,
            };
            generate::run(target, &catalog, output.as_deref(), color)
        }
    };
    finish(&outcome)
}

/// Writes the outcome. A reader that closed the pipe early (`| head`) ends the output
/// quietly.
fn finish(outcome: &Outcome) -> ExitCode {
    let written = std::io::stdout()
        .lock()
        .write_all(outcome.stdout.as_bytes())
        .and_then(|()| std::io::stdout().lock().flush());
    // Nothing more can be said if stderr is gone too.
    let _ = std::io::stderr()
        .lock()
        .write_all(outcome.stderr.as_bytes());
    match written {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            let _ = writeln!(std::io::stderr(), "error: cannot write the output: {error}");
            ExitCode::from(error_catalog_cli::EXIT_FAILURE)
        }
        _ if outcome.code == EXIT_OK => ExitCode::SUCCESS,
        _ => ExitCode::from(outcome.code),
    }
}
