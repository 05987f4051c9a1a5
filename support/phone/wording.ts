/** The reference phone's screen texts, in plain English (ASSUME-24). Another phone brings its own. */
import { SCREEN_LIMIT } from './ports';
import { AUTO_PROVISIONING_QUESTION, type Wording } from './screens';

/** A long name (a server's URL) cut in the middle to `max` characters, so its start and end stay readable. */
export function abbreviate(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

/** A server's name fits the detail lines whole, or cut in the middle. */
const server = (name: string, room = SCREEN_LIMIT.columns * SCREEN_LIMIT.detailLines): string => abbreviate(name, room);

export const referenceWording: Wording = {
  screens: {
    question: () => ({ title: AUTO_PROVISIONING_QUESTION }),
    'contacting DES': ({ codeDigits }) => ({
      title: 'Contacting Device Enrollment Services',
      ...(codeDigits === undefined ? {} : { detail: `Enrollment code ${'•'.repeat(codeDigits)}` }),
    }),
    'searching locally': () => ({ title: 'Searching for configuration server', detail: 'DHCP, LLDP' }),
    'no network': () => ({ title: 'No network', detail: 'Waiting for an address from DHCP' }),
    'fetching settings': (meaning) => ({ title: 'Getting settings', detail: server(meaning.server) }),
    'enrollment code prompt': () => ({ title: 'Enter enrollment code', detail: '8 or 12 digits, from Device Enrollment Services' }),
    'configuration server prompt': () => ({ title: 'Enter configuration server', detail: 'Address of the server that holds the settings file' }),
    'provisioning details prompt': () => ({ title: 'Enter provisioning details', detail: 'File server address for the settings file' }),
    'not provisioned': () => ({ title: 'Not provisioned', detail: 'Set the configuration server in the administration menu' }),
    provisioned: ({ server: name, sipDomain }) => {
      if (sipDomain === undefined) return { title: 'Provisioned', detail: server(name) };
      const domain = ` (SIP domain ${abbreviate(sipDomain, SCREEN_LIMIT.columns - 13)})`;
      return { title: 'Provisioned', detail: `${server(name, SCREEN_LIMIT.columns * 2)}${domain}` };
    },
  },
  notices: {
    'entry refused': () => 'That is not a valid entry. Check it and type it again.',
    'code not accepted': () => 'The enrollment code was not accepted. Enter it again.',
    'locked out': ({ minutes }) => `Too many wrong codes: locked for ${minutes} minutes.`,
    'DES unreachable': () => 'Could not reach Device Enrollment Services.',
    'DES answered with an error': () => 'Device Enrollment Services answered with an error.',
    'DES has no server': () => 'Device Enrollment Services has no server for this phone.',
    'settings unavailable': () => 'Could not get settings from the configuration server.',
  },
};
