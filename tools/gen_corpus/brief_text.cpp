// Lays out one synthetic brief: page furniture, title, date line and sections.
#include "tools/gen_corpus/brief_text.h"

#include <array>
#include <string_view>

#include "tools/gen_corpus/grammar.h"

namespace briefsearch::gen_corpus {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm, integers only).
void civil_from_days(std::int64_t days, int& year, int& month, int& day) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

class Composer {
 public:
  Composer(const Vocabulary& vocabulary, std::uint64_t seed, std::uint64_t index)
      : v_(vocabulary),
        random_(seed * 0x9E3779B97F4A7C15ULL + index),
        country_(v_.countries.pick(random_)),
        grammar_(v_, random_, country_) {}

  void write(std::string& out) {
    out += "Skip to main content\nBrief\n\n";
    out += random_.percent(8) ? std::string_view(v_.regions.pick(random_))
                              : std::string_view(country_.name);
    out += ": ";
    grammar_.append_headline(out);
    out += "\n\n";
    write_date_line(out);
    out += "\n\n";
    const bool standalone_headings = random_.percent(20);
    write_section(out, "Description", Mood::kReport, random_.between(1, 3), 2, 5,
                  standalone_headings);
    if (random_.percent(30)) {
      write_section(out, "Background", Mood::kBackground, 1, 2, 4, standalone_headings);
    }
    write_section(out, "Impact", Mood::kImpact, random_.between(1, 2), 1, 3, standalone_headings);
    if (random_.percent(25)) {
      write_section(out, "Outlook", Mood::kOutlook, 1, 1, 2, standalone_headings);
    }
    out += "Copying our content is forbidden.\n";
  }

 private:
  void write_section(std::string& out, std::string_view heading, Mood mood, int paragraphs,
                     int min_sentences, int max_sentences, bool standalone_heading) {
    out += heading;
    out += standalone_heading ? "\n" : ": ";
    for (int p = 0; p < paragraphs; ++p) {
      const int sentences = random_.between(min_sentences, max_sentences);
      for (int s = 0; s < sentences; ++s) {
        if (s > 0) out += ' ';
        grammar_.append_sentence(mood, out);
      }
      out += "\n\n";
    }
  }

  void write_date_line(std::string& out) {
    // 2015-01-01 to 2026-12-31, as days since 1970-01-01.
    constexpr std::int64_t kFirstDay = 16436;
    constexpr std::int64_t kLastDay = 20818;
    int year = 0, month = 0, day = 0;
    civil_from_days(kFirstDay + static_cast<std::int64_t>(random_.below(kLastDay - kFirstDay + 1)),
                    year, month, day);
    out += "By ";
    out += kMonths[month - 1];
    out += ' ';
    out += std::to_string(day);
    out += ", ";
    out += std::to_string(year);
    if (random_.percent(82)) {
      out += "No Comments";
    } else {
      const int comments = random_.between(1, 14);
      out += ' ';
      out += std::to_string(comments);
      out += comments == 1 ? " Comment" : " Comments";
    }
  }

  const Vocabulary& v_;
  Random random_;
  const Country& country_;
  Grammar grammar_;
};

}  // namespace

void append_brief(const Vocabulary& vocabulary, std::uint64_t seed, std::uint64_t index,
                  std::string& out) {
  Composer(vocabulary, seed, index).write(out);
}

}  // namespace briefsearch::gen_corpus
