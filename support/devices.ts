/**
 * The test side of the phone's ports: a recorded screen, a keypad the user presses, a log, memory.
 * Records are written out field by field, not spread from the stamp: V8 builds spread literals many times slower.
 */
import type { Keypad, KeypadInput, Log, Memory, Notice, Screen, ScreenContent, ScreenMeaning, Softkey, StoredProvisioning } from './phone/ports';
import type { Moment, Stamp } from './moment';

export interface Shown extends Moment {
  readonly content: ScreenContent;
}

/** A meaning in the specification's words, as failure messages and the timeline name it. */
export const describeMeaning = (meaning: ScreenMeaning): string => {
  const { kind, ...rest } = meaning;
  const notice = 'notice' in meaning && meaning.notice ? describeNotice(meaning.notice) : undefined;
  const facts = Object.entries(rest)
    .filter(([key, value]) => key !== 'notice' && value !== undefined)
    .map(([key, value]) => `${key} ${String(value)}`);
  return [kind, ...facts, notice && `notice: ${notice}`].filter(Boolean).join(', ');
};

export const describeNotice = (notice: Notice): string => (notice.kind === 'locked out' ? `locked out for ${notice.minutes} minutes` : notice.kind);

/** The phone's words, then what they mean: `Title — detail [OK | Cancel] {configuration server prompt, notice: DES unreachable}`. */
export const renderScreen = ({ meaning, title, detail, softkeys }: ScreenContent): string =>
  [title, detail && `— ${detail}`, softkeys?.length ? `[${softkeys.join(' | ')}]` : undefined, meaning ? `{${describeMeaning(meaning)}}` : '{no meaning}']
    .filter(Boolean)
    .join(' ');

export class RecordedScreen implements Screen {
  readonly history: Shown[] = [];

  constructor(private readonly stamp: Stamp) {}

  show(content: ScreenContent): void {
    const { at, seq } = this.stamp();
    this.history.push({ at, seq, content });
  }

  current(): ScreenContent | undefined {
    return this.history.at(-1)?.content;
  }
}

export interface Keystroke extends Moment {
  readonly input: KeypadInput;
  /** What the timeline may say about it: enrollment codes are masked. */
  readonly description: string;
}

/** A code as the timeline records what the user typed: one dot per character, never the digits. */
const maskEnrollmentCode = (code: string): string => '•'.repeat(Array.from(code).length);

export class UserKeypad implements Keypad {
  readonly history: Keystroke[] = [];
  private listener: ((input: KeypadInput) => void) | undefined;

  constructor(private readonly stamp: Stamp) {}

  onInput(listener: (input: KeypadInput) => void): void {
    this.listener = listener;
  }

  press(key: Softkey): void {
    this.send({ kind: 'softkey', key }, `presses ${key}`);
  }

  enter(text: string, secret: boolean): void {
    this.send({ kind: 'entry', text }, secret ? `enters ${maskEnrollmentCode(text)} and presses OK` : `enters "${text}" and presses OK`);
  }

  setInAdministrationMenu(server: string): void {
    this.send({ kind: 'administration menu', server }, `sets the configuration server "${server}" in the administration menu`);
  }

  private send(input: KeypadInput, description: string): void {
    const { at, seq } = this.stamp();
    this.history.push({ at, seq, input, description });
    this.listener?.(input);
  }
}

export interface LogLine extends Moment {
  readonly line: string;
}

export class PhoneLog implements Log {
  readonly lines: LogLine[] = [];
  readonly faults: string[] = [];

  constructor(private readonly stamp: Stamp) {}

  write(line: string): void {
    const { at, seq } = this.stamp();
    this.lines.push({ at, seq, line });
  }

  fault(description: string): void {
    this.faults.push(description);
    this.write(`INTERNAL FAULT: ${description.split('\n')[0]}`);
  }
}

export interface StoredWrite extends Moment {
  readonly provisioning: StoredProvisioning;
}

/** Remembers every write, so a scenario can check what the phone keeps in flash too (ASSUME-20). */
export class NonVolatileMemory implements Memory {
  readonly writes: StoredWrite[] = [];

  constructor(private readonly stamp: Stamp) {}

  read(): StoredProvisioning | undefined {
    return this.writes.at(-1)?.provisioning;
  }

  write(provisioning: StoredProvisioning): void {
    const { at, seq } = this.stamp();
    this.writes.push({ at, seq, provisioning });
  }
}
