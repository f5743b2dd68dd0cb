// Google Benchmark for reading and writing spreadsheet tables (src/sheet): 200,000 rows of ten
// enterprise-register columns, as CSV, as an .xlsx written by TableWriter (inline strings) and
// as an .xlsx the way Excel saves it (shared strings, a date-styled column). Items are rows.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "sheet/table_reader.h"
#include "sheet/table_writer.h"
#include "sheet/xlsx_test_util.h"

namespace {

using zl::sheet::TableFormat;
using Row = std::vector<std::string>;

constexpr int kRows = 200000;

Row MakeRow(int i) {
  return {fmt::format("91130{:03}MA0C{:05}X", i % 1000, i),
          fmt::format("唐山第{}钢铁有限公司", i),
          fmt::format("1302{:02}", i % 30),
          "C31",
          i % 3 == 0 ? "小型" : "中型",
          fmt::format("2023-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
          fmt::format("{}", i * 37 % 100000),
          fmt::format("{}.{:02}", i % 5000, i % 100),
          "张三",
          i % 7 == 0 ? "" : "正常经营"};
}

std::string Write(TableFormat format) {
  auto writer = zl::sheet::TableWriter::Create(format, "企业名录");
  if (!writer
           ->AddRow(
               {"代码", "名称", "区划", "行业", "规模", "成立日期", "人数", "资本", "法人", "状态"})
           .ok()) {
    std::abort();
  }
  for (int i = 0; i < kRows; ++i) {
    if (!writer->AddRow(MakeRow(i)).ok()) std::abort();
  }
  return std::move(writer->Finish()).value();
}

// As Excel saves it: text in the shared-string table, the date as a styled serial number.
std::string ExcelStyleXlsx() {
  zl::sheet::testing::XlsxParts parts;
  parts.styles = R"(<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>)";
  std::vector<std::string> shared;
  for (int i = 0; i < kRows; ++i) {
    const Row row = MakeRow(i);
    parts.sheet_data += fmt::format("<row r=\"{}\">", i + 1);
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string ref = fmt::format("{}{}", static_cast<char>('A' + c), i + 1);
      if (c == 5) {
        parts.sheet_data += fmt::format("<c r=\"{}\" s=\"1\"><v>{}</v></c>", ref, 44927 + i % 365);
      } else if (c == 6 || c == 7) {
        parts.sheet_data += fmt::format("<c r=\"{}\"><v>{}</v></c>", ref, row[c]);
      } else if (!row[c].empty()) {
        parts.sheet_data += fmt::format("<c r=\"{}\" t=\"s\"><v>{}</v></c>", ref, shared.size());
        shared.push_back(row[c]);  // no de-duplication: the worst case for the table
      }
    }
    parts.sheet_data += "</row>";
  }
  for (const std::string& s : shared) parts.shared_strings += fmt::format("<si><t>{}</t></si>", s);
  return std::move(zl::sheet::testing::BuildXlsx(parts)).value();
}

void Read(benchmark::State& state, const std::string& bytes) {
  std::vector<std::string> cells;
  for (auto _ : state) {
    auto reader = std::move(zl::sheet::OpenTable(bytes)).value();
    int64_t rows = 0;
    while (*reader->Next(cells)) ++rows;
    if (rows != kRows + 1 && rows != kRows) state.SkipWithError("wrong row count");
    benchmark::DoNotOptimize(cells.data());
  }
  state.SetItemsProcessed(state.iterations() * kRows);
  state.counters["MB"] = static_cast<double>(bytes.size()) / 1e6;
}

void BM_ReadCsv(benchmark::State& state) {
  static const std::string bytes = Write(TableFormat::kCsv);
  Read(state, bytes);
}
BENCHMARK(BM_ReadCsv)->Unit(benchmark::kMillisecond);

void BM_ReadXlsxFromTableWriter(benchmark::State& state) {
  static const std::string bytes = Write(TableFormat::kXlsx);
  Read(state, bytes);
}
BENCHMARK(BM_ReadXlsxFromTableWriter)->Unit(benchmark::kMillisecond);

void BM_ReadXlsxExcelStyle(benchmark::State& state) {
  static const std::string bytes = ExcelStyleXlsx();
  Read(state, bytes);
}
BENCHMARK(BM_ReadXlsxExcelStyle)->Unit(benchmark::kMillisecond);

void BM_Write(benchmark::State& state, TableFormat format) {
  for (auto _ : state) benchmark::DoNotOptimize(Write(format));
  state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK_CAPTURE(BM_Write, csv, TableFormat::kCsv)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, xlsx, TableFormat::kXlsx)->Unit(benchmark::kMillisecond);

}  // namespace
