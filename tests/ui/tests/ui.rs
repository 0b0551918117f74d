//! Compile-fail tests: every rule of the catalog validator, as a downstream crate sees it.
//!
//! The cases are the `*.rs` files beside this package's `Cargo.toml`, each with the catalog
//! it names, relative to itself.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("*.rs");
}
