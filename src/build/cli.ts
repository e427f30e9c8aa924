import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSite } from "./build.ts";

/**
 * `npm run build [-- --strict]`: the checked build, swapped into public/ only when it passes.
 * `npm start`: Eleventy's dev server with live reload; the checks run on every rebuild and
 * print their findings, and the server keeps serving so the author can fix them.
 */
const USAGE = "usage: cli.ts build [--strict] [--input content] [--output public] | cli.ts serve [--port 8080]";

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        strict: { type: "boolean", default: false },
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
  const strict = values.strict || process.env.POLICY_STRICT === "1";

  if (command === "build") {
    if (process.env.POLICY_CHECKS === "off") {
      // The off switch exists to measure what the checks cost; a published site is always checked.
      process.stderr.write("POLICY_CHECKS=off turns the checks off for `npm run bench` only; unset it to build the site\n");
      return 2;
    }
    const started = Date.now();
    const result = await buildSite({
      input: values.input,
      output: values.output,
      configPath: values.config,
      strict,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    if (!result.ok) {
      process.stderr.write(`Build failed in ${seconds} s; ${values.output}/ is unchanged.\n`);
      return 1;
    }
    process.stdout.write(`Built ${values.input}/ into ${values.output}/ in ${seconds} s${strict ? " (strict)" : ""}.\n`);
    return 0;
  }

  if (command === "serve") {
    // cmd.cjs is not in the package's exports; it sits one folder above the entry point.
    const eleventyCli = path.join(path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")), "..", "cmd.cjs");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", eleventyCli, `--config=${values.config}`, `--input=${values.input}`, `--output=${values.output}`, "--serve", `--port=${values.port}`],
      { stdio: "inherit", env: { ...process.env, POLICY_STRICT: strict ? "1" : "" } },
    );
    return await new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  }

  process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
