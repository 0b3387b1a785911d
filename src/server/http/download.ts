import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Sends a file to save: `fallbackName` (ASCII) for old clients, the real, often Chinese,
 * name in RFC 5987 form for the rest.
 */
export function sendDownload(reply: FastifyReply, file: { type: string; fallbackName: string; fileName: string; body: Buffer | Uint8Array | string }) {
  return reply
    .header('content-type', file.type)
    .header('content-disposition', `attachment; filename="${file.fallbackName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .send(file.body);
}
