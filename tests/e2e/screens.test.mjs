// Every screen of the staff application at 1366×768 (a desk laptop) and 390×844 (a phone),
// with realistic data: screenshots for people to look at, and checks that each page loads
// without errors and, on the phone, without a horizontal scrollbar.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, logout, overflowsX, shot } from './app.mjs';
import { launch, LAPTOP, PHONE } from './browser.mjs';
import { seed } from './seed.mjs';
import { startServer } from './server.mjs';

describe('todas las pantallas', { concurrency: false }, () => {
  let server;
  let ids;

  before(async () => {
    server = await startServer();
    ids = await seed(server.url);
  });

  after(async () => {
    await server?.stop();
  });

  for (const [size, viewport] of [['portatil-1366x768', LAPTOP], ['telefono-390x844', PHONE]]) {
    test(`en ${size}`, async () => {
      const dir = `pantallas/${size}`;
      const browser = await launch(viewport);
      const page = await browser.page();
      const phone = viewport === PHONE;
      const visit = async (name, path, heading, extra) => {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        if (extra) await extra();
        await shot(page, dir, name);
        if (phone) assert.equal(await overflowsX(page), false, `${name} fits the phone's width`);
      };
      try {
        await page.goto(`${server.url}/`);
        await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
        await shot(page, dir, '00-ingreso');
        await login(page, server.url, 'mesa1');
        if (phone) {
          await page.getByRole('button', { name: 'Menú' }).click();
          await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'En mi mesa' }).waitFor();
          await shot(page, dir, '01-menu-abierto');
          await page.getByRole('button', { name: 'Menú' }).click();
        }
        await visit('02-por-recibir', '/bandeja/por-recibir', 'Por recibir', () => page.getByTestId('inbox').waitFor());
        await visit('03-en-mi-mesa', '/bandeja/en-mi-mesa', 'En mi mesa', () => page.getByRole('table').waitFor());
        await visit('04-enviados', '/bandeja/enviados', 'Enviados', () => page.getByTestId('outbox').waitFor());
        await visit('05-archivados', '/bandeja/archivados', 'Archivados', () => page.getByRole('table').waitFor());
        await visit('06-registrar', '/registrar', 'Registrar expediente');
        await visit('07-expediente', `/expedientes/${ids.d1}`, /^Expediente /, () => page.getByTestId('attachments').waitFor());
        await page.getByTestId('attachments').getByRole('row', { name: /foto-fachada/ }).getByRole('button', { name: 'Ver' }).click();
        await page.getByTestId('preview').locator('img').waitFor();
        await page.getByTestId('preview').scrollIntoViewIfNeeded();
        await shot(page, dir, '08-vista-previa-imagen', { fullPage: false });
        await page.getByTestId('attachments').getByRole('row', { name: /solicitud-escaneada/ }).getByRole('button', { name: 'Ver' }).click();
        await page.getByTestId('preview').locator('iframe').waitFor();
        await page.waitForTimeout(1500);
        await page.getByTestId('preview').scrollIntoViewIfNeeded();
        await shot(page, dir, '09-vista-previa-pdf', { fullPage: false });
        await visit('10-pase', `/expedientes/${ids.d1}/pase`, /^Pase del expediente/, async () => {
          await page.keyboard.type('gerencia');
          await page.getByRole('listbox').waitFor();
        });
        await visit('11-editar', `/expedientes/${ids.d1}/editar`, /^Editar expediente/);
        await visit('12-pases-multiples', '/pases-multiples', 'Pases múltiples', () => page.getByRole('table').waitFor());
        await visit('13-consulta', '/consulta?q=solicita', 'Consulta de expedientes', () => page.getByRole('table').waitFor());
        await visit('14-consulta-global', '/consulta-global', 'Consulta global', () => page.getByRole('table').waitFor());
        await page.getByTestId('who').waitFor();
        if (!phone) {
          await page.locator('body').press('?');
          await page.getByRole('dialog', { name: 'Atajos de teclado' }).waitFor();
          await shot(page, dir, '15-atajos', { fullPage: false });
          await page.keyboard.press('Escape');
        }
        await logout(page);

        await login(page, server.url, 'admin');
        await visit('20-admin-usuarios', '/admin/usuarios', 'Usuarios', () => page.getByTestId('users').waitFor());
        await page.getByTestId('users').getByRole('row', { name: /oficina1/ }).getByRole('button', { name: 'Editar' }).click();
        await page.getByRole('dialog').waitFor();
        await shot(page, dir, '21-admin-editar-usuario', { fullPage: false });
        await page.keyboard.press('Escape');
        await visit('22-admin-unidades', '/admin/unidades', 'Unidades orgánicas');
        await visit('23-admin-tipos', '/admin/tipos', 'Tipos de expediente');
        await visit('24-admin-expediente', `/expedientes/${ids.d6}`, /^Expediente /, () => page.getByRole('button', { name: 'Revertir' }).waitFor());
        await visit('25-admin-en-mi-mesa', '/bandeja/en-mi-mesa', 'En mi mesa');
        await logout(page);
        assert.deepEqual(browser.errors, [], 'the pages logged no errors');
      } finally {
        await browser.close();
      }
    });
  }
});
