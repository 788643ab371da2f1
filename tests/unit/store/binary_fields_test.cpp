// Tests for the binary field encoding of stored briefs and file states: every field kind
// round-trips, the bytes are pinned, and truncated, over-long or corrupt input is rejected.
#include "common/store/binary_fields.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace briefsearch;

namespace {

using Strings = std::vector<std::string>;

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

std::string varint_bytes(std::uint64_t value) {
  FieldWriter writer;
  writer.varint(value);
  return writer.take();
}

// One field of each kind but rest, with values at the edges of their encodings.
std::string sample_record() {
  FieldWriter writer;
  writer.byte('\x02');
  writer.varint(0);
  writer.varint(300);
  writer.varint(kMax);
  writer.fixed64(0x0102030405060708ULL);
  writer.string("");
  writer.string(std::string("with\0NUL", 8));
  writer.string(std::string(200, 'x'));  // a length of two varint bytes
  writer.strings({});
  writer.strings({"", "Middle East", "Zürich"});
  return writer.take();
}

// Reads sample_record's fields back, checking each value when the read succeeds.
bool read_sample_record(std::string_view data) {
  FieldReader reader(data);
  const char format = reader.byte();
  const std::uint64_t zero = reader.varint();
  const std::uint64_t three_hundred = reader.varint();
  const std::uint64_t max = reader.varint();
  const std::uint64_t fixed = reader.fixed64();
  const std::string empty = reader.string();
  const std::string with_nul = reader.string();
  const std::string long_string = reader.string();
  const Strings no_strings = reader.strings();
  const Strings strings = reader.strings();
  if (!reader.complete()) return false;
  CHECK(format == '\x02');
  CHECK(zero == 0);
  CHECK(three_hundred == 300);
  CHECK(max == kMax);
  CHECK(fixed == 0x0102030405060708ULL);
  CHECK(empty.empty());
  CHECK(with_nul == std::string("with\0NUL", 8));
  CHECK(long_string == std::string(200, 'x'));
  CHECK(no_strings.empty());
  CHECK(strings == Strings{"", "Middle East", "Zürich"});
  return true;
}

}  // namespace

TEST_CASE("every field kind round-trips", "[binary_fields]") {
  CHECK(read_sample_record(sample_record()));

  for (const std::uint64_t value :
       {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{127}, std::uint64_t{128},
        std::uint64_t{16383}, std::uint64_t{16384}, std::uint64_t{1} << 32,
        (std::uint64_t{1} << 63) - 1, std::uint64_t{1} << 63, kMax}) {
    INFO(value);
    const std::string bytes = varint_bytes(value);
    FieldReader reader(bytes);
    CHECK(reader.varint() == value);
    CHECK(reader.complete());

    FieldWriter writer;
    writer.fixed64(value);
    const std::string fixed = writer.take();
    CHECK(fixed.size() == 8);
    FieldReader fixed_reader(fixed);
    CHECK(fixed_reader.fixed64() == value);
    CHECK(fixed_reader.complete());
  }

  for (const char value : {'\0', 'a', '\x7F', '\x80', '\xFF'}) {
    FieldWriter writer;
    writer.byte(value);
    const std::string bytes = writer.take();
    FieldReader reader(bytes);
    CHECK(reader.byte() == value);
    CHECK(reader.complete());
  }
}

TEST_CASE("rest takes the bytes after the other fields, with no length", "[binary_fields]") {
  FieldWriter writer;
  writer.varint(7);
  writer.rest(std::string("/corpus/a\0b.txt", 15));
  const std::string data = writer.take();
  CHECK(data.size() == 1 + 15);
  FieldReader reader(data);
  CHECK(reader.varint() == 7);
  CHECK(reader.rest() == std::string("/corpus/a\0b.txt", 15));
  CHECK(reader.complete());

  const std::string seven = varint_bytes(7);
  FieldReader empty_rest(seven);
  CHECK(empty_rest.varint() == 7);
  CHECK(empty_rest.rest().empty());
  CHECK(empty_rest.complete());
}

TEST_CASE("the bytes are fixed: varints little-endian base 128, fixed64 little-endian",
          "[binary_fields]") {
  CHECK(varint_bytes(0) == std::string("\x00", 1));
  CHECK(varint_bytes(127) == "\x7F");
  CHECK(varint_bytes(128) == "\x80\x01");
  CHECK(varint_bytes(300) == "\xAC\x02");
  CHECK(varint_bytes(kMax) == "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\x01");

  FieldWriter writer;
  writer.fixed64(0x0102030405060708ULL);
  writer.string("ab");
  writer.strings({"c", ""});
  CHECK(writer.take() == std::string("\x08\x07\x06\x05\x04\x03\x02\x01"
                                     "\x02"
                                     "ab"
                                     "\x02\x01"
                                     "c\x00",
                                     15));
}

TEST_CASE("a truncated record is never complete", "[binary_fields]") {
  const std::string record = sample_record();
  for (std::size_t size = 0; size < record.size(); ++size) {
    INFO("first " << size << " of " << record.size() << " bytes");
    CHECK_FALSE(read_sample_record(std::string_view(record).substr(0, size)));
  }
}

TEST_CASE("bytes left over make a record incomplete", "[binary_fields]") {
  for (const std::string& extra : {std::string(1, '\0'), std::string("x"), sample_record()}) {
    CHECK_FALSE(read_sample_record(sample_record() + extra));
  }
  FieldReader reader("ab");
  CHECK(reader.byte() == 'a');
  CHECK_FALSE(reader.complete());
  CHECK(reader.byte() == 'b');
  CHECK(reader.complete());
}

TEST_CASE("complete() holds only when every read found its bytes and none is left",
          "[binary_fields]") {
  CHECK(FieldReader("").complete());

  SECTION("reading past the end fails, even with every byte consumed") {
    FieldReader reader("a");
    CHECK(reader.byte() == 'a');
    CHECK(reader.byte() == 0);
    CHECK_FALSE(reader.complete());
  }
  SECTION("a failure is sticky: later reads give nothing, though bytes remain") {
    FieldReader reader(
        "\x05"
        "abc");  // a string of 5 bytes, with 3 there
    CHECK(reader.string().empty());
    CHECK(reader.byte() == 0);
    CHECK(reader.varint() == 0);
    (void)reader.rest();
    CHECK_FALSE(reader.complete());
  }
  SECTION("fixed64 needs all eight bytes") {
    const std::string seven_bytes(7, '\x01');
    FieldReader reader(seven_bytes);
    CHECK(reader.fixed64() == 0);
    CHECK_FALSE(reader.complete());
  }
}

TEST_CASE("corrupt varints and counts are rejected without reading or allocating past the data",
          "[binary_fields]") {
  SECTION("a varint whose last byte says more follows") {
    FieldReader reader("\x80\x80");
    CHECK(reader.varint() == 0);
    CHECK_FALSE(reader.complete());
  }
  SECTION("a varint longer than ten bytes") {
    const std::string eleven_bytes = std::string(11, '\x80') + "\x01";
    FieldReader reader(eleven_bytes);
    CHECK(reader.varint() == 0);
    CHECK_FALSE(reader.complete());
  }
  SECTION("a string length past the end") {
    const std::string data = varint_bytes(kMax) + "abc";
    FieldReader reader(data);
    CHECK(reader.string().empty());
    CHECK_FALSE(reader.complete());
  }
  SECTION("a count of more items than bytes left") {
    FieldWriter writer;
    writer.varint(3);
    writer.string("a");  // 2 bytes: room for at most 2 items
    const std::string data = writer.take();
    FieldReader reader(data);
    CHECK(reader.count() == 0);
    CHECK_FALSE(reader.complete());
  }
  SECTION("a huge count is refused before the list is made") {
    const std::string data = varint_bytes(std::uint64_t{1} << 40) + std::string(1, '\0');
    FieldReader reader(data);
    CHECK(reader.strings().empty());
    CHECK_FALSE(reader.complete());
  }
  SECTION("a list whose last string is cut short") {
    FieldWriter writer;
    writer.strings({"one", "two"});
    std::string data = writer.take();
    data.pop_back();
    FieldReader reader(data);
    (void)reader.strings();
    CHECK_FALSE(reader.complete());
  }
}
