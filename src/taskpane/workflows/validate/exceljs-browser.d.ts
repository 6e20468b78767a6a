/** The self-contained browser build of ExcelJS (loaded lazily, only when the user picks .xlsx files). */
declare module "exceljs/dist/exceljs.min.js" {
  import ExcelJS from "exceljs";
  export = ExcelJS;
}
