// brief-records: turns a brief corpus into the record formats of the benchmark's peers, a
// scriptindex dump and SQL for an SQLite FTS5 table, so every engine indexes the same
// briefs. It reads the corpus with briefsearch's own walker and parsers (linked from
// libbriefsearch_common.a), so titles, dates and sections are exactly what brief-index
// sees, for .txt, .md and .jsonl alike.
//
//   brief-records DUMP_FILE SQL_FILE CORPUS...
//
// Each record has: id (as brief-index derives it), title, date (YYYYMMDD, may be empty),
// description, impact, and body (every other section, in order). The SQL file creates the
// table `briefs` (fts5, tokenize='porter unicode61', title weighted 2 in the rank
// function) and inserts every record in one transaction. Rejected files are reported on
// stderr and left out, as brief-index leaves them out.
#include <cctype>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/index/input_files.h"
#include "common/parse/parsers.h"

namespace {

struct Record {
  std::string id;
  std::string title;
  std::string date;
  std::string description;
  std::string impact;
  std::string body;
};

void append_paragraphs(std::string& to, const std::string& text) {
  if (text.empty()) return;
  if (!to.empty()) to += "\n\n";
  to += text;
}

Record record_for(const briefsearch::Brief& brief) {
  Record record{brief.id, brief.title, brief.date ? brief.date->compact() : "", "", "", ""};
  for (const briefsearch::Section& section : brief.sections) {
    std::string name;
    for (char c : section.name)
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "description") {
      append_paragraphs(record.description, section.text);
    } else if (name == "impact") {
      append_paragraphs(record.impact, section.text);
    } else {
      append_paragraphs(record.body, section.text);
    }
  }
  return record;
}

// scriptindex: "name=value", a newline inside the value continues with "=".
void write_dump_field(std::ostream& out, const char* name, const std::string& value) {
  if (value.empty()) return;
  out << name << '=';
  for (char c : value) {
    out << c;
    if (c == '\n') out << '=';
  }
  out << '\n';
}

void write_dump_record(std::ostream& out, const Record& record) {
  write_dump_field(out, "id", record.id);
  write_dump_field(out, "title", record.title);
  write_dump_field(out, "date", record.date);
  write_dump_field(out, "description", record.description);
  write_dump_field(out, "impact", record.impact);
  write_dump_field(out, "body", record.body);
  out << '\n';
}

void write_sql_text(std::ostream& out, const std::string& value) {
  out << '\'';
  for (char c : value) {
    if (c == '\'') out << '\'';
    out << c;
  }
  out << '\'';
}

void write_sql_record(std::ostream& out, const Record& record) {
  out << "INSERT INTO briefs VALUES(";
  for (const std::string* field : {&record.id, &record.title, &record.date, &record.description,
                                   &record.impact, &record.body}) {
    if (field != &record.id) out << ',';
    write_sql_text(out, *field);
  }
  out << ");\n";
}

int run(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: brief-records DUMP_FILE SQL_FILE CORPUS...\n");
    return 2;
  }
  std::vector<std::filesystem::path> inputs(argv + 3, argv + argc);
  std::ofstream dump(argv[1], std::ios::binary);
  std::ofstream sql(argv[2], std::ios::binary);
  if (!dump || !sql) {
    std::fprintf(stderr, "brief-records: cannot write %s or %s\n", argv[1], argv[2]);
    return 3;
  }
  sql << "CREATE VIRTUAL TABLE briefs USING fts5(id UNINDEXED, title, date UNINDEXED, "
         "description, impact, body, tokenize='porter unicode61');\n"
         "INSERT INTO briefs(briefs, rank) VALUES('rank', 'bm25(0.0, 2.0, 0.0, 1.0, 1.0, 1.0)');\n"
         "BEGIN;\n";
  std::size_t records = 0;
  std::size_t rejected = 0;
  const briefsearch::InputScan scan = briefsearch::scan_inputs(inputs, briefsearch::RootTable());
  for (const briefsearch::InputFile& file : scan.files) {
    briefsearch::ParseResult parsed =
        briefsearch::parse_brief_file(file.path, file.format, file.path.string());
    for (const briefsearch::ParseIssue& issue : parsed.errors) {
      std::fprintf(stderr, "brief-records: %s\n", issue.describe().c_str());
      ++rejected;
    }
    for (briefsearch::Brief& brief : parsed.briefs) {
      if (brief.id.empty())
        brief.id =
            briefsearch::derived_brief_id(scan.root_of(file), file.absolute_path, brief.line);
      const Record record = record_for(brief);
      write_dump_record(dump, record);
      write_sql_record(sql, record);
      ++records;
    }
  }
  sql << "COMMIT;\n";
  dump.close();
  sql.close();
  if (!dump || !sql) {
    std::fprintf(stderr, "brief-records: write failed\n");
    return 3;
  }
  std::fprintf(stderr, "brief-records: %zu records, %zu rejected\n", records, rejected);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "brief-records: %s\n", error.what());
    return 3;
  }
}
