//! Code lookup of issue 15, at 50 and at 10,000 codes: the generated enum through its public
//! API against a hand-written `match` on the code, measured in the same run.
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench lookup
//! python3 benches/ratios.py        # generated / hand-written medians, as a Markdown table
//! ```
//!
//! Catalogs (written by `build.rs`): `catalog_50.toml`, 50 entries of four kinds in turn
//! (every fourth has no field), and `catalog_10000.toml`, 10,000 entries without fields;
//! entry `i` has code `100 + i`. Each iteration looks up several codes of entries without
//! fields, spread over the catalog (the hand-written `match` is tested arm by arm, so a code
//! near its top would favour it): 5 codes at 50, 8 at 10,000. Times are per group of codes.
//!
//! What each side does, per code:
//!
//! - `generated`: `from_parts(status, code, message)` with the entry's status and message:
//!   the code's entries are found, the message is matched against the entry's template (all
//!   literal text) and the unit variant is returned;
//! - `hand_written`: `entry_of(code)`, a `match code { "100" => Some(0), ... }` with one arm
//!   per code, then the message compared with the entry's message from a static table; the
//!   entry's index is returned.
//!
//! Groups: `lookup_50` and `lookup_10000`, each with `generated` and `hand_written`.
use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use error_catalog::CatalogError;
use http::StatusCode;

/// The generated enum of 50 entries.
pub mod generated_50 {
    include!(concat!(env!("OUT_DIR"), "/generated_50.rs"));
}

/// The generated enum of 10,000 entries.
pub mod generated_10000 {
    include!(concat!(env!("OUT_DIR"), "/generated_10000.rs"));
}

/// The hand-written lookups.
pub mod hand {
    /// The hand-written code lookup of `catalog_50.toml`.
    pub mod of_50 {
        include!(concat!(env!("OUT_DIR"), "/hand_lookup_50.rs"));
    }

    include!(concat!(env!("OUT_DIR"), "/hand_10000.rs"));

    /// The hand-written client's lookup at 50 codes: the entry of `code`, if `message` is
    /// its message.
    pub fn lookup_50(code: &str, message: &str) -> Option<usize> {
        of_50::entry_of_50(code).filter(|&index| of_50::MESSAGES_50[index] == Some(message))
    }

    /// The hand-written client's lookup at 10,000 codes: the entry of `code`, if `message`
    /// is its message.
    pub fn lookup_10000(code: &str, message: &str) -> Option<usize> {
        entry_of_10000(code).filter(|&index| MESSAGES_10000[index] == message)
    }
}

/// A received error: status, code and message.
type Received = (StatusCode, String, String);

/// The received status, code and message of each entry of `indices`, from the generated
/// enum's metadata.
fn received<E: CatalogError>(indices: &[usize]) -> Vec<Received> {
    indices
        .iter()
        .map(|&index| {
            let spec = &E::specs()[index];
            (
                spec.status_code(),
                spec.code.to_owned(),
                spec.example_message().to_string(),
            )
        })
        .collect()
}

/// Both sides find the same entry for every code, and neither accepts another message.
fn sanity_check<E: CatalogError + PartialEq + std::fmt::Debug>(
    inputs: &[Received],
    indices: &[usize],
    hand: fn(&str, &str) -> Option<usize>,
) {
    for ((status, code, message), &index) in inputs.iter().zip(indices) {
        let value = E::from_parts(*status, code, message).unwrap();
        assert_eq!(value.spec().name, E::specs()[index].name);
        assert_eq!(value.code(), code);
        assert_eq!(value.to_string(), *message);
        assert_eq!(hand(code, message), Some(index));
        assert!(E::from_parts(*status, code, "Service unavailable").is_err());
        assert_eq!(hand(code, "Service unavailable"), None);
    }
}

fn group<E: CatalogError>(
    c: &mut Criterion,
    name: &str,
    inputs: &[Received],
    hand: fn(&str, &str) -> Option<usize>,
) {
    let mut group = c.benchmark_group(name);
    group.bench_function("generated", |b| {
        b.iter(|| {
            for (status, code, message) in black_box(inputs) {
                black_box(E::from_parts(*status, code, message).is_ok());
            }
        })
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| {
            for (_, code, message) in black_box(inputs) {
                black_box(hand(code, message));
            }
        })
    });
    group.finish();
}

fn main() {
    use generated_50::Generated50;
    use generated_10000::Generated10000;
    // Entries without fields: every fourth of the 50, any of the 10,000.
    let indices_50 = [3, 15, 27, 39, 47];
    let indices_10000 = [617, 1867, 3117, 4367, 5617, 6867, 8117, 9367];
    let inputs_50 = received::<Generated50>(&indices_50);
    let inputs_10000 = received::<Generated10000>(&indices_10000);
    sanity_check::<Generated50>(&inputs_50, &indices_50, hand::lookup_50);
    sanity_check::<Generated10000>(&inputs_10000, &indices_10000, hand::lookup_10000);

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .configure_from_args();
    group::<Generated50>(&mut c, "lookup_50", &inputs_50, hand::lookup_50);
    group::<Generated10000>(&mut c, "lookup_10000", &inputs_10000, hand::lookup_10000);
    c.final_summary();
}
