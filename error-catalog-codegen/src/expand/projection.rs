//! The per-variant arms that the runtime cannot write: `Generated::index` (a variant's entry)
//! and `Generated::parts` (its entry and its field values), from which the runtime renders,
//! serializes and answers every question about a value.

use proc_macro2::{Ident, TokenStream};
use quote::{ToTokens, format_ident, quote};

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

/// The body of `Generated::parts`: one arm per shape of variant, which hands the value's
/// entry and its fields, as `Value`s, to `__visit`.
///
/// Variants whose fields have the same types, in the same order, share one arm through an
/// or-pattern (`Self::A { id: __f0 } | Self::B { name: __f0 } => ..`), and that arm takes
/// the entry's index from `index`: a catalog has far fewer shapes than entries (most
/// messages have a string or two), so the match has few arms to check and build.
pub(super) fn parts_body(catalog: &Catalog, plan: &Plan, private: &TokenStream) -> TokenStream {
    if plan.variants.is_empty() {
        return quote!(match *self {});
    }
    // Each shape (the fields' types, and how each is given as a `Value`) with its variants,
    // in the order of their first variant.
    let mut shapes: Vec<(String, Vec<TokenStream>, Vec<&PlannedVariant>)> = Vec::new();
    for (variant, entry) in plan.entries(catalog) {
        let values = values(entry, variant, plan.generated_enums, private);
        let key = variant
            .fields
            .iter()
            .map(|field| field.ty.to_token_stream().to_string())
            .chain(values.iter().map(ToString::to_string))
            .collect::<Vec<_>>()
            .join("\n");
        match shapes.iter_mut().find(|(shape, _, _)| *shape == key) {
            Some((_, _, variants)) => variants.push(variant),
            None => shapes.push((key, values, vec![variant])),
        }
    }
    let arms = shapes.iter().map(|(_, values, variants)| {
        let patterns = variants.iter().map(|variant| {
            let ident = &variant.ident;
            if variant.fields.is_empty() {
                quote!(Self::#ident)
            } else {
                let names = variant.fields.iter().map(|field| &field.ident);
                let bindings = (0..variant.fields.len()).map(binding);
                quote!(Self::#ident { #(#names: #bindings),* })
            }
        });
        let index = match variants.as_slice() {
            [variant] => {
                let index = variant.index;
                quote!(#index)
            }
            _ => quote!(<Self as #private::Generated>::index(self)),
        };
        quote!(#(#patterns)|* => __visit(#index, &[#(#values),*]),)
    });
    quote!(match self { #(#arms)* })
}

/// The binding of the field at `index` of a variant in its arm.
fn binding(index: usize) -> Ident {
    format_ident!("__f{}", index)
}

/// The fields of a variant as `Value`s, from their bindings. A catalog enum the user declares
/// is written through its `Display`, having no `as_str` that generated code can rely on.
fn values(
    entry: &Entry,
    variant: &PlannedVariant,
    generated_enums: bool,
    private: &TokenStream,
) -> Vec<TokenStream> {
    let value = quote!(#private::Value);
    entry
        .fields
        .iter()
        .take(variant.fields.len())
        .enumerate()
        .map(|(index, field)| {
            let binding = binding(index);
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
        })
        .collect()
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
