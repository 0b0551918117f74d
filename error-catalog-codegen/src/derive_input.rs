//! `#[derive(CatalogError)]`: the user's enum and its `#[catalog(...)]` attributes, the checks
//! of each variant against its catalog entry, and the [`Plan`] that the expansion shared with
//! the attribute turns into impls.
//!
//! Every mistake is collected, then all are reported together, each spanned at the Rust
//! variant or field and naming the catalog's `file:line:col`; with any mistake, nothing else
//! is emitted, so that no error comes from generated code.

use std::path::Path;

use proc_macro2::{Ident, TokenStream};
use quote::ToTokens;

use crate::expand::{self, Options, Plan, PlannedField, PlannedVariant};
use crate::macro_input::{load_catalog, set_once};
use crate::model::{Catalog, Entry, Field, FieldType};
use crate::names;
use crate::source::Source;

/// The options of `#[catalog(...)]` on the enum.
struct EnumArgs {
    /// `path = "..."`, with the literal for error spans.
    path: syn::LitStr,
    /// `crate = "..."`.
    krate: syn::Path,
    /// `exhaustive`: every entry of the catalog must have a variant.
    exhaustive: bool,
}

/// The options of `#[catalog(...)]` on a variant.
#[derive(Default)]
struct VariantArgs {
    /// `code = "..."`: the entry with this code.
    code: Option<syn::LitStr>,
    /// `entry = "..."`: the entry with this name.
    entry: Option<syn::LitStr>,
}

/// Every error found, reported together (serde_derive's `Ctxt`, for `syn::Error`s).
#[derive(Default)]
pub(crate) struct Errors {
    /// The errors so far, in the order found.
    errors: Vec<syn::Error>,
}

impl Errors {
    /// Records an error at the span of `tokens`.
    pub(crate) fn at(&mut self, tokens: impl ToTokens, message: impl std::fmt::Display) {
        self.errors.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error.
    pub(crate) fn push(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    /// The errors as `compile_error!`s, or `None` when there are none.
    pub(crate) fn into_compile_errors(self) -> Option<TokenStream> {
        let mut errors = self.errors.into_iter();
        let mut first = errors.next()?;
        for error in errors {
            first.combine(error);
        }
        Some(first.to_compile_error())
    }
}

/// What `#[derive(CatalogError)]` goes on, for the errors that say so.
const NOT_AN_ENUM: &str =
    "`#[derive(CatalogError)]` goes on an enum whose variants are catalog entries";

/// What the enum-level attribute looks like, for the errors that say so.
const ENUM_ATTRIBUTE: &str = "write `#[catalog(path = \"catalog/api.toml\")]` on the enum";

fn parse_enum_args(item: &syn::DeriveInput) -> syn::Result<EnumArgs> {
    let mut path = None;
    let mut krate = None;
    let mut exhaustive = false;
    for attr in item.attrs.iter().filter(|a| a.path().is_ident("catalog")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("path") {
                set_once(&mut path, &meta, meta.value()?.parse::<syn::LitStr>()?)?;
            } else if meta.path.is_ident("crate") {
                let lit = meta.value()?.parse::<syn::LitStr>()?;
                set_once(&mut krate, &meta, lit.parse::<syn::Path>()?)?;
            } else if meta.path.is_ident("exhaustive") {
                exhaustive = true;
            } else if meta.path.is_ident(crate::macro_input::PANIC_FOR_TESTS) {
                crate::macro_input::panic_for_tests(&meta)?;
            } else {
                return Err(meta.error(
                    "unknown option; expected `path = \"...\"`, `exhaustive` or `crate = \"...\"`",
                ));
            }
            Ok(())
        })?;
    }
    let path = path.ok_or_else(|| {
        syn::Error::new(
            item.ident.span(),
            format!("missing `path`: {ENUM_ATTRIBUTE}"),
        )
    })?;
    Ok(EnumArgs {
        path,
        krate: krate.unwrap_or_else(|| syn::parse_quote!(::error_catalog)),
        exhaustive,
    })
}

fn parse_variant_args(variant: &syn::Variant) -> syn::Result<VariantArgs> {
    let mut args = VariantArgs::default();
    for attr in variant
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("catalog"))
    {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("code") {
                args.code = Some(meta.value()?.parse()?);
            } else if meta.path.is_ident("entry") {
                args.entry = Some(meta.value()?.parse()?);
            } else {
                return Err(
                    meta.error("unknown option; expected `code = \"...\"` or `entry = \"...\"`")
                );
            }
            Ok(())
        })?;
    }
    Ok(args)
}

/// The whole derive: `input` is the enum it is placed on.
///
/// The catalog's path resolves as for [`crate::expand_attribute`]: against
/// `CARGO_MANIFEST_DIR`, then the directory of `source_file`. A broken catalog gives the
/// attribute's diagnostics, spanned at the path literal; a variant that does not match its
/// entry gives an error spanned at the variant or field. Either way nothing else is emitted.
pub fn expand_derive(input: TokenStream, source_file: Option<&Path>) -> TokenStream {
    match derive(input, source_file) {
        Ok(tokens) => tokens,
        Err(errors) => errors,
    }
}

/// The variants of the enum a derive is placed on, which must be an enum without generic
/// parameters; `not_an_enum` and `generic` are the errors otherwise.
pub(crate) fn enum_variants<'a>(
    item: &'a syn::DeriveInput,
    not_an_enum: &str,
    generic: &str,
) -> Result<&'a syn::punctuated::Punctuated<syn::Variant, syn::Token![,]>, TokenStream> {
    let variants = match &item.data {
        syn::Data::Enum(data) => &data.variants,
        syn::Data::Struct(data) => {
            return Err(syn::Error::new(data.struct_token.span, not_an_enum).to_compile_error());
        }
        syn::Data::Union(data) => {
            return Err(syn::Error::new(data.union_token.span, not_an_enum).to_compile_error());
        }
    };
    if !item.generics.params.is_empty() || item.generics.where_clause.is_some() {
        return Err(syn::Error::new_spanned(&item.generics, generic).to_compile_error());
    }
    Ok(variants)
}

fn derive(input: TokenStream, source_file: Option<&Path>) -> Result<TokenStream, TokenStream> {
    let item: syn::DeriveInput = syn::parse2(input).map_err(|e| e.to_compile_error())?;
    let variants = enum_variants(
        &item,
        NOT_AN_ENUM,
        "an error enum that derives `CatalogError` cannot have generic parameters",
    )?;
    let args = parse_enum_args(&item).map_err(|e| e.to_compile_error())?;

    let (source, checked) = load_catalog(&args.path, source_file, None)?;
    let relative = args.path.value();
    let catalog = checked.catalog();
    let at = Locator {
        source: &source,
        display_path: &relative,
    };

    let mut errors = Errors::default();
    let mut planned: Vec<PlannedVariant> = Vec::new();
    // For each entry, the variant that holds it, to report a second one.
    let mut holders: Vec<Option<&Ident>> = vec![None; catalog.entries.len()];
    for variant in variants {
        let Some(index) = variant_entry(catalog, variant, &at, &mut errors) else {
            continue;
        };
        if let Some(first) = holders[index] {
            errors.at(
                &variant.ident,
                format_args!(
                    "`{}` and `{first}` both hold the entry `{}` ({})",
                    variant.ident,
                    catalog.entries[index].name.value,
                    at.entry(&catalog.entries[index]),
                ),
            );
            continue;
        }
        holders[index] = Some(&variant.ident);
        if let Some(fields) =
            variant_fields(catalog, &catalog.entries[index], variant, &at, &mut errors)
        {
            planned.push(PlannedVariant {
                index,
                ident: variant.ident.clone(),
                fields,
            });
        }
    }
    if args.exhaustive {
        check_exhaustive(catalog, &holders, &item.ident, &at, &mut errors);
    }
    if let Some(errors) = errors.into_compile_errors() {
        return Err(errors);
    }
    let value_checks = enum_value_checks(catalog, &planned, &args.krate, &at);
    let plan = Plan {
        variants: planned,
        generated_enums: false,
    };
    let options = Options {
        krate: args.krate,
        tracked_path: Some(source.path().display().to_string()),
        display_path: relative,
    };
    let impls = expand::impls(
        catalog,
        &plan,
        &item.ident,
        &item.vis,
        &options,
        TokenStream::new(),
    );
    Ok(quote::quote!(#impls #value_checks))
}

/// For each field typed with a catalog enum, a `const` that fails to compile unless its Rust
/// type implements `CatalogEnum` with exactly the catalog's values (in any order): the derive
/// sees only the type's name, the compiler checks the rest. Spanned at the field's type.
///
/// ```text
/// const _: () = ::error_catalog::__private::assert_enum_values::<Job>(&["EXPORT", "IMPORT"], "...");
/// ```
fn enum_value_checks(
    catalog: &Catalog,
    planned: &[PlannedVariant],
    krate: &syn::Path,
    at: &Locator<'_>,
) -> TokenStream {
    let checks = planned.iter().flat_map(|variant| {
        let entry = &catalog.entries[variant.index];
        entry
            .fields
            .iter()
            .zip(&variant.fields)
            .filter_map(move |(field, rust)| {
                let FieldType::Enum(index) = field.ty else {
                    return None;
                };
                let ty = catalog.types.get(index)?;
                let values: Vec<&str> = ty.values.iter().map(|v| v.value.as_str()).collect();
                let listed: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
                let message = format!(
                    "`{}`, the type of field `{}` of `{}`, must have exactly the values of the \
                     catalog enum `{}` ({}): {}; derive `error_catalog::CatalogEnum` on it from this catalog",
                    type_text(&rust.ty),
                    field.name.value,
                    variant.ident,
                    ty.name.value,
                    at.offset(ty.name.span.start),
                    listed.join(", "),
                );
                let rust_ty = &rust.ty;
                // Every token at the field's type, the crate's path too: the compiler reports
                // a failed `const` at the first token of the call.
                let span = syn::spanned::Spanned::span(rust_ty);
                let krate = respan(krate.to_token_stream(), span);
                Some(quote::quote_spanned! {span=>
                    const _: () = #krate::__private::assert_enum_values::<#rust_ty>(
                        &[#(#values),*],
                        #message,
                    );
                })
            })
    });
    quote::quote!(#(#checks)*)
}

/// Names places in the catalog as `file:line:col`, the file as the user wrote its path.
pub(crate) struct Locator<'a> {
    /// The catalog.
    pub(crate) source: &'a Source,
    /// The path as written in `#[catalog(path = "...")]`.
    pub(crate) display_path: &'a str,
}

impl Locator<'_> {
    /// `file:line:col` of a byte offset.
    pub(crate) fn offset(&self, offset: usize) -> String {
        let (line, col) = self.source.line_col(offset);
        format!("{}:{line}:{col}", self.display_path)
    }

    /// Where an entry's table starts.
    fn entry(&self, entry: &Entry) -> String {
        self.offset(entry.name.span.start)
    }

    /// Where a field's placeholder first appears.
    fn placeholder(&self, field: &Field) -> String {
        self.offset(field.name.span.start)
    }

    /// Where a field's type is declared (its placeholder when the type is not declared).
    fn ty(&self, field: &Field) -> String {
        self.offset(field.ty_text.span.start)
    }
}

/// The entry a variant holds: `#[catalog(entry = "...")]`, the one entry with
/// `#[catalog(code = "...")]`, or the entry with the variant's name.
///
/// ```text
/// #[catalog(code = "113")] BackupIdNotFound { export_id: String }  // 113 is shared
/// ```
fn variant_entry(
    catalog: &Catalog,
    variant: &syn::Variant,
    at: &Locator<'_>,
    errors: &mut Errors,
) -> Option<usize> {
    let args = match parse_variant_args(variant) {
        Ok(args) => args,
        Err(error) => {
            errors.push(error);
            return None;
        }
    };
    let names = || catalog.entries.iter().map(|e| e.name.value.as_str());
    let by_name = |name: &str, spanned: &dyn ToTokens, errors: &mut Errors| {
        let found = catalog.entries.iter().position(|e| e.name.value == name);
        if found.is_none() {
            let hint = match names::closest(name, names()) {
                Some(close) => {
                    let index = catalog.entries.iter().position(|e| e.name.value == close);
                    let line = index.map(|i| at.entry(&catalog.entries[i]));
                    format!("; did you mean `{close}` ({})?", line.unwrap_or_default())
                }
                None => "; name one with `#[catalog(entry = \"...\")]`".to_owned(),
            };
            errors.at(
                spanned,
                format_args!("no entry `{name}` in `{}`{hint}", at.display_path),
            );
        }
        found
    };
    match (&args.entry, &args.code) {
        (Some(entry), code) => {
            let index = by_name(&entry.value(), entry, errors)?;
            if let Some(code) = code
                && catalog.entries[index].code.value != code.value()
            {
                let entry = &catalog.entries[index];
                errors.at(
                    code,
                    format_args!(
                        "the entry `{}` has code `{}`, not `{}` ({})",
                        entry.name.value,
                        entry.code.value,
                        code.value(),
                        at.offset(entry.code.span.start),
                    ),
                );
                return None;
            }
            Some(index)
        }
        (None, Some(code)) => {
            let with_code: Vec<usize> = (0..catalog.entries.len())
                .filter(|&i| catalog.entries[i].code.value == code.value())
                .collect();
            match with_code.as_slice() {
                [index] => Some(*index),
                [] => {
                    errors.at(
                        code,
                        format_args!(
                            "no entry has code `{}` in `{}`",
                            code.value(),
                            at.display_path
                        ),
                    );
                    None
                }
                shared => {
                    let list = shared
                        .iter()
                        .map(|&i| {
                            let entry = &catalog.entries[i];
                            format!("`{}` ({})", entry.name.value, at.entry(entry))
                        })
                        .collect::<Vec<_>>();
                    let list = match list.split_last() {
                        Some((last, [])) => last.clone(),
                        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                        None => String::new(),
                    };
                    errors.at(
                        code,
                        format_args!(
                            "code `{}` is shared by {list}; say which with `entry = \"...\"`",
                            code.value()
                        ),
                    );
                    None
                }
            }
        }
        (None, None) => by_name(&variant.ident.to_string(), &variant.ident, errors),
    }
}

/// The Rust field of each field of `entry`, when the variant's fields are exactly the entry's
/// placeholders with their types; every mismatch is reported otherwise.
///
/// ```text
/// StorageNotFound { storage: String }     // the placeholder is `{storage_id}`
/// StorageNotFound { storage_id: u32 }     // the catalog says `String`
/// ```
fn variant_fields(
    catalog: &Catalog,
    entry: &Entry,
    variant: &syn::Variant,
    at: &Locator<'_>,
    errors: &mut Errors,
) -> Option<Vec<PlannedField>> {
    let user: Vec<&syn::Field> = match &variant.fields {
        // Generated code writes such a variant `Self::Name`, which braces would not match.
        syn::Fields::Named(fields) if fields.named.is_empty() && entry.fields.is_empty() => {
            errors.at(
                fields,
                format_args!(
                    "the message of `{}` has no placeholders: declare a unit variant, `{}` ({})",
                    entry.name.value,
                    variant.ident,
                    at.offset(entry.message.span.start),
                ),
            );
            return None;
        }
        syn::Fields::Named(fields) => fields.named.iter().collect(),
        syn::Fields::Unit => Vec::new(),
        syn::Fields::Unnamed(fields) => {
            let names: Vec<String> = entry
                .fields
                .iter()
                .map(|f| format!("{}: ...", f.ident))
                .collect();
            errors.at(
                fields,
                format_args!(
                    "a variant that derives `CatalogError` has named fields, one per placeholder: \
                     `{} {{ {} }}` ({})",
                    variant.ident,
                    names.join(", "),
                    at.entry(entry)
                ),
            );
            return None;
        }
    };
    let before = errors.errors.len();
    let field_name = |field: &syn::Field| {
        field
            .ident
            .as_ref()
            .map(|ident| ident.to_string().trim_start_matches("r#").to_owned())
            .unwrap_or_default()
    };
    let missing: Vec<&Field> = entry
        .fields
        .iter()
        .filter(|f| !user.iter().any(|u| field_name(u) == f.name.value))
        .collect();
    let unmatched = user
        .iter()
        .filter(|u| !entry.fields.iter().any(|f| f.name.value == field_name(u)))
        .count();
    let mut renamed: Vec<&str> = Vec::new();
    for field in &user {
        for attr in field.attrs.iter().filter(|a| a.path().is_ident("catalog")) {
            errors.at(
                attr,
                "`#[catalog]` goes on the enum or a variant, not on a field",
            );
        }
        let name = field_name(field);
        let ident = field.ident.as_ref();
        match entry.fields.iter().find(|f| f.name.value == name) {
            Some(catalog_field) => {
                if !type_matches(&field.ty, catalog_field, catalog) {
                    errors.at(
                        &field.ty,
                        format_args!(
                            "field `{name}` of `{}` has type `{}`, but the catalog declares `{}` ({})",
                            variant.ident,
                            type_text(&field.ty),
                            catalog_field.ty_text.value,
                            at.ty(catalog_field),
                        ),
                    );
                }
            }
            None => {
                let candidates = missing
                    .iter()
                    .map(|f| f.name.value.as_str())
                    .filter(|n| !renamed.contains(n));
                // One field too many and one too few: the field is the placeholder misnamed.
                let only = match (unmatched, missing.as_slice()) {
                    (1, [only]) => Some(only.name.value.as_str()),
                    _ => None,
                };
                let close = names::closest(&name, candidates).or(only);
                let message = match close.and_then(|c| missing.iter().find(|f| f.name.value == c)) {
                    Some(catalog_field) => {
                        renamed.push(&catalog_field.name.value);
                        format!(
                            "`{name}` is not a placeholder of `{}`; did you mean `{}` ({})?",
                            entry.name.value,
                            catalog_field.name.value,
                            at.placeholder(catalog_field),
                        )
                    }
                    None => format!(
                        "extra field `{name}`: the message of `{}` has no placeholder `{{{name}}}` ({})",
                        entry.name.value,
                        at.offset(entry.message.span.start),
                    ),
                };
                errors.at(ident, message);
            }
        }
    }
    for field in missing
        .iter()
        .filter(|f| !renamed.contains(&f.name.value.as_str()))
    {
        errors.at(
            &variant.ident,
            format_args!(
                "missing field `{}: {}` of `{}`, for the placeholder `{{{}}}` ({})",
                field.name.value,
                field.ty_text.value,
                entry.name.value,
                field.name.value,
                at.placeholder(field),
            ),
        );
    }
    if errors.errors.len() > before {
        return None;
    }
    let fields = entry
        .fields
        .iter()
        .filter_map(|catalog_field| {
            let field = user
                .iter()
                .find(|u| field_name(u) == catalog_field.name.value)?;
            Some(PlannedField {
                ident: field.ident.clone()?,
                ty: field.ty.clone(),
            })
        })
        .collect();
    Some(fields)
}

/// With `exhaustive`, one error that lists every entry no variant holds.
fn check_exhaustive(
    catalog: &Catalog,
    holders: &[Option<&Ident>],
    name: &Ident,
    at: &Locator<'_>,
    errors: &mut Errors,
) {
    let missing: Vec<String> = catalog
        .entries
        .iter()
        .zip(holders)
        .filter(|(_, holder)| holder.is_none())
        .map(|(entry, _)| {
            format!(
                "\n  - `{}` (code `{}`, {})",
                entry.name.value,
                entry.code.value,
                at.entry(entry)
            )
        })
        .collect();
    if !missing.is_empty() {
        errors.at(
            name,
            format_args!(
                "`{name}` is `exhaustive` but has no variant for {} of the catalog's entries:{}",
                missing.len(),
                missing.concat()
            ),
        );
    }
}

/// Whether the Rust type of a field is the catalog's: built-in types and catalog enums by
/// the last segment of the path (`String`, `std::string::String`), external types by the
/// whole path, a leading `::` aside.
fn type_matches(ty: &syn::Type, field: &Field, catalog: &Catalog) -> bool {
    let ty = match ty {
        syn::Type::Group(group) => &*group.elem,
        syn::Type::Paren(paren) => &*paren.elem,
        ty => ty,
    };
    let syn::Type::Path(path) = ty else {
        return false;
    };
    if path.qself.is_some() {
        return false;
    }
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let plain = |name: &str| last.ident == name && last.arguments.is_none();
    match &field.ty {
        FieldType::String => plain("String"),
        FieldType::Bool => plain("bool"),
        FieldType::Integer(int) => plain(int.name()),
        FieldType::Enum(index) => catalog
            .types
            .get(*index)
            .is_some_and(|t| plain(&t.name.value)),
        FieldType::External(text) => {
            let normal = |text: &str| {
                let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                text.trim_start_matches("::").to_owned()
            };
            normal(&type_text(ty)) == normal(text)
        }
    }
}

/// `tokens` with every span, in groups too, set to `span`.
fn respan(tokens: TokenStream, span: proc_macro2::Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = proc_macro2::TokenTree::Group(inner);
            } else {
                tree.set_span(span);
            }
            tree
        })
        .collect()
}

/// A type as the user wrote it, for messages.
fn type_text(ty: &syn::Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace(" < ", "<")
        .replace(" >", ">")
}
