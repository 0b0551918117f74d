//! `error-catalog diff OLD NEW [--format text|json]`: the changes between two versions of a
//! catalog, as [`error_catalog_codegen::diff`] finds them, each with its stable rule name and
//! its class, breaking or compatible.
//!
//! The text format has one line per finding, breaking ones first: the class, the rule, the
//! code and entry it is about, and the message. The JSON format, for CI, is
//! `{"breaking": n, "compatible": n, "findings": [{"rule", "class", "code", "entry",
//! "message"}]}`, in the same order, `code` and `entry` `null` for a change to the catalog as
//! a whole. The exit code is 1 when anything is breaking, 0 otherwise, and 2 when a catalog
//! does not load.

use std::fmt::Write as _;
use std::path::Path;

use error_catalog_codegen::diff::{Class, Finding};

use crate::json::{Json, Object, pretty};
use crate::{EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Outcome};

/// The output formats of `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// One line per finding, for people.
    Text,
    /// One JSON document, for CI.
    Json,
}

/// Compares the catalogs at `old` and `new`. Catalogs that do not load get their diagnostics
/// on stderr and exit code 2.
pub fn run(old: &Path, new: &Path, format: Format, color: bool) -> Outcome {
    let (old, new) = match (crate::load(old), crate::load(new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let reports: Vec<String> = [old.err(), new.err()]
                .into_iter()
                .flatten()
                .map(|report| crate::report_text(&report, color))
                .collect();
            return Outcome {
                stdout: String::new(),
                stderr: reports.join("\n"),
                code: EXIT_USAGE,
            };
        }
    };
    let findings = sorted(error_catalog_codegen::diff::diff(
        &old.checked,
        &new.checked,
    ));
    let breaking = findings.iter().filter(|f| is_breaking(f)).count();
    let compatible = findings.len() - breaking;
    let stdout = match format {
        Format::Text => render_text(&findings),
        Format::Json => render_json(&findings),
    };
    let stderr = if findings.is_empty() {
        format!(
            "no changes between `{}` and `{}`\n",
            old.source.name(),
            new.source.name()
        )
    } else {
        format!(
            "{breaking} breaking change{}, {compatible} compatible change{}\n",
            plural(breaking),
            plural(compatible)
        )
    };
    Outcome {
        stdout,
        stderr,
        code: if breaking > 0 { EXIT_FAILURE } else { EXIT_OK },
    }
}

/// The findings, breaking ones first, each class in the engine's order.
pub fn sorted(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by_key(|finding| !is_breaking(finding));
    findings
}

/// Whether a finding is breaking.
fn is_breaking(finding: &Finding) -> bool {
    finding.rule.class() == Class::Breaking
}

/// The class's name: `breaking` or `compatible`.
pub fn class_name(class: Class) -> &'static str {
    if class == Class::Breaking {
        "breaking"
    } else {
        "compatible"
    }
}

/// One line per finding, in aligned columns: the class, the rule, the code and entry it is
/// about (`-` for a change to the catalog as a whole), and the message:
/// `breaking    status-changed  128 ConflictingStorageName  ...`.
pub fn render_text(findings: &[Finding]) -> String {
    let subjects: Vec<String> = findings.iter().map(subject).collect();
    let rule_width = findings
        .iter()
        .map(|finding| finding.rule.name().len())
        .max()
        .unwrap_or(0);
    let subject_width = subjects
        .iter()
        .map(|subject| subject.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (finding, subject) in findings.iter().zip(&subjects) {
        let _ = writeln!(
            out,
            "{:<10}  {:<rule_width$}  {subject:<subject_width$}  {}",
            class_name(finding.rule.class()),
            finding.rule.name(),
            finding.message.replace(['\r', '\n'], " ")
        );
    }
    out
}

/// The code and entry a finding is about, or `-`.
fn subject(finding: &Finding) -> String {
    let parts: Vec<&str> = [finding.code.as_deref(), finding.entry.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        "-".to_owned()
    } else {
        parts.join(" ")
    }
}

/// The findings as JSON, with the count of each class.
pub fn render_json(findings: &[Finding]) -> String {
    let breaking = findings.iter().filter(|f| is_breaking(f)).count();
    let items: Vec<Json> = findings
        .iter()
        .map(|finding| {
            Object::new()
                .with("rule", finding.rule.name())
                .with("class", class_name(finding.rule.class()))
                .with("code", finding.code.as_deref())
                .with("entry", finding.entry.as_deref())
                .with("message", &finding.message)
                .into()
        })
        .collect();
    pretty(
        &Object::new()
            .with("breaking", breaking)
            .with("compatible", findings.len() - breaking)
            .with("findings", items),
    )
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use error_catalog_codegen::diff::DiffRule;

    use super::*;

    fn finding(rule: DiffRule, code: Option<&str>, entry: Option<&str>, message: &str) -> Finding {
        Finding {
            rule,
            code: code.map(str::to_owned),
            entry: entry.map(str::to_owned),
            message: message.to_owned(),
        }
    }

    #[test]
    fn breaking_findings_come_first_in_both_formats() {
        let added = finding(
            DiffRule::EntryAdded,
            Some("150"),
            Some("QuotaExceeded"),
            "added",
        );
        let wire = finding(DiffRule::WireKeyChanged, None, None, "wire\nkey");
        let removed = finding(DiffRule::CodeRemoved, Some("143"), Some("Gone"), "removed");
        let findings = sorted(vec![added.clone(), wire.clone(), removed.clone()]);
        assert_eq!(findings, [wire.clone(), removed.clone(), added.clone()]);

        let width = [&added, &wire, &removed]
            .iter()
            .map(|f| f.rule.name().len())
            .max()
            .unwrap_or(0);
        let line = |f: &Finding, subject: &str| {
            format!(
                "{:<10}  {:<width$}  {subject:<17}  {}\n",
                class_name(f.rule.class()),
                f.rule.name(),
                f.message.replace('\n', " ")
            )
        };
        assert_eq!(
            render_text(&findings),
            [
                line(&wire, "-"),
                line(&removed, "143 Gone"),
                line(&added, "150 QuotaExceeded")
            ]
            .concat()
        );
        assert!(render_text(&findings).starts_with("breaking  "));

        let json: serde_json::Value = serde_json::from_str(&render_json(&findings)).expect("JSON");
        assert_eq!(json["breaking"], 2);
        assert_eq!(json["compatible"], 1);
        assert_eq!(
            json["findings"][0],
            serde_json::json!({
                "rule": wire.rule.name(), "class": "breaking", "code": null, "entry": null,
                "message": "wire\nkey",
            })
        );
        assert_eq!(json["findings"][1]["code"], "143");
        assert_eq!(json["findings"][2]["class"], "compatible");
        assert_eq!(render_text(&[]), "");
        assert_eq!(
            render_json(&[]),
            "{\n  \"breaking\": 0,\n  \"compatible\": 0,\n  \"findings\": []\n}\n"
        );
    }
}
