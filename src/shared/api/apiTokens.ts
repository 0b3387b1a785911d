import { z } from 'zod';

/** Limits of personal access tokens: a token always expires, at the latest after a year. */
export const TOKEN_MAX_DAYS = 365;
export const TOKEN_NAME_MAX = 50;
/** Unrevoked, unexpired tokens one person may hold at a time. */
export const TOKEN_MAX_ACTIVE = 20;
/** The expiry choices the web form offers, in days. */
export const TOKEN_EXPIRY_CHOICES = [7, 30, 90, 180, 365] as const;

export const ApiTokenCreateBody = z.object({
  name: z.string().trim().min(1, '请填写令牌名称').max(TOKEN_NAME_MAX, `令牌名称不能超过 ${TOKEN_NAME_MAX} 个字`),
  expiresInDays: z
    .number({ error: '请选择有效期' })
    .int('有效期应为整天数')
    .min(1, '有效期至少 1 天')
    .max(TOKEN_MAX_DAYS, `有效期最长 ${TOKEN_MAX_DAYS} 天`),
});
export type ApiTokenCreateInput = z.infer<typeof ApiTokenCreateBody>;

export const ApiTokenListQuery = z.object({
  /** Administrators: everyone's tokens instead of their own. */
  all: z.enum(['true', 'false']).optional(),
});

export const API_TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ApiTokenStatus = (typeof API_TOKEN_STATUSES)[number];

export const ApiTokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  /** The token's first characters, to recognise it. */
  prefix: z.string(),
  owner: z.object({ id: z.number(), username: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(API_TOKEN_STATUSES),
});
export type ApiTokenDto = z.infer<typeof ApiTokenSchema>;

/** The answer to creating a token: the secret itself, this once. */
export const ApiTokenCreatedSchema = ApiTokenSchema.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreatedSchema>;
