import type { UserConfig } from "@11ty/eleventy";
import alerts from "../markdown/alerts.ts";
import type { Languages } from "./languages.ts";

/** GitHub's alert syntax in every Markdown page (src/markdown/alerts.ts), titled in the page's language. */
export default function githubAlerts(eleventyConfig: UserConfig, options: { languages: Languages }): void {
  const { languages } = options;
  const title = (lang: string | undefined, type: string) => languages.text(lang ?? languages.defaultLanguage, `alert${type.charAt(0).toUpperCase()}${type.slice(1)}`);
  eleventyConfig.amendLibrary("md", (md) => md.use(alerts, { title }));
}
