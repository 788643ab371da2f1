#include "common/store/stored_brief.h"

#include <stdexcept>

#include "common/base/string_utils.h"
#include "common/store/binary_fields.h"
#include "common/store/schema.h"

namespace briefsearch {
namespace {

// The stored form, with line written as given: kStoredBriefFormat, then each field in a
// fixed order: strings as a varint length and their bytes, lists as a varint count and
// their items (common/store/binary_fields.h).
std::string encode_brief(const Brief& brief, std::size_t line) {
  std::size_t text_bytes = brief.title.size() + brief.path.size() + brief.id.size();
  for (const Section& section : brief.sections) text_bytes += section.text.size() + 16;
  FieldWriter out(text_bytes + 64);
  out.byte(kStoredBriefFormat);
  out.string(brief.id);
  out.string(brief.path);
  out.varint(line);
  out.string(brief.title);
  out.string(brief.date ? brief.date->iso() : "");
  out.varint(brief.sections.size());
  for (const Section& section : brief.sections) {
    out.string(section.name);
    out.string(section.text);
  }
  const BriefMetadata& meta = brief.metadata;
  out.string(meta.region);
  out.strings(meta.countries);
  out.strings(meta.tags);
  out.string(meta.source);
  out.string(meta.classification);
  out.string(meta.language);
  return out.take();
}

}  // namespace

std::string brief_document_data(const Brief& brief) { return encode_brief(brief, brief.line); }

std::uint64_t brief_content_hash(const Brief& brief) { return hash_bytes(encode_brief(brief, 0)); }

Brief brief_from_document_data(const std::string& data) {
  FieldReader reader(data);
  if (reader.byte() != kStoredBriefFormat)
    throw std::runtime_error("document data is not a stored brief");
  Brief brief;
  brief.id = reader.string();
  brief.path = reader.string();
  brief.line = reader.varint();
  brief.title = reader.string();
  brief.date = CalendarDate::parse(reader.string());
  brief.sections.resize(reader.count());
  for (Section& section : brief.sections) {
    section.name = reader.string();
    section.text = reader.string();
  }
  BriefMetadata& meta = brief.metadata;
  meta.region = reader.string();
  meta.countries = reader.strings();
  meta.tags = reader.strings();
  meta.source = reader.string();
  meta.classification = reader.string();
  meta.language = reader.string();
  if (!reader.complete()) throw std::runtime_error("document data is not a stored brief");
  return brief;
}

}  // namespace briefsearch
