/**
 * faultOf: the error Node's fetch throws, as the situation a reader of the report needs. The
 * errors are shaped as undici throws them (a TypeError "fetch failed" whose cause carries the
 * code); tests/verify.test.ts and the deployed-unreachable cases meet the same ones for real.
 */
import { describe, expect, it } from "vitest";
import { faultOf, faultText, isLoopback, type Fault } from "../src/verify/faults.ts";

const url = new URL("https://example.org/.well-known/security.txt");
const direct = { host: "example.org", port: 443 };
const local = { host: "127.0.0.1", port: 8080 };

/** As undici throws it: the code on the cause. */
const failed = (code: string, message = "") => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(message), { code }) });

const CASES: Array<{ name: string; error: unknown; connected?: { host: string; port: number }; timeoutMs?: number; fault: Fault }> = [
  { name: "a refused connection", error: failed("ECONNREFUSED"), fault: { id: "refused", values: { host: "example.org" } } },
  { name: "the request's own time limit", error: Object.assign(new Error("aborted"), { name: "TimeoutError" }), timeoutMs: 2500, fault: { id: "timeout", values: { seconds: 2.5 } } },
  { name: "a connection that did not open in time", error: failed("UND_ERR_CONNECT_TIMEOUT"), timeoutMs: 1000, fault: { id: "timeout", values: { seconds: 1 } } },
  { name: "the verification's deadline, which came first", error: Object.assign(new Error("aborted"), { name: "AbortError" }), timeoutMs: -1, fault: { id: "deadline", values: {} } },
  { name: "a name that does not resolve", error: failed("ENOTFOUND"), fault: { id: "unresolved", values: { hostname: "example.org" } } },
  { name: "a name that does not resolve now", error: failed("EAI_AGAIN"), fault: { id: "unresolved", values: { hostname: "example.org" } } },
  { name: "plain HTTP where TLS is asked, on another machine", error: failed("ERR_SSL_WRONG_VERSION_NUMBER"), fault: { id: "plainHttp", values: { host: "example.org", connected: "example.org:443" } } },
  { name: "plain HTTP where TLS is asked, on this machine", error: failed("ERR_SSL_WRONG_VERSION_NUMBER"), connected: local, fault: { id: "plainHttpLoopback", values: { host: "example.org", connected: "127.0.0.1:8080" } } },
  { name: "plain HTTP, as newer OpenSSL reports it", error: failed("ERR_SSL_PACKET_LENGTH_TOO_LONG"), connected: local, fault: { id: "plainHttpLoopback", values: { host: "example.org", connected: "127.0.0.1:8080" } } },
  { name: "a self-signed certificate", error: failed("DEPTH_ZERO_SELF_SIGNED_CERT"), fault: { id: "certificateSelfSigned", values: { host: "example.org", code: "DEPTH_ZERO_SELF_SIGNED_CERT" } } },
  { name: "a certificate from a CA not known here", error: failed("UNABLE_TO_VERIFY_LEAF_SIGNATURE"), fault: { id: "certificateUnknownIssuer", values: { host: "example.org", code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" } } },
  { name: "a chain without its intermediate", error: failed("UNABLE_TO_GET_ISSUER_CERT_LOCALLY"), fault: { id: "certificateUnknownIssuer", values: { host: "example.org", code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" } } },
  { name: "a chain up to a root not trusted here", error: failed("SELF_SIGNED_CERT_IN_CHAIN"), fault: { id: "certificatePrivateRoot", values: { host: "example.org", code: "SELF_SIGNED_CERT_IN_CHAIN" } } },
  { name: "a certificate for another name", error: failed("ERR_TLS_CERT_ALTNAME_INVALID"), fault: { id: "certificateName", values: { host: "example.org", hostname: "example.org" } } },
  { name: "an expired certificate", error: failed("CERT_HAS_EXPIRED"), fault: { id: "certificateExpired", values: { host: "example.org", code: "CERT_HAS_EXPIRED" } } },
  { name: "a certificate not valid yet", error: failed("CERT_NOT_YET_VALID"), fault: { id: "certificateNotYetValid", values: { host: "example.org", code: "CERT_NOT_YET_VALID" } } },
  { name: "another TLS failure", error: failed("ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE"), fault: { id: "certificateUntrusted", values: { host: "example.org", code: "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE" } } },
  { name: "a socket closed under the request", error: failed("UND_ERR_SOCKET"), fault: { id: "fetchFailed", values: { reason: "UND_ERR_SOCKET" } } },
  { name: "an error without a code", error: new TypeError("fetch failed", { cause: new Error("other side closed") }), fault: { id: "fetchFailed", values: { reason: "other side closed" } } },
];

describe("faultOf", () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.fault.id}`, () => {
      expect(faultOf(c.error, { url, connected: c.connected ?? direct, timeoutMs: c.timeoutMs ?? 10_000 })).toEqual(c.fault);
    });
  }

  it("plain HTTP on this machine suggests --site with the address connected to, not the URL's host", () => {
    const fault = faultOf(failed("ERR_SSL_WRONG_VERSION_NUMBER"), { url, connected: local, timeoutMs: 10_000 });
    expect(faultText(fault)).toBe("example.org answered in plain HTTP, not TLS: the server at 127.0.0.1:8080 speaks http where the URL asks for https; to check a local preview served over http, give --site http://127.0.0.1:8080/");
  });

  it("an untrusted certificate names the check that failed and what to do", () => {
    expect(faultText(faultOf(failed("DEPTH_ZERO_SELF_SIGNED_CERT"), { url, connected: direct, timeoutMs: 10_000 }))).toBe(
      "the TLS certificate of example.org is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT), so nothing vouches for it: serve one from a public CA; for a test certificate, give it in NODE_EXTRA_CA_CERTS",
    );
    expect(faultText(faultOf(failed("CERT_HAS_EXPIRED"), { url, connected: direct, timeoutMs: 10_000 }))).toBe("the TLS certificate of example.org has expired (CERT_HAS_EXPIRED): renew it on the server");
  });
});

describe("isLoopback", () => {
  it("is 127.0.0.0/8, ::1 and localhost", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "[::1]", "::1", "localhost", "LocalHost"]) expect(isLoopback(host), host).toBe(true);
  });

  it("is no other address or name", () => {
    for (const host of ["128.0.0.1", "10.0.0.1", "0.0.0.0", "[::2]", "example.org", "localhost.example.org", "127.0.0.1.example.org"]) expect(isLoopback(host), host).toBe(false);
  });
});
