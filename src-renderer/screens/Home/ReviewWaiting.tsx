import { useEffect, useState } from 'react';
import { useApi, useNav, useSession } from '../../app/context';
import { useSyncRefresh } from '../../app/use-sync-refresh';
import { useT } from '../../i18n';

/**
 * For people with subordinates: "N aktivitas menunggu verifikasi Anda", one tap to Verifikasi.
 * Nothing is shown (and nothing asked of the core) for staff, when nothing waits, or when the
 * queue cannot be read: Beranda is about the person's own work first.
 */
export function ReviewWaiting() {
  const api = useApi();
  const { t, f } = useT();
  const { info } = useSession();
  const { navigate } = useNav();
  const supervisor = info.employee.hasSubordinates;
  const [waiting, setWaiting] = useState(0);

  useEffect(() => {
    if (!supervisor) return;
    let live = true;
    void api.send('review-queue', {}).then((r) => {
      if (live && r.ok) setWaiting(r.value.total);
    });
    return () => {
      live = false;
    };
  }, [api, supervisor]);

  // A sync may bring new entries to verify, or decisions made on another PC.
  useSyncRefresh(() => {
    if (!supervisor) return;
    void api.send('review-queue', {}).then((r) => {
      if (r.ok) setWaiting(r.value.total);
    });
  });

  if (waiting === 0) return null;
  return (
    <button type="button" className="btn btn-big home-review" onClick={() => navigate({ name: 'review' })}>
      {f(waiting === 1 ? t.review.homeCard.waitingOne : t.review.homeCard.waiting, { n: waiting })}
    </button>
  );
}
