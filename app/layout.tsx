import type { Metadata } from "next";
import { Providers } from "@/app/providers";
import { systemClock } from "@/lib/clock";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Outpost", template: "%s · Outpost" },
  description: "Publish digital assets to a Brand Portal",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        {/* Each request renders the layout: relative times hydrate from this instant (useNow). */}
        <Providers renderedAt={systemClock.now()}>{children}</Providers>
      </body>
    </html>
  );
}
