//! Compile-fail tests: every rule of the catalog validator, as a downstream crate sees it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
