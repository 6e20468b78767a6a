/** Jump to a cell: activate its sheet and select it (the user sees it scrolled into view). */
import type { ExcelHost } from "./host";
import { officeHost } from "./host";
import { mapOfficeError } from "./errors";

export async function selectCell(sheet: string, address: string, host: ExcelHost = officeHost): Promise<void> {
  try {
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address || "A1").select();
      await ctx.sync();
    });
  } catch (e) {
    throw mapOfficeError(e);
  }
}
