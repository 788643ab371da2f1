#include "common/index/documents.h"

#include <catch2/catch.hpp>
#include <map>

#include "common/store/schema.h"
#include "tests/support/temporary_folder.h"

using namespace briefsearch;

namespace {

Brief sample_brief() {
  Brief brief;
  brief.id = "europe/baltic.txt";
  brief.path = "corpus/europe/baltic.txt";
  brief.title = "Baltic Sea: Cable Damage";
  brief.date = CalendarDate::from_parts(2024, 12, 27);
  brief.sections = {{"Description", "Tankers damaged cables."},
                    {"Impact", "NATO patrols."},
                    {"Background", "Earlier cable incidents."},
                    {"Outlook", "More patrols."}};
  brief.metadata.region = "Europe";
  brief.metadata.countries = {"Finland", "Estonia"};
  brief.metadata.tags = {"Critical Infrastructure"};
  brief.metadata.language = "en";
  return brief;
}

std::map<std::string, Xapian::termcount> wdf_by_term(const Xapian::Document& document) {
  std::map<std::string, Xapian::termcount> terms;
  for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
    terms[*it] = it.get_wdf();
  }
  return terms;
}

std::vector<Xapian::termpos> positions(const Xapian::Document& document, const std::string& term) {
  auto it = document.termlist_begin();
  it.skip_to(term);
  REQUIRE(it != document.termlist_end());
  REQUIRE(*it == term);
  return {it.positionlist_begin(), it.positionlist_end()};
}

}  // namespace

// The pseudo-frequency of occurrences of a word in a field of length words, as
// common/store/schema.h defines it, before scaling.
double pseudo_frequency(double occurrences, double length, const TextField& field) {
  return occurrences / ((1 - kFieldLengthNormalisation) +
                        kFieldLengthNormalisation * length / field.average_length);
}

TEST_CASE("text is indexed exact under its field's prefix and stemmed once for all fields",
          "[documents]") {
  Analyser analyser;
  const Xapian::Document document = build_document(sample_brief(), analyser);
  const auto terms = wdf_by_term(document);
  // Title: 4 words; Description: 3; Impact: 2; Background and Outlook, one field: 3 + 2.
  const double title = pseudo_frequency(1, 4, kTitleField);
  const double description = pseudo_frequency(1, 3, kDescriptionField);
  const double impact = pseudo_frequency(1, 2, kImpactField);
  const double other = pseudo_frequency(1, 5, kOtherSectionsField);
  CHECK(terms.at("Sbaltic") == scaled_wdf(title));
  CHECK(terms.at("Zbaltic") == scaled_wdf(kTitleField.weight * title));
  CHECK(terms.at("XDtankers") == scaled_wdf(description));
  CHECK(terms.at("Ztanker") == scaled_wdf(description));
  CHECK(terms.at("XInato") == scaled_wdf(impact));
  CHECK(terms.at("XSearlier") == scaled_wdf(other));
  CHECK(terms.at("XSpatrols") == scaled_wdf(other));  // Outlook shares the generic section field
  // "cable" in the title, the description and Background; "patrols" in Impact and Outlook.
  CHECK(terms.at("Zcabl") == scaled_wdf(kTitleField.weight * title + description + other));
  CHECK(terms.at("Zpatrol") == scaled_wdf(impact + other));
  CHECK(terms.count("ZSbaltic") == 0);
  CHECK(terms.count("ZXDtanker") == 0);
  CHECK(terms.count("tankers") == 0);  // exact words only under a field's prefix
}

TEST_CASE("a word weighs more in a short field than in a long one, and is never lost",
          "[documents]") {
  Analyser analyser;
  Brief brief = sample_brief();
  std::string long_impact = "NATO patrols.";
  for (int i = 0; i < 400; ++i) long_impact += " Ships sailed on.";
  brief.sections = {{"Description", "Cables cut."}, {"Impact", long_impact}};
  const auto terms = wdf_by_term(build_document(brief, analyser));
  // Same one occurrence each: "cables" in 2 words, "nato" in 1,202.
  CHECK(terms.at("XDcables") > terms.at("XInato"));
  CHECK(terms.at("XInato") >= 1);
  // 400 occurrences in the long field outweigh one in the short field.
  CHECK(terms.at("XIships") > terms.at("XDcables"));
}

TEST_CASE("the title's number of distinct content words is a term", "[documents]") {
  Analyser analyser;
  Brief brief = sample_brief();
  CHECK(wdf_by_term(build_document(brief, analyser)).count("XTW4") ==
        1);  // Baltic Sea: Cable Damage
  // Stop words do not count, nor a word's second form with the same stem.
  brief.title = "The Cables and the Cable of the Sea";
  const auto terms = wdf_by_term(build_document(brief, analyser));
  CHECK(terms.count("XTW2") == 1);
  CHECK(terms.count("XTW4") == 0);
  CHECK(title_length_term(2) == "XTW2");
}

TEST_CASE("stored wdfs are scaled pseudo-frequencies, at least 1", "[documents]") {
  CHECK(scaled_wdf(0) == 1);
  CHECK(scaled_wdf(0.01) == 1);
  CHECK(scaled_wdf(1) == static_cast<Xapian::termcount>(kWdfScale));
  CHECK(scaled_wdf(2.5) == static_cast<Xapian::termcount>(2.5 * kWdfScale));
  CHECK(scaled_wdf(1e300) == 1000000000u);
}

TEST_CASE("sections are a gap apart so phrases cannot span them", "[documents]") {
  Analyser analyser;
  const Xapian::Document document = build_document(sample_brief(), analyser);
  const auto title = positions(document, "Sdamage");
  const auto description = positions(document, "XDtankers");
  REQUIRE(title.size() == 1);
  REQUIRE(description.size() == 1);
  CHECK(description.front() - title.front() > kSectionGap);
  const auto background = positions(document, "XSincidents");
  const auto outlook = positions(document, "XSmore");
  CHECK(outlook.front() - background.front() > kSectionGap);
}

TEST_CASE("metadata becomes boolean filter terms and the date a value", "[documents]") {
  Analyser analyser;
  const Xapian::Document document = build_document(sample_brief(), analyser);
  const auto terms = wdf_by_term(document);
  for (const std::string term : {"Qeurope/baltic.txt", "XReurope", "XCfi", "XCee",
                                 "Kcritical-infrastructure", "Len", "XNdescription", "XNoutlook"}) {
    INFO(term);
    REQUIRE(terms.count(term) == 1);
    CHECK(terms.at(term) == 0);
  }
  // The year and month rank a year or month written as a word: one mention's wdf.
  for (const std::string term : {"Y2024", "M202412"}) {
    INFO(term);
    REQUIRE(terms.count(term) == 1);
    CHECK(terms.at(term) == kDateTermWdf);
  }
  CHECK(document.get_value(kDateSlot) == "20241227");
  CHECK(document.get_value(kIdSlot) == "europe/baltic.txt");  // ties are ordered by it
  // The path is in the data and the file state, never a term: nothing searches by it.
  for (const auto& [term, wdf] : terms) CHECK(term.find("corpus/") == std::string::npos);
}

TEST_CASE("the stored brief round-trips through the document data", "[documents]") {
  Analyser analyser;
  const Brief original = sample_brief();
  const Xapian::Document document = build_document(original, analyser);
  CHECK(brief_from_document_data(document.get_data()) == original);
}

TEST_CASE("an undated brief has no date value or date terms", "[documents]") {
  Analyser analyser;
  Brief brief = sample_brief();
  brief.date.reset();
  const Xapian::Document document = build_document(brief, analyser);
  CHECK(document.get_value(kDateSlot).empty());
  const auto terms = wdf_by_term(document);
  CHECK(terms.count("Y2024") == 0);
  CHECK(brief_from_document_data(document.get_data()) == brief);
}

TEST_CASE("data that is not a stored brief is refused", "[documents]") {
  CHECK_THROWS_WITH(brief_from_document_data("plain text"), Catch::Contains("not a stored brief"));
  // Every cut of real data is refused, never read past its end.
  Analyser analyser;
  const std::string data = build_document(sample_brief(), analyser).get_data();
  for (std::size_t size = 0; size < data.size(); ++size) {
    CHECK_THROWS_WITH(brief_from_document_data(data.substr(0, size)),
                      Catch::Contains("not a stored brief"));
  }
  CHECK_THROWS_WITH(brief_from_document_data(data + "x"), Catch::Contains("not a stored brief"));
}

TEST_CASE("every schema field is reachable by a query on a real database", "[documents]") {
  briefsearch::testing::TemporaryFolder folder;
  Xapian::WritableDatabase database((folder / "db").string(), Xapian::DB_CREATE);
  Analyser analyser;
  Brief brief = sample_brief();
  brief.metadata.source = "Field Office";
  brief.metadata.classification = "UNCLASSIFIED";
  database.add_document(build_document(brief, analyser));
  Brief other = sample_brief();
  other.id = "other";
  other.path = "corpus/other.txt";
  other.title = "Unrelated";
  other.sections = {{"Description", "Nothing here."}};
  other.metadata = {};
  other.date = CalendarDate::from_parts(2020, 1, 1);
  database.add_document(build_document(other, analyser));
  database.commit();

  auto matches = [&](const Xapian::Query& query) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    return enquire.get_mset(0, 10).size();
  };
  const std::vector<std::pair<std::string, std::string>> text_terms = {
      {std::string(kTitleField.prefix), "baltic"},
      {std::string(kDescriptionField.prefix), "tankers"},
      {std::string(kImpactField.prefix), "nato"},
      {std::string(kOtherSectionsField.prefix), "earlier"}};
  for (const auto& [prefix, word] : text_terms) {
    INFO(prefix << word);
    CHECK(matches(Xapian::Query(prefix + word)) == 1);
  }
  CHECK(matches(Xapian::Query("Ztanker")) == 1);
  const std::vector<std::pair<FilterField, std::string>> filters = {
      {kIdFilter, "europe/baltic.txt"},
      {kCountryFilter, "FI"},
      {kRegionFilter, "europe"},
      {kTagFilter, "critical infrastructure"},
      {kSourceFilter, "field office"},
      {kClassificationFilter, "Unclassified"},
      {kLanguageFilter, "EN"},
      {kSectionFilter, "Background"},
      {kYearFilter, "2024"},
      {kMonthFilter, "202412"}};
  for (const auto& [field, value] : filters) {
    INFO(field.name);
    CHECK(matches(Xapian::Query(filter_term(field, value))) == 1);
  }
  CHECK(matches(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot, "20241201", "20241231")) ==
        1);
}

TEST_CASE("spelling words are the distinct words of the text, without numbers", "[documents]") {
  Analyser analyser;
  Brief brief = sample_brief();
  brief.title = "Cables and 2024 cables";
  brief.sections = {{"Description", "Tankers dragged anchors."}, {"Outlook", "Anchors 12."}};
  const auto words = spelling_words(build_document(brief, analyser));
  CHECK(words == std::vector<std::string>{"anchors", "and", "cables", "dragged", "tankers"});
}

TEST_CASE("countries named in metadata or text become codes, with their regions", "[documents]") {
  Analyser analyser;
  Brief brief = sample_brief();
  brief.metadata.countries = {"Türkiye", "Atlantis"};
  brief.metadata.region = "middle east";
  brief.sections = {{"Description", "Houthi attacks off Yemen worried Egyptian officials."},
                    {"Impact", "US and Chinese shippers rerouted; let us wait."}};
  const auto terms = wdf_by_term(build_document(brief, analyser));
  // Subjects: the metadata's countries, their regions and the metadata's region.
  for (const std::string term : {"XCtr", "XCatlantis", "XRmiddle-east", "XReurope"}) {
    INFO(term);
    CHECK(terms.count(term) == 1);
  }
  for (const std::string term : {"XCye", "XCus", "XRamericas", "XRindo-pacific"}) {
    INFO(term);
    CHECK(terms.count(term) == 0);
  }
  // Mentions: every country named anywhere, subjects included, and their regions.
  for (const std::string term : {"XMtr", "XMatlantis", "XMye", "XMeg", "XMus", "XMcn",
                                 "XGmiddle-east", "XGeurope", "XGamericas", "XGindo-pacific"}) {
    INFO(term);
    CHECK(terms.count(term) == 1);
  }
  CHECK(terms.count("XRafrica") == 0);
  CHECK(terms.count("XGafrica") == 0);
}

TEST_CASE("without metadata countries, the title and the body decide the subjects", "[documents]") {
  Analyser analyser;
  Brief brief = sample_brief();
  brief.metadata = {};
  brief.title = "Philippines: Boarding Clash at Second Thomas Shoal";
  brief.sections = {{"Description",
                     "China's coast guard rammed Philippine boats. Chinese crews boarded. "
                     "Manila called Beijing's move illegal; China denied it. Japan watched."}};
  const auto terms = wdf_by_term(build_document(brief, analyser));
  CHECK(terms.count("XCph") == 1);
  CHECK(terms.count("XCcn") == 1);  // named three times: a companion of the title's country
  CHECK(terms.count("XCjp") == 0);  // named once
  CHECK(terms.count("XMjp") == 1);
  const Xapian::Document document = build_document(brief, analyser);
  CHECK(document.get_value(kCountryFacetSlot) == "CN\nPH");
  CHECK(document.get_value(kMentionsFacetSlot) == "CN\nJP\nPH");
  CHECK(document.get_value(kMentionsRegionFacetSlot) == "Indo-Pacific");
}
TEST_CASE("the lead subject's mentions by any name weigh as a stem would", "[documents]") {
  Analyser analyser;
  Brief brief = sample_brief();
  brief.metadata = {};
  brief.title = "Mexico: Sheinbaum Wins";
  brief.sections = {{"Description",
                     "Mexican voters backed Sheinbaum. Mexico's Morena won. "
                     "Canada and Canadian firms congratulated her. Canada sent "
                     "flowers. Japan said nothing."}};
  const auto terms = wdf_by_term(build_document(brief, analyser));
  // Subjects Mexico (the title's, so the lead) and Canada (named three times, once in the
  // first section); Japan, named once, is only mentioned. Mexico's three mentions: the
  // title's with the title's small BM25F weight, "Mexican" and "Mexico's".
  REQUIRE(terms.count("XAmx") == 1);
  CHECK(terms.count("XAca") == 0);  // a subject, not the lead
  CHECK(terms.count("XAjp") == 0);
  CHECK(terms.at("XMjp") == 0);  // the mention filter stays boolean
  CHECK(terms.count("XCca") == 1);
  CHECK(terms.at("XAmx") > terms.at("Zmexico"));  // "Mexican" counts too
  // Only the lead subject, the first of the subjects, has a lead term.
  CHECK(terms.count("XPmx") == 1);
  CHECK(terms.count("XPca") == 0);
  CHECK(lead_subject_term("CA") == "XPca");
  CHECK(lead_mentions_term("MX") == "XAmx");
}

TEST_CASE("a metadata country counts as one mention, and leads when it comes first",
          "[documents]") {
  Analyser analyser;
  Brief brief = sample_brief();  // countries Finland, Estonia; the text names neither
  const auto terms = wdf_by_term(build_document(brief, analyser));
  CHECK(terms.at("XAfi") == kDateTermWdf);
  CHECK(terms.count("XAee") == 0);
  CHECK(terms.count("XPfi") == 1);
  CHECK(terms.count("XPee") == 0);
  // Given twice, still one.
  brief.metadata.countries = {"Finland", "finland", "FI"};
  CHECK(wdf_by_term(build_document(brief, analyser)).at("XAfi") == kDateTermWdf);
}
