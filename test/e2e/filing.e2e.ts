import { describe, expect, it } from 'vitest';
import { FilingPages } from './page-models/FilingPages';
import { screenshot } from './support/browser';
import { useDemoServer } from './support/demoServer';

const demo = useDemoServer();

const signIn = demo.signIn;

const WOMEN = /西岗区妇女发展规划/;

describe('备案 in the browser', () => {
  it('the city office returns the demo filing, 西岗区 files its plan again, the city sees the comparison and accepts', async () => {
    const city = await signIn('dalian_office');
    const cityPages = new FilingPages(city.page);
    await cityPages.gotoOverview();
    await cityPages.rowOf(WOMEN).getByText('已报送待审核').waitFor();
    await cityPages.rowOf(/西岗区儿童发展规划/).getByText('逾期未报').waitFor();
    await screenshot(city.page, 'filing-overview');

    await cityPages.rowOf(WOMEN).getByRole('link', { name: '审核' }).click();
    await cityPages.comparison.waitFor();
    await city.page.getByText(/《大连市妇女发展规划/).first().waitFor();
    await screenshot(city.page, 'filing-comparison');
    await cityPages.returnWith('请补充孕产妇系统管理率等市级规划指标后重新报送');
    await city.page.getByText('退回理由：请补充孕产妇系统管理率等市级规划指标后重新报送').waitFor();

    const district = await signIn('xigang_office');
    const districtPages = new FilingPages(district.page);
    await district.page.goto('/plans');
    await district.page.getByRole('link', { name: WOMEN }).click();
    await districtPages.lifecyclePanel.getByText(/大连市退回了备案/).waitFor();
    await screenshot(district.page, 'filing-plan-returned');
    await districtPages.lifecyclePanel.getByRole('button', { name: '重新报送备案' }).click();
    await district.page.getByLabel('报送说明').fill('已按市妇儿工委办公室意见补充');
    await district.page.getByRole('dialog').getByRole('button', { name: /报\s*送/ }).click();
    await districtPages.lifecyclePanel.getByText('已报送待审核').waitFor();
    await screenshot(district.page, 'filing-plan-filed');

    await cityPages.gotoOverview();
    await cityPages.rowOf(WOMEN).getByRole('link', { name: '审核' }).click();
    await city.page.getByText('已按市妇儿工委办公室意见补充').waitFor();
    await city.page.getByRole('button', { name: /接收备案/ }).click();
    await city.page.getByRole('heading').getByText('已备案').waitFor();
    await screenshot(city.page, 'filing-accepted');
    await cityPages.gotoOverview();
    await cityPages.rowOf(WOMEN).getByText('已备案').waitFor();

    expect(city.errors.filter((e) => !/401/.test(e))).toEqual([]);
    expect(district.errors.filter((e) => !/401/.test(e))).toEqual([]);
  });
});
