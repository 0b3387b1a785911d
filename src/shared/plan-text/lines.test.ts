import { describe, expect, it } from 'vitest';
import { parsePlanText } from './index';
import { sourceLines } from './lines';

const texts = (text: string) => sourceLines(text).map((l) => l.text);

describe('sourceLines: run-together lines are cut before structural markers', () => {
  it.each([
    {
      name: 'a line with its line breaks is kept whole, numbers inside it too',
      text: '  2.孕产妇系统管理率达到 95%以上。3.见下文。  \n\n二、发展领域、主要目标和策略措施',
      lines: ['2.孕产妇系统管理率达到 95%以上。3.见下文。', '二、发展领域、主要目标和策略措施'],
    },
    {
      name: 'area, block heads and numbered items',
      text: '（一）妇女与健康。 主要目标：1.甲率达到90%。2.乙率提高1.5个百分点。策略措施：（1）丙。（2）丁。',
      lines: ['（一）妇女与健康。', '主要目标：', '1.甲率达到90%。', '2.乙率提高1.5个百分点。', '策略措施：', '（1）丙。', '（2）丁。'],
    },
    {
      name: 'a title with its period stands alone; a title quoted in 《》 is no title',
      text: '首页 甲市妇女发展规划（2021—2030年）前言 按照《中国妇女发展纲要（2021—2030年）》制定。主要目标：1.甲。',
      lines: ['首页', '甲市妇女发展规划（2021—2030年）', '前言 按照《中国妇女发展纲要（2021—2030年）》制定。', '主要目标：', '1.甲。'],
    },
    {
      name: 'chapters only after a sentence end (not “一、二、三产业”); dashes after a sentence end',
      text: '策略措施：1.统筹一、二、三产业发展。——促进就业。二、组织实施',
      lines: ['策略措施：', '1.统筹一、二、三产业发展。', '——促进就业。', '二、组织实施'],
    },
  ])('$name', ({ text, lines }) => {
    expect(texts(text)).toEqual(lines);
  });

  it('keeps the source line of every piece', () => {
    expect(sourceLines('前言\n主要目标：1.甲。2.乙。').map((l) => [l.line, l.cut])).toEqual([[1, false], [2, false], [2, true], [2, true]]);
  });
});

describe('items in a run-together line', () => {
  it('only the very next number starts an item; a list inside a measure stays in it', () => {
    const text = '甲市儿童发展规划（2021—2030年）（一）儿童与健康 主要目标：1.婴儿死亡率控制在5‰以下。 策略措施：1.加强服务：（1）建网；（2）培训；（3）督导。2.开展监测。';
    const area = parsePlanText(text).plans[0]!.areas[0]!;
    expect(area.measures.map((m) => m.text)).toEqual(['加强服务：（1）建网；（2）培训；（3）督导。', '开展监测。']);
    const skipping = parsePlanText(text.replace('（3）督导。2.开展监测', '（3）督导；（4）评估。3.开展监测')).plans[0]!.areas[0]!;
    expect(skipping.measures.map((m) => m.no)).toEqual([1]);
  });
});
