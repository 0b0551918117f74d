//! The enums written by the build script (`build.rs`), used as a downstream crate uses them,
//! in one test binary.

mod round_trip;
mod subset;
