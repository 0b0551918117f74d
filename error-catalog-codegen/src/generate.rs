//! Build-script generation: the expansion of the `catalog` attribute, written to a formatted
//! Rust file in `OUT_DIR` for the crate to `include!`.

use std::fmt;
use std::path::{Path, PathBuf};

use quote::quote;

use crate::expand::{self, Options};
use crate::names;
use crate::{Report, Source};

/// Generates the error enum `enum_name` from the catalog at `catalog` (relative to the
/// directory of the `Cargo.toml` of the package being built), writes it to
/// `$OUT_DIR/<enum_name in snake_case>.rs` and returns that path.
///
/// The enum is `pub` and derives `Debug`; [`Builder`] changes that. Call it from `build.rs`:
///
/// ```no_run
/// # use error_catalog_codegen as error_catalog_build;
/// // build.rs, in `fn main`:
/// error_catalog_build::generate("catalog/api.toml", "ApiError").unwrap();
/// ```
///
/// and include the file where the enum belongs:
///
/// ```ignore
/// include!(concat!(env!("OUT_DIR"), "/api_error.rs"));
/// ```
///
/// A broken catalog prints one `cargo::error=file:line:col: message [rule]` line per
/// diagnostic, which fails the build, and the full diagnostics on stderr.
pub fn generate(catalog: impl AsRef<Path>, enum_name: &str) -> Result<PathBuf, GenerateError> {
    Builder::new(catalog, enum_name).generate()
}

/// Options for [`generate`]: the enum's visibility and derives, the runtime crate's path and
/// the output directory.
///
/// ```no_run
/// # use error_catalog_codegen as error_catalog_build;
/// // build.rs, in `fn main`:
/// error_catalog_build::Builder::new("catalog/api.toml", "ApiError")
///     .visibility("pub(crate)")
///     .derives(["Clone", "PartialEq", "Eq"])
///     .generate()
///     .unwrap();
/// ```
#[derive(Clone, Debug)]
pub struct Builder {
    catalog: PathBuf,
    enum_name: String,
    visibility: String,
    derives: Vec<String>,
    crate_path: String,
    out_dir: Option<PathBuf>,
    entries: Option<Vec<String>>,
}

impl Builder {
    /// Generation of the enum `enum_name` from the catalog at `catalog`, a path relative to
    /// the directory of the `Cargo.toml` of the package being built (`CARGO_MANIFEST_DIR`).
    pub fn new(catalog: impl AsRef<Path>, enum_name: &str) -> Self {
        Builder {
            catalog: catalog.as_ref().to_owned(),
            enum_name: enum_name.to_owned(),
            visibility: "pub".to_owned(),
            derives: Vec::new(),
            crate_path: "::error_catalog".to_owned(),
            out_dir: None,
            entries: None,
        }
    }

    /// The enum's visibility, as Rust writes it: `pub` (the default), `pub(crate)`, or `""`
    /// for private.
    pub fn visibility(mut self, visibility: &str) -> Self {
        visibility.clone_into(&mut self.visibility);
        self
    }

    /// One more derive besides `Debug`, such as `"Clone"` or `"serde::Serialize"`.
    pub fn derive(mut self, derive: &str) -> Self {
        self.derives.push(derive.to_owned());
        self
    }

    /// More derives besides `Debug`.
    pub fn derives<I, S>(mut self, derives: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.derives
            .extend(derives.into_iter().map(|d| d.as_ref().to_owned()));
        self
    }

    /// The path of the runtime crate in generated code, `::error_catalog` by default; for a
    /// crate that re-exports it (`"::my_runtime::error_catalog"`).
    pub fn crate_path(mut self, path: &str) -> Self {
        path.clone_into(&mut self.crate_path);
        self
    }

    /// Only these entries, by name, instead of the whole catalog: the enum has their variants
    /// alone, and a client reads any other entry's code as unknown
    /// (`UnrecognizedKind::UnknownCode`), as for a derived subset. Its metadata (`catalog()`,
    /// `specs()`) still describes the whole catalog. Entries that share a code go together.
    pub fn entries<I, S>(mut self, entries: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.entries = Some(entries.into_iter().map(|e| e.as_ref().to_owned()).collect());
        self
    }

    /// The directory to write to, instead of `OUT_DIR`.
    pub fn out_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.out_dir = Some(dir.as_ref().to_owned());
        self
    }

    /// Validates the catalog, writes the generated file (only when its content changed, so
    /// that its modification time stays put) and returns its path. Prints
    /// `cargo::rerun-if-changed` for the catalog, and `cargo::error` lines for what fails.
    ///
    /// A panic in the expansion, which is a bug of error-catalog, is returned as
    /// [`GenerateError::Internal`] (after the panic hook has printed it on stderr).
    pub fn generate(&self) -> Result<PathBuf, GenerateError> {
        let result = catching(|| self.run());
        if let Err(error) = &result {
            error.print_for_cargo();
        }
        result
    }

    fn run(&self) -> Result<PathBuf, GenerateError> {
        let name = self.parse_name()?;
        let vis = parse_option::<syn::Visibility>("visibility", &self.visibility)?;
        let krate = parse_option::<syn::Path>("crate_path", &self.crate_path)?;
        let mut derives: Vec<syn::Path> = vec![syn::parse_quote!(Debug)];
        for derive in &self.derives {
            let path = parse_option::<syn::Path>("derive", derive)?;
            // A derive named twice would implement its trait twice.
            let same = |known: &syn::Path| quote!(#known).to_string() == quote!(#path).to_string();
            if !derives.iter().any(same) {
                derives.push(path);
            }
        }

        let display = self.catalog.display().to_string();
        let base = std::env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let path = base.join(&self.catalog);
        let path = std::path::absolute(&path).unwrap_or(path);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).map_err(|source| GenerateError::Unreadable {
            path: path.clone(),
            source,
        })?;
        let source = Source::new(display.clone(), &path, text);
        let checked = crate::load_enum(&source, &self.enum_name)
            .map_err(|diagnostics| GenerateError::Invalid(Report::new(source, diagnostics)))?;
        let mut header = format!(
            "// Generated by error-catalog-codegen from {display}. Do not edit: edit the \
             catalog.\n"
        );
        let entries = match &self.entries {
            Some(subset) => {
                header.push_str(&format!("// Entries: {}.\n", subset.join(", ")));
                Some(select(&checked, subset)?)
            }
            None => None,
        };

        let item: syn::DeriveInput = syn::parse2(quote! {
            #[derive(#(#derives),*)]
            #vis enum #name {}
        })
        .expect("an empty enum with parsed parts is a DeriveInput");
        let options = Options {
            krate,
            // `rerun-if-changed` tracks the file: no `include_bytes!` in the output.
            tracked_path: None,
            display_path: display.clone(),
        };
        let tokens = expand::expand_entries(&checked, &item, &options, entries.as_deref());
        let mut file: syn::File = syn::parse2(tokens).expect("the expansion is a file of items");
        tidy(&mut file.items, &name);
        let content = format!("{header}\n{}", prettyplease::unparse(&file));

        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(GenerateError::NoOutDir)?,
        };
        // An UpperCamelCase name always has a snake_case form; the fallback is never taken.
        let snake = names::snake_case(&self.enum_name)
            .unwrap_or_else(|| self.enum_name.to_ascii_lowercase());
        let out = out_dir.join(format!("{snake}.rs"));
        let write = |out: &Path| -> std::io::Result<()> {
            if std::fs::read_to_string(out).is_ok_and(|old| old == content) {
                return Ok(());
            }
            std::fs::create_dir_all(&out_dir)?;
            std::fs::write(out, &content)
        };
        write(&out).map_err(|source| GenerateError::Write {
            path: out.clone(),
            source,
        })?;
        Ok(out)
    }

    /// The enum's name as an identifier: UpperCamelCase, and not `Self`.
    fn parse_name(&self) -> Result<syn::Ident, GenerateError> {
        let bad = || GenerateError::EnumName(self.enum_name.clone());
        if !names::is_upper_camel(&self.enum_name) {
            return Err(bad());
        }
        syn::parse_str::<syn::Ident>(&self.enum_name).map_err(|_| bad())
    }
}

/// Runs `run`, and turns a panic in it into [`GenerateError::Internal`].
fn catching(
    run: impl FnOnce() -> Result<PathBuf, GenerateError>,
) -> Result<PathBuf, GenerateError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|payload| {
        Err(GenerateError::Internal(
            crate::panic_message(&*payload).to_owned(),
        ))
    })
}

/// The indices of the entries named in `subset`, each of which must be in the catalog, and
/// with every entry that shares a code with one of them: an entry left out is an unknown code
/// to the generated enum.
fn select(checked: &crate::Checked, subset: &[String]) -> Result<Vec<usize>, GenerateError> {
    let entries = &checked.catalog().entries;
    for name in subset {
        if entries.iter().any(|e| e.name.value == *name) {
            continue;
        }
        let hint = names::closest(name, entries.iter().map(|e| e.name.value.as_str()))
            .map(|close| format!("; did you mean `{close}`?"))
            .unwrap_or_default();
        return Err(GenerateError::Entries(format!(
            "no entry `{name}` in the catalog{hint}"
        )));
    }
    let selected = |e: &crate::model::Entry| subset.contains(&e.name.value);
    for kept in entries.iter().filter(|e| selected(e)) {
        let left_out = entries
            .iter()
            .find(|e| e.code.value == kept.code.value && !selected(e));
        if let Some(left_out) = left_out {
            return Err(GenerateError::Entries(format!(
                "`{}` and `{}` share the code `{}`: select both or neither",
                kept.name.value, left_out.name.value, kept.code.value
            )));
        }
    }
    Ok(entries
        .iter()
        .enumerate()
        .filter(|(_, e)| selected(e))
        .map(|(index, _)| index)
        .collect())
}

/// What a file read by people and compiled as the user's own code needs beyond the macro's
/// output: the enum's docs before its derives, no `#[automatically_derived]` on inherent
/// impls (rustc warns about it outside a macro expansion), and dead code and Clippy's lints
/// allowed in the impls, which a macro's output would not be linted for.
fn tidy(items: &mut [syn::Item], name: &syn::Ident) {
    for item in items {
        match item {
            syn::Item::Enum(item) if item.ident == *name => {
                let (mut docs, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut item.attrs)
                    .into_iter()
                    .partition(|attr| attr.path().is_ident("doc"));
                docs.extend(rest);
                item.attrs = docs;
            }
            syn::Item::Impl(item) if item.trait_.is_none() => {
                item.attrs
                    .retain(|attr| !attr.path().is_ident("automatically_derived"));
            }
            // `const _: () = { ... };`, which holds the impls.
            syn::Item::Const(syn::ItemConst {
                attrs, ident, expr, ..
            }) if ident == "_" => {
                // Without `#[automatically_derived]`, the methods a crate-private enum does
                // not call would be dead code to rustc.
                attrs.push(syn::parse_quote!(
                    #[allow(dead_code, clippy::all, clippy::pedantic, clippy::nursery)]
                ));
                if let syn::Expr::Block(block) = &mut **expr {
                    for stmt in &mut block.block.stmts {
                        if let syn::Stmt::Item(item) = stmt {
                            tidy(std::slice::from_mut(item), name);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

fn parse_option<T: syn::parse::Parse>(
    option: &'static str,
    value: &str,
) -> Result<T, GenerateError> {
    syn::parse_str::<T>(value).map_err(|error| GenerateError::Option {
        option,
        value: value.to_owned(),
        message: error.to_string(),
    })
}

/// Why [`generate`] wrote nothing.
///
/// `Debug` shows the variant and the `Display` message, so that `.unwrap()` in a build script
/// prints what went wrong rather than the catalog's whole text.
#[non_exhaustive]
pub enum GenerateError {
    /// The catalog breaks rules of the format: every diagnostic, in file order.
    Invalid(Report),
    /// The catalog file cannot be read.
    Unreadable {
        /// The absolute path that was tried.
        path: PathBuf,
        /// Why it cannot be read.
        source: std::io::Error,
    },
    /// The enum's name is not an UpperCamelCase Rust identifier.
    EnumName(String),
    /// An option of the [`Builder`] does not parse as Rust.
    Option {
        /// The option: `visibility`, `derive` or `crate_path`.
        option: &'static str,
        /// The text given.
        value: String,
        /// What the parser said.
        message: String,
    },
    /// The [`Builder::entries`] subset names an entry the catalog does not have, or keeps one
    /// of the entries that share a code without the others.
    Entries(String),
    /// `OUT_DIR` is not set (outside a build script) and no [`Builder::out_dir`] was given.
    NoOutDir,
    /// The generated file cannot be written.
    Write {
        /// The file's path.
        path: PathBuf,
        /// Why it cannot be written.
        source: std::io::Error,
    },
    /// The expansion panicked, with this message: a bug of error-catalog, to report.
    Internal(String),
}

impl GenerateError {
    /// Prints the error as `cargo::error` lines, which fail the build, one per diagnostic for
    /// a broken catalog (whose full rendering goes to stderr).
    fn print_for_cargo(&self) {
        match self {
            GenerateError::Invalid(report) => {
                for diagnostic in report {
                    println!("cargo::error={}", one_line(&diagnostic.to_string()));
                }
                eprintln!("{}", report.render());
            }
            other => println!("cargo::error={}", one_line(&other.to_string())),
        }
    }
}

/// A `cargo::` directive ends at the end of its line.
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GenerateError::Invalid(report) => {
                let n = report.len();
                write!(
                    f,
                    "catalog `{}` has {n} error{}",
                    report.source.name(),
                    if n == 1 { "" } else { "s" }
                )?;
                for diagnostic in report {
                    write!(f, "\n{diagnostic}")?;
                }
                Ok(())
            }
            GenerateError::Unreadable { path, source } => {
                write!(
                    f,
                    "catalog file cannot be read: `{}`: {source}",
                    path.display()
                )
            }
            GenerateError::EnumName(name) => write!(
                f,
                "`{name}` cannot name the error enum: expected an UpperCamelCase identifier, \
                 such as `ApiError`"
            ),
            GenerateError::Option {
                option,
                value,
                message,
            } => write!(f, "invalid {option} `{value}`: {message}"),
            GenerateError::Entries(message) => write!(f, "invalid entries: {message}"),
            GenerateError::NoOutDir => f.write_str(
                "OUT_DIR is not set: call `generate` from a build script, or give `out_dir`",
            ),
            GenerateError::Write { path, source } => {
                write!(f, "cannot write `{}`: {source}", path.display())
            }
            GenerateError::Internal(message) => write!(
                f,
                "internal error of error-catalog: the generation panicked: {message}; this is a \
                 bug in error-catalog-codegen {}, not in your catalog: please report it at \
                 {}/issues, with this message and the catalog",
                env!("CARGO_PKG_VERSION"),
                env!("CARGO_PKG_REPOSITORY"),
            ),
        }
    }
}

impl fmt::Debug for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let variant = match self {
            GenerateError::Invalid(_) => "Invalid",
            GenerateError::Unreadable { .. } => "Unreadable",
            GenerateError::EnumName(_) => "EnumName",
            GenerateError::Option { .. } => "Option",
            GenerateError::Entries(_) => "Entries",
            GenerateError::NoOutDir => "NoOutDir",
            GenerateError::Write { .. } => "Write",
            GenerateError::Internal(_) => "Internal",
        };
        write!(f, "{variant}: {self}")
    }
}

impl std::error::Error for GenerateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GenerateError::Unreadable { source, .. } | GenerateError::Write { source, .. } => {
                Some(source)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_an_internal_error_that_asks_for_a_report() {
        let error = catching(|| panic!("an expansion bug")).unwrap_err();
        assert!(matches!(&error, GenerateError::Internal(m) if m == "an expansion bug"));
        let text = error.to_string();
        assert!(
            text.starts_with(
                "internal error of error-catalog: the generation panicked: an expansion bug; "
            ),
            "{text}"
        );
        assert!(
            text.contains("https://github.com/error-catalog/error-catalog/issues"),
            "{text}"
        );
        let message = String::from("formatted");
        let error = catching(move || panic!("{message} bug")).unwrap_err();
        assert!(matches!(&error, GenerateError::Internal(m) if m == "formatted bug"));
        assert!(matches!(
            catching(|| Err(GenerateError::NoOutDir)),
            Err(GenerateError::NoOutDir)
        ));
    }
}
