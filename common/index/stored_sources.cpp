#include "common/index/stored_sources.h"

#include <sys/stat.h>

#include <algorithm>

#include "common/base/string_utils.h"
#include "common/parse/parsers.h"
#include "common/store/schema.h"

namespace briefsearch {

std::optional<Xapian::docid> StoredFile::brief_with_hash(std::uint64_t brief_hash) const {
  const auto found =
      std::lower_bound(briefs.begin(), briefs.end(), brief_hash,
                       [](const auto& brief, std::uint64_t hash) { return brief.second < hash; });
  if (found == briefs.end() || found->second != brief_hash) return std::nullopt;
  return found->first;
}

StoredFiles read_stored_files(const Xapian::Database& database) {
  StoredFiles stored;
  for (auto value = database.valuestream_begin(kSourceSlot);
       value != database.valuestream_end(kSourceSlot); ++value) {
    if (auto source = decode_brief_source(*value)) {
      stored[source->absolute_path].briefs.emplace_back(value.get_docid(), source->brief_hash);
    }
  }
  for (auto& [path, file] : stored) {
    std::sort(file.briefs.begin(), file.briefs.end(),
              [](const auto& a, const auto& b) { return a.second < b.second; });
  }
  const std::string prefix(kFileStateKeyPrefix);
  for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix);
       ++key) {
    if (auto state = decode_file_state(database.get_metadata(*key))) {
      // A key holds the state of one path; a second path with the same hash overwrites it
      // and the first is then simply read again.
      if (file_state_key(state->absolute_path) == *key) {
        stored[state->absolute_path].state = std::move(*state);
      }
    }
  }
  return stored;
}

MoveCheck moved_corpus_check(const StoredFiles& stored) {
  return [&stored](const Root& missing, const std::filesystem::path& path) {
    std::size_t known = 0;
    std::size_t found = 0;
    for (const auto& [source, file] : stored) {
      const std::filesystem::path old_path(source);
      if (!file.state || !is_within(old_path, missing.path)) continue;
      ++known;
      const std::filesystem::path moved =
          missing.is_folder ? path / old_path.lexically_relative(missing.path) : path;
      struct stat status {};
      if (::stat(moved.c_str(), &status) != 0 || !S_ISREG(status.st_mode) ||
          static_cast<std::uintmax_t>(status.st_size) != file.state->size) {
        continue;
      }
      // Same place and size is not enough: files of one template often share both.
      std::string bytes;
      if (!read_input_file(moved, bytes) && hash_bytes(bytes) == file.state->content_hash) {
        ++found;
      }
    }
    return found > 0 && found * 2 >= known;
  };
}

std::optional<BriefSource> stored_source(const Xapian::Database& database, Xapian::docid document) {
  return decode_brief_source(database.get_document(document).get_value(kSourceSlot));
}

}  // namespace briefsearch
