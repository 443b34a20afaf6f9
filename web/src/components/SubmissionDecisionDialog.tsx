import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { ObserveInput, Problem, RejectInput, Submission } from '../api/types';
import { es } from '../i18n/es';
import { parseDmy } from '../lib/format';
import { Field } from './Field';
import { FormDialog } from './FormDialog';

interface Props {
  kind: 'observe' | 'reject';
  submission: Submission;
  onDone: (s: Submission) => void;
  onClose: () => void;
}

const S = es.submissions;

/** dd/mm/yyyy, `days` from today (a first suggestion for the correction deadline). */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** A field error found before asking the server, shown like the server's own. */
function localError(field: string, message: string): ApiError {
  const problem = { status: 422, title: message, detail: message, errors: [{ field, message }] } as unknown as Problem;
  return new ApiError(422, problem);
}

/**
 * "Observar" (what to correct and until which day, typed dd/mm/aaaa and sent as YYYY-MM-DD)
 * or "Rechazar" (why). The citizen is told by e-mail; the server records both in the audit.
 */
export function SubmissionDecisionDialog({ kind, submission: s, onDone, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState(kind === 'observe' ? inDays(10) : '');
  const observe = kind === 'observe';
  const fields: Record<string, [string, string]> = {
    reason: [observe ? S.observeReason : S.rejectReason, 'sd-reason'],
    deadline: [S.deadline, 'sd-deadline'],
  };

  const submit = async () => {
    if (observe) {
      const day = parseDmy(deadline);
      if (!day) throw localError('deadline', S.badDate);
      const body: ObserveInput = { reason: reason.trim(), deadline: day };
      onDone(await api.post<Submission>(`/api/v1/submissions/${s.id}/observe`, body));
    } else {
      const body: RejectInput = { reason: reason.trim() };
      onDone(await api.post<Submission>(`/api/v1/submissions/${s.id}/reject`, body));
    }
  };

  return (
    <FormDialog
      title={observe ? S.observeTitle(s.number) : S.rejectTitle(s.number)}
      submitLabel={observe ? S.observe : S.reject}
      fields={fields}
      onSubmit={submit}
      onClose={onClose}
    >
      {(errors) => (
        <div class="form-grid">
          <Field
            id="sd-reason"
            label={fields.reason![0]}
            hint={observe ? S.observeReasonHint : S.rejectReasonHint}
            error={errors.reason}
            required
            className="span-4"
          >
            {(a) => (
              <textarea
                {...a}
                rows={4}
                maxLength={1000}
                value={reason}
                autoFocus
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            )}
          </Field>
          {observe ? (
            <Field id="sd-deadline" label={S.deadline} hint={S.deadlineHint} error={errors.deadline} required>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  inputMode="numeric"
                  placeholder={es.search.datePlaceholder}
                  autoComplete="off"
                  value={deadline}
                  onInput={(e) => setDeadline(e.currentTarget.value)}
                />
              )}
            </Field>
          ) : null}
        </div>
      )}
    </FormDialog>
  );
}
