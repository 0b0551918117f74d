// Responses and what the Rust client (`CatalogError::from_http`, feature problem-details) reads
// them as, for the fixture catalogs: the tricky paths of the client's algorithm, each with the
// answer of the Rust side. `parse.test.mjs` checks that the TypeScript runtime gives the same.
//
// A case: { catalog, status, headers?, body (text or bytes), expect, why }, where `expect` is
// { name, fields } (each field as text) or { unrecognized: { kind, reason, code, message } }.

import { bytes } from "./harness.mjs";

/** A body of the shop catalog's shape: `{"error":{...},"kind":"Error"}`. */
function shop(members) {
  return `{"error":{${members}},"kind":"Error"}`;
}
const msg = (code, message) => shop(`"code":${JSON.stringify(code)},"message":${JSON.stringify(message)}`);
const value = (name, fields) => ({ name, fields });
const unrecognized = (kind, reason, code, message) => ({ unrecognized: { kind, reason, code, message } });
const mismatch = (code, message) => unrecognized("MessageMismatch", null, code, message);
const notJson = (code = null, message = null) => unrecognized("NotAnErrorBody", "NotJson", code, message);

const NOT_ELIGIBLE = "Storage region = us-1 is not eligible for the org:42";
const deep = (n) => "[".repeat(n) + "]".repeat(n);
const said = "said ".repeat(20000).trim();

export const cases = [
  // The body's shape, and the message split along the template.
  { catalog: "shop", status: 404, body: msg("127", NOT_ELIGIBLE), expect: value("StorageNotFound", { region: "us-1", org_id: "42" }), why: "a message read by its template" },
  { catalog: "shop", status: 404, body: msg("127", "Die Organisation 42 darf die Speicherregion eu nicht nutzen"), expect: value("StorageNotFound", { region: "eu", org_id: "42" }), why: "a translation that reorders the placeholders" },
  { catalog: "shop", status: 404, body: msg("127", "Storage region = a is not eligible for the org:b is not eligible for the org:7"), expect: value("StorageNotFound", { region: "a is not eligible for the org:b", org_id: "7" }), why: "the reading where the integer parses" },
  { catalog: "shop", status: 404, body: msg("127", "Storage region = us is not eligible for the org:18446744073709551615"), expect: value("StorageNotFound", { region: "us", org_id: "18446744073709551615" }), why: "u64::MAX, a bigint" },
  { catalog: "shop", status: 404, body: msg("127", "Storage region = us is not eligible for the org:18446744073709551616"), expect: mismatch("127", "Storage region = us is not eligible for the org:18446744073709551616"), why: "beyond u64" },
  { catalog: "shop", status: 404, body: msg("127", "Storage region = us is not eligible for the org:042"), expect: mismatch("127", "Storage region = us is not eligible for the org:042"), why: "a leading zero is no integer a server writes" },
  { catalog: "shop", status: 413, body: msg("SIZE", "payload of 12MB exceeds 10MB"), expect: value("TooLarge", { size: "12", unit: "MB", limit: "10" }), why: "an integer and an enum side by side" },
  { catalog: "shop", status: 413, body: msg("SIZE", "payload of 0KB exceeds -32768KB"), expect: value("TooLarge", { size: "0", unit: "KB", limit: "-32768" }), why: "i16::MIN" },
  { catalog: "shop", status: 413, body: msg("SIZE", "payload of 12MB exceeds 10KB"), expect: mismatch("SIZE", "payload of 12MB exceeds 10KB"), why: "a repeated field with two texts" },
  { catalog: "shop", status: 413, body: msg("SIZE", "payload of 12MB exceeds -0MB"), expect: mismatch("SIZE", "payload of 12MB exceeds -0MB"), why: "-0 is no integer a server writes" },
  { catalog: "shop", status: 400, body: msg("WIDE", "values -170141183460469231731687303715884105728 340282366920938463463374607431768211455 -9223372036854775808 -128 18446744073709551615"), expect: value("Wide", { a: "-170141183460469231731687303715884105728", b: "340282366920938463463374607431768211455", c: "-9223372036854775808", d: "-128", e: "18446744073709551615" }), why: "the limits of i128, u128, isize, i8 and usize" },
  { catalog: "shop", status: 400, body: msg("WIDE", "values 1 2 9223372036854775808 0 0"), expect: mismatch("WIDE", "values 1 2 9223372036854775808 0 0"), why: "isize is 64 bits" },

  // Repeated fields.
  { catalog: "shop", status: 409, body: msg("ECHO", " said said  said"), expect: value("Echo", { word: " said" }), why: "the repeats hold the same text" },
  { catalog: "shop", status: 409, body: msg("ECHO", "ja sagte ja"), expect: value("Echo", { word: "ja" }), why: "a repeated field in a translation" },
  { catalog: "shop", status: 409, body: msg("ECHO", "a said b"), expect: mismatch("ECHO", "a said b"), why: "repeats that differ" },
  { catalog: "shop", status: 409, body: msg("ECHO", `${said} said ${said}`), expect: value("Echo", { word: said }), why: "a long hostile message, read within the search's bound" },
  { catalog: "shop", status: 409, body: msg("ECHO", `${said} said ${said}d`), expect: mismatch("ECHO", `${said} said ${said}d`), why: "a long hostile message without a reading" },

  // Shared codes: the received status first, the default message then the translations.
  { catalog: "shop", status: 410, body: msg("JOB", "Job 7 is missing"), expect: value("JobGone", { id: "7" }), why: "the entry of the received status" },
  { catalog: "shop", status: 404, body: msg("JOB", "Job 7 is missing"), expect: value("JobGone", { id: "7" }), why: "the other status when the first does not read it" },
  { catalog: "shop", status: 410, body: msg("JOB", "Job EXPORT 7 is missing"), expect: value("JobMissing", { job: "EXPORT", id: "7" }), why: "an enum value is no u32" },
  { catalog: "shop", status: 404, body: msg("JOB", "Auftrag 7 (IMPORT) fehlt"), expect: value("JobMissing", { job: "IMPORT", id: "7" }), why: "a regional translation, reordered" },
  { catalog: "shop", status: 404, body: msg("JOB", "Auftrag EXPORT 7 fehlt"), expect: value("JobMissing", { job: "EXPORT", id: "7" }), why: "the language's translation" },
  { catalog: "shop", status: 404, body: msg("JOB", "Job export 7 is missing"), expect: mismatch("JOB", "Job export 7 is missing"), why: "enum values are exact" },
  { catalog: "shop", status: 400, body: msg("OOPS", "quota of 5 reached"), expect: value("QuotaExceeded", { quota: "5" }), why: "the most specific of overlapping entries first" },
  { catalog: "shop", status: 400, body: msg("OOPS", "quota of x reached"), expect: value("Other", { message: "quota of x reached" }), why: "the catch-all" },

  // The fields object.
  { catalog: "shop", status: 404, body: shop(`"code":"127","message":${JSON.stringify(NOT_ELIGIBLE)},"details":{"region":"us-1","org_id":"+042"}`), expect: value("StorageNotFound", { region: "us-1", org_id: "42" }), why: "a field parsed as FromStr does, then rendered as the message" },
  { catalog: "shop", status: 404, body: shop(`"code":"127","message":${JSON.stringify(NOT_ELIGIBLE)},"details":{"region":"us-1","org_id":7}`), expect: mismatch("127", NOT_ELIGIBLE), why: "fields that contradict the message" },
  { catalog: "shop", status: 404, body: shop(`"code":"127","message":${JSON.stringify(NOT_ELIGIBLE)},"details":{"region":"us-1","org_id":7,"org_id":42}`), expect: value("StorageNotFound", { region: "us-1", org_id: "42" }), why: "of a repeated field, the last counts" },
  { catalog: "shop", status: 404, body: shop(`"code":"127","message":${JSON.stringify(NOT_ELIGIBLE)},"details":{"region":"us-1","org_id":7,"org_id":[42]}`), expect: mismatch("127", NOT_ELIGIBLE), why: "a member that is no scalar leaves the earlier one" },
  { catalog: "shop", status: 404, body: shop(`"code":"127","message":${JSON.stringify(NOT_ELIGIBLE)},"details":{"region":"us-1","org_id":4.2e1}`), expect: value("StorageNotFound", { region: "us-1", org_id: "42" }), why: "a float is no field: the message is split" },
  { catalog: "shop", status: 400, body: shop(`"code":"OOPS","message":"quota of 5 reached","details":{"quota":6}`), expect: mismatch("OOPS", "quota of 5 reached"), why: "a contradiction stops before the catch-all" },
  { catalog: "shop", status: 400, body: shop(`"code":"OOPS","message":"quota of 5 reached","details":{"quota":"five"}`), expect: mismatch("OOPS", "quota of 5 reached"), why: "a field that does not parse, in a message the template reads" },
  { catalog: "shop", status: 400, body: shop(`"code":"OOPS","message":"hello","details":{"message":"hello"}`), expect: value("Other", { message: "hello" }), why: "the catch-all's field from the object" },
  { catalog: "shop", status: 429, body: shop(`"code":"RATE","message":"Slow down: retry in 30 seconds (burst true)","details":{"seconds":30,"burst":"true"}`), expect: value("RateLimited", { seconds: "30", burst: "true" }), why: "a boolean as a string" },
  { catalog: "shop", status: 429, body: shop(`"code":"RATE","message":"Slow down: retry in 30 seconds (burst true)","details":{"seconds":30,"burst":1}`), expect: mismatch("RATE", "Slow down: retry in 30 seconds (burst true)"), why: "1 is no bool" },

  // A code without a message, and the code header.
  { catalog: "shop", status: 400, body: shop(`"code":"403"`), expect: value("Forbidden", {}), why: "a code without a message: the entry without placeholders" },
  { catalog: "shop", status: 404, body: shop(`"code":"127"`), expect: mismatch("127", null), why: "a code without a message whose entry has placeholders" },
  { catalog: "shop", status: 400, body: shop(`"message":"Nicht erlaubt"`), headers: [["X-Error-Code", " 403 "]], expect: value("Forbidden", {}), why: "the code header, trimmed, when the body has no code" },
  { catalog: "shop", status: 400, body: shop(`"code":"ECHO","message":"Not allowed"`), headers: { "x-error-code": "403" }, expect: mismatch("ECHO", "Not allowed"), why: "the body's code wins over the header's" },
  { catalog: "shop", status: 400, body: `{"error":{"message":"Not allowed"`, headers: { "x-error-code": "403" }, expect: value("Forbidden", {}), why: "a broken body's message with the header's code" },
  { catalog: "shop", status: 400, body: shop(`"code":null,"message":"Not allowed"`), headers: { "x-error-code": "403" }, expect: value("Forbidden", {}), why: "a code that is no string: the header's" },
  { catalog: "shop", status: 400, body: "[]", headers: { "x-error-code": "403" }, expect: value("Forbidden", {}), why: "no object at all: the header's code alone" },
  { catalog: "shop", status: 400, body: "[]", headers: { "x-error-code": "  " }, expect: unrecognized("NotAnErrorBody", "NotAnObject", null, null), why: "a blank header is none" },

  // JSON as serde_json reads it.
  { catalog: "shop", status: 400, body: shop(`"code":403,"message":"Not allowed"`), expect: value("Forbidden", {}), why: "an integer code" },
  { catalog: "shop", status: 400, body: shop(`"code":-0,"message":"Not allowed"`), expect: unrecognized("NotAnErrorBody", "CodeNotAStringOrInteger", null, "Not allowed"), why: "-0 is a float" },
  { catalog: "shop", status: 400, body: shop(`"code":403.0,"message":"Not allowed"`), expect: unrecognized("NotAnErrorBody", "CodeNotAStringOrInteger", null, "Not allowed"), why: "a float code" },
  { catalog: "shop", status: 400, body: shop(`"code":18446744073709551616,"message":"Not allowed"`), expect: unrecognized("NotAnErrorBody", "CodeNotAStringOrInteger", null, "Not allowed"), why: "beyond u64 is a float" },
  { catalog: "shop", status: 400, body: shop(`"code":-9223372036854775808,"message":"x"`), expect: unrecognized("UnknownCode", null, "-9223372036854775808", "x"), why: "i64::MIN is an integer" },
  { catalog: "shop", status: 400, body: shop(`"code":-9223372036854775809,"message":"x"`), expect: unrecognized("NotAnErrorBody", "CodeNotAStringOrInteger", null, "x"), why: "below i64::MIN is a float" },
  { catalog: "shop", status: 400, body: shop(`"code":1e400,"message":"Not allowed"`), expect: notJson(), why: "a read number that overflows to infinity" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed","x":1e400`), expect: value("Forbidden", {}), why: "a skipped number is only scanned" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed","x":1e`), expect: notJson("403", "Not allowed"), why: "a skipped number must still be a number" },
  { catalog: "shop", status: 400, body: shop(`"code":"999","message":"x"},"error":{"code":"403","message":"Not allowed"`), expect: value("Forbidden", {}), why: "a repeated object replaces the earlier one" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed"},"error":{"message":"Nicht erlaubt"`), expect: unrecognized("NotAnErrorBody", "MissingKey", null, "Nicht erlaubt"), why: "the repeated object lacks the code" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed"},"error":5,"x":{`), expect: unrecognized("NotAnErrorBody", "MissingKey", null, null), why: "a repeated member that is no object resets what the object held" },
  { catalog: "shop", status: 400, body: `{"error":{"code":"403","message":"Not allowed"},"x":`, expect: notJson("403", "Not allowed"), why: "what is read is kept when the JSON breaks off" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed","code":"127"`), expect: mismatch("127", "Not allowed"), why: "the last code wins" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"x\\ud800"`), expect: notJson("403"), why: "a lone leading surrogate in a read string" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"x\\udc00y"`), expect: notJson("403"), why: "a lone trailing surrogate in a read string" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed","x":"\\ud800"`), expect: value("Forbidden", {}), why: "a lone surrogate in a skipped string" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed","x":"\\u12g4"`), expect: notJson("403", "Not allowed"), why: "a skipped escape must still have four hex digits" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed","\\ud800":1`), expect: notJson("403", "Not allowed"), why: "a key of a read object is read" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed","x":{"\\ud800":1}`), expect: value("Forbidden", {}), why: "a key of a skipped object is skipped" },
  { catalog: "shop", status: 409, body: shop(`"code":"ECHO","message":"\\ud83d\\ude00 said \\ud83d\\ude00"`), expect: value("Echo", { word: "😀" }), why: "a surrogate pair" },
  { catalog: "shop", status: 400, body: bytes('{"error":{"code":"403","message":"Not ', 0xff, 'allowed"}}'), expect: notJson("403"), why: "a read string that is not UTF-8" },
  { catalog: "shop", status: 400, body: bytes('{"error":{"code":"403","message":"Not allowed","x":"', 0xc3, 0x28, '"}}'), expect: value("Forbidden", {}), why: "a skipped string is not checked as UTF-8" },
  { catalog: "shop", status: 400, body: bytes('{"error":{"code":"403","message":"Not allowed","x":"a', 0x01, 'b"}}'), expect: notJson("403", "Not allowed"), why: "a control character, even in a skipped string" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed","x":${deep(100000)}`), expect: value("Forbidden", {}), why: "deep nesting in a skipped value" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":${deep(100000)}`), expect: unrecognized("NotAnErrorBody", "NotAString", "403", null), why: "deep nesting as the message" },
  { catalog: "shop", status: 400, body: "[".repeat(100000), expect: notJson(), why: "deep nesting that never ends" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed"`) + " x", expect: notJson("403", "Not allowed"), why: "text after the value" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed"`) + " \n\t\r", expect: value("Forbidden", {}), why: "whitespace after the value" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":"Not allowed",`), expect: notJson("403", "Not allowed"), why: "a trailing comma" },
  { catalog: "shop", status: 400, body: "\ufeff" + shop(`"code":"403","message":"Not allowed"`), expect: notJson(), why: "a byte order mark is no JSON" },
  { catalog: "shop", status: 400, body: "", expect: notJson(), why: "an empty body" },
  { catalog: "shop", status: 400, body: '"Not allowed"', expect: unrecognized("NotAnErrorBody", "NotAnObject", null, null), why: "a string body" },
  { catalog: "shop", status: 400, body: shop(`"code":"403","message":7`), expect: unrecognized("NotAnErrorBody", "NotAString", "403", null), why: "a message that is no string" },
  { catalog: "shop", status: 400, body: "{}", expect: unrecognized("NotAnErrorBody", "MissingKey", null, null), why: "no code" },
  { catalog: "shop", status: 400, body: shop(`"code":"999","message":"x"`), expect: unrecognized("UnknownCode", null, "999", "x"), why: "an unknown code" },

  // Problem details (RFC 9457).
  { catalog: "shop", status: 404, body: `{"type":"about:blank","title":"Not Found","status":404,"detail":${JSON.stringify(NOT_ELIGIBLE)},"code":"127","region":"us-1","org_id":42}`, expect: value("StorageNotFound", { region: "us-1", org_id: "42" }), why: "problem details with its extension members" },
  { catalog: "shop", status: 404, body: `{"type":"about:blank","status":404,"detail":${JSON.stringify(NOT_ELIGIBLE)},"code":"127","region":"us-1","org_id":7}`, expect: mismatch("127", NOT_ELIGIBLE), why: "members that contradict the detail" },
  { catalog: "shop", status: 404, body: `{"type":"about:blank","status":404,"detail":${JSON.stringify(NOT_ELIGIBLE)},"code":"127","org_id":7,"org_id":null}`, expect: value("StorageNotFound", { region: "us-1", org_id: "42" }), why: "a repeated member whose last value is no field's drops it" },
  { catalog: "shop", status: 400, body: `{"type":"about:blank","status":400,"code":"403"}`, expect: value("Forbidden", {}), why: "problem details without a detail" },
  { catalog: "shop", status: 400, body: `{"type":"about:blank","status":400,"detail":null,"code":"403"}`, expect: unrecognized("NotAnErrorBody", "MissingKey", null, null), why: "a detail that is no string is no problem" },
  { catalog: "shop", status: 400, body: `{"detail":"Not allowed","code":"403"}`, expect: value("Forbidden", {}), why: "a body without the catalog's members, read as a problem" },
  { catalog: "ledger", status: 404, body: `{"code":40401,"detail":"Account savings 12 not found","status":404,"fields":{"type":"savings","number":12},"type":"urn:ledger:error"}`, expect: value("AccountNotFound", { type: "savings", number: "12" }), why: "a shape like a problem's, with its fields object, read in its own shape" },
  { catalog: "ledger", status: 404, body: `{"code":40401,"detail":"Account savings -12 not found","status":404,"type":"urn:ledger:error"}`, expect: value("AccountNotFound", { type: "savings", number: "-12" }), why: "without the fields object, read as a problem" },
  { catalog: "ledger", status: 404, body: `{"code":40401,"detail":"Account savings 12 not found","status":404,"type":"urn:ledger:error","field_type":"checking","number":12}`, expect: mismatch("40401", "Account savings 12 not found"), why: "a field named type is the member field_type" },
  { catalog: "ledger", status: 503, body: `{"code":-1,"detail":"Ledger unavailable"}`, expect: value("Unavailable", {}), why: "a negative integer code" },
  { catalog: "ledger", status: 400, body: `{"code":40001,"detail":"Overdrawn by 7 (true)","fields":{"amount":"+7","flag":true}}`, expect: value("Overdrawn", { amount: "7", flag: "true" }), why: "u8 from +7" },
  { catalog: "ledger", status: 400, body: `{"code":40001,"detail":"Overdrawn by 7 (true)","fields":{"amount":256,"flag":true}}`, expect: mismatch("40001", "Overdrawn by 7 (true)"), why: "beyond u8" },
  { catalog: "ledger", status: 400, body: `{"code":"40001.0","detail":"x"}`, expect: unrecognized("UnknownCode", null, "40001.0", "x"), why: "a string code is compared as text" },
  { catalog: "empty", status: 400, body: `{"code":"1","message":"x"}`, expect: unrecognized("UnknownCode", null, "1", "x"), why: "a catalog without entries" },
];
