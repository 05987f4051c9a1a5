/**
 * The phone's whole network for one scenario: DNS, DES, configuration servers, DHCP and the
 * switch. It implements the phone's Network port and records every request in `traffic`.
 */
import { WebSocket } from 'mock-socket';
import type { Stamp } from '../moment';
import type { Clock, Connection, Network } from '../phone/ports';
import { ConfigurationServer } from './configuration-server';
import { DES_HOST, DES_IP, DesService } from './des-service';
import { socketUrl, type HostAddress } from './http-host';
import { DhcpServer, Switch } from './local-network';
import { TrafficLog, type Service } from './traffic';

/** Digits and dots only: an IPv4 address, which a DNS server has no record for. */
const IP_ADDRESS = /^[0-9.]+$/;
/** Where DNS puts the configuration servers a scenario names (TEST-NET-2, RFC 5737), one address per name; no scenario uses these. */
const NAMED_SERVERS_NET = '198.51.100.';
const FIRST_NAMED_SERVER = 200;

// mock-socket prints every refused connection unless NODE_ENV is "test"; the traffic log already records them.
process.env['NODE_ENV'] = 'test';

export class StubNetwork implements Network {
  readonly traffic: TrafficLog;
  readonly des: DesService;
  readonly dhcp: DhcpServer;
  readonly switch: Switch;
  private readonly servers = new Map<string, ConfigurationServer>();
  private readonly dns = new Map<string, string>([[DES_HOST, DES_IP]]);
  /** The other way round: which name an address DNS handed out belongs to, so a phone may connect to either. */
  private readonly names = new Map<string, string>([[DES_IP, DES_HOST]]);
  /** Every connection the phone opened, to let go of its handlers when the scenario ends (shutDown). */
  private readonly connections: Connection[] = [];

  constructor(clock: Clock, stamp: Stamp) {
    this.traffic = new TrafficLog(stamp);
    this.des = new DesService(this.traffic);
    this.dhcp = new DhcpServer(clock, this.traffic);
    this.switch = new Switch(clock, this.traffic);
  }

  /** A configuration server at this address; its DNS name (if any) resolves. DNS knows no names for IP addresses. */
  configurationServer(address: HostAddress): ConfigurationServer {
    const key = socketUrl(address);
    let server = this.servers.get(key);
    if (!server) {
      server = new ConfigurationServer(address, this.traffic);
      this.servers.set(key, server);
      if (!IP_ADDRESS.test(address.host) && !this.dns.has(address.host)) {
        const ip = `${NAMED_SERVERS_NET}${FIRST_NAMED_SERVER + this.dns.size - 1}`;
        this.dns.set(address.host, ip);
        this.names.set(ip, address.host);
      }
    }
    return server;
  }

  async resolve(host: string): Promise<string | undefined> {
    const unresolvable = this.hostsNamed(host).some((h) => h.fault === 'name not resolvable');
    const address = unresolvable ? undefined : this.dns.get(host);
    this.traffic.record(this.serviceAt(host), 'name lookup', `${host} → ${address ?? 'not found'}`);
    return address;
  }

  /** By name or by the address DNS gave for it: both reach the same stub host, and the traffic names it. */
  connect(target: HostAddress): Connection {
    const name = this.names.get(target.host);
    const reached = { host: name ?? target.host, port: target.port, secure: target.secure };
    const byAddress = name ? ` (the phone used the address ${target.host})` : '';
    this.traffic.record(this.serviceAt(reached.host), 'connection', `${target.secure ? 'TLS' : 'TCP'} to ${reached.host}:${target.port}${byAddress}`, reached);
    const url = socketUrl(reached);
    (url === socketUrl(this.des.host.address) ? this.des.host : this.servers.get(url)?.host)?.answerConnections();
    const connection = new WebSocket(url) as unknown as Connection;
    this.connections.push(connection);
    return connection;
  }

  requestDhcp(options: readonly number[], onOffer: Parameters<Network['requestDhcp']>[1]): void {
    this.dhcp.serve(options, onOffer);
  }

  listenLldp(onFrame: (frame: Uint8Array) => void): () => void {
    return this.switch.serve(onFrame);
  }

  /** What the phone is doing when it looks up or connects to this host, for the runaway guard's sentence. */
  activityAt(host: string): string {
    const name = this.names.get(host) ?? host;
    return this.serviceAt(name) === 'DES' ? 'asking DES' : `fetching settings from ${name}`;
  }

  contacted(service: Service): boolean {
    return this.traffic.of(service).length > 0;
  }

  /**
   * Stops the hosts and takes the phone's handlers off its connections. mock-socket keeps each socket in a
   * WeakMap whose entry V8's young-generation collector keeps alive: without its handlers a dead socket no
   * longer holds the phone and its world through the next collections.
   */
  shutDown(): void {
    this.des.host.release();
    this.servers.forEach((server) => server.host.release());
    for (const connection of this.connections.splice(0)) {
      connection.onopen = connection.onmessage = connection.onclose = connection.onerror = null;
    }
  }

  private serviceAt(host: string): Service {
    return host === DES_HOST ? 'DES' : 'configuration server';
  }

  private hostsNamed(host: string) {
    return [this.des.host, ...[...this.servers.values()].map((s) => s.host)].filter((h) => h.address.host === host);
  }
}
