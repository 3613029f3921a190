// A deadlocking program prints Go's deadlock message and goroutine dump.
import { test, expect } from '../harness/fixtures.mjs';
import { Playground, program } from '../pages/playground.mjs';

test('a deadlock prints Go\'s message', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.load(program('tests/programs/deadlock/unbuffered_recv.go'));
  await app.runToEnd();
  await expect(app.console).toContainText('waiting');
  await expect(app.console).toContainText('fatal error: all goroutines are asleep - deadlock!');
  await expect(app.console).toContainText('goroutine 1 [chan receive]:');
  await expect(app.console).toContainText('exit status 2');
  await expect(app.runStatus).toHaveText('finished, exit status 2');
  // main is shown blocked on its channel.
  await expect(app.token(1)).toHaveAttribute('data-state', 'waiting');
  await expect(app.token(1)).toHaveAttribute('data-where', /^chan-\d+$/);
});
