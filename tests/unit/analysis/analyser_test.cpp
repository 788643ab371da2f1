#include "common/analysis/analyser.h"

#include <catch2/catch.hpp>

#include "common/base/embedded_data.h"
#include "common/base/string_utils.h"
#include "common/store/schema.h"

using briefsearch::Analyser;
using briefsearch::Token;

namespace {

std::vector<std::string> terms_of(const std::string& text) {
  Analyser analyser;
  std::vector<std::string> terms;
  for (const Token& token : analyser.analyse(text)) terms.push_back(token.term);
  return terms;
}

std::vector<std::string> stems_of(const std::string& text) {
  Analyser analyser;
  std::vector<std::string> stems;
  for (const Token& token : analyser.analyse(text)) stems.push_back(token.stem);
  return stems;
}

}  // namespace

TEST_CASE("analyser folds case, width and diacritics", "[analysis]") {
  struct Case {
    std::string text;
    std::vector<std::string> terms;
  };
  const auto [text, expected] = GENERATE(values<Case>({
      {"Zürich", {"zurich"}},
      {"SHIPS Ships ships", {"ships", "ships", "ships"}},
      {"Nicolás Maduro", {"nicolas", "maduro"}},
      {"São Paulo", {"sao", "paulo"}},
      {"Straße", {"strasse"}},
      {"ＵＳＡ", {"usa"}},
      {"Ёлка", {"елка"}},
  }));
  INFO(text);
  CHECK(terms_of(text) == expected);
}

TEST_CASE("Latin letters whose marks do not decompose fold as ICU's Latin-ASCII does",
          "[analysis]") {
  struct Case {
    std::string original;  // as a brief prints it
    std::string typed;     // as an analyst types it
    std::string term;
  };
  const auto [original, typed, term] = GENERATE(values<Case>({
      {"Wrocław", "wroclaw", "wroclaw"},
      {"Ørsted", "orsted", "orsted"},
      {"Tromsø", "tromso", "tromso"},
      {"Diyarbakır", "diyarbakir", "diyarbakir"},
      {"Łódź", "lodz", "lodz"},
      {"manœuvres", "manoeuvres", "manoeuvres"},
      {"Færoe", "faeroe", "faeroe"},
      {"Straße", "strasse", "strasse"},
      {"Đukanović", "dukanovic", "dukanovic"},
      {"Þingvellir", "thingvellir", "thingvellir"},
      {"İstanbul", "istanbul", "istanbul"},
      {"ĲSSEL", "ijssel", "ijssel"},
      {"Ǿrsted", "orsted", "orsted"},  // ø with an acute: the mark goes, then the stroke
      {"ʙʟᴏᴄ", "bloc", "bloc"},        // small capitals fold to lowercase letters
      {"Ø-Ł", "o-l", "o"},             // each part of a hyphenated name
  }));
  INFO(original);
  CHECK(terms_of(original).front() == term);
  CHECK(terms_of(original) == terms_of(typed));
  CHECK(stems_of(original) == stems_of(typed));
}

TEST_CASE("folding keeps other scripts, word boundaries and the original offsets", "[analysis]") {
  CHECK(terms_of("Москва Αθήνα 北京 القاهرة") ==
        std::vector<std::string>{"москва", "αθηνα", "北京", "القاهرة"});
  // Latin-ASCII would turn the click letter into "|" and quotes into ASCII: letters only.
  CHECK(terms_of("ǀXam") == std::vector<std::string>{"ǀxam"});
  CHECK(terms_of("“Łódź” – «Tromsø»") == std::vector<std::string>{"lodz", "tromso"});
  const std::string text = "In Wrocław, Ørsted’s manœuvres.";
  Analyser analyser;
  const std::vector<Token> tokens = analyser.analyse(text);
  REQUIRE(tokens.size() == 4);
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "Wrocław");
  CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "Ørsted’s");
  CHECK(tokens[2].term == "orsted's");
  CHECK(tokens[2].stem == "orst");
  CHECK(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin) == "manœuvres");
  CHECK(tokens[3].stem == analyser.stem("manoeuvre"));
}

TEST_CASE("typographic apostrophes match ASCII ones", "[analysis]") {
  CHECK(terms_of("Iran\xE2\x80\x99s") == terms_of("Iran's"));
  CHECK(terms_of("Iran's") == std::vector<std::string>{"iran's"});
  CHECK(stems_of("Iran's") == std::vector<std::string>{"iran"});
  CHECK(terms_of("the states' borders") == std::vector<std::string>{"the", "states", "borders"});
}

TEST_CASE("French and Italian elided articles are dropped, English names keep theirs",
          "[analysis]") {
  CHECK(terms_of("Côte d'Ivoire") == std::vector<std::string>{"cote", "ivoire"});
  CHECK(terms_of("C\xC3\xB4te d\xE2\x80\x99Ivoire") == terms_of("cote ivoire"));
  CHECK(terms_of("L'Aquila dell'Acqua qu'il jusqu'\xC3\xA0 l'Hôpital") ==
        std::vector<std::string>{"aquila", "acqua", "il", "a", "hopital"});
  // Not an elision: an English name, no vowel or h after the apostrophe, a longer word,
  // or nothing after it.
  CHECK(terms_of("O'Brien D'Souza don't Sana'a Hawai'i l'") ==
        std::vector<std::string>{"o'brien", "d'souza", "don't", "sana'a", "hawai'i", "l"});
}

TEST_CASE("stems are the Snowball English stems of the folded word", "[analysis]") {
  CHECK(stems_of("Sanctions sanctioned SANCTION") ==
        std::vector<std::string>{"sanction", "sanction", "sanction"});
  CHECK(stems_of("shipping") == std::vector<std::string>{"ship"});
}

TEST_CASE("every script is segmented into words", "[analysis]") {
  SECTION("Chinese without spaces") {
    const auto terms = terms_of("Wang Yi (王毅) met officials in 北京");
    CHECK(terms.front() == "wang");
    CHECK(std::find(terms.begin(), terms.end(), "北京") != terms.end());
    // However ICU splits the name, the query side splits it the same way.
    const auto name = terms_of("王毅");
    REQUIRE_FALSE(name.empty());
    CHECK(std::search(terms.begin(), terms.end(), name.begin(), name.end()) != terms.end());
  }
  SECTION("Cyrillic") {
    CHECK(terms_of("Володимир Зеленський") == std::vector<std::string>{"володимир", "зеленськии"});
  }
  SECTION("Arabic, with optional vowel marks folded") {
    CHECK(terms_of("أحمد الشرع").size() == 2);
    CHECK(terms_of("مُحَمَّد") == terms_of("محمد"));
  }
}

TEST_CASE("punctuation splits words, codes keep their parts", "[analysis]") {
  CHECK(terms_of("S-400 F-16 COVID-19") ==
        std::vector<std::string>{"s", "400", "f", "16", "covid", "19"});
  CHECK(terms_of("two-day two \xE2\x80\x93 day") ==
        std::vector<std::string>{"two", "day", "two", "day"});
  CHECK(terms_of("... -- !!").empty());
}

TEST_CASE("overlong words never reach the index", "[analysis]") {
  const std::string long_word(briefsearch::kMaxWordBytes + 1, 'a');
  CHECK(terms_of("before " + long_word + " after") == std::vector<std::string>{"before", "after"});
  const std::string fits(briefsearch::kMaxWordBytes, 'a');
  CHECK(terms_of(fits) == std::vector<std::string>{fits});
}

TEST_CASE("tokens carry byte offsets into the analysed text", "[analysis]") {
  Analyser analyser;
  const std::string text = "In Zürich, 王毅 spoke.";
  const auto tokens = analyser.analyse(text);
  REQUIRE(tokens.size() >= 3);
  CHECK(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "In");
  CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "Zürich");
  CHECK(text.substr(tokens.back().begin, tokens.back().end - tokens.back().begin) == "spoke");
}

TEST_CASE("control characters and invalid bytes do not become part of words", "[analysis]") {
  CHECK(terms_of("\x1b]0;pwned\x07 text") == std::vector<std::string>{"0", "pwned", "text"});
  CHECK(terms_of("caf\xE9 bar") == std::vector<std::string>{"caf", "bar"});
}

TEST_CASE("stop words are marked, unless written in capitals", "[analysis]") {
  Analyser analyser;
  const auto tokens =
      analyser.analyse("The US told us that IT and it matter; WHO said so. Cape of Good Hope");
  std::vector<std::string> stops;
  for (const Token& token : tokens) {
    if (token.stop_word) stops.push_back(token.term);
  }
  CHECK(stops == std::vector<std::string>{"the", "us", "that", "and", "it", "so", "of"});
  // Stop words are still tokens: phrases keep them.
  CHECK(tokens.size() == 16);
}

TEST_CASE("text is segmented exactly as ICU segments it, ASCII without ICU", "[analysis]") {
  Analyser analyser;
  auto check_same = [&](const std::string& text) {
    INFO("text: [" << text << "]");
    const std::vector<Token> direct = analyser.analyse(text);
    const std::vector<Token> through_icu = analyser.analyse_with_icu(text);
    REQUIRE(direct.size() == through_icu.size());
    for (std::size_t i = 0; i < direct.size(); ++i) {
      CHECK(direct[i].term == through_icu[i].term);
      CHECK(direct[i].stem == through_icu[i].stem);
      // ICU reads an invalid byte as U+FFFD, so its offsets after one are approximate.
      if (briefsearch::is_valid_utf8(text)) {
        CHECK(direct[i].begin == through_icu[i].begin);
        CHECK(direct[i].end == through_icu[i].end);
      }
      CHECK(direct[i].stop_word == through_icu[i].stop_word);
    }
  };
  for (const std::string& text : std::vector<std::string>{
           "U.S. forces left 1,000.50 tonnes; e.g. 3.5% of it's 2024's 20,30;40 total",
           "a_b _ __ _x x_ 1_2 a.1 1.a a'b 'a b' a''b 1''2 1..2 a..b a:b 1:2 a;b 1;2 a,b",
           "d'Ivoire l'Aquila qu'il L'HOPITAL d'souza l' d'' dell'Acqua o'brien",
           "S-400 F-16s G7/G20 COVID-19 e-mail x.y.z 9.11.2001 IT WHO US us The THE a@b.c",
           std::string(70, 'a') + " " + std::string(64, 'b') + " tail",
           "Z\xC3\xBCrich and Gda\xC5\x84sk, \xE2\x80\x9Cquoted\xE2\x80\x9D Iran\xE2\x80\x99s "
           "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82 x\xCC\x81y \xCC\x81z "
           "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8 \xFF end"}) {
    check_same(text);
  }
  // Random text over the characters the rules treat specially, some of them not ASCII: an
  // accented letter, a combining accent, a curly apostrophe, a no-break space, a Chinese
  // character and an invalid byte.
  const std::vector<std::string> alphabet = {"a",
                                             "Z",
                                             "q",
                                             "0",
                                             "9",
                                             "_",
                                             ".",
                                             "'",
                                             ",",
                                             ";",
                                             ":",
                                             "-",
                                             " ",
                                             "\n",
                                             "\t",
                                             "!",
                                             "\"",
                                             "#",
                                             "$",
                                             "%",
                                             "&",
                                             "(",
                                             "*",
                                             "+",
                                             "/",
                                             "<",
                                             "=",
                                             "?",
                                             "@",
                                             "[",
                                             "\\",
                                             "^",
                                             "`",
                                             "{",
                                             "|",
                                             "~",
                                             "\x01",
                                             "\x7f",
                                             "\xC3\xA9",
                                             "\xCC\x81",
                                             "\xE2\x80\x99",
                                             "\xC2\xA0",
                                             "\xE4\xB8\xAD",
                                             "\xFF"};
  std::uint32_t state = 12345;
  auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const std::size_t length = 1 + next() % 24;
    for (std::size_t i = 0; i < length; ++i) text += alphabet[next() % alphabet.size()];
    check_same(text);
  }
}

TEST_CASE("every word starts as stem_start of its stem says", "[analysis]") {
  Analyser analyser;
  for (const Token& token :
       analyser.analyse("dying lying tying skies ugly early gently military countries sanctions "
                        "news hoping relational organization generously cries us un a I")) {
    INFO(token.term << " -> " << token.stem);
    CHECK(token.term.starts_with(briefsearch::stem_start(token.stem)));
  }
  CHECK(briefsearch::stem_start("die") == "d");
  CHECK(briefsearch::stem_start("militari") == "militar");
  CHECK(briefsearch::stem_start("us") == "us");
}

// Every database holds this analyser's terms, so its output on these words is pinned: a
// change here must come with a new kAnalyserVersion, or databases built before it would
// silently miss matches. Each token is term/stem, with "*" for a stop word.
TEST_CASE("the analyser's output is pinned to kAnalyserVersion", "[analysis]") {
  REQUIRE(briefsearch::kAnalyserVersion == 4);
  struct Case {
    std::string text;
    std::string tokens;
  };
  const std::vector<Case> cases = {
      {"The Ships SHIPPED shipping", "the/the* ships/ship shipped/ship shipping/ship"},
      {"US us WHO who it's", "us/us us/us* who/who who/who* it's/it*"},
      {"Zürich São Paulo Nicolás", "zurich/zurich sao/sao paulo/paulo nicolas/nicola"},
      {"Wrocław Ørsted Tromsø Diyarbakır Łódź",
       "wroclaw/wroclaw orsted/orst tromso/tromso diyarbakir/diyarbakir lodz/lodz"},
      {"manœuvres Færoe Straße Þingvellir",
       "manoeuvres/manoeuvr faeroe/faero strasse/strass thingvellir/thingvellir"},
      {"ＵＳＡ Ёлка Москва Αθήνα", "usa/usa елка/елка москва/москва αθηνα/αθηνα"},
      {"北京 东京 القاهرة", "北京/北京 东京/东京 القاهرة/القاهرة"},
      {"Iran’s states' S-400 F-16 COVID-19",
       "iran's/iran states/state s/s 400/400 f/f 16/16 covid/covid 19/19"},
      {"2.75 u.s 1,000 e-mail a@b.org snake_case",
       "2.75/2.75 u.s/u. 1,000/1,000 e/e mail/mail a@b.org/a@b.org snake_case/snake_cas"},
      {"Hodeidah's dying militarily", "hodeidah's/hodeidah dying/die militarily/militarili"},
      {"Côte d’Ivoire L'Aquila O'Brien", "cote/cote ivoire/ivoir aquila/aquila o'brien/o'brien"},
  };
  Analyser analyser;
  for (const Case& c : cases) {
    std::string tokens;
    for (const Token& token : analyser.analyse(c.text)) {
      if (!tokens.empty()) tokens += ' ';
      tokens += token.term + "/" + token.stem + (token.stop_word ? "*" : "");
    }
    INFO("The analyser's output changed for \"" << c.text
                                                << "\". If that is intended, bump kAnalyserVersion "
                                                   "in common/store/schema.h (databases must be "
                                                   "rebuilt) and update this test.");
    CHECK(tokens == c.tokens);
  }
}

// The country and region tables decide filter terms: a change to them must come with a new
// kAnalyserVersion too.
TEST_CASE("the term-deciding data files are pinned to kAnalyserVersion", "[analysis]") {
  const std::string data =
      std::string(briefsearch::kCountryAliasesData) + std::string(briefsearch::kRegionsData);
  INFO(
      "data/country-aliases.tsv or data/regions.tsv changed. Bump kAnalyserVersion in "
      "common/store/schema.h (databases must be rebuilt) and set kAnalyserDataDigest to 0x"
      << std::hex << briefsearch::hash_bytes(data) << ".");
  CHECK(briefsearch::hash_bytes(data) == briefsearch::kAnalyserDataDigest);
}
