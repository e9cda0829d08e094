import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Dialog } from './Dialog';

function Page({ closable = true }: { closable?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Hapus draf
      </button>
      {open && (
        <Dialog
          title="Hapus draf ini?"
          {...(closable ? { onClose: () => setOpen(false) } : {})}
          actions={
            <>
              <button type="button" onClick={() => setOpen(false)}>
                Batal
              </button>
              <button type="button" data-autofocus onClick={() => setOpen(false)}>
                Ya, hapus
              </button>
            </>
          }
        >
          <p>Draf tanggal 25 November akan dihapus.</p>
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('is a labelled modal dialog that takes the focus and gives it back when it closes', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Hapus draf' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Hapus draf ini?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toContain('25 November');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ya, hapus' }));

    await user.click(screen.getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the dialog, both ways', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Hapus draf' }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Batal' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ya, hapus' }));
  });

  it('closes on Escape when it may be dismissed, and not when it must be answered', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Hapus draf' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    unmount();

    render(<Page closable={false} />);
    await user.click(screen.getByRole('button', { name: 'Hapus draf' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
