"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button as AriaButton, Input, SearchField } from "react-aria-components";
import {
  ArrowDownNarrowWide,
  ArrowUpNarrowWide,
  ChevronDown,
  ChevronLeft,
  ChevronRight,
  FolderPlus,
  LayoutGrid,
  Library,
  List,
  Search,
  Upload,
  X,
} from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button, IconButton, LinkButton } from "@/components/ui/button";
import { Menu, MenuItem } from "@/components/ui/menu";
import { Select } from "@/components/ui/select";
import { Alert } from "@/components/ui/alert";
import { inputClass } from "@/components/ui/text-field";
import { cx } from "@/components/ui/cx";
import type { Crumb } from "@/components/ui/breadcrumbs";
import { getJson } from "@/lib/http/browser-api";
import { AssetCard } from "@/components/assets/asset-card";
import { AssetTable } from "@/components/assets/asset-table";
import { SelectionBar } from "@/components/assets/selection-bar";
import { CommandHost } from "@/components/assets/commands/command-host";
import { CreateFolderDialog } from "@/components/assets/dialogs/create-folder-dialog";
import { useAddUploads } from "@/components/assets/upload/uploads-provider";
import { toSelected, useSelection } from "@/components/assets/use-selection";
import { consoleUrl, SEARCH_MAX } from "@/lib/assets/names";
import {
  BP_FILTERS,
  type BpFilter,
  type BrowseItem,
  type BrowsePage,
  type FolderRef,
  type SortDir,
  type SortKey,
} from "@/lib/assets/types";

const PAGE_SIZE = 50;
const SORTS: { id: SortKey; label: string }[] = [
  { id: "name", label: "Name" },
  { id: "title", label: "Title" },
  { id: "type", label: "Type" },
  { id: "size", label: "Size" },
  { id: "modified", label: "Modified" },
];

/**
 * The Assets console for one folder: card or list view, sorting, search below the folder,
 * paging, selection mode with the command registry, Create (Folder, Files) and drag and drop
 * uploads. State lives in the URL (?view, sort, dir, q, page) so links and Back work.
 */
export function AssetsBrowser({ folder, crumbs }: { folder: FolderRef; crumbs: Crumb[] }) {
  const router = useRouter();
  const params = useSearchParams();
  const queryClient = useQueryClient();
  const view = params.get("view") === "list" ? "list" : "card";
  const sort = (SORTS.find((s) => s.id === params.get("sort"))?.id ?? "name") as SortKey;
  const dir: SortDir = params.get("dir") === "desc" ? "desc" : "asc";
  // The field takes no more than the server searches for; a longer ?q= typed into the address too.
  const q = (params.get("q") ?? "").slice(0, SEARCH_MAX);
  const bp = BP_FILTERS.find((f) => f.id === params.get("bp"))?.id ?? null;
  const searching = !!q || !!bp;
  const page = Math.max(1, Number(params.get("page")) || 1);

  // Each page, sort, view or filter is a history entry, so Back returns to it; a search typed
  // replaces its entry instead (one entry per keystroke would make Back useless).
  const setParams = useCallback((patch: Record<string, string | null>, { replace = false } = {}) => {
    const next = new URLSearchParams(window.location.search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    const s = next.toString();
    const url = s ? `?${s}` : window.location.pathname;
    if (replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }, []);

  const browse = useQuery({
    queryKey: ["assets", "browse", folder.path, q, bp, sort, dir, page],
    queryFn: ({ signal }) => {
      const p = new URLSearchParams({
        path: folder.path,
        sort,
        dir,
        offset: String((page - 1) * PAGE_SIZE),
        limit: String(PAGE_SIZE),
      });
      if (q) p.set("q", q);
      if (bp) p.set("bp", bp);
      return getJson<BrowsePage>(`/api/assets/browse?${p}`, signal);
    },
    placeholderData: keepPreviousData,
    // Thumbnails appear by themselves once the rendition worker has made them, and Brand Portal
    // states once the agents have delivered.
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => i.kind === "asset" && i.renditionState === "pending")
        ? 1500
        : query.state.data?.items.some((i) => i.bp.state === "pending")
          ? 3000
          : false,
  });

  const selection = useSelection();
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ["assets"] });
  }, [queryClient]);
  const upload = useAddUploads();
  const [creating, setCreating] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const items = browse.data?.items ?? [];
  const total = browse.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefOf = (i: BrowseItem) => consoleUrl(i.path);
  const allOnPage = items.length > 0 && items.every((i) => selection.has(i.id));

  const header = selection.size ? (
    <SelectionBar
      items={selection.items}
      onClose={selection.clear}
      onSelectAll={() => selection.setMany(items.map(toSelected), true)}
      allSelected={allOnPage}
    />
  ) : (
    <PageHeader
      title={folder.title}
      crumbs={crumbs}
      actions={
        <>
          <div role="group" aria-label="View" className="mr-2 flex rounded border border-line">
            <IconButton
              label="Card view"
              aria-pressed={view === "card"}
              className={cx("rounded-none", view === "card" && "bg-accent-soft text-accent")}
              onPress={() => setParams({ view: null })}
            >
              <LayoutGrid size={18} aria-hidden />
            </IconButton>
            <IconButton
              label="List view"
              aria-pressed={view === "list"}
              className={cx("rounded-none", view === "list" && "bg-accent-soft text-accent")}
              onPress={() => setParams({ view: "list" })}
            >
              <List size={18} aria-hidden />
            </IconButton>
          </div>
          <LinkButton variant="secondary" href="/collections">
            <Library size={16} aria-hidden /> Collections
          </LinkButton>
          <Menu
            label="Create"
            trigger={
              <Button variant="primary">
                Create <ChevronDown size={16} aria-hidden />
              </Button>
            }
          >
            <MenuItem onAction={() => setCreating(true)}>
              <FolderPlus size={16} aria-hidden /> Folder
            </MenuItem>
            <MenuItem onAction={() => fileInput.current?.click()}>
              <Upload size={16} aria-hidden /> Files
            </MenuItem>
          </Menu>
        </>
      }
    />
  );

  return (
    <CommandHost
      place="assets"
      folder={folder}
      onDone={({ keepSelection }) => {
        if (!keepSelection) selection.clear();
        refresh();
        router.refresh();
      }}
    >
      {header}
      <DropArea folderTitle={folder.title} onFiles={(files) => upload(files, folder.path)}>
        <div className="flex flex-wrap items-end gap-3 pb-4">
          <SearchInput
            key={folder.path}
            initial={q}
            onSearch={(v) => setParams({ q: v, page: null }, { replace: true })}
            placeholder={`Search ${folder.title} and below`}
          />
          <Select
            label="Brand Portal"
            className="w-60"
            options={[{ id: "any", label: "Any state" }, ...BP_FILTERS]}
            value={bp ?? "any"}
            onChange={(v) => setParams({ bp: v === "any" ? null : v, page: null })}
          />
          {view === "card" && (
            <div className="flex items-end gap-1">
              <Select
                label="Sort by"
                className="w-36"
                options={SORTS}
                value={sort}
                onChange={(v) => setParams({ sort: v === "name" ? null : v, page: null })}
              />
              <IconButton
                label={dir === "asc" ? "Ascending" : "Descending"}
                onPress={() => setParams({ dir: dir === "asc" ? "desc" : null, page: null })}
              >
                {dir === "asc" ? (
                  <ArrowUpNarrowWide size={18} aria-hidden />
                ) : (
                  <ArrowDownNarrowWide size={18} aria-hidden />
                )}
              </IconButton>
            </div>
          )}
          <span className="ml-auto min-w-0 pb-1.5 text-sm text-ink-muted wrap-anywhere" aria-live="polite">
            {browse.data ? countText(total, q, bp, folder.title) : browse.error ? "" : "Loading…"}
          </span>
        </div>
        {browse.error && (
          <Alert tone="negative" className="mb-4">
            {browse.error.message}
          </Alert>
        )}
        {view === "card" ? (
          items.length ? (
            <div className="grid grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] gap-4" aria-label="Assets">
              {items.map((i) => (
                <AssetCard
                  key={i.id}
                  item={i}
                  href={hrefOf(i)}
                  selected={selection.has(i.id)}
                  selecting={selection.size > 0}
                  onToggle={() => selection.toggle(toSelected(i))}
                  showPath={searching}
                />
              ))}
            </div>
          ) : (
            browse.data && <Empty searching={!!q} filtered={bp} folderTitle={folder.title} />
          )
        ) : (
          <AssetTable
            items={items}
            hrefOf={hrefOf}
            isSelected={selection.has}
            onSelect={selection.setMany}
            sort={sort}
            dir={dir}
            onSort={(s, d) => setParams({ sort: s === "name" ? null : s, dir: d === "asc" ? null : d, page: null })}
            showPath={searching}
          />
        )}
        {pages > 1 && (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-end gap-3 text-sm">
            <span className="text-ink-muted">
              Page {page} of {pages}
            </span>
            <Button
              variant="quiet"
              isDisabled={page <= 1}
              onPress={() => setParams({ page: page - 1 > 1 ? String(page - 1) : null })}
            >
              <ChevronLeft size={16} aria-hidden /> Previous
            </Button>
            <Button variant="quiet" isDisabled={page >= pages} onPress={() => setParams({ page: String(page + 1) })}>
              Next <ChevronRight size={16} aria-hidden />
            </Button>
          </nav>
        )}
      </DropArea>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label="Upload files"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = "";
          if (files.length) upload(files, folder.path);
        }}
      />
      <CreateFolderDialog parentPath={folder.path} isOpen={creating} onOpenChange={setCreating} onCreated={refresh} />
    </CommandHost>
  );
}

const filterLabel = (bp: BpFilter) => (bp === "pending" ? "pending" : bp === "not-published" ? "not published" : bp);

function countText(total: number, q: string, bp: BpFilter | null, folderTitle: string): string {
  const n = `${total} ${q ? "result" : "item"}${total === 1 ? "" : "s"}`;
  if (!q && !bp) return n;
  return `${n}${q ? ` for “${q}”` : ""}${bp ? ` ${filterLabel(bp)} on Brand Portal` : ""} in ${folderTitle} and its subfolders`;
}

function Empty({
  searching,
  filtered,
  folderTitle,
}: {
  searching: boolean;
  filtered: BpFilter | null;
  folderTitle: string;
}) {
  return (
    <div className="rounded border-2 border-dashed border-line-strong p-12 text-center text-ink-muted">
      {filtered
        ? `Nothing in ${folderTitle} or below it is ${filterLabel(filtered)} on Brand Portal${searching ? " and matches the search" : ""}.`
        : searching
          ? "No assets match. Search looks at names and titles in this folder and all folders below it."
          : "This folder is empty. Drag files here, or use Create › Files or Create › Folder."}
    </div>
  );
}

/** The search field: debounced, Enter searches at once, Escape clears. */
function SearchInput({
  initial,
  onSearch,
  placeholder,
}: {
  initial: string;
  onSearch: (q: string) => void;
  placeholder: string;
}) {
  const [value, setValue] = useState(initial);
  const sent = useRef(initial.trim());
  const submit = useCallback(
    (v: string) => {
      if (v.trim() === sent.current) return;
      sent.current = v.trim();
      onSearch(v.trim());
    },
    [onSearch],
  );
  useEffect(() => {
    const t = setTimeout(() => submit(value), 300);
    return () => clearTimeout(t);
  }, [value, submit]);
  // Back and Forward bring the search of their entry: the field shows it.
  useEffect(() => {
    const follow = () => {
      const q = new URLSearchParams(window.location.search).get("q")?.trim() ?? "";
      sent.current = q;
      setValue(q);
    };
    window.addEventListener("popstate", follow);
    return () => window.removeEventListener("popstate", follow);
  }, []);
  return (
    <SearchField
      value={value}
      onChange={setValue}
      onSubmit={submit}
      aria-label="Search assets"
      className="group relative w-full max-w-md"
    >
      <Search size={16} className="pointer-events-none absolute left-2.5 top-2 text-ink-muted" aria-hidden />
      <Input
        maxLength={SEARCH_MAX}
        placeholder={placeholder}
        className={cx(inputClass, "pl-8 pr-8 [&::-webkit-search-cancel-button]:hidden")}
      />
      <AriaButton
        aria-label="Clear search"
        className="absolute right-1.5 top-1.5 rounded p-0.5 text-ink-muted group-data-[empty]:hidden data-[hovered]:bg-black/5"
      >
        <X size={14} aria-hidden />
      </AriaButton>
    </SearchField>
  );
}

/** The page body, which takes files dropped anywhere on it. */
function DropArea({
  folderTitle,
  onFiles,
  children,
}: {
  folderTitle: string;
  onFiles: (files: File[]) => void;
  children: React.ReactNode;
}) {
  const [over, setOver] = useState(0);
  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer.types).includes("Files");
  return (
    <div
      className="relative min-h-[60vh] px-6 py-4"
      onDragEnter={(e) => hasFiles(e) && setOver((n) => n + 1)}
      onDragLeave={(e) => hasFiles(e) && setOver((n) => Math.max(0, n - 1))}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(0);
        const files = Array.from(e.dataTransfer.files);
        if (files.length) onFiles(files);
      }}
    >
      {children}
      {over > 0 && (
        <div className="pointer-events-none absolute inset-2 z-20 flex items-center justify-center rounded-lg border-2 border-dashed border-accent bg-accent-soft/90 text-lg font-semibold text-accent">
          <Upload size={24} className="mr-2" aria-hidden /> Drop files to upload them to {folderTitle}
        </div>
      )}
    </div>
  );
}
