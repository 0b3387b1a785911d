import { CATEGORY_LABELS, type ArticleCategory } from '../../../../shared/api/publishing';
import type { AttachmentDto } from '../../../../shared/api/attachments';
import type { ArticleRow } from '../articles/repository';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

export interface ArticlePageData {
  id: number;
  orgUnit: { id: number; name: string };
  category: ArticleCategory;
  title: string;
  summary: string;
  bodyHtml: string;
  publishAt: string | null;
  coverUrl: string | null;
  tags: string[];
  attachments: AttachmentDto[];
  isDemo: boolean;
}

/**
 * A published article as a complete server-rendered page: a real <title> and description for
 * search engines and link previews, readable without any JavaScript, on a phone too. The body
 * was sanitised when saved; everything else is escaped here.
 */
export function renderArticlePage(a: ArticlePageData, siteName: string): string {
  const description = esc(a.summary.slice(0, 160));
  const files = a.attachments.length
    ? `<section class="files" aria-labelledby="files-h"><h2 id="files-h">附件</h2><ul>${a.attachments
        .map((f) => `<li><a href="${esc(f.url)}">${esc(f.name)}</a> <span>${Math.max(1, Math.round(f.size / 1024))} KB</span></li>`)
        .join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(a.title)} - ${esc(siteName)}</title>
<meta name="description" content="${description}">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(a.title)}">
<meta property="og:description" content="${description}">
${a.coverUrl ? `<meta property="og:image" content="${esc(a.coverUrl)}">` : ''}
<link rel="alternate" type="application/atom+xml" title="${esc(siteName)}" href="/feed.xml">
<style>${ARTICLE_CSS}</style>
</head>
<body>
<header class="top"><a href="/portal">${esc(siteName)}</a></header>
<main>
<nav class="crumbs" aria-label="位置"><a href="/portal">首页</a> › <a href="/portal?category=${a.category}">${CATEGORY_LABELS[a.category]}</a></nav>
<article>
<h1>${esc(a.title)}</h1>
<p class="meta"><span>${esc(a.orgUnit.name)}</span><time datetime="${esc(a.publishAt ?? '')}">${day(a.publishAt)}</time>${a.isDemo ? '<span class="demo">演示数据</span>' : ''}</p>
${a.coverUrl ? `<img class="cover" src="${esc(a.coverUrl)}" alt="${esc(a.title)}">` : ''}
<div class="body">${a.bodyHtml}</div>
${files}
${a.tags.length ? `<p class="tags">标签：${a.tags.map(esc).join('、')}</p>` : ''}
</article>
</main>
<footer>${esc(siteName)}</footer>
</body>
</html>`;
}

const ARTICLE_CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.8 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f6f8}
.top{background:#1d5fa8;border-bottom:3px solid #c2185b;padding:12px 16px}.top a{color:#fff;font-weight:600;text-decoration:none;font-size:17px}
main{max-width:820px;margin:0 auto;padding:16px}article{background:#fff;border-radius:8px;padding:20px 24px}
.crumbs{font-size:14px;color:#595959;margin-bottom:8px}.crumbs a{color:#1d5fa8}
h1{font-size:26px;line-height:1.4;margin:0 0 8px;overflow-wrap:anywhere}.meta{color:#595959;font-size:14px;display:flex;flex-wrap:wrap;gap:4px 16px}
.demo{border:1px solid #d46b08;color:#ad4e00;border-radius:4px;padding:0 6px}
.body img,.cover{max-width:100%;height:auto}.cover{display:block;margin:12px 0;border-radius:6px}
.body table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}.body th,.body td{border:1px solid #d9d9d9;padding:4px 8px}
.body a,.files a{color:#1d5fa8}.files h2{font-size:18px}.files span{color:#595959;font-size:13px}.tags{color:#595959;font-size:14px}
footer{text-align:center;color:#595959;font-size:13px;padding:24px}
@media (max-width:600px){article{padding:14px}h1{font-size:21px}}`;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Atom 1.0 feed of the newest published articles; links absolute from `origin`. */
export function renderAtomFeed(rows: readonly ArticleRow[], siteName: string, origin: string): string {
  const updated = rows[0]?.publishAt ?? new Date(0).toISOString();
  const entries = rows.map((a) => `  <entry>
    <title>${xml(a.title)}</title>
    <link href="${xml(`${origin}/portal/articles/${a.id}`)}"/>
    <id>${xml(`${origin}/portal/articles/${a.id}`)}</id>
    <published>${xml(a.publishAt ?? '')}</published>
    <updated>${xml(a.updatedAt)}</updated>
    <author><name>${xml(a.orgUnitName)}</name></author>
    <category term="${a.category}" label="${CATEGORY_LABELS[a.category]}"/>
    <summary>${xml(a.summary)}</summary>
  </entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>${xml(siteName)}</title>
  <link rel="self" href="${xml(`${origin}/feed.xml`)}"/>
  <link href="${xml(`${origin}/portal`)}"/>
  <id>${xml(`${origin}/portal`)}</id>
  <updated>${xml(updated)}</updated>
${entries.join('\n')}
</feed>
`;
}
