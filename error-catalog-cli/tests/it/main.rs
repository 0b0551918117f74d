//! The tests of the `error-catalog` command, in one test binary: a module per subject, each
//! running the real binary from the workspace root, with the helpers of [`common`].

mod chromium;
mod cli;
mod common;
mod diff;
mod formats;
mod generate;
mod validators;
