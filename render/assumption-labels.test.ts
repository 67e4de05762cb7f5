/** Every assumption is named in plain words in both languages: a brief never shows a parameter's path. */
import { describe, expect, it } from 'vitest';
import { assumptions } from '../scenarios/assumptions.ts';
import { LABELLED_PATHS, paramLabel } from './assumption-labels.ts';
import { plainHelp } from './param-labels.ts';

describe('parameters in plain words', () => {
  it('labels every assumption in English and Chinese, never by its path', () => {
    for (const a of assumptions()) {
      expect(LABELLED_PATHS, a.id).toContain(a.id);
      for (const lang of ['en', 'zh'] as const) {
        const label = paramLabel(a.id, lang);
        expect(label, a.id).not.toContain('.');
        expect(label, a.id).not.toMatch(/[[\]`]/);
        if (lang === 'zh') expect(label, a.id).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    // A path in no table is named from its words, not printed as it is.
    expect(paramLabel('mechanisms.somethingNew', 'en')).toBe('Something new');
  });

  it('writes help without files of the code or names in code type', () => {
    expect(plainHelp('Competence follows resources (sim/submodels/competence.ts). Off: alone.', 'en')).toBe(
      'Competence follows resources. Off: alone.',
    );
    expect(plainHelp('办结能力取决于资源（sim/submodels/competence.ts）。关闭时。', 'zh')).toBe('办结能力取决于资源。关闭时。');
    expect(plainHelp('whose field staff leave from `bases` bases.', 'en')).toBe('whose field staff leave from bases.');
    expect(plainHelp('instead of `threshold`.', 'en')).toBe('instead of “hardest case it resolves”.');
  });
});

describe('the assumptions a structure states', () => {
  it('are named in plain words in both languages, a level or department standing for any', async () => {
    const { PRESET_IDS, loadPreset } = await import('../scenarios/presets.ts');
    for (const id of PRESET_IDS)
      for (const a of loadPreset(id).assumptions) {
        expect(paramLabel(a.param, 'en'), `${id} ${a.param}`).toMatch(/^[A-Z“][^.`[\]]*[a-z)”]$/);
        expect(paramLabel(a.param, 'zh'), `${id} ${a.param}`).toMatch(/^[^a-zA-Z.]*[\u4e00-\u9fff][^a-zA-Z.]*$/);
      }
    expect(paramLabel('levels.town.competence', 'en')).toBe(paramLabel('levels[].competence', 'en'));
  });
});
