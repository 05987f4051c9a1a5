/**
 * Several of package.json's check scripts in one process, as `npm test` runs them:
 *   ts-node support/tools/checks.ts check:static check:docs …
 * Each named script runs as package.json defines it, in order, and the first that fails ends the run with its exit
 * code, as `npm run a && npm run b` would. A script must be `ts-node <tool> <arguments>` commands joined by `&&`;
 * each tool's cli (support/tools/cli.ts) runs here, because a process of its own would load ts-node and
 * TypeScript again, most of a check's time. Paths are the project's, as under npm run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAsProgram, type Cli } from './cli';

const ROOT = join(__dirname, '..', '..');

interface ToolCommand {
  readonly tool: string;
  readonly args: readonly string[];
}

/** A script this runner cannot run: a usage error, said in one line. */
class ScriptRefused extends Error {}

/** The script's commands, each `ts-node <tool> <arguments…>` with no quoting; anything else is refused before any check runs. */
function commandsOf(script: string, scripts: Readonly<Record<string, string>>): readonly ToolCommand[] {
  const line = scripts[script];
  if (line === undefined) throw new ScriptRefused(`package.json has no script "${script}".`);
  return line.split('&&').map((command) => {
    const [runner, tool, ...args] = command.trim().split(/\s+/);
    if (runner !== 'ts-node' || !tool || /["'`;|<>&$]/.test(command)) {
      throw new ScriptRefused(`"${script}" runs \`${command.trim()}\`: only \`ts-node <tool> <arguments>\` commands, unquoted, run in one process.`);
    }
    // Checked before any check runs: requiring a tool without a cli would run it as its own program.
    if (!existsSync(resolve(tool)) || !/^export (const|function|async function) cli\b/m.test(readFileSync(resolve(tool), 'utf8'))) {
      throw new ScriptRefused(`"${script}" runs ${tool}, which exports no cli (support/tools/cli.ts): run it with npm run ${script}.`);
    }
    return { tool, args };
  });
}

export const cli: Cli = async (names) => {
  if (names.length === 0) {
    console.error('usage: ts-node support/tools/checks.ts <npm script> ...');
    return 2;
  }
  process.chdir(ROOT);
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  let runs: { name: string; commands: readonly ToolCommand[] }[];
  try {
    runs = names.map((name) => ({ name, commands: commandsOf(name, scripts) }));
  } catch (error) {
    if (!(error instanceof ScriptRefused)) throw error;
    console.error(error.message);
    return 2;
  }
  for (const { name, commands } of runs) {
    console.log(`\n> ${name}`);
    for (const { tool, args } of commands) {
      const code = await runTool(tool, args).catch((error: unknown) => {
        console.error(`npm run ${name} stopped with an error:`);
        throw error;
      });
      if (code !== 0) return code;
    }
  }
  return 0;
};

async function runTool(tool: string, args: readonly string[]): Promise<number> {
  const { cli: toolCli } = require(resolve(tool)) as { cli?: Cli };
  if (!toolCli) throw new Error(`${tool} exports no cli (support/tools/cli.ts).`);
  return toolCli(args);
}

runAsProgram(module, cli, 'The checks');
