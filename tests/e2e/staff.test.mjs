// The staff application in a real browser against a real `sige serve` on demo data: the life
// of a dossier from the desk to an office and back, a delivery note for three, what a viewer
// may not do, a form the server rejects, and the login throttle. The tests run in order and
// share one server: each one starts where the previous left the dossier.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { apiCall, fetchPdf, login, logout, pdfQr, pdfText, shot } from './app.mjs';
import { launch, LAPTOP, PHONE } from './browser.mjs';
import { startServer } from './server.mjs';

const T = 'staff';

describe('aplicación del personal', { concurrency: false }, () => {
  let server;
  let browser;
  let page;
  const state = {};

  before(async () => {
    server = await startServer();
    browser = await launch(LAPTOP);
    page = await browser.page();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    assert.deepEqual(browser?.errors ?? [], [], 'the pages logged no errors');
  });

  test('la mesa registra un expediente con el teclado y se abre su cargo', async () => {
    await login(page, server.url, 'mesa1');
    const who = page.getByTestId('who');
    for (const text of ['María Quispe Huamán', 'Mesa de partes', 'Mesa de Partes', 'Municipalidad Distrital de San Isidro']) {
      await assert.doesNotReject(who.getByText(text, { exact: true }).first().waitFor(), text);
    }
    await shot(page, T, '01-bandeja-por-recibir');

    // Alt+N opens the form with the cursor in its first field.
    await page.keyboard.press('Alt+KeyN');
    await page.getByRole('heading', { name: 'Registrar expediente' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'f-type');
    await page.getByLabel('Tipo de expediente').selectOption({ label: 'Licencia de funcionamiento' });
    await page.getByLabel('Extracto').fill('Solicita licencia de funcionamiento para bodega «Doña Peña»');
    await page.getByLabel('Urgente').check();
    await page.getByLabel('Número de instrumento').fill('Carta N.° 015-2026');
    await page.getByLabel('Fojas').fill('12');
    await page.getByLabel('Número de documento').fill('45678912');
    await page.getByLabel('Nombres y apellidos o razón social').fill('José Núñez Ñahui');
    await page.getByLabel('Correo electrónico').fill('jose.nunez@example.pe');
    await shot(page, T, '02-registrar-lleno');

    // Intro saves; the receipt opens in a new tab.
    const popup = page.context().waitForEvent('page');
    await page.getByLabel('Nombres y apellidos o razón social').press('Enter');
    const receiptTab = await popup;
    await receiptTab.waitForLoadState('domcontentloaded').catch(() => undefined);
    assert.match(receiptTab.url(), /\/api\/v1\/dossiers\/\d+\/receipt\.pdf$/);
    state.id = Number(/dossiers\/(\d+)\//.exec(receiptTab.url())[1]);
    await receiptTab.close();

    const saved = page.getByTestId('saved-panel');
    await saved.waitFor();
    const dossier = (await apiCall(page, 'GET', `/api/v1/dossiers/${state.id}`)).json;
    state.code = dossier.code;
    assert.match(await saved.innerText(), new RegExp(`Expediente ${state.code} registrado`));
    // Ready for the next one: empty form, cursor back in the first field.
    await page.waitForFunction(() => document.activeElement?.id === 'f-type');
    assert.equal(await page.getByLabel('Extracto').inputValue(), '');
    await shot(page, T, '03-registrado');

    const pdf = await fetchPdf(page, T, `/api/v1/dossiers/${state.id}/receipt.pdf`, 'cargo');
    state.receiptPdf = pdf;
    const text = pdfText(pdf);
    for (const s of ['CARGO DE RECEPCIÓN', state.code, 'José Núñez Ñahui', 'Doña Peña', 'URGENTE']) {
      assert.ok(text.includes(s), `the receipt says ${s}:\n${text}`);
    }
    assert.equal(pdfQr(pdf), `${server.url}/t/${dossier.tracking_token}`);
  });

  test('el cargo no muestra claves de mensaje sin traducir', async () => {
    // src/core/messages_es.cpp must keep its table sorted for the lookup to find
    // "printout.*" (origin, document type); otherwise the receipt prints the keys.
    const text = pdfText(state.receiptPdf);
    assert.doesNotMatch(text, /printout\./, text);
    assert.match(text, /Externo/);
  });

  test('la mesa hace el pase a otra unidad', async () => {
    await page.goto(`${server.url}/expedientes/${state.id}`);
    await page.getByRole('heading', { name: `Expediente ${state.code}` }).waitFor();
    await shot(page, T, '04-expediente');
    await page.getByRole('link', { name: 'Hacer pase' }).click();
    await page.getByRole('heading', { name: `Pase del expediente ${state.code}` }).waitFor();
    // Type-ahead: the destination field has the cursor; type, choose with ↓ and Intro.
    await page.waitForFunction(() => document.activeElement?.id === 't-unit');
    await page.keyboard.type('desarrollo urb');
    // The best match is highlighted; ↓ moves on, ↑ comes back, Intro chooses.
    const first = page.getByRole('option', { name: /^Gerencia de Desarrollo Urbano/ });
    await first.waitFor();
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    await shot(page, T, '05-pase-destino');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    assert.equal(await page.getByLabel('Unidad de destino').inputValue(), 'Gerencia de Desarrollo Urbano');
    await page.getByLabel('Proveído (acción)').selectOption('opinion');
    await page.getByLabel('Fojas agregadas').fill('2');
    await page.getByLabel(/Observaciones/).fill('Se adjunta plano de ubicación.');
    await page.getByRole('button', { name: 'Enviar pase' }).click();
    await page.getByText('Pase enviado a Gerencia de Desarrollo Urbano').waitFor();
    await page.getByTestId('custody').getByText(/Enviado a Gerencia de Desarrollo Urbano/).waitFor();
    await shot(page, T, '06-pase-enviado');

    await page.getByRole('link', { name: 'Enviados' }).click();
    const row = page.getByTestId('outbox').getByRole('row', { name: new RegExp(state.code) });
    await row.getByText('Gerencia de Desarrollo Urbano').waitFor();
    await row.getByText('Para opinión').waitFor();
    await shot(page, T, '07-enviados');
    await logout(page);
  });

  test('la otra unidad lo recibe, anota, adjunta un PDF y lo devuelve', async () => {
    await login(page, server.url, 'oficina1');
    await page.getByRole('heading', { name: 'Por recibir' }).waitFor();
    const inbox = page.getByTestId('inbox');
    const row = inbox.getByRole('row', { name: new RegExp(state.code) });
    await row.waitFor();
    assert.match(await row.innerText(), /Mesa de Partes/);
    assert.match(await row.innerText(), /menos de 1 min|\d+ min/);
    await page.getByLabel(`Seleccionar ${state.code}`).check();
    await shot(page, T, '08-por-recibir');
    await page.getByRole('button', { name: 'Recibir 1 seleccionado' }).click();
    await page.getByText('Se recibió 1 expediente.').waitFor();
    await row.waitFor({ state: 'detached' });

    await page.keyboard.press('Alt+KeyM');
    await page.getByRole('heading', { name: 'En mi mesa' }).waitFor();
    await page.getByRole('link', { name: `Abrir el expediente ${state.code}` }).click();
    await page.getByRole('heading', { name: `Expediente ${state.code}` }).waitFor();
    await page.getByTestId('custody').getByText('Gerencia de Desarrollo Urbano').waitFor();

    // Annotation, added with Ctrl+Intro.
    await page.getByLabel('Nueva anotación').fill('Revisado el plano: conforme. Pasa a opinión técnica.');
    await page.getByLabel('Nueva anotación').press('Control+Enter');
    await page.getByTestId('annotations').getByText('Revisado el plano: conforme.').waitFor();

    // Upload two files at once with progress; the PDF is the receipt printed earlier.
    const receipt = readFileSync(state.receiptPdf);
    await page.getByLabel('Elegir archivos para adjuntar').setInputFiles([
      { name: 'plano-ubicación.pdf', mimeType: 'application/pdf', buffer: receipt },
      { name: 'nota.txt', mimeType: 'text/plain', buffer: Buffer.from('Nota de prueba: información técnica.\n') },
    ]);
    await page.getByRole('button', { name: 'Subir (2)' }).click();
    await page.getByText('2 archivos subidos.').waitFor();
    const progress = page.getByTestId('upload-progress');
    assert.equal(await progress.getByText('Subido', { exact: true }).count(), 2);
    const files = page.getByTestId('attachments');
    await files.getByText('plano-ubicación.pdf').waitFor();
    await files.getByRole('row', { name: /plano-ubicación\.pdf/ }).getByRole('button', { name: 'Ver' }).click();
    const frame = page.getByTestId('preview').locator('iframe');
    await frame.waitFor();
    assert.match(await frame.getAttribute('src'), /^blob:/);
    await page.waitForTimeout(1500); // the PDF viewer draws the page
    await page.getByTestId('preview').scrollIntoViewIfNeeded();
    await shot(page, T, '09-vista-previa-pdf', { fullPage: false });
    await shot(page, T, '09-expediente-oficina');

    // The download link serves the same bytes.
    const attachments = (await apiCall(page, 'GET', `/api/v1/dossiers/${state.id}/attachments`)).json.items;
    const pdfAttachment = attachments.find((a) => a.name === 'plano-ubicación.pdf');
    const dl = await page.request.get(`${server.url}/api/v1/attachments/${pdfAttachment.id}/content?download=1`);
    assert.equal(dl.status(), 200);
    assert.equal(Buffer.compare(await dl.body(), receipt), 0);

    // History shows every step.
    const history = page.getByTestId('history');
    for (const e of ['Registro del expediente', 'Pase enviado', 'Pase recibido', 'Anotación agregada', 'Archivo adjuntado']) {
      await history.getByText(e, { exact: true }).first().waitFor();
    }

    // Back to the desk.
    await page.getByRole('link', { name: 'Hacer pase' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 't-unit');
    await page.keyboard.type('mesa de partes');
    await page.getByRole('option', { name: /Mesa de Partes.*Municipalidad/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByLabel('Proveído (acción)').selectOption('attend');
    await page.getByRole('button', { name: 'Enviar pase' }).click();
    await page.getByText('Pase enviado a Mesa de Partes').waitFor();
    await shot(page, T, '10-devuelto');
    await logout(page);

    await login(page, server.url, 'mesa1');
    const back = page.getByTestId('inbox').getByRole('row', { name: new RegExp(state.code) });
    await back.getByText('Gerencia de Desarrollo Urbano').waitFor();
    await page.getByLabel(`Seleccionar ${state.code}`).check();
    await page.getByRole('button', { name: 'Recibir 1 seleccionado' }).click();
    await page.getByText('Se recibió 1 expediente.').waitFor();
  });

  test('pases múltiples: tres expedientes y un remito con líneas de firma', async () => {
    const codes = [];
    const types = (await apiCall(page, 'GET', '/api/v1/dossier-types')).json.items;
    const memo = types.find((t) => t.code === 'MEMO' && t.organization_id === 1);
    for (const summary of ['Requerimiento de útiles de oficina', 'Informe de fiscalización N.° 12', 'Solicitud de vacaciones del área']) {
      const r = await apiCall(page, 'POST', '/api/v1/dossiers', { type_id: memo.id, origin: 'internal', summary });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      codes.push(r.json.code);
    }
    await page.keyboard.press('Alt+KeyP');
    await page.getByRole('heading', { name: 'Pases múltiples' }).waitFor();
    for (const c of codes) await page.getByLabel(`Seleccionar ${c}`).check();
    await page.getByLabel('Unidad de destino').fill('logística');
    await page.getByRole('option', { name: /Subgerencia de Logística/ }).waitFor();
    await page.getByLabel('Unidad de destino').press('Enter');
    await page.getByLabel('Proveído (acción)').selectOption('attend');
    await shot(page, T, '11-pases-multiples');
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Enviar 3 expedientes y generar remito' }).click();
    const noteTab = await popup;
    assert.match(noteTab.url(), /\/api\/v1\/delivery-notes\/\d+\.pdf$/);
    await noteTab.close();
    const done = page.getByTestId('bulk-done');
    await done.waitFor();
    for (const c of codes) await done.getByText(c).waitFor();
    await shot(page, T, '12-remito');

    const href = await done.getByRole('link', { name: 'Imprimir remito (PDF)' }).getAttribute('href');
    const text = pdfText(await fetchPdf(page, T, href, 'remito'));
    for (const s of ['REMITO N.°', 'Subgerencia de Logística', 'Mesa de Partes', 'PROVEÍDO', 'Entregado por (firma y sello)', 'Recibido por (firma, sello, fecha y hora)', ...codes]) {
      assert.ok(text.includes(s), `the delivery note says ${s}:\n${text}`);
    }
    assert.match(text, /Total: 3 expedientes/);
    await logout(page);
  });

  test('la consulta busca sin tildes, sobrevive a recargar la página y exporta CSV', async () => {
    await login(page, server.url, 'mesa1');
    await page.keyboard.press('Alt+KeyB');
    await page.getByRole('heading', { name: 'Consulta de expedientes' }).waitFor();
    await page.getByLabel('Buscar', { exact: true }).fill('nunez nahui');
    await page.getByLabel('Buscar', { exact: true }).press('Enter');
    await page.getByTestId('result-count').getByText('1 expediente encontrado').waitFor();
    await page.getByRole('link', { name: `Abrir el expediente ${state.code}` }).waitFor();
    assert.match(page.url(), /\/consulta\?q=nunez\+nahui$/);
    // A reload keeps the session (cookie + CSRF token of this tab) and the filters.
    await page.reload();
    await page.getByTestId('who').waitFor();
    await page.getByRole('link', { name: `Abrir el expediente ${state.code}` }).waitFor();
    await page.getByLabel('Registrado desde').fill('31/02/2026');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByText('Escriba la fecha como dd/mm/aaaa').waitFor();
    await page.getByLabel('Registrado desde').fill('');
    await shot(page, T, '13-consulta');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportar CSV' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^expedientes-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFFCódigo;Tipo;Extracto;Estado;'), csv.slice(0, 80));
    assert.match(csv, new RegExp(`^${state.code};Licencia de funcionamiento;.*;José Núñez Ñahui;DNI 45678912;`, 'm'));
    await logout(page);
  });

  test('el administrador crea un usuario, ve los errores del servidor y lo desactiva', async () => {
    await login(page, server.url, 'admin');
    await page.getByRole('link', { name: 'Usuarios' }).click();
    await page.getByRole('heading', { name: 'Usuarios' }).waitFor();
    await page.getByRole('button', { name: 'Nuevo usuario' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo usuario' });
    await dialog.getByLabel(/^Usuario/).fill('Mesa 3');
    await dialog.getByLabel('Nombre completo').fill('Ana Torres Quispe');
    await dialog.getByLabel('Perfil').selectOption('DESK');
    await dialog.getByLabel(/^Unidad/).fill('quillabamba');
    await dialog.getByLabel(/^Unidad/).press('Enter');
    await dialog.getByLabel('Contraseña').fill('corta');
    await dialog.getByRole('button', { name: 'Crear usuario' }).click();
    await dialog.locator('#u-username-error').getByText(/minúsculas/).waitFor();
    await dialog.locator('#u-password-error').getByText(/al menos 8/).waitFor();
    await shot(page, T, '18-admin-usuario-errores', { fullPage: false });
    await dialog.getByLabel(/^Usuario/).fill('mesa3');
    await dialog.getByLabel('Contraseña').fill('secreta-2026');
    await dialog.getByRole('button', { name: 'Crear usuario' }).click();
    await page.getByText('Usuario mesa3 creado.').waitFor();
    const row = page.getByTestId('users').getByRole('row', { name: /mesa3/ });
    await row.getByText('Mesa de Partes Sede Quillabamba').waitFor();
    await row.getByRole('button', { name: 'Desactivar' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Desactivar' }).click();
    await row.getByText('Inactivo').waitFor();
    await shot(page, T, '19-admin-usuarios');
    const users = (await apiCall(page, 'GET', '/api/v1/users')).json.items;
    assert.equal(users.find((u) => u.username === 'mesa3').active, false);
    await logout(page);
  });

  test('un usuario de consulta no ve acciones y la API las rechaza', async () => {
    await login(page, server.url, 'consulta1');
    await page.goto(`${server.url}/expedientes/${state.id}`);
    await page.getByRole('heading', { name: `Expediente ${state.code}` }).waitFor();
    await page.getByText('No tiene acciones disponibles sobre este expediente.').waitFor();
    const actions = page.getByTestId('dossier-actions');
    assert.equal(await actions.getByRole('button').count(), 0);
    assert.equal(await actions.getByRole('link').count(), 0);
    assert.equal(await page.getByLabel('Elegir archivos para adjuntar').count(), 0);
    assert.equal(await page.getByLabel('Nueva anotación').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Registrar' }).count(), 0);
    await shot(page, T, '13-consulta-sin-acciones');

    // Forcing the transfer screen by its address shows no form…
    await page.goto(`${server.url}/expedientes/${state.id}/pase`);
    await page.getByText('No puede hacer el pase de este expediente ahora.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Enviar pase' }).count(), 0);
    await shot(page, T, '14-consulta-pase-forzado');

    // … and forcing the API with the session is refused.
    const units = (await apiCall(page, 'GET', '/api/v1/units')).json.items;
    const gdu = units.find((u) => u.name === 'Gerencia de Desarrollo Urbano');
    const sent = await apiCall(page, 'POST', `/api/v1/dossiers/${state.id}/transfers`, { to_unit: gdu.id, action: 'attend' });
    assert.equal(sent.status, 403, JSON.stringify(sent.json));
    assert.match(sent.json.detail, /perfil/i);
    const noted = await apiCall(page, 'POST', `/api/v1/dossiers/${state.id}/annotations`, { text: 'forzado' });
    assert.equal(noted.status, 403);
    const archived = await apiCall(page, 'POST', `/api/v1/dossiers/${state.id}/archive`, {});
    assert.equal(archived.status, 403);
    const d = (await apiCall(page, 'GET', `/api/v1/dossiers/${state.id}`)).json;
    assert.equal(d.custody_unit.name, 'Mesa de Partes');
    await logout(page);
  });

  test('un formulario inválido muestra los errores junto a cada campo y no crea nada', async () => {
    await login(page, server.url, 'mesa1');
    const before = (await apiCall(page, 'GET', '/api/v1/dossiers', undefined)).json.total;
    await page.goto(`${server.url}/registrar`);
    await page.getByLabel('Tipo de expediente').selectOption({ label: 'Reclamo' });
    await page.getByLabel('Extracto').fill('ab');
    await page.getByLabel('Número de documento').fill('123');
    await page.getByLabel('Correo electrónico').fill('no-es-correo');
    await page.getByLabel('Fojas').fill('doce');
    await page.getByRole('button', { name: 'Registrar expediente' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    const fieldError = (id) => page.locator(`#${id}-error`);
    await fieldError('f-summary').waitFor();
    await fieldError('f-id-number').waitFor();
    assert.match(await fieldError('f-id-number').innerText(), /DNI tiene 8 dígitos/);
    assert.match(await fieldError('f-summary').innerText(), /al menos 3/);
    await fieldError('f-folios').waitFor();
    await fieldError('f-name').waitFor();
    assert.equal(await page.getByLabel('Extracto').getAttribute('aria-invalid'), 'true');
    // The cursor is on the first field at fault.
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.ok(['f-summary', 'f-folios', 'f-id-number', 'f-name', 'f-email'].includes(focused), focused);
    await shot(page, T, '15-formulario-invalido');
    const afterCount = (await apiCall(page, 'GET', '/api/v1/dossiers')).json.total;
    assert.equal(afterCount, before, 'nothing was registered');

    // Also on a phone: the same errors, readable.
    await page.setViewportSize(PHONE);
    await shot(page, T, '16-formulario-invalido-telefono');
    await page.setViewportSize(LAPTOP);
    await logout(page);
  });

  test('tras varios intentos fallidos, el ingreso muestra la espera', async () => {
    await page.goto(`${server.url}/`);
    let message = '';
    for (let i = 0; i < 8; i++) {
      await page.getByLabel('Usuario').fill('autoridad1');
      await page.getByLabel('Contraseña').fill('equivocada');
      await page.getByRole('button', { name: 'Ingresar' }).click();
      const err = page.getByTestId('login-error');
      await err.waitFor();
      message = await err.innerText();
      if (/Demasiados intentos/.test(message)) break;
      assert.match(message, /Usuario o contraseña incorrectos/);
    }
    assert.match(message, /Demasiados intentos fallidos\. Espere \d+ segundos/);
    assert.match(message, /Podrá volver a intentar en \d+ segundos/);
    assert.equal(await page.getByRole('button', { name: 'Ingresar' }).isDisabled(), true);
    await shot(page, T, '17-ingreso-bloqueado');
  });
});
