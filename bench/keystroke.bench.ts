/**
 * The work a keystroke in the generation visualizer starts: sign with a full trace, then turn the trace
 * into stages. One frame is about 16 ms; this must fit well inside it for ordinary payloads.
 */
import { bench, describe } from 'vitest';
import { secretFromText, sign } from '../src/lib/jwt';
import { stagesOf } from '../src/components/visualizer/stages';

const secret = secretFromText('super-secret');
const header = '{"alg":"HS256","typ":"JWT"}';
const payloadOf = (size: number) => JSON.stringify({ sub: 'ada', note: 'Zoë 日本 '.repeat(size / 16).slice(0, size - 30) });

for (const [name, size] of [['1 KB', 1024], ['64 KB', 65536]] as const) {
  const payload = payloadOf(size);
  describe(`keystroke → trace and stages, ${name} payload`, () => {
    bench('sign with trace + stagesOf', async () => {
      const { trace } = await sign(header, payload, secret, { trace: true });
      stagesOf(trace!);
    });
  });
}
