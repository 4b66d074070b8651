"use client";

// Starts a ZIP download in the browser after asking the server whether it may be built (the
// limits, the assets still there), so that a refusal shows as a message, not as a broken file.
export async function downloadZip(slug: string, what: { folder: string } | { ids: string[] }): Promise<string | null> {
  const url = `/portal/${slug}/zip`;
  const check =
    "folder" in what
      ? await fetch(`${url}?check=1&folder=${encodeURIComponent(what.folder)}`)
      : await fetch(`${url}?check=1`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ids: what.ids }),
        });
  if (!check.ok) {
    const body = await check.json().catch(() => null);
    return body?.message ?? "The ZIP could not be prepared. Reload the page and try again.";
  }
  // The download itself is a plain navigation (GET) or form post: the browser streams it to disk.
  if ("folder" in what) {
    const a = document.createElement("a");
    a.href = `${url}?folder=${encodeURIComponent(what.folder)}`;
    a.download = "";
    document.body.appendChild(a);
    a.click();
    a.remove();
    return null;
  }
  const form = document.createElement("form");
  form.method = "POST";
  form.action = url;
  form.hidden = true;
  for (const id of what.ids) {
    const input = document.createElement("input");
    input.name = "id";
    input.value = id;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
  form.remove();
  return null;
}
