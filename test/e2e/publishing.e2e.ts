import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/LoginPage';
import { ArticleEditPage, ArticleListPage, EventsPage, PortalHome, type UploadFile } from './page-models/PublishingPages';
import { launchBrowser, openPage, screenshot, settleAnimations } from './support/browser';
import { ADMIN_PASSWORD, startServer, type RunningServer } from './support/server';
import { chooseOption } from './support/antd';

const TITLE = '我市举办“巾帼建新功”妇女儿童权益保护宣传周活动';
const PHONE = { width: 390, height: 844 };

let server: RunningServer;
let browser: Browser;
let office: Page;
let officeErrors: string[];
let articleUrl: string;

/** A real PNG drawn by the browser: a picture the portal must show, not just bytes with a PNG header. */
async function drawnPng(page: Page): Promise<UploadFile> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 320;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#1d5fa8';
    g.fillRect(0, 0, 640, 320);
    g.fillStyle = '#fff';
    g.font = '48px sans-serif';
    g.fillText('宣传周现场', 200, 180);
    return canvas.toDataURL('image/png');
  });
  return { name: '宣传周现场.png', mimeType: 'image/png', buffer: Buffer.from(dataUrl.split(',')[1]!, 'base64') };
}

const PDF: UploadFile = {
  name: '宣传周活动方案.pdf', mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
};

async function anonymousPage(viewport?: { width: number; height: number }) {
  const context = await browser.newContext({
    baseURL: server.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    ...(viewport ? { viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1440, height: 900 } }),
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

/** The login probe's 401 is expected on a page opened without a session; anything else is a fault. */
const scriptErrors = (errors: string[]) => errors.filter((message) => !message.startsWith('Failed to load resource'));

/** Pictures start at the top of the page. */
const toTop = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));

/** Nothing sticks out sideways: a phone never scrolls horizontally. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page: office, errors: officeErrors } = await openPage(browser, server.baseUrl));
  const login = new LoginPage(office);
  await login.goto();
  // The city committee's office: demo accounts share the admin's password.
  await login.login('dalian_office', ADMIN_PASSWORD);
  await office.waitForURL(/\/analytics$/);
  officeErrors.length = 0;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('publishing in the browser', () => {
  it('lists the demo articles with filters', async () => {
    const list = new ArticleListPage(office);
    await list.goto();
    await office.getByRole('link', { name: '信息发布' }).first().waitFor();
    await office.locator('.ant-table-row').first().waitFor();
    const all = await office.locator('.ant-table-row').count();
    expect(all).toBeGreaterThan(1);
    await screenshot(office, 'publishing-list');
    await list.filter('栏目', '通知公告');
    await expect.poll(() => office.locator('.ant-table-row').count()).toBeLessThan(all);
    expect(office.url()).toContain('category=notice');
    for (const cell of await office.locator('.ant-table-row td:nth-child(2)').allInnerTexts()) expect(cell).toBe('通知公告');
  });

  it('writes an article with a heading, an image and an attachment, and publishes it', async () => {
    const editor = new ArticleEditPage(office);
    await editor.gotoNew();
    await editor.fillTitle(TITLE);
    await editor.chooseCategory('工作动态');
    await editor.typeBody(['活动以“依法维护妇女儿童合法权益”为主题，在全市各区同步开展。', '活动安排']);
    // The line just typed becomes a heading.
    await office.keyboard.press('ArrowUp');
    await chooseOption(office.getByRole('combobox', { name: '段落样式' }), '标题 2');
    await office.keyboard.press('ArrowDown');
    await office.keyboard.type('发放宣传资料两万余份，现场咨询一千二百人次。');
    await editor.insertImage(await drawnPng(office), '宣传周活动现场');
    await editor.tool('编号列表').click();
    await office.keyboard.type('法律咨询');
    await office.keyboard.press('Enter');
    await office.keyboard.type('家庭教育讲座');
    await editor.attach(PDF);
    await editor.addTags('权益保护', '宣传周');
    await editor.save();
    await office.waitForURL(/\/publishing\/articles\/\d+$/);
    await editor.status('草稿').waitFor();
    await toTop(office);
    await screenshot(office, 'publishing-editor');

    await editor.act('提交审核');
    await editor.status('待审核').waitFor();
    await editor.act('发布');
    await editor.status('已发布').waitFor();
    articleUrl = (await office.getByRole('link', { name: '查看公开页面' }).getAttribute('href'))!;
    expect(articleUrl).toMatch(/^\/portal\/articles\/\d+$/);
    await screenshot(office, 'publishing-published');
  });

  it('keeps every version and shows an old one', async () => {
    const editor = new ArticleEditPage(office);
    const drawer = await editor.openVersions();
    await settleAnimations(drawer);
    expect(await drawer.getByRole('row').count()).toBe(4); // header + create, submit, publish
    await drawer.getByRole('button', { name: '查看第 1 版' }).click();
    const version = office.getByRole('dialog', { name: /^第 1 版/ });
    await version.getByRole('heading', { name: TITLE }).waitFor();
    await version.getByRole('heading', { name: '活动安排', level: 2 }).waitFor();
    await settleAnimations(version);
    await screenshot(office, 'publishing-version');
    await version.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
  });

  it('is read on the portal without login, on a desktop and on a phone', async () => {
    for (const [name, viewport] of [['desktop', undefined], ['phone', PHONE]] as const) {
      const { page, errors } = await anonymousPage(viewport);
      const home = new PortalHome(page);
      await home.goto();
      const news = home.section('工作动态');
      await news.getByRole('link', { name: TITLE }).waitFor();
      await home.section('大事记').getByRole('heading', { level: 3 }).first().waitFor();
      await home.section('监测指标').locator('.portal-tile').first().waitFor();
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('大连市妇女儿童工作委员会');
      if (viewport) {
        expect(await overflowsSideways(page)).toBe(false);
        // The committee's name takes the width of the phone, not a narrow column beside the login link.
        const box = (await home.brandName.boundingBox())!;
        expect(box.width).toBeGreaterThan(viewport.width * 0.55);
      }
      await toTop(page);
      await screenshot(page, `portal-home-${name}`);

      await news.getByRole('link', { name: TITLE }).click();
      await page.waitForURL(new RegExp(`${articleUrl}$`));
      expect(await page.title()).toBe(`${TITLE} - 大连市妇女儿童工作委员会`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(TITLE);
      const image = page.getByRole('img', { name: '宣传周活动现场' });
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640);
      const file = page.getByRole('link', { name: PDF.name });
      expect(await file.getAttribute('href')).toMatch(/^\/api\/attachments\/\d+$/);
      const download = await page.request.get(server.baseUrl + (await file.getAttribute('href'))!);
      expect(download.status()).toBe(200);
      // A page without any script: readable and light.
      expect(await page.locator('script').count()).toBe(0);
      if (viewport) expect(await overflowsSideways(page)).toBe(false);
      await screenshot(page, `portal-article-${name}`);
      expect(scriptErrors(errors)).toEqual([]);
      await page.context().close();
    }
  });

  it('finds the article by a word inside a sentence', async () => {
    const { page, errors } = await anonymousPage();
    const home = new PortalHome(page);
    await home.goto();
    await home.search('巾帼');
    await page.getByRole('link', { name: TITLE }).waitFor();
    await screenshot(page, 'portal-search');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'portal-search-phone');
    expect(scriptErrors(errors)).toEqual([]);
    await page.context().close();
  });

  it("shows a district's own section", async () => {
    const { page, errors } = await anonymousPage();
    const home = new PortalHome(page);
    await home.goto();
    await chooseOption(page.getByRole('combobox', { name: '地区' }), '西岗区');
    await page.waitForURL(/orgUnitId=\d+/);
    await page.getByRole('heading', { name: '西岗区妇女儿童工作委员会', level: 1 }).waitFor();
    await home.section('问卷调查').waitFor();
    await toTop(page);
    await screenshot(page, 'portal-district');
    await home.section('工作动态').getByRole('link', { name: '更多工作动态' }).click();
    await page.getByRole('heading', { name: '西岗区 · 工作动态', level: 1 }).waitFor();
    await screenshot(page, 'portal-category');
    expect(scriptErrors(errors)).toEqual([]);
    await page.context().close();
  });

  it('keeps the 大事记: a text is previewed before it is imported, and an event is edited', async () => {
    const events = new EventsPage(office);
    await events.goto();
    // The demo holds seed 000's events, 2011 to 2015.
    await events.year('2015年').waitFor();
    await events.year('2011年').click();
    await office.getByRole('cell', { name: /两癌/ }).first().waitFor();
    await screenshot(office, 'publishing-events');

    // A district keeps its own timeline: 西岗区 imports its first events.
    await chooseOption(office.getByRole('combobox', { name: '单位' }), '西岗区');
    await office.getByText('还没有大事记，可从文本导入').waitFor();
    const drawer = await events.previewImport('西岗区2026年大事记\n\n1.召开妇女儿童发展规划中期评估推进会\n2026年2月，区妇儿工委召开推进会，部署规划中期\n\n评估工作。\n');
    const preview = drawer.getByRole('region', { name: '预览' });
    expect(await preview.getByRole('heading').innerText()).toContain('识别出 1 条');
    // The page break inside the sentence is joined.
    await preview.getByText('2026年2月，区妇儿工委召开推进会，部署规划中期评估工作。', { exact: true }).waitFor();
    await settleAnimations(drawer);
    await screenshot(office, 'publishing-events-import');
    await drawer.getByRole('button', { name: '导入 1 条' }).click();
    await events.year('2026年').waitFor();
    await office.getByRole('button', { name: '编辑第 1 条' }).click();
    const dialog = office.getByRole('dialog', { name: '编辑大事记 · 第 1 条' });
    await dialog.getByLabel('标题').fill('召开“两个规划”中期评估推进会');
    await dialog.getByLabel('相关链接').fill('https://example.org/news/1');
    // A photo of the meeting; a PDF is not a picture and is refused by name.
    await dialog.getByLabel('上传配图').setInputFiles(PDF);
    await office.getByText(`${PDF.name}：这里只接受图片（.png、.jpg、.jpeg、.gif、.webp），该文件是PDF 文档`).waitFor();
    await dialog.getByLabel('上传配图').setInputFiles(await drawnPng(office));
    await dialog.getByRole('img', { name: '宣传周现场.png' }).waitFor();
    await settleAnimations(dialog);
    await screenshot(office, 'publishing-events-edit');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await office.getByRole('cell', { name: '召开“两个规划”中期评估推进会' }).waitFor();
    await office.getByText('配图 1 张').waitFor();

    // On the portal, under 西岗区's 大事记, with the picture loaded.
    const { page, errors } = await anonymousPage();
    const home = new PortalHome(page);
    await home.goto();
    await chooseOption(page.getByRole('combobox', { name: '地区' }), '西岗区');
    const picture = home.section('大事记').getByRole('img', { name: '召开“两个规划”中期评估推进会（图1）' });
    await picture.waitFor();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640);
    await home.section('大事记').scrollIntoViewIfNeeded();
    await screenshot(page, 'portal-events-picture');
    await page.setViewportSize({ width: 390, height: 844 });
    await home.section('大事记').scrollIntoViewIfNeeded();
    await screenshot(page, 'portal-events-picture-phone');
    expect(scriptErrors(errors)).toEqual([]);
    await page.context().close();
  });

  it('raised no errors in the office pages', () => {
    expect(scriptErrors(officeErrors)).toEqual([]);
  });
});
