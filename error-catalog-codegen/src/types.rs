//! Field types: from the type a catalog writes to what the field is.

use crate::diag::{Ctxt, Diagnostic, Rule};
use crate::model::{EnumType, FieldType, INTEGER_TYPES, Spanned};
use crate::names;

/// Resolves a type as written in the catalog.
pub(crate) fn resolve_type(
    cx: &mut Ctxt,
    ty: &Spanned<String>,
    types: &[EnumType],
) -> Option<FieldType> {
    let text = ty.value.trim();
    if text == "String" {
        return Some(FieldType::String);
    }
    if text == "bool" {
        return Some(FieldType::Bool);
    }
    if let Some(int) = INTEGER_TYPES.iter().find(|&&t| t == text) {
        return Some(FieldType::Integer(int));
    }
    if let Some(index) = types.iter().position(|t| t.name.value == text) {
        return Some(FieldType::Enum(index));
    }
    if text.contains("::") && syn::parse_str::<syn::Path>(text).is_ok() {
        return Some(FieldType::External(text.to_owned()));
    }
    if matches!(text, "f32" | "f64") {
        cx.push(
            Diagnostic::new(
                Rule::UnknownFieldType,
                ty.span.clone(),
                format!("unknown field type `{}`", ty.value),
            )
            .label("floating-point fields are not supported")
            .help(
                "a float rarely renders back to the text it was parsed from: use `String`, \
                 or an external type by path that implements `Display + FromStr`",
            ),
        );
        return None;
    }
    let known = ["String", "bool"]
        .into_iter()
        .chain(INTEGER_TYPES.iter().copied())
        .chain(types.iter().map(|t| t.name.value.as_str()));
    let mut diagnostic = Diagnostic::new(
        Rule::UnknownFieldType,
        ty.span.clone(),
        format!("unknown field type `{}`", ty.value),
    )
    .label("not a known type");
    diagnostic = match names::closest(text, known) {
        Some(near) => diagnostic.help(format!("did you mean `{near}`?")),
        None => diagnostic.help(
            "use `String`, `bool`, an integer type such as `u32`, a catalog enum from `[types.*]`, \
             or an external type by its full path, such as `uuid::Uuid`",
        ),
    };
    cx.push(diagnostic);
    None
}
