import type { UserConfig } from "@11ty/eleventy";
import { printReport, summarize } from "../findings/report.ts";
import type { SiteRun } from "./site-run.ts";

/** Thrown to end a one-off build that found errors, once they are printed. */
export class ChecksFailed extends Error {
  constructor(readonly errors: number, readonly warnings: number) {
    super(`the policy checks found ${summarize({ errors, warnings })}`);
    this.name = "ChecksFailed";
  }

  /** Eleventy prints this message when a plain `eleventy` fails on it; the findings above say where, a stack trace would not. */
  readonly skipOriginalStack = true;
}

/**
 * The last plugin: prints the findings after a build where the run asks for it, and fails a
 * one-off build (not a dev server's rebuild) that has errors.
 */
export default function reportFindings(eleventyConfig: UserConfig, options: { run: SiteRun }): void {
  const { run } = options;
  eleventyConfig.on("eleventy.after", ({ runMode }) => {
    if (!run.reportEachBuild) return;
    const report = run.findings.report();
    printReport(report, "text", { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
    if (report.errors > 0 && runMode === "build") throw new ChecksFailed(report.errors, report.warnings);
  });
}
