/**
 * What search engines look for: `robots.txt` (everything may be read, and here is the sitemap)
 * and `sitemap.xml` (sitemaps.org's protocol 0.9) listing the pages that exist. Pure.
 */

export interface SitemapPage {
  /** The page's URL path, e.g. `/security/`. */
  url: string;
}

export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The sitemap of the pages, sorted by URL so that builds of the same site agree byte for byte. */
export function sitemapXml(siteUrl: string, pages: SitemapPage[]): string {
  const urls = [...new Set(pages.map((p) => p.url))].sort();
  const entries = urls.map((url) => `  <url>\n    <loc>${escapeXml(`${siteUrl}${url}`)}</loc>\n  </url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

/** The pages a sitemap lists: HTML pages with a URL of their own, not the page for a missing address. */
export function sitemapPages(pages: Array<{ url: string | false; outputPath: string | false }>): SitemapPage[] {
  return pages.flatMap((p) => (typeof p.url === "string" && typeof p.outputPath === "string" && p.outputPath.endsWith(".html") && !/\/404\.html$/.test(p.outputPath) ? [{ url: p.url }] : []));
}
