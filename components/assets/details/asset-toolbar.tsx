"use client";
import { useRouter } from "next/navigation";
import { ChevronDown, Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Menu, MenuItem } from "@/components/ui/menu";
import { CommandHost, useCommandHost } from "@/components/assets/commands/command-host";
import { CommandButton } from "@/components/assets/commands/command-button";
import { consoleUrl, parentOf } from "@/lib/assets/names";
import type { SelectedItem } from "@/lib/assets/types";

type Props = { item: SelectedItem; downloads: { label: string; href: string }[] };

/** The asset details page's actions: Download (original and renditions) and the registry's commands for this asset. */
export function AssetToolbar({ item, downloads }: Props) {
  const router = useRouter();
  return (
    <CommandHost
      place="assets"
      folder={undefined}
      onDone={({ command }) => {
        if (command === "delete") router.push(consoleUrl(parentOf(item.path)));
        else router.replace(`/assets?asset=${item.id}`); // follows a rename or move
      }}
    >
      <Commands item={item} />
      <Menu
        label="Download"
        trigger={
          <Button variant="secondary">
            <Download size={16} aria-hidden /> Download <ChevronDown size={14} aria-hidden />
          </Button>
        }
      >
        {downloads.map((d) => (
          <MenuItem key={d.href} href={d.href} download>
            {d.label}
          </MenuItem>
        ))}
      </Menu>
    </CommandHost>
  );
}

function Commands({ item }: { item: SelectedItem }) {
  const { available } = useCommandHost();
  const commands = available([item]).filter((c) => c.id !== "properties" && c.id !== "download");
  return (
    <div className="flex flex-wrap items-center gap-1">
      {commands.map((c) => (
        <CommandButton key={c.id} command={c} items={[item]} variant="toolbar" />
      ))}
    </div>
  );
}
