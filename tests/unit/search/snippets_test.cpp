#include "common/search/snippets.h"

#include <catch2/catch.hpp>

#include "common/base/string_utils.h"
#include "common/search/search.h"
#include "common/search/snippet_matches.h"

using briefsearch::Analyser;
using briefsearch::Brief;
using briefsearch::HighlightTerm;
using briefsearch::make_snippet;
using briefsearch::Section;
using briefsearch::Snippet;
using briefsearch::TextField;
using briefsearch::Token;

namespace {

const std::string kEllipsis = "\xE2\x80\xA6";

HighlightTerm stem(std::string word, std::optional<TextField> field = std::nullopt) {
  return {HighlightTerm::Kind::kStem, {{std::move(word)}}, field, {}};
}

HighlightTerm exact(std::vector<std::string> words) {
  return {HighlightTerm::Kind::kExact, {std::move(words)}, std::nullopt, {}};
}

HighlightTerm prefix(std::string start) {
  return {HighlightTerm::Kind::kPrefix, {{std::move(start)}}, std::nullopt, {}};
}

// A phrase as the query side builds it: the analyser's exact terms.
HighlightTerm phrase_of(const std::string& text) {
  Analyser analyser;
  std::vector<std::string> words;
  for (const Token& token : analyser.analyse(text)) words.push_back(token.term);
  return exact(std::move(words));
}

// NEAR/n (ADJ/n when ordered) over operands as the query side builds them.
HighlightTerm near_of(const std::vector<std::string>& operands, std::uint32_t n,
                      bool ordered = false, std::optional<TextField> field = std::nullopt) {
  Analyser analyser;
  HighlightTerm term{HighlightTerm::Kind::kExact, {}, field, {n, ordered}};
  for (const std::string& operand : operands) {
    std::vector<std::string>& words = term.operands.emplace_back();
    for (const Token& token : analyser.analyse(operand)) words.push_back(token.term);
  }
  return term;
}

Brief brief_of(std::vector<Section> sections) {
  Brief brief;
  brief.title = "Rebels and sanctions in the title";
  brief.sections = std::move(sections);
  return brief;
}

std::string repeat(const std::string& text, int times) {
  std::string result;
  for (int i = 0; i < times; ++i) result += text;
  return result;
}

bool is_continuation(const std::string& text, std::size_t at) {
  return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}

// What every snippet promises, whatever the case.
void check_well_formed(const Snippet& snippet, std::size_t max_bytes) {
  INFO(snippet.text);
  CHECK(briefsearch::is_valid_utf8(snippet.text));
  CHECK(snippet.text.find_first_of("\n\t") == std::string::npos);
  CHECK(snippet.text.size() <= max_bytes + kEllipsis.size());
  std::size_t previous_end = 0;
  for (const auto& [begin, end] : snippet.highlights) {
    CHECK(begin >= previous_end);
    CHECK(begin < end);
    CHECK(end <= snippet.text.size());
    CHECK_FALSE(is_continuation(snippet.text, begin));
    CHECK_FALSE(is_continuation(snippet.text, end));
    previous_end = end;
  }
}

Snippet snippet_of(const Brief& brief, const std::vector<HighlightTerm>& terms,
                   std::size_t max_bytes = briefsearch::kDefaultSnippetBytes) {
  Analyser analyser;
  Snippet snippet = make_snippet(brief, terms, analyser, max_bytes);
  check_well_formed(snippet, max_bytes);
  return snippet;
}

// The snippet with each highlight in brackets: "…were [sanctioned] by…".
std::string marked(const Snippet& snippet) {
  std::string result;
  std::size_t at = 0;
  for (const auto& [begin, end] : snippet.highlights) {
    result +=
        snippet.text.substr(at, begin - at) + "[" + snippet.text.substr(begin, end - begin) + "]";
    at = end;
  }
  return result + snippet.text.substr(at);
}

std::vector<std::string> highlighted_words(const Snippet& snippet) {
  std::vector<std::string> words;
  for (const auto& [begin, end] : snippet.highlights) {
    words.push_back(snippet.text.substr(begin, end - begin));
  }
  return words;
}

// The snippet's text without its ellipses must be a piece of original (one line) that
// starts and ends between words.
void check_cut_between_words(const std::string& original, const Snippet& snippet) {
  std::string body = snippet.text;
  if (body.starts_with(kEllipsis)) body.erase(0, kEllipsis.size());
  if (body.ends_with(kEllipsis)) body.erase(body.size() - kEllipsis.size());
  INFO(body);
  const std::size_t at = original.find(body);
  REQUIRE(at != std::string::npos);
  Analyser analyser;
  for (const Token& token : analyser.analyse(original)) {
    CHECK_FALSE((token.begin < at && at < token.end));
    CHECK_FALSE((token.begin < at + body.size() && at + body.size() < token.end));
  }
}

struct Case {
  std::vector<Section> sections;
  std::vector<HighlightTerm> terms;
  std::string expected;  // marked()
};

}  // namespace

TEST_CASE("words are marked as the index matches them", "[snippets]") {
  const auto [sections, terms, expected] = GENERATE(values<Case>({
      {{{"Description", "Sanctioned firms face new sanctions over sanctuary."}},
       {stem("sanction")},
       "[Sanctioned] firms face new [sanctions] over sanctuary."},
      {{{"Description", "Talks in Zürich and ZURICH resumed."}},
       {stem("zurich")},
       "Talks in [Zürich] and [ZURICH] resumed."},
      {{{"Description", "The United Nations met; nations united; the united states."}},
       {exact({"united", "nations"})},
       "The [United] [Nations] met; nations united; the united states."},
      {{{"Description", "United they stand, the Nations fall."}},
       {exact({"united", "nations"})},
       "United they stand, the Nations fall."},
      {{{"Description", "Sanctuary cities and sanctions, not sand."}},
       {prefix("sanc")},
       "[Sanctuary] cities and [sanctions], not sand."},
      {{{"Description", "The fall of the wall"}}, {stem("the")}, "[The] fall of [the] wall"},
      {{{"Description", "Oil exports from Iran rose."}},
       {stem("oil"), stem("iran")},
       "[Oil] exports from [Iran] rose."},
      {{{"Description", "New York and york"}},
       {exact({"new", "york"}), stem("york")},
       "[New] [York] and [york]"},
      {{{"Description", "Iran\xE2\x80\x99s navy"}}, {stem("iran")}, "[Iran\xE2\x80\x99s] navy"},
      {{{"Description", "Переговоры в Москве и Москва."}},
       {phrase_of("Москва")},
       "Переговоры в Москве и [Москва]."},
      {{{"Description", "Wang Yi (王毅) met officials in 北京."}},
       {phrase_of("北京")},
       "Wang Yi (王毅) met officials in [北京]."},
      {{{"Description", "caf\xE9 sanctions"}}, {stem("sanction")}, "caf\xEF\xBF\xBD [sanctions]"},
  }));
  CHECK(marked(snippet_of(brief_of(sections), terms)) == expected);
}

TEST_CASE("a term with a field marks only sections indexed under it", "[snippets]") {
  const auto impact = briefsearch::kImpactField;
  const auto other = briefsearch::kOtherSectionsField;
  const auto [sections, terms, expected] = GENERATE_COPY(values<Case>({
      {{{"Description", "Oil prices rose."}, {"Impact", "Oil exports fell."}},
       {stem("oil", impact)},
       "[Oil] exports fell."},
      {{{"Description", "Oil prices rose."}, {"Impact", "Exports fell."}},
       {stem("oil", impact)},
       "Oil prices rose."},
      {{{"Description", "Rebels advanced."}, {"Background", "Rebels held the town."}},
       {stem("rebel", other)},
       "[Rebels] held the town."},
      {{{"Description", "Rebels advanced."}, {"Outlook", "More rebels are expected."}},
       {stem("rebel", other)},
       "More [rebels] are expected."},
      {{{"Impact", "Rebels advanced."}, {"DESCRIPTION", "Rebels retreated."}},
       {stem("rebel", briefsearch::kDescriptionField)},
       "[Rebels] retreated."},
      {{{"Description", "Rebels advanced."}},
       {stem("rebel", briefsearch::kTitleField)},
       "Rebels advanced."},
      {{{"Description", "Oil and rebels."}, {"Impact", "Oil and rebels."}},
       {stem("oil", impact), stem("rebel")},
       "[Oil] and [rebels]."},
  }));
  CHECK(marked(snippet_of(brief_of(sections), terms)) == expected);
}

TEST_CASE("the passage with the most distinct terms wins, then the most matches", "[snippets]") {
  const auto [sections, terms, expected] = GENERATE(values<Case>({
      {{{"Description", "Oil, oil, oil and oil."}, {"Background", "Oil and Iran."}},
       {stem("oil"), stem("iran")},
       "[Oil] and [Iran]."},
      {{{"Description", "Oil and Iran."}, {"Background", "Oil, Iran and more oil."}},
       {stem("oil"), stem("iran")},
       "[Oil], [Iran] and more [oil]."},
      {{{"Description", "Oil in Iran."}, {"Background", "Iran sells oil."}},
       {stem("oil"), stem("iran")},
       "[Oil] in [Iran]."},
      {{{"Description", "Oil in Iran."}, {"Background", "Iran sells oil."}},
       {stem("oil"), stem("oil"), stem("iran"), stem("iran")},
       "[Oil] in [Iran]."},
  }));
  CHECK(marked(snippet_of(brief_of(sections), terms)) == expected);
}

TEST_CASE("in a long section the window holding the most terms wins", "[snippets]") {
  const std::string filler = repeat("Filler words keep this section long enough to cut. ", 6);
  const std::string text = "Oil is mentioned first. " + filler + "Later Iran sold oil to India. " +
                           filler + "Oil again at the end.";
  const Snippet snippet =
      snippet_of(brief_of({{"Description", text}}), {stem("oil"), stem("iran"), stem("india")});
  CHECK(highlighted_words(snippet) == std::vector<std::string>{"Iran", "oil", "India"});
  CHECK(snippet.text.starts_with(kEllipsis + "Later Iran sold oil to India."));
  check_cut_between_words(text, snippet);
}

TEST_CASE("cut ends carry an ellipsis; a close sentence start begins the passage", "[snippets]") {
  const std::string filler = repeat("Filler words keep this section long enough to cut. ", 8);
  struct CutCase {
    std::string text;
    std::string starts;
    std::string ends;
  };
  const auto [text, starts, ends] = GENERATE_COPY(values<CutCase>({
      {filler + "Officials said the sanctions will stay. " + filler,
       kEllipsis + "Officials said the [sanctions] will stay. Filler", kEllipsis},
      {"Sanctions first. " + filler, "[Sanctions] first. Filler", kEllipsis},
      {filler + "Last come sanctions.", kEllipsis, "Last come [sanctions]."},
      {filler + "\n\nNew sanctions announced\n" + filler,
       kEllipsis + "New [sanctions] announced Filler", kEllipsis},
  }));
  const Snippet snippet = snippet_of(brief_of({{"Description", text}}), {stem("sanction")});
  const std::string result = marked(snippet);
  INFO(result);
  CHECK(result.starts_with(starts));
  CHECK(result.ends_with(ends));
  CHECK(snippet.text.size() <= briefsearch::kDefaultSnippetBytes);
  // Ellipses and separators aside, the window is used rather than wasted.
  CHECK(snippet.text.size() >= briefsearch::kDefaultSnippetBytes - 60);
}

TEST_CASE("without a sentence start nearby the passage opens a little before the match",
          "[snippets]") {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "word" + std::to_string(i) + " ";
  text += "sanctions";
  for (int i = 60; i < 120; ++i) text += " word" + std::to_string(i);
  const Snippet snippet = snippet_of(brief_of({{"Description", text}}), {stem("sanction")});
  REQUIRE(snippet.highlights.size() == 1);
  CHECK(snippet.text.starts_with(kEllipsis + "word"));
  CHECK(snippet.highlights.front().first > kEllipsis.size() + 10);
  CHECK(snippet.highlights.front().first < snippet.text.size() / 2);
  CHECK(snippet.text.ends_with(kEllipsis));
  check_cut_between_words(text, snippet);
}

TEST_CASE("multi-byte text is never cut inside a character or a word", "[snippets]") {
  struct ScriptCase {
    std::string text;
    std::string word;
  };
  std::string cyrillic;
  std::string chinese;
  for (int i = 0; i < 20; ++i) {
    const std::string n = std::to_string(i);
    cyrillic += "Предложение номер " + n +
                (i == 12 ? " говорит о санкциях против России. " : " говорит о погоде. ");
    chinese += "第" + n + (i == 12 ? "次会议讨论了制裁问题。" : "次会议讨论了天气。");
  }
  const auto [text, word] = GENERATE_COPY(values<ScriptCase>({
      {cyrillic, "санкциях"},
      {chinese, "制裁"},
  }));
  const std::size_t max_bytes = GENERATE(range<std::size_t>(20, 200, 7));
  INFO(max_bytes);
  const Snippet snippet =
      snippet_of(brief_of({{"Description", text}}), {phrase_of(word)}, max_bytes);
  std::string joined;
  for (const std::string& part : highlighted_words(snippet)) joined += part;
  CHECK(joined == word);
  if (max_bytes >= 40) CHECK(snippet.text.size() <= max_bytes);
  check_cut_between_words(text, snippet);
}

TEST_CASE("line and paragraph breaks become single spaces", "[snippets]") {
  const auto [sections, terms, expected] = GENERATE(values<Case>({
      {{{"Description", "Line one\nline two\n\nSanctions in a new paragraph.\n"}},
       {stem("sanction")},
       "Line one line two [Sanctions] in a new paragraph."},
      {{{"Description", "  a  b\t\tsanctions \n"}}, {stem("sanction")}, "a b [sanctions]"},
      {{{"Description", "the new\n\nsanctions"}},
       {exact({"new", "sanctions"})},
       "the [new] [sanctions]"},
  }));
  CHECK(marked(snippet_of(brief_of(sections), terms)) == expected);
}

TEST_CASE("without a match the snippet is the lead of the first section, unmarked", "[snippets]") {
  const std::string long_text = repeat("Filler words keep this section long enough to cut. ", 8);
  const auto [sections, terms] =
      GENERATE_COPY(values<std::pair<std::vector<Section>, std::vector<HighlightTerm>>>({
          {{{"Description", "Nothing here.\nOr here."}, {"Impact", "Nor here."}}, {stem("absent")}},
          {{{"Description", "Nothing here."}}, {}},
          {{{"Description", "Rebels advanced."}}, {stem("rebel", briefsearch::kTitleField)}},
          {{{"Description", long_text}}, {stem("sanction")}},
          {{{"Description", "Nothing here."}}, {stem(""), prefix("")}},
      }));
  const Snippet snippet = snippet_of(brief_of(sections), terms);
  CHECK(snippet.text ==
        briefsearch::lead_snippet(sections.front().text, briefsearch::kDefaultSnippetBytes));
  CHECK(snippet.highlights.empty());
}

TEST_CASE("empty sections are skipped", "[snippets]") {
  const auto [sections, terms, expected] = GENERATE(values<Case>({
      {{}, {stem("sanction")}, ""},
      {{{"Description", ""}, {"Impact", " \n "}}, {stem("sanction")}, ""},
      {{{"Description", ""}, {"Impact", "New sanctions."}}, {stem("sanction")}, "New [sanctions]."},
      {{{"Description", "\n"}, {"Impact", "Nothing here."}}, {stem("sanction")}, "Nothing here."},
  }));
  CHECK(marked(snippet_of(brief_of(sections), terms)) == expected);
}

TEST_CASE("NEAR and ADJ mark only the words that lie within their window", "[snippets]") {
  const std::string description =
      "The shadow of the probe fell on several firms. A fleet of tugs assisted the coast guard.";
  const std::string impact =
      "Analysts said the tanker belongs to the shadow fleet used to move Russian oil.";
  const auto [sections, terms, expected] = GENERATE_COPY(values<Case>({
      // The example: the passage is where the words are adjacent.
      {{{"Description", description}, {"Impact", impact}},
       {near_of({"shadow", "fleet"}, 1, true)},
       "Analysts said the tanker belongs to the [shadow] [fleet] used to move Russian oil."},
      {{{"Description", description}, {"Impact", impact}},
       {near_of({"fleet", "shadow"}, 1)},
       "Analysts said the tanker belongs to the [shadow] [fleet] used to move Russian oil."},
      // In the wrong order ADJ matches nowhere: the lead, unmarked.
      {{{"Description", description}, {"Impact", impact}},
       {near_of({"fleet", "shadow"}, 1, true)},
       description},
      // A window wide enough for the first section's pair.
      {{{"Description", description}, {"Impact", impact}},
       {near_of({"shadow", "fleet"}, 11)},
       "The [shadow] of the probe fell on several firms. A [fleet] of tugs assisted the coast "
       "guard."},
      // Occurrences outside any window stay unmarked, in the same passage.
      {{{"Description",
         "Shadow boxing aside, the fleet of ships left; the shadow fleet returned."}},
       {near_of({"shadow", "fleet"}, 1, true)},
       "Shadow boxing aside, the fleet of ships left; the [shadow] [fleet] returned."},
      // Several windows, each marked; words between operands are not.
      {{{"Description", "Shadow of a fleet; later a fleet, then its shadow, far from any fleet."}},
       {near_of({"shadow", "fleet"}, 3)},
       "[Shadow] of a [fleet]; later a [fleet], then its [shadow], far from any fleet."},
      // Every occurrence within the window of another is marked.
      {{{"Description", "Sanctions hit oil and oil firms."}},
       {near_of({"sanctions", "oil"}, 4)},
       "[Sanctions] hit [oil] and [oil] firms."},
      // Operands of several words: a split word and a phrase.
      {{{"Description", "Turkey bought the S-400 system; S and 400 were far from Turkey here."}},
       {near_of({"S-400", "turkey"}, 3)},
       "[Turkey] bought the [S]-[400] system; S and 400 were far from Turkey here."},
      {{{"Description", "The shadow fleet moved oil; the fleet shadow did not."}},
       {near_of({"\"shadow fleet\"", "oil"}, 2)},
       "The [shadow] [fleet] moved [oil]; the fleet shadow did not."},
      // A chain needs every operand within one window.
      {{{"Description",
         "Bab el Mandeb strait; far away from it all, a bab and an el, then the "
         "strait."}},
       {near_of({"bab", "el", "strait"}, 3)},
       "[Bab] [el] Mandeb [strait]; far away from it all, a bab and an el, then the strait."},
      // Beside other terms, as in "(shadow ADJ fleet) OR oil".
      {{{"Description", "A shadow of oil; the shadow fleet."}},
       {near_of({"shadow", "fleet"}, 1, true), stem("oil")},
       "A shadow of [oil]; the [shadow] [fleet]."},
      // A field restricts the whole group.
      {{{"Description", "The shadow fleet."}, {"Impact", "Shadow fleet again."}},
       {near_of({"shadow", "fleet"}, 1, true, briefsearch::kImpactField)},
       "[Shadow] [fleet] again."},
  }));
  CHECK(marked(snippet_of(brief_of(sections), terms)) == expected);
}

TEST_CASE("a wildcard after other words marks the run it completes", "[snippets]") {
  const HighlightTerm covid{HighlightTerm::Kind::kPrefix, {{"covid", "1"}}, std::nullopt, {}};
  CHECK(marked(snippet_of(brief_of({{"Description", "COVID-19, covid 2 and COVID-1918."}}),
                          {covid})) == "[COVID]-[19], covid 2 and [COVID]-[1918].");
}

TEST_CASE("a long NEAR match is cut after its first operand, never inside a word", "[snippets]") {
  std::string text = "Sanctions";
  for (int i = 0; i < 60; ++i) text += " filler" + std::to_string(i);
  text += " oil.";
  const Snippet snippet =
      snippet_of(brief_of({{"Description", text}}), {near_of({"sanctions", "oil"}, 100)}, 120);
  CHECK(highlighted_words(snippet) == std::vector<std::string>{"Sanctions"});
  check_cut_between_words(text, snippet);
}

TEST_CASE("a huge section is looked at around the first mention of a query word", "[snippets]") {
  // "sanctions" alone early on, "sanctions" and "oil" together a megabyte later: the snippet
  // does not analyse the megabyte to find the better passage.
  std::string text = "Opening words. Officials discussed sanctions at length.";
  while (text.size() < 1024 * 1024) text += " Filler words about nothing in particular.";
  text += " New sanctions on oil exports followed.";
  while (text.size() < 2 * 1024 * 1024) text += " Filler words about nothing in particular.";
  const Snippet snippet =
      snippet_of(brief_of({{"Description", text}}), {stem("sanction"), stem("oil")});
  CHECK(highlighted_words(snippet) == std::vector<std::string>{"sanctions"});
  CHECK_THAT(snippet.text, Catch::StartsWith(kEllipsis + "Officials discussed sanctions"));
  check_cut_between_words(text, snippet);

  SECTION("a first mention deep in the section is shown, with the cut before it marked") {
    const std::string late = std::string(1000000, ' ') + text.substr(text.find(" New"));
    const Snippet found = snippet_of(brief_of({{"Description", late}}), {stem("oil")});
    CHECK(highlighted_words(found) == std::vector<std::string>{"oil"});
    CHECK(found.text.starts_with(kEllipsis));
  }
}

TEST_CASE("the first mention is found wherever it lies, across the chunks read", "[snippets]") {
  // first_mention lowercases 64 KiB at a time: a word across a chunk's end is still seen.
  const briefsearch::SnippetTerms terms({stem("sanction"), exact({"oil"})});
  for (std::size_t at : {0, 100, 65536 - 4, 65536 - 1, 65536, 131072 - 5, 300000}) {
    std::string text(400000, ' ');
    text.replace(at, 9, "SANCTIONS");
    text.replace(350000, 3, "oil");
    INFO(at);
    CHECK(terms.first_mention(text) == std::optional<std::size_t>(at));
  }
  CHECK(terms.first_mention(std::string(200000, 'x')) == std::nullopt);
  CHECK(terms.first_mention("the Oil price") == std::optional<std::size_t>(4));
}

TEST_CASE("a brief's sections are analysed up to a budget", "[snippets]") {
  // Five sections of 60 KB mention "sanctions" at both ends, so each might hold a better
  // window than the first and is analysed; the sixth has "sanctions" and "oil", which
  // would win, but lies past the 256 KiB a snippet analyses.
  std::string filler;
  while (filler.size() < 60000) filler += " Filler words about nothing in particular.";
  std::vector<Section> sections;
  for (int i = 0; i < 5; ++i) {
    sections.push_back({"Background", "Sanctions." + filler + " More sanctions."});
  }
  sections.push_back({"Outlook", "Sanctions on oil." + filler});
  const Snippet snippet = snippet_of(brief_of(sections), {stem("sanction"), stem("oil")});
  CHECK(highlighted_words(snippet) == std::vector<std::string>{"Sanctions"});
}

TEST_CASE("a section that cannot hold a better window is not analysed, and costs no budget",
          "[snippets]") {
  // Sections mentioning "sanctions" once cannot beat the first; they are skipped without
  // counting towards the budget, so the sixth, with both words, still wins.
  std::string filler;
  while (filler.size() < 60000) filler += " Filler words about nothing in particular.";
  std::vector<Section> sections;
  for (int i = 0; i < 5; ++i) sections.push_back({"Background", "Sanctions." + filler});
  sections.push_back({"Outlook", "Sanctions on oil." + filler});
  const Snippet snippet = snippet_of(brief_of(sections), {stem("sanction"), stem("oil")});
  CHECK(highlighted_words(snippet) == std::vector<std::string>{"Sanctions", "oil"});
}
