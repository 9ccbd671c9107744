/**
 * DER elements laid out for the two DER views: the tree as indented rows (DerView, byte by byte) and each
 * element's value in words (DerTree). The elements and their field names come from the core's readDer.
 */
import { SMALL_BITS, bitLength } from '../../lib/format';
import { OID_NAMES, bytesToBigInt, type DerNode } from '../../lib/jwt';

export interface DerRow {
  node: DerNode;
  /** How deep the element is nested: 0 for the outermost. */
  depth: number;
}

/** Every element, outermost first, in the order their tag bytes appear. */
export function derRows(node: DerNode, depth = 0): DerRow[] {
  return [{ node, depth }, ...(node.children ?? []).flatMap((child) => derRows(child, depth + 1))];
}

export interface DerValue {
  /** The value in words: an OID's name, a small INTEGER in decimal, a large one's size in bits. */
  detail?: string;
  /** A large INTEGER's bytes (without DER's sign byte), to show in hex. */
  bytes?: Uint8Array;
}

/** What an element holds, in words. */
export function derValue(node: DerNode): DerValue {
  if (node.oid) return { detail: `${OID_NAMES[node.oid] ?? 'unknown'} (${node.oid})` };
  if (node.tagName === 'NULL') return { detail: 'no contents' };
  if (node.tagName === 'INTEGER') {
    const bits = bitLength(node.value);
    if (bits <= SMALL_BITS) return { detail: bytesToBigInt(node.value).toString() };
    // DER INTEGERs are signed: a number whose top bit is set gets a 00 byte in front, or it would read as negative.
    const padded = node.value.length > 1 && node.value[0] === 0;
    return {
      detail: `a ${bits}-bit number` + (padded ? '; the first byte 00 is there to keep it positive' : ''),
      bytes: node.value.subarray(node.value.length - Math.ceil(bits / 8)),
    };
  }
  // A string (primitive, bit 0x20 clear) with elements inside is one whose DER contents readDer opened.
  if (node.children && (node.tag & 0x20) === 0) {
    // A BIT STRING's first content byte counts the unused bits at its end (0 here); the rest is DER.
    return { detail: node.tagName === 'BIT STRING' ? 'first byte 00 (no unused bits), then DER bytes, shown inside' : 'DER bytes, shown inside' };
  }
  return {};
}
