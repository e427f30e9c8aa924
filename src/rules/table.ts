import { RULE_IDS, RULES } from "./registry.ts";

/** The table of rules in docs/rules/README.md, made from the registry: one row per rule, linking to its page beside it. */
export function rulesTable(): string {
  const rows = RULE_IDS.map((id) => {
    const { severity, family, summary, canDisable } = RULES[id];
    return `| [\`${id}\`](${id}.md) | ${severity} | ${family} | ${canDisable ? "yes" : "no"} | ${summary.replace(/\|/g, "\\|")} |`;
  });
  return ["| rule | severity | family | can be turned off | what it catches |", "|---|---|---|---|---|", ...rows].join("\n");
}

export const TABLE_START = "<!-- rules-table: made by `npm run rules-table` from src/rules/registry.ts -->";
export const TABLE_END = "<!-- rules-table end -->";

/** The rules index (docs/rules/README.md) with the table between its markers made anew; throws when the markers are missing. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`docs/rules/README.md has no rules table markers: put ${TABLE_START} and ${TABLE_END} where the table goes`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
}
