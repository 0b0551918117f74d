//! The error body's object tree, as the generated code stores it, and the server side:
//! writing a value of the enum into it.

use std::fmt;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::{CatalogError, CodeType};

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
    /// A fixed string.
    Constant(&'static str),
}

impl WireNode {
    /// Whether the code or the message lies at or under this node.
    pub(crate) fn holds_code_or_message(&self) -> bool {
        self.holds(WireNode::Code) || self.holds(WireNode::Message)
    }

    /// Whether `leaf` (the code or the message) is this node or lies under it.
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
    E: CatalogError,
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

impl<E: CatalogError> Serialize for Object<'_, E> {
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
                WireNode::Constant(value) => object.serialize_field(member.key, value)?,
            }
        }
        object.end()
    }
}

/// The message, rendered by `Display` straight into the serializer.
struct Message<'e, E>(&'e E);

impl<E: fmt::Display> Serialize for Message<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}
