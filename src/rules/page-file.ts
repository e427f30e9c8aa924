import { type Finding } from "../findings/finding.ts";
import { finding } from "./registry.ts";
import { firstInvalidUtf8 } from "../findings/locate.ts";

/**
 * The page file itself: empty, too large to be a policy page (a generated file or a wrong
 * path, most likely), or not UTF-8. A page too large or empty is not read further.
 * `file` is the page as findings name it.
 */
export function checkPageFile(file: string, bytes: Uint8Array, raw: string, maxPageBytes: number): Finding[] {
  if (raw.replace(/^\uFEFF/, "").trim() === "") {
    return [finding("page-empty", file, { line: 1, column: 1 }, "the page is empty; write its front matter and text, or delete the file")];
  }
  if (bytes.length > maxPageBytes) {
    const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
    return [finding("page-too-large", file, { line: 1, column: 1 }, `the page is ${mb(bytes.length)}, over the ${mb(maxPageBytes)} a policy page may be; is this the right file?`)];
  }
  const bad = firstInvalidUtf8(bytes);
  if (!bad) return [];
  const hex = bad.byte.toString(16).toUpperCase().padStart(2, "0");
  return [finding("encoding-invalid", file, bad, `byte 0x${hex} is not UTF-8: the file was saved in another encoding (Windows-1252 or Latin-1, most likely); save it as UTF-8`)];
}
