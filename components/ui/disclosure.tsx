"use client";
import { Button, Disclosure as AriaDisclosure, DisclosurePanel, Heading } from "react-aria-components";
import { ChevronRight } from "lucide-react";
import { cx } from "@/components/ui/cx";

/** A titled section that opens and closes (Spectrum's accordion item), e.g. "Advanced" in a dialog. */
export function Disclosure({
  title,
  children,
  defaultExpanded,
  className,
}: {
  title: string;
  children: React.ReactNode;
  defaultExpanded?: boolean;
  className?: string;
}) {
  return (
    <AriaDisclosure defaultExpanded={defaultExpanded} className={cx("group border-t border-line", className)}>
      <Heading className="m-0">
        <Button
          slot="trigger"
          className="focus-ring flex w-full items-center gap-1.5 rounded py-2 text-left text-sm font-semibold data-[hovered]:text-accent"
        >
          <ChevronRight size={16} className="transition-transform group-data-[expanded]:rotate-90" aria-hidden />
          {title}
        </Button>
      </Heading>
      <DisclosurePanel className="pb-2">{children}</DisclosurePanel>
    </AriaDisclosure>
  );
}
