//! The translations of two versions of a catalog, compared per locale with the template rules
//! of the default locale (the module docs' "Locales").

use super::{DiffRule, Finding, Version, diff_messages_in_one_locale};
use crate::model::{Catalog, Entry, Part};

/// The template rules, whose findings depend on the text of the messages.
const TEMPLATE_RULES: [DiffRule; 3] = [
    DiffRule::MessageChanged,
    DiffRule::FieldMoved,
    DiffRule::SharedCodeAmbiguous,
];

/// The findings of the translations from `old` to `new`, other than those `default` (the
/// findings of the default locale) already has.
pub(super) fn findings(old: &Catalog, new: &Catalog, default: &[Finding]) -> Vec<Finding> {
    let mut locales: Vec<&str> = new.locales.translated();
    for locale in old.locales.translated() {
        if !locales.contains(&locale) {
            locales.push(locale);
        }
    }
    let mut out = Vec::new();
    for locale in locales {
        let declared_before = old.locales.translated().contains(&locale);
        let (was, is) = (old.in_locale(locale), new.in_locale(locale));
        let breaking: Vec<Finding> = if declared_before {
            diff_messages_in_one_locale(&was, &is)
                .into_iter()
                .filter(|f| TEMPLATE_RULES.contains(&f.rule))
                .filter(|f| !default.contains(f))
                .collect()
        } else {
            Vec::new()
        };
        for (index, entry) in is.entries.iter().enumerate() {
            let Some(before) = matched(&was, entry) else {
                continue;
            };
            if signature(&before.parts, &before.fields) == signature(&entry.parts, &entry.fields)
                && before.message.value == entry.message.value
            {
                continue;
            }
            let original = &new.entries[index];
            let own_now = original.translation(locale).is_some();
            let own_before = old
                .entries
                .iter()
                .find(|e| e.code.value == entry.code.value && e.name.value == before.name.value)
                .is_some_and(|e| e.translation(locale).is_some());
            if !own_now && !own_before {
                // Both fall back to the same locales' messages: the default findings say it.
                continue;
            }
            let known = old_templates(old, before)
                .iter()
                .any(|parts| *parts == signature(&entry.parts, &entry.fields));
            let mut theirs: Vec<Finding> = breaking
                .iter()
                .filter(|f| f.entry.as_deref() == Some(entry.name.value.as_str()))
                .filter(|_| !known)
                .cloned()
                .collect();
            if theirs.is_empty() {
                out.push(Finding {
                    rule: DiffRule::TranslationChanged,
                    code: Some(entry.code.value.clone()),
                    entry: Some(entry.name.value.clone()),
                    message: format!(
                        "the `{locale}` message of `{}` (code `{}`) is now `{}`{}",
                        entry.name.value,
                        entry.code.value,
                        entry.message.value,
                        if !declared_before {
                            ", in a locale that clients of the old catalog do not know"
                        } else if known {
                            ", a message that clients of the old catalog read"
                        } else {
                            ""
                        }
                    ),
                    version: Version::New,
                    span: Some(original.name.span.clone()),
                });
            } else {
                for finding in &mut theirs {
                    finding.message = format!("in `{locale}`: {}", finding.message);
                }
                out.append(&mut theirs);
            }
        }
        for status in &is.statuses {
            let Some(before) = was
                .statuses
                .iter()
                .find(|s| s.code.value == status.code.value)
            else {
                continue;
            };
            // A status translated on neither side falls back to the default's texts, which
            // the default findings compare.
            let own = |catalog: &Catalog| {
                catalog
                    .statuses
                    .iter()
                    .find(|s| s.code.value == status.code.value)
                    .is_some_and(|s| {
                        s.reasons.iter().chain(&s.meanings).any(|t| {
                            crate::model::fallback_tags(locale).contains(&t.locale.value.as_str())
                        })
                    })
            };
            if !own(old) && !own(new) {
                continue;
            }
            for (what, then, now) in [
                ("reason", &before.reason, &status.reason),
                ("meaning", &before.meaning, &status.meaning),
            ] {
                if then != now {
                    out.push(Finding {
                        rule: DiffRule::TranslationChanged,
                        code: None,
                        entry: None,
                        message: format!(
                            "the `{locale}` {what} of status {} is now `{now}`",
                            status.code.value
                        ),
                        version: Version::New,
                        span: Some(status.code.span.clone()),
                    });
                }
            }
        }
    }
    out
}

/// The entry of `was` (the old catalog in a locale) that `entry` of the new one is: the one
/// of its code, or of its code and name when several share the code.
fn matched<'c>(was: &'c Catalog, entry: &Entry) -> Option<&'c Entry> {
    let of_code: Vec<&Entry> = was
        .entries
        .iter()
        .filter(|e| e.code.value == entry.code.value)
        .collect();
    match of_code.as_slice() {
        [one] => Some(one),
        many => many
            .iter()
            .find(|e| e.name.value == entry.name.value)
            .copied(),
    }
}

/// Every template that old clients read a message of `before`'s entry with: its message in
/// the default locale and in each locale of the old catalog.
fn old_templates(old: &Catalog, before: &Entry) -> Vec<Vec<Result<String, String>>> {
    let find = |catalog: &Catalog| {
        catalog
            .entries
            .iter()
            .find(|e| e.code.value == before.code.value && e.name.value == before.name.value)
            .map(|e| signature(&e.parts, &e.fields))
    };
    std::iter::once(find(old))
        .chain(
            old.locales
                .translated()
                .into_iter()
                .map(|locale| find(&old.in_locale(locale))),
        )
        .flatten()
        .collect()
}

/// A template as the text a client reads: its literals, and its placeholders by field name.
fn signature(parts: &[Part], fields: &[crate::model::Field]) -> Vec<Result<String, String>> {
    parts
        .iter()
        .map(|part| match part {
            Part::Literal(text) => Ok(text.clone()),
            Part::Placeholder { field, .. } => Err(fields
                .get(*field)
                .map(|f| f.name.value.clone())
                .unwrap_or_default()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::diff::{Class, DiffRule, diff};
    use crate::{Source, load};

    /// A catalog in `locales` whose entry `StorageNotFound` has the lines `messages` besides
    /// its English message.
    fn catalog(locales: &str, messages: &str) -> crate::Catalog {
        let text = format!(
            "[catalog]\ntitle = \"Storage API\"\ndefault_locale = \"en\"\nlocales = [{locales}]\n\n\
             [status.404]\n\n[errors.StorageNotFound]\ncode = \"129\"\nstatus = 404\n\
             message = \"Storage {{storage_id}} not found\"\n{messages}\n"
        );
        load(&Source::new("api.toml", "/api.toml", text))
            .unwrap_or_else(|d| panic!("{d:?}"))
            .into_catalog()
    }

    fn rules(old: &crate::Catalog, new: &crate::Catalog) -> Vec<(DiffRule, String)> {
        diff(old, new)
            .into_iter()
            .map(|f| (f.rule, f.message))
            .collect()
    }

    #[test]
    fn a_reworded_translation_that_old_clients_cannot_read_is_breaking() {
        let old = catalog(
            "\"en\", \"de\"",
            "messages.de = \"Speicher {storage_id} fehlt\"",
        );
        let new = catalog(
            "\"en\", \"de\"",
            "messages.de = \"Speicher {storage_id} nicht gefunden\"",
        );
        let found = rules(&old, &new);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, DiffRule::MessageChanged);
        assert!(found[0].1.starts_with("in `de`: "), "{}", found[0].1);
        // A placeholder moved to other text: old clients read the wrong value.
        let moved = catalog(
            "\"en\", \"de\"",
            "messages.de = \"Speicher {storage_id} fehlt bis morgen\"",
        );
        let found = diff(&old, &moved);
        assert_eq!(found[0].rule.class(), Class::Breaking, "{found:?}");
        assert!(found[0].message.starts_with("in `de`: "));
    }

    #[test]
    fn translations_that_old_clients_read_are_compatible() {
        let old = catalog(
            "\"en\", \"de\"",
            "messages.de = \"Speicher {storage_id} fehlt\"",
        );
        // Removed: German requests get the English message, which old clients read.
        let removed = catalog("\"en\", \"de\"", "");
        let found = diff(&old, &removed);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule, DiffRule::TranslationChanged);
        assert_eq!(found[0].rule.class(), Class::Compatible);
        // A locale that the old catalog did not have.
        let added = catalog(
            "\"en\", \"de\", \"fr\"",
            "messages.de = \"Speicher {storage_id} fehlt\"\nmessages.fr = \"Stockage {storage_id} introuvable\"",
        );
        let found = rules(&old, &added);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, DiffRule::TranslationChanged);
        // Unchanged translations: nothing.
        assert_eq!(rules(&old, &old), []);
    }
}
