/** When something happened: virtual time, plus a sequence number that orders events of the same millisecond. */
export interface Moment {
  readonly at: number;
  readonly seq: number;
}

export type Stamp = () => Moment;

/** One stamp shared by every recorder of a scenario, so its timeline is in true order. */
export function stamper(now: () => number): Stamp {
  let seq = 0;
  return () => ({ at: now(), seq: seq++ });
}
