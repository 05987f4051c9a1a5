/**
 * Feature files the benchmark generates from the suite's real steps, in a temporary folder.
 * Scenario texts copy scenarios of features/ (cited by requirement) so the cost measured is
 * the cost of the scenarios product actually writes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ScenarioShape {
  readonly name: string;
  readonly tag: string;
  readonly steps: readonly string[];
}

/** The representative mix: one scenario of each answer path, as answer-yes, answer-no and timeout.feature write them. */
const MIX: readonly ScenarioShape[] = [
  {
    name: 'Yes: DES names the server',
    tag: '@req:YES-2',
    steps: [
      'Given DES assigns the phone to the configuration server "https://prov.example.com/j100"',
      'And the configuration server "https://prov.example.com/j100" holds the site\'s settings',
      'When the user answers Yes',
      'Then the phone is provisioned from "https://prov.example.com/j100"',
      'And the phone uses the setting SIPDOMAIN "example.com"',
    ],
  },
  {
    name: 'No: the DHCP SSON names the server',
    tag: '@req:NO-1',
    steps: [
      'Given the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"',
      'And the configuration server "192.0.2.50" holds the site\'s settings',
      'When the user answers No',
      'Then the phone is provisioned from "http://192.0.2.50"',
      'And the phone never contacted DES',
    ],
  },
  {
    name: 'No answer: LLDP names the server 29 seconds into the search',
    tag: '@req:TIMEOUT-1',
    steps: [
      'Given the DHCP server offers no configuration server',
      'And the switch announces the file server 192.0.2.60 over LLDP after 29 seconds',
      'And the configuration server "192.0.2.60" holds the site\'s settings',
      'When nobody answers the question for 60 seconds',
      'Then the phone is provisioned from "http://192.0.2.60"',
    ],
  },
];

/**
 * The same work (DES without a server, an enrollment code, a settings download) spread over
 * different virtual spans: answered after a second, or left at the question and then at the
 * code prompt for ten minutes (the question's minute, the 30 s local search, then the prompt).
 */
const CODE_THEN_SERVER = [
  'Given DES has no configuration server for the phone',
  'And DES accepts the enrollment code "48213377" for the configuration server "https://prov.example.com/j100"',
  'And the configuration server "https://prov.example.com/j100" holds the site\'s settings',
];
const PROVISIONED = [
  'And the user enters the enrollment code "48213377"',
  'Then the phone is provisioned from "https://prov.example.com/j100"',
];
export const VIRTUAL_SPANS = {
  '1 virtual second': { tag: '@req:CODE-2', steps: [...CODE_THEN_SERVER, 'When the user answers Yes after 1 second', ...PROVISIONED] },
  '10 virtual minutes': { tag: '@req:ASSUME-2', steps: [...CODE_THEN_SERVER, 'When nobody answers the question for 10 minutes', ...PROVISIONED] },
} as const satisfies Record<string, Omit<ScenarioShape, 'name'>>;
export type VirtualSpan = keyof typeof VIRTUAL_SPANS;

const SCENARIOS_PER_FILE = 100;

function feature(title: string, scenarios: readonly ScenarioShape[]): string {
  const body = scenarios.map(({ name, tag, steps }) => [`  ${tag}`, `  Scenario: ${name}`, ...steps.map((s) => `    ${s}`)].join('\n'));
  return [`Feature: ${title}`, '', '  Background:', '    Given the phone boots for the first time', '', body.join('\n\n'), ''].join('\n');
}

/** A folder of generated features; `remove()` deletes it. */
export class GeneratedSuite {
  readonly folder = mkdtempSync(join(tmpdir(), 'j100-bench-'));

  remove(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }

  /** `count` scenarios cycling through the mix, in files of 100; returns the folder holding them. */
  mix(count: number): string {
    return this.write(`mix-${count}`, count, (i) => {
      const shape = MIX[i % MIX.length]!;
      return { ...shape, name: `${shape.name} (${i + 1} of ${count})` };
    });
  }

  /** `count` scenarios of the same boot spanning `span`. */
  span(span: VirtualSpan, count: number): string {
    return this.write(`span-${span.replace(/\W+/g, '-')}`, count, (i) => ({ ...VIRTUAL_SPANS[span], name: `A boot spanning ${span} (${i + 1} of ${count})` }));
  }

  private write(name: string, count: number, scenario: (index: number) => ScenarioShape): string {
    const folder = join(this.folder, name);
    mkdirSync(folder);
    for (let start = 0; start < count; start += SCENARIOS_PER_FILE) {
      const scenarios = Array.from({ length: Math.min(SCENARIOS_PER_FILE, count - start) }, (_, i) => scenario(start + i));
      const file = `part-${String(start / SCENARIOS_PER_FILE + 1).padStart(3, '0')}.feature`;
      writeFileSync(join(folder, file), feature(`${name}, ${file}`, scenarios));
    }
    return folder;
  }
}
