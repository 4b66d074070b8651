import { Header } from "@/components/shell/header";
import { requireAdmin } from "@/lib/auth/dal";

// The gateway's admin pages sit outside app/(console) (their URL is /gateway) but look the same.
// Administrators only: authors get the 403 page. Each page checks again (layouts are not re-run
// on every navigation).
export default async function GatewayLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdmin();
  return (
    <>
      <Header user={user} />
      <main id="main">{children}</main>
    </>
  );
}
