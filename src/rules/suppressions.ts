/**
 * Comments in a Markdown page that turn rules off where they are wrong, as markdownlint's do:
 *
 *     <!-- policy-checks-disable-next-line fingerprint-malformed fingerprint-mismatch -->
 *     <!-- policy-checks-disable-line RULE… -->     (on the line itself)
 *     <!-- policy-checks-disable RULE… --> … <!-- policy-checks-enable RULE… -->
 *
 * A suppression is never silent: each finding it hides comes back as a notice at its place,
 * and a comment that names no rule, an unknown rule or a rule that reported nothing where it
 * applies is a warning. Only rules that read a page's text can be turned off there; a rule
 * that keeps a secret from being published never can, and naming one is an error. Pure: the page's text and its findings in, the rest out.
 */
import type { SuppressionResult, Suppressed } from "../findings/collector.ts";
import type { Finding } from "../findings/finding.ts";
import { RULE_IDS, RULES, isRuleId, type RuleId } from "./registry.ts";
import suppressionForbidden from "./source/suppression-forbidden.ts";
import suppressionUnknown from "./source/suppression-unknown.ts";
import suppressionUnused from "./source/suppression-unused.ts";

export type DirectiveKind = "disable-next-line" | "disable-line" | "disable" | "enable";

export interface Directive {
  kind: DirectiveKind;
  /** The ids as written, known or not. */
  rules: string[];
  line: number;
  column: number;
}

const DIRECTIVE = /<!--\s*policy-checks-(disable-next-line|disable-line|disable|enable)((?:\s+[^\s>]+?)*)\s*-->/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Every directive comment in a page's text, with its line and column; none inside fenced code, where the syntax may be shown. */
export function readDirectives(text: string): Directive[] {
  const directives: Directive[] = [];
  let fence: string | undefined;
  text.split(/\r?\n/).forEach((content, i) => {
    const opening = FENCE.exec(content)?.[1];
    if (fence !== undefined) {
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length && content.trim() === opening) fence = undefined;
      return;
    }
    if (opening !== undefined) {
      fence = opening;
      return;
    }
    for (const m of content.matchAll(DIRECTIVE)) {
      const rules = (m[2] ?? "").trim().split(/\s+/).filter((r) => r !== "");
      directives.push({ kind: m[1] as DirectiveKind, rules, line: i + 1, column: m.index + 1 });
    }
  });
  return directives;
}


/** Where one rule is off: lines `from` to `to` of the page, by one comment. */
interface Scope {
  rule: RuleId;
  from: number;
  to: number;
  by: Directive;
  used: boolean;
}

/**
 * Applies the page's comments to the findings placed in it (`file` is the page as findings
 * name it); findings of other files pass through untouched.
 */
export function applySuppressions(file: string, text: string, findings: Finding[]): SuppressionResult {
  const directives = readDirectives(text);
  const own = findings.filter((f) => f.file === file);
  const others = findings.filter((f) => f.file !== file);
  if (directives.length === 0) return { kept: findings, suppressed: [], findings: [] };

  const lastLine = text.split(/\r?\n/).length;
  const problems: Finding[] = [];
  const at = (d: Directive) => ({ line: d.line, column: d.column });
  const scopes: Scope[] = [];
  const open = new Map<RuleId, Scope>();

  for (const d of directives) {
    const kind = d.kind;
    if (d.rules.length === 0 && kind !== "enable") {
      problems.push(suppressionUnknown.finding("noRule", { kind }, file, at(d)));
      continue;
    }
    const known: RuleId[] = [];
    for (const id of d.rules) {
      if (!isRuleId(id)) {
        const near = closestRuleId(id);
        problems.push(near ? suppressionUnknown.finding("mistypedRule", { id, kind, near }, file, at(d)) : suppressionUnknown.finding("unknownRule", { id, kind }, file, at(d)));
      } else if (RULES[id].keepsSecret) {
        problems.push(suppressionForbidden.finding("keepsSecret", { id }, file, at(d)));
      } else if (!RULES[id].canDisable) {
        problems.push(suppressionUnused.finding("notPageRule", { id }, file, at(d)));
      } else {
        known.push(id);
      }
    }

    if (d.kind === "enable") {
      const closing = d.rules.length === 0 ? [...open.keys()] : known;
      for (const id of closing) {
        const scope = open.get(id);
        if (scope) {
          scope.to = d.line - 1;
          open.delete(id);
        } else if (d.rules.length > 0) {
          problems.push(suppressionUnused.finding("enableWithoutDisable", { id }, file, at(d)));
        }
      }
      continue;
    }
    for (const id of known) {
      if (d.kind === "disable") {
        // A second disable while one is open would only hide whether either is needed.
        if (open.has(id)) {
          problems.push(suppressionUnused.finding("alreadyDisabled", { id, line: open.get(id)!.by.line }, file, at(d)));
          continue;
        }
        const scope: Scope = { rule: id, from: d.line + 1, to: lastLine, by: d, used: false };
        open.set(id, scope);
        scopes.push(scope);
      } else {
        const line = d.kind === "disable-line" ? d.line : d.line + 1;
        scopes.push({ rule: id, from: line, to: line, by: d, used: false });
      }
    }
  }

  const kept: Finding[] = [];
  const suppressed: Suppressed[] = [];
  for (const f of own) {
    const scope = scopes.find((s) => s.rule === f.rule && f.line >= s.from && f.line <= s.to);
    if (!scope) {
      kept.push(f);
      continue;
    }
    scope.used = true;
    suppressed.push({ finding: f, by: scope.by });
  }
  for (const s of scopes) {
    if (s.used) continue;
    const [kind, id] = [s.by.kind, s.rule];
    problems.push(
      s.from === s.to
        ? suppressionUnused.finding("nothingOnLine", { kind, id, line: s.from }, file, at(s.by))
        : suppressionUnused.finding("nothingOnLines", { kind, id, from: s.from, to: s.to }, file, at(s.by)),
    );
  }
  return { kept: [...others, ...kept], suppressed, findings: problems };
}

/** The registered id a mistyped one most likely meant: at most three edits away. */
function closestRuleId(id: string): RuleId | undefined {
  let best: RuleId | undefined;
  let bestDistance = 4;
  for (const candidate of RULE_IDS) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
