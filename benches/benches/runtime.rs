//! Run-time ratios of issue 15: the generated enum of a 50-entry catalog against the same
//! errors written by hand (thiserror for `Display`, a `Serialize` that streams the message,
//! a client that decodes the envelope with serde), measured in the same run. Only the
//! generated enum's public API is used (`Display`, `Serialize`, `from_response`, `code()`,
//! `status()`).
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench runtime
//! python3 benches/ratios.py        # generated / hand-written medians, as a Markdown table
//! ```
//!
//! The catalog (`catalog_50.toml`, written by `build.rs`) has four kinds of entries in turn:
//! a `String` field; a `u32` and a `String` field; a catalog enum and a `u64` field; no
//! field. Each group handles four values, one of each kind (entries 4, 17, 30 and 47, spread
//! over the catalog so that neither side's code `match` is measured at its first arms only);
//! the times are per four values.
//!
//! Groups, each with `generated` and its hand-written counterparts:
//!
//! - `render`: `s.clear(); write!(s, "{}", e)` into one reused `String`
//!   (`generated`, `hand_written`);
//! - `serialize_to_writer`: `v.clear(); serde_json::to_writer(&mut v, e)` into one reused
//!   `Vec<u8>` (`generated`, `hand_written`);
//! - `from_response_50`: the four wire bodies back into values. `generated` is
//!   `from_response`, which recovers every field; `hand_written_fields` decodes the envelope
//!   (`#[derive(Deserialize)]`, strings borrowed unless escaped), matches the code and
//!   recovers the fields from the message (`strip_prefix`, `strip_suffix`, `split_once`,
//!   `parse`); `hand_written_code_only` decodes the envelope and matches the code to a unit
//!   marker, recovering no field.
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use http::StatusCode;

/// The generated side.
pub mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated_50.rs"));
}

/// The hand-written side.
pub mod hand {
    include!(concat!(env!("OUT_DIR"), "/hand_50.rs"));
}

use generated::{Generated50, Job};
use hand::{HandCode50, HandError50, HandJob};

/// One value of each kind of entry, on each side, in the same order.
fn values() -> (Vec<Generated50>, Vec<HandError50>) {
    let generated = vec![
        Generated50::E4 {
            id: "r-4021".into(),
        },
        Generated50::E17 {
            limit: 250,
            owner: "team-blue".into(),
        },
        Generated50::E30 {
            job: Job::Export,
            step: 12,
        },
        Generated50::E47,
    ];
    let hand = vec![
        HandError50::E4 {
            id: "r-4021".into(),
        },
        HandError50::E17 {
            limit: 250,
            owner: "team-blue".into(),
        },
        HandError50::E30 {
            job: HandJob::Export,
            step: 12,
        },
        HandError50::E47,
    ];
    (generated, hand)
}

/// Both sides do the same work: same messages, codes and statuses, byte-identical bodies,
/// and each side reads the other's bodies back into the same error.
fn sanity_check(generated: &[Generated50], hand: &[HandError50]) {
    for (g, h) in generated.iter().zip(hand) {
        assert_eq!(g.to_string(), h.to_string());
        assert_eq!(g.code(), h.code());
        assert_eq!(g.status(), h.status());
        let g_body = serde_json::to_vec(g).unwrap();
        let h_body = serde_json::to_vec(h).unwrap();
        assert_eq!(g_body, h_body, "{g:?}");
        let from_hand = Generated50::from_response(h.status(), &h_body).unwrap();
        let from_generated = HandError50::from_response(g.status(), &g_body).unwrap();
        assert_eq!(&from_hand, g);
        assert_eq!(&from_generated, h);
        let marker = HandCode50::from_response(g.status(), &g_body).unwrap();
        assert_eq!(format!("{marker:?}"), format!("C{}", g.code()));
    }
    // A message that does not fit is refused by both.
    let mismatch = br#"{"errorCode":"130","errorMessage":"Job RESTORE failed at step 12 (30)"}"#;
    assert!(Generated50::from_response(StatusCode::BAD_REQUEST, mismatch).is_err());
    assert!(HandError50::from_response(StatusCode::BAD_REQUEST, mismatch).is_err());
}

fn render(c: &mut Criterion, generated: &[Generated50], hand: &[HandError50]) {
    let mut group = c.benchmark_group("render");
    let mut s = String::with_capacity(256);
    group.bench_function("generated", |b| {
        b.iter(|| {
            for value in black_box(generated) {
                s.clear();
                write!(s, "{}", value).unwrap();
                black_box(&s);
            }
        })
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| {
            for value in black_box(hand) {
                s.clear();
                write!(s, "{}", value).unwrap();
                black_box(&s);
            }
        })
    });
    group.finish();
}

fn serialize(c: &mut Criterion, generated: &[Generated50], hand: &[HandError50]) {
    let mut group = c.benchmark_group("serialize_to_writer");
    let mut v = Vec::with_capacity(256);
    group.bench_function("generated", |b| {
        b.iter(|| {
            for value in black_box(generated) {
                v.clear();
                serde_json::to_writer(&mut v, value).unwrap();
                black_box(&v);
            }
        })
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| {
            for value in black_box(hand) {
                v.clear();
                serde_json::to_writer(&mut v, value).unwrap();
                black_box(&v);
            }
        })
    });
    group.finish();
}

fn from_response(c: &mut Criterion, bodies: &[(StatusCode, Vec<u8>)]) {
    let mut group = c.benchmark_group("from_response_50");
    group.bench_function("generated", |b| {
        b.iter(|| {
            for (status, body) in black_box(bodies) {
                black_box(Generated50::from_response(*status, body).is_ok());
            }
        })
    });
    group.bench_function("hand_written_fields", |b| {
        b.iter(|| {
            for (status, body) in black_box(bodies) {
                black_box(HandError50::from_response(*status, body).is_ok());
            }
        })
    });
    group.bench_function("hand_written_code_only", |b| {
        b.iter(|| {
            for (status, body) in black_box(bodies) {
                black_box(HandCode50::from_response(*status, body).is_ok());
            }
        })
    });
    group.finish();
}

fn main() {
    let (generated, hand) = values();
    sanity_check(&generated, &hand);
    // The wire bodies, as a server sends them (both sides send the same bytes).
    let bodies: Vec<(StatusCode, Vec<u8>)> = hand
        .iter()
        .map(|h| (h.status(), serde_json::to_vec(h).unwrap()))
        .collect();

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .configure_from_args();
    render(&mut c, &generated, &hand);
    serialize(&mut c, &generated, &hand);
    from_response(&mut c, &bodies);
    c.final_summary();
}
