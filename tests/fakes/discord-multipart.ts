// Messages with files reach Discord as multipart/form-data: the JSON payload in `payload_json`
// and each file in `files[N]`. Read here with the platform's own form-data parser.

export interface UploadedFile {
  /** The form field: `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

export async function readMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: UploadedFile[] }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: UploadedFile[] = [];
  let body: unknown;
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json') body = JSON.parse(String(value));
    else if (typeof value !== 'string') files.push({ field, name: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
  }
  return { body, files };
}

/** The attachments of a message as Discord answers them, from the payload's and the files' details. */
export function attachmentObjects(payload: Record<string, unknown>, files: readonly UploadedFile[], id: () => string): Record<string, unknown>[] {
  const described = (payload.attachments ?? []) as { id: number | string; description?: string }[];
  return files.map((file, index) => {
    const description = described.find((a) => String(a.id) === String(index))?.description;
    return {
      id: id(),
      filename: file.name,
      size: file.bytes.length,
      url: `https://cdn.example.invalid/attachments/${file.name}`,
      proxy_url: `https://media.example.invalid/attachments/${file.name}`,
      content_type: file.contentType,
      ...(description ? { description } : {}),
    };
  });
}
