import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from './identity.ts';
import { sha256Bytes } from './sha256.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('sha256', () => {
  it('gives the same digest without Web Crypto (a page served over plain http) as with it', () => {
    // Lengths around the 64-byte block and its 56-byte padding edge, and text that is not ASCII.
    const texts = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(119), '诉求 Longgang 2021 ≥ 0'.repeat(40)];
    for (const s of texts) {
      const bytes = new TextEncoder().encode(s);
      expect(hex(sha256Bytes(bytes)), JSON.stringify(s.slice(0, 20))).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(hex(sha256Bytes(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('names a value by the digest of its canonical JSON, with or without Web Crypto', async () => {
    const value = { b: [1, 2], a: { d: 'x', c: null } };
    const withCrypto = await sha256(value);
    const subtle = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { value: {}, configurable: true });
    try {
      expect(await sha256(value)).toBe(withCrypto);
    } finally {
      Object.defineProperty(globalThis, 'crypto', subtle);
    }
    expect(withCrypto).toBe(createHash('sha256').update('{"a":{"c":null,"d":"x"},"b":[1,2]}').digest('hex'));
  });
});
