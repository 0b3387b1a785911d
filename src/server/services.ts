import type { Db } from './db/connection';
import { authService } from './modules/auth/service';
import { orgsService } from './modules/orgs/service';
import { plansService } from './modules/plans/service';

/** One instance of each domain service per app, sharing the database handle. */
export function buildServices(db: Db) {
  const orgs = orgsService(db.kysely);
  return {
    db,
    auth: authService(db.kysely),
    orgs,
    plans: plansService(db.kysely, orgs),
  };
}
export type Services = ReturnType<typeof buildServices>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
