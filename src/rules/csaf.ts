/**
 * The CSAF 2.0 distribution the site is about to serve, held to the requirements of section 7.1
 * that a build can check, one rule per requirement (src/rules/csaf/<id>.ts): the files the build
 * made and those the output already holds under /.well-known/csaf/ (a folder copied in), read
 * as a client reads them. Requirements 3 (TLS), 6 (no redirects) and 4's "without
 * authentication" are also the deployed site's, and verify checks them there (deployed-csaf).
 */
import type { ServedFiles } from "../formats/csaf-distribution.ts";
import { readDistribution } from "../formats/csaf-distribution.ts";
import { placed, type Finding } from "../findings/finding.ts";
import type { CsafIssue, DocumentSource } from "./csaf-issue.ts";

export type { DocumentSource } from "./csaf-issue.ts";
import { checkDocuments } from "./csaf/csaf-document-invalid.ts";
import { checkFileNames } from "./csaf/csaf-filename.ts";
import { checkTls } from "./csaf/csaf-tls.ts";
import { checkWhite } from "./csaf/csaf-tlp-white.ts";
import { checkRestricted } from "./csaf/csaf-tlp-restricted.ts";
import { checkProviderMetadata } from "./csaf/csaf-provider-metadata.ts";
import { checkSecurityTxtField } from "./csaf/csaf-securitytxt.ts";
import { checkWellKnown } from "./csaf/csaf-well-known.ts";
import { checkYearFolders } from "./csaf/csaf-year-folder.ts";
import { checkIndex } from "./csaf/csaf-index.ts";
import { checkChanges } from "./csaf/csaf-changes.ts";
import { checkFeeds } from "./csaf/csaf-rolie-feed.ts";
import { checkServices } from "./csaf/csaf-rolie-service.ts";
import { checkCategories } from "./csaf/csaf-rolie-category.ts";
import { checkHashes } from "./csaf/csaf-hash.ts";
import { checkSignatures } from "./csaf/csaf-signature.ts";
import { checkPublicKeys } from "./csaf/csaf-public-key.ts";


export interface CsafCheckInput {
  /** The site data's URL, without a trailing slash. */
  site: string;
  /** Every file the site will serve, by its path under the output folder. */
  files: ServedFiles;
  /** How findings name the output folder ("public"). */
  output: string;
  sources?: DocumentSource[];
  /** Reads a file the site serves outside `files` (a key a copied provider metadata names elsewhere); undefined where there is none. */
  elsewhere?: (path: string) => Uint8Array | undefined;
}

/** Every finding of the csaf rules, requirement by requirement. */
export async function checkCsafDistribution(input: CsafCheckInput): Promise<Finding[]> {
  const d = readDistribution(input.site, input.files, input.elsewhere);
  const sources = input.sources ?? [];
  const issues: CsafIssue[] = [
    ...(await checkDocuments(d, sources)),
    ...checkFileNames(d),
    ...checkTls(d),
    ...checkWhite(d),
    ...checkRestricted(d),
    ...(await checkProviderMetadata(d)),
    ...checkSecurityTxtField(d),
    ...checkWellKnown(d),
    ...checkYearFolders(d),
    ...checkIndex(d),
    ...checkChanges(d),
    ...checkFeeds(d),
    ...checkServices(d),
    ...checkCategories(d),
    ...checkHashes(d),
    ...(await checkSignatures(d)),
    ...(await checkPublicKeys(d)),
  ];
  return issues.map((issue) => placed(issue.problem, "path" in issue ? `${input.output}/${issue.path}` : issue.file, { line: issue.problem.line ?? 1, column: 1 }));
}
