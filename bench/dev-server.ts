/**
 * The dev server's feedback time on the real site: from writing content/<language>/security.md to the
 * findings line (an edit that breaks the fingerprint) and to the live reload's signal (an
 * edit that fixes it). The server is `npm start`'s own command in a copy of the site, on a
 * free port of 127.0.0.1; the signal is read as the browser's reload client reads it, from
 * the dev server's websocket. Every wait is bounded, and the server is stopped at the end.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import WebSocket from "ws";
import { BIN } from "../tests/support/runtime.ts";
import { ROOT } from "./site.ts";

export interface DevTimings {
  /** Edit that breaks the fingerprint → the finding printed, per edit. */
  findingsMs: number[];
  /** Edit that fixes it → the reload signal sent, per edit. */
  reloadMs: number[];
}

/** A port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A promise for the next event that `test` accepts, or a rejection after `ms`. */
function nextEvent<T>(subscribe: (accept: (value: T) => void) => () => void, what: string, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`waited ${ms} ms for ${what}`));
    }, ms);
    const unsubscribe = subscribe((value) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}

export async function measureDevServer(edits: number, tmp: string): Promise<DevTimings> {
  const dir = path.join(tmp, "dev-site");
  mkdirSync(dir, { recursive: true });
  for (const folder of ["content", "_includes", "assets"]) cpSync(path.join(ROOT, folder), path.join(dir, folder), { recursive: true });
  // The policy in the site's own language, whatever content/ holds.
  const language = (JSON.parse(readFileSync(path.join(dir, "content/_data/security.json"), "utf8")) as { language: string }).language;
  const page = path.join(dir, "content", language, "security.md");
  const good = readFileSync(page, "utf8");
  const shown = /\b[0-9A-F]{4}(?: [0-9A-F]{4}){9}\b/.exec(good)?.[0];
  if (!shown) throw new Error(`bench: content/${language}/security.md shows no fingerprint to break`);
  const broken = good.replace(shown, `${shown.slice(0, -1)}${shown.endsWith("0") ? "1" : "0"}`);

  const port = await freePort();
  const child = spawn(process.execPath, [BIN, "serve", "--port", String(port)], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lineListeners = new Set<(line: string) => void>();
  let printed = "";
  const onData = (chunk: Buffer) => {
    printed += chunk.toString();
    for (const line of chunk.toString().split("\n")) for (const listener of lineListeners) listener(line);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const line = (pattern: RegExp, what: string) =>
    nextEvent<string>((accept) => {
      const listener = (l: string) => pattern.test(l) && accept(l);
      lineListeners.add(listener);
      return () => lineListeners.delete(listener);
    }, what);

  let socket: WebSocket | undefined;
  try {
    await line(/Server at /, `the dev server to listen (it printed: ${printed.slice(-300)})`);
    socket = new WebSocket(`ws://127.0.0.1:${port}`);
    const ws = socket;
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    const reload = () =>
      nextEvent<number>((accept) => {
        const listener = (data: WebSocket.RawData) => {
          if ((JSON.parse(data.toString()) as { type?: string }).type === "eleventy.reload") accept(performance.now());
        };
        ws.on("message", listener);
        return () => ws.off("message", listener);
      }, "the reload signal");
    const settle = () => new Promise((r) => setTimeout(r, 250));

    const timings: DevTimings = { findingsMs: [], reloadMs: [] };
    await settle();
    for (let i = 0; i < edits; i++) {
      const finding = line(/\[fingerprint-mismatch\]$/, "the fingerprint-mismatch finding");
      const afterBreak = reload();
      let at = performance.now();
      writeFileSync(page, broken);
      await finding;
      timings.findingsMs.push(performance.now() - at);
      await afterBreak;
      await settle();

      const afterFix = reload();
      at = performance.now();
      writeFileSync(page, good);
      timings.reloadMs.push((await afterFix) - at);
      await settle();
    }
    return timings;
  } finally {
    socket?.terminate();
    child.kill("SIGTERM");
    await nextEvent<void>((accept) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        accept();
        return () => {};
      }
      const listener = () => accept();
      child.once("exit", listener);
      return () => child.off("exit", listener);
    }, "the dev server to stop", 5000).catch(() => child.kill("SIGKILL"));
  }
}
