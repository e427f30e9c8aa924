/**
 * What `npm start` adds to the build, and only there: the development Content-Security-Policy
 * that lets live reload connect (src/dev/policy.ts), and the findings panel on every page while
 * the last rebuild has findings (src/dev/panel.ts). A build for publishing never runs this.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { PANEL_CSS, PANEL_STYLESHEET, withFindingsPanel, withoutFindingsPanel } from "../dev/panel.ts";
import { withDevelopmentPolicy } from "../dev/policy.ts";
import type { Report } from "../findings/collector.ts";
import { reloadClientFile } from "./eleventy-internals.ts";
import type { SiteRun } from "./site-run.ts";

/**
 * The hash of the dev server's reload client, which it inlines into an error page (a 404):
 * the development policy allows that one script by its hash, never 'unsafe-inline'.
 */
export function reloadClientHash(): string {
  const script = readFileSync(reloadClientFile());
  return `sha512-${createHash("sha512").update(script).digest("base64")}`;
}

export default function devServer(eleventyConfig: UserConfig, options: { run: SiteRun }): void {
  const dev = options.run.dev;
  if (!dev) return;
  const findings = options.run.findings;
  const policy = { port: dev.port, scriptHash: reloadClientHash() };

  // The port the command checked is free: never another one, which the policy would not name.
  eleventyConfig.setServerOptions({ port: dev.port, portReassignmentRetryCount: 0, showVersion: false });

  eleventyConfig.addTransform("policy-dev-csp", function (content) {
    const outputPath = this.page.outputPath;
    return typeof outputPath === "string" && outputPath.endsWith(".html") ? withDevelopmentPolicy(content, policy) : content;
  });

  // After the checks and the publisher: every finding of this rebuild is known.
  eleventyConfig.on("eleventy.after", ({ results, directories }) => {
    const report = findings.report();
    writeStylesheet(directories.output);
    for (const page of results ?? []) {
      if (typeof page.outputPath !== "string" || !page.outputPath.endsWith(".html")) continue;
      // The live reload patches the open page from this content, and a fresh load reads the file: both get the panel.
      const shown = withFindingsPanel(page.content, report);
      if (shown === page.content) continue;
      page.content = shown;
      writeFileSync(page.outputPath, shown);
    }
  });
}

function writeStylesheet(output: string): void {
  const file = path.join(output, PANEL_STYLESHEET);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, PANEL_CSS);
}

/**
 * After a rebuild that Eleventy itself could not finish, no page is written again: the pages
 * of the last one get this rebuild's panel instead, so the author sees why.
 */
export function showPanelOnWrittenPages(output: string, files: string[], report: Report): void {
  if (!existsSync(output)) return;
  writeStylesheet(output);
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    writeFileSync(file, withFindingsPanel(withoutFindingsPanel(html), report));
  }
}
