//! Retries and RFC 9457 problem types.

use super::{Diff, DiffRule, Place, Section};
use crate::model::{Catalog, Entry};

/// What every entry's RFC 9457 problem type starts with, its code following: `problem_base`,
/// else `{docs_url}#`; `None` for `about:blank`.
pub(super) fn problem_type_base(catalog: &Catalog) -> Option<String> {
    match (&catalog.problem_base, &catalog.docs_url) {
        (Some(base), _) => Some(base.value.clone()),
        (None, Some(url)) => Some(format!("{}#", url.value)),
        (None, None) => None,
    }
}

impl Diff<'_, '_> {
    /// `[catalog] problem_base` and, without it, `docs_url`: the base of every entry's RFC 9457
    /// problem type (`problem-type-changed`, `problem-type-added`).
    pub(super) fn problem_types(&mut self) {
        let here = Place::new(Section::Header, 0);
        let (was, is) = (
            problem_type_base(self.old.catalog),
            problem_type_base(self.new.catalog),
        );
        if was == is {
            return;
        }
        let show = |base: &Option<String>| match base {
            Some(base) => format!("`{base}{{code}}`"),
            None => "`about:blank`".to_owned(),
        };
        let rule = if was.is_none() {
            DiffRule::ProblemTypeAdded
        } else {
            DiffRule::ProblemTypeChanged
        };
        self.push(
            rule,
            here,
            None,
            format!(
                "the problem type of every entry changed from {} to {}",
                show(&was),
                show(&is)
            ),
        );
    }

    /// Whether an entry is retryable, and the field of its retry delay
    /// (`retryable-withdrawn`, `retryable-granted`, `retry-after-changed`,
    /// `retry-after-added`).
    pub(super) fn retries(&mut self, was: &Entry, is: &Entry, here: Place, name: &str) {
        match (was.is_retryable(), is.is_retryable()) {
            (true, false) => self.push(
                DiffRule::RetryableWithdrawn,
                here,
                Some(is),
                format!(
                    "{name}: is no longer retryable (status {}{}), but old clients retry it",
                    is.status.value,
                    if is.retryable.is_some() {
                        ", `retryable = false`"
                    } else {
                        ""
                    }
                ),
            ),
            (false, true) => self.push(
                DiffRule::RetryableGranted,
                here,
                Some(is),
                format!(
                    "{name}: is now retryable (status {}{}); old clients do not retry it",
                    is.status.value,
                    if is.retryable.is_some() {
                        ", `retryable = true`"
                    } else {
                        ""
                    }
                ),
            ),
            _ => {}
        }
        let field = |e: &Entry| e.retry_after.as_ref().map(|f| f.value.clone());
        match (field(was), field(is)) {
            (Some(old_field), Some(new_field)) if old_field != new_field => self.push(
                DiffRule::RetryAfterChanged,
                here,
                Some(is),
                format!(
                    "{name}: the retry delay moved from the field `{old_field}` to `{new_field}`; old clients read it from `{old_field}`"
                ),
            ),
            (Some(old_field), None) => self.push(
                DiffRule::RetryAfterChanged,
                here,
                Some(is),
                format!(
                    "{name}: `retry_after` was removed; old clients still read a retry delay from the field `{old_field}`"
                ),
            ),
            (None, Some(new_field)) => self.push(
                DiffRule::RetryAfterAdded,
                here,
                Some(is),
                format!("{name}: the retry delay is now the field `{new_field}`"),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

    #[test]
    fn retryable_withdrawn_is_breaking_and_granted_compatible() {
        // A 503 is retryable by default; `retryable = false` withdraws it.
        let findings = diff(
            &with_header("", &busy(503, "")),
            &with_header("", &busy(503, "retryable = false")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryableWithdrawn]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "`Busy` (code `BUSY`): is no longer retryable (status 503, `retryable = false`)",
        );
        // The other way round, and `retryable = true` on a 409.
        let findings = diff(
            &with_header("", &busy(503, "retryable = false")),
            &with_header("", &busy(503, "")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryableGranted]);
        let findings = diff(
            &with_header("", &busy(409, "")),
            &with_header("", &busy(409, "retryable = true")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryableGranted]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "is now retryable (status 409, `retryable = true`)",
        );
        // Saying what the status says already is no change.
        assert_eq!(
            diff(
                &with_header("", &busy(503, "")),
                &with_header("", &busy(503, "retryable = true"))
            ),
            []
        );
        // A status that leaves 429, 503 and 504 withdraws the default too.
        let findings = diff(
            &with_header("", &busy(503, "")),
            &with_header("", &busy(409, "")),
        );
        assert_eq!(
            rules(&findings),
            [DiffRule::StatusChanged, DiffRule::RetryableWithdrawn]
        );
    }

    #[test]
    fn retry_after_removed_or_moved_is_breaking_and_added_compatible() {
        let at = |field: &str| busy(503, &format!("retry_after = \"{field}\""));
        let findings = diff(
            &with_header("", &at("seconds")),
            &with_header("", &busy(503, "")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryAfterChanged]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "`retry_after` was removed; old clients still read a retry delay from the field `seconds`",
        );
        let findings = diff(
            &with_header("", &at("seconds")),
            &with_header("", &at("attempts")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryAfterChanged]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "the retry delay moved from the field `seconds` to `attempts`",
        );
        let findings = diff(
            &with_header("", &busy(503, "")),
            &with_header("", &at("seconds")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryAfterAdded]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "the retry delay is now the field `seconds`",
        );
        assert_eq!(
            diff(
                &with_header("", &at("seconds")),
                &with_header("", &at("seconds"))
            ),
            []
        );
    }

    /// The findings about problem types from the `[catalog]` lines `old` to `new`.
    fn problem_diff(old: &str, new: &str) -> Vec<(DiffRule, String)> {
        let entries = storage_not_found(STORAGE, "");
        diff(&with_header(old, &entries), &with_header(new, &entries))
            .into_iter()
            .filter(|f| f.rule != DiffRule::DocChanged)
            .map(|f| (f.rule, f.message))
            .collect()
    }

    #[test]
    fn problem_types_changed_are_breaking_and_added_compatible() {
        const BASE: &str = "problem_base = \"https://x.dev/problems/\"";
        const OTHER: &str = "problem_base = \"https://x.dev/errors/\"";
        const DOCS: &str = "docs_url = \"https://x.dev/docs\"";
        assert_eq!(
            problem_diff(BASE, OTHER),
            [(
                DiffRule::ProblemTypeChanged,
                "the problem type of every entry changed from `https://x.dev/problems/{code}` to `https://x.dev/errors/{code}`"
                    .to_owned()
            )]
        );
        assert_eq!(
            problem_diff(BASE, ""),
            [(
                DiffRule::ProblemTypeChanged,
                "the problem type of every entry changed from `https://x.dev/problems/{code}` to `about:blank`"
                    .to_owned()
            )]
        );
        // From the docs page's anchors to a base of their own: the types change.
        assert_eq!(
            problem_diff(DOCS, &format!("{DOCS}\n{BASE}")),
            [(
                DiffRule::ProblemTypeChanged,
                "the problem type of every entry changed from `https://x.dev/docs#{code}` to `https://x.dev/problems/{code}`"
                    .to_owned()
            )]
        );
        // Without a base, the docs_url's change changes the types; with one, it does not.
        assert_eq!(
            rules(&diff(
                &with_header(DOCS, ""),
                &with_header("docs_url = \"https://x.dev/help\"", "")
            )),
            [DiffRule::ProblemTypeChanged, DiffRule::DocChanged]
        );
        assert_eq!(problem_diff(&format!("{DOCS}\n{BASE}"), BASE), []);
        // From `about:blank` to types of their own.
        assert_eq!(
            problem_diff("", BASE),
            [(
                DiffRule::ProblemTypeAdded,
                "the problem type of every entry changed from `about:blank` to `https://x.dev/problems/{code}`"
                    .to_owned()
            )]
        );
        assert_eq!(problem_diff(BASE, BASE), []);
    }
}
