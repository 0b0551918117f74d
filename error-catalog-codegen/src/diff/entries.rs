//! Entries and codes: matching, added and removed, retired codes, catalog enums, the status
//! table.

use super::templates::placeholder_pattern;
use super::{Diff, DiffRule, Place, Section, Side, label};
use crate::model::{Entry, Part};

/// The template's shape: its literal text, with `None` where a placeholder is, whatever its
/// name and type; literals in a row are joined, empty ones dropped.
pub(super) fn shape(entry: &Entry) -> Vec<Option<String>> {
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

impl Diff<'_, '_> {
    /// `[status.NNN]`: rows added, removed, or with another reason or meaning.
    pub(super) fn statuses(&mut self) {
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

    /// `[types.Name]`: catalog enums added (`type-added`) and removed (`type-removed`), and
    /// the docs of those kept. (Their values count where fields use them, in
    /// `message-changed`.)
    pub(super) fn types(&mut self) {
        let (old, new) = (self.old.catalog, self.new.catalog);
        for (index, ty) in new.types.iter().enumerate() {
            let here = Place::new(Section::Types, index);
            let Some(was) = old.types.iter().find(|t| t.name.value == ty.name.value) else {
                self.push(
                    DiffRule::TypeAdded,
                    here,
                    None,
                    format!("the catalog enum `{}` was added", ty.name.value),
                );
                continue;
            };
            if was.doc != ty.doc {
                self.push(
                    DiffRule::DocChanged,
                    here,
                    None,
                    format!("the doc of catalog enum `{}` changed", ty.name.value),
                );
            }
        }
        for (index, was) in old.types.iter().enumerate() {
            if !new.types.iter().any(|t| t.name.value == was.name.value) {
                self.push(
                    DiffRule::TypeRemoved,
                    Place::old(Section::Types, index),
                    None,
                    format!(
                        "the catalog enum `{}` was removed: its public Rust enum is gone",
                        was.name.value
                    ),
                );
            }
        }
    }

    /// `[retired]`: the notes of codes retired in both, and codes no longer retired that no
    /// entry took (`retired-code-removed`; one that an entry took is `retired-code-reused`).
    pub(super) fn retired(&mut self) {
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
        for (index, was) in old.retired.iter().enumerate() {
            let code = &was.code.value;
            if self.new.retired(code).is_some() || self.new.has_code(code) {
                continue;
            }
            let note = if was.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", was.note)
            };
            self.record(
                DiffRule::RetiredCodeRemoved,
                Place::old(Section::Retired, index),
                Some(code.clone()),
                None,
                format!(
                    "code `{code}` is no longer retired{note}: the catalog takes back its promise never to use it again"
                ),
            );
        }
    }

    /// `[errors.Name]`: entries matched, added and removed.
    pub(super) fn entries(&mut self) {
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
    pub(super) fn entry_added(&mut self, n: usize) {
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
    pub(super) fn entries_removed(&mut self, old_matched: &[bool]) {
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
                let mut users: Vec<String> = new
                    .entries
                    .iter()
                    .filter(|e| e.code.value == code)
                    .map(|e| format!("`{}`", e.name.value))
                    .collect();
                users.sort();
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
            let mut gone: Vec<&Entry> = old
                .entries
                .iter()
                .filter(|e| e.code.value == code)
                .collect();
            gone.sort_by_key(|e| &e.name.value);
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
    pub(super) fn entry_pair(&mut self, o: usize, n: usize) {
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
        self.fields(o, n, here, &name);
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
}

/// The steps of matching the entries of a shared code: the same name; the same shape,
/// status and fields at each placeholder; the same shape and status; the same shape.
fn same_name(a: &Entry, b: &Entry) -> bool {
    a.name.value == b.name.value
}

fn same_template(a: &Entry, b: &Entry) -> bool {
    let field_names = |e: &Entry| -> Vec<String> {
        e.placeholders()
            .filter_map(|f| e.fields.get(f))
            .map(|f| f.name.value.clone())
            .collect()
    };
    same_shape_and_status(a, b) && field_names(a) == field_names(b)
}

fn same_shape_and_status(a: &Entry, b: &Entry) -> bool {
    same_shape(a, b) && a.status.value == b.status.value
}

fn same_shape(a: &Entry, b: &Entry) -> bool {
    shape(a) == shape(b)
}

/// Records that new entry `n` is old entry `o`.
pub(super) fn pair(matched: &mut [Option<usize>], taken: &mut [bool], o: usize, n: usize) {
    if let (Some(slot), Some(t)) = (matched.get_mut(n), taken.get_mut(o)) {
        *slot = Some(o);
        *t = true;
    }
}

/// For each entry of `new`, the index of the entry of `old` it is, if any: by code; for a
/// code that either side shares, by name, then by template shape.
pub(super) fn match_entries(old: &Side<'_>, new: &Side<'_>) -> Vec<Option<usize>> {
    let mut matched: Vec<Option<usize>> = vec![None; new.catalog.entries.len()];
    let mut taken = vec![false; old.catalog.entries.len()];
    let mut codes_done: Vec<&str> = Vec::new();
    for entry in &new.catalog.entries {
        let code = entry.code.value.as_str();
        if codes_done.contains(&code) {
            continue;
        }
        codes_done.push(code);
        let (mut olds, mut news) = (old.with_code(code), new.with_code(code));
        if let ([o], [n]) = (olds.as_slice(), news.as_slice()) {
            pair(&mut matched, &mut taken, *o, *n);
            continue;
        }
        // By name, so that the pairs do not depend on catalog order.
        olds.sort_by_key(|&o| old.entry(o).map(|e| e.name.value.as_str()));
        news.sort_by_key(|&n| new.entry(n).map(|e| e.name.value.as_str()));
        let passes: [fn(&Entry, &Entry) -> bool; 4] =
            [same_name, same_template, same_shape_and_status, same_shape];
        for same in passes {
            for &n in &news {
                if matched.get(n).copied().flatten().is_some() {
                    continue;
                }
                let free = olds.iter().copied().find(|&o| {
                    taken.get(o) == Some(&false)
                        && old
                            .entry(o)
                            .zip(new.entry(n))
                            .is_some_and(|(a, b)| same(a, b))
                });
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
    use super::super::tests::*;
    use super::super::*;

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
        // catalog order, which the diff does not rely on: with 409, `StorageNameNotFound`
        // may come first.
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
            "old clients may read its message `Not found: 0` as `StorageNameNotFound`",
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
        assert_eq!(side.reads_as("129", 404, "Not found: 5"), [1]);
        assert_eq!(side.reads_as("129", 404, "Not found: x"), [0]);
        assert_eq!(side.reads_as("129", 410, "Not found: 5"), [0]);
        // No entry has the status: clients try them in catalog order, and either may come
        // first.
        assert_eq!(side.reads_as("129", 409, "Not found: 5"), [0, 1]);
        assert_eq!(side.reads_as("129", 409, "Not found: x"), [0]);
        assert_eq!(side.reads_as("130", 404, "Not found: 5"), [0_usize; 0]);
        assert_eq!(side.reads_as("129", 404, "Found: 5"), [0_usize; 0]);
    }

    /// Old clients that have the fields (a fields object, or problem details) try an entry
    /// by rendering its template with them: an entry whose message changed is then passed
    /// over even where its template still splits the message, and the next entry of the
    /// code, whose fields the body lacks, splits it instead.
    #[test]
    fn old_clients_that_read_the_fields_can_read_another_entry() {
        let shared = "shared_code = true";
        let old = entry("CopyFailed", "150", 404, "Copy {x}", shared)
            + &entry("CopyDenied", "150", 409, "Copy {y}", shared);
        let new = entry("CopyFailed", "150", 404, "Copy {x} now", shared)
            + &entry("CopyDenied", "150", 409, "Copy {y}", shared);
        let findings = diff(&catalog(&old), &catalog(&new));
        assert_eq!(
            rule_names(&findings),
            ["field-moved", "shared-code-ambiguous"],
            "{findings:#?}"
        );
        assert_finding(
            &findings[1],
            Some("150"),
            Some("CopyFailed"),
            "`CopyFailed` (code `150`): old clients that read its fields read its message `Copy x now` as `CopyDenied`",
        );
    }

    /// A catalog enum is a public Rust enum: one removed is breaking, one added compatible.
    #[test]
    fn catalog_enums_removed_and_added() {
        let job = "[types.Job]\nvalues = [\"EXPORT\", \"IMPORT\"]\ndoc = \"A job.\"\n\n";
        let tier = "[types.Tier]\nvalues = [\"FREE\"]\n\n";
        let findings = diff(&catalog(&format!("{job}{tier}")), &catalog(tier));
        assert_eq!(rule_names(&findings), ["type-removed"], "{findings:#?}");
        assert_finding(
            &findings[0],
            None,
            None,
            "the catalog enum `Job` was removed",
        );
        let findings = diff(&catalog(tier), &catalog(&format!("{job}{tier}")));
        assert_eq!(rule_names(&findings), ["type-added"], "{findings:#?}");
        assert_finding(&findings[0], None, None, "the catalog enum `Job` was added");
    }

    /// A retired code is a promise never to use the code again: taking it back is breaking,
    /// unless an entry uses the code (`retired-code-reused` says so).
    #[test]
    fn a_retired_code_removed() {
        let retired = "[retired]\n\"101\" = \"meant 'storage full' until v2\"\n\"102\" = \"\"\n";
        let findings = diff(&catalog(retired), &catalog("[retired]\n\"102\" = \"\"\n"));
        assert_eq!(
            rule_names(&findings),
            ["retired-code-removed"],
            "{findings:#?}"
        );
        assert_finding(
            &findings[0],
            Some("101"),
            None,
            "code `101` is no longer retired (meant 'storage full' until v2)",
        );
        let reused = entry(
            "StorageQuotaExceeded",
            "101",
            409,
            "Storage quota exceeded",
            "",
        );
        let findings = diff(
            &catalog(retired),
            &catalog(&format!("{reused}[retired]\n\"102\" = \"\"\n")),
        );
        assert_eq!(
            rule_names(&findings),
            ["retired-code-reused"],
            "{findings:#?}"
        );
    }

    /// Entries of a shared code matched by their template's shape pair up the same way
    /// whatever the order of the entries.
    #[test]
    fn entries_matched_by_shape_do_not_depend_on_order() {
        let shared = "shared_code = true";
        let old = entry("Apple", "5", 404, "{x} gone", shared)
            + &entry("Berry", "5", 409, "{y} gone", shared);
        let cherry = entry("Cherry", "5", 409, "{y} gone", shared);
        let damson = entry("Damson", "5", 404, "{x} gone", shared);
        let sorted = |findings: Vec<Finding>| {
            let mut messages: Vec<String> = findings.into_iter().map(|f| f.message).collect();
            messages.sort();
            messages
        };
        let one = sorted(diff(&catalog(&old), &catalog(&(cherry.clone() + &damson))));
        let other = sorted(diff(&catalog(&old), &catalog(&(damson + &cherry))));
        assert_eq!(one, other);
    }
}
