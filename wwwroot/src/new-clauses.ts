// Proposed new articles (amendments with no clause: ProposeAmendment { clauseId: null, afterClauseId }),
// under the bill's articles: the open proposals with their stances and the facilitator's decision, the
// decided ones folded away, and a form to propose one (heading, text, where it goes, motive).

import type { BillModel } from './bill';
import { type AmendmentView, type Deliberation } from './deliberation';
import { renderAmendmentItem, rerenderKeepingFocus } from './amendment-item';
import { h } from './dom';
import { showRefusal } from './errors';
import { onLangChange, setText, t } from './i18n';

const deliberating = new Set(['citizen', 'elected', 'civil-servant', 'facilitator']);

export class NewClauseProposals {
  private readonly heading = h('h2', { id: 'new-clauses-heading', class: 'section-heading' });
  private readonly intro = h('p', { class: 'muted' });
  private readonly list = h('div', { class: 'amendment-list', 'data-testid': 'new-clause-proposals' });
  private readonly decided = h('details', { class: 'decided-proposals' });
  private readonly feedback = h('p', { class: 'delib-feedback', role: 'status', 'aria-live': 'polite', 'data-testid': 'new-clause-feedback' });
  private readonly form: HTMLElement | null;
  private readonly position: HTMLSelectElement;
  private scheduled = false;

  constructor(
    root: HTMLElement,
    private readonly model: BillModel,
    private readonly deliberation: Deliberation,
    private readonly me: { participantId: string; role: string },
  ) {
    this.position = h('select', { id: 'new-clause-position' });
    this.form = deliberating.has(me.role) ? this.buildForm() : null;
    root.setAttribute('aria-labelledby', 'new-clauses-heading');
    root.replaceChildren(this.heading, this.intro, this.list, this.decided, this.form ?? '', this.feedback);
    root.hidden = false;
    deliberation.onChange(() => this.schedule());
    model.clauses.observeDeep(() => this.schedule());
    onLangChange(() => this.render());
    this.render();
  }

  private get canDeliberate(): boolean {
    return deliberating.has(this.me.role);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.render();
    }, 80);
  }

  private placeText(a: AmendmentView, numbers: Map<string, number | undefined>): string {
    const n = a.afterClauseId ? numbers.get(a.afterClauseId) : undefined;
    return n !== undefined ? t('newClause.placedAfter', { n }) : t('newClause.placedAtEnd');
  }

  private render(): void {
    setText(this.heading, 'newClause.heading');
    setText(this.intro, 'newClause.intro');
    const active = this.model.list().active;
    const numbers = new Map(active.map((c) => [c.id, c.number]));
    const all = this.deliberation.newClauseAmendments();
    const open = all.filter((a) => a.status === 'open');
    const done = all.filter((a) => a.status !== 'open');
    const item = (a: AmendmentView) => {
      const el = renderAmendmentItem(a, {
        deliberation: this.deliberation,
        me: this.me,
        canDeliberate: this.canDeliberate,
        canComment: this.canDeliberate || this.me.role === 'clerk',
        feedback: this.feedback,
        base: null,
        adoptMessage: t('amend.adoptNewConfirm'),
        returnFocus: () => this.list.querySelector<HTMLElement>('button') ?? this.heading,
      });
      el.setAttribute('aria-label', t('newClause.itemLabel', { name: a.author.displayName }));
      el.insertBefore(h('p', { class: 'placement muted small' }, this.placeText(a, numbers)), el.children[1] ?? null);
      return el;
    };
    rerenderKeepingFocus(this.list, () =>
      this.list.replaceChildren(...(open.length ? open.map(item) : [setText(h('p', { class: 'muted' }), 'newClause.none')])));
    this.decided.hidden = done.length === 0;
    rerenderKeepingFocus(this.decided, () => {
      const wasOpen = this.decided.open;
      this.decided.replaceChildren(h('summary', {}, t('newClause.decided', { n: done.length })), ...done.map(item));
      this.decided.open = wasOpen;
    });

    // The position choices follow the articles (numbers change as people move them).
    const chosen = this.position.value;
    this.position.replaceChildren(
      setText(h('option', { value: '' }), 'newClause.atEnd'),
      ...active.map((c) => {
        const heading = c.heading.toString().trim();
        return h('option', { value: c.id }, t('newClause.after', { n: c.number ?? '' }) + (heading ? ' — ' + heading : ''));
      }),
    );
    if ([...this.position.options].some((o) => o.value === chosen)) this.position.value = chosen;
  }

  private buildForm(): HTMLElement {
    const headingInput = h('input', { type: 'text', id: 'new-clause-heading' });
    const bodyArea = h('textarea', { id: 'new-clause-body', rows: 4, 'aria-required': 'true', 'aria-describedby': 'new-clause-error' });
    const why = h('textarea', { id: 'new-clause-why', rows: 2 });
    const error = h('p', { id: 'new-clause-error', class: 'field-error' });
    const submit = h('button', { type: 'submit', class: 'button small primary' });
    const summary = h('summary', {});
    const labels = {
      position: h('label', { for: 'new-clause-position' }),
      heading: h('label', { for: 'new-clause-heading' }),
      body: h('label', { for: 'new-clause-body' }),
      why: h('label', { for: 'new-clause-why' }),
    };
    const form = h('form', { 'data-testid': 'new-clause-form' },
      labels.position, this.position, labels.heading, headingInput, labels.body, bodyArea, error, labels.why, why,
      h('div', { class: 'stance-actions' }, submit));
    const details = h('details', { class: 'amend-form new-clause-form' }, summary, form);
    const texts = () => {
      setText(summary, 'newClause.propose');
      setText(labels.position, 'newClause.position');
      setText(labels.heading, 'newClause.headingLabel');
      setText(labels.body, 'newClause.bodyLabel');
      setText(labels.why, 'amend.whyLabel');
      setText(submit, 'newClause.submit');
    };
    texts();
    onLangChange(texts);
    bodyArea.addEventListener('input', () => {
      error.textContent = '';
      bodyArea.removeAttribute('aria-invalid');
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!bodyArea.value.trim()) {
        setText(error, 'newClause.bodyRequired');
        bodyArea.setAttribute('aria-invalid', 'true');
        bodyArea.focus();
        return;
      }
      submit.disabled = true;
      this.deliberation
        .propose({
          ...(this.position.value ? { afterClauseId: this.position.value } : {}),
          heading: headingInput.value.trim(),
          body: bodyArea.value,
          rationale: why.value,
        })
        .then(() => {
          headingInput.value = '';
          bodyArea.value = '';
          why.value = '';
          details.open = false;
          setText(this.feedback, 'newClause.proposed');
        })
        .catch((err) => showRefusal(this.feedback, err, 'delib.refused'))
        .finally(() => (submit.disabled = false));
    });
    return details;
  }
}
