//! Benchmarks of error-catalog live in `benches/`: run them with `cargo bench -p
//! error-catalog-benches`. They are a workspace member of their own so that `cargo test`
//! never compiles criterion.
