//! libFuzzer entry point of the `response` target: [`fuzz_targets::response::run`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_targets::response::run(data));
