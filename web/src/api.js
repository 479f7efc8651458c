// The page reads the same JSON the REST API serves; one envelope, checked here.

export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  const qs = query.toString();
  const res = await fetch(`api/${path}${qs ? `?${qs}` : ""}`, {
    headers: { Accept: "application/json" },
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error(`${res.status} ${res.statusText}`);
  }
  if (!body.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

// A write (the edit mode's corrections): the same envelope; the error keeps its status.
export async function apiSend(path, method, payload, token) {
  const res = await fetch(`api/${path}`, {
    method,
    headers: { Accept: "application/json", "Content-Type": "application/json",
      Authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    body = { ok: false, error: `${res.status} ${res.statusText}` };
  }
  if (!body.ok) {
    const err = new Error(body.error || `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

// The address of a download of the events matching ``params`` (format: acled-csv...).
export function downloadUrl(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, value);
  }
  return `api/events?${query.toString()}`;
}
