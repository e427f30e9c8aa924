import type { UserConfig } from "@11ty/eleventy";
import alerts from "../markdown/alerts.ts";

/** GitHub's alert syntax in every Markdown page (src/markdown/alerts.ts). */
export default function githubAlerts(eleventyConfig: UserConfig): void {
  eleventyConfig.amendLibrary("md", (md) => md.use(alerts));
}
