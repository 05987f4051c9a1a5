/** ASSUME-24: whether a screen's words fit a J100-class screen (SCREEN_LIMIT, support/phone/ports.ts). */
import { SCREEN_LIMIT, type ScreenContent } from './phone/ports';

/** Lines of at most `columns` characters, words wrapped; a word longer than a line is broken. */
export function wrap(text: string, columns: number = SCREEN_LIMIT.columns): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (joined.length <= columns) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (rest.length > columns) {
      lines.push(rest.slice(0, columns));
      rest = rest.slice(columns);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** What of a screen does not fit, in a sentence; undefined when it fits. */
export function overflow({ title, detail }: Pick<ScreenContent, 'title' | 'detail'>): string | undefined {
  const titleLines = wrap(title).length;
  const detailLines = detail === undefined ? 0 : wrap(detail).length;
  const problems = [
    titleLines > SCREEN_LIMIT.titleLines ? `its title "${title}" needs ${titleLines} lines, at most ${SCREEN_LIMIT.titleLines} fit` : undefined,
    detailLines > SCREEN_LIMIT.detailLines ? `its detail "${detail}" needs ${detailLines} lines, at most ${SCREEN_LIMIT.detailLines} fit` : undefined,
  ].filter(Boolean);
  return problems.length ? problems.join('; ') : undefined;
}
