import { Parsed, accept, reject } from './parsed';

const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

// Counts are spelled out so that no message about a code ever shows a digit that could be one of the code's.
const digitsEntered = (count: number): string =>
  count === 1 ? 'one digit was entered' : `${NUMBER_WORDS[count - 1] ?? 'more than twenty'} digits were entered`;

/** Reads an enrollment code as typed: exactly 8 or 12 digits, kept as text because leading zeros count. */
export function parseEnrollmentCode(text: string): Parsed<string> {
  if (text === '') {
    return reject('No enrollment code was entered; type the eight- or twelve-digit code.');
  }
  if (!/^[0-9]+$/.test(text)) {
    return reject('The enrollment code may contain only digits; letters, spaces and separators are not allowed.');
  }
  if (text.length !== 8 && text.length !== 12) {
    return reject(`The enrollment code must be eight or twelve digits long; ${digitsEntered(text.length)}.`);
  }
  return accept(text);
}

/** The code as the screen shows it while it is typed: one dot per character. */
export function maskEnrollmentCode(code: string): string {
  return '•'.repeat(Array.from(code).length);
}
