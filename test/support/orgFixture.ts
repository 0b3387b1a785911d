import { buildOrgUnit } from './appHarness';
import { buildDepartment } from './monitoringFactories';
import type { TestDb } from './testDb';

/**
 * A small 大连市 for access tests: 西岗区 (with 白云街道) and 中山区, each district committee with a
 * 卫健委 and a 教育局.
 */
export async function buildDalian(db: TestDb) {
  const city = await buildOrgUnit(db, { name: '大连市', code: '210200', level: 'city' });
  const xigang = await buildOrgUnit(db, { name: '西岗区', code: '210203', level: 'district', parentId: city.id });
  const zhongshan = await buildOrgUnit(db, { name: '中山区', code: '210202', level: 'district', parentId: city.id });
  const baiyun = await buildOrgUnit(db, { name: '白云街道', code: '210203001', level: 'street', parentId: xigang.id });
  const departmentsOf = async (unit: { id: number; name: string }) => {
    const department = async (shortName: string, suffix: string) => {
      const name = `${unit.name}${suffix}`;
      return { id: await buildDepartment(db, unit.id, shortName, name), name };
    };
    return { health: await department('卫健委', '卫生健康委员会'), education: await department('教育局', '教育局') };
  };
  return { city, xigang, zhongshan, baiyun, xg: await departmentsOf(xigang), zs: await departmentsOf(zhongshan) };
}
export type Dalian = Awaited<ReturnType<typeof buildDalian>>;
