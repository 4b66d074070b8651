import { Header } from "@/components/shell/header";
import { requireUser } from "@/lib/auth/dal";

// Every console page needs a session; pages check their own role on top of this.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <Header user={user} />
      <main id="main">{children}</main>
    </>
  );
}
