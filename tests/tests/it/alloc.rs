//! Rendering a message without width or precision allocates nothing, nor does serializing
//! it into a buffer with room, and recognizing a body allocates only the values of its
//! `String` fields: counted by a global allocator that counts the allocations of the current
//! thread.
//!
//! This is the one place in the project with `unsafe`: a `GlobalAlloc` implementation must
//! be an `unsafe impl`. It forwards to the system allocator and only counts.
//!
//! It is the allocator of the whole test binary, and the tests of the other modules run on
//! other threads at the same time: each thread counts in its own thread-local counter, and a
//! test counts only what its closure allocates on its own thread, so they do not disturb it.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every method forwards to `System` with the same arguments; counting touches only a
// thread-local `Cell` that needs no allocation.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, which `System` shares.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` through `alloc` above.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: as for `dealloc`, and the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn allocations_of(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

#[test]
fn display_without_width_or_precision_allocates_nothing() {
    let error = BackupError::InvalidCloudIdForJob {
        cloud_id: "c-9".into(),
        job: Job::Import,
        external_id: "i-12".into(),
    };
    let mut out = String::with_capacity(256);
    let count = allocations_of(|| {
        write!(out, "{error}").unwrap();
        write!(out, "{error:+}").unwrap();
        write!(out, "{}", Job::Export).unwrap();
    });
    assert_eq!(count, 0, "rendering allocated {count} times");
    assert!(out.starts_with("Invalid cloudId=c-9 for job=IMPORT with externalId=i-12"));

    // The counter does count: with a width the message is rendered into a buffer first.
    let count = allocations_of(|| {
        out.clear();
        write!(out, "{error:>100}").unwrap();
    });
    assert!(count > 0);
}

#[test]
fn a_message_that_splits_on_the_first_try_allocates_only_what_is_kept() {
    let message = "Invalid cloudId=c-9 for job=IMPORT with externalId=i-12";
    let mut parsed = None;
    let count = allocations_of(|| {
        parsed = Some(BackupError::from_parts(
            http::StatusCode::NOT_FOUND,
            "112",
            message,
        ));
    });
    assert_eq!(parsed.unwrap().unwrap().to_string(), message);
    // One for each of the two `String` fields; the split itself allocates nothing.
    assert_eq!(count, 2);
}

/// Allocations `from_response` may make beyond one per `String` field of the value it
/// returns, for a body of the catalog's shape whose strings have no JSON escapes: none. The
/// code and message are borrowed from the body, the message is split into slices of it, and
/// the template's captures are held on the stack (up to 16 placeholders).
const FROM_RESPONSE_OVERHEAD: usize = 0;

/// The number of `String` fields of an entry: one allocation each for the parsed value.
fn string_fields(spec: &error_catalog::ErrorSpec) -> usize {
    spec.fields
        .iter()
        .filter(|field| field.ty == "String")
        .count()
}

#[test]
fn rendering_every_example_into_a_string_with_room_allocates_nothing() {
    for example in BackupError::examples() {
        let expected = example.to_string();
        let mut out = String::with_capacity(expected.len());
        let count = allocations_of(|| write!(out, "{example}").unwrap());
        assert_eq!(count, 0, "rendering {example:?} allocated {count} times");
        assert_eq!(out, expected);
    }
}

#[test]
fn serializing_every_example_into_a_vec_with_room_allocates_nothing() {
    for example in BackupError::examples() {
        let expected = serde_json::to_vec(&example).unwrap();
        let mut out = Vec::with_capacity(expected.len());
        let count = allocations_of(|| serde_json::to_writer(&mut out, &example).unwrap());
        assert_eq!(count, 0, "serializing {example:?} allocated {count} times");
        assert_eq!(out, expected);
    }
}

#[test]
fn rendering_and_serializing_in_every_locale_allocate_nothing() {
    use error_catalog::CatalogError;
    let mut translated = 0;
    for example in BackupError::examples() {
        translated += usize::from(!example.spec().messages.is_empty());
        // `de-CH` falls back to `de`, and an entry without a translation to English.
        for locale in ["de", "de-CH", "en", "fr"] {
            let localized = example.localized(locale);
            let expected = localized.to_string();
            let mut out = String::with_capacity(expected.len());
            let count = allocations_of(|| write!(out, "{localized}").unwrap());
            assert_eq!(
                count, 0,
                "rendering {example:?} in {locale} allocated {count} times"
            );
            assert_eq!(out, expected);
            let expected = serde_json::to_vec(&localized).unwrap();
            let mut out = Vec::with_capacity(expected.len());
            let count = allocations_of(|| serde_json::to_writer(&mut out, &localized).unwrap());
            assert_eq!(
                count, 0,
                "serializing {example:?} in {locale} allocated {count} times"
            );
            assert_eq!(out, expected);
        }
    }
    assert!(translated >= 5, "only {translated} translated entries");
}

#[test]
fn from_response_of_a_translated_message_allocates_only_the_string_fields() {
    use error_catalog::CatalogError;
    for example in BackupError::examples() {
        if example.spec().messages.is_empty() {
            continue;
        }
        let body = serde_json::to_vec(&example.localized("de")).unwrap();
        let mut parsed = None;
        let count = allocations_of(|| {
            parsed = Some(BackupError::from_response(example.status(), &body));
        });
        assert_eq!(parsed.unwrap().as_ref(), Ok(&example));
        let strings = string_fields(example.spec());
        assert!(
            count <= strings + FROM_RESPONSE_OVERHEAD,
            "{example:?}: {count} allocations for {strings} String fields"
        );
    }
}

#[test]
fn from_response_allocates_only_the_string_fields() {
    let mut with_fields = 0;
    for example in BackupError::examples() {
        let body = serde_json::to_vec(&example).unwrap();
        let mut parsed = None;
        let count = allocations_of(|| {
            parsed = Some(BackupError::from_response(example.status(), &body));
        });
        assert_eq!(parsed.unwrap().as_ref(), Ok(&example));
        let strings = string_fields(example.spec());
        with_fields += usize::from(strings > 0);
        assert!(
            count <= strings + FROM_RESPONSE_OVERHEAD,
            "{example:?}: {count} allocations for {strings} String fields"
        );
    }
    // The seed catalog has entries with one, two and three `String` fields.
    assert!(with_fields > 10);
}

mod structured {
    #[error_catalog::catalog(path = "catalogs/structured.toml")]
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Structured {}
}

#[test]
fn members_of_a_fields_object_or_a_problem_are_not_copied() {
    use structured::Structured;
    // `n` members, then the entry's own two, in a fields object and in a problem.
    let bodies = |n: usize| {
        let members: String = (0..n).map(|i| format!(r#""m{i}":"v{i}","#)).collect();
        [
            format!(
                r#"{{"code":"PAIR","message":"salt and pepper","details":{{{members}"a":"salt","b":"pepper"}}}}"#
            ),
            format!(
                r#"{{"type":"about:blank","status":400,"detail":"salt and pepper","code":"PAIR",{members}"a":"salt","b":"pepper"}}"#
            ),
        ]
    };
    let count = |body: &str| {
        let mut parsed = None;
        let count = allocations_of(|| {
            parsed = Some(Structured::from_response(
                http::StatusCode::BAD_REQUEST,
                body.as_bytes(),
            ));
        });
        assert_eq!(
            parsed.unwrap(),
            Ok(Structured::Pair {
                a: "salt".into(),
                b: "pepper".into()
            })
        );
        count
    };
    for (small, large) in bodies(1_000).iter().zip(&bodies(16_000)) {
        // Sixteen times the members: only the list that holds them grows, doubling four
        // more times; no member is copied into a `String` of its own.
        let (small, large) = (count(small), count(large));
        assert!(large <= small + 4, "{small} then {large} allocations");
    }
}
