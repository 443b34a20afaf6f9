import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, getAll } from '../api/client';
import type { Dossier, DossierQuery, Page } from '../api/types';
import { DossierTable } from '../components/DossierTable';
import { Field } from '../components/Field';
import { PageHeader } from '../components/PageHeader';
import { Pager } from '../components/Pager';
import { UnitPicker } from '../components/UnitPicker';
import { es } from '../i18n/es';
import { useCatalog } from '../lib/catalog';
import { downloadText, toCsv } from '../lib/csv';
import { formatDateTime, isoToDmy, parseDmy, today } from '../lib/format';
import { flash } from '../lib/notices';
import { navigate, pathWithQuery, useLocation } from '../lib/router';
import { can, useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

const PER_PAGE = 50;
const STATES = ['registered', 'in_process', 'observed', 'resolved', 'archived', 'annulled'];

/** The filters as the address keeps them (Spanish names, so a link reads well). */
interface Filters {
  q: string;
  estado: string;
  tipo: string;
  unidad: string;
  desde: string;
  hasta: string;
  caracter: string;
}

function readFilters(q: URLSearchParams): Filters {
  const g = (k: string) => q.get(k) ?? '';
  return { q: g('q'), estado: g('estado'), tipo: g('tipo'), unidad: g('unidad'), desde: g('desde'), hasta: g('hasta'), caracter: g('caracter') };
}

/** The form shows dates as dd/mm/aaaa; the address and the API use YYYY-MM-DD. */
function toForm(f: Filters): Filters {
  return { ...f, desde: isoToDmy(f.desde), hasta: isoToDmy(f.hasta) };
}

function apiQuery(f: Filters, global: boolean): DossierQuery {
  const q: Record<string, unknown> = {
    q: f.q || undefined,
    state: f.estado || undefined,
    type: f.tipo ? Number(f.tipo) : undefined,
    unit: f.unidad ? Number(f.unidad) : undefined,
    from: f.desde || undefined,
    to: f.hasta || undefined,
    reserved: f.caracter === 'reservado' ? true : f.caracter === 'publico' ? false : undefined,
    global: global || undefined,
  };
  return q as DossierQuery;
}

/** "Consulta" and "Consulta global": the API's filters, pages of results, CSV export. */
export function SearchPage({ global }: { global: boolean }) {
  const { me } = useSession();
  const loc = useLocation();
  const catalog = useCatalog();
  const applied = readFilters(loc.query);
  const pageNum = Math.max(1, Number(loc.query.get('pagina')) || 1);
  const [f, setF] = useState<Filters>(toForm(applied));
  const [dateErrors, setDateErrors] = useState<Record<string, string>>({});
  const [exporting, setExporting] = useState(false);
  const [more, setMore] = useState(() =>
    Boolean(applied.estado || applied.tipo || applied.unidad || applied.desde || applied.hasta || applied.caracter),
  );
  const key = loc.query.toString();
  useEffect(() => {
    setF(toForm(readFilters(loc.query)));
    setDateErrors({});
  }, [key]);

  const allowed = !global || can.globalSearch(me);
  const results = useAsync(
    () =>
      allowed
        ? api.get<Page<Dossier>>('/api/v1/dossiers', { ...(apiQuery(applied, global) as Record<string, string>), page: pageNum, per_page: PER_PAGE })
        : Promise.resolve({ items: [], total: 0 } as Page<Dossier>),
    [key, global],
  );
  const title = global ? es.search.globalTitle : es.search.title;
  if (!allowed) return <PageHeader title={title} intro={es.errors.notAllowed} />;

  const go = (next: Filters, page = 1) => {
    navigate(pathWithQuery(loc.path, { ...next, pagina: page > 1 ? page : undefined }));
  };
  const set = (k: keyof Filters, v: string) => setF((old) => ({ ...old, [k]: v }));

  const exportCsv = async () => {
    setExporting(true);
    try {
      const all = await getAll<Dossier>('/api/v1/dossiers', apiQuery(applied, global) as Record<string, string>);
      const rows = all.items.map((d) => [
        d.code,
        d.type.name,
        d.summary,
        es.states[d.state] ?? d.state,
        d.reserved ? es.character.reserved : es.character.public,
        es.priority[d.priority] ?? d.priority,
        d.applicant?.name ?? '',
        d.applicant ? `${d.applicant.id_type} ${d.applicant.id_number}` : '',
        d.custody_unit.name,
        formatDateTime(d.custody_since),
        formatDateTime(d.created_at),
        d.folios,
        d.volumes,
      ]);
      downloadText(toCsv(es.search.csvHeader, rows), es.search.csvName(today()));
    } catch (e) {
      flash(errorMessage(e), 'error');
    } finally {
      setExporting(false);
    }
  };

  const orgTypes = (catalog?.types ?? []).filter((t) => global || me.organization === null || t.organization_id === me.organization.id);
  return (
    <>
      <PageHeader title={title} intro={global ? es.search.globalIntro : es.search.intro} />
      <form
        class="form card search-form"
        role="search"
        aria-label={es.search.filters}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const desde = f.desde.trim() ? parseDmy(f.desde) : '';
          const hasta = f.hasta.trim() ? parseDmy(f.hasta) : '';
          const bad: Record<string, string> = {};
          if (desde === null) bad.desde = es.search.badDate;
          if (hasta === null) bad.hasta = es.search.badDate;
          setDateErrors(bad);
          if (Object.keys(bad).length) setMore(true);
          if (desde === null || hasta === null) {
            document.getElementById(desde === null ? 's-from' : 's-to')?.focus();
            return;
          }
          go({ ...f, desde, hasta });
        }}
      >
        <div class={`form-grid${more ? ' search-form--more' : ''}`}>
          <Field id="s-q" label={es.search.q} hint={es.search.qHint} className="span-2">
            {(a) => <input {...a} type="search" value={f.q} maxLength={200} onInput={(e) => set('q', e.currentTarget.value)} />}
          </Field>
          <Field id="s-state" label={es.search.state} className="search-form__more">
            {(a) => (
              <select {...a} value={f.estado} onChange={(e) => set('estado', e.currentTarget.value)}>
                <option value="">{es.common.all}</option>
                {STATES.map((s) => (
                  <option key={s} value={s}>
                    {es.states[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="s-reserved" label={es.search.reserved} className="search-form__more">
            {(a) => (
              <select {...a} value={f.caracter} onChange={(e) => set('caracter', e.currentTarget.value)}>
                <option value="">{es.common.all}</option>
                <option value="publico">{es.character.public}</option>
                <option value="reservado">{es.character.reserved}</option>
              </select>
            )}
          </Field>
          <Field id="s-type" label={es.search.type} className="search-form__more span-2">
            {(a) => (
              <select {...a} value={f.tipo} onChange={(e) => set('tipo', e.currentTarget.value)}>
                <option value="">{es.common.all}</option>
                {orgTypes.map((t) => (
                  <option key={t.id} value={String(t.id)}>
                    {t.name}
                    {global || !me.organization ? ` · ${catalog?.orgById.get(t.organization_id)?.code ?? ''}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="s-unit" label={es.search.unit} className="search-form__more span-2">
            {(a) => (
              <UnitPicker
                a11y={a}
                value={f.unidad ? Number(f.unidad) : null}
                includeInactive
                preferOrganization={me.organization?.id ?? null}
                onChange={(id) => set('unidad', id ? String(id) : '')}
              />
            )}
          </Field>
          <Field id="s-from" label={es.search.from} hint={es.search.dateHint} error={dateErrors.desde} className="search-form__more">
            {(a) => (
              <input {...a} type="text" inputMode="numeric" autoComplete="off" placeholder={es.search.datePlaceholder} value={f.desde} onInput={(e) => set('desde', e.currentTarget.value)} />
            )}
          </Field>
          <Field id="s-to" label={es.search.to} hint={es.search.dateHint} error={dateErrors.hasta} className="search-form__more">
            {(a) => (
              <input {...a} type="text" inputMode="numeric" autoComplete="off" placeholder={es.search.datePlaceholder} value={f.hasta} onInput={(e) => set('hasta', e.currentTarget.value)} />
            )}
          </Field>
        </div>
        <div class="form-actions">
          <button type="submit" class="btn btn--primary">
            {es.search.submit}
          </button>
          <button type="button" class="btn search-form__toggle" aria-expanded={more ? 'true' : 'false'} onClick={() => setMore((m) => !m)}>
            {more ? es.search.lessFilters : es.search.moreFilters}
          </button>
          <button
            type="button"
            class="btn"
            onClick={() => go({ q: '', estado: '', tipo: '', unidad: '', desde: '', hasta: '', caracter: '' })}
          >
            {es.search.clear}
          </button>
        </div>
      </form>
      <div class="results-bar">
        <p aria-live="polite" data-testid="result-count">
          {results.data ? es.pager.total(results.data.total) : results.loading ? es.common.loadingList : ''}
        </p>
        <button type="button" class="btn" disabled={!results.data?.total || exporting} onClick={exportCsv}>
          {exporting ? es.search.exporting : es.search.exportCsv}
        </button>
      </div>
      {results.error ? <p class="notice notice--error">{results.error}</p> : null}
      {results.data && !results.data.items.length ? <p class="empty">{es.search.empty}</p> : null}
      {results.data?.items.length ? <DossierTable items={results.data.items} showCustody caption={title} /> : null}
      {results.data ? <Pager page={pageNum} perPage={PER_PAGE} total={results.data.total} onPage={(p) => go(applied, p)} /> : null}
    </>
  );
}
