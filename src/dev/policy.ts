/**
 * The development Content-Security-Policy: the published one with exactly what the dev
 * server's live reload needs, and nothing else. Its reload client connects a websocket to
 * the page's own host and port, so `connect-src` names that origin (as `localhost` and as
 * `127.0.0.1`, the two names of the one server); on an error page it inlines the client,
 * which its hash allows. Pure: strings in, strings out.
 */

/** The `<meta http-equiv="Content-Security-Policy">` of a page, its content attribute captured. */
const POLICY_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

/** The policy with `connect-src` set to the websocket origins and the reload client's hash added to `script-src`. */
export function developmentPolicy(policy: string, options: { port: number; scriptHash?: string }): string {
  const origins = [`ws://localhost:${options.port}`, `ws://127.0.0.1:${options.port}`].join(" ");
  const directives = policy
    .split(";")
    .map((d) => d.trim())
    .filter((d) => d !== "");
  const set = (name: string, value: (current: string | undefined) => string) => {
    const at = directives.findIndex((d) => d.split(/\s+/)[0]?.toLowerCase() === name);
    const current = at < 0 ? undefined : directives[at]!.slice(name.length).trim();
    if (at < 0) directives.push(`${name} ${value(current)}`);
    else directives[at] = `${name} ${value(current)}`;
  };
  set("connect-src", () => origins);
  if (options.scriptHash) set("script-src", (current) => [...(current ?? "").split(/\s+/).filter((s) => s !== "" && s !== "'none'"), `'${options.scriptHash}'`].join(" "));
  return directives.join("; ");
}

/** A page with its policy `<meta>` made the development one; a page without one is left as it is. */
export function withDevelopmentPolicy(html: string, options: { port: number; scriptHash?: string }): string {
  return html.replace(POLICY_META, (_, open: string, policy: string, close: string) => `${open}${developmentPolicy(policy, options)}${close}`);
}
