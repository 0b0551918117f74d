//! The integration tests of error-catalog, in one test binary: a module per subject, each
//! using the crates as a downstream crate would. One binary links the runtime, serde and http
//! once, instead of once per file.
//!
//! The UI tests (trybuild) and the rebuild of a downstream crate when its catalog changes are a
//! package of their own, `tests/ui`, with the fewest dependencies. The counting allocator of [`alloc`] is this whole binary's
//! `#[global_allocator]`: it only forwards to the system allocator, and it counts per thread,
//! so the tests of other modules, running on other threads, do not change what a test of
//! [`alloc`] counts.
//!
//! Catalog paths are relative to the crate's directory (`tests/`), where Cargo runs the tests.

mod alloc;
mod axum;
mod backup_restore;
mod catalog_schema;
mod check;
mod client;
mod derive;
mod diff_oracle;
mod display;
mod empty_catalog;
mod expand;
mod format_doc;
mod generate;
mod http_client;
mod kitchen_sink;
mod locales;
mod options;
mod overlap;
mod problem;
mod round_trip;
mod structured_fields;
mod typescript;
mod utoipa_responses;
mod wire_shapes;
