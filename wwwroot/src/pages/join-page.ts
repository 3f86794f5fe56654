// Entry point of /join/{secret}: pick the name others will see, then go to the bill.

import { ApiError, joinBill, previewInvite } from '../api';
import { byId } from '../dom';
import { refusalMessage } from '../errors';
import { initI18n, onLangChange, roleLabel, setText, t } from '../i18n';
import { registerServiceWorker } from '../service-worker';
import { pendingAttendanceKey } from '../hybrid-room';

function main(): void {
  initI18n();
  registerServiceWorker();
  const m = /^\/join\/([^/]+)\/?$/.exec(location.pathname);
  const secret = m ? decodeURIComponent(m[1]!) : '';
  const form = byId<HTMLFormElement>('join-form');
  const name = byId<HTMLInputElement>('display-name');
  const nameError = byId('display-name-error');
  const submit = byId<HTMLButtonElement>('join-submit');
  const formError = byId('form-error');
  const remembered = localStorage.getItem('pcd.displayName');
  if (remembered && !name.value) name.value = remembered;

  const previewEl = byId('invite-preview');
  void previewInvite(secret)
    .then((preview) => {
      const render = () => (setText(previewEl, 'join.preview', { title: preview.title, role: roleLabel(preview.role) }));
      render();
      onLangChange(render);
      previewEl.hidden = false;
    })
    .catch((e: unknown) => {
      if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
        setText(formError, 'join.invalid');
        formError.hidden = false;
      }
    });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = name.value.trim();
    if (!value) {
      setText(nameError, 'join.errorName');
      nameError.hidden = false;
      name.setAttribute('aria-invalid', 'true');
      name.focus();
      return;
    }
    nameError.hidden = true;
    name.removeAttribute('aria-invalid');
    submit.disabled = true;
    setText(submit, 'join.joining');
    formError.hidden = true;
    try {
      const { billId } = await joinBill(secret, value);
      localStorage.setItem('pcd.displayName', value);
      // Told to the server by the bill page once it has joined (attendance is deliberation state, on the hub).
      const attendance = form.querySelector<HTMLInputElement>('input[name=attendance]:checked')?.value ?? 'room';
      sessionStorage.setItem(pendingAttendanceKey(billId), attendance);
      location.assign(`/bills/${encodeURIComponent(billId)}`);
    } catch (e) {
      // A bad name is the person's to fix; a dead or revoked link is not: say which.
      formError.textContent =
        e instanceof ApiError && e.code === 'invalid-display-name'
          ? refusalMessage(e)
          : e instanceof ApiError && (e.status === 404 || e.status === 410 || e.status === 403)
            ? t('join.invalid')
            : refusalMessage(e);
      formError.hidden = false;
      submit.disabled = false;
      setText(submit, 'join.submit');
    }
  });
}

main();
