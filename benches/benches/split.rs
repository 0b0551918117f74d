//! `error_catalog_template::split` against the `regex` crate, for the same templates and
//! messages, measured in the same run.
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench split
//! ```
//!
//! One group per case: the seed catalog's hot path (four entries, and the `cloudId`/`job`
//! entry with an ordinary message), the hard case where a placeholder contains the literal
//! after it, and a 1 MiB message full of false starts. In each group:
//!
//! - `split`: `error_catalog_template::split` into a capture array on the stack;
//! - `regex`: a `regex::Regex` built once from the same segments (anchored, literals
//!   escaped, text as `(.*?)` under `(?s)`, enums and booleans as alternations, integers as
//!   their canonical digits; integer ranges are not encoded), matched with `captures_read`
//!   into a reused `CaptureLocations`, and its captures read as `&str`;
//! - `previous` (the common cases only): the splitter this crate had before, which cut at the
//!   first occurrence of each literal and checked no class, copied here as the baseline for
//!   what the fast path costs.
//!
//! Each iteration splits one message; a sanity check first asserts that all sides read the
//! same captures.
//!
//! The groups `split/repeated_*` time `split_repeated` on `"{word} said {word}"`, a field
//! used twice, against `split` on the same segments read as two fields: a message whose
//! reading by `split` already has equal texts (`hello`), one that needs the search
//! (`said`: `" said said  said"`), and a 1 MiB one that needs it (`word` is `said said ...`).

use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use error_catalog_template::{Class, Int, Segment, split, split_repeated};
use regex::{CaptureLocations, Regex};

const JOBS: &[&str] = &["EXPORT", "IMPORT"];
const T: Segment<'static> = Segment::Field(Class::Text);

const POLICY: &[Segment<'static>] = &[
    Segment::Literal("Backup Policy already exists with orgId: "),
    T,
    Segment::Literal(" cloudId: "),
    T,
    Segment::Literal(" product: "),
    T,
];
const STORAGE: &[Segment<'static>] = &[
    Segment::Literal("Storage Details not found for storageId = "),
    T,
];
const EXPORT: &[Segment<'static>] = &[Segment::Literal("Export Already in Progress")];
const BRIE: &[Segment<'static>] = &[
    Segment::Literal("Brie job="),
    Segment::Field(Class::OneOf(JOBS)),
    Segment::Literal(" with externalId="),
    T,
    Segment::Literal(" is not present"),
];
const CLOUD: &[Segment<'static>] = &[
    Segment::Literal("Invalid cloudId="),
    T,
    Segment::Literal(" for job="),
    Segment::Field(Class::OneOf(JOBS)),
    Segment::Literal(" with externalId="),
    T,
];

/// The regular expression that matches what `segments` matches, one group per placeholder.
fn regex_for(segments: &[Segment<'_>]) -> Regex {
    let mut pattern = String::from("(?s)^");
    for segment in segments {
        match segment {
            Segment::Literal(text) => pattern.push_str(&regex::escape(text)),
            Segment::Field(Class::Text) => pattern.push_str("(.*?)"),
            Segment::Field(Class::Integer(int)) => pattern.push_str(if int.accepts("-1") {
                "(0|-?[1-9][0-9]*)"
            } else {
                "(0|[1-9][0-9]*)"
            }),
            Segment::Field(Class::Bool) => pattern.push_str("(true|false)"),
            Segment::Field(Class::OneOf(values)) => {
                let values: Vec<String> = values.iter().map(|v| regex::escape(v)).collect();
                pattern.push_str(&format!("({})", values.join("|")));
            }
            Segment::Field(other) => panic!("no pattern for {other:?}"),
        }
    }
    pattern.push('$');
    Regex::new(&pattern).unwrap()
}

/// The most placeholders of the benchmark's templates.
const MAX: usize = 4;

fn fields(segments: &[Segment<'_>]) -> usize {
    segments
        .iter()
        .filter(|s| matches!(s, Segment::Field(_)))
        .count()
}

/// Splits into the first `n` slots of `out`: generated code knows each template's number
/// of placeholders, so it is counted outside the timed loop.
fn by_split<'m>(
    segments: &[Segment<'_>],
    n: usize,
    message: &'m str,
    out: &mut [&'m str; MAX],
) -> bool {
    split(segments, message, &mut out[..n])
}

fn by_regex<'m>(
    regex: &Regex,
    locations: &mut CaptureLocations,
    message: &'m str,
    out: &mut [&'m str; MAX],
) -> bool {
    if regex.captures_read(locations, message).is_none() {
        return false;
    }
    for (i, slot) in out.iter_mut().enumerate().take(locations.len() - 1) {
        let Some((start, end)) = locations.get(i + 1) else {
            return false;
        };
        *slot = &message[start..end];
    }
    true
}

/// The splitter before typed classes, for templates with literal text between every two
/// placeholders: each placeholder ends where its next literal first occurs, the last literal
/// is anchored at the end, and no class is checked.
fn by_previous<'m>(segments: &[Segment<'_>], message: &'m str, out: &mut [&'m str; MAX]) -> bool {
    let (body, tail) = match segments.split_last() {
        Some((Segment::Literal(last), body)) if !body.is_empty() => (body, Some(*last)),
        _ => (segments, None),
    };
    let end = match tail {
        Some(tail) => match message.strip_suffix(tail) {
            Some(rest) => rest.len(),
            None => return false,
        },
        None => message.len(),
    };
    let (mut pos, mut field) = (0, 0);
    for (i, segment) in body.iter().enumerate() {
        match segment {
            Segment::Literal(lit) => {
                if !message[pos..end].starts_with(lit) {
                    return false;
                }
                pos += lit.len();
            }
            Segment::Field(_) => {
                let stop = match body.get(i + 1) {
                    None => end,
                    Some(Segment::Literal(lit)) => match message[pos..end].find(lit) {
                        Some(j) => pos + j,
                        None => return false,
                    },
                    Some(Segment::Field(_)) => return false,
                };
                out[field] = &message[pos..stop];
                field += 1;
                pos = stop;
            }
        }
    }
    pos == end
}

struct Case {
    name: &'static str,
    segments: &'static [Segment<'static>],
    message: String,
    expected: Vec<String>,
    /// Whether the previous splitter reads it right (it is then measured too).
    previous: bool,
}

fn cases() -> Vec<Case> {
    let case = |name, segments, message: String, expected: &[&str], previous| Case {
        name,
        segments,
        message,
        expected: expected.iter().map(|s| s.to_string()).collect(),
        previous,
    };
    let false_starts = "a for job=EXPOR".repeat((1 << 20) / 15);
    vec![
        case(
            "policy",
            POLICY,
            "Backup Policy already exists with orgId: o-1 cloudId: c-9 product: jira-software"
                .into(),
            &["o-1", "c-9", "jira-software"],
            true,
        ),
        case(
            "storage",
            STORAGE,
            "Storage Details not found for storageId = s-17".into(),
            &["s-17"],
            true,
        ),
        case(
            "export_literal",
            EXPORT,
            "Export Already in Progress".into(),
            &[],
            true,
        ),
        case(
            "brie_job",
            BRIE,
            "Brie job=EXPORT with externalId=e-58 is not present".into(),
            &["EXPORT", "e-58"],
            true,
        ),
        case(
            "cloud_job",
            CLOUD,
            "Invalid cloudId=c-9 for job=IMPORT with externalId=e-58".into(),
            &["c-9", "IMPORT", "e-58"],
            true,
        ),
        case(
            "cloud_job_hard",
            CLOUD,
            "Invalid cloudId=a for job=b for job=IMPORT with externalId=x".into(),
            &["a for job=b", "IMPORT", "x"],
            false,
        ),
        case(
            "cloud_job_hostile_1mib",
            CLOUD,
            format!("Invalid cloudId={false_starts} for job=IMPORT with externalId=x"),
            &[&false_starts, "IMPORT", "x"],
            false,
        ),
    ]
}

/// All sides must read the same captures for the comparison to mean anything.
fn sanity_check(cases: &[Case]) {
    for case in cases {
        let n = fields(case.segments);
        let mut out = [""; MAX];
        assert!(
            by_split(case.segments, n, &case.message, &mut out),
            "{}",
            case.name
        );
        assert_eq!(out[..n], case.expected, "split: {}", case.name);
        let regex = regex_for(case.segments);
        let mut locations = regex.capture_locations();
        let mut out = [""; MAX];
        assert!(by_regex(&regex, &mut locations, &case.message, &mut out));
        assert_eq!(out[..n], case.expected, "regex: {}", case.name);
        let mut out = [""; MAX];
        let previous =
            by_previous(case.segments, &case.message, &mut out) && out[..n] == case.expected[..];
        assert_eq!(previous, case.previous, "previous: {}", case.name);
    }
    // The integer pattern and the class agree on the canonical form.
    let int = [
        Segment::Literal("n="),
        Segment::Field(Class::Integer(Int::I32)),
    ];
    let regex = regex_for(&int);
    for text in ["n=0", "n=-7", "n=10", "n=-0", "n=07", "n=+1"] {
        let mut out = [""; MAX];
        assert_eq!(
            regex.is_match(text),
            by_split(&int, 1, text, &mut out),
            "{text}"
        );
    }
}

fn main() {
    let cases = cases();
    sanity_check(&cases);
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .configure_from_args();
    for case in &cases {
        let mut group = c.benchmark_group(format!("split/{}", case.name));
        let message = case.message.as_str();
        let n = fields(case.segments);
        group.bench_function("split", |b| {
            let mut out = [""; MAX];
            b.iter(|| {
                black_box(by_split(case.segments, n, black_box(message), &mut out));
                black_box(&out);
            })
        });
        let regex = regex_for(case.segments);
        group.bench_function("regex", |b| {
            let mut locations = regex.capture_locations();
            let mut out = [""; MAX];
            b.iter(|| {
                black_box(by_regex(
                    &regex,
                    &mut locations,
                    black_box(message),
                    &mut out,
                ));
                black_box(&out);
            })
        });
        if case.previous {
            group.bench_function("previous", |b| {
                let mut out = [""; MAX];
                b.iter(|| {
                    black_box(by_previous(case.segments, black_box(message), &mut out));
                    black_box(&out);
                })
            });
        }
        group.finish();
    }
    repeated(&mut c);
    c.final_summary();
}

/// `"{word} said {word}"`: `split_repeated` with one field against `split`, two fields.
fn repeated(c: &mut Criterion) {
    const ECHO: &[Segment<'static>] = &[T, Segment::Literal(" said "), T];
    let long = "said ".repeat(1 << 17);
    let long = long.trim_end();
    let cases = [
        ("hello", "hello said hello".to_owned(), "hello"),
        ("said", " said said  said".to_owned(), " said"),
        ("1mib", format!("{long} said {long}"), long),
    ];
    for (name, message, word) in &cases {
        let mut out = [""; 2];
        assert!(split_repeated(ECHO, &["w", "w"], message, &mut out));
        assert_eq!(out, [*word; 2], "{name}");
        let mut group = c.benchmark_group(format!("split/repeated_{name}"));
        group.bench_function("split_repeated", |b| {
            let mut out = [""; 2];
            b.iter(|| {
                black_box(split_repeated(
                    ECHO,
                    &["w", "w"],
                    black_box(message),
                    &mut out,
                ));
                black_box(&out);
            })
        });
        group.bench_function("split", |b| {
            let mut out = [""; 2];
            b.iter(|| {
                black_box(split(ECHO, black_box(message), &mut out));
                black_box(&out);
            })
        });
        group.finish();
    }
}
