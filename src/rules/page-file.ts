import { type Finding } from "../findings/finding.ts";
import { invalidEncoding } from "./source/encoding-invalid.ts";
import { emptyPage } from "./source/page-empty.ts";
import { pageTooLarge } from "./source/page-too-large.ts";

/**
 * The page file itself: empty, too large to be a policy page (a generated file or a wrong
 * path, most likely), or not UTF-8. A page too large or empty is not read further.
 * `file` is the page as findings name it. Each check and its message is in its rule's module.
 */
export function checkPageFile(file: string, bytes: Uint8Array, raw: string, maxPageBytes: number): Finding[] {
  const found = emptyPage(file, raw) ?? pageTooLarge(file, bytes.length, maxPageBytes) ?? invalidEncoding(file, bytes);
  return found ? [found] : [];
}
