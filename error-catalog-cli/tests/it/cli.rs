//! The `error-catalog` binary as a user runs it: outputs (snapshots), exit codes, streams,
//! colours and bad input.

use crate::common::{self, command, root, run, seed, seed_codes, temp_dir};

const SEED: &str = "catalog/backup-restore.toml";
const HOSTILE: &str = "error-catalog-cli/tests/catalogs/hostile.toml";
const BROKEN: &str = "tests/ui/five-mistakes.toml";
/// The nested wire shapes: a Kubernetes `Status` object, an OData error, integer codes.
const KUBERNETES: &str = "error-catalog-cli/tests/catalogs/kubernetes-status.toml";
const ODATA: &str = "error-catalog-cli/tests/catalogs/odata.toml";
const INTEGER: &str = "error-catalog-cli/tests/catalogs/integer-codes.toml";
/// Retries, problem types and a fields object.
const RETRIES: &str = "error-catalog-cli/tests/catalogs/retries.toml";

#[test]
fn docs_markdown_of_the_seed_catalog() {
    let run = run(&["docs", SEED, "--format", "markdown"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    insta::assert_snapshot!("docs_markdown", run.stdout);
}

#[test]
fn docs_html_of_the_seed_catalog() {
    let run = run(&["docs", SEED, "--format", "html"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    insta::assert_snapshot!("docs_html", run.stdout);
}

#[test]
fn docs_openapi_of_the_seed_catalog() {
    let run = run(&["docs", SEED, "--format", "openapi"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    insta::assert_snapshot!("docs_openapi", run.stdout);
}

#[test]
fn docs_json_of_the_seed_catalog() {
    let run = run(&["docs", SEED, "--format", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    insta::assert_snapshot!("docs_json", run.stdout);
}

#[test]
fn explain_a_shared_code() {
    let run = run(&["explain", "113", "--catalog", SEED]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    insta::assert_snapshot!("explain_113", run.stdout);
}

#[test]
fn check_a_broken_catalog() {
    let run = run(&["check", BROKEN]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "", "diagnostics go to stderr");
    insta::assert_snapshot!("check_five_mistakes", run.stderr);
}

#[test]
fn check_renders_what_the_codegen_crate_renders() {
    let run = run(&["check", BROKEN]);
    let report = error_catalog_codegen::check(root().join(BROKEN));
    // The same diagnostics, through the same renderer; only the file's name differs (the
    // library call was given an absolute path).
    let expected = report
        .render()
        .replace(&root().join(BROKEN).display().to_string(), BROKEN);
    assert_eq!(report.len(), 5);
    assert!(run.stderr.starts_with(&expected), "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("error: `tests/ui/five-mistakes.toml` has 5 errors\n")
    );
}

#[test]
fn check_exits_0_for_valid_catalogs_and_1_if_any_has_errors() {
    let clean = run(&["check", SEED, HOSTILE]);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert_eq!(clean.stdout, "");
    assert_eq!(
        clean.stderr,
        "`catalog/backup-restore.toml`: no errors, 17 entries\n\
         `error-catalog-cli/tests/catalogs/hostile.toml`: no errors, 2 entries\n"
    );

    let mixed = run(&["check", SEED, BROKEN]);
    assert_eq!(mixed.code, 1);
    assert!(mixed.stderr.contains("no errors, 17 entries"));
    assert!(mixed.stderr.contains("[invalid-placeholder-name]"));
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [
        &[][..],
        &["check"][..],
        &["lint", SEED][..],
        &["docs", SEED][..],
        &["docs", SEED, "--format", "pdf"][..],
        &["explain"][..],
        &["diff", SEED][..],
        &["diff", SEED, SEED, "--format", "xml"][..],
        &["check", SEED, "--colour"][..],
        &["generate"][..],
        &["generate", "typescript"][..],
        &["generate", "python", SEED][..],
    ] {
        let run = run(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
        assert!(
            run.stderr.contains("error") || run.stderr.contains("Usage"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn help_shows_an_example_of_every_subcommand() {
    let help = run(&["--help"]);
    assert_eq!(help.code, 0);
    for subcommand in ["check", "explain", "docs", "diff", "generate"] {
        assert!(
            help.stdout
                .contains(&format!("  error-catalog {subcommand} ")),
            "no example of {subcommand}:\n{}",
            help.stdout
        );
        let own = run(&[subcommand, "--help"]);
        assert_eq!(own.code, 0);
        assert!(
            own.stdout
                .contains(&format!("Example:\n  error-catalog {subcommand} "))
                || own
                    .stdout
                    .contains(&format!("Examples:\n  error-catalog {subcommand} ")),
            "{subcommand} --help:\n{}",
            own.stdout
        );
    }
}

#[test]
fn the_examples_in_the_help_run() {
    // `check` and `docs` examples name the seed catalog: they must work as shown.
    let help = run(&["--help"]).stdout;
    let examples: Vec<&str> = help
        .lines()
        .filter_map(|line| line.strip_prefix("  error-catalog "))
        .filter(|line| {
            line.starts_with("check ")
                || line.starts_with("docs ")
                || line.starts_with("explain ")
                || line.starts_with("generate ")
        })
        .collect();
    assert!(examples.len() >= 4, "{help}");
    let dir = temp_dir("help-examples");
    for example in examples {
        let args: Vec<String> = example
            .split_whitespace()
            .map(|arg| match arg {
                "errors.html" | "backup-errors.ts" => dir.join(arg).display().to_string(),
                other => other.to_owned(),
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = run(&args);
        assert_eq!(run.code, 0, "{example}: {}", run.stderr);
    }
}

#[test]
fn no_color_when_piped_or_with_no_color() {
    for no_color in [None, Some("1")] {
        let mut command = command(&["check", BROKEN]);
        if let Some(value) = no_color {
            command.env("NO_COLOR", value);
        }
        let run: common::Run = command.output().expect("runs").into();
        assert_eq!(run.code, 1);
        assert!(!run.stderr.contains('\x1b'), "{no_color:?}: {}", run.stderr);
    }
}

/// On a terminal (a pseudo-terminal from util-linux's `script`), diagnostics have colours,
/// unless `NO_COLOR` is set.
#[cfg(target_os = "linux")]
#[test]
fn colours_on_a_terminal_unless_no_color() {
    let on_terminal = |no_color: &str| {
        let line = format!(
            "NO_COLOR={no_color} '{}' check {BROKEN}",
            env!("CARGO_BIN_EXE_error-catalog")
        );
        let output = std::process::Command::new("script")
            .args(["-q", "-e", "-c", &line, "/dev/null"])
            .current_dir(root())
            .output()
            .expect("util-linux's `script` runs");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    let (code, coloured) = on_terminal("");
    assert_eq!(code, Some(1), "{coloured}");
    assert!(coloured.contains("\x1b["), "{coloured}");
    assert!(coloured.contains("[unknown-key]"), "{coloured}");
    let (code, plain) = on_terminal("1");
    assert_eq!(code, Some(1), "{plain}");
    assert!(!plain.contains('\x1b'), "{plain}");
    assert!(plain.contains("[unknown-key]"), "{plain}");
}

#[test]
fn explain_an_unknown_code_suggests_the_closest() {
    let run = run(&["explain", "114", "--catalog", SEED]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: no entry has code `114`; the closest codes are `113`, `112` and `110`\n"
    );
}

#[test]
fn explain_reads_every_catalog_of_the_current_directory_by_default() {
    let by_default = run(&["explain", "127"]);
    assert_eq!(by_default.code, 0, "{}", by_default.stderr);
    assert!(
        by_default
            .stdout
            .starts_with("Code 127 of the Backup and restore API (catalog/backup-restore.toml)\n")
    );
    assert!(by_default.stdout.contains("\nBackupPolicyAlreadyExists\n"));
    assert!(by_default.stdout.contains(
        r#"Example body:     {"errorCode":"127","errorMessage":"Backup Policy already exists with orgId: o-1 cloudId: c-9 product: jira-software"}"#
    ));

    // Elsewhere, with no catalog directory: a usage error.
    let elsewhere = temp_dir("no-catalogs");
    let run: common::Run = command(&["explain", "127"])
        .current_dir(&elsewhere)
        .output()
        .expect("runs")
        .into();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--catalog"), "{}", run.stderr);
}

#[test]
fn explain_names_a_retired_code_and_shows_help_and_docs_links() {
    let retired = run(&["explain", "E_0", "--catalog", HOSTILE]);
    assert_eq!(retired.code, 1);
    assert!(
        retired.stderr.starts_with(
            "error: no entry has code `E_0`; it is retired in \
             `error-catalog-cli/tests/catalogs/hostile.toml` (<old> | gone); the closest codes are"
        ),
        "{}",
        retired.stderr
    );

    let run = run(&["explain", "E_1", "--catalog", HOSTILE]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("  Help:             Try ``double `ticks` `` & <em>again</em>.\n")
    );
    assert!(
        run.stdout
            .contains("  Docs:             https://api.example.com/errors#E_1\n")
    );
    assert!(
        run.stdout
            .contains(r#"  Fields:           name: String, example "<x>": a | b <br>"#)
    );
    assert!(
        run.stdout
            .contains(r#"                    kind: Kind (one of "A<B", "C|D"), example "A<B""#)
    );
}

#[test]
fn a_catalog_that_does_not_load_gets_the_diagnostics_of_check() {
    let check = run(&["check", BROKEN]).stderr;
    for args in [
        &["docs", BROKEN, "--format", "html"][..],
        &["explain", "110", "--catalog", BROKEN][..],
        &["generate", "typescript", BROKEN][..],
    ] {
        let run = run(args);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
        assert_eq!(run.stderr, check, "{args:?}");
    }
}

#[test]
fn docs_writes_to_a_file_with_o() {
    let dir = temp_dir("docs-o");
    let file = dir.join("errors.md");
    let run = run(&[
        "docs",
        SEED,
        "--format",
        "markdown",
        "-o",
        &file.display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, format!("wrote `{}`\n", file.display()));
    let written = std::fs::read_to_string(&file).expect("the file is written");
    assert_eq!(
        written,
        common::run(&["docs", SEED, "--format", "markdown"]).stdout
    );

    // A file that cannot be written (its directory would be under a file): an error, not a
    // panic.
    let missing = file.join("no/such/dir/errors.md");
    let run = common::run(&[
        "docs",
        SEED,
        "--format",
        "json",
        "--output",
        &missing.display().to_string(),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: cannot write `"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"));
}

#[test]
fn a_missing_file_a_directory_and_non_utf8_text_are_diagnostics() {
    let missing = run(&["check", "catalog/nope.toml"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing.stderr.starts_with(
            "error: catalog file not found: `catalog/nope.toml` [file-not-readable]\n"
        ),
        "{}",
        missing.stderr
    );
    assert!(
        missing
            .stderr
            .contains("note: the path is resolved against")
    );

    let directory = run(&["docs", "catalog", "--format", "markdown"]);
    assert_eq!(directory.code, 1);
    assert!(
        directory
            .stderr
            .starts_with("error: catalog file cannot be read: "),
        "{}",
        directory.stderr
    );
    assert!(directory.stderr.contains("[file-not-readable]"));

    let dir = temp_dir("latin1");
    let file = dir.join("latin1.toml");
    std::fs::write(&file, b"[catalog]\ntitle = \"Caf\xe9\"\n").expect("written");
    let latin1 = run(&["check", &file.display().to_string()]);
    assert_eq!(latin1.code, 1);
    assert!(
        latin1.stderr.contains("catalog file is not UTF-8 text"),
        "{}",
        latin1.stderr
    );
    for run in [missing, directory, latin1] {
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_is_read_and_named() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("non-utf8-path");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.toml");
    std::fs::write(dir.join(name), seed()).expect("written");
    let output = command(&["check"])
        .arg(dir.join(name))
        .output()
        .expect("runs");
    let run: common::Run = output.into();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("caf\u{fffd}.toml"), "{}", run.stderr);

    let missing = std::ffi::OsStr::from_bytes(b"missing-\xe9.toml");
    let run: common::Run = command(&["check"])
        .arg(dir.join(missing))
        .output()
        .expect("runs")
        .into();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: catalog file not found: `"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("[file-not-readable]"));
}

#[test]
fn markdown_escapes_catalog_text() {
    let run = run(&["docs", HOSTILE, "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (mut fence, mut columns) = (None::<usize>, None::<usize>);
    for line in run.stdout.lines() {
        let ticks = line.len() - line.trim_start_matches('`').len();
        match fence {
            None if ticks >= 3 => {
                fence = Some(ticks);
                continue;
            }
            Some(open) if ticks >= open && line.trim_matches('`').is_empty() => {
                fence = None;
                continue;
            }
            Some(_) => continue,
            None => {}
        }
        if line.starts_with("<a id=\"") {
            continue;
        }
        // Outside code, no catalog text opens an HTML tag.
        for span in error_catalog_cli::text::spans(line) {
            if let error_catalog_cli::text::Span::Text(text) = span {
                assert!(!text.contains('<'), "raw `<` in {line:?}");
            }
        }
        // Each row of a table has as many pipes as its header: the catalog's are escaped.
        if line.starts_with('|') {
            let pipes = line
                .char_indices()
                .filter(|&(i, c)| c == '|' && !line[..i].ends_with('\\'))
                .count();
            assert_eq!(pipes, *columns.get_or_insert(pipes), "{line:?}");
        } else {
            columns = None;
        }
    }
    assert!(
        run.stdout.contains(
            "| 400 | Bad &lt;Request> | A \\| pipe and &lt;img src=x onerror=alert(2)> |"
        )
    );
    assert!(
        run.stdout
            .contains("| 503 | Service Unavailable | Line one line two \\| &lt;u>three&lt;/u> |")
    );
    assert!(
        run.stdout
            .contains("- **Message:** ``Bad `tick` <b>{name}</b> | {kind}``\n")
    );
    assert!(run.stdout.contains(
        "````json\n{\"code\":\"E_2\",\"message\":\"Down: {literal braces} and ```fences```\"}\n````\n"
    ));
}

#[test]
fn html_escapes_every_catalog_text_and_loads_nothing() {
    let run = run(&["docs", HOSTILE, "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = run.stdout;
    let lower = page.to_lowercase();
    for tag in [
        "<script",
        "<img",
        "<b>",
        "<i>",
        "<u>",
        "<em>",
        "<p>paragraph",
        "<br",
        "<x>",
        "<old>",
        "<request>",
    ] {
        assert!(!lower.contains(tag), "{tag} in the page");
    }
    assert!(page.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
    assert!(page.contains("<h1>Hostile &lt;b&gt;API&lt;/b&gt; | `ticks` &amp; co</h1>"));
    assert!(
        page.contains(
            "<title>Hostile &lt;b&gt;API&lt;/b&gt; | `ticks` &amp; co: error codes</title>"
        )
    );
    assert_no_external_resources(&page, Some("https://api.example.com/errors"));
    assert!(
        page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
}

#[test]
fn html_anchors_every_error_by_code() {
    let page = run(&["docs", SEED, "--format", "html"]).stdout;
    assert_no_external_resources(&page, None);
    for code in seed_codes() {
        assert_eq!(
            page.matches(&format!("<article id=\"{code}\">")).count(),
            1,
            "#{code}"
        );
    }
    // The shared code: the first entry has `#113`, both have `#113-<Name>`.
    assert!(page.contains("<article id=\"113\">\n<h3 id=\"113-BackupIdNotFoundForExport\">"));
    assert!(page.contains("<article>\n<h3 id=\"113-BackupIdNotFoundForImport\">"));
    let markdown = run(&["docs", SEED, "--format", "markdown"]).stdout;
    for code in seed_codes() {
        assert_eq!(
            markdown.matches(&format!("<a id=\"{code}\"></a>")).count(),
            1,
            "#{code}"
        );
    }
    assert!(markdown.contains("<a id=\"113-BackupIdNotFoundForImport\"></a>"));
}

/// The page loads nothing: no script, no element that loads a resource, no stylesheet or
/// font from elsewhere, and every link is to the page itself, but for the catalog's own
/// `docs_url`. Catalog text escapes every `<`, so each `<` of the page opens a real tag.
fn assert_no_external_resources(page: &str, docs_url: Option<&str>) {
    let tags: Vec<&str> = page
        .split('<')
        .skip(1)
        .map(|rest| &rest[..rest.find('>').expect("a closed tag")])
        .collect();
    let mut links = 0;
    for tag in &tags {
        let lower = tag.to_lowercase();
        let name = lower.split_whitespace().next().unwrap_or_default();
        for element in [
            "script", "link", "img", "iframe", "object", "embed", "source", "video", "audio",
        ] {
            assert_ne!(name, element, "<{tag}>");
        }
        for attribute in [" src=", " srcset=", " style=", " on"] {
            assert!(!lower.contains(attribute), "<{tag}>");
        }
        if let Some((_, rest)) = tag.split_once("href=\"") {
            let target = &rest[..rest.find('"').expect("a closed attribute")];
            links += 1;
            assert!(
                target.starts_with('#') || Some(target) == docs_url,
                "a link out of the page: {target}"
            );
        }
    }
    assert!(links > 0);
    let style = page
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .expect("an inline style")
        .0;
    assert!(
        !style.contains("url(") && !style.contains("@import"),
        "{style}"
    );
    // No address at all but the catalog's own.
    let addresses = page.matches("://").count();
    let allowed = docs_url.map_or(0, |url| page.matches(url).count());
    assert_eq!(
        addresses, allowed,
        "an address in the page that is not docs_url"
    );
}

#[test]
fn openapi_has_one_response_per_status_and_one_example_per_entry() {
    let run = run(&["docs", SEED, "--format", "openapi"]);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["openapi"], "3.1.0");
    let schema = &document["components"]["schemas"]["ErrorBody"];
    assert_eq!(
        schema["required"],
        serde_json::json!(["errorCode", "errorMessage"])
    );
    let codes: Vec<String> = seed_codes();
    assert_eq!(
        schema["properties"]["errorCode"]["enum"],
        serde_json::json!(codes)
    );
    assert_eq!(schema["properties"]["errorMessage"]["type"], "string");

    let loaded = error_catalog_cli::load(&root().join(SEED)).expect("the seed");
    let responses = document["components"]["responses"]
        .as_object()
        .expect("responses");
    let mut statuses: Vec<u16> = loaded
        .checked
        .entries
        .iter()
        .map(|e| e.status.value)
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    assert_eq!(
        responses.keys().collect::<std::collections::BTreeSet<_>>(),
        [
            "Status400BadRequest",
            "Status404NotFound",
            "Status409Conflict",
            "Status422UnprocessableEntity"
        ]
        .iter()
        .map(|s| s.to_string())
        .collect::<std::collections::BTreeSet<_>>()
        .iter()
        .collect()
    );
    assert_eq!(responses.len(), statuses.len());
    let mut examples = 0;
    for entry in &loaded.checked.entries {
        let name =
            error_catalog_cli::docs::openapi::response_name(&loaded.checked, entry.status.value);
        let media = &responses[&name]["content"]["application/json"];
        assert_eq!(media["schema"]["$ref"], "#/components/schemas/ErrorBody");
        let example = &media["examples"][&entry.name.value];
        // The seed's docs are one line each: the summary is the doc.
        assert_eq!(example["summary"], entry.doc);
        assert_eq!(
            example["description"],
            format!(
                "{}\n\nCode `{}`, message template `{}`.",
                entry.doc, entry.code.value, entry.message.value
            )
        );
        assert_eq!(
            example["value"],
            serde_json::json!({"errorCode": entry.code.value, "errorMessage": entry.example_message()})
        );
        examples += 1;
    }
    let total: usize = responses
        .values()
        .map(|r| {
            r["content"]["application/json"]["examples"]
                .as_object()
                .expect("examples")
                .len()
        })
        .sum();
    assert_eq!(total, examples);
    assert_eq!(total, 17);
}

#[test]
fn json_holds_the_whole_model_with_its_schema_version() {
    let run = run(&["docs", SEED, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["schema"], "error-catalog/1");
    let keys: Vec<&String> = json.as_object().expect("an object").keys().collect();
    assert_eq!(keys.len(), 10);
    assert!(
        run.stdout
            .starts_with("{\n  \"schema\": \"error-catalog/1\",\n  \"title\"")
    );
    let loaded = error_catalog_cli::load(&root().join(SEED)).expect("the seed");
    let errors = json["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), loaded.checked.entries.len());
    for (error, entry) in errors.iter().zip(&loaded.checked.entries) {
        assert_eq!(error["name"], entry.name.value);
        assert_eq!(error["code"], entry.code.value);
        assert_eq!(error["status"], entry.status.value);
        assert_eq!(error["example_message"], entry.example_message());
        // The parts give the message back, with each field's example.
        let rebuilt: String = error["parts"]
            .as_array()
            .expect("parts")
            .iter()
            .map(|part| match (part.get("literal"), part.get("field")) {
                (Some(text), None) => text.as_str().expect("text").to_owned(),
                (None, Some(field)) => error["fields"]
                    .as_array()
                    .expect("fields")
                    .iter()
                    .find(|f| f["name"] == *field)
                    .expect("the field is listed")["example"]
                    .as_str()
                    .expect("an example")
                    .to_owned(),
                _ => panic!("a part is a literal or a field: {part}"),
            })
            .collect();
        assert_eq!(rebuilt, entry.example_message());
        let body = serde_json::to_string(&error["example_body"]).expect("JSON");
        assert_eq!(
            body,
            format!(
                "{{\"errorCode\":{},\"errorMessage\":{}}}",
                serde_json::to_string(&entry.code.value).expect("JSON"),
                serde_json::to_string(&entry.example_message()).expect("JSON")
            )
        );
    }
    assert_eq!(errors[12]["shared_code"], true);
    assert_eq!(errors[0]["shared_code"], false);
    assert_eq!(errors[13]["fields"][0]["kind"], "enum");
    assert_eq!(errors[13]["fields"][0]["type"], "Job");
}

#[test]
fn json_says_which_entries_overlap() {
    let run = run(&["docs", "tests/catalogs/overlap.toml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let overlapping: Vec<(&str, bool)> = json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|error| {
            (
                error["name"].as_str().expect("a name"),
                error["overlapping"].as_bool().expect("a boolean"),
            )
        })
        .collect();
    assert_eq!(
        overlapping,
        [
            ("Other", true),
            ("QuotaExceeded", true),
            ("RateLimited", true),
            ("NotFound", false),
            ("Prefixed", true),
            ("Suffixed", true),
        ]
    );
}

/// `docs/json-schema.md` documents every key the JSON output has.
#[test]
fn the_json_schema_document_names_every_key() {
    let doc = std::fs::read_to_string(root().join("docs/json-schema.md")).expect("the document");
    let mut keys = std::collections::BTreeSet::new();
    for catalog in [SEED, HOSTILE, KUBERNETES, ODATA, INTEGER, RETRIES] {
        let run = run(&["docs", catalog, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        collect_keys(&json, &mut keys);
    }
    for required in [
        "schema",
        "parts",
        "literal",
        "field",
        "example_body",
        "retired",
        "note",
        "code_type",
        "constants",
        "location",
        "header",
        "problem_base",
        "retryable",
        "retry_after",
    ] {
        assert!(keys.contains(required), "{required}");
    }
    for key in keys {
        assert!(
            doc.contains(&format!("`{key}`")),
            "docs/json-schema.md lacks `{key}`"
        );
    }
}

/// The keys of the JSON output, but not those inside an example body, which are the
/// catalog's wire keys, not the schema's.
fn collect_keys(value: &serde_json::Value, keys: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                keys.insert(key.clone());
                if key != "example_body" {
                    collect_keys(value, keys);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_keys(v, keys)),
        _ => {}
    }
}

/// JSON text without the whitespace outside its strings, so that a pretty-printed document
/// can be searched for a compact body, member order and all.
fn compact_text(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Every output shows each entry's body exactly as `Wire::entry_body` writes it, in the
/// catalog's shape and member order, with its fields object filled when the shape has one: the
/// Markdown and HTML pages, `explain`, and the JSON and OpenAPI documents (compared with their
/// whitespace removed).
#[test]
fn every_example_body_is_the_wire_body() {
    assert_eq!(
        compact_text("{\n  \"a b\": \"x \\\" y\",\n  \"c\": [1, 2]\n}"),
        "{\"a b\":\"x \\\" y\",\"c\":[1,2]}"
    );
    for catalog in [SEED, HOSTILE, KUBERNETES, ODATA, INTEGER, RETRIES] {
        let loaded = error_catalog_cli::load(&root().join(catalog)).expect("the catalog loads");
        let wire = &loaded.checked.wire;
        let markdown = run(&["docs", catalog, "--format", "markdown"]).stdout;
        let html = run(&["docs", catalog, "--format", "html"]).stdout;
        let json = compact_text(&run(&["docs", catalog, "--format", "json"]).stdout);
        let openapi = compact_text(&run(&["docs", catalog, "--format", "openapi"]).stdout);
        for entry in &loaded.checked.entries {
            let body = wire.entry_body(entry);
            assert!(
                markdown.contains(&format!("json\n{body}\n")),
                "{catalog}: {body}"
            );
            let escaped = error_catalog_cli::text::html_escape(&body);
            assert!(
                html.contains(&format!("<pre><code>{escaped}</code></pre>")),
                "{catalog}: {escaped}"
            );
            assert!(
                json.contains(&format!("\"example_body\":{body},")),
                "{catalog}: {body}"
            );
            assert!(
                openapi.contains(&format!("\"value\":{body}}}")),
                "{catalog}: {body}"
            );
            let explained = run(&["explain", &entry.code.value, "--catalog", catalog]).stdout;
            assert!(
                explained.contains(&format!("Example body:     {body}\n")),
                "{catalog}: {explained}"
            );
        }
    }
}

/// The nested shapes as they look: the Kubernetes `Status` object with its status and
/// constants after the code and message, the OData message object with its language, and
/// integer codes as JSON numbers.
#[test]
fn nested_wire_shapes_give_nested_bodies() {
    let explained =
        |code: &str, catalog: &str| run(&["explain", code, "--catalog", catalog]).stdout;
    assert!(explained("NotFound", KUBERNETES).contains(
        r#"{"reason":"NotFound","message":"pods \"grafana\" not found","code":404,"kind":"Status","apiVersion":"v1","status":"Failure"}"#
    ));
    let table = explained("TableNotFound", ODATA);
    assert!(table.contains(
        r#"{"odata.error":{"code":"TableNotFound","message":{"value":"The table specified does not exist.","lang":"en-US"}}}"#
    ));
    assert!(
        table.contains("Header:           x-ms-error-code: TableNotFound\n"),
        "{table}"
    );
    assert!(
        explained("403001", INTEGER)
            .contains(r#"{"error":{"code":403001,"message":"Account 1234 is frozen"}}"#)
    );

    // The pages show the shape: a table of the members, and the header.
    let markdown = run(&["docs", KUBERNETES, "--format", "markdown"]).stdout;
    for row in [
        "| code | `/reason` | the error code, a JSON string |",
        "| status | `/code` | the HTTP status, a JSON number |",
        "| constant | `/kind` | always `\"Status\"` |",
    ] {
        assert!(markdown.contains(row), "{row}");
    }
    let markdown = run(&["docs", INTEGER, "--format", "markdown"]).stdout;
    assert!(markdown.contains("| code | `/error/code` | the error code, a JSON number |"));
    assert!(markdown.contains("The response header `x-error-code` carries the error code too."));
    let html = run(&["docs", ODATA, "--format", "html"]).stdout;
    assert!(html.contains(
        "<td data-label=\"Location\"><code>/odata.error/message/lang</code></td><td data-label=\"Value\">always <code>&quot;en-US&quot;</code></td>"
    ), "{html}");
    assert!(html.contains(
        "<p>The response header <code>x-ms-error-code</code> carries the error code too.</p>"
    ));
    // The flat shape keeps its one sentence.
    let seed = run(&["docs", SEED, "--format", "markdown"]).stdout;
    assert!(seed.contains("a JSON body with two keys: the error code under `errorCode`"));
    assert!(!seed.contains("| Member | Location | Value |"));
}

/// The OpenAPI `ErrorBody` follows the pointers down: nested objects, every member required,
/// integer codes as an integer `enum`, the status an integer, constants as a one-value `enum`,
/// and a
/// header on each response.
#[test]
fn openapi_error_body_is_the_nested_shape() {
    let document = |catalog: &str| -> serde_json::Value {
        serde_json::from_str(&run(&["docs", catalog, "--format", "openapi"]).stdout).expect("JSON")
    };
    let kubernetes = document(KUBERNETES);
    let body = &kubernetes["components"]["schemas"]["ErrorBody"];
    assert_eq!(body["type"], "object");
    assert_eq!(
        body["required"],
        serde_json::json!(["reason", "message", "code", "kind", "apiVersion", "status"])
    );
    assert_eq!(
        body["properties"]["reason"]["enum"],
        serde_json::json!(["NotFound", "AlreadyExists", "Invalid"])
    );
    assert_eq!(body["properties"]["code"]["type"], "integer");
    assert_eq!(
        body["properties"]["kind"]["enum"],
        serde_json::json!(["Status"])
    );
    assert_eq!(
        body["properties"]["status"]["enum"],
        serde_json::json!(["Failure"])
    );
    assert!(
        kubernetes["components"]["responses"]["Status404NotFound"]
            .get("headers")
            .is_none()
    );

    let odata = document(ODATA);
    let body = &odata["components"]["schemas"]["ErrorBody"];
    assert_eq!(body["required"], serde_json::json!(["odata.error"]));
    let error = &body["properties"]["odata.error"];
    assert_eq!(error["type"], "object");
    assert_eq!(error["required"], serde_json::json!(["code", "message"]));
    let message = &error["properties"]["message"];
    assert_eq!(message["type"], "object");
    assert_eq!(message["required"], serde_json::json!(["value", "lang"]));
    assert_eq!(message["properties"]["value"]["type"], "string");
    assert_eq!(
        message["properties"]["lang"]["enum"],
        serde_json::json!(["en-US"])
    );
    let header =
        &odata["components"]["responses"]["Status409Conflict"]["headers"]["x-ms-error-code"];
    assert_eq!(header["required"], true);
    assert_eq!(
        header["schema"]["enum"],
        serde_json::json!(["TableNotFound", "TableAlreadyExists"])
    );

    let integer = document(INTEGER);
    let code =
        &integer["components"]["schemas"]["ErrorBody"]["properties"]["error"]["properties"]["code"];
    assert_eq!(code["type"], "integer");
    assert_eq!(code["enum"], serde_json::json!([403001, 403002, 404001]));
}

/// `docs --format json` gives the whole wire: code type, status, constants in catalog order,
/// header; `null` and `[]` where the catalog says nothing.
#[test]
fn json_has_the_whole_wire() {
    let wire = |catalog: &str| -> serde_json::Value {
        let json: serde_json::Value =
            serde_json::from_str(&run(&["docs", catalog, "--format", "json"]).stdout)
                .expect("JSON");
        json["wire"].clone()
    };
    assert_eq!(
        wire(KUBERNETES),
        serde_json::json!({
            "code": "/reason", "message": "/message", "code_type": "string", "status": "/code",
            "fields": null,
            "constants": [
                { "location": "/kind", "value": "Status" },
                { "location": "/apiVersion", "value": "v1" },
                { "location": "/status", "value": "Failure" },
            ],
            "header": null,
        })
    );
    assert_eq!(
        wire(INTEGER),
        serde_json::json!({
            "code": "/error/code", "message": "/error/message", "code_type": "integer",
            "status": null, "fields": null, "constants": [], "header": "x-error-code",
        })
    );
    let json = run(&["docs", KUBERNETES, "--format", "json"]).stdout;
    assert!(
        compact_text(&json).contains(r#""wire":{"code":"/reason","message":"/message","code_type":"string","status":"/code","fields":null,"constants":[{"location":"/kind","value":"Status"},{"location":"/apiVersion""#),
        "the keys in the documented order"
    );
}

/// Retries and problem types in every output: the JSON model, a line per entry on the pages,
/// two lines of `explain`, and the `Retry-After` header of the OpenAPI responses whose status
/// has an entry that names a `retry_after` field.
#[test]
fn retries_and_problem_types_in_every_output() {
    let json: serde_json::Value =
        serde_json::from_str(&run(&["docs", RETRIES, "--format", "json"]).stdout).expect("JSON");
    assert_eq!(json["problem_base"], "https://api.example.com/problems/");
    assert_eq!(json["wire"]["fields"], "/error/details");
    let retries: Vec<(&str, bool, Option<&str>)> = json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|error| {
            (
                error["name"].as_str().expect("a name"),
                error["retryable"].as_bool().expect("a boolean"),
                error["retry_after"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        retries,
        [
            ("RateLimited", true, Some("seconds")),
            ("QuotaExhausted", false, None),
            ("BackupRunning", true, Some("wait")),
            ("Maintenance", true, None),
        ]
    );
    // The fields object of the example body: integers as numbers, a bool as a boolean, an
    // enum as a string.
    assert_eq!(
        json["errors"][0]["example_body"]["error"]["details"],
        serde_json::json!({"limit": 100, "window": "SECOND", "burst": true, "seconds": 30})
    );
    // Without them, the keys are still there, null.
    let seed: serde_json::Value =
        serde_json::from_str(&run(&["docs", SEED, "--format", "json"]).stdout).expect("JSON");
    assert_eq!(seed["problem_base"], serde_json::Value::Null);
    assert_eq!(seed["wire"]["fields"], serde_json::Value::Null);
    assert_eq!(seed["errors"][0]["retryable"], false);
    assert_eq!(seed["errors"][0]["retry_after"], serde_json::Value::Null);

    let markdown = run(&["docs", RETRIES, "--format", "markdown"]).stdout;
    assert!(markdown.contains(
        "\nIn RFC 9457 problem details, an error's `type` is `https://api.example.com/problems/` followed by its code.\n"
    ));
    let lines: Vec<&str> = markdown
        .lines()
        .filter(|line| line.starts_with("- **Retryable:**"))
        .collect();
    assert_eq!(
        lines,
        [
            "- **Retryable:** yes; the delay is the field `seconds` in seconds, sent as the `Retry-After` header",
            "- **Retryable:** no",
            "- **Retryable:** yes; the delay is the field `wait` in seconds, sent as the `Retry-After` header",
            "- **Retryable:** yes",
        ]
    );
    assert!(
        !run(&["docs", SEED, "--format", "markdown"])
            .stdout
            .contains("RFC 9457")
    );

    let html = run(&["docs", RETRIES, "--format", "html"]).stdout;
    assert!(html.contains(
        "<p>In RFC 9457 problem details, an error's <code>type</code> is <code>https://api.example.com/problems/</code> followed by its code.</p>"
    ));
    assert_eq!(html.matches("<dt>Retryable</dt><dd>yes").count(), 3);
    assert_eq!(html.matches("<dt>Retryable</dt><dd>no</dd>").count(), 1);
    assert!(html.contains("<dt>Retryable</dt><dd>yes; the delay is the field <code>wait</code> in seconds, sent as the <code>Retry-After</code> header</dd>"));

    let explained = run(&["explain", "RATE_LIMITED", "--catalog", RETRIES]).stdout;
    assert!(
        explained.contains("  Retryable:        yes\n"),
        "{explained}"
    );
    assert!(
        explained
            .contains("  Retry after:      {seconds} seconds, sent as the Retry-After header\n"),
        "{explained}"
    );
    assert!(
        explained.contains("  Problem type:     https://api.example.com/problems/RATE_LIMITED\n"),
        "{explained}"
    );
    let explained = run(&["explain", "QUOTA_EXHAUSTED", "--catalog", RETRIES]).stdout;
    assert!(
        explained.contains("  Retryable:        no\n"),
        "{explained}"
    );
    assert!(!explained.contains("Retry after:"), "{explained}");

    let openapi: serde_json::Value =
        serde_json::from_str(&run(&["docs", RETRIES, "--format", "openapi"]).stdout).expect("JSON");
    let responses = &openapi["components"]["responses"];
    let retry_after = |response: &str| responses[response]["headers"].get("Retry-After").cloned();
    // 409: its only entry sends the header; 429: one of two does; 503: none does.
    let conflict = retry_after("Status409Conflict").expect("a Retry-After header");
    assert_eq!(conflict["required"], true);
    assert_eq!(
        conflict["schema"],
        serde_json::json!({"type": "integer", "minimum": 0})
    );
    let too_many = retry_after("Status429TooManyRequests").expect("a Retry-After header");
    assert_eq!(too_many["required"], false);
    assert_eq!(retry_after("Status503ServiceUnavailable"), None);
    // The code header is still there beside it.
    assert!(responses["Status409Conflict"]["headers"]["x-error-code"].is_object());
    let seed_openapi: serde_json::Value =
        serde_json::from_str(&run(&["docs", SEED, "--format", "openapi"]).stdout).expect("JSON");
    for (name, response) in seed_openapi["components"]["responses"]
        .as_object()
        .expect("responses")
    {
        assert!(response.get("headers").is_none(), "{name}");
    }
}

/// Integer examples at the extremes of every type, and `retry_after` fields of both signs.
const INTEGERS: &str = "error-catalog-cli/tests/catalogs/integers.toml";
/// Catalog text that tries to inject structure into each output.
const INJECTION: &str = "tests/catalogs/injection.toml";
/// Catalog docs with code blocks of every kind.
const CODE_BLOCKS: &str = "tests/catalogs/code-blocks.toml";

/// The example bodies' `fields` objects, as the OpenAPI and JSON documents write them.
const EXTREME_FIELDS: [&str; 2] = [
    "{\"a\":255,\"b\":65535,\"c\":4294967295,\"d\":18446744073709551615,\
     \"e\":340282366920938463463374607431768211455,\"f\":18446744073709551615,\"g\":127,\
     \"h\":32767,\"i\":2147483647,\"j\":9223372036854775807,\
     \"k\":170141183460469231731687303715884105727,\"l\":9223372036854775807}",
    "{\"g\":-128,\"h\":-32768,\"i\":-2147483648,\"j\":-9223372036854775808,\
     \"k\":-170141183460469231731687303715884105728,\"l\":-9223372036854775808,\"zero\":0}",
];

#[test]
fn integer_examples_are_exact_in_openapi_and_json() {
    for format in ["openapi", "json"] {
        let run = run(&["docs", INTEGERS, "--format", format]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
        let compact = compact_text(&run.stdout);
        for fields in EXTREME_FIELDS {
            assert!(
                compact.contains(&format!("\"fields\":{fields}")),
                "{format}: {fields} not in {compact}"
            );
        }
        assert!(!run.stdout.contains("e+38"), "{format}");
    }
}

#[test]
fn retry_after_is_required_only_where_every_entry_sends_it() {
    let run = run(&["docs", INTEGERS, "--format", "openapi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let header = |response: &str| {
        document["components"]["responses"][response]["headers"]["Retry-After"].clone()
    };
    // An `i64` delay: a negative value sends no header.
    assert_eq!(header("Status429TooManyRequests")["required"], false);
    // A `u64` delay: always sent.
    assert_eq!(header("Status503ServiceUnavailable")["required"], true);
}

#[test]
fn code_blocks_stay_blocks_on_the_pages() {
    let markdown = run(&["docs", CODE_BLOCKS, "--format", "markdown"]).stdout;
    for block in [
        "A fence without a language:\n\n```\ncurl -i https://api.example.com/v1/backups\n```\n",
        "~~~~ json {.example}\n{\"code\": \"B100\", \"message\": \"no such backup\"}\n~~~~\n",
        "An indented block:\n\n    HTTP/1.1 404 Not Found\n",
        "- List the backups first:\n\n  ```sh,no_run\n  backup list --all\n  ```\n",
        "> `````\n> let x = ;\n> `````\n",
        "**Help:** Check the ID:\n\n```text\nbackup list | grep B-1\n```\n",
    ] {
        assert!(markdown.contains(block), "{block:?} not in\n{markdown}");
    }
    // A doc in a table cell: its code block as HTML, on the row's one line.
    assert!(
        markdown.contains(
            "| `id` | `String` | `B-1` | <p>The ID as sent:</p> <pre><code>{id}<br></code></pre> |\n"
        ),
        "{markdown}"
    );
    let html = run(&["docs", CODE_BLOCKS, "--format", "html"]).stdout;
    for block in [
        "<p>A fence without a language:</p>\n<pre><code>curl -i https://api.example.com/v1/backups\n</code></pre>\n",
        "<pre><code class=\"language-json\">{\"code\": \"B100\", \"message\": \"no such backup\"}\n</code></pre>\n",
        "<pre><code>HTTP/1.1 404 Not Found\n</code></pre>\n",
        "<dt>Help</dt><dd><p>Check the ID:</p>\n<pre><code class=\"language-text\">backup list | grep B-1\n</code></pre>\n</dd>",
        "<td data-label=\"Description\"><p>The ID as sent:</p>\n<pre><code>{id}\n</code></pre>\n</td>",
    ] {
        assert!(html.contains(block), "{block:?} not in\n{html}");
    }
}

#[test]
fn explain_escapes_terminal_sequences_of_catalog_text() {
    let run = run(&["explain", "EVIL", "--catalog", INJECTION]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'));
    for line in [
        "Code EVIL of the Evil # Injected title [t](javascript:alert(0)) \\u{1b}[31mred (tests/catalogs/injection.toml)\n",
        "                    # Injected meaning [m](javascript:alert(2)) \\u{1b}]8;;https://evil.example\\u{7}link\\u{1b}]8;;\\u{7}\n",
        "                    [j](javascript:alert(4)) \\u{1b}[2J\\u{1b}[H\n",
    ] {
        assert!(run.stdout.contains(line), "{line:?} not in\n{}", run.stdout);
    }
}

#[test]
fn markdown_page_keeps_its_structure_against_catalog_text() {
    let run = run(&["docs", INJECTION, "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = run.stdout;
    assert!(!page.contains('\u{1b}') && !page.contains("javascript:") && !page.contains("data:"));
    // The only headings are the page's own, and the docs' demoted under them.
    let headings: Vec<&str> = page.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# Evil # Injected title t \\u{1b}[31mred",
            "#### Injected doc heading",
            "## Status codes",
            "## Error codes",
            "### `EVIL` Evil",
            "#### Injected entry heading",
            "#### Injected help heading",
            "## Types",
            "### Kind",
            "## Retired codes",
        ]
    );
    for part in [
        "\nIntro click, img, &lt;script>alert(1)&lt;/script>, [ok](https://ok.example/a) and `<code>`.\n",
        "\n| 400 | Bad # Injected reason | Cell \\| pipe # Injected meaning m \\u{1b}]8;;https://evil.example\\u{7}link\\u{1b}]8;;\\u{7} |\n",
        "\n| [`EVIL`](#EVIL-Evil) | 400 Bad # Injected reason | Evil | `` Evil {kind} \\| `x` `` |\n",
        "\nDoc line\n#### Injected entry heading\nj \\u{1b}[2J\\u{1b}[H\n",
        "\n- **Status:** 400 Bad # Injected reason\n",
        "\n| `kind` | [`Kind`](#type-Kind) | `a\\|b` | field \\| doc # Injected field f ``a`b`` |\n",
        "\n**Help:** Help h `code` &lt;b>bold&lt;/b>\n#### Injected help heading\n",
        "\n&lt;img src=x onerror=alert(3)> k\n",
        "\n| `OLD` | note \\| pipe # Injected note r |\n",
    ] {
        assert!(page.contains(part), "{part:?} not in\n{page}");
    }
}

#[test]
fn html_page_keeps_its_structure_against_catalog_text() {
    let run = run(&["docs", INJECTION, "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = run.stdout;
    let lower = page.to_lowercase();
    // The title is plain text, its link text too; no catalog link leads to a script.
    for bad in [
        "href=\"javascript:",
        "href=\"data:",
        "<script",
        "<img",
        "<b>",
        "\u{1b}",
        "\u{7}",
    ] {
        assert!(!lower.contains(bad), "{bad:?} in the page");
    }
    for part in [
        "<title>Evil\n# Injected title [t](javascript:alert(0)) \\u{1b}[31mred: error codes</title>",
        "<p>Intro click, img, &lt;script&gt;alert(1)&lt;/script&gt;, <a href=\"https://ok.example/a\">ok</a> and <code>&lt;code&gt;</code>.</p>\n<h4>Injected doc heading</h4>\n",
        "<td data-label=\"Meaning\">Cell | pipe # Injected meaning m \\u{1b}]8;;https://evil.example\\u{7}link\\u{1b}]8;;\\u{7}</td>",
        "<p>Doc line</p>\n<h4>Injected entry heading</h4>\n<p>j \\u{1b}[2J\\u{1b}[H</p>\n",
        "<dt>Help</dt><dd>Help h <code>code</code> &lt;b&gt;bold&lt;/b&gt; # Injected help heading</dd>",
        "<td data-label=\"Description\">field | doc # Injected field f <code>a`b</code></td>",
        "<p>&lt;img src=x onerror=alert(3)&gt; k</p>",
        "<td data-label=\"Note\">note | pipe # Injected note r</td>",
    ] {
        assert!(page.contains(part), "{part:?} not in\n{page}");
    }
}

#[test]
fn openapi_descriptions_keep_only_safe_links() {
    let run = run(&["docs", INJECTION, "--format", "openapi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    // Descriptions are CommonMark (`info.title` and `summary` are plain text).
    fn descriptions(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match value {
                        serde_json::Value::String(text) if key == "description" => {
                            out.push(text.clone());
                        }
                        value => descriptions(value, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| descriptions(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    descriptions(&document, &mut all);
    assert_eq!(all.len(), 6, "{all:?}");
    for text in &all {
        assert!(
            !text.contains("javascript:") && !text.contains("data:"),
            "{text}"
        );
        assert!(!text.contains("<script") && !text.contains("<b>"), "{text}");
    }
    assert_eq!(
        document["info"]["description"],
        "Intro click, img, &lt;script>alert(1)&lt;/script>, [ok](https://ok.example/a) and `<code>`.\n\n#### Injected doc heading"
    );
    let example = &document["components"]["responses"]["Status400BadInjectedReason"]["content"]["application/json"]
        ["examples"]["Evil"];
    assert_eq!(
        example["description"],
        "Doc line\n#### Injected entry heading\nj \u{1b}[2J\u{1b}[H\n\nHelp h `code` &lt;b>bold&lt;/b>\n#### Injected help heading\n\nCode `EVIL`, message template `` Evil {kind} | `x` ``."
    );
    // A summary is plain text: the doc's first line as written.
    assert_eq!(example["summary"], "Doc line");
}

#[test]
fn an_empty_catalog_has_a_valid_openapi_schema() {
    // JSON Schema: an `enum` with no value matches nothing, so no body would be valid.
    let run = run(&["docs", "tests/catalogs/empty.toml", "--format", "openapi"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let code = &document["components"]["schemas"]["ErrorBody"]["properties"]["errorCode"];
    assert_eq!(code["type"], "string");
    assert_eq!(code.get("enum"), None, "{code}");
}

#[test]
fn docs_creates_the_directories_of_its_output_file() {
    let dir = temp_dir("docs-o-dirs");
    let file = dir.join("site/errors/index.html");
    let run = run(&[
        "docs",
        SEED,
        "--format",
        "html",
        "-o",
        &file.display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, format!("wrote `{}`\n", file.display()));
    assert!(
        std::fs::read_to_string(&file)
            .expect("written")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn docs_in_a_locale_write_its_messages_reasons_and_meanings() {
    let run = run(&["docs", SEED, "--format", "markdown", "--locale", "de-CH"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    // A translated entry, a translated status, and an entry that falls back to English.
    assert!(
        run.stdout
            .contains("`Speicherdetails für storageId = {storage_id} nicht gefunden`")
    );
    assert!(
        run.stdout
            .contains("| 404 | Nicht gefunden | Die Anfrage enthält Parameter")
    );
    assert!(
        run.stdout
            .contains("`No COMPLETED export found for backup = {backup_id}`")
    );
    assert!(!run.stdout.contains("Storage Details not found"));
    let html = run_ok(&["docs", SEED, "--format", "html", "--locale", "de"]);
    assert!(html.contains("<html lang=\"de\">"), "{html}");
    assert!(html.contains("Export läuft bereits"));
    // The default locale's page is the page without `--locale`.
    assert_eq!(
        run_ok(&["docs", SEED, "--format", "markdown", "--locale", "en"]),
        run_ok(&["docs", SEED, "--format", "markdown"])
    );
}

#[test]
fn docs_in_a_locale_the_catalog_does_not_have_is_a_usage_error() {
    let run = run(&["docs", SEED, "--format", "markdown", "--locale", "fr"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("has no locale `fr`: its locales are `en`, `de`"),
        "{}",
        run.stderr
    );
}

/// The stdout of a successful run.
fn run_ok(args: &[&str]) -> String {
    let run = run(args);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{args:?}");
    run.stdout
}
