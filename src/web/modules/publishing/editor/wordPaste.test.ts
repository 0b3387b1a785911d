import { describe, expect, it } from 'vitest';
import { wordHtmlToEditorHtml } from './wordPaste';

const item = (marker: string, text: string, cls = 'MsoListParagraph') =>
  `<p class=${cls} style='margin-left:21pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span lang=ZH-CN>${text}<o:p></o:p></span></p>`;

describe('pasting from Word', () => {
  it.each([
    ['numbered items become one ordered list', `${item('1.', '健全机制')}\n${item('2.', '加强宣传')}`, '<ol><li><p><span lang=ZH-CN>健全机制</span></p></li>\n<li><p><span lang=ZH-CN>加强宣传</span></p></li></ol>'],
    ['Chinese numbering is ordered too', item('（一）', '目标'), '<ol><li><p><span lang=ZH-CN>目标</span></p></li></ol>'],
    ['bullets become an unordered list', item('<span style=\'font-family:Symbol\'>·</span>', '要点'), '<ul><li><p><span lang=ZH-CN>要点</span></p></li></ul>'],
    [
      'a paragraph between two lists ends the first',
      `${item('1.', '甲')}<p class=MsoNormal>说明</p>${item('·', '乙')}`,
      '<ol><li><p><span lang=ZH-CN>甲</span></p></li></ol><p class=MsoNormal>说明</p><ul><li><p><span lang=ZH-CN>乙</span></p></li></ul>',
    ],
    ['headings fit levels 2–4', '<h1 style="mso-x:1">标题</h1><h5>小节</h5>', '<h2 style="mso-x:1">标题</h2><h4>小节</h4>'],
    ['a page not from Word is left alone', '<h1>标题</h1><p>1. 文字</p>', '<h1>标题</h1><p>1. 文字</p>'],
  ])('%s', (_name, html, expected) => {
    expect(wordHtmlToEditorHtml(html)).toBe(expected);
  });
});
