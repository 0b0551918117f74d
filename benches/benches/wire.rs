//! The generated code against what a careful engineer would write by hand with `thiserror`
//! and `serde`, for the same four catalog entries, measured in the same run.
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench wire
//! ```
//!
//! Groups: `display` (`to_string` of four values), `serialize` (`serde_json::to_vec` of
//! four values), `from_response` (four bodies parsed back) and `from_response_unknown_code`
//! (one body whose code neither side knows). Each iteration handles every input of its
//! group, so the times are per group of inputs, not per value.

use std::borrow::Cow;
use std::fmt;
use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use criterion::Criterion;
use http::StatusCode;

#[error_catalog::catalog(path = "../catalog/backup-restore.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {}

/// The hand-written twin of the generated `Job`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandJob {
    /// `EXPORT`
    Export,
    /// `IMPORT`
    Import,
}

impl fmt::Display for HandJob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HandJob::Export => "EXPORT",
            HandJob::Import => "IMPORT",
        })
    }
}

/// The text is not a job.
#[derive(Debug)]
pub struct UnknownJob;

impl FromStr for HandJob {
    type Err = UnknownJob;
    fn from_str(text: &str) -> Result<Self, UnknownJob> {
        match text {
            "EXPORT" => Ok(HandJob::Export),
            "IMPORT" => Ok(HandJob::Import),
            _ => Err(UnknownJob),
        }
    }
}

/// The hand-written twin of four entries of the generated `BackupError`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandError {
    /// 127, 409.
    #[error(
        "Backup Policy already exists with orgId: {org_id} cloudId: {cloud_id} product: {product}"
    )]
    BackupPolicyAlreadyExists {
        /// The org.
        org_id: String,
        /// The cloud site.
        cloud_id: String,
        /// The product.
        product: String,
    },
    /// 129, 404.
    #[error("Storage Details not found for storageId = {storage_id}")]
    StorageNotFound {
        /// The storage.
        storage_id: String,
    },
    /// 140, 400.
    #[error("Export Already in Progress")]
    ExportAlreadyInProgress,
    /// 110, 404.
    #[error("Brie job={job} with externalId={external_id} is not present")]
    JobNotPresent {
        /// The kind of job.
        job: HandJob,
        /// The job's external ID.
        external_id: String,
    },
}

/// A response the hand-written client did not recognize: what was received, kept for the
/// caller, as the generated `Unrecognized` keeps it.
#[derive(Debug)]
pub struct HandUnrecognized {
    /// The received status.
    pub status: StatusCode,
    /// The received code, when the body was an error body.
    pub code: Option<String>,
    /// The received message, when the body was an error body.
    pub message: Option<String>,
}

/// The wire body, borrowed from the input unless the JSON had escapes.
#[derive(serde::Deserialize)]
struct Body<'a> {
    #[serde(rename = "errorCode", borrow)]
    code: Cow<'a, str>,
    #[serde(rename = "errorMessage", borrow)]
    message: Cow<'a, str>,
}

impl HandError {
    /// The error code sent on the wire.
    pub fn code(&self) -> &'static str {
        match self {
            HandError::BackupPolicyAlreadyExists { .. } => "127",
            HandError::StorageNotFound { .. } => "129",
            HandError::ExportAlreadyInProgress => "140",
            HandError::JobNotPresent { .. } => "110",
        }
    }

    /// The HTTP status sent with this error.
    pub fn status(&self) -> StatusCode {
        match self {
            HandError::BackupPolicyAlreadyExists { .. } => StatusCode::CONFLICT,
            HandError::StorageNotFound { .. } => StatusCode::NOT_FOUND,
            HandError::ExportAlreadyInProgress => StatusCode::BAD_REQUEST,
            HandError::JobNotPresent { .. } => StatusCode::NOT_FOUND,
        }
    }

    /// Turns a received status and body back into the error.
    pub fn from_response(status: StatusCode, body: &[u8]) -> Result<Self, HandUnrecognized> {
        let Ok(Body { code, message }) = serde_json::from_slice::<Body<'_>>(body) else {
            return Err(HandUnrecognized {
                status,
                code: None,
                message: None,
            });
        };
        match Self::parse(&code, &message) {
            Some(error) => Ok(error),
            None => Err(HandUnrecognized {
                status,
                code: Some(code.into_owned()),
                message: Some(message.into_owned()),
            }),
        }
    }

    fn parse(code: &str, message: &str) -> Option<Self> {
        match code {
            "127" => {
                let rest = message.strip_prefix("Backup Policy already exists with orgId: ")?;
                let (org_id, rest) = rest.split_once(" cloudId: ")?;
                let (cloud_id, product) = rest.split_once(" product: ")?;
                Some(HandError::BackupPolicyAlreadyExists {
                    org_id: org_id.to_owned(),
                    cloud_id: cloud_id.to_owned(),
                    product: product.to_owned(),
                })
            }
            "129" => {
                let storage_id =
                    message.strip_prefix("Storage Details not found for storageId = ")?;
                Some(HandError::StorageNotFound {
                    storage_id: storage_id.to_owned(),
                })
            }
            "140" => (message == "Export Already in Progress")
                .then_some(HandError::ExportAlreadyInProgress),
            "110" => {
                let rest = message
                    .strip_prefix("Brie job=")?
                    .strip_suffix(" is not present")?;
                let (job, external_id) = rest.split_once(" with externalId=")?;
                Some(HandError::JobNotPresent {
                    job: job.parse().ok()?,
                    external_id: external_id.to_owned(),
                })
            }
            _ => None,
        }
    }
}

impl serde::Serialize for HandError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Message<'e>(&'e HandError);
        impl serde::Serialize for Message<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self.0)
            }
        }
        let mut body = serializer.serialize_struct("ErrorBody", 2)?;
        body.serialize_field("errorCode", self.code())?;
        body.serialize_field("errorMessage", &Message(self))?;
        body.end()
    }
}

/// The four values, on each side, in the same order.
fn values() -> (Vec<BackupError>, Vec<HandError>) {
    let generated = vec![
        BackupError::BackupPolicyAlreadyExists {
            org_id: "o-1".into(),
            cloud_id: "c-9".into(),
            product: "jira-software".into(),
        },
        BackupError::StorageNotFound {
            storage_id: "s-17".into(),
        },
        BackupError::ExportAlreadyInProgress,
        BackupError::JobNotPresent {
            job: Job::Export,
            external_id: "e-58".into(),
        },
    ];
    let hand = vec![
        HandError::BackupPolicyAlreadyExists {
            org_id: "o-1".into(),
            cloud_id: "c-9".into(),
            product: "jira-software".into(),
        },
        HandError::StorageNotFound {
            storage_id: "s-17".into(),
        },
        HandError::ExportAlreadyInProgress,
        HandError::JobNotPresent {
            job: HandJob::Export,
            external_id: "e-58".into(),
        },
    ];
    (generated, hand)
}

/// Whether a generated and a hand-written value mean the same error.
fn same(generated: &BackupError, hand: &HandError) -> bool {
    let same_job = |g: &Job, h: &HandJob| {
        matches!(
            (g, h),
            (Job::Export, HandJob::Export) | (Job::Import, HandJob::Import)
        )
    };
    match (generated, hand) {
        (
            BackupError::BackupPolicyAlreadyExists {
                org_id,
                cloud_id,
                product,
            },
            HandError::BackupPolicyAlreadyExists {
                org_id: o,
                cloud_id: c,
                product: p,
            },
        ) => org_id == o && cloud_id == c && product == p,
        (
            BackupError::StorageNotFound { storage_id },
            HandError::StorageNotFound { storage_id: s },
        ) => storage_id == s,
        (BackupError::ExportAlreadyInProgress, HandError::ExportAlreadyInProgress) => true,
        (
            BackupError::JobNotPresent { job, external_id },
            HandError::JobNotPresent {
                job: j,
                external_id: e,
            },
        ) => same_job(job, j) && external_id == e,
        _ => false,
    }
}

/// The unknown-code body and its status.
const UNKNOWN: (StatusCode, &[u8]) = (
    StatusCode::SERVICE_UNAVAILABLE,
    br#"{"errorCode":"999","errorMessage":"Something new"}"#,
);

/// Both sides must do the same work for the comparison to mean anything: same messages,
/// byte-identical bodies, and each side parses the other's bodies into the same error.
fn sanity_check(generated: &[BackupError], hand: &[HandError]) {
    for (g, h) in generated.iter().zip(hand) {
        assert!(same(g, h), "{g:?} / {h:?}");
        assert_eq!(g.to_string(), h.to_string());
        assert_eq!(g.code(), h.code());
        assert_eq!(g.status(), h.status());
        let g_body = serde_json::to_vec(g).unwrap();
        let h_body = serde_json::to_vec(h).unwrap();
        assert_eq!(g_body, h_body, "{g:?}");
        let from_hand = BackupError::from_response(h.status(), &h_body).unwrap();
        let from_generated = HandError::from_response(g.status(), &g_body).unwrap();
        assert!(same(&from_hand, h), "{from_hand:?}");
        assert!(same(g, &from_generated), "{from_generated:?}");
    }
    // Escaped JSON and messages that do not fit are handled alike.
    let escaped = br#"{"errorCode":"129","errorMessage":"Storage Details not found for storageId = a\"b\u00e9"}"#;
    let g = BackupError::from_response(StatusCode::NOT_FOUND, escaped).unwrap();
    let h = HandError::from_response(StatusCode::NOT_FOUND, escaped).unwrap();
    assert!(same(&g, &h), "{g:?} / {h:?}");
    let mismatch = br#"{"errorCode":"110","errorMessage":"Brie job=RESTORE with externalId=x is not present"}"#;
    assert!(BackupError::from_response(StatusCode::NOT_FOUND, mismatch).is_err());
    assert!(HandError::from_response(StatusCode::NOT_FOUND, mismatch).is_err());
    let (status, body) = UNKNOWN;
    let g = BackupError::from_response(status, body).unwrap_err();
    let h = HandError::from_response(status, body).unwrap_err();
    assert_eq!(
        (g.code(), g.message()),
        (h.code.as_deref(), h.message.as_deref())
    );
}

fn display(c: &mut Criterion, generated: &[BackupError], hand: &[HandError]) {
    let mut group = c.benchmark_group("display");
    group.bench_function("generated", |b| {
        b.iter(|| {
            for value in black_box(generated) {
                black_box(value.to_string());
            }
        })
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| {
            for value in black_box(hand) {
                black_box(value.to_string());
            }
        })
    });
    group.finish();
}

fn serialize(c: &mut Criterion, generated: &[BackupError], hand: &[HandError]) {
    let mut group = c.benchmark_group("serialize");
    group.bench_function("generated", |b| {
        b.iter(|| {
            for value in black_box(generated) {
                black_box(serde_json::to_vec(value).unwrap());
            }
        })
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| {
            for value in black_box(hand) {
                black_box(serde_json::to_vec(value).unwrap());
            }
        })
    });
    group.finish();
}

fn from_response(c: &mut Criterion, bodies: &[(StatusCode, Vec<u8>)]) {
    let mut group = c.benchmark_group("from_response");
    group.bench_function("generated", |b| {
        b.iter(|| {
            for (status, body) in black_box(bodies) {
                black_box(BackupError::from_response(*status, body).is_ok());
            }
        })
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| {
            for (status, body) in black_box(bodies) {
                black_box(HandError::from_response(*status, body).is_ok());
            }
        })
    });
    group.finish();
}

fn from_response_unknown_code(c: &mut Criterion) {
    let (status, body) = UNKNOWN;
    let mut group = c.benchmark_group("from_response_unknown_code");
    group.bench_function("generated", |b| {
        b.iter(|| {
            black_box(BackupError::from_response(black_box(status), black_box(body)).is_err())
        })
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| black_box(HandError::from_response(black_box(status), black_box(body)).is_err()))
    });
    group.finish();
}

fn main() {
    let (generated, hand) = values();
    sanity_check(&generated, &hand);
    eprintln!(
        "size_of: BackupError (generated, all 17 entries) = {} bytes, HandError (4 entries) = {} bytes, \
         Result<BackupError, Unrecognized> = {} bytes, Result<HandError, HandUnrecognized> = {} bytes",
        size_of::<BackupError>(),
        size_of::<HandError>(),
        size_of::<Result<BackupError, error_catalog::Unrecognized>>(),
        size_of::<Result<HandError, HandUnrecognized>>(),
    );
    // The wire bodies, as a server sends them (both sides send the same bytes).
    let bodies: Vec<(StatusCode, Vec<u8>)> = hand
        .iter()
        .map(|h| (h.status(), serde_json::to_vec(h).unwrap()))
        .collect();

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .configure_from_args();
    display(&mut c, &generated, &hand);
    serialize(&mut c, &generated, &hand);
    from_response(&mut c, &bodies);
    from_response_unknown_code(&mut c);
    c.final_summary();
}
