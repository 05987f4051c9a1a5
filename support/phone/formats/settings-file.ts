import { Parsed, accept, reject } from './parsed';

export type SettingsStatement =
  | { readonly kind: 'set'; readonly name: string; readonly value: string; readonly line: number }
  | { readonly kind: 'get'; readonly file: string; readonly line: number }
  | { readonly kind: 'if'; readonly variable: string; readonly equals: string; readonly label: string; readonly line: number }
  | { readonly kind: 'goto'; readonly label: string; readonly line: number }
  | { readonly kind: 'label'; readonly label: string; readonly line: number };

const MAX_BYTES = 256 * 1024;
const SETTING_NAME = /^[A-Z0-9_]+$/;
const SET = /^SET(?:\s+(\S+)(?:\s+(.*))?)?$/i;
const GET = /^GET\s+(\S+)$/i;
const IF = /^IF\s+\$([A-Za-z0-9_]+)\s+SEQ\s+("[^"]*"|[^\s"]+)\s+GOTO\s+(\S+)$/i;
const GOTO = /^GOTO\s+(\S+)$/i;

/** Reads a 46xxsettings.txt file into statements, or says which line is wrong. */
export function parseSettingsFile(content: Uint8Array): Parsed<readonly SettingsStatement[]> {
  if (content.length > MAX_BYTES) {
    return reject(`The settings file is ${content.length} bytes; the phone accepts at most ${MAX_BYTES} bytes (256 KiB).`);
  }
  const nul = content.indexOf(0);
  if (nul !== -1) {
    return reject(`The settings file is binary, not text: it has a NUL byte at byte offset ${nul}.`);
  }

  const statements: SettingsStatement[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= content.length; line++) {
    const newline = content.indexOf(0x0a, start);
    const end = newline === -1 ? content.length : newline;
    // Decoding line by line lets a bad byte be reported by line number.
    const text = decodeLine(decoder, content.subarray(start, end));
    if (text === undefined) {
      return reject(`Line ${line} of the settings file is not valid UTF-8 text.`);
    }
    const statement = parseLine(text.trim(), line);
    if (typeof statement === 'string') {
      return reject(statement);
    }
    if (statement) {
      statements.push(statement);
    }
    start = end + 1;
  }
  return accept(statements);
}

function decodeLine(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The statement on one trimmed line, undefined for blank lines and comments, or an error message. */
function parseLine(text: string, line: number): SettingsStatement | undefined | string {
  const where = `Line ${line} of the settings file`;
  if (text === '' || text.startsWith('##')) {
    return undefined;
  }
  if (text.startsWith('#')) {
    const label = text.slice(1).trim();
    if (label === '') {
      return `${where} has "#" without a label name after it.`;
    }
    return /\s/.test(label) ? `${where} has a label with a space in it; a label is "#" followed by one word.` : { kind: 'label', label, line };
  }

  const keyword = text.split(/\s/, 1)[0].toUpperCase();
  switch (keyword) {
    case 'SET':
      return parseSet(text, line, where);
    case 'GET': {
      const match = GET.exec(text);
      return match ? { kind: 'get', file: match[1], line } : `${where} must be GET followed by one file name.`;
    }
    case 'IF': {
      const match = IF.exec(text);
      return match
        ? { kind: 'if', variable: match[1], equals: unquote(match[2]), label: match[3], line }
        : `${where} must have the form IF $VARIABLE SEQ value GOTO label.`;
    }
    case 'GOTO': {
      const match = GOTO.exec(text);
      return match ? { kind: 'goto', label: match[1], line } : `${where} must be GOTO followed by one label name.`;
    }
    default:
      return `${where} starts with "${text.split(/\s/, 1)[0]}", which is not SET, GET, IF, GOTO, a label or a comment.`;
  }
}

function parseSet(text: string, line: number, where: string): SettingsStatement | string {
  const [, name, rest] = SET.exec(text) ?? [];
  if (name === undefined) {
    return `${where} must have the form SET NAME value.`;
  }
  if (!SETTING_NAME.test(name)) {
    return `${where} sets "${name}", but setting names may contain only capital letters, digits and underscores.`;
  }
  if (rest === undefined) {
    return `${where} sets ${name} without a value; write SET ${name} "" for an empty value.`;
  }
  if (!rest.startsWith('"')) {
    return { kind: 'set', name, value: rest, line };
  }
  const closing = rest.lastIndexOf('"');
  if (closing === 0) {
    return `${where} has an opening quote that is never closed.`;
  }
  if (closing !== rest.length - 1) {
    return `${where} has text after the closing quote.`;
  }
  return { kind: 'set', name, value: unquote(rest), line };
}

const unquote = (value: string): string => (value.startsWith('"') ? value.slice(1, -1) : value);

/**
 * Runs the statements as the phone does: top to bottom, jumping only forward to the next
 * matching label (so it always ends); a jump to a label that never comes ends the file.
 */
export function evaluateSettings(
  statements: readonly SettingsStatement[],
  variables: Readonly<Record<string, string>>,
): { readonly values: Readonly<Record<string, string>>; readonly includes: readonly string[] } {
  const values: Record<string, string> = {};
  const includes: string[] = [];
  const jump = (from: number, label: string): number => {
    const target = statements.findIndex((s, at) => at > from && s.kind === 'label' && s.label === label);
    return target === -1 ? statements.length : target;
  };

  for (let at = 0; at < statements.length; at++) {
    const statement = statements[at];
    switch (statement.kind) {
      case 'set':
        values[statement.name] = statement.value;
        break;
      case 'get':
        includes.push(statement.file);
        break;
      case 'if':
        if (Object.hasOwn(variables, statement.variable) && variables[statement.variable] === statement.equals) {
          at = jump(at, statement.label);
        }
        break;
      case 'goto':
        at = jump(at, statement.label);
        break;
      case 'label':
        break;
    }
  }
  return { values, includes };
}
