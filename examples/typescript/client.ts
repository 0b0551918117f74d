// The backup service's TypeScript client: it calls every error route of the example service
// (`cargo run -p error-catalog-examples --example backup_service`) with Node's `fetch`, reads
// each failure with the module that error-catalog generates from the route's catalog, narrows
// it on `name` and prints what it read, as one JSON array on stdout.
//
// The end-to-end test (`examples/tests/backup_service/typescript.rs`) generates the two
// modules, compiles this file with `tsc --strict`, runs it against the service and compares
// its output with what the Rust client reads from the same requests. By hand, from the
// workspace root:
//
//     error-catalog generate typescript catalog/backup-restore.toml -o examples/typescript/backup-restore.ts
//     error-catalog generate typescript examples/backup-service.toml -o examples/typescript/backup-service.ts
//     tsc -p examples/typescript
//     node examples/typescript/out/client.js http://127.0.0.1:3000

import * as v1 from "./backup-restore.js";
import * as v2 from "./backup-service.js";

// The one Node global this client uses that the DOM library does not declare (no @types/node).
declare const process: { readonly argv: readonly string[] };

/** One request, as sent: the Rust side of the test replays it. */
export interface Request {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly accept: string | null;
  readonly language: string | null;
  /** A JSON body, sent with `content-type: application/json`. */
  readonly body: string | null;
}

/** What the client read from a failure: a catalog error or an unrecognized response. */
export type Read =
  | {
      readonly name: string;
      readonly code: string;
      /** Each field's value as text (`String(value)`). */
      readonly fields: Readonly<Record<string, string>>;
      readonly message: string;
      readonly rendered: string;
      readonly renderedDe: string;
      readonly retryable: boolean;
      readonly retryAfter: number | null;
    }
  | {
      readonly name: "Unrecognized";
      readonly kind: string;
      readonly reason: string | null;
      readonly code: string | null;
      readonly message: string | null;
      readonly entries: readonly string[];
      readonly retryable: boolean;
      readonly retryAfter: number | null;
    };

/** One request and its outcome: `read` is `null` for a success. */
export interface Exchange {
  readonly request: Request;
  readonly status: number;
  readonly read: Read | null;
}

const PROBLEM = "application/problem+json";
const GERMAN = "de-CH, de;q=0.9, en;q=0.5";

function unreachable(value: never): never {
  throw new Error(`no case for ${JSON.stringify(value)}`);
}

/** Field values as text; for the entries that no route of the service sends. */
function asText(fields: Readonly<Record<string, string | number | bigint | boolean>>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, String(value)]));
}

/** The fields of an error of the backup and restore API (`/v1`), typed by its `name`. */
function fieldsV1(error: v1.CatalogError): Record<string, string> {
  switch (error.name) {
    case "BackupPolicyAlreadyExists": {
      const { org_id, cloud_id, product }: { org_id: string; cloud_id: string; product: string } = error.fields;
      return { org_id, cloud_id, product };
    }
    case "StorageNotFound": {
      const storageId: string = error.fields.storage_id;
      return { storage_id: storageId };
    }
    case "ExportAlreadyInProgress": {
      const none: Readonly<Record<string, never>> = error.fields;
      return asText(none);
    }
    case "ProductNotInCloudSite":
    case "InvalidBackupId":
    case "RestoreAlreadyExists":
    case "InvalidRestoreId":
    case "ConflictingStorageName":
    case "IncorrectPrincipalTagOrRoleIdentifier":
    case "StorageRegionNotEligible":
    case "StorageValidationFailed":
    case "CompletedExportNotFound":
    case "BackupIdNotFoundForExport":
    case "JobNotPresent":
    case "InvalidCloudIdForJob":
    case "BackupIdNotFoundForImport":
    case "MigrationReportNotAvailable":
      return asText(error.fields);
    default:
      // Every entry of the catalog has its case: a new entry fails to compile here.
      return unreachable(error);
  }
}

/** The fields of an error of the service's own catalog (`/v2`), typed by its `name`. */
function fieldsV2(error: v2.CatalogError): Record<string, string> {
  switch (error.name) {
    case "BackupPolicyAlreadyExists": {
      const { org_id, cloud_id, product }: { org_id: string; cloud_id: string; product: string } = error.fields;
      return { org_id, cloud_id, product };
    }
    case "StorageNotFound":
      return { storage_id: error.fields.storage_id };
    case "ExportAlreadyInProgress":
      return {};
    case "RateLimited": {
      // A `u32` field is a `number`; the entry's retry delay is that field.
      const seconds: number = error.fields.seconds;
      if (v2.retryAfter(error) !== seconds) throw new Error("retryAfter is not the seconds field");
      return { seconds: String(seconds) };
    }
    default:
      return unreachable(error);
  }
}

function unrecognized(error: v1.Unrecognized | v2.Unrecognized, retryable: boolean, retryAfter: number | null): Read {
  return {
    name: error.name,
    kind: error.kind,
    reason: error.reason === null ? null : error.reason.kind,
    code: error.code,
    message: error.message,
    entries: error.entries,
    retryable,
    retryAfter,
  };
}

function readV1(error: v1.CatalogError | v1.Unrecognized): Read {
  if (error.name === "Unrecognized") {
    if (!v1.isUnrecognized(error)) throw new Error("isUnrecognized is false for an Unrecognized");
    return unrecognized(error, v1.isRetryable(error), v1.retryAfter(error));
  }
  const name = error.name;
  if (!v1.isError(error, name)) throw new Error(`isError is false for its own name ${name}`);
  return {
    name: error.name,
    code: error.code,
    fields: fieldsV1(error),
    message: error.message,
    rendered: v1.render(error),
    renderedDe: v1.render(error, "de"),
    retryable: v1.isRetryable(error),
    retryAfter: v1.retryAfter(error),
  };
}

function readV2(error: v2.CatalogError | v2.Unrecognized): Read {
  if (v2.isUnrecognized(error)) {
    return unrecognized(error, v2.isRetryable(error), v2.retryAfter(error));
  }
  return {
    name: error.name,
    code: error.code,
    fields: fieldsV2(error),
    message: error.message,
    rendered: v2.render(error),
    renderedDe: v2.render(error, "de"),
    retryable: v2.isRetryable(error),
    retryAfter: v2.retryAfter(error),
  };
}

/** An API version: its path prefix and how its failures are read. */
interface Version {
  readonly prefix: string;
  readonly read: (status: number, body: Uint8Array, headers: Headers) => Read;
}

const versions: readonly Version[] = [
  { prefix: "/v1", read: (status, body, headers) => readV1(v1.parseError(status, body, headers)) },
  { prefix: "/v2", read: (status, body, headers) => readV2(v2.parseError(status, body, headers)) },
];

const policy = JSON.stringify({ orgId: "o-1", cloudId: "c-9", product: "jira-software" });

/** A request without its headers. */
type Route = Pick<Request, "method" | "path" | "body">;

/** The service's four routes, each with the request that fails once they have succeeded. */
function routes(prefix: string): Route[] {
  return [
    { method: "POST", path: `${prefix}/policies`, body: policy },
    { method: "POST", path: `${prefix}/exports`, body: null },
    { method: "GET", path: `${prefix}/storages/s-9`, body: null },
    { method: "GET", path: `${prefix}/reports`, body: null },
  ];
}

async function exchange(base: string, version: Version, request: Request): Promise<Exchange> {
  const headers: Record<string, string> = {};
  if (request.accept !== null) headers["accept"] = request.accept;
  if (request.language !== null) headers["accept-language"] = request.language;
  if (request.body !== null) headers["content-type"] = "application/json";
  const response = await fetch(base + request.path, {
    method: request.method,
    headers,
    body: request.body ?? undefined,
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const read = response.ok ? null : version.read(response.status, body, response.headers);
  return { request, status: response.status, read };
}

async function main(): Promise<void> {
  const base = process.argv[2];
  if (base === undefined) throw new Error("usage: node client.js BASE_URL");
  const exchanges: Exchange[] = [];
  for (const version of versions) {
    // Each route once: afterwards a policy and an export exist (the two versions share one
    // store, so /v2's policy and export fail already) and the version's reports were read.
    const found: Route = { method: "GET", path: `${version.prefix}/storages/s-1`, body: null };
    const first: Request[] = [...routes(version.prefix).filter((route) => !route.path.endsWith("/s-9")), found].map((route) => ({ ...route, accept: null, language: null }));
    for (const request of first) exchanges.push(await exchange(base, version, request));
    // Then each route fails, in both media types, with and without a German Accept-Language.
    for (const accept of [null, PROBLEM]) {
      for (const language of [null, GERMAN]) {
        for (const route of routes(version.prefix)) {
          exchanges.push(await exchange(base, version, { ...route, accept, language }));
        }
      }
    }
  }
  console.log(JSON.stringify(exchanges));
}

await main();
