import type { Db } from './db/connection';
import { authService } from './modules/auth/service';
import { departmentsService } from './modules/orgs/departments';
import { orgsService } from './modules/orgs/service';
import { indicatorsService } from './modules/indicators/service';
import { plansService } from './modules/plans/service';
import { usersService } from './modules/users/service';
import { reportingService } from './modules/reporting/service';
import { analyticsService } from './modules/analytics/service';
import { publishingService } from './modules/publishing/portal/indicatorsService';
import { attachmentStore, filesDirFromEnv } from './services/attachments/store';
import { articlesService } from './modules/publishing/articles/service';
import { eventsService } from './modules/publishing/events/service';
import { articlesPortal } from './modules/publishing/portal/articlesPortal';
import { searchIndex } from './modules/publishing/search/service';
import { apiTokensService } from './modules/auth/tokens';
import { answeringService } from './modules/surveys/answeringService';
import { surveyCache } from './modules/surveys/context';
import { feedsService } from './modules/surveys/feeds';
import { surveysService } from './modules/surveys/service';
import { surveyBankService } from './modules/surveys/bank';
import { followupService } from './modules/followup/service';
import { notificationCentre } from './services/reminders/notifications';
import { lifecycleService } from './modules/plans/lifecycle/service';
import { filingService } from './modules/plans/filing/service';
import { keyItemsService } from './modules/workitems/service';
import { supervisionsService } from './modules/workitems/supervisions';
import { workPointsService } from './modules/workitems/workPointsService';
import { reportDocumentsService } from './modules/reports/documents/service';
import { reportsService } from './modules/reports/service';
import { responsibilitiesService } from './modules/plans/responsibilities/service';
import { implementationService } from './modules/plans/responsibilities/implementation';
import { myResponsibilitiesService } from './modules/plans/responsibilities/my';
import { unitReportsService } from './modules/unitreports/service';
import { evaluationFormsService } from './modules/evaluation/forms';
import { evaluationRoundsService } from './modules/evaluation/service';

/** One instance of each domain service per app, sharing the database handle. */
export function buildServices(db: Db, filesDir: string = filesDirFromEnv(), smtpConfigured = false) {
  const orgs = orgsService(db.kysely);
  const plans = plansService(db.kysely, orgs);
  const analytics = analyticsService(db.kysely, orgs);
  const publishing = publishingService(db.kysely, analytics);
  const attachments = attachmentStore(db.kysely, filesDir);
  const search = searchIndex(db.kysely, db.dialect);
  const events = eventsService(db.kysely, orgs, attachments);
  const surveys = surveyCache(db.kysely);
  const implementation = implementationService(db.kysely, orgs, attachments);
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
    publishing,
    attachments,
    articles: articlesService(db.kysely, orgs, attachments, search),
    events,
    search,
    portalArticles: articlesPortal(db.kysely, () => publishing.units(), events, attachments),
    apiTokens: apiTokensService(db.kysely),
    surveys: surveysService(db.kysely, orgs.tree, surveys),
    surveyFeeds: feedsService(db.kysely, orgs.tree, surveys),
    surveyAnswering: answeringService(db.kysely, surveys),
    surveyBank: surveyBankService(db.kysely, orgs.tree),
    followups: followupService(db.kysely, orgs, analytics),
    notificationCentre: notificationCentre(db.kysely, () => smtpConfigured),
    planLifecycle: lifecycleService(db.kysely, orgs),
    planFiling: filingService(db.kysely, orgs),
    keyItems: keyItemsService(db.kysely, orgs, attachments),
    supervisions: supervisionsService(db.kysely, orgs),
    reports: reportsService(db.kysely, analytics, orgs),
    reportDocuments: reportDocumentsService(db.kysely, analytics, orgs, attachments),
    responsibilities: responsibilitiesService(db.kysely, orgs),
    implementation,
    myResponsibilities: myResponsibilitiesService(db.kysely, orgs, analytics, implementation),
    unitReports: unitReportsService(db.kysely, orgs, analytics, attachments),
    evaluationRounds: evaluationRoundsService(db.kysely, orgs),
    evaluationForms: evaluationFormsService(db.kysely, orgs, analytics, attachments),
    workPoints: workPointsService(db.kysely, orgs),
  };
}
export type Services = ReturnType<typeof buildServices>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
