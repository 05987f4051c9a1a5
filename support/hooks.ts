import { After, AfterAll, Before, BeforeAll, BeforeStep, setWorldConstructor, Status } from '@cucumber/cucumber';
import { renderScreen } from './devices';
import { loadPhoneFactory, phoneUnderTest } from './phone-under-test';
import { ProvisioningWorld, resetVirtualClock, uninstallVirtualClock } from './world';

// Registered here, not in world.ts, so that boots can build a world outside Cucumber (worker threads).
setWorldConstructor(ProvisioningWorld);

/** An @invariant scenario runs thousands of boots, each with its own clock and phone (support/invariants): these hooks are for one boot. */
const ONE_BOOT = 'not @invariant';
/** A boot's timeline has a few dozen entries; a looping phone's (stopped at 10,000 things) is cut to its beginning and end. */
const TIMELINE_ENTRIES = 2_000;

// A phone module that cannot be loaded stops the run here, once, before any scenario; the line says which phone runs.
BeforeAll({ name: 'Load the phone under test' }, function () {
  console.error(`Phone under test: ${phoneUnderTest()}`);
  loadPhoneFactory();
});

Before({ name: 'Start the virtual clock', tags: ONE_BOOT }, function (this: ProvisioningWorld) {
  this.start(resetVirtualClock());
});

// Cucumber keeps its own references to the real timers; the clock stays installed between scenarios (an invariant campaign
// installs its own and removes it, and the next scenario's Before installs a fresh one) and leaves with the run.
AfterAll(function () {
  uninstallVirtualClock();
});

/** Outcomes are checked once the phone has done what it does next, whatever that takes in virtual time. */
BeforeStep({ tags: ONE_BOOT }, function (this: ProvisioningWorld, { pickleStep }) {
  // Only outcomes wait: returning no promise keeps the other steps off Cucumber's asynchronous path (a timeout timer, a race).
  return pickleStep.type === 'Outcome' ? this.settle() : undefined;
});

// Named for the reports: Allure shows this hook, with its attachments, as the scenario's tear-down. A profile whose reports
// nobody reads says so (worldParameters.attachments: false, cucumber.js): rendering the attachments would be wasted.
After({ name: 'What the phone did: timeline, final screen, network traffic', tags: ONE_BOOT }, function (this: ProvisioningWorld, { result }) {
  try {
    if (this.parameters.attachments !== false) {
      const finalScreen = this.screen.current();
      this.attach(this.renderTimeline(TIMELINE_ENTRIES), { mediaType: 'text/plain', fileName: 'timeline.txt' });
      this.attach(finalScreen ? renderScreen(finalScreen) : '(nothing shown)', { mediaType: 'text/plain', fileName: 'final-screen.txt' });
      this.attach(JSON.stringify(this.network.traffic.all(), null, 2), { mediaType: 'application/json', fileName: 'traffic.json' });
    }
    if (result?.status === Status.PASSED) this.assertNothingWentUnnoticed();
  } finally {
    this.stop();
  }
});
