/** The ways a service on the stubbed network can fail, named as QA says them in features. */
import type { HostFault } from './network/http-host';

export type Fault = HostFault | 'malformed reply' | { readonly status: number };

const phrases: Record<string, HostFault | 'malformed reply'> = {
  'is not on the network': 'absent',
  'has a name that cannot be resolved': 'name not resolvable',
  'stays silent': 'silent',
  'drops the connection mid-reply': 'drops mid-reply',
  'rejects the secure connection': 'rejects TLS',
  'does not speak HTTP': 'not HTTP',
  'sends a malformed reply': 'malformed reply',
};

export function describeFault(phrase: string, status?: string): Fault {
  return status === undefined ? phrases[phrase]! : { status: Number(status) };
}
