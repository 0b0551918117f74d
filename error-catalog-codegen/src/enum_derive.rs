//! `#[derive(CatalogEnum)]`: a user's fieldless enum checked against a `[types.X]` catalog
//! enum, then given the impls that the attribute generates for its own catalog enums.
//!
//! As for `#[derive(CatalogError)]`, every mistake is collected and all are reported
//! together, each spanned at the Rust enum or variant and naming the catalog's
//! `file:line:col`; with any mistake, nothing else is emitted.

use std::path::Path;

use proc_macro2::TokenStream;

use crate::derive_input::{Errors, Locator, enum_variants};
use crate::expand::catalog_enum_trait_impls;
use crate::macro_input::{load_catalog, set_once};
use crate::model::EnumType;
use crate::names;

/// What `#[derive(CatalogEnum)]` goes on, for the errors that say so.
const NOT_AN_ENUM: &str =
    "`#[derive(CatalogEnum)]` goes on a fieldless enum whose variants are a catalog enum's values";

/// The options of `#[catalog(...)]` on the enum.
struct Args {
    /// `path = "..."`, with the literal for error spans.
    path: syn::LitStr,
    /// `name = "..."`: the `[types.X]` key, when it is not the enum's name.
    name: Option<syn::LitStr>,
    /// `crate = "..."`.
    krate: syn::Path,
}

fn parse_args(item: &syn::DeriveInput) -> syn::Result<Args> {
    let mut path = None;
    let mut name = None;
    let mut krate = None;
    for attr in item.attrs.iter().filter(|a| a.path().is_ident("catalog")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("path") {
                set_once(&mut path, &meta, meta.value()?.parse::<syn::LitStr>()?)?;
            } else if meta.path.is_ident("name") {
                set_once(&mut name, &meta, meta.value()?.parse::<syn::LitStr>()?)?;
            } else if meta.path.is_ident("crate") {
                let lit = meta.value()?.parse::<syn::LitStr>()?;
                set_once(&mut krate, &meta, lit.parse::<syn::Path>()?)?;
            } else if meta.path.is_ident(crate::macro_input::PANIC_FOR_TESTS) {
                crate::macro_input::panic_for_tests(&meta)?;
            } else {
                return Err(meta.error(
                    "unknown option; expected `path = \"...\"`, `name = \"...\"` or `crate = \"...\"`",
                ));
            }
            Ok(())
        })?;
    }
    let path = path.ok_or_else(|| {
        syn::Error::new(
            item.ident.span(),
            "missing `path`: write `#[catalog(path = \"catalog/api.toml\")]` on the enum",
        )
    })?;
    Ok(Args {
        path,
        name,
        krate: krate.unwrap_or_else(|| syn::parse_quote!(::error_catalog)),
    })
}

/// The whole `#[derive(CatalogEnum)]`: `input` is the enum it is placed on.
///
/// The catalog's path resolves as for [`crate::expand_derive`]. The enum's variants must be
/// exactly the catalog enum's values under their generated names (`in-progress` is
/// `InProgress`), in any order; the output is `CatalogEnum`, `Display` and `FromStr` with the
/// catalog's wire spellings, or every mistake as a compile error.
pub fn expand_enum_derive(input: TokenStream, source_file: Option<&Path>) -> TokenStream {
    match derive(input, source_file) {
        Ok(tokens) => tokens,
        Err(errors) => errors,
    }
}

fn derive(input: TokenStream, source_file: Option<&Path>) -> Result<TokenStream, TokenStream> {
    let item: syn::DeriveInput = syn::parse2(input).map_err(|e| e.to_compile_error())?;
    let variants = enum_variants(
        &item,
        NOT_AN_ENUM,
        "a catalog enum cannot have generic parameters",
    )?;
    let args = parse_args(&item).map_err(|e| e.to_compile_error())?;
    let (source, checked) = load_catalog(&args.path, source_file, None)?;
    let relative = args.path.value();
    let catalog = checked.catalog();
    let at = Locator {
        source: &source,
        display_path: &relative,
    };

    let type_name = match &args.name {
        Some(name) => name.value(),
        None => item.ident.to_string(),
    };
    let Some(ty) = catalog.types.iter().find(|t| t.name.value == type_name) else {
        let hint = match names::closest(
            &type_name,
            catalog.types.iter().map(|t| t.name.value.as_str()),
        ) {
            Some(close) => {
                let line = catalog
                    .types
                    .iter()
                    .find(|t| t.name.value == close)
                    .map(|t| at.offset(t.name.span.start))
                    .unwrap_or_default();
                format!("; did you mean `{close}` ({line})?")
            }
            None if catalog.types.is_empty() => "; it declares no `[types.*]`".to_owned(),
            None => {
                let list: Vec<String> = catalog
                    .types
                    .iter()
                    .map(|t| format!("`{}`", t.name.value))
                    .collect();
                format!(
                    "; it declares {} (name one with `#[catalog(name = \"...\")]`)",
                    list.join(", ")
                )
            }
        };
        let message = format!(
            "no catalog enum `[types.{type_name}]` in `{}`{hint}",
            at.display_path
        );
        let error = match &args.name {
            Some(name) => syn::Error::new(name.span(), message),
            None => syn::Error::new(item.ident.span(), message),
        };
        return Err(error.to_compile_error());
    };

    let mut errors = Errors::default();
    check_variants(ty, variants, &item.ident, &at, &mut errors);
    if let Some(errors) = errors.into_compile_errors() {
        return Err(errors);
    }
    Ok(catalog_enum_trait_impls(
        ty,
        &item.ident,
        &args.krate,
        false,
    ))
}

/// Every variant is a value of `ty` by its generated name, without fields, and every value
/// has a variant; each mistake is reported.
///
/// ```text
/// enum Job { Export, Imprt }          // `Imprt`: did you mean `Import`?
/// enum Job { Export }                 // missing `Import` for "IMPORT"
/// enum Job { Export(u8), Import }     // a value has no fields
/// ```
fn check_variants(
    ty: &EnumType,
    variants: &syn::punctuated::Punctuated<syn::Variant, syn::Token![,]>,
    name: &syn::Ident,
    at: &Locator<'_>,
    errors: &mut Errors,
) {
    let type_name = &ty.name.value;
    let declared = at.offset(ty.name.span.start);
    let mut held = vec![false; ty.variants.len()];
    // The values a misspelt variant was told it may mean: reported there, not as missing.
    let mut suggested = vec![false; ty.variants.len()];
    for variant in variants {
        for attr in variant
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("catalog"))
        {
            errors.at(attr, "`#[catalog]` goes on the enum, not on a variant");
        }
        if !matches!(variant.fields, syn::Fields::Unit) {
            errors.at(
                variant,
                format_args!(
                    "a variant of a catalog enum is one wire value and has no fields: write `{}` \
                     ({declared})",
                    variant.ident
                ),
            );
        }
        let ident = variant.ident.to_string();
        match ty.variants.iter().position(|v| *v == ident) {
            Some(index) => held[index] = true,
            None => {
                let missing = ty
                    .variants
                    .iter()
                    .zip(held.iter().zip(&suggested))
                    .filter(|(_, (held, suggested))| !**held && !**suggested)
                    .map(|(v, _)| v.as_str());
                let hint = match names::closest(&ident, missing) {
                    Some(close) => {
                        let index = ty.variants.iter().position(|v| v == close).unwrap_or(0);
                        suggested[index] = true;
                        let value = &ty.values[index];
                        format!(
                            "; did you mean `{close}`, for {:?} ({})?",
                            value.value,
                            at.offset(value.span.start)
                        )
                    }
                    None => {
                        let list: Vec<String> = ty
                            .values
                            .iter()
                            .zip(&ty.variants)
                            .map(|(value, variant)| format!("`{variant}` ({:?})", value.value))
                            .collect();
                        format!("; its variants are {}", list.join(", "))
                    }
                };
                errors.at(
                    &variant.ident,
                    format_args!(
                        "`{ident}` is not a value of the catalog enum `{type_name}` ({declared}){hint}"
                    ),
                );
            }
        }
    }
    let missing: Vec<String> = ty
        .values
        .iter()
        .zip(&ty.variants)
        .zip(held.iter().zip(&suggested))
        .filter(|(_, (held, suggested))| !**held && !**suggested)
        .map(|((value, variant), _)| {
            format!(
                "\n  - `{variant}`, for {:?} ({})",
                value.value,
                at.offset(value.span.start)
            )
        })
        .collect();
    if !missing.is_empty() {
        errors.at(
            name,
            format_args!(
                "`{name}` has no variant for {} of the values of the catalog enum `{type_name}` \
                 ({declared}):{}",
                missing.len(),
                missing.concat()
            ),
        );
    }
}
