//! Static metadata of a catalog, as the generated code stores it.

use error_catalog_template::Segment;

/// The whole catalog: its title, wire format, status table, types and error entries.
#[derive(Debug)]
#[non_exhaustive]
pub struct CatalogSpec {
    /// The catalog's title (`[catalog] title`).
    pub title: &'static str,
    /// The catalog's description (`[catalog] doc`), or `""`.
    pub doc: &'static str,
    /// The JSON keys of the error body.
    pub wire: WireSpec,
    /// The status table (`[status.*]`), in catalog order.
    pub statuses: &'static [StatusSpec],
    /// The catalog enums (`[types.*]`), in catalog order.
    pub types: &'static [TypeSpec],
    /// Every error entry (`[errors.*]`), in catalog order.
    pub errors: &'static [ErrorSpec],
    /// Codes that were published once and must never be used again (`[retired]`).
    pub retired: &'static [RetiredSpec],
}

/// The JSON keys of the error body (`[catalog] wire`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct WireSpec {
    /// Key of the error code, for example `"errorCode"`.
    pub code: &'static str,
    /// Key of the rendered message, for example `"errorMessage"`.
    pub message: &'static str,
}

/// One row of the status table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusSpec {
    /// The HTTP status code.
    pub code: u16,
    /// The reason phrase, for example `"Conflict"`.
    pub reason: &'static str,
    /// What the API means by this status, or `""`.
    pub meaning: &'static str,
}

/// A catalog-defined enum (`[types.*]`): a field type whose values are fixed wire strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct TypeSpec {
    /// The Rust type name, as the catalog's key gives it.
    pub name: &'static str,
    /// The values, as spelled on the wire, in catalog order.
    pub values: &'static [&'static str],
    /// What the type means, or `""`.
    pub doc: &'static str,
}

/// A retired code: published once, never to be used again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetiredSpec {
    /// The code.
    pub code: &'static str,
    /// Why it was retired, or `""`.
    pub note: &'static str,
}

/// One error entry of the catalog: one variant of the generated enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorSpec {
    /// The variant name.
    pub name: &'static str,
    /// The error code sent on the wire.
    pub code: &'static str,
    /// The HTTP status sent with this error.
    pub status: u16,
    /// The message template, with `{name}` placeholders, as written in the catalog.
    pub message: &'static str,
    /// One field per placeholder, in order of first use in the template.
    pub fields: &'static [FieldSpec],
    /// What the error means, or `""`.
    pub doc: &'static str,
    /// Whether other entries share this entry's code (`shared_code = true`).
    pub shared_code: bool,
    /// The compiled template: literal text and placeholders, in order of appearance.
    #[doc(hidden)]
    pub segments: &'static [Segment<'static>],
    /// For each placeholder of `segments`, in order, its index into `fields`.
    #[doc(hidden)]
    pub placeholders: &'static [usize],
    /// Whether a value parsed from a message may render differently from it (an integer or
    /// external field, or a field used twice), so that the client must compare.
    #[doc(hidden)]
    pub verify_rendering: bool,
}

impl ErrorSpec {
    /// The status as an [`http::StatusCode`].
    pub fn status_code(&self) -> http::StatusCode {
        crate::__private::status(self.status)
    }

    /// The message rendered with every field's example value.
    pub fn example_message(&self) -> String {
        let examples: Vec<&str> = self
            .placeholders
            .iter()
            .map(|&field| self.fields[field].example)
            .collect();
        error_catalog_template::render(self.segments, &examples)
    }

    /// Matches `message` against this entry's template and returns the text of each field,
    /// in the order of [`fields`](Self::fields), or `None` when the message does not fit.
    ///
    /// This only splits the text: it does not check that each part parses as its type.
    pub fn match_message<'m>(
        &self,
        message: &'m str,
    ) -> Option<Vec<(&'static FieldSpec, &'m str)>> {
        let captures = error_catalog_template::split(self.segments, message)?;
        let mut texts: Vec<Option<&'m str>> = vec![None; self.fields.len()];
        for (&field, text) in self.placeholders.iter().zip(captures) {
            match texts.get_mut(field)? {
                // A placeholder used twice must hold the same text both times.
                Some(first) if *first != text => return None,
                slot => *slot = Some(text),
            }
        }
        self.fields
            .iter()
            .zip(texts)
            .map(|(field, text)| Some((field, text?)))
            .collect()
    }
}

/// One field of an error entry: one placeholder of its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldSpec {
    /// The field (placeholder) name.
    pub name: &'static str,
    /// The type as written in the catalog: `"String"`, `"u32"`, `"Job"`, `"uuid::Uuid"`.
    pub ty: &'static str,
    /// An example value, as it appears in the message.
    pub example: &'static str,
    /// What the field holds, or `""`.
    pub doc: &'static str,
}
