/**
 * advisory-product-unknown on advisory files and the site data's products: each affected entry
 * matched by its repository (GIT) or by the package a product's purl names, and an advisory of a
 * site that declares no products.
 */
import { readSiteData } from "../../../src/data/site-data.ts";
import advisoryField from "../../../src/rules/advisory/advisory-field.ts";
import advisoryProductUnknown from "../../../src/rules/advisory/advisory-product-unknown.ts";
import type { DeclaredProducts } from "../../../src/rules/advisory.ts";
import type { Product } from "../../../src/types.ts";
import { testRule } from "../../support/rule-tester.ts";
import { at, checkDeclaring, DATA_FILE, edited, OPTIONS_PRODUCT, otherRule, type AdvisoryFile } from "./advisory-text.ts";

interface Input {
  declared: DeclaredProducts | undefined;
  file: AdvisoryFile;
}

const ENTRY = '  - ecosystem: npm\n    name: "@example/options"\n';
/** The good advisory about the package `name` of `ecosystem` instead. */
const about = (ecosystem: string, name: string) => edited([[ENTRY, `  - ecosystem: ${ecosystem}\n    name: ${JSON.stringify(name)}\n`]]);
/** The good advisory with a second entry after its first. */
const alsoAbout = (ecosystem: string, name: string) =>
  edited([[ENTRY, `${ENTRY}    ranges:\n      - type: SEMVER\n        introduced: 2.0.0\n        fixed: 2.4.3\n  - ecosystem: ${ecosystem}\n    name: ${JSON.stringify(name)}\n`]]);

const declaring = (...products: Product[]): DeclaredProducts => ({ file: DATA_FILE, products });
const product = (purl: string, repository = "https://example.org/git/product"): Product => ({ name: "Product", repository, purl });
const OPTIONS = declaring(OPTIONS_PRODUCT);

const ballerina = about("GIT", "https://github.com/ballerina-platform/ballerina-lang");
const otherNpm = about("npm", "@other/options");
const pypiOfNpmName = about("PyPI", "example-options");
const hexOrg = about("Hex", "tool");
const repoNotUrl = about("GIT", "github.com/example/options");
const second = alsoAbout("npm", "@example/other");
const twoUnknown = alsoAbout("GIT", "https://github.com/other/project");
const firstEntry = at(edited([]), "ecosystem: npm");

/** Each ecosystem's name for a package, and the purl that names it. */
const SAME_PACKAGE: Array<[string, string, string]> = [
  ["npm", "@example/options", "pkg:npm/%40example/options"],
  ["npm", "left-pad", "pkg:npm/left-pad"],
  ["PyPI", "Example_Archive", "pkg:pypi/example-archive"],
  ["Maven", "org.example:example-server", "pkg:maven/org.example/example-server"],
  ["Maven:https://maven.google.com", "org.example:example-server", "pkg:maven/org.example/example-server"],
  ["Go", "github.com/example/tool", "pkg:golang/github.com/example/tool"],
  ["crates.io", "example-crate", "pkg:cargo/example-crate"],
  ["RubyGems", "example-gem", "pkg:gem/example-gem"],
  ["NuGet", "Example.Library", "pkg:nuget/Example.Library"],
  ["Packagist", "example/library", "pkg:composer/example/library"],
  ["Hex", "example_hex", "pkg:hex/example_hex"],
  ["Pub", "example_dart", "pkg:pub/example_dart"],
  ["Hackage", "example-hs", "pkg:hackage/example-hs"],
  ["GitHub Actions", "example/setup-tool", "pkg:github/example/setup-tool"],
  ["GIT", "https://github.com/example/setup-tool", "pkg:github/example/setup-tool"],
  ["GIT", "https://bitbucket.org/example/tool", "pkg:bitbucket/example/tool"],
];

testRule(advisoryProductUnknown, (input: Input) => checkDeclaring(input.declared, input.file), {
  valid: [
    { name: "an npm package that the declared product's purl names", input: { declared: OPTIONS, file: edited([]) } },
    ...SAME_PACKAGE.map(([ecosystem, name, purl]) => ({ name: `the ${ecosystem} package ${name}, declared as ${purl}`, input: { declared: declaring(product(purl)), file: about(ecosystem, name) } })),
    { name: "a name in other case", input: { declared: OPTIONS, file: about("npm", "@Example/Options") } },
    { name: "a GIT entry naming the product's repository", input: { declared: OPTIONS, file: about("GIT", "https://github.com/example/options") } },
    { name: "a GIT entry with .git, a trailing slash and the host in capitals", input: { declared: OPTIONS, file: about("GIT", "https://GitHub.com/example/options.git/") } },
    { name: "a GIT entry in other case", input: { declared: OPTIONS, file: about("GIT", "https://github.com/Example/Options") } },
    { name: "a GIT entry reached by git://", input: { declared: OPTIONS, file: about("GIT", "git://github.com/example/options") } },
    { name: "two products, the advisory about the second", input: { declared: declaring(product("pkg:cargo/example-crate"), OPTIONS_PRODUCT), file: edited([]) } },
    { name: "an ecosystem OSV does not know is advisory-field's alone", input: { declared: OPTIONS, file: about("Crates.io", "example-crate") } },
    { name: "site data that could not be read holds no advisory to products", input: { declared: undefined, file: ballerina } },
  ],
  invalid: [
    {
      name: "another project's advisory about a repository",
      input: { declared: OPTIONS, file: ballerina },
      findings: [
        {
          messageId: "unknownRepository",
          ...firstEntry,
          message:
            'the advisory is about the repository https://github.com/ballerina-platform/ballerina-lang, which is none of the products content/_data/security.json declares (Example Options: https://github.com/example/options): if it is yours, declare it in "products" there, with this repository; if the advisory is another project\'s, remove this file',
        },
      ],
    },
    {
      name: "an npm package the products do not name",
      input: { declared: declaring(OPTIONS_PRODUCT, product("pkg:cargo/example-crate")), file: otherNpm },
      findings: [
        {
          messageId: "unknownPackage",
          ...firstEntry,
          message:
            'the advisory is about the npm package @other/options, which is none of the products content/_data/security.json declares (Example Options: pkg:npm/%40example/options; Product: pkg:cargo/example-crate): if it is yours, declare it in "products" there, with its purl; if the advisory is another project\'s, remove this file',
        },
      ],
    },
    { name: "the product's name in another ecosystem", input: { declared: declaring(product("pkg:npm/example-options")), file: pypiOfNpmName }, findings: [{ messageId: "unknownPackage", ...firstEntry }] },
    { name: "an organization's Hex package is not the public one", input: { declared: declaring(product("pkg:hex/acme/tool")), file: hexOrg }, findings: [{ messageId: "unknownPackage", ...firstEntry }] },
    { name: "a GIT entry whose name is not a URL", input: { declared: OPTIONS, file: repoNotUrl }, findings: [{ messageId: "unknownRepository", ...firstEntry }] },
    { name: "the second entry of two, unknown", input: { declared: OPTIONS, file: second }, findings: [{ messageId: "unknownPackage", ...at(second, "ecosystem: npm", 2) }] },
    {
      name: "no products declared: one finding for the advisory, at its first entry",
      input: { declared: { file: DATA_FILE }, file: twoUnknown },
      findings: [
        {
          messageId: "noProducts",
          ...firstEntry,
          message:
            'the advisory is about @example/options (npm), but content/_data/security.json declares no products, so nothing says it concerns this project: declare each product in "products" there ({ "name", "repository", "purl" }); if the advisory is another project\'s, remove this file',
        },
      ],
    },
    {
      name: "a second entry whose ecosystem OSV does not know: advisory-field's alone",
      input: { declared: OPTIONS, file: alsoAbout("Crates.io", "x") },
      findings: [otherRule(advisoryField, "ecosystemCase", at(alsoAbout("Crates.io", "x"), "Crates.io"))],
    },
  ],
  example: (_text, _language, blocks) => {
    const data = blocks.find((b) => b.file === DATA_FILE);
    const advisory = blocks.find((b) => b.file.startsWith("content/advisories/"));
    if (!data || !advisory) throw new Error("the example needs the site data and an advisory");
    const read = readSiteData(data.text, DATA_FILE);
    if (!read.data) throw new Error(`the example's site data does not read: ${read.findings.map((f) => f.message).join("; ")}`);
    return { declared: { file: DATA_FILE, ...(read.data.products ? { products: read.data.products } : {}) }, file: { name: advisory.file.replace(/^content\/advisories\//, ""), text: advisory.text } };
  },
});
