import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/fixture-site.ts";

/** A heading's anchor as GitHub makes it: lower case, punctuation but hyphens dropped, spaces made hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/ /g, "-");
}

describe("the README's contents", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const body = readme.replace(/```[\s\S]*?```/g, "");

  it("lists every section and subsection, in order, each linking to its heading", () => {
    const headings = [...body.matchAll(/^(##|###) (.+)$/gm)].filter((m) => m[2] !== "Contents").map((m) => `${m[1] === "##" ? "" : "  "}- [${m[2]}](#${anchor(m[2]!)})`);
    const start = body.indexOf("## Contents\n");
    expect(start, "README.md has no ## Contents").toBeGreaterThan(0);
    const listed = body.slice(start + "## Contents\n".length, body.indexOf("\n## ", start + 1)).trim().split("\n");
    expect(listed).toEqual(headings);
  });

  it("puts what a newcomer needs first: getting started, making it yours, deploying", () => {
    const order = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(order.slice(0, 5)).toEqual(["Contents", "Getting started", "Make it yours", "Add it to an existing Eleventy site", "Deploying"]);
  });

  it("links to the rules and the performance figures, which live in docs/", () => {
    expect(readme).toContain("[docs/rules/README.md](docs/rules/README.md)");
    expect(readme).toContain("[docs/performance.md](docs/performance.md)");
  });
});
