// Country and region recognition: ISO 3166-1 alpha-2 codes for the countries named in
// metadata, queries and brief text, and our region for each country.
//
// Names are ICU's English display names for every ISO 3166 code plus the short forms,
// alternative names and demonyms of data/country-aliases.tsv, which also lists places
// within a country (US states, Somaliland) that count as mentions of it without being its
// names. Regions follow the UN M.49 containment data ICU carries, mapped through
// data/regions.tsv; areas that are no country and no region of ours ("Balkans", "Latin
// America") come from ICU's M.49 names and data/areas.tsv. The data files are compiled
// in (common/base/embedded_data.h).
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/analysis/analyser.h"

namespace briefsearch {

struct M49Containment;

// One mention of a country in a text (CountryGazetteer::mentions_of).
struct CountryMention {
  std::string code;       // uppercase alpha-2
  std::size_t begin = 0;  // byte range of the name in the text
  std::size_t end = 0;
  // An item of a list of three or more countries ("Saudi Arabia, Jordan, Lebanon and
  // Iraq"): only spaces, commas, "&", "and" and "or" between the names.
  bool listed = false;
};

// One text of a brief and its analysed words (Analyser::analyse(text)), which must outlive
// the call that reads them.
struct AnalysedText {
  std::string_view text;
  const std::vector<Token>* tokens = nullptr;
};

// Our five regions, exactly as stored and shown.
inline constexpr std::array<std::string_view, 5> kRegionNames = {
    "Indo-Pacific", "Europe", "Middle East", "Africa", "Americas"};

// Immutable after construction; safe to share between threads.
class CountryGazetteer {
 public:
  // The gazetteer of the embedded data files, built on first use (thread-safe). Throws
  // InternalError if ICU's data cannot be loaded or an embedded file is malformed.
  static const CountryGazetteer& instance();

  // Builds from the texts of the data files (see their headers for the format). Throws
  // InternalError naming the file and line of the first malformed entry: an unknown code,
  // flag or region, a missing column, an alias given to two countries.
  CountryGazetteer(std::string_view aliases_tsv, std::string_view regions_tsv,
                   std::string_view areas_tsv = {});

  // The uppercase alpha-2 code for a country as written in metadata or a query: a code
  // ("CN", "cn"), a name ("China", "Côte d’Ivoire", "cote d'ivoire", "the Gambia"), a
  // short form ("PRC", "U.S.", "us"), a demonym, or a place within the country, which is
  // filed under it ("Somaliland": SO, "Texas": US). Case never matters here. Nothing for
  // non-countries ("EU", "Korea", "Indian Ocean").
  [[nodiscard]] std::optional<std::string> code_for(std::string_view name) const;

  // The code for a country named as a word or words of free text: a name, short form or
  // demonym as code_for reads it, but never a bare ISO code, since "de", "at" and "no" are
  // words, and never a place within the country ("texas" is not the United States' name).
  // Nothing for other words.
  [[nodiscard]] std::optional<std::string> code_named(std::string_view name) const;

  // Every name of the country with this code (uppercase), as its analysed words
  // ({"russia"}, {"russian", "federation"}, {"russians"}): its names, short forms and
  // demonyms, without the places within it ("texas", "somaliland") and without the short
  // forms that count only when written in capitals ("US", "UK"), which a query word cannot
  // tell from the common word. Sorted; empty for an unknown code.
  [[nodiscard]] std::vector<std::vector<std::string>> names_of(std::string_view code) const;

  // The mentions of countries in each of a brief's texts (its title, then its sections),
  // in the order written: a country named three times is listed three times (what the
  // subject rule counts, common/analysis/subjects.h). A name or a place within a country
  // counts; the longest name wins ("South Sudan" is SS alone, "Papua New Guinea" PG
  // alone); a name must start with a capital letter in the text ("turkey" is no mention)
  // and an exact-case alias must be written exactly so ("US", not "us"); a name never spans
  // a sentence or clause break. Names that are also a person's or a US state's ("Chad
  // Smith", "Atlanta, Georgia") are read by the rules of common/analysis/country_mentions.cpp,
  // over all the texts together: a name read as a person's or the state in one place is
  // read so wherever the brief gives no other sign. Fast enough for every brief: one hash
  // lookup per word.
  [[nodiscard]] std::vector<std::vector<CountryMention>> mentions_in_brief(
      const std::vector<AnalysedText>& texts) const;

  // mentions_in_brief of one text alone. tokens must be Analyser::analyse(text).
  [[nodiscard]] std::vector<CountryMention> mentions_of(std::string_view text,
                                                        const std::vector<Token>& tokens) const;

  // The codes of mentions_of, in order: one per mention.
  [[nodiscard]] std::vector<std::string> mentions_in(std::string_view text,
                                                     const std::vector<Token>& tokens) const;

  // The codes of mentions_of, each once, in order of first mention.
  [[nodiscard]] std::vector<std::string> mentioned_in(std::string_view text,
                                                      const std::vector<Token>& tokens) const;

  // ICU's English display name of a code, either case ("US": "United States", "MM":
  // "Myanmar (Burma)"), as facets show it; nothing for a code the gazetteer does not know.
  [[nodiscard]] std::optional<std::string> display_name(std::string_view code) const;

  // Whether name is a place data/country-aliases.tsv lists as no one country's ("Indian
  // Ocean", "Latin America", "Kashmir": its "-" entries); code_for gives nothing for it.
  [[nodiscard]] bool names_no_country(std::string_view name) const;

  // An area that holds several countries and is not one of kRegionNames: an M.49 area or
  // grouping that ICU names ("Asia", "Latin America", "Western Africa", "European Union",
  // also by its code "EU"), or one of data/areas.tsv ("Balkans", "LatAm", "Mideast").
  struct Area {
    std::string name;                // as ICU or the data file writes it
    std::vector<std::string> codes;  // its countries, sorted by code
  };
  // The area name names, ignoring case, spaces, hyphens and a leading "the"; nothing for
  // other names.
  [[nodiscard]] std::optional<Area> area_named(std::string_view name) const;

  // A name code_for knows, as written in the data or by ICU, and its code.
  struct NamedCountry {
    std::string name;
    std::string code;
  };
  // The known names nearest to name by edit distance (Damerau-Levenshtein over the
  // analysed, case- and accent-folded code points), one per country, at most `most`: only
  // those at the smallest distance found, within suggestion_edits(name), and for two edits
  // starting with the same letter, so "germny" gives Germany, "rusia" Russia alone (not
  // USA, two edits away), and "narnia" and "balkans" (not Malians) nothing.
  // A name that has the value as one of its words ("Korea": North Korea, South Korea)
  // counts as one edit away. For error messages.
  [[nodiscard]] std::vector<NamedCountry> closest_names(std::string_view name,
                                                        std::size_t most) const;

  // Every phrase the gazetteer reads, sorted by key: the key is the phrase's analysed
  // words without a possessive "'s", joined by spaces (key_of); code is its country's, or
  // empty for a phrase that is no country's ("Indian Ocean"); is_name is false for a place
  // within the country ("new mexico": US) and for a phrase that is no country's. For the
  // table that country-name-table writes (common/analysis/country_table.h).
  struct NameKey {
    std::string key;
    std::string code;
    bool is_name = false;
    auto operator<=>(const NameKey&) const = default;
  };
  [[nodiscard]] std::vector<NameKey> name_keys() const;

  // The flags of a data/country-aliases.tsv entry (see its header); ICU's names have none.
  struct AliasFlags {
    bool exact_case = false;
    bool place = false;        // a place within the country, not a name of it
    bool person_name = false;  // also a given name or a surname
    bool us_state = false;     // also a US state's name
  };

  // An alias found in a text: internal to the mention rules (country_mentions.cpp).
  struct Match;

  // The key of an analysed name: its terms without a possessive "'s", joined by spaces.
  [[nodiscard]] static std::string key_of(const std::vector<Token>& tokens);

  // The key a name written in metadata, a query or free text is looked up by: key_of its
  // tokens, without a leading "the" ("the Gambia", "the United States"). tokens are
  // analysed without stems, as the gazetteer analyses names.
  [[nodiscard]] static std::string name_key(std::vector<Token> tokens);

  // One of kRegionNames for an alpha-2 code (either case), or nothing for an unknown code
  // or a territory in no region (Antarctica).
  [[nodiscard]] std::optional<std::string_view> region_of(std::string_view code) const;

  // The kRegionNames entry for a region as written, ignoring case, spaces, hyphens and
  // underscores ("middle east", "Middle-East", "indo pacific"); nothing for other names.
  [[nodiscard]] static std::optional<std::string_view> canonical_region(std::string_view name);

 private:
  // Heterogeneous lookup, so matching looks words up without copying them.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  template <typename Value>
  using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

  // One entry of data/country-aliases.tsv, or one of ICU's names.
  struct Alias {
    std::vector<std::string> words;  // analysed terms without a possessive "'s"
    std::string code;                // empty for a phrase that is not a mention
    std::string exact_form;          // when not empty, the text must read exactly so
    AliasFlags flags;
  };
  void load_icu_codes();
  void load_aliases(std::string_view aliases_tsv);
  void load_icu_names();
  void load_regions(std::string_view regions_tsv, const M49Containment& containment);
  void load_areas(std::string_view areas_tsv, const M49Containment& containment);
  [[nodiscard]] std::vector<Token> analyse(std::string_view name) const;
  // The word as matched: an analysed term without a possessive "'s", so "Yemen’s" is a
  // mention of Yemen. Both the names and the text go through here.
  [[nodiscard]] static std::string_view match_word(std::string_view term);
  // tokens are analyse(name), and not empty.
  void add_alias(std::string_view name, const std::vector<Token>& tokens, const std::string& code,
                 const AliasFlags& flags);
  [[nodiscard]] static bool matches_at(const Alias& alias, std::string_view text,
                                       const std::vector<Token>& tokens, std::size_t first);
  // The aliases found in one text, longest first, with what their neighbours say.
  [[nodiscard]] std::vector<Match> matches_in(std::string_view text,
                                              const std::vector<Token>& tokens) const;

  std::unordered_set<std::string, StringHash, std::equal_to<>> codes_;
  StringMap<std::vector<Alias>> aliases_by_first_word_;  // longest alias first
  StringMap<std::string> code_by_name_;                  // match words joined by spaces
  std::unordered_set<std::string, StringHash, std::equal_to<>> place_keys_;  // of places
  StringMap<Area> areas_by_key_;                                             // area_key()
  StringMap<std::string_view> region_by_code_;   // values from kRegionNames
  StringMap<std::string> written_name_by_key_;   // keys of code_by_name_, as first written
  StringMap<std::string> display_name_by_code_;  // ICU's English names
  // code_for analyses names as the indexer does; an Analyser is not thread-safe.
  mutable std::mutex analyser_mutex_;
  mutable Analyser analyser_;
};

}  // namespace briefsearch
