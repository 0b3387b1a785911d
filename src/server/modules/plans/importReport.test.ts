import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../shared/api/plans';
import { parsePlanText } from '../../../shared/plan-text';
import { seedText } from '../../../shared/plan-text/testTexts';
import { planImportSummary } from './importReport';

const W01_021 = { id: 3, code: 'W01_021', name: '孕产妇系统管理率' };

describe('planImportSummary (the command line report)', () => {
  it('lists each change as before → after and what the import did to the links', () => {
    const result = parsePlanText(seedText('dalian'));
    const outcome: ImportOutcome = {
      planId: 1, title: '大连市妇女发展规划', orgUnit: { id: 1, name: '大连市' }, outcome: 'updated',
      changes: {
        added: [], changed: ['（一）妇女与健康 目标2'], removed: [],
        details: [
          { item: '（一）妇女与健康 目标2', what: '目标原文', before: '……95%以上……', after: '……96%以上……' },
          { item: '（一）妇女与健康 目标2', what: '孕产妇系统管理率', before: '≥ 95%', after: '≥ 96%' },
        ],
      },
      links: {
        linked: [{ target: '孕产妇系统管理覆盖率', indicator: W01_021 }],
        ambiguous: [{ target: '就业人员中的女性比例', candidates: [{ id: 8, code: 'W04_011', name: '女性就业人员占比' }, { id: 9, code: 'W04_012', name: '就业人员中的女性比例' }] }],
        carried: [{ indicator: W01_021, before: '≥ 95%', after: '≥ 96%' }],
        flagged: [{ kind: 'removed', item: '（一）妇女与健康 目标13', indicator: W01_021, message: '修订后的规划删除了（一）妇女与健康 目标13' }],
        restored: [],
      },
    };
    const lines = planImportSummary(result, [outcome]).split('\n');
    expect(lines).toContain('  已更新（大连市）：新增 0，修改 1，删除 0');
    expect(lines).toContain('    （一）妇女与健康 目标2 孕产妇系统管理率：≥ 95% → ≥ 96%');
    expect(lines).toContain('  已关联已有指标 1 个：孕产妇系统管理覆盖率 → W01_021 孕产妇系统管理率');
    expect(lines).toContain('  有歧义未关联 1 个（请在“从规划生成指标”中选择）：就业人员中的女性比例（W04_011 女性就业人员占比、W04_012 就业人员中的女性比例）');
    expect(lines).toContain('  指标目标已更新：W01_021 孕产妇系统管理率 ≥ 95% → ≥ 96%');
    expect(lines).toContain('  待处理（目标已删除）：W01_021 孕产妇系统管理率，修订后的规划删除了（一）妇女与健康 目标13');
    expect(lines.some((l) => l.includes('目标原文'))).toBe(false);
  });
});
