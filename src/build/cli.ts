/**
 * `npm run build [-- --strict] [-- --format json|github]`: the checked build, swapped into
 * public/ only when it passes. `npm start`: Eleventy's dev server with live reload. The
 * commands themselves are in command.ts; `npm run build` runs them compiled ahead
 * (run-compiled.mjs), `npm start` and the tests through tsx, from here.
 */
import { endProcess, runCommand } from "./command.ts";

await endProcess(await runCommand(process.argv.slice(2)));
