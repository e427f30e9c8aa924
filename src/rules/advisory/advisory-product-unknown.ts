/**
 * advisory-product-unknown: an advisory's affected package that is none of the products the site
 * data declares, so that another project's advisory (a sample left in place, one copied from
 * elsewhere) is not published as this project's. An entry of OSV's GIT ecosystem is matched by
 * its repository; any other by the OSV package each product's purl names (src/formats/purl.ts).
 */
import type { AffectedPackage } from "../../formats/advisory.ts";
import { osvPackagesOf, parsePurl } from "../../formats/purl.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Product } from "../../types.ts";
import { defineRule } from "../rule.ts";

const rule = defineRule({
  id: "advisory-product-unknown",
  severity: "error",
  family: "advisory",
  summary: "An advisory about a package or repository that is none of the products the site data declares.",
  disable: "no",
  messages: {
    unknownPackage:
      "the advisory is about the {{ecosystem}} package {{name}}, which is none of the products {{dataFile}} declares ({{products}}): if it is yours, declare it in \"products\" there, with its purl; if the advisory is another project's, remove this file",
    unknownRepository:
      "the advisory is about the repository {{repository}}, which is none of the products {{dataFile}} declares ({{products}}): if it is yours, declare it in \"products\" there, with this repository; if the advisory is another project's, remove this file",
    noProducts:
      'the advisory is about {{name}} ({{ecosystem}}), but {{dataFile}} declares no products, so nothing says it concerns this project: declare each product in "products" there ({ "name", "repository", "purl" }); if the advisory is another project\'s, remove this file',
  },
});

export default rule;

/** The site data's products, and the data file as findings name it. */
export interface DeclaredProducts {
  file: string;
  /** Absent where the data declares none. */
  products?: readonly Product[];
}

/**
 * The findings on an advisory's affected packages: one for each that is none of the declared
 * products, at the entry; where the data declares no products, one for the advisory, at its
 * first entry. `affected` holds the entries whose ecosystem is OSV's and whose name is given
 * (advisory-field reports the others).
 */
export function checkProducts(affected: readonly AffectedPackage[], declared: DeclaredProducts, file: string): Finding[] {
  const first = affected[0];
  if (first === undefined) return [];
  const { products } = declared;
  if (products === undefined) return [rule.finding("noProducts", { name: first.name.value, ecosystem: first.ecosystem.value, dataFile: declared.file }, file, first.at)];
  const known = new Set(products.flatMap(productKeys));
  return affected.flatMap((pkg) => {
    const key = entryKey(pkg.ecosystem.value, pkg.name.value);
    if (key !== undefined && known.has(key)) return [];
    if (ecosystemOf(pkg.ecosystem.value) === "GIT") {
      const listed = products.map((p) => `${p.name}: ${p.repository}`).join("; ");
      return [rule.finding("unknownRepository", { repository: pkg.name.value, products: listed, dataFile: declared.file }, file, pkg.at)];
    }
    const listed = products.map((p) => `${p.name}: ${p.purl}`).join("; ");
    return [rule.finding("unknownPackage", { ecosystem: pkg.ecosystem.value, name: pkg.name.value, products: listed, dataFile: declared.file }, file, pkg.at)];
  });
}

/** The declared product an advisory's affected package is: by the package its purl names, or a GIT entry by its repository. */
export function productOf<P extends Product>(ecosystem: string, name: string, products: readonly P[]): P | undefined {
  const key = entryKey(ecosystem, name);
  return key === undefined ? undefined : products.find((p) => productKeys(p).includes(key));
}

/** An ecosystem without its suffix: "Maven:https://maven.google.com" is Maven's. */
function ecosystemOf(ecosystem: string): string {
  return ecosystem.split(":")[0]!;
}

/** Every OSV package a product is: its repository, and what its purl names. */
function productKeys(product: Product): string[] {
  const read = parsePurl(product.purl);
  // The site data let through only purls that read (src/data/site-data.ts).
  if (!read.purl) throw new Error(`the product ${product.name} has the purl "${product.purl}", which does not read (${read.problem?.code}): the site data should have refused it`);
  return [entryKey("GIT", product.repository), ...osvPackagesOf(read.purl).map((p) => entryKey(p.ecosystem, p.name))].filter((k): k is string => k !== undefined);
}

/**
 * A package as compared: the ecosystem and the name, regardless of case (two names that differ
 * in case alone are one product to its author, whether or not its registry tells them apart), a
 * PyPI name normalized as PyPI does (PEP 503: runs of "-", "_" and "." are one "-"), and a
 * repository by its host and path, regardless of case (GitHub, GitLab and Bitbucket tell neither
 * owners nor repositories apart by it), without a trailing "/" or ".git", whatever the scheme it
 * is reached by. A repository that is not a URL matches nothing.
 */
function entryKey(ecosystem: string, name: string): string | undefined {
  const base = ecosystemOf(ecosystem);
  if (base === "GIT") {
    const repository = repositoryKey(name);
    return repository === undefined ? undefined : `GIT ${repository}`;
  }
  const folded = name.trim().toLowerCase();
  return `${base} ${base === "PyPI" ? folded.replace(/[-_.]+/g, "-") : folded}`;
}

function repositoryKey(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
  if (parsed.host === "") return undefined;
  const path = parsed.pathname.replace(/\/+$/, "").replace(/\.git$/, "").replace(/\/+$/, "");
  return `${parsed.host}${path}`.toLowerCase();
}
