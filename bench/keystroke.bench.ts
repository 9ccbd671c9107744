/**
 * The work a keystroke in a signing visualizer starts: sign with a full trace, then turn the trace into
 * stages. One frame is about 16 ms; this must fit well inside it for ordinary payloads. HS256 is chapter 4's
 * visualizer; RS256 (with the BigInt check s^e mod n = m) is chapter 9's. At 200 KB it takes longer than a
 * frame, which is why inputs over afterInput's LARGE_INPUT wait for a pause in typing.
 */
import { bench, describe } from 'vitest';
import { generateKeyPair, secretFromText, sign, type KeyInput } from '../src/lib/jwt';
import { stagesOf } from '../src/components/visualizer/stages';

const payloadOf = (size: number) => JSON.stringify({ sub: 'ada', note: 'Zoë 日本 '.repeat(size / 16).slice(0, size - 30) });
const keys: [string, KeyInput][] = [
  ['HS256', secretFromText('super-secret')],
  ['RS256', (await generateKeyPair('RS256')).privateKey],
];

for (const [alg, key] of keys) {
  const header = `{"alg":"${alg}","typ":"JWT"}`;
  for (const [name, size] of [['1 KB', 1024], ['64 KB', 65536], ['200 KB', 200_000]] as const) {
    const payload = payloadOf(size);
    describe(`keystroke → ${alg} trace and stages, ${name} payload`, () => {
      bench('sign with trace + stagesOf', async () => {
        const { trace } = await sign(header, payload, key, { trace: true });
        stagesOf(trace!);
      });
    });
  }
}
