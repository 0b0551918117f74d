//! Snapshots of the code generated for the seed catalog: reviewed once, then any change to
//! the expansion shows up as a diff.

use std::path::Path;

use error_catalog_codegen::expand::{Options, expand};
use error_catalog_codegen::{Source, load, load_enum};

fn source(relative: &str) -> Source {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    Source::read(base, relative, "the tests crate").expect("catalog is readable")
}

fn options() -> Options {
    Options {
        krate: syn::parse_quote!(::error_catalog),
        // The absolute path differs between machines; rebuild tracking is tested separately.
        tracked_path: None,
        display_path: "catalog/backup-restore.toml".to_owned(),
    }
}

fn expanded(relative: &str) -> String {
    let catalog = load_enum(&source(relative), "BackupError").expect("catalog is valid");
    let item: syn::DeriveInput = syn::parse_quote! {
        #[derive(Debug, Clone, PartialEq)]
        pub enum BackupError {}
    };
    let tokens = expand(&catalog, &item, &options());
    let file = syn::parse2::<syn::File>(tokens).expect("generated code parses");
    prettyplease::unparse(&file)
}

#[test]
fn backup_restore_expansion() {
    insta::assert_snapshot!(expanded("../catalog/backup-restore.toml"));
}

#[test]
fn an_error_enum_named_like_a_catalog_enum_expands_to_that_diagnostic() {
    // Checked without an enum name, then expanded for `enum Job`, which the catalog's
    // `[types.Job]` would clash with: the rule runs again, and nothing else is generated.
    let catalog = load(&source("../catalog/backup-restore.toml")).expect("catalog is valid");
    let item: syn::DeriveInput = syn::parse_quote!(
        pub enum Job {}
    );
    let tokens = expand(&catalog, &item, &options()).to_string();
    assert!(tokens.contains("compile_error"), "{tokens}");
    assert!(
        tokens.contains("catalog enum `Job` has the same name as the error enum"),
        "{tokens}"
    );
    assert!(!tokens.contains("impl"), "{tokens}");
}
