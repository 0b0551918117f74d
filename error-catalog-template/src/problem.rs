//! The name of a field's extension member in an RFC 9457 problem details object: one
//! function each way, for the code generator that writes the member and the client that
//! reads it back.

use std::borrow::Cow;

/// The standard members of an RFC 9457 problem details object (`type`, `title`, `status`,
/// `detail`, `instance`) and `code`, the extension member that carries the error code: a
/// field never takes one of these names as its member.
pub const PROBLEM_RESERVED: [&str; 6] = ["type", "title", "status", "detail", "instance", "code"];

/// The prefix of an escaped member name.
const ESCAPE: &str = "field_";

/// The name of a field's extension member in a problem details object: `field_<name>` for a
/// name in [`PROBLEM_RESERVED`] or one that starts with `field_`, the name itself otherwise.
///
/// The escaping is reversible ([`problem_field`]): `type` is `field_type`, `field_type` is
/// `field_field_type`, and `storage_id` is `storage_id`, so no two fields share a member.
///
/// ```
/// use error_catalog_template::problem_member;
///
/// assert_eq!(problem_member("storage_id"), "storage_id");
/// assert_eq!(problem_member("type"), "field_type");
/// assert_eq!(problem_member("field_type"), "field_field_type");
/// ```
pub fn problem_member(field: &str) -> Cow<'_, str> {
    if member_is_escaped(field) {
        Cow::Owned(format!("{ESCAPE}{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// Whether the extension member of `field` is escaped: `field_` followed by the name
/// ([`problem_member`] without building the string).
///
/// ```
/// assert!(error_catalog_template::member_is_escaped("status"));
/// assert!(!error_catalog_template::member_is_escaped("storage_id"));
/// ```
pub fn member_is_escaped(field: &str) -> bool {
    PROBLEM_RESERVED.contains(&field) || field.starts_with(ESCAPE)
}

/// The field whose extension member is `member`, the inverse of [`problem_member`]: one
/// `field_` prefix removed when what follows is a name that [`problem_member`] escapes,
/// `member` itself when it is neither escaped nor a name in [`PROBLEM_RESERVED`], and `None`
/// for a member that is no field's: a standard member, `code`, or `field_<name>` where
/// `<name>` is not escaped (`field_storage_id`).
///
/// ```
/// use error_catalog_template::problem_field;
///
/// assert_eq!(problem_field("storage_id"), Some("storage_id"));
/// assert_eq!(problem_field("field_type"), Some("type"));
/// assert_eq!(problem_field("field_field_type"), Some("field_type"));
/// assert_eq!(problem_field("type"), None);
/// assert_eq!(problem_field("field_storage_id"), None);
/// ```
pub fn problem_field(member: &str) -> Option<&str> {
    match member.strip_prefix(ESCAPE) {
        Some(name) => {
            (PROBLEM_RESERVED.contains(&name) || name.starts_with(ESCAPE)).then_some(name)
        }
        None => (!PROBLEM_RESERVED.contains(&member)).then_some(member),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 14] = [
        "type",
        "title",
        "status",
        "detail",
        "instance",
        "code",
        "field_type",
        "field_field_type",
        "field_code",
        "field_",
        "field",
        "storage_id",
        "message",
        "field_storage_id",
    ];

    #[test]
    fn every_field_comes_back_from_its_member() {
        for name in NAMES {
            let member = problem_member(name);
            assert_eq!(problem_field(&member), Some(name), "{name}");
        }
    }

    #[test]
    fn no_two_fields_share_a_member() {
        for a in NAMES {
            for b in NAMES {
                if a != b {
                    assert_ne!(problem_member(a), problem_member(b), "{a} {b}");
                }
            }
        }
    }

    #[test]
    fn a_member_that_is_a_field_is_that_fields_member() {
        for member in NAMES.iter().copied().chain(["field_field_", "field_x"]) {
            if let Some(field) = problem_field(member) {
                assert_eq!(problem_member(field), member, "{member}");
            } else {
                // No field is written under it.
                assert!(
                    NAMES.iter().all(|name| problem_member(name) != member),
                    "{member}"
                );
            }
        }
    }
}
