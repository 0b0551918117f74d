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
//! `docs/catalog-format.md`). The fields travel in the message, and also in the fields
//! object (`wire.fields`) and as the extension members of RFC 9457 problem details, which a
//! server may send for any catalog: a client that has them tries each entry by rendering its
//! template with them and comparing with the message ("Where the fields travel" below).
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
//! | `field-moved` | breaking | old clients read a field that the new entry keeps (by name, or renamed) from other text of a message than the new template puts in it: fields that swapped places, or literal text or another field's text that its old placeholder now takes in; the finding gives the message, the text old clients read and the value sent | `Cannot copy {source_id} to {target_id}` became `Cannot copy {target_id} to {source_id}`: in `Cannot copy targetid to sourceid`, old clients read `source_id` as `targetid` |
//! | `field-added` | breaking | the new entry has a field that the old one does not have (by name, nor as a rename): old clients that have the fields render their template without it and do not recognize the message, and those that split the message read its text into other fields or not at all | `Rate limited: {reason}` became `Rate limited: {reason}, limit {limit}` |
//! | `shared-code-ambiguous` | breaking | a new or changed entry has a code that old entries have, and an old client would read some message of it as another old entry; the finding gives the message | `BackupIdNotFound` added with code `113` and `BackupId not found for {key} = {id}`: `BackupId not found for exportId = x` is read as `BackupIdNotFoundForExport` |
//! | `wire-key-changed` | breaking | the location of the code or the message (`wire.code`, `wire.message`) changed | `wire = { code = "errorCode", ... }` became `{ code = "code", ... }` |
//! | `wire-changed` | breaking | the rest of the body's shape changed in a way old clients or servers notice: `wire.code_type` changed; `wire.status` or `wire.fields` removed or moved; a constant of `wire.constants` removed or given another value; `wire.header` removed or renamed | `code_type = "string"` became `"integer"`; `"/kind" = "Status"` removed; `fields = "details"` became `"/error/details"` |
//! | `retired-code-reused` | breaking | an entry of the new catalog has a code that the old one listed in `[retired]` | `"101"` retired, then `code = "101"` |
//! | `retired-code-removed` | breaking | a code that the old catalog listed in `[retired]` is no longer listed, and no entry of the new one uses it (that is `retired-code-reused`): the catalog takes back its promise never to use the code again | `"101" = "meant 'storage full' until v2"` deleted from `[retired]` |
//! | `type-removed` | breaking | a catalog enum (`[types.Name]`) is gone: the public Rust enum generated from it disappears | `[types.Job]` deleted |
//! | `retryable-withdrawn` | breaking | an entry that was retryable (by its `retryable`, or by default for its status) no longer is | `retryable = false` added to a 503 entry |
//! | `retry-after-changed` | breaking | an entry's `retry_after` was removed or names another field | `retry_after = "seconds"` became `"wait"` |
//! | `problem-type-changed` | breaking | the RFC 9457 problem type of the entries changed: `problem_base` removed or changed, or added where the types were `{docs_url}#{code}`, or, without `problem_base`, `docs_url` changed or removed | `problem_base = "https://x.dev/problems/"` became `"https://x.dev/errors/"` |
//! | `entry-added` | compatible | an entry of the new catalog with a code that no old entry has (and that the old catalog did not retire); for a shared code, also a new entry that no old entry matches | `[errors.StorageQuotaExceeded]` with the new code `145` |
//! | `type-added` | compatible | a catalog enum (`[types.Name]`) was added | `[types.Tier]` added |
//! | `wire-member-added` | compatible | the body gained a member or the response a header: `wire.status` or `wire.fields` added, a constant added to `wire.constants` at a new location, or `wire.header` added | `status = "/code"` added |
//! | `retryable-granted` | compatible | an entry that was not retryable now is | `retryable = true` added to a 409 entry |
//! | `retry-after-added` | compatible | an entry that had no `retry_after` has one | `retry_after = "seconds"` added |
//! | `problem-type-added` | compatible | the entries' problem types were `about:blank` (neither `problem_base` nor `docs_url`) and now have a type of their own | `problem_base = "https://x.dev/problems/"` added |
//! | `doc-changed` | compatible | documentation changed: the catalog's `title`, `doc` or `docs_url`, a catalog enum's `doc`, an entry's `doc`, a field's `doc`, or a retired code's note | `doc = "No storage has this ID."` reworded |
//! | `help-changed` | compatible | an entry's `help` changed | `help = "Create the storage first."` added |
//! | `example-changed` | compatible | a field's example changed, where either version gives it (an example derived from the name and type on both sides changes only with them, which other rules report) | `example = "s-17"` became `"s-42"` |
//! | `status-meaning-changed` | compatible | the status table changed: a row's `meaning` or `reason`, or a row added or removed | `[status.404] meaning` reworded |
//! | `translation-changed` | compatible | a translation (`messages.<locale>`, `reasons.<locale>`, `meanings.<locale>`) was added, changed or removed, and old clients read every message the new catalog sends in that locale: the new template is one of the entry's old templates (a translation removed falls back to one), it is in a locale the old catalog did not declare, or the template rules find nothing breaking in it | `messages.de` added to an entry of a catalog that gains `"de"` in `locales` |
//!
//! # Locales
//!
//! A deployed client reads a message in any locale of the old catalog. For each locale that
//! the old catalog already declared, the catalogs as they read in that locale (each entry's
//! message falling back along the tag to the default locale's, `Catalog::in_locale`) are
//! compared with the template rules above, `message-changed`, `field-moved` and
//! `shared-code-ambiguous`, for the entries whose message in the locale changed; a finding of
//! theirs says `in `de`` and is breaking, unless the new message in the locale is one of the
//! templates the old entry already had (a translation removed falls back to the default
//! message, which old clients read). Every other change of a translation is
//! `translation-changed`, compatible: old clients still read those messages. A locale that the
//! old catalog did not declare is new to old clients, which were never sent it: its
//! translations are `translation-changed` too, and a client reads them once generated from the
//! new catalog.
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
//! A retired code is a promise never to use the code again: a code taken out of `[retired]`
//! takes the promise back (`retired-code-removed`, breaking), unless an entry of the new
//! catalog uses the code, which `retired-code-reused` reports. A catalog enum is a public Rust
//! enum: one removed is breaking (`type-removed`), one added compatible (`type-added`), one
//! renamed is both.
//!
//! # How entries are matched
//!
//! Entries are matched by code: the one old entry and the one new entry of a code are the same
//! entry, whatever their names. When either version has several entries with the code (a
//! shared code), they are matched by name first, then by template: an old and a new entry
//! whose templates have the same literal text with placeholders at the same places (whatever
//! their names and types), those with the same status and fields at each placeholder first,
//! then those with the same status, then any; in each step, entries are taken in the order
//! of their names, so that the pairs do not depend on catalog order. Entries of a shared code left over are removed
//! (`code-removed`, naming the entry) or added (`entry-added`, and checked for
//! `shared-code-ambiguous`).
//!
//! An entry whose name changed but whose code stayed is reported by nothing: the name is the
//! Rust variant's, not on the wire. Its findings carry its new name, and their messages give
//! the old one (`` `StorageMissing` (code `129`, was `StorageNotFound`) ``). A code that
//! moved from the entries to `[retired]` is reported by nothing either: that is the
//! documented way to remove a code.
//!
//! # Where the fields travel
//!
//! A deployed client reads an entry's fields from one of three places: the message, split
//! along the template; the fields object at `wire.fields`; or the extension members of RFC
//! 9457 problem details (each field a member of its name, `field_<name>` for the names of
//! the standard members), which a server may send for any catalog. When the body has every
//! field of an entry's template by name, the client takes their values from there, renders
//! its template with them and accepts the entry only if that gives the message; otherwise it
//! splits the message (`error-catalog/src/response.rs`, `from_parts`). Either way it tries
//! the entries of the code in the order above, and either way it must read the same entry
//! with the same values as the server sent. So:
//!
//! - a message that the old template does not split is `message-changed` (with the fields,
//!   the rendering differs from it too);
//! - a message that it splits, but with a kept field's text other than the value sent, is
//!   `field-moved` (with the fields, the rendering differs from the message): values whose
//!   old rendering old clients read back correctly are tried, so that a template that cannot
//!   tell its fields apart, before as after, reports nothing; and where both templates have
//!   the same literal text and classes in the same places (no field used twice), a kept field
//!   that sits at another place is moved whatever the values, which finds swapped fields of
//!   an external type, whose one known value is its example; a field used several times in
//!   the new template is looked for in shared and changed messages with each text its places
//!   take in the shortest such message, in turn, in all its places;
//! - a field added is `field-added`: with the fields, old clients render a template without
//!   it;
//! - `shared-code-ambiguous` is checked for both readers: a client that has the fields may
//!   pass over the entry's old self (its rendering differs) and split the message along a
//!   later entry whose fields the body lacks.
//!
//! Renamed and removed fields are missing from the body by their old names, so those
//! clients split the message as without them, and the rules above apply as they are.
//!
//! # How messages are compared
//!
//! Templates are compared as a client reads them: each placeholder by the text its type
//! renders as ([`Classes`]), with the exact automata of the client's splitter
//! ([`error_catalog_template::uncovered`] and [`error_catalog_template::overlap`]). So a
//! template that only renames its placeholders is no `message-changed` (its fields are
//! `field-renamed`; one that also moves them is `field-moved`), a `u8` that became a `u16`
//! is one (`256`), a catalog enum that gained a value is one for each entry that uses it (the
//! new value), and one that lost a value is none. An external type reads as any text, as the splitter sees it: changing it is
//! `field-retyped`.
//!
//! The comparison of two templates is exact when neither uses a placeholder twice. A
//! placeholder used twice must hold the same text each time, which templates compared
//! placeholder by placeholder cannot say: then a message is reported only once it is
//! confirmed, that the new entry really gives it (some reading has its repeated placeholders
//! equal) and that the old client really rejects it (it reads only such readings); when the
//! exact witness is not one, renderings of the new entry with its examples and other values
//! of each field are tried instead. A client reads a message exactly when its entry gives it
//! (its reader looks for a reading with equal texts,
//! [`error_catalog_template::split_repeated`]), so both are decided with that reader.
//!
//! `shared-code-ambiguous` is checked for each new entry that is added, or whose template or
//! status changed, under a code that old entries have. The messages tried are the shortest
//! message the new template shares with each other old entry of the code (taken in the
//! order of their names), the `message-changed` witness, and the renderings above; each is
//! read as the old client reads it (with the new entry's status), and each other old entry
//! that one is read as is reported once, with the message. The renderings are also read as a
//! client that has the fields reads them (the finding says "old clients that read its
//! fields"). When no old entry of the received status matches a message, old clients try
//! those of other statuses in catalog order; the diff does not rely on that order: each of
//! them that matches the message, other than the entry's old self, is one that old clients
//! *may* read it as (the finding says so), so that the findings do not depend on the order
//! of either catalog. Old entries with one code and one status never share a message
//! (`ambiguous-templates`), so, when no template repeats a placeholder, the one case this can
//! miss is an old entry whose shortest shared message is matched first by an old entry of
//! the received status: that entry is then reported instead, or nothing when it is the new
//! entry's own old self and the `message-changed` witness is read as no other entry.
//!
//! # Order
//!
//! Breaking findings come first, then compatible ones. In each group, findings follow the new
//! catalog's order (`[catalog]`, the status table, the catalog enums, the entries, then
//! `[retired]`), then what only the old catalog has, in its order.
//!
//! # Where findings point
//!
//! Each finding has the place of what it is about ([`Finding::version`], [`Finding::span`]):
//! the key of the entry, catalog enum, status row or retired code in the new catalog, or in
//! the old one for what only the old one has (a removed entry); a change of `[catalog]` has
//! no span. The command-line tool's machine-readable formats point there.

use std::fmt;
use std::ops::Range;

use error_catalog_template as template;
use template::Segment;

use crate::model::{Catalog, Classes, Entry, Field, FieldType};

mod entries;
mod locales;
mod retries;
mod templates;
#[cfg(test)]
mod tests;
mod wire;

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
    /// `field-moved`: old clients read a field from another part of the message than the
    /// one the new template puts it in.
    FieldMoved,
    /// `field-added`: an entry has a field that it did not have.
    FieldAdded,
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
    /// `retired-code-removed`: a code that the old catalog retired no longer is, and no
    /// entry uses it.
    RetiredCodeRemoved,
    /// `type-removed`: a catalog enum (`[types.Name]`) is gone.
    TypeRemoved,
    /// `retryable-withdrawn`: an entry that was retryable no longer is.
    RetryableWithdrawn,
    /// `retry-after-changed`: an entry's `retry_after` was removed or names another field.
    RetryAfterChanged,
    /// `problem-type-changed`: the RFC 9457 problem types of the entries changed.
    ProblemTypeChanged,
    /// `entry-added`: an entry with a new code.
    EntryAdded,
    /// `type-added`: a catalog enum (`[types.Name]`) was added.
    TypeAdded,
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
    /// `translation-changed`: a translated message, reason or meaning was added, changed or
    /// removed, and old clients read every message the new catalog sends in its locale.
    TranslationChanged,
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
        DiffRule::FieldMoved,
        DiffRule::FieldAdded,
        DiffRule::SharedCodeAmbiguous,
        DiffRule::WireKeyChanged,
        DiffRule::WireChanged,
        DiffRule::RetiredCodeReused,
        DiffRule::RetiredCodeRemoved,
        DiffRule::TypeRemoved,
        DiffRule::RetryableWithdrawn,
        DiffRule::RetryAfterChanged,
        DiffRule::ProblemTypeChanged,
        DiffRule::EntryAdded,
        DiffRule::TypeAdded,
        DiffRule::WireMemberAdded,
        DiffRule::RetryableGranted,
        DiffRule::RetryAfterAdded,
        DiffRule::ProblemTypeAdded,
        DiffRule::DocChanged,
        DiffRule::HelpChanged,
        DiffRule::ExampleChanged,
        DiffRule::StatusMeaningChanged,
        DiffRule::TranslationChanged,
    ];

    /// The rule's stable kebab-case name, such as `"message-changed"`.
    pub fn name(self) -> &'static str {
        self.doc().0
    }

    /// What changed, in a few words: the text of the rule's row in the table of changes of
    /// `docs/catalog-format.md` ("Changes between versions"). Machine-readable reports show it
    /// as the rule's short description.
    pub fn summary(self) -> &'static str {
        self.doc().1
    }

    /// When the rule reports a change, in full (the "When" column of the [module docs](self)):
    /// the rule's full description in machine-readable reports.
    pub fn description(self) -> &'static str {
        self.doc().2
    }

    /// The one table of the rules' metadata: name, summary and description.
    fn doc(self) -> (&'static str, &'static str, &'static str) {
        match self {
            DiffRule::CodeRemoved => (
                "code-removed",
                "a code, or an entry of a shared code, is gone without being retired",
                "A code of the old catalog that no entry of the new one has and that the new one does not list in `[retired]`; for a shared code, also an old entry that no new entry matches.",
            ),
            DiffRule::StatusChanged => (
                "status-changed",
                "an entry's HTTP status changed",
                "An entry's HTTP status changed.",
            ),
            DiffRule::MessageChanged => (
                "message-changed",
                "the new template can give a message that the old one does not match",
                "The new template can give a message that the old template does not match, so old clients do not recognize it; the finding gives the shortest such message.",
            ),
            DiffRule::FieldRemoved => (
                "field-removed",
                "a field of an entry is gone",
                "A field of the old entry has no field of the same name in the new one, and is not renamed.",
            ),
            DiffRule::FieldRenamed => (
                "field-renamed",
                "a field has another name, at the same position with the same type",
                "A field's name is gone, and the new entry has a field of a new name at the same position with the same type.",
            ),
            DiffRule::FieldRetyped => (
                "field-retyped",
                "a field has another type",
                "A field of the same name has a different type (as written).",
            ),
            DiffRule::FieldMoved => (
                "field-moved",
                "old clients read a field from another part of the message than the one the new template puts it in",
                "Old clients read a field that the new entry keeps (by name, or renamed) from other text of a message than the new template puts in it: fields that swapped places, or literal text or another field's text that its old placeholder now takes in; the finding gives the message, the text old clients read and the value sent.",
            ),
            DiffRule::FieldAdded => (
                "field-added",
                "an entry has a field that it did not have",
                "The new entry has a field that the old one does not have (by name, nor as a rename): old clients that have the fields render their template without it and do not recognize the message, and those that split the message read its text into other fields or not at all.",
            ),
            DiffRule::SharedCodeAmbiguous => (
                "shared-code-ambiguous",
                "old clients read a message of an entry as another entry of its code",
                "A new or changed entry has a code that old entries have, and an old client would read some message of it as another old entry; the finding gives the message.",
            ),
            DiffRule::WireKeyChanged => (
                "wire-key-changed",
                "the location of the code or the message in the error body changed",
                "The location of the code or the message (`wire.code`, `wire.message`) changed.",
            ),
            DiffRule::WireChanged => (
                "wire-changed",
                "the code type changed, or the status location, the fields object, a constant or the header was removed or changed",
                "The rest of the body's shape changed in a way old clients or servers notice: `wire.code_type` changed; `wire.status` or `wire.fields` removed or moved; a constant of `wire.constants` removed or given another value; `wire.header` removed or renamed.",
            ),
            DiffRule::RetiredCodeReused => (
                "retired-code-reused",
                "an entry uses a code that the old catalog retired",
                "An entry of the new catalog has a code that the old one listed in `[retired]`.",
            ),
            DiffRule::RetiredCodeRemoved => (
                "retired-code-removed",
                "a code that the old catalog retired no longer is, and no entry uses it",
                "A code that the old catalog listed in `[retired]` is no longer listed, and no entry of the new one uses it (that is `retired-code-reused`): the catalog takes back its promise never to use the code again.",
            ),
            DiffRule::TypeRemoved => (
                "type-removed",
                "a catalog enum (`[types.Name]`) is gone",
                "A catalog enum (`[types.Name]`) is gone: the public Rust enum generated from it disappears.",
            ),
            DiffRule::EntryAdded => (
                "entry-added",
                "an entry with a new code",
                "An entry of the new catalog with a code that no old entry has (and that the old catalog did not retire); for a shared code, also a new entry that no old entry matches.",
            ),
            DiffRule::TypeAdded => (
                "type-added",
                "a catalog enum (`[types.Name]`) was added",
                "A catalog enum (`[types.Name]`) was added.",
            ),
            DiffRule::WireMemberAdded => (
                "wire-member-added",
                "the status location, the fields object, a constant or the header was added to the wire shape",
                "The body gained a member or the response a header: `wire.status` or `wire.fields` added, a constant added to `wire.constants` at a new location, or `wire.header` added.",
            ),
            DiffRule::RetryableWithdrawn => (
                "retryable-withdrawn",
                "an entry that was retryable no longer is",
                "An entry that was retryable (by its `retryable`, or by default for its status) no longer is.",
            ),
            DiffRule::RetryAfterChanged => (
                "retry-after-changed",
                "an entry's `retry_after` was removed or names another field",
                "An entry's `retry_after` was removed or names another field.",
            ),
            DiffRule::ProblemTypeChanged => (
                "problem-type-changed",
                "the RFC 9457 problem types of the entries changed",
                "The RFC 9457 problem type of the entries changed: `problem_base` removed or changed, or added where the types were `{docs_url}#{code}`, or, without `problem_base`, `docs_url` changed or removed.",
            ),
            DiffRule::RetryableGranted => (
                "retryable-granted",
                "an entry that was not retryable now is",
                "An entry that was not retryable now is.",
            ),
            DiffRule::RetryAfterAdded => (
                "retry-after-added",
                "an entry names a `retry_after` field where it named none",
                "An entry that had no `retry_after` has one.",
            ),
            DiffRule::ProblemTypeAdded => (
                "problem-type-added",
                "entries whose problem type was `about:blank` have their own",
                "The entries' problem types were `about:blank` (neither `problem_base` nor `docs_url`) and now have a type of their own.",
            ),
            DiffRule::DocChanged => (
                "doc-changed",
                "documentation changed",
                "Documentation changed: the catalog's `title`, `doc` or `docs_url`, a catalog enum's `doc`, an entry's `doc`, a field's `doc`, or a retired code's note.",
            ),
            DiffRule::HelpChanged => (
                "help-changed",
                "an entry's help changed",
                "An entry's `help` changed.",
            ),
            DiffRule::ExampleChanged => (
                "example-changed",
                "a field's example changed",
                "A field's example changed, where either version gives it (an example derived from the name and type on both sides changes only with them, which other rules report).",
            ),
            DiffRule::StatusMeaningChanged => (
                "status-meaning-changed",
                "the status table changed",
                "The status table changed: a row's `meaning` or `reason`, or a row added or removed.",
            ),
            DiffRule::TranslationChanged => (
                "translation-changed",
                "a translation changed, and old clients still read it",
                "A translated message, reason or meaning changed, or a locale was added, in a way that clients of the old catalog still read (a translation that they no longer read is reported under `message-changed`, `field-moved` or `shared-code-ambiguous`, in its locale).",
            ),
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
            | DiffRule::FieldMoved
            | DiffRule::FieldAdded
            | DiffRule::SharedCodeAmbiguous
            | DiffRule::WireKeyChanged
            | DiffRule::WireChanged
            | DiffRule::RetiredCodeReused
            | DiffRule::RetiredCodeRemoved
            | DiffRule::TypeRemoved
            | DiffRule::RetryableWithdrawn
            | DiffRule::RetryAfterChanged
            | DiffRule::ProblemTypeChanged => Class::Breaking,
            DiffRule::EntryAdded
            | DiffRule::TypeAdded
            | DiffRule::WireMemberAdded
            | DiffRule::RetryableGranted
            | DiffRule::RetryAfterAdded
            | DiffRule::ProblemTypeAdded
            | DiffRule::DocChanged
            | DiffRule::HelpChanged
            | DiffRule::ExampleChanged
            | DiffRule::StatusMeaningChanged
            | DiffRule::TranslationChanged => Class::Compatible,
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
    /// The version of the catalog that [`span`](Self::span) points into: the new one, or the
    /// old one for what only the old one has (a removed entry, status row, catalog enum or
    /// retired code).
    pub version: Version,
    /// The byte range, in that version's file, of the key of what the finding is about: the
    /// name of `[errors.Name]` or `[types.Name]`, the status of `[status.NNN]`, or the
    /// retired code; `None` for a change of `[catalog]` (the wire shape, the catalog's docs,
    /// the problem types).
    pub span: Option<Range<usize>>,
}

/// One of the two versions of a catalog that [`diff`] compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Version {
    /// The old version, which deployed clients were generated from.
    Old,
    /// The new version.
    New,
}

impl Version {
    /// `"old"` or `"new"`.
    pub fn name(self) -> &'static str {
        match self {
            Version::Old => "old",
            Version::New => "new",
        }
    }
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
    let mut found = diff_messages_in_one_locale(old, new);
    found.extend(locales::findings(old, new, &found));
    // Stable: the locales' findings come after the default locale's of their class.
    found.sort_by_key(|finding| finding.rule.class() == Class::Compatible);
    found
}

/// [`diff`] of the catalogs as they are, their messages in the default locale.
fn diff_messages_in_one_locale(old: &Catalog, new: &Catalog) -> Vec<Finding> {
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
    /// catalog reads it: the template splits it with a placeholder used several times holding
    /// the same text each time ([`template::split_repeated`]). (A field of an external type
    /// is taken to parse.)
    fn accepts(&self, index: usize, message: &str) -> bool {
        self.read(index, message).is_some()
    }

    /// The text of each field of the entry (by field index) when a client generated from this
    /// catalog splits `message` along its template; `None` when the template does not match
    /// it (see [`Side::accepts`]). A field without a placeholder reads as empty.
    fn read<'m>(&self, index: usize, message: &'m str) -> Option<Vec<&'m str>> {
        let (entry, segments) = (self.entry(index)?, self.segments(index));
        let count = segments
            .iter()
            .filter(|s| matches!(s, Segment::Field(_)))
            .count();
        let mut captures = vec![""; count];
        let fields: Vec<usize> = entry.placeholders().collect();
        if !template::split_repeated(segments, &fields, message, &mut captures) {
            return None;
        }
        Some(
            (0..entry.fields.len())
                .map(|field| {
                    fields
                        .iter()
                        .position(|&f| f == field)
                        .and_then(|at| captures.get(at).copied())
                        .unwrap_or("")
                })
                .collect(),
        )
    }

    /// Whether a client generated from this catalog that has the fields of the body (a
    /// fields object, or the extension members of problem details) reads `message` as the
    /// entry: when `fields` has every field of its template by name, it renders the template
    /// with their values (each of which its type must accept) and compares; otherwise it
    /// splits the message as without them.
    fn accepts_with_fields(&self, index: usize, message: &str, fields: &[(&str, &str)]) -> bool {
        let Some(entry) = self.entry(index) else {
            return false;
        };
        let segments = self.segments(index);
        let classes: Vec<&template::Class<'_>> = segments
            .iter()
            .filter_map(|s| match s {
                Segment::Field(class) => Some(class),
                Segment::Literal(_) => None,
            })
            .collect();
        let mut values: Vec<&str> = Vec::new();
        for (at, field) in entry.placeholders().enumerate() {
            let name = entry.fields.get(field).map(|f| f.name.value.as_str());
            match fields.iter().find(|(key, _)| Some(*key) == name) {
                Some((_, value)) => values.push(value),
                None => return self.accepts(index, message),
            }
            let accepted = classes
                .get(at)
                .zip(values.last())
                .is_some_and(|(class, value)| class.accepts(value));
            if !accepted {
                return false;
            }
        }
        template::render(segments, &values) == message
    }

    /// The entries a client generated from this catalog may read `message` as, when it
    /// comes with `code` and `status`: of the entries with the code, those with the status
    /// that match it, or, when none does, those of other statuses that match it. A client
    /// tries the latter in catalog order, which the diff does not rely on: any of them may
    /// come first. (In a checked catalog, at most one entry of a code and status matches a
    /// message.)
    fn reads_as(&self, code: &str, status: u16, message: &str) -> Vec<usize> {
        self.received_as(code, status, |i| self.accepts(i, message))
    }

    /// The entries a client generated from this catalog that has the fields of the body may
    /// read `message` as, when it comes with `code`, `status` and `fields` (see
    /// [`Side::reads_as`] and [`Side::accepts_with_fields`]).
    fn reads_with_fields_as(
        &self,
        code: &str,
        status: u16,
        message: &str,
        fields: &[(&str, &str)],
    ) -> Vec<usize> {
        self.received_as(code, status, |i| {
            self.accepts_with_fields(i, message, fields)
        })
    }

    /// The entries with `code` that `accepts`: those with `status`, or, when none does,
    /// those of other statuses, each group in catalog order.
    fn received_as(&self, code: &str, status: u16, accepts: impl Fn(usize) -> bool) -> Vec<usize> {
        let candidates = self.with_code(code);
        let same_status = |i: &usize| self.entry(*i).is_some_and(|e| e.status.value == status);
        let (first, then): (Vec<usize>, Vec<usize>) = candidates.into_iter().partition(same_status);
        let first: Vec<usize> = first.into_iter().filter(|&i| accepts(i)).collect();
        if !first.is_empty() {
            return first;
        }
        then.into_iter().filter(|&i| accepts(i)).collect()
    }

    /// Whether the entry can give `message`: some values of its fields render to it, a
    /// placeholder used several times taking the same value each time. A client reads
    /// exactly those messages ([`template::split_repeated`] finds a reading with equal texts
    /// whenever one exists), so this is [`Side::accepts`]; `false` too when deciding takes
    /// longer than the client's bound (a message and template made to be hard), as for the
    /// client.
    fn gives(&self, index: usize, message: &str) -> bool {
        self.accepts(index, message)
    }

    /// Messages the entry gives: the renderings of its [value sets](Side::value_sets), each
    /// once.
    fn renderings(&self, index: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for values in self.value_sets(index) {
            let message = self.render(index, &values);
            if !out.contains(&message) {
                out.push(message);
            }
        }
        out
    }

    /// The message of the entry with `values`, one per field.
    fn render(&self, index: usize, values: &[String]) -> String {
        let Some(entry) = self.entry(index) else {
            return String::new();
        };
        let rendered: Vec<&str> = entry
            .placeholders()
            .map(|f| values.get(f).map_or("", String::as_str))
            .collect();
        template::render(self.segments(index), &rendered)
    }

    /// Values of the entry's fields (one per field) to try: its examples, the same with every
    /// text field given a distinct value, then with one field at a time given other values of
    /// its type. Every one is accepted by the fields' types, so that the entry gives the
    /// message they render to.
    fn value_sets(&self, index: usize) -> Vec<Vec<String>> {
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
        let mut out: Vec<Vec<String>> = Vec::new();
        for values in sets {
            let accepted = values
                .iter()
                .zip(&classes)
                .all(|(value, class)| class.is_none_or(|c| c.accepts(value)));
            if accepted && !out.contains(&values) {
                out.push(values);
            }
        }
        out
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

/// Whether some field of the entry appears more than once in its template.
fn repeats(entry: &Entry) -> bool {
    let fields: Vec<usize> = entry.placeholders().collect();
    fields
        .iter()
        .enumerate()
        .any(|(i, f)| fields.iter().skip(i + 1).any(|g| g == f))
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
        let (version, side) = if place.only_old {
            (Version::Old, self.old.catalog)
        } else {
            (Version::New, self.new.catalog)
        };
        let index = place.index;
        let span = match place.section {
            Section::Header => None,
            Section::Statuses => side.statuses.get(index).map(|s| s.code.span.clone()),
            Section::Types => side.types.get(index).map(|t| t.name.span.clone()),
            Section::Entries => side.entries.get(index).map(|e| e.name.span.clone()),
            Section::Retired => side.retired.get(index).map(|r| r.code.span.clone()),
        };
        let finding = Finding {
            rule,
            code,
            entry,
            message,
            version,
            span,
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
}
