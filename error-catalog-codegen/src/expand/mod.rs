//! Token generation: from a [`Checked`] catalog to the error enum and its impls.
//!
//! Every path in the output is absolute (`::core::`, `::std::`, the runtime crate's path), so
//! the code compiles whatever the user's module has in scope.

mod catalog_enum;
mod construct;
mod docs;
mod projection;
mod tables;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::check::{self, Checked};
use crate::model::{Catalog, Entry};
use crate::names;

pub(crate) use catalog_enum::catalog_enum_trait_impls;
use catalog_enum::{catalog_enum, catalog_enum_impls};
use docs::{enum_doc, variant_decl};

/// What the expansion needs besides the catalog.
pub struct Options {
    /// The runtime crate's path, `::error_catalog` unless re-rooted.
    pub krate: syn::Path,
    /// The catalog file's absolute path, so the compiler rebuilds when it changes.
    pub tracked_path: Option<String>,
    /// The catalog file as the user named it, for docs.
    pub display_path: String,
}

/// The error enum and everything generated for it.
///
/// `item` is the enum the catalog was checked for (see [`crate::load`]); its name, visibility
/// and attributes are kept. Should a catalog enum have its name, the output is that diagnostic
/// as a compile error and the enum as written.
pub fn expand(catalog: &Checked, item: &syn::DeriveInput, options: &Options) -> TokenStream {
    expand_entries(catalog, item, options, None)
}

/// [`expand`] for the entries at `entries` (indices into the catalog's entries, in catalog
/// order) or, with `None`, for every entry. The enum's metadata still describes the whole
/// catalog; a code the enum does not cover is an unknown code to its client, as for a derived
/// subset.
pub(crate) fn expand_entries(
    catalog: &Checked,
    item: &syn::DeriveInput,
    options: &Options,
    entries: Option<&[usize]>,
) -> TokenStream {
    let catalog = catalog.catalog();
    if let Some(clash) = check::error_enum_name(catalog, &item.ident.to_string()) {
        let message = format!("{} [{}]", clash.message, clash.rule);
        let error = syn::Error::new(item.ident.span(), message).to_compile_error();
        let fallback = fallback(item);
        return quote!(#error #fallback);
    }
    let vis = &item.vis;
    let attrs = &item.attrs;
    let mut plan = Plan::whole(catalog);
    if let Some(entries) = entries {
        plan.variants
            .retain(|variant| entries.contains(&variant.index));
    }
    let user_docs = attrs.iter().any(|attr| attr.path().is_ident("doc"));
    let enum_doc = enum_doc(catalog, &plan, &options.display_path, user_docs);
    let variants = plan
        .entries(catalog)
        .map(|(_, entry)| variant_decl(catalog, entry));
    let types = catalog.types.iter().map(|ty| catalog_enum(ty, vis));
    let type_impls = catalog
        .types
        .iter()
        .map(|ty| catalog_enum_impls(ty, &options.krate));
    let impls = impls(
        catalog,
        &plan,
        &item.ident,
        vis,
        options,
        quote!(#(#type_impls)*),
    );
    let name = &item.ident;

    quote! {
        #(#attrs)*
        #enum_doc
        #vis enum #name {
            #(#variants)*
        }

        #(#types)*

        #impls
    }
}

/// Which entries an enum covers, and how: the one description of an enum from which every
/// impl is generated, whether the catalog declares the enum (the attribute) or the user does
/// (the derive).
pub(crate) struct Plan {
    /// The covered entries, in the order of the enum's variants.
    pub(crate) variants: Vec<PlannedVariant>,
    /// Whether fields typed with a catalog enum hold the enum generated beside the error enum,
    /// with its `as_str`, rather than a user type, which the derive checks implements
    /// `CatalogEnum` with the catalog's values but which is written and parsed through its
    /// `Display` and `FromStr`, and verified.
    pub(crate) generated_enums: bool,
}

/// One variant and the catalog entry it holds.
pub(crate) struct PlannedVariant {
    /// The entry's index in [`Catalog::entries`].
    pub(crate) index: usize,
    /// The variant's identifier.
    pub(crate) ident: Ident,
    /// One Rust field per field of the entry, in the entry's order.
    pub(crate) fields: Vec<PlannedField>,
}

/// The Rust field that holds one field of an entry.
pub(crate) struct PlannedField {
    /// The field's identifier.
    pub(crate) ident: Ident,
    /// The field's type, as the enum declares it.
    pub(crate) ty: syn::Type,
}

impl Plan {
    /// The attribute's plan: every entry, with the catalog's names and types.
    fn whole(catalog: &Catalog) -> Plan {
        let variants = catalog
            .entries
            .iter()
            .enumerate()
            .map(|(index, entry)| PlannedVariant {
                index,
                ident: variant_ident(entry),
                fields: entry
                    .fields
                    .iter()
                    .map(|field| PlannedField {
                        ident: field.ident.clone(),
                        ty: field.rust_type.clone(),
                    })
                    .collect(),
            })
            .collect();
        Plan {
            variants,
            generated_enums: true,
        }
    }

    /// Each planned variant with its entry.
    fn entries<'a>(
        &'a self,
        catalog: &'a Catalog,
    ) -> impl Iterator<Item = (&'a PlannedVariant, &'a Entry)> + 'a {
        self.variants.iter().filter_map(|variant| {
            catalog
                .entries
                .get(variant.index)
                .map(|entry| (variant, entry))
        })
    }
}

/// Everything but the enum itself, as one `const _: () = { ... };` block: the metadata of the
/// whole catalog and the impls for the variants of `plan`. `extra` goes inside the block
/// before the impls (the attribute's catalog enum impls).
pub(crate) fn impls(
    catalog: &Catalog,
    plan: &Plan,
    name: &Ident,
    vis: &syn::Visibility,
    options: &Options,
    extra: TokenStream,
) -> TokenStream {
    let krate = &options.krate;
    let private = quote!(#krate::__private);
    let index_body = projection::index_body(plan);
    let parts_body = projection::parts_body(catalog, plan, &private);
    let build_body = construct::build_body(catalog, plan, &private);
    // `retry_after` when some covered entry names a `retry_after` field; otherwise the
    // trait's default says `None`.
    let retry_after = plan
        .entries(catalog)
        .any(|(_, entry)| entry.retry_after_field().is_some())
        .then(|| {
            quote! {
                fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
                    #private::retry_after(self)
                }
            }
        });
    let tracked = options.tracked_path.as_ref().map(|path| {
        quote!(
            const _: &[::core::primitive::u8] = ::core::include_bytes!(#path);
        )
    });
    // The flat shape's own function instantiates less code in every crate that serializes.
    let serialize = if catalog.wire.is_flat() {
        quote!(serialize_flat)
    } else {
        quote!(serialize)
    };
    let metadata = tables::metadata(catalog, &private);
    let tables = tables::tables(catalog, plan, &private);
    let (specs_doc, examples_doc) = if plan.generated_enums {
        (
            quote!(
                /// Every entry of the catalog, in catalog order: one per variant.
            ),
            quote!(
                /// One value of each variant, in catalog order, with the catalog's example
                /// in every field: for tests that every error renders, serializes and parses
                /// back.
            ),
        )
    } else {
        (
            quote!(
                /// Every entry of the catalog, in catalog order, including those that no
                /// variant holds.
            ),
            quote!(
                /// One value of each variant, in the enum's order, with the catalog's example
                /// in every field: for tests that every error renders, serializes and parses
                /// back.
            ),
        )
    };

    quote! {
        const _: () = {
            #tracked
            #metadata
            #tables
            #extra

            #[automatically_derived]
            impl ::core::fmt::Display for #name {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #private::display(self, __f)
                }
            }

            #[automatically_derived]
            impl ::std::error::Error for #name {}

            #[automatically_derived]
            impl #krate::CatalogError for #name {
                fn catalog() -> &'static #krate::CatalogSpec {
                    &__CATALOG
                }

                fn spec(&self) -> &'static #krate::ErrorSpec {
                    #private::spec(self)
                }

                fn from_parts(
                    __status: #krate::http::StatusCode,
                    __code: &::core::primitive::str,
                    __message: &::core::primitive::str,
                ) -> ::core::result::Result<Self, #krate::Unrecognized> {
                    #private::from_parts::<Self>(__status, __code, __message)
                }

                fn from_response(
                    __status: #krate::http::StatusCode,
                    __body: &[::core::primitive::u8],
                ) -> ::core::result::Result<Self, #krate::Unrecognized> {
                    #private::from_response::<Self>(__status, __body)
                }

                fn from_http(
                    __status: #krate::http::StatusCode,
                    __headers: &#krate::http::HeaderMap,
                    __body: &[::core::primitive::u8],
                ) -> ::core::result::Result<Self, #krate::Unrecognized> {
                    #private::from_http::<Self>(__status, __headers, __body)
                }

                #retry_after
            }

            #[automatically_derived]
            impl #private::Generated for #name {
                fn tables() -> &'static #private::Tables {
                    &__TABLES
                }

                fn index(&self) -> ::core::primitive::usize {
                    #index_body
                }

                fn parts(
                    &self,
                    __visit: &mut dyn ::core::ops::FnMut(::core::primitive::usize, &[#private::Value<'_>]),
                ) {
                    #parts_body
                }

                fn build(
                    __index: ::core::primitive::usize,
                    __text: &[&::core::primitive::str],
                ) -> ::core::result::Result<Self, ::core::primitive::usize> {
                    #build_body
                }
            }

            impl #name {
                /// The catalog this enum was generated from.
                #vis fn catalog() -> &'static #krate::CatalogSpec {
                    &__CATALOG
                }

                #specs_doc
                #vis fn specs() -> &'static [#krate::ErrorSpec] {
                    __ERRORS
                }

                #examples_doc
                ///
                /// # Panics
                ///
                /// If the example of a field of an external type does not parse as that
                /// type, which the build cannot check; the message names the entry and field.
                #vis fn examples() -> ::std::vec::Vec<Self> {
                    #private::examples::<Self>()
                }

                /// The catalog entry of this variant.
                #vis fn spec(&self) -> &'static #krate::ErrorSpec {
                    <Self as #krate::CatalogError>::spec(self)
                }

                /// The error code sent on the wire.
                #vis fn code(&self) -> &'static ::core::primitive::str {
                    <Self as #krate::CatalogError>::code(self)
                }

                /// The HTTP status sent with this error.
                #vis fn status(&self) -> #krate::http::StatusCode {
                    <Self as #krate::CatalogError>::status(self)
                }

                /// Turns a received status, code and message back into the typed error, or
                /// keeps what was received when it cannot (see `CatalogError::from_parts`).
                #vis fn from_parts(
                    status: #krate::http::StatusCode,
                    code: &::core::primitive::str,
                    message: &::core::primitive::str,
                ) -> ::core::result::Result<Self, #krate::Unrecognized> {
                    <Self as #krate::CatalogError>::from_parts(status, code, message)
                }

                /// Turns a received status and response body back into the typed error, or
                /// keeps what was received when it cannot (see `CatalogError::from_response`).
                #vis fn from_response(
                    status: #krate::http::StatusCode,
                    body: &[::core::primitive::u8],
                ) -> ::core::result::Result<Self, #krate::Unrecognized> {
                    <Self as #krate::CatalogError>::from_response(status, body)
                }

                /// Turns a received status, headers and body back into the typed error,
                /// reading the code header and `Retry-After` as well (see
                /// `CatalogError::from_http`).
                #vis fn from_http(
                    status: #krate::http::StatusCode,
                    headers: &#krate::http::HeaderMap,
                    body: &[::core::primitive::u8],
                ) -> ::core::result::Result<Self, #krate::Unrecognized> {
                    <Self as #krate::CatalogError>::from_http(status, headers, body)
                }

                /// `from_http` with the status, headers and body of an `http::Response`
                /// (see `CatalogError::from_http_response`).
                #vis fn from_http_response<__B: ::core::convert::AsRef<[::core::primitive::u8]>>(
                    response: &#krate::http::Response<__B>,
                ) -> ::core::result::Result<Self, #krate::Unrecognized> {
                    <Self as #krate::CatalogError>::from_http_response(response)
                }
            }

            #[automatically_derived]
            impl #private::serde::Serialize for #name {
                fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
                where
                    __S: #private::serde::Serializer,
                {
                    #private::#serialize(self, __serializer)
                }
            }

            // `IntoResponse` when the runtime has the feature `axum`; nothing otherwise.
            #private::impl_into_response!(#name);
            // `IntoResponses` and `ToSchema` when the runtime has the feature `utoipa`.
            #private::impl_utoipa!(#name);
        };
    }
}

/// What to emit when the catalog has errors: the enum as the user wrote it and nothing
/// else, so that every error is the catalog's own and none comes from generated code.
pub(crate) fn fallback(item: &syn::DeriveInput) -> TokenStream {
    quote!(#item)
}

fn variant_ident(entry: &Entry) -> Ident {
    checked_ident(&entry.name.value)
}

/// The identifier of a name the checks accept: an error name, a catalog enum's name or one of
/// its variants, all ASCII UpperCamelCase, which `Ident::new` takes. A [`Checked`] catalog
/// holds no other name; should one slip through, it is written `__Invalid` and fails to
/// compile, rather than panicking here.
pub(crate) fn checked_ident(name: &str) -> Ident {
    if names::is_upper_camel(name) {
        Ident::new(name, Span::call_site())
    } else {
        format_ident!("__Invalid")
    }
}

/// `Some("...")` or `None`, as tokens.
fn option_str(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    #[test]
    fn overlapping_entries_are_ordered_most_specific_first_in_their_own_places() {
        let entry = |name: &str, status: u16, message: &str, overlapping: bool| {
            format!(
                "[errors.{name}]\ncode = \"1\"\nstatus = {status}\nshared_code = true\n\
                 overlapping = {overlapping}\nmessage = \"{message}\"\n\n"
            )
        };
        let text = [
            "[catalog]\ntitle = \"T\"\n\n[status.400]\n[status.404]\n\n".to_owned(),
            entry("A", 404, "a {x}", false),
            entry("B", 400, "{m}", true),
            entry("C", 404, "c {x}", false),
            entry("D", 400, "quota {n} exceeded", true),
            entry("E", 404, "e {m}", true),
            entry("F", 400, "q {n}", true),
            entry("G", 400, "r {n}", true),
        ]
        .concat();
        let source = Source::new("t.toml", "/t.toml", &text);
        let checked = crate::load(&source).unwrap_or_else(|d| panic!("{d:?}"));
        let codes = checked.catalog().entries_by_code(|_| true);
        let [(_, indices)] = codes.as_slice() else {
            panic!("one code: {codes:?}")
        };
        // Places 1, 3, 5 and 6 hold the overlapping entries of 400: `D` (14 literal
        // characters), then `F` and `G` (2 each, in catalog order), then `B` (none). `A`, `C`
        // and `E`, the only overlapping entry of 404, keep their places.
        assert_eq!(*indices, [0, 3, 2, 5, 4, 6, 1]);
        // The rustdoc of `B` states the rule; `E` overlaps nothing, `A` does not say the key.
        let catalog = checked.catalog();
        let doc = |index: usize| variant_decl(catalog, &catalog.entries[index]).to_string();
        assert!(
            doc(1).contains(
                "Overlaps other entries of code `1` and status 400: a message that fits several is read as the most specific"
            ),
            "{}",
            doc(1)
        );
        assert!(!doc(4).contains("Overlaps"), "{}", doc(4));
        assert!(!doc(0).contains("Overlaps"), "{}", doc(0));
    }
}
