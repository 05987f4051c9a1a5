/** The ways a service on the stubbed network can fail, named as QA says them in features. */
import type { HostFault } from './network/http-host';

export type Fault = HostFault | 'malformed reply' | { readonly status: number };

const phrases: Record<string, HostFault | 'malformed reply'> = {
  'is not on the network': 'absent',
  'has a name that cannot be resolved': 'name not resolvable',
  'stays silent': 'silent',
  'drops the connection mid-reply': 'drops mid-reply',
  'hangs up without answering': 'hangs up',
  'rejects the secure connection': 'rejects TLS',
  'does not speak HTTP': 'not HTTP',
  'speaks only TLS': 'TLS only',
  'sends its reply a few bytes at a time': 'trickles',
  'sends its reply a few bytes at a time, with lower-case headers and no space after their colons': 'trickles tersely',
  'sends a malformed reply': 'malformed reply',
};

export function describeFault(phrase: string): Fault {
  const status = /^answers with HTTP status (\d{3})$/.exec(phrase)?.[1];
  const fault = status === undefined ? phrases[phrase] : { status: Number(status) };
  if (fault === undefined) throw new Error(`"${phrase}" is not a fault the stubbed network knows`);
  return fault;
}
