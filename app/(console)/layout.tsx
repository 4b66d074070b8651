import { Header } from "@/components/shell/header";
import { UploadsProvider } from "@/components/assets/upload/uploads-provider";
import { requireUser } from "@/lib/auth/dal";
import { env } from "@/lib/env";

// Every console page needs a session; pages check their own role on top of this. Uploads live here so
// that they, and their panel, go on while the user moves between folders or to another console.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <Header user={user} />
      <UploadsProvider limit={env.OUTPOST_UPLOAD_LIMIT_BYTES}>
        <main id="main">{children}</main>
      </UploadsProvider>
    </>
  );
}
