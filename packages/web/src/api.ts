// The one door to the API. The session is the HttpOnly cookie set at sign-in (same origin), so no
// token is kept in script-reachable storage. Errors come back as ApiError with the stable code of
// the problem document and its field errors, for the form to show beside each field.
export interface FieldError { path: string; message: string; keyword: string }

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public fieldErrors: FieldError[] = [], public problem: Record<string, unknown> = {}) {
    super(message);
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Raw bytes (an upload) sent with this content type instead of JSON. */
  raw?: { data: Blob | ArrayBuffer; type: string };
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T = any>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
  let body: BodyInit | undefined;
  if (opts.raw) { headers['content-type'] = opts.raw.type; body = opts.raw.data as BodyInit; }
  else if (opts.body !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(opts.body); }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'The office could not be reached');
  }
  const text = await res.text();
  let data: any = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!res.ok) {
    const code = typeof data?.code === 'string' ? data.code : res.status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_ERROR';
    throw new ApiError(res.status, code, data?.detail ?? res.statusText, Array.isArray(data?.errors) ? data.errors : [], data ?? {});
  }
  return data as T;
}

export interface UploadedRef { sha256: string; size: number; mediaType: string }

/**
 * Uploads a document or image; returns its reference ({ sha256, size, mediaType }). With onProgress
 * it goes through XMLHttpRequest, because fetch reports no upload progress.
 */
export function upload(file: File | Blob, type?: string, onProgress?: (sent: number, total: number) => void): Promise<UploadedRef> {
  const mediaType = type ?? (file.type || 'application/octet-stream');
  if (!onProgress) return api<UploadedRef>('/uploads', { method: 'POST', raw: { data: file, type: mediaType } });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/uploads');
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', mediaType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The office could not be reached'));
    xhr.onload = () => {
      let data: any = null;
      try { data = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) { onProgress(file.size, file.size); resolve(data as UploadedRef); return; }
      const code = typeof data?.code === 'string' ? data.code : xhr.status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_ERROR';
      reject(new ApiError(xhr.status, code, data?.detail ?? xhr.statusText, Array.isArray(data?.errors) ? data.errors : [], data ?? {}));
    };
    xhr.send(file);
  });
}

export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
