#pragma once
// The plan as an Excel workbook, written with libxlsxwriter: the schedule
// sheet (real Excel dates, frozen header, filters, critical rows marked), the
// findings sheet, and a "Gantt" sheet of day or week columns filled per step.

#include <tiendo/analysis.hpp>
#include <tiendo/io/exchange.hpp>
#include <tiendo/lang.hpp>

namespace tiendo::io {

struct XlsxOptions {
  Lang lang = Lang::vi;
};

/// The workbook of an analysed plan (analysis.ok()).
ExportResult export_xlsx(const Analysis& analysis, const XlsxOptions& options = {});

}  // namespace tiendo::io
