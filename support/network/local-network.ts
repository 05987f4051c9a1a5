/** The site's DHCP server and the switch's LLDP announcements, handing the phone real encodings. */
import type { Clock, DhcpOffer } from '../phone/ports';
import type { TrafficLog } from './traffic';

/** ASSUME-9: a site's DHCP server answers within a second; LLDP comes when the switch sends it. */
export const DHCP_ANSWER_DELAY_MS = 500;

export class DhcpServer {
  private offer: DhcpOffer | undefined;
  private description = '';
  private delayMs = DHCP_ANSWER_DELAY_MS;

  constructor(
    private readonly clock: Clock,
    private readonly traffic: TrafficLog,
  ) {}

  answerWith(offer: DhcpOffer, description: string, delayMs = DHCP_ANSWER_DELAY_MS): void {
    this.offer = offer;
    this.description = description;
    this.delayMs = delayMs;
  }

  /** No DHCP server on the network: the phone's request goes unanswered. */
  leave(): void {
    this.offer = undefined;
  }

  serve(onOffer: (offer: DhcpOffer) => void): void {
    this.traffic.record('DHCP', 'request', 'the phone asks for a lease and its options');
    const offer = this.offer;
    if (!offer) return;
    this.clock.setTimeout(() => {
      this.traffic.record('DHCP', 'offer', this.description);
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
