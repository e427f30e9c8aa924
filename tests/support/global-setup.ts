import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Each run lays its fixture sites out afresh; the last run's are removed first. */
export default function setup(): void {
  rmSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.output"), { recursive: true, force: true });
}
