import { existsSync, readdirSync, rmSync } from "node:fs";
import { createServer, isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { UserConfig } from "@11ty/eleventy";
import { FindingCollector } from "../findings/collector.ts";
import { isOutputFormat, OUTPUT_FORMATS, printReport, type Streams } from "../findings/report.ts";
import type { devServer } from "../plugins/eleventy-internals.ts";
import { applySuppressions } from "../rules/suppressions.ts";

/**
 * `security-policy-site build [--strict] [--format json|github]` (`npm run build`): the checked
 * build, swapped into public/ only when it passes. `security-policy-site start` (`npm start`;
 * `serve` is its former name): Eleventy's dev server with live reload; the checks run on every
 * rebuild and print their findings, and the server keeps serving so the author can fix them.
 * The commands with options of their own (verify, check, nginx-config, rules-table, init) are in COMMANDS,
 * run from here too, by bin/security-policy-site.mjs.
 */
const USAGE = `usage: security-policy-site build [--strict] [--format ${OUTPUT_FORMATS.join("|")}] [--input content] [--output public] [--config FILE]
       security-policy-site start [--strict] [--port 8080] [--host 127.0.0.1] [--output .dev] [--config FILE]
       security-policy-site check FILE… [--keys DIR] [--data FILE] [--format text|json|github|sarif]
       security-policy-site init [--help for its options]
       security-policy-site security-md [--output SECURITY.md] [--check]
       security-policy-site security-insights [--output security-insights.yml] [--check]
       security-policy-site verify [--help for its options]
       security-policy-site nginx-config [--help for its options]`;

/**
 * The commands that read their own options, by name, each loaded only when named: verify's network
 * and OpenPGP code is no part of a build's start-up. A new command is one more entry here.
 */
const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  verify: async (args) => await (await import("./verify-command.ts")).verifyCommand(args, COMPILED_CONFIG),
  check: async (args) => await (await import("./check-command.ts")).checkCommand(args),
  "nginx-config": async (args) => (await import("./nginx-config.ts")).nginxConfigCommand(args),
  "rules-table": async () => (await import("./rules-table.ts")).rulesTableCommand(),
  init: async (args) => await (await import("./init/init-command.ts")).runInit(args, process.cwd()),
  "security-md": async (args) => await (await import("./security-md-command.ts")).securityMdCommand(args),
  "security-insights": async (args) => await (await import("./security-md-command.ts")).securityInsightsCommand(args),
};

/**
 * The project's Eleventy config, as compiled beside this module: dist/.eleventy.js for
 * dist/src/build/command.js. Eleventy imports it with Node's own loader, so the config and the
 * command share one copy of every module.
 */
const COMPILED_CONFIG = fileURLToPath(new URL("../../.eleventy.js", import.meta.url));

/** Where `npm start` builds: a git-ignored folder of its own. Only `npm run build` writes public/. */
const DEV_OUTPUT = ".dev";

/**
 * What a command reads and writes besides its arguments: the folder it runs in, the environment
 * and the two output streams. The process's own, unless a caller (a test) gives others.
 */
export interface CommandIO {
  cwd: string;
  env: Record<string, string | undefined>;
  streams: Streams;
}

const PROCESS_IO: CommandIO = {
  get cwd() {
    return process.cwd();
  },
  env: process.env,
  streams: { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
};

async function main(argv: string[], io: CommandIO): Promise<number> {
  const { stdout, stderr } = io.streams;
  // A command with options of its own reads them itself.
  const [first, ...rest] = argv;
  const own = first !== undefined && Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (own) return await own(rest);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        strict: { type: "boolean", default: false },
        format: { type: "string", default: "text" },
        input: { type: "string", default: "content" },
        output: { type: "string" },
        config: { type: "string", default: COMPILED_CONFIG },
        port: { type: "string", default: "8080" },
        host: { type: "string", default: "127.0.0.1" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? "build";
  if (values.help) {
    stdout(`${USAGE}\n`);
    return 0;
  }
  // The command line is read here, once; the build gets plain options, never the environment.
  const strict = values.strict || io.env.POLICY_STRICT === "1";
  const format = values.format;
  if (!isOutputFormat(format)) {
    stderr(`--format ${format} is not a format: use ${OUTPUT_FORMATS.join(", ")}\n${USAGE}\n`);
    return 2;
  }

  if (command === "build") {
    const output = values.output ?? "public";
    if (io.env.POLICY_CHECKS === "off") {
      // The checks are turned off only by `npm run bench`, through buildSite; a published site is always checked.
      stderr("POLICY_CHECKS=off turns the checks off for `npm run bench` only; unset it to build the site\n");
      return 2;
    }
    const started = Date.now();
    // Eleventy is loaded by the commands that build, only: `check` and `verify --help` start without it.
    const { buildSite } = await import("./build.ts");
    const result = await buildSite({ input: values.input, output, configPath: values.config, strict, format, root: io.cwd, streams: io.streams });
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    // In the text format the outcome goes to standard output; in the others standard output is the report's alone.
    const status = format === "text" ? stdout : stderr;
    if (!result.ok) {
      stderr(`Build failed in ${seconds} s; ${output}/ is unchanged.\n`);
      return 1;
    }
    status(`Built ${values.input}/ into ${output}/ in ${seconds} s${strict ? " (strict)" : ""}.\n`);
    return 0;
  }

  if (command === "start" || command === "serve") {
    const output = values.output ?? DEV_OUTPUT;
    if (path.resolve(io.cwd, output) === path.resolve(io.cwd, "public")) {
      stderr(`npm start builds into ${DEV_OUTPUT}/, never into public/: only npm run build writes public/, after every check passed\n`);
      return 2;
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      stderr(`--port ${values.port} is not a port: give a whole number from 1 to 65535\n${USAGE}\n`);
      return 2;
    }
    if (isIP(values.host) === 0 && values.host !== "localhost") {
      stderr(`--host ${values.host} is not an IP address: give the address to listen on, such as 127.0.0.1 (the default, this machine only) or 0.0.0.0 (every interface)\n${USAGE}\n`);
      return 2;
    }
    return serve({ input: values.input, output, config: values.config, port, host: values.host, strict });
  }

  stderr(`unknown command "${command}"\n${USAGE}\n`);
  return 2;
}

/** Whether something already listens on the port, at the address the dev server would listen on. */
async function portInUse(port: number, host: string): Promise<boolean> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(true) : reject(error)));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

/**
 * Eleventy's dev server, in this process, building into its own folder: findings are printed
 * after every rebuild and shown on every page; SIGINT or SIGTERM, or the end of the process
 * that started this one, stops the watcher and the server with it.
 */
async function serve(options: { input: string; output: string; config: string; port: number; host: string; strict: boolean }): Promise<number> {
  if (await portInUse(options.port, options.host)) {
    process.stderr.write(`port ${options.port} is in use: stop what listens there, or choose another port with npm start -- --port ${options.port + 1}\n`);
    return 2;
  }
  // The dev server's own folder starts empty: nothing an earlier session wrote (an advisory's CSAF document since deleted) is taken for this one's. A folder given with --output is the author's, and left as it is.
  if (options.output === DEV_OUTPUT) rmSync(path.resolve(DEV_OUTPUT), { recursive: true, force: true });
  const [{ Eleventy }, { showPanelOnWrittenPages }, { devServer, onEleventyError }, { provideSiteRun }, { explainBuildError, layoutLookup }, { stoppedByChecks }] = await Promise.all([
    import("@11ty/eleventy"),
    import("../plugins/dev-server.ts"),
    import("../plugins/eleventy-internals.ts"),
    import("../plugins/site-run.ts"),
    import("./build-errors.ts"),
    import("./build.ts"),
  ]);
  const findings = new FindingCollector({ root: process.cwd(), strict: options.strict, suppress: applySuppressions });
  let eleventyConfig: UserConfig | undefined;
  const eleventy = new Eleventy(options.input, options.output, {
    configPath: options.config,
    runMode: "serve",
    source: "cli",
    config: (config) => {
      eleventyConfig = config as UserConfig;
      provideSiteRun(eleventyConfig, { findings, reportEachBuild: true, checkPages: true, dev: { port: options.port } });
    },
  });
  let server: Awaited<ReturnType<typeof devServer>> | undefined;
  // A rebuild that Eleventy itself cannot finish is a finding too: printed as the checks' are, and shown on the pages of the last rebuild.
  onEleventyError(eleventy, (error: unknown) => {
    if (!stoppedByChecks(error)) {
      const layouts = eleventyConfig && layoutLookup(eleventyConfig);
      findings.add(...explainBuildError(error, { staging: path.resolve(options.output), output: options.output, input: path.resolve(options.input), layouts, relative: (f) => findings.relative(f) }));
    }
    const report = findings.report();
    printReport(report, "text", PROCESS_IO.streams);
    showPanelOnWrittenPages(path.resolve(options.output), htmlFiles(path.resolve(options.output)), report);
    server?.reload();
  });
  await eleventy.init();
  await eleventy.watch();
  const ready = await devServer(eleventy);
  // The panel says it on the page; the reload client's own console message would only repeat it as an error.
  ready.quietErrorPages();
  // This machine only, unless --host says otherwise: a draft policy is nobody else's business.
  ready.listenOn(options.host);
  server = ready;
  await eleventy.serve(options.port);

  return await new Promise<number>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void eleventy.stopWatch().then(() => resolve(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    process.once("SIGHUP", stop);
    // `npm start` runs this through a shell; if that shell goes without passing a signal on, go too.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) stop();
    }, 500).unref();
  });
}

/** Every HTML file under a folder. */
function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html"))
    .map((f) => path.join(dir, f));
}

/** Resolves once everything written to the stream so far has been handed to the system. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

/** Runs the command the arguments name; resolves with the exit code. */
export async function runCommand(argv: string[], io: CommandIO = PROCESS_IO): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    // Findings are printed by the build; anything else that goes wrong is one line, never a stack trace.
    io.streams.stderr(`${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

/**
 * Ends the process once the output is flushed. Every file is written and the site swapped in by
 * then (removing an old site runs in a process of its own). Left to end by itself, Node would
 * first wait for V8 to finish a garbage collection it began during the build, a fiftieth of a
 * second with nothing left to collect for.
 */
export async function endProcess(code: number): Promise<never> {
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit(code);
}
