// The page speaks Brazilian Portuguese to a browser set to Portuguese.
import { test, expect } from '../harness/fixtures.mjs';
import { Playground } from '../pages/playground.mjs';

test.use({ locale: 'pt-BR' });

test('a pt-BR browser gets the page in Portuguese, event log included', async ({ page, artifact }) => {
  const app = new Playground(page);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  await expect(app.runButton).toContainText('Executar');
  await expect(app.pauseButton).toContainText('Pausar');
  await expect(app.slot(0, 'runq')).toContainText('fila local');
  // The stage's heading (the closed policies disclosure also mentions the global queue).
  await expect(page.getByText('Fila global', { exact: false }).filter({ visible: true }).first()).toBeVisible();
  await expect(app.status).toHaveText('Nenhum erro.');
  await app.stepOnce();
  await expect(app.eventLog.locator('li').first()).toContainText(/executa|inicia|pegou|criou/);
  await app.runToEnd();
  await expect(app.runStatus).toHaveText('terminou, exit status 0');
  await artifact('pt-BR-desktop');
});
