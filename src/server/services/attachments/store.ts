import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { once } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { appError } from '../../errors';
import type { AuthContext } from '../../modules/auth/service';
import { ATTACHMENT_LIMITS, detectFileType, IMAGE_EXTENSIONS } from './fileTypes';
import { attachmentsRepository, type AttachmentRow } from './repository';

export const DEFAULT_FILES_DIR = 'data/files';

/** The files directory: `HALFSKY_FILES_DIR`, or data/files next to the default database. */
export const filesDirFromEnv = () => resolve(process.env.HALFSKY_FILES_DIR || DEFAULT_FILES_DIR);

/**
 * What a module that owns attachments tells the store: who may upload for it, and who may read
 * a file once it belongs to one of its records (a published article: anyone; a draft: its editors).
 */
export interface AttachmentOwner {
  label: string;
  canUpload(auth: AuthContext): boolean | Promise<boolean>;
  canRead(auth: AuthContext | null, ownerId: number): boolean | Promise<boolean>;
  /** Pictures only (a 大事记's photos): anything else is refused from its first bytes. */
  imagesOnly?: boolean;
}

/** Relative path of a stored file: two levels of hash prefix, so no directory grows huge. */
const pathOf = (hash: string) => join(hash.slice(0, 2), hash.slice(2, 4), hash);

/**
 * Content-addressed file store: each distinct content is written once under its sha-256 and never
 * changed, the metadata (name, type, size, owner, uploader) is one `attachments` row per upload.
 * Backups copy the directory as it is (see `listFiles`).
 */
export function attachmentStore(db: Kysely<Database>, dir: string = filesDirFromEnv()) {
  const owners = new Map<string, AttachmentOwner>();
  const tmpDir = join(dir, 'tmp');

  const ownerOf = (kind: string) => {
    const owner = owners.get(kind);
    if (!owner) throw appError('VALIDATION_FAILED', `未知的附件归属“${kind}”`);
    return owner;
  };

  /**
   * Reads the upload as it streams: the type is decided from the first bytes before the rest is
   * read, the size limit stops reading the moment it is passed, and the file is renamed into place
   * only when whole.
   */
  async function writeStream(name: string, body: Readable, imagesOnly: boolean): Promise<{ hash: string; size: number; type: string }> {
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
    const out = createWriteStream(tmp);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    let type: string | null = null;
    const write = async (data: Buffer) => {
      hash.update(data);
      if (!out.write(data)) await new Promise<void>((r) => out.once('drain', () => r()));
    };
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > ATTACHMENT_LIMITS.maxBytes) throw appError('UPLOAD_TOO_LARGE', `文件过大：附件最大 ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`);
        if (type !== null) {
          await write(chunk);
          continue;
        }
        head = Buffer.concat([head, chunk]);
        if (head.length < ATTACHMENT_LIMITS.sniffBytes) continue;
        type = sniff(name, head, imagesOnly);
        await write(head);
      }
      if (type === null) {
        if (size === 0) throw appError('UPLOAD_MISSING', '上传的文件是空的');
        type = sniff(name, head, imagesOnly);
        await write(head);
      }
      out.end();
      await finished(out);
      const digest = hash.digest('hex');
      const target = join(dir, pathOf(digest));
      await mkdir(join(target, '..'), { recursive: true });
      // Same content already stored: keep the existing file, it is identical.
      if (await exists(target)) await rm(tmp, { force: true });
      else await rename(tmp, target);
      return { hash: digest, size, type };
    } catch (error) {
      // The stream opens its file asynchronously: remove the file only once the stream is closed.
      out.destroy();
      if (!out.closed) await once(out, 'close');
      await rm(tmp, { force: true });
      // Stop the client's body too: nothing more of it is read.
      (body as Readable & { destroy?: () => void }).destroy?.();
      throw error;
    }
  }

  return {
    dir,

    registerOwner(kind: string, owner: AttachmentOwner): void {
      owners.set(kind, owner);
    },

    /** Stores an upload for a future record of `ownerKind`; bound to it by `bind` when that record is saved. */
    async save(auth: AuthContext | null, upload: { ownerKind: string; name: string; body: Readable }): Promise<AttachmentRow> {
      if (!auth) throw appError('AUTH_REQUIRED');
      const owner = ownerOf(upload.ownerKind);
      if (!(await owner.canUpload(auth))) throw appError('AUTH_FORBIDDEN');
      const name = upload.name.trim().slice(0, 200) || '未命名';
      const file = await writeStream(name, upload.body, !!owner.imagesOnly);
      return attachmentsRepository(db).insert({ ...file, name, ownerKind: upload.ownerKind, uploadedBy: auth.userId });
    },

    /**
     * Binds uploads to a record, in the caller's transaction (the owning module has checked that
     * the user may edit the record): each must be of this kind and either an unbound upload of this
     * user or already this record's.
     */
    async bind(trx: Transaction<Database>, auth: AuthContext, kind: string, ownerId: number, ids: readonly number[]): Promise<void> {
      const unique = [...new Set(ids)];
      const rows = await attachmentsRepository(trx).findMany(unique);
      for (const id of unique) {
        const row = rows.find((r) => r.id === id);
        const mine = row && row.ownerKind === kind && (row.ownerId === ownerId || (row.ownerId === null && row.uploadedBy === auth.userId));
        if (!mine) throw appError('VALIDATION_FAILED', `附件 ${id} 不存在或不属于本条记录`);
      }
      ownerOf(kind);
      await attachmentsRepository(trx).bind(unique.filter((id) => rows.find((r) => r.id === id)!.ownerId === null), kind, ownerId);
    },

    /** Takes files off a record, in the caller's transaction (the owning module has checked the user may edit it); each must be the record's. */
    async detach(trx: Transaction<Database>, kind: string, ownerId: number, ids: readonly number[]): Promise<void> {
      const unique = [...new Set(ids)];
      const rows = await attachmentsRepository(trx).findMany(unique);
      for (const id of unique) {
        const row = rows.find((r) => r.id === id);
        if (!row || row.ownerKind !== kind || row.ownerId !== ownerId) throw appError('VALIDATION_FAILED', `附件 ${id} 不存在或不属于本条记录`);
      }
      await attachmentsRepository(trx).detach(unique, kind, ownerId);
    },

    listOfOwner: (kind: string, ownerId: number) => attachmentsRepository(db).listOfOwner(kind, ownerId),
    listOfOwners: (kind: string, ownerIds: readonly number[]) => attachmentsRepository(db).listOfOwners(kind, ownerIds),

    /** The file and its metadata, when the reader may see it (404 otherwise: its existence is not theirs to know). */
    async open(auth: AuthContext | null, id: number): Promise<{ meta: AttachmentRow; stream: ReadStream; public: boolean }> {
      const meta = await attachmentsRepository(db).find(id);
      if (!meta) throw appError('NOT_FOUND', '附件不存在');
      const owner = ownerOf(meta.ownerKind);
      const readable = meta.ownerId === null ? auth?.userId === meta.uploadedBy : await owner.canRead(auth, meta.ownerId);
      if (!readable) throw appError('NOT_FOUND', '附件不存在');
      const isPublic = meta.ownerId !== null && (await owner.canRead(null, meta.ownerId));
      return { meta, stream: createReadStream(join(dir, pathOf(meta.hash))), public: isPublic };
    },

    /** Every stored file, relative to `dir` (for backups; the tmp folder of unfinished uploads left out). */
    async listFiles(): Promise<string[]> {
      if (!(await exists(dir))) return [];
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => relative(dir, join(e.parentPath, e.name)))
        .filter((p) => !p.startsWith(`tmp`))
        .sort();
    },
  };
}
export type AttachmentStore = ReturnType<typeof attachmentStore>;

function sniff(name: string, head: Buffer, imagesOnly: boolean): string {
  const detected = detectFileType(name, head);
  if ('refusal' in detected) throw appError('ATTACHMENT_TYPE_REFUSED', detected.refusal);
  if (imagesOnly && !detected.type.image) throw appError('ATTACHMENT_TYPE_REFUSED', `这里只接受图片（${IMAGE_EXTENSIONS.map((e) => `.${e}`).join('、')}），该文件是${detected.type.label}`);
  return detected.type.mime;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
