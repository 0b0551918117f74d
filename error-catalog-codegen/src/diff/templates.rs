//! Templates and fields: messages old clients do not recognize or read as another entry,
//! and fields removed, renamed or retyped.

use error_catalog_template as template;

use super::{Diff, DiffRule, Place, Section, label, repeats};
use crate::model::Entry;

impl Diff<'_, '_> {
    /// A message the new entry `n` gives that its old entry `o` does not match, if any.
    pub(super) fn message_witness(&self, o: usize, n: usize) -> Option<String> {
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
    pub(super) fn misread(&mut self, n: usize, own: Option<usize>, unrecognized: Option<String>) {
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
    pub(super) fn fields(&mut self, was: &Entry, is: &Entry, here: Place, name: &str) {
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
pub(super) fn placeholder_pattern(entry: &Entry) -> Vec<usize> {
    let fields: Vec<usize> = entry.placeholders().collect();
    fields
        .iter()
        .enumerate()
        .map(|(at, f)| fields.iter().position(|g| g == f).unwrap_or(at))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

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
}
