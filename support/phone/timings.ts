/** How long the phone waits, each tied to the requirement or assumption that sets it. */
export const ANSWER_WINDOW_MS = 60_000; // PROMPT-2
export const DISCOVERY_WINDOW_MS = 30_000; // ASSUME-9: LLDP can take up to 30 s to arrive
export const DES_WAIT_MS = 10_000; // ASSUME-17
export const SERVER_WAIT_MS = 10_000; // ASSUME-18, per server in a list
export const DHCP_RETRY_FIRST_MS = 4_000; // ASSUME-31: RFC 2131's first retransmission delay, doubled each time…
export const DHCP_RETRY_MAX_MS = 64_000; // …up to RFC 2131's 64 s
export const DES_RETRY_MS = 10 * 60_000; // ASSUME-33: placeholder; product sets how often an unattended phone asks DES again
