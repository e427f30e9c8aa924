import { describe, expect, it } from "vitest";
import type { Report } from "../src/findings/collector.ts";
import { findingOf as finding } from "./support/findings.ts";
import { formatFinding, formatGithub, formatJson, printReport } from "../src/findings/report.ts";

const MISMATCH = finding("fingerprint-mismatch", "content/security.md", { line: 11, column: 23 }, "fingerprint 7FC1 … is not the declared fingerprint of security@example.org: digit 40 is 2");
const UNVERIFIED = finding("fingerprint-unverified", "content/_data/security.json", { line: 8, column: 22 }, "the fingerprint of security@example.org is not verified against a key");
const REPORT: Report = { findings: [UNVERIFIED, MISMATCH], notices: [{ message: "/.well-known/security.txt is not signed" }], errors: 1, warnings: 1 };

function print(format: "text" | "json" | "github") {
  const out = { stdout: "", stderr: "" };
  printReport(REPORT, format, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
  return out;
}

describe("the reporter", () => {
  it("text: one line per finding on standard error, notices on standard output", () => {
    expect(print("text")).toEqual({
      stderr:
        "content/_data/security.json:8:22: warning: the fingerprint of security@example.org is not verified against a key [fingerprint-unverified]\n" +
        "content/security.md:11:23: error: fingerprint 7FC1 … is not the declared fingerprint of security@example.org: digit 40 is 2 [fingerprint-mismatch]\n",
      stdout: "notice: /.well-known/security.txt is not signed\n",
    });
  });

  it("json: one array on standard output with file, line, column, severity, rule and message; notices apart", () => {
    const { stdout, stderr } = print("json");
    expect(JSON.parse(stdout)).toEqual([
      { file: "content/_data/security.json", line: 8, column: 22, severity: "warning", rule: "fingerprint-unverified", message: UNVERIFIED.message },
      { file: "content/security.md", line: 11, column: 23, severity: "error", rule: "fingerprint-mismatch", message: MISMATCH.message },
    ]);
    expect(stderr).toBe("notice: /.well-known/security.txt is not signed\n");
    expect(formatJson([])).toBe("[]\n");
  });

  it("github: a workflow command per finding, which the pull request shows on its diff", () => {
    expect(print("github")).toEqual({
      stdout:
        "::warning file=content/_data/security.json,line=8,col=22,title=fingerprint-unverified::the fingerprint of security@example.org is not verified against a key\n" +
        "::error file=content/security.md,line=11,col=23,title=fingerprint-mismatch::fingerprint 7FC1 … is not the declared fingerprint of security@example.org: digit 40 is 2\n" +
        "::notice::/.well-known/security.txt is not signed\n",
      stderr: "",
    });
  });

  it("a notice finding is printed with its severity: notice in text, ::notice in GitHub's commands", () => {
    const unverifiable = finding("key-link-unverifiable", "SECURITY.md", { line: 7, column: 3 }, "link names no fingerprint");
    expect(formatFinding(unverifiable)).toBe("SECURITY.md:7:3: notice: link names no fingerprint [key-link-unverifiable]");
    expect(formatGithub(unverifiable)).toBe("::notice file=SECURITY.md,line=7,col=3,title=key-link-unverifiable::link names no fingerprint");
  });

  it("github: escapes what the runner would read as the end of a property or of the command", () => {
    const odd = finding("build-error", "content/a,b:c.md", { line: 1, column: 1 }, "100% wrong\non two lines");
    expect(formatGithub(odd)).toBe("::error file=content/a%2Cb%3Ac.md,line=1,col=1,title=build-error::100%25 wrong%0Aon two lines");
  });
});
