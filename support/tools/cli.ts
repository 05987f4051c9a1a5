/**
 * A tool's command line as a function: `cli(args)` does what the tool does with those arguments and gives its
 * exit code. Run as a program (`ts-node support/tools/<tool>.ts …`), the tool exits with it; `npm test` runs
 * several tools' cli in one process (support/tools/checks.ts).
 */
export type Cli = (args: readonly string[]) => number | Promise<number>;

/** Runs `cli` with the command line's arguments when `program` is the program Node started, and exits with its code. */
export function runAsProgram(program: NodeModule, cli: Cli, what: string): void {
  if (require.main !== program) return;
  Promise.resolve()
    .then(() => cli(process.argv.slice(2)))
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        // The stack says where: an error a tool did not expect is a bug in it.
        console.error(`${what} could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exit(1);
      },
    );
}
