/**
 * validation.html: docs/validation.md (written by `npm run validate`) as a page of the app,
 * bundled into the build so it works offline. The Markdown is rendered by markdown-it with
 * raw HTML off; tables get a scrolling wrapper for narrow screens.
 */
import MarkdownIt from 'markdown-it';
import report from '../docs/validation.md?raw';

const main = document.getElementById('report');
if (main) {
  main.innerHTML = new MarkdownIt({ html: false }).render(report);
  for (const table of main.querySelectorAll('table')) {
    const wrap = document.createElement('div');
    wrap.className = 'table';
    table.replaceWith(wrap);
    wrap.append(table);
  }
}
