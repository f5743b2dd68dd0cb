// JSON for records, credit files and imports (see credit_json.h).
#include "api/credit_json.h"

#include <nlohmann/json.hpp>

#include "api/enterprise_json.h"
#include "api/grading_json.h"
#include "domain/record_kind.h"

namespace zl::api {

namespace {

nlohmann::json OptionalId(const std::optional<std::int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json RecordToJson(const store::StoredRecord& stored, credit::CreditView view,
                            Date today) {
  const domain::CreditRecord& r = stored.record;
  const domain::RecordKind* kind = domain::RecordKindRegistry::Default().Find(r.kind);
  nlohmann::json j = {
      {"id", r.id},
      {"uscc", r.uscc},
      {"kind", r.kind},
      {"kind_name_zh", kind ? kind->name_zh : r.kind},
      {"kind_name_en", kind ? kind->name_en : r.kind},
      {"occurred_on", r.occurred_on.ToString()},
      {"title", r.title},
      {"source_department", r.source_department},
      {"document_no", r.document_no},
      {"polarity", domain::PolarityName(r.polarity)},
      {"severity", domain::SeverityName(r.severity)},
      {"published_from", OptionalDateText(r.published_from)},
      {"published_until", OptionalDateText(r.published_until)},
      {"status", domain::RecordStatusName(stored.status)},
      {"replaces", OptionalId(r.replaces)},
      {"replaced_by", OptionalId(stored.replaced_by)},
      {"published", credit::PubliclyVisible(stored, today)},
  };
  if (view == credit::CreditView::kFull) {
    j["created_by"] = stored.created_by;
    j["created_at"] = stored.created_at;
    j["import_id"] = OptionalId(stored.import_id);
    if (!r.details.empty()) {
      j["details"] = nlohmann::json::parse(r.details, nullptr, /*allow_exceptions=*/false);
    }
  }
  return j;
}

nlohmann::json CreditFileToJson(const credit::CreditFile& file, Date today, bool show_risk) {
  nlohmann::json j = EnterpriseToJson(file.enterprise);
  j["view"] = credit::CreditViewName(file.view);
  nlohmann::json last = nullptr;
  if (const auto& li = file.summary.last_inspection) {
    const domain::RecordKind* kind = domain::RecordKindRegistry::Default().Find(li->record.kind);
    last = {{"id", li->record.id},
            {"kind", li->record.kind},
            {"kind_name_zh", kind ? kind->name_zh : li->record.kind},
            {"kind_name_en", kind ? kind->name_en : li->record.kind},
            {"occurred_on", li->record.occurred_on.ToString()},
            {"title", li->record.title},
            {"polarity", domain::PolarityName(li->record.polarity)}};
  }
  j["summary"] = {{"good", file.summary.good},
                  {"bad", file.summary.bad},
                  {"neutral", file.summary.neutral},
                  {"last_inspection", last},
                  {"list_status", file.summary.list_status}};
  j["grade"] = file.grade ? GradeToJson(*file.grade, show_risk) : nlohmann::json();
  nlohmann::json records = nlohmann::json::array();
  for (const store::StoredRecord& r : file.records) {
    records.push_back(RecordToJson(r, file.view, today));
  }
  j["records"] = std::move(records);
  return j;
}

nlohmann::json ImportRunToJson(const store::ImportRun& run) {
  return {{"id", run.id},
          {"kind", run.kind},
          {"file_name", run.file_name},
          {"format", run.format},
          {"actor", run.actor},
          {"strict", run.strict},
          {"committed", run.committed},
          {"accepted", run.accepted},
          {"rejected", run.rejected},
          {"inserted", run.inserted},
          {"updated", run.updated},
          {"unchanged", run.unchanged},
          {"created_at", run.created_at}};
}

nlohmann::json ImportErrorToJson(const store::ImportError& e) {
  return {{"row", e.row}, {"column", e.column}, {"reason", e.reason}};
}

}  // namespace zl::api
