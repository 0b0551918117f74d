//! The Rust enum of each catalog enum (`[types.*]`), with `as_str`, `CatalogEnum`, `Display`
//! and `FromStr`, for the attribute and for `#[derive(CatalogEnum)]`.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::checked_ident;
use super::docs::{block_doc, code_span, doc_lines};
use crate::model::EnumType;

pub(super) fn catalog_enum(ty: &EnumType, vis: &syn::Visibility) -> TokenStream {
    let name = checked_ident(&ty.name.value);
    let mut doc = String::new();
    if !ty.doc.is_empty() {
        doc.push_str(&format!("{}\n\n", block_doc(&ty.doc)));
    }
    doc.push_str("A catalog enum: each variant is one wire value.");
    let doc = doc_lines(&doc);
    let variants = ty.values.iter().zip(&ty.variants).map(|(value, variant)| {
        let ident = checked_ident(variant);
        let doc = format!(" {}", code_span(&value.value));
        quote!(#[doc = #doc] #ident,)
    });
    quote! {
        #doc
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::cmp::PartialOrd, ::core::cmp::Ord, ::core::hash::Hash)]
        #vis enum #name {
            #(#variants)*
        }
    }
}

pub(super) fn catalog_enum_impls(ty: &EnumType, krate: &syn::Path) -> TokenStream {
    let name = checked_ident(&ty.name.value);
    let idents: Vec<Ident> = ty.variants.iter().map(|v| checked_ident(v)).collect();
    let values: Vec<&String> = ty.values.iter().map(|v| &v.value).collect();
    let shared = catalog_enum_trait_impls(ty, &name, krate, true);
    quote! {
        #[automatically_derived]
        impl #name {
            /// Every value, in catalog order.
            pub const ALL: &'static [Self] = &[#(Self::#idents),*];

            /// The value as spelled on the wire.
            pub const fn as_str(&self) -> &'static ::core::primitive::str {
                match self {
                    #(Self::#idents => #values,)*
                }
            }
        }

        #shared
    }
}

/// `CatalogEnum`, `Display` and `FromStr` for the Rust enum `name` whose variants are the
/// values of the catalog enum `ty` under their generated names, with the catalog's wire
/// spellings: the one generation of them, for the attribute's enums and for
/// `#[derive(CatalogEnum)]`. With `inherent_as_str`, the enum has the attribute's inherent
/// `as_str`, which the impls call; without, `CatalogEnum::as_str` matches itself.
pub(crate) fn catalog_enum_trait_impls(
    ty: &EnumType,
    name: &Ident,
    krate: &syn::Path,
    inherent_as_str: bool,
) -> TokenStream {
    let type_name = &ty.name.value;
    let idents: Vec<Ident> = ty.variants.iter().map(|v| checked_ident(v)).collect();
    let values: Vec<&String> = ty.values.iter().map(|v| &v.value).collect();
    let (as_str_body, display_text) = if inherent_as_str {
        (quote!(Self::as_str(self)), quote!(self.as_str()))
    } else {
        (
            quote!(match self { #(Self::#idents => #values,)* }),
            quote!(<Self as #krate::CatalogEnum>::as_str(self)),
        )
    };
    quote! {
        #[automatically_derived]
        impl #krate::CatalogEnum for #name {
            const VALUES: &'static [&'static ::core::primitive::str] = &[#(#values),*];

            fn as_str(&self) -> &'static ::core::primitive::str {
                #as_str_body
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __f.pad(#display_text)
            }
        }

        #[automatically_derived]
        impl ::core::str::FromStr for #name {
            type Err = #krate::UnknownValue;

            fn from_str(__text: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                match __text {
                    #(#values => ::core::result::Result::Ok(Self::#idents),)*
                    _ => ::core::result::Result::Err(#krate::__private::unknown_value(#type_name, __text)),
                }
            }
        }
    }
}
