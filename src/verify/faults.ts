/**
 * Why a request got no answer verify can judge, told from the error Node's fetch (undici) throws:
 * its own code, or the code of the socket or TLS error beneath it. Pure: an error and where the
 * request went in, one of deployed-unreachable's situations out.
 */
import { isIP } from "node:net";
import { FAULTS } from "../rules/deployed/deployed-unreachable.ts";
import { fill, type Values } from "../rules/rule.ts";

export type FaultId = keyof typeof FAULTS;

/** Why a URL could not be had: one of deployed-unreachable's situations, with its values. */
export type Fault = { [Id in FaultId]: { id: Id; values: Values<(typeof FAULTS)[Id]> } }[FaultId];

/** A fault in a few words, as a finding or a notice quotes it. */
export function faultText(fault: Fault): string {
  return fill(FAULTS[fault.id], fault.values, `fault ${fault.id}`);
}

/** Where a failed request went: the URL asked, and the address connected to (another with --connect-to). */
export interface RequestPlace {
  url: URL;
  connected: { host: string; port: number };
  /** The request's own time limit; negative when the verification's deadline cut it shorter. */
  timeoutMs: number;
}

/** TLS codes (OpenSSL's, as Node names them) that mean the other end does not speak TLS at all. */
const NOT_TLS = new Set(["ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG", "ERR_SSL_HTTP_REQUEST", "ERR_SSL_RECORD_LAYER_FAILURE"]);

/** Certificate verification codes, each with the situation it means. */
const CERTIFICATE: Record<string, "certificateSelfSigned" | "certificateUnknownIssuer" | "certificatePrivateRoot" | "certificateExpired" | "certificateNotYetValid"> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "certificateSelfSigned",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "certificateUnknownIssuer",
  UNABLE_TO_GET_ISSUER_CERT: "certificateUnknownIssuer",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "certificateUnknownIssuer",
  SELF_SIGNED_CERT_IN_CHAIN: "certificatePrivateRoot",
  CERT_HAS_EXPIRED: "certificateExpired",
  CERT_NOT_YET_VALID: "certificateNotYetValid",
};

/** Whether a host name or address is this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  // new URL writes IPv6 addresses compressed: the loopback address is always "::1" there.
  return host === "::1";
}

/** The fault a failed request met. */
export function faultOf(error: unknown, place: RequestPlace): Fault {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? (error as { code?: string } | undefined)?.code;
  const name = (error as Error | undefined)?.name;
  const { url, connected } = place;
  const at = `${connected.host.includes(":") ? `[${connected.host}]` : connected.host}:${connected.port}`;
  if (name === "TimeoutError" || name === "AbortError" || code === "UND_ERR_CONNECT_TIMEOUT") {
    return place.timeoutMs < 0 ? { id: "deadline", values: {} } : { id: "timeout", values: { seconds: place.timeoutMs / 1000 } };
  }
  if (code === "ECONNREFUSED") return { id: "refused", values: { host: url.host } };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { id: "unresolved", values: { hostname: url.hostname } };
  if (code !== undefined && NOT_TLS.has(code)) {
    return isLoopback(connected.host) ? { id: "plainHttpLoopback", values: { host: url.host, connected: at } } : { id: "plainHttp", values: { host: url.host, connected: at } };
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") return { id: "certificateName", values: { host: url.host, hostname: url.hostname } };
  const certificate = code === undefined ? undefined : CERTIFICATE[code];
  if (certificate !== undefined) return { id: certificate, values: { host: url.host, code: code! } };
  if (code && /CERT|SSL|TLS|VERIFY|SIGNATURE|SELF_SIGNED|ISSUER/.test(code)) return { id: "certificateUntrusted", values: { host: url.host, code } };
  return { id: "fetchFailed", values: { reason: code ?? cause?.message ?? (error as Error | undefined)?.message ?? String(error) } };
}
