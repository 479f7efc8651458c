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
