//! The `#[catalog(...)]` attribute: its options, the enum it is placed on, and the whole
//! expansion from attribute tokens to output tokens.

use std::path::{Path, PathBuf};

use proc_macro2::{Span, TokenStream};
use quote::quote;

use crate::check::Checked;
use crate::expand::{self, Options};
use crate::source::Source;

/// The attribute's options.
struct Args {
    /// `path = "..."`, with the literal for error spans.
    path: syn::LitStr,
    /// `crate = "..."`.
    krate: syn::Path,
}

fn parse_args(attr: TokenStream) -> syn::Result<Args> {
    let mut path = None;
    let mut krate = None;
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("path") {
            set_once(&mut path, &meta, meta.value()?.parse::<syn::LitStr>()?)
        } else if meta.path.is_ident("crate") {
            let lit = meta.value()?.parse::<syn::LitStr>()?;
            set_once(&mut krate, &meta, lit.parse::<syn::Path>()?)
        } else if meta.path.is_ident(PANIC_FOR_TESTS) {
            panic_for_tests(&meta)
        } else {
            Err(meta.error("unknown option; expected `path = \"...\"` or `crate = \"...\"`"))
        }
    });
    syn::parse::Parser::parse2(parser, attr)?;
    let path = path.ok_or_else(|| {
        syn::Error::new(
            Span::call_site(),
            "missing `path`: write `#[error_catalog::catalog(path = \"catalog/api.toml\")]`",
        )
    })?;
    Ok(Args {
        path,
        krate: krate.unwrap_or_else(|| syn::parse_quote!(::error_catalog)),
    })
}

/// The hidden option `__panic_for_tests = "message"`, which every macro accepts and which
/// makes the expansion panic with `message`: the test of what a bug in the expansion gives
/// the user (a `compile_error!` that asks for a bug report, not "proc macro panicked").
/// Hidden and unstable: it is not part of the format, and may go or change in any release.
pub(crate) const PANIC_FOR_TESTS: &str = "__panic_for_tests";

/// Panics with the value of `__panic_for_tests = "message"` ([`PANIC_FOR_TESTS`]), once it
/// has parsed.
pub(crate) fn panic_for_tests(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    let message = meta.value()?.parse::<syn::LitStr>()?.value();
    panic!("{message}")
}

/// What `#[catalog]` goes on, for the errors that say so.
const NOT_AN_ENUM: &str = "`#[catalog]` goes on an enum: `pub enum ApiError {}`";

/// Checks that the item is an enum the catalog can fill: no variants, no generics. Parsed as
/// a `DeriveInput`, which is all an enum without variants needs.
fn parse_item(item: TokenStream) -> syn::Result<syn::DeriveInput> {
    let item: syn::DeriveInput =
        syn::parse2(item).map_err(|error| syn::Error::new(error.span(), NOT_AN_ENUM))?;
    let variants = match &item.data {
        syn::Data::Enum(data) => &data.variants,
        syn::Data::Struct(data) => {
            return Err(syn::Error::new(data.struct_token.span, NOT_AN_ENUM));
        }
        syn::Data::Union(data) => return Err(syn::Error::new(data.union_token.span, NOT_AN_ENUM)),
    };
    if let Some(variant) = variants.first() {
        return Err(syn::Error::new_spanned(
            variant,
            "the catalog provides the variants: declare the enum empty, `enum Name {}`",
        ));
    }
    if !item.generics.params.is_empty() || item.generics.where_clause.is_some() {
        return Err(syn::Error::new_spanned(
            &item.generics,
            "an error enum generated from a catalog cannot have generic parameters",
        ));
    }
    Ok(item)
}

/// The whole attribute: `attr` is what is inside `#[catalog(...)]`, `item` the enum.
///
/// Relative paths resolve against the `CARGO_MANIFEST_DIR` environment variable and, when no
/// file is there, against the directory of `source_file`, the file that holds the attribute
/// (`proc_macro::Span::local_file` of the call site; `None` outside a macro). A broken
/// catalog gives one `compile_error!` per diagnostic, spanned at the path literal, plus the
/// enum as written, so that no error comes from inside generated code.
pub fn expand_attribute(
    attr: TokenStream,
    item: TokenStream,
    source_file: Option<&Path>,
) -> TokenStream {
    let item = match parse_item(item) {
        Ok(item) => item,
        Err(error) => return error.to_compile_error(),
    };
    let args = match parse_args(attr) {
        Ok(args) => args,
        Err(error) => {
            let fallback = expand::fallback(&item);
            let error = error.to_compile_error();
            return quote!(#error #fallback);
        }
    };
    match load_catalog(&args.path, source_file, Some(&item.ident.to_string())) {
        Ok((source, catalog)) => {
            let options = Options {
                krate: args.krate.clone(),
                tracked_path: Some(source.path().display().to_string()),
                display_path: args.path.value(),
            };
            expand::expand(&catalog, &item, &options)
        }
        Err(errors) => {
            let fallback = expand::fallback(&item);
            quote!(#errors #fallback)
        }
    }
}

/// Reads and checks the catalog that `path` names, as the attribute and the derive both do:
/// the catalog and its source, or one `compile_error!` per diagnostic, spanned at `path`.
/// `error_enum` is the name of the enum whose catalog enums the expansion declares, if any.
pub(crate) fn load_catalog(
    path: &syn::LitStr,
    source_file: Option<&Path>,
    error_enum: Option<&str>,
) -> Result<(Source, Checked), TokenStream> {
    let base = manifest_dir();
    let relative = path.value();
    let failed = |messages: Vec<String>| {
        let errors = messages
            .iter()
            .map(|message| syn::Error::new(path.span(), message).to_compile_error());
        quote!(#(#errors)*)
    };
    let source = match read_catalog(&base, source_file, &relative) {
        Ok(source) => source,
        Err(diagnostic) => {
            let source = Source::new(relative.clone(), base.join(&relative), "");
            return Err(failed(vec![for_rustc(&diagnostic.render(&source))]));
        }
    };
    let loaded = match error_enum {
        Some(name) => crate::load_enum(&source, name),
        None => crate::load(&source),
    };
    match loaded {
        Ok(catalog) => Ok((source, catalog)),
        Err(diagnostics) => Err(failed(
            diagnostics
                .iter()
                .map(|d| for_rustc(&d.render(&source)))
                .collect(),
        )),
    }
}

/// The directory of the crate's `Cargo.toml` (`CARGO_MANIFEST_DIR`), or else the current one.
fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// Reads the catalog at `relative`: from the directory of the crate's `Cargo.toml` (`base`)
/// and, when no file is there, from the directory of the source file that holds the
/// attribute, as `include_str!` would. A file found in neither place is one diagnostic that
/// names both.
fn read_catalog(
    base: &Path,
    source_file: Option<&Path>,
    relative: &str,
) -> Result<Source, Box<crate::Diagnostic>> {
    const MANIFEST_DIR: &str = "the directory of the crate's Cargo.toml";
    let first = match Source::read(base, relative, MANIFEST_DIR) {
        Ok(source) => return Ok(source),
        Err(diagnostic) => diagnostic,
    };
    // The compiler names the file relative to the directory it runs in.
    let Some(dir) = source_file.and_then(Path::parent).map(base_of) else {
        return Err(first);
    };
    let missing = |d: &crate::Diagnostic| d.message.starts_with("catalog file not found");
    if dir == base || !missing(&first) || Path::new(relative).is_absolute() {
        return Err(first);
    }
    match Source::read(&dir, relative, "the directory of the source file") {
        Ok(source) => Ok(source),
        Err(second) if missing(&second) => {
            let mut combined = *first;
            combined.notes.extend(second.notes);
            combined.help = Some(
                "give the path of the catalog relative to the directory of the crate's \
                 Cargo.toml, or to the directory of the source file that holds the attribute"
                    .to_owned(),
            );
            Err(Box::new(combined))
        }
        Err(second) => Err(second),
    }
}

/// `dir` made absolute against the current directory.
fn base_of(dir: &Path) -> PathBuf {
    if dir.is_absolute() {
        dir.to_owned()
    } else {
        std::env::current_dir().unwrap_or_default().join(dir)
    }
}

/// Sets an option that may be given once: a second `path = ...` is an error at the second,
/// rather than silently replacing the first.
pub(crate) fn set_once<T>(
    slot: &mut Option<T>,
    meta: &syn::meta::ParseNestedMeta<'_>,
    value: T,
) -> syn::Result<()> {
    if slot.is_some() {
        let name = meta
            .path
            .get_ident()
            .map_or_else(String::new, ToString::to_string);
        return Err(meta.error(format!("`{name}` is given twice: give it once")));
    }
    *slot = Some(value);
    Ok(())
}

/// rustc prints `error: ` before a `compile_error!` message itself.
fn for_rustc(rendered: &str) -> String {
    rendered
        .strip_prefix("error: ")
        .unwrap_or(rendered)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A crate directory with `src/lib.rs` and the given files.
    fn crate_dir(name: &str, files: &[&str]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "error-catalog-macro-input-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for file in files.iter().chain(&["src/lib.rs"]) {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "[catalog]\ntitle = \"T\"\n").unwrap();
        }
        dir
    }

    #[test]
    fn the_manifest_directory_comes_first() {
        let dir = crate_dir("first", &["api.toml", "src/api.toml"]);
        let source = read_catalog(&dir, Some(&dir.join("src/lib.rs")), "api.toml").unwrap();
        assert_eq!(source.path(), dir.join("api.toml"));
    }

    #[test]
    fn then_the_directory_of_the_source_file() {
        let dir = crate_dir("second", &["src/api.toml"]);
        let source = read_catalog(&dir, Some(&dir.join("src/lib.rs")), "api.toml").unwrap();
        assert_eq!(source.path(), dir.join("src/api.toml"));
        // Without a source file, only the manifest directory counts.
        assert!(read_catalog(&dir, None, "api.toml").is_err());
    }

    #[test]
    fn a_file_in_neither_place_names_both() {
        let dir = crate_dir("neither", &[]);
        let diagnostic = read_catalog(&dir, Some(&dir.join("src/lib.rs")), "api.toml").unwrap_err();
        let notes = diagnostic.notes.join("\n");
        assert!(
            notes.contains(&dir.join("api.toml").display().to_string()),
            "{notes}"
        );
        assert!(
            notes.contains(&dir.join("src/api.toml").display().to_string()),
            "{notes}"
        );
        assert!(diagnostic.help.unwrap().contains("source file"));
    }
}
