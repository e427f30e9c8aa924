/**
 * What `npm run verify` fetches, and how: Node's own fetch, TLS verification always on (a
 * private CA through NODE_EXTRA_CA_CERTS), a timeout per request, a cap on each body, at most
 * five redirects (each reported), and only hosts the site data, pages and options name.
 * `--connect-to HOST1:PORT1:HOST2:PORT2` works as curl's: the URL, the Host header and the TLS
 * server name stay HOST1, the connection goes to HOST2:PORT2.
 */
import { Agent, buildConnector } from "undici";
import { faultOf, faultText, type Fault, type FaultId } from "./faults.ts";

export interface ConnectTo {
  from: { host: string; port: number };
  to: { host: string; port: number };
}

/** `example.org:443:127.0.0.1:8443`, as curl writes it. */
export function parseConnectTo(text: string): ConnectTo {
  const m = /^([^:]+):(\d+):([^:]+):(\d+)$/.exec(text);
  if (!m) throw new Error(`--connect-to ${text} is not HOST1:PORT1:HOST2:PORT2 (e.g. example.org:443:127.0.0.1:8443)`);
  return { from: { host: m[1]!.toLowerCase(), port: Number(m[2]) }, to: { host: m[3]!, port: Number(m[4]) } };
}

export interface FetchOptions {
  connectTo: ConnectTo[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Hosts that may be asked; anything else is refused before a request is made. */
  allowedHosts: Set<string>;
  /** Requests under way at once, at most. */
  concurrency: number;
  /** The moment after which no request is made or waited for, whatever its own timeout. */
  deadline: Date;
  /** The one origin that may be asked over plain http: a local preview (--site http://127.0.0.1:8080). */
  plainHttpOrigin?: string;
}

export type { Fault, FaultId };
export { faultText };

export type Fetched =
  | { ok: true; url: string; status: number; headers: Headers; body: Uint8Array; redirects: string[] }
  /** `unreachable`: the host gave no answer (refused, silent, not trusted, or not asked), as against an answer verify does not take. */
  | { ok: false; url: string; fault: Fault; unreachable: boolean; redirects: string[] };

export interface Fetcher {
  get(url: string): Promise<Fetched>;
  close(): Promise<void>;
}

export function createFetcher(options: FetchOptions): Fetcher {
  // The connection itself gets the request's time limit too: a host that accepts and never speaks must not hold the command.
  const connector = buildConnector({ timeout: Math.max(1, Math.min(options.timeoutMs, options.deadline.getTime() - Date.now())) });
  /** Where a connection for the host and port goes: another address with --connect-to. */
  const mapped = (hostname: string, port: number) => options.connectTo.find((c) => c.from.host === hostname.toLowerCase() && c.from.port === port)?.to;
  const connectedTo = (url: URL) => {
    const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
    return mapped(url.hostname, port) ?? { host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port };
  };
  const dispatcher = new Agent({
    connect: (opts, callback) => {
      const rule = mapped(opts.hostname, Number(opts.port || (opts.protocol === "https:" ? 443 : 80)));
      const target = rule ? { hostname: rule.host, host: `${rule.host}:${rule.port}`, port: String(rule.port) } : {};
      connector({ ...opts, ...target, servername: opts.servername ?? opts.hostname }, callback);
    },
  });

  // A small queue: at most `concurrency` requests under way, the rest waiting their turn.
  let running = 0;
  const waiting: Array<() => void> = [];
  const turn = async () => {
    if (running >= options.concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const done = () => {
    running--;
    waiting.shift()?.();
  };

  async function once(url: URL): Promise<Response> {
    const left = options.deadline.getTime() - Date.now();
    if (left <= 0) throw Object.assign(new Error("the deadline passed"), { name: "DeadlineError" });
    return await fetch(url, {
      redirect: "manual",
      signal: AbortSignal.timeout(Math.min(options.timeoutMs, left)),
      headers: { "user-agent": "security-policy-site verify" },
      dispatcher,
    } as RequestInit);
  }

  return {
    async get(start: string): Promise<Fetched> {
      const redirects: string[] = [];
      let url = new URL(start);
      for (;;) {
        if (!options.allowedHosts.has(url.hostname.toLowerCase())) {
          return { ok: false, url: url.href, fault: { id: "hostNotAllowed", values: { hostname: url.hostname } }, unreachable: false, redirects };
        }
        if (url.protocol !== "https:" && url.origin !== options.plainHttpOrigin) return { ok: false, url: url.href, fault: { id: "notHttps", values: { url: url.href } }, unreachable: false, redirects };
        let response: Response;
        await turn();
        // Cut short by the deadline rather than by its own timeout: said so (a negative limit tells faultOf).
        const limit = options.deadline.getTime() - Date.now() < options.timeoutMs ? -1 : options.timeoutMs;
        try {
          response = await once(url);
        } catch (error) {
          done();
          if ((error as Error).name === "DeadlineError") return { ok: false, url: url.href, fault: { id: "deadlinePassed", values: {} }, unreachable: true, redirects };
          return { ok: false, url: url.href, fault: faultOf(error, { url, connected: connectedTo(url), timeoutMs: limit }), unreachable: true, redirects };
        }
        const location = response.headers.get("location");
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          done();
          const next = new URL(location, url);
          redirects.push(`${url.href} → ${next.href} (${response.status})`);
          if (redirects.length > options.maxRedirects) return { ok: false, url: start, fault: { id: "tooManyRedirects", values: { max: options.maxRedirects, redirects: redirects.join(", ") } }, unreachable: false, redirects };
          if (redirects.some((r) => r.startsWith(`${next.href} →`))) return { ok: false, url: start, fault: { id: "redirectLoop", values: { redirects: redirects.join(", ") } }, unreachable: false, redirects };
          url = next;
          continue;
        }
        const body = await readCapped(response, options.maxBytes).finally(done);
        if (body === undefined) return { ok: false, url: url.href, fault: { id: "tooLarge", values: { max: options.maxBytes } }, unreachable: false, redirects };
        return { ok: true, url: url.href, status: response.status, headers: response.headers, body, redirects };
      }
    },
    async close() {
      // Whatever is still pending (a connection that never completed) is dropped, not waited for.
      await dispatcher.destroy();
    },
  };
}

/** The body, or undefined once it passes `max` bytes (the rest is not read). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > max) {
    await response.body?.cancel();
    return undefined;
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    parts.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    body.set(part, at);
    at += part.length;
  }
  return body;
}
