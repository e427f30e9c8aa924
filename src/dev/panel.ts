/**
 * The findings panel the dev server shows on every page while the last rebuild has findings:
 * each as the terminal prints it (file:line:column, severity, message, rule). Plain HTML and a
 * stylesheet of its own, no script and no inline style, so the development policy needs no
 * 'unsafe-inline'. Pure: the report in, HTML out.
 */
import type { Report } from "../findings/collector.ts";
import { summarize } from "../findings/report.ts";

/** Where the dev server's own stylesheet is written in the development output. */
export const PANEL_STYLESHEET = "/.policy-dev/findings.css";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The panel, or "" when the rebuild found nothing. */
export function findingsPanel(report: Report): string {
  if (report.findings.length === 0) return "";
  const items = report.findings.map(
    (f) =>
      `<li class="dev-finding dev-finding-${f.severity}">` +
      `<code class="dev-finding-place">${escapeHtml(`${f.file}:${f.line}:${f.column}`)}</code> ` +
      `<strong class="dev-finding-severity">${f.severity}</strong> ` +
      `<span class="dev-finding-message">${escapeHtml(f.message)}</span> ` +
      `<code class="dev-finding-rule">[${escapeHtml(f.rule)}]</code></li>`,
  );
  return (
    `<aside class="dev-findings" id="policy-findings" aria-labelledby="policy-findings-title" tabindex="0">` +
    `<h2 class="dev-findings-title" id="policy-findings-title">The last rebuild found ${summarize(report)}</h2>` +
    `<p class="dev-findings-note">${publishNote(report)} Fix the files named below; this panel goes when a rebuild finds nothing.</p>` +
    `<ol class="dev-findings-list">${items.join("")}</ol></aside>`
  );
}

/** What npm run build would do with the site: notices alone never stop it. */
function publishNote(report: Report): string {
  if (report.errors > 0) return "npm run build would refuse to publish this site.";
  if (report.warnings > 0) return "npm run build would refuse to publish this site under --strict.";
  return "npm run build would publish this site; the notices say what the checks could not verify.";
}

/** The page with the panel first in its body, and the panel's stylesheet in its head. */
export function withFindingsPanel(html: string, report: Report): string {
  const panel = findingsPanel(report);
  if (panel === "") return html;
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return html;
  const at = body.index + body[0].length;
  const withPanel = `${html.slice(0, at)}\n${panel}${html.slice(at)}`;
  return withPanel.replace(/<\/head>/i, `<link rel="stylesheet" href="${PANEL_STYLESHEET}">\n</head>`);
}

/** The panel's stylesheet: readable in light and dark, over the page's own styles. */
export const PANEL_CSS = `.dev-findings {
  --dev-text: #1f2328;
  --dev-page: #fff8c5;
  --dev-line: #9a6700;
  --dev-error: #a40e26;
  --dev-warning: #7d4e00;
  margin: 0;
  padding: 1rem clamp(1rem, 4vw, 2rem);
  border-bottom: 3px solid var(--dev-line);
  background: var(--dev-page);
  color: var(--dev-text);
  font: 0.95rem/1.5 system-ui, sans-serif;
}
@media (prefers-color-scheme: dark) {
  .dev-findings {
    --dev-text: #f0f6fc;
    --dev-page: #2d2204;
    --dev-line: #d29922;
    --dev-error: #ffa198;
    --dev-warning: #e3b341;
  }
}
.dev-findings:focus-visible {
  outline: 3px solid var(--dev-line);
  outline-offset: -3px;
}
.dev-findings-title {
  margin: 0 0 0.25rem;
  font-size: 1.1rem;
}
.dev-findings-note {
  margin: 0 0 0.5rem;
}
.dev-findings-list {
  margin: 0;
  padding-left: 1.5rem;
}
.dev-finding {
  margin: 0.25rem 0;
  overflow-wrap: anywhere;
}
.dev-finding code {
  font-family: ui-monospace, monospace;
}
.dev-finding-error .dev-finding-severity {
  color: var(--dev-error);
}
.dev-finding-warning .dev-finding-severity {
  color: var(--dev-warning);
}
.dev-finding-notice .dev-finding-severity {
  color: inherit;
}
`;

/** The page as it was before withFindingsPanel: for a page written by an earlier rebuild. */
export function withoutFindingsPanel(html: string): string {
  return html.replace(/\n?<aside class="dev-findings"[\s\S]*?<\/aside>/, "").replace(`<link rel="stylesheet" href="${PANEL_STYLESHEET}">\n`, "");
}
