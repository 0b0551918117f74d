//! The `docs` target: a valid catalog through every format of `error-catalog docs` and
//! through `explain`.
//!
//! Input: catalog text (UTF-8, lossily), the same inputs as the `catalog` target's. A catalog
//! that does not load is left alone (the `catalog` target covers its diagnostics). A valid
//! one is rendered as Markdown, HTML, OpenAPI and JSON, the last two of which must be JSON;
//! `explain` must explain every code of the catalog, and no code that it does not have.

use error_catalog_cli::Loaded;
use error_catalog_cli::docs::{Format, render};
use error_catalog_cli::explain::explain;
use error_catalog_codegen::Source;

/// The target.
pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let source = Source::new("fuzz.toml", "/fuzz/fuzz.toml", text.into_owned());
    let Ok(checked) = error_catalog_codegen::load(&source) else {
        return;
    };
    for format in [
        Format::Markdown,
        Format::Html,
        Format::Openapi,
        Format::Json,
    ] {
        let page = render(&checked, format);
        let json = matches!(format, Format::Openapi | Format::Json);
        if json && let Err(error) = serde_json::from_str::<serde_json::Value>(&page) {
            panic!("{format:?} is not JSON: {error}\n{page}");
        }
    }
    let codes: Vec<String> = checked
        .entries
        .iter()
        .map(|entry| entry.code.value.clone())
        .collect();
    let loaded = [Loaded { source, checked }];
    for code in &codes {
        assert!(
            explain(code, &loaded).is_some(),
            "`explain {code}` finds no entry"
        );
    }
    let unknown = format!("{}~", codes.concat());
    assert!(
        explain(&unknown, &loaded).is_none(),
        "`explain {unknown}` finds an entry"
    );
}
