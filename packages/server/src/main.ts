// Boot only: config -> database -> modules -> http | worker | cli.
import { runCli } from './app/cli.ts';

runCli(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(e); process.exitCode = 1; },
);
