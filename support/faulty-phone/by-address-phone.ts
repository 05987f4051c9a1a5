/**
 * Not faulty: the reference phone connecting to the address DNS gave instead of the name, as much
 * firmware does. The wire contract allows both (support/phone/README.md); `npm run test:faulty-phone`
 * checks that every scenario passes with it, as with the reference phone.
 */
import { createReferencePhone } from '../phone/phone';
import type { Network, PhoneFactory, PhonePorts } from '../phone/ports';

export const createPhone: PhoneFactory = (ports: PhonePorts) => {
  const addresses = new Map<string, string>();
  const network: Network = {
    resolve: async (host) => {
      const address = await ports.network.resolve(host);
      if (address !== undefined) addresses.set(host, address);
      return address;
    },
    connect: (target) => ports.network.connect({ ...target, host: addresses.get(target.host) ?? target.host }),
    requestDhcp: (options, onOffer) => ports.network.requestDhcp(options, onOffer),
    listenLldp: (onFrame) => ports.network.listenLldp(onFrame),
  };
  return createReferencePhone({ ...ports, network });
};
