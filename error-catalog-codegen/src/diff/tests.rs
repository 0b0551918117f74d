//! Helpers shared by the tests of every part of the diff, and the tests of the whole.

use super::entries::match_entries;
use super::templates::placeholder_pattern;
use super::*;
use crate::Source;
use crate::model::Part;

/// The header and status table every test catalog starts with.
pub(super) const HEADER: &str = "[catalog]\ntitle = \"Storage API\"\n\n\
                          [status.404]\nmeaning = \"Not there.\"\n\n[status.409]\n\n[status.410]\n\n";

/// A catalog from its full text; panics with the diagnostics when it is not valid.
pub(super) fn load_text(text: &str) -> Catalog {
    let source = Source::new("t.toml", "/t.toml", text);
    match crate::load(&source) {
        Ok(checked) => checked.into_catalog(),
        Err(diagnostics) => panic!("{}", crate::Report::new(source, diagnostics).render()),
    }
}

/// A catalog of [`HEADER`] and `body`.
pub(super) fn catalog(body: &str) -> Catalog {
    load_text(&format!("{HEADER}{body}"))
}

/// An `[errors.Name]` table.
pub(super) fn entry(name: &str, code: &str, status: u16, message: &str, more: &str) -> String {
    format!(
        "[errors.{name}]\ncode = \"{code}\"\nstatus = {status}\nmessage = \"{message}\"\n{more}\n"
    )
}

pub(super) fn storage_not_found(message: &str, more: &str) -> String {
    entry("StorageNotFound", "129", 404, message, more)
}

pub(super) const STORAGE: &str = "Storage Details not found for storageId = {storage_id}";

pub(super) fn rules(findings: &[Finding]) -> Vec<DiffRule> {
    findings.iter().map(|f| f.rule).collect()
}

/// The findings from `old` to `new` (bodies after [`HEADER`]), which must have exactly
/// `expected` rules, in order.
pub(super) fn diff_bodies(old: &str, new: &str, expected: &[DiffRule]) -> Vec<Finding> {
    let findings = diff(&catalog(old), &catalog(new));
    assert_eq!(rules(&findings), expected, "{findings:#?}");
    findings
}

/// The names of the findings' rules, in order.
pub(super) fn rule_names(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule.name()).collect()
}

/// The findings from the full catalog texts `old` to `new`, by rule name, with their code,
/// entry and message.
pub(super) fn diff_texts(old: &str, new: &str) -> Vec<Finding> {
    diff(&load_text(old), &load_text(new))
}

/// Asserts that `finding` is about `code` and `entry`, and its message contains `part`.
#[track_caller]
pub(super) fn assert_finding(
    finding: &Finding,
    code: Option<&str>,
    entry: Option<&str>,
    part: &str,
) {
    assert_eq!(finding.code.as_deref(), code, "{finding:?}");
    assert_eq!(finding.entry.as_deref(), entry, "{finding:?}");
    assert!(
        finding.message.contains(part),
        "`{}` does not contain `{part}`",
        finding.message
    );
}

#[test]
fn rule_names_and_classes() {
    let names: Vec<&str> = DiffRule::ALL.iter().map(|r| r.name()).collect();
    assert_eq!(
        names,
        [
            "code-removed",
            "status-changed",
            "message-changed",
            "field-removed",
            "field-renamed",
            "field-retyped",
            "field-moved",
            "field-added",
            "shared-code-ambiguous",
            "wire-key-changed",
            "wire-changed",
            "retired-code-reused",
            "retired-code-removed",
            "type-removed",
            "retryable-withdrawn",
            "retry-after-changed",
            "problem-type-changed",
            "entry-added",
            "type-added",
            "wire-member-added",
            "retryable-granted",
            "retry-after-added",
            "problem-type-added",
            "doc-changed",
            "help-changed",
            "example-changed",
            "status-meaning-changed",
            "translation-changed",
        ]
    );
    let breaking = DiffRule::ALL
        .iter()
        .filter(|r| r.class() == Class::Breaking)
        .count();
    assert_eq!(breaking, 17);
    assert_eq!(DiffRule::FieldMoved.class(), Class::Breaking);
    assert_eq!(DiffRule::FieldAdded.class(), Class::Breaking);
    assert_eq!(DiffRule::RetiredCodeRemoved.class(), Class::Breaking);
    assert_eq!(DiffRule::TypeRemoved.class(), Class::Breaking);
    assert_eq!(DiffRule::TypeAdded.class(), Class::Compatible);
    assert_eq!(DiffRule::RetryableWithdrawn.class(), Class::Breaking);
    assert_eq!(DiffRule::RetryAfterChanged.class(), Class::Breaking);
    assert_eq!(DiffRule::ProblemTypeChanged.class(), Class::Breaking);
    assert_eq!(DiffRule::RetryableGranted.class(), Class::Compatible);
    assert_eq!(DiffRule::RetryAfterAdded.class(), Class::Compatible);
    assert_eq!(DiffRule::ProblemTypeAdded.class(), Class::Compatible);
    assert_eq!(DiffRule::WireChanged.class(), Class::Breaking);
    assert_eq!(DiffRule::WireMemberAdded.class(), Class::Compatible);
    assert_eq!(DiffRule::RetiredCodeReused.class(), Class::Breaking);
    assert_eq!(DiffRule::EntryAdded.class(), Class::Compatible);
    assert_eq!(DiffRule::StatusMeaningChanged.class(), Class::Compatible);
    assert_eq!(DiffRule::TranslationChanged.class(), Class::Compatible);
    assert_eq!(DiffRule::FieldRenamed.to_string(), "field-renamed");
    assert_eq!(Class::Compatible.to_string(), "compatible");
}

#[test]
fn identical_catalogs_have_no_findings() {
    let body = storage_not_found(STORAGE, "fields.storage_id = { example = \"s-17\" }");
    diff_bodies(&body, &body, &[]);
    diff_bodies("", "", &[]);
    let seed = load_text(include_str!("../../../catalog/backup-restore.toml"));
    assert_eq!(diff(&seed, &seed), []);
    assert_eq!(diff(&seed, &seed.clone()), []);
}

pub(super) const EXPORT: &str = "BackupId not found for exportId = {export_id}";

/// A catalog whose `[catalog] wire` is `wire`, with one entry of code `403001`.
pub(super) fn with_wire(wire: &str) -> Catalog {
    load_text(&format!(
        "[catalog]\ntitle = \"Storage API\"\nwire = {{ {wire} }}\n\n[status.403]\n\n{}",
        entry("Denied", "403001", 403, "Denied", "")
    ))
}

/// The rules and messages from the wire `old` to the wire `new`.
pub(super) fn wire_diff(old: &str, new: &str) -> Vec<(DiffRule, String)> {
    diff(&with_wire(old), &with_wire(new))
        .into_iter()
        .map(|f| {
            assert_eq!((f.code.as_deref(), f.entry.as_deref()), (None, None));
            (f.rule, f.message)
        })
        .collect()
}

pub(super) const NESTED: &str = r#"code = "/error/code", message = "/error/message""#;

#[test]
fn doc_changed() {
    let old = storage_not_found(
        STORAGE,
        "doc = \"No storage has this ID.\"\nfields.storage_id = { doc = \"The ID.\" }",
    );
    let new = storage_not_found(
        STORAGE,
        "doc = \"No storage has that ID.\"\nfields.storage_id = { doc = \"Its ID.\" }",
    );
    let found = diff_bodies(&old, &new, &[DiffRule::DocChanged, DiffRule::DocChanged]);
    assert_finding(
        &found[0],
        Some("129"),
        Some("StorageNotFound"),
        "the doc of field `storage_id` changed",
    );
    assert_finding(
        &found[1],
        Some("129"),
        Some("StorageNotFound"),
        "the doc changed",
    );
    // The catalog's own docs, and a catalog enum's.
    let old = load_text("[catalog]\ntitle = \"A\"\n\n[types.Job]\nvalues = [\"X\"]\n");
    let new = load_text(
        "[catalog]\ntitle = \"B\"\ndoc = \"d\"\ndocs_url = \"https://x.dev/errors\"\n\n\
             [types.Job]\nvalues = [\"X\"]\ndoc = \"A job.\"\n",
    );
    let mut found = diff(&old, &new);
    // Without `problem_base`, the docs_url gives the entries a problem type.
    let problem = found.remove(0);
    assert_eq!(problem.rule, DiffRule::ProblemTypeAdded);
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the catalog's title changed from `A` to `B`",
            "the catalog's doc changed",
            "the catalog's docs_url changed from none to `https://x.dev/errors`",
            "the doc of catalog enum `Job` changed",
        ]
    );
    assert!(
        found
            .iter()
            .all(|f| f.rule == DiffRule::DocChanged && f.code.is_none())
    );
}

#[test]
fn findings_display_on_one_line() {
    let old = catalog(&storage_not_found(STORAGE, ""));
    let new = load_text(&format!(
        "[catalog]\ntitle = \"Storage API\"\n\n\
             [status.404]\nmeaning = \"\"\"Not\nthere.\"\"\"\n\n[status.409]\n\n[status.410]\n\n{}",
        storage_not_found("Storage\\nnot found: {storage_id}", "")
    ));
    let found = diff(&old, &new);
    assert_eq!(
        rules(&found),
        [DiffRule::MessageChanged, DiffRule::StatusMeaningChanged]
    );
    assert!(
        found[0].message.contains("`Storage\\nnot found: x`"),
        "{found:?}"
    );
    assert!(found[1].message.contains("to `Not\\nthere.`"), "{found:?}");
    for finding in &found {
        assert!(!finding.to_string().contains('\n'), "{finding}");
    }
}

pub(super) const JOB_ENTRIES: &str = "[errors.JobNotPresent]\ncode = \"110\"\nstatus = 404\n\
         message = \"Brie job={job} with externalId={external_id} is not present\"\n\
         fields.job = \"Job\"\n\n\
         [errors.StorageNotFound]\ncode = \"129\"\nstatus = 404\n\
         message = \"Storage Details not found for storageId = {storage_id}\"\n";

#[test]
fn a_realistic_change_reports_breaking_findings_first_in_catalog_order() {
    let seed = include_str!("../../../catalog/backup-restore.toml");
    let edits = [
        // Compatible: a status meaning, a doc, an added entry.
        (
            "meaning = \"Everything was fine and worked.\"",
            "meaning = \"All went well.\"",
        ),
        (
            "doc = \"The backup ID does not exist, or it identifies an operation that is not a backup.\"",
            "doc = \"No such backup.\"",
        ),
        // Breaking: a status, a message, an enum value, a removed code.
        (
            "code = \"128\"\nstatus = 409",
            "code = \"128\"\nstatus = 422",
        ),
        (
            "message = \"Storage Details not found for storageId = {storage_id}\"",
            "message = \"Storage not found for storageId = {storage_id}\"",
        ),
        (
            "values = [\"EXPORT\", \"IMPORT\"]",
            "values = [\"EXPORT\", \"IMPORT\", \"RESTORE\"]",
        ),
    ];
    let mut text = seed.to_owned();
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    let removed = text
        .find("[errors.MigrationReportNotAvailable]")
        .expect("the seed has code 143");
    text.truncate(removed);
    text += "[errors.StorageQuotaExceeded]\ncode = \"145\"\nstatus = 422\nmessage = \"Storage quota exceeded\"\n";
    let old = load_text(seed);
    let new = load_text(&text);
    let found = diff(&old, &new);
    let summary: Vec<(DiffRule, Option<&str>)> =
        found.iter().map(|f| (f.rule, f.entry.as_deref())).collect();
    assert_eq!(
        summary,
        [
            (DiffRule::StatusChanged, Some("ConflictingStorageName")),
            (DiffRule::MessageChanged, Some("StorageNotFound")),
            (DiffRule::MessageChanged, Some("JobNotPresent")),
            (DiffRule::MessageChanged, Some("InvalidCloudIdForJob")),
            (DiffRule::CodeRemoved, Some("MigrationReportNotAvailable")),
            (DiffRule::StatusMeaningChanged, None),
            (DiffRule::DocChanged, Some("InvalidBackupId")),
            (DiffRule::EntryAdded, Some("StorageQuotaExceeded")),
        ],
        "{found:#?}"
    );
    assert!(
        found[2]
            .message
            .contains("`Brie job=RESTORE with externalId=x is not present`")
    );
    assert!(found[3].message.contains("job=RESTORE"));
    let lines: Vec<String> = found.iter().map(Finding::to_string).collect();
    assert!(
        lines[..5].iter().all(|l| l.starts_with("breaking: ")),
        "{lines:#?}"
    );
    assert!(
        lines[5..].iter().all(|l| l.starts_with("compatible: ")),
        "{lines:#?}"
    );
}

/// Catalogs that no check would pass: out-of-range indices, empty enums, templates that
/// did not parse. `diff` reads them with `get` and reports what it can.
#[test]
fn broken_catalogs_do_not_panic() {
    let base = catalog(
        &(format!("[types.Job]\nvalues = [\"EXPORT\"]\n\n{JOB_ENTRIES}")
            + &entry("Twice", "150", 409, "{a} is not {a}", "")
            + &entry("Brie", "160", 410, "Brie {x}", "")),
    );
    let mut broken = base.clone();
    broken.types.clear();
    for entry in &mut broken.entries {
        entry.parts.push(Part::Placeholder {
            field: 99,
            span: 0..0,
        });
        entry.fields.truncate(1);
    }
    let mut empty_enum = base.clone();
    if let Some(job) = empty_enum.types.get_mut(0) {
        job.values.clear();
    }
    let mut unparsed = base.clone();
    for entry in &mut unparsed.entries {
        entry.parts.clear();
        entry.fields.clear();
    }
    let all = [&base, &broken, &empty_enum, &unparsed];
    for old in all {
        for new in all {
            let found = diff(old, new);
            if std::ptr::eq(old, new) {
                assert_eq!(found, [], "{found:#?}");
            }
        }
    }
    // An enum without values gives no message: nothing new for old clients, and
    // everything new from there.
    assert_eq!(diff(&base, &empty_enum), []);
    let found = diff(&empty_enum, &base);
    assert_eq!(rules(&found), [DiffRule::MessageChanged]);
    assert!(
        found[0]
            .message
            .contains("`Brie job=EXPORT with externalId=x is not present`")
    );
    // A template that did not parse matches only the empty message.
    let found = diff(&base, &unparsed);
    assert!(
        found
            .iter()
            .any(|f| f.rule == DiffRule::MessageChanged && f.message.contains("message ``")),
        "{found:#?}"
    );
}

/// Every rule has a case above that produces it.
#[test]
fn every_rule_is_produced() {
    let status_rows = load_text("[catalog]\ntitle = \"T\"\n\n[status.404]\n");
    let cases: Vec<(Catalog, Catalog)> = vec![
        (catalog(&storage_not_found(STORAGE, "")), catalog("")),
        (
            catalog(&(storage_not_found(STORAGE, "") + "[retired]\n\"101\" = \"\"\n")),
            catalog(
                &(storage_not_found(
                    "Storage not found: {id}",
                    "shared_code = true\nfields.id = \"u8\"\nhelp = \"h\"\ndoc = \"d\"",
                ) + &entry("Quota", "101", 409, "Quota", "")
                    + &entry(
                        "Other",
                        "129",
                        410,
                        "Storage Details not found for {what}",
                        "shared_code = true",
                    )),
            ),
        ),
        (
            catalog(&entry(
                "A",
                "1",
                404,
                "a {x} {y}",
                "fields.x = { example = \"e\" }",
            )),
            catalog(&entry(
                "A",
                "1",
                410,
                "a {x} {z}",
                "fields.x = { type = \"u8\", example = \"7\" }",
            )),
        ),
        (catalog(""), status_rows),
        (
            catalog(&entry("Copy", "140", 409, "Copy {from} to {to}", "")),
            catalog(&entry("Copy", "140", 409, "Copy {to} to {from}", "")),
        ),
        (
            catalog(&format!(
                "[types.Job]\nvalues = [\"EXPORT\"]\n\n{}[retired]\n\"9\" = \"\"\n",
                entry("Limit", "7", 409, "Limit", "")
            )),
            catalog(&format!(
                "[types.Tier]\nvalues = [\"FREE\"]\n\n{}",
                entry("Limit", "7", 409, "Limit {n}", "fields.n = \"u8\"")
            )),
        ),
        (
            load_text("[catalog]\ntitle = \"T\"\n"),
            load_text("[catalog]\ntitle = \"T\"\nwire = { code = \"c\", message = \"m\" }\n"),
        ),
        (
            load_text("[catalog]\ntitle = \"T\"\n"),
            load_text(
                "[catalog]\ntitle = \"T\"\nwire = { code = \"code\", message = \"message\", header = \"x-error-code\" }\n",
            ),
        ),
        (
            load_text(
                "[catalog]\ntitle = \"T\"\nwire = { code = \"code\", message = \"message\", header = \"x-error-code\" }\n",
            ),
            load_text("[catalog]\ntitle = \"T\"\n"),
        ),
        (
            with_header("", &busy(503, "retry_after = \"seconds\"")),
            with_header(
                "problem_base = \"https://x.dev/problems/\"",
                &busy(503, "retryable = false"),
            ),
        ),
        (
            with_header(
                "problem_base = \"https://x.dev/problems/\"",
                &busy(503, "retryable = false"),
            ),
            with_header(
                "problem_base = \"https://x.dev/errors/\"",
                &busy(503, "retry_after = \"seconds\""),
            ),
        ),
        (
            // A translation removed: German requests get the English message.
            with_header(
                "default_locale = \"en\"\nlocales = [\"en\", \"de\"]",
                &storage_not_found(STORAGE, "messages.de = \"Speicher {storage_id} fehlt\""),
            ),
            with_header(
                "default_locale = \"en\"\nlocales = [\"en\", \"de\"]",
                &storage_not_found(STORAGE, ""),
            ),
        ),
    ];
    let seen: Vec<DiffRule> = cases
        .iter()
        .flat_map(|(old, new)| diff(old, new))
        .map(|f| f.rule)
        .collect();
    for rule in DiffRule::ALL {
        assert!(seen.contains(rule), "{rule} is never produced");
    }
}

/// A small random catalog, as data that renders to TOML, for the randomized test.
#[derive(Clone, Debug)]
struct Spec {
    jobs: Vec<&'static str>,
    /// Whether the catalog declares a second enum, `Tier`, that no field uses.
    tier: bool,
    entries: Vec<EntrySpec>,
    /// Codes in `[retired]`.
    retired: Vec<&'static str>,
}

#[derive(Clone, Debug)]
struct EntrySpec {
    name: &'static str,
    code: &'static str,
    status: u16,
    /// Literal text, or a placeholder's name and type.
    pieces: Vec<(&'static str, Option<&'static str>)>,
}

const NAMES: &[&str] = &["Alpha", "Beta", "Gamma", "Delta"];
const CODES: &[&str] = &["1", "2"];
const STATUSES: &[u16] = &[404, 409, 410];
const LITERALS: &[&str] = &["id ", " = ", "not found", ": ", "x", "7"];
const FIELDS: &[&str] = &["a", "b", "c"];
const TYPES: &[&str] = &["String", "u8", "u16", "i8", "bool", "Job"];
const JOBS: &[&str] = &["EXPORT", "IMPORT", "RESTORE"];
const RETIRED: &[&str] = &["3", "4"];

/// xorshift64*, so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

impl Spec {
    fn random(rng: &mut Rng) -> Spec {
        let entries = (0..1 + rng.below(3))
            .map(|i| EntrySpec {
                name: NAMES[i],
                code: rng.pick(CODES),
                status: rng.pick(STATUSES),
                pieces: random_pieces(rng),
            })
            .collect();
        let jobs = JOBS[..1 + rng.below(2)].to_vec();
        Spec {
            jobs,
            tier: rng.below(2) == 0,
            entries,
            retired: RETIRED[..rng.below(3)].to_vec(),
        }
    }

    /// One random change.
    fn mutate(&self, rng: &mut Rng) -> Spec {
        let mut out = self.clone();
        let at = rng.below(out.entries.len());
        let count = out.entries.len();
        let entry = &mut out.entries[at];
        match rng.below(13) {
            0 => entry.status = rng.pick(STATUSES),
            1 => entry.code = rng.pick(CODES),
            2 => entry.name = NAMES[3],
            3 => entry.pieces = random_pieces(rng),
            4 => out.jobs = JOBS[..1 + rng.below(3)].to_vec(),
            5 if count > 1 => {
                out.entries.remove(at);
            }
            6 if count < 4 => out.entries.push(EntrySpec {
                name: NAMES[3],
                code: rng.pick(CODES),
                status: rng.pick(STATUSES),
                pieces: random_pieces(rng),
            }),
            7 => out.tier = !out.tier,
            8 => out.retired = RETIRED[rng.below(2)..1 + rng.below(2)].to_vec(),
            // Two pieces swap places (two fields, often).
            9 if entry.pieces.len() > 1 => {
                let (i, j) = (rng.below(entry.pieces.len()), rng.below(entry.pieces.len()));
                entry.pieces.swap(i, j);
            }
            10 if entry.pieces.len() < 5 => {
                let piece = random_piece(rng);
                let at = rng.below(entry.pieces.len() + 1);
                entry.pieces.insert(at, piece);
            }
            _ => {
                let piece = rng.below(entry.pieces.len());
                entry.pieces[piece] = random_piece(rng);
            }
        }
        out
    }

    /// The catalog's full text, its status rows, enums, entries and retired codes in the
    /// order `order` shuffles them to, or in the spec's order.
    fn text(&self, mut order: Option<&mut Rng>) -> String {
        let mut shuffle = |items: &mut Vec<String>| {
            if let Some(rng) = order.as_deref_mut() {
                rng.shuffle(items);
            }
        };
        let mut statuses: Vec<String> = [
            "[status.404]\nmeaning = \"Not there.\"\n\n",
            "[status.409]\n\n",
            "[status.410]\n\n",
        ]
        .map(str::to_owned)
        .to_vec();
        shuffle(&mut statuses);
        let jobs: Vec<String> = self.jobs.iter().map(|j| format!("\"{j}\"")).collect();
        let mut types = vec![format!("[types.Job]\nvalues = [{}]\n\n", jobs.join(", "))];
        if self.tier {
            types.push("[types.Tier]\nvalues = [\"FREE\"]\n\n".to_owned());
        }
        shuffle(&mut types);
        let mut entries = Vec::new();
        for entry in &self.entries {
            let shared = self.entries.iter().filter(|e| e.code == entry.code).count() > 1;
            let mut message = String::new();
            let mut fields = String::new();
            for (text, ty) in &entry.pieces {
                match ty {
                    None => message += text,
                    Some(ty) => {
                        message += &format!("{{{text}}}");
                        fields += &format!("fields.{text} = \"{ty}\"\n");
                    }
                }
            }
            entries.push(format!(
                "[errors.{}]\ncode = \"{}\"\nstatus = {}\nmessage = \"{message}\"\n{}{fields}\n",
                entry.name,
                entry.code,
                entry.status,
                if shared { "shared_code = true\n" } else { "" },
            ));
        }
        shuffle(&mut entries);
        let mut retired: Vec<String> = self
            .retired
            .iter()
            .map(|code| format!("\"{code}\" = \"gone\"\n"))
            .collect();
        shuffle(&mut retired);
        let retired = if retired.is_empty() {
            String::new()
        } else {
            format!("[retired]\n{}", retired.concat())
        };
        format!(
            "[catalog]\ntitle = \"Storage API\"\n\n{}{}{}{retired}",
            statuses.concat(),
            types.concat(),
            entries.concat()
        )
    }

    /// The catalog, when it is valid.
    fn load(&self, order: Option<&mut Rng>) -> Option<Catalog> {
        let source = Source::new("t.toml", "/t.toml", self.text(order));
        crate::load(&source).ok().map(crate::Checked::into_catalog)
    }
}

fn random_piece(rng: &mut Rng) -> (&'static str, Option<&'static str>) {
    if rng.below(2) == 0 {
        (rng.pick(LITERALS), None)
    } else {
        (rng.pick(FIELDS), Some(rng.pick(TYPES)))
    }
}

/// Pieces of a template; a field used twice has the same type both times, or the catalog
/// declares it twice (and is skipped).
fn random_pieces(rng: &mut Rng) -> Vec<(&'static str, Option<&'static str>)> {
    (0..1 + rng.below(4)).map(|_| random_piece(rng)).collect()
}

/// The text between the first `` ` `` after `after` and the next one.
fn quoted<'m>(message: &'m str, after: &str) -> &'m str {
    let start = message.find(after).map_or(0, |at| at + after.len());
    let rest = &message[start..];
    rest.split('`').next().unwrap_or("")
}

/// Random pairs of valid catalogs: `diff` never panics, a catalog has no change from
/// itself, breaking findings come first, and every witness is what the rule says: a
/// `message-changed` message is given by the new entry and rejected by its old one, and
/// a `shared-code-ambiguous` message is read by the old client as the entry named.
#[test]
fn random_catalog_pairs() {
    let mut rng = Rng(0xC0DE_D1FF);
    let (mut pairs, mut messages, mut ambiguous, mut moved) = (0, 0, 0, 0);
    for _ in 0..6_000 {
        let first = Spec::random(&mut rng);
        let second = first.mutate(&mut rng);
        let (Some(old), Some(new)) = (first.load(None), second.load(None)) else {
            continue;
        };
        pairs += 1;
        assert_eq!(diff(&old, &old), [], "{}", first.text(None));
        let found = diff(&old, &new);
        let classes: Vec<Class> = found.iter().map(|f| f.rule.class()).collect();
        assert!(
            classes.is_sorted_by_key(|c| *c == Class::Compatible),
            "{found:#?}"
        );
        let (old_classes, new_classes) = (Classes::new(&old), Classes::new(&new));
        let (old_side, new_side) = (Side::new(&old, &old_classes), Side::new(&new, &new_classes));
        let matched = match_entries(&old_side, &new_side);
        for finding in &found {
            let Some(n) = new
                .entries
                .iter()
                .position(|e| Some(&e.name.value) == finding.entry.as_ref())
            else {
                continue;
            };
            let context = || format!("{finding:?}\n{}\n{}", first.text(None), second.text(None));
            match finding.rule {
                DiffRule::MessageChanged => {
                    messages += 1;
                    let witness = quoted(&finding.message, "recognize the message `");
                    let o = matched[n].expect("a changed message has an old entry");
                    assert!(new_side.gives(n, witness), "{}", context());
                    assert!(!old_side.accepts(o, witness), "{}", context());
                }
                DiffRule::SharedCodeAmbiguous => {
                    ambiguous += 1;
                    let witness = quoted(&finding.message, "read its message `");
                    let read_as = quoted(&finding.message, "` as `");
                    let entry = &new.entries[n];
                    let (code, status) = (&entry.code.value, entry.status.value);
                    assert!(new_side.gives(n, witness), "{}", context());
                    let names = |reads: Vec<usize>| -> Vec<&str> {
                        reads
                            .into_iter()
                            .filter_map(|o| old.entries.get(o))
                            .map(|e| e.name.value.as_str())
                            .collect()
                    };
                    if finding.message.contains("old clients that read its fields") {
                        // Some values of the entry render to the message, and old clients
                        // that have them read it as the entry named.
                        let read = new_side.value_sets(n).into_iter().any(|values| {
                            let fields: Vec<(&str, &str)> = entry
                                .fields
                                .iter()
                                .zip(&values)
                                .map(|(f, v)| (f.name.value.as_str(), v.as_str()))
                                .collect();
                            new_side.render(n, &values) == witness
                                && names(
                                    old_side.reads_with_fields_as(code, status, witness, &fields),
                                )
                                .contains(&read_as)
                        });
                        assert!(read, "{}", context());
                    } else {
                        let reads = old_side.reads_as(code, status, witness);
                        assert!(names(reads).contains(&read_as), "{}", context());
                    }
                }
                DiffRule::FieldMoved => {
                    moved += 1;
                    let witness = quoted(&finding.message, "in the message `");
                    let field = quoted(&finding.message, "read field `");
                    let read_as = quoted(&finding.message, "` as `");
                    let o = matched[n].expect("a moved field has an old entry");
                    assert!(new_side.gives(n, witness), "{}", context());
                    let at = old.entries[o]
                        .fields
                        .iter()
                        .position(|f| f.name.value == field);
                    let read = old_side.read(o, witness);
                    assert_eq!(
                        read.zip(at).and_then(|(read, at)| read.get(at).copied()),
                        Some(read_as),
                        "{}",
                        context()
                    );
                }
                _ => {}
            }
        }
        // No change missed: an entry with no breaking finding is read by old clients, with
        // the fields or without, as its old entry with the values sent (where they read the
        // old server's message with the same values back).
        for (n, entry) in new.entries.iter().enumerate() {
            let (Some(o), false) = (
                matched[n],
                found.iter().any(|f| {
                    f.rule.class() == Class::Breaking
                        && (f.entry.is_none() || f.entry.as_ref() == Some(&entry.name.value))
                }),
            ) else {
                continue;
            };
            let was = &old.entries[o];
            let (code, status) = (&entry.code.value, entry.status.value);
            for values in new_side.value_sets(n) {
                let message = new_side.render(n, &values);
                let fields: Vec<(&str, &str)> = entry
                    .fields
                    .iter()
                    .zip(&values)
                    .map(|(f, v)| (f.name.value.as_str(), v.as_str()))
                    .collect();
                let context = || {
                    format!(
                        "{message:?} {found:#?}\n{}\n{}",
                        first.text(None),
                        second.text(None)
                    )
                };
                // No field added, renamed or removed: the same names, maybe in another order.
                let old_values: Vec<String> = was
                    .fields
                    .iter()
                    .map(|f| {
                        fields
                            .iter()
                            .find(|(name, _)| *name == f.name.value)
                            .map(|(_, v)| (*v).to_owned())
                            .expect("no field was added or removed")
                    })
                    .collect();
                let old_message = old_side.render(o, &old_values);
                let before = old_side.read(o, &old_message);
                if before.as_deref()
                    != Some(&old_values.iter().map(String::as_str).collect::<Vec<_>>()[..])
                {
                    continue;
                }
                assert_eq!(
                    old_side.reads_as(code, status, &message),
                    [o],
                    "{}",
                    context()
                );
                assert_eq!(
                    old_side.reads_with_fields_as(code, status, &message, &fields),
                    [o],
                    "{}",
                    context()
                );
                let read = old_side.read(o, &message).expect("read");
                assert_eq!(read, old_values, "{}", context());
            }
        }
        // No change missed: renderings of an entry whose message did not change are
        // recognized by its old entry, and those of an entry added or changed under a
        // code old entries have are read as no other old entry, unless reported.
        for (n, entry) in new.entries.iter().enumerate() {
            let reported = |rule: DiffRule| {
                found
                    .iter()
                    .any(|f| f.rule == rule && f.entry.as_ref() == Some(&entry.name.value))
            };
            let own = matched[n];
            let renderings = new_side.renderings(n);
            if let Some(o) = own
                && !reported(DiffRule::MessageChanged)
            {
                for message in &renderings {
                    assert!(
                        old_side.accepts(o, message),
                        "{message:?} {found:#?}\n{}\n{}",
                        first.text(None),
                        second.text(None)
                    );
                }
            }
            let unchanged = own.and_then(|o| old.entries.get(o)).is_some_and(|was| {
                let o = own.unwrap_or_default();
                old_side.segments(o) == new_side.segments(n)
                    && placeholder_pattern(was) == placeholder_pattern(entry)
                    && was.status.value == entry.status.value
            });
            if !unchanged && !reported(DiffRule::SharedCodeAmbiguous) {
                for message in &renderings {
                    let reads = old_side.reads_as(&entry.code.value, entry.status.value, message);
                    assert!(
                        reads.iter().all(|&read| Some(read) == own),
                        "{message:?} {found:#?}\n{}\n{}",
                        first.text(None),
                        second.text(None)
                    );
                }
            }
        }
    }
    assert!(pairs > 1_000, "only {pairs} valid pairs");
    assert!(
        messages > 200 && ambiguous > 20 && moved > 10,
        "{messages} message changes, {ambiguous} ambiguous, {moved} moved"
    );
}

/// What identifies a finding, for comparing findings as sets.
type Key = (DiffRule, Option<String>, Option<String>, String);

/// The findings as a sorted list of what identifies them.
fn finding_set(findings: Vec<Finding>) -> Vec<Key> {
    let mut keys: Vec<Key> = findings
        .into_iter()
        .map(|f| (f.rule, f.code, f.entry, f.message))
        .collect();
    keys.sort_by(|a, b| (a.0.name(), &a.1, &a.2, &a.3).cmp(&(b.0.name(), &b.1, &b.2, &b.3)));
    keys
}

/// Random pairs of valid catalogs: the findings do not depend on the order of the status
/// rows, catalog enums, entries and retired codes of either catalog.
#[test]
fn findings_do_not_depend_on_order() {
    let mut rng = Rng(0x0DE7_0DE7);
    let mut pairs = 0;
    for _ in 0..2_000 {
        let first = Spec::random(&mut rng);
        let second = first.mutate(&mut rng);
        let (Some(old), Some(new)) = (first.load(None), second.load(None)) else {
            continue;
        };
        pairs += 1;
        let expected = finding_set(diff(&old, &new));
        for _ in 0..2 {
            let mut order = Rng(rng.below(usize::MAX) as u64 | 1);
            let old_text = first.text(Some(&mut order));
            let new_text = second.text(Some(&mut order));
            let (old, new) = (load_text(&old_text), load_text(&new_text));
            assert_eq!(
                finding_set(diff(&old, &new)),
                expected,
                "\n{}\n---\n{}\n--- shuffled:\n{old_text}\n---\n{new_text}",
                first.text(None),
                second.text(None)
            );
        }
    }
    assert!(pairs > 500, "only {pairs} valid pairs");
}

/// A catalog with `header` added to `[catalog]` and `entries` after [`HEADER`]'s statuses
/// and a 503 row.
pub(super) fn with_header(header: &str, entries: &str) -> Catalog {
    load_text(&format!(
        "[catalog]\ntitle = \"Storage API\"\n{header}\n\n\
             [status.404]\n\n[status.409]\n\n[status.503]\n\n{entries}"
    ))
}

pub(super) const BUSY: &str = "Busy; retry in {seconds} seconds, after {attempts} attempts";

pub(super) fn busy(status: u16, more: &str) -> String {
    entry(
        "Busy",
        "BUSY",
        status,
        BUSY,
        &format!("fields.seconds = \"u32\"\nfields.attempts = \"i64\"\n{more}"),
    )
}

/// Each finding points at the key of what it is about, in the version that has it: an entry,
/// status row, catalog enum or retired code of the new catalog, or of the old one for what
/// only the old one has; a change of `[catalog]` points at nothing.
#[test]
fn findings_point_at_their_key_in_the_version_that_has_it() {
    let old = format!(
        "[catalog]\ntitle = \"Storage API\"\n\n[status.404]\n\n[status.409]\n\n\
         [types.Job]\nvalues = [\"EXPORT\"]\n\n{}{}[retired]\n\"101\" = \"gone\"\n",
        storage_not_found(STORAGE, ""),
        entry("Gone", "143", 404, "Gone {id}", ""),
    );
    let new = format!(
        "[catalog]\ntitle = \"Storage API v2\"\n\n[status.404]\n\n[status.410]\n\n\
         [types.Tier]\nvalues = [\"GOLD\"]\n\n{}{}",
        storage_not_found(STORAGE, "help = \"Create it.\""),
        entry("QuotaExceeded", "150", 410, "Quota {id}", ""),
    );
    let at = |text: &str, finding: &Finding| {
        finding
            .span
            .clone()
            .map(|span| text[span].to_owned())
            .unwrap_or_default()
    };
    let findings = diff_texts(&old, &new);
    let mut seen: Vec<(&str, Version, String)> = findings
        .iter()
        .map(|f| {
            let text = match f.version {
                Version::Old => &old,
                Version::New => &new,
            };
            (f.rule.name(), f.version, at(text, f))
        })
        .collect();
    seen.sort();
    let mut expected = vec![
        ("code-removed", Version::Old, "Gone".to_owned()),
        ("doc-changed", Version::New, String::new()),
        ("entry-added", Version::New, "QuotaExceeded".to_owned()),
        ("help-changed", Version::New, "StorageNotFound".to_owned()),
        ("retired-code-removed", Version::Old, "\"101\"".to_owned()),
        ("status-meaning-changed", Version::New, "410".to_owned()),
        ("status-meaning-changed", Version::Old, "409".to_owned()),
        ("type-added", Version::New, "Tier".to_owned()),
        ("type-removed", Version::Old, "Job".to_owned()),
    ];
    expected.sort();
    assert_eq!(seen, expected, "{findings:#?}");
}
