//! Examples: the example a field gets when the catalog gives none, and what makes an example
//! valid for its type.

use crate::model::{EnumType, FieldType};

/// The example of a well-known external type, which needs no example in the catalog.
pub(crate) fn known_external_example(path: &str) -> Option<&'static str> {
    let path = path.trim_start_matches("::");
    let path = ["std::", "core::"]
        .iter()
        .find_map(|root| path.strip_prefix(root))
        .unwrap_or(path);
    Some(match path {
        "uuid::Uuid" => "67e55044-10b1-426f-9247-bb680e5fe0c8",
        "net::IpAddr" | "net::Ipv4Addr" => "192.0.2.1",
        "net::Ipv6Addr" => "2001:db8::1",
        "net::SocketAddr" | "net::SocketAddrV4" => "192.0.2.1:8080",
        "num::NonZeroU8" | "num::NonZeroU16" | "num::NonZeroU32" | "num::NonZeroU64"
        | "num::NonZeroUsize" | "num::NonZeroI8" | "num::NonZeroI16" | "num::NonZeroI32"
        | "num::NonZeroI64" | "num::NonZeroIsize" => "42",
        _ => return None,
    })
}

/// The example of a field with none given: one derived from its type.
pub(crate) fn default_example(name: &str, ty: &FieldType, types: &[EnumType]) -> String {
    match ty {
        // Letters and digits only, so that the example is unlikely to contain the literal text
        // that follows its placeholder and so splits back from the example message.
        FieldType::External(path) => {
            known_external_example(path).map_or_else(|| name.replace('_', ""), str::to_owned)
        }
        FieldType::String => name.replace('_', ""),
        FieldType::Bool => "true".to_owned(),
        FieldType::Integer(_) => "42".to_owned(),
        FieldType::Enum(index) => types[*index]
            .values
            .first()
            .map(|v| v.value.clone())
            .unwrap_or_default(),
    }
}
