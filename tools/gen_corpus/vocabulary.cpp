// Word lists for the corpus generator. Within each list, more common words come first.
#include "tools/gen_corpus/vocabulary.h"

#include <array>
#include <unordered_set>
#include <vector>

#include "tools/gen_corpus/word_forms.h"

namespace briefsearch::gen_corpus {
namespace {

// Nouns: "crisis/crises" gives an irregular plural, "inflation=" has none, "talks+" is
// only plural.
constexpr std::string_view kNouns =
    "government official election security= force talks+ agreement attack border conflict "
    "sanction ceasefire parliament opposition= trade= oil= gas= economy war party deal "
    "support= policy power= crisis/crises violence= protest capital state group leader troop "
    "authority investment growth= inflation= debt budget export import tariff market price "
    "production= energy= infrastructure= pipeline port vessel tanker cable drone missile "
    "strike operation mission negotiation reform court constitution vote coalition cabinet "
    "ministry administration junta rebel militant insurgent fighter militia refugee migrant "
    "displacement= aid= famine currency bank rate loan bond investor company contract "
    "license mine mineral grain= fertilizer= food= fuel= electricity= grid dam water= drought "
    "flood earthquake harvest supply shortage blockade convoy checkpoint corridor route "
    "airport base garrison brigade battalion unit commander officer soldier police= agency "
    "service intelligence= surveillance= cyberattack network satellite shipment cargo= "
    "container coast river province district region city town village camp enclave territory "
    "island strait peninsula frontier senate assembly referendum campaign candidate ballot "
    "turnout= majority mandate term transition coup regime dissident journalist activist "
    "protester union demonstration crackdown arrest detention trial verdict sentence amnesty "
    "decree law bill amendment judge prosecutor investigation inquiry corruption= scandal "
    "fraud= allegation summit delegation envoy ambassador embassy treaty accord framework "
    "partnership alliance bloc member membership accession relation dialogue mediation= "
    "mediator embargo/embargoes waiver exemption revenue tax/taxes subsidy deficit surplus "
    "reserve output= demand= recession recovery unemployment= wage pension privatization= "
    "tender concession royalty refinery barrel reactor plant factory chip semiconductor "
    "battery vehicle steel= copper= lithium= gold= cobalt= uranium= wheat= cocoa= coffee= "
    "cotton= remittance ambush raid offensive counteroffensive shelling= airstrike bombing "
    "kidnapping hostage casualty death injury clash incursion withdrawal deployment exercise "
    "drill patrol warship submarine weapon ammunition= rocket artillery= jihadist extremist "
    "terrorism= insurgency cartel gang trafficking= smuggling= piracy= hospital school "
    "shelter vaccine outbreak epidemic cholera= hunger= poverty= decision plan proposal "
    "statement announcement report warning threat risk concern pressure= tension dispute "
    "rivalry influence= stability= legitimacy= sovereignty= independence= autonomy= control= "
    "access= cooperation= competition= strategy capacity capability resilience= "
    "vulnerability ally adversary neighbour diaspora tribe clan minority settlement "
    "outpost lender creditor bailout restructuring= audit quota licence "
    "consortium stake shareholder subsidiary logistics= warehouse highway railway bridge "
    "tunnel terminal anchor seabed= insurer premium freight= fishery fishing= "
    "deforestation= emission mining= smuggler broker";

// What a demonym qualifies ("the Malian government"): singular unless marked "+".
constexpr std::string_view kInstitutions =
    "government|authorities+|army|officials+|troops+|security forces+|police+|president|"
    "parliament|opposition|military|central bank|diplomats+|prosecutors+|navy|prime minister|"
    "courts+|defence ministry|foreign ministry|junta|negotiators+|lawmakers+|regulators+|"
    "state energy company|coast guard|election commission";

constexpr std::string_view kAdjectives =
    "new former national military political economic regional international foreign "
    "domestic local federal interim transitional armed civilian humanitarian western eastern "
    "northern southern central coastal rural urban major key senior main large small "
    "significant further recent previous early late final annual monthly fresh renewed "
    "prolonged sustained sharp steep modest limited broad wide strong weak fragile stable "
    "volatile uncertain possible potential direct indirect public private state-owned "
    "long-term short-term cross-border so-called large-scale high-level two-day three-year "
    "pro-government anti-government hardline moderate conservative liberal nationalist "
    "populist ruling strategic critical vital commercial financial fiscal monetary industrial "
    "agricultural maritime naval nuclear ballistic digital legal illegal judicial "
    "constitutional electoral parliamentary presidential diplomatic bilateral multilateral "
    "joint separatist ethnic religious sectarian tribal informal formal temporary permanent "
    "emergency special independent autonomous disputed contested controversial "
    "unprecedented widespread severe serious growing rising falling declining mounting "
    "persistent chronic acute immediate gradual rapid costly scarce vulnerable remote "
    "isolated besieged occupied neighbouring allied hostile rival neutral covert secret "
    "unofficial preliminary partial comprehensive ambitious cautious aggressive defensive "
    "punitive retaliatory symbolic operational logistical technical structural "
    "macroeconomic budgetary offshore underground undersea mountainous northeastern "
    "southwestern landlocked oil-rich mineral-rich war-torn drought-hit";

// Verbs: "begin:began:begun" for irregular forms, "ban:banned" when past and participle
// agree; other forms follow the regular rules.
constexpr std::string_view kVerbs =
    "announce reject approve sign launch suspend extend impose lift expand reduce increase "
    "raise cut:cut ban:banned block seize capture retake:retook:retaken withdraw:withdrew:"
    "withdrawn deploy accuse deny confirm warn threaten condemn criticise urge demand propose "
    "negotiate host visit meet:met hold:held win:won lose:lost elect appoint dismiss arrest "
    "detain release charge sentence convict investigate attack target strike:struck bomb "
    "shell ambush kill injure displace evacuate destroy damage disrupt restore repair "
    "rebuild:rebuilt build:built fund finance invest borrow lend:lent devalue tighten ease "
    "stabilise boost slow accelerate weaken strengthen undermine support back oppose "
    "challenge resist defy violate breach enforce implement adopt amend repeal pass veto "
    "ratify dissolve postpone delay cancel resume halt end begin:began:begun continue "
    "maintain secure protect defend control:controlled monitor track intercept "
    "smuggle export import ship:shipped supply deliver produce refine drill discover signal "
    "seek:sought reach expect face pose trigger spark fuel prompt drive:drove:driven force "
    "pressure push open close reopen expel:expelled recall summon sanction designate freeze:"
    "froze:frozen unveil outline endorse welcome dispute overturn bypass question "
    "review revise renew abandon request receive offer:offered complete mobilise recruit "
    "train arm equip reinforce encircle besiege shoot:shot";

constexpr std::string_view kAdverbs =
    "also reportedly previously already still further quickly sharply significantly largely "
    "partly recently repeatedly publicly formally officially effectively unexpectedly "
    "briefly gradually narrowly heavily firmly openly jointly quietly swiftly";

// name|demonym|capital, "the " where a sentence needs it; most newsworthy first.
constexpr auto kCountries =
    std::to_array<std::string_view>({"Ukraine|Ukrainian|Kyiv",
                                     "Russia|Russian|Moscow",
                                     "China|Chinese|Beijing",
                                     "the United States|American|Washington",
                                     "Israel|Israeli|Jerusalem",
                                     "Iran|Iranian|Tehran",
                                     "Sudan|Sudanese|Khartoum",
                                     "India|Indian|New Delhi",
                                     "Türkiye|Turkish|Ankara",
                                     "Syria|Syrian|Damascus",
                                     "Lebanon|Lebanese|Beirut",
                                     "Yemen|Yemeni|Sanaa",
                                     "Saudi Arabia|Saudi|Riyadh",
                                     "Egypt|Egyptian|Cairo",
                                     "Pakistan|Pakistani|Islamabad",
                                     "Taiwan|Taiwanese|Taipei",
                                     "Japan|Japanese|Tokyo",
                                     "South Korea|South Korean|Seoul",
                                     "North Korea|North Korean|Pyongyang",
                                     "Germany|German|Berlin",
                                     "France|French|Paris",
                                     "the United Kingdom|British|London",
                                     "Poland|Polish|Warsaw",
                                     "Mali|Malian|Bamako",
                                     "Niger|Nigerien|Niamey",
                                     "Burkina Faso|Burkinabe|Ouagadougou",
                                     "Nigeria|Nigerian|Abuja",
                                     "Ethiopia|Ethiopian|Addis Ababa",
                                     "Somalia|Somali|Mogadishu",
                                     "Kenya|Kenyan|Nairobi",
                                     "the Democratic Republic of the Congo|Congolese|Kinshasa",
                                     "South Africa|South African|Pretoria",
                                     "Venezuela|Venezuelan|Caracas",
                                     "Brazil|Brazilian|Brasília",
                                     "Mexico|Mexican|Mexico City",
                                     "Colombia|Colombian|Bogotá",
                                     "Argentina|Argentine|Buenos Aires",
                                     "Canada|Canadian|Ottawa",
                                     "Iraq|Iraqi|Baghdad",
                                     "Afghanistan|Afghan|Kabul",
                                     "Libya|Libyan|Tripoli",
                                     "Algeria|Algerian|Algiers",
                                     "Morocco|Moroccan|Rabat",
                                     "Tunisia|Tunisian|Tunis",
                                     "Jordan|Jordanian|Amman",
                                     "Qatar|Qatari|Doha",
                                     "the United Arab Emirates|Emirati|Abu Dhabi",
                                     "Oman|Omani|Muscat",
                                     "Kuwait|Kuwaiti|Kuwait City",
                                     "Bahrain|Bahraini|Manama",
                                     "Armenia|Armenian|Yerevan",
                                     "Azerbaijan|Azerbaijani|Baku",
                                     "Georgia|Georgian|Tbilisi",
                                     "Belarus|Belarusian|Minsk",
                                     "Moldova|Moldovan|Chişinău",
                                     "Romania|Romanian|Bucharest",
                                     "Hungary|Hungarian|Budapest",
                                     "Serbia|Serbian|Belgrade",
                                     "Kosovo|Kosovar|Pristina",
                                     "Bosnia and Herzegovina|Bosnian|Sarajevo",
                                     "Greece|Greek|Athens",
                                     "Italy|Italian|Rome",
                                     "Spain|Spanish|Madrid",
                                     "Sweden|Swedish|Stockholm",
                                     "Finland|Finnish|Helsinki",
                                     "Estonia|Estonian|Tallinn",
                                     "Latvia|Latvian|Riga",
                                     "Lithuania|Lithuanian|Vilnius",
                                     "Norway|Norwegian|Oslo",
                                     "Denmark|Danish|Copenhagen",
                                     "the Netherlands|Dutch|Amsterdam",
                                     "Belgium|Belgian|Brussels",
                                     "Switzerland|Swiss|Bern",
                                     "Austria|Austrian|Vienna",
                                     "Czechia|Czech|Prague",
                                     "Slovakia|Slovak|Bratislava",
                                     "the Philippines|Philippine|Manila",
                                     "Vietnam|Vietnamese|Hanoi",
                                     "Indonesia|Indonesian|Jakarta",
                                     "Malaysia|Malaysian|Kuala Lumpur",
                                     "Thailand|Thai|Bangkok",
                                     "Myanmar|Burmese|Naypyidaw",
                                     "Bangladesh|Bangladeshi|Dhaka",
                                     "Sri Lanka|Sri Lankan|Colombo",
                                     "Nepal|Nepali|Kathmandu",
                                     "Australia|Australian|Canberra",
                                     "New Zealand|New Zealand|Wellington",
                                     "Kazakhstan|Kazakh|Astana",
                                     "Uzbekistan|Uzbek|Tashkent",
                                     "Kyrgyzstan|Kyrgyz|Bishkek",
                                     "Tajikistan|Tajik|Dushanbe",
                                     "Turkmenistan|Turkmen|Ashgabat",
                                     "Mongolia|Mongolian|Ulaanbaatar",
                                     "Chad|Chadian|N'Djamena",
                                     "Cameroon|Cameroonian|Yaoundé",
                                     "Côte d'Ivoire|Ivorian|Yamoussoukro",
                                     "Ghana|Ghanaian|Accra",
                                     "Senegal|Senegalese|Dakar",
                                     "Guinea|Guinean|Conakry",
                                     "Togo|Togolese|Lomé",
                                     "Benin|Beninese|Porto-Novo",
                                     "Mozambique|Mozambican|Maputo",
                                     "Zimbabwe|Zimbabwean|Harare",
                                     "Zambia|Zambian|Lusaka",
                                     "Angola|Angolan|Luanda",
                                     "Tanzania|Tanzanian|Dodoma",
                                     "Uganda|Ugandan|Kampala",
                                     "Rwanda|Rwandan|Kigali",
                                     "Burundi|Burundian|Gitega",
                                     "South Sudan|South Sudanese|Juba",
                                     "Eritrea|Eritrean|Asmara",
                                     "Djibouti|Djiboutian|Djibouti",
                                     "Madagascar|Malagasy|Antananarivo",
                                     "São Tomé and Príncipe|Santomean|São Tomé",
                                     "Haiti|Haitian|Port-au-Prince",
                                     "Cuba|Cuban|Havana",
                                     "Nicaragua|Nicaraguan|Managua",
                                     "Guatemala|Guatemalan|Guatemala City",
                                     "Honduras|Honduran|Tegucigalpa",
                                     "Panama|Panamanian|Panama City",
                                     "Ecuador|Ecuadorian|Quito",
                                     "Peru|Peruvian|Lima",
                                     "Chile|Chilean|Santiago",
                                     "Paraguay|Paraguayan|Asunción",
                                     "Iceland|Icelandic|Reykjavík",
                                     "Maldives|Maldivian|Malé"});

constexpr std::string_view kRegions =
    "Sahel|Red Sea|Baltic Sea|South China Sea|Horn of Africa|Western Balkans|Gulf of Guinea|"
    "Central Asia|South Caucasus|Arctic|Eastern Mediterranean|Great Lakes|Black Sea|Andes";

constexpr std::string_view kOrganisations =
    "NATO|the European Union|the United Nations|the African Union|ECOWAS|the International "
    "Monetary Fund|the World Bank|OPEC|ASEAN|the Gulf Cooperation Council|the G7|the UN "
    "Security Council|the European Commission|the Arab League|the World Health "
    "Organization|the International Criminal Court|the Red Cross|BRICS|the Shanghai "
    "Cooperation Organisation|the Organization of American States|Mercosur|the OSCE|the "
    "IAEA|the World Food Programme|the European Central Bank|the Federal Reserve";

constexpr std::string_view kOrganisationKinds =
    "Liberation Front|People's Movement|National Alliance|Democratic Party|Patriotic Union|"
    "Brigades|Resistance Council|Mining Corporation|Petroleum Company|Development Bank|"
    "Shipping Group|Defence Forces|Salvation Front|Workers' Party|Self-Defence Committee";

constexpr std::string_view kPersonTitles =
    "President|Prime Minister|Foreign Minister|Defence Minister|Finance Minister|General|"
    "opposition leader|Interior Minister|army chief|central bank governor|Colonel|Senator|"
    "Governor|Energy Minister|Vice President|Speaker|Mayor|Chief Justice|spokesperson";

// Real names among the pseudo-names, so that accented text is common enough to matter.
constexpr std::string_view kRealGivenNames =
    "José|María|Nicolás|François|Zoë|Jürgen|Søren|Çağrı|Đorđe|Ahmed|Fatima|Chloé|Łukasz|Ana|"
    "Hélène|Raúl|Inês|Mikuláš|Sinéad|Björn";
constexpr std::string_view kRealSurnames =
    "González|Müller|Öztürk|Dvořák|Wiśniewski|Núñez|Sørensen|Lefèvre|Jovanović|Gómez|"
    "Traoré|Nguyễn|Kovačević|Ibáñez|Çelik";
constexpr std::string_view kRealPlaces =
    "Kraków|Zürich|Malmö|São Paulo|Córdoba|Gdańsk|Düsseldorf|Nouméa|Tórshavn|Ciudad Juárez|"
    "Medellín|Tromsø|Mérida|Ségou|Kinshasa|Timbuktu|Gao|Mosul|Aleppo|Odesa|Kharkiv|Rafah";

// Entries marked "=" have no plural, "+" only a plural; unmarked ones get `unmarked`.
std::vector<Noun> parse_nouns(std::string_view text, char separator, Noun::Kind unmarked) {
  std::vector<Noun> nouns;
  std::unordered_set<std::string> seen;
  for (std::string entry : split(text, separator)) {
    Noun noun;
    noun.kind = unmarked;
    if (entry.back() == '=' || entry.back() == '+') {
      noun.kind = entry.back() == '=' ? Noun::Kind::kMass : Noun::Kind::kPluralOnly;
      entry.pop_back();
      noun.singular = noun.plural = entry;
    } else if (const size_t slash = entry.find('/'); slash != std::string::npos) {
      noun.singular = entry.substr(0, slash);
      noun.plural = entry.substr(slash + 1);
    } else {
      noun.singular = entry;
      noun.plural = add_s(entry);
    }
    if (seen.insert(noun.singular).second) nouns.push_back(std::move(noun));
  }
  return nouns;
}

std::vector<Verb> parse_verbs(std::string_view text) {
  std::vector<Verb> verbs;
  std::unordered_set<std::string> seen;
  for (const std::string& entry : split(text, ' ')) {
    const std::vector<std::string> forms = split(entry, ':');
    Verb verb{forms[0], add_s(forms[0]), forms.size() > 1 ? forms[1] : add_ed(forms[0]), ""};
    verb.participle = forms.size() > 2 ? forms[2] : verb.past;
    if (seen.insert(verb.base).second) verbs.push_back(std::move(verb));
  }
  return verbs;
}

std::vector<Country> parse_countries() {
  std::vector<Country> countries;
  for (std::string_view entry : kCountries) {
    const std::vector<std::string> fields = split(entry, '|');
    const std::string& in_text = fields[0];
    const std::string name = in_text.starts_with("the ") ? in_text.substr(4) : in_text;
    countries.push_back(Country{name, in_text, fields[1], fields[2]});
  }
  return countries;
}

// Real entries mixed into pseudo-words at every `stride`-th rank.
std::vector<std::string> interleave(std::string_view real_entries, std::vector<std::string> pseudo,
                                    size_t stride) {
  std::vector<std::string> result;
  size_t next_pseudo = 0;
  for (std::string& real : split(real_entries, '|')) {
    while (result.size() % stride != stride / 2) result.push_back(std::move(pseudo[next_pseudo++]));
    result.push_back(std::move(real));
  }
  while (next_pseudo < pseudo.size()) result.push_back(std::move(pseudo[next_pseudo++]));
  return result;
}

std::vector<std::string> names(std::uint64_t seed, size_t count, int max_syllables,
                               std::string_view suffixes, std::string_view real, size_t stride) {
  return interleave(real, make_pseudo_words({seed, count, 1, max_syllables, suffixes, true}, {}),
                    stride);
}

// The real words first, then pseudo-words up to `count` in all: real text has a long tail
// of rare words, which a few hundred real ones cannot give.
std::vector<Noun> with_pseudo_nouns(std::vector<Noun> nouns, size_t count) {
  std::unordered_set<std::string> taken;
  for (const Noun& noun : nouns) taken.insert(noun.singular);
  const std::string_view suffixes = "tion|ment|ity|ance|ure|ism|ship|age|ery|ence|ist|or|ade";
  for (std::string& word :
       make_pseudo_words({4, count - nouns.size(), 1, 2, suffixes, false}, taken)) {
    nouns.push_back(Noun{word, add_s(word), Noun::Kind::kCountable});
  }
  return nouns;
}

std::vector<std::string> with_pseudo_adjectives(std::vector<std::string> adjectives, size_t count) {
  const std::unordered_set<std::string> taken(adjectives.begin(), adjectives.end());
  const std::string_view suffixes = "al|ic|ive|ous|ary|ant|ent|ible|ful|less|ian";
  for (std::string& word :
       make_pseudo_words({5, count - adjectives.size(), 1, 2, suffixes, false}, taken)) {
    adjectives.push_back(std::move(word));
  }
  return adjectives;
}

std::vector<Verb> with_pseudo_verbs(std::vector<Verb> verbs, size_t count) {
  std::unordered_set<std::string> taken;
  for (const Verb& verb : verbs) taken.insert(verb.base);
  for (std::string& word :
       make_pseudo_words({6, count - verbs.size(), 1, 2, "ate|ize|ify|en", false}, taken)) {
    const std::string past = add_ed(word);
    verbs.push_back(Verb{word, add_s(word), past, past});
  }
  return verbs;
}

}  // namespace

// The offsets flatten the head of each list: without them the first noun alone would be
// one noun in six.
Vocabulary::Vocabulary()
    : nouns(with_pseudo_nouns(parse_nouns(kNouns, ' ', Noun::Kind::kCountable), 3000), 8),
      institutions(parse_nouns(kInstitutions, '|', Noun::Kind::kMass), 2),
      adjectives(with_pseudo_adjectives(split(kAdjectives, ' '), 1200), 8),
      verbs(with_pseudo_verbs(parse_verbs(kVerbs), 600), 8),
      adverbs(split(kAdverbs, ' '), 2),
      countries(parse_countries(), 3),
      regions(split(kRegions, '|')),
      organisations(split(kOrganisations, '|'), 2),
      organisation_kinds(split(kOrganisationKinds, '|')),
      person_titles(split(kPersonTitles, '|'), 2),
      given_names(names(1, 2000, 2, "n|na|ro|l|m|ra|sa|", kRealGivenNames, 37), 5),
      surnames(names(2, 20000, 2, "nov|rez|ski|ni|rou|ma|lin|rdo|ruk|vic|ras|der|lli|nko|tz",
                     kRealSurnames, 41),
               5),
      places(names(3, 20000, 2, "n|ra|di|bad|grad|ville|pur|stan|ta|ko|", kRealPlaces, 29), 5) {}

}  // namespace briefsearch::gen_corpus
