//! The `catalog` target: catalog text through the code generator, as the `catalog`
//! attribute and a build script run it.
//!
//! Input: the catalog's text (UTF-8, lossily). It is loaded and checked with
//! `load_enum(.., "FuzzError")`. A catalog that breaks rules gives diagnostics, which must
//! render (plain and coloured, each one and the whole report). A valid catalog is expanded
//! onto `#[derive(Debug)] pub enum FuzzError {}` as the attribute does; the tokens must parse
//! as a Rust file, which `prettyplease` formats, as `generate` writes it.

use error_catalog_codegen::expand::{Options, expand};
use error_catalog_codegen::{Report, Source};

/// The name of the error enum the catalog fills.
pub const ENUM: &str = "FuzzError";

/// The target.
pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let source = Source::new("fuzz.toml", "/fuzz/fuzz.toml", text.into_owned());
    let checked = match error_catalog_codegen::load_enum(&source, ENUM) {
        Ok(checked) => checked,
        Err(diagnostics) => {
            assert!(
                !diagnostics.is_empty(),
                "a catalog rejected without diagnostics"
            );
            for diagnostic in &diagnostics {
                let _ = diagnostic.to_string();
                let _ = diagnostic.line_col(&source);
                let _ = diagnostic.render_with(&source, true);
            }
            let report = Report::new(source, diagnostics);
            let _ = report.render();
            let _ = report.to_string();
            return;
        }
    };
    assert!(
        error_catalog_codegen::load(&source).is_ok(),
        "a catalog valid for an enum name is invalid without one"
    );
    let item: syn::DeriveInput = syn::parse_quote! {
        #[derive(Debug)]
        pub enum FuzzError {}
    };
    let options = Options {
        krate: syn::parse_quote!(::error_catalog),
        tracked_path: None,
        display_path: "fuzz.toml".to_owned(),
    };
    let tokens = expand(&checked, &item, &options);
    let file: syn::File = match syn::parse2(tokens.clone()) {
        Ok(file) => file,
        Err(error) => panic!("the expansion is not a Rust file: {error}\n{tokens}"),
    };
    // What `generate` writes; the text is not parsed again, which would double the time of
    // a run for a check of `prettyplease`.
    let _ = prettyplease::unparse(&file);
}
