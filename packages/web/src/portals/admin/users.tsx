// User accounts and their roles. An administrator cannot lock themself out (the server refuses it
// with SELF_LOCKOUT); the form does not even offer it, so the refusal is a backstop, not a surprise.
import { useState } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { Loading } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { useSession } from '../../ui/session.tsx';
import { fieldError } from './shared.tsx';

const ROLES = ['applicant', 'agent', 'formalities', 'examiner', 'registrar', 'admin'] as const;
const MIN_PASSWORD = 8;
/** The server's rule for user names, checked here first so the answer comes before a round trip. */
const USERNAME = /^[a-z0-9._-]{3,64}$/;

interface AdminUser { id: string; username: string; displayName: string; email: string | null; role: string; partyId: string | null; active: boolean }

export function UsersSection() {
  const i18n = useI18n();
  const { data, error, loading, reload } = useApi<{ items: AdminUser[] }>('/admin/users');
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = data?.items.find((u) => u.id === editing) ?? null;
  return (
    <section aria-labelledby="users-h">
      <h2 id="users-h">{i18n.t('admin.users.title')}</h2>
      {notice ? <div className="alert alert-ok" role="status">{notice}</div> : null}
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data ? (
        <div className="table-scroll">
          <table data-testid="users-table">
            <caption className="sr-only">{i18n.t('admin.users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('admin.users.username')}</th>
                <th scope="col">{i18n.t('admin.users.displayName')}</th>
                <th scope="col">{i18n.t('admin.users.email')}</th>
                <th scope="col">{i18n.t('admin.users.role')}</th>
                <th scope="col">{i18n.t('admin.users.status')}</th>
                <th scope="col"><span className="sr-only">{i18n.t('admin.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((u) => (
                <tr key={u.id} data-testid={`user-row-${u.username}`}>
                  <th scope="row"><span dir="auto">{u.username}</span></th>
                  <td dir="auto">{u.displayName}</td>
                  <td dir="ltr" className="admin-email">{u.email ?? '—'}</td>
                  <td>{i18n.tx(`role.${u.role}`, u.role)}</td>
                  <td>{u.active ? <span className="badge badge-ok">{i18n.t('admin.users.active')}</span> : <span className="badge badge-bad">{i18n.t('admin.users.inactive')}</span>}</td>
                  <td>
                    <button type="button" className="btn btn-link" aria-expanded={editing === u.id} aria-controls="user-edit"
                      onClick={() => { setNotice(null); setEditing(editing === u.id ? null : u.id); }} data-testid={`user-edit-${u.username}`}>
                      {i18n.t('admin.users.edit')}<span className="sr-only"> {u.username}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {current ? (
        <>
          <EditUser key={current.id} user={current} onDone={(msg) => { setEditing(null); setNotice(msg); reload(); }} onCancel={() => setEditing(null)} />
          <SignInPanel key={`signin-${current.id}`} user={current} onDone={(msg) => setNotice(msg)} />
        </>
      ) : null}
      <CreateUser onCreated={(name) => { setNotice(i18n.t('admin.users.created', { name })); reload(); }} />
    </section>
  );
}

function CreateUser({ onCreated }: { onCreated: (username: string) => void }) {
  const i18n = useI18n();
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const [formKey, setFormKey] = useState(0);
  const { run, busy, error } = useAction(async (body: { username: string; displayName: string; email?: string; role: string; password: string }) => {
    await api('/admin/users', { method: 'POST', body });
    setFormKey((k) => k + 1); // a fresh, empty form for the next account
    onCreated(body.username);
  });
  const codes = { USERNAME_TAKEN: 'username', INVALID_USERNAME: 'username', PASSWORD_TOO_SHORT: 'password', UNKNOWN_ROLE: 'role' };
  const err = (name: string) => fieldError(i18n, local, error, name, codes);
  return (
    <form key={formKey} className="form card admin-form" aria-labelledby="user-new-h" noValidate onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const get = (k: string) => String(f.get(k) ?? '').trim();
      const body = { username: get('username'), displayName: get('displayName'), email: get('email') || undefined, role: get('role'), password: String(f.get('password') ?? '') };
      const checks: Record<string, string | undefined> = {
        username: !body.username ? i18n.t('field.required') : USERNAME.test(body.username) ? undefined : i18n.t('field.pattern'),
        displayName: body.displayName ? undefined : i18n.t('field.required'),
        role: body.role ? undefined : i18n.t('field.required'),
        password: !body.password ? i18n.t('field.required') : body.password.length < MIN_PASSWORD ? i18n.t('admin.users.passwordShort', { n: MIN_PASSWORD }) : undefined,
      };
      setLocal(checks);
      if (Object.values(checks).some(Boolean)) return;
      void run(body);
    }}>
      <h3 id="user-new-h">{i18n.t('admin.users.new')}</h3>
      <ErrorSummary error={error} />
      <div className="admin-form-grid">
        <TextField name="username" label={i18n.t('admin.users.username')} required autoComplete="off" maxLength={64} hint={i18n.t('admin.users.usernameRule')} error={err('username')} data-testid="user-new-username" />
        <TextField name="displayName" label={i18n.t('admin.users.displayName')} required maxLength={200} error={err('displayName')} data-testid="user-new-displayName" />
        <TextField name="email" type="email" label={i18n.t('admin.users.email')} maxLength={320} error={err('email')} autoComplete="off" />
        <SelectField name="role" label={i18n.t('admin.users.role')} required defaultValue="" error={err('role')} data-testid="user-new-role">
          <option value="" disabled>{i18n.t('admin.choose')}</option>
          {ROLES.map((r) => <option key={r} value={r}>{i18n.tx(`role.${r}`, r)}</option>)}
        </SelectField>
        <TextField name="password" type="password" label={i18n.t('admin.users.password')} required autoComplete="new-password" maxLength={1000}
          hint={i18n.t('admin.users.passwordHint', { n: MIN_PASSWORD })} error={err('password')} data-testid="user-new-password" />
      </div>
      <div className="btn-row"><SubmitButton busy={busy} data-testid="user-new-submit">{i18n.t('admin.users.create')}</SubmitButton></div>
    </form>
  );
}

function EditUser({ user, onDone, onCancel }: { user: AdminUser; onDone: (msg: string) => void; onCancel: () => void }) {
  const i18n = useI18n();
  const { user: me } = useSession();
  const self = me?.id === user.id;
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const { run, busy, error } = useAction(async (patch: Record<string, unknown>) => {
    await api(`/admin/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: patch });
    onDone(i18n.t('admin.users.saved', { name: user.username }));
  });
  const codes = { SELF_LOCKOUT: 'role', PASSWORD_TOO_SHORT: 'password', UNKNOWN_ROLE: 'role' };
  const err = (name: string) => fieldError(i18n, local, error, name, codes);
  return (
    <form id="user-edit" className="form card admin-form" aria-labelledby="user-edit-h" noValidate onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const displayName = String(f.get('displayName') ?? '').trim();
      const role = self ? user.role : String(f.get('role') ?? user.role);
      const active = self ? true : f.get('active') === 'on';
      const password = String(f.get('password') ?? '');
      const checks = {
        displayName: displayName ? undefined : i18n.t('field.required'),
        password: password && password.length < MIN_PASSWORD ? i18n.t('admin.users.passwordShort', { n: MIN_PASSWORD }) : undefined,
      };
      setLocal(checks);
      if (Object.values(checks).some(Boolean)) return;
      // Only what changed: an untouched field is not rewritten under someone else's concurrent edit.
      const patch: Record<string, unknown> = {};
      if (displayName !== user.displayName) patch.displayName = displayName;
      if (role !== user.role) patch.role = role;
      if (active !== user.active) patch.active = active;
      if (password) patch.password = password;
      if (Object.keys(patch).length === 0) { onCancel(); return; }
      void run(patch);
    }}>
      <h3 id="user-edit-h">{i18n.t('admin.users.editTitle', { name: user.username })}</h3>
      <ErrorSummary error={error} />
      {self ? <p className="alert alert-info">{i18n.t('admin.users.selfNote')}</p> : null}
      <div className="admin-form-grid">
        <TextField name="displayName" label={i18n.t('admin.users.displayName')} required defaultValue={user.displayName} maxLength={200} error={err('displayName')} data-testid="user-edit-displayName" />
        <SelectField name="role" label={i18n.t('admin.users.role')} defaultValue={user.role} disabled={self} error={err('role')} data-testid="user-edit-role">
          {ROLES.map((r) => <option key={r} value={r}>{i18n.tx(`role.${r}`, r)}</option>)}
        </SelectField>
        <TextField name="password" type="password" label={i18n.t('admin.users.newPassword')} autoComplete="new-password" maxLength={1000}
          hint={i18n.t('admin.users.newPasswordHint', { n: MIN_PASSWORD })} error={err('password')} data-testid="user-edit-password" />
      </div>
      <label className="check">
        <input type="checkbox" name="active" defaultChecked={user.active} disabled={self} data-testid="user-edit-active" />
        {i18n.t('admin.users.activeLabel')}
      </label>
      <div className="btn-row">
        <SubmitButton busy={busy} data-testid="user-edit-submit">{i18n.t('common.save')}</SubmitButton>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>{i18n.t('common.cancel')}</button>
      </div>
    </form>
  );
}

interface SignInState { lockedUntil: string | null; secondFactor: boolean; events: { at: string; event: string; address: string | null }[] }

/** An account's sign-in security: whether failures have locked it (and lifting the lock), its second factor, its latest sign-in events. */
export function SignInPanel({ user, onDone }: { user: AdminUser; onDone: (notice: string) => void }) {
  const i18n = useI18n();
  const url = `/admin/users/${encodeURIComponent(user.id)}/sign-in`;
  const { data, error, reload } = useApi<SignInState>(url);
  const unlock = useAction(async () => {
    await api(`/admin/users/${encodeURIComponent(user.id)}/unlock`, { method: 'POST', body: {} });
    reload(); onDone(i18n.t('admin.signin.unlocked', { name: user.username }));
  });
  const reset = useAction(async () => {
    await api(`/admin/users/${encodeURIComponent(user.id)}/second-factor`, { method: 'DELETE' });
    reload(); onDone(i18n.t('admin.signin.factorRemoved', { name: user.username }));
  });
  return (
    <section className="card admin-form" aria-labelledby="signin-h" data-testid="user-signin">
      <h3 id="signin-h">{i18n.t('admin.signin.title', { name: user.username })}</h3>
      <ErrorSummary error={error ?? unlock.error ?? reset.error} />
      {data ? (
        <>
          <dl className="facts">
            <dt>{i18n.t('admin.signin.lock')}</dt>
            <dd data-testid="user-signin-lock">
              {data.lockedUntil ? (
                <>
                  <span className="badge badge-bad">{i18n.t('admin.signin.lockedUntil', { at: i18n.instant(data.lockedUntil) })}</span>{' '}
                  <button type="button" className="btn btn-secondary" disabled={unlock.busy} onClick={() => void unlock.run()} data-testid="user-unlock">{i18n.t('admin.signin.unlock')}</button>
                </>
              ) : i18n.t('admin.signin.notLocked')}
            </dd>
            <dt>{i18n.t('admin.signin.factor')}</dt>
            <dd>
              {data.secondFactor ? (
                <>
                  {i18n.t('admin.signin.factorOn')}{' '}
                  <button type="button" className="btn btn-secondary" disabled={reset.busy} data-testid="user-factor-reset"
                    onClick={() => { if (window.confirm(i18n.t('admin.signin.confirmRemove', { name: user.username }))) void reset.run(); }}>{i18n.t('admin.signin.removeFactor')}</button>
                </>
              ) : i18n.t('admin.signin.factorOff')}
            </dd>
          </dl>
          <h4>{i18n.t('admin.signin.events')}</h4>
          {data.events.length === 0 ? <p className="muted">{i18n.t('admin.signin.noEvents')}</p> : (
            <ul className="signin-events" data-testid="user-signin-events">
              {data.events.slice(0, 20).map((e, i) => (
                <li key={`${e.at}-${i}`}><time dateTime={e.at}>{i18n.instant(e.at)}</time> · {i18n.tx(`admin.signin.event.${e.event}`, e.event)}{e.address ? <> · <span dir="ltr">{e.address}</span></> : null}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
