/** A one-line text field (filter, search, export path) as a value plus cursor. */

export interface LineEdit {
  text: string;
  cursor: number;
}

export type EditKey = 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'killLine' | 'killWord';

export function editOf(text: string): LineEdit {
  return { text, cursor: text.length };
}

/** Insert typed or pasted text; control characters are dropped so they never reach the screen. */
export function insertText(edit: LineEdit, typed: string): LineEdit {
  const clean = typed.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (!clean) return edit;
  return {
    text: edit.text.slice(0, edit.cursor) + clean + edit.text.slice(edit.cursor),
    cursor: edit.cursor + clean.length,
  };
}

export function applyEditKey(edit: LineEdit, key: EditKey): LineEdit {
  const { text, cursor } = edit;
  switch (key) {
    case 'left':
      return { text, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { text, cursor: Math.min(text.length, cursor + 1) };
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
    case 'backspace':
      return cursor === 0 ? edit : { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return cursor >= text.length ? edit : { text: text.slice(0, cursor) + text.slice(cursor + 1), cursor };
    case 'killLine':
      return { text: '', cursor: 0 };
    case 'killWord': {
      const before = text.slice(0, cursor).replace(/\S*\s*$/, '');
      return { text: before + text.slice(cursor), cursor: before.length };
    }
  }
}

/** The field as it should look with a cursor block, scrolled to fit `width`. */
export function renderEdit(edit: LineEdit, width: number): { before: string; atCursor: string; after: string } {
  const { text, cursor } = edit;
  let start = 0;
  if (width > 1 && cursor >= width) start = cursor - width + 1;
  const visible = text.slice(start, start + Math.max(1, width));
  const at = cursor - start;
  return { before: visible.slice(0, at), atCursor: visible[at] ?? ' ', after: visible.slice(at + 1) };
}
