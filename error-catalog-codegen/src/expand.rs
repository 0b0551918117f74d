//! Token generation: from a [`Checked`] catalog to the error enum and its impls.
//!
//! Every path in the output is absolute (`::core::`, `::std::`, the runtime crate's path), so
//! the code compiles whatever the user's module has in scope.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::check::{self, Checked};
use crate::markdown;
use crate::model::{Catalog, Classes, Entry, EnumType, FieldType, Part, problem_member};
use crate::names;
use crate::wire::{CodeType, Member, Node, Wire};
use error_catalog_template::{Class, Segment};

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

    /// Whether the plan covers the entry at `index`.
    fn covers(&self, index: usize) -> bool {
        self.variants.iter().any(|variant| variant.index == index)
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
    let classes = Classes::new(catalog);

    let display_arms = plan
        .entries(catalog)
        .map(|(variant, entry)| display_arm(entry, variant, plan.generated_enums));
    let index_arms = plan.variants.iter().map(|variant| {
        let (ident, index) = (&variant.ident, variant.index);
        quote!(Self::#ident { .. } => #index,)
    });
    // `match *self {}` for an enum with no variants: a catalog with no errors yet.
    let (self_place, spec_body) = if plan.variants.is_empty() {
        (quote!(*self), quote!(match *self {}))
    } else {
        (
            quote!(self),
            quote!(&__ERRORS[match self { #(#index_arms)* }]),
        )
    };
    let build_arms = plan
        .entries(catalog)
        .map(|(variant, entry)| build_arm(entry, variant, &private));
    // From an entry's index and the text of its placeholders to a value.
    let build = if plan.variants.is_empty() {
        quote!(::core::option::Option::None)
    } else {
        quote! {
            ::core::option::Option::Some(match __index {
                #(#build_arms)*
                _ => return ::core::option::Option::None,
            })
        }
    };
    let field_arms = plan
        .entries(catalog)
        .map(|(variant, entry)| write_fields_arm(entry, variant, private.clone()));
    let write_fields_body = if plan.variants.is_empty() {
        quote!(match *self {})
    } else {
        quote! {
            match self {
                #(#field_arms)*
            }
            ::core::result::Result::Ok(())
        }
    };
    let retry_after = retry_after_fn(catalog, plan, &private);
    let tracked = options.tracked_path.as_ref().map(|path| {
        quote!(
            const _: &[::core::primitive::u8] = ::core::include_bytes!(#path);
        )
    });
    let metadata = metadata(catalog, &classes, &private, plan.generated_enums);
    let examples = plan
        .entries(catalog)
        .map(|(variant, entry)| example_value(catalog, entry, variant, plan.generated_enums));
    let entries_of = entries_of(catalog, plan);
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
            #entries_of
            #extra

            #[automatically_derived]
            impl ::core::fmt::Display for #name {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    // A width or a precision applies to the message as a whole, as for a
                    // `str`; without them the message is written straight to the formatter.
                    if __f.width().is_some() || __f.precision().is_some() {
                        return #private::pad(__f, self);
                    }
                    match #self_place {
                        #(#display_arms)*
                    }
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
                    #spec_body
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
                fn matchers() -> &'static [#private::Matcher] {
                    __MATCHERS
                }

                fn entries_of(__code: &::core::primitive::str) -> &'static [::core::primitive::usize] {
                    __entries_of(__code)
                }

                fn build(
                    __index: ::core::primitive::usize,
                    __text: &[&::core::primitive::str],
                ) -> ::core::option::Option<Self> {
                    #build
                }

                fn write_fields<__M: #private::serde::ser::SerializeMap>(
                    &self,
                    __map: &mut __M,
                    __problem: ::core::primitive::bool,
                ) -> ::core::result::Result<(), __M::Error> {
                    #write_fields_body
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
                    ::std::vec::Vec::from([#(#examples),*])
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
                    #private::serialize(self, __serializer)
                }
            }

            // `IntoResponse` when the runtime has the feature `axum`; nothing otherwise.
            #private::impl_into_response!(#name);
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

/// Markdown inline code that survives backticks in the text.
fn code_span(text: &str) -> String {
    // A line break would end a table row or a list item; a code span shows it as a space.
    let text = &text.replace("\r\n", " ").replace(['\r', '\n'], " ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn doc_lines(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

fn status_text(catalog: &Catalog, status: u16) -> String {
    match catalog.reason(status) {
        // In the enum's table too: a `|` would end the cell.
        Some(reason) if !reason.is_empty() => {
            format!("{status} {}", inline_doc(reason).replace('|', "\\|"))
        }
        _ => status.to_string(),
    }
}

/// Catalog Markdown as a block of the generated rustdoc: code blocks that rustdoc would run
/// as doctests marked `text`, unsafe links as their text, raw HTML escaped
/// ([`markdown::rustdoc`]).
fn block_doc(text: &str) -> String {
    markdown::rustdoc(text).trim_end().to_owned()
}

/// Catalog Markdown within one line of the generated rustdoc (a list item, a table cell, an
/// emphasis): [`block_doc`] on one line, its code blocks as code spans, so that the text can
/// end no item and start no block.
fn inline_doc(text: &str) -> String {
    markdown::one_line(&markdown::rustdoc(text))
}

/// The enum's docs: after the user's own, if any, a summary and a table of every entry.
fn enum_doc(catalog: &Catalog, plan: &Plan, path: &str, after_user_docs: bool) -> TokenStream {
    let mut doc = String::new();
    if after_user_docs {
        doc.push('\n');
    }
    doc.push_str(&format!(
        "Errors of the *{}*, generated from {}.\n",
        inline_doc(&catalog.title),
        code_span(path)
    ));
    if !catalog.doc.is_empty() {
        doc.push_str(&format!("\n{}\n", block_doc(&catalog.doc)));
    }
    if !catalog.wire.is_flat() || catalog.wire.header.is_some() {
        doc.push_str(&format!("\n{}\n", wire_doc(&catalog.wire)));
    }
    doc.push_str("\n| Variant | Code | Status | Message |\n|---|---|---|---|\n");
    for (_, entry) in plan.entries(catalog) {
        let message = code_span(&entry.message.value).replace('|', "\\|");
        doc.push_str(&format!(
            "| [`{name}`](Self::{name}) | {} | {} | {message} |\n",
            code_span(&entry.code.value).replace('|', "\\|"),
            status_text(catalog, entry.status.value),
            name = entry.name.value,
        ));
    }
    doc_lines(&doc)
}

/// One sentence on where the body puts each member, for a shape other than the flat one.
fn wire_doc(wire: &Wire) -> String {
    let code_type = match wire.code_type.value {
        CodeType::String => "",
        CodeType::Integer => " (a JSON number)",
    };
    let mut parts = vec![
        format!("the code at `{}`{code_type}", wire.code.value),
        format!("the message at `{}`", wire.message.value),
    ];
    if let Some(status) = &wire.status {
        parts.push(format!("the HTTP status at `{}`", status.value));
    }
    for constant in &wire.constants {
        parts.push(format!(
            "`{}` always `{}`",
            constant.location.value,
            serde_json::Value::from(constant.value.value.as_str())
        ));
    }
    let mut doc = format!("The error body has {}.", parts.join(", "));
    if let Some(header) = &wire.header {
        doc.push_str(&format!(
            " The `{}` response header carries the code as well.",
            header.value
        ));
    }
    doc
}

/// The wire body a server sends for `entry` with its example message, as `Serialize`
/// writes it.
fn example_body(catalog: &Catalog, entry: &Entry) -> String {
    catalog.wire.entry_body(entry)
}

/// The catalog's [`WireSpec`](error_catalog::WireSpec): the locations as written, and the
/// object tree they make, as static data.
fn wire_tokens(wire: &Wire, private: &TokenStream) -> TokenStream {
    fn object(members: &[(String, Node)], wire: &Wire, private: &TokenStream) -> TokenStream {
        let members = members.iter().map(|(key, node)| {
            let node = match node {
                Node::Object(children) => {
                    let children = object(children, wire, private);
                    quote!(#private::WireNode::Object(#children))
                }
                Node::Member(Member::Code) => quote!(#private::WireNode::Code),
                Node::Member(Member::Message) => quote!(#private::WireNode::Message),
                Node::Member(Member::Status) => quote!(#private::WireNode::Status),
                Node::Member(Member::Fields) => quote!(#private::WireNode::Fields),
                Node::Member(Member::Constant(index)) => {
                    let value = wire
                        .constants
                        .get(*index)
                        .map_or("", |constant| constant.value.value.as_str());
                    quote!(#private::WireNode::Constant(#value))
                }
            };
            quote!(#private::WireMember { key: #key, node: #node })
        });
        quote!(&[#(#members),*])
    }
    let (code, message) = (&wire.code.value, &wire.message.value);
    let integer = wire.code_type.value == CodeType::Integer;
    let status = option_str(wire.status.as_ref().map(|s| s.value.as_str()));
    let fields = option_str(wire.fields.as_ref().map(|f| f.value.as_str()));
    let header = option_str(wire.header.as_ref().map(|h| h.value.as_str()));
    let constants = wire.constants.iter().map(|constant| {
        let (location, value) = (&constant.location.value, &constant.value.value);
        quote!(#private::constant_spec(#location, #value))
    });
    let layout = object(&wire.layout(), wire, private);
    quote! {
        #private::wire_spec(
            #code,
            #message,
            #integer,
            #status,
            #fields,
            &[#(#constants),*],
            #header,
            #layout,
        )
    }
}

fn variant_decl(catalog: &Catalog, entry: &Entry) -> TokenStream {
    let mut doc = String::new();
    if !entry.doc.is_empty() {
        doc.push_str(&format!("{}\n\n", block_doc(&entry.doc)));
    }
    doc.push_str(&format!("- **Code:** {}\n", code_span(&entry.code.value)));
    doc.push_str(&format!(
        "- **Status:** {}\n",
        status_text(catalog, entry.status.value)
    ));
    doc.push_str(&format!(
        "- **Message:** {}\n",
        code_span(&entry.message.value)
    ));
    if !entry.fields.is_empty() {
        doc.push_str("- **Fields:**\n");
        for field in &entry.fields {
            doc.push_str(&format!(
                "  - `{}`: `{}`, for example {}",
                field.name.value,
                field.ty_text.value,
                code_span(&field.example.value)
            ));
            if !field.doc.is_empty() {
                doc.push_str(&format!(". {}", inline_doc(&field.doc)));
            }
            doc.push('\n');
        }
        doc.push_str(&format!(
            "- **Example:** {}\n",
            code_span(&entry.example_message())
        ));
    }
    doc.push_str(&format!(
        "- **Example body:** {}\n",
        code_span(&example_body(catalog, entry))
    ));
    if let Some(url) = catalog.docs_url(entry) {
        doc.push_str(&format!("- **Documentation:** <{url}>\n"));
    }
    if !entry.help.is_empty() {
        doc.push_str(&format!("\n**Help:** {}\n", block_doc(&entry.help)));
    }
    if entry.is_overlapping()
        && catalog.entries.iter().any(|other| {
            !std::ptr::eq(other, entry)
                && other.is_overlapping()
                && other.code.value == entry.code.value
                && other.status.value == entry.status.value
        })
    {
        doc.push_str(&format!(
            "\nOverlaps other entries of code `{}` and status {}: a message that fits several is read as the most specific, the one whose template has the most literal characters, ties in catalog order.\n",
            entry.code.value, entry.status.value
        ));
    }
    let doc = doc_lines(&doc);
    let variant = variant_ident(entry);
    if entry.fields.is_empty() {
        return quote!(#doc #variant,);
    }
    let fields = entry.fields.iter().map(|field| {
        let (ident, ty) = (&field.ident, &field.rust_type);
        let mut text = format!("`{{{}}}`", field.name.value);
        if !field.doc.is_empty() {
            text.push_str(&format!(": {}", block_doc(&field.doc)));
        }
        let example = code_span(&field.example.value);
        if text.contains('\n') {
            // After a block (a code block ends only at its closing fence), a paragraph.
            text.push_str(&format!("\n\nExample: {example}."));
        } else {
            text.push_str(&format!(" (example: {example})"));
        }
        let doc = doc_lines(&text);
        quote!(#doc #ident: #ty,)
    });
    quote!(#doc #variant { #(#fields)* },)
}

/// The value of `entry` with every field's example, as an expression of type `Self`.
/// A catalog enum the user declares is known only by `FromStr`, like an external type.
fn example_value(
    catalog: &Catalog,
    entry: &Entry,
    variant: &PlannedVariant,
    generated_enums: bool,
) -> TokenStream {
    let variant_ident = &variant.ident;
    if entry.fields.is_empty() {
        return quote!(Self::#variant_ident);
    }
    let fields = entry
        .fields
        .iter()
        .zip(&variant.fields)
        .map(|(field, rust)| {
            let ident = &rust.ident;
            let text = field.example.value.as_str();
            let value = match &field.ty {
                FieldType::String => quote!(::std::string::String::from(#text)),
                FieldType::Bool if text == "true" => quote!(true),
                FieldType::Bool => quote!(false),
                FieldType::Integer(int) => integer_literal(text, int.name()),
                FieldType::Enum(index) if generated_enums => catalog
                    .types
                    .get(*index)
                    .and_then(|ty| {
                        let at = ty.values.iter().position(|value| value.value == text)?;
                        let name = Ident::new(&ty.name.value, Span::call_site());
                        let value = Ident::new(ty.variants.get(at)?, Span::call_site());
                        Some(quote!(#name::#value))
                    })
                    .unwrap_or_else(|| quote!(::core::unreachable!())),
                FieldType::Enum(_) | FieldType::External(_) => {
                    let ty = &rust.ty;
                    let message = format!(
                        "the example {text:?} of field `{}` of `{}` does not parse as `{}`",
                        field.name.value, entry.name.value, field.ty_text.value
                    );
                    quote! {
                        <#ty as ::core::str::FromStr>::from_str(#text)
                            .unwrap_or_else(|_| ::core::panic!("{}", #message))
                    }
                }
            };
            quote!(#ident: #value)
        });
    quote!(Self::#variant_ident { #(#fields),* })
}

/// An integer example as a literal of its type: `42u32`, `-3i16`. The checks made sure the
/// text is a decimal number of the type.
fn integer_literal(text: &str, ty: &str) -> TokenStream {
    let (minus, digits) = match text.strip_prefix('-') {
        Some(digits) => (quote!(-), digits),
        None => (quote!(), text),
    };
    let literal = format!("{digits}{ty}")
        .parse::<proc_macro2::Literal>()
        .map(|literal| quote!(#literal))
        .unwrap_or_else(|_| quote!(::core::unreachable!()));
    quote!(#minus #literal)
}

/// The arm of `Display` for one variant. A catalog enum the user declares is written through
/// its `Display`, having no `as_str` that generated code can rely on.
fn display_arm(entry: &Entry, variant: &PlannedVariant, generated_enums: bool) -> TokenStream {
    let variant_ident = &variant.ident;
    let bindings: Vec<Ident> = (0..entry.fields.len())
        .map(|i| format_ident!("__f{}", i))
        .collect();
    let pattern = if entry.fields.is_empty() {
        quote!(Self::#variant_ident)
    } else {
        let names = variant.fields.iter().map(|f| &f.ident);
        quote!(Self::#variant_ident { #(#names: #bindings),* })
    };
    // No flag of the caller reaches a field. Text of a known type is written as it is; any
    // other field gets a formatter of its own, through `format_args!`.
    let writes = entry.parts.iter().filter_map(|part| match part {
        Part::Literal(text) => Some(quote!(__f.write_str(#text)?;)),
        Part::Placeholder { field, .. } => {
            let binding = bindings.get(*field)?;
            let ty = &entry.fields.get(*field)?.ty;
            Some(match ty {
                FieldType::String => quote!(__f.write_str(#binding)?;),
                FieldType::Enum(_) if generated_enums => {
                    quote!(__f.write_str(#binding.as_str())?;)
                }
                FieldType::Bool => {
                    quote!(__f.write_str(if *#binding { "true" } else { "false" })?;)
                }
                FieldType::Integer(_) | FieldType::Enum(_) | FieldType::External(_) => quote! {
                    ::core::fmt::Write::write_fmt(__f, ::core::format_args!("{}", #binding))?;
                },
            })
        }
    });
    quote! {
        #pattern => {
            #(#writes)*
            ::core::result::Result::Ok(())
        }
    }
}

/// The arm of `write_fields` for one variant: each field under its name, or under its RFC 9457
/// extension member name for a problem; integers and `bool`s as themselves, the rest through
/// `Display`.
fn write_fields_arm(entry: &Entry, variant: &PlannedVariant, private: TokenStream) -> TokenStream {
    let variant_ident = &variant.ident;
    let bindings: Vec<Ident> = (0..variant.fields.len())
        .map(|index| format_ident!("__field{}", index))
        .collect();
    let idents = variant.fields.iter().map(|field| &field.ident);
    let writes = entry.fields.iter().zip(&bindings).map(|(field, binding)| {
        let name = &field.name.value;
        let member = problem_member(name);
        let value = match field.ty {
            FieldType::Integer(_) | FieldType::Bool => quote!(#binding),
            _ => quote!(&#private::Text(#binding)),
        };
        let key = if member == *name {
            quote!(#name)
        } else {
            quote!(if __problem { #member } else { #name })
        };
        quote! {
            #private::serde::ser::SerializeMap::serialize_entry(__map, #key, #value)?;
        }
    });
    quote! {
        Self::#variant_ident { #(#idents: #bindings),* } => { #(#writes)* }
    }
}

/// `CatalogError::retry_after` for an enum with an entry that names a `retry_after` field;
/// nothing otherwise (the trait's default says `None`).
fn retry_after_fn(catalog: &Catalog, plan: &Plan, private: &TokenStream) -> TokenStream {
    let arms: Vec<TokenStream> = plan
        .entries(catalog)
        .filter_map(|(variant, entry)| {
            let field = entry.retry_after_field()?;
            let index = entry.fields.iter().position(|f| f.name.value == field.name.value)?;
            let ident = &variant.fields.get(index)?.ident;
            let variant_ident = &variant.ident;
            Some(quote!(Self::#variant_ident { #ident: __seconds, .. } => #private::seconds(*__seconds),))
        })
        .collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    quote! {
        fn retry_after(&self) -> ::core::option::Option<::core::time::Duration> {
            match self {
                #(#arms)*
                #[allow(unreachable_patterns)]
                _ => ::core::option::Option::None,
            }
        }
    }
}

fn build_arm(entry: &Entry, variant: &PlannedVariant, private: &TokenStream) -> TokenStream {
    let (index, variant_ident) = (variant.index, &variant.ident);
    if entry.fields.is_empty() {
        return quote!(#index => Self::#variant_ident,);
    }
    let placeholders: Vec<usize> = entry.placeholders().collect();
    let fields = variant
        .fields
        .iter()
        .enumerate()
        .map(|(field_index, field)| {
            let (ident, ty) = (&field.ident, &field.ty);
            // A field used twice is read from its first placeholder; the rendered message is
            // compared with the received one afterwards.
            let capture = placeholders
                .iter()
                .position(|&f| f == field_index)
                .unwrap_or(0);
            quote!(#ident: #private::parse::<#ty>(__text.get(#capture)?)?,)
        });
    quote!(#index => Self::#variant_ident { #(#fields)* },)
}

fn segment_tokens(segment: &Segment<'_>, private: &TokenStream) -> TokenStream {
    match segment {
        Segment::Literal(text) => quote!(#private::Segment::Literal(#text)),
        Segment::Field(class) => {
            let class = match class {
                Class::Integer(int) => {
                    let int = format_ident!("{}", format!("{int:?}"));
                    quote!(#private::Class::Integer(#private::Int::#int))
                }
                Class::Bool => quote!(#private::Class::Bool),
                Class::OneOf(values) => quote!(#private::Class::OneOf(&[#(#values),*])),
                _ => quote!(#private::Class::Text),
            };
            quote!(#private::Segment::Field(#class))
        }
    }
}

/// The static metadata: `__CATALOG` and `__ERRORS`, inside the generated `const _` block.
fn metadata(
    catalog: &Catalog,
    classes: &Classes<'_>,
    private: &TokenStream,
    generated_enums: bool,
) -> TokenStream {
    let statuses = catalog.statuses.iter().map(|s| {
        let (code, reason, meaning) = (s.code.value, &s.reason, &s.meaning);
        quote!(#private::status_spec(#code, #reason, #meaning))
    });
    let types = catalog.types.iter().map(|t| {
        let name = &t.name.value;
        let values = t.values.iter().map(|v| &v.value);
        let doc = &t.doc;
        quote!(#private::type_spec(#name, &[#(#values),*], #doc))
    });
    let retired = catalog.retired.iter().map(|r| {
        let (code, note) = (&r.code.value, &r.note);
        quote!(#private::retired_spec(#code, #note))
    });
    let field_consts = catalog.entries.iter().enumerate().map(|(index, entry)| {
        let name = format_ident!("__FIELDS_{}", index);
        let fields = entry.fields.iter().map(|f| {
            let (field, ty, example, doc) =
                (&f.name.value, &f.ty_text.value, &f.example.value, &f.doc);
            quote!(#private::field_spec(#field, #ty, #example, #doc))
        });
        quote!(const #name: &[#private::FieldSpec] = &[#(#fields),*];)
    });
    let errors = catalog.entries.iter().enumerate().map(|(index, entry)| {
        let fields = format_ident!("__FIELDS_{}", index);
        let (name, code, status, message, doc) = (
            &entry.name.value,
            &entry.code.value,
            entry.status.value,
            &entry.message.value,
            &entry.doc,
        );
        let example = entry.example_message();
        let shared = entry.shared_code.as_ref().is_some_and(|s| s.value);
        let overlapping = entry.is_overlapping();
        let help = &entry.help;
        let docs_url = option_str(catalog.docs_url(entry).as_deref());
        let retryable = entry.is_retryable();
        let retry_after = option_str(entry.retry_after.as_ref().map(|r| r.value.as_str()));
        quote! {
            #private::error_spec(
                #name, #code, #status, #message, #example, #fields, #doc, #help, #docs_url, #shared,
                #overlapping, #retryable, #retry_after,
            )
        }
    });
    let matchers = catalog.entries.iter().map(|entry| {
        let segments = classes.segments(entry);
        let segments = segments.iter().map(|s| segment_tokens(s, private));
        let verify = verify_rendering(entry, generated_enums);
        let placeholders = entry.placeholders().map(|index| {
            entry
                .fields
                .get(index)
                .map_or("", |field| field.name.value.as_str())
        });
        quote!(#private::Matcher::new(&[#(#segments),*], &[#(#placeholders),*], #verify))
    });
    let (title, doc) = (&catalog.title, &catalog.doc);
    let docs_url = option_str(catalog.docs_url.as_ref().map(|url| url.value.as_str()));
    let problem_base = option_str(catalog.problem_base.as_ref().map(|url| url.value.as_str()));
    let wire = wire_tokens(&catalog.wire, private);
    quote! {
        #(#field_consts)*
        const __ERRORS: &[#private::ErrorSpec] = &[#(#errors),*];
        const __MATCHERS: &[#private::Matcher] = &[#(#matchers),*];
        static __CATALOG: #private::CatalogSpec = #private::catalog_spec(
            #title,
            #doc,
            #docs_url,
            #problem_base,
            #wire,
            &[#(#statuses),*],
            &[#(#types),*],
            __ERRORS,
            &[#(#retired),*],
        );
    }
}

/// `Some("...")` or `None`, as tokens.
fn option_str(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

/// Whether a value parsed from a message of `entry` may render differently from the message:
/// external types (an `Ipv4Addr` parses `010.1.2.3`) and fields used more than once. The
/// splitter gives strings, integers, booleans and catalog enums only text they render as; a
/// catalog enum the user declares is verified too, its `Display` being the user's.
fn verify_rendering(entry: &Entry, generated_enums: bool) -> bool {
    entry.fields.iter().enumerate().any(|(index, field)| {
        matches!(field.ty, FieldType::External(_))
            || (!generated_enums && matches!(field.ty, FieldType::Enum(_)))
            || entry.placeholders().filter(|&f| f == index).count() > 1
    })
}

/// `__entries_of`: from a received code to the indices of its entries that `plan` covers, in
/// the order a client tries them ([`Catalog::entries_by_code`]). A code none of whose entries
/// is covered is unknown to the enum.
fn entries_of(catalog: &Catalog, plan: &Plan) -> TokenStream {
    let codes = catalog.entries_by_code(|index| plan.covers(index));
    let arms = codes
        .iter()
        .map(|(code, indices)| quote!(#code => &[#(#indices),*],));
    quote! {
        fn __entries_of(__code: &::core::primitive::str) -> &'static [::core::primitive::usize] {
            match __code {
                #(#arms)*
                _ => &[],
            }
        }
    }
}

fn catalog_enum(ty: &EnumType, vis: &syn::Visibility) -> TokenStream {
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

fn catalog_enum_impls(ty: &EnumType, krate: &syn::Path) -> TokenStream {
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
