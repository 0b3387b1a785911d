import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { migrateToLatest, openDatabase, parseDatabaseUrl, type Db } from './db/connection';
import { DEMO_LABEL, hasOrgUnits, seedDemo } from './demo/seedDemo';
import { seedDemoReports } from './demo/seedDemoReports';
import { randomPassword } from './modules/auth/password';
import { securityConfigFromEnv } from './modules/auth/securityConfig';
import { authService } from './modules/auth/service';
import { remindersConfigFromEnv } from './services/reminders/config';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface ServeOptions {
  databaseUrl?: string;
  port: number;
  host: string;
  adminPassword?: string;
  log?: (line: string) => void;
}

/** Opens and migrates the database; on first start seeds the demo data and creates `admin`. */
export async function prepareDatabase(
  databaseUrl: string | undefined,
  adminPassword: string | undefined,
  log: (line: string) => void,
): Promise<{ db: Db; seeded: boolean }> {
  const db = openDatabase(parseDatabaseUrl(databaseUrl));
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) log(`数据库迁移完成：${applied.join(', ')}`);
    // One secret for the first start: admin's, and the demo accounts' when the demo is seeded.
    const password = adminPassword ?? randomPassword();
    const seeded = !(await hasOrgUnits(db));
    if (seeded) {
      const { plans, values, users } = await seedDemo(db, password);
      log(`已写入${DEMO_LABEL}：大连市及各区县组织机构、妇儿工委与成员单位，${plans} 部规划，${values} 个监测数据`);
      log(`演示账号：${users.join('、')}（密码与 admin 相同）`);
      // Printing the demo's published report takes LibreOffice a while; HALFSKY_DEMO_REPORTS=0 leaves it out.
      if (process.env.HALFSKY_DEMO_REPORTS !== '0') {
        log('正在生成演示监测报告（Word 和 PDF）…');
        await seedDemoReports(db);
      }
    }
    const root = await db.kysely.selectFrom('org_units').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
    const admin = await authService(db.kysely).ensureAdmin(password, root?.id ?? null);
    if (admin.created) {
      log(adminPassword ? '已创建管理员账号 admin，密码为 HALFSKY_ADMIN_PASSWORD 的值' : `已创建管理员账号 admin，初始密码：${password}（仅显示这一次，请登录后妥善保管）`);
    }
    return { db, seeded };
  } catch (e) {
    await db.close();
    throw e;
  }
}

export async function serve(options: ServeOptions): Promise<FastifyInstance> {
  const log = options.log ?? ((line: string) => console.log(line));
  // Read before the database is opened, so a mistyped setting stops the start with its message.
  const security = securityConfigFromEnv(process.env);
  const reminders = remindersConfigFromEnv(process.env);
  const { db } = await prepareDatabase(options.databaseUrl, options.adminPassword, log);
  // Requests and server errors as JSON lines on stdout, each with its request id.
  const app = await buildApp({ db, webRoot: WEB_ROOT, logger: true, security, reminders });
  await app.listen({ port: options.port, host: options.host });
  log(`半边天 halfsky 已启动：http://${options.host}:${options.port}  （${db.describe}）`);
  log(reminders.intervalMinutes ? `自动提醒：每 ${reminders.intervalMinutes} 分钟一次${reminders.smtpUrl ? '，并发送邮件' : '（未设置 HALFSKY_SMTP_URL，只发站内通知）'}` : '自动提醒已关闭（HALFSKY_REMINDER_INTERVAL_MINUTES=0）');
  return app;
}
