import { After, Before, BeforeStep, Status } from '@cucumber/cucumber';
import sinon from 'sinon';
import { renderScreen } from './devices';
import type { ProvisioningWorld } from './world';

/** Cucumber's own stopwatch uses performance.now and hrtime: leave them real. */
const VIRTUAL_TIMERS = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as const;

Before({ name: 'Start the virtual clock' }, function (this: ProvisioningWorld) {
  this.start(sinon.useFakeTimers({ toFake: [...VIRTUAL_TIMERS], now: Date.parse('2026-11-29T09:00:00Z') }));
});

/** Outcomes are checked once the phone has done what it does next, whatever that takes in virtual time. */
BeforeStep(async function (this: ProvisioningWorld, { pickleStep }) {
  if (pickleStep.type === 'Outcome') await this.settle();
});

// Named for the reports: Allure shows this hook, with its attachments, as the scenario's tear-down.
After({ name: 'What the phone did: timeline, final screen, network traffic' }, function (this: ProvisioningWorld, { result }) {
  try {
    const finalScreen = this.screen.current();
    this.attach(this.renderTimeline(), { mediaType: 'text/plain', fileName: 'timeline.txt' });
    this.attach(finalScreen ? renderScreen(finalScreen) : '(nothing shown)', { mediaType: 'text/plain', fileName: 'final-screen.txt' });
    this.attach(JSON.stringify(this.network.traffic.all(), null, 2), { mediaType: 'application/json', fileName: 'traffic.json' });
    if (result?.status === Status.PASSED) this.assertNothingWentUnnoticed();
  } finally {
    this.stop();
    this.clock.uninstall();
  }
});
