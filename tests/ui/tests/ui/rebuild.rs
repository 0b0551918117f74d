//! Cargo rebuilds a crate when its catalog changes: the generated code makes the compiler
//! track the catalog file. This builds a real downstream crate twice, editing the catalog in
//! between, and runs it each time.

use std::path::{Path, PathBuf};
use std::process::Command;

const CATALOG: &str = r#"
[catalog]
title = "Rebuild probe"

[status.404]
reason = "Not Found"

[errors.Missing]
code = "1"
status = 404
message = "first message: {id}"
"#;

const MAIN: &str = r#"
#[error_catalog::catalog(path = "catalog.toml")]
#[derive(Debug)]
enum ProbeError {}

fn main() {
    println!("{}", ProbeError::Missing { id: "7".into() });
}
"#;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn run(dir: &Path, target: &Path) -> String {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--offline"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "probe crate failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn editing_the_catalog_rebuilds_the_crate() {
    // This package is `tests/ui` in the workspace.
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("the workspace's directory");
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rebuild-probe");
    let dir = scratch.join("crate");
    let _ = std::fs::remove_dir_all(&dir);
    let runtime = workspace.join("error-catalog");
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"rebuild-probe\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nerror-catalog = {{ path = {:?} }}\n\n[workspace]\n",
            runtime.display().to_string()
        ),
    );
    // The workspace's lock file pins the same versions, so the build needs no network.
    std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    write(&dir.join("src/main.rs"), MAIN);
    write(&dir.join("catalog.toml"), CATALOG);
    let target = scratch.join("target");

    assert_eq!(run(&dir, &target), "first message: 7\n");

    // Only the catalog changes; the Rust source stays as it was.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    write(
        &dir.join("catalog.toml"),
        &CATALOG.replace("first message", "second message"),
    );
    assert_eq!(run(&dir, &target), "second message: 7\n");
}
