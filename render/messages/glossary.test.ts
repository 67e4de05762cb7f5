/** One word for a case in Chinese (GLOSSARY.md): 诉求, never 案件 or 事件 outside a quotation. */
import { describe, expect, it } from 'vitest';
import { zh } from './zh.ts';
import { storyZh } from './story-zh.ts';
import { mapZh } from './map-zh.ts';

describe('the Chinese glossary', () => {
  it('calls a case 诉求 everywhere but in quotations of the sources', () => {
    for (const [key, text] of Object.entries({ ...zh, ...storyZh, ...mapZh })) {
      const unquoted = text.replace(/“[^”]*”/g, '');
      expect(unquoted, key).not.toMatch(/案件|事件/);
    }
  });
});
