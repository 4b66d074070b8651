import { test, expect } from "./support/test";
import { createUser, signInAs, unique } from "./support/helpers";
import { createPortalTenant, fresh, portalSignIn } from "./support/portal";
import { expectNoSeriousA11y } from "./support/a11y";

// Brand Portal identity, end to end: an Outpost administrator creates a tenant with its first
// Portal administrator (generated password, shown once), who signs in at the tenant URL, creates a
// Portal user on the portal's Users page; that user signs in and has no Users page. Console and
// portal sessions stay apart, as do two tenants' sessions; an author is refused the console's
// tenant page. axe finds nothing serious on the login and Users pages.

// Each test signs in several people (argon2id) in several browser contexts.
test.describe.configure({ timeout: 300_000 });

test("a new tenant's Portal administrator signs in and creates a Portal user, who signs in", async ({
  page,
  browser,
}) => {
  const name = unique("Acme Brand");
  const { slug, password } = await createPortalTenant(page, { name, adminLogin: "boss" });
  const home = `/portal/${slug}`;

  // an anonymous visitor of the tenant URL is sent to the tenant's sign-in page
  const boss = await fresh(browser);
  await boss.goto(home);
  await expect(boss).toHaveURL(new RegExp(`/portal/${slug}/login\\?next=%2Fportal%2F${slug}$`));
  await expect(boss.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(boss.getByText(`to ${name} Brand Portal`)).toBeVisible();
  await expectNoSeriousA11y(boss);

  // a console account is not a portal account
  await portalSignIn(boss, "admin", "e2e-admin-password-1");
  await expect(boss.getByRole("alert").filter({ hasText: "Invalid user name or password" })).toBeVisible();

  await portalSignIn(boss, "boss", password);
  await expect(boss).toHaveURL(new RegExp(`${home}$`));
  const header = boss.getByRole("banner");
  await expect(header.getByText(name)).toBeVisible();
  await expect(header.getByRole("link", { name: "Report" })).toBeVisible();
  const cookie = (await boss.context().cookies()).find((c) => c.name === "outpost_portal_session")!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: home });

  // the portal's Users page
  await header.getByRole("link", { name: "Users" }).click();
  await expect(boss.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  const bossRow = boss.getByRole("row", { name: /^boss/ });
  await expect(bossRow).toContainText("Portal administrator");
  await expect(bossRow).toContainText("(you)");
  await expectNoSeriousA11y(boss);
  await boss.getByRole("button", { name: "Create" }).click();
  const dialog = boss.getByRole("dialog", { name: "Create portal user" });
  await dialog.getByLabel("User name").fill("ann");
  await dialog.getByLabel("Display name").fill("Ann Designer");
  await expect(dialog.getByRole("button", { name: /Role/ })).toContainText("Portal user");
  await dialog.getByLabel("Initial password").fill("short");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText("Password must be at least 10 characters")).toBeVisible();
  await dialog.getByLabel("Initial password").fill("ann-password-123");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await expect(boss.getByRole("row", { name: "ann" })).toContainText(/Ann Designer.*Portal user.*Enabled/);
  await expectNoSeriousA11y(boss);

  // the Portal user signs in; they have no Users page
  const ann = await fresh(browser);
  await ann.goto(`${home}/users`);
  await expect(ann).toHaveURL(new RegExp(`/login\\?next=%2Fportal%2F${slug}%2Fusers$`));
  await portalSignIn(ann, "ann", "ann-password-123");
  await expect(ann.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await ann.goto(home);
  await expect(ann.getByRole("banner").getByRole("button", { name: "User menu for Ann Designer" })).toBeVisible();
  await expect(ann.getByRole("banner").getByRole("link", { name: "Users" })).toHaveCount(0);

  // the portal admin disables Ann: she is signed out at once
  await boss.getByRole("button", { name: "Actions for ann" }).click();
  await boss.getByRole("menuitem", { name: "Disable" }).click();
  await boss.getByRole("alertdialog").getByRole("button", { name: "Disable" }).click();
  await expect(boss.getByRole("row", { name: "ann" })).toContainText("Disabled");
  await ann.reload();
  await expect(ann).toHaveURL(/\/login\?next=/);
  await portalSignIn(ann, "ann", "ann-password-123");
  await expect(ann.getByRole("alert").filter({ hasText: "This account is disabled" })).toBeVisible();

  // sign out from the user menu
  await boss.getByRole("button", { name: "User menu for boss" }).click();
  await boss.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(boss).toHaveURL(new RegExp(`/portal/${slug}/login$`));
  await boss.goto(`${home}/users`);
  await expect(boss).toHaveURL(/\/login\?next=/);
});

test("console and portal sessions, and two tenants' sessions, are separate", async ({ page, browser }) => {
  const a = await createPortalTenant(page, { name: unique("Tenant A"), adminLogin: "admin" });
  const b = await createPortalTenant(page, { name: unique("Tenant B"), adminLogin: "admin" });

  // the console's administrator has no portal session
  await page.goto(`/portal/${a.slug}`);
  await expect(page).toHaveURL(new RegExp(`/portal/${a.slug}/login\\?next=`));

  const portal = await fresh(browser);
  await portal.goto(`/portal/${a.slug}/login`);
  await portalSignIn(portal, "admin", a.password);
  await expect(portal.getByRole("banner").getByRole("link", { name: "Users" })).toBeVisible();
  // tenant A's session opens nothing in tenant B, even with the same login name
  await portal.goto(`/portal/${b.slug}/users`);
  await expect(portal).toHaveURL(new RegExp(`/portal/${b.slug}/login\\?next=`));
  // and nothing in the console
  await portal.goto("/tools/replication/tenants");
  await expect(portal).toHaveURL(/^[^?]*\/login\?next=%2Ftools/);
  expect((await portal.request.get("/api/me", { maxRedirects: 0 })).status()).toBe(401);
});

test("Outpost administrators manage portal users from the tenant page; an author is refused", async ({
  page,
  browser,
}) => {
  const name = unique("Globex");
  const { slug } = await createPortalTenant(page, { name, adminLogin: "chief" });
  await page.goto("/tools/replication/tenants");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("row", { name: "chief" })).toContainText("Portal administrator");

  await page.getByRole("button", { name: "Create" }).click();
  const dialog = page.getByRole("dialog", { name: "Create portal user" });
  await dialog.getByLabel("User name").fill("gus");
  await dialog.getByLabel("Display name").fill("Gus");
  await dialog.getByRole("button", { name: /Role/ }).click();
  await page.getByRole("option", { name: /^Portal administrator/ }).click();
  await dialog.getByRole("button", { name: "Generate" }).click();
  const first = await dialog.getByLabel("Initial password").inputValue();
  expect(first).toMatch(/^[A-Za-z0-9_-]{16}$/);
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: "gus" })).toContainText("Portal administrator");

  const gus = await fresh(browser);
  await gus.goto(`/portal/${slug}/login`);
  await portalSignIn(gus, "gus", first);
  await expect(gus.getByRole("banner").getByRole("link", { name: "Users" })).toBeVisible();

  // a password reset from the console ends Gus's session
  await page.getByRole("button", { name: "Actions for gus" }).click();
  await page.getByRole("menuitem", { name: "Reset password" }).click();
  const reset = page.getByRole("dialog", { name: "Reset password of gus" });
  await reset.getByLabel("New password").fill("gus-new-password-1");
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset).toBeHidden();
  await gus.reload();
  await expect(gus).toHaveURL(/\/login\?next=/);
  await portalSignIn(gus, "gus", "gus-new-password-1");
  await expect(gus.getByRole("banner").getByRole("link", { name: "Users" })).toBeVisible();

  // the role change from the console takes effect on Gus's next page
  await page.getByRole("button", { name: "Actions for gus" }).click();
  await page.getByRole("menuitem", { name: "Change role" }).click();
  const role = page.getByRole("dialog", { name: "Change role of gus" });
  await role.getByRole("button", { name: /Role/ }).click();
  await page.getByRole("option", { name: /^Portal user/ }).click();
  await role.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("row", { name: "gus" })).toContainText("Portal user");
  await gus.goto(`/portal/${slug}/users`);
  await expect(gus.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // an author sees neither the tenants nor a tenant's users
  const login = unique("author");
  await createUser(page, { login, name: "Author", role: "Author", password: "author-password-1" });
  const author = await signInAs(browser, login, "author-password-1");
  for (const url of ["/tools/replication/tenants", `/tools/replication/tenants/${slug}`]) {
    await author.goto(url);
    await expect(author.getByRole("heading", { name: "You don't have access" })).toBeVisible();
    await expect(author.getByText("chief")).toHaveCount(0);
  }
});
