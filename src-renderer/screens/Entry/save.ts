import type { EntryView } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import type { Api } from '../../api';
import { entryFields, type Editing, type Values } from './state';

export type Saved = { ok: true; entry: EntryView; warnings: AppError[] } | { ok: false; error: AppError; saved: EntryView | null };

/**
 * One save from the review step. A new entry is one entry-create (submit or not). An edit is
 * entry-update, then entry-submit when sending: if the update went through and the submit did
 * not, `saved` carries the updated entry so the wizard holds its new revision and a second try
 * does not fail as stale.
 */
export async function saveEntry(api: Api, values: Values, editing: Editing | null, submit: boolean): Promise<Saved> {
  const fields = entryFields(values);
  if (!editing) {
    const r = await api.send('entry-create', { ...fields, submit });
    return r.ok ? { ok: true, ...r.value } : { ok: false, error: r.error, saved: null };
  }
  const updated = await api.send('entry-update', { entryId: editing.id, rev: editing.rev, changes: fields });
  if (!updated.ok) return { ok: false, error: updated.error, saved: null };
  if (!submit) return { ok: true, ...updated.value };
  const sent = await api.send('entry-submit', { entryId: updated.value.entry.id, rev: updated.value.entry.rev });
  if (!sent.ok) return { ok: false, error: sent.error, saved: updated.value.entry };
  // The update's warnings (outside working hours …) still hold for what was sent.
  return { ok: true, entry: sent.value.entry, warnings: [...updated.value.warnings, ...sent.value.warnings] };
}

export const editingOf = (e: EntryView): Editing => ({ id: e.id, rev: e.rev, status: e.status, reviewNote: e.reviewNote });
