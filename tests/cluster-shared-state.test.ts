import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { dbProvider } from "@/lib/env";
import { ensureFolders } from "@/lib/portal/folders-of";
import { createTenant } from "@/lib/portal/tenants";

// What one node keeps in memory must not let it disagree with another node about what the shared
// database holds (docs/deployment.md, "Shared state"). Another node is played here by writing to
// the database directly, as that node's own code does, without this process hearing of it.

it.runIf(dbProvider === "postgresql")(
  "the portal creates an asset's folders again when another node has removed them since this node saw them",
  async () => {
    const tenant = await createTenant({ name: "Shared", slug: "shared-folders", orgTechId: "org@AdobeOrg" });
    const folder = "/content/dam/shared/campaign";
    await ensureFolders(tenant.id, folder, false);
    const paths = async () =>
      (await db.portalFolder.findMany({ where: { tenantId: tenant.id }, orderBy: { path: "asc" } })).map((f) => f.path);
    expect(await paths()).toEqual(["/content/dam/shared", folder]);

    // Another node unpublished the folder's last asset and removed the folders it left empty.
    await db.portalFolder.deleteMany({ where: { tenantId: tenant.id } });
    // An asset for the same folder then arrives here: its folders exist again.
    await ensureFolders(tenant.id, folder, false);
    expect(await paths()).toEqual(["/content/dam/shared", folder]);
  },
);
