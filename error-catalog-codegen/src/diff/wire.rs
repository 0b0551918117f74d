//! The wire shape: where the code, the message, the status and the fields travel.

use super::{Diff, DiffRule, Place, Section};

impl Diff<'_, '_> {
    /// `[catalog] wire`: the locations of the code and the message (`wire-key-changed`), then
    /// the code type, the status, the constants and the header (`wire-changed`,
    /// `wire-member-added`).
    pub(super) fn wire(&mut self) {
        let (old, new) = (&self.old.catalog.wire, &self.new.catalog.wire);
        let here = Place::new(Section::Header, 0);
        for (what, was, is) in [
            ("code", &old.code.value, &new.code.value),
            ("message", &old.message.value, &new.message.value),
        ] {
            if !same_location(was, is) {
                self.push(
                    DiffRule::WireKeyChanged,
                    here,
                    None,
                    format!("the wire key of the {what} changed from `{was}` to `{is}`"),
                );
            }
        }
        if old.code_type.value != new.code_type.value {
            self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the wire code type changed from `{}` to `{}`",
                    old.code_type.value.name(),
                    new.code_type.value.name()
                ),
            );
        }
        match (&old.status, &new.status) {
            (None, None) => {}
            (Some(was), Some(is)) if same_location(&was.value, &is.value) => {}
            (Some(was), Some(is)) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the wire location of the status changed from `{}` to `{}`",
                    was.value, is.value
                ),
            ),
            (Some(was), None) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the status is no longer sent in the body (it was at `{}`)",
                    was.value
                ),
            ),
            (None, Some(is)) => self.push(
                DiffRule::WireMemberAdded,
                here,
                None,
                format!("the status is now sent in the body, at `{}`", is.value),
            ),
        }
        match (&old.fields, &new.fields) {
            (None, None) => {}
            (Some(was), Some(is)) if same_location(&was.value, &is.value) => {}
            (Some(was), Some(is)) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the wire location of the fields object changed from `{}` to `{}`",
                    was.value, is.value
                ),
            ),
            (Some(was), None) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the fields object is no longer sent in the body (it was at `{}`)",
                    was.value
                ),
            ),
            (None, Some(is)) => self.push(
                DiffRule::WireMemberAdded,
                here,
                None,
                format!(
                    "the fields object is now sent in the body, at `{}`",
                    is.value
                ),
            ),
        }
        for was in &old.constants {
            let is = new
                .constants
                .iter()
                .find(|c| same_location(&c.location.value, &was.location.value));
            match is {
                None => self.push(
                    DiffRule::WireChanged,
                    here,
                    None,
                    format!(
                        "the wire constant at `{}` (`{}`) was removed",
                        was.location.value, was.value.value
                    ),
                ),
                Some(is) if is.value.value != was.value.value => self.push(
                    DiffRule::WireChanged,
                    here,
                    None,
                    format!(
                        "the wire constant at `{}` changed from `{}` to `{}`",
                        was.location.value, was.value.value, is.value.value
                    ),
                ),
                Some(_) => {}
            }
        }
        for is in &new.constants {
            if !old
                .constants
                .iter()
                .any(|c| same_location(&c.location.value, &is.location.value))
            {
                self.push(
                    DiffRule::WireMemberAdded,
                    here,
                    None,
                    format!(
                        "the wire constant `{}` at `{}` was added",
                        is.value.value, is.location.value
                    ),
                );
            }
        }
        match (&old.header, &new.header) {
            (None, None) => {}
            (Some(was), Some(is)) if was.value.eq_ignore_ascii_case(&is.value) => {}
            (Some(was), Some(is)) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the header that carries the code changed from `{}` to `{}`",
                    was.value, is.value
                ),
            ),
            (Some(was), None) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!("the header `{}` no longer carries the code", was.value),
            ),
            (None, Some(is)) => self.push(
                DiffRule::WireMemberAdded,
                here,
                None,
                format!("the header `{}` now carries the code", is.value),
            ),
        }
    }
}

/// Whether two wire locations name the same place in the body: the same keys from the
/// top-level object down (`errorCode` is `/errorCode`), or, when either is malformed, the same
/// text.
pub(super) fn same_location(a: &str, b: &str) -> bool {
    match (crate::wire::path(a), crate::wire::path(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

    #[test]
    fn wire_key_changed() {
        let wire = |code: &str| {
            load_text(&format!(
                "[catalog]\ntitle = \"Storage API\"\nwire = {{ code = \"{code}\", message = \"errorMessage\" }}\n"
            ))
        };
        let found = diff(&wire("errorCode"), &wire("code"));
        assert_eq!(rules(&found), [DiffRule::WireKeyChanged]);
        assert_finding(
            &found[0],
            None,
            None,
            "the wire key of the code changed from `errorCode` to `code`",
        );
        // The default keys are `code` and `message`.
        let default = load_text("[catalog]\ntitle = \"Storage API\"\n");
        assert_eq!(diff(&default, &wire("code")).len(), 1);
        assert_eq!(
            diff(&wire("code"), &default)[0].rule,
            DiffRule::WireKeyChanged
        );
    }

    #[test]
    fn wire_locations_compare_as_places() {
        // A pointer to a top-level member is its bare key.
        assert_eq!(
            wire_diff(
                r#"code = "errorCode", message = "errorMessage""#,
                r#"code = "/errorCode", message = "/errorMessage""#
            ),
            []
        );
        // A nested location is another place.
        let found = wire_diff(r#"code = "code", message = "message""#, NESTED);
        assert_eq!(
            found,
            [
                (
                    DiffRule::WireKeyChanged,
                    "the wire key of the code changed from `code` to `/error/code`".to_owned()
                ),
                (
                    DiffRule::WireKeyChanged,
                    "the wire key of the message changed from `message` to `/error/message`"
                        .to_owned()
                ),
            ]
        );
        // `~1` is `/`: a key with a slash, not a nested object.
        assert_eq!(
            wire_diff(
                r#"code = "/a~1b", message = "m""#,
                r#"code = "/a/b", message = "m""#
            )
            .len(),
            1
        );
    }

    #[test]
    fn wire_code_type_changed() {
        let integer = format!(r#"{NESTED}, code_type = "integer""#);
        for (old, new, from, to) in [
            (NESTED, integer.as_str(), "string", "integer"),
            (integer.as_str(), NESTED, "integer", "string"),
        ] {
            assert_eq!(
                wire_diff(old, new),
                [(
                    DiffRule::WireChanged,
                    format!("the wire code type changed from `{from}` to `{to}`")
                )]
            );
        }
        // Saying the default is no change.
        assert_eq!(
            wire_diff(NESTED, &format!(r#"{NESTED}, code_type = "string""#)),
            []
        );
    }

    #[test]
    fn wire_status_added_removed_moved() {
        let at = |location: &str| format!(r#"{NESTED}, status = "{location}""#);
        assert_eq!(
            wire_diff(NESTED, &at("/error/status")),
            [(
                DiffRule::WireMemberAdded,
                "the status is now sent in the body, at `/error/status`".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&at("/error/status"), NESTED),
            [(
                DiffRule::WireChanged,
                "the status is no longer sent in the body (it was at `/error/status`)".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&at("/error/status"), &at("/status")),
            [(
                DiffRule::WireChanged,
                "the wire location of the status changed from `/error/status` to `/status`"
                    .to_owned()
            )]
        );
        assert_eq!(wire_diff(&at("/status"), &at("status")), []);
    }

    #[test]
    fn wire_constants_added_removed_changed() {
        let with = |constants: &str| format!("{NESTED}, constants = {{ {constants} }}");
        let old = with(r#""/kind" = "Status", "/apiVersion" = "v1""#);
        // Removed, changed, added: breaking first, then compatible, each in catalog order.
        let new = with(r#""/apiVersion" = "v2", "/status" = "Failure""#);
        let found = diff(&with_wire(&old), &with_wire(&new));
        assert_eq!(
            rules(&found),
            [
                DiffRule::WireChanged,
                DiffRule::WireChanged,
                DiffRule::WireMemberAdded
            ]
        );
        assert_finding(
            &found[0],
            None,
            None,
            "the wire constant at `/kind` (`Status`) was removed",
        );
        assert_finding(
            &found[1],
            None,
            None,
            "the wire constant at `/apiVersion` changed from `v1` to `v2`",
        );
        assert_finding(
            &found[2],
            None,
            None,
            "the wire constant `Failure` at `/status` was added",
        );
        assert_eq!(
            Class::Compatible,
            found[2].rule.class(),
            "adding a member is compatible"
        );
        // Reordered, or a bare key for its pointer: the same constants.
        let same = with(r#""apiVersion" = "v1", "/kind" = "Status""#);
        assert_eq!(wire_diff(&old, &same), []);
        // From none to some, and back.
        assert_eq!(
            rules(&diff(&with_wire(NESTED), &with_wire(&old))),
            [DiffRule::WireMemberAdded, DiffRule::WireMemberAdded]
        );
        assert_eq!(
            rules(&diff(&with_wire(&old), &with_wire(NESTED))),
            [DiffRule::WireChanged, DiffRule::WireChanged]
        );
    }

    #[test]
    fn wire_header_added_removed_renamed() {
        let header = |name: &str| format!(r#"{NESTED}, header = "{name}""#);
        assert_eq!(
            wire_diff(NESTED, &header("x-ms-error-code")),
            [(
                DiffRule::WireMemberAdded,
                "the header `x-ms-error-code` now carries the code".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&header("x-ms-error-code"), NESTED),
            [(
                DiffRule::WireChanged,
                "the header `x-ms-error-code` no longer carries the code".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&header("x-ms-error-code"), &header("x-error-code")),
            [(
                DiffRule::WireChanged,
                "the header that carries the code changed from `x-ms-error-code` to `x-error-code`"
                    .to_owned()
            )]
        );
        // HTTP header names have no case.
        assert_eq!(
            wire_diff(&header("x-ms-error-code"), &header("X-MS-Error-Code")),
            []
        );
    }

    #[test]
    fn wire_fields_added_removed_moved() {
        let at = |location: &str| format!(r#"{NESTED}, fields = "{location}""#);
        assert_eq!(
            wire_diff(NESTED, &at("/error/details")),
            [(
                DiffRule::WireMemberAdded,
                "the fields object is now sent in the body, at `/error/details`".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&at("/error/details"), NESTED),
            [(
                DiffRule::WireChanged,
                "the fields object is no longer sent in the body (it was at `/error/details`)"
                    .to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&at("/error/details"), &at("details")),
            [(
                DiffRule::WireChanged,
                "the wire location of the fields object changed from `/error/details` to `details`"
                    .to_owned()
            )]
        );
        assert_eq!(wire_diff(&at("/details"), &at("details")), []);
    }
}
