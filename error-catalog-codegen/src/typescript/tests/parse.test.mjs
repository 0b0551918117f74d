// parseError on the responses of cases.mjs, each with the Rust client's answer.

import { test } from "node:test";
import assert from "node:assert/strict";
import { load, outcome } from "./harness.mjs";
import { cases } from "./cases.mjs";

const modules = await load();

for (const c of cases) {
  test(`${c.catalog}: ${c.why}`, { skip: modules[c.catalog] === undefined }, () => {
    const result = modules[c.catalog].parseError(c.status, c.body, c.headers);
    assert.deepEqual(outcome(result), c.expect);
    if (result.name === "Unrecognized") {
      assert.equal(result.status, c.status);
      const codes = modules[c.catalog].catalog.entries.filter((entry) => entry.code === result.code);
      assert.deepEqual(result.entries, codes.map((entry) => entry.name));
    } else {
      const entry = modules[c.catalog].catalog.entries.find((e) => e.name === result.name);
      assert.equal(result.code, entry.code);
      assert.equal(result.status, entry.status);
    }
  });
}

test("a body as text, as a Uint8Array and as an ArrayBuffer reads the same", { skip: !modules.shop }, () => {
  const text = '{"error":{"code":"127","message":"Storage region = é is not eligible for the org:1"}}';
  const bytes = new TextEncoder().encode(text);
  const expect = { name: "StorageNotFound", fields: { region: "é", org_id: "1" } };
  assert.deepEqual(outcome(modules.shop.parseError(404, text)), expect);
  assert.deepEqual(outcome(modules.shop.parseError(404, bytes)), expect);
  assert.deepEqual(outcome(modules.shop.parseError(404, bytes.buffer)), expect);
  const offset = new Uint8Array(bytes.length + 4);
  offset.set(bytes, 2);
  assert.deepEqual(outcome(modules.shop.parseError(404, offset.subarray(2, 2 + bytes.length))), expect);
});

test("fields have their TypeScript types: bigint beyond 32 bits, booleans, enum strings", { skip: !modules.shop }, () => {
  const wide = modules.shop.parseError(400, '{"error":{"code":"WIDE","message":"values -1 2 3 -4 5"}}');
  assert.deepEqual(wide.fields, { a: -1n, b: 2n, c: 3n, d: -4, e: 5n });
  const rate = modules.shop.parseError(429, '{"error":{"code":"RATE","message":"Slow down: retry in 9 seconds (burst false)"}}');
  assert.deepEqual(rate.fields, { seconds: 9n, burst: false });
  const size = modules.shop.parseError(413, '{"error":{"code":"SIZE","message":"payload of 4294967295KB exceeds 7KB"}}');
  assert.deepEqual(size.fields, { size: 4294967295, unit: "KB", limit: 7 });
  assert.equal(size.message, "payload of 4294967295KB exceeds 7KB");
});

test("a NotJson reason says what serde_json says, where it says it", { skip: !modules.shop }, () => {
  const reason = (body) => modules.shop.parseError(400, body).reason;
  // Each message and position as serde_json 1.0 gives them.
  assert.deepEqual(reason('{"error":{"code":1e400}}'), { kind: "NotJson", message: "number out of range at line 1 column 22" });
  assert.deepEqual(reason('{"a":1,}'), { kind: "NotJson", message: "trailing comma at line 1 column 8" });
  assert.deepEqual(reason('{\n"error":{"message":"\\ud800"}}'), { kind: "NotJson", message: "unexpected end of hex escape at line 2 column 27" });
  assert.deepEqual(reason(""), { kind: "NotJson", message: "EOF while parsing a value at line 1 column 0" });
  assert.deepEqual(reason("{} x"), { kind: "NotJson", message: "trailing characters at line 1 column 4" });
  assert.deepEqual(reason('{"error":{"message":"a\u0001"}}'), { kind: "NotJson", message: "control character (\\u0000-\\u001F) found while parsing a string at line 1 column 23" });
  const notUtf8 = Uint8Array.from([...new TextEncoder().encode('{"error":{"message":"ab'), 0xe2, 0x82, ...new TextEncoder().encode('cd"}}')]);
  assert.deepEqual(reason(notUtf8), { kind: "NotJson", message: "invalid unicode code point at line 1 column 24" });
});

test("hostile bodies take linear time", { skip: !modules.shop }, () => {
  const big = "a said ".repeat(150000);
  const bodies = [
    `{"error":{"code":"ECHO","message":${JSON.stringify(`${big}x said ${big}y`)}}}`,
    `{"error":{"code":"OOPS","message":${JSON.stringify("quota of ".repeat(100000))}}}`,
    `{"x":${"[".repeat(500000)}${"]".repeat(500000)},"error":{"code":"403","message":"Not allowed"}}`,
    `{"error":{"code":"127","message":${JSON.stringify(`Storage region = ${"is not eligible for the org:1".repeat(30000)}`)}}}`,
  ];
  for (const body of bodies) {
    const start = performance.now();
    modules.shop.parseError(400, body);
    const elapsed = performance.now() - start;
    assert.ok(elapsed < 5000, `${(body.length / 1e6).toFixed(1)} MB took ${elapsed.toFixed(0)} ms`);
  }
});
