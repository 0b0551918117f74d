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
    options_for("catalog/backup-restore.toml")
}

fn options_for(display_path: &str) -> Options {
    Options {
        krate: syn::parse_quote!(::error_catalog),
        // The absolute path differs between machines; rebuild tracking is tested separately.
        tracked_path: None,
        display_path: display_path.to_owned(),
    }
}

fn expanded_file(relative: &str) -> syn::File {
    let catalog = load_enum(&source(relative), "BackupError").expect("catalog is valid");
    let item: syn::DeriveInput = syn::parse_quote! {
        #[derive(Debug, Clone, PartialEq)]
        pub enum BackupError {}
    };
    let display_path = relative.trim_start_matches("../");
    let tokens = expand(&catalog, &item, &options_for(display_path));
    syn::parse2::<syn::File>(tokens).expect("generated code parses")
}

fn expanded(relative: &str) -> String {
    prettyplease::unparse(&expanded_file(relative))
}

/// The text of the `#[doc]` attributes among `attrs`, one line each, as rustdoc joins them.
fn doc_text(attrs: &[syn::Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        if let syn::Meta::NameValue(syn::MetaNameValue {
            value:
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(doc),
                    ..
                }),
            ..
        }) = &attr.meta
        {
            lines.extend(doc.value().lines().map(str::to_owned));
        }
    }
    // As rustdoc does: the least indentation of a line that is not blank is removed from
    // every line, across all the `#[doc]` attributes of the item.
    let indent = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut text = String::new();
    for line in &lines {
        text.push_str(line.get(indent..).unwrap_or(""));
        text.push('\n');
    }
    text
}

/// Every doc comment the expansion writes, item by item: what rustdoc shows of the enum, its
/// variants and fields, and the catalog enums.
fn generated_docs(relative: &str) -> String {
    let mut out = String::new();
    for item in expanded_file(relative).items {
        let syn::Item::Enum(item) = item else {
            continue;
        };
        out.push_str(&format!(
            "===== enum {}\n{}",
            item.ident,
            doc_text(&item.attrs)
        ));
        for variant in &item.variants {
            out.push_str(&format!(
                "\n===== {}::{}\n{}",
                item.ident,
                variant.ident,
                doc_text(&variant.attrs)
            ));
            for field in &variant.fields {
                let name = field
                    .ident
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                out.push_str(&format!("----- field {name}\n{}", doc_text(&field.attrs)));
            }
        }
        out.push('\n');
    }
    out
}

#[test]
fn backup_restore_expansion() {
    insta::assert_snapshot!(expanded("../catalog/backup-restore.toml"));
}

#[test]
fn backup_restore_docs() {
    insta::assert_snapshot!(generated_docs("../catalog/backup-restore.toml"));
}

#[test]
fn kubernetes_status_docs() {
    // A nested shape with a status and constants: the enum's docs say where each member goes,
    // and each variant shows its body in that shape.
    insta::assert_snapshot!(generated_docs("catalogs/wire/kubernetes.toml"));
}

#[test]
fn odata_wire_spec_expansion() {
    // The static object tree of a nested shape with a header, as generated.
    let file = expanded_file("catalogs/wire/odata.toml");
    let text = prettyplease::unparse(&file);
    let start = text.find("wire_spec(").expect("a wire spec");
    let end = start
        + text[start..]
            .find("&[\n            ::error_catalog::__private::status_spec")
            .unwrap_or(text.len() - start);
    insta::assert_snapshot!(&text[start..end]);
}

#[test]
fn kitchen_sink_docs() {
    // Help, a docs URL, keyword fields, literal braces and pipes in messages.
    insta::assert_snapshot!(generated_docs("catalogs/kitchen-sink.toml"));
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

#[test]
fn code_blocks_docs() {
    // Catalog docs are language-neutral: every code block that does not say `rust` is `text`
    // in the rustdoc (fences of backticks and tildes, indented blocks, in lists and quotes).
    insta::assert_snapshot!(generated_docs("catalogs/code-blocks.toml"));
}

#[test]
fn injection_docs() {
    // Catalog text cannot add a link to a script, raw HTML or a row to the generated rustdoc.
    let docs = generated_docs("catalogs/injection.toml");
    for bad in ["javascript:", "data:", "<script", "<img", "<b>"] {
        assert!(!docs.contains(bad), "{bad} in\n{docs}");
    }
    insta::assert_snapshot!(docs);
}
