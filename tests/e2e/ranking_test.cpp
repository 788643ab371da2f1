// Ranking end to end (issue 11): the brief whose title says what the query says comes
// first, however long the other briefs that repeat its words, on one database and over a
// remote shard served by Xapian's own xapian-tcpsrv; --like ranks briefs on the topic of
// the brief above those sharing only a word it uses in passing.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <utility>

#include "tests/e2e/e2e_support.h"

using namespace briefsearch::testing;
using nlohmann::json;

namespace {

// Country-profile briefs shaped like the CIA Factbook's: short "Government" and
// "Transportation" briefs, and longer "Introduction", "Economy" and "Transnational Issues"
// ones that repeat the country's name and "government" (the examples, each of
// which ranked another brief first before the title boost).
const std::filesystem::path kRankingBriefs = kFixtures / "ranking";

// Each query, written as an analyst would, and the title that must come first.
const std::vector<std::pair<std::string, std::string>> kTitleQueries = {
    {"north korea government", "North Korea: Government"},
    {"nigeria government", "Nigeria: Government"},
    {"albania transportation", "Albania: Transportation"},
    // The same questions worded otherwise: another order, other forms of the words.
    {"government north korea", "North Korea: Government"},
    {"governments of nigeria", "Nigeria: Government"},
    {"albania transport", "Albania: Transportation"},
    // A country's own profile before its neighbour's, though the neighbour's body says
    // "Sudan" and "energy" more often: the brief about Sudan (country:) comes first.
    {"sudan energy", "Sudan: Energy"},
    {"south sudan energy", "South Sudan: Energy"},
    {"sudanese energy", "Sudan: Energy"},
};

// The --format json answer of a search of database.
json search_in(const IndexedCorpus& briefs, const std::string& database,
               std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), {"--db", database, "--format", "json"});
  const ProcessResult result = brief_search(briefs.home(), std::move(arguments));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return json::parse(result.out);
}

std::string first_title(const json& answer) {
  REQUIRE_FALSE(answer["hits"].empty());
  return answer["hits"][0]["title"];
}

// A TCP port on 127.0.0.1 that nothing listens on now (the kernel's choice).
int unused_port() {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(socket_fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  ::close(socket_fd);
  return ntohs(address.sin_port);
}

bool accepts_connections(int port) {
  const int socket_fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected =
      ::connect(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(socket_fd);
  return connected;
}

std::string program_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string folders = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= folders.size()) {
    std::size_t end = folders.find(':', start);
    if (end == std::string::npos) end = folders.size();
    const std::filesystem::path candidate =
        std::filesystem::path(folders.substr(start, end - start)) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    start = end + 1;
  }
  return "";
}

}  // namespace

TEST_CASE("the brief whose title says it comes first", "[e2e][ranking]") {
  IndexedCorpus briefs(kRankingBriefs);
  for (const auto& [query, title] : kTitleQueries) {
    INFO(query);
    CHECK(first_title(briefs.search_json({query})) == title);
    // Every word optional (--any), and with a filter that every brief passes.
    CHECK(first_title(briefs.search_json({"--any", query})) == title);
    CHECK(first_title(briefs.search_json({query + " date:2025"})) == title);
  }
  // Other formats list the same brief first.
  const ProcessResult paths =
      brief_search(briefs.home(),
                   {"--db", briefs.database().string(), "--format", "paths", "nigeria government"});
  REQUIRE(paths.exit_code == 0);
  CHECK(paths.out.substr(0, paths.out.find('\n')).ends_with("ni-government.txt"));
  // Every brief whose title holds every word comes before those that only repeat them.
  const json korea = briefs.search_json({"korea government", "--limit", "2"});
  REQUIRE(korea["hits"].size() == 2);
  CHECK(korea["hits"][0]["title"].get<std::string>().ends_with("Korea: Government"));
  CHECK(korea["hits"][1]["title"].get<std::string>().ends_with("Korea: Government"));
}

// Briefs made for the rules that order the words' matches (common/query/boosts.h).
const std::filesystem::path kWordBriefs = kFixtures / "ranking-words";

std::vector<std::string> titles(const json& answer) {
  std::vector<std::string> found;
  for (const json& hit : answer["hits"]) found.push_back(hit["title"]);
  return found;
}

TEST_CASE("a title that is the query comes before one that holds more", "[e2e][ranking]") {
  IndexedCorpus briefs(kWordBriefs);
  // "South Sudan: Introduction" holds both words too, and its body says "Sudan" more.
  CHECK(titles(briefs.search_json({"sudan introduction"})) ==
        std::vector<std::string>{"Sudan: Introduction", "South Sudan: Introduction"});
  CHECK(first_title(briefs.search_json({"introduction sudan"})) == "Sudan: Introduction");
  CHECK(first_title(briefs.search_json({"south sudan introduction"})) ==
        "South Sudan: Introduction");
}

TEST_CASE("one query word in another brief's title does not put it first", "[e2e][ranking]") {
  IndexedCorpus briefs(kWordBriefs);
  // The Gulf brief is about steel quotas and names China once; the China brief names
  // steel quotas once. A title holding one word of three is no sign of the brief asked
  // for; one holding all of them is.
  CHECK(first_title(briefs.search_json({"steel quotas china"})) ==
        "Gulf: Navy Seizes Tanker Carrying Fuel");
  CHECK(first_title(briefs.search_json({"china steel quotas"})) ==
        "Gulf: Navy Seizes Tanker Carrying Fuel");
  CHECK(first_title(briefs.search_json({"china trade talks"})) ==
        "China: Trade Talks Resume in Geneva");
  CHECK(first_title(briefs.search_json({"china talks"})) == "China: Trade Talks Resume in Geneva");
}

TEST_CASE("French elided articles do not hide the name", "[e2e][ranking]") {
  IndexedCorpus briefs(kWordBriefs);
  for (const std::string query :
       {"ivoire", "cote ivoire government", "côte d'ivoire", "\"Côte d’Ivoire\"", "d'ivoire"}) {
    INFO(query);
    const json answer = briefs.search_json({query});
    REQUIRE(answer["total"] == 1);
    CHECK(first_title(answer) == "Côte d’Ivoire: Government");
  }
}

TEST_CASE("title matches rank first over a remote shard too", "[e2e][ranking][remote]") {
  const std::string server = program_on_path("xapian-tcpsrv");
  INFO("xapian-tcpsrv (Debian's xapian-tools, scripts/setup installs it) must be on PATH");
  REQUIRE_FALSE(server.empty());
  IndexedCorpus briefs(kRankingBriefs);
  const int port = unused_port();
  RunningProcess served({server, "--interface", "127.0.0.1", "--port", std::to_string(port),
                         briefs.database().string()});
  // Waits for the server to listen: no time is asserted, only that it comes up at all.
  bool listening = false;
  for (int attempt = 0; attempt < 600 && !listening; ++attempt) {
    listening = accepts_connections(port);
    if (!listening) ::usleep(50 * 1000);
  }
  REQUIRE(listening);
  const std::filesystem::path stub = briefs.home() / "remote.stub";
  std::ofstream(stub) << "remote 127.0.0.1:" << port << "\n";
  for (const auto& [query, title] : kTitleQueries) {
    INFO(query);
    const json remote = search_in(briefs, stub.string(), {query});
    CHECK(first_title(remote) == title);
    // The same order and the same scores as the database read directly.
    const json local = briefs.search_json({query});
    REQUIRE(remote["hits"].size() == local["hits"].size());
    for (std::size_t i = 0; i < local["hits"].size(); ++i) {
      CHECK(remote["hits"][i]["id"] == local["hits"][i]["id"]);
      CHECK(remote["hits"][i]["score"] == local["hits"][i]["score"]);
    }
  }
}

TEST_CASE("similar briefs share the brief's topic, not a word it uses in passing",
          "[e2e][ranking]") {
  IndexedCorpus corpus;
  // The Red Sea brief mentions a "mobile arsenal" once; the Kyivstar brief is about a
  // mobile operator and says "mobile" again and again.
  const json similar = corpus.search_json(
      {"--like", "corpus/middle-east/red-sea-houthi-shipping-attacks.txt", "--limit", "5"});
  REQUIRE(similar["hits"].size() == 5);
  std::set<std::string> ids;
  for (const json& hit : similar["hits"]) ids.insert(hit["id"].get<std::string>());
  // The one other brief about ships at sea is among the first five; Kyivstar is not.
  CHECK(ids.contains("corpus/europe/baltic-estlink-2-cable-damage.txt"));
  CHECK_FALSE(ids.contains("pipeline-0002"));
  // Its words are what it is about: no stop word ("have", "they"), no word it says once
  // ("a mobile arsenal", "hard", "double") and none most briefs have ("most", "day").
  const json explained = corpus.search_json(
      {"--like", "corpus/middle-east/red-sea-houthi-shipping-attacks.txt", "--explain"});
  const std::string words = explained["xapian_query"];
  for (const std::string topic : {"Zship ", "Zvessel ", "Zsea ", "Zmissil "}) {
    CHECK(words.find(topic) != std::string::npos);
  }
  for (const std::string filler : {"Zhave ", "Zthey ", "Zthe ", "Zwas ", "Zmobil ", "Zhard ",
                                   "Zdoubl ", "Zabsorb ", "Zmost ", "Zday "}) {
    INFO(filler);
    CHECK(words.find(filler) == std::string::npos);
  }
  // And the other way round: the Kyivstar brief's neighbours are not shipping briefs.
  const json from_kyivstar = corpus.search_json({"--like", "pipeline-0002", "--limit", "3"});
  for (const json& hit : from_kyivstar["hits"]) {
    CHECK(hit["id"] != "corpus/middle-east/red-sea-houthi-shipping-attacks.txt");
  }
}

TEST_CASE("a brief about the country comes before one that mentions it, by any of its names",
          "[e2e][ranking]") {
  // corpus/: "United States: Tariffs on Canada and Mexico" (subjects US, CA, MX) says
  // "Canada", "Canadian" and Canada's "upcoming election"; "Canada: Carney Leads Liberals"
  // is about the election and never says "Canadian". The brief led by the country comes
  // first, whichever of its names the query uses; the other one still matches.
  IndexedCorpus corpus;
  const std::string carney = "Canada: Carney Leads Liberals to Fourth Term Amid Trade War";
  const std::string russia = "Russia: EU Embargo and G7 Price Cap on Seaborne Crude Take Effect";
  const std::vector<std::pair<std::string, std::string>> queries = {
      {"canada election", carney},    {"canadian election", carney}, {"canada", carney},
      {"canadian", carney},           {"russia sanctions", russia},  {"russian sanctions", russia},
      {"sanctions on russia", russia}};
  for (const auto& [query, title] : queries) {
    INFO(query);
    const json answer = corpus.search_json({query});
    CHECK(first_title(answer) == title);
    if (query.ends_with(" election")) CHECK(answer["total"] == 2);
  }
  // A country's adjective alone: the briefs filed under it first, though other briefs say
  // the adjective more ("Chinese" in briefs about the Philippines, Taiwan and Panama;
  // "Kenyan" in the Haiti brief).
  const std::vector<std::pair<std::string, std::string>> labels = {{"chinese", "China: "},
                                                                   {"american", "United States: "},
                                                                   {"kenyan", "Kenya: "},
                                                                   {"russian", "Russia: "}};
  for (const auto& [query, label] : labels) {
    INFO(query);
    const json answer = corpus.search_json({query});
    const std::size_t led = query == "chinese" ? 3 : 1;
    REQUIRE(answer["hits"].size() >= led);
    for (std::size_t i = 0; i < led; ++i) {
      CHECK(answer["hits"][i]["title"].get<std::string>().starts_with(label));
    }
  }
}
