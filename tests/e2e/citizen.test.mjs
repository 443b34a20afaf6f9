// The virtual desk end to end, in a real browser against a real `sige serve` that sends its
// e-mails to an SMTP server on loopback (tests/support/smtp_sink.py): a citizen files online
// from a phone with two PDFs; the desk accepts in its «Mesa virtual» tray; the e-mail with the
// receipt arrives, and the QR in that PDF (decoded with zbarimg) opens the tracking page,
// which shows the new unit after a transfer and its reception, while a second e-mail arrives;
// an observed submission is corrected by the citizen through the «Subsanar» link and
// accepted. The tests run in order and share one server, one citizen's phone and one desk.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { apiAs, login, logout, overflowsX, pdfQr, pdfText, shot } from './app.mjs';
import { launch, LAPTOP, PHONE } from './browser.mjs';
import { paths } from './env.mjs';
import { makePdf } from './files.mjs';
import { startSmtpSink } from './mail.mjs';
import { startServer } from './server.mjs';

const T = 'ciudadano';
const ORG = 'Municipalidad Distrital de San Isidro';
const GDU = 'Gerencia de Desarrollo Urbano';
const CITIZEN = {
  name: 'José Núñez Ñahui',
  dni: '45678912',
  email: 'jose.nunez@example.pe',
  phone: '987 654 321',
  address: 'Av. Arequipa 1234, San Isidro',
};

/** dd/mm/yyyy `days` from today. */
function dmyIn(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

function saveFile(name, data) {
  const dir = join(paths.output, T);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

/** Fills the virtual desk's form (the page is at /mesa-virtual). */
async function fillForm(page, { type, summary, consent = true, idType = 'DNI', idNumber = CITIZEN.dni, name = CITIZEN.name }) {
  await page.getByLabel('Entidad').selectOption({ label: ORG });
  await page.getByLabel('Tipo de trámite').selectOption({ label: type });
  await page.getByLabel('Tipo de documento').selectOption(idType);
  await page.getByLabel('Número de documento').fill(idNumber);
  await page.getByLabel(idType === 'RUC' ? 'Razón social' : 'Nombres y apellidos').fill(name);
  await page.getByLabel('Correo electrónico').fill(CITIZEN.email);
  await page.getByLabel('Teléfono').fill(CITIZEN.phone);
  await page.getByLabel('Dirección').fill(CITIZEN.address);
  await page.getByLabel('Qué solicita').fill(summary);
  if (consent) await page.getByLabel('Acepto recibir por correo los avisos de mi trámite').check();
}

describe('mesa de partes virtual', { concurrency: false }, () => {
  let sink;
  let server;
  let phone; // the citizen's browser
  let laptop; // the desk's browser
  let citizen;
  let desk;
  const state = {};

  before(async () => {
    sink = await startSmtpSink();
    server = await startServer({ smtp: sink.url });
    phone = await launch(PHONE);
    laptop = await launch(LAPTOP);
    citizen = await phone.page();
    desk = await laptop.page();
  });

  after(async () => {
    await phone?.close();
    await laptop?.close();
    await server?.stop();
    await sink?.stop();
    assert.deepEqual([...(phone?.errors ?? []), ...(laptop?.errors ?? [])], [], 'the pages logged no errors');
  });

  test('un ciudadano presenta en línea, desde el teléfono, una solicitud con dos PDF', async () => {
    await citizen.goto(`${server.url}/mesa-virtual`);
    await citizen.getByRole('heading', { level: 1, name: 'Presentar una solicitud' }).waitFor();
    await citizen.waitForLoadState('networkidle');
    // No account and no staff shell: neither the login nor the staff menu.
    assert.equal(await citizen.getByTestId('who').count(), 0);
    assert.equal(await citizen.getByRole('navigation', { name: 'Navegación principal' }).count(), 0);
    assert.equal(await citizen.getByRole('heading', { name: 'Iniciar sesión' }).count(), 0);
    assert.equal(await overflowsX(citizen), false, 'the form fits the phone');
    await shot(citizen, T, '01-formulario-telefono');

    // The browser applies the server's rules at once: empty fields, a RUC whose check digit
    // is wrong, a bad e-mail, a "PDF" that is really text.
    await citizen.getByRole('button', { name: 'Presentar solicitud' }).click();
    const summaryBox = citizen.getByTestId('error-summary');
    await summaryBox.waitFor();
    assert.match(await summaryBox.innerText(), /Entidad: Este dato es obligatorio/);
    await citizen.getByLabel('Entidad').selectOption({ label: ORG });
    await citizen.getByLabel('Tipo de documento').selectOption('RUC');
    await citizen.getByLabel('Número de documento').fill('20100070971');
    await citizen.getByLabel('Correo electrónico').fill('jose.nunez@');
    await citizen.getByLabel('Documentos adjuntos').setInputFiles([
      { name: 'foto-dni.pdf', mimeType: 'application/pdf', buffer: Buffer.from('esto no es un PDF, es texto\n') },
    ]);
    const bad = citizen.getByTestId('citizen-file').filter({ hasText: 'foto-dni.pdf' });
    await bad.getByText(/No es un PDF ni una imagen/).waitFor();
    await citizen.getByRole('button', { name: 'Presentar solicitud' }).click();
    await citizen.locator('#c-id-number-error').getByText(/dígito verificador/).waitFor();
    await citizen.locator('#c-email-error').getByText(/No es un correo electrónico válido/).waitFor();
    await citizen.locator('#c-files-error').getByText('Quite los documentos marcados con error.').waitFor();
    await shot(citizen, T, '02-errores-telefono');
    await bad.getByRole('button', { name: 'Quitar foto-dni.pdf' }).click();

    // The real thing, with two small PDFs.
    await fillForm(citizen, {
      type: 'Licencia de funcionamiento',
      summary: 'Solicito licencia de funcionamiento para la bodega «Doña Peña» en Av. Arequipa 1234',
    });
    const pdfs = [
      { name: 'solicitud-licencia.pdf', mimeType: 'application/pdf', buffer: makePdf(['Solicitud de licencia de funcionamiento', 'Bodega Dona Pena', 'Jose Nunez Nahui - DNI 45678912']) },
      { name: 'plano-ubicación.pdf', mimeType: 'application/pdf', buffer: makePdf(['Plano de ubicacion', 'Av. Arequipa 1234, San Isidro']) },
    ];
    await citizen.getByLabel('Documentos adjuntos').setInputFiles(pdfs);
    await citizen.getByTestId('citizen-file').filter({ hasText: 'plano-ubicación.pdf' }).getByText('PDF ·', { exact: false }).waitFor();
    assert.equal(await citizen.getByTestId('citizen-file').count(), 2);
    await shot(citizen, T, '03-formulario-lleno-telefono');

    // Hold the final step for a moment to see both progress bars full.
    let release;
    const held = new Promise((r) => (release = r));
    await citizen.route('**/api/v1/public/submissions/*/submit', async (route) => {
      await held;
      await route.continue();
    });
    await citizen.getByRole('button', { name: 'Presentar solicitud' }).click();
    const files = citizen.getByTestId('citizen-file');
    await citizen.getByRole('button', { name: 'Presentando la solicitud…' }).waitFor();
    assert.equal(await files.getByText('Subido', { exact: true }).count(), 2);
    for (const f of pdfs) {
      assert.equal(await citizen.getByRole('progressbar', { name: `Subida de ${f.name}` }).getAttribute('value'), '1');
    }
    await shot(citizen, T, '04-documentos-subidos-telefono');
    release();

    const done = citizen.getByTestId('submission-done');
    await done.waitFor();
    await citizen.unroute('**/api/v1/public/submissions/*/submit');
    state.number = (await done.getByTestId('submission-number').innerText()).trim();
    assert.match(state.number, /^MV-\d+-\d{4}$/);
    await done.getByText(`Le enviamos la constancia a ${CITIZEN.email}.`).waitFor();
    await done.getByText('2 documentos recibidos.').waitFor();
    const href = await done.getByRole('link', { name: 'Ver el estado de mi solicitud' }).getAttribute('href');
    assert.match(href, new RegExp(`^${server.url}/t/[A-Za-z0-9_-]+$`));
    assert.equal(await done.getByLabel('Enlace de seguimiento').inputValue(), href);
    state.token = href.split('/t/')[1];
    assert.equal(await overflowsX(citizen), false);
    await shot(citizen, T, '05-presentada-telefono');

    // The acknowledgement, by e-mail, at once.
    const ack = await sink.waitFor((m) => m.subject === `Recibimos su solicitud ${state.number}`, 'acknowledging the submission');
    assert.equal(ack.to, CITIZEN.email);
    assert.ok(ack.text.includes(`${server.url}/t/${state.token}`), ack.text);
    assert.ok(ack.text.includes(CITIZEN.name), ack.text);

    // The tracking page already knows it, before the desk has looked at it.
    await done.getByRole('link', { name: 'Ver el estado de mi solicitud' }).click();
    await citizen.getByRole('heading', { name: new RegExp(state.number) }).waitFor();
    await shot(citizen, T, '06-seguimiento-presentada');
  });

  test('la mesa la revisa en «Mesa virtual», la acepta y el correo trae el cargo con el QR', async () => {
    await login(desk, server.url, 'mesa1');
    await desk.getByRole('link', { name: /^Mesa virtual/ }).click();
    await desk.getByRole('heading', { level: 1, name: 'Mesa virtual' }).waitFor();
    const card = desk.locator(`[data-testid="submission"][data-number="${state.number}"]`);
    await card.waitFor();
    for (const text of [CITIZEN.name, 'DNI 45678912', CITIZEN.email, 'Licencia de funcionamiento', 'bodega «Doña Peña»', 'solicitud-licencia.pdf', 'plano-ubicación.pdf', 'Aceptó recibir avisos']) {
      await card.getByText(text, { exact: false }).first().waitFor();
    }
    await shot(desk, T, '07-bandeja-mesa-virtual');
    // The desk looks at a document before deciding.
    await card.getByRole('button', { name: 'Ver plano-ubicación.pdf' }).click();
    await card.getByTestId('preview').locator('iframe').waitFor();
    await desk.waitForTimeout(1500); // the PDF viewer draws the page
    await card.getByTestId('preview').scrollIntoViewIfNeeded();
    await shot(desk, T, '07-vista-previa-pdf', { fullPage: false });
    await card.getByRole('button', { name: 'Ocultar vista previa' }).click();
    const dl = await desk.request.get(new URL(await card.getByRole('link', { name: 'Descargar plano-ubicación.pdf' }).getAttribute('href'), desk.url()).href);
    assert.equal(dl.status(), 200);
    assert.ok((await dl.body()).subarray(0, 5).toString() === '%PDF-');

    await card.getByRole('button', { name: 'Aceptar', exact: true }).click();
    const dialog = desk.getByRole('dialog', { name: `Aceptar la solicitud ${state.number}` });
    await dialog.getByRole('button', { name: 'Aceptar' }).click();
    const panel = desk.getByTestId('accepted-panel');
    await panel.waitFor();
    const text = await panel.innerText();
    const m = /expediente (\S+) registrado/.exec(text);
    assert.ok(m, text);
    state.code = m[1];
    assert.match(text, /PIN de seguimiento: \d{6}/);
    const receiptHref = await panel.getByRole('link', { name: 'Imprimir cargo (PDF)' }).getAttribute('href');
    state.dossierId = Number(/dossiers\/(\d+)\/receipt\.pdf$/.exec(receiptHref)[1]);
    await card.waitFor({ state: 'detached' });
    await shot(desk, T, '08-aceptada');

    // The e-mail with the receipt: code with its accents intact, QR to the tracking page.
    const accepted = await sink.waitFor((m2) => m2.subject === `Su solicitud ${state.number} es el expediente ${state.code}`, 'with the receipt');
    assert.equal(accepted.to, CITIZEN.email);
    const pdf = accepted.attachments.find((a) => a.type === 'application/pdf');
    assert.ok(pdf, `the acceptance carries a PDF: ${accepted.attachments.map((a) => a.type)}`);
    const file = saveFile('cargo-del-correo.pdf', pdf.data);
    const words = pdfText(file);
    for (const s of ['CARGO DE RECEPCIÓN', state.code, CITIZEN.name, 'Doña Peña']) {
      assert.ok(words.includes(s), `the receipt says ${s}:\n${words}`);
    }
    state.qr = pdfQr(file);
    assert.equal(state.qr, `${server.url}/t/${state.token}`);

    // The dossier keeps the citizen's documents and the history of the step.
    await panel.getByRole('link', { name: 'Ver expediente' }).click();
    await desk.getByRole('heading', { name: `Expediente ${state.code}` }).waitFor();
    await desk.getByTestId('attachments').getByText('plano-ubicación.pdf').waitFor();
    await desk.getByTestId('history').getByText('Registro del expediente', { exact: true }).waitFor();
    await shot(desk, T, '09-expediente-creado');
  });

  test('el QR abre el seguimiento, que tras un pase y su recepción muestra la nueva unidad; llega otro correo', async () => {
    await citizen.goto(state.qr);
    await citizen.getByRole('heading', { name: `Expediente ${state.code}` }).waitFor();
    await citizen.getByText('Mesa de Partes', { exact: true }).first().waitFor();
    await shot(citizen, T, '10-seguimiento-qr');

    const mesa = await apiAs(server.url, 'mesa1');
    const units = (await mesa('GET', '/api/v1/units?organization=1')).items;
    const gdu = units.find((u) => u.name === GDU);
    await mesa('POST', `/api/v1/dossiers/${state.dossierId}/transfers`, { to_unit: gdu.id, action: 'opinion', notes: 'Evaluar la zonificación.' });
    const office = await apiAs(server.url, 'oficina1');
    const inbox = (await office('GET', '/api/v1/inbox')).items;
    const transfer = inbox.find((t) => t.dossier_id === state.dossierId);
    assert.ok(transfer, 'the transfer waits at the office');
    await office('POST', `/api/v1/transfers/${transfer.id}/receive`);

    await citizen.reload();
    await citizen.getByRole('heading', { name: `Expediente ${state.code}` }).waitFor();
    await citizen.getByText(GDU, { exact: true }).first().waitFor();
    await citizen.getByText(`Recibido en ${GDU}`).waitFor();
    assert.equal(await overflowsX(citizen), false);
    await shot(citizen, T, '11-seguimiento-nueva-unidad');

    const moved = await sink.waitFor((m) => m.subject === `Su expediente ${state.code} pasó a ${GDU}`, 'about the transfer');
    assert.equal(moved.to, CITIZEN.email);
    assert.ok(moved.text.includes(`${server.url}/t/${state.token}`));
  });

  test('la oficina marca el expediente como resuelto y el ciudadano lo ve y lo recibe por correo', async () => {
    await logout(desk);
    await login(desk, server.url, 'oficina1');
    await desk.goto(`${server.url}/expedientes/${state.dossierId}`);
    await desk.getByRole('heading', { name: `Expediente ${state.code}` }).waitFor();
    await desk.getByRole('button', { name: 'Marcar como resuelto' }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Marcar como resuelto' }).click();
    await desk.getByText('Expediente marcado como resuelto.').waitFor();
    await desk.locator('.dossier__head').getByText('Resuelto', { exact: true }).waitFor();
    assert.equal(await desk.getByRole('button', { name: 'Marcar como resuelto' }).count(), 0);
    await shot(desk, T, '12-resuelto');
    await logout(desk);

    await sink.waitFor((m) => m.subject === `Su expediente ${state.code} fue resuelto`, 'about the resolution');
    await citizen.reload();
    await citizen.getByText('Resuelto', { exact: true }).first().waitFor();
  });

  test('una solicitud observada se subsana desde el enlace «Subsanar» y la mesa la acepta', async () => {
    // A company files a second one, on the phone, with one PDF.
    await citizen.goto(`${server.url}/mesa-virtual`);
    await citizen.getByRole('heading', { level: 1, name: 'Presentar una solicitud' }).waitFor();
    await fillForm(citizen, {
      type: 'Solicitud general',
      summary: 'Solicito constancia de posesión del predio de Calle Los Sauces 210',
      idType: 'RUC',
      idNumber: '20100070970',
      name: 'Inversiones Ñandú S.A.C.',
      consent: false,
    });
    await citizen.getByLabel('Documentos adjuntos').setInputFiles([
      { name: 'solicitud-constancia.pdf', mimeType: 'application/pdf', buffer: makePdf(['Solicitud de constancia de posesion']) },
    ]);
    await citizen.getByRole('button', { name: 'Presentar solicitud' }).click();
    const done = citizen.getByTestId('submission-done');
    await done.waitFor();
    state.number2 = (await done.getByTestId('submission-number').innerText()).trim();
    const href = await done.getByRole('link', { name: 'Ver el estado de mi solicitud' }).getAttribute('href');
    state.token2 = href.split('/t/')[1];
    await sink.waitFor((m) => m.subject === `Recibimos su solicitud ${state.number2}`, 'acknowledging the second submission');

    // The desk observes it: a reason and a deadline typed dd/mm/aaaa.
    await login(desk, server.url, 'mesa1');
    await desk.goto(`${server.url}/bandeja/mesa-virtual`);
    const card = desk.locator(`[data-testid="submission"][data-number="${state.number2}"]`);
    await card.waitFor();
    await card.getByText('Inversiones Ñandú S.A.C.').waitFor();
    await card.getByRole('button', { name: 'Observar' }).click();
    const dialog = desk.getByRole('dialog', { name: `Observar la solicitud ${state.number2}` });
    await dialog.getByLabel('Qué debe subsanar').fill('Adjunte la copia literal de la partida registral del predio.');
    await dialog.getByLabel('Plazo para subsanar').fill('31/02/2026');
    await dialog.getByRole('button', { name: 'Observar' }).click();
    await dialog.locator('#sd-deadline-error').getByText(/dd\/mm\/aaaa/).waitFor();
    state.deadline = dmyIn(7);
    await dialog.getByLabel('Plazo para subsanar').fill(state.deadline);
    await shot(desk, T, '13-observar', { fullPage: false });
    await dialog.getByRole('button', { name: 'Observar' }).click();
    await desk.getByText(`Solicitud ${state.number2} observada.`).waitFor();
    await card.waitFor({ state: 'detached' });
    await desk.getByRole('link', { name: 'Observadas' }).click();
    await card.getByText('Adjunte la copia literal').waitFor();
    await card.getByText(`Puede subsanar hasta el ${state.deadline}.`).waitFor();
    await shot(desk, T, '14-observadas');

    const observed = await sink.waitFor((m) => m.subject === `Su solicitud ${state.number2} tiene observaciones`, 'with the observation');
    assert.ok(observed.text.includes('Adjunte la copia literal'), observed.text);
    assert.ok(observed.text.includes(state.deadline), observed.text);

    // The citizen follows the tracking link and its «Subsanar» button.
    await citizen.goto(`${server.url}/t/${state.token2}`);
    await citizen.getByText('Adjunte la copia literal de la partida registral del predio.').waitFor();
    await citizen.getByRole('link', { name: 'Subsanar la solicitud' }).click();
    await citizen.waitForURL(`${server.url}/mesa-virtual/subsanar/${state.token2}`);
    await citizen.getByRole('heading', { level: 1, name: `Subsanar la solicitud ${state.number2}` }).waitFor();
    await citizen.getByTestId('observation').getByText('Adjunte la copia literal').waitFor();
    await citizen.getByText(`Puede subsanar hasta el ${state.deadline} inclusive.`).waitFor();
    assert.equal(await citizen.getByTestId('who').count(), 0);
    assert.equal(await overflowsX(citizen), false);
    await shot(citizen, T, '15-subsanar-telefono');
    // Nothing chosen yet: the page says what is missing.
    await citizen.getByRole('button', { name: 'Enviar la subsanación' }).click();
    await citizen.getByText('Agregue al menos un documento.').waitFor();
    await citizen.getByLabel('Documentos que agrega').setInputFiles([
      { name: 'partida-registral.pdf', mimeType: 'application/pdf', buffer: makePdf(['Copia literal de la partida registral']) },
    ]);
    await citizen.getByRole('button', { name: 'Enviar la subsanación' }).click();
    await citizen.getByTestId('correction-done').waitFor();
    await citizen.getByText('En revisión', { exact: true }).waitFor();
    await shot(citizen, T, '16-subsanada-telefono');

    // Back in the desk's tray, with the new document; accepted.
    await desk.getByRole('link', { name: 'Por revisar' }).click();
    await card.getByText('partida-registral.pdf').waitFor();
    await card.getByText('solicitud-constancia.pdf').waitFor();
    await card.getByRole('button', { name: 'Aceptar', exact: true }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Aceptar' }).click();
    const panel = desk.getByTestId('accepted-panel');
    await panel.waitFor();
    state.code2 = /expediente (\S+) registrado/.exec(await panel.innerText())[1];
    const accepted = await sink.waitFor((m) => m.subject === `Su solicitud ${state.number2} es el expediente ${state.code2}`, 'accepting the corrected submission');
    assert.ok(accepted.attachments.some((a) => a.type === 'application/pdf'));
    await desk.getByRole('link', { name: 'Aceptadas' }).click();
    await desk.locator(`[data-testid="submission"][data-number="${state.number2}"]`).getByRole('link', { name: 'Ver expediente' }).waitFor();
    await shot(desk, T, '17-aceptadas');

    await citizen.goto(`${server.url}/t/${state.token2}`);
    await citizen.getByRole('heading', { name: `Expediente ${state.code2}` }).waitFor();
    // The link of the correction no longer offers a form.
    await citizen.goto(`${server.url}/mesa-virtual/subsanar/${state.token2}`);
    await citizen.getByText('ya fue aceptada como expediente').waitFor();
    assert.equal(await citizen.getByRole('button', { name: 'Enviar la subsanación' }).count(), 0);
    await logout(desk);
  });

  test('si la conexión se corta a mitad de la subida no llega nada a la mesa; al reintentar llega entera y la mesa la rechaza', async () => {
    const mesa = await apiAs(server.url, 'mesa1');
    const waiting = async () => (await mesa('GET', '/api/v1/submissions?state=submitted&per_page=500')).items;
    const before = (await waiting()).length;
    await citizen.goto(`${server.url}/mesa-virtual`);
    await citizen.getByRole('heading', { level: 1, name: 'Presentar una solicitud' }).waitFor();
    await fillForm(citizen, { type: 'Solicitud general', summary: 'Solicito duplicado de la licencia de funcionamiento N.° 0456-2019' });
    await citizen.getByLabel('Documentos adjuntos').setInputFiles([
      { name: 'anexo-1.pdf', mimeType: 'application/pdf', buffer: makePdf(['Anexo 1']) },
      { name: 'anexo-2.pdf', mimeType: 'application/pdf', buffer: makePdf(['Anexo 2']) },
    ]);
    // The connection drops during the second upload.
    const uploads = [];
    let cut = true;
    await citizen.route('**/api/v1/public/submissions/*/attachments*', async (route) => {
      uploads.push(new URL(route.request().url()).searchParams.get('name'));
      if (cut && uploads.length === 2) await route.abort('connectionreset');
      else await route.continue();
    });
    const errorsBefore = phone.errors.length;
    await citizen.getByRole('button', { name: 'Presentar solicitud' }).click();
    await citizen.getByTestId('error-summary').getByText(/No se pudo subir «anexo-2\.pdf»/).waitFor();
    const files = citizen.getByTestId('citizen-file');
    await files.filter({ hasText: 'anexo-1.pdf' }).getByText('Subido', { exact: true }).waitFor();
    await files.filter({ hasText: 'anexo-2.pdf' }).getByText('Error', { exact: true }).waitFor();
    await shot(citizen, T, '17b-subida-cortada-telefono');
    // The draft is not a submission: the desk sees nothing.
    assert.equal((await waiting()).length, before);
    // The failed request was logged by the browser, as expected here.
    phone.errors.splice(errorsBefore, phone.errors.length - errorsBefore, ...phone.errors.slice(errorsBefore).filter((e) => !/net::ERR_/.test(e)));

    // Again: only the missing document goes up, then the submission arrives whole.
    cut = false;
    await citizen.getByRole('button', { name: 'Presentar solicitud' }).click();
    const done = citizen.getByTestId('submission-done');
    await done.waitFor();
    await citizen.unroute('**/api/v1/public/submissions/*/attachments*');
    assert.deepEqual(uploads, ['anexo-1.pdf', 'anexo-2.pdf', 'anexo-2.pdf']);
    const number = (await done.getByTestId('submission-number').innerText()).trim();
    const token = (await done.getByRole('link', { name: 'Ver el estado de mi solicitud' }).getAttribute('href')).split('/t/')[1];
    const arrived = (await waiting()).find((x) => x.number === number);
    assert.ok(arrived, `${number} waits at the desk`);
    assert.deepEqual(arrived.files.map((f) => f.name).sort(), ['anexo-1.pdf', 'anexo-2.pdf']);

    // The desk does not admit it (a duplicate needs the original's number), and says why.
    await login(desk, server.url, 'mesa1');
    await desk.goto(`${server.url}/bandeja/mesa-virtual`);
    const card = desk.locator(`[data-testid="submission"][data-number="${number}"]`);
    await card.getByRole('button', { name: 'Rechazar' }).click();
    const dialog = desk.getByRole('dialog', { name: `Rechazar la solicitud ${number}` });
    await dialog.getByRole('button', { name: 'Rechazar' }).click();
    await dialog.locator('#sd-reason-error').waitFor(); // the server wants a reason
    await dialog.getByLabel('Motivo del rechazo').fill('La licencia 0456-2019 no figura en el registro de la municipalidad.');
    await dialog.getByRole('button', { name: 'Rechazar' }).click();
    await desk.getByText(`Solicitud ${number} rechazada.`).waitFor();
    await desk.getByRole('link', { name: 'Rechazadas' }).click();
    await card.getByText('no figura en el registro').waitFor();
    await shot(desk, T, '17c-rechazadas');
    await logout(desk);
    const rejected = await sink.waitFor((m) => m.subject === `Su solicitud ${number} no fue admitida`, 'with the rejection');
    assert.ok(rejected.text.includes('no figura en el registro'), rejected.text);
    await citizen.goto(`${server.url}/mesa-virtual/subsanar/${token}`);
    await citizen.getByText('La mesa de partes no admitió esta solicitud.').waitFor();
    await citizen.getByText('La licencia 0456-2019 no figura en el registro de la municipalidad.').waitFor();
    assert.equal(await citizen.getByRole('button', { name: 'Enviar la subsanación' }).count(), 0);
  });

  test('en la mesa, avisar por correo exige el correo del administrado', async () => {
    await login(desk, server.url, 'mesa1');
    await desk.goto(`${server.url}/registrar`);
    await desk.getByLabel('Tipo de expediente').selectOption({ label: 'Solicitud general' });
    await desk.getByLabel('Extracto').fill('Solicita copia certificada de resolución');
    await desk.getByLabel('Número de documento').fill('41234567');
    await desk.getByLabel('Nombres y apellidos o razón social').fill('Ana Lucía Pérez Ibáñez');
    await desk.getByLabel('Acepta notificaciones por correo').check();
    await desk.getByRole('button', { name: 'Registrar expediente' }).click();
    await desk.locator('#f-email-error').getByText(/hace falta el correo/).waitFor();
    await shot(desk, T, '18-registro-avisos-sin-correo');
    await desk.getByLabel('Correo electrónico').fill('ana.perez@example.pe');
    await desk.getByLabel('Abrir el cargo al guardar').uncheck();
    await desk.getByRole('button', { name: 'Registrar expediente' }).click();
    await desk.getByTestId('saved-panel').waitFor();
    await sink.waitFor((m) => m.to === 'ana.perez@example.pe' && /fue registrado$/.test(m.subject), 'registering with consent');
    await logout(desk);
  });

  test('pantallas de la mesa virtual a 1366×768, 390 y 360 px', async () => {
    const dir = `${T}/pantallas`;
    for (const [name, viewport] of [['portatil-1366x768', LAPTOP], ['telefono-390x844', PHONE], ['telefono-360x740', { width: 360, height: 740 }]]) {
      const b = await launch(viewport);
      try {
        const page = await b.page();
        await page.goto(`${server.url}/mesa-virtual`);
        await page.getByRole('heading', { level: 1, name: 'Presentar una solicitud' }).waitFor();
        await page.waitForLoadState('networkidle');
        await shot(page, dir, `${name}-01-formulario`);
        assert.equal(await overflowsX(page), false, `${name}: the form fits`);
        await page.goto(`${server.url}/mesa-virtual/subsanar/${state.token}`);
        await page.getByRole('heading', { level: 1, name: `Subsanar la solicitud ${state.number}` }).waitFor();
        await shot(page, dir, `${name}-02-subsanar-cerrada`);
        assert.equal(await overflowsX(page), false, `${name}: the correction page fits`);
        await page.goto(`${server.url}/mesa-virtual/subsanar/no-existe`);
        await page.getByText('El enlace no es válido').waitFor();
        await login(page, server.url, 'mesa1');
        await page.goto(`${server.url}/bandeja/mesa-virtual?estado=accepted`);
        await page.locator('[data-testid="submission"]').first().waitFor();
        await shot(page, dir, `${name}-03-bandeja-aceptadas`);
        assert.equal(await overflowsX(page), false, `${name}: the tray fits`);
        await logout(page);
        assert.deepEqual(b.errors, [], 'no errors');
      } finally {
        await b.close();
      }
    }
    // Profiles that do not work at a main desk do not see the tray.
    const b = await launch(LAPTOP);
    try {
      const page = await b.page();
      await login(page, server.url, 'consulta1');
      assert.equal(await page.getByRole('link', { name: /^Mesa virtual/ }).count(), 0);
      await logout(page);
    } finally {
      await b.close();
    }
  });
});
