"use client";

/** What a ZIP holds: a folder or a collection (a plain GET), or selected assets (a POST). */
export type ZipTarget = { folder: string } | { collection: string } | { ids: string[] };

// Starts a ZIP download in the browser after asking the server whether it may be built (the
// limits, the assets still there), so that a refusal shows as a message, not as a broken file.
export async function downloadZip(slug: string, what: ZipTarget): Promise<string | null> {
  const url = `/portal/${slug}/zip`;
  const query = "ids" in what ? "" : new URLSearchParams(what).toString();
  const check =
    "ids" in what
      ? await fetch(`${url}?check=1`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ids: what.ids }),
        })
      : await fetch(`${url}?check=1&${query}`);
  if (!check.ok) {
    const body = await check.json().catch(() => null);
    return body?.message ?? "The ZIP could not be prepared. Reload the page and try again.";
  }
  // The download itself is a plain navigation (GET) or form post: the browser streams it to disk.
  if ("ids" in what) postIds(url, what.ids);
  else {
    const a = document.createElement("a");
    a.href = `${url}?${query}`;
    a.download = "";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  return null;
}

function postIds(url: string, ids: string[]) {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = url;
  form.hidden = true;
  for (const id of ids) {
    const input = document.createElement("input");
    input.name = "id";
    input.value = id;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
  form.remove();
}
