import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { ArticleDto } from '../../../../shared/api/publishing';
import { emptyArticle, formValuesOf, inputOf, isScheduled } from './articleForm';

const file = (id: number, name: string) => ({ id, name, type: 'application/pdf', size: 10, uploadedAt: '2026-01-01T00:00:00Z', url: `/api/attachments/${id}` });

describe('article form', () => {
  it('sends ids, a trimmed title, tags once each and the time in ISO', () => {
    const v = { ...emptyArticle(3), title: ' 标题 ', tags: ['两癌', ' 两癌', '', '健康'], publishAt: dayjs('2026-12-08T09:30:00Z'), cover: file(4, 'c.png'), attachments: [file(5, 'a.pdf'), file(6, 'b.pdf')] };
    expect(inputOf(v)).toEqual({
      category: 'news', title: '标题', summary: '', bodyHtml: '', tags: ['两癌', '健康'], publishAt: '2026-12-08T09:30:00.000Z', coverAttachmentId: 4, attachmentIds: [5, 6],
    });
  });

  it('reads an article back into the form', () => {
    const a = { category: 'notice', title: 't', summary: 's', bodyHtml: '<p>b</p>', tags: ['x'], publishAt: null, cover: null, attachments: [file(1, 'a.pdf')] } as unknown as ArticleDto;
    expect(inputOf(formValuesOf(a))).toEqual({ category: 'notice', title: 't', summary: 's', bodyHtml: '<p>b</p>', tags: ['x'], publishAt: null, coverAttachmentId: null, attachmentIds: [1] });
  });

  it.each([
    [null, false],
    ['2026-12-07T00:00:00Z', false],
    ['2026-12-07T12:00:01Z', true],
  ])('publish time %s scheduled: %s', (at, expected) => {
    expect(isScheduled(at, new Date('2026-12-07T12:00:00Z'))).toBe(expected);
  });
});
