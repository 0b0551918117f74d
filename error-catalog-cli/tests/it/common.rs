//! Running the real `error-catalog` binary from the workspace root, as a user would.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The workspace root, where `catalog/backup-restore.toml` is.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate is in the workspace")
        .to_owned()
}

/// The binary, run from the workspace root with no `NO_COLOR`.
pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_error-catalog"));
    command
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR");
    command
}

/// What one run printed and returned.
#[derive(Debug)]
pub struct Run {
    /// Stdout, as text.
    pub stdout: String,
    /// Stderr, as text.
    pub stderr: String,
    /// The exit code.
    pub code: i32,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
            code: output.status.code().expect("the binary exited, not killed"),
        }
    }
}

/// Runs the binary with `args`.
pub fn run(args: &[&str]) -> Run {
    command(args).output().expect("the binary runs").into()
}

/// A new empty directory under the target directory's temporary space.
pub fn temp_dir(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "cli-{name}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

/// The seed catalog's text.
pub fn seed() -> String {
    std::fs::read_to_string(root().join("catalog/backup-restore.toml")).expect("the seed catalog")
}

/// Every code of the seed catalog, read from the model.
pub fn seed_codes() -> Vec<String> {
    let loaded =
        error_catalog_cli::load(&root().join("catalog/backup-restore.toml")).expect("the seed");
    let mut codes: Vec<String> = Vec::new();
    for entry in &loaded.checked.entries {
        if !codes.contains(&entry.code.value) {
            codes.push(entry.code.value.clone());
        }
    }
    codes
}

/// Whether an external tool is required here: the environment variable `var` is `1`, as
/// `.ci/run` sets it, so that a missing tool fails the test instead of skipping it.
pub fn required(var: &str) -> bool {
    std::env::var(var).is_ok_and(|value| value == "1")
}

/// The lines of `--format json`: every line one JSON object, every one but the last a
/// diagnostic, the last the summary. Returns the diagnostics and the summary.
pub fn json_lines(stdout: &str) -> (Vec<serde_json::Value>, serde_json::Value) {
    assert!(stdout.ends_with('\n'), "{stdout}");
    let mut lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect();
    let summary = lines.pop().expect("a summary line");
    assert_eq!(summary["$message_type"], "summary", "{stdout}");
    for line in &lines {
        assert_eq!(line["$message_type"], "diagnostic", "{line}");
    }
    (lines, summary)
}
