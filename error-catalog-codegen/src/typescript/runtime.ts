// DEVELOPMENT STUB: a small hand-written catalog, so that this file typechecks on its own
// (`tsc --strict --noEmit --target es2020 --module es2020 runtime.ts`). The generator keeps
// only the text after the marker line below, and writes the catalog's own types and table
// before it (its shape at the time of writing).

/** A catalog enum. */
export type Job = "EXPORT" | "IMPORT";

/** Storage not found. */
export interface StorageNotFound {
  readonly name: "StorageNotFound";
  readonly code: "127";
  readonly status: 404;
  /** The message as received (in whatever locale matched), or as rendered by createError. */
  readonly message: string;
  readonly fields: { readonly region: string; readonly org_id: bigint; readonly job: Job };
}

/** A field used twice. */
export interface Echo {
  readonly name: "Echo";
  readonly code: "ECHO";
  readonly status: 409;
  /** The message as received (in whatever locale matched), or as rendered by createError. */
  readonly message: string;
  readonly fields: { readonly word: string; readonly retry: number };
}

/** No fields. */
export interface Forbidden {
  readonly name: "Forbidden";
  readonly code: "403";
  readonly status: 403;
  /** The message as received (in whatever locale matched), or as rendered by createError. */
  readonly message: string;
  readonly fields: Readonly<Record<string, never>>;
}

/** Each entry's interface, under the entry's name. */
export interface CatalogErrors {
  StorageNotFound: StorageNotFound;
  Echo: Echo;
  Forbidden: Forbidden;
}
/** Every error of the catalog. */
export type CatalogError = CatalogErrors[keyof CatalogErrors];
/** The name of an error of the catalog. */
export type ErrorName = keyof CatalogErrors;
/** The error of this name. */
export type ErrorOf<N extends ErrorName> = CatalogErrors[N];
/** The fields of the error of this name. */
export type FieldsOf<N extends ErrorName> = CatalogErrors[N]["fields"];

/** The catalog's entries, as the runtime reads them. */
export const catalog = {
  title: "Development stub",
  wire: {
    code: "errorCode",
    message: "errorMessage",
    codeType: "string",
    header: "x-error-code",
    fields: true,
    layout: [
      ["errorCode", "code"],
      ["errorMessage", "message"],
      ["fields", "fields"],
    ],
  },
  types: [{ name: "Job", values: ["EXPORT", "IMPORT"] }],
  locales: ["en", "de"],
  defaultLocale: "en",
  entries: [
    {
      name: "StorageNotFound",
      code: "127",
      status: 404,
      retryable: false,
      retryAfter: null,
      docs: null,
      fields: [
        { name: "region", kind: "string" },
        { name: "org_id", kind: "u64" },
        { name: "job", kind: { enum: 0 } },
      ],
      template: ["Storage region = ", 0, " is not eligible for the org:", 1, " job ", 2],
      translations: [["de", ["Speicherregion ", 0, " (", 2, ") ist für ", 1, " nicht zulässig"]]],
    },
    {
      name: "Echo",
      code: "ECHO",
      status: 409,
      retryable: true,
      retryAfter: "retry",
      docs: null,
      fields: [
        { name: "word", kind: "string" },
        { name: "retry", kind: "u32" },
      ],
      template: [0, " said ", 0, " (retry in ", 1, ")"],
      translations: [],
    },
    {
      name: "Forbidden",
      code: "403",
      status: 403,
      retryable: false,
      retryAfter: null,
      docs: "https://example.com/errors/403",
      fields: [],
      template: ["Not allowed"],
      translations: [["de", ["Nicht erlaubt"]]],
    },
  ],
  codes: [
    ["127", [0]],
    ["ECHO", [1]],
    ["403", [2]],
  ],
} as const;

// ---- error-catalog runtime ----

// The runtime of the module: the same text for every catalog, working on `catalog` above.
// It reads a response exactly as the Rust client (`CatalogError::from_http` of the crate
// `error-catalog`, with problem details) does: the same JSON rules (serde_json's), the same
// fallbacks, the same splitting of messages, the same answers. Its internal names start with
// `__ec`, so that they never meet a name of the catalog.

/** The shape of `catalog`: the entries of the catalog, as the runtime of the module reads them. */
export interface CatalogTable {
  /** The catalog's title. */
  readonly title: string;
  /** The shape of the error body. */
  readonly wire: {
    /** The location of the code, as the catalog writes it (`"errorCode"`, `"/error/code"`). */
    readonly code: string;
    /** The location of the message, as the catalog writes it. */
    readonly message: string;
    /** The type of the code in the body. */
    readonly codeType: "string" | "integer";
    /** The response header that also carries the code (lowercase), if any. */
    readonly header: string | null;
    /** Whether the shape has a fields object. */
    readonly fields: boolean;
    /** The object tree of the body: the top-level members, in body order. */
    readonly layout: readonly CatalogTable.WireMember[];
  };
  /** The catalog enums, each with its wire values. */
  readonly types: readonly { readonly name: string; readonly values: readonly string[] }[];
  /** Every locale the catalog has texts in (empty without locales). */
  readonly locales: readonly string[];
  /** The locale of the default messages, if the catalog names one. */
  readonly defaultLocale: string | null;
  /** The entries, in catalog order. */
  readonly entries: readonly CatalogTable.Entry[];
  /** Each code with the indices of its entries, in the order a client tries them. */
  readonly codes: readonly (readonly [string, readonly number[]])[];
}

/** The member types of {@link CatalogTable}. */
export declare namespace CatalogTable {
  /** A member of an object of the body: its key and what it holds. */
  type WireMember = readonly [key: string, node: WireNode];
  /** What a member of the body holds. */
  type WireNode =
    | "code"
    | "message"
    | "status"
    | "fields"
    | { readonly constant: string }
    | { readonly object: readonly WireMember[] };
  /** One error of the catalog. */
  interface Entry {
    /** The entry's name, the `name` of its errors. */
    readonly name: string;
    /** The error code. */
    readonly code: string;
    /** The HTTP status. */
    readonly status: number;
    /** Whether a request that failed with it may be retried. */
    readonly retryable: boolean;
    /** The name of the field that holds the delay before a retry, in seconds. */
    readonly retryAfter: string | null;
    /** The link to the entry's documentation. */
    readonly docs: string | null;
    /** The fields, in the order of their first use in the default message. */
    readonly fields: readonly Field[];
    /** The message in the default locale. */
    readonly template: Template;
    /** The entry's own translations, in the order of the catalog's locales. */
    readonly translations: readonly (readonly [locale: string, template: Template])[];
  }
  /** A message template: literal text (a string) and placeholders (an index into the fields). */
  type Template = readonly (string | number)[];
  /** A field of an entry. */
  interface Field {
    /** The field's name. */
    readonly name: string;
    /** The field's type. */
    readonly kind: Kind;
  }
  /** The type of a field: a Rust type, or a catalog enum by its index in `types`. */
  type Kind =
    | "string"
    | "external"
    | "bool"
    | "u8"
    | "u16"
    | "u32"
    | "u64"
    | "u128"
    | "usize"
    | "i8"
    | "i16"
    | "i32"
    | "i64"
    | "i128"
    | "isize"
    | { readonly enum: number };
}

/**
 * Response headers: a fetch `Headers` (anything with `get`), a node or plain object of
 * headers (any case; an array value counts by its first item), or pairs of name and value
 * such as a `Map` (the first pair of a name counts). A value's characters up to U+00FF are its
 * bytes, as fetch and node give them, and must be UTF-8, as for the Rust client.
 */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | Iterable<readonly [string, string]>;

/** Why a body is not an error body of the catalog. */
export type BodyError =
  /** The body is not valid JSON (or has text after the JSON value); `message` says where and why, as serde_json does. */
  | { readonly kind: "NotJson"; readonly message: string }
  /** The body is JSON, but not an object. */
  | { readonly kind: "NotAnObject" }
  /** Nothing is at the location of the code or the message (`key`, as the catalog writes it). */
  | { readonly kind: "MissingKey"; readonly key: string }
  /** The message at this location is not a string. */
  | { readonly kind: "NotAString"; readonly key: string }
  /** The code at this location is neither a string nor an integer. */
  | { readonly kind: "CodeNotAStringOrInteger"; readonly key: string };

/**
 * Why a response was not recognized: `MessageMismatch`, the code is the catalog's but the
 * message fits no entry of that code (a newer or older server); `UnknownCode`, the code is not
 * in the catalog; `NotAnErrorBody`, the body is not an error body of the catalog at all.
 */
export type UnrecognizedKind = "MessageMismatch" | "UnknownCode" | "NotAnErrorBody";

/** A response that is not one of the catalog's errors, with everything that was received. */
export interface Unrecognized {
  /** Always `"Unrecognized"`: no entry has this name. */
  readonly name: "Unrecognized";
  /** Which case this is. */
  readonly kind: UnrecognizedKind;
  /** Why the body is not an error body, for `NotAnErrorBody`; `null` otherwise. */
  readonly reason: BodyError | null;
  /** The HTTP status that was received. */
  readonly status: number;
  /** The code as received, when the body (or the code header) had one. */
  readonly code: string | null;
  /** The message as received, when the body had one. */
  readonly message: string | null;
  /**
   * The delay the `Retry-After` header asked for, in whole seconds (at most 4294967294, as
   * the Rust client keeps it); `null` without the header or when it is neither seconds nor
   * an HTTP-date.
   */
  readonly retryAfter: number | null;
  /** The names of the entries with the received code, in catalog order. */
  readonly entries: readonly ErrorName[];
}

/** The catalog, as the runtime reads it. */
const __ecCatalog: CatalogTable = catalog;

// ---------------------------------------------------------------------------------------
// Text

/** A strict UTF-8 decoder that keeps a byte order mark. */
interface __EcDecoder {
  decode(bytes: Uint8Array): string;
}

/** The text codecs of the platform (browsers, node, deno and bun all have them). */
const __ecCodecs = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => __EcDecoder;
};

let __ecStrict: __EcDecoder | null = null;
let __ecEncoder: { encode(text: string): Uint8Array } | null = null;

/** `bytes` as text, or `null` when they are not UTF-8. */
function __ecUtf8(bytes: Uint8Array): string | null {
  __ecStrict ??= new __ecCodecs.TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  try {
    return __ecStrict.decode(bytes);
  } catch {
    return null;
  }
}

/** `text` as UTF-8 bytes. */
function __ecEncode(text: string): Uint8Array {
  __ecEncoder ??= new __ecCodecs.TextEncoder();
  return __ecEncoder.encode(text);
}

/** Rust's `char::is_whitespace`: the Unicode property White_Space. */
function __ecIsSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Rust's `str::trim`. */
function __ecTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && __ecIsSpace(text.charCodeAt(start))) start++;
  while (end > start && __ecIsSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** `text` with ASCII letters in lowercase only, as Rust's `eq_ignore_ascii_case` compares. */
function __ecAsciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

// ---------------------------------------------------------------------------------------
// JSON, as serde_json reads it

/** A syntax error of the body: serde_json's message and where it stopped. */
class __EcJsonError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** A body being read: its bytes, where the reader is, and the nesting left (serde_json's 128). */
interface __EcReader {
  readonly b: Uint8Array;
  i: number;
  depth: number;
}

/**
 * serde_json's error for a byte just read (`peek`: for the byte about to be read), its column
 * less `back` bytes (for text that is not UTF-8, where serde_json points at the first bad byte).
 */
function __ecFail(r: __EcReader, code: string, peek: boolean, back = 0): never {
  const at = peek ? Math.min(r.b.length, r.i + 1) : r.i;
  let line = 1;
  let start = 0;
  for (let k = 0; k < at; k++) {
    if (r.b[k] === 0x0a) {
      line++;
      start = k + 1;
    }
  }
  throw new __EcJsonError(`${code} at line ${line} column ${Math.max(0, at - start - back)}`);
}

const __EC_EOF_VALUE = "EOF while parsing a value";
const __EC_EOF_OBJECT = "EOF while parsing an object";
const __EC_EOF_LIST = "EOF while parsing a list";
const __EC_EOF_STRING = "EOF while parsing a string";
const __EC_INVALID_NUMBER = "invalid number";
const __EC_OUT_OF_RANGE = "number out of range";
const __EC_INVALID_ESCAPE = "invalid escape";
const __EC_LONE_SURROGATE = "lone leading surrogate in hex escape";
const __EC_END_OF_ESCAPE = "unexpected end of hex escape";
const __EC_TRAILING_COMMA = "trailing comma";
const __EC_TRAILING = "trailing characters";
const __EC_KEY_STRING = "key must be a string";
const __EC_EXPECTED_VALUE = "expected value";

/** The next byte that is not whitespace, unread; -1 at the end. */
function __ecWs(r: __EcReader): number {
  const b = r.b;
  while (r.i < b.length) {
    const c = b[r.i]!;
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) r.i++;
    else return c;
  }
  return -1;
}

/** The rest of `null`, `true` or `false`. */
function __ecIdent(r: __EcReader, rest: string): void {
  for (let k = 0; k < rest.length; k++) {
    if (r.i >= r.b.length) __ecFail(r, __EC_EOF_VALUE, false);
    if (r.b[r.i++] !== rest.charCodeAt(k)) __ecFail(r, "expected ident", false);
  }
}

/** A significand: a number while it is exact, a bigint beyond. */
type __EcSig = number | bigint;

const __EC_U64_MAX = 18446744073709551615n;
const __EC_I32_MAX = 2147483647;

/** `sig * 10 + digit`, or `null` past `u64::MAX`. */
function __ecMulAdd(sig: __EcSig, digit: number): __EcSig | null {
  if (typeof sig === "number") {
    const next = sig * 10 + digit;
    if (next <= Number.MAX_SAFE_INTEGER) return next;
    sig = BigInt(sig);
  }
  const next = sig * 10n + BigInt(digit);
  return next > __EC_U64_MAX ? null : next;
}

let __ecPow10: number[] | null = null;

/** serde_json's `f64_from_parts`, for its one observable effect: an error for infinity. */
function __ecFloat(r: __EcReader, sig: __EcSig, exponent: number): void {
  const pow10 = (__ecPow10 ??= Array.from({ length: 309 }, (_, k) => Number(`1e${k}`)));
  let f = Number(sig);
  for (;;) {
    const size = Math.abs(exponent);
    if (size <= 308) {
      if (exponent >= 0) {
        f *= pow10[size]!;
        if (!Number.isFinite(f)) __ecFail(r, __EC_OUT_OF_RANGE, false);
      }
      return;
    }
    if (f === 0) return;
    if (exponent >= 0) __ecFail(r, __EC_OUT_OF_RANGE, false);
    f /= 1e308;
    exponent += 308;
  }
}

/** What a number was: an integer of `u64` or `i64` as its text, or a float (`null`). */
type __EcNumber = string | null;

function __ecIsDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The byte at the reader, 0 at the end (serde_json's `peek_or_null`). */
function __ecPeek(r: __EcReader): number {
  return r.i < r.b.length ? r.b[r.i]! : 0;
}

/** serde_json's `parse_integer`, after an optional `-`. */
function __ecInteger(r: __EcReader, positive: boolean): __EcNumber {
  if (r.i >= r.b.length) __ecFail(r, __EC_EOF_VALUE, false);
  const start = r.i;
  const first = r.b[r.i++]!;
  if (first === 0x30) {
    if (__ecIsDigit(__ecPeek(r))) __ecFail(r, __EC_INVALID_NUMBER, true);
    return __ecNumberEnd(r, positive, 0, start);
  }
  if (first < 0x31 || first > 0x39) __ecFail(r, __EC_INVALID_NUMBER, false);
  let sig: __EcSig = first - 0x30;
  for (;;) {
    const c = __ecPeek(r);
    if (!__ecIsDigit(c)) return __ecNumberEnd(r, positive, sig, start);
    const next = __ecMulAdd(sig, c - 0x30);
    if (next === null) {
      __ecLongInteger(r, sig);
      return null;
    }
    r.i++;
    sig = next;
  }
}

/** serde_json's `parse_number`: the end of an integer, or its fraction and exponent. */
function __ecNumberEnd(r: __EcReader, positive: boolean, sig: __EcSig, start: number): __EcNumber {
  const c = __ecPeek(r);
  if (c === 0x2e) {
    __ecDecimal(r, sig, 0);
    return null;
  }
  if (c === 0x65 || c === 0x45) {
    __ecExponent(r, sig, 0);
    return null;
  }
  let text = "";
  for (let k = start; k < r.i; k++) text += String.fromCharCode(r.b[k]!);
  if (positive) return text;
  // `-0` and magnitudes beyond `i64::MIN` are floats.
  const magnitude = BigInt(sig);
  return magnitude === 0n || magnitude > 9223372036854775808n ? null : `-${text}`;
}

/** serde_json's `parse_long_integer`: digits past `u64::MAX` only scale the significand. */
function __ecLongInteger(r: __EcReader, sig: __EcSig): void {
  let exponent = 0;
  for (;;) {
    const c = __ecPeek(r);
    if (__ecIsDigit(c)) {
      r.i++;
      exponent++;
    } else if (c === 0x2e) {
      return __ecDecimal(r, sig, exponent);
    } else if (c === 0x65 || c === 0x45) {
      return __ecExponent(r, sig, exponent);
    } else {
      return __ecFloat(r, sig, exponent);
    }
  }
}

/** serde_json's `parse_decimal`, at the `.`. */
function __ecDecimal(r: __EcReader, sig: __EcSig, before: number): void {
  r.i++;
  let after = 0;
  for (;;) {
    const c = __ecPeek(r);
    if (!__ecIsDigit(c)) break;
    const next = __ecMulAdd(sig, c - 0x30);
    if (next === null) {
      // The digits that would overflow are ignored.
      while (__ecIsDigit(__ecPeek(r))) r.i++;
      const e = __ecPeek(r);
      if (e === 0x65 || e === 0x45) return __ecExponent(r, sig, before + after);
      return __ecFloat(r, sig, before + after);
    }
    r.i++;
    sig = next;
    after--;
  }
  if (after === 0) __ecFail(r, r.i < r.b.length ? __EC_INVALID_NUMBER : __EC_EOF_VALUE, true);
  const e = __ecPeek(r);
  if (e === 0x65 || e === 0x45) return __ecExponent(r, sig, before + after);
  return __ecFloat(r, sig, before + after);
}

/** serde_json's `parse_exponent`, at the `e`. */
function __ecExponent(r: __EcReader, sig: __EcSig, starting: number): void {
  r.i++;
  let positiveExp = true;
  const sign = __ecPeek(r);
  if (sign === 0x2b) {
    r.i++;
  } else if (sign === 0x2d) {
    r.i++;
    positiveExp = false;
  }
  if (r.i >= r.b.length) __ecFail(r, __EC_EOF_VALUE, false);
  const first = r.b[r.i++]!;
  if (!__ecIsDigit(first)) __ecFail(r, __EC_INVALID_NUMBER, false);
  let exp = first - 0x30;
  for (;;) {
    const c = __ecPeek(r);
    if (!__ecIsDigit(c)) break;
    r.i++;
    const digit = c - 0x30;
    if (exp * 10 + digit > __EC_I32_MAX) {
      // serde_json's `parse_exponent_overflow`: infinity is an error, zero is not.
      const zero = typeof sig === "number" ? sig === 0 : sig === 0n;
      if (!zero && positiveExp) __ecFail(r, __EC_OUT_OF_RANGE, false);
      while (__ecIsDigit(__ecPeek(r))) r.i++;
      return;
    }
    exp = exp * 10 + digit;
  }
  const saturated = positiveExp ? starting + exp : starting - exp;
  __ecFloat(r, sig, Math.max(-2147483648, Math.min(__EC_I32_MAX, saturated)));
}

/** serde_json's `ignore_integer` (with `ignore_decimal` and `ignore_exponent`), after a `-`. */
function __ecIgnoreNumber(r: __EcReader): void {
  const first = r.i < r.b.length ? r.b[r.i++]! : 0;
  if (first === 0x30) {
    if (__ecIsDigit(__ecPeek(r))) __ecFail(r, __EC_INVALID_NUMBER, true);
  } else if (first >= 0x31 && first <= 0x39) {
    while (__ecIsDigit(__ecPeek(r))) r.i++;
  } else {
    __ecFail(r, __EC_INVALID_NUMBER, false);
  }
  let c = __ecPeek(r);
  if (c === 0x2e) {
    r.i++;
    let digits = false;
    while (__ecIsDigit(__ecPeek(r))) {
      r.i++;
      digits = true;
    }
    if (!digits) __ecFail(r, __EC_INVALID_NUMBER, true);
    c = __ecPeek(r);
  }
  if (c === 0x65 || c === 0x45) {
    r.i++;
    const sign = __ecPeek(r);
    if (sign === 0x2b || sign === 0x2d) r.i++;
    const digit = r.i < r.b.length ? r.b[r.i++]! : 0;
    if (!__ecIsDigit(digit)) __ecFail(r, __EC_INVALID_NUMBER, false);
    while (__ecIsDigit(__ecPeek(r))) r.i++;
  }
}

/** The value of one hex digit, or -1. */
function __ecHex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

/** serde_json's `decode_hex_escape`: the four hex digits of a `\u` escape. */
function __ecHexEscape(r: __EcReader): number {
  if (r.b.length - r.i < 4) {
    r.i = r.b.length;
    __ecFail(r, __EC_EOF_STRING, false);
  }
  const b = r.b;
  const at = r.i;
  r.i += 4;
  const a = __ecHex(b[at]!);
  const c = __ecHex(b[at + 1]!);
  const d = __ecHex(b[at + 2]!);
  const e = __ecHex(b[at + 3]!);
  if (a < 0 || c < 0 || d < 0 || e < 0) __ecFail(r, __EC_INVALID_ESCAPE, false);
  return (a << 12) | (c << 8) | (d << 4) | e;
}

/** The first byte at or after the reader that ends a run of plain string bytes. */
function __ecStringRun(r: __EcReader): number {
  const b = r.b;
  let j = r.i;
  while (j < b.length) {
    const c = b[j]!;
    if (c === 0x22 || c === 0x5c || c < 0x20) break;
    j++;
  }
  return j;
}

/**
 * A string that is read, after its opening quote (serde_json's `parse_str`): escapes checked,
 * surrogates paired, the text UTF-8 (checked at the closing quote, as serde_json does).
 */
function __ecString(r: __EcReader): string {
  let out = "";
  let start = r.i;
  // The length of the text as bytes, and where its first byte that is not UTF-8 is (-1: none).
  let length = 0;
  let invalid = -1;
  for (;;) {
    const j = __ecStringRun(r);
    r.i = j;
    if (j === r.b.length) __ecFail(r, __EC_EOF_STRING, false);
    const c = r.b[j]!;
    if (c !== 0x22 && c !== 0x5c) {
      r.i++;
      __ecFail(r, "control character (\\u0000-\\u001F) found while parsing a string", false);
    }
    if (j > start) {
      const part = __ecUtf8(r.b.subarray(start, j));
      if (part !== null) out += part;
      else if (invalid < 0) invalid = length + __ecValidUpTo(r.b, start, j);
      length += j - start;
    }
    r.i++;
    if (c === 0x22) {
      if (invalid >= 0) __ecFail(r, "invalid unicode code point", false, length - invalid);
      return out;
    }
    const escaped = __ecEscape(r);
    out += escaped;
    const unit = escaped.charCodeAt(0);
    length += escaped.length === 2 ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
    start = r.i;
  }
}

/** The number of bytes of `b` from `start` (to `end`) that are UTF-8, as Rust's `valid_up_to`. */
function __ecValidUpTo(b: Uint8Array, start: number, end: number): number {
  let k = start;
  while (k < end) {
    const c = b[k]!;
    let size: number;
    let low = 0x80;
    let high = 0xbf;
    if (c < 0x80) size = 1;
    else if (c >= 0xc2 && c <= 0xdf) size = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      size = 3;
      if (c === 0xe0) low = 0xa0;
      if (c === 0xed) high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      size = 4;
      if (c === 0xf0) low = 0x90;
      if (c === 0xf4) high = 0x8f;
    } else return k - start;
    if (k + size > end) return k - start;
    for (let m = 1; m < size; m++) {
      const d = b[k + m]!;
      if (m === 1 ? d < low || d > high : d < 0x80 || d > 0xbf) return k - start;
    }
    k += size;
  }
  return k - start;
}

/** One escape of a string that is read, after its backslash (serde_json's `parse_escape`). */
function __ecEscape(r: __EcReader): string {
  if (r.i >= r.b.length) __ecFail(r, __EC_EOF_STRING, false);
  const c = r.b[r.i++]!;
  switch (c) {
    case 0x22:
      return '"';
    case 0x5c:
      return "\\";
    case 0x2f:
      return "/";
    case 0x62:
      return "\b";
    case 0x66:
      return "\f";
    case 0x6e:
      return "\n";
    case 0x72:
      return "\r";
    case 0x74:
      return "\t";
    case 0x75:
      break;
    default:
      __ecFail(r, __EC_INVALID_ESCAPE, false);
  }
  const n = __ecHexEscape(r);
  if (n >= 0xdc00 && n <= 0xdfff) __ecFail(r, __EC_LONE_SURROGATE, false);
  if (n < 0xd800 || n > 0xdbff) return String.fromCharCode(n);
  // A leading surrogate: a trailing one must follow, as `\uXXXX`.
  if (r.i >= r.b.length) __ecFail(r, __EC_EOF_STRING, false);
  if (r.b[r.i] !== 0x5c) {
    r.i++;
    __ecFail(r, __EC_END_OF_ESCAPE, false);
  }
  r.i++;
  if (r.i >= r.b.length) __ecFail(r, __EC_EOF_STRING, false);
  if (r.b[r.i] !== 0x75) {
    r.i++;
    __ecFail(r, __EC_END_OF_ESCAPE, false);
  }
  r.i++;
  const n2 = __ecHexEscape(r);
  if (n2 < 0xdc00 || n2 > 0xdfff) __ecFail(r, __EC_LONE_SURROGATE, false);
  return String.fromCharCode(n, n2);
}

/** A string that is skipped, after its opening quote (serde_json's `ignore_str`). */
function __ecIgnoreString(r: __EcReader): void {
  for (;;) {
    const j = __ecStringRun(r);
    r.i = j;
    if (j === r.b.length) __ecFail(r, __EC_EOF_STRING, false);
    const c = r.b[j]!;
    if (c === 0x22) {
      r.i++;
      return;
    }
    if (c !== 0x5c) {
      __ecFail(r, "control character (\\u0000-\\u001F) found while parsing a string", false);
    }
    r.i++;
    if (r.i >= r.b.length) __ecFail(r, __EC_EOF_STRING, false);
    const e = r.b[r.i++]!;
    if (e === 0x75) {
      __ecHexEscape(r);
    } else if (
      e !== 0x22 &&
      e !== 0x5c &&
      e !== 0x2f &&
      e !== 0x62 &&
      e !== 0x66 &&
      e !== 0x6e &&
      e !== 0x72 &&
      e !== 0x74
    ) {
      __ecFail(r, __EC_INVALID_ESCAPE, false);
    }
  }
}

/** A value that is skipped (serde_json's `ignore_value`: no nesting limit, no recursion). */
function __ecIgnore(r: __EcReader): void {
  const stack: number[] = [];
  let enclosing = 0;
  for (;;) {
    const peek = __ecWs(r);
    let frame = 0;
    switch (peek) {
      case -1:
        __ecFail(r, __EC_EOF_VALUE, true);
      // falls through (never reached)
      case 0x6e:
        r.i++;
        __ecIdent(r, "ull");
        break;
      case 0x74:
        r.i++;
        __ecIdent(r, "rue");
        break;
      case 0x66:
        r.i++;
        __ecIdent(r, "alse");
        break;
      case 0x2d:
        r.i++;
        __ecIgnoreNumber(r);
        break;
      case 0x22:
        r.i++;
        __ecIgnoreString(r);
        break;
      case 0x5b:
      case 0x7b:
        if (enclosing !== 0) stack.push(enclosing);
        enclosing = 0;
        r.i++;
        frame = peek;
        break;
      default:
        if (__ecIsDigit(peek)) __ecIgnoreNumber(r);
        else __ecFail(r, __EC_EXPECTED_VALUE, true);
    }
    let acceptComma: boolean;
    if (frame !== 0) {
      acceptComma = false;
    } else if (enclosing !== 0) {
      frame = enclosing;
      enclosing = 0;
      acceptComma = true;
    } else if (stack.length > 0) {
      frame = stack.pop() as number;
      acceptComma = true;
    } else {
      return;
    }
    for (;;) {
      const c = __ecWs(r);
      if (c === 0x2c && acceptComma) {
        r.i++;
        break;
      } else if ((c === 0x5d && frame === 0x5b) || (c === 0x7d && frame === 0x7b)) {
        // The end of the frame.
      } else if (c >= 0) {
        if (acceptComma) {
          __ecFail(r, frame === 0x5b ? "expected `,` or `]`" : "expected `,` or `}`", true);
        }
        break;
      } else {
        __ecFail(r, frame === 0x5b ? __EC_EOF_LIST : __EC_EOF_OBJECT, true);
      }
      r.i++;
      const outer = stack.pop();
      if (outer === undefined) return;
      frame = outer;
      acceptComma = true;
    }
    if (frame === 0x7b) {
      const quote = __ecWs(r);
      if (quote === 0x22) r.i++;
      else __ecFail(r, quote < 0 ? __EC_EOF_OBJECT : __EC_KEY_STRING, true);
      __ecIgnoreString(r);
      __ecColon(r);
    }
    enclosing = frame;
  }
}

/** serde_json's `parse_object_colon`. */
function __ecColon(r: __EcReader): void {
  const c = __ecWs(r);
  if (c === 0x3a) r.i++;
  else __ecFail(r, c < 0 ? __EC_EOF_OBJECT : "expected `:`", true);
}

/**
 * The next key of an object being read (`first`: its first key), or `null` at its end
 * (serde_json's `next_key_seed`).
 */
function __ecKey(r: __EcReader, first: boolean): string | null {
  const peek = __ecWs(r);
  if (peek < 0) __ecFail(r, __EC_EOF_OBJECT, true);
  if (peek === 0x7d) return null;
  if (first) {
    if (peek !== 0x22) __ecFail(r, __EC_KEY_STRING, true);
  } else if (peek === 0x2c) {
    r.i++;
    const next = __ecWs(r);
    if (next === 0x7d) __ecFail(r, __EC_TRAILING_COMMA, true);
    if (next < 0) __ecFail(r, __EC_EOF_VALUE, true);
    if (next !== 0x22) __ecFail(r, __EC_KEY_STRING, true);
  } else {
    __ecFail(r, "expected `,` or `}`", true);
  }
  r.i++;
  return __ecString(r);
}

/** What `deserialize_any` found: the kinds of JSON value (an integer of `u64` or `i64`, or a float). */
const __EC_STR = 0;
const __EC_INT = 1;
const __EC_FLOAT = 2;
const __EC_BOOL = 3;
const __EC_NULL = 4;
const __EC_SEQ = 5;
const __EC_MAP = 6;

/** The value `deserialize_any` read: its kind, and its text (strings, integers, booleans). */
interface __EcAny<T> {
  kind: number;
  text: string | null;
  map: T | null;
}

/**
 * serde_json's `deserialize_any`: reads one value; an array is skipped element by element, an
 * object is read by `onMap` (after its `{`, before its `}`), each within the nesting limit.
 */
function __ecAny<T>(r: __EcReader, onMap: (r: __EcReader) => T): __EcAny<T> {
  const peek = __ecWs(r);
  switch (peek) {
    case -1:
      return __ecFail(r, __EC_EOF_VALUE, true);
    case 0x6e:
      r.i++;
      __ecIdent(r, "ull");
      return { kind: __EC_NULL, text: null, map: null };
    case 0x74:
      r.i++;
      __ecIdent(r, "rue");
      return { kind: __EC_BOOL, text: "true", map: null };
    case 0x66:
      r.i++;
      __ecIdent(r, "alse");
      return { kind: __EC_BOOL, text: "false", map: null };
    case 0x2d: {
      r.i++;
      const text = __ecInteger(r, false);
      return { kind: text === null ? __EC_FLOAT : __EC_INT, text, map: null };
    }
    case 0x22:
      r.i++;
      return { kind: __EC_STR, text: __ecString(r), map: null };
    case 0x5b: {
      if (--r.depth === 0) __ecFail(r, "recursion limit exceeded", true);
      r.i++;
      __ecSkipElements(r);
      r.depth++;
      __ecEndSeq(r);
      return { kind: __EC_SEQ, text: null, map: null };
    }
    case 0x7b: {
      if (--r.depth === 0) __ecFail(r, "recursion limit exceeded", true);
      r.i++;
      const map = onMap(r);
      r.depth++;
      __ecEndMap(r);
      return { kind: __EC_MAP, text: null, map };
    }
    default:
      if (__ecIsDigit(peek)) {
        const text = __ecInteger(r, true);
        return { kind: text === null ? __EC_FLOAT : __EC_INT, text, map: null };
      }
      return __ecFail(r, __EC_EXPECTED_VALUE, true);
  }
}

/** The elements of an array that is not read, each skipped (a visitor's `visit_seq`). */
function __ecSkipElements(r: __EcReader): void {
  let first = true;
  for (;;) {
    const peek = __ecWs(r);
    if (peek < 0) __ecFail(r, __EC_EOF_LIST, true);
    if (peek === 0x5d) return;
    if (first) {
      first = false;
    } else if (peek === 0x2c) {
      r.i++;
      const next = __ecWs(r);
      if (next === 0x5d) __ecFail(r, __EC_TRAILING_COMMA, true);
      if (next < 0) __ecFail(r, __EC_EOF_VALUE, true);
    } else {
      __ecFail(r, "expected `,` or `]`", true);
    }
    __ecIgnore(r);
  }
}

/** The members of an object that is not read: keys read (and so checked), values skipped. */
function __ecSkipMembers(r: __EcReader): null {
  for (let key = __ecKey(r, true); key !== null; key = __ecKey(r, false)) {
    __ecColon(r);
    __ecIgnore(r);
  }
  return null;
}

/** serde_json's `end_seq`. */
function __ecEndSeq(r: __EcReader): void {
  const c = __ecWs(r);
  if (c === 0x5d) {
    r.i++;
    return;
  }
  if (c === 0x2c) {
    r.i++;
    __ecFail(r, __ecWs(r) === 0x5d ? __EC_TRAILING_COMMA : __EC_TRAILING, true);
  }
  __ecFail(r, c < 0 ? __EC_EOF_LIST : __EC_TRAILING, true);
}

/** serde_json's `end_map`. */
function __ecEndMap(r: __EcReader): void {
  const c = __ecWs(r);
  if (c === 0x7d) {
    r.i++;
    return;
  }
  __ecFail(r, c < 0 ? __EC_EOF_OBJECT : c === 0x2c ? __EC_TRAILING_COMMA : __EC_TRAILING, true);
}

/** serde_json's `Deserializer::end`: only whitespace after the value. */
function __ecEnd(r: __EcReader): void {
  if (__ecWs(r) >= 0) __ecFail(r, __EC_TRAILING, true);
}

/** A string value, or with `integer`, an integer as its decimal text; `null` for anything else. */
function __ecText(r: __EcReader, integer: boolean): string | null {
  const value = __ecAny(r, __ecSkipMembers);
  if (value.kind === __EC_STR) return value.text;
  if (value.kind === __EC_INT && integer) return value.text;
  return null;
}

/** A field's value as text: a string, an integer in decimal, a boolean; `null` for anything else. */
function __ecScalar(r: __EcReader): string | null {
  const value = __ecAny(r, __ecSkipMembers);
  return value.kind === __EC_STR || value.kind === __EC_INT || value.kind === __EC_BOOL
    ? value.text
    : null;
}

/**
 * The fields object of a body, or a problem's extension members: each member in the order
 * received; of a name given twice, the last member counts (its text, or `null` when that
 * member is no field's value).
 */
class __EcFieldTexts {
  readonly names: string[] = [];
  readonly values: (string | null)[] = [];

  push(name: string, value: string | null): void {
    this.names.push(name);
    this.values.push(value);
  }

  get(name: string): string | null {
    for (let k = this.names.length - 1; k >= 0; k--) {
      if (this.names[k] === name) return this.values[k] ?? null;
    }
    return null;
  }
}

/** The fields object: members with a string, integer or boolean value; `null` for a non-object. */
function __ecFields(r: __EcReader): __EcFieldTexts | null {
  return __ecAny(r, (r) => {
    const fields = new __EcFieldTexts();
    for (let key = __ecKey(r, true); key !== null; key = __ecKey(r, false)) {
      __ecColon(r);
      const value = __ecScalar(r);
      // A member with another value is left out: an earlier one of the name still counts.
      if (value !== null) fields.push(key, value);
    }
    return fields;
  }).map;
}

/** What reading a body in the catalog's shape found, kept when the JSON breaks off. */
interface __EcRead {
  code: string | null;
  message: string | null;
  fields: __EcFieldTexts | null;
  codeSeen: boolean;
  messageSeen: boolean;
  /** Which of `type`, `status` and `detail` the top-level object has, a bit each. */
  signs: number;
}

/** Whether `leaf` is this node or lies under it. */
function __ecHolds(node: CatalogTable.WireNode, leaf: string): boolean {
  if (typeof node === "string") return node === leaf;
  if ("object" in node) return node.object.some((member) => __ecHolds(member[1], leaf));
  return false;
}

/**
 * One object of the body's tree (serde_json's `deserialize_any` with the Rust client's `Level`):
 * the code, message and fields where `members` puts them, every other member skipped; the last
 * of a repeated key wins, and a repeated object replaces what the earlier one held. Whether
 * the value is an object.
 */
function __ecLevel(
  r: __EcReader,
  members: readonly CatalogTable.WireMember[],
  read: __EcRead,
  top: boolean,
): boolean {
  const value = __ecAny(r, (r) => {
    for (let key = __ecKey(r, true); key !== null; key = __ecKey(r, false)) {
      if (top) read.signs |= key === "type" ? 1 : key === "status" ? 2 : key === "detail" ? 4 : 0;
      const member = members.find((m) => m[0] === key);
      const node = member === undefined ? null : member[1];
      if (node === "code") {
        read.codeSeen = true;
        __ecColon(r);
        read.code = __ecText(r, true);
      } else if (node === "message") {
        read.messageSeen = true;
        __ecColon(r);
        read.message = __ecText(r, false);
      } else if (node === "fields") {
        __ecColon(r);
        const fields = __ecFields(r);
        read.fields = fields;
      } else if (
        node !== null &&
        typeof node !== "string" &&
        "object" in node &&
        (__ecHolds(node, "code") || __ecHolds(node, "message") || __ecHolds(node, "fields"))
      ) {
        if (__ecHolds(node, "code")) {
          read.codeSeen = false;
          read.code = null;
        }
        if (__ecHolds(node, "message")) {
          read.messageSeen = false;
          read.message = null;
        }
        if (__ecHolds(node, "fields")) read.fields = null;
        __ecColon(r);
        __ecLevel(r, node.object, read, false);
      } else {
        __ecColon(r);
        __ecIgnore(r);
      }
    }
    return true;
  });
  return value.kind === __EC_MAP;
}

/** A body's code, message and fields; or what was read of it, and why it is not an error body. */
type __EcBodyRead =
  | { ok: true; code: string; message: string; fields: __EcFieldTexts | null }
  | { ok: false; read: __EcRead; reason: BodyError };

/** A new reader of `bytes`. */
function __ecReader(bytes: Uint8Array): __EcReader {
  return { b: bytes, i: 0, depth: 128 };
}

/**
 * The Rust client's `read_body`: the code, message and fields of a body in one pass, or what
 * was read and why it is not an error body; with whether the body is problem details (a
 * top-level object with `type`, `status` and `detail`, unless the catalog's own shape has them
 * too and either has no fields object or the body has it).
 */
function __ecReadBody(bytes: Uint8Array): { read: __EcBodyRead; problem: boolean } {
  const wire = __ecCatalog.wire;
  const read: __EcRead = {
    code: null,
    message: null,
    fields: null,
    codeSeen: false,
    messageSeen: false,
    signs: 0,
  };
  const r = __ecReader(bytes);
  let outcome: boolean | string;
  try {
    outcome = __ecLevel(r, wire.layout, read, true);
    __ecEnd(r);
  } catch (error) {
    if (!(error instanceof __EcJsonError)) throw error;
    outcome = error.message;
  }
  const shaped = ["type", "status", "detail"].every((sign) =>
    wire.layout.some((member) => member[0] === sign),
  );
  const problem = read.signs === 7 && (!shaped || (wire.fields && read.fields === null));
  if (typeof outcome === "string") {
    return { read: { ok: false, read, reason: { kind: "NotJson", message: outcome } }, problem: false };
  }
  if (!outcome) {
    return { read: { ok: false, read, reason: { kind: "NotAnObject" } }, problem: false };
  }
  if (read.code !== null && read.message !== null) {
    return {
      read: { ok: true, code: read.code, message: read.message, fields: read.fields },
      problem,
    };
  }
  let reason: BodyError;
  if (read.code === null) {
    reason = read.codeSeen
      ? { kind: "CodeNotAStringOrInteger", key: wire.code }
      : { kind: "MissingKey", key: wire.code };
  } else {
    reason = read.messageSeen
      ? { kind: "NotAString", key: wire.message }
      : { kind: "MissingKey", key: wire.message };
  }
  return { read: { ok: false, read, reason }, problem };
}

/** The standard members of problem details and `code`: no field's member. */
const __EC_PROBLEM_RESERVED = ["type", "title", "status", "detail", "instance", "code"];

/** The field whose problem details member is `member` (`field_type` is `type`), if any. */
function __ecProblemField(member: string): string | null {
  if (member.startsWith("field_")) {
    const name = member.slice(6);
    return __EC_PROBLEM_RESERVED.includes(name) || name.startsWith("field_") ? name : null;
  }
  return __EC_PROBLEM_RESERVED.includes(member) ? null : member;
}

/** What the Rust client's `read_problem` reads of an RFC 9457 problem details body. */
interface __EcProblem {
  code: string;
  detail: string | null;
  fields: __EcFieldTexts;
}

/**
 * The Rust client's `read_problem`: the code, detail and fields of a problem details body;
 * `null` unless it is a JSON object with a code and either a detail or `type` and `status`.
 */
function __ecReadProblem(bytes: Uint8Array): __EcProblem | null {
  const r = __ecReader(bytes);
  let code: string | null = null;
  let detail: string | null = null;
  let detailSeen = false;
  let standard = 0;
  const fields = new __EcFieldTexts();
  try {
    const value = __ecAny(r, (r) => {
      for (let key = __ecKey(r, true); key !== null; key = __ecKey(r, false)) {
        __ecColon(r);
        if (key === "code") {
          code = __ecText(r, true);
        } else if (key === "detail") {
          detailSeen = true;
          detail = __ecText(r, false);
        } else if (key === "type" || key === "status") {
          standard |= key === "type" ? 1 : 2;
          __ecIgnore(r);
        } else {
          const name = __ecProblemField(key);
          // A repeated member whose last value is no field's drops the field.
          if (name !== null) fields.push(name, __ecScalar(r));
          else __ecIgnore(r);
        }
      }
      return true;
    });
    __ecEnd(r);
    if (value.kind !== __EC_MAP) return null;
  } catch (error) {
    if (error instanceof __EcJsonError) return null;
    throw error;
  }
  if (detail === null && (detailSeen || standard !== 3)) return null;
  if (code === null) return null;
  return { code, detail, fields };
}

// ---------------------------------------------------------------------------------------
// Templates and the splitting of messages (the crate `error-catalog-template`)

/** A trie of the values of a catalog enum (or of `true` and `false`), over UTF-8 bytes. */
interface __EcTrie {
  /** Per node, its children: byte → node. */
  readonly next: Map<number, number>[];
  /** Per node, whether a value ends there. */
  readonly accept: boolean[];
}

/** What text a placeholder's type renders as (Rust's `Class`). */
interface __EcClass {
  /** 0: any text; 1: an integer; 2: one of `values`. */
  readonly t: 0 | 1 | 2;
  /** Integers: whether the type is signed. */
  readonly signed: boolean;
  /** Integers: the digits of the largest value, and of the magnitude of the smallest. */
  readonly max: string;
  readonly min: string;
  /** The fewest and the most bytes of a text (`-1`: no bound), as `lengths` gives them. */
  readonly least: number;
  readonly most: number;
  /** One-of: the trie of the values. */
  readonly trie: __EcTrie | null;
}

/** The digits of the largest value and the magnitude of the smallest of each integer type. */
const __EC_INTS: Readonly<Record<string, readonly [max: string, min: string]>> = {
  u8: ["255", ""],
  u16: ["65535", ""],
  u32: ["4294967295", ""],
  u64: ["18446744073709551615", ""],
  u128: ["340282366920938463463374607431768211455", ""],
  usize: ["18446744073709551615", ""],
  i8: ["127", "128"],
  i16: ["32767", "32768"],
  i32: ["2147483647", "2147483648"],
  i64: ["9223372036854775807", "9223372036854775808"],
  i128: ["170141183460469231731687303715884105727", "170141183460469231731687303715884105728"],
  isize: ["9223372036854775807", "9223372036854775808"],
};

const __EC_TEXT: __EcClass = { t: 0, signed: false, max: "", min: "", least: 0, most: -1, trie: null };

/** The class of each integer type and catalog enum, built once. */
const __ecClasses = new Map<string | number, __EcClass>();

/** The class of values `values`: a trie of their bytes. */
function __ecOneOf(values: readonly string[]): __EcClass {
  const trie: __EcTrie = { next: [new Map()], accept: [false] };
  let least = -1;
  let most = 0;
  for (const value of values) {
    const bytes = __ecEncode(value);
    let node = 0;
    for (const byte of bytes) {
      let child = trie.next[node]!.get(byte);
      if (child === undefined) {
        child = trie.next.length;
        trie.next.push(new Map());
        trie.accept.push(false);
        trie.next[node]!.set(byte, child);
      }
      node = child;
    }
    trie.accept[node] = true;
    least = least < 0 ? bytes.length : Math.min(least, bytes.length);
    most = Math.max(most, bytes.length);
  }
  return { t: 2, signed: false, max: "", min: "", least: Math.max(least, 0), most, trie };
}

/** The class of a field's type. */
function __ecClassOf(kind: CatalogTable.Kind): __EcClass {
  if (kind === "string" || kind === "external") return __EC_TEXT;
  const key = typeof kind === "string" ? kind : kind.enum;
  let cls = __ecClasses.get(key);
  if (cls !== undefined) return cls;
  if (kind === "bool") {
    cls = __ecOneOf(["true", "false"]);
  } else if (typeof kind === "string") {
    const [max, min] = __EC_INTS[kind]!;
    const signed = min !== "";
    cls = {
      t: 1,
      signed,
      max,
      min,
      least: 1,
      most: Math.max(max.length, signed ? min.length + 1 : 0),
      trie: null,
    };
  } else {
    const type = __ecCatalog.types[kind.enum];
    cls = __ecOneOf(type === undefined ? [] : type.values);
  }
  __ecClasses.set(key, cls);
  return cls;
}

/**
 * Calls `each` with every end `q` such that the bytes `p..q` of `b` are a text of `cls`, the
 * shortest first, until it returns `true`; for text, only with `p` itself (the caller scans).
 */
function __ecEnds(cls: __EcClass, b: Uint8Array, p: number, each: (q: number) => boolean): void {
  const n = b.length;
  if (cls.t === 2) {
    const trie = cls.trie as __EcTrie;
    let node = 0;
    if (trie.accept[0] && each(p)) return;
    for (let k = p; k < n; k++) {
      const child = trie.next[node]!.get(b[k]!);
      if (child === undefined) return;
      node = child;
      if (trie.accept[node] && each(k + 1)) return;
    }
    return;
  }
  // An integer: `0`, or a nonzero digit and digits, after `-` for a signed type, in range.
  let k = p;
  let limit = cls.max;
  if (k < n && b[k] === 0x2d) {
    if (!cls.signed) return;
    limit = cls.min;
    k++;
  }
  if (k >= n) return;
  if (b[k] === 0x30) {
    if (limit === cls.max) each(k + 1);
    return;
  }
  let order = 0;
  for (let j = 0; j < limit.length && k + j < n; j++) {
    const d = b[k + j]!;
    if (!__ecIsDigit(d)) return;
    if (order === 0) {
      const l = limit.charCodeAt(j);
      order = d < l ? -1 : d > l ? 1 : 0;
    }
    if ((j + 1 < limit.length || order <= 0) && each(k + j + 1)) return;
  }
}

/** Whether the bytes `p..q` of `b` are exactly a text of `cls` (Rust's `Class::accepts`). */
function __ecAccepts(cls: __EcClass, b: Uint8Array, p: number, q: number): boolean {
  if (cls.t === 0) return true;
  let found = false;
  __ecEnds(cls, b, p, (end) => {
    if (end === q) found = true;
    return end >= q;
  });
  return found;
}

/** A template compiled for splitting: its segments, and the field of each placeholder. */
interface __EcCompiled {
  /** Per segment: the literal's bytes, or the placeholder's class. */
  readonly segments: readonly (Uint8Array | __EcClass)[];
  /** The field of each placeholder, in template order. */
  readonly slots: readonly number[];
  /** The template's text when it has no placeholder. */
  readonly literal: string | null;
}

const __ecCompiledTemplates = new Map<CatalogTable.Template, __EcCompiled>();

/** `template` of `entry`, compiled once. */
function __ecCompile(entry: CatalogTable.Entry, template: CatalogTable.Template): __EcCompiled {
  let compiled = __ecCompiledTemplates.get(template);
  if (compiled !== undefined) return compiled;
  const segments: (Uint8Array | __EcClass)[] = [];
  const slots: number[] = [];
  let literal: string | null = "";
  for (const segment of template) {
    if (typeof segment === "string") {
      segments.push(__ecEncode(segment));
      if (literal !== null) literal += segment;
    } else {
      const field = entry.fields[segment];
      segments.push(__ecClassOf(field === undefined ? "string" : field.kind));
      slots.push(segment);
      literal = null;
    }
  }
  compiled = { segments, slots, literal };
  __ecCompiledTemplates.set(template, compiled);
  return compiled;
}

/** Whether byte `p` of `b` starts a character (or is the end). */
function __ecBoundary(b: Uint8Array, p: number): boolean {
  return p >= b.length || (b[p]! & 0xc0) !== 0x80;
}

/** Whether `lit` is at byte `p` of `b`. */
function __ecAt(b: Uint8Array, p: number, lit: Uint8Array): boolean {
  if (p + lit.length > b.length) return false;
  for (let k = 0; k < lit.length; k++) if (b[p + k] !== lit[k]) return false;
  return true;
}

/**
 * Rust's `split`: the reading of `b` along `segments` whose tuple of capture lengths is
 * lexicographically smallest, as `[start, end]` byte offsets per placeholder; `null` when no
 * reading exists. A table of which segments can match which suffixes, then one greedy pass:
 * time linear in the message times the template's size, whatever the message.
 */
function __ecSplit(segments: readonly (Uint8Array | __EcClass)[], b: Uint8Array): number[] | null {
  const n = b.length;
  const count = segments.length;
  // reach[k][p]: the segments from k on match the bytes from p on (p a character boundary).
  const reach: Uint8Array[] = new Array(count + 1);
  const end = new Uint8Array(n + 1);
  end[n] = 1;
  reach[count] = end;
  for (let k = count - 1; k >= 0; k--) {
    const here = new Uint8Array(n + 1);
    const after = reach[k + 1]!;
    const segment = segments[k]!;
    if (segment instanceof Uint8Array) {
      const len = segment.length;
      for (let p = 0; p + len <= n; p++) {
        if (after[p + len] === 1 && __ecAt(b, p, segment)) here[p] = 1;
      }
    } else if (segment.t === 0) {
      let seen = 0;
      for (let p = n; p >= 0; p--) {
        if (!__ecBoundary(b, p)) continue;
        if (after[p] === 1) seen = 1;
        here[p] = seen;
      }
    } else {
      for (let p = 0; p <= n; p++) {
        __ecEnds(segment, b, p, (q) => {
          if (after[q] === 1) here[p] = 1;
          return here[p] === 1;
        });
      }
    }
    reach[k] = here;
  }
  if (reach[0]![0] !== 1) return null;
  const captures: number[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    const segment = segments[k]!;
    const after = reach[k + 1]!;
    if (segment instanceof Uint8Array) {
      p += segment.length;
      continue;
    }
    let end = -1;
    if (segment.t === 0) {
      for (let q = p; q <= n; q++) {
        if (after[q] === 1) {
          end = q;
          break;
        }
      }
    } else {
      __ecEnds(segment, b, p, (q) => {
        if (after[q] === 1) end = q;
        return end >= 0;
      });
    }
    captures.push(p, end);
    p = end;
  }
  return captures;
}

/** At most this many search steps per byte of message (plus one) for repeated fields. */
const __EC_STEPS_PER_BYTE = 32;

/**
 * Rust's `split_repeated`: `split` where `keys` names each placeholder's field, placeholders of
 * one field holding the same text; the reading with the smallest tuple of capture lengths,
 * found by `split` when its repeats agree, else by the same bounded depth-first search
 * (at most 32 steps per byte of message, plus one byte; a message that needs more has no
 * reading).
 */
function __ecSplitRepeated(
  segments: readonly (Uint8Array | __EcClass)[],
  keys: readonly number[],
  b: Uint8Array,
): number[] | null {
  const repeats = keys.some((key, i) => keys.indexOf(key) < i);
  const captures = __ecSplit(segments, b);
  if (!repeats || captures === null) return captures;
  const first = keys.map((key) => keys.indexOf(key));
  const same = (i: number, j: number): boolean => {
    const length = captures[2 * i + 1]! - captures[2 * i]!;
    if (length !== captures[2 * j + 1]! - captures[2 * j]!) return false;
    for (let k = 0; k < length; k++) {
      if (b[captures[2 * i]! + k] !== b[captures[2 * j]! + k]) return false;
    }
    return true;
  };
  if (first.every((f, i) => same(i, f))) return captures;
  const placeholder: number[] = [];
  let next = 0;
  for (const segment of segments) {
    placeholder.push(next);
    if (!(segment instanceof Uint8Array)) next++;
  }
  const search = new __EcSearch(segments, placeholder, first, b, captures);
  try {
    return search.from(0, 0) ? captures : null;
  } catch (error) {
    if (error === __EC_EXHAUSTED) return null;
    throw error;
  }
}

/** The search ran out of steps. */
const __EC_EXHAUSTED = {};

/** The depth-first search of `split_repeated`, step for step as Rust's. */
class __EcSearch {
  readonly segments: readonly (Uint8Array | __EcClass)[];
  readonly placeholder: readonly number[];
  readonly first: readonly number[];
  readonly b: Uint8Array;
  readonly captures: number[];
  stepsLeft: number;

  constructor(
    segments: readonly (Uint8Array | __EcClass)[],
    placeholder: readonly number[],
    first: readonly number[],
    b: Uint8Array,
    captures: number[],
  ) {
    this.segments = segments;
    this.placeholder = placeholder;
    this.first = first;
    this.b = b;
    this.captures = captures;
    this.stepsLeft = __EC_STEPS_PER_BYTE * (b.length + 1);
  }

  step(steps: number): void {
    if (steps > this.stepsLeft) throw __EC_EXHAUSTED;
    this.stepsLeft -= steps;
  }

  /** Whether the segments from `seg` on match the message from byte `at`. */
  from(seg: number, at: number): boolean {
    const b = this.b;
    const n = b.length;
    const captures = this.captures;
    for (;;) {
      this.step(1);
      if (seg >= this.segments.length) return at === n;
      const segment = this.segments[seg]!;
      if (segment instanceof Uint8Array) {
        if (!__ecAt(b, at, segment)) return false;
        at += segment.length;
        seg++;
        continue;
      }
      const p = this.placeholder[seg]!;
      const f = this.first[p]!;
      if (f !== p) {
        // A later placeholder of a field: the text it took the first time.
        const start = captures[2 * f]!;
        const length = captures[2 * f + 1]! - start;
        let same = 0;
        while (same < length && at + same < n && b[at + same] === b[start + same]) same++;
        this.step(same + 1);
        if (same < length || !__ecAccepts(segment, b, start, start + length)) return false;
        captures[2 * p] = at;
        captures[2 * p + 1] = at + length;
        at += length;
        seg++;
        continue;
      }
      // The first placeholder of a field: each length the rest leaves room for, shortest
      // first. With `k` later placeholders of the field, the rest takes between `min + k·len`
      // and `max + k·len` bytes.
      const [min, max, k] = this.restBounds(seg + 1, p);
      const left = n - at;
      if (left < min) return false;
      const most = left - min;
      const least = max < 0 ? 0 : Math.max(0, left - max);
      const shortest = Math.max(Math.ceil(least / (k + 1)), segment.least);
      const longest = Math.min(Math.floor(most / (k + 1)), segment.most < 0 ? Infinity : segment.most);
      for (let len = shortest; len <= longest; len++) {
        this.step(1);
        const end = at + len;
        if (end > n || !__ecBoundary(b, end)) continue;
        if (!__ecAccepts(segment, b, at, end)) continue;
        captures[2 * p] = at;
        captures[2 * p + 1] = end;
        if (this.from(seg + 1, end)) return true;
      }
      return false;
    }
  }

  /**
   * The fewest and the most bytes (`-1`: no bound) that the segments from `seg` on take,
   * leaving out the placeholders of the field whose first placeholder is `own`, and the
   * number of those.
   */
  restBounds(seg: number, own: number): [number, number, number] {
    let min = 0;
    let max = 0;
    let k = 0;
    for (let i = seg; i < this.segments.length; i++) {
      const segment = this.segments[i]!;
      let lo: number;
      let hi: number;
      if (segment instanceof Uint8Array) {
        lo = hi = segment.length;
      } else {
        const f = this.first[this.placeholder[i]!]!;
        if (f === own) {
          k++;
          continue;
        }
        if (f < own) {
          // A field already read: its text.
          lo = hi = this.captures[2 * f + 1]! - this.captures[2 * f]!;
        } else {
          lo = segment.least;
          hi = segment.most;
        }
      }
      min += lo;
      max = max < 0 || hi < 0 ? -1 : max + hi;
    }
    return [min, max, k];
  }
}

// ---------------------------------------------------------------------------------------
// Values of entries

/** A field's value. */
type __EcValue = string | number | bigint | boolean;

/** The types whose values are `number`s; the other integers are `bigint`s. */
const __EC_SMALL_INTS = ["u8", "u16", "u32", "i8", "i16", "i32"];

/**
 * The value of a field of type `kind` from `text`, as Rust's `FromStr` parses it (an integer
 * may have a `+`, a `-` for a signed type, and leading zeros, in range); `undefined` when it
 * does not parse.
 */
function __ecParse(kind: CatalogTable.Kind, text: string): __EcValue | undefined {
  if (kind === "string" || kind === "external") return text;
  if (kind === "bool") return text === "true" ? true : text === "false" ? false : undefined;
  if (typeof kind !== "string") {
    const type = __ecCatalog.types[kind.enum];
    return type !== undefined && type.values.includes(text) ? text : undefined;
  }
  const [max, min] = __EC_INTS[kind]!;
  let digits = text;
  let negative = false;
  if (digits === "+" || digits === "-") return undefined;
  if (digits.startsWith("+")) {
    digits = digits.slice(1);
  } else if (digits.startsWith("-") && min !== "") {
    digits = digits.slice(1);
    negative = true;
  }
  if (digits.length === 0 || !/^[0-9]+$/.test(digits)) return undefined;
  const magnitude = BigInt(digits);
  if (magnitude > BigInt(negative ? min : max)) return undefined;
  const value = negative ? -magnitude : magnitude;
  return __EC_SMALL_INTS.includes(kind) ? Number(value) : value;
}

/** A field's value as the message shows it: integers in decimal, booleans as `true`/`false`. */
function __ecShow(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

/**
 * The own property `name` of `object`: a field may be named `__proto__` or `constructor`, which
 * an index would read from the prototype.
 */
function __ecOwn(object: Readonly<Record<string, unknown>>, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;
}

/** An object of `pairs` as own properties, `__proto__` too (which an assignment would not make). */
function __ecObject<V>(pairs: readonly (readonly [string, V])[]): Record<string, V> {
  const object: Record<string, V> = {};
  for (const [name, value] of pairs) {
    Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** `template` of `entry` with the values of `fields` in its placeholders. */
function __ecFill(
  entry: CatalogTable.Entry,
  template: CatalogTable.Template,
  fields: Readonly<Record<string, unknown>>,
): string {
  let out = "";
  for (const segment of template) {
    if (typeof segment === "string") {
      out += segment;
    } else {
      const field = entry.fields[segment];
      out += field === undefined ? "" : __ecShow(__ecOwn(fields, field.name));
    }
  }
  return out;
}

/**
 * Rust's generated `build`: the fields of `entry` from `texts`, the text of each placeholder of
 * its default template in order (each field from its first placeholder); `null` when a text
 * is missing or does not parse.
 */
function __ecBuild(entry: CatalogTable.Entry, texts: readonly string[]): Record<string, __EcValue> | null {
  const slots = __ecCompile(entry, entry.template).slots;
  const fields: [string, __EcValue][] = [];
  for (let f = 0; f < entry.fields.length; f++) {
    const at = Math.max(slots.indexOf(f), 0);
    if (at >= texts.length) return null;
    const field = entry.fields[f]!;
    const value = __ecParse(field.kind, texts[at]!);
    if (value === undefined) return null;
    fields.push([field.name, value]);
  }
  return __ecObject(fields);
}

/**
 * Rust's `build_from`: `texts` of a template whose placeholders hold the fields `slots`, put in
 * the order of the default template's placeholders first (a field the template leaves out has
 * the empty text).
 */
function __ecBuildFrom(
  entry: CatalogTable.Entry,
  slots: readonly number[],
  texts: readonly string[],
): Record<string, __EcValue> | null {
  const defaults = __ecCompile(entry, entry.template).slots;
  if (defaults.length === slots.length && defaults.every((slot, k) => slot === slots[k])) {
    return __ecBuild(entry, texts);
  }
  const ordered = defaults.map((field) => {
    const at = slots.indexOf(field);
    return at >= 0 && at < texts.length ? texts[at]! : "";
  });
  return __ecBuild(entry, ordered);
}

/**
 * An error of the catalog, as the runtime builds and reads it. The runtime never works on the
 * catalog's union itself (`CatalogError`), only converts to and from it at the public
 * functions, through `unknown`: tsc then never relates the union's members to one another, which
 * with thousands of entries takes it longer than any build allows.
 */
interface __EcErrorValue {
  readonly name: string;
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** An `Unrecognized` as the runtime builds it, its entries' names plain strings. */
interface __EcUnrecognized {
  readonly name: "Unrecognized";
  readonly kind: UnrecognizedKind;
  readonly reason: BodyError | null;
  readonly status: number;
  readonly code: string | null;
  readonly message: string | null;
  retryAfter: number | null;
  readonly entries: readonly string[];
}

/** What reading a response gives, before it is typed as the catalog's. */
type __EcResult = __EcErrorValue | __EcUnrecognized;

/** A value of the entry `entry`. */
function __ecError(
  entry: CatalogTable.Entry,
  message: string,
  fields: Readonly<Record<string, unknown>>,
): __EcErrorValue {
  return { name: entry.name, code: entry.code, status: entry.status, message, fields };
}

/** A value of the catalog's union, as the runtime reads it. */
function __ecValue(error: CatalogError | Unrecognized): __EcResult {
  return error as unknown as __EcResult;
}

// ---------------------------------------------------------------------------------------
// Locales

/**
 * The tags that a text requested in `tag` is looked up in, as RFC 4647's lookup truncates a
 * language range (`de-CH-1996`, `de-CH`, `de`; a singleton left at the end goes with the
 * subtag after it); none for `*` or an empty tag.
 */
function __ecFallbacks(tag: string): string[] {
  const chain: string[] = [];
  let current: string | null = __ecTrim(tag);
  if (current === "" || current === "*") return chain;
  while (current !== null) {
    chain.push(current);
    const at: number = current.lastIndexOf("-");
    if (at < 0) break;
    let rest = current.slice(0, at);
    const before = rest.lastIndexOf("-");
    if (__ecSingleton(rest, before)) rest = rest.slice(0, before);
    current = rest === "" ? null : rest;
  }
  return chain;
}

/** Whether the subtag after the `-` at `before` ends `tag` and is one byte long (a singleton). */
function __ecSingleton(tag: string, before: number): boolean {
  return before >= 0 && tag.length - before === 2 && tag.charCodeAt(before + 1) < 0x80;
}

/** The index of `tag` among the catalog's locales, without ASCII case. */
function __ecLocaleIndex(tag: string): number {
  const lower = __ecAsciiLower(tag);
  return __ecCatalog.locales.findIndex((locale) => __ecAsciiLower(locale) === lower);
}

/** The locale a text of the locale at `index` falls back to (-1: the default locale). */
function __ecParent(index: number): number {
  let tag = __ecCatalog.locales[index] ?? "";
  for (let at = tag.lastIndexOf("-"); at >= 0; at = tag.lastIndexOf("-")) {
    tag = tag.slice(0, at);
    const before = tag.lastIndexOf("-");
    if (__ecSingleton(tag, before)) tag = tag.slice(0, before);
    const parent = __ecLocaleIndex(tag);
    if (parent >= 0) return parent;
  }
  return -1;
}

/** The template of `entry` in `locale`, along the fallback chain, else the default one. */
function __ecTemplateIn(entry: CatalogTable.Entry, locale: string | undefined): CatalogTable.Template {
  if (locale === undefined) return entry.template;
  let at = -1;
  for (const candidate of __ecFallbacks(locale)) {
    at = __ecLocaleIndex(candidate);
    if (at >= 0) break;
  }
  for (let hops = 0; at >= 0 && hops <= __ecCatalog.locales.length; hops++) {
    const name = __ecAsciiLower(__ecCatalog.locales[at] ?? "");
    const own = entry.translations.find((translation) => __ecAsciiLower(translation[0]) === name);
    if (own !== undefined) return own[1];
    at = __ecParent(at);
  }
  return entry.template;
}

// ---------------------------------------------------------------------------------------
// The client: from a response to an error

/** The lookups of the catalog, built at first use. */
let __ecIndex: {
  readonly codes: Map<string, readonly number[]>;
  readonly names: Map<string, number>;
} | null = null;

function __ecLookups(): NonNullable<typeof __ecIndex> {
  if (__ecIndex === null) {
    const codes = new Map<string, readonly number[]>();
    for (const [code, indices] of __ecCatalog.codes) codes.set(code, indices);
    const names = new Map<string, number>();
    __ecCatalog.entries.forEach((entry, index) => names.set(entry.name, index));
    __ecIndex = { codes, names };
  }
  return __ecIndex;
}

/** The entry named `name`, if any. */
function __ecEntry(name: string): CatalogTable.Entry | undefined {
  const index = __ecLookups().names.get(name);
  return index === undefined ? undefined : __ecCatalog.entries[index];
}

/** An `Unrecognized`, with the entries of its code. */
function __ecUnrecognized(
  kind: UnrecognizedKind,
  reason: BodyError | null,
  status: number,
  code: string | null,
  message: string | null,
): __EcUnrecognized {
  const entries = __ecCatalog.entries
    .filter((entry) => code !== null && entry.code === code)
    .map((entry) => entry.name);
  return { name: "Unrecognized", kind, reason, status, code, message, retryAfter: null, entries };
}

/** A message, with its UTF-8 bytes once needed. */
interface __EcMessage {
  readonly text: string;
  bytes: Uint8Array | null;
}

/** What trying one entry on a message gave: its value, the next entry, or a contradiction. */
type __EcTried = __EcErrorValue | 0 | 1;
const __EC_NEXT = 0;
const __EC_CONTRADICTED = 1;

/** The texts of the placeholders of `compiled` in `message`, or `null` when it does not fit. */
function __ecSplitTexts(compiled: __EcCompiled, message: __EcMessage): string[] | null {
  const bytes = (message.bytes ??= __ecEncode(message.text));
  const captures = __ecSplitRepeated(compiled.segments, compiled.slots, bytes);
  if (captures === null) return null;
  const texts: string[] = [];
  for (let k = 0; k < captures.length; k += 2) {
    texts.push(__ecUtf8(bytes.subarray(captures[k]!, captures[k + 1]!)) ?? "");
  }
  return texts;
}

/**
 * Rust's `try_entry`: the entry `entry` in its template `template` on `message`, with the
 * body's fields object if any. The fields object gives every placeholder its text when it
 * has them all (the value must then render as the message), else the message is split. Fields
 * that contradict a message this template reads make the body contradictory.
 */
function __ecTryEntry(
  entry: CatalogTable.Entry,
  template: CatalogTable.Template,
  message: __EcMessage,
  fields: __EcFieldTexts | null,
): __EcTried {
  const compiled = __ecCompile(entry, template);
  const slots = compiled.slots;
  let texts: string[] | null = null;
  if (fields !== null) {
    texts = [];
    for (const slot of slots) {
      const field = entry.fields[slot];
      const text = field === undefined ? null : fields.get(field.name);
      if (text === null) {
        texts = null;
        break;
      }
      texts.push(text);
    }
  }
  const fromFields = texts !== null;
  if (texts === null) {
    texts = __ecSplitTexts(compiled, message);
    if (texts === null) return __EC_NEXT;
  }
  // Every value is compared with the message: a split gives only texts that render back, so
  // this only rejects what Rust's comparison rejects.
  const value = __ecBuildFrom(entry, slots, texts);
  if (value !== null && __ecFill(entry, template, value) === message.text) {
    return __ecError(entry, message.text, value);
  }
  if (fromFields) {
    const split = __ecSplitTexts(compiled, message);
    const again = split === null ? null : __ecBuildFrom(entry, slots, split);
    if (again !== null && __ecFill(entry, template, again) === message.text) return __EC_CONTRADICTED;
  }
  return __EC_NEXT;
}

/**
 * Rust's `from_parts`: the entries of `code` (those of the received status first, unless the
 * code has one entry), each in its default message then its own translations.
 */
function __ecFromParts(
  status: number,
  code: string,
  text: string,
  fields: __EcFieldTexts | null,
): __EcResult {
  const entries = __ecLookups().codes.get(code) ?? [];
  if (entries.length === 0) return __ecUnrecognized("UnknownCode", null, status, code, text);
  const atStatus = (index: number) => __ecCatalog.entries[index]?.status === status;
  const ordered =
    entries.length === 1
      ? entries
      : [...entries.filter(atStatus), ...entries.filter((index) => !atStatus(index))];
  const message: __EcMessage = { text, bytes: null };
  entries: for (const index of ordered) {
    const entry = __ecCatalog.entries[index];
    if (entry === undefined) continue;
    const templates = [entry.template, ...entry.translations.map((translation) => translation[1])];
    for (const template of templates) {
      const compiled = __ecCompile(entry, template);
      // A template without placeholders reads exactly its text.
      if (compiled.literal !== null) {
        if (compiled.literal === text) {
          const value = __ecBuild(entry, []);
          if (value !== null) return __ecError(entry, text, value);
        }
        continue;
      }
      const tried = __ecTryEntry(entry, template, message, fields);
      if (tried === __EC_CONTRADICTED) break entries;
      if (tried !== __EC_NEXT) return tried;
    }
  }
  return __ecUnrecognized("MessageMismatch", null, status, code, text);
}

/**
 * Rust's `without_message`: a code received without a message is the first entry of the code
 * (those of the received status first) whose default message has no placeholder.
 */
function __ecWithoutMessage(status: number, code: string): __EcResult {
  const entries = __ecLookups().codes.get(code) ?? [];
  if (entries.length === 0) return __ecUnrecognized("UnknownCode", null, status, code, null);
  const atStatus = (index: number) => __ecCatalog.entries[index]?.status === status;
  const ordered = [...entries.filter(atStatus), ...entries.filter((index) => !atStatus(index))];
  for (const index of ordered) {
    const entry = __ecCatalog.entries[index];
    if (entry === undefined) continue;
    const compiled = __ecCompile(entry, entry.template);
    if (compiled.literal === null) continue;
    const value = __ecBuild(entry, []);
    if (value !== null) return __ecError(entry, compiled.literal, value);
  }
  return __ecUnrecognized("MessageMismatch", null, status, code, null);
}

/**
 * The first value of the header `name` (lowercase) as text, or `null` without it or when it is
 * not UTF-8 (which the Rust client requires).
 */
function __ecHeader(headers: HeadersLike | undefined, name: string): string | null {
  const value = __ecHeaderValue(headers, name);
  return value === null ? null : __ecHeaderText(value);
}

/** The first value of the header `name` (lowercase), as the headers hold it. */
function __ecHeaderValue(headers: HeadersLike | undefined, name: string): string | null {
  if (headers === undefined || headers === null) return null;
  const pairs = (items: Iterable<readonly [string, unknown]>): string | null => {
    for (const [key, value] of items) {
      if (typeof key === "string" && __ecAsciiLower(key) === name) {
        return typeof value === "string" ? value : null;
      }
    }
    return null;
  };
  if (headers instanceof Map) return pairs(headers as Map<string, unknown>);
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === "function") {
    const value: unknown = getter.call(headers, name);
    return typeof value === "string" ? value : null;
  }
  if (typeof (headers as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function") {
    return pairs(headers as Iterable<readonly [string, string]>);
  }
  const record = headers as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(record)) {
    if (__ecAsciiLower(key) !== name) continue;
    const value = record[key];
    if (typeof value === "string") return value;
    if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : null;
  }
  return null;
}

/**
 * A header value as text. JavaScript's HTTP APIs (fetch's `Headers`, node's `http`) give each
 * byte of a value as one character (Latin-1): those bytes are read as UTF-8, as the Rust client
 * reads them, and `null` when they are not UTF-8. A value with a character beyond U+00FF was
 * made as text, and is taken as it is.
 */
function __ecHeaderText(value: string): string | null {
  let high = false;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c > 0xff) return value;
    if (c >= 0x80) high = true;
  }
  if (!high) return value;
  const bytes = new Uint8Array(value.length);
  for (let k = 0; k < value.length; k++) bytes[k] = value.charCodeAt(k);
  return __ecUtf8(bytes);
}

/** The code in the catalog's code header, trimmed, if the response has it and it is not blank. */
function __ecHeaderCode(headers: HeadersLike | undefined): string | null {
  const name = __ecCatalog.wire.header;
  if (name === null) return null;
  const value = __ecHeader(headers, name);
  if (value === null) return null;
  const code = __ecTrim(value);
  return code === "" ? null : code;
}

/** The body's bytes. */
function __ecBytes(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === "string") return __ecEncode(body);
  if (body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body)) {
    const view = body as ArrayBufferView;
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }
  return new Uint8Array(body);
}

// ---------------------------------------------------------------------------------------
// Retry-After

/** The seconds of a `Retry-After` value that is all digits, saturated at `u64::MAX`. */
function __ecSeconds(digits: string): bigint {
  const seconds = BigInt(digits);
  return seconds > __EC_U64_MAX ? __EC_U64_MAX : seconds;
}

const __EC_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const __EC_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const __EC_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Two digits at `at` of `s`, or -1. */
function __ecTwo(s: string, at: number): number {
  const a = s.charCodeAt(at) - 0x30;
  const b = s.charCodeAt(at + 1) - 0x30;
  return a >= 0 && a < 10 && b >= 0 && b < 10 ? a * 10 + b : -1;
}

/** Four digits at `at` of `s`, or -1. */
function __ecFour(s: string, at: number): number {
  const high = __ecTwo(s, at);
  const low = __ecTwo(s, at + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}

/** The seconds since the epoch of a date (the crate `httpdate`'s conversion). */
function __ecEpochSeconds(year: number, mon: number, day: number, hour: number, min: number, sec: number): number {
  const leapYears =
    Math.floor((year - 1 - 1968) / 4) - Math.floor((year - 1 - 1900) / 100) + Math.floor((year - 1 - 1600) / 400);
  const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][mon - 1]!;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const ydays = before + day - 1 + (leap && mon > 2 ? 1 : 0);
  const days = (year - 1970) * 365 + leapYears + ydays;
  return sec + min * 60 + hour * 3600 + days * 86400;
}

/** The calendar date and weekday (1 Monday … 7 Sunday) of seconds since the epoch. */
function __ecCalendar(secs: number): number[] {
  const date = new Date(secs * 1000);
  const weekday = date.getUTCDay();
  return [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    weekday === 0 ? 7 : weekday,
  ];
}

/**
 * An HTTP-date in the IMF-fixdate, RFC 850 or asctime form, as the crate `httpdate` parses it,
 * in seconds since the epoch; `null` for anything else, or a date that does not exist.
 */
function __ecHttpDate(text: string): number | null {
  if (!/^[\x00-\x7f]*$/.test(text)) return null;
  const s = text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, "");
  // [year, month, day, hour, minute, second, weekday]
  let date: [number, number, number, number, number, number, number] | null = null;
  if (s.length === 29 && s.slice(25) === " GMT" && s[16] === " " && s[19] === ":" && s[22] === ":") {
    const mon = s[7] === " " && s[11] === " " ? __EC_MONTHS.indexOf(s.slice(8, 11)) + 1 : 0;
    const wday = s.slice(3, 5) === ", " ? __EC_DAYS.indexOf(s.slice(0, 3)) + 1 : 0;
    date = [__ecFour(s, 12), mon, __ecTwo(s, 5), __ecTwo(s, 17), __ecTwo(s, 20), __ecTwo(s, 23), wday];
  } else if (s.length >= 23 && /^[A-Za-z]+day, /.test(s)) {
    const comma = s.indexOf(", ");
    const wday = __EC_WEEKDAYS.indexOf(s.slice(0, comma)) + 1;
    const t = s.slice(comma + 2);
    if (wday > 0 && t.length === 22 && t[12] === ":" && t[15] === ":" && t.slice(18) === " GMT") {
      const mon = t[2] === "-" && t[6] === "-" ? __EC_MONTHS.indexOf(t.slice(3, 6)) + 1 : 0;
      const yy = __ecTwo(t, 7);
      const year = yy < 0 ? -1 : yy < 70 ? yy + 2000 : yy + 1900;
      date = [year, mon, __ecTwo(t, 0), __ecTwo(t, 10), __ecTwo(t, 13), __ecTwo(t, 16), wday];
    }
  } else if (s.length === 24 && s[10] === " " && s[13] === ":" && s[16] === ":" && s[19] === " ") {
    const mon = s[7] === " " ? __EC_MONTHS.indexOf(s.slice(4, 7)) + 1 : 0;
    const wday = s[3] === " " ? __EC_DAYS.indexOf(s.slice(0, 3)) + 1 : 0;
    const day = s[8] === " " ? __ecTwo(`0${s[9]}`, 0) : __ecTwo(s, 8);
    date = [__ecFour(s, 20), mon, day, __ecTwo(s, 11), __ecTwo(s, 14), __ecTwo(s, 17), wday];
  }
  if (date === null || date.some((part) => part < 0)) return null;
  const [year, mon, day, hour, min, sec] = date;
  if (sec >= 60 || min >= 60 || hour >= 24 || day < 1 || day > 31 || mon < 1 || mon > 12) return null;
  if (year < 1970 || year > 9999) return null;
  const secs = __ecEpochSeconds(year, mon, day, hour, min, sec);
  // The date must be the one those seconds give back, weekday included.
  const back = __ecCalendar(secs);
  return back.every((part, k) => part === date![k]) ? secs : null;
}

/**
 * Rust's `retry_after` over one header value: whole seconds (all digits, saturated at
 * `u64::MAX`), or an HTTP-date counted from `now`, rounded up, zero when past.
 */
function __ecRetryAfterValue(value: string, now: Date): bigint | null {
  const text = value.replace(/^[ \t]+|[ \t]+$/g, "");
  if (text === "") return null;
  if (/^[0-9]+$/.test(text)) return __ecSeconds(text);
  const date = __ecHttpDate(text);
  if (date === null) return null;
  const delay = date * 1000 - now.getTime();
  return delay <= 0 ? 0n : BigInt(Math.ceil(delay / 1000));
}

/** Seconds as a `number`, at most `Number.MAX_SAFE_INTEGER`. */
function __ecSafe(seconds: bigint): number {
  return seconds > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(seconds);
}

/** `unrecognized` with the delay of the `Retry-After` header, kept as the Rust client keeps it. */
function __ecWithRetryAfter(
  unrecognized: __EcUnrecognized,
  headers: HeadersLike | undefined,
): __EcUnrecognized {
  const value = __ecHeader(headers, "retry-after");
  const seconds = value === null ? null : __ecRetryAfterValue(value, new Date());
  if (seconds !== null) unrecognized.retryAfter = Number(seconds > 4294967294n ? 4294967294n : seconds);
  return unrecognized;
}

// ---------------------------------------------------------------------------------------
// The public API

/**
 * Reads an HTTP error response (its status, its body as text or bytes, and its headers if
 * any) into the catalog's error, or an {@link Unrecognized} that keeps what was received and
 * says why: exactly as the Rust client (`CatalogError::from_http`, with problem details)
 * reads it.
 *
 * A body of the catalog's shape is read by its code (or, without one, the code header) and
 * its message: the entries of the code are tried, those of the received status first, each
 * in its default message and then in its translations; a message is split along the entry's
 * template (of several readings, the one that gives the first placeholder the shortest text,
 * then the second, …) and each field parsed as its type; with the fields object, the fields
 * are taken from it and must render as the message. RFC 9457 problem details are read too.
 *
 * Where it cannot agree with the Rust client: a field of an external type (`std::net::Ipv4Addr`)
 * is any text here, where Rust parses it with the type's `FromStr` and requires it to render
 * back as received (so `010.0.0.1` is read here and not there); and a fetch `Headers` joins a
 * repeated header's values with `, `, where Rust reads the first (pass pairs to keep them apart).
 *
 * ```ts
 * const response = await fetch(url);
 * if (!response.ok) {
 *   const error = parseError(response.status, await response.text(), response.headers);
 *   if (isUnrecognized(error)) console.warn(error.kind, error.message);
 *   else console.warn(error.name, error.fields);
 * }
 * ```
 */
export function parseError(
  status: number,
  body: string | Uint8Array | ArrayBuffer,
  headers?: HeadersLike,
): CatalogError | Unrecognized {
  const bytes = __ecBytes(body);
  const { read, problem } = __ecReadBody(bytes);
  let result: __EcResult | null = null;
  // Problem details, or a body without the catalog's code or message, read as RFC 9457.
  if (problem || (!read.ok && read.reason.kind === "MissingKey")) {
    const details = __ecReadProblem(bytes);
    if (details !== null) {
      result =
        details.detail !== null
          ? __ecFromParts(status, details.code, details.detail, details.fields)
          : __ecWithoutMessage(status, details.code);
    }
  }
  if (result === null) {
    if (read.ok) {
      result = __ecFromParts(status, read.code, read.message, read.fields);
    } else {
      const partial = read.read;
      const reason = read.reason;
      const headerCode = __ecHeaderCode(headers);
      if (reason.kind === "MissingKey" && partial.code !== null && reason.key === __ecCatalog.wire.message) {
        // The code without a message, as with the code header alone.
        result = __ecWithoutMessage(status, partial.code);
      } else if (headerCode !== null && partial.code === null) {
        // The body's code, when it has one, wins over the header's.
        result =
          partial.message !== null
            ? __ecFromParts(status, headerCode, partial.message, partial.fields)
            : __ecWithoutMessage(status, headerCode);
      } else {
        result = __ecUnrecognized("NotAnErrorBody", reason, status, partial.code, partial.message);
      }
    }
  }
  const answer = result.name === "Unrecognized" ? __ecWithRetryAfter(result as __EcUnrecognized, headers) : result;
  return answer as unknown as CatalogError | Unrecognized;
}

/**
 * The message of `error` in `locale` (a BCP 47 tag such as `"de-CH"`), along Rust's fallback
 * chain: the `de-CH` message, else the `de` one, else the message in the default locale; a
 * locale the catalog does not have, or none, gives the default message. Integers are written
 * in decimal, as Rust writes them.
 */
export function render(error: CatalogError, locale?: string): string {
  const value = __ecValue(error);
  const entry = value.name === "Unrecognized" ? undefined : __ecEntry(value.name);
  if (entry === undefined) throw new TypeError(`not an error of ${__ecCatalog.title}`);
  return __ecFill(entry, __ecTemplateIn(entry, locale), (value as __EcErrorValue).fields);
}

/**
 * The error `name` with `fields`, its message rendered in the default locale: what a server
 * of the catalog would send, for tests and for clients that build errors themselves.
 */
export function createError<N extends ErrorName>(name: N, fields: FieldsOf<N>): ErrorOf<N> {
  const entry = __ecEntry(name as unknown as string);
  if (entry === undefined) throw new TypeError(`no error ${String(name)} in ${__ecCatalog.title}`);
  const given = fields as unknown as Readonly<Record<string, unknown>>;
  const copy = __ecObject(entry.fields.map((field) => [field.name, __ecOwn(given, field.name)] as const));
  return __ecError(entry, __ecFill(entry, entry.template, copy), copy) as unknown as ErrorOf<N>;
}

/** Whether `value` is an error of the catalog named `name`: narrows it to that entry's type. */
export function isError<N extends ErrorName>(value: unknown, name: N): value is ErrorOf<N> {
  if (typeof value !== "object" || value === null) return false;
  const given = (value as { readonly name?: unknown }).name;
  return given === (name as unknown as string) && __ecLookups().names.has(given);
}

/** Whether `value` is an {@link Unrecognized} response. */
export function isUnrecognized(value: unknown): value is Unrecognized {
  return typeof value === "object" && value !== null && (value as { readonly name?: unknown }).name === "Unrecognized";
}

/**
 * Whether the request may be retried: the entry's `retryable` (by default, statuses 429, 503
 * and 504); for an {@link Unrecognized} response, its status alone is 429, 503 or 504.
 */
export function isRetryable(error: CatalogError | Unrecognized): boolean {
  const value = __ecValue(error);
  if (value.name === "Unrecognized") return value.status === 429 || value.status === 503 || value.status === 504;
  const entry = __ecEntry(value.name);
  return entry !== undefined && entry.retryable;
}

/**
 * How long to wait before retrying, in seconds: the entry's `retry_after` field (`null` when
 * the entry has none, or its value is negative or beyond `u64`), or the `Retry-After` header
 * of an {@link Unrecognized} response. Delays beyond `Number.MAX_SAFE_INTEGER` seconds are
 * given as that.
 */
export function retryAfter(error: CatalogError | Unrecognized): number | null {
  const read = __ecValue(error);
  if (read.name === "Unrecognized") return (read as __EcUnrecognized).retryAfter;
  const entry = __ecEntry(read.name);
  if (entry === undefined || entry.retryAfter === null) return null;
  const value = __ecOwn((read as __EcErrorValue).fields, entry.retryAfter);
  if (typeof value !== "number" && typeof value !== "bigint") return null;
  if (typeof value === "number" && !Number.isInteger(value)) return null;
  const seconds = BigInt(value);
  if (seconds < 0n || seconds > __EC_U64_MAX) return null;
  return __ecSafe(seconds);
}

/**
 * The delay the `Retry-After` header of `headers` asks for, in whole seconds, as the Rust
 * client's `retry_after` reads it: a number of seconds (too many digits give
 * `Number.MAX_SAFE_INTEGER`, where Rust saturates at `u64::MAX`), or an HTTP-date (IMF-fixdate,
 * RFC 850 or asctime) counted from `now`, rounded up, zero when past; `null` without the header
 * or when it holds anything else.
 */
export function retryAfterHeader(headers: HeadersLike, now?: Date): number | null {
  const value = __ecHeader(headers, "retry-after");
  const seconds = value === null ? null : __ecRetryAfterValue(value, now ?? new Date());
  return seconds === null ? null : __ecSafe(seconds);
}
