/**
 * What search engines look for: `robots.txt` (everything may be read, and here is the sitemap)
 * and `sitemap.xml` (sitemaps.org's protocol 0.9) listing the pages that exist. Pure.
 */

export interface SitemapPage {
  /** The page's URL path, e.g. `/security/`. */
  url: string;
  /** Its translations, itself included, as Google reads hreflang alternates in a sitemap. */
  alternates?: Array<{ url: string; lang: string }>;
}

export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The sitemap of the pages, sorted by URL so that builds of the same site agree byte for byte.
 * A translated page lists every translation, itself included, as `xhtml:link` alternates
 * (the form Google documents for hreflang in sitemaps), with the original as x-default.
 */
export function sitemapXml(siteUrl: string, pages: SitemapPage[]): string {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const urls = [...byUrl.keys()].sort();
  const translated = urls.some((url) => (byUrl.get(url)?.alternates?.length ?? 0) > 1);
  const entries = urls.map((url) => {
    const alternates = byUrl.get(url)?.alternates ?? [];
    const links =
      alternates.length > 1
        ? [...alternates, { url: alternates[0]!.url, lang: "x-default" }].map((a) => `\n    <xhtml:link rel="alternate" hreflang="${escapeXml(a.lang)}" href="${escapeXml(`${siteUrl}${a.url}`)}"/>`).join("")
        : "";
    return `  <url>\n    <loc>${escapeXml(`${siteUrl}${url}`)}</loc>${links}\n  </url>`;
  });
  const namespaces = `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${translated ? ` xmlns:xhtml="http://www.w3.org/1999/xhtml"` : ""}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${namespaces}>\n${entries.join("\n")}\n</urlset>\n`;
}

/** The pages a sitemap lists: HTML pages with a URL of their own, not the page for a missing address; each with its translations. */
export function sitemapPages(
  pages: Array<{ url: string | false; outputPath: string | false }>,
  translations: (url: string) => Array<{ url: string; lang: string }> = () => [],
): SitemapPage[] {
  return pages.flatMap((p) => {
    if (typeof p.url !== "string" || typeof p.outputPath !== "string" || !p.outputPath.endsWith(".html") || /\/404\.html$/.test(p.outputPath)) return [];
    const alternates = translations(p.url);
    return [alternates.length > 1 ? { url: p.url, alternates } : { url: p.url }];
  });
}
