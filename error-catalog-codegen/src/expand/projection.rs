//! The per-variant arms that the runtime cannot write: `Generated::index` (a variant's entry)
//! and `Generated::parts` (its entry and its field values), from which the runtime renders,
//! serializes and answers every question about a value.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::{Plan, PlannedVariant};
use crate::model::{Catalog, Entry, FieldType};

/// The body of `Generated::index`: one arm per variant, giving its entry's index.
pub(super) fn index_body(plan: &Plan) -> TokenStream {
    if plan.variants.is_empty() {
        // An enum with no variants: a catalog with no errors yet.
        return quote!(match *self {});
    }
    let arms = plan.variants.iter().map(|variant| {
        let (ident, index) = (&variant.ident, variant.index);
        quote!(Self::#ident { .. } => #index,)
    });
    quote!(match self { #(#arms)* })
}

/// The body of `Generated::parts`: one arm per variant, which hands its entry's index and
/// its fields, as `Value`s, to `__visit`.
pub(super) fn parts_body(catalog: &Catalog, plan: &Plan, private: &TokenStream) -> TokenStream {
    if plan.variants.is_empty() {
        return quote!(match *self {});
    }
    let arms = plan
        .entries(catalog)
        .map(|(variant, entry)| parts_arm(entry, variant, plan.generated_enums, private));
    quote!(match self { #(#arms)* })
}

/// The arm of `parts` for one variant: `Self::V { a: __f0, .. } => __visit(3, &[..])`. A
/// catalog enum the user declares is written through its `Display`, having no `as_str` that
/// generated code can rely on.
fn parts_arm(
    entry: &Entry,
    variant: &PlannedVariant,
    generated_enums: bool,
    private: &TokenStream,
) -> TokenStream {
    let (ident, index) = (&variant.ident, variant.index);
    if variant.fields.is_empty() {
        return quote!(Self::#ident => __visit(#index, &[]),);
    }
    let bindings: Vec<Ident> = (0..variant.fields.len())
        .map(|i| format_ident!("__f{}", i))
        .collect();
    let names = variant.fields.iter().map(|field| &field.ident);
    let values = entry.fields.iter().zip(&bindings).map(|(field, binding)| {
        let value = quote!(#private::Value);
        match &field.ty {
            FieldType::String => quote!(#value::Str(#binding)),
            FieldType::Bool => quote!(#value::Bool(*#binding)),
            FieldType::Integer(int) => {
                let kind = integer_value(int.name());
                quote!(#value::#kind(*#binding))
            }
            FieldType::Enum(_) if generated_enums => {
                quote!(#value::Str(#binding.as_str()))
            }
            FieldType::Enum(_) | FieldType::External(_) => quote!(#value::Display(#binding)),
        }
    });
    quote!(Self::#ident { #(#names: #bindings),* } => __visit(#index, &[#(#values),*]),)
}

/// The `Value` variant of an integer type: `u32` is `U32`, `isize` is `Isize`.
fn integer_value(name: &str) -> Ident {
    let mut chars = name.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase());
    format_ident!(
        "{}{}",
        first.map(String::from).unwrap_or_default(),
        chars.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::integer_value;

    #[test]
    fn integer_values_are_named_after_their_types() {
        for (name, value) in [
            ("u8", "U8"),
            ("i128", "I128"),
            ("isize", "Isize"),
            ("usize", "Usize"),
        ] {
            assert_eq!(integer_value(name).to_string(), value);
        }
    }
}
