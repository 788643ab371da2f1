// xapian-batch: what Xapian's quest does for one query, in a loop over stdin lines, so the
// benchmark can time the plain Xapian QueryParser + Enquire path in-process, as
// brief-search --batch is timed. quest itself answers one query per process.
//
//   xapian-batch -d DB [-m N] [-c N] [-o and|or] [-f FLAG,...] [-p NAME:PREFIX]... [-b
//   NAME:PREFIX]...
//
// Like quest: English stemmer with STEM_SOME, BM25, the database set on the parser (for
// wildcards), and for each hit its docid, weight and document data. After each answer it
// prints a line "@@end" and flushes. "MSet: N" gives the match estimate, exact when -c
// (check at least) is at least the number of documents. A query the parser rejects gets "error:
// ..." instead.
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

namespace {

unsigned parse_flags(const std::string& list) {
  static const struct {
    const char* name;
    unsigned flag;
  } kFlags[] = {
      {"boolean", Xapian::QueryParser::FLAG_BOOLEAN},
      {"boolean_any_case", Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE},
      {"default", Xapian::QueryParser::FLAG_DEFAULT},
      {"lovehate", Xapian::QueryParser::FLAG_LOVEHATE},
      {"phrase", Xapian::QueryParser::FLAG_PHRASE},
      {"pure_not", Xapian::QueryParser::FLAG_PURE_NOT},
      {"wildcard", Xapian::QueryParser::FLAG_WILDCARD},
  };
  unsigned flags = 0;
  std::istringstream in(list);
  std::string name;
  while (std::getline(in, name, ',')) {
    bool known = false;
    for (const auto& entry : kFlags) {
      if (name == entry.name) {
        flags |= entry.flag;
        known = true;
      }
    }
    if (!known) {
      std::fprintf(stderr, "xapian-batch: unknown flag %s\n", name.c_str());
      std::exit(2);
    }
  }
  return flags;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Xapian::Database db;
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    Xapian::doccount msize = 10;
    Xapian::doccount check_at_least = 0;
    unsigned flags = Xapian::QueryParser::FLAG_DEFAULT;
    for (int i = 1; i + 1 < argc; i += 2) {
      const std::string option = argv[i];
      const std::string value = argv[i + 1];
      const auto colon = value.find(':');
      if (option == "-d") {
        db.add_database(Xapian::Database(value));
      } else if (option == "-m") {
        msize = static_cast<Xapian::doccount>(std::atoi(value.c_str()));
      } else if (option == "-c") {
        check_at_least = static_cast<Xapian::doccount>(std::strtoul(value.c_str(), nullptr, 10));
      } else if (option == "-o") {
        parser.set_default_op(value == "and" ? Xapian::Query::OP_AND : Xapian::Query::OP_OR);
      } else if (option == "-f") {
        flags = parse_flags(value);
      } else if ((option == "-p" || option == "-b") && colon != std::string::npos) {
        if (option == "-p") {
          parser.add_prefix(value.substr(0, colon), value.substr(colon + 1));
        } else {
          parser.add_boolean_prefix(value.substr(0, colon), value.substr(colon + 1));
        }
      } else {
        std::fprintf(stderr, "xapian-batch: bad option %s\n", option.c_str());
        return 2;
      }
    }
    parser.set_database(db);
    Xapian::Enquire enquire(db);
    std::string line;
    while (std::getline(std::cin, line)) {
      try {
        const Xapian::Query query = parser.parse_query(line, flags);
        std::cout << "Parsed Query: " << query.get_description() << '\n';
        enquire.set_query(query);
        const Xapian::MSet mset = enquire.get_mset(0, msize, check_at_least);
        std::cout << "MSet: " << mset.get_matches_estimated() << '\n';
        for (Xapian::MSetIterator i = mset.begin(); i != mset.end(); ++i) {
          std::cout << *i << ": [" << i.get_weight() << "]\n"
                    << i.get_document().get_data() << '\n';
        }
      } catch (const Xapian::QueryParserError& error) {
        std::cout << "error: " << error.get_description() << '\n';
      }
      std::cout << "@@end" << std::endl;
    }
    return 0;
  } catch (const Xapian::Error& error) {
    std::fprintf(stderr, "xapian-batch: %s\n", error.get_description().c_str());
    return 3;
  }
}
