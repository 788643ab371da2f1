// Helpers shared by the parser tests: parsing shortcuts and views of a parsed brief.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/parse/parsers.h"

namespace briefsearch::testing {

inline constexpr std::string_view kEnDash = "\xE2\x80\x93";
inline constexpr std::string_view kLeftQuote = "\xE2\x80\x9C";
inline constexpr std::string_view kRightQuote = "\xE2\x80\x9D";
inline constexpr std::string_view kApostrophe = "\xE2\x80\x99";
inline constexpr std::string_view kUUmlaut = "\xC3\xBC";

inline std::filesystem::path fixture(std::string_view relative) {
  return std::filesystem::path(BRIEFSEARCH_FIXTURES) / relative;
}

inline ParseResult parse_text(std::string_view bytes, const std::string& path = "x.txt") {
  return parse_brief_bytes(bytes, InputFormat::kScrapedText, path);
}

inline ParseResult parse_md(std::string_view bytes, const std::string& path = "x.md") {
  return parse_brief_bytes(bytes, InputFormat::kMarkdown, path);
}

inline ParseResult parse_jsonl(std::string_view bytes, const std::string& path = "x.jsonl") {
  return parse_brief_bytes(bytes, InputFormat::kJsonLines, path);
}

// The warning for a Windows-1252 apostrophe (byte 0x92) pasted into UTF-8 text, at where
// ("path:line") and offset.
inline std::string pasted_apostrophe_warning(const std::string& where, std::size_t offset) {
  return where + ": invalid UTF-8 byte 0x92 at byte offset " + std::to_string(offset) +
         ", read as the Windows-1252 character '\xE2\x80\x99'";
}

// A scraped page as the site renders it, around the given date line and body.
inline std::string scraped_page(std::string_view title, std::string_view date_line,
                                std::string_view body) {
  std::string page = "Skip to main content\nBrief\n\n";
  page.append(title).append("\n\n").append(date_line).append("\n\n").append(body);
  page += "\n\nCopying our content is forbidden.\n";
  return page;
}

inline std::vector<std::string> section_names(const Brief& brief) {
  std::vector<std::string> names;
  for (const Section& section : brief.sections) names.push_back(section.name);
  return names;
}

// Sections as (name, text) pairs, which Catch can print when a comparison fails.
using Sections = std::vector<std::pair<std::string, std::string>>;

inline Sections sections_of(const Brief& brief) {
  Sections pairs;
  for (const Section& section : brief.sections) pairs.emplace_back(section.name, section.text);
  return pairs;
}

inline std::string section_text(const Brief& brief, std::string_view name) {
  for (const Section& section : brief.sections) {
    if (section.name == name) return section.text;
  }
  FAIL_CHECK("no section named " << name);
  return {};
}

// The one brief a file gave, as a copy so the result may be a temporary; fails the test when
// the file gave errors instead.
inline Brief only_brief(const ParseResult& result) {
  for (const ParseIssue& error : result.errors) UNSCOPED_INFO("error: " << error.describe());
  REQUIRE(result.errors.empty());
  REQUIRE(result.briefs.size() == 1);
  return result.briefs.front();
}

// The one error a file gave; fails the test when it gave a brief instead.
inline ParseIssue only_error(const ParseResult& result) {
  REQUIRE(result.briefs.empty());
  REQUIRE(result.errors.size() == 1);
  return result.errors.front();
}

inline std::vector<std::string> describe_all(const std::vector<ParseIssue>& issues) {
  std::vector<std::string> described;
  for (const ParseIssue& issue : issues) described.push_back(issue.describe());
  return described;
}

// All text a reader of the brief sees.
inline std::string all_text(const Brief& brief) {
  std::string text = brief.title;
  for (const Section& section : brief.sections) text += "\n" + section.name + "\n" + section.text;
  return text;
}
}  // namespace briefsearch::testing
