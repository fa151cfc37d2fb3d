// Small DOM helpers shared by the chat and the staff console. Text is only ever set with
// textContent (or appended as strings, which become text nodes): never innerHTML.

/**
 * Build an element. props: text, class, on<event> handlers, anything else as an attribute.
 * Children may be nodes or strings; null/undefined/false children are skipped.
 */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** A decorative inline SVG icon drawn from one path, in the text colour (no font needed). */
export function icon(pathData, className = "icon") {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", className);
  const path = document.createElementNS(NS, "path");
  path.setAttribute("d", pathData);
  svg.append(path);
  return svg;
}

/** An error from an API call: status 0 means the network failed. */
export class ApiError extends Error {
  constructor(message, status, retryAfter = null) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** Fetch JSON (or a Blob when asBlob is set); any non-2xx answer throws ApiError with its message. */
export async function request(url, { method = "GET", body, headers = {}, asBlob = false } = {}) {
  const init = { method, headers: { ...headers }, credentials: "same-origin" };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError("network error", 0);
  }
  if (response.ok) return asBlob ? response.blob() : response.json();
  let message = `HTTP ${response.status}`;
  try {
    message = (await response.json()).error || message;
  } catch {
    // Not JSON (a proxy's error page, say): keep the status line.
  }
  throw new ApiError(message, response.status, response.headers.get("Retry-After"));
}
