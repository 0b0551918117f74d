//! Prepares the README and the format document for their doctests.
//!
//! Both are written for a user's crate, whose catalog sits at `catalog/` beside its
//! `Cargo.toml`. This crate is one directory below the workspace's `catalog/`, so the README's
//! paths get a `../` prefix, and the format document's example catalog (the first complete
//! catalog in it) is written to `OUT_DIR`, where its examples' `path` then points. Nothing
//! else in either text changes: the doctests compile what readers see.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);

    println!("cargo::rerun-if-changed=../README.md");
    let readme = std::fs::read_to_string("../README.md").expect("read the README");
    let readme = readme.replace(r#"path = "catalog/"#, r#"path = "../catalog/"#);
    std::fs::write(out.join("README.md"), readme).expect("write the README");

    println!("cargo::rerun-if-changed=../docs/catalog-format.md");
    let doc = std::fs::read_to_string("../docs/catalog-format.md").expect("read the format doc");
    let catalog = first_catalog(&doc).expect("the format doc shows a complete catalog");
    let catalog_path = out.join("api.toml");
    std::fs::write(&catalog_path, catalog).expect("write the example catalog");
    let doc = doc
        .replace(
            r#"path = "catalog/api.toml""#,
            &format!("path = {:?}", catalog_path.display().to_string()),
        )
        .replace(r#"path = "catalog/"#, r#"path = "../catalog/"#);
    std::fs::write(out.join("catalog-format.md"), doc).expect("write the format doc");
}

/// The body of the first ```toml block that starts with `[catalog]`.
fn first_catalog(markdown: &str) -> Option<String> {
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```toml" {
            continue;
        }
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        if body.first() == Some(&"[catalog]") {
            return Some(body.join("\n") + "\n");
        }
    }
    None
}
