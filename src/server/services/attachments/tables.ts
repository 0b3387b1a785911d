import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/columns';

export interface AttachmentsTable {
  id: Generated<number>;
  hash: string;
  name: string;
  type: string;
  size: number;
  owner_kind: string;
  owner_id: number | null;
  uploaded_by: number;
  uploaded_at: Timestamp;
}

/** The attachment store's table (see ARCHITECTURE.md). */
export interface AttachmentsTables {
  attachments: AttachmentsTable;
}
