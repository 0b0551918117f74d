//! Conformance of the generated TypeScript client with the Rust client: for every test catalog,
//! a corpus of responses (status, headers, body) with the answer of Rust's `from_http` to
//! each, replayed by the catalog's TypeScript module (`error_catalog_codegen::typescript`)
//! under node's test runner (`typescript/replay.test.mjs`). Any disagreement fails the test,
//! which lists the first ones: catalog, case, body, Rust's answer, TypeScript's.
//!
//! # The corpus
//!
//! For every entry of every catalog, values built with the hidden `Generated::build`: the
//! entry's example values, and [`RANDOM_VALUES`] values per message of the entry (its default
//! one and each translation) drawn with the round-trip test's strategies
//! ([`round_trip::Entry::values`]) from a seeded generator, so that the corpus is the same on
//! every run. Each value is sent as the catalog's body (`Serialize`), in every locale
//! (`Localized`), as problem details (`Problem`), and, for a catalog with a code header
//! (`wire.header`), with the header, with and without the code in the body. The example is
//! also sent mutated: cut short, at the statuses of the other entries of the code and at one
//! of none, with another code or an unknown one, without a message or with one that is not a
//! string or not quite the template's, with the first field of each kind written otherwise
//! (`007`, `+7`, fullwidth digits, just out of range, `True`, a lower-case enum value) in the
//! message and in the fields object, with the fields object missing, incomplete, of another
//! JSON type, contradicting the message, holding floats, huge integers or a key twice, and
//! as problem details without `detail` or `type`, or with a member that contradicts it.
//!
//! Then, for every catalog, hostile and malformed bodies: not JSON, arrays, scalars, trailing
//! text, a byte-order mark, invalid UTF-8, lone and paired surrogate escapes, control
//! characters, deep nesting, every kind of JSON number, keys and strings written as `\u`
//! escapes, repeated keys, codes that are floats, `-0`, booleans or huge integers, messages
//! that are not strings, problem details of every shape, the code header alone, and
//! `Retry-After` headers of every kind (the cases that do not depend on the catalog's shape
//! go to one catalog in [`SHARED`], each catalog getting its share); the bodies and messages
//! of the other tests of this binary (`client`, `http_client`, `problem`,
//! `structured_fields`, `overlap`, `wire_shapes`, ...), in [`FROM_TESTS`]; and, for
//! `catalogs/repeats.toml`, messages on either side of the bound of the search for equal
//! texts of a repeated field (32 steps per byte of message, counted in bytes).
//!
//! The expected answer always comes from Rust (`from_http`), never from this file: the
//! entry's name, code and status and each field as its `Display` text, whether it is
//! retryable, its `retry_after` delay and its message in every locale of the catalog (and
//! a regional tag and an unknown one, for the fallback); or `Unrecognized` with its kind, the
//! reason and key of `NotAnErrorBody`, the code and message received, the status, the
//! `Retry-After` delay, whether it is retryable and the entries of the code.
//!
//! Fields of an external type (`std::net::Ipv4Addr`, `uuid::Uuid`) are read by the
//! TypeScript module as text, where Rust parses them with `FromStr` and accepts the value
//! only when it renders back as received: a text that Rust rejects would legitimately read
//! otherwise in TypeScript. So only values that Rust renders (the `Display` of a parsed
//! value) are drawn for them, and no mutation rewrites them.
//!
//! # Running it
//!
//! Every catalog's module is written into a directory under Cargo's `CARGO_TARGET_TMPDIR`,
//! compiled by one `tsc --strict` invocation (which fails the test with its diagnostics if
//! any module does not pass, the issue's `tsc --strict` check of every test catalog), and
//! the corpus, one JSON object per line, is replayed by one node process. `node` is found on
//! `PATH`, `tsc` through `ERROR_CATALOG_TSC` or on `PATH`; without them the test says so and
//! passes, unless `ERROR_CATALOG_REQUIRE_VALIDATORS=1` (as `.ci/run` sets it).
//! `ERROR_CATALOG_TS_CASES` sets the number of random values per message (default
//! [`RANDOM_VALUES`]), `ERROR_CATALOG_TS_SEED` another seed for them.

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use error_catalog::__private::Generated;
use error_catalog::{BodyError, CatalogError, CodeType, Problem, UnrecognizedKind};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::round_trip::{self, Entry};

/// The catalogs of the command-line tool's tests, which no other test of this binary turns
/// into enums.
mod cli {
    pub(crate) mod hostile {
        #[error_catalog::catalog(path = "../error-catalog-cli/tests/catalogs/hostile.toml")]
        #[derive(Debug, Clone)]
        pub enum HostileError {}
    }
    pub(crate) mod integer_codes {
        #[error_catalog::catalog(path = "../error-catalog-cli/tests/catalogs/integer-codes.toml")]
        #[derive(Debug, Clone)]
        pub enum LedgerError {}
    }
    pub(crate) mod integers {
        #[error_catalog::catalog(path = "../error-catalog-cli/tests/catalogs/integers.toml")]
        #[derive(Debug, Clone)]
        pub enum IntegerError {}
    }
    pub(crate) mod kubernetes_status {
        #[error_catalog::catalog(
            path = "../error-catalog-cli/tests/catalogs/kubernetes-status.toml"
        )]
        #[derive(Debug, Clone)]
        pub enum StatusError {}
    }
    pub(crate) mod odata {
        #[error_catalog::catalog(path = "../error-catalog-cli/tests/catalogs/odata.toml")]
        #[derive(Debug, Clone)]
        pub enum TableError {}
    }
    pub(crate) mod retries {
        #[error_catalog::catalog(path = "../error-catalog-cli/tests/catalogs/retries.toml")]
        #[derive(Debug, Clone)]
        pub enum RetryError {}
    }
}

/// Random values drawn per message of each entry, unless `ERROR_CATALOG_TS_CASES` says
/// otherwise.
const RANDOM_VALUES: usize = 2;

const REQUIRE: &str = "ERROR_CATALOG_REQUIRE_VALIDATORS";

/// How long tsc and node may take before the test gives up on them.
const TOOL_LIMIT: Duration = Duration::from_secs(300);

#[test]
fn the_typescript_module_reads_every_response_as_rust_does() {
    let Some(tools) = Tools::find() else {
        return;
    };
    let started = Instant::now();
    let random = match std::env::var("ERROR_CATALOG_TS_CASES") {
        Ok(n) => n
            .parse()
            .expect("ERROR_CATALOG_TS_CASES is a number of random values per message"),
        Err(_) => RANDOM_VALUES,
    };
    let mut corpus = Corpus::new(random);
    corpus.add::<round_trip::backup_restore::BackupError>("../catalog/backup-restore.toml");
    corpus.add::<round_trip::locales::LocalizedError>("catalogs/locales.toml");
    corpus.add::<round_trip::kitchen_sink::KitchenError>("catalogs/kitchen-sink.toml");
    corpus.add::<round_trip::client::ClientError>("catalogs/client.toml");
    corpus.add::<round_trip::http_client::HttpClientError>("catalogs/http-client.toml");
    corpus.add::<round_trip::overlap::OverlapError>("catalogs/overlap.toml");
    corpus.add::<round_trip::problem::ProblemError>("catalogs/problem.toml");
    corpus.add::<round_trip::problem_integer::ProblemIntegerError>("catalogs/problem-integer.toml");
    corpus.add::<round_trip::problem_names::ProblemNamesError>("catalogs/problem-names.toml");
    corpus.add::<round_trip::problem_default_keys::ProblemDefaultKeysError>(
        "catalogs/problem-default-keys.toml",
    );
    corpus.add::<round_trip::problem_nested::ProblemNestedError>("catalogs/problem-nested.toml");
    corpus.add::<round_trip::problem_shaped::ProblemShapedError>("catalogs/problem-shaped.toml");
    corpus.add::<round_trip::code_blocks::CodeBlocksError>("catalogs/code-blocks.toml");
    corpus.add::<round_trip::repeats::RepeatError>("catalogs/repeats.toml");
    corpus.add::<round_trip::injection::InjectionError>("catalogs/injection.toml");
    corpus.add::<round_trip::prototype::PrototypeError>("catalogs/prototype.toml");
    corpus.add::<round_trip::structured::StructuredError>("catalogs/structured.toml");
    corpus.add::<round_trip::empty::EmptyError>("catalogs/empty.toml");
    corpus.add::<round_trip::flat::FlatError>("catalogs/wire/flat.toml");
    corpus.add::<round_trip::azure::AzureError>("catalogs/wire/azure.toml");
    corpus.add::<round_trip::google::GoogleError>("catalogs/wire/google.toml");
    corpus.add::<round_trip::kubernetes::KubeError>("catalogs/wire/kubernetes.toml");
    corpus.add::<round_trip::odata::TableError>("catalogs/wire/odata.toml");
    corpus.add::<round_trip::translator::TranslatorError>("catalogs/wire/translator.toml");
    corpus.add::<round_trip::twilio::TwilioError>("catalogs/wire/twilio.toml");
    corpus.add::<cli::hostile::HostileError>("../error-catalog-cli/tests/catalogs/hostile.toml");
    corpus.add::<cli::integer_codes::LedgerError>(
        "../error-catalog-cli/tests/catalogs/integer-codes.toml",
    );
    corpus.add::<cli::integers::IntegerError>("../error-catalog-cli/tests/catalogs/integers.toml");
    corpus.add::<cli::kubernetes_status::StatusError>(
        "../error-catalog-cli/tests/catalogs/kubernetes-status.toml",
    );
    corpus.add::<cli::odata::TableError>("../error-catalog-cli/tests/catalogs/odata.toml");
    corpus.add::<cli::retries::RetryError>("../error-catalog-cli/tests/catalogs/retries.toml");
    let built = started.elapsed();
    let sizes: Vec<String> = corpus
        .catalogs
        .iter()
        .map(|catalog| format!("{} {}", catalog.id, catalog.cases))
        .collect();
    println!(
        "TypeScript conformance corpus: {} cases over {} catalogs, {random} random values per \
         message ({})",
        corpus.total,
        corpus.catalogs.len(),
        sizes.join(", "),
    );

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("typescript-conformance");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("the last run's directory is removed");
    }
    let (src, out) = (dir.join("src"), dir.join("out"));
    std::fs::create_dir_all(&src).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    let mut modules = Vec::new();
    // Every catalog of the corpus, and the repository's other valid catalogs, which tsc
    // checks with them: the versions of the `diff` tests, the fuzz targets' catalog. (The
    // backup service example's are compiled by its own test, the runtime's fixtures by
    // `the_typescript_runtime_passes_its_own_tests`.)
    let others = [
        (
            "cli-storage-v1",
            "../error-catalog-cli/tests/catalogs/versions/storage-v1.toml",
        ),
        (
            "cli-storage-v2",
            "../error-catalog-cli/tests/catalogs/versions/storage-v2.toml",
        ),
        (
            "fuzz-overlap-fields",
            "../fuzz/targets/catalogs/overlap-fields.toml",
        ),
    ];
    let all = corpus
        .catalogs
        .iter()
        .map(|catalog| (catalog.id.as_str(), catalog.path))
        .chain(others);
    for (id, path) in all {
        let source = error_catalog_codegen::Source::read(Path::new("."), path, "the test catalogs")
            .unwrap_or_else(|error| panic!("{path}: {error}"));
        let checked = error_catalog_codegen::load(&source).unwrap_or_else(|diagnostics| {
            panic!(
                "{}",
                error_catalog_codegen::Report::new(source.clone(), diagnostics)
            )
        });
        let module = error_catalog_codegen::typescript::generate(&checked)
            .unwrap_or_else(|error| panic!("{path}: {error}"));
        let file = src.join(format!("{id}.ts"));
        std::fs::write(&file, module).unwrap();
        modules.push(file);
    }
    // The README's TypeScript: the generated code it shows is the seed catalog's module
    // word for word, and its client typechecks against that module, with the others.
    let seed = std::fs::read_to_string(src.join("backup-restore.ts")).unwrap();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("the README");
    let blocks = readme_typescript(&readme);
    assert!(
        blocks.len() >= 2,
        "the README shows generated code and a client"
    );
    for (index, block) in blocks.iter().enumerate() {
        if block.contains("from \"./backup-errors.js\"") {
            let file = src.join(format!("readme-{index}.ts"));
            std::fs::write(
                &file,
                block.replace("./backup-errors.js", "./backup-restore.js"),
            )
            .unwrap();
            modules.push(file);
        } else {
            // Declarations that the README shows one after the other.
            for declaration in block.split("\n\n/**") {
                let declaration = declaration.trim_start_matches("/**");
                assert!(
                    seed.contains(declaration),
                    "the README's TypeScript block {index} is not in the seed catalog's \
                     module:\n{declaration}"
                );
            }
        }
    }
    // ES modules for node.
    std::fs::write(out.join("package.json"), "{\"type\":\"module\"}\n").unwrap();
    let corpus_file = dir.join("corpus.jsonl");
    let report = dir.join("disagreements.jsonl");
    std::fs::write(&corpus_file, &corpus.lines).unwrap();

    let compile = Instant::now();
    let mut tsc = Command::new(&tools.tsc);
    tsc.args([
        "--strict",
        "--target",
        "es2022",
        "--module",
        "es2022",
        "--skipLibCheck",
        "--outDir",
    ])
    .arg(&out)
    .args(&modules);
    let compiled = run(tsc, "tsc");
    assert!(
        compiled.success,
        "tsc --strict rejects a generated module ({}):\n{}{}",
        tools.tsc.display(),
        compiled.stdout,
        compiled.stderr
    );
    let compiled_in = compile.elapsed();

    let replay = Instant::now();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("typescript/replay.test.mjs");
    let mut node = Command::new(&tools.node);
    node.arg("--test")
        .arg(&script)
        .env("ERROR_CATALOG_TS_CORPUS", &corpus_file)
        .env("ERROR_CATALOG_TS_MODULES", &out)
        .env("ERROR_CATALOG_TS_REPORT", &report);
    let replayed = run(node, "node");
    let replayed_in = replay.elapsed();

    println!(
        "TypeScript conformance: corpus built in {built:.1?}, {} modules compiled by tsc in \
         {compiled_in:.1?}, corpus replayed by node in {replayed_in:.1?}; files in {}",
        modules.len(),
        dir.display()
    );
    assert!(
        replayed.success,
        "the TypeScript modules disagree with Rust (every disagreement is in {}):\n{}{}",
        report.display(),
        replayed.stdout,
        replayed.stderr
    );
    // The script's own count: every case was replayed.
    let replayed_count = format!("replayed {} cases", corpus.total);
    assert!(
        replayed.stdout.contains(&replayed_count),
        "the replay did not report `{replayed_count}`:\n{}",
        replayed.stdout
    );
}

/// The runtime's own tests (`error-catalog-codegen/src/typescript/tests/*.test.mjs`): the
/// public functions (`render`, `createError`, the guards, `isRetryable`, `retryAfter`,
/// `retryAfterHeader`), hand-picked responses with the Rust client's answers, and a client
/// (`usage.ts`) that must typecheck under `tsc --strict` and stricter options, on the modules
/// that the generator writes for the fixture catalogs beside them.
#[test]
fn the_typescript_runtime_passes_its_own_tests() {
    let Some(tools) = Tools::find() else {
        return;
    };
    let tests =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../error-catalog-codegen/src/typescript/tests");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("typescript-runtime-fixtures");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["shop", "ledger", "empty"] {
        let path = format!("fixtures/{name}.toml");
        let source = error_catalog_codegen::Source::read(&tests, &path, "the fixtures' directory")
            .unwrap_or_else(|error| panic!("{path}: {error}"));
        let checked = error_catalog_codegen::load(&source).unwrap_or_else(|diagnostics| {
            panic!(
                "{}",
                error_catalog_codegen::Report::new(source.clone(), diagnostics)
            )
        });
        let module = error_catalog_codegen::typescript::generate(&checked)
            .unwrap_or_else(|error| panic!("{path}: {error}"));
        std::fs::write(dir.join(format!("{name}.ts")), module).unwrap();
    }
    let mut node = Command::new(&tools.node);
    node.arg("--test")
        .arg(tests.join("parse.test.mjs"))
        .arg(tests.join("api.test.mjs"))
        .env("ERROR_CATALOG_TS_FIXTURES", &dir)
        .env("TSC", &tools.tsc)
        .env(REQUIRE, "1");
    let ran = run(node, "node");
    assert!(
        ran.success,
        "the TypeScript runtime's tests fail:\n{}{}",
        ran.stdout, ran.stderr
    );
    // The runner's own summary: tests ran, and none failed or was skipped.
    for line in ["# fail 0", "# skipped 0"] {
        assert!(ran.stdout.contains(line), "no `{line}`:\n{}", ran.stdout);
    }
    assert!(!ran.stdout.contains("# pass 0\n"), "{}", ran.stdout);
}

/// The ```ts blocks of the README, each as its text.
fn readme_typescript(readme: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut rest = readme;
    while let Some(start) = rest.find("\n```ts\n") {
        let body = &rest[start + "\n```ts\n".len()..];
        let end = body.find("\n```\n").expect("a closed block");
        blocks.push(format!("{}\n", &body[..end]));
        rest = &body[end..];
    }
    blocks
}

/// The paths of `node` and `tsc`.
struct Tools {
    node: PathBuf,
    tsc: PathBuf,
}

impl Tools {
    /// `node` on `PATH`, and `tsc` from `ERROR_CATALOG_TSC` or on `PATH`; `None`, with a
    /// message, when one is missing (a failure when `ERROR_CATALOG_REQUIRE_VALIDATORS=1`).
    fn find() -> Option<Tools> {
        let tsc = match std::env::var_os("ERROR_CATALOG_TSC") {
            Some(path) => {
                let path = PathBuf::from(path);
                assert!(
                    path.is_file(),
                    "ERROR_CATALOG_TSC={} is not a file",
                    path.display()
                );
                Some(path)
            }
            None => on_path("tsc"),
        };
        let node = on_path("node");
        match (node, tsc) {
            (Some(node), Some(tsc)) => Some(Tools { node, tsc }),
            (node, _) => {
                let missing = if node.is_none() {
                    "node is not on PATH"
                } else {
                    "tsc is neither on PATH nor named by ERROR_CATALOG_TSC"
                };
                assert!(
                    std::env::var(REQUIRE).as_deref() != Ok("1"),
                    "{REQUIRE}=1 but {missing}: install Node.js and TypeScript \
                     (npm install --global typescript)"
                );
                eprintln!("skipped: {missing}");
                None
            }
        }
    }
}

/// The file `name` in a directory of `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|file| file.is_file())
}

/// What a tool said.
struct Ran {
    success: bool,
    stdout: String,
    stderr: String,
}

/// Runs `command` to its end, reading its output as it goes, and fails the test if it takes
/// longer than [`TOOL_LIMIT`] (a runtime that loops on a hostile body, say).
fn run(mut command: Command, what: &str) -> Ran {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("{what} does not start: {error}"));
    let read = |mut pipe: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            let _ = pipe.read_to_end(&mut text);
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let stdout = read(Box::new(child.stdout.take().unwrap()));
    let stderr = read(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TOOL_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{what} did not finish within {TOOL_LIMIT:?}:\n{}",
                stdout.join().unwrap()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        success: status.success(),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

/// One response sent to both clients.
struct Case {
    /// What the case is, for a report.
    label: String,
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Case {
    fn new(label: impl Into<String>, status: u16, body: impl Into<Vec<u8>>) -> Case {
        Case {
            label: label.into(),
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    fn header(mut self, name: &str, value: &str) -> Case {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

/// A catalog of the corpus.
struct Catalog {
    /// Its name in the corpus and the name of its module.
    id: String,
    /// Its path, relative to this crate's directory.
    path: &'static str,
    cases: usize,
}

/// The corpus being built: one JSON object per line.
struct Corpus {
    random: usize,
    seed: u64,
    catalogs: Vec<Catalog>,
    lines: String,
    total: usize,
}

impl Corpus {
    fn new(random: usize) -> Corpus {
        let seed = match std::env::var("ERROR_CATALOG_TS_SEED") {
            Ok(seed) => seed.parse().expect("ERROR_CATALOG_TS_SEED is a number"),
            Err(_) => 0,
        };
        Corpus {
            random,
            seed,
            catalogs: Vec::new(),
            lines: String::new(),
            total: 0,
        }
    }

    /// Every case of the catalog at `path`, whose enum is `E`, with Rust's answer to each.
    fn add<E: Generated + Clone + Debug + Serialize>(&mut self, path: &'static str) {
        let id = catalog_id(path);
        let mut cases = Vec::new();
        entry_cases::<E>(&mut cases, &id, self.random, self.seed);
        catalog_cases::<E>(&mut cases, self.catalogs.len());
        from_tests::<E>(&mut cases, &id);
        let tags = locale_tags::<E>();
        for case in &cases {
            let mut line = Map::new();
            line.insert("catalog".into(), id.clone().into());
            line.insert("module".into(), id.clone().into());
            line.insert("case".into(), case.label.clone().into());
            line.insert("status".into(), case.status.into());
            line.insert("headers".into(), json!(case.headers));
            match std::str::from_utf8(&case.body) {
                Ok(text) => line.insert("body".into(), text.into()),
                Err(_) => line.insert("bodyBase64".into(), base64(&case.body).into()),
            };
            line.insert("expect".into(), expect::<E>(case, &tags));
            self.lines
                .push_str(&serde_json::to_string(&Value::Object(line)).unwrap());
            self.lines.push('\n');
        }
        self.total += cases.len();
        self.catalogs.push(Catalog {
            id,
            path,
            cases: cases.len(),
        });
    }
}

/// The catalog's name in the corpus: its file's stem, after the directory of the wire shapes
/// or of the command-line tool's tests (two catalogs are named `odata.toml`).
fn catalog_id(path: &str) -> String {
    let stem = Path::new(path).file_stem().unwrap().to_str().unwrap();
    if path.contains("/wire/") {
        format!("wire-{stem}")
    } else if path.contains("error-catalog-cli/") {
        format!("cli-{stem}")
    } else {
        stem.to_owned()
    }
}

/// The locale tags a recognized error is rendered in: none (the default locale), each of the
/// catalog's, each with a region and a variant it does not have, in upper case and with an
/// underscore, and tags it does not know or that are not tags at all.
fn locale_tags<E: CatalogError>() -> Vec<String> {
    let mut tags = vec![String::new()];
    for locale in E::catalog().locales {
        tags.push((*locale).to_owned());
        tags.push(format!("{locale}-ZZ"));
        tags.push(format!("{locale}-ZZ-1996"));
        tags.push(locale.to_ascii_uppercase());
        tags.push(locale.replace('-', "_"));
        tags.push(format!("{locale}-"));
    }
    tags.extend(["zz", "*", "-", "en-US"].map(str::to_owned));
    tags
}

/// Rust's answer to `case`: `from_http`'s.
fn expect<E: Generated>(case: &Case, tags: &[String]) -> Value {
    let status = StatusCode::from_u16(case.status).expect("a case's status is valid");
    let mut headers = HeaderMap::new();
    for (name, value) in &case.headers {
        headers.append(
            HeaderName::from_bytes(name.as_bytes()).expect("a case's header name is valid"),
            HeaderValue::from_str(value).expect("a case's header value is valid"),
        );
    }
    match E::from_http(status, &headers, &case.body) {
        Ok(error) => {
            let spec = error.spec();
            let fields: Map<String, Value> = spec
                .fields
                .iter()
                .zip(field_texts(&error))
                .map(|(field, text)| (field.name.to_owned(), text.into()))
                .collect();
            let rendered: Vec<(&str, String)> = tags
                .iter()
                .map(|tag| {
                    let text = if tag.is_empty() {
                        error.to_string()
                    } else {
                        error.localized(tag.as_str()).to_string()
                    };
                    (tag.as_str(), text)
                })
                .collect();
            json!({
                "name": spec.name,
                "code": spec.code,
                "status": spec.status,
                "fields": fields,
                "retryable": error.is_retryable(),
                "retryAfter": error.retry_after().map(|delay| delay.as_secs().to_string()),
                "rendered": rendered,
            })
        }
        Err(unrecognized) => {
            let (kind, reason, key) = match unrecognized.kind() {
                UnrecognizedKind::MessageMismatch => ("MessageMismatch", None, None),
                UnrecognizedKind::UnknownCode => ("UnknownCode", None, None),
                UnrecognizedKind::NotAnErrorBody(reason) => {
                    let (reason, key) = match reason {
                        BodyError::NotJson(_) => ("NotJson", None),
                        BodyError::NotAnObject => ("NotAnObject", None),
                        BodyError::MissingKey(key) => ("MissingKey", Some(*key)),
                        BodyError::NotAString(key) => ("NotAString", Some(*key)),
                        BodyError::CodeNotAStringOrInteger(key) => {
                            ("CodeNotAStringOrInteger", Some(*key))
                        }
                        other => panic!("a reason the corpus does not know: {other:?}"),
                    };
                    ("NotAnErrorBody", Some(reason), key)
                }
                other => panic!("a kind the corpus does not know: {other:?}"),
            };
            let entries: Vec<&str> = unrecognized.entries().map(|spec| spec.name).collect();
            json!({
                "unrecognized": {
                    "kind": kind,
                    "reason": reason,
                    "key": key,
                    "code": unrecognized.code(),
                    "message": unrecognized.message(),
                    "status": unrecognized.status().as_u16(),
                    "retryAfter": unrecognized.retry_after().map(|delay| delay.as_secs()),
                    "retryable": unrecognized.is_retryable(),
                    "entries": entries,
                }
            })
        }
    }
}

/// The text of each field of `error`, in the entry's order, as its message shows it.
fn field_texts<E: Generated>(error: &E) -> Vec<String> {
    let mut texts = Vec::new();
    error.parts(&mut |_, values| {
        for value in values {
            // Strings (and what displays) serialize as JSON strings, integers and booleans as
            // their text, which is how the message shows them.
            let json = serde_json::to_string(value).expect("a field serializes");
            texts.push(serde_json::from_str::<String>(&json).unwrap_or(json));
        }
    });
    texts
}

/// A generator of random values for the messages of one entry, seeded by the catalog, the
/// entry and the locale, so that the corpus is the same on every run.
fn seeded(seed: u64, parts: &[&str]) -> TestRunner {
    // FNV-1a, which, unlike std's hasher, is specified.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    let mut bytes = [0u8; 32];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let word = hash
            .wrapping_add(i as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
    )
}

/// The location `location` of the catalog (a bare key or a JSON pointer) as a JSON pointer.
fn pointer(location: &str) -> String {
    if location.starts_with('/') {
        location.to_owned()
    } else {
        format!("/{}", location.replace('~', "~0").replace('/', "~1"))
    }
}

/// The keys of `pointer`, unescaped.
fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Puts `new` at `pointer` in `root`, making objects on the way (over whatever was there).
fn set_at(root: &mut Value, pointer: &str, new: Value) {
    let keys = tokens(pointer);
    let mut node = root;
    for (i, key) in keys.iter().enumerate() {
        if !node.is_object() {
            *node = Value::Object(Map::new());
        }
        let object = node.as_object_mut().unwrap();
        if i + 1 == keys.len() {
            object.insert(key.clone(), new);
            return;
        }
        node = object
            .entry(key.clone())
            .or_insert_with(|| Value::Object(Map::new()));
    }
}

/// Removes what is at `pointer` in `root`, if anything.
fn remove_at(root: &mut Value, pointer: &str) {
    let keys = tokens(pointer);
    let Some((last, path)) = keys.split_last() else {
        return;
    };
    let mut node = root;
    for key in path {
        match node.get_mut(key.as_str()) {
            Some(next) => node = next,
            None => return,
        }
    }
    if let Some(object) = node.as_object_mut() {
        object.remove(last.as_str());
    }
}

/// A string that no body holds, replaced by raw JSON text in [`with_raw`].
const MARK: &str = "\u{E000}raw\u{E001}";

/// `root` written as JSON with the raw text `raw` (which may be invalid JSON) at `pointer`.
fn with_raw(root: &Value, pointer: &str, raw: &str) -> Vec<u8> {
    let mut root = root.clone();
    set_at(&mut root, pointer, Value::String(MARK.to_owned()));
    serde_json::to_string(&root)
        .unwrap()
        .replacen(&format!("\"{MARK}\""), raw, 1)
        .into_bytes()
}

/// `root` written as JSON with `new` at `pointer`.
fn with(root: &Value, pointer: &str, new: Value) -> Vec<u8> {
    let mut root = root.clone();
    set_at(&mut root, pointer, new);
    serde_json::to_vec(&root).unwrap()
}

/// `root` written as JSON without what is at `pointer`.
fn without(root: &Value, pointer: &str) -> Vec<u8> {
    let mut root = root.clone();
    remove_at(&mut root, pointer);
    serde_json::to_vec(&root).unwrap()
}

/// The object `body` (JSON text of an object) with the raw member `member` first.
fn member_first(body: &[u8], member: &str) -> Vec<u8> {
    let text = std::str::from_utf8(body).unwrap();
    let rest = text.trim_start().strip_prefix('{').unwrap().trim_start();
    let comma = if rest.starts_with('}') { "" } else { "," };
    format!("{{{member}{comma}{rest}").into_bytes()
}

/// The object `body` (JSON text of an object) with the raw member `member` last.
fn member_last(body: &[u8], member: &str) -> Vec<u8> {
    let text = std::str::from_utf8(body).unwrap();
    let rest = text.trim_end().strip_suffix('}').unwrap().trim_end();
    let comma = if rest.ends_with('{') { "" } else { "," };
    format!("{rest}{comma}{member}}}").into_bytes()
}

/// `value` as JSON with every character of every key and string written as a `\u` escape.
fn escaped_json(value: &Value) -> String {
    fn string(text: &str) -> String {
        let units: String = text
            .encode_utf16()
            .map(|unit| format!("\\u{unit:04X}"))
            .collect();
        format!("\"{units}\"")
    }
    match value {
        Value::Object(object) => {
            let members: Vec<String> = object
                .iter()
                .map(|(key, value)| format!("{}:{}", string(key), escaped_json(value)))
                .collect();
            format!("{{{}}}", members.join(","))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(escaped_json).collect();
            format!("[{}]", items.join(","))
        }
        Value::String(text) => string(text),
        other => other.to_string(),
    }
}

/// A body of the catalog's shape with `code` and `message` (none: no message member), the
/// code as a JSON integer when the catalog's codes are and it is one.
fn shaped<E: CatalogError>(code: &str, message: Option<&str>) -> Value {
    let wire = E::catalog().wire;
    let mut body = Value::Object(Map::new());
    let code = match (wire.code_type, code.parse::<i64>()) {
        (CodeType::Integer, Ok(n)) => Value::from(n),
        _ => Value::from(code),
    };
    set_at(&mut body, &pointer(wire.code), code);
    if let Some(message) = message {
        set_at(&mut body, &pointer(wire.message), Value::from(message));
    }
    body
}

/// Standard base64 with padding, for bodies that are not UTF-8.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Whether the catalog type `ty` is an integer type.
fn is_integer(ty: &str) -> bool {
    error_catalog_template::Int::from_name(ty).is_some()
}

/// The integers just beyond the range of the integer type `ty`: its largest value plus one,
/// and its smallest minus one.
fn beyond(ty: &str) -> (String, String) {
    macro_rules! narrow {
        ($($int:ident)*) => {
            match ty {
                $(stringify!($int) => {
                    return (
                        (i128::try_from($int::MAX).unwrap() + 1).to_string(),
                        (i128::try_from($int::MIN).unwrap() - 1).to_string(),
                    );
                })*
                _ => {}
            }
        };
    }
    narrow!(u8 u16 u32 u64 usize i8 i16 i32 i64 isize);
    match ty {
        "u128" => (format!("{}0", u128::MAX), "-1".to_owned()),
        "i128" => (format!("{}0", i128::MAX), format!("{}0", i128::MIN)),
        _ => panic!("{ty} is not an integer type"),
    }
}

/// The cases of every entry: its example values and random ones, each sent in every form,
/// and the example and the first random value mutated.
fn entry_cases<E: Generated + Clone + Debug + Serialize>(
    out: &mut Vec<Case>,
    id: &str,
    random: usize,
    seed: u64,
) {
    let catalog = E::catalog();
    for (index, spec) in E::specs().iter().enumerate() {
        let default = Entry::new(spec, spec.message);
        let mut values: Vec<(String, Vec<String>)> = vec![(
            "example".to_owned(),
            spec.fields
                .iter()
                .map(|field| field.example.to_owned())
                .collect(),
        )];
        let messages = std::iter::once(("", spec.message))
            .chain(spec.messages.iter().map(|t| (t.locale, t.text)));
        for (locale, template) in messages {
            let strategy = Entry::new(spec, template).values::<E>();
            let mut runner = seeded(seed, &[id, spec.name, locale]);
            for n in 0..random {
                let tree = strategy
                    .new_tree(&mut runner)
                    .expect("the strategies of field values reject nothing");
                let what = if locale.is_empty() {
                    format!("random {n}")
                } else {
                    format!("random {locale} {n}")
                };
                values.push((what, tree.current()));
            }
        }
        for (n, (what, values)) in values.iter().enumerate() {
            // `build` takes the text of each placeholder of the default message.
            let texts = default.texts(values);
            // An external type's text that does not parse: not a value Rust sends.
            let Ok(error) = E::build(index, &texts) else {
                continue;
            };
            let label = format!("{} {what}", spec.name);
            value_cases(out, &error, &label);
            if n == 0 {
                mutations(out, catalog, &error, &default, &label);
            }
        }
    }
}

/// `error` sent in every form: the catalog's body, in each locale, as problem details, and
/// with the code header.
fn value_cases<E: Generated + Clone + Serialize>(out: &mut Vec<Case>, error: &E, label: &str) {
    let catalog = E::catalog();
    let status = error.status().as_u16();
    let body = serde_json::to_vec(error).unwrap();
    out.push(Case::new(format!("{label}: body"), status, body.clone()));
    let problem = serde_json::to_vec(&Problem(error.clone())).unwrap();
    out.push(Case::new(format!("{label}: problem"), status, problem));
    for &locale in catalog.locales {
        if Some(locale) == catalog.default_locale {
            continue;
        }
        let body = serde_json::to_vec(&error.localized(locale)).unwrap();
        out.push(Case::new(
            format!("{label}: body in {locale}"),
            status,
            body,
        ));
        let problem = serde_json::to_vec(&Problem(error.localized(locale))).unwrap();
        out.push(Case::new(
            format!("{label}: problem in {locale}"),
            status,
            problem,
        ));
    }
    if let Some(header) = catalog.wire.header {
        out.push(
            Case::new(
                format!("{label}: body and code header"),
                status,
                body.clone(),
            )
            .header(header, error.code()),
        );
        let problem: Value =
            serde_json::from_slice(&serde_json::to_vec(&Problem(error.clone())).unwrap()).unwrap();
        out.push(
            Case::new(
                format!("{label}: code header, problem details without the code"),
                status,
                without(&problem, "/code"),
            )
            .header(header, error.code()),
        );
        let value: Value = serde_json::from_slice(&body).unwrap();
        out.push(
            Case::new(
                format!("{label}: code header, no code in the body"),
                status,
                without(&value, &pointer(catalog.wire.code)),
            )
            .header(header, error.code()),
        );
    }
}

/// `error`'s body and problem details, changed in the ways a server, a proxy or an attacker
/// may change them.
fn mutations<E: Generated + Clone + Serialize>(
    out: &mut Vec<Case>,
    catalog: &'static error_catalog::CatalogSpec,
    error: &E,
    default: &Entry,
    label: &str,
) {
    let spec = error.spec();
    let wire = catalog.wire;
    let status = spec.status;
    let body = serde_json::to_vec(error).unwrap();
    let value: Value = serde_json::from_slice(&body).unwrap();
    let (code_at, message_at) = (pointer(wire.code), pointer(wire.message));
    let mut push = |what: &str, status: u16, body: Vec<u8>| {
        out.push(Case::new(format!("{label}: {what}"), status, body));
    };

    let cut = body.len() / 2;
    push(&format!("cut to {cut} bytes"), status, body[..cut].to_vec());
    // The statuses of the other entries of the code, and one of none.
    let statuses: BTreeSet<u16> = catalog
        .errors
        .iter()
        .filter(|other| other.code == spec.code && other.status != status)
        .map(|other| other.status)
        .chain([418])
        .collect();
    for other in statuses {
        push(&format!("at status {other}"), other, body.clone());
    }
    // Another code of the catalog, and one it does not have.
    if let Some(other) = catalog.errors.iter().find(|other| other.code != spec.code) {
        let code = shaped::<E>(other.code, None);
        let code = serde_json::Value::pointer(&code, &code_at).unwrap().clone();
        push(
            &format!("with code {}", other.code),
            status,
            with(&value, &code_at, code),
        );
    }
    let unknown = match wire.code_type {
        CodeType::Integer => json!(987_654_321),
        _ => json!("NO_SUCH_CODE"),
    };
    push(
        "with an unknown code",
        status,
        with(&value, &code_at, unknown),
    );
    // The message: missing, not a string, changed.
    push("without a message", status, without(&value, &message_at));
    push(
        "with message 5",
        status,
        with(&value, &message_at, json!(5)),
    );
    // A message changed where a field of an external type may take the change: Rust parses
    // such a field and TypeScript keeps its text, so they may legitimately differ.
    let external = spec.fields.iter().any(|field| field.ty.contains("::"));
    let message = error.to_string();
    if !external {
        push(
            "with a space after the message",
            status,
            with(&value, &message_at, Value::from(format!("{message} "))),
        );
        let mut chars = message.chars();
        chars.next();
        push(
            "without the message's first character",
            status,
            with(&value, &message_at, Value::from(chars.as_str())),
        );
    }

    // Values as their type does not display them, or out of its range, in the message or the
    // fields object: the first field of each kind.
    let texts = field_texts(error);
    let fields_at = wire.fields.map(pointer);
    let mut kinds = BTreeSet::new();
    for (f, field) in spec.fields.iter().enumerate() {
        let text = &texts[f];
        let catalog_enum = catalog.types.iter().find(|t| t.name == field.ty);
        let (kind, variants) = if is_integer(field.ty) {
            let mut variants = match text.strip_prefix('-') {
                Some(digits) => vec![format!("-0{digits}"), format!("- {digits}")],
                None => vec![format!("0{text}"), format!("+{text}"), "-0".to_owned()],
            };
            variants.push(format!(" {text}"));
            // Fullwidth digits, which a Unicode-aware digit class would take.
            variants.push(
                text.chars()
                    .map(|c| match c.to_digit(10) {
                        Some(d) => char::from_u32(0xFF10 + d).unwrap(),
                        None => c,
                    })
                    .collect(),
            );
            let (above, below) = beyond(field.ty);
            variants.push(above);
            variants.push(below);
            // Just beyond what a JavaScript number holds exactly, for the types read as
            // `bigint`.
            if matches!(
                field.ty,
                "u64" | "u128" | "usize" | "i64" | "i128" | "isize"
            ) {
                variants.push("9007199254740993".to_owned());
                variants.push("-9007199254740993".to_owned());
            }
            ("integer", variants)
        } else if field.ty == "bool" {
            (
                "bool",
                vec!["True".to_owned(), "1".to_owned(), format!("{text} ")],
            )
        } else if catalog_enum.is_some() {
            ("enum", vec![text.to_lowercase(), format!("{text} ")])
        } else {
            continue;
        };
        if !kinds.insert(kind) {
            continue;
        }
        for variant in variants {
            let mut texts = texts.clone();
            texts[f] = variant.clone();
            let placeholders = default.texts(&texts);
            if !external {
                push(
                    &format!("{} written {variant:?} in the message", field.name),
                    status,
                    with(
                        &value,
                        &message_at,
                        Value::from(default.render(&placeholders)),
                    ),
                );
            }
            if let Some(fields_at) = &fields_at {
                let at = format!("{fields_at}/{}", field.name);
                push(
                    &format!("{} written {variant:?} in the fields", field.name),
                    status,
                    with(&value, &at, Value::from(variant.clone())),
                );
                // The same as a JSON number, where it is one.
                if kind == "integer" && serde_json::from_str::<Value>(&variant).is_ok() {
                    push(
                        &format!("{} = {variant} in the fields", field.name),
                        status,
                        with_raw(&value, &at, &variant),
                    );
                }
            }
        }
    }

    // The fields object: missing, incomplete, contradicting, of other JSON values.
    if let Some(fields_at) = &fields_at {
        push(
            "without the fields object",
            status,
            without(&value, fields_at),
        );
        push(
            "with fields that are an array",
            status,
            with(&value, fields_at, json!([1, 2])),
        );
        if let Some((f, field)) = spec
            .fields
            .iter()
            .enumerate()
            .find(|(_, field)| !field.ty.contains("::"))
        {
            let at = format!(
                "{fields_at}/{}",
                field.name.replace('~', "~0").replace('/', "~1")
            );
            push(
                &format!("without field {}", field.name),
                status,
                without(&value, &at),
            );
            let as_string = Value::from(texts[f].clone());
            push(
                &format!("with field {} as a string", field.name),
                status,
                with(&value, &at, as_string),
            );
            // Another value of the type, or another text.
            let other = if is_integer(field.ty) {
                Value::from(if texts[f] == "1" { 2 } else { 1 })
            } else if field.ty == "bool" {
                Value::from(texts[f] != "true")
            } else if let Some(catalog_enum) = catalog.types.iter().find(|t| t.name == field.ty) {
                let other = catalog_enum.values.iter().find(|v| **v != texts[f]);
                Value::from(*other.unwrap_or(&catalog_enum.values[0]))
            } else {
                Value::from(format!("{}x", texts[f]))
            };
            push(
                &format!("with field {} contradicting the message", field.name),
                status,
                with(&value, &at, other.clone()),
            );
            for raw in ["null", "[1]", "1.0", "-0", "18446744073709551616"] {
                push(
                    &format!("with field {} = {raw}", field.name),
                    status,
                    with_raw(&value, &at, raw),
                );
            }
            // The same field twice, the contradicting value first and then last.
            let fields = serde_json::Value::pointer(&value, fields_at)
                .cloned()
                .unwrap_or_default();
            let inner = serde_json::to_vec(&fields).unwrap();
            let key = serde_json::to_string(field.name).unwrap();
            let member = format!("{key}:{other}");
            let first = String::from_utf8(member_first(&inner, &member)).unwrap();
            push(
                &format!("with field {} twice, the other value first", field.name),
                status,
                with_raw(&value, fields_at, &first),
            );
            let last = String::from_utf8(member_last(&inner, &member)).unwrap();
            push(
                &format!("with field {} twice, the other value last", field.name),
                status,
                with_raw(&value, fields_at, &last),
            );
        }
    }

    // Problem details: without the detail, without `type`, with a member that contradicts it.
    // Through the text: `to_value` has no room for a `u128` beyond `u64` (read back as a float,
    // which makes another case).
    let problem_bytes = serde_json::to_vec(&Problem(error.clone())).unwrap();
    let problem: Value = serde_json::from_slice(&problem_bytes).unwrap();
    push(
        "problem without detail",
        status,
        without(&problem, "/detail"),
    );
    push("problem without type", status, without(&problem, "/type"));
    push(
        "problem with detail 7",
        status,
        with(&problem, "/detail", json!(7)),
    );
    push(
        "problem cut short",
        status,
        problem_bytes[..problem_bytes.len() - 1].to_vec(),
    );
    if let Some(object) = problem.as_object()
        && let Some((member, text)) = object.iter().find_map(|(member, value)| {
            let field = error_catalog_template::problem_field(member)?;
            let f = spec.fields.iter().position(|f| f.name == field)?;
            (!spec.fields[f].ty.contains("::")).then(|| (member.clone(), value.clone()))
        })
    {
        let other = match &text {
            Value::String(s) => Value::from(format!("{s}x")),
            Value::Bool(b) => Value::from(!b),
            Value::Number(n) if n.as_i64() == Some(1) => Value::from(2),
            _ => Value::from(1),
        };
        let pointer = format!("/{}", member.replace('~', "~0").replace('/', "~1"));
        push(
            &format!("problem with member {member} contradicting the detail"),
            status,
            with(&problem, &pointer, other),
        );
        push(
            &format!("problem with member {member} = [1]"),
            status,
            with(&problem, &pointer, json!([1])),
        );
    }
}

/// The hostile and malformed bodies sent to every catalog, whatever its shape.
const HOSTILE: &[(&str, &[u8])] = &[
    ("empty body", b""),
    ("blank body", b" \r\n\t"),
    ("text", b"not json"),
    ("HTML", b"<html>Bad gateway</html>"),
    ("empty array", b"[]"),
    ("array", b"[1, 2]"),
    ("string", b"\"text\""),
    ("null", b"null"),
    ("true", b"true"),
    ("number", b"42"),
    ("-0", b"-0"),
    ("empty object", b"{}"),
    ("empty object and whitespace", b" \n{ } \n"),
    ("open brace", b"{"),
    ("key without value", b"{\"a\":"),
    ("trailing text", b"{} trailing"),
    ("two objects", b"{}{}"),
    ("trailing comma", b"{\"a\":1,}"),
    ("missing comma", b"{\"a\":1 \"b\":2}"),
    ("single quotes", b"{'a':1}"),
    ("unquoted key", b"{a:1}"),
    ("misspelled literal", b"{\"a\":tru}"),
    ("byte-order mark", b"\xEF\xBB\xBF{}"),
    ("invalid UTF-8 in a string", b"{\"a\":\"\xff\"}"),
    ("invalid UTF-8 outside strings", b"{\xff}"),
    ("UTF-8 of a surrogate", b"{\"a\":\"\xed\xa0\x80\"}"),
    ("overlong UTF-8", b"{\"a\":\"\xc0\xaf\"}"),
    ("truncated UTF-8", b"{\"a\":\"\xe2\x82\"}"),
    ("lone leading surrogate", br#"{"a":"\ud800"}"#),
    ("lone trailing surrogate", br#"{"a":"\udc00x"}"#),
    ("surrogate pair", br#"{"a":"\ud83d\ude00"}"#),
    ("reversed surrogate pair", br#"{"a":"\ude00\ud83d"}"#),
    ("control character in a string", b"{\"a\":\"a\x01b\"}"),
    ("newline in a string", b"{\"a\":\"a\nb\"}"),
    ("DEL in a string", b"{\"a\":\"a\x7fb\"}"),
    ("NUL outside strings", b"{\x00}"),
    ("unknown escape", br#"{"a":"\x"}"#),
    ("short unicode escape", br#"{"a":"\u12"}"#),
    ("escaped solidus", br#"{"a":"\/"}"#),
    (
        "numbers",
        br#"{"a":-0,"b":1E+2,"c":-1.5e-3,"d":18446744073709551616,"e":-9223372036854775809,"f":0.0}"#,
    ),
    ("huge float", br#"{"a":1e400}"#),
    ("leading zero", br#"{"a":01}"#),
    ("plus sign", br#"{"a":+1}"#),
    ("bare minus", br#"{"a":-}"#),
    ("bare dot", br#"{"a":1.}"#),
    ("bare exponent", br#"{"a":1e}"#),
    ("NaN", br#"{"a":NaN}"#),
    ("Infinity", br#"{"a":Infinity}"#),
    ("non-string key", br#"{1:2}"#),
    ("empty key", br#"{"":1}"#),
];

/// Each case that does not depend on the catalog's shape (a hostile body, a status, a
/// `Retry-After` header) is sent to one catalog in this many, each catalog getting others.
const SHARED: usize = 3;

/// How deep the deeply nested bodies are: beyond the stack of a parser that recurses.
const DEPTH: usize = 20_000;

/// The hostile bodies, the code forms, headers and statuses sent to one catalog, the
/// `number`th of the corpus.
fn catalog_cases<E: Generated + Clone + Serialize>(out: &mut Vec<Case>, number: usize) {
    let catalog = E::catalog();
    let wire = catalog.wire;
    let ours = |n: usize| (number + n).is_multiple_of(SHARED);
    // The largest bodies go to fewer catalogs still.
    let rare = |n: usize| (number + n).is_multiple_of(3 * SHARED);
    for (n, (what, body)) in HOSTILE.iter().enumerate() {
        if ours(n) {
            out.push(Case::new(*what, 400, *body));
        }
    }
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let deep_objects = |depth: usize| format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
    if ours(0) {
        out.push(Case::new("deep arrays", 400, deep(DEPTH)));
    }
    if rare(1) {
        out.push(Case::new("deep objects", 400, deep_objects(DEPTH)));
    }

    // The first entry's example, in many spellings.
    let (code, message, status) = match catalog.errors.first() {
        Some(spec) => (spec.code, spec.example_message(), spec.status),
        None => ("NO_ENTRY", "no entry", 400),
    };
    let value = shaped::<E>(code, Some(message));
    let body = serde_json::to_vec(&value).unwrap();
    let (code_at, message_at) = (pointer(wire.code), pointer(wire.message));
    let mut push = |what: &str, body: Vec<u8>| out.push(Case::new(what, status, body));
    push("the first example", body.clone());
    push("pretty", serde_json::to_vec_pretty(&value).unwrap());
    push(
        "whitespace around",
        [b" \r\n\t", &body[..], b" \n"].concat(),
    );
    push("byte-order mark", [&b"\xEF\xBB\xBF"[..], &body].concat());
    push("every character escaped", escaped_json(&value).into_bytes());
    push("trailing text", [&body[..], b" x"].concat());
    push("two objects", [&body[..], &body[..]].concat());
    let top = tokens(&code_at)[0].clone();
    let top_key = serde_json::to_string(&top).unwrap();
    push(
        "other members first",
        member_first(
            &body,
            r#""zz":{"a":[1,2,{"b":"c"}],"n":-0,"f":1.5e3,"s":"\ud800","t":true}"#,
        ),
    );
    push(
        "other members last",
        member_last(&body, r#""zz":[null,false,{"":""}]"#),
    );
    if ours(0) {
        push(
            "deep nesting first",
            member_first(&body, &format!("\"zz\":{}", deep(DEPTH))),
        );
    }
    if rare(5) {
        push(
            "deep objects last",
            member_last(&body, &format!("\"zz\":{}", deep_objects(DEPTH))),
        );
    }
    if ours(2) {
        push(
            "deep nesting at the message",
            with_raw(&value, &message_at, &deep(DEPTH)),
        );
    }
    push(
        "the top-level key of the code twice, a string first",
        member_first(&body, &format!("{top_key}:\"x\"")),
    );
    push(
        "the top-level key of the code twice, a string last",
        member_last(&body, &format!("{top_key}:\"x\"")),
    );
    push(
        "the top-level key of the code twice, null last",
        member_last(&body, &format!("{top_key}:null")),
    );
    let numeric = code.parse::<i64>().is_ok();
    let mut codes = vec![
        "-0".to_owned(),
        "0".to_owned(),
        "1e3".to_owned(),
        "1.5".to_owned(),
        "true".to_owned(),
        "null".to_owned(),
        "{}".to_owned(),
        "18446744073709551615".to_owned(),
        "18446744073709551616".to_owned(),
        "-9223372036854775808".to_owned(),
        "-9223372036854775809".to_owned(),
        r#""\ud800""#.to_owned(),
        r#""\ud83d\ude00""#.to_owned(),
        format!("[{}]", serde_json::to_string(code).unwrap()),
        escaped_json(&Value::from(code)),
        format!("\"{code}\""),
        format!("\" {code}\""),
    ];
    if numeric {
        codes.extend([
            code.to_owned(),
            format!("{code}.0"),
            format!("{code}e0"),
            format!("0{code}"),
            format!("-{code}"),
            format!("{code}0"),
        ]);
    }
    for raw in &codes {
        push(&format!("code {raw}"), with_raw(&value, &code_at, raw));
    }
    for raw in [
        "5",
        "null",
        "true",
        "[]",
        "{}",
        r#""\ud800""#,
        r#""\ud83d\ude00""#,
        r#""""#,
    ] {
        push(
            &format!("message {raw}"),
            with_raw(&value, &message_at, raw),
        );
    }
    push(
        "message with a lone surrogate after it",
        with_raw(
            &value,
            &message_at,
            &format!(
                "{}\\udfff\"",
                serde_json::to_string(message)
                    .unwrap()
                    .trim_end_matches('"')
            ),
        ),
    );
    push(
        "message with a control character",
        with_raw(
            &value,
            &message_at,
            &format!(
                "{}\u{1}\"",
                serde_json::to_string(message)
                    .unwrap()
                    .trim_end_matches('"')
            ),
        ),
    );

    // Problem details of the first example, in several shapes.
    let problem = |members: Value| serde_json::to_vec(&members).unwrap();
    push(
        "problem with type, status, detail and code",
        problem(json!({"type": "about:blank", "status": status, "detail": message, "code": code})),
    );
    push(
        "problem with detail and code only",
        problem(json!({"detail": message, "code": code})),
    );
    push(
        "problem with an integer code",
        problem(
            json!({"type": "about:blank", "status": status, "detail": message,
                        "code": code.parse::<i64>().map_or(Value::from(code), Value::from)}),
        ),
    );
    push(
        "problem without a code",
        problem(json!({"type": "about:blank", "status": status, "detail": message})),
    );
    push(
        "problem with type and status, without detail",
        problem(json!({"type": "about:blank", "status": status, "code": code})),
    );
    push(
        "problem with a detail that is not a string",
        problem(
            json!({"type": "about:blank", "status": status, "detail": [message], "code": code}),
        ),
    );

    // Statuses of every kind.
    for (n, other) in [100, 200, 204, 301, 400, 404, 429, 500, 503, 599, 999]
        .into_iter()
        .enumerate()
    {
        if !ours(n) {
            continue;
        }
        out.push(Case::new(format!("at status {other}"), other, body.clone()));
    }

    // The code header.
    if let Some(header) = wire.header {
        let message_only = without(&value, &code_at);
        let header_cases: &[(&str, &str, &[u8])] = &[
            ("code header, empty body", code, b""),
            ("code header, empty object", code, b"{}"),
            ("code header, HTML", code, b"<html>Unavailable</html>"),
            ("code header, null", code, b"null"),
            ("code header, array", code, b"[1]"),
            ("code header, cut body", code, b"{\"a\":"),
            (
                "code header, the body without its code",
                code,
                &message_only,
            ),
            ("unknown code header", "NO_SUCH_CODE", &message_only),
            ("unknown code header, empty body", "NO_SUCH_CODE", b""),
            (
                "unknown code header, body with its code",
                "NO_SUCH_CODE",
                &body,
            ),
            ("empty code header", "", b"{}"),
        ];
        for (what, value, body) in header_cases {
            out.push(Case::new(*what, status, *body).header(header, value));
        }
        out.push(
            Case::new("code header with spaces", status, b"").header(header, &format!("  {code} ")),
        );
        out.push(
            Case::new("code header in capitals", status, b"")
                .header(&header.to_ascii_uppercase(), code),
        );
        out.push(
            Case::new("code header in two values", status, b"")
                .header(header, code)
                .header(header, "NO_SUCH_CODE"),
        );
        for spec in catalog
            .errors
            .iter()
            .filter(|spec| spec.code != code)
            .take(1)
        {
            out.push(
                Case::new(
                    "another code header, the body with its code",
                    status,
                    body.clone(),
                )
                .header(header, spec.code),
            );
        }
    }

    // `Retry-After`, on an unknown code and on a recognized body.
    let unknown = shaped::<E>("NO_SUCH_CODE", Some("Something new"));
    let unknown = serde_json::to_vec(&unknown).unwrap();
    for (n, delay) in [
        "120",
        "0",
        " 30 ",
        "-1",
        "1.5",
        "+3",
        "1e3",
        "soon",
        "",
        "4294967294",
        "4294967295",
        "99999999999",
        "18446744073709551616",
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "Mon, 99 Foo 2024 25:61:61 GMT",
    ]
    .into_iter()
    .enumerate()
    {
        if !ours(n) {
            continue;
        }
        out.push(
            Case::new(
                format!("Retry-After {delay:?}, unknown code"),
                503,
                unknown.clone(),
            )
            .header("retry-after", delay),
        );
    }
    out.push(
        Case::new("Retry-After 99, the first example", status, body.clone())
            .header("Retry-After", "99"),
    );
    out.push(
        Case::new("Retry-After twice", 429, unknown.clone())
            .header("retry-after", "5")
            .header("retry-after", "7"),
    );
}

/// A response of another test of this binary: a body, or a code and a message sent in the
/// catalog's shape.
enum Sent {
    Body(&'static str),
    Message(&'static str, &'static str),
}

/// A response of another test: its catalog (as [`catalog_id`] names it), status, headers and
/// what was sent.
type FromTest = (
    &'static str,
    u16,
    &'static [(&'static str, &'static str)],
    Sent,
);

use Sent::{Body, Message};

/// The bodies and messages that the other tests of this binary read, with their catalog.
#[rustfmt::skip]
const FROM_TESTS: &[FromTest] = &[
    // client.rs, backup_restore.rs, problem.rs: the seed catalog.
    ("backup-restore", 409, &[], Body(r#"{"errorCode":"999","errorCode":"140","errorMessage":"nope","errorMessage":"Export Already in Progress"}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":"140","errorMessage":"Export Already in Progress","errorCode":null}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":1.5,"errorMessage":"Export Already in Progress"}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":true,"errorMessage":"Export Already in Progress"}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":null,"errorMessage":"Export Already in Progress"}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":[140],"errorMessage":"Export Already in Progress"}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":{"a":1},"errorMessage":"Export Already in Progress"}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":1e3,"errorMessage":"Export Already in Progress"}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":"140","errorMessage":140}"#)),
    ("backup-restore", 502, &[], Body("{\n  \"errorCode\": \"1\",\n  oops")),
    ("backup-restore", 404, &[], Message("112", "Invalid cloudId=a for job=b for job=IMPORT with externalId=x")),
    ("backup-restore", 404, &[], Message("110", "Brie job=RESTORE with externalId=i-9 is not present")),
    ("backup-restore", 404, &[], Message("129", "Storage Details missing for storageId = s-1")),
    ("backup-restore", 503, &[], Message("999", "Something new")),
    ("backup-restore", 404, &[], Message("129", "nope")),
    ("backup-restore", 400, &[], Body(r#"{"requestId":"r-1","errorMessage":"Export Already in Progress","nested":{"a":[1,2]},"errorCode":"140"}"#)),
    ("backup-restore", 400, &[], Body(r#"{"errorCode":140,"errorMessage":"Export Already in Progress"}"#)),
    ("backup-restore", 502, &[], Body("<html>Bad gateway</html>")),
    ("backup-restore", 502, &[], Body(r#"{"errorMessage":"x"}"#)),
    ("backup-restore", 502, &[], Body(r#"{"errorCode":"127","errorMessage":null}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":"127"}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":"127","errorMessage":5}"#)),
    ("backup-restore", 409, &[], Body(r#"{"errorCode":"127","errorMessage":"x"} trailing"#)),
    ("backup-restore", 409, &[], Body(r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"Backup Policy already exists with orgId: o-1 cloudId: c-9 product: jira-software","code":"127","org_id":"o-1","cloud_id":"c-9","product":"jira-software"}"#)),
    ("backup-restore", 404, &[], Body(r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Storage Details not found for storageId = s-\"17\"","code":"129","storage_id":"s-\"17\""}"#)),
    ("backup-restore", 400, &[], Body(r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Export Already in Progress","code":"140"}"#)),
    ("backup-restore", 404, &[], Body(r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Invalid cloudId=a for job=b for job=IMPORT with externalId=x","code":112,"cloud_id":"a for job=b","job":"IMPORT","external_id":"x","instance":"/jobs/1"}"#)),
    ("backup-restore", 404, &[], Body(r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Storage Details not found for storageId = s-17","code":"129","storage_id":"s-18"}"#)),
    ("backup-restore", 404, &[], Body(r#"{"detail":"Storage Details not found for storageId = s-17","code":"129"}"#)),
    ("backup-restore", 404, &[], Body(r#"{"detail":"Nothing here","code":"999"}"#)),
    ("backup-restore", 404, &[], Body(r#"{"errorCode":"129","title":"Not Found","status":404}"#)),
    ("backup-restore", 404, &[], Body(r#"{"errorCode":"129","errorMessage":5,"code":"129","detail":"Storage Details not found for storageId = s","storage_id":"s"}"#)),
    ("backup-restore", 404, &[], Body(r#"{"code":"129","detail":["Storage Details not found for storageId = s"]}"#)),
    ("backup-restore", 400, &[], Body(r#"{"type":"about:blank","status":400,"code":140}"#)),
    ("backup-restore", 404, &[], Body(r#"{"type":"about:blank","status":404,"code":"129"}"#)),
    ("backup-restore", 400, &[], Body(r#"{"type":"about:blank","status":400,"code":"140","detail":7}"#)),
    // client.rs: typed splitting, repeated fields, external types, statuses first.
    ("client", 400, &[], Message("E2", "x-256-1-y of 5")),
    ("client", 400, &[], Message("E2", "x-255-1-y of 5")),
    ("client", 400, &[], Message("E2", "x--7-y of 5")),
    ("client", 400, &[], Message("E2", "x-7-a-b of -32768")),
    ("client", 400, &[], Message("E2", "x-+7-y of 5")),
    ("client", 400, &[], Message("E2", "x-07-y of 5")),
    ("client", 400, &[], Message("E2", "x-7-y of -0")),
    ("client", 400, &[], Message("E2", "x-7-y of +5")),
    ("client", 400, &[], Message("E2", "x-7-y of 40000")),
    ("client", 400, &[], Message("E2", "x-7-y of ")),
    ("client", 400, &[], Message("E3", "hi said hi")),
    ("client", 400, &[], Message("E3", "hi said ho")),
    ("client", 400, &[], Message("E3", " said said  said")),
    ("client", 400, &[], Message("E3", "a said a said a said a")),
    ("client", 400, &[], Message("E4", "bad address 10.1.2.3")),
    // (Not `bad address 010.1.2.3` nor `bad address nowhere`: an external type's text that
    // Rust does not render, which TypeScript reads as text.)
    ("client", 410, &[], Message("E1", "not available: the report")),
    ("client", 404, &[], Message("E1", "not available: the report")),
    ("client", 500, &[], Message("E1", "not available: the report")),
    // http_client.rs: the code header, `Retry-After`.
    ("http-client", 409, &[("x-error-code", "CONFLICT")], Body(r#"{"message":"Version conflict on policy p-9"}"#)),
    ("http-client", 409, &[], Body(r#"{"message":"Version conflict on policy p-9"}"#)),
    ("http-client", 503, &[("X-Error-Code", " UNAVAILABLE ")], Body("")),
    ("http-client", 503, &[("x-error-code", "UNAVAILABLE")], Body("")),
    ("http-client", 503, &[("x-error-code", "UNAVAILABLE")], Body("<html>Service Unavailable</html>")),
    ("http-client", 503, &[("x-error-code", "UNAVAILABLE")], Body("[1, 2]")),
    ("http-client", 503, &[("x-error-code", "UNAVAILABLE")], Body("{}")),
    ("http-client", 503, &[("x-error-code", "UNAVAILABLE")], Body(r#"{"code":null}"#)),
    ("http-client", 404, &[("x-error-code", "GONE")], Body("{}")),
    ("http-client", 410, &[("x-error-code", "GONE")], Body("{}")),
    ("http-client", 409, &[("x-error-code", "LOCKED")], Body("{}")),
    ("http-client", 423, &[("x-error-code", "LOCKED")], Body("{}")),
    ("http-client", 500, &[("x-error-code", "LOCKED")], Body("{}")),
    ("http-client", 400, &[("x-error-code", "QUOTA")], Body("{}")),
    ("http-client", 400, &[("x-error-code", "NOPE")], Body("{}")),
    ("http-client", 400, &[("x-error-code", "QUOTA")], Body(r#"{"message":"Quota of many exceeded"}"#)),
    ("http-client", 410, &[("x-error-code", "GONE")], Body(r#"{"message":"report r-2 is not here"}"#)),
    ("http-client", 410, &[("x-error-code", "UNAVAILABLE")], Body(r#"{"code":"GONE","message":"Gone"}"#)),
    ("http-client", 503, &[("x-error-code", "UNAVAILABLE")], Body(r#"{"code":"GONE","message":"Service unavailable"}"#)),
    ("http-client", 410, &[("x-error-code", "UNAVAILABLE")], Body(r#"{"code":"GONE"}"#)),
    ("http-client", 503, &[], Body(r#"{"code":"UNAVAILABLE"}"#)),
    ("http-client", 404, &[], Body(r#"{"code":"GONE"}"#)),
    ("http-client", 409, &[], Body(r#"{"code":"LOCKED"}"#)),
    ("http-client", 423, &[], Body(r#"{"code":"LOCKED","other":[1]}"#)),
    ("http-client", 400, &[], Body(r#"{"code":"QUOTA"}"#)),
    ("http-client", 400, &[], Body(r#"{"code":"NOPE"}"#)),
    ("http-client", 503, &[], Body(r#"{"code":"UNAVAILABLE","message":null}"#)),
    ("http-client", 400, &[("retry-after", "7")], Body(r#"{"code":"QUOTA"}"#)),
    ("http-client", 503, &[("x-error-code", "")], Body("{}")),
    ("http-client", 503, &[("x-error-code", "   ")], Body("{}")),
    ("http-client", 404, &[("x-error-code", "GONE"), ("retry-after", "5")], Body("")),
    ("http-client", 409, &[("x-error-code", "LOCKED"), ("retry-after", "5")], Body("{}")),
    ("http-client", 400, &[("x-error-code", "QUOTA"), ("retry-after", "5")], Body("")),
    ("http-client", 400, &[("x-error-code", "NOPE"), ("retry-after", "5")], Body("")),
    ("http-client", 409, &[("x-error-code", "CONFLICT"), ("retry-after", "5")], Body(r#"{"message":"Version conflict on x"}"#)),
    ("http-client", 409, &[("x-error-code", "CONFLICT"), ("retry-after", "5")], Body(r#"{"message":"no"}"#)),
    ("http-client", 503, &[("x-error-code", "GONE"), ("retry-after", "5")], Body(r#"{"code":"UNAVAILABLE"}"#)),
    ("http-client", 400, &[("x-error-code", "GONE"), ("retry-after", "5")], Body(r#"{"code":"QUOTA"}"#)),
    ("http-client", 503, &[("retry-after", "120")], Body("")),
    ("http-client", 503, &[("retry-after", "0")], Body(r#"{"code":"UNAVAILABLE","message":"Back soon"}"#)),
    ("http-client", 429, &[("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT")], Body("")),
    ("http-client", 503, &[("retry-after", "Mon, 99 Foo 2024 25:61:61 GMT")], Body("")),
    ("http-client", 429, &[("retry-after", "99")], Body(r#"{"code":"THROTTLED","message":"Too many requests, retry in 30 seconds"}"#)),
    ("http-client", 400, &[], Body(r#"{"code":"SKEW","message":"Clock skew of -5 seconds"}"#)),
    ("http-client", 504, &[], Body("not json")),
    ("http-client", 502, &[], Body("not json")),
    ("http-client", 400, &[], Body("{")),
    // problem.rs: the other problem catalogs.
    ("problem", 400, &[], Body(r#"{"type":"https://api.example.com/problems/BAD_TYPE","status":400,"code":"BAD_TYPE","field_type":"nope","detail":"Type file is not allowed for Z (strict: false)","field_type":"file","field_code":"Z","strict":false}"#)),
    ("problem", 400, &[], Body(r#"{"type":"https://api.example.com/problems/BAD_TYPE","title":"Bad Request","status":400,"detail":"Type folder is not allowed for X-1 (strict: true)","code":"BAD_TYPE","field_type":"folder","field_code":"X-1","strict":true}"#)),
    ("problem", 400, &[], Body(r#"{"code":"BAD_TYPE","message":"Type folder is not allowed for X-1 (strict: true)"}"#)),
    ("problem-integer", 429, &[], Body(r#"{"type":"https://errors.example.com/integer#40029","title":"Too Many Requests","status":429,"detail":"Slow down for 5 seconds","code":40029,"wait":5}"#)),
    ("problem-names", 400, &[], Body(r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad a b or c","code":"BAD","field_field_type":"a b","name":"or c"}"#)),
    ("problem-names", 400, &[], Body(r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"t/1/ft/2/fft/3/c/4/fc/5","code":"NAMES","field_type":"t/1","field_field_type":"ft/2","field_field_field_type":"fft/3","field_code":"c/4","field_field_code":"fc/5"}"#)),
    ("problem-names", 400, &[], Body(r#"{"error_code":"BAD","message":"Bad a b"}"#)),
    ("problem-names", 400, &[], Body(r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad a b or c","code":"BAD","field_field_type":"a b","field_name":"or c"}"#)),
    ("problem-names", 502, &[], Body(r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Upstream failed: timeout","code":"UPSTREAM","message":"timeout"}"#)),
    ("problem-names", 502, &[], Body(r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Upstream sent BAD: Bad a b","code":"RELAYED","error_code":"BAD","message":"Bad a b"}"#)),
    ("problem-names", 502, &[], Body(r#"{"error_code":"UPSTREAM","message":"Upstream failed: timeout","type":"x","title":"y","status":502}"#)),
    ("problem-default-keys", 502, &[], Body(r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Upstream failed: timeout","code":"UPSTREAM","message":"timeout"}"#)),
    ("problem-nested", 502, &[], Body(r#"{"type":"about:blank","title":"Bad Gateway","status":502,"detail":"Upstream db failed: timeout","code":"UPSTREAM","error":"db","message":"timeout"}"#)),
    ("problem-nested", 502, &[], Body(r#"{"type":"about:blank","title":"Bad Gateway","status":502,"code":"DOWN"}"#)),
    ("problem-shaped", 400, &[], Body(r#"{"code":"PAIR","detail":"x and y and z","status":400,"fields":{"a":"x and y","b":"z"},"type":"urn:error"}"#)),
    ("problem-shaped", 400, &[], Body(r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"x and y and z","code":"PAIR","a":"x and y","b":"z"}"#)),
    ("problem-shaped", 400, &[], Body(r#"{"code":"PAIR","detail":"x and y and z","status":400,"fields":[],"type":"urn:error"}"#)),
    // structured_fields.rs: the fields object.
    ("structured", 400, &[], Body(r#"{"code":"PAIR","message":"salt and pepper and bread and butter","details":{"a":"salt and pepper","b":"bread and butter"}}"#)),
    ("structured", 400, &[], Message("PAIR", "salt and pepper and bread and butter")),
    ("structured", 400, &[], Body(r#"{"code":"PAIR","message":"x and y and z","details":{"a":"x","b":"y and z"}}"#)),
    ("structured", 400, &[], Body(r#"{"code":"PAIR","message":"x and y and z","details":{"a":"x and y","b":"z"}}"#)),
    ("structured", 400, &[], Body(r#"{"code":"PAIR","message":"x and y","details":{"a":"x","b":"z"}}"#)),
    ("structured", 400, &[], Body(r#"{"code":"PAIR","message":"x and y","details":{"a":"x and","b":"y"}}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by 07","details":{"delta":7}}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by 40000","details":{"delta":40000}}"#)),
    ("structured", 400, &[], Body(r#"{"code":"COUNTED","message":"1 of x, enabled: 1","details":{"count":1,"items":"x","enabled":1}}"#)),
    ("structured", 400, &[], Body(r#"{"code":"PAIR","message":"x and y and z"}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by -3","details":"x and y"}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by -3","details":[1, 2]}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by -3","details":null}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by -3","details":3}"#)),
    ("structured", 400, &[], Body(r#"{"code":"PAIR","message":"x and y and z","details":{"a":"x and y"}}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by -3","details":{"delta":[1]}}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by -3","details":{"delta":4}}"#)),
    ("structured", 400, &[], Body(r#"{"code":"COUNTED","message":"3 of 3 of 4 backups, enabled: true","details":{"count":3,"items":"3 of 4 backups","enabled":true}}"#)),
    ("structured", 400, &[], Body(r#"{"details":{"enabled":"true","extra":[1],"items":"3 of 4 backups","count":"3"},"message":"3 of 3 of 4 backups, enabled: true","code":"COUNTED"}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by -12","details":{"delta":-12}}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by -12","details":{"delta":"-12"}}"#)),
    ("structured", 409, &[], Body(r#"{"code":"SHIFTED","message":"shifted by 5","details":{"delta":4,"delta":5}}"#)),
    ("structured", 409, &[], Body(r#"{"code":"PLAIN","message":"Nothing to report","details":{}}"#)),
    ("structured", 409, &[], Body(r#"{"code":"PLAIN","message":"Something to report","details":{}}"#)),
    // overlap.rs: the most specific template first, catch-alls, contradicting members.
    ("overlap", 400, &[], Message("E9", "quota disk exceeded by 5")),
    ("overlap", 400, &[], Message("E9", "rate limit of 10 reached")),
    ("overlap", 400, &[], Message("E9", "something else")),
    ("overlap", 400, &[], Message("E9", "quota disk")),
    ("overlap", 400, &[], Message("E9", "rate limit of many reached")),
    ("overlap", 400, &[], Message("E9", "quota disk exceeded by -1")),
    ("overlap", 400, &[], Message("E9", "quota disk exceeded by 4294967296")),
    ("overlap", 400, &[], Message("E9", "quota disk exceeded by 007")),
    ("overlap", 400, &[], Message("E9", "no quota disk")),
    ("overlap", 404, &[], Message("E9", "no quota disk")),
    ("overlap", 404, &[], Message("E9", "quota disk exceeded by 5")),
    ("overlap", 400, &[], Message("E10", "a z b")),
    ("overlap", 400, &[], Message("E10", "z b")),
    ("overlap", 400, &[], Message("E10", "a z")),
    ("overlap", 400, &[], Message("E10", "z")),
    ("overlap", 400, &[], Body(r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quota n exceeded by 1","code":"E9","name":"n","amount":2}"#)),
    ("overlap", 400, &[], Body(r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quota n exceeded by 1","code":"E9","name":"n","amount":1}"#)),
    ("overlap", 400, &[], Body(r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quota n exceeded by 1","code":"E9"}"#)),
    ("overlap", 400, &[], Body(r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"quota n","code":"E9","name":"n","amount":2}"#)),
    // locales.rs, kitchen_sink.rs.
    ("locales", 409, &[], Body(r#"{"code":"CART_CONFLICT","message":"3 articles au lieu de 2 dans le panier c-1","details":{"cart":"c-1","count":2,"expected":3}}"#)),
    ("kitchen-sink", 500, &[], Message("db/timeout", "anything at all: {}")),
    // wire_shapes.rs: real APIs' bodies, repeated keys, other shapes.
    ("wire-kubernetes", 404, &[], Body("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\n        \"message\":\"pods \\\"grafana\\\" not found\",\"reason\":\"NotFound\",\n        \"details\":{\"name\":\"grafana\",\"kind\":\"pods\"},\"code\":404}")),
    ("wire-kubernetes", 404, &[], Body(r#"{"reason":"NotFound","message":"pods \"a\" not found","code":40"#)),
    ("wire-kubernetes", 403, &[], Message("Forbidden", "pods is forbidden: User \"alice\" cannot get resource \"pods\" in API group \"apps\" in the namespace \"default\"")),
    ("wire-kubernetes", 403, &[], Message("Forbidden", "secrets is forbidden: no")),
    ("wire-kubernetes", 400, &[], Message("BadRequest", "anything at all")),
    ("wire-odata", 404, &[], Body("{\"odata.error\":{\"code\":\"TableNotFound\",\"message\":{\"lang\":\"en-US\",\n        \"value\":\"The table specified does not exist.\\nRequestId:r-9\\nTime:t\"}}}")),
    ("wire-odata", 404, &[], Body(r#"{"odata.error":{"code":"TableNotFound","message":"flat"}}"#)),
    ("wire-odata", 404, &[], Body(r#"{"odata.error":{"code":"TableNotFound","message":{"value":7}}}"#)),
    ("wire-odata", 400, &[], Body(r#"{"odata.error":{"code":"A","message":{"value":"x"},"message":{"value":"y","value":"z"}}}"#)),
    ("wire-twilio", 401, &[], Body(r#"{"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}"#)),
    ("wire-twilio", 401, &[], Body(r#"{"code":"20003","message":"Authenticate"}"#)),
    ("wire-twilio", 401, &[], Body(r#"{"code":20003.0,"message":"Authenticate"}"#)),
    ("wire-twilio", 400, &[], Body(r#"{"code":99999,"message":"new"}"#)),
    ("wire-google", 403, &[], Body(r#"{"error":{"code":403,"message":"The caller does not have permission","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"x"}]}}"#)),
    ("wire-google", 404, &[], Body(r#"{"error":{"status":"NOT_FOUND","code":404}}"#)),
    ("wire-google", 409, &[], Body(r#"{"error":{"code":404,"status":"ALREADY_EXISTS","details":[]}}"#)),
    ("wire-google", 404, &[], Body(r#"{"error":{"status":"NOT_FOUND","message":{}}}"#)),
    ("wire-translator", 400, &[], Body(r#"{"error":{"code":-1,"message":"Negative codes are integers too: 200"}}"#)),
    ("wire-flat", 404, &[], Body(r#"{"errorCode":129,"errorMessage":"Storage Details not found for storageId = 7"}"#)),
    ("wire-azure", 409, &[], Body(r#"{"error":{"code":"Nope","code":"Conflict","message":"Operation on 'a' is not allowed while another operation is in progress."}}"#)),
    ("wire-azure", 400, &[], Body(r#"{"error":{"code":"Conflict","message":"m"},"error":{"code":"InvalidParameter"}}"#)),
    ("wire-azure", 400, &[], Body(r#"{"error":{"code":"Conflict","message":"m"},"error":"boom"}"#)),
    ("wire-azure", 400, &[], Body(r#"{"error":{"code":"A","message":"x"},"error":{"code":"B","message":"y"}}"#)),
    ("wire-azure", 404, &[], Body(r#"{"code":"ResourceNotFound","message":"gone"}"#)),
    ("wire-azure", 409, &[], Body(r#"{"error":{"code":"Conflict"}}"#)),
];

/// The cases of [`FROM_TESTS`] for the catalog `id`, and the large bodies of the other tests
/// (built here rather than written out).
fn from_tests<E: Generated>(out: &mut Vec<Case>, id: &str) {
    for (n, (catalog, status, headers, sent)) in FROM_TESTS.iter().enumerate() {
        if *catalog != id {
            continue;
        }
        let body = match sent {
            Body(body) => body.as_bytes().to_vec(),
            Message(code, message) => {
                serde_json::to_vec(&shaped::<E>(code, Some(message))).unwrap()
            }
        };
        let mut case = Case::new(format!("from the other tests #{n}"), *status, body);
        for (name, value) in *headers {
            case = case.header(name, value);
        }
        out.push(case);
    }
    let others: String = (0..5_000).map(|i| format!(r#""m{i}":{i},"#)).collect();
    let mut push = |what: &str, status: u16, body: String| out.push(Case::new(what, status, body));
    match id {
        "structured" => {
            push(
                "a field twice among many members",
                400,
                format!(
                    r#"{{"code":"PAIR","message":"x and y and z","details":{{"a":"x","b":"y and z",{others}"a":"x and y","b":"z"}}}}"#
                ),
            );
            push(
                "a field twice among many members, the last no field's",
                400,
                format!(
                    r#"{{"code":"PAIR","message":"x and y and z","details":{{"a":"x and y","b":"z",{others}"a":[1]}}}}"#
                ),
            );
            push(
                "a problem member twice among many",
                400,
                format!(
                    r#"{{"type":"about:blank","status":400,"detail":"x and y and z","code":"PAIR","a":"x","b":"y and z",{others}"a":"x and y","b":"z"}}"#
                ),
            );
            push(
                "a problem member twice among many, the last no field's",
                400,
                format!(
                    r#"{{"type":"about:blank","status":400,"detail":"x and y and z","code":"PAIR","a":"x and y","b":"z",{others}"a":[1]}}"#
                ),
            );
        }
        "wire-azure" => {
            let open = "[".repeat(100_000);
            let close = "]".repeat(100_000);
            push(
                "deep nesting at the message",
                409,
                format!(
                    r#"{{"error":{{"code":"Conflict","x":{open}{close},"message":{open}{close}}}}}"#
                ),
            );
            let filler: String = (0..20_000)
                .map(|i| format!(r#""k{i}":{{"a":[1,2,{{"b":"c"}}]}},"#))
                .collect();
            push(
                "half a megabyte of other members",
                400,
                format!(
                    r#"{{"error":{{{filler}"code":"InvalidParameter","message":"The value of parameter p is invalid."}}}}"#
                ),
            );
        }
        "repeats" => {
            // Repeated fields around fields of any text and of a type, in one-, two- and
            // four-byte characters.
            for word in ["x", "é", "😀"] {
                for n in [1, 16, 256] {
                    let long = vec![word; n].join(" ");
                    let messages = [
                        ("THRICE", format!("{long} y z {long} y z")),
                        ("THRICE", format!("{long} y z {long} y z x")),
                        ("TWICE", format!("{long}, 7 and b; b, 7 and {long}")),
                        ("TWICE", format!("a, 7 and {long}; {long}, 7 and a")),
                        ("TAGGED", format!("[on off] {long} [on] {long} [on off]")),
                        ("TAGGED", format!("[on] {long} [on off] [on]")),
                    ];
                    for (code, message) in messages {
                        let body =
                            serde_json::to_string(&shaped::<E>(code, Some(&message))).unwrap();
                        push(&format!("{code}, {n} × {word:?}"), 400, body);
                    }
                }
            }
            // The bound of the search, 32 steps per byte of message: `{a} {b} {a}` with `a`
            // of `n` words `x x … x y`, which the search reaches after trying each shorter
            // `a` (at a cost that grows with `n²`), reads back while `n` is small and not
            // beyond; and, with `n` beyond, reads back again once `b` is long enough, in bytes:
            // the messages on either side of each edge, `b` in one-, two- and four-byte
            // characters.
            let ends = |n: usize, b: &str| {
                let a = format!("{} y", vec!["x"; n].join(" "));
                format!("{a} {b} {a}")
            };
            let reads =
                |message: &str| E::from_parts(StatusCode::BAD_REQUEST, "ENDS", message).is_ok();
            let mut edges = Vec::new();
            let n = (1..1_000)
                .find(|&n| !reads(&ends(n, "b")))
                .expect("a long enough message needs more steps than the bound");
            edges.push((n - 1, "b".to_owned()));
            edges.push((n, "b".to_owned()));
            for pad in ["x", "é", "😀"] {
                let m = (1..10_000)
                    .find(|&m| reads(&ends(n + 5, &pad.repeat(m))))
                    .expect("a long enough `b` raises the bound");
                edges.push((n + 5, pad.repeat(m - 1)));
                edges.push((n + 5, pad.repeat(m)));
            }
            for (n, b) in edges {
                let message = ends(n, &b);
                let body = serde_json::to_string(&shaped::<E>("ENDS", Some(&message))).unwrap();
                push(
                    &format!("ENDS at the bound, n = {n}, b of {} bytes", b.len()),
                    400,
                    body,
                );
            }
        }
        "client" | "locales" => {
            // Messages that make the search for equal repeated fields work: many readings,
            // some with none, and multibyte text whose length counts in bytes.
            let code = if id == "client" { "E3" } else { "ECHO" };
            let status = if id == "client" { 400 } else { 409 };
            for word in ["said", "said said", "é said é", "😀 said"] {
                for repeats in [1, 3, 40, 300] {
                    let text = vec![word; repeats].join(" ");
                    for message in [
                        format!("{text} said {text}"),
                        format!("{text} said {text}d"),
                        format!("{text}  said {text}"),
                    ] {
                        let body =
                            serde_json::to_string(&shaped::<E>(code, Some(&message))).unwrap();
                        push(&format!("{repeats} × {word:?}, repeated"), status, body);
                    }
                }
            }
        }
        _ => {}
    }
}
