#include "common/output/output.h"

#include <unistd.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "common/output/no_match.h"
#include "common/output/terminal_text.h"
#include "common/output/text_wrap.h"

namespace briefsearch {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kCyan = "\x1b[36m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";

// Invalid UTF-8 cannot reach the output: dump replaces it with U+FFFD.
std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json hit_json(const Hit& hit, bool explain) {
  // Scores are rounded so that output is stable across runs and platforms.
  const double score = std::round(hit.score * 10000.0) / 10000.0;
  Json highlights = Json::array();
  for (const auto& [begin, end] : hit.highlights) highlights.push_back({begin, end});
  Json json = {
      {"rank", hit.rank},        {"id", hit.id},
      {"path", hit.path},        {"line", hit.line > 0 ? Json(hit.line) : Json(nullptr)},
      {"title", hit.title},      {"date", hit.date.empty() ? Json(nullptr) : Json(hit.date)},
      {"score", score},          {"snippet", hit.snippet},
      {"highlights", highlights}};
  if (hit.relaxed) json["relaxed"] = true;
  if (explain) {
    Json terms = Json::array();
    for (const Hit::MatchedTerm& term : hit.matched_terms) {
      terms.push_back({{"term", term.term}, {"wdf", term.wdf}, {"briefs", term.briefs}});
    }
    json["matched_terms"] = terms;
  }
  return json;
}

// How many of a facet's values a writer shows: the --facet-limit given (0: all), else
// its default (0 again meaning all).
std::size_t facet_values_shown(const SearchOptions& options, std::size_t values,
                               std::size_t default_limit) {
  const std::size_t limit = options.facet_limit.value_or(default_limit);
  return limit == 0 ? values : std::min(limit, values);
}

Json facets_json(const SearchReport& report) {
  Json facets = Json::object();
  for (const auto& [facet, counts] : report.results.facets) {
    Json values = Json::array();
    for (std::size_t i = 0; i < facet_values_shown(report.options, counts.size(), 0); ++i) {
      Json value = {{"value", counts[i].value}, {"count", counts[i].count}};
      if (!counts[i].name.empty()) value["name"] = counts[i].name;
      values.push_back(std::move(value));
    }
    facets[std::string(facet_name(facet))] = values;
  }
  return facets;
}

Json relaxation_json(const std::optional<Relaxation>& relaxation) {
  if (!relaxation || !relaxation->shown) return nullptr;
  return {{"words", relaxation->words},
          {"unmatched_words", relaxation->unmatched},
          {"restrictions", relaxation->restrictions},
          {"filters_exclude_all", relaxation->filters_exclude_all},
          {"minimum_should_match", relaxation->minimum_should_match},
          {"without_unmatched",
           relaxation->without_unmatched ? Json(*relaxation->without_unmatched) : Json(nullptr)}};
}

class TextWriter : public ResultWriter {
 public:
  TextWriter(std::ostream& out, bool color, std::size_t width)
      : out_(out), color_(color), width_(width) {}

  void write(const SearchReport& report) override {
    if (report.options.explain) {
      line(paint(kDim, "parsed: " + printable_text(report.parsed_query)), kLabelIndent);
      line(paint(kDim, "xapian: " + printable_text(report.xapian_query)), kLabelIndent);
      for (const std::string& meaning : report.meanings) {
        line(paint(kDim, "meaning: " + printable_text(meaning)), kLabelIndent + 1);
      }
      out_ << '\n';
    }
    if (const std::string label = relaxed_label(report); !label.empty()) {
      line(paint(kBold, label), 0);
      out_ << '\n';
    }
    bool first = true;
    for (const Hit& hit : report.results.hits) {
      if (!first) out_ << '\n';
      first = false;
      write_hit(hit, report.options.explain);
    }
    const auto& results = report.results;
    if (!results.hits.empty() || results.total > 0) {
      out_ << '\n';
      line(paint(kDim, summary_line(report)), 0);
    }
    // A terminal shows the most frequent values (--facet-limit N for more or fewer).
    constexpr std::size_t kFacetValuesShown = 10;
    for (const auto& [facet, counts] : results.facets) {
      out_ << '\n' << paint(kBold, std::string(facet_name(facet))) << '\n';
      // A heading alone would look like output cut short.
      if (counts.empty()) {
        out_ << paint(kDim, results.total == 0 ? "  none: no brief matches"
                                               : "  none: no matching brief has a value")
             << '\n';
      }
      const std::size_t shown =
          facet_values_shown(report.options, counts.size(), kFacetValuesShown);
      for (std::size_t i = 0; i < shown; ++i) {
        const std::string name = counts[i].name.empty() ? "" : " " + counts[i].name;
        out_ << "  " << counts[i].count << "  " << printable_text(counts[i].value + name) << '\n';
      }
      if (counts.size() > shown) {
        out_ << paint(kDim, "  (" + std::to_string(counts.size() - shown) +
                                " more; --facet-limit 0 shows all)")
             << '\n';
      }
    }
  }

 private:
  // Rank, date and title; the file (FILE#LINE for a JSON Lines record) and the id, each
  // as --like takes it (id: filters by the id); the snippet; with --explain, the terms.
  // Wrapped lines hang under the title, or under the hit's indent.
  void write_hit(const Hit& hit, bool explain) {
    const std::string rank =
        std::to_string(hit.rank) + ". " + (hit.date.empty() ? "undated   " : hit.date);
    line(paint(kDim, rank) + "  " + paint(kBold, printable_text(hit.title)),
         rank.size() + 2);  // ASCII: a byte a column
    std::string path = hit.path;
    if (hit.line > 0) path += "#" + std::to_string(hit.line);
    const std::string file = kIndent + paint(kCyan, printable_text(path));
    const std::string id = paint(kDim, "id " + printable_text(hit.id));
    // Paths and ids are never broken, so they can be copied: the id goes below the path
    // when both do not fit, and either may run past the width.
    if (width_ == 0 || display_width(file) + 2 + display_width(id) <= width_) {
      out_ << file << "  " << id << '\n';
    } else {
      out_ << file << '\n' << kIndent << id << '\n';
    }
    if (!hit.snippet.empty()) line(kIndent + marked_snippet(hit), kIndent.size());
    if (explain) {
      char score[32];
      std::snprintf(score, sizeof score, "%.4f", hit.score);
      std::string terms = kIndent + "score " + score + ", matched:";
      for (const Hit::MatchedTerm& term : hit.matched_terms) {
        terms += " " + printable_text(term.term) + " (wdf " + std::to_string(term.wdf) + ", in " +
                 std::to_string(term.briefs) + ")";
      }
      line(paint(kDim, terms), kIndent.size() + 2);
    }
  }

  // One line of output, wrapped to the width with later lines indented so.
  void line(const std::string& text, std::size_t indent) {
    out_ << wrap_line(text, width_, indent) << '\n';
  }

  std::string paint(std::string_view style, const std::string& text) const {
    if (!color_) return text;
    return std::string(style) + text + std::string(kReset);
  }

  // Matched words stand out on a terminal; each piece is escaped on its own so the
  // highlight offsets still line up.
  std::string marked_snippet(const Hit& hit) const {
    std::string out;
    std::size_t position = 0;
    for (const auto& [begin, end] : hit.highlights) {
      if (begin < position || end > hit.snippet.size()) continue;
      out += printable_text(std::string_view(hit.snippet).substr(position, begin - position));
      out +=
          paint(kMatch, printable_text(std::string_view(hit.snippet).substr(begin, end - begin)));
      position = end;
    }
    out += printable_text(std::string_view(hit.snippet).substr(position));
    return out;
  }

  static std::string summary_line(const SearchReport& report) {
    const auto& results = report.results;
    // Not exact means the matcher stopped early: the total is a guaranteed lower bound.
    std::string line = results.total_exact ? "" : "at least ";
    line += std::to_string(results.total) + (results.total == 1 ? " brief" : " briefs");
    if (!results.hits.empty()) {
      line += ", showing " + std::to_string(results.hits.front().rank) + "-" +
              std::to_string(results.hits.back().rank);
    }
    return line;
  }

  static constexpr std::size_t kLabelIndent = 8;  // under the text after "parsed: "
  inline static const std::string kIndent = "   ";

  std::ostream& out_;
  bool color_;
  std::size_t width_;
};

class JsonWriter : public ResultWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}

  void write(const SearchReport& report) override {
    Json hits = Json::array();
    for (const Hit& hit : report.results.hits)
      hits.push_back(hit_json(hit, report.options.explain));
    Json document = {
        {"format_version", kJsonFormatVersion},
        {"query", report.query},
        {"total", report.results.total},
        {"total_exact", report.results.total_exact},
        {"total_relation", report.results.total_exact ? "eq" : "gte"},
        {"offset", report.options.offset},
        {"limit", report.options.limit == kAllMatches ? Json(nullptr) : Json(report.options.limit)},
        {"hits", hits},
        {"suggestion", report.suggestion ? Json(*report.suggestion) : Json(nullptr)},
        {"facets", facets_json(report)}};
    document["relaxed"] = relaxation_json(report.relaxation);
    if (report.options.explain) {
      document["parsed_query"] = report.parsed_query;
      document["xapian_query"] = report.xapian_query;
      document["meanings"] = report.meanings;
    }
    out_ << dump(document) << '\n';
  }

 private:
  std::ostream& out_;
};

// The formats that write one hit at a time, streamed as the search reads them.
class HitByHitWriter : public ResultWriter {
 public:
  explicit HitByHitWriter(std::ostream& out) : out_(out) {}
  void write(const SearchReport& report) override {
    for (const Hit& hit : report.results.hits) write_hit(hit, report.options);
  }
  HitSink hit_sink(const SearchOptions& options) override {
    return [this, options](const Hit& hit) {
      write_hit(hit, options);
      return out_.good();
    };
  }

 protected:
  virtual void write_hit(const Hit& hit, const SearchOptions& options) = 0;
  std::ostream& out_;
};

class JsonLinesWriter : public HitByHitWriter {
 public:
  using HitByHitWriter::HitByHitWriter;

 private:
  void write_hit(const Hit& hit, const SearchOptions& options) override {
    out_ << dump(hit_json(hit, options.explain)) << '\n';
  }
};

// One path per line, made safe for a terminal: a newline in a name shows as a space and
// invalid UTF-8 as U+FFFD, so the line may not name the file.
// Each file once, at the rank of its best brief, as rg -l and notmuch search
// --output=files list files: a JSON Lines file of several matching records is one path.
// The paths seen are kept, so memory grows with the files, not the matches.
class FirstPathOnly {
 public:
  bool first(const std::string& path) { return seen_.insert(path).second; }

 private:
  std::unordered_set<std::string> seen_;
};

class PathsWriter : public HitByHitWriter {
 public:
  using HitByHitWriter::HitByHitWriter;

 private:
  void write_hit(const Hit& hit, const SearchOptions&) override {
    if (paths_.first(hit.path)) out_ << printable_text(hit.path) << '\n';
  }
  FirstPathOnly paths_;
};

// The stored absolute paths byte for byte, each ended by a NUL: the one byte a Unix file
// name cannot hold.
class NulSeparatedPathsWriter : public HitByHitWriter {
 public:
  using HitByHitWriter::HitByHitWriter;

 private:
  void write_hit(const Hit& hit, const SearchOptions&) override {
    if (paths_.first(hit.path)) out_ << hit.path << '\0';
  }
  FirstPathOnly paths_;
};

class CountWriter : public ResultWriter {
 public:
  explicit CountWriter(std::ostream& out) : out_(out) {}
  void write(const SearchReport& report) override { out_ << report.results.total << '\n'; }

 private:
  std::ostream& out_;
};

}  // namespace

std::string batch_error_json(const std::string& query, const std::string& error) {
  return dump(Json{{"format_version", kJsonFormatVersion}, {"query", query}, {"error", error}});
}

std::optional<OutputFormat> output_format_named(std::string_view name) {
  return choice_named(kOutputFormats, name);
}

HitSink ResultWriter::hit_sink(const SearchOptions&) { return {}; }

SearchOptions options_for_format(OutputFormat format, SearchOptions options,
                                 std::optional<std::size_t> limit) {
  switch (format) {
    case OutputFormat::kText:
    case OutputFormat::kJson:
      options.limit = limit.value_or(kPageHits);
      break;
    case OutputFormat::kJsonLines:
      options.limit = limit.value_or(kAllMatches);
      break;
    case OutputFormat::kPaths:
    case OutputFormat::kPaths0:
      options.limit = limit.value_or(kAllMatches);
      options.snippets = false;  // only paths are printed
      break;
    case OutputFormat::kCount:
      options.exact_total = true;
      options.limit = 0;
      options.snippets = false;
      break;
  }
  return options;
}

std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format, std::ostream& out, bool color,
                                                 std::size_t width) {
  switch (format) {
    case OutputFormat::kText:
      return std::make_unique<TextWriter>(out, color, width);
    case OutputFormat::kJson:
      return std::make_unique<JsonWriter>(out);
    case OutputFormat::kJsonLines:
      return std::make_unique<JsonLinesWriter>(out);
    case OutputFormat::kPaths:
      return std::make_unique<PathsWriter>(out);
    case OutputFormat::kPaths0:
      return std::make_unique<NulSeparatedPathsWriter>(out);
    case OutputFormat::kCount:
      return std::make_unique<CountWriter>(out);
  }
  return nullptr;
}

std::unique_ptr<ResultWriter> make_stdout_writer(OutputFormat format, ColorMode color,
                                                 std::optional<std::size_t> width) {
  return make_result_writer(format, std::cout, should_use_color(color, STDOUT_FILENO),
                            output_width(width, STDOUT_FILENO));
}

}  // namespace briefsearch
