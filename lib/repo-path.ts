import { z } from "zod";
import { textProblem } from "@/lib/text-rules";

/** A repository path such as /content/dam/brand/logo.png: absolute, no empty, "." or ".." segments. */
export const repoPath = z
  .string()
  .min(2, "path is required")
  .max(1024, "path must be at most 1024 characters")
  .refine(
    (p) =>
      p.startsWith("/") &&
      !textProblem(p, "path") &&
      !p.includes("\\") &&
      p
        .slice(1)
        .split("/")
        .every((s) => s !== "" && s !== "." && s !== ".."),
    "path must be absolute, like /content/dam/folder/file.jpg, with no empty, '.' or '..' segments",
  );
