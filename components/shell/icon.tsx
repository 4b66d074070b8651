import { Cloud, FolderOpen, KeyRound, Library, Share2, Users, Workflow, Wrench } from "lucide-react";
import type { IconName } from "@/lib/navigation";

const icons = {
  cloud: Cloud,
  replication: Share2,
  workflow: Workflow,
  users: Users,
  key: KeyRound,
  assets: FolderOpen,
  tools: Wrench,
  collections: Library,
};

export function NavIcon({ name, size = 24, className }: { name: IconName; size?: number; className?: string }) {
  const Icon = icons[name];
  return <Icon size={size} className={className} aria-hidden />;
}
