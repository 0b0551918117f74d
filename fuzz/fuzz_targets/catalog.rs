//! libFuzzer entry point of the `catalog` target: [`fuzz_targets::catalog::run`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_targets::catalog::run(data));
