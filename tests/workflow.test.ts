/**
 * The scheduled verification as a project runs it: .github/workflows/verify.yml, read as
 * GitHub reads it (YAML), and held to what the README says it does.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/fixture-site.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

/** Whether a cron field is one of `*`, a number in range, or a list, range or step of them. */
function cronField(field: string, min: number, max: number): boolean {
  return field.split(",").every((part) => {
    const [range, step] = part.split("/");
    if (step !== undefined && !/^\d+$/.test(step)) return false;
    if (range === "*") return true;
    const bounds = range!.split("-").map(Number);
    return bounds.length <= 2 && bounds.every((n) => Number.isInteger(n) && n >= min && n <= max);
  });
}

describe("the verify workflow", () => {
  const text = readFileSync(path.join(ROOT, ".github/workflows/verify.yml"), "utf8");
  const workflow = load(text) as { name?: string; on?: Record<string, unknown>; permissions?: Record<string, string>; jobs?: Record<string, { "runs-on"?: string; steps?: Step[]; "timeout-minutes"?: number }> };

  it("is valid YAML with a name, the events the README names, and read-only permissions", () => {
    expect(workflow.name).toBe("Verify the deployed policy");
    expect(Object.keys(workflow.on ?? {}).sort()).toEqual(["deployment_status", "schedule", "workflow_dispatch"]);
    expect(workflow.permissions).toEqual({ contents: "read" });
  });

  it("runs weekly, by a cron expression of five valid fields", () => {
    const schedule = (workflow.on?.schedule ?? []) as Array<{ cron: string }>;
    expect(schedule).toHaveLength(1);
    const fields = schedule[0]!.cron.split(" ");
    expect(fields).toHaveLength(5);
    const ranges: Array<[number, number]> = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 6]];
    fields.forEach((f, i) => expect(cronField(f, ...ranges[i]!), `cron field ${i + 1} "${f}"`).toBe(true));
    // Weekly: a fixed day of the week, any day of the month.
    expect(fields[2]).toBe("*");
    expect(fields[4]).toMatch(/^[0-6]$/);
  });

  it("checks out, installs as CI does, and runs verify with GitHub annotations, bounded in time", () => {
    const job = workflow.jobs?.verify;
    expect(job?.["runs-on"]).toBe("ubuntu-latest");
    expect(job?.["timeout-minutes"]).toBeLessThanOrEqual(15);
    const steps = job?.steps ?? [];
    expect(steps.map((s) => s.uses ?? s.run)).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "npm ci", "npm run verify -- --format github"]);
    expect(steps[1]?.with).toMatchObject({ "node-version-file": ".nvmrc" });
    // The command it runs is the project's own.
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.verify).toBeDefined();
  });
});
