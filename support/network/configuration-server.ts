/** A configuration (file) server: serves 46xxsettings.txt and friends over HTTP or HTTPS. */
import { HttpHost, type HostAddress, type HostFault, type ReceivedRequest, type Reply } from './http-host';
import type { TrafficLog } from './traffic';

/** Text as its UTF-8 bytes, one char per byte; ASCII text is already that (most settings files, and every boot's). */
const asBytes = (text: string): string => (/^[\x00-\x7f]*$/.test(text) ? text : Buffer.from(text, 'utf8').toString('latin1'));

export class ConfigurationServer {
  readonly host: HttpHost;
  private readonly files = new Map<string, string>();
  private status: number | undefined;

  constructor(address: HostAddress, traffic: TrafficLog) {
    this.host = new HttpHost('configuration server', address, traffic, (r) => this.answer(r), (r) => `${r.method} ${r.path}`);
  }

  /** Content as bytes, one char per byte, so binary files can be served as they are. */
  serve(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? asBytes(content) : Buffer.from(content).toString('latin1'));
  }

  fail(fault: HostFault | { readonly status: number }): void {
    if (typeof fault === 'string') this.host.fault = fault;
    else this.status = fault.status;
  }

  private answer(request: ReceivedRequest): Reply {
    if (this.status !== undefined) return { status: this.status, body: '', contentType: 'text/plain' };
    const file = request.method === 'GET' ? this.files.get(request.path) : undefined;
    return file === undefined ? { status: 404, body: '', contentType: 'text/plain' } : { status: 200, body: file, contentType: 'text/plain' };
  }
}
