// db-diff: compares two briefsearch databases brief by brief, for refactorings that must
// not change what is written (issue 10's "databases identical before and after") and for
// checking that incremental runs, --full and --jobs give the same database.
//
//   db-diff [--ignore-metadata PREFIX]... [--ignore-spelling]
//           [--ignore-spelling-longer-than BYTES] [--max N] A B
//
// Briefs are matched by their unique id term (prefix Q), so document numbers may differ.
// For each brief: every term with its wdf and positions, every value, and the data. Then
// the metadata (keys and values) and the spelling table (words and frequencies). Prints
// each difference (at most --max, default 20; bytes outside printable ASCII as \xNN) and
// exits 0 when the databases hold the same, 1 when they differ, 2 for a usage error, 3
// when a database cannot be read.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace {

// One brief as text: a line per term ("term wdf pos,pos,"), a line per value, the data.
std::string describe_document(const Xapian::Document& document) {
  std::string text;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    text += *term + " " + std::to_string(term.get_wdf()) + " ";
    for (auto position = term.positionlist_begin(); position != term.positionlist_end();
         ++position) {
      text += std::to_string(*position) + ",";
    }
    text += "\n";
  }
  for (auto value = document.values_begin(); value != document.values_end(); ++value) {
    text += "value " + std::to_string(value.get_valueno()) + " " + *value + "\n";
  }
  return text + "data " + document.get_data();
}

std::map<std::string, std::string> briefs_of(const Xapian::Database& database) {
  std::map<std::string, std::string> briefs;
  for (auto id = database.allterms_begin("Q"); id != database.allterms_end("Q"); ++id) {
    std::string text;
    for (auto posting = database.postlist_begin(*id); posting != database.postlist_end(*id);
         ++posting) {
      text += describe_document(database.get_document(*posting)) + "\n";
    }
    briefs[*id] = text;
  }
  return briefs;
}

std::map<std::string, std::string> metadata_of(const Xapian::Database& database,
                                               const std::vector<std::string>& ignored) {
  std::map<std::string, std::string> metadata;
  for (auto key = database.metadata_keys_begin(); key != database.metadata_keys_end(); ++key) {
    bool skip = false;
    for (const std::string& prefix : ignored) skip = skip || (*key).rfind(prefix, 0) == 0;
    if (!skip) metadata[*key] = database.get_metadata(*key);
  }
  return metadata;
}

// The spelling table's words of at most max_bytes bytes, with their frequencies.
std::map<std::string, std::string> spelling_of(const Xapian::Database& database,
                                               std::size_t max_bytes) {
  std::map<std::string, std::string> words;
  for (auto word = database.spellings_begin(); word != database.spellings_end(); ++word) {
    if ((*word).size() <= max_bytes) words[*word] = std::to_string(word.get_termfreq());
  }
  return words;
}

// text with backslashes and bytes outside printable ASCII written as \xNN, so that binary
// keys and damaged words print as what they hold and send nothing to a terminal.
std::string printable(const std::string& text) {
  std::string shown;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f && byte != '\\') {
      shown += c;
    } else {
      char escape[5];
      std::snprintf(escape, sizeof escape, "\\x%02x", byte);
      shown += escape;
    }
  }
  return shown;
}

// Prints what differs between two maps; returns the number of differences.
std::size_t compare(const char* what, const std::map<std::string, std::string>& a,
                    const std::map<std::string, std::string>& b, std::size_t& budget) {
  std::size_t differences = 0;
  auto report = [&](const std::string& line) {
    ++differences;
    if (budget == 0) return;
    --budget;
    std::printf("%s: %s\n", what, printable(line).c_str());
  };
  for (const auto& [key, value] : a) {
    const auto other = b.find(key);
    if (other == b.end()) {
      report("only in A: " + key);
    } else if (other->second != value) {
      report("differs: " + key);
    }
  }
  for (const auto& [key, value] : b) {
    if (a.count(key) == 0) report("only in B: " + key);
  }
  return differences;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Compare two briefsearch databases brief by brief.", "db-diff"};
  std::string first;
  std::string second;
  std::vector<std::string> ignored_metadata;
  bool ignore_spelling = false;
  std::size_t spelling_max_bytes = std::numeric_limits<std::size_t>::max();
  std::size_t budget = 20;
  app.add_option("A", first, "First database")->required();
  app.add_option("B", second, "Second database")->required();
  app.add_option("--ignore-metadata", ignored_metadata, "Leave out metadata keys with PREFIX")
      ->type_name("PREFIX");
  app.add_flag("--ignore-spelling", ignore_spelling, "Leave out the spelling table");
  app.add_option("--ignore-spelling-longer-than", spelling_max_bytes,
                 "Leave out spelling words of more than BYTES bytes")
      ->type_name("BYTES");
  app.add_option("--max", budget, "Differences to print (all are counted)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  try {
    const Xapian::Database a(first);
    const Xapian::Database b(second);
    std::size_t differences = 0;
    if (a.get_doccount() != b.get_doccount()) {
      std::printf("documents: %u in A, %u in B\n", a.get_doccount(), b.get_doccount());
      ++differences;
    }
    differences += compare("brief", briefs_of(a), briefs_of(b), budget);
    differences += compare("metadata", metadata_of(a, ignored_metadata),
                           metadata_of(b, ignored_metadata), budget);
    if (!ignore_spelling)
      differences += compare("spelling", spelling_of(a, spelling_max_bytes),
                             spelling_of(b, spelling_max_bytes), budget);
    std::printf("%zu difference%s\n", differences, differences == 1 ? "" : "s");
    return differences == 0 ? 0 : 1;
  } catch (const Xapian::Error& error) {
    std::fprintf(stderr, "db-diff: %s\n", error.get_description().c_str());
    return 3;
  }
}
