// A client of a generated module: it must typecheck under `tsc --strict` (the harness compiles
// it with the fixtures), so that the types the module exports narrow as documented.

import {
  parseError,
  render,
  createError,
  isError,
  isUnrecognized,
  isRetryable,
  retryAfter,
  retryAfterHeader,
  type CatalogError,
  type ErrorOf,
  type Unrecognized,
  type BodyError,
  type UnrecognizedKind,
  type CatalogTable,
  catalog,
} from "./shop.js";
import * as empty from "./empty.js";

/** Every branch of the union narrows on `name`, and the fields have their types. */
export function describe(error: CatalogError | Unrecognized): string {
  switch (error.name) {
    case "StorageNotFound": {
      const org: bigint = error.fields.org_id;
      const region: string = error.fields.region;
      return `${region}/${org}`;
    }
    case "TooLarge": {
      const size: number = error.fields.size;
      const unit: "KB" | "MB" = error.fields.unit;
      return `${size}${unit}`;
    }
    case "RateLimited": {
      const burst: boolean = error.fields.burst;
      return String(burst);
    }
    case "Unrecognized": {
      const kind: UnrecognizedKind = error.kind;
      const reason: BodyError | null = error.reason;
      return `${kind} ${reason?.kind ?? ""} ${error.code ?? ""}`;
    }
    default:
      return error.message;
  }
}

export function client(body: string, headers: { get(name: string): string | null } | Record<string, string>): string {
  const error = parseError(404, body, headers);
  if (isError(error, "JobMissing")) {
    const job: "EXPORT" | "IMPORT" = error.fields.job;
    const id: number = error.fields.id;
    return `${job} ${id}`;
  }
  if (isUnrecognized(error)) return error.kind;
  const delay: number | null = retryAfter(error);
  return `${render(error, "de-CH")} ${isRetryable(error)} ${delay}`;
}

export const made: ErrorOf<"Wide"> = createError("Wide", { a: -1n, b: 2n, c: 3n, d: 4, e: 5n });
export const header: number | null = retryAfterHeader(new Map([["retry-after", "5"]]));
export const table: CatalogTable = catalog;
export const nothing: Unrecognized | never = empty.parseError(400, "{}");

// @ts-expect-error: a field of the wrong type.
createError("Wide", { a: 1, b: 2n, c: 3n, d: 4, e: 5n });
// @ts-expect-error: no such entry.
createError("Nope", {});
