// One CodeMirror 6 editor bound to one Y.Text (y-codemirror.next): the bill's title, its preamble,
// each article's heading and body. Large readable text, line wrapping, Markdown for bodies, other
// people's cursors and selections with their names, read-only with a visible reason when needed.

import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, drawSelection, placeholder as placeholderExt, highlightSpecialChars } from '@codemirror/view';
import { defaultKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { remoteCaretNames } from './cursor-names';

export interface TextEditorOptions {
  ytext: Y.Text;
  awareness: Awareness;
  parent: HTMLElement;
  label: string;
  /** One line only (titles, headings): Enter does nothing and pasted line breaks become spaces. */
  singleLine?: boolean;
  markdown?: boolean;
  readOnly: boolean;
  placeholder?: string;
  /** id of an element describing the field (help text, read-only reason). */
  describedBy?: string;
  className?: string;
}

const theme = EditorView.theme({
  '&': {
    fontSize: '1.125rem',
    backgroundColor: 'var(--field-bg)',
    color: 'var(--text)',
    border: '1px solid var(--field-border)',
    borderRadius: '6px',
  },
  '&.cm-focused': {
    outline: '3px solid var(--focus)',
    outlineOffset: '2px',
  },
  '.cm-content': {
    fontFamily: 'var(--font-text)',
    lineHeight: '1.6',
    padding: '0.6rem 0.75rem',
    caretColor: 'var(--text)',
  },
  '.cm-line': { padding: '0' },
  '.cm-placeholder': { color: 'var(--muted)' },
  // Names stay visible next to remote carets, not only on hover: people need to know who types where.
  '.cm-ySelectionInfo': {
    opacity: '1',
    fontFamily: 'var(--font-ui)',
    fontSize: '0.75rem',
    fontWeight: '600',
    padding: '1px 4px',
    borderRadius: '3px 3px 3px 0',
    top: '-1.35em',
    color: '#fff',
  },
  '.cm-ySelectionCaret': { borderLeftWidth: '2px', borderRightWidth: '0' },
  '&.pcd-readonly': { backgroundColor: 'var(--readonly-bg)' },
});

const singleLineFilter = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || !(tr.isUserEvent('input') || tr.isUserEvent('paste') || tr.isUserEvent('drop'))) return tr;
  let hasBreak = false;
  tr.changes.iterChanges((_fa, _ta, _fb, _tb, inserted) => {
    if (inserted.lines > 1) hasBreak = true;
  });
  if (!hasBreak) return tr;
  const changes: { from: number; to: number; insert: string }[] = [];
  tr.changes.iterChanges((fromA, toA, _fb, _tb, inserted) => {
    changes.push({ from: fromA, to: toA, insert: inserted.toString().replace(/\s*\n\s*/g, ' ') });
  });
  return { changes, selection: undefined, userEvent: 'input' };
});

export class TextEditor {
  readonly view: EditorView;
  private readonly readOnlyCompartment = new Compartment();
  private readonly ariaCompartment = new Compartment();
  private label: string;
  private readOnly: boolean;
  private readonly describedBy: string | undefined;
  private readonly singleLine: boolean;

  constructor(options: TextEditorOptions) {
    this.label = options.label;
    this.readOnly = options.readOnly;
    this.describedBy = options.describedBy;
    this.singleLine = options.singleLine ?? false;
    const extensions: Extension[] = [
      theme,
      highlightSpecialChars(),
      drawSelection(),
      EditorView.lineWrapping,
      keymap.of([...yUndoManagerKeymap, ...(this.singleLine ? [{ key: 'Enter', run: () => true }] : []), ...defaultKeymap]),
      yCollab(options.ytext, options.awareness),
      remoteCaretNames,
      this.readOnlyCompartment.of(this.readOnlyExtensions()),
      this.ariaCompartment.of(this.ariaAttributes()),
    ];
    if (options.markdown) extensions.push(markdown(), syntaxHighlighting(defaultHighlightStyle, { fallback: true }));
    if (this.singleLine) extensions.push(singleLineFilter);
    if (options.placeholder) extensions.push(placeholderExt(options.placeholder));
    if (options.className) extensions.push(EditorView.editorAttributes.of({ class: options.className }));

    this.view = new EditorView({
      state: EditorState.create({ doc: options.ytext.toString(), extensions }),
      parent: options.parent,
    });
  }

  private readOnlyExtensions(): Extension {
    return this.readOnly
      ? [EditorState.readOnly.of(true), EditorView.editorAttributes.of({ class: 'pcd-readonly' })]
      : [];
  }

  private ariaAttributes(): Extension {
    const attrs: Record<string, string> = {
      'aria-label': this.label,
      'aria-multiline': this.singleLine ? 'false' : 'true',
      role: 'textbox',
    };
    if (this.readOnly) attrs['aria-readonly'] = 'true';
    if (this.describedBy) attrs['aria-describedby'] = this.describedBy;
    return EditorView.contentAttributes.of(attrs);
  }

  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.readOnly) return;
    this.readOnly = readOnly;
    this.view.dispatch({
      effects: [
        this.readOnlyCompartment.reconfigure(this.readOnlyExtensions()),
        this.ariaCompartment.reconfigure(this.ariaAttributes()),
      ],
    });
  }

  setLabel(label: string): void {
    if (label === this.label) return;
    this.label = label;
    this.view.dispatch({ effects: this.ariaCompartment.reconfigure(this.ariaAttributes()) });
  }

  /** The caret's offset in the text (the head of the main selection). */
  get cursor(): number {
    return this.view.state.selection.main.head;
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}
