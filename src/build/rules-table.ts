/**
 * `npm run rules-table`: writes the table of rules in docs/rules/README.md from the registry, so
 * that the two cannot disagree (tests/rules-table.test.ts fails when they do).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { withRulesTable } from "../rules/table.ts";

/** `rules-table`, run in the project's folder (as npm runs it): resolves with the exit code. */
export function rulesTableCommand(): number {
  const readme = "docs/rules/README.md";
  const before = readFileSync(readme, "utf8");
  const after = withRulesTable(before);
  if (after !== before) writeFileSync(readme, after);
  process.stdout.write(after === before ? `${readme}: the rules table is up to date.\n` : `${readme}: the rules table is written anew from src/rules/registry.ts.\n`);
  return 0;
}
