import type { CommandResult } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { todoKey } from './fields';

export type Test =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; value: CommandResult<'workstation-test-connection'> }
  | { kind: 'error'; error: AppError };

/**
 * "Uji koneksi" in plain words: connected (protocol version and round trip), or why not and what
 * to do about it. The live region is always there, so the answer is read out when it arrives.
 */
export function ConnectionResult({ test }: { test: Test }) {
  const { t, f, err, lang } = useT();
  const c = t.setup.connection;
  return (
    <div role="status" className="enroll-result">
      {test.kind === 'done' && test.value.reachable && (
        <p className="alert alert-ok">{f(c.ok, { protocol: test.value.protocol ?? '?', ms: test.value.ms ?? '?' })}</p>
      )}
      {test.kind === 'done' && !test.value.reachable && (
        <div className="alert alert-error" data-code={test.value.code ?? undefined}>
          {/*
           * The core's message is Indonesian and names the cause (no such host, certificate, the
           * answer was not ours): shown as it is in Indonesian. In English the code says it.
           */}
          <p>{lang === 'id' || !test.value.code ? test.value.message : test.value.code === 'VALIDATION' ? c.invalidUrl : test.value.code === 'NOT_FOUND' ? c.notOurServer : err({ code: test.value.code })}</p>
          <p>{c.todo[todoKey(test.value.code)]}</p>
        </div>
      )}
      {test.kind === 'error' && <Issues issues={[test.error]} />}
    </div>
  );
}
