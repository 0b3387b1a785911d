/*
 * Word puts lists on the clipboard as paragraphs styled `mso-list`, the number or bullet written
 * out in a conditional comment, and headings as h1–h6. The editor knows real lists and headings
 * of levels 2–4 (level 1 is the page title), so a pasted Word text is rewritten into those first;
 * everything else is left to the editor's own HTML parsing.
 */

const LIST_PARAGRAPH = /<p\b([^>]*mso-list:[^>]*)>([\s\S]*?)<\/p>/gi;
const MARKER = /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/i;
/** 1.  1)  (1)  （一）  一、  a.  A)  ⑴ …: a numbered list; anything else (·, §, Ø, o) is a bullet. */
const ORDERED_MARKER = /^(?:[(（]?[0-9一二三四五六七八九十百]+[.．、)）]?|[(（]?[a-zA-Z][.)）]|[⑴-⒇①-⑳])$/;

const textOf = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();

interface ListItem { ordered: boolean; html: string; start: number; end: number }

function listItems(html: string): ListItem[] {
  const items: ListItem[] = [];
  for (const m of html.matchAll(LIST_PARAGRAPH)) {
    const inner = m[2]!;
    const marker = MARKER.exec(inner);
    const content = (marker ? inner.replace(MARKER, '') : inner).trim();
    items.push({ ordered: marker ? ORDERED_MARKER.test(textOf(marker[1]!)) : false, html: content, start: m.index, end: m.index + m[0].length });
  }
  return items;
}

/** Word's list paragraphs as <ol>/<ul>, its headings within levels 2–4, its empty `o:p` tags gone. */
export function wordHtmlToEditorHtml(html: string): string {
  if (!/mso-|urn:schemas-microsoft-com/i.test(html)) return html;
  let out = '';
  let at = 0;
  let open: 'ol' | 'ul' | null = null;
  for (const item of listItems(html)) {
    const between = html.slice(at, item.start);
    const tag = item.ordered ? 'ol' : 'ul';
    // A list goes on over blank space between its paragraphs, and ends at anything else.
    if (open && (between.trim() !== '' || open !== tag)) {
      out += `</${open}>`;
      open = null;
    }
    out += between;
    if (!open) {
      out += `<${tag}>`;
      open = tag;
    }
    out += `<li><p>${item.html}</p></li>`;
    at = item.end;
  }
  if (open) out += `</${open}>`;
  out += html.slice(at);
  return out
    .replace(/<o:p>[\s\S]*?<\/o:p>/gi, '')
    .replace(/<(\/?)h1\b/gi, '<$1h2')
    .replace(/<(\/?)h[56]\b/gi, '<$1h4');
}
