// Other people's carets (y-codemirror.next) carry their name as text inside the editable line, which a
// screen reader would read in the middle of the sentence. This gives each caret an accessible name
// ("Camille's cursor", role img) so it is announced as one thing, not spelled into the text.

import { ViewPlugin, type EditorView } from '@codemirror/view';
import { t } from './i18n';

function nameCarets(view: EditorView): void {
  for (const caret of view.contentDOM.querySelectorAll<HTMLElement>('.cm-ySelectionCaret')) {
    const name = caret.querySelector('.cm-ySelectionInfo')?.textContent ?? '';
    const label = t('cursor.label', { name });
    if (caret.getAttribute('aria-label') === label) continue;
    caret.setAttribute('role', 'img');
    caret.setAttribute('aria-label', label);
  }
}

/** Names the remote carets after every redraw. */
export const remoteCaretNames = ViewPlugin.fromClass(
  class {
    constructor(view: EditorView) {
      queueMicrotask(() => nameCarets(view));
    }

    update(u: { view: EditorView }): void {
      // The carets are drawn after the update: name them once the DOM is there.
      u.view.requestMeasure({ read: () => null, write: () => nameCarets(u.view) });
    }
  },
);
