import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/columns';

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** The token's first characters, to tell tokens apart in lists. */
  prefix: string;
  created_at: Timestamp;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: number | null;
}

export interface LoginFailuresTable {
  username: string;
  failures: number;
  window_start: string;
}

/** The tables the auth module owns besides users, roles and sessions (see ARCHITECTURE.md). */
export interface AuthTables {
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
}
