/** The page's `lang` attribute follows the app's language (imported first, before any element sets it). */
import { onLangChange } from '../render/i18n.ts';

onLangChange((l) => {
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
});
