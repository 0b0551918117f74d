//! The catalogs whose generated enums the `response` and `template` targets exercise: every
//! wire shape of `tests/catalogs/wire/`, the seed catalog, the fields object of
//! `tests/catalogs/structured.toml`, the problem details catalogs, and the other catalogs of
//! the integration tests (code header and delays, overlapping templates, every field type),
//! and overlapping templates with a fields object (`fuzz/targets/catalogs/`).

use error_catalog_codegen::{Checked, Source};

macro_rules! catalogs {
    ($($module:ident :: $name:ident = $path:literal,)*) => {
        $(
            #[allow(missing_docs, clippy::large_enum_variant)]
            pub mod $module {
                #[error_catalog::catalog(path = $path)]
                #[derive(Debug, Clone, PartialEq, Eq)]
                pub enum $name {}
            }
        )*

        /// Each catalog's path (relative to `fuzz/targets`) and text.
        pub const TEXTS: &[(&str, &str)] = &[$(($path, include_str!(concat!("../", $path))),)*];

        /// The `response` target's functions for the generated enum of each catalog of
        /// [`TEXTS`], in the same order.
        pub const ENUMS: &[crate::response::Enum] =
            &[$(crate::response::Enum::of::<$module::$name>(),)*];
    };
}

catalogs! {
    flat::FlatError = "../../tests/catalogs/wire/flat.toml",
    azure::AzureError = "../../tests/catalogs/wire/azure.toml",
    kubernetes::KubeError = "../../tests/catalogs/wire/kubernetes.toml",
    odata::TableError = "../../tests/catalogs/wire/odata.toml",
    google::GoogleError = "../../tests/catalogs/wire/google.toml",
    twilio::TwilioError = "../../tests/catalogs/wire/twilio.toml",
    translator::TranslatorError = "../../tests/catalogs/wire/translator.toml",
    backup::BackupError = "../../catalog/backup-restore.toml",
    structured::StructuredError = "../../tests/catalogs/structured.toml",
    problem::ProblemError = "../../tests/catalogs/problem.toml",
    problem_integer::IntegerError = "../../tests/catalogs/problem-integer.toml",
    http_client::HttpError = "../../tests/catalogs/http-client.toml",
    overlap::OverlapError = "../../tests/catalogs/overlap.toml",
    kitchen_sink::SinkError = "../../tests/catalogs/kitchen-sink.toml",
    client::ClientError = "../../tests/catalogs/client.toml",
    overlap_fields::OverlapFieldsError = "catalogs/overlap-fields.toml",
}

thread_local! {
    /// The catalogs of [`TEXTS`], loaded and checked by the code generator once per thread.
    static CHECKED: &'static [Checked] = Box::leak(
        TEXTS
            .iter()
            .map(|(path, text)| {
                let source = Source::new(*path, *path, *text);
                error_catalog_codegen::load(&source)
                    .unwrap_or_else(|_| panic!("{path} is a valid catalog"))
            })
            .collect(),
    );
}

/// The checked catalogs of [`TEXTS`], in the same order.
pub fn checked() -> &'static [Checked] {
    CHECKED.with(|c| *c)
}
