//! What a downstream crate sees when Cargo builds it: the compiler's errors for every rule of
//! the catalog validator (trybuild), and a rebuild when the catalog changes ([`rebuild`]).
//!
//! Both build crates of their own with Cargo, each in a target directory of its own. They
//! are one test binary so that the two builds run at the same time, one on each test thread,
//! instead of one after the other.
//!
//! The UI cases are the `*.rs` files beside this package's `Cargo.toml`, each with the catalog
//! it names, relative to itself.

mod rebuild;

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("*.rs");
}
