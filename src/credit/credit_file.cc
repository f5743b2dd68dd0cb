// Assembling the credit file per view (see credit_file.h).
#include "credit/credit_file.h"

#include "domain/masking.h"
#include "domain/record_kind.h"
#include "store/enterprise_repository.h"

namespace zl::credit {

std::string_view CreditViewName(CreditView view) {
  return view == CreditView::kFull ? "full" : "public";
}

bool PubliclyVisible(const store::StoredRecord& r, Date today) {
  return r.status == domain::RecordStatus::kActive && r.record.kind != domain::kRevocationKind &&
         r.record.PublishedOn(today);
}

Result<CreditFile> ReadCreditFile(soci::session& sql, const std::string& uscc, CreditView view,
                                  Date today) {
  ZL_ASSIGN_OR_RETURN(std::optional<domain::Enterprise> enterprise,
                      store::FindEnterprise(sql, uscc));
  if (!enterprise) return Status::NotFound("no enterprise with USCC " + uscc);
  return ReadCreditFile(sql, std::move(*enterprise), view, today);
}

Result<CreditFile> ReadCreditFile(soci::session& sql, domain::Enterprise enterprise,
                                  CreditView view, Date today) {
  CreditFile file;
  file.enterprise = std::move(enterprise);
  file.view = view;
  ZL_ASSIGN_OR_RETURN(std::vector<store::StoredRecord> records,
                      store::ListRecordsOf(sql, file.enterprise.uscc));
  for (store::StoredRecord& r : records) {
    if (view == CreditView::kPublic) {
      if (!PubliclyVisible(r, today)) continue;
      r.record.title = domain::MaskPersonalInfo(r.record.title);
      r.record.details.clear();
      r.created_by.clear();
    }
    if (r.status == domain::RecordStatus::kActive && r.record.kind != domain::kRevocationKind) {
      switch (r.record.polarity) {
        case domain::Polarity::kGood:
          ++file.summary.good;
          break;
        case domain::Polarity::kBad:
          ++file.summary.bad;
          break;
        case domain::Polarity::kNeutral:
          ++file.summary.neutral;
          break;
      }
      const bool inspection =
          r.record.kind == "inspection_pass" || r.record.kind == "inspection_fail";
      if (inspection && !file.summary.last_inspection) file.summary.last_inspection = r;
      // The blacklist publishes a listing as a dishonesty_list record and revokes it on
      // removal (blacklist/blacklist_service.h): one in force and public means listed.
      if (r.record.kind == "dishonesty_list" && PubliclyVisible(r, today)) {
        file.summary.list_status = "serious_dishonesty";
      }
    }
    file.records.push_back(std::move(r));
  }
  ZL_ASSIGN_OR_RETURN(file.grade, ReadCurrentGrade(sql, file.enterprise.uscc));
  if (view == CreditView::kPublic) {
    file.enterprise.legal_representative =
        domain::MaskPersonName(file.enterprise.legal_representative);
  }
  return file;
}

}  // namespace zl::credit
