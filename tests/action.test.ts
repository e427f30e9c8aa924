/**
 * The GitHub Action (action.yml at the repository's root), read as GitHub reads it (YAML): a
 * composite action whose every input reaches the bin's check command, and the README's example
 * workflow that uses it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "./support/fixture-site.ts";

interface Step {
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

const action = parse(readFileSync(path.join(ROOT, "action.yml"), "utf8")) as {
  name?: string;
  description?: string;
  inputs?: Record<string, { description?: string; default?: string }>;
  runs?: { using?: string; steps?: Step[] };
};

describe("the check action", () => {
  it("is a composite action with the inputs files, keys, data and format, format defaulting to github", () => {
    expect(action.name).toBeTruthy();
    expect(action.description).toBeTruthy();
    expect(action.runs?.using).toBe("composite");
    expect(Object.keys(action.inputs ?? {})).toEqual(["files", "keys", "data", "format"]);
    expect(action.inputs?.format?.default).toBe("github");
    expect(action.inputs?.files?.default).toBe("SECURITY.md");
    for (const input of Object.values(action.inputs ?? {})) expect(input.description).toBeTruthy();
  });

  it("sets up Node, installs from its own checkout, and runs the bin's check with every input", () => {
    const steps = action.runs?.steps ?? [];
    expect(steps[0]).toMatchObject({ uses: "actions/setup-node@v4", with: { "node-version": 20 } });
    expect(steps[1]?.run).toBe('npm ci --omit=dev --no-audit --no-fund --prefix "$GITHUB_ACTION_PATH"');
    const check = steps[2]!;
    expect(check.shell).toBe("bash");
    expect(check.run).toContain('node "$GITHUB_ACTION_PATH/bin/security-policy-site.mjs" check ');
    // Every input is used, and only through the environment: an input pasted into the script could run as code.
    for (const name of Object.keys(action.inputs ?? {})) expect(Object.values(check.env ?? {})).toContain(`\${{ inputs.${name} }}`);
    for (const step of steps) expect(step.run ?? "").not.toContain("${{");
  });
});

describe("the README's example workflow", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Checking a SECURITY.md\n"));
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  const workflow = parse(yaml ?? "") as { on?: Record<string, unknown>; jobs?: Record<string, { steps?: Step[] }> };

  it("runs on push, on pull requests and weekly, so that a key that expires while nobody edits the file is caught", () => {
    expect(Object.keys(workflow.on ?? {}).sort()).toEqual(["pull_request", "push", "schedule"]);
    const [cron] = (workflow.on?.schedule as Array<{ cron: string }>).map((s) => s.cron.split(" "));
    expect(cron).toHaveLength(5);
    expect(cron![2]).toBe("*");
    expect(cron![4]).toMatch(/^[0-6]$/);
  });

  it("checks out the repository and uses the action with the action's own inputs", () => {
    const steps = Object.values(workflow.jobs ?? {})[0]?.steps ?? [];
    expect(steps[0]?.uses).toBe("actions/checkout@v4");
    const uses = steps.find((s) => s.uses?.includes("security-policy-site"));
    expect(uses, "a step that uses the action").toBeDefined();
    for (const name of Object.keys(uses?.with ?? {})) expect(Object.keys(action.inputs ?? {})).toContain(name);
  });
});
