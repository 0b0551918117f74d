// Replays the conformance corpus that `tests/it/typescript.rs` writes against the TypeScript
// modules it generated and compiled: each case's status, headers and body go to the module's
// `parseError`, whose answer must be the one Rust gave. Run by that test as
//
//   ERROR_CATALOG_TS_CORPUS=corpus.jsonl ERROR_CATALOG_TS_MODULES=out node --test replay.test.mjs
//
// One test per catalog; a failing one lists its first disagreements (case, body, Rust's
// answer, TypeScript's) and how many there are. With ERROR_CATALOG_TS_REPORT set, every
// disagreement is also written to that file, one JSON object per line.
//
// A case whose headers repeat a name is not given as fetch's `Headers`, which joins the
// values into one ("5, 7"): that is another response than the one Rust read, whose
// `HeaderMap` keeps them apart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const corpusFile = process.env.ERROR_CATALOG_TS_CORPUS;
const modules = process.env.ERROR_CATALOG_TS_MODULES;
const report = process.env.ERROR_CATALOG_TS_REPORT;
if (report) writeFileSync(report, "");
if (!corpusFile || !modules) {
  throw new Error("set ERROR_CATALOG_TS_CORPUS and ERROR_CATALOG_TS_MODULES");
}

/** How many disagreements a failing catalog lists. */
const SHOWN = 12;
/** How much of a body a report shows. */
const BODY_SHOWN = 400;

const catalogs = new Map();
let total = 0;
for (const line of readFileSync(corpusFile, "utf8").split("\n")) {
  if (line === "") continue;
  const c = JSON.parse(line);
  if (!catalogs.has(c.catalog)) catalogs.set(c.catalog, { module: c.module, cases: [] });
  catalogs.get(c.catalog).cases.push(c);
  total += 1;
}

/** JSON text of anything, bigints included. */
function show(value) {
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v));
}

/** The body of case `c`, in the form its index picks: a string, bytes, or an ArrayBuffer. */
function bodyOf(c, index) {
  if (c.bodyBase64 !== undefined) {
    const bytes = new Uint8Array(Buffer.from(c.bodyBase64, "base64"));
    return index % 2 === 0 ? bytes : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  }
  switch (index % 3) {
    case 0:
      return c.body;
    case 1:
      return new TextEncoder().encode(c.body);
    default: {
      const bytes = new TextEncoder().encode(c.body);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    }
  }
}

/** The headers of case `c`, in the form its index picks: fetch's `Headers`, a plain object
 * (several values as an array), or the list of pairs; `undefined` for none, every other time. */
function headersOf(c, index) {
  if (c.headers.length === 0 && index % 2 === 0) return undefined;
  const names = c.headers.map(([name]) => name.toLowerCase());
  const repeated = names.some((name, i) => names.indexOf(name) !== i);
  switch (index % 3) {
    case 0:
      if (!repeated) return new Headers(c.headers);
    // falls through: a plain object, which keeps the values apart
    case 1: {
      const record = {};
      for (const [name, value] of c.headers) {
        const had = record[name];
        record[name] = had === undefined ? value : [].concat(had, value);
      }
      return record;
    }
    default:
      return c.headers.map(([name, value]) => [name, value]);
  }
}

/** The JavaScript type of a field of `kind` (as the module's table writes it). */
function typeOfKind(kind) {
  if (typeof kind === "object") return "string";
  switch (kind) {
    case "bool":
      return "boolean";
    case "u8":
    case "u16":
    case "u32":
    case "i8":
    case "i16":
    case "i32":
      return "number";
    case "u64":
    case "u128":
    case "usize":
    case "i64":
    case "i128":
    case "isize":
      return "bigint";
    default:
      return "string";
  }
}

/** The value of a field of `kind` whose text is `text`, as `createError` takes it. */
function valueOfKind(kind, text) {
  switch (typeOfKind(kind)) {
    case "boolean":
      return text === "true";
    case "number":
      return Number(text);
    case "bigint":
      return BigInt(text);
    default:
      return text;
  }
}

/** The differences between what the module gave (`got`) and Rust's answer (`expect`). */
function differences(m, expect, got) {
  const out = [];
  const same = (what, want, have) => {
    if (show(want) !== show(have)) out.push(`${what}: Rust ${show(want)}, TypeScript ${show(have)}`);
  };
  if (expect.unrecognized !== undefined) {
    const e = expect.unrecognized;
    if (!m.isUnrecognized(got)) {
      return [`Rust: Unrecognized ${e.kind}; TypeScript: ${got?.name} ${show(got?.fields)}`];
    }
    same("kind", e.kind, got.kind);
    same("reason", e.reason, got.reason === null ? null : got.reason?.kind);
    same("key", e.key, got.reason?.key ?? null);
    same("code", e.code, got.code);
    same("message", e.message, got.message);
    same("status", e.status, got.status);
    same("retryAfter", e.retryAfter, got.retryAfter);
    same("retryAfter()", e.retryAfter, m.retryAfter(got));
    same("isRetryable", e.retryable, m.isRetryable(got));
    same("entries", e.entries, got.entries);
    return out;
  }
  if (m.isUnrecognized(got) || got?.name !== expect.name) {
    const have = m.isUnrecognized(got)
      ? `Unrecognized ${got.kind}${got.reason ? ` (${got.reason.kind})` : ""}`
      : `${got?.name} ${show(got?.fields)}`;
    return [`Rust: ${expect.name} ${show(expect.fields)}; TypeScript: ${have}`];
  }
  if (!m.isError(got, expect.name)) out.push(`isError(value, ${show(expect.name)}) is false`);
  same("code", expect.code, got.code);
  same("status", expect.status, got.status);
  const entry = m.catalog.entries.find((e) => e.name === expect.name);
  same("field names", Object.keys(expect.fields).sort(), Object.keys(got.fields).sort());
  for (const [name, text] of Object.entries(expect.fields)) {
    const value = got.fields[name];
    same(`field ${name}`, text, String(value));
    const kind = entry?.fields.find((f) => f.name === name)?.kind;
    if (kind !== undefined && typeof value !== typeOfKind(kind)) {
      out.push(`field ${name} of kind ${show(kind)} is a ${typeof value}`);
    }
  }
  same("isRetryable", expect.retryable, m.isRetryable(got));
  // Rust's delay in seconds, exact; a `number` is exact up to `Number.MAX_SAFE_INTEGER`
  // seconds (285 million years), beyond which the module gives that, as it documents.
  const delay = m.retryAfter(got);
  const wanted =
    expect.retryAfter === null
      ? null
      : Number(BigInt(expect.retryAfter) > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : expect.retryAfter);
  same("retryAfter()", wanted, delay);
  for (const [tag, text] of expect.rendered) {
    same(`render(${tag === "" ? "" : show(tag)})`, text, tag === "" ? m.render(got) : m.render(got, tag));
  }
  // The same error built from its typed fields renders as Rust renders it.
  if (entry !== undefined) {
    // Own properties, `__proto__` too, which an assignment would not make.
    const fields = Object.fromEntries(entry.fields.map(({ name, kind }) => [name, valueOfKind(kind, expect.fields[name])]));
    const made = m.createError(expect.name, fields);
    same("createError(...).name", expect.name, made.name);
    same("createError(...).message", expect.rendered[0][1], made.message);
    for (const [tag, text] of expect.rendered) {
      same(`render(createError(...)${tag === "" ? "" : `, ${show(tag)}`})`, text, tag === "" ? m.render(made) : m.render(made, tag));
    }
  }
  return out;
}

test(`replays the corpus (${total} cases)`, async (t) => {
  for (const [catalog, { module, cases }] of catalogs) {
    await t.test(`${catalog} (${cases.length} cases)`, async () => {
      const m = await import(pathToFileURL(join(modules, `${module}.js`)).href);
      const found = [];
      cases.forEach((c, index) => {
        let got;
        let problems;
        try {
          got = m.parseError(c.status, bodyOf(c, index), headersOf(c, index));
          problems = differences(m, c.expect, got);
        } catch (error) {
          problems = [`TypeScript threw ${error?.stack ?? error}`];
        }
        if (problems.length > 0) {
          found.push({ c, problems });
          if (report) {
            const { catalog: _, module: __, ...rest } = c;
            appendFileSync(report, `${show({ catalog, ...rest, problems })}\n`);
          }
        }
      });
      if (found.length > 0) {
        const lines = found.slice(0, SHOWN).map(({ c, problems }) => {
          const body = c.body !== undefined ? show(c.body) : `base64 ${c.bodyBase64}`;
          return [
            `- ${c.case} (status ${c.status}${c.headers.length ? `, headers ${show(c.headers)}` : ""})`,
            `  body: ${body.length > BODY_SHOWN ? `${body.slice(0, BODY_SHOWN)}… (${body.length} characters)` : body}`,
            ...problems.map((p) => `  ${p}`),
          ].join("\n");
        });
        assert.fail(
          `${catalog}: ${found.length} of ${cases.length} cases disagree with Rust; the first ${Math.min(found.length, SHOWN)}:\n${lines.join("\n")}`,
        );
      }
    });
  }
  console.log(`replayed ${total} cases of ${catalogs.size} catalogs`);
});
