/** How long the phone waits, each tied to the requirement or assumption that sets it. */
export const ANSWER_WINDOW_MS = 60_000; // PROMPT-2
export const DISCOVERY_WINDOW_MS = 30_000; // ASSUME-9: LLDP can take up to 30 s to arrive
export const DES_WAIT_MS = 10_000; // ASSUME-17
export const SERVER_WAIT_MS = 10_000; // ASSUME-18, per server in a list
