// The Brief value type: one analytic document, whatever format it arrived in.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/brief/calendar_date.h"

namespace briefsearch {

// A named part of a brief's body ("Description", "Impact", "Background", ...). Paragraphs
// inside the text are separated by a blank line.
struct Section {
  std::string name;
  std::string text;

  friend bool operator==(const Section&, const Section&) = default;
};

// Descriptive fields that come from Markdown front matter or JSON Lines records. Any of
// them may be empty; scraped text carries none.
struct BriefMetadata {
  std::string region;
  std::vector<std::string> countries;
  std::vector<std::string> tags;
  std::string source;
  std::string classification;
  std::string language;

  friend bool operator==(const BriefMetadata&, const BriefMetadata&) = default;
};

// All text fields are valid UTF-8 with LF line ends.
struct Brief {
  // Stable identifier: from metadata when the source gives one, otherwise assigned by the
  // indexer from the path relative to the corpus root. Never a Xapian document id.
  std::string id;
  // The file the brief came from, as given to the indexer.
  std::string path;
  // The record's line in a JSON Lines file; 0 for formats that hold one brief per file.
  std::size_t line = 0;
  std::string title;
  std::optional<CalendarDate> date;
  std::vector<Section> sections;
  BriefMetadata metadata;

  friend bool operator==(const Brief&, const Brief&) = default;
};

}  // namespace briefsearch
