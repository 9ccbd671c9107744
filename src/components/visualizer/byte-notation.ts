/** How a byte is written in the byte views: hex, binary or decimal. */
import { bitString, hexByte } from '../../lib/format';

export type Notation = 'hex' | 'binary' | 'decimal';

export const NOTATIONS: readonly { value: Notation; label: string }[] = [
  { value: 'hex', label: 'Hex' },
  { value: 'binary', label: 'Binary' },
  { value: 'decimal', label: 'Decimal' },
];

export function formatByte(value: number, notation: Notation): string {
  switch (notation) {
    case 'hex': return hexByte(value);
    case 'binary': return bitString(value, 8);
    case 'decimal': return String(value);
  }
}
