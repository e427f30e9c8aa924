import path from "node:path";
import { parseArgs } from "node:util";
import { Eleventy, type UserConfig } from "@11ty/eleventy";
import { FindingCollector } from "../findings/collector.ts";
import { isOutputFormat, OUTPUT_FORMATS, printReport, type Streams } from "../findings/report.ts";
import { provideSiteRun } from "../plugins/site-run.ts";
import { explainBuildError } from "./build-errors.ts";
import { buildSite, stoppedByChecks } from "./build.ts";

/**
 * `npm run build [-- --strict] [-- --format json|github]`: the checked build, swapped into
 * public/ only when it passes. `npm start`: Eleventy's dev server with live reload; the
 * checks run on every rebuild and print their findings, and the server keeps serving so the
 * author can fix them.
 */
const USAGE = `usage: cli.ts build [--strict] [--format ${OUTPUT_FORMATS.join("|")}] [--input content] [--output public] | cli.ts serve [--strict] [--port 8080]`;

const STREAMS: Streams = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        strict: { type: "boolean", default: false },
        format: { type: "string", default: "text" },
        input: { type: "string", default: "content" },
        output: { type: "string", default: "public" },
        config: { type: "string", default: ".eleventy.ts" },
        port: { type: "string", default: "8080" },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? "build";
  // The command line is read here, once; the build gets plain options, never the environment.
  const strict = values.strict || process.env.POLICY_STRICT === "1";
  const format = values.format;
  if (!isOutputFormat(format)) {
    process.stderr.write(`--format ${format} is not a format: use ${OUTPUT_FORMATS.join(", ")}\n${USAGE}\n`);
    return 2;
  }

  if (command === "build") {
    if (process.env.POLICY_CHECKS === "off") {
      // The checks are turned off only by `npm run bench`, through buildSite; a published site is always checked.
      process.stderr.write("POLICY_CHECKS=off turns the checks off for `npm run bench` only; unset it to build the site\n");
      return 2;
    }
    const started = Date.now();
    const result = await buildSite({ input: values.input, output: values.output, configPath: values.config, strict, format, root: process.cwd(), streams: STREAMS });
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    // In the text format the outcome goes to standard output; in the others standard output is the report's alone.
    const status = format === "text" ? STREAMS.stdout : STREAMS.stderr;
    if (!result.ok) {
      process.stderr.write(`Build failed in ${seconds} s; ${values.output}/ is unchanged.\n`);
      return 1;
    }
    status(`Built ${values.input}/ into ${values.output}/ in ${seconds} s${strict ? " (strict)" : ""}.\n`);
    return 0;
  }

  if (command === "serve") return serve({ input: values.input, output: values.output, config: values.config, port: values.port, strict });

  process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
  return 2;
}

/**
 * Eleventy's dev server, in this process: findings are printed after every rebuild, and
 * SIGINT or SIGTERM stops the watcher and the server with it.
 */
async function serve(options: { input: string; output: string; config: string; port: string; strict: boolean }): Promise<number> {
  const findings = new FindingCollector({ root: process.cwd(), strict: options.strict });
  const eleventy = new Eleventy(options.input, options.output, {
    configPath: options.config,
    runMode: "serve",
    source: "cli",
    config: (config) => provideSiteRun(config as UserConfig, { findings, reportEachBuild: true, checkPages: true }),
  });
  // A rebuild that Eleventy itself cannot finish is a finding too, printed as the checks' are.
  const failed = (error: unknown) => {
    if (!stoppedByChecks(error)) {
      findings.add(...explainBuildError(error, { staging: path.resolve(options.output), output: options.output, input: path.resolve(options.input), relative: (f) => findings.relative(f) }));
    }
    printReport(findings.report(), "text", STREAMS);
  };
  const handler = eleventy.errorHandler as unknown as Record<"error" | "fatal" | "warn", (e: unknown) => void>;
  handler.error = failed;
  handler.fatal = failed;
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(options.port);
  return await new Promise<number>((resolve) => {
    const stop = () => {
      void eleventy.stopWatch().then(() => resolve(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

process.exitCode = await main(process.argv.slice(2));
