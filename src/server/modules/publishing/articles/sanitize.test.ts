import { describe, expect, it } from 'vitest';
import { bodyImageIds, htmlToText, sanitizeArticleHtml } from './sanitize';

describe('article HTML allow-list', () => {
  it.each([
    ['script element', '<p>前</p><script>alert(1)</script><p>后</p>', '<p>前</p><p>后</p>'],
    ['script hidden in upper case', '<SCRIPT SRC=//evil.example/x.js></SCRIPT>文字', '文字'],
    ['event handler on an image', '<img src="/api/attachments/1" onerror="alert(1)" alt="图">', '<img src="/api/attachments/1" alt="图" />'],
    ['event handler on a paragraph', '<p onclick="alert(1)" onmouseover="x()">字</p>', '<p>字</p>'],
    ['javascript: link', '<a href="javascript:alert(1)">点我</a>', '<a>点我</a>'],
    ['javascript: link with entities and case', '<a href="JaVa&#x53;cript:alert(1)">点</a>', '<a>点</a>'],
    ['data: image', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img />'],
    ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['inline SVG with script', '<svg onload="alert(1)"><script>alert(2)</script></svg><p>正文</p>', '<p>正文</p>'],
    ['style attribute with expression()', '<p style="width: expression(alert(1))">字</p>', '<p>字</p>'],
    ['style element', '<style>body{background:url(javascript:alert(1))}</style><p>字</p>', '<p>字</p>'],
    ['iframe', '<iframe src="https://evil.example"></iframe><p>字</p>', '<p>字</p>'],
    ['form and input', '<form action="https://evil.example"><input name="p"></form>字', '字'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">字', '字'],
    ['protocol-relative image', '<img src="//evil.example/x.png">', '<img />'],
  ])('removes %s', (_name, dirty, clean) => {
    expect(sanitizeArticleHtml(dirty)).toBe(clean);
  });

  it.each([
    ['headings, lists and emphasis', '<h2>一、总体要求</h2><ul><li><strong>重点</strong>任务</li></ul><ol start="3"><li>三</li></ol>'],
    ['a table from Word', '<table><tbody><tr><th colspan="2">指标</th></tr><tr><td>孕产妇死亡率</td><td rowspan="2">8.5</td></tr></tbody></table>'],
    ['an image from the attachment store', '<p><img src="/api/attachments/12" alt="“两癌”筛查现场" /></p>'],
    ['an https link', '<p><a href="https://www.nwccw.gov.cn/" title="国务院妇儿工委">国务院妇儿工委</a></p>'],
    ['a relative link', '<p><a href="/portal/articles/3">上一篇</a></p>'],
  ])('keeps %s', (_name, html) => {
    expect(sanitizeArticleHtml(html)).toBe(html);
  });

  it('turns h1 into h2 and makes new-window links noopener', () => {
    expect(sanitizeArticleHtml('<h1>标题</h1><a href="https://a.example" target="_blank">链接</a>')).toBe(
      '<h2>标题</h2><a href="https://a.example" target="_blank" rel="noopener noreferrer">链接</a>',
    );
  });

  it('gives the plain text of a body', () => {
    expect(htmlToText('<h2>标题</h2><p>农村妇女&ldquo;两癌&rdquo;免费检查&nbsp;<strong>试点</strong></p><table><tr><td>甲</td><td>乙</td></tr></table>')).toBe(
      '标题 农村妇女“两癌”免费检查 试点 甲 乙',
    );
  });
});

describe('images of the body', () => {
  it.each([
    ['store images, each once', '<p><img src="/api/attachments/7" alt="a"></p><img alt="b" src="/api/attachments/12" /><img src="/api/attachments/7">', [7, 12]],
    ['an outside image is not the store\'s', '<img src="https://example.org/api/attachments/3">', []],
    ['a link to a file is not an image', '<a href="/api/attachments/5">附件</a>', []],
    ['no images', '<p>正文</p>', []],
  ])('%s', (_name, html, ids) => {
    expect(bodyImageIds(sanitizeArticleHtml(html))).toEqual(ids);
  });
});
