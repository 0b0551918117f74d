//! libFuzzer entry point of the `template` target: [`fuzz_targets::template::run`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_targets::template::run(data));
