//! The static data: the catalog's metadata (`__CATALOG`, `__ERRORS`) and the enum's tables
//! (`__TABLES`), which the runtime's functions read in place of per-variant code.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{Plan, option_str};
use crate::model::{Catalog, Classes, Entry, FieldType};
use crate::wire::{CodeType, Member, Node, Wire};
use error_catalog_template::{Segment, packed};

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

/// The static metadata of the whole catalog, `__CATALOG` and `__ERRORS`, inside the
/// generated `const _` block.
pub(super) fn metadata(catalog: &Catalog, private: &TokenStream) -> TokenStream {
    let statuses = catalog.statuses.iter().map(|s| {
        let (code, reason, meaning) = (s.code.value, &s.reason, &s.meaning);
        let spec = quote!(#private::status_spec(#code, #reason, #meaning));
        if s.reasons.is_empty() && s.meanings.is_empty() {
            return spec;
        }
        let texts = |texts: &[crate::model::Translated]| {
            let texts = texts.iter().map(|t| {
                let (locale, text) = (&t.locale.value, &t.text.value);
                quote!(#private::translation(#locale, #text))
            });
            quote!(&[#(#texts),*])
        };
        let (reasons, meanings) = (texts(&s.reasons), texts(&s.meanings));
        quote!(#private::with_status_texts(#spec, #reasons, #meanings))
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
        let spec = quote! {
            #private::error_spec(
                #name, #code, #status, #message, #example, #fields, #doc, #help, #docs_url, #shared,
                #overlapping, #retryable, #retry_after,
            )
        };
        if entry.translations.is_empty() {
            return spec;
        }
        let messages = entry.translations.iter().map(|t| {
            let (locale, text) = (&t.locale.value, &t.message.value);
            quote!(#private::translation(#locale, #text))
        });
        quote!(#private::with_messages(#spec, &[#(#messages),*]))
    });
    let (title, doc) = (&catalog.title, &catalog.doc);
    let docs_url = option_str(catalog.docs_url.as_ref().map(|url| url.value.as_str()));
    let problem_base = option_str(catalog.problem_base.as_ref().map(|url| url.value.as_str()));
    let wire = wire_tokens(&catalog.wire, private);
    let mut spec = quote! {
        #private::catalog_spec(
            #title,
            #doc,
            #docs_url,
            #problem_base,
            #wire,
            &[#(#statuses),*],
            &[#(#types),*],
            __ERRORS,
            &[#(#retired),*],
        )
    };
    // A catalog in one unnamed language generates what it did before locales existed.
    if let Some(default) = catalog.locales.default_tag() {
        let locales = catalog.locales.list();
        spec = quote!(#private::with_locales(#spec, #default, &[#(#locales),*]));
    }
    quote! {
        #(#field_consts)*
        const __ERRORS: &[#private::ErrorSpec] = &[#(#errors),*];
        static __CATALOG: #private::CatalogSpec = #spec;
    }
}

/// The locale that a text of `locale` falls back to: the first of its truncations (as RFC
/// 4647's lookup makes them, the runtime's fallback chain) that is one of `locales`, by index;
/// `u32::MAX` for the default locale.
fn parent_locale(locale: &str, locales: &[&str]) -> u32 {
    let mut tag = locale;
    while let Some(at) = tag.rfind('-') {
        tag = &tag[..at];
        // A singleton left at the end goes with the subtag after it.
        if let Some(before) = tag.rfind('-')
            && tag.len() - before == 2
        {
            tag = &tag[..before];
        }
        if let Some(index) = locales.iter().position(|l| l.eq_ignore_ascii_case(tag)) {
            return index_u32(index);
        }
    }
    u32::MAX
}

/// Whether a value parsed from a message of `entry` in the template `parts` (its message in
/// one locale) may render differently from the message:
/// external types (an `Ipv4Addr` parses `010.1.2.3`) and fields used more than once. The
/// splitter gives strings, integers, booleans and catalog enums only text they render as; a
/// catalog enum the user declares is verified too, its `Display` being the user's.
fn verify_rendering(entry: &Entry, parts: &[crate::model::Part], generated_enums: bool) -> bool {
    entry.fields.iter().enumerate().any(|(index, field)| {
        matches!(field.ty, FieldType::External(_))
            || (!generated_enums && matches!(field.ty, FieldType::Enum(_)))
            || crate::model::placeholders(parts)
                .filter(|&f| f == index)
                .count()
                > 1
    })
}

/// `__TABLES`, the static [`Tables`](error_catalog::__private::Tables) of the enum of `plan`,
/// as flat arrays of literals: every entry's compiled template packed as one integer word
/// per segment ([`packed`]) and its literal text, one entry after the other, with where each
/// entry's runs end and whether a parsed value is rendered again ([`verify_rendering`]); the
/// codes of the covered entries, sorted by their bytes, each with its covered entries in the
/// order a client tries them ([`Catalog::entries_by_code`]), and their hash table
/// ([`packed::code_buckets`]); and the
/// entry of each variant. A code none of whose entries is covered is unknown to the enum.
pub(super) fn tables(catalog: &Catalog, plan: &Plan, private: &TokenStream) -> TokenStream {
    let classes = Classes::new(catalog);
    let (mut words, mut literals, mut entries) = (Vec::new(), Vec::new(), Vec::new());
    for entry in &catalog.entries {
        pack(
            catalog,
            &classes,
            entry,
            &entry.parts,
            &mut words,
            &mut literals,
        );
        let verify = verify_rendering(entry, &entry.parts, plan.generated_enums);
        let (words_end, literals_end) = (index_u32(words.len()), index_u32(literals.len()));
        entries.push(quote!((#words_end, #literals_end, #verify)));
    }
    let mut covered = vec![false; catalog.entries.len()];
    for variant in &plan.variants {
        if let Some(covered) = covered.get_mut(variant.index) {
            *covered = true;
        }
    }
    let mut codes = catalog.entries_by_code(|index| covered.get(index).copied().unwrap_or(false));
    codes.sort_unstable_by(|(a, _), (b, _)| a.as_bytes().cmp(b.as_bytes()));
    let mut order = Vec::new();
    let mut ends = Vec::new();
    for (code, indices) in &codes {
        order.extend(indices.iter().copied().map(index_u32));
        let end = index_u32(order.len());
        ends.push(quote!((#code, #end)));
    }
    let names: Vec<&str> = codes.iter().map(|(code, _)| *code).collect();
    let buckets = packed::code_buckets(&names);
    let variants = plan.variants.iter().map(|variant| index_u32(variant.index));
    let tables = quote! {
        #private::Tables::new(
            &[#(#entries),*],
            &[#(#words),*],
            &[#(#literals),*],
            &[#(#ends),*],
            &[#(#buckets),*],
            &[#(#order),*],
            &[#(#variants),*],
        )
    };
    // A catalog without translations generates what it did before locales existed.
    if catalog
        .entries
        .iter()
        .all(|entry| entry.translations.is_empty())
    {
        return quote!(static __TABLES: #private::Tables = #tables;);
    }
    let translations = translations(catalog, &classes, plan, private);
    quote! {
        #translations
        static __TABLES: #private::Tables = #tables.localized(&__TRANSLATIONS);
    }
}

/// `__TRANSLATIONS`, the static [`Translations`](error_catalog::__private::Translations): per
/// locale of the catalog, in order, the locale it falls back to and the templates of the
/// messages it translates, packed as [`tables`] packs the default ones, in entry order.
fn translations(
    catalog: &Catalog,
    classes: &Classes<'_>,
    plan: &Plan,
    private: &TokenStream,
) -> TokenStream {
    let locales = catalog.locales.list();
    let (mut words, mut literals, mut runs, mut ends) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for locale in &locales {
        for (index, entry) in catalog.entries.iter().enumerate() {
            let Some(translation) = entry.translation(locale) else {
                continue;
            };
            pack(
                catalog,
                classes,
                entry,
                &translation.parts,
                &mut words,
                &mut literals,
            );
            let verify = verify_rendering(entry, &translation.parts, plan.generated_enums);
            let (index, words_end, literals_end) = (
                index_u32(index),
                index_u32(words.len()),
                index_u32(literals.len()),
            );
            runs.push(quote!((#index, #words_end, #literals_end, #verify)));
        }
        let parent = parent_locale(locale, &locales);
        let end = index_u32(runs.len());
        ends.push(quote!((#parent, #end)));
    }
    quote! {
        static __TRANSLATIONS: #private::Translations = #private::Translations::new(
            &[#(#ends),*],
            &[#(#runs),*],
            &[#(#words),*],
            &[#(#literals),*],
        );
    }
}

/// Appends the template `parts` of `entry` to `words` and `literals`: one word per segment
/// ([`packed`]), and each literal segment's text.
fn pack<'c>(
    catalog: &Catalog,
    classes: &'c Classes<'c>,
    entry: &'c Entry,
    parts: &'c [crate::model::Part],
    words: &mut Vec<u64>,
    literals: &mut Vec<&'c str>,
) {
    let mut slots = crate::model::placeholders(parts);
    for segment in classes.segments_of(entry, parts) {
        match segment {
            Segment::Literal(text) => {
                words.push(packed::LITERAL);
                literals.push(text);
            }
            Segment::Field(class) => {
                let code = packed::class_code(&class, |values| {
                    let index = catalog.types.iter().position(|ty| {
                        ty.values.len() == values.len()
                            && ty.values.iter().zip(values).all(|(a, b)| a.value == *b)
                    })?;
                    u32::try_from(index).ok()
                });
                let slot = slots.next().map_or(u32::MAX, index_u32);
                words.push(packed::field_word(slot, code));
            }
        }
    }
}

/// An index into the tables, as the `u32` they hold: a catalog has far fewer than 2³² entries,
/// segments or placeholders (a TOML file of that size is not one the checks accept).
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}
