import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateOf, EventsTextError, parseEventsText } from './parseEventsText';

const SEED = readFileSync(new URL('../../server/demo/texts/dalian-events-2011-2015.txt', import.meta.url), 'utf8');

describe('大事记 text parser', () => {
  it('reads seed 000: 20 numbered events, page breaks joined, dates from the body', () => {
    const { heading, events, warnings } = parseEventsText(SEED);
    expect(heading).toBe('2011年我市实施第三轮妇女儿童发展规划以来 妇女儿童事业发展20件大事');
    expect(events.map((e) => e.no)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(events[0]).toMatchObject({ title: '建设“中外妇女之家”，助力优化对外营商环境', date: '2011-03' });
    // 「传播中国传统」 + page break + 「文化，开展…」 is one sentence again.
    expect(events[0]!.text).toContain('传播中国传统文化，开展中外文化交流');
    expect(events[0]!.text).not.toContain('\n');
    expect(events[3]).toMatchObject({ date: '2011', title: '提高企业女职工卫生费发放标准，保护女职工特殊权益' });
    expect(events[3]!.text).toContain('由每人每月15元');
    expect(events[4]!.date).toBe('2012-08');
    expect(events[17]!.title).toBe('实施农村妇女“两癌”免费检查试点项目，提高农村妇女健康水平');
    expect(events[17]!.text).toContain('为23.51万名妇女进行“两癌”免费检查');
    // 17 names no year at all.
    expect(events[16]!.date).toBeNull();
    expect(warnings).toEqual(['第 17 条“继续实施“明天计划”，关注流浪儿童成长”：正文中没有年份，未设日期']);
  });

  it.each([
    ['YYYY年M月 at the start', '2014年10月，投资10亿元', '2014-10'],
    ['a year alone', '2011年起两年内，共投资3亿多元', '2011'],
    ['a year first, a month later in another year', '2011年以来，2012年8月召开', '2011'],
    ['a year inside the text', '在2013年国家公共文化服务体系示范区评估中', '2013'],
    ['no year', '积极实施孤残儿童手术“明天计划”', null],
  ])('date: %s', (_name, text, date) => {
    expect(dateOf(text)).toBe(date);
  });

  it('keeps real paragraphs apart and takes numbers inside broken sentences as text', () => {
    const text = '1.第一件\n\n2011年5月，第一段完。\n\n第二段写到一半，共有\n\n2.5万人参加。\n\n2、第二件\n\n2012年，内容。';
    const { events } = parseEventsText(text);
    expect(events).toEqual([
      { no: 1, title: '第一件', date: '2011-05', text: '2011年5月，第一段完。\n第二段写到一半，共有2.5万人参加。' },
      { no: 2, title: '第二件', date: '2012', text: '2012年，内容。' },
    ]);
  });

  it.each([
    ['no numbered title', '只有一段文字。', '没有找到编号的大事标题'],
    ['a title without body', '1.第一件\n2011年，内容。\n2.第二件\n', '第 3 行：第 2 条“第二件”没有正文'],
    ['a number out of sequence', '1.第一件\n2011年，内容。\n3.第三件\n内容。', '第 3 行：编号 3 不连续，应为 2'],
  ])('refuses %s in Chinese', (_name, text, message) => {
    expect(() => parseEventsText(text)).toThrow(EventsTextError);
    expect(() => parseEventsText(text)).toThrow(message);
  });
});
