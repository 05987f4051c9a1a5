/**
 * Product signs a requirement or a decision off, pinned to what it read:
 *   npm run sign-off -- <ID> --by "<name>"     record who, when and the fingerprint in features/sign-offs.json
 *   npm run sign-off -- --status               every ID's sign-off today (awaiting, signed off, changed since sign-off)
 * Bad input gets one clear sentence, exit 1, and the records stay as they were.
 */
import { liveEntries, readProject, recordProblems, ROOT, SIGN_COMMAND, SIGN_OFFS_FILE, signOff, signOffStates, type SignOffState } from '../reporting/sign-offs';

const USAGE = `usage: ${SIGN_COMMAND}   or   npm run sign-off -- --status`;

export const describeState = (state: SignOffState): string =>
  state.state === 'awaiting'
    ? 'awaiting sign-off'
    : state.state === 'signed off'
      ? `signed off by ${state.by} on ${state.at.slice(0, 10)}${state.unchecked ? ` (${state.unchecked})` : ''}`
      : `changed since sign-off by ${state.by} on ${state.at.slice(0, 10)}: ${state.changes.join('; ')}`;

/** Parses `<ID> --by <name>` (or `--by=<name>`); returns the problem in a sentence when the input is bad. */
export function parseArguments(argv: readonly string[]): { id: string; by: string } | { status: true } | { problem: string } {
  if (argv.length === 1 && argv[0] === '--status') return { status: true };
  const positional: string[] = [];
  let by: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--by') by = argv[++i];
    else if (arg.startsWith('--by=')) by = arg.slice('--by='.length);
    else if (arg.startsWith('-')) return { problem: `unknown option ${arg}. ${USAGE}` };
    else positional.push(arg);
  }
  if (positional.length !== 1) return { problem: `name exactly one requirement or decision to sign (got ${positional.length ? positional.join(', ') : 'none'}). ${USAGE}` };
  if (by === undefined || !by.trim()) return { problem: `say who signs with --by "<name>". ${USAGE}` };
  return { id: positional[0]!.toUpperCase(), by: by.trim() };
}

export function main(argv: readonly string[], root = ROOT, env: NodeJS.ProcessEnv = process.env, log = console.log, fail = console.error): number {
  const parsed = parseArguments(argv);
  if ('problem' in parsed) return fail(`Sign-off refused: ${parsed.problem}`), 1;
  try {
    const project = readProject(root, env);
    const broken = recordProblems(root, project.catalogue);
    if (broken.length) return fail(`Sign-off refused: ${SIGN_OFFS_FILE} is malformed, so it is left untouched:\n${broken.map((p) => `  - ${p}`).join('\n')}`), 1;
    if ('status' in parsed) {
      for (const [id, state] of signOffStates(project)) log(`${id}: ${describeState(state)}`);
      return 0;
    }
    const ids = liveEntries(project.catalogue).map((entry) => entry.id);
    if (!ids.includes(parsed.id)) {
      const merged = (project.catalogue.assumptions as readonly { id: string; mergedInto?: string }[]).find((a) => a.id === parsed.id)?.mergedInto;
      if (merged) return fail(`Sign-off refused: ${parsed.id} was merged into ${merged}; sign ${merged}. Nothing was recorded.`), 1;
      const near = ids.filter((id) => id.split('-')[0] === parsed.id.split('-')[0]);
      return fail(`Sign-off refused: ${parsed.id} is not in features/requirements.json${near.length ? ` (its IDs of that kind: ${near.join(', ')})` : ''}; nothing was recorded.`), 1;
    }
    const record = signOff(project, parsed.id, parsed.by);
    const { sourceLines, scenarios, text } = record.signed;
    log(
      [
        `${record.id} signed off by ${record.by} at ${record.at}, pinned to what was read:`,
        `  text: ${Object.keys(text).join(', ')}`,
        `  source lines: ${sourceLines.map((l) => l.line).join(', ') || 'none (a decision refining no requirement)'}`,
        `  product-layer scenarios (${scenarios.length}):${scenarios.map((s) => `\n    - ${s.feature}: ${s.name}`).join('') || ' none — nothing in features/*.feature names it yet'}`,
        `Recorded in ${SIGN_OFFS_FILE} (fingerprint ${record.fingerprint.slice(0, 19)}…): commit that file. If any of this changes, the matrix says "changed since sign-off" and what changed.`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    return fail(`Sign-off refused: ${(error as Error).message}; nothing was recorded.`), 1;
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
