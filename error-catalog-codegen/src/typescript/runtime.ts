// Development stub: the generator keeps only what follows the marker line.
type CatalogError = never;
// ---- error-catalog runtime ----
/** The shape of `catalog`, which the runtime reads. (Placeholder: the runtime is being written.) */
interface CatalogTable {
  readonly title: string;
}

/** Placeholder: the runtime is being written. */
export function parseError(): never {
  throw new Error("not yet");
}
