/**
 * GitHub's alert syntax (`> [!WARNING]`, `> [!NOTE]`, `> [!IMPORTANT]`, `> [!TIP]`,
 * `> [!CAUTION]`), so that a SECURITY.md reads the same on GitHub and on the site. The syntax is
 * markdown-it-github-alerts's; this makes each callout a note to assistive technology, named
 * by its title, and gives an untitled callout its title in the page's language.
 */
import type { MarkdownIt } from "markdown-it";
import githubAlerts from "markdown-it-github-alerts";

export interface AlertsOptions {
  /** The title of an untitled callout of `type` ("warning") in `lang`; absent: GitHub's English title. */
  title?: (lang: string | undefined, type: string) => string;
}

export default function alerts(md: MarkdownIt, options: AlertsOptions = {}): void {
  md.use(githubAlerts);
  const open = md.renderer.rules.alert_open;
  if (!open) throw new Error("alerts: markdown-it-github-alerts no longer renders alert_open; check its version");
  md.renderer.rules.alert_open = (tokens, idx, renderOptions, env, self) => {
    // Numbered per page: the same page renders the same ids.
    const page = env as { alertCount?: number; page?: { lang?: string } };
    page.alertCount = (page.alertCount ?? 0) + 1;
    const id = `alert-title-${page.alertCount}`;
    const meta = tokens[idx]?.meta as { title: string; type: string } | undefined;
    // The plugin titles an untitled callout with its type, capitalized: that one is ours to translate.
    if (meta && options.title && meta.title === meta.type.charAt(0).toUpperCase() + meta.type.slice(1)) {
      meta.title = md.utils.escapeHtml(options.title(page.page?.lang, meta.type));
    }
    return open(tokens, idx, renderOptions, env, self)
      .replace(/^<div class="/, `<div role="note" aria-labelledby="${id}" class="`)
      .replace(/<p class="([^"]*-title)">/, `<p class="$1" id="${id}">`);
  };
}
