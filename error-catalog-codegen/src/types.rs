//! Field types: from the type a catalog writes to what the field is ([`FieldType`]) and the
//! Rust type that generated code names (`syn::Type`), both resolved once.

use proc_macro2::{Ident, Span};

use error_catalog_template::Int;

use crate::model::{EnumType, FieldType};

/// Resolves a type as written in the catalog (already trimmed), or `None` when it names no
/// type the catalog knows.
pub(crate) fn resolve(text: &str, types: &[EnumType]) -> Option<(FieldType, syn::Type)> {
    if text == "String" {
        return Some((FieldType::String, syn::parse_quote!(::std::string::String)));
    }
    if text == "bool" {
        return Some((FieldType::Bool, syn::parse_quote!(::core::primitive::bool)));
    }
    if let Some(int) = Int::from_name(text) {
        let ident = Ident::new(int.name(), Span::call_site());
        return Some((
            FieldType::Integer(int),
            syn::parse_quote!(::core::primitive::#ident),
        ));
    }
    if let Some(index) = types.iter().position(|t| t.name.value == text) {
        return Some((FieldType::Enum(index), enum_type(text)));
    }
    if text.contains("::")
        && let Ok(path) = syn::parse_str::<syn::Path>(text)
    {
        return Some((FieldType::External(text.to_owned()), path_type(path)));
    }
    None
}

/// The type of a field that uses the catalog enum `name`. A name that is not an identifier
/// gives `_`: the checks reject such a name, so no expansion ever writes it.
fn enum_type(name: &str) -> syn::Type {
    match syn::parse_str::<syn::Ident>(name) {
        Ok(ident) => path_type(ident.into()),
        Err(_) => syn::Type::Infer(syn::TypeInfer {
            attrs: Vec::new(),
            underscore_token: Default::default(),
        }),
    }
}

/// The type that a path names.
fn path_type(path: syn::Path) -> syn::Type {
    syn::Type::Path(syn::TypePath {
        attrs: Vec::new(),
        qself: None,
        path,
    })
}

/// The type of a field whose declared type did not resolve: `String`, so that the field still
/// has a type while the catalog's diagnostics are collected.
pub(crate) fn fallback() -> (FieldType, syn::Type) {
    (FieldType::String, syn::parse_quote!(::std::string::String))
}
