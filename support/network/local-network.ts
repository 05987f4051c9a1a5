/** The site's DHCP server and the switch's LLDP announcements, handing the phone real encodings. */
import type { Clock, DhcpOffer } from '../phone/ports';
import type { Service, TrafficLog } from './traffic';

/** DHCP's site-specific option (SSON) and Avaya's vendor option: asking for either is asking DHCP for a configuration server. */
export const SSON_OPTION = 242;
export const AVAYA_VENDOR_OPTION = 43;
const PROVISIONING_OPTIONS: readonly number[] = [AVAYA_VENDOR_OPTION, SSON_OPTION];

/** ASSUME-9: a site's DHCP server answers within a second; LLDP comes when the switch sends it. */
export const DHCP_ANSWER_DELAY_MS = 500;
/** The address the site's DHCP server leases to the phone. */
export const LEASED_ADDRESS = '192.0.2.100';

/** What the site's DHCP server hands out besides the address. */
export type DhcpProvisioning = Omit<DhcpOffer, 'address'>;

/** The site's DHCP server: by default it leases an address and has no provisioning options (ASSUME-31). */
export class DhcpServer {
  private present = true;
  private provisioning: DhcpProvisioning = { options: new Map() };
  private description = 'no provisioning options';
  private delayMs = DHCP_ANSWER_DELAY_MS;

  constructor(
    private readonly clock: Clock,
    private readonly traffic: TrafficLog,
  ) {}

  answerWith(provisioning: DhcpProvisioning, description: string, delayMs = DHCP_ANSWER_DELAY_MS): void {
    this.present = true;
    this.provisioning = provisioning;
    this.description = description;
    this.delayMs = delayMs;
  }

  /** No DHCP server on the network: the phone's requests go unanswered and it gets no address. */
  leave(): void {
    this.present = false;
  }

  /** The DHCP server comes (back) onto the network, with what it was set to offer. */
  arrive(): void {
    this.present = true;
  }

  /** Answers with a lease and, of its provisioning options, those the phone asked for (RFC 2132 option 55). */
  serve(wanted: readonly number[], onOffer: (offer: DhcpOffer) => void): void {
    // Other options (subnet, router, DNS) belong to bringing the network up, not to finding a server.
    const service: Service = wanted.some((option) => PROVISIONING_OPTIONS.includes(option)) ? 'DHCP' : 'DHCP lease';
    this.traffic.record(service, 'request', wanted.length ? `the phone asks for an address and options ${wanted.join(', ')}` : 'the phone asks for an address only');
    if (!this.present) return;
    const { nextServer, options } = this.provisioning;
    const offer: DhcpOffer = {
      address: LEASED_ADDRESS,
      ...(nextServer === undefined ? {} : { nextServer }),
      options: new Map([...options].filter(([option]) => wanted.includes(option))),
    };
    const what = wanted.length ? `lease ${LEASED_ADDRESS}; ${this.description}` : `lease ${LEASED_ADDRESS}`;
    this.clock.setTimeout(() => {
      this.traffic.record(service, 'offer', what);
      onOffer(offer);
    }, this.delayMs);
  }
}

interface Announcement {
  readonly frame: Uint8Array;
  readonly afterMs: number;
  readonly description: string;
}

export class Switch {
  private readonly announcements: Announcement[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly traffic: TrafficLog,
  ) {}

  announce(frame: Uint8Array, afterMs: number, description: string): void {
    this.announcements.push({ frame, afterMs, description });
  }

  /** A switch that sends no LLDP at all (an unmanaged switch, or LLDP turned off). */
  silence(): void {
    this.announcements.length = 0;
  }

  serve(onFrame: (frame: Uint8Array) => void): () => void {
    this.traffic.record('LLDP', 'listening', 'the phone listens for LLDP frames from the switch');
    const pending = this.announcements.map(({ frame, afterMs, description }) =>
      this.clock.setTimeout(() => {
        this.traffic.record('LLDP', 'frame', description);
        onFrame(frame);
      }, afterMs),
    );
    return () => {
      pending.forEach((timer) => this.clock.clearTimeout(timer));
      this.traffic.record('LLDP', 'stopped listening', 'the phone no longer needs LLDP');
    };
  }
}
