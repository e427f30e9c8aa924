/**
 * Package URLs read as package-url/purl-spec says (docs/how-to-parse.md, the rules for each
 * component, the type definitions); the failing inputs of its tests/spec/specification-test.json
 * among the cases, and the OSV packages a purl names.
 */
import { describe, expect, it } from "vitest";
import { osvPackagesOf, parsePurl, withoutVersion } from "../src/formats/purl.ts";

describe("parsePurl", () => {
  it("reads every component, percent-decoded", () => {
    expect(parsePurl("pkg:npm/%40angular/animation@12.3.1?vcs_url=git://host.com/path/to/repo.git%404345abcd34343&arch=x86#dist/%C3%A9/")).toEqual({
      purl: { type: "npm", namespace: "@angular", name: "animation", version: "12.3.1", qualifiers: { vcs_url: "git://host.com/path/to/repo.git@4345abcd34343", arch: "x86" }, subpath: "dist/é" },
    });
  });

  it.each([
    ["the least: a type and a name", "pkg:cargo/rand", { type: "cargo", name: "rand", qualifiers: {} }],
    ["a namespace of several segments", "pkg:golang/google.golang.org/genproto", { type: "golang", namespace: "google.golang.org", name: "genproto", qualifiers: {} }],
    ["slashes after the scheme, ignored", "pkg://maven/org.apache.commons/io", { type: "maven", namespace: "org.apache.commons", name: "io", qualifiers: {} }],
    ["the scheme and type in capitals", "PKG:NPM/left-pad", { type: "npm", name: "left-pad", qualifiers: {} }],
    ["empty namespace segments and trailing slashes dropped", "pkg:golang//github.com//example/tool/", { type: "golang", namespace: "github.com/example", name: "tool", qualifiers: {} }],
    ["an npm scope whose @ is not encoded", "pkg:npm/@babel/core", { type: "npm", namespace: "@babel", name: "core", qualifiers: {} }],
    ["an empty version, as none", "pkg:npm/left-pad@", { type: "npm", name: "left-pad", qualifiers: {} }],
    ["a qualifier key in capitals, and one with no value dropped", "pkg:npm/left-pad?Arch=x86&os=", { type: "npm", name: "left-pad", qualifiers: { arch: "x86" } }],
    ["subpath segments . and .. dropped", "pkg:golang/github.com/example/tool#./a/../b", { type: "golang", namespace: "github.com/example", name: "tool", qualifiers: {}, subpath: "a/b" }],
    ["a GitHub repository, in lower case", "pkg:github/Ballerina-Platform/Ballerina-Lang", { type: "github", namespace: "ballerina-platform", name: "ballerina-lang", qualifiers: {} }],
    ["a PyPI name, in lower case with - for _", "pkg:pypi/Django_Rest", { type: "pypi", name: "django-rest", qualifiers: {} }],
    ["a Maven package, its case kept", "pkg:maven/org.Example/Server", { type: "maven", namespace: "org.Example", name: "Server", qualifiers: {} }],
    ["a type this project does not know, read as written", "pkg:generic/Example/Tool", { type: "generic", namespace: "Example", name: "Tool", qualifiers: {} }],
  ])("%s", (_, text, purl) => {
    expect(parsePurl(text)).toEqual({ purl });
  });

  it.each([
    ["no scheme", "EnterpriseLibrary.Common@6.0.1304", "noScheme", { scheme: "" }],
    ["an encoded colon after the scheme", "pkg%3Amaven/org.apache.commons/io", "noScheme", { scheme: "" }],
    ["another scheme", "npm:left-pad", "noScheme", { scheme: "npm" }],
    ["no type", "pkg:", "noType", {}],
    ["no type but slashes", "pkg:///", "noType", {}],
    ["slashes then a name, read as the type", "pkg:///left-pad", "noName", {}],
    ["a type with @", "pkg:EnterpriseLibrary.Common@6.0.1304", "typeInvalid", { type: "enterpriselibrary.common@6.0.1304" }],
    ["a type starting with a digit", "pkg:3nginx/nginx@0.8.9", "typeInvalid", { type: "3nginx" }],
    ["a type with a colon", "pkg:nginx:a/nginx@0.8.9", "typeInvalid", { type: "nginx:a" }],
    ["a type with &, read as far as the ?", "pkg:n&g?inx/nginx@0.8.9", "qualifierInvalid", { key: "inx/nginx@0.8.9" }],
    ["an encoded type", "pkg:%6Epm/left-pad", "typeInvalid", { type: "%6epm" }],
    ["no name, only a version", "pkg:maven/@1.3.4", "noName", {}],
    ["a type alone", "pkg:npm", "noName", {}],
    ["a space", "pkg:npm/left pad", "characterNotEncoded", { character: " " }],
    ["a letter outside ASCII", "pkg:npm/lé", "characterNotEncoded", { character: "é" }],
    ["a qualifier key with an encoded space", "pkg:npm/myartifact@1.0.0?in%20production=true", "qualifierInvalid", { key: "in%20production" }],
    ["a qualifier without =", "pkg:npm/left-pad?arch", "qualifierInvalid", { key: "arch" }],
    ["a qualifier key starting with a digit", "pkg:npm/left-pad?1arch=x", "qualifierInvalid", { key: "1arch" }],
    ["a qualifier given twice", "pkg:npm/left-pad?arch=x&Arch=y", "qualifierTwice", { key: "arch" }],
    ["a bad escape in the name", "pkg:npm/left%ZZpad", "percentInvalid", { part: "left%ZZpad" }],
    ["an escape that is not UTF-8", "pkg:npm/left%FFpad", "percentInvalid", { part: "left%FFpad" }],
    ["a bad escape in the version", "pkg:npm/left-pad@1%G", "percentInvalid", { part: "1%G" }],
    ["a bad escape in a qualifier", "pkg:npm/left-pad?arch=%", "percentInvalid", { part: "%" }],
    ["a bad escape in the namespace", "pkg:npm/%4/left-pad", "percentInvalid", { part: "%4" }],
    ["a bad escape in the subpath", "pkg:npm/left-pad#a/%", "percentInvalid", { part: "%" }],
    ["an encoded / in a namespace segment", "pkg:golang/github.com%2Fexample/tool", "slashInSegment", { segment: "github.com%2Fexample" }],
    ["an encoded / in a subpath segment", "pkg:golang/github.com/example/tool#a%2Fb", "slashInSegment", { segment: "a%2Fb" }],
    ["a Maven package without its group", "pkg:maven/example-server", "namespaceRequired", { type: "maven" }],
    ["a GitHub repository without its owner", "pkg:github/ballerina-lang", "namespaceRequired", { type: "github" }],
    ["a PyPI package with a namespace", "pkg:pypi/example/archive", "namespaceProhibited", { type: "pypi" }],
    ["a crate with a namespace", "pkg:cargo/example/crate", "namespaceProhibited", { type: "cargo" }],
  ])("%s is not a package URL", (_, text, code, values) => {
    expect(parsePurl(text)).toEqual({ problem: { code, values: { purl: text, ...values } } });
  });
});

describe("withoutVersion", () => {
  it.each([
    ["pkg:npm/left-pad@1.3.0", "pkg:npm/left-pad"],
    ["pkg:npm/left-pad@1.3.0?arch=x86#lib", "pkg:npm/left-pad?arch=x86#lib"],
    ["pkg:npm/%40scope/name@2.0.0", "pkg:npm/%40scope/name"],
    ["pkg:npm/@scope/name", "pkg:npm/@scope/name"],
    ["pkg:npm/left-pad?vcs_url=git%40host", "pkg:npm/left-pad?vcs_url=git%40host"],
  ])("%s is %s without its version", (text, expected) => {
    expect(withoutVersion(text)).toBe(expected);
  });
});

describe("osvPackagesOf", () => {
  const of = (text: string) => osvPackagesOf(parsePurl(text).purl!);

  it.each([
    ["pkg:npm/%40example/options", [{ ecosystem: "npm", name: "@example/options" }]],
    ["pkg:npm/left-pad", [{ ecosystem: "npm", name: "left-pad" }]],
    ["pkg:pypi/Example_Archive", [{ ecosystem: "PyPI", name: "example-archive" }]],
    ["pkg:maven/org.example/example-server", [{ ecosystem: "Maven", name: "org.example:example-server" }]],
    ["pkg:golang/github.com/example/tool", [{ ecosystem: "Go", name: "github.com/example/tool" }]],
    ["pkg:cargo/rand", [{ ecosystem: "crates.io", name: "rand" }]],
    ["pkg:gem/rails", [{ ecosystem: "RubyGems", name: "rails" }]],
    ["pkg:nuget/Newtonsoft.Json", [{ ecosystem: "NuGet", name: "Newtonsoft.Json" }]],
    ["pkg:composer/laravel/framework", [{ ecosystem: "Packagist", name: "laravel/framework" }]],
    ["pkg:hex/jason", [{ ecosystem: "Hex", name: "jason" }]],
    ["pkg:hex/acme/jason", []],
    ["pkg:pub/http", [{ ecosystem: "Pub", name: "http" }]],
    ["pkg:hackage/aeson", [{ ecosystem: "Hackage", name: "aeson" }]],
    [
      "pkg:github/ballerina-platform/ballerina-lang",
      [
        { ecosystem: "GitHub Actions", name: "ballerina-platform/ballerina-lang" },
        { ecosystem: "GIT", name: "https://github.com/ballerina-platform/ballerina-lang" },
      ],
    ],
    ["pkg:bitbucket/example/tool", [{ ecosystem: "GIT", name: "https://bitbucket.org/example/tool" }]],
    ["pkg:generic/openssl", []],
    ["pkg:deb/debian/curl", []],
  ])("%s names %j", (text, packages) => {
    expect(of(text)).toEqual(packages);
  });
});
