import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import { fakeApi, okv, type Script } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { EntryWizard } from './EntryWizard';
import { disabled, entryForm, entryView, focused, searchCatalog, SURAT } from './test-fixtures';

/** The wizard for a new entry against a scripted core, and the moves of a typical entry. */
export type User = ReturnType<typeof userEvent.setup>;

export function setup(over: Script = {}, props: { date?: string } = {}) {
  const api = fakeApi({
    'entry-form': () => okv(entryForm()),
    'catalog-search': (a) => okv({ items: searchCatalog(a.query) }),
    'catalog-favorite-set': (a) => okv({ activityId: a.activityId, favorite: a.favorite }),
    'entry-check': () => okv({ issues: [] }),
    'entry-create': (a) =>
      okv({
        entry: entryView({ ...a, activityText: a.activityText ?? null, rhkId: a.rhkId ?? null, evidenceNote: a.evidenceNote ?? null, status: a.submit ? 'submitted' : 'draft' }),
        warnings: [],
      }),
    ...over,
  });
  const user = userEvent.setup();
  const rendered = renderScreen(<EntryWizard {...props} />, { api, route: { name: 'entry' } });
  // Not a spread: the render result's `routes` is not an enumerable property.
  return Object.assign(rendered, { api, user });
}

export const heading = (name: string) => screen.findByRole('heading', { level: 2, name });
/** The step's question took the focus (a keyboard user starts there). */
export async function headingFocused(name: string) {
  const h = await heading(name);
  await waitFor(() => expect(focused(h)).toBe(true));
}
export const button = (name: string | RegExp) => screen.getByRole('button', { name });

export async function pickToday(user: User) {
  await user.click(await screen.findByRole('button', { name: 'Hari ini (Rabu, 25 Nov)' }));
  await heading('Aktivitas apa yang dikerjakan?');
}

export async function toTimeStep(user: User, activity = SURAT.name) {
  await pickToday(user);
  await user.click(await screen.findByRole('button', { name: new RegExp(`^${activity.replace(/[()]/g, '\\$&')}`) }));
  await heading('Jam berapa dikerjakan?');
}

export async function toOutputStep(user: User) {
  await toTimeStep(user);
  await user.click(button('+1 jam'));
  await waitFor(() => expect(disabled(button('Lanjut'))).toBe(false));
  await user.click(button('Lanjut'));
  await heading('Apa hasilnya?');
}

export async function toReview(user: User) {
  await toOutputStep(user);
  await user.type(screen.getByLabelText('Uraian'), 'Konsep surat undangan rapat evaluasi kelembagaan');
  await user.click(button('Lanjut'));
  await heading('Periksa lalu kirim');
}
