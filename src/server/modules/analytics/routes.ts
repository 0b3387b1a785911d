import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AchievementSchema, AcknowledgeBody, AnalyticsQuery, AssessmentSchema, IndicatorAnalyticsSchema, OverviewSchema, ScorecardSchema, WarningListSchema, WarningsQuery,
} from '../../../shared/api/analytics';
import { AssessCasesBody } from '../../../shared/api/assess';
import { ApiErrorSchema, IdParams } from '../../../shared/api/common';
import { sendDownload, XLSX_TYPE } from '../../http/download';
import { invalidField } from '../../errors';
import { achievementWorkbook } from './achievementXlsx';
import { indicatorWorkbook, scorecardWorkbook } from './xlsx';

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema };
const tags = ['analytics'];
const scopeNote = 'scope=approved（默认）只用统计监测组已审核的数据；scope=all 含未审核数据。汇总为下级单位的分子、分母分别求和再相除。';

export async function analyticsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const analytics = app.services.analytics;

  api.post(
    '/analytics/assess',
    {
      schema: {
        tags, summary: '进度测算：对给定序列和目标逐条评估（与 halfsky assess 相同，不读数据库）',
        description: '请求体为用例数组：{"comparator","value","year","baseYear"?,"tolerance"?,"series":[[年份,数值],…]}；返回同一数组并加上 status、ratio、projected 等字段。',
        body: AssessCasesBody, response: { 200: z.array(z.looseObject(AssessmentSchema.shape)), ...errors },
      },
    },
    (req) => analytics.assess(req.auth, req.body),
  );

  api.get(
    '/analytics/overview',
    { schema: { tags, summary: '监测概览：各领域目标状态、达标率、预警与填报进度', description: scopeNote, querystring: AnalyticsQuery, response: { 200: OverviewSchema, ...errors } } },
    (req) => analytics.overview(req.auth, req.query),
  );

  api.get(
    '/analytics/indicators/:id',
    {
      schema: {
        tags, summary: '指标分析：各分组序列、目标进度评估及其依据、下级单位比较', description: scopeNote,
        params: IdParams, querystring: AnalyticsQuery, response: { 200: IndicatorAnalyticsSchema, ...errors },
      },
    },
    (req) => analytics.indicator(req.auth, req.params.id, req.query),
  );

  api.get(
    '/analytics/indicators/:id/table.xlsx',
    { schema: { tags, summary: '导出指标数据表（xlsx）', params: IdParams, querystring: AnalyticsQuery, produces: [XLSX_TYPE] } },
    async (req, reply) => {
      const view = await analytics.indicator(req.auth, req.params.id, req.query);
      const body = await indicatorWorkbook(view);
      return sendDownload(reply, { type: XLSX_TYPE, fallbackName: 'indicator.xlsx', fileName: `${view.orgUnit.name}-${view.indicator.name}.xlsx`, body });
    },
  );

  api.get(
    '/analytics/scorecard',
    { schema: { tags, summary: '评估记分卡：指标 × 单位，状态、较上年变化与排名', description: scopeNote, querystring: AnalyticsQuery, response: { 200: ScorecardSchema, ...errors } } },
    (req) => analytics.scorecard(req.auth, req.query),
  );

  api.get(
    '/analytics/scorecard.xlsx',
    { schema: { tags, summary: '导出评估记分卡（xlsx）', querystring: AnalyticsQuery, produces: [XLSX_TYPE] } },
    async (req, reply) => {
      const card = await analytics.scorecard(req.auth, req.query);
      const body = await scorecardWorkbook(card);
      return sendDownload(reply, { type: XLSX_TYPE, fallbackName: 'scorecard.xlsx', fileName: `${card.orgUnit.name}-评估记分卡-${card.year ?? ''}.xlsx`, body });
    },
  );

  api.get(
    '/analytics/achievement',
    {
      schema: {
        tags, summary: '达标率：按规划、领域、下级单位（排名），及已达标、未达标、无数据的目标清单', description: scopeNote,
        querystring: AnalyticsQuery, response: { 200: AchievementSchema, ...errors },
      },
    },
    (req) => analytics.achievement(req.auth, req.query),
  );

  api.get(
    '/analytics/achievement.xlsx',
    { schema: { tags, summary: '导出达标率（xlsx）', querystring: AnalyticsQuery, produces: [XLSX_TYPE] } },
    async (req, reply) => {
      const view = await analytics.achievement(req.auth, req.query);
      const body = await achievementWorkbook(view);
      return sendDownload(reply, { type: XLSX_TYPE, fallbackName: 'achievement.xlsx', fileName: `${view.orgUnit.name}-达标率-${view.milestone ?? ''}年目标.xlsx`, body });
    },
  );

  api.get(
    '/analytics/warnings',
    {
      schema: {
        tags, summary: '预警：预计达标困难、波动较大、逾期未报（本单位及直属下级）', description: scopeNote,
        querystring: WarningsQuery, response: { 200: WarningListSchema, ...errors },
      },
    },
    (req) => analytics.warnings(req.auth, req.query),
  );

  api.post(
    '/analytics/warnings/acknowledge',
    { schema: { tags, summary: '确认预警并填写处理说明（办公室、统计监测组）', body: AcknowledgeBody, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const keys = [...new Set([...(req.body.key ? [req.body.key] : []), ...(req.body.keys ?? [])])];
      if (!keys.length) throw invalidField('keys', '请选择预警');
      await analytics.acknowledge(req.auth, keys, req.body.comment);
      return reply.status(204).send(null);
    },
  );
}
