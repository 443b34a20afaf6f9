import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage, upload } from '../api/client';
import type {
  DraftCreated,
  IdType,
  Page,
  PublicDossierType,
  SubmissionFile,
  SubmissionInput,
  SubmissionReceipt,
} from '../api/types';
import { CitizenFilePicker } from '../components/CitizenFilePicker';
import { ErrorSummary, firstInvalid } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { SubmissionDone } from '../components/SubmissionDone';
import { es } from '../i18n/es';
import {
  emailProblem,
  idNumberProblem,
  normalizeIdNumber,
  phoneProblem,
  textProblem,
  length,
} from '../lib/applicantRules';
import { useLocation } from '../lib/router';
import type { ChosenFile } from '../lib/submissionFiles';
import { choose, MAX_FILE_MB, MAX_FILES, MAX_TOTAL_MB, setProblem } from '../lib/submissionFiles';
import { useAsync } from '../lib/useAsync';

const C = es.citizen;
const SUMMARY_MAX = 500;

interface Values {
  organization: string;
  type_id: string;
  id_type: IdType;
  id_number: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  summary: string;
  consent: boolean;
}

const EMPTY: Values = {
  organization: '',
  type_id: '',
  id_type: 'DNI',
  id_number: '',
  name: '',
  email: '',
  phone: '',
  address: '',
  summary: '',
  consent: false,
};

/** A draft on the server: reused while the form's data and its stored files do not change. */
interface Draft {
  id: number;
  token: string;
  fingerprint: string;
  uploaded: Set<string>;
}

type Phase = { kind: 'draft' } | { kind: 'upload'; index: number; of: number } | { kind: 'submit' };

interface Done {
  receipt: SubmissionReceipt;
  email: string;
  files: number;
}

function fieldsFor(v: Values): Record<string, [string, string]> {
  const name = v.id_type === 'RUC' ? C.nameCompany : C.namePerson;
  return {
    organization: [C.organization, 'c-org'],
    type_id: [C.type, 'c-type'],
    procedure_id: [C.type, 'c-type'],
    applicant: [C.idType, 'c-id-type'],
    'applicant.id_type': [C.idType, 'c-id-type'],
    'applicant.id_number': [C.idNumber, 'c-id-number'],
    'applicant.name': [name, 'c-name'],
    'applicant.email': [C.email, 'c-email'],
    'applicant.phone': [C.phone, 'c-phone'],
    'applicant.address': [C.address, 'c-address'],
    summary: [C.summary, 'c-summary'],
    consent: [C.consent, 'c-consent'],
    'applicant.consent': [C.consent, 'c-consent'],
    files: [C.files, 'c-files'],
  };
}

/** The server's rules, checked here first; the server checks them again. */
function validate(v: Values, files: ChosenFile[]): Record<string, string> {
  const e: Record<string, string> = {};
  const put = (k: string, m: string | null) => {
    if (m) e[k] = m;
  };
  put('organization', v.organization ? null : C.errors.required);
  put('type_id', v.organization && !v.type_id ? C.errors.required : null);
  put('applicant.id_number', idNumberProblem(v.id_type, v.id_number));
  put('applicant.name', textProblem(v.name, 2, 200));
  put('applicant.email', emailProblem(v.email, true));
  put('applicant.phone', phoneProblem(v.phone));
  put('applicant.address', textProblem(v.address, 0, 300, false));
  put('summary', textProblem(v.summary, 3, SUMMARY_MAX));
  put('files', setProblem(files));
  return e;
}

function bodyOf(v: Values): SubmissionInput {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    type_id: Number(v.type_id),
    summary: v.summary.trim(),
    consent: v.consent,
    applicant: {
      id_type: v.id_type,
      id_number: normalizeIdNumber(v.id_number),
      name: v.name.trim(),
      email: v.email.trim(),
      phone: opt(v.phone),
      address: opt(v.address),
    },
  };
}

/**
 * "/mesa-virtual": a citizen files online, without an account. The three steps of the API run
 * behind one button: the draft (the form's data), one upload per document with its progress
 * bar, and the submit that makes the submission exist for the desk, whole. A failed upload
 * keeps the draft: the citizen fixes that document and presses the button again.
 */
export function VirtualDeskPage() {
  const loc = useLocation();
  const types = useAsync(() => api.get<Page<PublicDossierType>>('/api/v1/public/dossier-types'), []);
  const [v, setV] = useState<Values>(EMPTY);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const draft = useRef<Draft | null>(null);
  const busy = phase !== null;

  useEffect(() => {
    document.title = C.pageTitle(C.title);
  }, []);

  // Organisations that take something online, and the types of the chosen one.
  const organizations = useMemo(() => {
    const seen = new Map<number, string>();
    for (const t of types.data?.items ?? []) seen.set(t.organization_id, t.organization_name);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'es'));
  }, [types.data]);
  const typesOfOrg = useMemo(
    () =>
      (types.data?.items ?? [])
        .filter((t) => String(t.organization_id) === v.organization && t.active !== false)
        .sort((a, b) => a.name.localeCompare(b.name, 'es')),
    [types.data, v.organization],
  );

  // One organisation, or ?entidad=ID in the address (a poster's QR): chosen already.
  useEffect(() => {
    if (v.organization || !organizations.length) return;
    const wanted = loc.query.get('entidad');
    const pick = organizations.find((o) => String(o.id) === wanted) ?? (organizations.length === 1 ? organizations[0] : undefined);
    if (pick) setV((old) => ({ ...old, organization: String(pick.id) }));
  }, [organizations]);

  // A browser closed mid-upload loses nothing (the draft is never submitted), but say so.
  useEffect(() => {
    if (!busy) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  const FIELDS = fieldsFor(v);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const text = (k: 'id_number' | 'name' | 'email' | 'phone' | 'address' | 'summary') => ({
    value: v[k],
    onInput: (e: Event) => set(k, (e.currentTarget as HTMLInputElement).value),
  });

  const showErrors = (map: Record<string, string>, message: string | null = null) => {
    setErrors(map);
    setGeneral(message);
    const first = firstInvalid(FIELDS, map);
    setTimeout(() => {
      if (first) document.getElementById(first)?.focus();
      else document.querySelector<HTMLElement>('.error-summary')?.scrollIntoView({ block: 'center' });
    }, 0);
  };

  const addFiles = async (chosen: File[]) => {
    const judged = await choose(chosen);
    setFiles((old) => [...old, ...judged]);
    setErrors((old) => {
      const { files: _drop, ...rest } = old;
      return rest;
    });
  };

  const patchFile = (key: string, change: Partial<ChosenFile>) =>
    setFiles((old) => old.map((f) => (f.key === key ? { ...f, ...change } : f)));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const local = validate(v, files);
    if (Object.keys(local).length) {
      showErrors(local);
      return;
    }
    setErrors({});
    setGeneral(null);
    const body = bodyOf(v);
    const fingerprint = JSON.stringify(body);
    const keys = new Set(files.map((f) => f.key));
    let d = draft.current;
    if (!d || d.fingerprint !== fingerprint || [...d.uploaded].some((k) => !keys.has(k))) {
      // Step 1: a new draft. (An older one, never submitted, is purged by the server.)
      setPhase({ kind: 'draft' });
      setFiles((old) => old.map((f) => ({ ...f, state: 'waiting', fraction: 0, error: undefined })));
      try {
        const created = await api.post<DraftCreated>('/api/v1/public/submissions', body);
        d = { id: created.id, token: created.upload_token, fingerprint, uploaded: new Set() };
        draft.current = d;
      } catch (err) {
        setPhase(null);
        setFiles((old) => old.map((f) => ({ ...f, state: 'ready', fraction: 0 })));
        if (err instanceof ApiError && err.fields.length) showErrors(err.fieldMap());
        else showErrors({}, errorMessage(err));
        return;
      }
    }
    // Step 2: each document not yet stored, one after the other, with its progress bar.
    const pending = files.filter((f) => !d.uploaded.has(f.key));
    for (const f of pending) patchFile(f.key, { state: 'waiting', fraction: 0, error: undefined });
    for (let i = 0; i < pending.length; i++) {
      const f = pending[i]!;
      setPhase({ kind: 'upload', index: i + 1, of: pending.length });
      patchFile(f.key, { state: 'uploading' });
      try {
        await upload<SubmissionFile>(
          `/api/v1/public/submissions/${d.id}/attachments?name=${encodeURIComponent(f.file.name)}`,
          f.file,
          (fraction) => patchFile(f.key, { fraction }),
          { 'X-Upload-Token': d.token },
        );
        d.uploaded.add(f.key);
        patchFile(f.key, { state: 'done', fraction: 1 });
      } catch (err) {
        const why = errorMessage(err);
        patchFile(f.key, { state: 'failed', error: why });
        for (const rest of pending.slice(i + 1)) patchFile(rest.key, { state: 'ready', fraction: 0 });
        setPhase(null);
        const hint = err instanceof ApiError && err.status === 0 ? C.uploadRetryHint : C.uploadFailedHint;
        showErrors({}, `${C.uploadFailed(f.file.name, why)} ${hint}`);
        return;
      }
    }
    // Step 3: the submission exists for the desk from here, with every document.
    setPhase({ kind: 'submit' });
    try {
      const receipt = await api.postWith<SubmissionReceipt>(
        `/api/v1/public/submissions/${d.id}/submit`,
        {},
        { 'X-Upload-Token': d.token },
      );
      draft.current = null;
      setDone({ receipt, email: body.applicant.email ?? '', files: files.length });
    } catch (err) {
      showErrors({}, err instanceof ApiError && err.status !== 0 ? errorMessage(err) : C.submitFailed);
    } finally {
      setPhase(null);
    }
  };

  const another = () => {
    // The citizen's own data stay; the request and its documents start empty.
    setV((old) => ({ ...old, type_id: '', summary: '' }));
    setFiles([]);
    setErrors({});
    setGeneral(null);
    setDone(null);
    setTimeout(() => document.getElementById('main-title')?.focus(), 0);
  };

  if (done) {
    return <SubmissionDone receipt={done.receipt} email={done.email} files={done.files} onAnother={another} />;
  }

  const err = (k: string) => errors[k];
  const status =
    phase?.kind === 'draft'
      ? C.steps.draft
      : phase?.kind === 'upload'
        ? C.steps.upload(phase.index, phase.of)
        : phase?.kind === 'submit'
          ? C.steps.submit
          : '';

  return (
    <div class="citizen">
      <header class="page-header citizen__header">
        <div class="page-header__text">
          <h1 id="main-title" tabIndex={-1}>
            {C.title}
          </h1>
          <p class="page-header__intro">{C.intro}</p>
          <p class="hint">{C.requiredNote}</p>
        </div>
      </header>
      <form class="citizen__form" onSubmit={submit} noValidate aria-busy={busy ? 'true' : 'false'}>
        <ErrorSummary errors={errors} fields={FIELDS} message={general} />

        <fieldset class="citizen__section" disabled={busy}>
          <legend>{C.sectionProcedure}</legend>
          {types.error ? (
            <div class="notice notice--error" role="alert">
              <p>
                {C.typesFailed} {types.error}
              </p>
              <button type="button" class="btn btn--small" onClick={() => void types.reload()}>
                {C.retry}
              </button>
            </div>
          ) : null}
          {types.loading && !types.data ? <p role="status">{C.typesLoading}</p> : null}
          {types.data && !organizations.length ? <p class="notice notice--info">{C.noTypes}</p> : null}
          <div class="citizen__grid">
            <Field id="c-org" label={C.organization} error={err('organization')} required className="citizen__wide">
              {(a) => (
                <select
                  {...a}
                  value={v.organization}
                  onChange={(e) => setV((old) => ({ ...old, organization: e.currentTarget.value, type_id: '' }))}
                >
                  <option value="">{C.organizationPlaceholder}</option>
                  {organizations.map((o) => (
                    <option key={o.id} value={String(o.id)}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="c-type"
              label={C.type}
              error={err('type_id') ?? err('procedure_id')}
              hint={v.organization ? undefined : C.typeFirst}
              required
              className="citizen__wide"
            >
              {(a) => (
                <select {...a} value={v.type_id} disabled={!v.organization} onChange={(e) => set('type_id', e.currentTarget.value)}>
                  <option value="">{C.typePlaceholder}</option>
                  {typesOfOrg.map((t) => (
                    <option key={t.id} value={String(t.id)}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset class="citizen__section" disabled={busy}>
          <legend>{C.sectionApplicant}</legend>
          {err('applicant') ? <p class="field-error">{err('applicant')}</p> : null}
          <div class="citizen__grid">
            <Field id="c-id-type" label={C.idType} error={err('applicant.id_type')} required>
              {(a) => (
                <select {...a} value={v.id_type} onChange={(e) => set('id_type', e.currentTarget.value as IdType)}>
                  {(['DNI', 'RUC', 'CE', 'PASSPORT'] as const).map((t) => (
                    <option key={t} value={t}>
                      {es.idTypes[t]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="c-id-number" label={C.idNumber} hint={C.idHints[v.id_type]} error={err('applicant.id_number')} required>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  inputMode={v.id_type === 'DNI' || v.id_type === 'RUC' ? 'numeric' : 'text'}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellcheck={false}
                  maxLength={12}
                  {...text('id_number')}
                />
              )}
            </Field>
            <Field
              id="c-name"
              label={v.id_type === 'RUC' ? C.nameCompany : C.namePerson}
              error={err('applicant.name')}
              required
              className="citizen__wide"
            >
              {(a) => (
                <input
                  {...a}
                  type="text"
                  maxLength={200}
                  autoComplete={v.id_type === 'RUC' ? 'organization' : 'name'}
                  {...text('name')}
                />
              )}
            </Field>
            <Field id="c-email" label={C.email} hint={C.emailHint} error={err('applicant.email')} required className="citizen__wide">
              {(a) => (
                <input {...a} type="email" inputMode="email" autoComplete="email" spellcheck={false} maxLength={254} {...text('email')} />
              )}
            </Field>
            <Field id="c-phone" label={C.phone} error={err('applicant.phone')}>
              {(a) => <input {...a} type="tel" inputMode="tel" autoComplete="tel" maxLength={30} {...text('phone')} />}
            </Field>
            <Field id="c-address" label={C.address} error={err('applicant.address')}>
              {(a) => <input {...a} type="text" autoComplete="street-address" maxLength={300} {...text('address')} />}
            </Field>
          </div>
        </fieldset>

        <fieldset class="citizen__section" disabled={busy}>
          <legend>{C.sectionRequest}</legend>
          <Field id="c-summary" label={C.summary} hint={C.summaryHint} error={err('summary')} required>
            {(a) => <textarea {...a} rows={4} maxLength={SUMMARY_MAX} {...text('summary')} />}
          </Field>
          <p class="hint citizen__counter" aria-live="polite">
            {C.counter(length(v.summary.trim()), SUMMARY_MAX)}
          </p>
          <div class={`citizen__consent${err('consent') || err('applicant.consent') ? ' field--invalid' : ''}`}>
            <label class="choice choice--top">
              <input
                id="c-consent"
                type="checkbox"
                checked={v.consent}
                aria-describedby="c-consent-hint"
                onChange={(e) => set('consent', e.currentTarget.checked)}
              />
              <span>{C.consent}</span>
            </label>
            <p class="hint" id="c-consent-hint">
              {C.consentHint}
            </p>
            {err('consent') || err('applicant.consent') ? (
              <p class="field-error">{err('consent') ?? err('applicant.consent')}</p>
            ) : null}
          </div>
        </fieldset>

        <section class="citizen__section" aria-labelledby="c-files-section">
          <h2 id="c-files-section" class="citizen__legend">
            {C.sectionFiles}
          </h2>
          <CitizenFilePicker
            id="c-files"
            label={C.files}
            hint={C.filesHint(MAX_FILES, MAX_FILE_MB, MAX_TOTAL_MB)}
            files={files}
            busy={busy}
            error={err('files')}
            onAdd={(f) => void addFiles(f)}
            onRemove={(key) => setFiles((old) => old.filter((f) => f.key !== key))}
          />
        </section>

        <div class="citizen__submit">
          <button type="submit" class="btn btn--primary btn--big btn--block" disabled={busy}>
            {busy ? status : C.submit}
          </button>
          <p class="citizen__status" role="status" aria-live="polite">
            {busy ? `${status} ${C.keepOpen}` : ''}
          </p>
        </div>
      </form>
    </div>
  );
}
