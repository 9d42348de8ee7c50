// Reads a response body up to a byte limit, decompressing gzip, deflate or brotli: the limit
// counts the decompressed bytes, so a small compressed bomb is stopped like a large body.
import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export class BodyTooLargeError extends Error {
  readonly code = 'SITREP_BODY_TOO_LARGE';
}

export class UnknownEncodingError extends Error {
  readonly code = 'SITREP_UNKNOWN_ENCODING';
}

export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

function decompressed(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const inflate =
    encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  if (inflate) return pipeline(response, inflate, () => {});
  if (encoding === 'identity' || encoding === '') return response;
  response.destroy();
  throw new UnknownEncodingError(`The server sent the feed in an encoding Sitrep cannot read (${encoding}).`);
}

/** The body's bytes; throws BodyTooLargeError as soon as more than `maxBytes` arrive. */
export async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (!response.headers['content-encoding'] && declared > maxBytes) {
    response.destroy();
    throw new BodyTooLargeError();
  }
  const stream = decompressed(response);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      response.destroy();
      throw new BodyTooLargeError();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
