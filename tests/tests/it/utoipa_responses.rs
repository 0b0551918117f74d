#[test]
fn peek() {
    use utoipa::{IntoResponses, PartialSchema};
    let r = <crate::backup_restore::BackupError as IntoResponses>::responses();
    std::fs::write("/tmp/peek/responses.json", serde_json::to_string_pretty(&r).unwrap()).unwrap();
    let s = <crate::backup_restore::BackupError as PartialSchema>::schema();
    std::fs::write("/tmp/peek/schema.json", serde_json::to_string_pretty(&s).unwrap()).unwrap();
}
