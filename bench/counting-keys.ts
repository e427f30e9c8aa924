/** src/rules/keys.ts with inspectKey counted; bench/count-hooks.mjs routes the project's imports here. */
import { inspectKey as inspect } from "../src/rules/keys.ts";
import { countCall } from "./counts.ts";

export * from "../src/rules/keys.ts";

export const inspectKey: typeof inspect = (...args) => {
  countCall("inspectKey");
  return inspect(...args);
};
