/**
 * Whether everything a clerk needs on a screen is in reach in a small window: every button, link,
 * field, menu item and column header must be inside the window sideways and never cut off by a
 * box that hides its overflow or needs a sideways scroll; column headers must not be truncated.
 * Scrolling up and down is fine (lists and pages scroll); sideways scrolling is not.
 * Runs in the page; returns one line per problem (empty: all in reach).
 */
import type { Page } from 'playwright-core';

/** Runs in the page (plain JS: the test's TypeScript has no DOM types). */
const CHECK_IN_PAGE = `(() => {
    const vw = document.documentElement.clientWidth;
    const problems = [];
    const name = (el) => {
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\\s+/g, ' ').slice(0, 40);
      return \`<\${el.tagName.toLowerCase()}\${el.id ? \`#\${el.id}\` : ''}> 「\${text}」\`;
    };
    if (document.documentElement.scrollWidth > vw + 1) problems.push(\`the page scrolls sideways (\${document.documentElement.scrollWidth}px > \${vw}px)\`);
    const selector = 'button, a[href], input:not([type=hidden]), select, textarea, th, [role=columnheader], summary';
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown (display: none or a closed <details>)
      if (getComputedStyle(el).visibility === 'hidden') continue;
      if (r.left < -1 || r.right > vw + 1) {
        problems.push(\`\${name(el)} is outside the window sideways (\${Math.round(r.left)}–\${Math.round(r.right)} of \${vw})\`);
        continue;
      }
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        const box = a.getBoundingClientRect();
        if (cs.overflowX !== 'visible' && (r.right > box.right + 1 || r.left < box.left - 1)) {
          problems.push(\`\${name(el)} is cut off or needs a sideways scroll in \${name(a).slice(0, 30)}\`);
          break;
        }
        if ((cs.overflowY === 'hidden' || cs.overflowY === 'clip') && (r.top >= box.bottom || r.bottom <= box.top)) {
          problems.push(\`\${name(el)} is hidden below \${name(a).slice(0, 30)}\`);
          break;
        }
      }
      const isHeader = el.tagName === 'TH' || el.getAttribute('role') === 'columnheader';
      if (isHeader && el.scrollWidth > el.clientWidth + 1) problems.push(\`column header \${name(el)} is truncated\`);
    }
    return problems;
  })()`;

export async function outOfReach(page: Page): Promise<string[]> {
  return (await page.evaluate(CHECK_IN_PAGE)) as string[];
}
