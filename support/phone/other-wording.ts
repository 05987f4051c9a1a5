/**
 * A second, complete set of screen texts: terse German, as another vendor's firmware might word
 * them. The question keeps the source's words (PROMPT-1); nothing else matches the reference
 * wording. `npm run test:other-wording` runs the whole specification against it.
 */
import { SCREEN_LIMIT } from './ports';
import { AUTO_PROVISIONING_QUESTION, type Wording } from './screens';
import { abbreviate } from './wording';

const room = SCREEN_LIMIT.columns * SCREEN_LIMIT.detailLines;

export const terseGermanWording: Wording = {
  screens: {
    question: () => ({ title: AUTO_PROVISIONING_QUESTION, detail: 'Ja: DES  Nein: DHCP/LLDP' }),
    'contacting DES': ({ codeDigits }) => ({ title: 'DES wird gefragt', ...(codeDigits === undefined ? {} : { detail: `Code: ${'*'.repeat(codeDigits)}` }) }),
    'searching locally': () => ({ title: 'Suche Server (DHCP/LLDP)' }),
    'no network': () => ({ title: 'Kein Netzwerk', detail: 'Warte auf DHCP-Adresse' }),
    'fetching settings': ({ server }) => ({ title: 'Lade Einstellungen', detail: abbreviate(server, room) }),
    'enrollment code prompt': () => ({ title: 'Aktivierungscode', detail: '8 oder 12 Ziffern' }),
    'configuration server prompt': () => ({ title: 'Konfig.-Server', detail: 'Adresse eingeben' }),
    'provisioning details prompt': () => ({ title: 'Bereitstellung', detail: 'Adresse des Dateiservers' }),
    'not provisioned': () => ({ title: 'Nicht eingerichtet', detail: 'Server im Admin-Menü setzen' }),
    provisioned: ({ server, sipDomain }) => ({
      title: 'Bereit',
      detail: sipDomain === undefined ? abbreviate(server, room) : `${abbreviate(server, room - SCREEN_LIMIT.columns)} ${abbreviate(sipDomain, SCREEN_LIMIT.columns)}`,
    }),
  },
  notices: {
    'entry refused': () => 'Ungültig. Bitte neu eingeben.',
    'code not accepted': () => 'Code abgelehnt.',
    'locked out': ({ minutes }) => `Gesperrt: ${minutes} Min.`,
    'DES unreachable': () => 'DES nicht erreichbar.',
    'DES answered with an error': () => 'DES meldet Fehler.',
    'DES has no server': () => 'DES kennt keinen Server.',
    'settings unavailable': () => 'Keine Einstellungen erhalten.',
  },
};
