import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository whose tests these are. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Where fixture sites are laid out: outside the repository, so that the build sees each as a
 * project of its own (inside, the repository's .gitignore would hide its pages from Eleventy);
 * and one folder per checkout, so that two checkouts' test runs on one machine never remove
 * each other's sites. A run of the site tests on another site (POLICY_SITE, see
 * tests/support/shipped-site.ts) has a folder of its own too, so that it never removes the
 * folder of the run that started it.
 */
export const WORK = path.join(tmpdir(), `security-policy-site-tests-${createHash("sha256").update(`${ROOT}\0${process.env.POLICY_SITE ?? ""}`).digest("hex").slice(0, 12)}`);
