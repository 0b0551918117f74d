//! A client for TypeScript: one self-contained ES module generated from a catalog (feature
//! `typescript`), what `error-catalog generate typescript` writes.
//!
//! The module has, in this order:
//!
//! 1. a type for each catalog enum, the union of its wire values as string literals;
//! 2. an interface for each entry, with JSDoc from the catalog: `name` (the entry's name, the
//!    discriminant), `code` and `status` as literal types, `message`, and typed `fields`
//!    (`number` for integers of up to 32 bits, `bigint` for wider ones, `boolean`, `string`,
//!    or a catalog enum's type);
//! 3. `CatalogErrors`, each entry's interface under its name, and from it `CatalogError`, the
//!    union of them all, `ErrorName`, `ErrorOf<N>` and `FieldsOf<N>`;
//! 4. `catalog`, the entry table `as const`: each entry's code, status, fields and their
//!    kinds, template segments and translations, whether it is retryable and its docs link,
//!    the wire shape, and the entries of each code in the order the Rust client tries them;
//! 5. the runtime, the same for every catalog (`runtime.ts`): `parseError`, which reads a
//!    status, a body and headers exactly as the Rust client's `from_http` does, `render`,
//!    `createError`, the type guards `isError` and `isUnrecognized`, `isRetryable`,
//!    `retryAfter` and `retryAfterHeader`.
//!
//! The module has no import and needs ES2020 (`bigint`); it passes `tsc --strict`.
//!
//! # Names
//!
//! An entry's interface, and a catalog enum's type, is named as the catalog names it, unless
//! the module already uses that name (`CatalogError`, `Unrecognized`, a global such as `Error`
//! or `Record`, ...) or an earlier entry or enum took it: then `_` is appended until it is
//! free. The discriminant `name` is always the entry's own name. A catalog with an entry
//! named `Unrecognized`, the discriminant of what `parseError` gives for a response it cannot
//! read, is refused ([`TypeScriptError::ReservedName`]).
//!
//! # Example
//!
//! ```
//! use error_catalog_codegen::{Report, Source, load};
//!
//! let source = Source::new(
//!     "catalog/api.toml",
//!     "/api/catalog/api.toml",
//!     "[catalog]\ntitle = \"Storage API\"\n\n[status.404]\n\n\
//!      [errors.StorageNotFound]\ncode = \"129\"\nstatus = 404\nmessage = \"No storage {id}\"\n",
//! );
//! let checked = load(&source).unwrap_or_else(|d| panic!("{}", Report::new(source, d)));
//! let module = error_catalog_codegen::typescript::generate(&checked).unwrap();
//! assert!(module.contains("export interface StorageNotFound {"));
//! assert!(module.contains("export function parseError("));
//! ```

use std::collections::HashSet;
use std::fmt::{self, Write as _};

use error_catalog_template::Int;

use crate::check::Checked;
use crate::model::{Catalog, Entry, Field, FieldType, Part};
use crate::wire::{Member, Node, Wire};

/// The runtime that every generated module ends with; the development stub above its marker
/// line is left out.
const RUNTIME: &str = include_str!("runtime.ts");

/// The line of `runtime.ts` after which the runtime proper starts.
const RUNTIME_MARKER: &str = "// ---- error-catalog runtime ----\n";

/// The names the module declares or uses itself, and the global types that its runtime
/// names: an entry or a catalog enum with one of them gets another name in the module.
const RESERVED: &[&str] = &[
    // Declared by the module.
    "CatalogError",
    "CatalogErrors",
    "ErrorName",
    "ErrorOf",
    "FieldsOf",
    "Unrecognized",
    "UnrecognizedKind",
    "BodyError",
    "HeadersLike",
    "CatalogTable",
    // Globals of JavaScript and TypeScript's standard library.
    "Array",
    "ArrayBuffer",
    "ArrayLike",
    "BigInt",
    "Boolean",
    "DataView",
    "Date",
    "Error",
    "Exclude",
    "Extract",
    "Function",
    "Headers",
    "Infinity",
    "Iterable",
    "IterableIterator",
    "Iterator",
    "JSON",
    "Map",
    "Math",
    "NaN",
    "NonNullable",
    "Number",
    "Object",
    "Partial",
    "Pick",
    "Omit",
    "Promise",
    "PropertyKey",
    "RangeError",
    "Readonly",
    "ReadonlyArray",
    "ReadonlyMap",
    "ReadonlySet",
    "Record",
    "RegExp",
    "Required",
    "ReturnType",
    "Set",
    "String",
    "Symbol",
    "SyntaxError",
    "TextDecoder",
    "TextEncoder",
    "TypeError",
    "Uint8Array",
    "WeakMap",
    "WeakSet",
    "URL",
];

/// Why a catalog has no TypeScript module.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TypeScriptError {
    /// An entry has a name that the module needs for itself: `Unrecognized`, the discriminant
    /// of a response that `parseError` cannot read.
    ReservedName {
        /// The entry's name.
        entry: String,
    },
}

impl fmt::Display for TypeScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeScriptError::ReservedName { entry } => write!(
                f,
                "entry `{entry}` cannot be told apart from what `parseError` gives for a \
                 response it does not recognize, whose `name` is `{entry}` too; rename the entry"
            ),
        }
    }
}

impl std::error::Error for TypeScriptError {}

/// The TypeScript module of a checked catalog: see the [module docs](self).
pub fn generate(checked: &Checked) -> Result<String, TypeScriptError> {
    let catalog = checked.catalog();
    if let Some(entry) = catalog
        .entries
        .iter()
        .find(|entry| entry.name.value == "Unrecognized")
    {
        return Err(TypeScriptError::ReservedName {
            entry: entry.name.value.clone(),
        });
    }
    let names = Names::new(catalog);
    let mut out = String::with_capacity(4096 + catalog.entries.len() * 1024);
    header(&mut out, catalog);
    for (index, ty) in catalog.types.iter().enumerate() {
        out.push('\n');
        let mut doc = Doc::default();
        doc.paragraph(&ty.doc);
        doc.paragraph(&format!(
            "A catalog enum: one of {}.",
            list(ty.values.iter().map(|v| format!("`{}`", v.value)))
        ));
        doc.write(&mut out, "");
        let values: Vec<String> = ty.values.iter().map(|v| ts_string(&v.value)).collect();
        let union = if values.is_empty() {
            "never".to_owned()
        } else {
            values.join(" | ")
        };
        let _ = writeln!(out, "export type {} = {union};", names.types[index]);
    }
    for (index, entry) in catalog.entries.iter().enumerate() {
        out.push('\n');
        entry_interface(&mut out, catalog, &names, index, entry);
    }
    union_types(&mut out, catalog, &names);
    out.push('\n');
    table(&mut out, catalog);
    out.push('\n');
    out.push_str(runtime());
    Ok(out)
}

/// The runtime that every generated module ends with, the same for every catalog: the
/// table's type, `parseError` and the other functions, over the module's `catalog`.
pub fn runtime() -> &'static str {
    RUNTIME
        .split_once(RUNTIME_MARKER)
        .map_or(RUNTIME, |(_, runtime)| runtime)
}

/// The TypeScript names of the entries' interfaces and of the catalog enums' types.
struct Names {
    entries: Vec<String>,
    types: Vec<String>,
}

impl Names {
    fn new(catalog: &Catalog) -> Self {
        let mut taken: HashSet<String> = RESERVED.iter().map(|name| (*name).to_owned()).collect();
        let mut claim = |name: &str| {
            let mut name = name.to_owned();
            while taken.contains(&name) {
                name.push('_');
            }
            taken.insert(name.clone());
            name
        };
        let entries = catalog
            .entries
            .iter()
            .map(|entry| claim(&entry.name.value))
            .collect();
        let types = catalog
            .types
            .iter()
            .map(|ty| claim(&ty.name.value))
            .collect();
        Names { entries, types }
    }
}

/// The comment at the top of the module.
fn header(out: &mut String, catalog: &Catalog) {
    let mut doc = Doc::default();
    doc.line(&format!(
        "The errors of {}, as typed values: generated by error-catalog from the catalog. Do not edit.",
        catalog.title
    ));
    doc.paragraph(&catalog.doc);
    doc.paragraph(
        "`parseError(status, body, headers)` turns a response into a `CatalogError`, \
         discriminated by `name`, with typed `fields`, or into an `Unrecognized` that keeps \
         what was received; it reads a response exactly as the catalog's Rust client does.",
    );
    doc.paragraph("@module");
    doc.write(out, "");
}

/// The interface of one entry.
fn entry_interface(
    out: &mut String,
    catalog: &Catalog,
    names: &Names,
    index: usize,
    entry: &Entry,
) {
    let mut doc = Doc::default();
    doc.paragraph(&entry.doc);
    if !entry.help.is_empty() {
        doc.paragraph(&format!("**What to do:** {}", entry.help));
    }
    if !doc.lines.is_empty() {
        doc.line("");
    }
    let reason = catalog
        .reason(entry.status.value)
        .map(|reason| format!(" {reason}"))
        .unwrap_or_default();
    doc.line(&format!(
        "- **Code:** `{}`, status {}{reason}",
        entry.code.value, entry.status.value
    ));
    doc.line(&format!("- **Message:** `{}`", entry.message.value));
    for translation in &entry.translations {
        doc.line(&format!(
            "- **Message ({}):** `{}`",
            translation.locale.value, translation.message.value
        ));
    }
    doc.line(&format!("- **Example:** `{}`", entry.example_message()));
    let retry = match entry.retry_after_field() {
        Some(field) => format!(", after the seconds in `{}`", field.name.value),
        None => String::new(),
    };
    doc.line(&format!(
        "- **Retryable:** {}{retry}",
        if entry.is_retryable() { "yes" } else { "no" }
    ));
    if let Some(url) = catalog.docs_url(entry) {
        doc.line(&format!("- **Docs:** {url}"));
    }
    doc.write(out, "");
    let _ = writeln!(out, "export interface {} {{", names.entries[index]);
    let _ = writeln!(out, "  readonly name: {};", ts_string(&entry.name.value));
    let _ = writeln!(out, "  readonly code: {};", ts_string(&entry.code.value));
    let _ = writeln!(out, "  readonly status: {};", entry.status.value);
    out.push_str(
        "  /** The message, as received (in any of the catalog's locales) or rendered. */\n",
    );
    out.push_str("  readonly message: string;\n");
    if entry.fields.is_empty() {
        out.push_str("  readonly fields: Readonly<Record<string, never>>;\n");
    } else {
        out.push_str("  readonly fields: {\n");
        for field in &entry.fields {
            let mut doc = Doc::default();
            doc.paragraph(&field.doc);
            doc.paragraph(&format!(
                "`{{{}}}`: `{}`, for example `{}`.",
                field.name.value, field.ty_text.value, field.example.value
            ));
            doc.write(out, "    ");
            let _ = writeln!(
                out,
                "    readonly {}: {};",
                field.name.value,
                field_type(names, field)
            );
        }
        out.push_str("  };\n");
    }
    out.push_str("}\n");
}

/// The TypeScript type of a field's value.
fn field_type(names: &Names, field: &Field) -> String {
    match &field.ty {
        FieldType::String | FieldType::External(_) => "string".to_owned(),
        FieldType::Bool => "boolean".to_owned(),
        FieldType::Integer(int) if is_wide(*int) => "bigint".to_owned(),
        FieldType::Integer(_) => "number".to_owned(),
        FieldType::Enum(index) => names
            .types
            .get(*index)
            .cloned()
            // A checked catalog's fields name only its own enums.
            .unwrap_or_else(|| "string".to_owned()),
    }
}

/// Whether an integer type has values beyond 2^53, which a JavaScript `number` cannot hold
/// exactly: such fields are `bigint`s.
fn is_wide(int: Int) -> bool {
    matches!(
        int,
        Int::U64 | Int::U128 | Int::Usize | Int::I64 | Int::I128 | Int::Isize
    )
}

/// `CatalogErrors`, which maps each entry's name to its interface, `CatalogError` and the
/// types derived from it. They are indexed accesses into the one interface, which `tsc`
/// resolves at once whatever the number of entries; `Extract` over the union would compare
/// every entry with every name.
fn union_types(out: &mut String, catalog: &Catalog, names: &Names) {
    out.push_str("\n/** Each entry's interface, under the entry's name. */\n");
    if catalog.entries.is_empty() {
        out.push_str("export interface CatalogErrors {}\n");
    } else {
        out.push_str("export interface CatalogErrors {\n");
        for (entry, name) in catalog.entries.iter().zip(&names.entries) {
            let _ = writeln!(out, "  {}: {name};", entry.name.value);
        }
        out.push_str("}\n");
    }
    out.push_str(
        "\n/** Every error of the catalog, discriminated by `name`: narrow with `switch (error.name)` or `isError`. */\n\
         export type CatalogError = CatalogErrors[keyof CatalogErrors];\n\
         \n/** The name of an entry of the catalog. */\n\
         export type ErrorName = keyof CatalogErrors;\n\
         \n/** The error of the entry named `N`. */\n\
         export type ErrorOf<N extends ErrorName> = CatalogErrors[N];\n\
         \n/** The typed fields of the entry named `N`. */\n\
         export type FieldsOf<N extends ErrorName> = CatalogErrors[N][\"fields\"];\n",
    );
}

/// `catalog`, the table that the runtime reads.
fn table(out: &mut String, catalog: &Catalog) {
    let wire = &catalog.wire;
    out.push_str(
        "/**\n * The catalog as data: the wire shape, the catalog enums, the locales, every entry \
         (code, status, fields and their kinds,\n * template segments, translations, whether it \
         is retryable, its docs link), and the entries of each code in the\n * order a client \
         tries them. A template is literal text (strings) and placeholders (the index of their \
         field).\n */\n",
    );
    out.push_str("export const catalog = {\n");
    let _ = writeln!(out, "  title: {},", ts_string(&catalog.title));
    let _ = writeln!(
        out,
        "  wire: {{ code: {}, message: {}, codeType: {}, header: {}, fields: {}, layout: {} }},",
        ts_string(&wire.code.value),
        ts_string(&wire.message.value),
        ts_string(wire.code_type.value.name()),
        wire.header
            .as_ref()
            .map_or("null".to_owned(), |h| ts_string(
                &h.value.to_ascii_lowercase()
            )),
        wire.fields.is_some(),
        layout(&wire.layout(), wire),
    );
    out.push_str("  types: [");
    for (index, ty) in catalog.types.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        let values: Vec<String> = ty.values.iter().map(|v| ts_string(&v.value)).collect();
        let _ = write!(
            out,
            "{{ name: {}, values: [{}] }}",
            ts_string(&ty.name.value),
            values.join(", ")
        );
    }
    out.push_str("],\n");
    let locales = catalog.locales.list();
    let _ = writeln!(
        out,
        "  locales: [{}],",
        locales
            .iter()
            .map(|l| ts_string(l))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "  defaultLocale: {},",
        catalog
            .locales
            .default_tag()
            .map_or("null".to_owned(), ts_string)
    );
    out.push_str("  entries: [\n");
    for entry in &catalog.entries {
        entry_row(out, catalog, &locales, entry);
    }
    out.push_str("  ],\n  codes: [\n");
    for (code, indices) in catalog.entries_by_code(|_| true) {
        let indices: Vec<String> = indices.iter().map(usize::to_string).collect();
        let _ = writeln!(out, "    [{}, [{}]],", ts_string(code), indices.join(", "));
    }
    // `as const` alone: with `satisfies`, `isolatedDeclarations` wants a type annotation. The
    // runtime assigns the table to a `CatalogTable`, which checks it as `satisfies` would.
    out.push_str("  ],\n} as const;\n");
}

/// One entry of the table, on two lines.
fn entry_row(out: &mut String, catalog: &Catalog, locales: &[&str], entry: &Entry) {
    let fields: Vec<String> = entry
        .fields
        .iter()
        .map(|field| {
            format!(
                "{{ name: {}, kind: {} }}",
                ts_string(&field.name.value),
                kind(&field.ty)
            )
        })
        .collect();
    let _ = write!(
        out,
        "    {{ name: {}, code: {}, status: {}, retryable: {}, retryAfter: {}, docs: {}, fields: [{}],\n      template: {}, translations: [",
        ts_string(&entry.name.value),
        ts_string(&entry.code.value),
        entry.status.value,
        entry.is_retryable(),
        entry
            .retry_after
            .as_ref()
            .map_or("null".to_owned(), |field| ts_string(&field.value)),
        catalog
            .docs_url(entry)
            .map_or("null".to_owned(), |url| ts_string(&url)),
        fields.join(", "),
        template(&entry.parts),
    );
    // The entry's own translations, in the order of the catalog's locales, as the Rust client
    // tries them (and as `expand/tables.rs` packs them).
    let translations: Vec<String> = locales
        .iter()
        .filter_map(|locale| {
            let translation = entry.translation(locale)?;
            Some(format!(
                "[{}, {}]",
                ts_string(locale),
                template(&translation.parts)
            ))
        })
        .collect();
    out.push_str(&translations.join(", "));
    out.push_str("] },\n");
}

/// A template as the table writes it: literals as strings, placeholders as field indices.
fn template(parts: &[Part]) -> String {
    let items: Vec<String> = parts
        .iter()
        .map(|part| match part {
            Part::Literal(text) => ts_string(text),
            Part::Placeholder { field, .. } => field.to_string(),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// A field type's kind, as the table writes it.
fn kind(ty: &FieldType) -> String {
    match ty {
        FieldType::String => ts_string("string"),
        FieldType::External(_) => ts_string("external"),
        FieldType::Bool => ts_string("bool"),
        FieldType::Integer(int) => ts_string(int.name()),
        FieldType::Enum(index) => format!("{{ enum: {index} }}"),
    }
}

/// The body's object tree as the table writes it.
fn layout(members: &[(String, Node)], wire: &Wire) -> String {
    let items: Vec<String> = members
        .iter()
        .map(|(key, node)| {
            let node = match node {
                Node::Object(members) => format!("{{ object: {} }}", layout(members, wire)),
                Node::Member(Member::Code) => ts_string("code"),
                Node::Member(Member::Message) => ts_string("message"),
                Node::Member(Member::Status) => ts_string("status"),
                Node::Member(Member::Fields) => ts_string("fields"),
                Node::Member(Member::Constant(index)) => format!(
                    "{{ constant: {} }}",
                    ts_string(
                        wire.constants
                            .get(*index)
                            .map_or("", |constant| constant.value.value.as_str())
                    )
                ),
            };
            format!("[{}, {node}]", ts_string(key))
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// A TypeScript string literal of `text`: double-quoted, with the escapes of JSON, and the
/// line and paragraph separators escaped too.
fn ts_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `a`, `a and b`, `a, b and c`.
fn list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.as_slice() {
        [] => "no value".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A JSDoc comment being written: lines of Markdown.
#[derive(Default)]
struct Doc {
    lines: Vec<String>,
}

impl Doc {
    /// One line (a newline in it starts another).
    fn line(&mut self, text: &str) {
        for line in text.split('\n') {
            self.lines.push(line.trim_end().to_owned());
        }
    }

    /// A paragraph of catalog text, if not empty, after a blank line when it is not the
    /// first.
    fn paragraph(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if self.lines.last().is_some_and(|line| !line.is_empty()) {
            self.lines.push(String::new());
        }
        self.line(text);
    }

    /// Writes the comment, each line indented by `indent`; nothing when it is empty. Text
    /// that would end the comment (`*/`) is broken up, and control characters escaped.
    fn write(&self, out: &mut String, indent: &str) {
        let mut lines: &[String] = &self.lines;
        while let [rest @ .., last] = lines
            && last.is_empty()
        {
            lines = rest;
        }
        while let [first, rest @ ..] = lines
            && first.is_empty()
        {
            lines = rest;
        }
        match lines {
            [] => return,
            [line] => {
                let _ = writeln!(out, "{indent}/** {} */", comment_text(line));
                return;
            }
            _ => {}
        }
        let _ = writeln!(out, "{indent}/**");
        for line in lines {
            let line = comment_text(line);
            if line.is_empty() {
                let _ = writeln!(out, "{indent} *");
            } else {
                let _ = writeln!(out, "{indent} * {line}");
            }
        }
        let _ = writeln!(out, "{indent} */");
    }
}

/// Catalog text made safe inside a block comment: `*/` cannot end it, and control
/// characters (which a catalog string can hold) are written as `\u{..}`.
fn comment_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = '\0';
    for c in text.chars() {
        if c == '/' && previous == '*' {
            out.push('\\');
        }
        if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
        previous = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_typescript_reads_them() {
        assert_eq!(ts_string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(ts_string("\n\t\u{1b}\u{2028}é"), r#""\n\t\u{1b}\u{2028}é""#);
    }

    #[test]
    fn comments_cannot_be_ended_by_catalog_text() {
        assert_eq!(comment_text("a */ b"), "a *\\/ b");
        assert_eq!(comment_text("**/"), "**\\/");
        assert_eq!(comment_text("bell\u{7}"), "bell\\u{7}");
    }

    #[test]
    fn the_runtime_is_cut_at_its_marker() {
        assert!(RUNTIME.contains(RUNTIME_MARKER));
        assert!(!runtime().contains(RUNTIME_MARKER));
    }
}
