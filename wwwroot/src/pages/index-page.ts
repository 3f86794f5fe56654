// Entry point of `/`: create a bill, then show one invite link per role to copy.

import { createBill } from '../api';
import { byId, h } from '../dom';
import { refusalMessage } from '../errors';
import { initI18n, onLangChange, setText, t } from '../i18n';
import { languageName } from '../bilingual';
import { inviteRow } from '../invites';
import { registerServiceWorker } from '../service-worker';

function fieldError(input: HTMLInputElement | HTMLTextAreaElement, errorEl: HTMLElement, message: string | undefined): boolean {
  errorEl.textContent = message ?? '';
  errorEl.hidden = !message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  return !message;
}

function main(): void {
  initI18n();
  registerServiceWorker();
  const form = byId<HTMLFormElement>('create-form');
  const title = byId<HTMLInputElement>('bill-title');
  const preamble = byId<HTMLTextAreaElement>('bill-preamble');
  const name = byId<HTMLInputElement>('display-name');
  const submit = byId<HTMLButtonElement>('create-submit');
  const formError = byId('form-error');
  const result = byId('result');
  const languages = byId<HTMLSelectElement>('bill-languages');
  // French-first pairs, and English-first French: the bills this assembly writes.
  const pairs = ['fr,en', 'en,fr', 'fr,de', 'fr,es', 'fr,it', 'fr,nl', 'fr,pt'];
  const renderLanguages = () => {
    const chosen = languages.value;
    languages.replaceChildren(
      h('option', { value: '' }, t('index.monolingual')),
      ...pairs.map((p) => {
        const [first, second] = p.split(',') as [string, string];
        return h('option', { value: p }, t('index.bilingual', { first: languageName(first), second: languageName(second) }));
      }));
    languages.value = chosen;
  };
  renderLanguages();
  onLangChange(renderLanguages);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const okTitle = fieldError(title, byId('bill-title-error'), title.value.trim() ? undefined : t('index.errorTitle'));
    const okName = fieldError(name, byId('display-name-error'), name.value.trim() ? undefined : t('index.errorName'));
    if (!okTitle) {
      title.focus();
      return;
    }
    if (!okName) {
      name.focus();
      return;
    }
    submit.disabled = true;
    setText(submit, 'index.creating');
    formError.hidden = true;
    try {
      const created = await createBill(title.value.trim(), preamble.value, name.value.trim(), languages.value ? languages.value.split(',') : []);
      const open = h('a', { class: 'button primary', href: `/bills/${encodeURIComponent(created.billId)}`, id: 'open-bill' }, t('index.open'));
      const heading = h('h2', { id: 'result-heading', tabindex: '-1' }, t('index.created', { title: title.value.trim() }));
      result.replaceChildren(
        heading,
        setText(h('p', {}), 'index.invitesIntro'),
        h('ul', { class: 'invite-list', 'data-testid': 'invites' }, ...created.invites.map((i) => inviteRow(i))),
        h('p', {}, open),
      );
      result.hidden = false;
      form.hidden = true;
      heading.focus();
    } catch (e) {
      formError.textContent = refusalMessage(e);
      formError.hidden = false;
    } finally {
      submit.disabled = false;
      setText(submit, 'index.submit');
    }
  });
}

main();
