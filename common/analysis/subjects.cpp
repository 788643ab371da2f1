#include "common/analysis/subjects.h"

#include <algorithm>
#include <cstddef>

namespace briefsearch {
namespace {

// The subject rule's thresholds (subjects.h). Chosen on the sample corpus and round on
// purpose: a country named once is scenery; one named half as often as the most named
// country is a protagonist; a country in a list of several is one of a group.
constexpr double kDominantMentions = 2;
constexpr double kDominantShare = 0.5;
constexpr double kTitleCompanionMentions = 3;
constexpr double kListedWeight = 0.5;

struct Count {
  std::string code;
  double mentions = 0;   // a listed mention counts kListedWeight
  bool in_lede = false;  // named in the first section
};

// The countries of mentions with how often each is named, in order of first mention.
std::vector<Count> counted(const std::vector<BodyMention>& mentions) {
  std::vector<Count> counts;
  for (const BodyMention& mention : mentions) {
    auto known = std::find_if(counts.begin(), counts.end(),
                              [&](const Count& count) { return count.code == mention.code; });
    if (known == counts.end()) known = counts.insert(counts.end(), {mention.code});
    known->mentions += mention.listed ? kListedWeight : 1;
    known->in_lede = known->in_lede || mention.section == 0;
  }
  return counts;
}

// The countries that dominate the body, most named first (ties in order of first mention).
std::vector<Count> dominant_in(const std::vector<BodyMention>& body) {
  std::vector<Count> counts = counted(body);
  std::stable_sort(counts.begin(), counts.end(),
                   [](const Count& a, const Count& b) { return a.mentions > b.mentions; });
  if (counts.empty()) return counts;
  const double top = counts.front().mentions;
  std::erase_if(counts, [&](const Count& count) {
    return count.mentions < kDominantMentions || count.mentions < kDominantShare * top;
  });
  return counts;
}

void add_once(std::vector<std::string>& codes, const std::string& code) {
  if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end()) {
    codes.push_back(code);
  }
}

// The companions of the brief's main country: those that dominate the body, named at least
// kTitleCompanionMentions times, once at least in the first section.
void add_companions(const std::vector<Count>& dominant, std::vector<std::string>& subjects) {
  for (const Count& count : dominant) {
    if (count.mentions >= kTitleCompanionMentions && count.in_lede) {
      add_once(subjects, count.code);
    }
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
    add_companions(dominant, subjects);
    if (!subjects.empty()) return subjects;
  }
  if (evidence.body.empty()) return subjects;
  // The country the text names first leads it, as a title's would, if it dominates.
  if (dominates(evidence.body.front().code)) {
    add_once(subjects, evidence.body.front().code);
    add_companions(dominant, subjects);
    return subjects;
  }
  for (const Count& count : dominant) add_once(subjects, count.code);
  if (subjects.empty()) add_once(subjects, evidence.body.front().code);
  return subjects;
}

std::vector<std::string> mentioned_countries(const CountryEvidence& evidence) {
  std::vector<std::string> codes;
  for (const auto* part : {&evidence.metadata, &evidence.title}) {
    for (const std::string& code : *part) add_once(codes, code);
  }
  for (const BodyMention& mention : evidence.body) add_once(codes, mention.code);
  return codes;
}

}  // namespace briefsearch
