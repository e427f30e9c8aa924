/**
 * GitHub's alert syntax (`> [!WARNING]`, `> [!NOTE]`, `> [!IMPORTANT]`, `> [!TIP]`,
 * `> [!CAUTION]`), so that a SECURITY.md reads the same on GitHub and on the site. The syntax is
 * markdown-it-github-alerts's; this only makes each callout a note to assistive technology,
 * named by its title.
 */
import type { MarkdownIt } from "markdown-it";
import githubAlerts from "markdown-it-github-alerts";

export default function alerts(md: MarkdownIt): void {
  md.use(githubAlerts);
  const open = md.renderer.rules.alert_open;
  if (!open) throw new Error("alerts: markdown-it-github-alerts no longer renders alert_open; check its version");
  md.renderer.rules.alert_open = (tokens, idx, options, env, self) => {
    // Numbered per page: the same page renders the same ids.
    const page = env as { alertCount?: number };
    page.alertCount = (page.alertCount ?? 0) + 1;
    const id = `alert-title-${page.alertCount}`;
    return open(tokens, idx, options, env, self)
      .replace(/^<div class="/, `<div role="note" aria-labelledby="${id}" class="`)
      .replace(/<p class="([^"]*-title)">/, `<p class="$1" id="${id}">`);
  };
}
