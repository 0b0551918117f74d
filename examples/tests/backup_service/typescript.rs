//! End to end in TypeScript: the client of `examples/typescript/client.ts`, compiled with
//! `tsc --strict` together with the modules that `error-catalog generate typescript` writes
//! for the two catalogs of the service, calls every error route of a running service with
//! Node's `fetch`, in both media types, with and without a German `Accept-Language`, and
//! prints what it read. The same requests, replayed with reqwest against a fresh service and
//! read with the Rust enums, must give the same name, code, fields, messages and retry delay,
//! or the same unrecognized response.
//!
//! Without Node.js or the TypeScript compiler (`ERROR_CATALOG_TSC`, or `tsc` on the `PATH`)
//! the test says so and passes, unless `ERROR_CATALOG_REQUIRE_VALIDATORS=1` (as `.ci/run`
//! sets it), where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use error_catalog::{BodyError, CatalogError, Localized, Unrecognized, UnrecognizedKind};
use error_catalog_cli::generate::Target;
use error_catalog_examples::v1::BackupError;
use error_catalog_examples::v2::ServiceError;
use serde_json::{Value, json};

use super::{PROBLEM, Received, serve};

const REQUIRE: &str = "ERROR_CATALOG_REQUIRE_VALIDATORS";

/// Node.js and the TypeScript compiler, or why the test cannot run.
struct Tools {
    node: PathBuf,
    tsc: PathBuf,
}

/// `program --version` runs.
fn runs(program: &Path) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

impl Tools {
    /// `node` on the `PATH`, and `ERROR_CATALOG_TSC` or else `tsc` on the `PATH`; `None`,
    /// with a message, when one is missing, unless `ERROR_CATALOG_REQUIRE_VALIDATORS=1`.
    fn find() -> Option<Tools> {
        let node = PathBuf::from("node");
        let tsc = std::env::var_os("ERROR_CATALOG_TSC").map_or_else(|| "tsc".into(), PathBuf::from);
        let missing: Vec<String> = [
            (&node, "node (Node.js 18 or later)"),
            (&tsc, "the TypeScript compiler"),
        ]
        .into_iter()
        .filter(|(program, _)| !runs(program))
        .map(|(program, what)| format!("{what} at `{}`", program.display()))
        .collect();
        if missing.is_empty() {
            return Some(Tools { node, tsc });
        }
        let missing = missing.join(" and ");
        assert!(
            std::env::var(REQUIRE).as_deref() != Ok("1"),
            "{REQUIRE}=1 but {missing} does not run: install Node.js, and \
             `npm install --prefix DIR typescript@5` with ERROR_CATALOG_TSC=DIR/node_modules/.bin/tsc"
        );
        eprintln!("skipped: {missing} does not run");
        None
    }
}

/// `command`'s output; a panic with its stdout and stderr when it fails.
fn run(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("{command:?} does not start: {error}"));
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n{}{}",
        output.status,
        text(&output.stdout),
        text(&output.stderr)
    );
    text(&output.stdout)
}

/// A directory with the client, its `tsconfig.json` and `package.json`, and the modules that
/// `error-catalog generate typescript` writes for the two catalogs, compiled with `tsc`.
fn compiled_client(tools: &Tools) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("typescript-client");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a directory for the client");
    for file in ["client.ts", "tsconfig.json", "package.json"] {
        std::fs::copy(Path::new("typescript").join(file), dir.join(file))
            .unwrap_or_else(|error| panic!("typescript/{file}: {error}"));
    }
    for (catalog, module) in [
        ("../catalog/backup-restore.toml", "backup-restore.ts"),
        ("backup-service.toml", "backup-service.ts"),
    ] {
        let outcome = error_catalog_cli::generate::run(
            Target::Typescript,
            Path::new(catalog),
            Some(&dir.join(module)),
            false,
        );
        assert_eq!(
            outcome.code,
            error_catalog_cli::EXIT_OK,
            "{}",
            outcome.stderr
        );
    }
    // `tsconfig.json` asks for `--strict` and no emitted file on an error.
    run(Command::new(&tools.tsc).arg("-p").arg(&dir));
    dir
}

/// Runs the compiled client against the service at `base`; its output, one exchange per
/// request.
async fn run_client(tools: &Tools, dir: &Path, base: String) -> Vec<Value> {
    let mut command = Command::new(&tools.node);
    command
        .arg(dir.join("out").join("client.js"))
        .arg(base)
        // Node 18 warns that its `fetch` is experimental.
        .env("NODE_NO_WARNINGS", "1");
    // The service runs on this test's runtime: Node waits on a thread of its own.
    let stdout = tokio::task::spawn_blocking(move || run(&mut command))
        .await
        .expect("node ran");
    serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("{error}: {stdout}"))
}

/// The request that the client describes, sent with reqwest.
fn request(client: &reqwest::Client, base: &str, request: &Value) -> reqwest::RequestBuilder {
    let text = |key: &str| request[key].as_str();
    let url = format!("{base}{}", text("path").expect("a path"));
    let mut builder = match text("method") {
        Some("GET") => client.get(url),
        Some("POST") => client.post(url),
        other => panic!("no method {other:?}"),
    };
    if let Some(accept) = text("accept") {
        builder = builder.header(reqwest::header::ACCEPT, accept);
    }
    if let Some(language) = text("language") {
        builder = builder.header(reqwest::header::ACCEPT_LANGUAGE, language);
    }
    if let Some(body) = text("body") {
        builder = builder
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_owned());
    }
    builder
}

/// The fields of a `/v1` error, as text, from its variant.
fn fields_v1(error: &BackupError) -> Value {
    match error {
        BackupError::BackupPolicyAlreadyExists {
            org_id,
            cloud_id,
            product,
        } => json!({ "org_id": org_id, "cloud_id": cloud_id, "product": product }),
        BackupError::StorageNotFound { storage_id } => json!({ "storage_id": storage_id }),
        BackupError::ExportAlreadyInProgress => json!({}),
        other => panic!("no route of /v1 sends {other:?}"),
    }
}

/// The fields of a `/v2` error, as text, from its variant.
fn fields_v2(error: &ServiceError) -> Value {
    match error {
        ServiceError::BackupPolicyAlreadyExists {
            org_id,
            cloud_id,
            product,
        } => json!({ "org_id": org_id, "cloud_id": cloud_id, "product": product }),
        ServiceError::StorageNotFound { storage_id } => json!({ "storage_id": storage_id }),
        ServiceError::ExportAlreadyInProgress => json!({}),
        ServiceError::RateLimited { seconds } => json!({ "seconds": seconds.to_string() }),
    }
}

/// What the Rust client reads from `received`, in the client's terms (`Read` in
/// `client.ts`).
fn read<E>(received: &Received, fields: fn(&E) -> Value) -> Value
where
    E: CatalogError,
    for<'e> Localized<'e, E>: std::fmt::Display,
{
    let error = match E::from_http(received.status, &received.headers, &received.body) {
        Ok(error) => error,
        Err(unrecognized) => return read_unrecognized(&unrecognized),
    };
    // The message as received is the error's message in the response's language.
    let message = match received.header("content-language") {
        Some(language) => error.localized(language).to_string(),
        None => error.to_string(),
    };
    json!({
        "name": error.spec().name,
        "code": error.code(),
        "fields": fields(&error),
        "message": message,
        "rendered": error.to_string(),
        "renderedDe": error.localized("de").to_string(),
        "retryable": error.is_retryable(),
        "retryAfter": error.retry_after().map(|delay| delay.as_secs()),
    })
}

fn read_unrecognized(unrecognized: &Unrecognized) -> Value {
    let (kind, reason) = match unrecognized.kind() {
        UnrecognizedKind::MessageMismatch => ("MessageMismatch", None),
        UnrecognizedKind::UnknownCode => ("UnknownCode", None),
        UnrecognizedKind::NotAnErrorBody(reason) => (
            "NotAnErrorBody",
            Some(match reason {
                BodyError::NotJson(_) => "NotJson",
                BodyError::NotAnObject => "NotAnObject",
                BodyError::MissingKey(_) => "MissingKey",
                BodyError::NotAString(_) => "NotAString",
                BodyError::CodeNotAStringOrInteger(_) => "CodeNotAStringOrInteger",
                other => panic!("a reason the client does not know: {other:?}"),
            }),
        ),
        other => panic!("a kind the client does not know: {other:?}"),
    };
    json!({
        "name": "Unrecognized",
        "kind": kind,
        "reason": reason,
        "code": unrecognized.code(),
        "message": unrecognized.message(),
        "entries": unrecognized.entries().map(|entry| entry.name).collect::<Vec<_>>(),
        "retryable": unrecognized.is_retryable(),
        "retryAfter": unrecognized.retry_after().map(|delay| delay.as_secs()),
    })
}

#[tokio::test]
async fn a_typescript_client_reads_every_error_as_the_rust_client_does() {
    let Some(tools) = Tools::find() else { return };
    let dir = compiled_client(&tools);
    let exchanges = run_client(&tools, &dir, serve().await).await;

    // The same requests, in the same order, against a service of their own.
    let base = serve().await;
    let client = reqwest::Client::new();
    let mut failures = std::collections::BTreeSet::new();
    for exchange in &exchanges {
        let sent = &exchange["request"];
        let received = Received::from(request(&client, &base, sent)).await;
        let path = sent["path"].as_str().expect("a path");
        let rust = if received.status.is_success() {
            Value::Null
        } else if path.starts_with("/v1/") {
            read::<BackupError>(&received, fields_v1)
        } else {
            read::<ServiceError>(&received, fields_v2)
        };
        let expected = json!({
            "request": sent,
            "status": received.status.as_u16(),
            "read": rust,
        });
        assert_eq!(*exchange, expected, "{sent}: TypeScript, then Rust");
        if !received.status.is_success() {
            failures.insert((
                path.to_owned(),
                sent["accept"].as_str() == Some(PROBLEM),
                sent["language"].is_string(),
            ));
        }
    }
    // Every route's failure (4 routes in each of 2 versions), in both media types, with and
    // without a language.
    assert_eq!(failures.len(), 2 * 4 * 2 * 2, "{failures:#?}");
    // Each route of `/v1`, `/v2` and the German answers are among them (not only unrecognized
    // ones).
    for name in [
        "BackupPolicyAlreadyExists",
        "StorageNotFound",
        "ExportAlreadyInProgress",
        "RateLimited",
    ] {
        assert!(
            exchanges
                .iter()
                .any(|exchange| exchange["read"]["name"] == name),
            "the client read no {name}"
        );
    }
    assert!(
        exchanges.iter().any(|exchange| exchange["read"]["message"]
            .as_str()
            .is_some_and(|message| message.starts_with("Speicherdetails"))),
        "no German answer"
    );
}
