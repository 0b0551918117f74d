//! The error body's object tree, as the generated code stores it, and the server side:
//! writing a value of the enum into it.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::__private::Generated;
use crate::table::{Parts, with_parts};
use crate::{CodeType, WireSpec};

/// One member of an object of the error body: its key and what it holds.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct WireMember {
    /// The key, unescaped.
    pub key: &'static str,
    /// What the key holds.
    pub node: WireNode,
}

/// What a member of the error body holds.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WireNode {
    /// A nested object.
    Object(&'static [WireMember]),
    /// The error code.
    Code,
    /// The rendered message.
    Message,
    /// The HTTP status, as an integer.
    Status,
    /// The object of the error's typed fields.
    Fields,
    /// A fixed string.
    Constant(&'static str),
}

impl WireNode {
    /// Whether the code, the message or the fields lie at or under this node: what a client
    /// reads.
    pub(crate) fn holds_what_is_read(&self) -> bool {
        self.holds(WireNode::Code) || self.holds(WireNode::Message) || self.holds(WireNode::Fields)
    }

    /// Whether `leaf` (the code, the message or the fields) is this node or lies under it.
    pub(crate) fn holds(&self, leaf: WireNode) -> bool {
        match self {
            WireNode::Object(members) => members.iter().any(|m| m.node.holds(leaf)),
            node => *node == leaf,
        }
    }
}

/// The body of the generated `Serialize`: the catalog's object tree, each member written
/// straight into the serializer, with no intermediate value or string.
pub(crate) fn serialize<E, S>(error: &E, serializer: S) -> Result<S::Ok, S::Error>
where
    E: Generated,
    S: Serializer,
{
    let wire = &E::catalog().wire;
    with_parts(error, |parts| serialize_parts(wire, parts, serializer)).unwrap_or_else(|| {
        Err(serde::ser::Error::custom(
            "a value out of its catalog's tables",
        ))
    })
}

/// The body of the generated `Serialize` of a catalog whose shape is flat: the code and the
/// message as top-level members, the code a string. The same bytes as [`serialize`], with
/// only the code that shape needs, so that each crate that serializes the enum compiles less
/// for each serializer.
pub(crate) fn serialize_flat<E, S>(error: &E, serializer: S) -> Result<S::Ok, S::Error>
where
    E: Generated,
    S: Serializer,
{
    let layout = E::catalog().wire.layout;
    with_parts(error, |parts| {
        let mut object = serializer.serialize_struct("ErrorBody", layout.len())?;
        for member in layout {
            match member.node {
                WireNode::Code => object.serialize_field(member.key, parts.spec.code)?,
                WireNode::Message => object.serialize_field(member.key, &Message(parts))?,
                // A flat shape has no other member.
                _ => {}
            }
        }
        object.end()
    })
    .unwrap_or_else(|| {
        Err(serde::ser::Error::custom(
            "a value out of its catalog's tables",
        ))
    })
}

/// The body of the error of `parts` in the catalog's shape `wire`: generic over the
/// serializer only, so that each serializer has one copy of it whatever the number of enums
/// and variants.
pub(crate) fn serialize_parts<S: Serializer>(
    wire: &WireSpec,
    parts: Parts<'_>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let integer_code = wire.code_type == CodeType::Integer;
    // The common flat shape, `{"code":"..","message":".."}`, written without walking the tree.
    if let (
        [
            WireMember {
                key: code,
                node: WireNode::Code,
            },
            WireMember {
                key: message,
                node: WireNode::Message,
            },
        ],
        false,
    ) = (wire.layout, integer_code)
    {
        let mut object = serializer.serialize_struct("ErrorBody", 2)?;
        object.serialize_field(code, parts.spec.code)?;
        object.serialize_field(message, &Message(parts))?;
        return object.end();
    }
    Object {
        members: wire.layout,
        integer_code,
        parts,
    }
    .serialize(serializer)
}

/// One object of the body, for the error of `parts`.
struct Object<'e> {
    members: &'static [WireMember],
    integer_code: bool,
    parts: Parts<'e>,
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_struct("ErrorBody", self.members.len())?;
        for member in self.members {
            match member.node {
                WireNode::Object(members) => object.serialize_field(
                    member.key,
                    &Object {
                        members,
                        integer_code: self.integer_code,
                        parts: self.parts,
                    },
                )?,
                WireNode::Code => {
                    let code = self.parts.spec.code;
                    // A catalog with integer codes has only codes that parse: the macro
                    // checked them. A hand-made value that does not is sent as a string.
                    if self.integer_code
                        && let Ok(number) = code.parse::<i64>()
                    {
                        object.serialize_field(member.key, &number)?
                    } else {
                        object.serialize_field(member.key, code)?
                    }
                }
                WireNode::Message => object.serialize_field(member.key, &Message(self.parts))?,
                WireNode::Status => object.serialize_field(member.key, &self.parts.spec.status)?,
                WireNode::Fields => object.serialize_field(member.key, &Fields(self.parts))?,
                WireNode::Constant(value) => object.serialize_field(member.key, value)?,
            }
        }
        object.end()
    }
}

/// The object of the error's typed fields, each under its name.
struct Fields<'e>(Parts<'e>);

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.values.len()))?;
        for (field, value) in self.0.fields() {
            map.serialize_entry(field.name, value)?;
        }
        map.end()
    }
}

/// A field's value written with `Display`: strings, catalog enums and external types.
#[doc(hidden)]
pub struct Text<'v, T: ?Sized>(pub &'v T);

impl<T: fmt::Display + ?Sized> Serialize for Text<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// The message, rendered straight into the serializer: a template without placeholders as
/// one string, any other through the serializer's `collect_str`.
pub(crate) struct Message<'e>(pub(crate) Parts<'e>);

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.literal() {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(&self.0),
        }
    }
}
