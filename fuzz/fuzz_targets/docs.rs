//! libFuzzer entry point of the `docs` target: [`fuzz_targets::docs::run`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_targets::docs::run(data));
