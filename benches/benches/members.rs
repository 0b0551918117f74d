//! Bodies with many members: reading them takes time linear in their size. A fields object
//! and a problem details body, each with 20,000 and with 80,000 members besides the entry's
//! own; the 80,000 case should take about four times as long as the 20,000 one.
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench members
//! ```
//!
//! Groups: `fields_object` (`{"code":..,"message":..,"details":{..}}`, the fields object
//! holding the entry's two fields after `n` others) and `problem_body` (an RFC 9457 problem
//! whose extension members are the entry's two fields after `n` others), each at
//! `n = 20000` and `n = 80000`. Each iteration reads one body into its variant
//! (`from_response/<n>`); for reference, `serde_json` skims the same body without keeping
//! anything (`skim/<n>`, `IgnoredAny`), which measures the parser alone on this machine, and
//! reads it into a `serde_json::Value` (`value/<n>`), as a client without the catalog would.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use http::StatusCode;

#[error_catalog::catalog(path = "../tests/catalogs/structured.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Structured {}

/// The numbers of other members.
const SIZES: [usize; 2] = [20_000, 80_000];

/// `n` members `"m<i>":"v<i>"`, each followed by a comma.
fn members(n: usize) -> String {
    (0..n).map(|i| format!(r#""m{i}":"v{i}","#)).collect()
}

/// The catalog's shape, with `n` other members in the fields object before the entry's own.
fn fields_object(n: usize) -> String {
    format!(
        r#"{{"code":"PAIR","message":"salt and pepper","details":{{{}"a":"salt","b":"pepper"}}}}"#,
        members(n)
    )
}

/// A problem details body, with `n` other extension members before the entry's own.
fn problem_body(n: usize) -> String {
    format!(
        r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":"salt and pepper","code":"PAIR",{}"a":"salt","b":"pepper"}}"#,
        members(n)
    )
}

fn main() {
    let expected = Structured::Pair {
        a: "salt".into(),
        b: "pepper".into(),
    };
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    for (group, body) in [
        ("fields_object", fields_object as fn(usize) -> String),
        ("problem_body", problem_body),
    ] {
        let mut group = c.benchmark_group(group);
        for n in SIZES {
            let body = body(n);
            // Read as the entry, not by chance: the two fields decide the split.
            assert_eq!(
                Structured::from_response(StatusCode::BAD_REQUEST, body.as_bytes()),
                Ok(expected.clone())
            );
            group.throughput(Throughput::Bytes(body.len() as u64));
            group.bench_with_input(BenchmarkId::new("from_response", n), &body, |b, body| {
                b.iter(|| {
                    black_box(Structured::from_response(
                        StatusCode::BAD_REQUEST,
                        black_box(body.as_bytes()),
                    ))
                })
            });
            group.bench_with_input(BenchmarkId::new("skim", n), &body, |b, body| {
                b.iter(|| {
                    black_box(serde_json::from_slice::<serde::de::IgnoredAny>(black_box(
                        body.as_bytes(),
                    )))
                })
            });
            group.bench_with_input(BenchmarkId::new("value", n), &body, |b, body| {
                b.iter(|| {
                    black_box(serde_json::from_slice::<serde_json::Value>(black_box(
                        body.as_bytes(),
                    )))
                })
            });
        }
        group.finish();
    }
    c.final_summary();
}
