/**
 * deployed-unreachable: a source verify could not judge. The faults a test can make on this
 * machine are made for real, through verify's own fetcher (a refused port, a server that never
 * speaks, a certificate no one trusts, plain HTTP on an https URL, a host or scheme it does not
 * ask, a deadline); the ones
 * that need a trusted certificate (a wrong name, a redirect loop, an oversized answer) are the
 * fetcher's faults as it reports them. tests/verify.test.ts makes those for real, with nginx.
 */
import { readFileSync } from "node:fs";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { createServer as createHttpServer } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../bench/dev-server.ts";
import deployedUnreachable from "../../../src/rules/deployed/deployed-unreachable.ts";
import { createFetcher, faultText, type Fault } from "../../../src/verify/net.ts";
import { readSecurityMd, unreachable, type Failure } from "../../../src/verify/verify.ts";
import { makeCertificate } from "../../support/nginx.ts";
import { ROOT } from "../../support/fixture-site.ts";
import { testRule } from "../../support/rule-tester.ts";
import { failure } from "./answers.ts";

const URL = "https://example.org/.well-known/security.txt";

/** A port nothing listens on, a server that accepts and never says a word, and a TLS server whose certificate no one here trusts. */
let closedPort: number;
let silentPort: number;
let tlsPort: number;
let httpPort: number;
const servers: Server[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  closedPort = await freePort();
  const silent = createTcpServer((socket) => sockets.push(socket));
  const ca = makeCertificate(["example.org"]);
  const tls = createTlsServer({ cert: readFileSync(ca.cert), key: readFileSync(ca.key) }, (socket) => socket.end());
  const http = createHttpServer((_request, response) => response.end("plain"));
  for (const server of [silent, tls, http]) {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  }
  silentPort = (silent.address() as { port: number }).port;
  tlsPort = (tls.address() as { port: number }).port;
  httpPort = (http.address() as { port: number }).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

type Input =
  /**
   * Ask `url` with verify's fetcher, example.org reached at one of the servers above; the
   * request's time limit and the verification's deadline (from now) in milliseconds.
   */
  | { url: string; to?: "closed" | "silent" | "tls" | "http"; timeoutMs?: number; deadlineIn?: number }
  /** A fault as the fetcher reports it. */
  | { fetched: Failure }
  /** A SECURITY.md given as a file. */
  | { file: string };

async function run(input: Input) {
  if ("file" in input) return readSecurityMd([], input.file, (file) => readFileSync(file, "utf8")).findings;
  if ("fetched" in input) return unreachable(URL, input.fetched).findings;
  const port = input.to === undefined ? undefined : { closed: closedPort, silent: silentPort, tls: tlsPort, http: httpPort }[input.to];
  const fetcher = createFetcher({
    connectTo: port === undefined ? [] : [{ from: { host: "example.org", port: 443 }, to: { host: "127.0.0.1", port } }],
    timeoutMs: input.timeoutMs ?? 2000,
    maxBytes: 1_048_576,
    maxRedirects: 5,
    allowedHosts: new Set(["example.org"]),
    concurrency: 2,
    deadline: new Date(Date.now() + (input.deadlineIn ?? 5000)),
  });
  try {
    const fetched = await fetcher.get(input.url);
    return fetched.ok ? [] : unreachable(input.url, fetched).findings;
  } finally {
    await fetcher.close();
  }
}

const at = (messageId: Fault["id"] | "unreadable", message: string) => ({ messageId, line: 1, column: 1, message });

testRule(deployedUnreachable, run, {
  valid: [
    { name: "a SECURITY.md file that can be read", input: { file: path.join(ROOT, "tests/fixtures/sites/_base/content/security.md") } },
  ],
  invalid: [
    {
      name: "a port nothing listens on",
      input: { url: URL, to: "closed" },
      findings: [at("refused", "could not be checked: connection refused by example.org")],
    },
    {
      name: "a server that accepts the connection and never answers, within the request's time",
      input: { url: URL, to: "silent", timeoutMs: 300 },
      findings: [at("timeout", "could not be checked: no answer within 0.3 s")],
    },
    {
      name: "a server that never answers before the verification's deadline, which comes before the request's own time is up",
      input: { url: URL, to: "silent", timeoutMs: 5000, deadlineIn: 300 },
      findings: [at("deadline", "could not be checked: no answer before the verification's deadline")],
    },
    {
      name: "a request not made because the verification's deadline had passed",
      input: { url: URL, to: "closed", deadlineIn: -1000 },
      findings: [at("deadlinePassed", "could not be checked: not asked: the verification's deadline had passed")],
    },
    {
      name: "a certificate from a CA this machine does not trust",
      input: { url: URL, to: "tls" },
      findings: [{ messageId: "certificateUnknownIssuer", line: 1, column: 1 }],
    },
    {
      name: "a server that speaks plain HTTP where https is asked, on this machine",
      input: { url: URL, to: "http" },
      findings: [{ messageId: "plainHttpLoopback", line: 1, column: 1 }],
    },
    {
      name: "a server on another machine that speaks plain HTTP where https is asked",
      input: { fetched: failure({ id: "plainHttp", values: { host: "example.org", connected: "192.0.2.7:443" } }) },
      findings: [at("plainHttp", "could not be checked: example.org answered in plain HTTP, not TLS: the server at 192.0.2.7:443 speaks http where the URL asks for https; serve the site over TLS on that port")],
    },
    {
      name: "a self-signed certificate",
      input: { fetched: failure({ id: "certificateSelfSigned", values: { host: "example.org", code: "DEPTH_ZERO_SELF_SIGNED_CERT" } }) },
      findings: [{ messageId: "certificateSelfSigned", line: 1, column: 1 }],
    },
    {
      name: "a chain that ends in a root CA this machine does not trust",
      input: { fetched: failure({ id: "certificatePrivateRoot", values: { host: "example.org", code: "SELF_SIGNED_CERT_IN_CHAIN" } }) },
      findings: [{ messageId: "certificatePrivateRoot", line: 1, column: 1 }],
    },
    {
      name: "an expired certificate",
      input: { fetched: failure({ id: "certificateExpired", values: { host: "example.org", code: "CERT_HAS_EXPIRED" } }) },
      findings: [at("certificateExpired", "could not be checked: the TLS certificate of example.org has expired (CERT_HAS_EXPIRED): renew it on the server")],
    },
    {
      name: "a certificate not valid yet",
      input: { fetched: failure({ id: "certificateNotYetValid", values: { host: "example.org", code: "CERT_NOT_YET_VALID" } }) },
      findings: [{ messageId: "certificateNotYetValid", line: 1, column: 1 }],
    },
    {
      name: "a TLS failure of another kind",
      input: { fetched: failure({ id: "certificateUntrusted", values: { host: "example.org", code: "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE" } }) },
      findings: [at("certificateUntrusted", "could not be checked: TLS to example.org failed (ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE): the certificate is not trusted; a private CA goes in NODE_EXTRA_CA_CERTS")],
    },
    {
      name: "a host that neither the site data, its pages nor the options name",
      input: { url: "https://elsewhere.example.net/security.txt" },
      findings: [at("hostNotAllowed", "could not be checked: elsewhere.example.net is not a host the site data, its pages or the options name, so it is not asked")],
    },
    {
      name: "a URL that is not https",
      input: { url: "http://example.org/.well-known/security.txt" },
      findings: [at("notHttps", "could not be checked: http://example.org/.well-known/security.txt is not https")],
    },
    {
      name: "a host whose name does not resolve",
      input: { fetched: failure({ id: "unresolved", values: { hostname: "example.org" } }) },
      findings: [at("unresolved", "could not be checked: example.org does not resolve")],
    },
    {
      name: "a trusted certificate for another name",
      input: { fetched: failure({ id: "certificateName", values: { host: "example.org", hostname: "example.org" } }) },
      findings: [at("certificateName", "could not be checked: the TLS certificate of example.org is not for example.org: serve a certificate whose names include example.org")],
    },
    {
      name: "a fetch that failed for a reason the fetcher does not name",
      input: { fetched: failure({ id: "fetchFailed", values: { reason: "UND_ERR_SOCKET" } }) },
      findings: [at("fetchFailed", "could not be checked: could not fetch it (UND_ERR_SOCKET)")],
    },
    {
      name: "more redirects than the fetcher follows",
      input: { fetched: failure({ id: "tooManyRedirects", values: { max: 1, redirects: "https://example.org/a → https://example.org/b (302), https://example.org/b → https://example.org/c (302)" } }, false) },
      findings: [at("tooManyRedirects", "could not be checked: more than 1 redirects: https://example.org/a → https://example.org/b (302), https://example.org/b → https://example.org/c (302)")],
    },
    {
      name: "a redirect loop",
      input: { fetched: failure({ id: "redirectLoop", values: { redirects: `${URL} → ${URL} (302)` } }, false) },
      findings: [at("redirectLoop", `could not be checked: a redirect loop: ${URL} → ${URL} (302)`)],
    },
    {
      name: "an answer larger than the cap",
      input: { fetched: failure({ id: "tooLarge", values: { max: 1_048_576 } }, false) },
      findings: [at("tooLarge", "could not be checked: the answer is larger than 1048576 bytes")],
    },
    {
      name: "a SECURITY.md file that is not there",
      input: { file: path.join(ROOT, "tests/fixtures/no-such-SECURITY.md") },
      findings: [{ messageId: "unreadable", line: 1, column: 1 }],
    },
  ],
  // What a client meets at the server: a refused connection, made for real at a port nothing listens on.
  example: (text): Input => {
    if (!/: Connection refused$/m.test(text)) throw new Error("the example is a refused connection");
    return { url: URL, to: "closed" };
  },
});

describe("a source that could not be checked", () => {
  it("is not checked, and keeps the redirects that led to the fault as notices", () => {
    const result = unreachable(URL, failure({ id: "tooLarge", values: { max: 10 } }, false, [`https://example.org/x → ${URL} (301)`]));
    expect(result).toMatchObject({ source: URL, unreachable: true, notices: [`redirected: https://example.org/x → ${URL} (301)`] });
  });

  it("a certificate no one trusts says which check failed, and where a private CA goes", async () => {
    const [found] = await run({ url: URL, to: "tls" });
    expect(found?.message).toBe(
      "could not be checked: the TLS certificate of example.org is issued by a CA this machine does not know (UNABLE_TO_VERIFY_LEAF_SIGNATURE): serve the full chain (the intermediate certificates too); for a private CA, give its certificate in NODE_EXTRA_CA_CERTS",
    );
  });

  it("plain HTTP on an https URL says so, and names the preview option for this machine", async () => {
    const [found] = await run({ url: URL, to: "http" });
    expect(found?.message).toBe(`could not be checked: example.org answered in plain HTTP, not TLS: the server at 127.0.0.1:${httpPort} speaks http where the URL asks for https; to check a local preview served over http, give --site http://127.0.0.1:${httpPort}/`);
  });

  it("a file that cannot be read says why", () => {
    const [found] = readSecurityMd([], "/nonexistent/SECURITY.md", (file) => readFileSync(file, "utf8")).findings;
    expect(found?.message).toMatch(/^could not be read: .*ENOENT/);
  });

  it("the fault in a notice is the finding's words without 'could not be checked'", () => {
    expect(faultText({ id: "refused", values: { host: "example.org:8443" } })).toBe("connection refused by example.org:8443");
  });
});
