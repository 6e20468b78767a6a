/**
 * Browser-side stub of Office.js, CustomFunctions and a small in-memory Excel, installed with
 * page.addInitScript BEFORE the page's scripts run (see ./browser.ts openTaskpane()).
 * The real office.js from the CDN is intercepted and replaced by an empty script, so this stub is
 * what the task pane sees.
 *
 * Configure with window.__OFFICE_STUB__ (set by an earlier init script; openTaskpane does this):
 *   {
 *     host: "Excel" | null,            // null = outside Office: onReady resolves { host: null, platform: null }
 *     platform: "PC" | "Mac" | "OfficeOnline",
 *     dark: false,                     // Office.context.officeTheme.isDarkTheme
 *     displayLanguage: "vi-VN",
 *     requirements: { ExcelApi: "1.17", SharedRuntime: "1.1" },   // isSetSupported answers from this
 *     sheets: { "Sheet1": [["Họ tên", "Thu nhập"], ["A", 1500000]] }, // workbook contents (first = active)
 *   }
 * Inspect from tests with page.evaluate(() => window.__excel) (sheets, calls log) and
 * window.__customFunctions (id → function passed to CustomFunctions.associate).
 *
 * The fake Excel covers: Excel.run(ctx => …) and Excel.run(options, ctx => …); context.sync();
 * workbook.worksheets.{getItem, getItemOrNullObject, add, getActiveWorksheet, load, items};
 * workbook.names / worksheet.names.{getItem, getItemOrNullObject, add, items};
 * worksheet.{name, visibility, getRange, getRangeByIndexes, getUsedRange, getUsedRangeOrNullObject, activate, delete};
 * range.{address, values, formulas, valueTypes, rowCount, columnCount, rowIndex, columnIndex, load,
 * format (no-op), select}. load() is a no-op: properties are always readable (real Excel needs load+sync,
 * which the lint rules and unit tests with office-addin-mock enforce). Extend it in the same style.
 */
(function () {
  "use strict";
  var cfg = window.__OFFICE_STUB__ || {};
  var host = cfg.host === undefined ? "Excel" : cfg.host;
  var platform = host ? cfg.platform || "PC" : null;
  var requirements = cfg.requirements || { ExcelApi: "1.17", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.4" };

  // ---------------------------------------------------------------- Office
  var settingsStore = {};
  var readyInfo = { host: host, platform: platform };
  var dark = Boolean(cfg.dark);
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline", iOS: "iOS", Android: "Android" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (typeof callback === "function") callback(readyInfo);
          resolve(readyInfo);
        }, 0);
      });
    },
    context: {
      displayLanguage: cfg.displayLanguage || "vi-VN",
      contentLanguage: cfg.displayLanguage || "vi-VN",
      officeTheme: host
        ? {
            isDarkTheme: dark,
            bodyBackgroundColor: dark ? "#262626" : "#ffffff",
            bodyForegroundColor: dark ? "#ffffff" : "#000000",
            controlBackgroundColor: dark ? "#333333" : "#ffffff",
            controlForegroundColor: dark ? "#ffffff" : "#000000",
          }
        : undefined,
      requirements: {
        isSetSupported: function (name, version) {
          var have = requirements[name];
          if (!have) return false;
          if (!version) return true;
          var a = String(have).split(".").map(Number);
          var b = String(version).split(".").map(Number);
          return a[0] > b[0] || (a[0] === b[0] && (a[1] || 0) >= (b[1] || 0));
        },
      },
      document: {
        settings: {
          get: function (k) {
            return Object.prototype.hasOwnProperty.call(settingsStore, k) ? settingsStore[k] : null;
          },
          set: function (k, v) {
            settingsStore[k] = v;
          },
          remove: function (k) {
            delete settingsStore[k];
          },
          saveAsync: function (a, b) {
            var cb = typeof a === "function" ? a : b;
            if (cb)
              setTimeout(function () {
                cb({ status: "succeeded" });
              }, 0);
          },
        },
      },
    },
  };

  // ---------------------------------------------------------------- CustomFunctions
  window.__customFunctions = {};
  function CfError(code, message) {
    var e = new Error(message || "");
    e.code = code;
    e.name = "CustomFunctions.Error";
    return e;
  }
  window.CustomFunctions = {
    associate: function (id, fn) {
      window.__customFunctions[id] = fn;
    },
    Error: CfError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };

  if (!host) return; // outside Office there is no Excel namespace (as with the real office.js)

  // ---------------------------------------------------------------- in-memory Excel
  function colToIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
    return n - 1;
  }
  function indexToCol(i) {
    var s = "";
    for (i = i + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
    return s;
  }
  function parseA1(address) {
    var a = String(address).replace(/\$/g, "");
    if (a.indexOf("!") >= 0) a = a.slice(a.lastIndexOf("!") + 1);
    var parts = a.toUpperCase().split(":");
    var p = function (ref) {
      var m = /^([A-Z]+)(\d+)$/.exec(ref);
      if (!m) throw officeError("InvalidArgument", "Bad address " + address);
      return { row: Number(m[2]) - 1, col: colToIndex(m[1]) };
    };
    var s = p(parts[0]);
    var e = parts[1] ? p(parts[1]) : s;
    return {
      row: Math.min(s.row, e.row),
      col: Math.min(s.col, e.col),
      rows: Math.abs(e.row - s.row) + 1,
      cols: Math.abs(e.col - s.col) + 1,
    };
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function officeError(code, message) {
    var e = new Error(message);
    e.name = "RichApi.Error";
    e.code = code;
    e.debugInfo = { code: code, message: message };
    return e;
  }
  function typeOf(v) {
    if (v === "" || v === null || v === undefined) return "Empty";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    if (typeof v === "string" && /^#(VALUE!|N\/A|DIV\/0!|NUM!|NULL!|NAME\?|REF!|SPILL!|CALC!|BUSY!)$/.test(v))
      return "Error";
    return "String";
  }

  var state = { sheets: [], active: 0, calls: [] };
  window.__excel = state;
  var initial = cfg.sheets || { Sheet1: [] };
  Object.keys(initial).forEach(function (name) {
    state.sheets.push({ name: name, cells: JSON.parse(JSON.stringify(initial[name])) });
  });

  function get(sheet, r, c) {
    var row = sheet.cells[r];
    var v = row ? row[c] : undefined;
    return v === undefined || v === null ? "" : v;
  }
  function set(sheet, r, c, v) {
    if (v === null) return; // null leaves a cell unchanged (Office.js semantics)
    while (sheet.cells.length <= r) sheet.cells.push([]);
    var row = sheet.cells[r];
    while (row.length <= c) row.push("");
    row[c] = v;
  }
  function usedBox(sheet) {
    var maxR = -1;
    var maxC = -1;
    sheet.cells.forEach(function (row, r) {
      (row || []).forEach(function (v, c) {
        if (v !== "" && v !== null && v !== undefined) {
          if (r > maxR) maxR = r;
          if (c > maxC) maxC = c;
        }
      });
    });
    return maxR < 0 ? null : { row: 0, col: 0, rows: maxR + 1, cols: maxC + 1 };
  }

  function makeRange(sheet, box) {
    var matrix = function (fn) {
      var out = [];
      for (var r = 0; r < box.rows; r++) {
        var line = [];
        for (var c = 0; c < box.cols; c++) line.push(fn(box.row + r, box.col + c));
        out.push(line);
      }
      return out;
    };
    var write = function (values) {
      if (
        !Array.isArray(values) ||
        values.length !== box.rows ||
        values.some(function (l) {
          return !Array.isArray(l) || l.length !== box.cols;
        })
      ) {
        throw officeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        );
      }
      state.calls.push({ op: "write", sheet: sheet.name, address: range.address });
      values.forEach(function (line, r) {
        line.forEach(function (v, c) {
          set(sheet, box.row + r, box.col + c, v);
        });
      });
    };
    var noop = function () {};
    var range = {
      isNullObject: false,
      rowIndex: box.row,
      columnIndex: box.col,
      rowCount: box.rows,
      columnCount: box.cols,
      address:
        quoteSheet(sheet.name) +
        "!" +
        indexToCol(box.col) +
        (box.row + 1) +
        (box.rows > 1 || box.cols > 1 ? ":" + indexToCol(box.col + box.cols - 1) + (box.row + box.rows) : ""),
      load: function () {
        return range;
      },
      select: function () {
        state.calls.push({ op: "select", sheet: sheet.name, address: range.address });
      },
      format: { font: {}, fill: { clear: noop }, borders: {}, autofitColumns: noop, autofitRows: noop },
      getCell: function (r, c) {
        return makeRange(sheet, { row: box.row + r, col: box.col + c, rows: 1, cols: 1 });
      },
    };
    Object.defineProperty(range, "values", {
      get: function () {
        return matrix(function (r, c) {
          return get(sheet, r, c);
        });
      },
      set: write,
    });
    Object.defineProperty(range, "formulas", {
      get: function () {
        return matrix(function (r, c) {
          return get(sheet, r, c);
        });
      },
      set: write,
    });
    Object.defineProperty(range, "valueTypes", {
      get: function () {
        return matrix(function (r, c) {
          return typeOf(get(sheet, r, c));
        });
      },
    });
    return range;
  }

  // Defined names (workbook-level and sheet-level): getItemOrNullObject / getItem / add / items.
  function makeNames(store) {
    var named = function (n) {
      return {
        isNullObject: false,
        name: n.name,
        formula: n.reference,
        load: function () {
          return this;
        },
        delete: function () {
          store.splice(store.indexOf(n), 1);
        },
      };
    };
    var nullObject = {
      isNullObject: true,
      load: function () {
        return this;
      },
    };
    var names = {
      load: function () {
        return names;
      },
      getItemOrNullObject: function (name) {
        var n = store.filter(function (x) {
          return x.name.toLowerCase() === String(name).toLowerCase();
        })[0];
        return n ? named(n) : nullObject;
      },
      getItem: function (name) {
        var item = names.getItemOrNullObject(name);
        if (item.isNullObject) throw officeError("ItemNotFound", "The requested resource doesn't exist.");
        return item;
      },
      add: function (name, reference) {
        var n = { name: name, reference: reference };
        store.push(n);
        return named(n);
      },
    };
    Object.defineProperty(names, "items", {
      get: function () {
        return store.map(named);
      },
    });
    return names;
  }
  var workbookNames = [];

  function makeSheet(sheet) {
    sheet.names = sheet.names || [];
    var ws = {
      isNullObject: false,
      visibility: "Visible",
      names: makeNames(sheet.names),
      load: function () {
        return ws;
      },
      activate: function () {
        state.active = state.sheets.indexOf(sheet);
      },
      delete: function () {
        state.sheets.splice(state.sheets.indexOf(sheet), 1);
      },
      getRange: function (address) {
        return makeRange(sheet, parseA1(address || "A1"));
      },
      getRangeByIndexes: function (r, c, rows, cols) {
        return makeRange(sheet, { row: r, col: c, rows: rows, cols: cols });
      },
      getUsedRange: function () {
        return makeRange(sheet, usedBox(sheet) || { row: 0, col: 0, rows: 1, cols: 1 });
      },
      getUsedRangeOrNullObject: function () {
        var b = usedBox(sheet);
        return b
          ? makeRange(sheet, b)
          : {
              isNullObject: true,
              load: function () {
                return this;
              },
            };
      },
    };
    Object.defineProperty(ws, "name", {
      get: function () {
        return sheet.name;
      },
      set: function (v) {
        sheet.name = v;
      },
    });
    return ws;
  }

  function findSheet(name) {
    for (var i = 0; i < state.sheets.length; i++)
      if (state.sheets[i].name.toLowerCase() === String(name).toLowerCase()) return state.sheets[i];
    return null;
  }

  function RequestContext() {
    var worksheets = {
      load: function () {
        return worksheets;
      },
      getItem: function (name) {
        var s = findSheet(name);
        if (!s) throw officeError("ItemNotFound", "The requested resource doesn't exist.");
        return makeSheet(s);
      },
      getItemOrNullObject: function (name) {
        var s = findSheet(name);
        return s
          ? makeSheet(s)
          : {
              isNullObject: true,
              load: function () {
                return this;
              },
            };
      },
      add: function (name) {
        if (findSheet(name))
          throw officeError("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
        var s = { name: name, cells: [] };
        state.sheets.push(s);
        state.calls.push({ op: "addSheet", sheet: name });
        return makeSheet(s);
      },
      getActiveWorksheet: function () {
        return makeSheet(state.sheets[state.active]);
      },
    };
    Object.defineProperty(worksheets, "items", {
      get: function () {
        return state.sheets.map(makeSheet);
      },
    });
    this.workbook = {
      worksheets: worksheets,
      names: makeNames(workbookNames),
      getActiveCell: function () {
        return makeSheet(state.sheets[state.active]).getRange("A1");
      },
      getSelectedRange: function () {
        return makeSheet(state.sheets[state.active]).getRange("A1");
      },
    };
    this.application = {
      suspendApiCalculationUntilNextSync: function () {},
      suspendScreenUpdatingUntilNextSync: function () {},
    };
    this.sync = function () {
      state.calls.push({ op: "sync" });
      return Promise.resolve();
    };
  }

  window.Excel = {
    RequestContext: RequestContext,
    run: function (a, b) {
      var batch = typeof a === "function" ? a : b;
      state.calls.push({ op: "run" });
      return Promise.resolve().then(function () {
        return batch(new RequestContext());
      });
    },
    ErrorCodes: {
      itemNotFound: "ItemNotFound",
      invalidArgument: "InvalidArgument",
      itemAlreadyExists: "ItemAlreadyExists",
    },
  };
})();
