import type { Me } from '../../../shared/api/auth';
import { allows } from '../auth/permissions';

/** Writes the portal's articles (an office, for its unit and those below). */
export const editsArticles = (user: Me): boolean => allows(user, 'articles.edit') || allows(user, 'articles.feature');
/** Keeps a unit's 大事记. */
export const editsEvents = (user: Me): boolean => allows(user, 'events.edit');
