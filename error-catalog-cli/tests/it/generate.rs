//! `error-catalog generate typescript`: the module of the seed catalog (a snapshot of its
//! catalog part; the runtime that follows is the same for every catalog), `-o`, names that
//! the module needs for itself, and catalog text that TypeScript must not read as code.
//! That the modules typecheck and read responses as the Rust client does is tested by the
//! workspace's `tests` package, with `tsc` and `node`.

use error_catalog_codegen::typescript::runtime;

use crate::common::{run, temp_dir};

const SEED: &str = "catalog/backup-restore.toml";

/// A module's text before its runtime, which it must end with.
fn catalog_part(module: &str) -> &str {
    module
        .strip_suffix(runtime())
        .expect("the module ends with the runtime")
}

#[test]
fn typescript_module_of_the_seed_catalog() {
    let run = run(&["generate", "typescript", SEED]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    insta::assert_snapshot!("generate_typescript", catalog_part(&run.stdout));
}

#[test]
fn generate_writes_to_a_file_with_o() {
    let dir = temp_dir("generate-o");
    let file = dir.join("web/src/backup-errors.ts");
    let path = file.display().to_string();
    let written = run(&["generate", "typescript", SEED, "-o", &path]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert_eq!(written.stdout, "");
    assert_eq!(written.stderr, format!("wrote `{path}`\n"));
    let text = std::fs::read_to_string(&file).expect("the module is written");
    assert_eq!(text, run(&["generate", "typescript", SEED]).stdout);

    let under_a_file = file.join("x.ts").display().to_string();
    let failed = run(&["generate", "typescript", SEED, "--output", &under_a_file]);
    assert_eq!(failed.code, 1);
    assert!(
        failed.stderr.starts_with("error: cannot write `"),
        "{}",
        failed.stderr
    );
}

/// A catalog in a temporary directory.
fn catalog(name: &str, text: &str) -> String {
    let file = temp_dir(name).join("api.toml");
    std::fs::write(&file, text).expect("the catalog is written");
    file.display().to_string()
}

#[test]
fn an_entry_named_unrecognized_is_refused_with_a_reason() {
    let path = catalog(
        "unrecognized",
        "[catalog]\ntitle = \"API\"\n\n[status.404]\n\n\
         [errors.Unrecognized]\ncode = \"1\"\nstatus = 404\nmessage = \"Nothing\"\n",
    );
    let run = run(&["generate", "typescript", &path]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "error: `{path}`: entry `Unrecognized` cannot be told apart from what `parseError` \
             gives for a response it does not recognize, whose `name` is `Unrecognized` too; \
             rename the entry\n"
        )
    );
}

#[test]
fn names_the_module_needs_are_given_to_entries_and_enums_with_a_suffix() {
    let path = catalog(
        "names",
        "[catalog]\ntitle = \"API\"\n\n[status.400]\n\n\
         [types.Record]\nvalues = [\"a\", \"b\"]\n\n\
         [errors.Error]\ncode = \"1\"\nstatus = 400\nmessage = \"Bad {kind}\"\n\
         fields.kind = { type = \"Record\" }\n\n\
         [errors.CatalogError]\ncode = \"2\"\nstatus = 400\nmessage = \"Worse\"\n\n\
         [errors.Map]\ncode = \"3\"\nstatus = 400\nmessage = \"Worst\"\n",
    );
    let run = run(&["generate", "typescript", &path]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let module = catalog_part(&run.stdout);
    for declaration in [
        "export type Record_ = \"a\" | \"b\";",
        "export interface Error_ {\n  readonly name: \"Error\";",
        "export interface CatalogError_ {\n  readonly name: \"CatalogError\";",
        "export interface Map_ {\n  readonly name: \"Map\";",
        "    readonly kind: Record_;",
        "export interface CatalogErrors {\n  Error: Error_;\n  CatalogError: CatalogError_;\n  Map: Map_;\n}",
    ] {
        assert!(
            module.contains(declaration),
            "no `{declaration}` in:\n{module}"
        );
    }
}

#[test]
fn catalog_text_stays_text_in_strings_and_comments() {
    let path = catalog(
        "text",
        "[catalog]\ntitle = \"API */ alert(1) /*\"\n\n[status.400]\n\n\
         [errors.Quoted]\ncode = \"q1\"\nstatus = 400\n\
         message = \"He said \\\"{what}\\\" \\\\ */ \\u2028 done\"\n\
         doc = \"Ends */ here\\nand a ${template} `tick`\"\n",
    );
    let run = run(&["generate", "typescript", &path]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let module = catalog_part(&run.stdout);
    // No comment is closed by catalog text: in the comments' lines, the only `*/` is the one
    // that ends the comment.
    let comments = module.lines().filter(|line| {
        let line = line.trim_start();
        line.starts_with("/**") || line.starts_with('*')
    });
    for line in comments.filter(|line| line.contains("*/")) {
        assert!(line.trim_end().ends_with("*/"), "{line}");
        assert_eq!(line.matches("*/").count(), 1, "{line}");
    }
    assert!(
        module.contains(r#"title: "API */ alert(1) /*","#),
        "{module}"
    );
    assert!(
        module.contains(r#"template: ["He said \"", 0, "\" \\ */ \u{2028} done"]"#),
        "{module}"
    );
}
