// Masking of personal information in what the public sees (credit-rules.md §5, item 25): a
// natural person's ID number, phone numbers and the names of natural persons. Public API
// responses pass free text through MaskPersonalInfo and person names through MaskPersonName;
// regulators see the stored values.
//
// Defaults ([I] in the rules, kept here in one place): an ID number keeps its first 6 and
// last 4 characters ("130102********1234"); a mobile number keeps 3 + 4 ("138****5678"); a
// landline keeps its area code and last 2 digits ("0311-******78"); a name keeps the surname
// and replaces each further character by 某 ("王某某").
#pragma once

#include <string>
#include <string_view>

namespace zl::domain {

// "王小明" → "王某某", "李四" → "李某", "Li Si" → "L***"; "" stays "".
std::string MaskPersonName(std::string_view name);

// Replaces every resident ID number (18 characters passing the GB 11643 check character and
// carrying a real birth date) and every mobile or landline number in `text` by its masked
// form. Digit runs that are part of longer numbers or codes are left alone, so USCCs and
// document numbers survive.
std::string MaskPersonalInfo(std::string_view text);

// True when `id` is an 18-character resident ID number with a valid birth date and check
// character (GB 11643-1999, ISO 7064 MOD 11-2).
bool IsResidentIdNumber(std::string_view id);

}  // namespace zl::domain
