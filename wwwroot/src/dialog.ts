// Small modal dialogs in place of window.prompt/confirm: a real <dialog> (showModal keeps focus inside and
// makes the rest of the page inert), labelled by its title, the field labelled and described, French or
// English through the message table, Escape or "Annuler" cancels, and focus goes back where it was.

import { h } from './dom';
import { setText } from './i18n';

let counter = 0;

interface Base {
  /** The dialog's title (its accessible name). */
  title: string;
  /** Text of the confirming button. */
  submit: string;
  /** The confirming button is red (withdraw, delete…). */
  danger?: boolean;
  /** Where focus goes when the element that opened the dialog is gone (the page re-rendered it). */
  returnFocus?: () => HTMLElement | null | undefined;
}

export interface AskTextOptions extends Base {
  label: string;
  hint?: string;
  value?: string;
  required?: boolean;
  multiline?: boolean;
}

export interface ConfirmOptions extends Base {
  message: string;
}

function open<T>(build: (id: string, form: HTMLFormElement, dialog: HTMLDialogElement) => { first?: HTMLElement; result: () => T | undefined }, opts: Base, cancelled: T): Promise<T> {
  const id = `dlg-${++counter}`;
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = `${id}-title`;
  const form = h('form', { method: 'dialog', class: 'dialog-form' });
  const dialog = h('dialog', { class: 'app-dialog', 'aria-labelledby': titleId, 'data-testid': 'dialog' },
    h('h2', { id: titleId, class: 'dialog-title' }, opts.title), form);
  const { first, result } = build(id, form, dialog);
  const cancel = setText(h('button', { type: 'button', class: 'button', value: 'cancel' }), 'dialog.cancel');
  const ok = h('button', { type: 'submit', class: `button ${opts.danger ? 'danger-fill' : 'primary'}`, value: 'ok' }, opts.submit);
  form.append(h('div', { class: 'dialog-actions' }, cancel, ok));
  document.body.append(dialog);

  return new Promise<T>((resolve) => {
    let value: T = cancelled;
    const finish = () => {
      dialog.remove();
      const back = opener && opener.isConnected ? opener : opts.returnFocus?.();
      back?.focus();
      resolve(value);
    };
    cancel.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', (e) => {
      const r = result();
      if (r === undefined) {
        e.preventDefault(); // invalid: stay open, the field says why
        return;
      }
      value = r;
    });
    dialog.addEventListener('close', finish, { once: true });
    dialog.showModal();
    (first ?? cancel).focus();
  });
}

/** Asks for a text (a reason, a new comment text…); null when cancelled. */
export function askText(opts: AskTextOptions): Promise<string | null> {
  return open<string | null>((id, form) => {
    const fieldId = `${id}-field`;
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const field = opts.multiline
      ? h('textarea', { id: fieldId, rows: 5, class: 'dialog-field' })
      : h('input', { type: 'text', id: fieldId, class: 'dialog-field', autocomplete: 'off' });
    field.value = opts.value ?? '';
    if (opts.required) field.setAttribute('aria-required', 'true');
    const described = [opts.hint ? hintId : null, errorId].filter(Boolean).join(' ');
    field.setAttribute('aria-describedby', described);
    const error = h('p', { id: errorId, class: 'field-error', role: 'alert' });
    form.append(h('label', { for: fieldId, class: 'dialog-label' }, opts.label));
    if (opts.hint) form.append(h('p', { id: hintId, class: 'hint' }, opts.hint));
    form.append(field, error);
    field.addEventListener('input', () => {
      field.removeAttribute('aria-invalid');
      error.textContent = '';
    });
    return {
      first: field,
      result: () => {
        const text = field.value.trim();
        if (opts.required && !text) {
          field.setAttribute('aria-invalid', 'true');
          setText(error, 'dialog.required');
          field.focus();
          return undefined;
        }
        return text;
      },
    };
  }, opts, null);
}

/** Asks to confirm an action; false when cancelled. The cancel button has the focus (the safe choice). */
export function confirmAction(opts: ConfirmOptions): Promise<boolean> {
  return open<boolean>((id, form, dialog) => {
    form.append(h('p', { id: `${id}-message`, class: 'dialog-message' }, opts.message));
    dialog.setAttribute('aria-describedby', `${id}-message`);
    return { result: () => true };
  }, opts, false);
}
