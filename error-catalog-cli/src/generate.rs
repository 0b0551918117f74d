//! `error-catalog generate`: code for other languages from a catalog. Today one target,
//! [`Target::Typescript`]: the self-contained ES module of
//! [`error_catalog_codegen::typescript`], a typed error union and a client that reads
//! responses exactly as the Rust client does.

use std::path::Path;

use crate::{EXIT_FAILURE, Outcome};

/// What `generate` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Target {
    /// A TypeScript ES module (`.ts`).
    Typescript,
}

/// `error-catalog generate typescript CATALOG [-o FILE]`: the module on stdout, or in
/// `output`, whose missing directories are created. A catalog that does not load gets its
/// diagnostics, as `check` shows them, and exit code 1; so does a catalog the target cannot
/// express, and a file that cannot be written.
pub fn run(target: Target, path: &Path, output: Option<&Path>, color: bool) -> Outcome {
    let loaded = match crate::load_or_report(path, color) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let text = match target {
        Target::Typescript => error_catalog_codegen::typescript::generate(&loaded.checked),
    };
    let text = match text {
        Ok(text) => text,
        Err(error) => {
            return Outcome::error(EXIT_FAILURE, format_args!("`{}`: {error}", path.display()));
        }
    };
    crate::emit(text, output)
}
