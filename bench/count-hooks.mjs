/**
 * Module hooks for the bench's build child. They route the project's own imports of
 * src/rules/keys.ts (as compiled, dist/src/rules/keys.js) and of openpgp through bench/counting-*.ts, which count every key parse, so
 * the bench can show how many times one build parses a key. Nothing in src/ changes.
 * Plain JavaScript: module.register runs hooks on Node's loader thread, where they must
 * load without depending on the TypeScript loader that runs beside them.
 */

/** Set by initialize: file: URLs, without query strings. */
let root = "";
let keysModule = "";
const counting = { keys: "", openpgp: "" };

/** @param {{ root: string }} data the repository as a file: URL ending in "/" */
export async function initialize(data) {
  root = data.root;
  keysModule = new URL("dist/src/rules/keys.js", root).href;
  counting.keys = new URL("bench/counting-keys.ts", root).href;
  counting.openpgp = new URL("bench/counting-openpgp.ts", root).href;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  const parent = (context.parentURL ?? "").split("?")[0];
  // Only the project's own modules are rerouted; the counting modules reach the real ones.
  const own = parent.startsWith(root) && !parent.includes("/node_modules/") && parent !== counting.keys && parent !== counting.openpgp;
  if (!own) return resolved;
  if (resolved.url.split("?")[0] === keysModule) return { ...resolved, url: counting.keys, shortCircuit: true };
  if (specifier === "openpgp") return { ...resolved, url: counting.openpgp, shortCircuit: true };
  return resolved;
}
