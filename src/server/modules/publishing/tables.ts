import type { ColumnType, Generated } from 'kysely';
import type { Flag, Timestamp } from '../../db/columns';

export type ArticleCategory = 'news' | 'notice' | 'policy' | 'publicity';
export type ArticleStatus = 'draft' | 'review' | 'published' | 'unpublished';
export interface ArticlesTable {
  id: Generated<number>;
  org_unit_id: number;
  category: ArticleCategory;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  body_html: ColumnType<string, string | undefined, string>;
  cover_attachment_id: number | null;
  tags: ColumnType<string, string | undefined, string>;
  status: ColumnType<ArticleStatus, ArticleStatus | undefined, ArticleStatus>;
  publish_at: string | null;
  pinned: Flag;
  featured: Flag;
  version: ColumnType<number, number | undefined, number>;
  created_by: number;
  created_at: Timestamp;
  updated_by: number;
  updated_at: Timestamp;
  is_demo: Flag;
}

export interface ArticleVersionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  action: string;
  title: string;
  summary: string;
  body_html: string;
  tags: string;
  saved_by: number;
  saved_at: Timestamp;
}

export interface EventsTable {
  id: Generated<number>;
  org_unit_id: number;
  no: number;
  date: string | null;
  title: string;
  text: string;
  indicator_id: number | null;
  link_url: string | null;
  is_demo: Flag;
  created_at: Timestamp;
}

export interface SearchEntriesTable { id: Generated<number>; kind: 'article' | 'indicator'; ref_id: number; tokens: string }

/** The tables the publishing module owns (see ARCHITECTURE.md). */
export interface PublishingTables {
  articles: ArticlesTable;
  article_versions: ArticleVersionsTable;
  events: EventsTable;
  search_entries: SearchEntriesTable;
}
