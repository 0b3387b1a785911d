import type { Db } from './db/connection';
import { authService } from './modules/auth/service';
import { departmentsService } from './modules/orgs/departments';
import { orgsService } from './modules/orgs/service';
import { indicatorsService } from './modules/indicators/service';
import { plansService } from './modules/plans/service';
import { usersService } from './modules/users/service';
import { reportingService } from './modules/reporting/service';
import { analyticsService } from './modules/analytics/service';
import { publishingService } from './modules/publishing/service';
import { answeringService } from './modules/surveys/answeringService';
import { surveyCache } from './modules/surveys/context';
import { feedsService } from './modules/surveys/feeds';
import { surveysService } from './modules/surveys/service';

/** One instance of each domain service per app, sharing the database handle. */
export function buildServices(db: Db) {
  const orgs = orgsService(db.kysely);
  const plans = plansService(db.kysely, orgs);
  const analytics = analyticsService(db.kysely, orgs);
  const surveys = surveyCache(db.kysely);
  return {
    db,
    auth: authService(db.kysely),
    orgs,
    departments: departmentsService(db.kysely, orgs),
    plans,
    indicators: indicatorsService(db.kysely, orgs, plans),
    users: usersService(db.kysely, orgs),
    reporting: reportingService(db.kysely),
    analytics,
    publishing: publishingService(db.kysely, analytics),
    surveys: surveysService(db.kysely, orgs.tree, surveys),
    surveyFeeds: feedsService(db.kysely, orgs.tree, surveys),
    surveyAnswering: answeringService(db.kysely, surveys),
  };
}
export type Services = ReturnType<typeof buildServices>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
