#include "common/analysis/m49.h"

#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>

#include "common/base/errors.h"

namespace briefsearch {
namespace {

[[noreturn]] void icu_error(const char* what, UErrorCode status) {
  throw InternalError(std::string("ICU: cannot ") + what + ": " + u_errorName(status));
}

// The string array of a resource, as UTF-8.
std::vector<std::string> strings_of(UResourceBundle* array, UErrorCode& status) {
  std::vector<std::string> strings;
  for (int32_t k = 0; k < ures_getSize(array) && U_SUCCESS(status); ++k) {
    int32_t length = 0;
    const UChar* value = ures_getStringByIndex(array, k, &length, &status);
    if (U_FAILURE(status)) break;
    std::string utf8;
    icu::UnicodeString(value, length).toUTF8String(utf8);
    strings.push_back(std::move(utf8));
  }
  return strings;
}

// Each string array of a table resource, by key; those whose key is_wanted.
template <typename Wanted>
std::map<std::string, std::vector<std::string>> arrays_of(UResourceBundle* table,
                                                          UErrorCode& status, Wanted is_wanted) {
  std::map<std::string, std::vector<std::string>> arrays;
  for (int32_t i = 0; i < ures_getSize(table) && U_SUCCESS(status); ++i) {
    icu::LocalUResourceBundlePointer entry(ures_getByIndex(table, i, nullptr, &status));
    if (U_FAILURE(status)) break;
    const char* key = ures_getKey(entry.getAlias());
    if (key == nullptr || ures_getType(entry.getAlias()) != URES_ARRAY || !is_wanted(key)) {
      continue;
    }
    arrays.emplace(key, strings_of(entry.getAlias(), status));
  }
  return arrays;
}

}  // namespace

bool is_m49_area_code(std::string_view key) {
  return key.size() == 3 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

M49Containment load_m49_containment() {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUResourceBundlePointer supplemental(
      ures_openDirect(nullptr, "supplementalData", &status));
  icu::LocalUResourceBundlePointer containment(
      ures_getByKey(supplemental.getAlias(), "territoryContainment", nullptr, &status));
  if (U_FAILURE(status)) icu_error("load territory containment", status);
  M49Containment result;
  result.areas = arrays_of(containment.getAlias(), status,
                           [](std::string_view key) { return is_m49_area_code(key); });
  icu::LocalUResourceBundlePointer groupings(
      ures_getByKey(containment.getAlias(), "grouping", nullptr, &status));
  if (U_FAILURE(status)) icu_error("load territory groupings", status);
  result.groupings = arrays_of(groupings.getAlias(), status, [](std::string_view) { return true; });
  if (U_FAILURE(status)) icu_error("read territory containment", status);
  return result;
}

}  // namespace briefsearch
