//! A nested wire shape, the Kubernetes API's `Status` object, against what a careful engineer
//! would write by hand with `thiserror` and `serde` derives, for the same three entries,
//! measured in the same run.
//!
//! ```sh
//! cargo bench -p error-catalog-benches --bench shapes
//! ```
//!
//! Groups: `status_serialize` (`serde_json::to_vec` of three values) and
//! `status_from_response` (three bodies parsed back). Each iteration handles every input of
//! its group.

use std::borrow::Cow;
use std::hint::black_box;
use std::time::Duration;

use criterion::Criterion;
use http::StatusCode;

#[error_catalog::catalog(path = "../tests/catalogs/wire/kubernetes.toml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KubeError {}

/// The hand-written twin of three entries of the generated `KubeError`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandKube {
    /// `NotFound`, 404.
    #[error("{resource} \"{name}\" not found")]
    NotFound {
        /// The resource kind.
        resource: String,
        /// The object's name.
        name: String,
    },
    /// `Conflict`, 409.
    #[error("Operation cannot be fulfilled on {resource} \"{name}\": {reason}")]
    Conflict {
        /// The resource kind.
        resource: String,
        /// The object's name.
        name: String,
        /// Why.
        reason: String,
    },
    /// `TooManyRequests`, 429.
    #[error("Too many requests, please try again later.")]
    TooManyRequests,
}

/// The `Status` object as the server writes it, members in the generated order.
#[derive(serde::Serialize)]
struct StatusOut<'a> {
    reason: &'static str,
    message: Message<'a>,
    code: u16,
    kind: &'static str,
    #[serde(rename = "apiVersion")]
    api_version: &'static str,
    status: &'static str,
}

/// The message, rendered by `Display` straight into the serializer.
struct Message<'a>(&'a HandKube);

impl serde::Serialize for Message<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// The `Status` object as a client reads it: the reason and the message, borrowed unless
/// escaped; every other member ignored.
#[derive(serde::Deserialize)]
struct StatusIn<'a> {
    #[serde(borrow)]
    reason: Cow<'a, str>,
    #[serde(borrow)]
    message: Cow<'a, str>,
}

impl HandKube {
    fn reason(&self) -> &'static str {
        match self {
            HandKube::NotFound { .. } => "NotFound",
            HandKube::Conflict { .. } => "Conflict",
            HandKube::TooManyRequests => "TooManyRequests",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            HandKube::NotFound { .. } => StatusCode::NOT_FOUND,
            HandKube::Conflict { .. } => StatusCode::CONFLICT,
            HandKube::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    fn from_response(body: &[u8]) -> Option<Self> {
        let StatusIn { reason, message } = serde_json::from_slice(body).ok()?;
        match &*reason {
            "NotFound" => {
                let rest = message.strip_suffix("\" not found")?;
                let (resource, name) = rest.split_once(" \"")?;
                Some(HandKube::NotFound {
                    resource: resource.to_owned(),
                    name: name.to_owned(),
                })
            }
            "Conflict" => {
                let rest = message.strip_prefix("Operation cannot be fulfilled on ")?;
                let (resource, rest) = rest.split_once(" \"")?;
                let (name, reason) = rest.split_once("\": ")?;
                Some(HandKube::Conflict {
                    resource: resource.to_owned(),
                    name: name.to_owned(),
                    reason: reason.to_owned(),
                })
            }
            "TooManyRequests" => (message == "Too many requests, please try again later.")
                .then_some(HandKube::TooManyRequests),
            _ => None,
        }
    }
}

impl serde::Serialize for HandKube {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        StatusOut {
            reason: self.reason(),
            message: Message(self),
            code: self.status().as_u16(),
            kind: "Status",
            api_version: "v1",
            status: "Failure",
        }
        .serialize(serializer)
    }
}

fn values() -> (Vec<KubeError>, Vec<HandKube>) {
    let generated = vec![
        KubeError::NotFound {
            resource: "pods".into(),
            name: "grafana".into(),
        },
        KubeError::Conflict {
            resource: "deployments".into(),
            name: "web".into(),
            reason: "the object has been modified".into(),
        },
        KubeError::TooManyRequests,
    ];
    let hand = vec![
        HandKube::NotFound {
            resource: "pods".into(),
            name: "grafana".into(),
        },
        HandKube::Conflict {
            resource: "deployments".into(),
            name: "web".into(),
            reason: "the object has been modified".into(),
        },
        HandKube::TooManyRequests,
    ];
    (generated, hand)
}

/// Both sides send the same bytes, and each reads the other's bodies.
fn sanity_check(generated: &[KubeError], hand: &[HandKube]) {
    for (g, h) in generated.iter().zip(hand) {
        let g_body = serde_json::to_vec(g).unwrap();
        let h_body = serde_json::to_vec(h).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&g_body),
            String::from_utf8_lossy(&h_body)
        );
        assert_eq!(
            KubeError::from_response(h.status(), &h_body).as_ref(),
            Ok(g)
        );
        assert_eq!(HandKube::from_response(&g_body).as_ref(), Some(h));
    }
}

fn main() {
    let (generated, hand) = values();
    sanity_check(&generated, &hand);
    let bodies: Vec<(StatusCode, Vec<u8>)> = hand
        .iter()
        .map(|h| (h.status(), serde_json::to_vec(h).unwrap()))
        .collect();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();

    let mut group = c.benchmark_group("status_serialize");
    group.bench_function("generated", |b| {
        b.iter(|| {
            for value in black_box(&generated) {
                black_box(serde_json::to_vec(value).unwrap());
            }
        })
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| {
            for value in black_box(&hand) {
                black_box(serde_json::to_vec(value).unwrap());
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("status_from_response");
    group.bench_function("generated", |b| {
        b.iter(|| {
            for (status, body) in black_box(&bodies) {
                black_box(KubeError::from_response(*status, body).is_ok());
            }
        })
    });
    group.bench_function("hand_written", |b| {
        b.iter(|| {
            for (_, body) in black_box(&bodies) {
                black_box(HandKube::from_response(body).is_some());
            }
        })
    });
    group.finish();
    c.final_summary();
}
