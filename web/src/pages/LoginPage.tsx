import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage, setCsrfToken } from '../api/client';
import type { Me, Session } from '../api/types';
import { Field } from '../components/Field';
import { es } from '../i18n/es';

interface Props {
  onLogin: (me: Me) => void;
  /** Why the user is here (session expired, …). */
  reason?: string | null;
}

/** Log in; after too many failures the server says how long to wait, and the button waits. */
export function LoginPage({ onLogin, reason }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useState(0);
  const userRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = es.app.title(es.login.title);
    userRef.current?.focus();
  }, []);

  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || wait > 0) return;
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const s = await api.post<Session>('/api/v1/session', { username: username.trim(), password });
      setCsrfToken(s.csrf_token);
      onLogin(s.me);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) {
        setFields(err.fieldMap());
        if (err.status === 429) setWait(err.retryAfter ?? 60);
      }
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <main class="login" id="main">
      <div class="login__card">
        <div class="login__brand">
          <img src="/favicon.svg" alt="" width={44} height={44} />
          <div>
            <p class="login__name">{es.app.name}</p>
            <p class="login__full">{es.app.fullName}</p>
          </div>
        </div>
        <h1>{es.login.title}</h1>
        <p>{es.login.intro}</p>
        {reason && !error ? (
          <p class="notice notice--info" role="status">
            {reason}
          </p>
        ) : null}
        {error ? (
          <div class="notice notice--error" role="alert" data-testid="login-error">
            <p>{error}</p>
            {wait > 0 ? <p>{es.login.throttledWait(wait)}</p> : null}
          </div>
        ) : null}
        <form onSubmit={submit} noValidate>
          <Field id="login-username" label={es.login.username} error={fields.username}>
            {(a) => (
              <input
                {...a}
                ref={userRef}
                name="username"
                type="text"
                autoComplete="username"
                autoCapitalize="none"
                spellcheck={false}
                value={username}
                onInput={(e) => setUsername(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="login-password" label={es.login.password} error={fields.password}>
            {(a) => (
              <input
                {...a}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" class="btn btn--primary btn--block" disabled={busy || wait > 0}>
            {busy ? es.login.submitting : es.login.submit}
          </button>
        </form>
        <p class="login__notice">{es.login.notice}</p>
        <p class="login__citizen">
          {es.login.citizen} <a href="/mesa-virtual">{es.login.citizenLink}</a>
        </p>
      </div>
    </main>
  );
}
