import type { Moment, Stamp } from '../moment';
import type { HostAddress } from './http-host';

/** Everything that crossed the stubbed network, in virtual time, so scenarios can also assert what did NOT happen. */
/**
 * 'DHCP' is DHCP asked for its provisioning options, 43 or 242 (with a lease); 'DHCP lease' is DHCP asked for an
 * address and no provisioning option, which every path needs before it reaches anything (ASSUME-31).
 */
export type Service = 'DES' | 'configuration server' | 'DHCP' | 'DHCP lease' | 'LLDP';

export interface TrafficRecord extends Moment {
  readonly service: Service;
  readonly event: string;
  readonly detail: string;
  /** For a connection: the stub host it reached, by name (whether the phone gave the name or the address DNS gave for it). */
  readonly reached?: HostAddress;
}

export class TrafficLog {
  private readonly records: TrafficRecord[] = [];

  constructor(private readonly stamp: Stamp) {}

  record(service: Service, event: string, detail: string, reached?: HostAddress): void {
    // Written out rather than spread (see support/devices.ts): a boot makes dozens of records.
    const { at, seq } = this.stamp();
    this.records.push(reached ? { at, seq, service, event, detail, reached } : { at, seq, service, event, detail });
  }

  all(): readonly TrafficRecord[] {
    return this.records;
  }

  of(service: Service): readonly TrafficRecord[] {
    return this.records.filter((record) => record.service === service);
  }
}
