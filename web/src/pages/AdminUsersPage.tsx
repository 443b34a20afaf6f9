import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Page, Profile, User, UserInput, UserPatch } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Field } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { PageHeader } from '../components/PageHeader';
import { UnitPicker } from '../components/UnitPicker';
import { es } from '../i18n/es';
import { flash } from '../lib/notices';
import { useSession } from '../lib/session';
import { matchesWords } from '../lib/text';
import { useAsync } from '../lib/useAsync';

const PROFILES: Profile[] = ['DESK', 'OFFICE', 'LOADER', 'VIEWER', 'AUTHORITY', 'ADMIN'];
const T = es.admin.users;

const FIELDS: Record<string, [string, string]> = {
  username: [T.username, 'u-username'],
  name: [T.name, 'u-name'],
  email: [T.email, 'u-email'],
  profile: [T.profile, 'u-profile'],
  unit_id: [T.unit, 'u-unit'],
  password: [T.password, 'u-password'],
  active: [T.active, 'u-name'],
};

interface Draft {
  username: string;
  name: string;
  email: string;
  profile: Profile;
  unit_id: number | null;
  password: string;
  sees_subunits: boolean;
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | { kind: 'active'; user: User };

/** ADMIN: users (create, change profile and unit, deactivate or reactivate, reset password). */
export function AdminUsersPage() {
  const { me } = useSession();
  const users = useAsync(() => api.get<Page<User>>('/api/v1/users', { per_page: 500 }), []);
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);

  const list = useMemo(() => {
    const all = users.data?.items ?? [];
    return filter.trim()
      ? all.filter((u) => matchesWords(`${u.username} ${u.name} ${u.unit?.name ?? ''} ${es.profiles[u.profile] ?? ''}`, filter))
      : all;
  }, [users.data, filter]);

  const open = (d: Dialog) => {
    setDialog(d);
    const u = d.kind === 'create' ? null : d.user;
    setDraft({
      username: u?.username ?? '',
      name: u?.name ?? '',
      email: u?.email ?? '',
      profile: (u?.profile as Profile | undefined) ?? 'DESK',
      unit_id: u?.unit_id ?? null,
      password: '',
      sees_subunits: u?.sees_subunits ?? false,
    });
  };
  const close = () => {
    setDialog(null);
    setDraft(null);
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));

  const userFields = (errors: Record<string, string>, withUsername: boolean, withPassword: boolean) =>
    draft ? (
      <div class="form-grid">
        {withUsername ? (
          <Field id="u-username" label={T.username} error={errors.username} required>
            {(a) => (
              <input {...a} type="text" autoComplete="off" spellcheck={false} value={draft.username} onInput={(e) => set('username', e.currentTarget.value)} />
            )}
          </Field>
        ) : null}
        <Field id="u-name" label={T.name} error={errors.name} required className={withUsername ? undefined : 'span-2'}>
          {(a) => <input {...a} type="text" autoComplete="off" value={draft.name} onInput={(e) => set('name', e.currentTarget.value)} />}
        </Field>
        <Field id="u-email" label={T.email} error={errors.email}>
          {(a) => <input {...a} type="email" autoComplete="off" value={draft.email} onInput={(e) => set('email', e.currentTarget.value)} />}
        </Field>
        <Field id="u-profile" label={T.profile} error={errors.profile} required>
          {(a) => (
            <select {...a} value={draft.profile} onChange={(e) => set('profile', e.currentTarget.value as Profile)}>
              {PROFILES.map((p) => (
                <option key={p} value={p}>
                  {es.profiles[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="u-unit" label={T.unit} error={errors.unit_id} required={draft.profile !== 'ADMIN'} className="span-2">
          {(a) => <UnitPicker a11y={a} value={draft.unit_id} onChange={(id) => set('unit_id', id)} />}
        </Field>
        {withPassword ? (
          <Field id="u-password" label={T.password} hint={T.passwordHint} error={errors.password} required>
            {(a) => (
              <input {...a} type="password" autoComplete="new-password" value={draft.password} onInput={(e) => set('password', e.currentTarget.value)} />
            )}
          </Field>
        ) : null}
        <label class="choice span-2">
          <input type="checkbox" checked={draft.sees_subunits} onChange={(e) => set('sees_subunits', e.currentTarget.checked)} />
          {T.seesSubunits}
        </label>
      </div>
    ) : null;

  return (
    <>
      <PageHeader title={T.title} intro={T.intro}>
        <button type="button" class="btn btn--primary" onClick={() => open({ kind: 'create' })}>
          {T.create}
        </button>
      </PageHeader>
      <div class="toolbar">
        <Field id="u-filter" label={T.filter} className="field--inline">
          {(a) => <input {...a} type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />}
        </Field>
      </div>
      {users.error ? <p class="notice notice--error">{users.error}</p> : null}
      {users.loading && !users.data ? <p role="status">{es.common.loadingList}</p> : null}
      {list.length ? (
        <div class="table-wrap">
          <table class="table table--cards" data-testid="users">
            <thead>
              <tr>
                <th scope="col">{T.username}</th>
                <th scope="col">{T.name}</th>
                <th scope="col">{T.profile}</th>
                <th scope="col">{T.unit}</th>
                <th scope="col">{T.active}</th>
                <th scope="col">{es.common.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id} class={u.active ? undefined : 'row--muted'}>
                  <td data-label={T.username} class="mono">
                    {u.username}
                  </td>
                  <td data-label={T.name}>{u.name}</td>
                  <td data-label={T.profile}>{es.profiles[u.profile] ?? u.profile}</td>
                  <td data-label={T.unit}>{u.unit?.name ?? es.common.none}</td>
                  <td data-label={T.active}>
                    <span class={`badge ${u.active ? 'badge--ok' : 'badge--off'}`}>{u.active ? es.common.active : es.common.inactive}</span>
                  </td>
                  <td data-label={es.common.actions} class="cell-actions">
                    <button type="button" class="btn btn--small" onClick={() => open({ kind: 'edit', user: u })}>
                      {es.common.edit}
                    </button>
                    <button type="button" class="btn btn--small" onClick={() => open({ kind: 'password', user: u })}>
                      {T.resetPassword}
                    </button>
                    {u.id !== me.user.id ? (
                      <button type="button" class={`btn btn--small${u.active ? ' btn--danger' : ''}`} onClick={() => open({ kind: 'active', user: u })}>
                        {u.active ? T.deactivate : T.activate}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {dialog?.kind === 'create' && draft ? (
        <FormDialog
          title={T.create}
          submitLabel={T.createSubmit}
          fields={FIELDS}
          onClose={close}
          onSubmit={async () => {
            const body: UserInput = {
              username: draft.username.trim(),
              name: draft.name,
              email: draft.email.trim() || undefined,
              profile: draft.profile,
              unit_id: draft.unit_id,
              password: draft.password,
              sees_subunits: draft.sees_subunits,
            };
            await api.post('/api/v1/users', body);
            flash(T.created(body.username));
            await users.reload();
          }}
        >
          {(errors) => userFields(errors, true, true)}
        </FormDialog>
      ) : null}

      {dialog?.kind === 'edit' && draft ? (
        <FormDialog
          title={T.edit(dialog.user.username)}
          submitLabel={es.common.save}
          fields={FIELDS}
          onClose={close}
          onSubmit={async () => {
            const u = dialog.user;
            const body: UserPatch = {};
            if (draft.name !== u.name) body.name = draft.name;
            if (draft.email !== u.email) body.email = draft.email;
            if (draft.profile !== u.profile) body.profile = draft.profile;
            if (draft.unit_id !== u.unit_id) body.unit_id = draft.unit_id;
            if (draft.sees_subunits !== u.sees_subunits) body.sees_subunits = draft.sees_subunits;
            await api.patch(`/api/v1/users/${u.id}`, body);
            flash(T.saved(u.username));
            await users.reload();
          }}
        >
          {(errors) => userFields(errors, false, false)}
        </FormDialog>
      ) : null}

      {dialog?.kind === 'password' && draft ? (
        <FormDialog
          title={T.passwordTitle(dialog.user.username)}
          submitLabel={T.resetPassword}
          fields={{ password: [T.newPassword, 'u-password'] }}
          onClose={close}
          onSubmit={async () => {
            await api.patch(`/api/v1/users/${dialog.user.id}`, { password: draft.password });
            flash(T.passwordReset(dialog.user.username));
          }}
        >
          {(errors) => (
            <Field id="u-password" label={T.newPassword} hint={T.passwordHint} error={errors.password} required>
              {(a) => (
                <input {...a} type="password" autoComplete="new-password" value={draft.password} onInput={(e) => set('password', e.currentTarget.value)} />
              )}
            </Field>
          )}
        </FormDialog>
      ) : null}

      {dialog?.kind === 'active' ? (
        <ConfirmDialog
          title={dialog.user.active ? T.deactivateTitle(dialog.user.username) : T.activateTitle(dialog.user.username)}
          confirmLabel={dialog.user.active ? T.deactivate : T.activate}
          danger={dialog.user.active}
          onClose={close}
          onConfirm={async () => {
            await api.patch(`/api/v1/users/${dialog.user.id}`, { active: !dialog.user.active });
            flash(dialog.user.active ? T.deactivated(dialog.user.username) : T.activated(dialog.user.username));
            await users.reload();
          }}
        />
      ) : null}
    </>
  );
}
