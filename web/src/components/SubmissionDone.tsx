import { useEffect, useRef, useState } from 'preact/hooks';
import type { SubmissionReceipt } from '../api/types';
import { es } from '../i18n/es';

interface Props {
  receipt: SubmissionReceipt;
  email: string;
  files: number;
  onAnother: () => void;
}

/** After submitting: the number, the tracking link (and a button to open it), the e-mail sent. */
export function SubmissionDone({ receipt, email, files, onAnother }: Props) {
  const D = es.citizen.done;
  const title = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    document.title = es.citizen.pageTitle(D.title);
    window.scrollTo(0, 0);
    title.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(receipt.tracking_url);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, a page not served over HTTPS): select the text instead.
      const input = document.getElementById('done-link') as HTMLInputElement | null;
      input?.select();
    }
  };

  return (
    <section class="citizen citizen-done" data-testid="submission-done" aria-labelledby="main-title">
      <div class="citizen-done__card">
        <p class="citizen-done__check" aria-hidden="true">
          ✓
        </p>
        <h1 id="main-title" tabIndex={-1} ref={title}>
          {D.title}
        </h1>
        <p class="citizen-done__lead">{D.lead}</p>
        <dl class="citizen-done__facts">
          <dt>{D.number}</dt>
          <dd class="citizen-done__number" data-testid="submission-number">
            {receipt.number}
          </dd>
        </dl>
        <p>{D.keep}</p>
        <p class="notice notice--success">
          {D.email(email)} {files ? D.files(files) : ''}
        </p>
        <div class="field">
          <label for="done-link">{D.tracking}</label>
          <input
            id="done-link"
            type="text"
            readOnly
            value={receipt.tracking_url}
            class="mono"
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
        <div class="citizen-done__actions">
          <a class="btn btn--primary btn--big" href={receipt.tracking_url} data-testid="tracking-link">
            {D.open}
          </a>
          <button type="button" class="btn btn--big" onClick={() => void copy()}>
            {D.copy}
          </button>
        </div>
        <p class="citizen__status" role="status">
          {copied ? D.copied : ''}
        </p>
        <p>
          <button type="button" class="btn--link citizen-done__again" onClick={onAnother}>
            {D.another}
          </button>
        </p>
      </div>
    </section>
  );
}
