/**
 * First-page images of generated workbooks for people to look at (`npm run demo:images`):
 * LibreOffice (headless, throwaway profile) → PDF → `pdftoppm -png -r 80 -f 1 -l 1` → <outDir>/<name>.png.
 * Needs `soffice` and `pdftoppm` (poppler-utils); returns [] with a reason when either is missing.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { basename, join, resolve } from "path";

const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) =>
  existsSync(p),
);
const PDFTOPPM = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((p) => existsSync(p));

export interface RenderResult {
  images: string[];
  /** Why nothing was rendered (missing tools), if so. */
  skipped?: string;
}

/** Render the first page of each workbook to PNG in `outDir` (one soffice call for all files). */
export function renderFirstPages(xlsxPaths: string | string[], outDir: string): RenderResult {
  const paths = (Array.isArray(xlsxPaths) ? xlsxPaths : [xlsxPaths]).map((p) => resolve(p));
  if (!SOFFICE || !PDFTOPPM)
    return {
      images: [],
      skipped: "soffice or pdftoppm not found (apt-get install libreoffice-calc-nogui poppler-utils)",
    };
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), "lo-pdf-"));
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(work, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        work,
        ...paths,
      ],
      {
        stdio: "pipe",
        timeout: 60_000 + 20_000 * paths.length,
      },
    );
    const images: string[] = [];
    for (const p of paths) {
      const stem = basename(p).replace(/\.[^.]+$/, "");
      const pdf = join(work, `${stem}.pdf`);
      if (!existsSync(pdf)) continue;
      execFileSync(PDFTOPPM, ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, join(out, stem)], {
        stdio: "pipe",
        timeout: 60_000,
      });
      images.push(join(out, `${stem}.png`));
    }
    return { images };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
