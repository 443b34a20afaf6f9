// Demo dossiers for the screenshots: something in every tray of mesa1's desk (Mesa de Partes),
// with annotations, a PDF and an image, set up through the API with bearer tokens.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiAs } from './app.mjs';

/** Dossiers in every tray of mesa1's desk, with notes and files. */
export async function seed(base) {
  const mesa = await apiAs(base, 'mesa1');
  const office = await apiAs(base, 'oficina1');
  const types = (await mesa('GET', '/api/v1/dossier-types?organization=1')).items;
  const units = (await mesa('GET', '/api/v1/units?organization=1')).items;
  const type = (code) => types.find((t) => t.code === code).id;
  const unit = (code) => units.find((u) => u.code === code).id;
  const applicant = (name, id_number, id_type = 'DNI') => ({ name, id_type, id_number, email: 'contacto@example.pe', phone: '987654321', address: 'Av. Arequipa 1234, San Isidro' });
  const reg = (who, body) => who('POST', '/api/v1/dossiers', body);

  const d1 = await reg(mesa, {
    type_id: type('LICFUN'), origin: 'external', priority: 'urgent', summary: 'Solicita licencia de funcionamiento para restaurante «El Ñandú» en Av. Pardo y Aliaga 640',
    instrument_number: 'Carta N.° 031-2026', folios: 18, volumes: 1, applicant: applicant('Inversiones Ñandú S.A.C.', '20100070970', 'RUC'),
  });
  await reg(mesa, { type_id: type('RECLAM'), origin: 'external', reserved: true, summary: 'Reclamo por cobro indebido de arbitrios 2025', applicant: applicant('Ana Lucía Pérez Ibáñez', '41234567'), folios: 4 });
  await reg(mesa, { type_id: type('MEMO'), origin: 'internal', summary: 'Memorando: entrega de cargos de recepción del mes de marzo' });
  await reg(mesa, { type_id: type('ACCINF'), origin: 'external', summary: 'Solicita copia del expediente técnico de la obra de pistas y veredas', applicant: applicant('José Núñez Ñahui', '45678912'), folios: 2 });
  const d5 = await reg(mesa, { type_id: type('INFORM'), origin: 'internal', summary: 'Informe anual de gestión documental 2025' });
  await mesa('POST', `/api/v1/dossiers/${d5.id}/archive`, {});
  const d6 = await reg(mesa, { type_id: type('SOLGEN'), origin: 'external', summary: 'Solicita constancia de posesión del predio en Calle Los Sauces 210', applicant: applicant('Rosa Quispe Mamani', '09876543'), folios: 6 });
  await mesa('POST', `/api/v1/dossiers/${d6.id}/transfers`, { to_unit: unit('GDU'), action: 'report', folios_added: 1, notes: 'Verificar en catastro.' });
  const d7 = await reg(mesa, { type_id: type('DENUNC'), origin: 'external', summary: 'Denuncia por construcción sin licencia en Jr. Las Camelias 455', applicant: applicant('Asociación Vecinal Las Camelias', '10456789124', 'RUC') });
  await mesa('POST', `/api/v1/dossiers/${d7.id}/transfers`, { to_unit: unit('OAJ'), action: 'opinion' });
  for (const summary of ['Informe técnico de inspección ocular N.° 045-2026', 'Proyecto de resolución gerencial sobre licencias temporales']) {
    const d = await reg(office, { type_id: type('INFORM'), origin: 'internal', summary });
    await office('POST', `/api/v1/dossiers/${d.id}/transfers`, { to_unit: unit('MP'), action: 'attend', folios_added: 3 });
  }
  await mesa('POST', `/api/v1/dossiers/${d1.id}/annotations`, { text: 'El administrado presentó el certificado de Defensa Civil el 10/03.' });
  await mesa('POST', `/api/v1/dossiers/${d1.id}/annotations`, { text: 'Falta el plano de distribución; se le comunicó por teléfono.' });

  // Files: the receipt as a "scan", and its first page as an image.
  const tmp = mkdtempSync(join(tmpdir(), 'sige-seed-'));
  const res = await mesa.raw('GET', `/api/v1/dossiers/${d1.id}/receipt.pdf`);
  const pdf = Buffer.from(await res.arrayBuffer());
  const pdfFile = join(tmp, 'cargo.pdf');
  writeFileSync(pdfFile, pdf);
  execFileSync('pdftoppm', ['-r', '40', '-png', '-singlefile', pdfFile, join(tmp, 'foto')]);
  const png = readFileSync(join(tmp, 'foto.png'));
  for (const [name, type, body] of [['solicitud-escaneada.pdf', 'application/pdf', pdf], ['foto-fachada.png', 'image/png', png]]) {
    const up = await mesa.raw('POST', `/api/v1/dossiers/${d1.id}/attachments?name=${encodeURIComponent(name)}`, body, type);
    assert.equal(up.status, 201, await up.text());
  }
  rmSync(tmp, { recursive: true, force: true });
  return { d1: d1.id, d6: d6.id };
}

