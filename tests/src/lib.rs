//! Integration tests of error-catalog live in `tests/`; this library only compiles the
//! README's examples as doctests, so that they stay true.
#![doc = include_str!("../../README.md")]
