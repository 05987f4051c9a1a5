/**
 * Faulty in one way: the reference phone, except that each time it shows the enrollment code prompt, a
 * promise chain of its own throws and nobody handles the rejection. It shows and does what the reference
 * phone does. `npm run test:faulty-phone` checks that every scenario that ends otherwise than with the
 * reference phone fails, in the step where the phone threw, with the phone's own error, and that the run
 * ends by itself.
 */
import { createReferencePhone } from '../phone/phone';
import type { PhoneFactory, PhonePorts } from '../phone/ports';

export const THROWN = 'The throwing phone lost its enrollment code prompt';

export const createPhone: PhoneFactory = (ports: PhonePorts) =>
  createReferencePhone({
    ...ports,
    screen: {
      show: (content) => {
        ports.screen.show(content);
        if (content.meaning.kind === 'enrollment code prompt') {
          void Promise.resolve().then(() => {
            throw new Error(THROWN);
          });
        }
      },
    },
  });
