//! The per-variant arms of `Generated::build`: a value of an entry from the text of its
//! placeholders. Each field is one call of a runtime function, chosen by its type.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Plan, PlannedVariant};
use crate::model::{Catalog, Entry, FieldType};

/// The body of `Generated::build`.
pub(super) fn build_body(catalog: &Catalog, plan: &Plan, private: &TokenStream) -> TokenStream {
    if plan.variants.is_empty() {
        return quote!(::core::result::Result::Err(::core::primitive::usize::MAX));
    }
    let arms = plan
        .entries(catalog)
        .map(|(variant, entry)| build_arm(entry, variant, private));
    quote! {
        let __texts = &mut #private::Texts::new(__text);
        let __value = match __index {
            #(#arms)*
            _ => return ::core::result::Result::Err(::core::primitive::usize::MAX),
        };
        #private::Texts::finish(__texts, __value)
    }
}

/// `3 => Self::V { a: string(__texts, 0), b: integer(__texts, 1) },`: each field from the
/// text of its first placeholder (a field used twice is compared with the message once
/// built; see `verify_rendering`). Strings, `bool`s and integers take a value that cannot
/// fail, the failure being recorded in `__texts`, so that the arm has no early return (and
/// no drop of the fields built before it); other types, which have no value to stand in,
/// return early.
fn build_arm(entry: &Entry, variant: &PlannedVariant, private: &TokenStream) -> TokenStream {
    let (index, ident) = (variant.index, &variant.ident);
    if variant.fields.is_empty() {
        return quote!(#index => Self::#ident,);
    }
    let placeholders: Vec<usize> = entry.placeholders().collect();
    let fields = variant.fields.iter().zip(&entry.fields).enumerate().map(
        |(field_index, (field, catalog_field))| {
            let (name, ty) = (&field.ident, &field.ty);
            let capture = placeholders
                .iter()
                .position(|&f| f == field_index)
                .unwrap_or(0);
            let value = match catalog_field.ty {
                FieldType::String => quote!(#private::string(__texts, #capture)),
                FieldType::Bool => quote!(#private::boolean(__texts, #capture)),
                FieldType::Integer(_) => quote!(#private::integer(__texts, #capture)),
                _ => quote!(#private::parse::<#ty>(__texts, #capture)?),
            };
            quote!(#name: #value,)
        },
    );
    quote!(#index => Self::#ident { #(#fields)* },)
}
