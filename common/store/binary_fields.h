// The binary form of what is stored per brief (the document data, the file state): fields
// in a fixed order, numbers as varints or 8 little-endian bytes, strings and lists with
// their length first. A reader that runs past the end, or finds bytes left over, marks
// itself failed rather than throwing, so each caller says what the bad value was.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace briefsearch {

class FieldWriter {
 public:
  explicit FieldWriter(std::size_t expected_bytes = 0) { out_.reserve(expected_bytes); }

  void byte(char value) { out_ += value; }

  void varint(std::uint64_t value) {
    while (value >= 0x80) {
      out_ += static_cast<char>((value & 0x7F) | 0x80);
      value >>= 7;
    }
    out_ += static_cast<char>(value);
  }

  void fixed64(std::uint64_t value) {
    for (int byte = 0; byte < 8; ++byte) out_ += static_cast<char>((value >> (8 * byte)) & 0xFF);
  }

  void string(std::string_view value) {
    varint(value.size());
    out_ += value;
  }

  void strings(const std::vector<std::string>& values) {
    varint(values.size());
    for (const std::string& value : values) string(value);
  }

  // Bytes with no length before them: only as the last field.
  void rest(std::string_view value) { out_ += value; }

  [[nodiscard]] std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class FieldReader {
 public:
  explicit FieldReader(std::string_view data) : data_(data) {}

  char byte() {
    if (!has(1)) return 0;
    return data_[at_++];
  }

  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64 && has(1); shift += 7) {
      const auto next = static_cast<unsigned char>(data_[at_++]);
      value |= static_cast<std::uint64_t>(next & 0x7F) << shift;
      if (next < 0x80) return value;
    }
    failed_ = true;
    return 0;
  }

  std::uint64_t fixed64() {
    if (!has(8)) return 0;
    std::uint64_t value = 0;
    for (int byte = 0; byte < 8; ++byte) {
      value |= static_cast<std::uint64_t>(static_cast<unsigned char>(data_[at_ + byte]))
               << (8 * byte);
    }
    at_ += 8;
    return value;
  }

  std::string string() {
    const std::uint64_t size = varint();
    if (!has(size)) return {};
    std::string value(data_.substr(at_, size));
    at_ += size;
    return value;
  }

  // A count of items that each take at least one byte, so a corrupt count cannot make the
  // caller allocate more than the data could hold.
  std::size_t count() {
    const std::uint64_t items = varint();
    return has(items) ? static_cast<std::size_t>(items) : 0;
  }

  std::vector<std::string> strings() {
    std::vector<std::string> values(count());
    for (std::string& value : values) value = string();
    return values;
  }

  std::string rest() {
    std::string value(data_.substr(at_));
    at_ = data_.size();
    return value;
  }

  // True when every read found its bytes and nothing is left over.
  [[nodiscard]] bool complete() const { return !failed_ && at_ == data_.size(); }

 private:
  bool has(std::uint64_t bytes) {
    if (failed_ || bytes > data_.size() - at_) {
      failed_ = true;
      return false;
    }
    return true;
  }

  std::string_view data_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

}  // namespace briefsearch
