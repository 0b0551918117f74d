// Builds the modules the runtime's tests run on: the module that the generator writes for each
// fixture catalog (`fixtures/<name>.toml`), with `usage.ts`, a client that must typecheck
// against them. Everything is compiled by `tsc --strict` (and more) into a temporary
// directory and imported.
//
// The modules are read from `$ERROR_CATALOG_TS_FIXTURES/<name>.ts`, where the workspace's
// `cargo test` writes them (tests/tests/it/typescript.rs); without that variable they are
// generated here with `cargo run --bin error-catalog -- generate typescript`, so that
// `node --test error-catalog-codegen/src/typescript/tests/` also runs on its own.
//
// tsc is `$TSC`, else `tsc` on the PATH. Without it the tests are skipped with a message, unless
// ERROR_CATALOG_REQUIRE_VALIDATORS=1, as the project's other tests that need external tools do.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = ["shop", "ledger", "empty"];

/** The module of a fixture, as the generator writes it. */
export function moduleText(name) {
  const dir = process.env.ERROR_CATALOG_TS_FIXTURES;
  if (dir) return readFileSync(join(dir, `${name}.ts`), "utf8");
  const root = join(here, "..", "..", "..", "..");
  const catalog = join(here, "fixtures", `${name}.toml`);
  return execFileSync("cargo", ["run", "-q", "--bin", "error-catalog", "--", "generate", "typescript", catalog], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
}

function tsc() {
  return process.env.TSC || "tsc";
}

/** Whether tsc is at least `major.minor` (false when it cannot say). */
function tscAtLeast(major, minor) {
  try {
    const [, a, b] = /(\d+)\.(\d+)/.exec(execFileSync(tsc(), ["--version"]).toString()) ?? [];
    return Number(a) > major || (Number(a) === major && Number(b) >= minor);
  } catch {
    return false;
  }
}

let built = null;

/**
 * The compiled fixture modules, `{ shop, ledger, empty }`, or `null` (with the reason logged)
 * when tsc is missing and not required.
 */
export async function load() {
  if (built !== null) return built;
  const dir = mkdtempSync(join(tmpdir(), "error-catalog-ts-"));
  try {
    for (const name of FIXTURES) writeFileSync(join(dir, `${name}.ts`), moduleText(name));
    writeFileSync(join(dir, "usage.ts"), readFileSync(join(here, "usage.ts"), "utf8"));
    writeFileSync(join(dir, "package.json"), '{"type":"module"}');
    const files = [...FIXTURES.map((name) => join(dir, `${name}.ts`)), join(dir, "usage.ts")];
    // --strict as the contract says, and the stricter options that projects often add: a
    // generated module lives in the project and is checked with its options.
    const strictest = ["--noUncheckedIndexedAccess", "--exactOptionalPropertyTypes", "--noImplicitReturns", "--noImplicitOverride", "--noPropertyAccessFromIndexSignature", "--noFallthroughCasesInSwitch", "--noUnusedLocals", "--noUnusedParameters", "--isolatedModules"];
    // Types only, no enums or namespaces with code, so that node's type stripping runs it too.
    if (tscAtLeast(5, 8)) strictest.push("--erasableSyntaxOnly");
    // Declarations that a tool can write file by file, as monorepos and JSR ask for.
    if (tscAtLeast(5, 5)) strictest.push("--declaration", "--isolatedDeclarations");
    const args = ["--strict", ...strictest, "--target", "es2020", "--module", "es2020", "--lib", "es2020", "--outDir", dir, ...files];
    try {
      execFileSync(tsc(), args, { stdio: "pipe" });
    } catch (error) {
      if (error.code === "ENOENT" && process.env.ERROR_CATALOG_REQUIRE_VALIDATORS !== "1") {
        console.log(`skipped: ${tsc()} (TypeScript) is not installed; set TSC or install typescript`);
        return (built = {});
      }
      throw new Error(`tsc failed:\n${error.stdout ?? ""}${error.stderr ?? ""}${error.message}`);
    }
    const modules = {};
    for (const name of FIXTURES) modules[name] = await import(pathToFileURL(join(dir, `${name}.js`)).href);
    return (built = modules);
  } finally {
    // The modules are loaded: the files can go.
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A body as bytes, from text and byte values: `bytes("a", 0xff, "b")`. */
export function bytes(...parts) {
  return Uint8Array.from(
    parts.flatMap((part) => (typeof part === "number" ? [part] : [...new TextEncoder().encode(part)])),
  );
}

/** A parsed result in the corpus's terms: the name and fields as text, or the unrecognized parts. */
export function outcome(result) {
  if (result.name === "Unrecognized") {
    return {
      unrecognized: {
        kind: result.kind,
        reason: result.reason === null ? null : result.reason.kind,
        code: result.code,
        message: result.message,
      },
    };
  }
  const fields = {};
  for (const [key, value] of Object.entries(result.fields)) fields[key] = String(value);
  return { name: result.name, fields };
}
