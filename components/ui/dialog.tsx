"use client";
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay, type ModalOverlayProps } from "react-aria-components";
import { cx } from "@/components/ui/cx";

type Props = Omit<ModalOverlayProps, "children"> & {
  title: string;
  children: React.ReactNode | ((close: () => void) => React.ReactNode);
  size?: "sm" | "md" | "lg";
  role?: "dialog" | "alertdialog";
};

/** A modal dialog: title, body, and a footer row of buttons (put them in <DialogFooter>). */
export function Dialog({ title, children, size = "md", role = "dialog", ...overlay }: Props) {
  return (
    <ModalOverlay
      {...overlay}
      isDismissable={overlay.isDismissable ?? role === "dialog"}
      className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-black/40 p-4 pt-[10vh]"
    >
      <Modal
        className={cx(
          "w-full rounded-lg bg-surface shadow-2xl outline-none",
          size === "sm" && "max-w-md",
          size === "md" && "max-w-xl",
          size === "lg" && "max-w-3xl",
        )}
      >
        <AriaDialog role={role} className="outline-none">
          {({ close }) => (
            <div className="p-6">
              <Heading slot="title" className="mb-4 border-b border-line pb-3 text-xl font-bold">
                {title}
              </Heading>
              {typeof children === "function" ? children(close) : children}
            </div>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

export function DialogFooter({ children, className }: { children: React.ReactNode; className?: string }) {
  return <div className={cx("mt-6 flex justify-end gap-3", className)}>{children}</div>;
}
