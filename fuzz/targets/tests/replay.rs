//! Replays every committed input of the fuzz targets through the same functions the
//! libFuzzer binaries call: the minimized corpus (`fuzz/corpus/<target>/`), the crash, hang
//! and out-of-memory inputs found so far (`fuzz/artifacts/<target>/`), and the seeds built
//! from the repository's catalogs.
//!
//! `cargo test -p error-catalog-fuzz-targets --test replay -- --ignored write_seeds` writes
//! the seeds into `fuzz/corpus/<target>/`, to start a corpus from.

use std::path::Path;

use fuzz_targets::{TARGETS, fuzz_dir, seeds};

/// Runs `target` on every file of `dir` (none when the directory does not exist), and returns
/// how many there were. A failing input is named before the panic propagates. A file that is
/// gone by the time it is read is skipped: a fuzzer running on the corpus replaces inputs.
fn replay_dir(name: &str, target: fn(&[u8]), dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .filter(|path| !path.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    files.sort();
    for file in &files {
        let data = match std::fs::read(file) {
            Ok(data) => data,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => panic!("{}: {error}", file.display()),
        };
        let result = std::panic::catch_unwind(|| target(&data));
        if let Err(panic) = result {
            eprintln!("{name}: {} fails", file.display());
            std::panic::resume_unwind(panic);
        }
    }
    files.len()
}

fn replay(name: &str) {
    let (_, target) = TARGETS.iter().find(|(n, _)| *n == name).unwrap();
    let corpus = replay_dir(name, *target, &fuzz_dir().join("corpus").join(name));
    let artifacts = replay_dir(name, *target, &fuzz_dir().join("artifacts").join(name));
    eprintln!("{name}: {corpus} corpus inputs and {artifacts} artifacts replayed");
    assert!(corpus > 0, "no corpus for {name}");
}

#[test]
fn catalog() {
    replay("catalog");
}

#[test]
fn response() {
    replay("response");
}

#[test]
fn template() {
    replay("template");
}

#[test]
fn docs() {
    replay("docs");
}

#[test]
fn seeds_pass() {
    for (name, target) in TARGETS {
        let inputs = seeds::of(name);
        assert!(!inputs.is_empty(), "no seeds for {name}");
        for input in inputs {
            target(&input);
        }
    }
}

/// Every catalog the `response` target reads has at least one seed per entry.
#[test]
fn response_seeds_cover_every_catalog() {
    let inputs = seeds::response();
    for index in 0..fuzz_targets::catalogs::TEXTS.len() {
        assert!(
            inputs.iter().any(|input| usize::from(input[0]) == index),
            "no seed for {}",
            fuzz_targets::catalogs::TEXTS[index].0
        );
    }
}

#[test]
#[ignore = "writes the seeds into fuzz/corpus/"]
fn write_seeds() {
    for (name, _) in TARGETS {
        let dir = fuzz_dir().join("corpus").join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for input in seeds::of(name) {
            std::fs::write(dir.join(seeds::name(&input)), input).unwrap();
        }
    }
}

/// A finding of the `response` target, fixed: a problem body whose extension members
/// contradict its `detail` (`amount` 2, the detail says 1) was read as the catch-all entry
/// `Other` of `tests/catalogs/overlap.toml`, although the more specific `QuotaExceeded` fits
/// the detail, and that value's own body then read as `QuotaExceeded`. Such a body is now
/// unrecognized.
#[test]
fn overlap_fields_contradicting_the_message() {
    let input = fuzz_dir().join("artifacts/response/overlap-fields-contradict-message");
    fuzz_targets::response::run(&std::fs::read(input).unwrap());
}

/// The same finding with a fields object (`wire.fields`) instead of problem extension
/// members, for `fuzz/targets/catalogs/overlap-fields.toml`.
#[test]
fn overlap_fields_object_contradicting_the_message() {
    let input = fuzz_dir().join("artifacts/response/overlap-fields-object-contradicts-message");
    fuzz_targets::response::run(&std::fs::read(input).unwrap());
}
