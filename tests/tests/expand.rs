//! Snapshots of the code generated for the seed catalog: reviewed once, then any change to
//! the expansion shows up as a diff.

use std::path::Path;

use error_catalog_codegen::expand::{Options, expand};
use error_catalog_codegen::{Source, load};

fn expanded(relative: &str) -> String {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = Source::read(base, relative, "the tests crate").expect("catalog is readable");
    let catalog = load(&source).expect("catalog is valid");
    let item: syn::ItemEnum = syn::parse_quote! {
        #[derive(Debug, Clone, PartialEq)]
        pub enum BackupError {}
    };
    let options = Options {
        krate: syn::parse_quote!(::error_catalog),
        // The absolute path differs between machines; rebuild tracking is tested separately.
        tracked_path: None,
        display_path: "catalog/backup-restore.toml".to_owned(),
    };
    let tokens = expand(&catalog, &item, &options);
    let file = syn::parse2::<syn::File>(tokens).expect("generated code parses");
    prettyplease::unparse(&file)
}

#[test]
fn backup_restore_expansion() {
    insta::assert_snapshot!(expanded("../catalog/backup-restore.toml"));
}
