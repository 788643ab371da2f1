#include "common/analysis/subjects.h"

#include <algorithm>
#include <cstddef>

namespace briefsearch {
namespace {

// The subject rule's thresholds (subjects.h). Chosen on the sample corpus and round on
// purpose: a country named once is scenery; one named half as often as the most named
// country is a protagonist.
constexpr std::size_t kDominantMentions = 2;
constexpr double kDominantShare = 0.5;
constexpr std::size_t kTitleCompanionMentions = 3;

struct Count {
  std::string code;
  std::size_t mentions = 0;
};

// The countries of mentions with how often each is named, in order of first mention.
std::vector<Count> counted(const std::vector<std::string>& mentions) {
  std::vector<Count> counts;
  for (const std::string& code : mentions) {
    const auto known = std::find_if(counts.begin(), counts.end(),
                                    [&](const Count& count) { return count.code == code; });
    if (known != counts.end()) {
      ++known->mentions;
    } else {
      counts.push_back({code, 1});
    }
  }
  return counts;
}

// The countries that dominate the body, most named first (ties in order of first mention).
std::vector<Count> dominant_in(const std::vector<std::string>& body) {
  std::vector<Count> counts = counted(body);
  std::stable_sort(counts.begin(), counts.end(),
                   [](const Count& a, const Count& b) { return a.mentions > b.mentions; });
  if (counts.empty()) return counts;
  const double top = static_cast<double>(counts.front().mentions);
  std::erase_if(counts, [&](const Count& count) {
    return count.mentions < kDominantMentions ||
           static_cast<double>(count.mentions) < kDominantShare * top;
  });
  return counts;
}

void add_once(std::vector<std::string>& codes, const std::string& code) {
  if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end()) {
    codes.push_back(code);
  }
}

}  // namespace

std::string_view title_label(std::string_view title) { return title.substr(0, title.find(':')); }

std::vector<std::string> subject_countries(const CountryEvidence& evidence) {
  std::vector<std::string> subjects;
  if (!evidence.metadata.empty()) {
    for (const std::string& code : evidence.metadata) add_once(subjects, code);
    return subjects;
  }
  const std::vector<Count> dominant = dominant_in(evidence.body);
  const auto dominates = [&](const std::string& code) {
    return std::any_of(dominant.begin(), dominant.end(),
                       [&](const Count& count) { return count.code == code; });
  };
  if (!evidence.title.empty()) {
    for (const std::string& code : evidence.label) add_once(subjects, code);
    for (const std::string& code : evidence.title) {
      if (dominates(code)) add_once(subjects, code);
    }
    for (const Count& count : dominant) {
      if (count.mentions >= kTitleCompanionMentions) add_once(subjects, count.code);
    }
    if (!subjects.empty()) return subjects;
  }
  for (const Count& count : dominant) add_once(subjects, count.code);
  if (subjects.empty() && !evidence.body.empty()) add_once(subjects, evidence.body.front());
  return subjects;
}

std::vector<std::string> mentioned_countries(const CountryEvidence& evidence) {
  std::vector<std::string> codes;
  for (const auto* part : {&evidence.metadata, &evidence.title, &evidence.body}) {
    for (const std::string& code : *part) add_once(codes, code);
  }
  return codes;
}

}  // namespace briefsearch
