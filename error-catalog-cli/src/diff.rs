//! `error-catalog diff OLD NEW [--format human|json|sarif|github]`: the changes between two
//! versions of a catalog, as [`error_catalog_codegen::diff`] finds them, each with its stable
//! rule name and its class, breaking or compatible.
//!
//! The human format has one line per finding, breaking ones first: the class, the rule, the
//! code and entry it is about, and the message. The machine formats ([`crate::formats`])
//! write the same findings in the same order, breaking ones as errors and compatible ones as
//! notes, each pointing at what it is about in the new catalog (in the old one for what only
//! the old one has); a JSON line also has the finding's `rule`, `class`, `entry`,
//! `error_code` (the catalog code; `entry` and `error_code` are `null` for a change to the
//! catalog as a whole) and `version` (`"new"` or `"old"`, the catalog its span points into),
//! and the summary line has the count of each class and both files. The exit code is 1 when
//! anything is breaking, 0 otherwise, and 2 when a catalog does not load (whose diagnostics
//! the machine formats write as `check` does).

use std::fmt::Write as _;
use std::path::Path;

use error_catalog_codegen::Report;
use error_catalog_codegen::diff::{Class, Finding, Version};

use crate::formats::{Format, Item, RuleInfo};
use crate::json::{Json, Object};
use crate::{EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Loaded, Outcome};

/// Compares the catalogs at `old` and `new`. Catalogs that do not load get their diagnostics
/// (on stderr in the human format, on stdout in the others) and exit code 2.
pub fn run(old: &Path, new: &Path, format: Format, color: bool) -> Outcome {
    let (old, new) = match (crate::load(old), crate::load(new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => return not_loaded(old, new, format, color),
    };
    let findings = sorted(error_catalog_codegen::diff::diff(
        &old.checked,
        &new.checked,
    ));
    let breaking = findings.iter().filter(|f| is_breaking(f)).count();
    let compatible = findings.len() - breaking;
    let stdout = match format {
        Format::Human => render_text(&findings),
        _ => {
            let items: Vec<Item<'_>> = findings.iter().map(|f| item(f, &old, &new)).collect();
            let summary = Object::new()
                .with("breaking", breaking)
                .with("compatible", compatible)
                .with("old", old.source.name())
                .with("new", new.source.name());
            crate::formats::render(format, &items, summary)
        }
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

/// The outcome when a catalog does not load: its diagnostics, exit code 2.
fn not_loaded(
    old: Result<Loaded, Report>,
    new: Result<Loaded, Report>,
    format: Format,
    color: bool,
) -> Outcome {
    let name = |side: &Result<Loaded, Report>| match side {
        Ok(loaded) => loaded.source.name().to_owned(),
        Err(report) => report.source.name().to_owned(),
    };
    let (old_name, new_name) = (name(&old), name(&new));
    let reports: Vec<Report> = [old.err(), new.err()].into_iter().flatten().collect();
    if format == Format::Human {
        let texts: Vec<String> = reports
            .iter()
            .map(|report| crate::report_text(report, color))
            .collect();
        return Outcome {
            stdout: String::new(),
            stderr: texts.join("\n"),
            code: EXIT_USAGE,
        };
    }
    let items: Vec<Item<'_>> = reports
        .iter()
        .flat_map(|report| {
            report
                .diagnostics
                .iter()
                .map(|diagnostic| Item::diagnostic(diagnostic, &report.source))
        })
        .collect();
    let summary = Object::new()
        .with("breaking", None::<usize>)
        .with("compatible", None::<usize>)
        .with("old", old_name)
        .with("new", new_name);
    Outcome {
        stdout: crate::formats::render(format, &items, summary),
        stderr: reports.iter().map(crate::closing_line).collect(),
        code: EXIT_USAGE,
    }
}

/// A finding for the machine formats, pointing into the version of the catalog it is about.
fn item<'s>(finding: &Finding, old: &'s Loaded, new: &'s Loaded) -> Item<'s> {
    let source = match finding.version {
        Version::Old => &old.source,
        Version::New => &new.source,
    };
    Item {
        rule: RuleInfo::diff(finding.rule),
        message: finding.message.clone(),
        source,
        span: finding.span.clone(),
        label: None,
        related: Vec::new(),
        children: Vec::new(),
        rendered: render_text(std::slice::from_ref(finding)),
        extra: vec![
            ("rule", Json::from(finding.rule.name())),
            ("class", Json::from(class_name(finding.rule.class()))),
            ("entry", Json::from(finding.entry.as_deref())),
            ("error_code", Json::from(finding.code.as_deref())),
            ("version", Json::from(finding.version.name())),
        ],
        identity: format!(
            "{}\0{}\0{}",
            finding.code.as_deref().unwrap_or(""),
            finding.entry.as_deref().unwrap_or(""),
            finding.message
        ),
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
            version: Version::New,
            span: None,
        }
    }

    #[test]
    fn breaking_findings_come_first() {
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

        assert_eq!(render_text(&[]), "");
    }
}
