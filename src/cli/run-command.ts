import { NewsdeskError } from '../errors.js';

/** Runs a command; a failure prints one line a user can act on (not a stack) and sets exit code 1. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof NewsdeskError ? `error: ${error.message}` : error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}

/** Like `runCommand`, but only when this module is the file node was started with (so tests and benches can import it). */
export function runIfEntryPoint(moduleUrl: string, main: () => Promise<void>): void {
  if (moduleUrl === `file://${process.argv[1]}`) runCommand(main);
}
