import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Where fixture sites are laid out: outside the repository, so that the build sees each as a
 * project of its own (inside, the repository's .gitignore would hide its pages from Eleventy).
 */
export const WORK = path.join(tmpdir(), "security-policy-site-tests");
