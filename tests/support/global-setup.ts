import { rmSync } from "node:fs";
import { WORK } from "./work.ts";

/** Each run lays its fixture sites out afresh; the last run's are removed first. */
export default function setup(): void {
  rmSync(WORK, { recursive: true, force: true });
}
