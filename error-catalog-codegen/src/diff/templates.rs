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
            Some(_) => {
                // The witness gives a repeated field two texts: pin the field to each.
                let pinned =
                    pinned_witnesses(is, new, &|segments| template::uncovered(segments, old));
                if let Some(witness) = pinned
                    .into_iter()
                    .find(|w| self.new.gives(n, w) && !self.old.accepts(o, w))
                {
                    return Some(witness);
                }
            }
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
        // By name, so that the message reported for each does not depend on catalog order.
        let mut others = others;
        others.sort_by_key(|&o| self.old.entry(o).map(|e| e.name.value.as_str()));
        let segments = self.new.segments(n);
        let mut messages: Vec<String> = others
            .iter()
            .filter_map(|&o| template::overlap(segments, self.old.segments(o)))
            .collect();
        if repeats(entry) {
            // A shared message may give a repeated field two texts, which the new entry never
            // sends: pin the field to each of them and look again.
            for &o in &others {
                let old = self.old.segments(o);
                messages.extend(pinned_witnesses(entry, segments, &|pinned| {
                    template::overlap(pinned, old)
                }));
            }
        }
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
            let reads = self.old.reads_as(code, status, &message);
            for other in self.misread_as(&reads, own, &mut reported) {
                let may = if reads.len() > 1 { "may " } else { "" };
                self.push(
                    DiffRule::SharedCodeAmbiguous,
                    here,
                    Some(entry),
                    format!("{name}: old clients {may}read its message `{message}` as `{other}`"),
                );
            }
        }
        // Old clients that have the fields (a fields object, or problem details) try each
        // entry of the code by its fields first.
        for values in self.new.value_sets(n) {
            let message = self.new.render(n, &values);
            let fields: Vec<(&str, &str)> = entry
                .fields
                .iter()
                .zip(&values)
                .map(|(field, value)| (field.name.value.as_str(), value.as_str()))
                .collect();
            let reads = self
                .old
                .reads_with_fields_as(code, status, &message, &fields);
            for other in self.misread_as(&reads, own, &mut reported) {
                let may = if reads.len() > 1 { "may " } else { "" };
                self.push(
                    DiffRule::SharedCodeAmbiguous,
                    here,
                    Some(entry),
                    format!(
                        "{name}: old clients that read its fields {may}read its message `{message}` as `{other}`"
                    ),
                );
            }
        }
    }

    /// The names of the old entries of `reads` other than `own` and not yet in `reported`
    /// (they are added).
    fn misread_as(
        &self,
        reads: &[usize],
        own: Option<usize>,
        reported: &mut Vec<usize>,
    ) -> Vec<String> {
        let mut names = Vec::new();
        for &read in reads {
            if Some(read) == own || reported.contains(&read) {
                continue;
            }
            reported.push(read);
            names.extend(self.old.entry(read).map(|e| e.name.value.clone()));
        }
        names
    }

    /// The fields of the matched pair `o`, `n`: removed, renamed, retyped, moved, added, and
    /// their docs and examples.
    pub(super) fn fields(&mut self, o: usize, n: usize, here: Place, name: &str) {
        let (Some(was), Some(is)) = (self.old.entry(o), self.new.entry(n)) else {
            return;
        };
        let kept = kept_fields(was, is);
        let moved = self.moved_fields(o, n, &kept);
        // When the new body has every old field by its name, old clients that read them
        // render their template with them, which does not give the message.
        let by_name = was
            .fields
            .iter()
            .all(|f| is.fields.iter().any(|g| g.name.value == f.name.value));
        let with_fields = if by_name {
            "; old clients that read the fields (a fields object, or problem details) do not recognize the message"
        } else {
            ""
        };
        for ((at, old), new) in was.fields.iter().enumerate().zip(&kept) {
            let old_name = &old.name.value;
            let Some(new) = new.and_then(|new| is.fields.get(new)) else {
                self.push(
                    DiffRule::FieldRemoved,
                    here,
                    Some(is),
                    format!("{name}: field `{old_name}` was removed"),
                );
                continue;
            };
            if new.name.value != *old_name {
                self.push(
                    DiffRule::FieldRenamed,
                    here,
                    Some(is),
                    format!(
                        "{name}: field `{old_name}` was renamed to `{}`",
                        new.name.value
                    ),
                );
            } else if new.ty_text.value.trim() != old.ty_text.value.trim() {
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
            if let Some(Some((message, read, sent))) = moved.get(at) {
                self.push(
                    DiffRule::FieldMoved,
                    here,
                    Some(is),
                    format!(
                        "{name}: in the message `{message}`, old clients read field `{old_name}` as `{read}`, but it is `{sent}`{with_fields}"
                    ),
                );
            }
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
        for (at, new) in is.fields.iter().enumerate() {
            if !kept.contains(&Some(at)) {
                self.push(
                    DiffRule::FieldAdded,
                    here,
                    Some(is),
                    format!(
                        "{name}: field `{}` was added; old clients that read the fields (a fields object, or problem details) compare the message with their template, which lacks it",
                        new.name.value
                    ),
                );
            }
        }
    }

    /// For each field of the old entry `o` kept in the new entry `n` (`kept`), a message of
    /// `n` that old clients read with another value in that field, with the text they read
    /// and the one sent; tried on the [value sets](super::Side::value_sets) of `n`.
    #[allow(clippy::type_complexity)]
    fn moved_fields(
        &self,
        o: usize,
        n: usize,
        kept: &[Option<usize>],
    ) -> Vec<Option<(String, String, String)>> {
        let mut moved: Vec<Option<(String, String, String)>> = vec![None; kept.len()];
        if kept.iter().all(Option::is_none) {
            return moved;
        }
        let Some(was) = self.old.entry(o) else {
            return moved;
        };
        for values in self.new.value_sets(n) {
            let message = self.new.render(n, &values);
            let Some(read) = self.old.read(o, &message) else {
                continue;
            };
            // The same values sent by the old server: a field that old clients misread
            // there too is one the template cannot tell apart, before as after.
            let old_values: Vec<String> = was
                .fields
                .iter()
                .zip(kept)
                .map(|(field, new)| {
                    new.and_then(|new| values.get(new))
                        .unwrap_or(&field.example.value)
                        .clone()
                })
                .collect();
            let old_message = self.old.render(o, &old_values);
            let before = self.old.read(o, &old_message);
            for (at, (slot, new)) in moved.iter_mut().zip(kept).enumerate() {
                let sent = new.and_then(|new| values.get(new));
                let read = read.get(at).copied();
                let read_before = before.as_ref().and_then(|b| b.get(at).copied());
                if let (Some(sent), Some(read)) = (sent, read)
                    && slot.is_none()
                    && sent != read
                    && read_before == Some(sent.as_str())
                {
                    *slot = Some((message.clone(), read.to_owned(), sent.clone()));
                }
            }
        }
        // Values tell fields apart only when they differ: an external type has one known
        // value, its example. Where both templates have the same literal text and classes in
        // the same places, old clients read each placeholder as the old field that sat there,
        // whatever the values: a kept field that sits elsewhere now is moved. (A field used
        // several times is compared in all its places, which `message-changed` judges.)
        let (Some(is), true) = (
            self.new.entry(n),
            self.old.segments(o) == self.new.segments(n) && !repeats(was),
        ) else {
            return moved;
        };
        let (old_places, new_places): (Vec<usize>, Vec<usize>) =
            (was.placeholders().collect(), is.placeholders().collect());
        let names = |entry: &Entry, places: &[usize]| -> Vec<String> {
            places
                .iter()
                .map(|&f| {
                    entry
                        .fields
                        .get(f)
                        .map_or(String::new(), |f| format!("{{{}}}", f.name.value))
                })
                .collect()
        };
        let message = {
            let texts = names(is, &new_places);
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            template::render(self.new.segments(n), &texts)
        };
        let new_names = names(is, &new_places);
        for (at, (&old_field, &new_field)) in old_places.iter().zip(&new_places).enumerate() {
            if let Some(slot) = moved.get_mut(old_field)
                && slot.is_none()
                && let Some(Some(kept_as)) = kept.get(old_field)
                && *kept_as != new_field
            {
                let sent = is
                    .fields
                    .get(*kept_as)
                    .map_or(String::new(), |f| format!("{{{}}}", f.name.value));
                *slot = Some((message.clone(), new_names[at].clone(), sent));
            }
        }
        moved
    }
}

/// For each field of `was`, the index of the field of `is` that it is: the one of the same
/// name, else the one at the same position with the same type (as written) and a name that
/// `was` does not have (a rename).
fn kept_fields(was: &Entry, is: &Entry) -> Vec<Option<usize>> {
    was.fields
        .iter()
        .enumerate()
        .map(|(at, old)| {
            let same_name = is
                .fields
                .iter()
                .position(|f| f.name.value == old.name.value);
            let renamed = is.fields.get(at).is_some_and(|f| {
                !was.fields.iter().any(|g| g.name.value == f.name.value)
                    && f.ty_text.value.trim() == old.ty_text.value.trim()
            });
            same_name.or(renamed.then_some(at))
        })
        .collect()
}

/// A piece of a template whose repeated fields are being pinned: literal text, or a
/// placeholder of the field at that index with its class.
#[derive(Clone)]
enum Pinned<'a> {
    Literal(String),
    Field(usize, template::Class<'a>),
}

/// Witnesses that `find` gives for `segments` (the template of `entry`) with its repeated
/// fields pinned: where `find`'s witness gives a field that appears several times different
/// texts in its places (which the entry never sends), each of those texts in turn replaces
/// every placeholder of the field, and `find` looks again, until the witness gives every
/// field one text. A heuristic, not a proof: it finds witnesses whose repeated texts are
/// among those of the independent witnesses.
fn pinned_witnesses(
    entry: &Entry,
    segments: &[template::Segment<'_>],
    find: &dyn Fn(&[template::Segment<'_>]) -> Option<String>,
) -> Vec<String> {
    let mut fields = entry.placeholders();
    let pieces: Option<Vec<Pinned<'_>>> = segments
        .iter()
        .map(|segment| match segment {
            template::Segment::Literal(text) => Some(Pinned::Literal((*text).to_owned())),
            template::Segment::Field(class) => Some(Pinned::Field(fields.next()?, *class)),
        })
        .collect();
    let mut out = Vec::new();
    if let Some(pieces) = pieces {
        let placeholders = entry.placeholders().count();
        pin(&pieces, find, placeholders, &mut out);
    }
    out
}

/// One step of [`pinned_witnesses`], at most `depth` pins deep.
fn pin(
    pieces: &[Pinned<'_>],
    find: &dyn Fn(&[template::Segment<'_>]) -> Option<String>,
    depth: usize,
    out: &mut Vec<String>,
) {
    let segments: Vec<template::Segment<'_>> = pieces
        .iter()
        .map(|piece| match piece {
            Pinned::Literal(text) => template::Segment::Literal(text),
            Pinned::Field(_, class) => template::Segment::Field(*class),
        })
        .collect();
    let Some(witness) = find(&segments) else {
        return;
    };
    let placeholders: Vec<usize> = pieces
        .iter()
        .filter_map(|piece| match piece {
            Pinned::Field(field, _) => Some(*field),
            Pinned::Literal(_) => None,
        })
        .collect();
    let mut captures = vec![""; placeholders.len()];
    if !template::split(&segments, &witness, &mut captures) {
        return;
    }
    // The first field whose places hold different texts.
    let differing = placeholders.iter().enumerate().find_map(|(i, field)| {
        let first = captures[i];
        placeholders
            .iter()
            .zip(&captures)
            .any(|(other, text)| other == field && *text != first)
            .then_some(*field)
    });
    let Some(field) = differing else {
        if !out.contains(&witness) {
            out.push(witness);
        }
        return;
    };
    if depth == 0 {
        return;
    }
    let mut texts: Vec<&str> = Vec::new();
    for (other, text) in placeholders.iter().zip(&captures) {
        if *other == field && !texts.contains(text) {
            texts.push(text);
        }
    }
    for text in texts {
        // Every placeholder of the field becomes the text, merged with its neighbours.
        let mut pinned: Vec<Pinned<'_>> = Vec::new();
        for piece in pieces {
            let piece = match piece {
                Pinned::Field(f, _) if *f == field => Pinned::Literal(text.to_owned()),
                other => other.clone(),
            };
            match (pinned.last_mut(), piece) {
                (Some(Pinned::Literal(last)), Pinned::Literal(more)) => last.push_str(&more),
                (_, piece) => pinned.push(piece),
            }
        }
        pin(&pinned, find, depth - 1, out);
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

    /// A new entry whose template repeats a field gives only messages with one text in each
    /// of its places: `{n} {n}` never sends `0 7`, the shortest message it shares with
    /// `{a}7` field by field, but sends `7 7`, which old clients read as the other entry.
    /// Two fields of one external type swap places: their one known value, the example,
    /// cannot tell them apart, but the templates' places do.
    #[test]
    fn fields_of_an_external_type_that_swap_places_are_moved() {
        let fields = "fields.a = \"std::net::Ipv4Addr\"\nfields.b = \"std::net::Ipv4Addr\"";
        let old = entry("Route", "7", 404, "from {a} to {b}", fields);
        let new = entry("Route", "7", 404, "from {b} to {a}", fields);
        let found = diff_bodies(&old, &new, &[DiffRule::FieldMoved, DiffRule::FieldMoved]);
        assert!(
            found[0]
                .message
                .contains("in the message `from {b} to {a}`, old clients read field `a` as `{b}`, but it is `{a}`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_repeated_field_is_pinned_to_find_a_shared_message() {
        let shared = "shared_code = true\nfields.a = \"String\"";
        let old = entry("Suffixed", "3", 404, "{a}7", shared);
        let new = format!(
            "{old}{}",
            entry(
                "Twice",
                "3",
                409,
                "{n} {n}",
                "shared_code = true\nfields.n = \"u8\""
            )
        );
        let found = diff_bodies(
            &old,
            &new,
            &[DiffRule::SharedCodeAmbiguous, DiffRule::EntryAdded],
        );
        assert!(
            found[0].message.contains("`7 7` as `Suffixed`"),
            "{}",
            found[0].message
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
        // Narrowed: a dot at the end, which the old text takes: every message is recognized,
        // but the field's text takes the dot.
        let dot = storage_not_found(&format!("{STORAGE}."), "");
        let found = diff_bodies(&old, &dot, &[DiffRule::FieldMoved]);
        assert!(
            found[0].message.contains(
                "old clients read field `storage_id` as `storageid.`, but it is `storageid`"
            ),
            "{found:?}"
        );
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
        // And the other way, narrowed: the old text takes `storageId = ` (and the field is
        // renamed).
        let found = diff_bodies(&tail, &old, &[DiffRule::FieldRenamed, DiffRule::FieldMoved]);
        assert!(
            found[1]
                .message
                .contains("read field `what` as `storageId = storageid`, but it is `storageid`"),
            "{found:?}"
        );
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
        let found = diff_bodies(
            &old,
            &other,
            &[DiffRule::FieldRemoved, DiffRule::FieldAdded],
        );
        assert!(found[0].message.contains("field `size` was removed"));
        assert!(found[1].message.contains("field `bytes` was added"));
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
        let found = diff_bodies(
            &twice,
            &two,
            &[DiffRule::MessageChanged, DiffRule::FieldAdded],
        );
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
        // What the client accepts: the same, its reading the smallest with equal texts.
        assert!(side.accepts(0, "x is not x, y"));
        assert_eq!(
            side.read(0, "x, y is not x, y, z"),
            Some(vec!["x, y", "z"]),
            "not a = `x`, a = `y`, each on its own"
        );
        assert!(!side.accepts(0, "x is not y, z"));
        let renderings = side.renderings(0);
        assert_eq!(renderings[..2], ["a is not a, b", "a-0 is not a-0, b-1"]);
        assert!(
            renderings.contains(&"x is not x, b".to_owned()),
            "{renderings:?}"
        );
    }

    const COPY: &str = "Cannot copy {source_id} to {target_id}";

    fn copy_failed(message: &str) -> String {
        entry("CopyFailed", "140", 409, message, "")
    }

    /// Two fields of one type that swap places leave the template's language as it was, but
    /// old clients read each one's value as the other's.
    #[test]
    fn fields_that_swap_places_are_moved() {
        let findings = diff(
            &catalog(&copy_failed(COPY)),
            &catalog(&copy_failed("Cannot copy {target_id} to {source_id}")),
        );
        assert_eq!(
            rule_names(&findings),
            ["field-moved", "field-moved"],
            "{findings:#?}"
        );
        assert_finding(
            &findings[0],
            Some("140"),
            Some("CopyFailed"),
            "`CopyFailed` (code `140`): in the message `Cannot copy targetid to sourceid`, old clients read field `source_id` as `targetid`, but it is `sourceid`",
        );
        assert_finding(
            &findings[1],
            Some("140"),
            Some("CopyFailed"),
            "field `target_id` as `sourceid`, but it is `targetid`",
        );
        // Integers of one type too, and repeated placeholders.
        let numbered = |message: &str| {
            entry(
                "CopyFailed",
                "140",
                409,
                message,
                "fields.source_id = \"u32\"\nfields.target_id = \"u32\"",
            )
        };
        let findings = diff(
            &catalog(&numbered(COPY)),
            &catalog(&numbered("Cannot copy {target_id} to {source_id}")),
        );
        assert_eq!(
            rule_names(&findings),
            ["field-moved", "field-moved"],
            "{findings:#?}"
        );
        let findings = diff(
            &catalog(&copy_failed("{source_id} to {target_id}, not {source_id}")),
            &catalog(&copy_failed("{target_id} to {source_id}, not {target_id}")),
        );
        assert_eq!(
            rule_names(&findings),
            ["field-moved", "field-moved"],
            "{findings:#?}"
        );
        // Unchanged places, or a rename in place, are no move.
        assert_eq!(
            diff(&catalog(&copy_failed(COPY)), &catalog(&copy_failed(COPY))),
            []
        );
        let findings = diff(
            &catalog(&copy_failed(COPY)),
            &catalog(&copy_failed("Cannot copy {source} to {target_id}")),
        );
        assert_eq!(rule_names(&findings), ["field-renamed"], "{findings:#?}");
    }

    /// A field renamed while another moves: the one gone is removed, the one kept is moved,
    /// the new one is added.
    #[test]
    fn a_field_moved_while_another_is_renamed() {
        let findings = diff(
            &catalog(&copy_failed(COPY)),
            &catalog(&copy_failed("Cannot copy {target_id} to {source}")),
        );
        assert_eq!(
            rule_names(&findings),
            ["field-removed", "field-moved", "field-added"],
            "{findings:#?}"
        );
        assert_finding(
            &findings[1],
            Some("140"),
            Some("CopyFailed"),
            "field `target_id` as `",
        );
        assert_finding(
            &findings[2],
            Some("140"),
            Some("CopyFailed"),
            "field `source` was added",
        );
    }

    /// Entries of a shared code matched by their template's shape (their names changed) are
    /// compared field by field too.
    #[test]
    fn a_move_in_an_entry_matched_by_shape() {
        let shared = "shared_code = true";
        let old = entry("CopyFailed", "140", 409, COPY, shared)
            + &entry("CopyDenied", "140", 404, "Denied: {who}", shared);
        let new = entry(
            "CopyRefused",
            "140",
            409,
            "Cannot copy {target_id} to {source_id}",
            shared,
        ) + &entry("CopyDenied", "140", 404, "Denied: {who}", shared);
        let findings = diff(&catalog(&old), &catalog(&new));
        assert_eq!(
            rule_names(&findings),
            ["field-moved", "field-moved"],
            "{findings:#?}"
        );
        assert_finding(
            &findings[0],
            Some("140"),
            Some("CopyRefused"),
            "`CopyRefused` (code `140`, was `CopyFailed`): in the message",
        );
    }

    /// A field added to an entry: old clients that read the fields object or problem details
    /// compare the message with their template rendered with the fields they know, which
    /// lacks it (`MessageMismatch`); those that read only the message read its text into the
    /// field before it. In every wire shape.
    #[test]
    fn a_field_added_is_breaking_in_every_wire_shape() {
        let limited = |wire: &str, message: &str, fields: &str| {
            format!(
                "[catalog]\ntitle = \"T\"\n{wire}\n\n[status.429]\n\n\
                 [errors.RateLimited]\ncode = \"LIMIT\"\nstatus = 429\nmessage = \"{message}\"\n{fields}\n"
            )
        };
        for wire in [
            "",
            "wire = { code = \"code\", message = \"message\", fields = \"details\" }",
            "problem_base = \"https://x.dev/problems/\"",
        ] {
            let old = limited(wire, "Rate limited: {reason}", "");
            let new = limited(
                wire,
                "Rate limited: {reason}, limit {limit}",
                "fields.limit = \"u32\"",
            );
            let findings = diff_texts(&old, &new);
            assert_eq!(
                rule_names(&findings),
                ["field-moved", "field-added"],
                "{wire}: {findings:#?}"
            );
            assert_finding(
                &findings[0],
                Some("LIMIT"),
                Some("RateLimited"),
                "old clients read field `reason` as `reason, limit 42`, but it is `reason`",
            );
            assert_finding(
                &findings[1],
                Some("LIMIT"),
                Some("RateLimited"),
                "`RateLimited` (code `LIMIT`): field `limit` was added",
            );
        }
        // Where the message changes too, both are said.
        let findings = diff_texts(
            &limited("", "Rate limited", ""),
            &limited("", "Rate limited at {limit}", "fields.limit = \"u32\""),
        );
        assert_eq!(
            rule_names(&findings),
            ["message-changed", "field-added"],
            "{findings:#?}"
        );
    }
    /// The counterexamples of the semantic oracle: pairs of catalogs where old clients read
    /// the new server's bodies with other values (splitting the message) or not at all
    /// (with a fields object or problem details), which the diff reported nothing for.
    #[test]
    fn oracle_counterexamples_are_breaking() {
        let one = |wire: &str, message: &str, fields: &str| {
            format!(
                "[catalog]\ntitle = \"Oracle\"\n{wire}\n\n[status.404]\n[status.409]\n\n\
                 [types.Job]\nvalues = [\"EXPORT\", \"RESTORE\"]\n\n\
                 [errors.E0]\ncode = \"1\"\nstatus = 404\nshared_code = true\nmessage = \"{message}\"\n{fields}\n"
            )
        };
        let names = |old: String, new: String| -> Vec<&'static str> {
            let found = diff(&load_text(&old), &load_text(&new));
            found.iter().map(|f| f.rule.name()).collect()
        };
        const FIELDS: &str =
            "wire = { code = \"code\", message = \"message\", fields = \"details\" }";
        // 1. Text added beside a `String` placeholder.
        assert_eq!(
            names(one("", "{b}", ""), one("", " = {b}", "")),
            ["field-moved"]
        );
        assert_eq!(
            names(one("", "{type} x", ""), one("", "{type}id x", "")),
            ["field-moved"]
        );
        assert_eq!(
            names(one("", "{a}", ""), one("", "{a} {b}", "")),
            ["field-moved", "field-added"]
        );
        assert_eq!(
            names(
                one("", "{n}{{{type}", ""),
                one("", "{n}{{{type} {a}", "fields.a = \"Job\""),
            ),
            ["field-moved", "field-added"]
        );
        // 2. With a fields object.
        assert_eq!(
            names(one(FIELDS, "x {a}", ""), one(FIELDS, "x {a} {b}", "")),
            ["field-moved", "field-added"]
        );
        assert_eq!(
            names(one(FIELDS, "{b}", ""), one(FIELDS, "{b}: ", "")),
            ["field-moved"]
        );
        assert_eq!(
            names(
                one(FIELDS, "7{type}x{n}", ""),
                one(FIELDS, "7{n}x{type}", "")
            ),
            ["field-moved", "field-moved"]
        );
        // 3. Two placeholders of one type swap places.
        assert_eq!(
            names(one("", "{a} {b}", ""), one("", "{b} {a}", "")),
            ["field-moved", "field-moved"]
        );
    }
}
