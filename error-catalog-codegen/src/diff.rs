//! The change between two versions of a catalog, as seen by the clients already deployed
//! against the old one: [`diff`] gives every change as a [`Finding`], each with a rule name
//! that tools can match on and a [`Class`], breaking or compatible.
//!
//! ```
//! use error_catalog_codegen::diff::{Class, DiffRule, diff};
//! use error_catalog_codegen::{Source, load};
//!
//! let catalog = |message: &str| {
//!     let text = format!(
//!         "[catalog]\ntitle = \"Storage API\"\n\n[status.404]\n\n\
//!          [errors.StorageNotFound]\ncode = \"129\"\nstatus = 404\nmessage = \"{message}\"\n"
//!     );
//!     load(&Source::new("api.toml", "/api.toml", text)).unwrap().into_catalog()
//! };
//! let old = catalog("Storage Details not found for storageId = {storage_id}");
//! let new = catalog("Storage not found: {storage_id}");
//!
//! let findings = diff(&old, &new);
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].rule, DiffRule::MessageChanged);
//! assert_eq!(findings[0].rule.class(), Class::Breaking);
//! assert_eq!(findings[0].code.as_deref(), Some("129"));
//! assert!(findings[0].message.contains("`Storage not found: x`"));
//! assert!(findings[0].to_string().starts_with("breaking: `StorageNotFound` (code `129`)"));
//! ```
//!
//! # Rules
//!
//! A *deployed client* is one generated from the old catalog: it recognizes a message when
//! the template of an entry with the received code matches it, trying the entries whose
//! status is the received one first ("The wire body and the client side" in
//! `docs/catalog-format.md`).
//! A change is *breaking* when such a client could go wrong on what the new server sends, or
//! when the catalog takes back what it published (a code, a field, a status); it is
//! *compatible* otherwise.
//!
//! | Rule | Class | When | Example |
//! |---|---|---|---|
//! | `code-removed` | breaking | a code of the old catalog that no entry of the new one has and that the new one does not list in `[retired]`; for a shared code, also an old entry that no new entry matches | `[errors.StorageNotFound]` (code `129`) deleted |
//! | `status-changed` | breaking | an entry's HTTP status changed | `status = 404` became `status = 410` |
//! | `message-changed` | breaking | the new template can give a message that the old template does not match, so old clients do not recognize it; the finding gives the shortest such message | `Storage Details not found for storageId = {storage_id}` became `Storage not found: {storage_id}`: `Storage not found: x`; or `{limit}` a `u8` became a `u16`: `256` |
//! | `field-removed` | breaking | a field of the old entry has no field of the same name in the new one, and is not renamed | `fields.size` gone from `Archive {archive_id} is {size}` → `Archive {archive_id} is large` |
//! | `field-renamed` | breaking | a field's name is gone, and the new entry has a field of a new name at the same position with the same type | `{storage_id}` became `{id}` |
//! | `field-retyped` | breaking | a field of the same name has a different type (as written) | `fields.size = "u64"` became `"String"` |
//! | `shared-code-ambiguous` | breaking | a new or changed entry has a code that old entries have, and an old client would read some message of it as another old entry; the finding gives the message | `BackupIdNotFound` added with code `113` and `BackupId not found for {key} = {id}`: `BackupId not found for exportId = x` is read as `BackupIdNotFoundForExport` |
//! | `wire-key-changed` | breaking | the location of the code or the message (`wire.code`, `wire.message`) changed | `wire = { code = "errorCode", ... }` became `{ code = "code", ... }` |
//! | `wire-changed` | breaking | the rest of the body's shape changed in a way old clients or servers notice: `wire.code_type` changed; `wire.status` or `wire.fields` removed or moved; a constant of `wire.constants` removed or given another value; `wire.header` removed or renamed | `code_type = "string"` became `"integer"`; `"/kind" = "Status"` removed; `fields = "details"` became `"/error/details"` |
//! | `retired-code-reused` | breaking | an entry of the new catalog has a code that the old one listed in `[retired]` | `"101"` retired, then `code = "101"` |
//! | `retryable-withdrawn` | breaking | an entry that was retryable (by its `retryable`, or by default for its status) no longer is | `retryable = false` added to a 503 entry |
//! | `retry-after-changed` | breaking | an entry's `retry_after` was removed or names another field | `retry_after = "seconds"` became `"wait"` |
//! | `problem-type-changed` | breaking | the RFC 9457 problem type of the entries changed: `problem_base` removed or changed, or added where the types were `{docs_url}#{code}`, or, without `problem_base`, `docs_url` changed or removed | `problem_base = "https://x.dev/problems/"` became `"https://x.dev/errors/"` |
//! | `entry-added` | compatible | an entry of the new catalog with a code that no old entry has (and that the old catalog did not retire); for a shared code, also a new entry that no old entry matches | `[errors.StorageQuotaExceeded]` with the new code `145` |
//! | `wire-member-added` | compatible | the body gained a member or the response a header: `wire.status` or `wire.fields` added, a constant added to `wire.constants` at a new location, or `wire.header` added | `status = "/code"` added |
//! | `retryable-granted` | compatible | an entry that was not retryable now is | `retryable = true` added to a 409 entry |
//! | `retry-after-added` | compatible | an entry that had no `retry_after` has one | `retry_after = "seconds"` added |
//! | `problem-type-added` | compatible | the entries' problem types were `about:blank` (neither `problem_base` nor `docs_url`) and now have a type of their own | `problem_base = "https://x.dev/problems/"` added |
//! | `doc-changed` | compatible | documentation changed: the catalog's `title`, `doc` or `docs_url`, a catalog enum's `doc`, an entry's `doc`, a field's `doc`, or a retired code's note | `doc = "No storage has this ID."` reworded |
//! | `help-changed` | compatible | an entry's `help` changed | `help = "Create the storage first."` added |
//! | `example-changed` | compatible | a field's example changed, where either version gives it (an example derived from the name and type on both sides changes only with them, which other rules report) | `example = "s-17"` became `"s-42"` |
//! | `status-meaning-changed` | compatible | the status table changed: a row's `meaning` or `reason`, or a row added or removed | `[status.404] meaning` reworded |
//!
//! Retries are judged by what a deployed client does with them: its retry policy is the old
//! catalog's, compiled in. An entry that stops being retryable (`retryable-withdrawn`) is
//! breaking: old clients keep retrying a request that the API now says will fail again, which
//! costs the client its delay and the server its load, and the catalog takes back a promise it
//! published. An entry that becomes retryable (`retryable-granted`) is compatible: old clients
//! give up where they could have retried, which is what they did before. The effective value
//! is compared, so a status change that moves an entry into or out of 429, 503 and 504 is
//! reported here too (besides `status-changed`). A `retry_after` that is removed or names
//! another field is breaking: old clients read the delay from the old field, which no longer
//! holds it (and the server no longer sets `Retry-After` from it); one that is added is
//! compatible, since old clients simply do not read it. Problem types are the identifiers
//! that clients of RFC 9457 problems match on: any change of an entry's type is breaking,
//! except giving types to entries that had only `about:blank`, which tells errors apart by
//! nothing but their status.
//!
//! Locations are compared as the places in the body they name: `errorCode` and `/errorCode`
//! are the same member, so changing one to the other is no change. Constants are matched by
//! location (a constant that moved is one removed and one added), and header names are
//! compared without ASCII case, as HTTP compares them.
//!
//! # How entries are matched
//!
//! Entries are matched by code: the one old entry and the one new entry of a code are the same
//! entry, whatever their names. When either version has several entries with the code (a
//! shared code), they are matched by name first, then by template: an old and a new entry
//! whose templates have the same literal text with placeholders at the same places (whatever
//! their names and types). Entries of a shared code left over are removed
//! (`code-removed`, naming the entry) or added (`entry-added`, and checked for
//! `shared-code-ambiguous`).
//!
//! An entry whose name changed but whose code stayed is reported by nothing: the name is the
//! Rust variant's, not on the wire. Its findings carry its new name, and their messages give
//! the old one (`` `StorageMissing` (code `129`, was `StorageNotFound`) ``). A code that
//! moved from the entries to `[retired]` is reported by nothing either: that is the
//! documented way to remove a code.
//!
//! # How messages are compared
//!
//! Templates are compared as a client reads them: each placeholder by the text its type
//! renders as ([`Classes`]), with the exact automata of the client's splitter
//! ([`error_catalog_template::uncovered`] and [`error_catalog_template::overlap`]). So a
//! template that only renames its placeholders is no `message-changed` (its fields are
//! `field-renamed`), a `u8` that became a `u16` is one (`256`), a catalog enum that gained a
//! value is one for each entry that uses it (the new value), and one that lost a value is
//! none. An external type reads as any text, as the splitter sees it: changing it is
//! `field-retyped`.
//!
//! The comparison of two templates is exact when neither uses a placeholder twice. A
//! placeholder used twice must hold the same text each time, which templates compared
//! placeholder by placeholder cannot say: then a message is reported only once it is
//! confirmed, that the new entry really gives it (its repeated placeholders equal) and that
//! the old client really rejects it (it compares their texts too); when the exact witness is
//! not one, renderings of the new entry with its examples and other values of each field are
//! tried instead.
//!
//! `shared-code-ambiguous` is checked for each new entry that is added, or whose template or
//! status changed, under a code that old entries have. The messages tried are the shortest
//! message the new template shares with each other old entry of the code, the
//! `message-changed` witness, and the renderings above; each is read as the old client reads
//! it (with the new entry's status), and each other old entry that one is read as is
//! reported once, with the message. Old entries with one code and one status never share a
//! message (`ambiguous-templates`), so, when no template repeats a placeholder, the one case
//! this can miss is an old entry whose shortest shared message is matched first by an
//! earlier old entry of another status: that earlier entry is then reported instead, or
//! nothing when it is the new entry's own old self and the `message-changed` witness is read
//! as no other entry.
//!
//! # Order
//!
//! Breaking findings come first, then compatible ones. In each group, findings follow the new
//! catalog's order (`[catalog]`, the status table, the catalog enums, the entries, then
//! `[retired]`), then what only the old catalog has, in its order.

use std::fmt;

use error_catalog_template as template;
use template::Segment;

use crate::model::{Catalog, Classes, Entry, Field, FieldType, Part};

/// Whether a change can break clients deployed against the old catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Deployed clients can go wrong, or the catalog takes back something it published.
    Breaking,
    /// Nothing a deployed client relies on changed.
    Compatible,
}

impl Class {
    /// `"breaking"` or `"compatible"`.
    pub fn name(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Compatible => "compatible",
        }
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The rule a [`Finding`] reports: which kind of change it is. The names
/// ([`DiffRule::name`]) are stable; see the [module docs](self) for each rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DiffRule {
    /// `code-removed`: a code (or, for a shared code, an entry) is gone without being retired.
    CodeRemoved,
    /// `status-changed`: an entry's HTTP status changed.
    StatusChanged,
    /// `message-changed`: the new template can give a message the old one does not match.
    MessageChanged,
    /// `field-removed`: a field of an entry is gone.
    FieldRemoved,
    /// `field-renamed`: a field has another name, at the same position with the same type.
    FieldRenamed,
    /// `field-retyped`: a field has another type.
    FieldRetyped,
    /// `shared-code-ambiguous`: old clients read a message of an entry as another entry of
    /// its code.
    SharedCodeAmbiguous,
    /// `wire-key-changed`: the location of the code or the message in the error body
    /// changed.
    WireKeyChanged,
    /// `wire-changed`: the code type changed, or the status location, the fields object, a
    /// constant or the header was removed or changed.
    WireChanged,
    /// `retired-code-reused`: an entry uses a code that the old catalog retired.
    RetiredCodeReused,
    /// `retryable-withdrawn`: an entry that was retryable no longer is.
    RetryableWithdrawn,
    /// `retry-after-changed`: an entry's `retry_after` was removed or names another field.
    RetryAfterChanged,
    /// `problem-type-changed`: the RFC 9457 problem types of the entries changed.
    ProblemTypeChanged,
    /// `entry-added`: an entry with a new code.
    EntryAdded,
    /// `wire-member-added`: the status location, the fields object, a constant or the header
    /// was added to the wire shape.
    WireMemberAdded,
    /// `retryable-granted`: an entry that was not retryable now is.
    RetryableGranted,
    /// `retry-after-added`: an entry names a `retry_after` field where it named none.
    RetryAfterAdded,
    /// `problem-type-added`: entries whose problem type was `about:blank` have their own.
    ProblemTypeAdded,
    /// `doc-changed`: documentation changed.
    DocChanged,
    /// `help-changed`: an entry's help changed.
    HelpChanged,
    /// `example-changed`: a field's example changed.
    ExampleChanged,
    /// `status-meaning-changed`: the status table changed.
    StatusMeaningChanged,
}

impl DiffRule {
    /// Every rule, breaking ones first, in the order of the [module docs](self).
    pub const ALL: &'static [DiffRule] = &[
        DiffRule::CodeRemoved,
        DiffRule::StatusChanged,
        DiffRule::MessageChanged,
        DiffRule::FieldRemoved,
        DiffRule::FieldRenamed,
        DiffRule::FieldRetyped,
        DiffRule::SharedCodeAmbiguous,
        DiffRule::WireKeyChanged,
        DiffRule::WireChanged,
        DiffRule::RetiredCodeReused,
        DiffRule::RetryableWithdrawn,
        DiffRule::RetryAfterChanged,
        DiffRule::ProblemTypeChanged,
        DiffRule::EntryAdded,
        DiffRule::WireMemberAdded,
        DiffRule::RetryableGranted,
        DiffRule::RetryAfterAdded,
        DiffRule::ProblemTypeAdded,
        DiffRule::DocChanged,
        DiffRule::HelpChanged,
        DiffRule::ExampleChanged,
        DiffRule::StatusMeaningChanged,
    ];

    /// The rule's stable kebab-case name, such as `"message-changed"`.
    pub fn name(self) -> &'static str {
        match self {
            DiffRule::CodeRemoved => "code-removed",
            DiffRule::StatusChanged => "status-changed",
            DiffRule::MessageChanged => "message-changed",
            DiffRule::FieldRemoved => "field-removed",
            DiffRule::FieldRenamed => "field-renamed",
            DiffRule::FieldRetyped => "field-retyped",
            DiffRule::SharedCodeAmbiguous => "shared-code-ambiguous",
            DiffRule::WireKeyChanged => "wire-key-changed",
            DiffRule::WireChanged => "wire-changed",
            DiffRule::RetiredCodeReused => "retired-code-reused",
            DiffRule::EntryAdded => "entry-added",
            DiffRule::WireMemberAdded => "wire-member-added",
            DiffRule::RetryableWithdrawn => "retryable-withdrawn",
            DiffRule::RetryAfterChanged => "retry-after-changed",
            DiffRule::ProblemTypeChanged => "problem-type-changed",
            DiffRule::RetryableGranted => "retryable-granted",
            DiffRule::RetryAfterAdded => "retry-after-added",
            DiffRule::ProblemTypeAdded => "problem-type-added",
            DiffRule::DocChanged => "doc-changed",
            DiffRule::HelpChanged => "help-changed",
            DiffRule::ExampleChanged => "example-changed",
            DiffRule::StatusMeaningChanged => "status-meaning-changed",
        }
    }

    /// Whether the change the rule reports is breaking.
    pub fn class(self) -> Class {
        match self {
            DiffRule::CodeRemoved
            | DiffRule::StatusChanged
            | DiffRule::MessageChanged
            | DiffRule::FieldRemoved
            | DiffRule::FieldRenamed
            | DiffRule::FieldRetyped
            | DiffRule::SharedCodeAmbiguous
            | DiffRule::WireKeyChanged
            | DiffRule::WireChanged
            | DiffRule::RetiredCodeReused
            | DiffRule::RetryableWithdrawn
            | DiffRule::RetryAfterChanged
            | DiffRule::ProblemTypeChanged => Class::Breaking,
            DiffRule::EntryAdded
            | DiffRule::WireMemberAdded
            | DiffRule::RetryableGranted
            | DiffRule::RetryAfterAdded
            | DiffRule::ProblemTypeAdded
            | DiffRule::DocChanged
            | DiffRule::HelpChanged
            | DiffRule::ExampleChanged
            | DiffRule::StatusMeaningChanged => Class::Compatible,
        }
    }
}

impl fmt::Display for DiffRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One change between two versions of a catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The kind of change; its [`class`](DiffRule::class) says whether it is breaking.
    pub rule: DiffRule,
    /// The code of the entry it is about (or the retired code), if any.
    pub code: Option<String>,
    /// The name of the entry it is about, if any: its name in the new catalog, or in the old
    /// one for an entry that is gone.
    pub entry: Option<String>,
    /// What changed, in one sentence, with the code and the entry's name when there are.
    pub message: String,
}

/// One line: `breaking: <message> [rule-name]`.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}]",
            self.rule.class(),
            self.message,
            self.rule.name()
        )
    }
}

/// Every change from `old` to `new`, breaking ones first, each group in `new`'s (then `old`'s)
/// catalog order. Identical catalogs give none. See the [module docs](self) for the rules.
///
/// Takes any two catalogs, checked or not, and never panics.
pub fn diff(old: &Catalog, new: &Catalog) -> Vec<Finding> {
    let (old_classes, new_classes) = (Classes::new(old), Classes::new(new));
    let old = Side::new(old, &old_classes);
    let new = Side::new(new, &new_classes);
    let mut cx = Diff {
        old: &old,
        new: &new,
        found: Vec::new(),
    };
    cx.header();
    cx.statuses();
    cx.types();
    cx.entries();
    cx.retired();
    let mut found = cx.found;
    // Stable: findings about one place keep the order they were found in.
    found.sort_by_key(|(finding, place)| (finding.rule.class() == Class::Compatible, *place));
    found.into_iter().map(|(finding, _)| finding).collect()
}

/// Where a finding is, for the order of the report: in the new catalog or only in the old
/// one, the section, and the index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    only_old: bool,
    section: Section,
    index: usize,
}

/// The sections of a catalog, in the order findings are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Section {
    Header,
    Statuses,
    Types,
    Entries,
    Retired,
}

impl Place {
    fn new(section: Section, index: usize) -> Place {
        Place {
            only_old: false,
            section,
            index,
        }
    }

    fn old(section: Section, index: usize) -> Place {
        Place {
            only_old: true,
            section,
            index,
        }
    }
}

/// One version of the catalog, with each entry's compiled template.
struct Side<'a> {
    catalog: &'a Catalog,
    segments: Vec<Vec<Segment<'a>>>,
}

impl<'a> Side<'a> {
    fn new(catalog: &'a Catalog, classes: &'a Classes<'a>) -> Side<'a> {
        let segments = catalog
            .entries
            .iter()
            .map(|entry| classes.segments(entry))
            .collect();
        Side { catalog, segments }
    }

    fn entry(&self, index: usize) -> Option<&'a Entry> {
        self.catalog.entries.get(index)
    }

    fn segments(&self, index: usize) -> &[Segment<'a>] {
        self.segments.get(index).map_or(&[], Vec::as_slice)
    }

    /// Whether some entry has `code`.
    fn has_code(&self, code: &str) -> bool {
        self.catalog.entries.iter().any(|e| e.code.value == code)
    }

    /// The indices of the entries with `code`, in catalog order.
    fn with_code(&self, code: &str) -> Vec<usize> {
        (0..self.catalog.entries.len())
            .filter(|&i| self.entry(i).is_some_and(|e| e.code.value == code))
            .collect()
    }

    fn retired(&self, code: &str) -> Option<&'a crate::model::Retired> {
        self.catalog.retired.iter().find(|r| r.code.value == code)
    }

    /// Whether the entry's template matches `message` as a client generated from this
    /// catalog reads it: the template splits it, and a placeholder used several times holds
    /// the same text each time. (A field of an external type is taken to parse.)
    fn accepts(&self, index: usize, message: &str) -> bool {
        let (Some(entry), segments) = (self.entry(index), self.segments(index)) else {
            return false;
        };
        let count = segments
            .iter()
            .filter(|s| matches!(s, Segment::Field(_)))
            .count();
        let mut captures = vec![""; count];
        if !template::split(segments, message, &mut captures) {
            return false;
        }
        let fields: Vec<usize> = entry.placeholders().collect();
        fields.iter().enumerate().all(|(at, field)| {
            let first = fields.iter().position(|f| f == field).unwrap_or(at);
            captures.get(at) == captures.get(first)
        })
    }

    /// The entry a client generated from this catalog reads `message` as, when it comes with
    /// `code` and `status`: the first entry with the code whose template matches it, trying
    /// those with the status first.
    fn reads_as(&self, code: &str, status: u16, message: &str) -> Option<usize> {
        let candidates = self.with_code(code);
        let same_status = |i: &usize| self.entry(*i).is_some_and(|e| e.status.value == status);
        let (first, then): (Vec<usize>, Vec<usize>) = candidates.into_iter().partition(same_status);
        first
            .into_iter()
            .chain(then)
            .find(|&i| self.accepts(i, message))
    }

    /// Whether the entry can give `message`: some values of its fields render to it, a
    /// placeholder used several times taking the same value each time. `false` too when
    /// deciding takes too long (a message and template made to be hard).
    fn gives(&self, index: usize, message: &str) -> bool {
        let (Some(entry), segments) = (self.entry(index), self.segments(index)) else {
            return false;
        };
        let fields: Vec<usize> = entry.placeholders().collect();
        let mut search = Gives {
            fields: &fields,
            message,
            bound: vec![None; entry.fields.len()],
            budget: 100_000,
        };
        search.from(segments, 0, 0)
    }

    /// Messages the entry gives: its example message, the same with every text field given a
    /// distinct value, then with one field at a time given other values of its type. Every
    /// one is a rendering of the entry with values that its fields' types accept.
    fn renderings(&self, index: usize) -> Vec<String> {
        let (Some(entry), segments) = (self.entry(index), self.segments(index)) else {
            return Vec::new();
        };
        let placeholders: Vec<usize> = entry.placeholders().collect();
        let segment_classes: Vec<template::Class<'_>> = segments
            .iter()
            .filter_map(|s| match s {
                Segment::Field(class) => Some(*class),
                Segment::Literal(_) => None,
            })
            .collect();
        // The class of each field: that of its first placeholder (`None`: no placeholder).
        let classes: Vec<Option<template::Class<'_>>> = (0..entry.fields.len())
            .map(|field| {
                let at = placeholders.iter().position(|&f| f == field)?;
                segment_classes.get(at).copied()
            })
            .collect();
        let base: Vec<String> = entry
            .fields
            .iter()
            .map(|f| f.example.value.clone())
            .collect();
        let distinct: Vec<String> = entry
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| match f.ty {
                FieldType::String => format!("{}-{i}", f.example.value),
                _ => f.example.value.clone(),
            })
            .collect();
        let mut sets = vec![base.clone(), distinct];
        for ((i, field), class) in entry.fields.iter().enumerate().zip(&classes) {
            for value in class.iter().flat_map(|class| other_values(field, class)) {
                let mut values = base.clone();
                if let Some(slot) = values.get_mut(i) {
                    *slot = value;
                }
                sets.push(values);
            }
        }
        let mut out: Vec<String> = Vec::new();
        for values in sets {
            // Only values the fields' types accept, so that the entry gives the message.
            let accepted = values
                .iter()
                .zip(&classes)
                .all(|(value, class)| class.is_none_or(|c| c.accepts(value)));
            if !accepted {
                continue;
            }
            let rendered: Vec<&str> = placeholders
                .iter()
                .map(|&f| values.get(f).map_or("", String::as_str))
                .collect();
            let message = template::render(segments, &rendered);
            if !out.contains(&message) {
                out.push(message);
            }
        }
        out
    }
}

/// What every entry's RFC 9457 problem type starts with, its code following: `problem_base`,
/// else `{docs_url}#`; `None` for `about:blank`.
fn problem_type_base(catalog: &Catalog) -> Option<String> {
    match (&catalog.problem_base, &catalog.docs_url) {
        (Some(base), _) => Some(base.value.clone()),
        (None, Some(url)) => Some(format!("{}#", url.value)),
        (None, None) => None,
    }
}

/// Values of a field's type other than its example, to try in renderings.
fn other_values(field: &Field, class: &template::Class<'_>) -> Vec<String> {
    let values: Vec<String> = match (&field.ty, class) {
        (FieldType::String, _) => vec![String::new(), "x".to_owned()],
        (_, template::Class::Bool) => vec!["true".to_owned(), "false".to_owned()],
        (_, template::Class::Integer(_)) => ["0", "1", "-1", "255", "256", "65536", "4294967296"]
            .map(str::to_owned)
            .to_vec(),
        (_, template::Class::OneOf(values)) => {
            values.iter().take(32).map(|v| (*v).to_owned()).collect()
        }
        // An external type's values are not known; its example is the one known value.
        _ => Vec::new(),
    };
    values
        .into_iter()
        .filter(|v| *v != field.example.value && class.accepts(v))
        .collect()
}

/// The search of [`Side::gives`]: every reading of the message, a placeholder used again
/// matching the text it took the first time.
struct Gives<'m> {
    /// The field of each placeholder, in order.
    fields: &'m [usize],
    message: &'m str,
    /// The text each field took, once it has.
    bound: Vec<Option<&'m str>>,
    /// Steps left.
    budget: u32,
}

impl<'m> Gives<'m> {
    /// Whether `segments` can give the message from byte `at`, `placeholder` being the index
    /// of their first placeholder.
    fn from(&mut self, segments: &[Segment<'_>], at: usize, placeholder: usize) -> bool {
        if self.budget == 0 {
            return false;
        }
        self.budget -= 1;
        let Some(rest_of_message) = self.message.get(at..) else {
            return false;
        };
        let Some((segment, rest)) = segments.split_first() else {
            return rest_of_message.is_empty();
        };
        let class = match segment {
            Segment::Literal(text) => {
                return rest_of_message.starts_with(text)
                    && self.from(rest, at + text.len(), placeholder);
            }
            Segment::Field(class) => class,
        };
        let field = self.fields.get(placeholder).copied();
        if let Some(text) = field.and_then(|f| self.bound.get(f).copied().flatten()) {
            return rest_of_message.starts_with(text)
                && self.from(rest, at + text.len(), placeholder + 1);
        }
        let ends: Vec<usize> = (at..=self.message.len())
            .filter(|&end| self.message.is_char_boundary(end))
            .collect();
        for end in ends {
            let Some(text) = self.message.get(at..end) else {
                continue;
            };
            if !class.accepts(text) {
                continue;
            }
            if let Some(slot) = field.and_then(|f| self.bound.get_mut(f)) {
                *slot = Some(text);
            }
            if self.from(rest, end, placeholder + 1) {
                return true;
            }
            if let Some(slot) = field.and_then(|f| self.bound.get_mut(f)) {
                *slot = None;
            }
        }
        false
    }
}

/// Whether two wire locations name the same place in the body: the same keys from the
/// top-level object down (`errorCode` is `/errorCode`), or, when either is malformed, the same
/// text.
fn same_location(a: &str, b: &str) -> bool {
    match (crate::wire::path(a), crate::wire::path(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Whether some field of the entry appears more than once in its template.
fn repeats(entry: &Entry) -> bool {
    let fields: Vec<usize> = entry.placeholders().collect();
    fields
        .iter()
        .enumerate()
        .any(|(i, f)| fields.iter().skip(i + 1).any(|g| g == f))
}

/// The template's shape: its literal text, with `None` where a placeholder is, whatever its
/// name and type; literals in a row are joined, empty ones dropped.
fn shape(entry: &Entry) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::new();
    for part in &entry.parts {
        match (part, out.last_mut()) {
            (Part::Literal(text), _) if text.is_empty() => {}
            (Part::Literal(text), Some(Some(last))) => last.push_str(text),
            (Part::Literal(text), _) => out.push(Some(text.clone())),
            (Part::Placeholder { .. }, _) => out.push(None),
        }
    }
    out
}

/// The findings as they are found, each with its place in the report.
struct Diff<'s, 'a> {
    old: &'s Side<'a>,
    new: &'s Side<'a>,
    found: Vec<(Finding, Place)>,
}

/// How an entry is named in messages: `` `Name` (code `129`) ``, with its old name when it
/// changed.
fn label(entry: &Entry, old_name: Option<&str>) -> String {
    match old_name.filter(|old| *old != entry.name.value) {
        Some(old) => format!(
            "`{}` (code `{}`, was `{old}`)",
            entry.name.value, entry.code.value
        ),
        None => format!("`{}` (code `{}`)", entry.name.value, entry.code.value),
    }
}

/// `text` with each control character (a line break, an escape sequence's `ESC`) written
/// as Rust escapes it (`\n`, `\u{1b}`), so that catalog text shown on a terminal or a page
/// can neither break a line nor send the terminal a command.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

impl Diff<'_, '_> {
    /// Records a finding about `entry` (or about no entry).
    fn push(&mut self, rule: DiffRule, place: Place, entry: Option<&Entry>, message: String) {
        let code = entry.map(|e| e.code.value.clone());
        let name = entry.map(|e| e.name.value.clone());
        self.record(rule, place, code, name, message);
    }

    /// Records a finding. Control characters of the message (a newline in a template or a
    /// status meaning) are escaped, so that a finding displays on one line.
    fn record(
        &mut self,
        rule: DiffRule,
        place: Place,
        code: Option<String>,
        entry: Option<String>,
        message: String,
    ) {
        let message = escape_controls(&message).into_owned();
        let finding = Finding {
            rule,
            code,
            entry,
            message,
        };
        self.found.push((finding, place));
    }

    /// `[catalog]`: the wire shape and the catalog's own docs.
    fn header(&mut self) {
        let (old, new) = (self.old.catalog, self.new.catalog);
        let here = Place::new(Section::Header, 0);
        self.wire();
        self.problem_types();
        let url = |c: &Catalog| c.docs_url.as_ref().map(|u| u.value.clone());
        if old.title != new.title {
            self.push(
                DiffRule::DocChanged,
                here,
                None,
                format!(
                    "the catalog's title changed from `{}` to `{}`",
                    old.title, new.title
                ),
            );
        }
        if old.doc != new.doc {
            self.push(
                DiffRule::DocChanged,
                here,
                None,
                "the catalog's doc changed".to_owned(),
            );
        }
        match (url(old), url(new)) {
            (was, is) if was == is => {}
            (was, is) => {
                let show = |u: Option<String>| u.map_or("none".to_owned(), |u| format!("`{u}`"));
                self.push(
                    DiffRule::DocChanged,
                    here,
                    None,
                    format!(
                        "the catalog's docs_url changed from {} to {}",
                        show(was),
                        show(is)
                    ),
                );
            }
        }
    }

    /// `[catalog] problem_base` and, without it, `docs_url`: the base of every entry's RFC 9457
    /// problem type (`problem-type-changed`, `problem-type-added`).
    fn problem_types(&mut self) {
        let here = Place::new(Section::Header, 0);
        let (was, is) = (
            problem_type_base(self.old.catalog),
            problem_type_base(self.new.catalog),
        );
        if was == is {
            return;
        }
        let show = |base: &Option<String>| match base {
            Some(base) => format!("`{base}{{code}}`"),
            None => "`about:blank`".to_owned(),
        };
        let rule = if was.is_none() {
            DiffRule::ProblemTypeAdded
        } else {
            DiffRule::ProblemTypeChanged
        };
        self.push(
            rule,
            here,
            None,
            format!(
                "the problem type of every entry changed from {} to {}",
                show(&was),
                show(&is)
            ),
        );
    }

    /// `[catalog] wire`: the locations of the code and the message (`wire-key-changed`), then
    /// the code type, the status, the constants and the header (`wire-changed`,
    /// `wire-member-added`).
    fn wire(&mut self) {
        let (old, new) = (&self.old.catalog.wire, &self.new.catalog.wire);
        let here = Place::new(Section::Header, 0);
        for (what, was, is) in [
            ("code", &old.code.value, &new.code.value),
            ("message", &old.message.value, &new.message.value),
        ] {
            if !same_location(was, is) {
                self.push(
                    DiffRule::WireKeyChanged,
                    here,
                    None,
                    format!("the wire key of the {what} changed from `{was}` to `{is}`"),
                );
            }
        }
        if old.code_type.value != new.code_type.value {
            self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the wire code type changed from `{}` to `{}`",
                    old.code_type.value.name(),
                    new.code_type.value.name()
                ),
            );
        }
        match (&old.status, &new.status) {
            (None, None) => {}
            (Some(was), Some(is)) if same_location(&was.value, &is.value) => {}
            (Some(was), Some(is)) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the wire location of the status changed from `{}` to `{}`",
                    was.value, is.value
                ),
            ),
            (Some(was), None) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the status is no longer sent in the body (it was at `{}`)",
                    was.value
                ),
            ),
            (None, Some(is)) => self.push(
                DiffRule::WireMemberAdded,
                here,
                None,
                format!("the status is now sent in the body, at `{}`", is.value),
            ),
        }
        match (&old.fields, &new.fields) {
            (None, None) => {}
            (Some(was), Some(is)) if same_location(&was.value, &is.value) => {}
            (Some(was), Some(is)) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the wire location of the fields object changed from `{}` to `{}`",
                    was.value, is.value
                ),
            ),
            (Some(was), None) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the fields object is no longer sent in the body (it was at `{}`)",
                    was.value
                ),
            ),
            (None, Some(is)) => self.push(
                DiffRule::WireMemberAdded,
                here,
                None,
                format!(
                    "the fields object is now sent in the body, at `{}`",
                    is.value
                ),
            ),
        }
        for was in &old.constants {
            let is = new
                .constants
                .iter()
                .find(|c| same_location(&c.location.value, &was.location.value));
            match is {
                None => self.push(
                    DiffRule::WireChanged,
                    here,
                    None,
                    format!(
                        "the wire constant at `{}` (`{}`) was removed",
                        was.location.value, was.value.value
                    ),
                ),
                Some(is) if is.value.value != was.value.value => self.push(
                    DiffRule::WireChanged,
                    here,
                    None,
                    format!(
                        "the wire constant at `{}` changed from `{}` to `{}`",
                        was.location.value, was.value.value, is.value.value
                    ),
                ),
                Some(_) => {}
            }
        }
        for is in &new.constants {
            if !old
                .constants
                .iter()
                .any(|c| same_location(&c.location.value, &is.location.value))
            {
                self.push(
                    DiffRule::WireMemberAdded,
                    here,
                    None,
                    format!(
                        "the wire constant `{}` at `{}` was added",
                        is.value.value, is.location.value
                    ),
                );
            }
        }
        match (&old.header, &new.header) {
            (None, None) => {}
            (Some(was), Some(is)) if was.value.eq_ignore_ascii_case(&is.value) => {}
            (Some(was), Some(is)) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!(
                    "the header that carries the code changed from `{}` to `{}`",
                    was.value, is.value
                ),
            ),
            (Some(was), None) => self.push(
                DiffRule::WireChanged,
                here,
                None,
                format!("the header `{}` no longer carries the code", was.value),
            ),
            (None, Some(is)) => self.push(
                DiffRule::WireMemberAdded,
                here,
                None,
                format!("the header `{}` now carries the code", is.value),
            ),
        }
    }

    /// `[status.NNN]`: rows added, removed, or with another reason or meaning.
    fn statuses(&mut self) {
        let (old, new) = (self.old.catalog, self.new.catalog);
        for (index, row) in new.statuses.iter().enumerate() {
            let here = Place::new(Section::Statuses, index);
            let code = row.code.value;
            let Some(was) = old.statuses.iter().find(|s| s.code.value == code) else {
                self.push(
                    DiffRule::StatusMeaningChanged,
                    here,
                    None,
                    format!("status {code} was added to the status table"),
                );
                continue;
            };
            if was.reason != row.reason {
                self.push(
                    DiffRule::StatusMeaningChanged,
                    here,
                    None,
                    format!(
                        "the reason of status {code} changed from `{}` to `{}`",
                        was.reason, row.reason
                    ),
                );
            }
            if was.meaning != row.meaning {
                self.push(
                    DiffRule::StatusMeaningChanged,
                    here,
                    None,
                    format!(
                        "the meaning of status {code} changed from `{}` to `{}`",
                        was.meaning, row.meaning
                    ),
                );
            }
        }
        for (index, row) in old.statuses.iter().enumerate() {
            let code = row.code.value;
            if !new.statuses.iter().any(|s| s.code.value == code) {
                self.push(
                    DiffRule::StatusMeaningChanged,
                    Place::old(Section::Statuses, index),
                    None,
                    format!("status {code} was removed from the status table"),
                );
            }
        }
    }

    /// `[types.Name]`: the docs of catalog enums kept. (Their values count where fields use
    /// them, in `message-changed`.)
    fn types(&mut self) {
        let (old, new) = (self.old.catalog, self.new.catalog);
        for (index, ty) in new.types.iter().enumerate() {
            let Some(was) = old.types.iter().find(|t| t.name.value == ty.name.value) else {
                continue;
            };
            if was.doc != ty.doc {
                self.push(
                    DiffRule::DocChanged,
                    Place::new(Section::Types, index),
                    None,
                    format!("the doc of catalog enum `{}` changed", ty.name.value),
                );
            }
        }
    }

    /// `[retired]`: the notes of codes retired in both.
    fn retired(&mut self) {
        let (old, new) = (self.old.catalog, self.new.catalog);
        for (index, retired) in new.retired.iter().enumerate() {
            let Some(was) = old
                .retired
                .iter()
                .find(|r| r.code.value == retired.code.value)
            else {
                continue;
            };
            if was.note != retired.note {
                self.record(
                    DiffRule::DocChanged,
                    Place::new(Section::Retired, index),
                    Some(retired.code.value.clone()),
                    None,
                    format!("the note of retired code `{}` changed", retired.code.value),
                );
            }
        }
    }

    /// `[errors.Name]`: entries matched, added and removed.
    fn entries(&mut self) {
        let matched = match_entries(self.old, self.new);
        let mut old_matched = vec![false; self.old.catalog.entries.len()];
        for (n, o) in matched.iter().enumerate() {
            if let Some(slot) = o.and_then(|o| old_matched.get_mut(o)) {
                *slot = true;
            }
            match o {
                Some(o) => self.entry_pair(*o, n),
                None => self.entry_added(n),
            }
        }
        self.entries_removed(&old_matched);
    }

    /// An entry of the new catalog that matches no old entry.
    fn entry_added(&mut self, n: usize) {
        let Some(entry) = self.new.entry(n) else {
            return;
        };
        let here = Place::new(Section::Entries, n);
        let code = &entry.code.value;
        if let Some(retired) = self.old.retired(code) {
            let note = if retired.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", retired.note)
            };
            self.push(
                DiffRule::RetiredCodeReused,
                here,
                Some(entry),
                format!(
                    "`{}` uses code `{code}`, which the old catalog retired{note}",
                    entry.name.value
                ),
            );
            return;
        }
        let message = if self.old.has_code(code) {
            format!(
                "{} was added to the shared code `{code}`",
                label(entry, None)
            )
        } else {
            format!("{} was added", label(entry, None))
        };
        self.push(DiffRule::EntryAdded, here, Some(entry), message);
        self.misread(n, None, None);
    }

    /// Old entries that match no new entry: their code is gone, unless retired, or, for a
    /// shared code still in use, the entry is.
    fn entries_removed(&mut self, old_matched: &[bool]) {
        let (old, new) = (self.old.catalog, self.new.catalog);
        let mut reported: Vec<&str> = Vec::new();
        for (o, entry) in old.entries.iter().enumerate() {
            if old_matched.get(o).copied().unwrap_or(false) {
                continue;
            }
            let code = entry.code.value.as_str();
            let here = Place::old(Section::Entries, o);
            // Where the entry went, when an entry of the same name has another code.
            let moved = new
                .entries
                .iter()
                .find(|e| e.name.value == entry.name.value && e.code.value != code)
                .map_or(String::new(), |e| {
                    format!("; `{}` now has code `{}`", e.name.value, e.code.value)
                });
            if self.new.has_code(code) {
                let users: Vec<String> = new
                    .entries
                    .iter()
                    .filter(|e| e.code.value == code)
                    .map(|e| format!("`{}`", e.name.value))
                    .collect();
                self.push(
                    DiffRule::CodeRemoved,
                    here,
                    Some(entry),
                    format!(
                        "{} was removed; code `{code}` is still used by {}{moved}",
                        label(entry, None),
                        users.join(", ")
                    ),
                );
                continue;
            }
            if self.new.retired(code).is_some() || reported.contains(&code) {
                continue;
            }
            reported.push(code);
            let gone: Vec<&Entry> = old
                .entries
                .iter()
                .filter(|e| e.code.value == code)
                .collect();
            let (entry_name, names) = match gone.as_slice() {
                [one] => (
                    Some(one.name.value.clone()),
                    format!("`{}`", one.name.value),
                ),
                many => (
                    None,
                    many.iter()
                        .map(|e| format!("`{}`", e.name.value))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            };
            self.record(
                DiffRule::CodeRemoved,
                here,
                Some(code.to_owned()),
                entry_name,
                format!("code `{code}` ({names}) was removed without being retired{moved}"),
            );
        }
    }

    /// An old entry `o` and the new entry `n` matched with it.
    fn entry_pair(&mut self, o: usize, n: usize) {
        let (Some(was), Some(is)) = (self.old.entry(o), self.new.entry(n)) else {
            return;
        };
        let here = Place::new(Section::Entries, n);
        let name = label(is, Some(&was.name.value));
        if was.status.value != is.status.value {
            self.push(
                DiffRule::StatusChanged,
                here,
                Some(is),
                format!(
                    "{name}: status {} became {}",
                    was.status.value, is.status.value
                ),
            );
        }
        let same_template = self.old.segments(o) == self.new.segments(n)
            && placeholder_pattern(was) == placeholder_pattern(is);
        let mut unrecognized = None;
        if !same_template && let Some(witness) = self.message_witness(o, n) {
            let how = if was.message.value == is.message.value {
                format!(
                    "the template `{}` is unchanged, but its placeholders' types accept other text",
                    is.message.value
                )
            } else {
                format!(
                    "the template was `{}` and is `{}`",
                    was.message.value, is.message.value
                )
            };
            self.push(
                DiffRule::MessageChanged,
                here,
                Some(is),
                format!("{name}: old clients do not recognize the message `{witness}`; {how}"),
            );
            unrecognized = Some(witness);
        }
        self.fields(was, is, here, &name);
        if !same_template || was.status.value != is.status.value {
            self.misread(n, Some(o), unrecognized);
        }
        if was.doc != is.doc {
            self.push(
                DiffRule::DocChanged,
                here,
                Some(is),
                format!("{name}: the doc changed"),
            );
        }
        if was.help != is.help {
            self.push(
                DiffRule::HelpChanged,
                here,
                Some(is),
                format!("{name}: the help changed"),
            );
        }
        self.retries(was, is, here, &name);
    }

    /// Whether an entry is retryable, and the field of its retry delay
    /// (`retryable-withdrawn`, `retryable-granted`, `retry-after-changed`,
    /// `retry-after-added`).
    fn retries(&mut self, was: &Entry, is: &Entry, here: Place, name: &str) {
        match (was.is_retryable(), is.is_retryable()) {
            (true, false) => self.push(
                DiffRule::RetryableWithdrawn,
                here,
                Some(is),
                format!(
                    "{name}: is no longer retryable (status {}{}), but old clients retry it",
                    is.status.value,
                    if is.retryable.is_some() {
                        ", `retryable = false`"
                    } else {
                        ""
                    }
                ),
            ),
            (false, true) => self.push(
                DiffRule::RetryableGranted,
                here,
                Some(is),
                format!(
                    "{name}: is now retryable (status {}{}); old clients do not retry it",
                    is.status.value,
                    if is.retryable.is_some() {
                        ", `retryable = true`"
                    } else {
                        ""
                    }
                ),
            ),
            _ => {}
        }
        let field = |e: &Entry| e.retry_after.as_ref().map(|f| f.value.clone());
        match (field(was), field(is)) {
            (Some(old_field), Some(new_field)) if old_field != new_field => self.push(
                DiffRule::RetryAfterChanged,
                here,
                Some(is),
                format!(
                    "{name}: the retry delay moved from the field `{old_field}` to `{new_field}`; old clients read it from `{old_field}`"
                ),
            ),
            (Some(old_field), None) => self.push(
                DiffRule::RetryAfterChanged,
                here,
                Some(is),
                format!(
                    "{name}: `retry_after` was removed; old clients still read a retry delay from the field `{old_field}`"
                ),
            ),
            (None, Some(new_field)) => self.push(
                DiffRule::RetryAfterAdded,
                here,
                Some(is),
                format!("{name}: the retry delay is now the field `{new_field}`"),
            ),
            _ => {}
        }
    }

    /// A message the new entry `n` gives that its old entry `o` does not match, if any.
    fn message_witness(&self, o: usize, n: usize) -> Option<String> {
        let (Some(was), Some(is)) = (self.old.entry(o), self.new.entry(n)) else {
            return None;
        };
        let (old, new) = (self.old.segments(o), self.new.segments(n));
        match template::uncovered(new, old) {
            // Exact: a message of the new segments that the old ones do not match, and the
            // new entry gives it (it is only in doubt when a placeholder repeats).
            Some(witness) if !repeats(is) || self.new.gives(n, &witness) => return Some(witness),
            Some(_) => {}
            // Exact: the old client matches every message of the new segments, unless it
            // also compares repeated placeholders.
            None if !repeats(was) => return None,
            None => {}
        }
        self.new
            .renderings(n)
            .into_iter()
            .find(|message| !self.old.accepts(o, message))
    }

    /// `shared-code-ambiguous`: messages of the new entry `n` that old clients read as
    /// another old entry than `own`, its old self. `unrecognized` is a message of it that
    /// `own` does not match.
    fn misread(&mut self, n: usize, own: Option<usize>, unrecognized: Option<String>) {
        let Some(entry) = self.new.entry(n) else {
            return;
        };
        let (code, status) = (&entry.code.value, entry.status.value);
        let others: Vec<usize> = self
            .old
            .with_code(code)
            .into_iter()
            .filter(|&o| Some(o) != own)
            .collect();
        if others.is_empty() {
            return;
        }
        let segments = self.new.segments(n);
        let mut messages: Vec<String> = others
            .iter()
            .filter_map(|&o| template::overlap(segments, self.old.segments(o)))
            .collect();
        messages.extend(unrecognized);
        messages.extend(self.new.renderings(n));
        let here = Place::new(Section::Entries, n);
        let name = label(
            entry,
            own.and_then(|o| self.old.entry(o))
                .map(|e| e.name.value.as_str()),
        );
        let mut reported: Vec<usize> = Vec::new();
        for message in messages {
            if repeats(entry) && !self.new.gives(n, &message) {
                continue;
            }
            let Some(read) = self.old.reads_as(code, status, &message) else {
                continue;
            };
            if Some(read) == own || reported.contains(&read) {
                continue;
            }
            reported.push(read);
            let Some(other) = self.old.entry(read) else {
                continue;
            };
            self.push(
                DiffRule::SharedCodeAmbiguous,
                here,
                Some(entry),
                format!(
                    "{name}: old clients read its message `{message}` as `{}`",
                    other.name.value
                ),
            );
        }
    }

    /// The fields of a matched pair: removed, renamed, retyped, and their docs and examples.
    fn fields(&mut self, was: &Entry, is: &Entry, here: Place, name: &str) {
        for (at, old) in was.fields.iter().enumerate() {
            let old_name = &old.name.value;
            let same_name = is.fields.iter().find(|f| f.name.value == *old_name);
            let renamed = is.fields.get(at).filter(|f| {
                !was.fields.iter().any(|g| g.name.value == f.name.value)
                    && f.ty_text.value.trim() == old.ty_text.value.trim()
            });
            let new = match (same_name, renamed) {
                (Some(new), _) => {
                    if new.ty_text.value.trim() != old.ty_text.value.trim() {
                        self.push(
                            DiffRule::FieldRetyped,
                            here,
                            Some(is),
                            format!(
                                "{name}: field `{old_name}` changed type from `{}` to `{}`",
                                old.ty_text.value.trim(),
                                new.ty_text.value.trim()
                            ),
                        );
                    }
                    new
                }
                (None, Some(new)) => {
                    self.push(
                        DiffRule::FieldRenamed,
                        here,
                        Some(is),
                        format!(
                            "{name}: field `{old_name}` was renamed to `{}`",
                            new.name.value
                        ),
                    );
                    new
                }
                (None, None) => {
                    self.push(
                        DiffRule::FieldRemoved,
                        here,
                        Some(is),
                        format!("{name}: field `{old_name}` was removed"),
                    );
                    continue;
                }
            };
            // An example derived on both sides changes only with the name or the type,
            // which are reported as such.
            let given = old.example_given || new.example_given;
            if given && old.example.value != new.example.value {
                self.push(
                    DiffRule::ExampleChanged,
                    here,
                    Some(is),
                    format!(
                        "{name}: the example of field `{}` changed from `{}` to `{}`",
                        new.name.value, old.example.value, new.example.value
                    ),
                );
            }
            if old.doc != new.doc {
                self.push(
                    DiffRule::DocChanged,
                    here,
                    Some(is),
                    format!("{name}: the doc of field `{}` changed", new.name.value),
                );
            }
        }
    }
}

/// Which placeholders of the template are the same field: for each placeholder, the index
/// of the first placeholder of its field.
fn placeholder_pattern(entry: &Entry) -> Vec<usize> {
    let fields: Vec<usize> = entry.placeholders().collect();
    fields
        .iter()
        .enumerate()
        .map(|(at, f)| fields.iter().position(|g| g == f).unwrap_or(at))
        .collect()
}

/// Records that new entry `n` is old entry `o`.
fn pair(matched: &mut [Option<usize>], taken: &mut [bool], o: usize, n: usize) {
    if let (Some(slot), Some(t)) = (matched.get_mut(n), taken.get_mut(o)) {
        *slot = Some(o);
        *t = true;
    }
}

/// For each entry of `new`, the index of the entry of `old` it is, if any: by code; for a
/// code that either side shares, by name, then by template shape.
fn match_entries(old: &Side<'_>, new: &Side<'_>) -> Vec<Option<usize>> {
    let mut matched: Vec<Option<usize>> = vec![None; new.catalog.entries.len()];
    let mut taken = vec![false; old.catalog.entries.len()];
    let mut codes_done: Vec<&str> = Vec::new();
    for entry in &new.catalog.entries {
        let code = entry.code.value.as_str();
        if codes_done.contains(&code) {
            continue;
        }
        codes_done.push(code);
        let (olds, news) = (old.with_code(code), new.with_code(code));
        if let ([o], [n]) = (olds.as_slice(), news.as_slice()) {
            pair(&mut matched, &mut taken, *o, *n);
            continue;
        }
        let same_name = |o: usize, n: usize| {
            old.entry(o)
                .zip(new.entry(n))
                .is_some_and(|(a, b)| a.name.value == b.name.value)
        };
        let same_shape = |o: usize, n: usize| {
            old.entry(o)
                .zip(new.entry(n))
                .is_some_and(|(a, b)| shape(a) == shape(b))
        };
        for same in [&same_name as &dyn Fn(usize, usize) -> bool, &same_shape] {
            for &n in &news {
                if matched.get(n).copied().flatten().is_some() {
                    continue;
                }
                let free = olds
                    .iter()
                    .copied()
                    .find(|&o| taken.get(o) == Some(&false) && same(o, n));
                if let Some(o) = free {
                    pair(&mut matched, &mut taken, o, n);
                }
            }
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    /// The header and status table every test catalog starts with.
    const HEADER: &str = "[catalog]\ntitle = \"Storage API\"\n\n\
                          [status.404]\nmeaning = \"Not there.\"\n\n[status.409]\n\n[status.410]\n\n";

    /// A catalog from its full text; panics with the diagnostics when it is not valid.
    fn load_text(text: &str) -> Catalog {
        let source = Source::new("t.toml", "/t.toml", text);
        match crate::load(&source) {
            Ok(checked) => checked.into_catalog(),
            Err(diagnostics) => panic!("{}", crate::Report::new(source, diagnostics).render()),
        }
    }

    /// A catalog of [`HEADER`] and `body`.
    fn catalog(body: &str) -> Catalog {
        load_text(&format!("{HEADER}{body}"))
    }

    /// An `[errors.Name]` table.
    fn entry(name: &str, code: &str, status: u16, message: &str, more: &str) -> String {
        format!(
            "[errors.{name}]\ncode = \"{code}\"\nstatus = {status}\nmessage = \"{message}\"\n{more}\n"
        )
    }

    fn storage_not_found(message: &str, more: &str) -> String {
        entry("StorageNotFound", "129", 404, message, more)
    }

    const STORAGE: &str = "Storage Details not found for storageId = {storage_id}";

    fn rules(findings: &[Finding]) -> Vec<DiffRule> {
        findings.iter().map(|f| f.rule).collect()
    }

    /// The findings from `old` to `new` (bodies after [`HEADER`]), which must have exactly
    /// `expected` rules, in order.
    fn diff_bodies(old: &str, new: &str, expected: &[DiffRule]) -> Vec<Finding> {
        let findings = diff(&catalog(old), &catalog(new));
        assert_eq!(rules(&findings), expected, "{findings:#?}");
        findings
    }

    /// Asserts that `finding` is about `code` and `entry`, and its message contains `part`.
    #[track_caller]
    fn assert_finding(finding: &Finding, code: Option<&str>, entry: Option<&str>, part: &str) {
        assert_eq!(finding.code.as_deref(), code, "{finding:?}");
        assert_eq!(finding.entry.as_deref(), entry, "{finding:?}");
        assert!(
            finding.message.contains(part),
            "`{}` does not contain `{part}`",
            finding.message
        );
    }

    #[test]
    fn rule_names_and_classes() {
        let names: Vec<&str> = DiffRule::ALL.iter().map(|r| r.name()).collect();
        assert_eq!(
            names,
            [
                "code-removed",
                "status-changed",
                "message-changed",
                "field-removed",
                "field-renamed",
                "field-retyped",
                "shared-code-ambiguous",
                "wire-key-changed",
                "wire-changed",
                "retired-code-reused",
                "retryable-withdrawn",
                "retry-after-changed",
                "problem-type-changed",
                "entry-added",
                "wire-member-added",
                "retryable-granted",
                "retry-after-added",
                "problem-type-added",
                "doc-changed",
                "help-changed",
                "example-changed",
                "status-meaning-changed",
            ]
        );
        let breaking = DiffRule::ALL
            .iter()
            .filter(|r| r.class() == Class::Breaking)
            .count();
        assert_eq!(breaking, 13);
        assert_eq!(DiffRule::RetryableWithdrawn.class(), Class::Breaking);
        assert_eq!(DiffRule::RetryAfterChanged.class(), Class::Breaking);
        assert_eq!(DiffRule::ProblemTypeChanged.class(), Class::Breaking);
        assert_eq!(DiffRule::RetryableGranted.class(), Class::Compatible);
        assert_eq!(DiffRule::RetryAfterAdded.class(), Class::Compatible);
        assert_eq!(DiffRule::ProblemTypeAdded.class(), Class::Compatible);
        assert_eq!(DiffRule::WireChanged.class(), Class::Breaking);
        assert_eq!(DiffRule::WireMemberAdded.class(), Class::Compatible);
        assert_eq!(DiffRule::RetiredCodeReused.class(), Class::Breaking);
        assert_eq!(DiffRule::EntryAdded.class(), Class::Compatible);
        assert_eq!(DiffRule::StatusMeaningChanged.class(), Class::Compatible);
        assert_eq!(DiffRule::FieldRenamed.to_string(), "field-renamed");
        assert_eq!(Class::Compatible.to_string(), "compatible");
    }

    #[test]
    fn identical_catalogs_have_no_findings() {
        let body = storage_not_found(STORAGE, "fields.storage_id = { example = \"s-17\" }");
        diff_bodies(&body, &body, &[]);
        diff_bodies("", "", &[]);
        let seed = load_text(include_str!("../../catalog/backup-restore.toml"));
        assert_eq!(diff(&seed, &seed), []);
        assert_eq!(diff(&seed, &seed.clone()), []);
    }

    #[test]
    fn code_removed() {
        let kept = entry(
            "StorageExists",
            "128",
            409,
            "Conflicting Storage name = {name}",
            "",
        );
        let old = storage_not_found(STORAGE, "") + &kept;
        let found = diff_bodies(&old, &kept, &[DiffRule::CodeRemoved]);
        assert_finding(
            &found[0],
            Some("129"),
            Some("StorageNotFound"),
            "code `129` (`StorageNotFound`) was removed without being retired",
        );
        assert_eq!(
            found[0].to_string(),
            "breaking: code `129` (`StorageNotFound`) was removed without being retired [code-removed]"
        );
        // Retiring the code is the documented way to remove it: nothing to report.
        let retired = format!("{kept}[retired]\n\"129\" = \"use 128\"\n");
        diff_bodies(&old, &retired, &[]);
        // Into every catalog, from none.
        diff_bodies(&old, "", &[DiffRule::CodeRemoved, DiffRule::CodeRemoved]);
    }

    #[test]
    fn code_removed_names_where_the_entry_went() {
        let old = storage_not_found(STORAGE, "");
        let new = entry("StorageNotFound", "229", 404, STORAGE, "");
        let found = diff_bodies(&old, &new, &[DiffRule::CodeRemoved, DiffRule::EntryAdded]);
        assert_finding(
            &found[0],
            Some("129"),
            Some("StorageNotFound"),
            "`StorageNotFound` now has code `229`",
        );
        assert_finding(&found[1], Some("229"), Some("StorageNotFound"), "was added");
    }

    #[test]
    fn an_entry_removed_from_a_shared_code() {
        let export = entry(
            "BackupIdNotFoundForExport",
            "113",
            404,
            "BackupId not found for exportId = {export_id}",
            "shared_code = true",
        );
        let import = entry(
            "BackupIdNotFoundForImport",
            "113",
            404,
            "BackupId not found for importId = {import_id}",
            "shared_code = true",
        );
        let found = diff_bodies(
            &(export.clone() + &import),
            &export,
            &[DiffRule::CodeRemoved],
        );
        assert_finding(
            &found[0],
            Some("113"),
            Some("BackupIdNotFoundForImport"),
            "was removed; code `113` is still used by `BackupIdNotFoundForExport`",
        );
    }

    #[test]
    fn status_changed() {
        let old = storage_not_found(STORAGE, "");
        let new = entry("StorageNotFound", "129", 410, STORAGE, "");
        let found = diff_bodies(&old, &new, &[DiffRule::StatusChanged]);
        assert_finding(
            &found[0],
            Some("129"),
            Some("StorageNotFound"),
            "`StorageNotFound` (code `129`): status 404 became 410",
        );
    }

    #[test]
    fn message_changed_when_the_literal_text_changed() {
        let old = storage_not_found(STORAGE, "");
        let new = storage_not_found("Storage not found: {storage_id}", "");
        let found = diff_bodies(&old, &new, &[DiffRule::MessageChanged]);
        assert_finding(
            &found[0],
            Some("129"),
            Some("StorageNotFound"),
            "old clients do not recognize the message `Storage not found: x`; the template was \
             `Storage Details not found for storageId = {storage_id}` and is \
             `Storage not found: {storage_id}`",
        );
    }

    #[test]
    fn a_renamed_placeholder_is_no_message_change() {
        let old = storage_not_found(STORAGE, "fields.storage_id = { example = \"s-17\" }");
        let new = storage_not_found(
            "Storage Details not found for storageId = {id}",
            "fields.id = { example = \"s-17\" }",
        );
        let found = diff_bodies(&old, &new, &[DiffRule::FieldRenamed]);
        assert_finding(
            &found[0],
            Some("129"),
            Some("StorageNotFound"),
            "field `storage_id` was renamed to `id`",
        );
    }

    #[test]
    fn widened_and_narrowed_text() {
        let old = storage_not_found(STORAGE, "");
        // Narrowed: a dot at the end, which the old text takes: every message is recognized.
        let dot = storage_not_found(&format!("{STORAGE}."), "");
        diff_bodies(&old, &dot, &[]);
        // Widened: the old template ends with a dot that new messages do not have.
        let found = diff_bodies(&dot, &old, &[DiffRule::MessageChanged]);
        assert!(
            found[0]
                .message
                .contains("`Storage Details not found for storageId = x`"),
            "{found:?}"
        );
        // Literal text that a text placeholder takes over: widened, so not recognized.
        let tail = storage_not_found("Storage Details not found for {what}", "");
        let found = diff_bodies(
            &old,
            &tail,
            &[DiffRule::MessageChanged, DiffRule::FieldRenamed],
        );
        assert!(
            found[0]
                .message
                .contains("`Storage Details not found for x`"),
            "{found:?}"
        );
        // And the other way, narrowed: the old text takes `storageId = `.
        diff_bodies(&tail, &old, &[DiffRule::FieldRenamed]);
    }

    #[test]
    fn widened_and_narrowed_integers() {
        let limit = |ty: &str| {
            entry(
                "TooManyTags",
                "151",
                409,
                "At most {limit} tags are allowed",
                &format!("fields.limit = {{ type = \"{ty}\", example = \"30\" }}"),
            )
        };
        // A u8 that became a u16 keeps every old message, but 256 is a new one.
        let found = diff_bodies(
            &limit("u8"),
            &limit("u16"),
            &[DiffRule::MessageChanged, DiffRule::FieldRetyped],
        );
        assert_finding(
            &found[0],
            Some("151"),
            Some("TooManyTags"),
            "old clients do not recognize the message `At most 256 tags are allowed`; the \
             template `At most {limit} tags are allowed` is unchanged, but its placeholders' \
             types accept other text",
        );
        assert_finding(
            &found[1],
            Some("151"),
            Some("TooManyTags"),
            "field `limit` changed type from `u8` to `u16`",
        );
        // Narrowed: every new message is an old one; the type still changed.
        diff_bodies(&limit("u16"), &limit("u8"), &[DiffRule::FieldRetyped]);
        let found = diff_bodies(
            &limit("u8"),
            &limit("i8"),
            &[DiffRule::MessageChanged, DiffRule::FieldRetyped],
        );
        assert!(found[0].message.contains("`At most -1 tags are allowed`"));
    }

    #[test]
    fn field_removed() {
        let old = entry(
            "JobNotPresent",
            "110",
            404,
            "Brie job={job} with externalId={external_id} is not present",
            "",
        );
        let new = entry(
            "JobNotPresent",
            "110",
            404,
            "Brie job={job} is not present",
            "",
        );
        let found = diff_bodies(
            &old,
            &new,
            &[DiffRule::MessageChanged, DiffRule::FieldRemoved],
        );
        assert_finding(
            &found[1],
            Some("110"),
            Some("JobNotPresent"),
            "`JobNotPresent` (code `110`): field `external_id` was removed",
        );
    }

    #[test]
    fn field_renamed_needs_the_same_position_and_type() {
        let old = entry(
            "ArchiveTooLarge",
            "144",
            409,
            "Archive {archive_id} is {size} bytes",
            "fields.size = \"u64\"",
        );
        let renamed = entry(
            "ArchiveTooLarge",
            "144",
            409,
            "Archive {archive_id} is {bytes} bytes",
            "fields.bytes = { type = \"u64\", example = \"42\" }",
        );
        let found = diff_bodies(&old, &renamed, &[DiffRule::FieldRenamed]);
        assert_finding(
            &found[0],
            Some("144"),
            Some("ArchiveTooLarge"),
            "field `size` was renamed to `bytes`",
        );
        // Another type at the same position: the old field is gone.
        let other = entry(
            "ArchiveTooLarge",
            "144",
            409,
            "Archive {archive_id} is {bytes} bytes",
            "fields.bytes = { type = \"u32\", example = \"42\" }",
        );
        diff_bodies(&old, &renamed, &[DiffRule::FieldRenamed]);
        let found = diff_bodies(&old, &other, &[DiffRule::FieldRemoved]);
        assert!(found[0].message.contains("field `size` was removed"));
    }

    #[test]
    fn field_retyped() {
        let old = entry(
            "ArchiveTooLarge",
            "144",
            409,
            "Archive {archive_id} is {size} bytes",
            "fields.size = \"u64\"",
        );
        let new = entry(
            "ArchiveTooLarge",
            "144",
            409,
            "Archive {archive_id} is {size} bytes",
            "fields.size = { type = \"String\", example = \"42\" }",
        );
        let found = diff_bodies(
            &old,
            &new,
            &[DiffRule::MessageChanged, DiffRule::FieldRetyped],
        );
        assert!(
            found[0].message.contains("`Archive x is x bytes`"),
            "{found:?}"
        );
        assert_finding(
            &found[1],
            Some("144"),
            Some("ArchiveTooLarge"),
            "field `size` changed type from `u64` to `String`",
        );
    }

    const EXPORT: &str = "BackupId not found for exportId = {export_id}";

    #[test]
    fn shared_code_ambiguous() {
        let old = entry("BackupIdNotFoundForExport", "113", 404, EXPORT, "");
        // A new entry under code 113, whose messages include the old entry's.
        let new = entry(
            "BackupIdNotFoundForExport",
            "113",
            404,
            EXPORT,
            "shared_code = true",
        ) + &entry(
            "BackupIdNotFound",
            "113",
            410,
            "BackupId not found for {key} = {id}",
            "shared_code = true",
        );
        let found = diff_bodies(
            &old,
            &new,
            &[DiffRule::SharedCodeAmbiguous, DiffRule::EntryAdded],
        );
        assert_finding(
            &found[0],
            Some("113"),
            Some("BackupIdNotFound"),
            "`BackupIdNotFound` (code `113`): old clients read its message \
             `BackupId not found for exportId = x` as `BackupIdNotFoundForExport`",
        );
        assert_finding(
            &found[1],
            Some("113"),
            Some("BackupIdNotFound"),
            "was added to the shared code `113`",
        );
        // A new entry whose messages old clients cannot take for the old one's.
        let distinct = entry(
            "BackupIdNotFoundForExport",
            "113",
            404,
            EXPORT,
            "shared_code = true",
        ) + &entry(
            "BackupIdNotFoundForImport",
            "113",
            404,
            "BackupId not found for importId = {import_id}",
            "shared_code = true",
        );
        diff_bodies(&old, &distinct, &[DiffRule::EntryAdded]);
    }

    #[test]
    fn a_status_change_can_make_a_shared_code_ambiguous() {
        // Old clients try the entries with the received status first, then the others in
        // catalog order: with 409, `StorageNameNotFound` comes first.
        let body = |status: u16| {
            entry(
                "StorageNameNotFound",
                "129",
                410,
                "Not found: {name}",
                "shared_code = true",
            ) + &entry(
                "StorageIdNotFound",
                "129",
                status,
                "Not found: {id}",
                "shared_code = true\nfields.id = \"u32\"",
            )
        };
        let found = diff_bodies(
            &body(404),
            &body(409),
            &[DiffRule::StatusChanged, DiffRule::SharedCodeAmbiguous],
        );
        assert_finding(
            &found[1],
            Some("129"),
            Some("StorageIdNotFound"),
            "old clients read its message `Not found: 0` as `StorageNameNotFound`",
        );
    }

    #[test]
    fn a_changed_template_can_make_a_shared_code_ambiguous() {
        // A message the entry's old template does not match goes to the next entry.
        let body = |ty: &str, example: &str| {
            entry(
                "StorageIdNotFound",
                "129",
                404,
                "Not found: {id}",
                &format!(
                    "shared_code = true\nfields.id = {{ type = \"{ty}\", example = \"{example}\" }}"
                ),
            ) + &entry(
                "StorageNameNotFound",
                "129",
                410,
                "Not found: {name}",
                "shared_code = true",
            )
        };
        let found = diff_bodies(
            &body("u8", "42"),
            &body("u16", "300"),
            &[
                DiffRule::MessageChanged,
                DiffRule::FieldRetyped,
                DiffRule::SharedCodeAmbiguous,
                DiffRule::ExampleChanged,
            ],
        );
        // The shortest message shared with `StorageNameNotFound` (`Not found: 0`) is still
        // `StorageIdNotFound`'s; the shortest it no longer recognizes is not (nor is the
        // example message, `Not found: 300`, which comes after).
        assert_finding(
            &found[2],
            Some("129"),
            Some("StorageIdNotFound"),
            "old clients read its message `Not found: 256` as `StorageNameNotFound`",
        );
    }

    #[test]
    fn wire_key_changed() {
        let wire = |code: &str| {
            load_text(&format!(
                "[catalog]\ntitle = \"Storage API\"\nwire = {{ code = \"{code}\", message = \"errorMessage\" }}\n"
            ))
        };
        let found = diff(&wire("errorCode"), &wire("code"));
        assert_eq!(rules(&found), [DiffRule::WireKeyChanged]);
        assert_finding(
            &found[0],
            None,
            None,
            "the wire key of the code changed from `errorCode` to `code`",
        );
        // The default keys are `code` and `message`.
        let default = load_text("[catalog]\ntitle = \"Storage API\"\n");
        assert_eq!(diff(&default, &wire("code")).len(), 1);
        assert_eq!(
            diff(&wire("code"), &default)[0].rule,
            DiffRule::WireKeyChanged
        );
    }

    /// A catalog whose `[catalog] wire` is `wire`, with one entry of code `403001`.
    fn with_wire(wire: &str) -> Catalog {
        load_text(&format!(
            "[catalog]\ntitle = \"Storage API\"\nwire = {{ {wire} }}\n\n[status.403]\n\n{}",
            entry("Denied", "403001", 403, "Denied", "")
        ))
    }

    /// The rules and messages from the wire `old` to the wire `new`.
    fn wire_diff(old: &str, new: &str) -> Vec<(DiffRule, String)> {
        diff(&with_wire(old), &with_wire(new))
            .into_iter()
            .map(|f| {
                assert_eq!((f.code.as_deref(), f.entry.as_deref()), (None, None));
                (f.rule, f.message)
            })
            .collect()
    }

    const NESTED: &str = r#"code = "/error/code", message = "/error/message""#;

    #[test]
    fn wire_locations_compare_as_places() {
        // A pointer to a top-level member is its bare key.
        assert_eq!(
            wire_diff(
                r#"code = "errorCode", message = "errorMessage""#,
                r#"code = "/errorCode", message = "/errorMessage""#
            ),
            []
        );
        // A nested location is another place.
        let found = wire_diff(r#"code = "code", message = "message""#, NESTED);
        assert_eq!(
            found,
            [
                (
                    DiffRule::WireKeyChanged,
                    "the wire key of the code changed from `code` to `/error/code`".to_owned()
                ),
                (
                    DiffRule::WireKeyChanged,
                    "the wire key of the message changed from `message` to `/error/message`"
                        .to_owned()
                ),
            ]
        );
        // `~1` is `/`: a key with a slash, not a nested object.
        assert_eq!(
            wire_diff(
                r#"code = "/a~1b", message = "m""#,
                r#"code = "/a/b", message = "m""#
            )
            .len(),
            1
        );
    }

    #[test]
    fn wire_code_type_changed() {
        let integer = format!(r#"{NESTED}, code_type = "integer""#);
        for (old, new, from, to) in [
            (NESTED, integer.as_str(), "string", "integer"),
            (integer.as_str(), NESTED, "integer", "string"),
        ] {
            assert_eq!(
                wire_diff(old, new),
                [(
                    DiffRule::WireChanged,
                    format!("the wire code type changed from `{from}` to `{to}`")
                )]
            );
        }
        // Saying the default is no change.
        assert_eq!(
            wire_diff(NESTED, &format!(r#"{NESTED}, code_type = "string""#)),
            []
        );
    }

    #[test]
    fn wire_status_added_removed_moved() {
        let at = |location: &str| format!(r#"{NESTED}, status = "{location}""#);
        assert_eq!(
            wire_diff(NESTED, &at("/error/status")),
            [(
                DiffRule::WireMemberAdded,
                "the status is now sent in the body, at `/error/status`".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&at("/error/status"), NESTED),
            [(
                DiffRule::WireChanged,
                "the status is no longer sent in the body (it was at `/error/status`)".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&at("/error/status"), &at("/status")),
            [(
                DiffRule::WireChanged,
                "the wire location of the status changed from `/error/status` to `/status`"
                    .to_owned()
            )]
        );
        assert_eq!(wire_diff(&at("/status"), &at("status")), []);
    }

    #[test]
    fn wire_constants_added_removed_changed() {
        let with = |constants: &str| format!("{NESTED}, constants = {{ {constants} }}");
        let old = with(r#""/kind" = "Status", "/apiVersion" = "v1""#);
        // Removed, changed, added: breaking first, then compatible, each in catalog order.
        let new = with(r#""/apiVersion" = "v2", "/status" = "Failure""#);
        let found = diff(&with_wire(&old), &with_wire(&new));
        assert_eq!(
            rules(&found),
            [
                DiffRule::WireChanged,
                DiffRule::WireChanged,
                DiffRule::WireMemberAdded
            ]
        );
        assert_finding(
            &found[0],
            None,
            None,
            "the wire constant at `/kind` (`Status`) was removed",
        );
        assert_finding(
            &found[1],
            None,
            None,
            "the wire constant at `/apiVersion` changed from `v1` to `v2`",
        );
        assert_finding(
            &found[2],
            None,
            None,
            "the wire constant `Failure` at `/status` was added",
        );
        assert_eq!(
            Class::Compatible,
            found[2].rule.class(),
            "adding a member is compatible"
        );
        // Reordered, or a bare key for its pointer: the same constants.
        let same = with(r#""apiVersion" = "v1", "/kind" = "Status""#);
        assert_eq!(wire_diff(&old, &same), []);
        // From none to some, and back.
        assert_eq!(
            rules(&diff(&with_wire(NESTED), &with_wire(&old))),
            [DiffRule::WireMemberAdded, DiffRule::WireMemberAdded]
        );
        assert_eq!(
            rules(&diff(&with_wire(&old), &with_wire(NESTED))),
            [DiffRule::WireChanged, DiffRule::WireChanged]
        );
    }

    #[test]
    fn wire_header_added_removed_renamed() {
        let header = |name: &str| format!(r#"{NESTED}, header = "{name}""#);
        assert_eq!(
            wire_diff(NESTED, &header("x-ms-error-code")),
            [(
                DiffRule::WireMemberAdded,
                "the header `x-ms-error-code` now carries the code".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&header("x-ms-error-code"), NESTED),
            [(
                DiffRule::WireChanged,
                "the header `x-ms-error-code` no longer carries the code".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&header("x-ms-error-code"), &header("x-error-code")),
            [(
                DiffRule::WireChanged,
                "the header that carries the code changed from `x-ms-error-code` to `x-error-code`"
                    .to_owned()
            )]
        );
        // HTTP header names have no case.
        assert_eq!(
            wire_diff(&header("x-ms-error-code"), &header("X-MS-Error-Code")),
            []
        );
    }

    #[test]
    fn retired_code_reused() {
        let old = "[retired]\n\"101\" = \"meant 'storage full' until v2\"\n";
        let new = entry(
            "StorageQuotaExceeded",
            "101",
            409,
            "Storage quota exceeded",
            "",
        );
        let found = diff_bodies(old, &new, &[DiffRule::RetiredCodeReused]);
        assert_finding(
            &found[0],
            Some("101"),
            Some("StorageQuotaExceeded"),
            "`StorageQuotaExceeded` uses code `101`, which the old catalog retired (meant 'storage full' until v2)",
        );
    }

    #[test]
    fn entry_added() {
        let old = storage_not_found(STORAGE, "");
        let added = entry(
            "StorageQuotaExceeded",
            "145",
            409,
            "Storage quota exceeded",
            "",
        );
        let found = diff_bodies(&old, &(old.clone() + &added), &[DiffRule::EntryAdded]);
        assert_finding(
            &found[0],
            Some("145"),
            Some("StorageQuotaExceeded"),
            "`StorageQuotaExceeded` (code `145`) was added",
        );
        assert_eq!(
            found[0].to_string(),
            "compatible: `StorageQuotaExceeded` (code `145`) was added [entry-added]"
        );
    }

    #[test]
    fn doc_changed() {
        let old = storage_not_found(
            STORAGE,
            "doc = \"No storage has this ID.\"\nfields.storage_id = { doc = \"The ID.\" }",
        );
        let new = storage_not_found(
            STORAGE,
            "doc = \"No storage has that ID.\"\nfields.storage_id = { doc = \"Its ID.\" }",
        );
        let found = diff_bodies(&old, &new, &[DiffRule::DocChanged, DiffRule::DocChanged]);
        assert_finding(
            &found[0],
            Some("129"),
            Some("StorageNotFound"),
            "the doc of field `storage_id` changed",
        );
        assert_finding(
            &found[1],
            Some("129"),
            Some("StorageNotFound"),
            "the doc changed",
        );
        // The catalog's own docs, and a catalog enum's.
        let old = load_text("[catalog]\ntitle = \"A\"\n\n[types.Job]\nvalues = [\"X\"]\n");
        let new = load_text(
            "[catalog]\ntitle = \"B\"\ndoc = \"d\"\ndocs_url = \"https://x.dev/errors\"\n\n\
             [types.Job]\nvalues = [\"X\"]\ndoc = \"A job.\"\n",
        );
        let mut found = diff(&old, &new);
        // Without `problem_base`, the docs_url gives the entries a problem type.
        let problem = found.remove(0);
        assert_eq!(problem.rule, DiffRule::ProblemTypeAdded);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the catalog's title changed from `A` to `B`",
                "the catalog's doc changed",
                "the catalog's docs_url changed from none to `https://x.dev/errors`",
                "the doc of catalog enum `Job` changed",
            ]
        );
        assert!(
            found
                .iter()
                .all(|f| f.rule == DiffRule::DocChanged && f.code.is_none())
        );
    }

    #[test]
    fn help_changed() {
        let old = storage_not_found(STORAGE, "");
        let new = storage_not_found(STORAGE, "help = \"Create the storage first.\"");
        let found = diff_bodies(&old, &new, &[DiffRule::HelpChanged]);
        assert_finding(
            &found[0],
            Some("129"),
            Some("StorageNotFound"),
            "`StorageNotFound` (code `129`): the help changed",
        );
    }

    #[test]
    fn example_changed() {
        let old = storage_not_found(STORAGE, "fields.storage_id = { example = \"s-17\" }");
        let new = storage_not_found(STORAGE, "fields.storage_id = { example = \"s-42\" }");
        let found = diff_bodies(&old, &new, &[DiffRule::ExampleChanged]);
        assert_finding(
            &found[0],
            Some("129"),
            Some("StorageNotFound"),
            "the example of field `storage_id` changed from `s-17` to `s-42`",
        );
        // A derived example is an example too.
        let derived = storage_not_found(STORAGE, "");
        let found = diff_bodies(&old, &derived, &[DiffRule::ExampleChanged]);
        assert!(found[0].message.contains("from `s-17` to `storageid`"));
    }

    #[test]
    fn status_meaning_changed() {
        let table = |rows: &str| load_text(&format!("[catalog]\ntitle = \"T\"\n\n{rows}"));
        let old = table("[status.404]\nmeaning = \"Not there.\"\n\n[status.410]\n");
        let new = table("[status.404]\nmeaning = \"Gone or never there.\"\n\n[status.418]\n");
        let found = diff(&old, &new);
        assert_eq!(rules(&found), [DiffRule::StatusMeaningChanged; 3]);
        assert_finding(
            &found[0],
            None,
            None,
            "the meaning of status 404 changed from `Not there.` to `Gone or never there.`",
        );
        assert_finding(
            &found[1],
            None,
            None,
            "status 418 was added to the status table",
        );
        assert_finding(
            &found[2],
            None,
            None,
            "status 410 was removed from the status table",
        );
        let reason =
            table("[status.404]\nreason = \"Missing\"\nmeaning = \"Not there.\"\n\n[status.410]\n");
        let found = diff(&old, &reason);
        assert_eq!(rules(&found), [DiffRule::StatusMeaningChanged]);
        assert!(
            found[0]
                .message
                .contains("reason of status 404 changed from `Not Found` to `Missing`")
        );
    }

    #[test]
    fn findings_display_on_one_line() {
        let old = catalog(&storage_not_found(STORAGE, ""));
        let new = load_text(&format!(
            "[catalog]\ntitle = \"Storage API\"\n\n\
             [status.404]\nmeaning = \"\"\"Not\nthere.\"\"\"\n\n[status.409]\n\n[status.410]\n\n{}",
            storage_not_found("Storage\\nnot found: {storage_id}", "")
        ));
        let found = diff(&old, &new);
        assert_eq!(
            rules(&found),
            [DiffRule::MessageChanged, DiffRule::StatusMeaningChanged]
        );
        assert!(
            found[0].message.contains("`Storage\\nnot found: x`"),
            "{found:?}"
        );
        assert!(found[1].message.contains("to `Not\\nthere.`"), "{found:?}");
        for finding in &found {
            assert!(!finding.to_string().contains('\n'), "{finding}");
        }
    }

    #[test]
    fn a_renamed_entry_is_the_same_entry() {
        let old = storage_not_found(STORAGE, "");
        let new = entry("StorageMissing", "129", 410, STORAGE, "");
        let found = diff_bodies(&old, &new, &[DiffRule::StatusChanged]);
        assert_finding(
            &found[0],
            Some("129"),
            Some("StorageMissing"),
            "`StorageMissing` (code `129`, was `StorageNotFound`): status 404 became 410",
        );
        let renamed = entry("StorageMissing", "129", 404, STORAGE, "");
        diff_bodies(&old, &renamed, &[]);
    }

    #[test]
    fn entries_of_a_shared_code_match_by_name_then_by_template() {
        let export =
            |name: &str, status: u16| entry(name, "113", status, EXPORT, "shared_code = true");
        let import = |name: &str, status: u16| {
            entry(
                name,
                "113",
                status,
                "BackupId not found for importId = {import_id}",
                "shared_code = true",
            )
        };
        let old = export("ForExport", 404) + &import("ForImport", 404);
        // Reordered: matched by name.
        let new = import("ForImport", 410) + &export("ForExport", 404);
        let found = diff_bodies(&old, &new, &[DiffRule::StatusChanged]);
        assert_eq!(found[0].entry.as_deref(), Some("ForImport"));
        // Renamed: matched by template.
        let new = export("ExportMissing", 404) + &import("ImportMissing", 410);
        let found = diff_bodies(&old, &new, &[DiffRule::StatusChanged]);
        assert_finding(
            &found[0],
            Some("113"),
            Some("ImportMissing"),
            "(code `113`, was `ForImport`): status 404 became 410",
        );
    }

    const JOB_ENTRIES: &str = "[errors.JobNotPresent]\ncode = \"110\"\nstatus = 404\n\
         message = \"Brie job={job} with externalId={external_id} is not present\"\n\
         fields.job = \"Job\"\n\n\
         [errors.StorageNotFound]\ncode = \"129\"\nstatus = 404\n\
         message = \"Storage Details not found for storageId = {storage_id}\"\n";

    #[test]
    fn an_enum_that_gains_a_value_changes_the_messages_that_use_it() {
        let jobs = |values: &str| {
            catalog(&format!(
                "[types.Job]\nvalues = [{values}]\n\n{JOB_ENTRIES}"
            ))
        };
        let (two, three) = (
            jobs("\"EXPORT\", \"IMPORT\""),
            jobs("\"EXPORT\", \"IMPORT\", \"RESTORE\""),
        );
        let found = diff(&two, &three);
        assert_eq!(rules(&found), [DiffRule::MessageChanged]);
        assert_finding(
            &found[0],
            Some("110"),
            Some("JobNotPresent"),
            "`Brie job=RESTORE with externalId=x is not present`",
        );
        // Losing a value: every new message was an old one.
        assert_eq!(diff(&three, &two), []);
    }

    #[test]
    fn repeated_placeholders_are_compared_as_clients_read_them() {
        let twice = entry("Mismatch", "150", 409, "{a} is not {a}", "");
        let two = entry("Mismatch", "150", 409, "{a} is not {b}", "");
        // Old clients want both texts equal: `a is not b` is not recognized.
        let found = diff_bodies(&twice, &two, &[DiffRule::MessageChanged]);
        assert!(found[0].message.contains("`a is not b`"), "{found:?}");
        // The other way, every new message is an old one; the field `b` is gone.
        diff_bodies(&two, &twice, &[DiffRule::FieldRemoved]);
        // Placeholder by placeholder, the old template matches every message of the new one
        // (the second text takes the `!`), but old clients want both texts equal.
        let tail = entry("Mismatch", "150", 409, "{a} is not {a}!", "");
        let found = diff_bodies(&twice, &tail, &[DiffRule::MessageChanged]);
        assert!(found[0].message.contains("`a is not a!`"), "{found:?}");
        // Equal texts in both versions, with more text allowed: no message change.
        let dotted = entry(
            "Mismatch",
            "150",
            409,
            "{a} is not {a}",
            "fields.a = \"u8\"",
        );
        diff_bodies(
            &dotted,
            &twice,
            &[DiffRule::MessageChanged, DiffRule::FieldRetyped],
        );
        diff_bodies(&twice, &dotted, &[DiffRule::FieldRetyped]);
    }

    #[test]
    fn a_realistic_change_reports_breaking_findings_first_in_catalog_order() {
        let seed = include_str!("../../catalog/backup-restore.toml");
        let edits = [
            // Compatible: a status meaning, a doc, an added entry.
            (
                "meaning = \"Everything was fine and worked.\"",
                "meaning = \"All went well.\"",
            ),
            (
                "doc = \"The backup ID does not exist, or it identifies an operation that is not a backup.\"",
                "doc = \"No such backup.\"",
            ),
            // Breaking: a status, a message, an enum value, a removed code.
            (
                "code = \"128\"\nstatus = 409",
                "code = \"128\"\nstatus = 422",
            ),
            (
                "message = \"Storage Details not found for storageId = {storage_id}\"",
                "message = \"Storage not found for storageId = {storage_id}\"",
            ),
            (
                "values = [\"EXPORT\", \"IMPORT\"]",
                "values = [\"EXPORT\", \"IMPORT\", \"RESTORE\"]",
            ),
        ];
        let mut text = seed.to_owned();
        for (from, to) in edits {
            assert!(text.contains(from), "{from}");
            text = text.replacen(from, to, 1);
        }
        let removed = text
            .find("[errors.MigrationReportNotAvailable]")
            .expect("the seed has code 143");
        text.truncate(removed);
        text += "[errors.StorageQuotaExceeded]\ncode = \"145\"\nstatus = 422\nmessage = \"Storage quota exceeded\"\n";
        let old = load_text(seed);
        let new = load_text(&text);
        let found = diff(&old, &new);
        let summary: Vec<(DiffRule, Option<&str>)> =
            found.iter().map(|f| (f.rule, f.entry.as_deref())).collect();
        assert_eq!(
            summary,
            [
                (DiffRule::StatusChanged, Some("ConflictingStorageName")),
                (DiffRule::MessageChanged, Some("StorageNotFound")),
                (DiffRule::MessageChanged, Some("JobNotPresent")),
                (DiffRule::MessageChanged, Some("InvalidCloudIdForJob")),
                (DiffRule::CodeRemoved, Some("MigrationReportNotAvailable")),
                (DiffRule::StatusMeaningChanged, None),
                (DiffRule::DocChanged, Some("InvalidBackupId")),
                (DiffRule::EntryAdded, Some("StorageQuotaExceeded")),
            ],
            "{found:#?}"
        );
        assert!(
            found[2]
                .message
                .contains("`Brie job=RESTORE with externalId=x is not present`")
        );
        assert!(found[3].message.contains("job=RESTORE"));
        let lines: Vec<String> = found.iter().map(Finding::to_string).collect();
        assert!(
            lines[..5].iter().all(|l| l.starts_with("breaking: ")),
            "{lines:#?}"
        );
        assert!(
            lines[5..].iter().all(|l| l.starts_with("compatible: ")),
            "{lines:#?}"
        );
    }

    #[test]
    fn old_clients_try_the_entries_with_the_received_status_first() {
        let old = catalog(
            &(entry(
                "StorageNameNotFound",
                "129",
                410,
                "Not found: {name}",
                "shared_code = true",
            ) + &entry(
                "StorageIdNotFound",
                "129",
                404,
                "Not found: {id}",
                "shared_code = true\nfields.id = \"u32\"",
            )),
        );
        let classes = Classes::new(&old);
        let side = Side::new(&old, &classes);
        assert_eq!(side.reads_as("129", 404, "Not found: 5"), Some(1));
        assert_eq!(side.reads_as("129", 404, "Not found: x"), Some(0));
        assert_eq!(side.reads_as("129", 410, "Not found: 5"), Some(0));
        // No entry has the status: catalog order.
        assert_eq!(side.reads_as("129", 409, "Not found: 5"), Some(0));
        assert_eq!(side.reads_as("130", 404, "Not found: 5"), None);
        assert_eq!(side.reads_as("129", 404, "Found: 5"), None);
    }

    #[test]
    fn repeated_placeholders_take_the_same_text() {
        let twice = catalog(&entry("Mismatch", "150", 409, "{a} is not {a}, {b}", ""));
        let classes = Classes::new(&twice);
        let side = Side::new(&twice, &classes);
        // What the entry gives: some reading with equal texts.
        assert!(side.gives(0, "x is not x, y"));
        assert!(side.gives(0, "x, y is not x, y, z"));
        assert!(!side.gives(0, "x is not y, z"));
        assert!(!side.gives(1, "x is not x, y"), "no such entry");
        // What the client accepts: its one reading, with equal texts.
        assert!(side.accepts(0, "x is not x, y"));
        assert!(
            !side.accepts(0, "x, y is not x, y, z"),
            "read as a = `x`, a = `y`"
        );
        assert!(!side.accepts(0, "x is not y, z"));
        let renderings = side.renderings(0);
        assert_eq!(renderings[..2], ["a is not a, b", "a-0 is not a-0, b-1"]);
        assert!(
            renderings.contains(&"x is not x, b".to_owned()),
            "{renderings:?}"
        );
    }

    /// Catalogs that no check would pass: out-of-range indices, empty enums, templates that
    /// did not parse. `diff` reads them with `get` and reports what it can.
    #[test]
    fn broken_catalogs_do_not_panic() {
        let base = catalog(
            &(format!("[types.Job]\nvalues = [\"EXPORT\"]\n\n{JOB_ENTRIES}")
                + &entry("Twice", "150", 409, "{a} is not {a}", "")
                + &entry("Brie", "160", 410, "Brie {x}", "")),
        );
        let mut broken = base.clone();
        broken.types.clear();
        for entry in &mut broken.entries {
            entry.parts.push(Part::Placeholder {
                field: 99,
                span: 0..0,
            });
            entry.fields.truncate(1);
        }
        let mut empty_enum = base.clone();
        if let Some(job) = empty_enum.types.get_mut(0) {
            job.values.clear();
        }
        let mut unparsed = base.clone();
        for entry in &mut unparsed.entries {
            entry.parts.clear();
            entry.fields.clear();
        }
        let all = [&base, &broken, &empty_enum, &unparsed];
        for old in all {
            for new in all {
                let found = diff(old, new);
                if std::ptr::eq(old, new) {
                    assert_eq!(found, [], "{found:#?}");
                }
            }
        }
        // An enum without values gives no message: nothing new for old clients, and
        // everything new from there.
        assert_eq!(diff(&base, &empty_enum), []);
        let found = diff(&empty_enum, &base);
        assert_eq!(rules(&found), [DiffRule::MessageChanged]);
        assert!(
            found[0]
                .message
                .contains("`Brie job=EXPORT with externalId=x is not present`")
        );
        // A template that did not parse matches only the empty message.
        let found = diff(&base, &unparsed);
        assert!(
            found
                .iter()
                .any(|f| f.rule == DiffRule::MessageChanged && f.message.contains("message ``")),
            "{found:#?}"
        );
    }

    /// Every rule has a case above that produces it.
    #[test]
    fn every_rule_is_produced() {
        let status_rows = load_text("[catalog]\ntitle = \"T\"\n\n[status.404]\n");
        let cases: Vec<(Catalog, Catalog)> = vec![
            (catalog(&storage_not_found(STORAGE, "")), catalog("")),
            (
                catalog(&(storage_not_found(STORAGE, "") + "[retired]\n\"101\" = \"\"\n")),
                catalog(
                    &(storage_not_found(
                        "Storage not found: {id}",
                        "shared_code = true\nfields.id = \"u8\"\nhelp = \"h\"\ndoc = \"d\"",
                    ) + &entry("Quota", "101", 409, "Quota", "")
                        + &entry(
                            "Other",
                            "129",
                            410,
                            "Storage Details not found for {what}",
                            "shared_code = true",
                        )),
                ),
            ),
            (
                catalog(&entry(
                    "A",
                    "1",
                    404,
                    "a {x} {y}",
                    "fields.x = { example = \"e\" }",
                )),
                catalog(&entry(
                    "A",
                    "1",
                    410,
                    "a {x} {z}",
                    "fields.x = { type = \"u8\", example = \"7\" }",
                )),
            ),
            (catalog(""), status_rows),
            (
                load_text("[catalog]\ntitle = \"T\"\n"),
                load_text("[catalog]\ntitle = \"T\"\nwire = { code = \"c\", message = \"m\" }\n"),
            ),
            (
                load_text("[catalog]\ntitle = \"T\"\n"),
                load_text(
                    "[catalog]\ntitle = \"T\"\nwire = { code = \"code\", message = \"message\", header = \"x-error-code\" }\n",
                ),
            ),
            (
                load_text(
                    "[catalog]\ntitle = \"T\"\nwire = { code = \"code\", message = \"message\", header = \"x-error-code\" }\n",
                ),
                load_text("[catalog]\ntitle = \"T\"\n"),
            ),
            (
                with_header("", &busy(503, "retry_after = \"seconds\"")),
                with_header(
                    "problem_base = \"https://x.dev/problems/\"",
                    &busy(503, "retryable = false"),
                ),
            ),
            (
                with_header(
                    "problem_base = \"https://x.dev/problems/\"",
                    &busy(503, "retryable = false"),
                ),
                with_header(
                    "problem_base = \"https://x.dev/errors/\"",
                    &busy(503, "retry_after = \"seconds\""),
                ),
            ),
        ];
        let seen: Vec<DiffRule> = cases
            .iter()
            .flat_map(|(old, new)| diff(old, new))
            .map(|f| f.rule)
            .collect();
        for rule in DiffRule::ALL {
            assert!(seen.contains(rule), "{rule} is never produced");
        }
    }

    /// A small random catalog, as data that renders to TOML, for the randomized test.
    #[derive(Clone, Debug)]
    struct Spec {
        jobs: Vec<&'static str>,
        entries: Vec<EntrySpec>,
    }

    #[derive(Clone, Debug)]
    struct EntrySpec {
        name: &'static str,
        code: &'static str,
        status: u16,
        /// Literal text, or a placeholder's name and type.
        pieces: Vec<(&'static str, Option<&'static str>)>,
    }

    const NAMES: &[&str] = &["Alpha", "Beta", "Gamma", "Delta"];
    const CODES: &[&str] = &["1", "2"];
    const STATUSES: &[u16] = &[404, 409, 410];
    const LITERALS: &[&str] = &["id ", " = ", "not found", ": ", "x", "7"];
    const FIELDS: &[&str] = &["a", "b", "c"];
    const TYPES: &[&str] = &["String", "u8", "u16", "i8", "bool", "Job"];
    const JOBS: &[&str] = &["EXPORT", "IMPORT", "RESTORE"];

    /// xorshift64*, so that failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
        }
        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            items[self.below(items.len())]
        }
    }

    impl Spec {
        fn random(rng: &mut Rng) -> Spec {
            let entries = (0..1 + rng.below(3))
                .map(|i| EntrySpec {
                    name: NAMES[i],
                    code: rng.pick(CODES),
                    status: rng.pick(STATUSES),
                    pieces: random_pieces(rng),
                })
                .collect();
            Spec {
                jobs: JOBS[..1 + rng.below(2)].to_vec(),
                entries,
            }
        }

        /// One random change.
        fn mutate(&self, rng: &mut Rng) -> Spec {
            let mut out = self.clone();
            let at = rng.below(out.entries.len());
            let count = out.entries.len();
            let entry = &mut out.entries[at];
            match rng.below(9) {
                0 => entry.status = rng.pick(STATUSES),
                1 => entry.code = rng.pick(CODES),
                2 => entry.name = NAMES[3],
                3 => entry.pieces = random_pieces(rng),
                4 => out.jobs = JOBS[..1 + rng.below(3)].to_vec(),
                5 if count > 1 => {
                    out.entries.remove(at);
                }
                6 if count < 4 => out.entries.push(EntrySpec {
                    name: NAMES[3],
                    code: rng.pick(CODES),
                    status: rng.pick(STATUSES),
                    pieces: random_pieces(rng),
                }),
                _ => {
                    let piece = rng.below(entry.pieces.len());
                    entry.pieces[piece] = random_piece(rng);
                }
            }
            out
        }

        fn toml(&self) -> String {
            let jobs: Vec<String> = self.jobs.iter().map(|j| format!("\"{j}\"")).collect();
            let mut text = format!("[types.Job]\nvalues = [{}]\n\n", jobs.join(", "));
            for entry in &self.entries {
                let shared = self.entries.iter().filter(|e| e.code == entry.code).count() > 1;
                let mut message = String::new();
                let mut fields = String::new();
                for (text, ty) in &entry.pieces {
                    match ty {
                        None => message += text,
                        Some(ty) => {
                            message += &format!("{{{text}}}");
                            fields += &format!("fields.{text} = \"{ty}\"\n");
                        }
                    }
                }
                text += &format!(
                    "[errors.{}]\ncode = \"{}\"\nstatus = {}\nmessage = \"{message}\"\n{}{fields}\n",
                    entry.name,
                    entry.code,
                    entry.status,
                    if shared { "shared_code = true\n" } else { "" },
                );
            }
            text
        }
    }

    fn random_piece(rng: &mut Rng) -> (&'static str, Option<&'static str>) {
        if rng.below(2) == 0 {
            (rng.pick(LITERALS), None)
        } else {
            (rng.pick(FIELDS), Some(rng.pick(TYPES)))
        }
    }

    /// Pieces of a template; a field used twice has the same type both times, or the catalog
    /// declares it twice (and is skipped).
    fn random_pieces(rng: &mut Rng) -> Vec<(&'static str, Option<&'static str>)> {
        (0..1 + rng.below(4)).map(|_| random_piece(rng)).collect()
    }

    /// The text between the first `` ` `` after `after` and the next one.
    fn quoted<'m>(message: &'m str, after: &str) -> &'m str {
        let start = message.find(after).map_or(0, |at| at + after.len());
        let rest = &message[start..];
        rest.split('`').next().unwrap_or("")
    }

    /// Random pairs of valid catalogs: `diff` never panics, a catalog has no change from
    /// itself, breaking findings come first, and every witness is what the rule says: a
    /// `message-changed` message is given by the new entry and rejected by its old one, and
    /// a `shared-code-ambiguous` message is read by the old client as the entry named.
    #[test]
    fn random_catalog_pairs() {
        let mut rng = Rng(0xC0DE_D1FF);
        let (mut pairs, mut messages, mut ambiguous) = (0, 0, 0);
        for _ in 0..6_000 {
            let first = Spec::random(&mut rng);
            let second = first.mutate(&mut rng);
            let load = |spec: &Spec| {
                let source = Source::new("t.toml", "/t.toml", format!("{HEADER}{}", spec.toml()));
                crate::load(&source).ok().map(crate::Checked::into_catalog)
            };
            let (Some(old), Some(new)) = (load(&first), load(&second)) else {
                continue;
            };
            pairs += 1;
            assert_eq!(diff(&old, &old), [], "{}", first.toml());
            let found = diff(&old, &new);
            let classes: Vec<Class> = found.iter().map(|f| f.rule.class()).collect();
            assert!(
                classes.is_sorted_by_key(|c| *c == Class::Compatible),
                "{found:#?}"
            );
            let (old_classes, new_classes) = (Classes::new(&old), Classes::new(&new));
            let (old_side, new_side) =
                (Side::new(&old, &old_classes), Side::new(&new, &new_classes));
            let matched = match_entries(&old_side, &new_side);
            for finding in &found {
                let Some(n) = new
                    .entries
                    .iter()
                    .position(|e| Some(&e.name.value) == finding.entry.as_ref())
                else {
                    continue;
                };
                let context = || format!("{finding:?}\n{}\n{}", first.toml(), second.toml());
                match finding.rule {
                    DiffRule::MessageChanged => {
                        messages += 1;
                        let witness = quoted(&finding.message, "recognize the message `");
                        let o = matched[n].expect("a changed message has an old entry");
                        assert!(new_side.gives(n, witness), "{}", context());
                        assert!(!old_side.accepts(o, witness), "{}", context());
                    }
                    DiffRule::SharedCodeAmbiguous => {
                        ambiguous += 1;
                        let witness = quoted(&finding.message, "read its message `");
                        let read_as = quoted(&finding.message, "` as `");
                        let entry = &new.entries[n];
                        assert!(new_side.gives(n, witness), "{}", context());
                        let read = old_side
                            .reads_as(&entry.code.value, entry.status.value, witness)
                            .and_then(|o| old.entries.get(o));
                        assert_eq!(
                            read.map(|e| e.name.value.as_str()),
                            Some(read_as),
                            "{}",
                            context()
                        );
                        assert_ne!(
                            matched[n],
                            old_side.reads_as(&entry.code.value, entry.status.value, witness)
                        );
                    }
                    _ => {}
                }
            }
            // No change missed: renderings of an entry whose message did not change are
            // recognized by its old entry, and those of an entry added or changed under a
            // code old entries have are read as no other old entry, unless reported.
            for (n, entry) in new.entries.iter().enumerate() {
                let reported = |rule: DiffRule| {
                    found
                        .iter()
                        .any(|f| f.rule == rule && f.entry.as_ref() == Some(&entry.name.value))
                };
                let own = matched[n];
                let renderings = new_side.renderings(n);
                if let Some(o) = own
                    && !reported(DiffRule::MessageChanged)
                {
                    for message in &renderings {
                        assert!(
                            old_side.accepts(o, message),
                            "{message:?} {found:#?}\n{}\n{}",
                            first.toml(),
                            second.toml()
                        );
                    }
                }
                let unchanged = own.and_then(|o| old.entries.get(o)).is_some_and(|was| {
                    let o = own.unwrap_or_default();
                    old_side.segments(o) == new_side.segments(n)
                        && placeholder_pattern(was) == placeholder_pattern(entry)
                        && was.status.value == entry.status.value
                });
                if !unchanged && !reported(DiffRule::SharedCodeAmbiguous) {
                    for message in &renderings {
                        let read =
                            old_side.reads_as(&entry.code.value, entry.status.value, message);
                        assert!(
                            read.is_none() || read == own,
                            "{message:?} {found:#?}\n{}\n{}",
                            first.toml(),
                            second.toml()
                        );
                    }
                }
            }
        }
        assert!(pairs > 1_000, "only {pairs} valid pairs");
        assert!(
            messages > 200 && ambiguous > 20,
            "{messages} message changes, {ambiguous} ambiguous"
        );
    }

    /// A catalog with `header` added to `[catalog]` and `entries` after [`HEADER`]'s statuses
    /// and a 503 row.
    fn with_header(header: &str, entries: &str) -> Catalog {
        load_text(&format!(
            "[catalog]\ntitle = \"Storage API\"\n{header}\n\n\
             [status.404]\n\n[status.409]\n\n[status.503]\n\n{entries}"
        ))
    }

    const BUSY: &str = "Busy; retry in {seconds} seconds, after {attempts} attempts";

    fn busy(status: u16, more: &str) -> String {
        entry(
            "Busy",
            "BUSY",
            status,
            BUSY,
            &format!("fields.seconds = \"u32\"\nfields.attempts = \"i64\"\n{more}"),
        )
    }

    #[test]
    fn retryable_withdrawn_is_breaking_and_granted_compatible() {
        // A 503 is retryable by default; `retryable = false` withdraws it.
        let findings = diff(
            &with_header("", &busy(503, "")),
            &with_header("", &busy(503, "retryable = false")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryableWithdrawn]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "`Busy` (code `BUSY`): is no longer retryable (status 503, `retryable = false`)",
        );
        // The other way round, and `retryable = true` on a 409.
        let findings = diff(
            &with_header("", &busy(503, "retryable = false")),
            &with_header("", &busy(503, "")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryableGranted]);
        let findings = diff(
            &with_header("", &busy(409, "")),
            &with_header("", &busy(409, "retryable = true")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryableGranted]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "is now retryable (status 409, `retryable = true`)",
        );
        // Saying what the status says already is no change.
        assert_eq!(
            diff(
                &with_header("", &busy(503, "")),
                &with_header("", &busy(503, "retryable = true"))
            ),
            []
        );
        // A status that leaves 429, 503 and 504 withdraws the default too.
        let findings = diff(
            &with_header("", &busy(503, "")),
            &with_header("", &busy(409, "")),
        );
        assert_eq!(
            rules(&findings),
            [DiffRule::StatusChanged, DiffRule::RetryableWithdrawn]
        );
    }

    #[test]
    fn retry_after_removed_or_moved_is_breaking_and_added_compatible() {
        let at = |field: &str| busy(503, &format!("retry_after = \"{field}\""));
        let findings = diff(
            &with_header("", &at("seconds")),
            &with_header("", &busy(503, "")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryAfterChanged]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "`retry_after` was removed; old clients still read a retry delay from the field `seconds`",
        );
        let findings = diff(
            &with_header("", &at("seconds")),
            &with_header("", &at("attempts")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryAfterChanged]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "the retry delay moved from the field `seconds` to `attempts`",
        );
        let findings = diff(
            &with_header("", &busy(503, "")),
            &with_header("", &at("seconds")),
        );
        assert_eq!(rules(&findings), [DiffRule::RetryAfterAdded]);
        assert_finding(
            &findings[0],
            Some("BUSY"),
            Some("Busy"),
            "the retry delay is now the field `seconds`",
        );
        assert_eq!(
            diff(
                &with_header("", &at("seconds")),
                &with_header("", &at("seconds"))
            ),
            []
        );
    }

    /// The findings about problem types from the `[catalog]` lines `old` to `new`.
    fn problem_diff(old: &str, new: &str) -> Vec<(DiffRule, String)> {
        let entries = storage_not_found(STORAGE, "");
        diff(&with_header(old, &entries), &with_header(new, &entries))
            .into_iter()
            .filter(|f| f.rule != DiffRule::DocChanged)
            .map(|f| (f.rule, f.message))
            .collect()
    }

    #[test]
    fn problem_types_changed_are_breaking_and_added_compatible() {
        const BASE: &str = "problem_base = \"https://x.dev/problems/\"";
        const OTHER: &str = "problem_base = \"https://x.dev/errors/\"";
        const DOCS: &str = "docs_url = \"https://x.dev/docs\"";
        assert_eq!(
            problem_diff(BASE, OTHER),
            [(
                DiffRule::ProblemTypeChanged,
                "the problem type of every entry changed from `https://x.dev/problems/{code}` to `https://x.dev/errors/{code}`"
                    .to_owned()
            )]
        );
        assert_eq!(
            problem_diff(BASE, ""),
            [(
                DiffRule::ProblemTypeChanged,
                "the problem type of every entry changed from `https://x.dev/problems/{code}` to `about:blank`"
                    .to_owned()
            )]
        );
        // From the docs page's anchors to a base of their own: the types change.
        assert_eq!(
            problem_diff(DOCS, &format!("{DOCS}\n{BASE}")),
            [(
                DiffRule::ProblemTypeChanged,
                "the problem type of every entry changed from `https://x.dev/docs#{code}` to `https://x.dev/problems/{code}`"
                    .to_owned()
            )]
        );
        // Without a base, the docs_url's change changes the types; with one, it does not.
        assert_eq!(
            rules(&diff(
                &with_header(DOCS, ""),
                &with_header("docs_url = \"https://x.dev/help\"", "")
            )),
            [DiffRule::ProblemTypeChanged, DiffRule::DocChanged]
        );
        assert_eq!(problem_diff(&format!("{DOCS}\n{BASE}"), BASE), []);
        // From `about:blank` to types of their own.
        assert_eq!(
            problem_diff("", BASE),
            [(
                DiffRule::ProblemTypeAdded,
                "the problem type of every entry changed from `about:blank` to `https://x.dev/problems/{code}`"
                    .to_owned()
            )]
        );
        assert_eq!(problem_diff(BASE, BASE), []);
    }

    #[test]
    fn wire_fields_added_removed_moved() {
        let at = |location: &str| format!(r#"{NESTED}, fields = "{location}""#);
        assert_eq!(
            wire_diff(NESTED, &at("/error/details")),
            [(
                DiffRule::WireMemberAdded,
                "the fields object is now sent in the body, at `/error/details`".to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&at("/error/details"), NESTED),
            [(
                DiffRule::WireChanged,
                "the fields object is no longer sent in the body (it was at `/error/details`)"
                    .to_owned()
            )]
        );
        assert_eq!(
            wire_diff(&at("/error/details"), &at("details")),
            [(
                DiffRule::WireChanged,
                "the wire location of the fields object changed from `/error/details` to `details`"
                    .to_owned()
            )]
        );
        assert_eq!(wire_diff(&at("/details"), &at("details")), []);
    }
}
