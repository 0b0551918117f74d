//! The error body's object tree, as the generated code stores it, and the server side:
//! writing a value of the enum into it.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::__private::Generated;
use crate::CodeType;

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
        object.serialize_field(code, error.code())?;
        object.serialize_field(message, &Message(error))?;
        return object.end();
    }
    Object {
        members: wire.layout,
        integer_code,
        error,
    }
    .serialize(serializer)
}

/// One object of the body, for the error `error`.
struct Object<'e, E> {
    members: &'static [WireMember],
    integer_code: bool,
    error: &'e E,
}

impl<E: Generated> Serialize for Object<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut object = serializer.serialize_struct("ErrorBody", self.members.len())?;
        for member in self.members {
            match member.node {
                WireNode::Object(members) => object.serialize_field(
                    member.key,
                    &Object {
                        members,
                        integer_code: self.integer_code,
                        error: self.error,
                    },
                )?,
                WireNode::Code => {
                    let code = self.error.code();
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
                WireNode::Message => object.serialize_field(member.key, &Message(self.error))?,
                WireNode::Status => {
                    object.serialize_field(member.key, &self.error.status().as_u16())?
                }
                WireNode::Fields => object.serialize_field(member.key, &Fields(self.error))?,
                WireNode::Constant(value) => object.serialize_field(member.key, value)?,
            }
        }
        object.end()
    }
}

/// The object of the error's typed fields, each under its name.
struct Fields<'e, E>(&'e E);

impl<E: Generated> Serialize for Fields<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        self.0.write_fields(&mut map, false)?;
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

/// The message, rendered by `Display` straight into the serializer.
struct Message<'e, E>(&'e E);

impl<E: fmt::Display> Serialize for Message<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}
