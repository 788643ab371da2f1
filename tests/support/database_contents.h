// Stored documents as text, so that tests can compare two databases, or one database
// before and after a run, document by document.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>

namespace briefsearch::testing {

// A document as stored: each term with its wdf and positions, each value, then the data.
inline std::string document_contents(const Xapian::Document& document) {
  std::string text;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    text += *term + ":" + std::to_string(term.get_wdf()) + "@";
    for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) {
      text += std::to_string(*pos) + ",";
    }
    text += "\n";
  }
  for (auto value = document.values_begin(); value != document.values_end(); ++value) {
    text += std::to_string(value.get_valueno()) + "=" + *value + "\n";
  }
  return text + document.get_data();
}

// Every document of the database at path, keyed by its unique id term ("Q" + id).
inline std::map<std::string, std::string> database_contents(const std::filesystem::path& path) {
  const Xapian::Database database(path.string());
  std::map<std::string, std::string> contents;
  for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id) {
    contents[*id] = document_contents(database.get_document(*database.postlist_begin(*id)));
  }
  return contents;
}

}  // namespace briefsearch::testing
