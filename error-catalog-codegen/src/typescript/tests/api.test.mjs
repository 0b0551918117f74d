// render, createError, the type guards, isRetryable, retryAfter and retryAfterHeader, with the
// answers of the Rust crate's `localized`, `is_retryable`, `retry_after` and
// `Unrecognized::retry_after`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { load } from "./harness.mjs";

const { shop, ledger, empty } = await load();
const skip = shop === undefined;

test("render follows the locale's fallback chain, as Localized does", { skip }, () => {
  const error = shop.createError("StorageNotFound", { region: "us-1", org_id: 42n });
  const english = "Storage region = us-1 is not eligible for the org:42";
  const german = "Die Organisation 42 darf die Speicherregion us-1 nicht nutzen";
  assert.equal(error.message, english);
  assert.equal(shop.render(error), english);
  for (const tag of ["de", "de-CH", "DE-ch-1996", " de ", "de-x-private"]) assert.equal(shop.render(error, tag), german, tag);
  for (const tag of ["en", "fr", "*", "", "-", "en-US"]) assert.equal(shop.render(error, tag), english, tag);
  const job = shop.createError("JobMissing", { job: "IMPORT", id: 7 });
  assert.equal(shop.render(job, "de-CH"), "Auftrag 7 (IMPORT) fehlt");
  assert.equal(shop.render(job, "de-ch-x-a-b"), "Auftrag 7 (IMPORT) fehlt");
  assert.equal(shop.render(job, "de-AT"), "Auftrag IMPORT 7 fehlt");
  const gone = shop.createError("JobGone", { id: 7 });
  assert.equal(shop.render(gone, "de-CH"), "Auftrag 7 wurde gelöscht", "de-CH falls back to de");
});

test("render writes integers in decimal and booleans as Rust does", { skip }, () => {
  const wide = shop.createError("Wide", { a: -(2n ** 127n), b: 2n ** 128n - 1n, c: 0n, d: -0, e: 18446744073709551615n });
  assert.equal(wide.message, "values -170141183460469231731687303715884105728 340282366920938463463374607431768211455 0 0 18446744073709551615");
  const rate = shop.createError("RateLimited", { seconds: 5n, burst: true });
  assert.equal(rate.message, "Slow down: retry in 5 seconds (burst true)");
  assert.equal(shop.createError("Echo", { word: "a{b}" }).message, "a{b} said a{b}");
});

test("createError builds what parseError reads back", { skip }, () => {
  const error = shop.createError("TooLarge", { size: 12, unit: "MB", limit: -3 });
  assert.deepEqual(error, { name: "TooLarge", code: "SIZE", status: 413, message: "payload of 12MB exceeds -3MB", fields: { size: 12, unit: "MB", limit: -3 } });
  const body = JSON.stringify({ error: { code: error.code, message: shop.render(error, "de") } });
  assert.deepEqual(shop.parseError(413, body), error);
  assert.throws(() => shop.createError("Nope", {}), TypeError);
});

test("the guards narrow on name", { skip }, () => {
  const echo = shop.parseError(409, '{"error":{"code":"ECHO","message":"a said a"}}');
  assert.ok(shop.isError(echo, "Echo"));
  assert.ok(!shop.isError(echo, "Forbidden"));
  assert.ok(!shop.isUnrecognized(echo));
  const unknown = shop.parseError(409, '{"error":{"code":"NOPE","message":"a"}}');
  assert.ok(shop.isUnrecognized(unknown));
  assert.ok(!shop.isError(unknown, "Echo"));
  for (const value of [null, undefined, 1, "Echo", { name: "Nope" }]) {
    assert.ok(!shop.isError(value, "Echo"));
    assert.ok(!shop.isUnrecognized(value));
  }
  assert.ok(shop.isError({ name: "Echo" }, "Echo"));
});

test("isRetryable: the entry's flag, or an unrecognized status of 429, 503 or 504", { skip }, () => {
  assert.equal(shop.isRetryable(shop.createError("RateLimited", { seconds: 1n, burst: false })), true);
  assert.equal(shop.isRetryable(shop.createError("Forbidden", {})), false);
  assert.equal(ledger.isRetryable(ledger.createError("Unavailable", {})), true);
  for (const [status, retryable] of [[429, true], [503, true], [504, true], [500, false], [404, false]]) {
    assert.equal(shop.isRetryable(shop.parseError(status, "{}")), retryable, String(status));
  }
});

test("retryAfter: the entry's retry_after field, or the Retry-After header of an unrecognized response", { skip }, () => {
  assert.equal(shop.retryAfter(shop.createError("RateLimited", { seconds: 30n, burst: false })), 30);
  assert.equal(shop.retryAfter(shop.createError("RateLimited", { seconds: 18446744073709551615n, burst: false })), Number.MAX_SAFE_INTEGER);
  assert.equal(shop.retryAfter(shop.createError("Forbidden", {})), null);
  const read = (headers) => shop.parseError(503, "{}", headers).retryAfter;
  assert.equal(read(undefined), null);
  assert.equal(read({ "Retry-After": "120" }), 120);
  assert.equal(read({ "retry-after": "4294967294" }), 4294967294);
  assert.equal(read({ "retry-after": "4294967295" }), 4294967294, "kept in 32 bits, as Rust keeps it");
  assert.equal(read({ "retry-after": "99999999999999999999999" }), 4294967294);
  assert.equal(read({ "retry-after": "Sun, 06 Nov 1994 08:49:37 GMT" }), 0);
  assert.equal(read({ "retry-after": "soon" }), null);
  assert.equal(shop.retryAfter(shop.parseError(503, "{}", { "retry-after": "9" })), 9);
  // A recognized error has no header delay: its entry's field counts.
  assert.equal(shop.parseError(400, '{"error":{"code":"403"}}', { "retry-after": "9" }).name, "Forbidden");
});

test("retryAfterHeader reads seconds and the three forms of HTTP-date", { skip }, () => {
  const rfcDate = new Date(784111777000); // 1994-11-06T08:49:37Z
  const at = (value, now = rfcDate) => shop.retryAfterHeader({ "retry-after": value }, now);
  assert.equal(at("0"), 0);
  assert.equal(at("120"), 120);
  assert.equal(at(" 7\t"), 7);
  assert.equal(at("007"), 7);
  assert.equal(at("99999999999999999999999"), Number.MAX_SAFE_INTEGER);
  for (const form of ["Sun, 06 Nov 1994 08:51:37 GMT", "Sunday, 06-Nov-94 08:51:37 GMT", "Sun Nov  6 08:51:37 1994", " Sun, 06 Nov 1994 08:51:37 GMT "]) {
    assert.equal(at(form), 120, form);
  }
  assert.equal(at("Sun, 06 Nov 1994 08:51:37 GMT", new Date(784111777300)), 120, "part of a second counts as one");
  assert.equal(at("Sun, 06 Nov 1994 08:49:37 GMT", new Date(784111778000)), 0, "past");
  assert.equal(at("Sun, 06 Nov 1994 08:49:37 GMT"), 0, "now");
  assert.equal(at("Thu, 29 Feb 1996 00:00:00 GMT", new Date(825552000000 - 1000)), 1, "a leap day");
  for (const garbage of ["", "  ", "+5", "-5", "1.5", "5s", "soon", "Sun, 06 Nov 1994 08:49:37", "Sun, 32 Nov 1994 08:49:37 GMT", "Mon, 06 Nov 1994 08:49:37 GMT", "Fri, 30 Feb 1996 00:00:00 GMT", "Sun, 06 Nov 1969 08:49:37 GMT", "Sun, 06 nov 1994 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT", "Sün, 06 Nov 1994 08:49:37 GMT"]) {
    assert.equal(at(garbage), null, garbage);
  }
  assert.equal(shop.retryAfterHeader({}), null);
});

test("headers: fetch-like, Map, pairs and plain objects of any case; the first value counts", { skip }, () => {
  const body = '{"error":{"message":"Not allowed"}}';
  const forms = [
    { get: (name) => (name === "x-error-code" ? "403" : null) },
    new Map([["X-Error-Code", "403"]]),
    [["x-other", "1"], ["X-ERROR-CODE", "403"], ["x-error-code", "127"]],
    { "X-Error-Code": ["403", "127"] },
    { "x-error-code": "403", "x-other": undefined },
  ];
  for (const headers of forms) assert.equal(shop.parseError(400, body, headers).name, "Forbidden");
  assert.equal(shop.parseError(400, body, { "x-error-code": undefined }).kind, "NotAnErrorBody");
  assert.equal(shop.parseError(400, body, []).kind, "NotAnErrorBody");
});

test("header values are bytes, as fetch and node give them, and must be UTF-8", { skip }, () => {
  const body = '{"error":{"message":"x"}}';
  const code = (value) => {
    const result = shop.parseError(400, body, { "x-error-code": value });
    return result.kind === "UnknownCode" ? result.code : result.reason.kind;
  };
  assert.equal(code("caf\u00c3\u00a9"), "café", "the bytes of é in UTF-8, one character each");
  assert.equal(code("caf\u00e9"), "MissingKey", "a lone Latin-1 byte is no UTF-8: no header");
  assert.equal(code("\u00ff"), "MissingKey");
  assert.equal(code("日本"), "日本", "a value made as text");
  assert.equal(shop.retryAfterHeader({ "retry-after": "\u00a05" }), null);
});

test("a catalog without entries reads every body as unrecognized", { skip }, () => {
  assert.deepEqual(empty.parseError(400, '{"code":"E1","message":"x"}', { "retry-after": "3" }), {
    name: "Unrecognized", kind: "UnknownCode", reason: null, status: 400, code: "E1", message: "x", retryAfter: 3, entries: [],
  });
  assert.deepEqual(empty.catalog.entries, []);
});
