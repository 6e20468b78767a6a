/**
 * Errors of the Excel gateway. Office errors (`OfficeExtension.Error`: `code`, a developer `message`,
 * `debugInfo`) are never swallowed: the gateway rethrows them as `ExcelGatewayError` with a Vietnamese
 * and an English message for the pane's MessageBar, keeping the Office code and debug info for support.
 */
import { isPovertyError } from "../core/errors";

export type GatewayErrorCode =
  | "CANCELLED"
  | "SHEET_NOT_FOUND"
  | "SHEET_EMPTY"
  | "TOO_LARGE"
  | "PAYLOAD_TOO_LARGE"
  | "CELL_EDIT_MODE"
  | "ACCESS_DENIED"
  | "SHEET_PROTECTED"
  | "INVALID_ARGUMENT"
  | "API_NOT_SUPPORTED"
  | "CONFLICT"
  | "BUSY"
  | "SETTINGS_SAVE_FAILED"
  | "NOT_IN_EXCEL"
  | "OFFICE_ERROR";

export class ExcelGatewayError extends Error {
  readonly code: GatewayErrorCode;
  readonly messageVi: string;
  readonly messageEn: string;
  /** The Office error code (e.g. "ItemNotFound"), when the error came from Office. */
  readonly officeCode?: string;
  readonly details: Record<string, unknown>;

  constructor(
    code: GatewayErrorCode,
    messageVi: string,
    messageEn: string,
    init: { officeCode?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(messageEn);
    Object.setPrototypeOf(this, ExcelGatewayError.prototype);
    this.name = "ExcelGatewayError";
    this.code = code;
    this.messageVi = messageVi;
    this.messageEn = messageEn;
    this.officeCode = init.officeCode;
    this.details = init.details ?? {};
    if (init.cause !== undefined) (this as { cause?: unknown }).cause = init.cause;
  }

  messageIn(lang: "vi" | "en"): string {
    return lang === "vi" ? this.messageVi : this.messageEn;
  }
}

export function isGatewayError(e: unknown): e is ExcelGatewayError {
  return e instanceof ExcelGatewayError;
}

/** An object shaped like `OfficeExtension.Error` (has a string `code`). */
export function isOfficeError(e: unknown): e is { code: string; message: string; debugInfo?: unknown } {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    !isPovertyError(e) &&
    !isGatewayError(e)
  );
}

/** Office error codes → our code and the user-facing texts. Unlisted codes fall back to OFFICE_ERROR. */
const OFFICE_CODES: Record<string, [GatewayErrorCode, string, string]> = {
  ItemNotFound: [
    "SHEET_NOT_FOUND",
    "Không tìm thấy trang tính hoặc vùng dữ liệu (có thể đã bị đổi tên hoặc xoá).",
    "The sheet or range was not found (it may have been renamed or deleted).",
  ],
  InvalidOperationInCellEditMode: [
    "CELL_EDIT_MODE",
    "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc rồi thử lại.",
    "Excel is editing a cell. Press Enter or Esc and try again.",
  ],
  RequestPayloadSizeLimitExceeded: [
    "PAYLOAD_TOO_LARGE",
    "Dữ liệu quá lớn cho một lần gửi tới Excel (giới hạn 5 MB trên Excel cho web).",
    "The data is too large for one request to Excel (5 MB limit in Excel on the web).",
  ],
  ResponsePayloadSizeLimitExceeded: [
    "PAYLOAD_TOO_LARGE",
    "Dữ liệu đọc về quá lớn cho một lần (giới hạn 5 MB trên Excel cho web).",
    "The data read back is too large for one request (5 MB limit in Excel on the web).",
  ],
  AccessDenied: [
    "ACCESS_DENIED",
    "Excel từ chối thao tác (sổ tính chỉ đọc hoặc bị hạn chế quyền).",
    "Excel denied the operation (read-only or restricted workbook).",
  ],
  InvalidArgument: [
    "INVALID_ARGUMENT",
    "Excel không chấp nhận dữ liệu ghi (tên trang, địa chỉ hoặc định dạng không hợp lệ).",
    "Excel rejected the data (invalid sheet name, address or format).",
  ],
  InvalidReference: ["INVALID_ARGUMENT", "Tham chiếu ô không hợp lệ.", "Invalid cell reference."],
  ApiNotFound: [
    "API_NOT_SUPPORTED",
    "Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel.",
    "This version of Excel does not support a required feature. Please update Excel.",
  ],
  NotImplemented: [
    "API_NOT_SUPPORTED",
    "Phiên bản Excel này chưa hỗ trợ chức năng cần dùng. Hãy cập nhật Excel.",
    "This version of Excel does not support a required feature. Please update Excel.",
  ],
  Conflict: [
    "CONFLICT",
    "Sổ tính vừa bị thay đổi bởi người khác. Hãy thử lại.",
    "The workbook was changed by someone else. Please try again.",
  ],
  InsertDeleteConflict: [
    "CONFLICT",
    "Thao tác chèn/xoá xung đột với dữ liệu hiện có.",
    "An insert or delete conflicts with existing data.",
  ],
  ActivityLimitReached: [
    "BUSY",
    "Excel đang bận xử lý quá nhiều yêu cầu. Hãy thử lại sau giây lát.",
    "Excel is busy with too many requests. Try again shortly.",
  ],
  RequestAborted: ["BUSY", "Excel đã huỷ yêu cầu. Hãy thử lại.", "Excel aborted the request. Please try again."],
  ServiceNotAvailable: [
    "BUSY",
    "Dịch vụ Excel tạm thời không sẵn sàng. Hãy thử lại.",
    "The Excel service is temporarily unavailable. Please try again.",
  ],
  Unauthenticated: [
    "ACCESS_DENIED",
    "Phiên làm việc đã hết hạn. Hãy đăng nhập lại.",
    "Your session expired. Please sign in again.",
  ],
  UndoNotSupported: ["OFFICE_ERROR", "Excel không thể hoàn tác thao tác này.", "Excel cannot undo this operation."],
};

/**
 * Turn anything thrown inside Excel.run into an error the pane can show. PovertyError and
 * ExcelGatewayError pass through unchanged; an `OfficeExtension.Error` is mapped by `code`
 * (message texts above) and keeps `officeCode` and `debugInfo`; anything else becomes OFFICE_ERROR
 * with the original message in the details. Never returns the input swallowed: callers `throw` it.
 */
export function mapOfficeError(e: unknown): Error {
  if (isPovertyError(e) || isGatewayError(e)) return e;
  if (isOfficeError(e)) {
    const known = OFFICE_CODES[e.code];
    const protectedSheet =
      /protect/i.test(e.message ?? "") ||
      (e.code === "AccessDenied" && /protect/i.test(JSON.stringify(e.debugInfo ?? "")));
    if (protectedSheet) {
      return new ExcelGatewayError(
        "SHEET_PROTECTED",
        "Trang tính đang được bảo vệ nên không ghi được.",
        "The sheet is protected, so it cannot be written.",
        {
          officeCode: e.code,
          details: { debugInfo: e.debugInfo, message: e.message },
          cause: e,
        },
      );
    }
    const [code, vi, en] = known ?? [
      "OFFICE_ERROR",
      `Excel báo lỗi (${e.code}). Hãy thử lại; nếu lỗi lặp lại, gửi mã lỗi này cho bộ phận hỗ trợ.`,
      `Excel reported an error (${e.code}). Try again; if it persists, send this code to support.`,
    ];
    return new ExcelGatewayError(code as GatewayErrorCode, vi, en, {
      officeCode: e.code,
      details: { debugInfo: e.debugInfo, message: e.message },
      cause: e,
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new ExcelGatewayError(
    "OFFICE_ERROR",
    `Lỗi không mong đợi khi làm việc với Excel: ${message}`,
    `Unexpected error while working with Excel: ${message}`,
    { details: { message }, cause: e },
  );
}

export function cancelled(): ExcelGatewayError {
  return new ExcelGatewayError("CANCELLED", "Đã huỷ theo yêu cầu.", "Cancelled at your request.");
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelled();
}

/** A user-facing message for any error, in the pane's language (PovertyError, gateway, Office or other). */
export function describeError(e: unknown, lang: "vi" | "en"): string {
  if (isPovertyError(e) || isGatewayError(e)) return e.messageIn(lang);
  const mapped = mapOfficeError(e);
  return isGatewayError(mapped) || isPovertyError(mapped) ? mapped.messageIn(lang) : mapped.message;
}
