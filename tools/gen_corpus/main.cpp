// gen-corpus: writes N deterministic synthetic briefs in the scraped .txt format into
// DIR/0000/0000000.txt, DIR/0000/0000001.txt, ... (1000 per folder), for performance work.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tools/gen_corpus/brief_text.h"
#include "tools/gen_corpus/vocabulary.h"

namespace {

namespace fs = std::filesystem;
using briefsearch::gen_corpus::Vocabulary;

constexpr const char* kProgram = "gen-corpus";
constexpr std::uint64_t kBriefsPerFolder = 1000;

struct CommandLine {
  std::uint64_t count = 0;
  std::string directory;
  std::uint64_t seed = 1;
  unsigned jobs = std::max(1U, std::thread::hardware_concurrency());
};

std::string zero_padded(std::uint64_t number, size_t width) {
  std::string digits = std::to_string(number);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

void write_file(const fs::path& path, const std::string& text) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw std::runtime_error(path.string() + ": " + std::strerror(errno));
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const int saved_errno = errno;
  if (std::fclose(file) != 0 || !written) {
    throw std::runtime_error(path.string() + ": " + std::strerror(written ? errno : saved_errno));
  }
}

// Folders are handed out one at a time, so threads never share a folder; the bytes of each
// brief depend only on the seed and its number, not on which thread wrote it.
class CorpusWriter {
 public:
  CorpusWriter(const CommandLine& command, const Vocabulary& vocabulary)
      : command_(command), vocabulary_(vocabulary) {}

  void run() {
    const std::uint64_t folders = (command_.count + kBriefsPerFolder - 1) / kBriefsPerFolder;
    const unsigned threads = static_cast<unsigned>(
        std::min<std::uint64_t>(command_.jobs, std::max<std::uint64_t>(1, folders)));
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads; ++i) workers.emplace_back([this, folders] { work(folders); });
    for (std::thread& worker : workers) worker.join();
    if (failure_) std::rethrow_exception(failure_);
  }

  [[nodiscard]] std::uint64_t bytes() const { return bytes_.load(); }

 private:
  void work(std::uint64_t folders) {
    try {
      std::string text;
      for (std::uint64_t folder = next_folder_++; folder < folders && !failed_.load();
           folder = next_folder_++) {
        const fs::path folder_path = fs::path(command_.directory) / zero_padded(folder, 4);
        fs::create_directories(folder_path);
        const std::uint64_t end = std::min(command_.count, (folder + 1) * kBriefsPerFolder);
        for (std::uint64_t index = folder * kBriefsPerFolder; index < end; ++index) {
          text.clear();
          briefsearch::gen_corpus::append_brief(vocabulary_, command_.seed, index, text);
          write_file(folder_path / (zero_padded(index, 7) + ".txt"), text);
          bytes_ += text.size();
        }
      }
    } catch (...) {
      const std::lock_guard lock(failure_mutex_);
      if (!failure_) failure_ = std::current_exception();
      failed_ = true;
    }
  }

  const CommandLine& command_;
  const Vocabulary& vocabulary_;
  std::atomic<std::uint64_t> next_folder_{0};
  std::atomic<std::uint64_t> bytes_{0};
  std::atomic<bool> failed_{false};
  std::mutex failure_mutex_;
  std::exception_ptr failure_;
};

int run(int argc, char** argv) {
  CLI::App app{"Write N deterministic synthetic briefs (scraped .txt format) into DIR.", kProgram};
  app.footer(
      "Briefs go to DIR/0000/0000000.txt, DIR/0000/0000001.txt, ..., 1000 per folder; existing\n"
      "files of the same names are overwritten. The same N and seed give the same bytes on\n"
      "every run and machine, whatever the number of jobs.\n\n"
      "Exit codes: 0 written, 1 a file or folder could not be written, 2 usage error.");
  CommandLine command;
  app.add_option("count", command.count, "Number of briefs")->required()->type_name("N");
  app.add_option("directory", command.directory, "Output folder (created if missing)")
      ->required()
      ->type_name("DIR");
  app.add_option("--seed", command.seed, "Seed of the random text")->capture_default_str();
  app.add_option("-j,--jobs", command.jobs, "Threads that write (default: one per core)")
      ->check(CLI::Range(1U, 256U));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }

  const auto started = std::chrono::steady_clock::now();
  const Vocabulary vocabulary;
  fs::create_directories(command.directory);
  CorpusWriter writer(command, vocabulary);
  writer.run();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double megabytes = static_cast<double>(writer.bytes()) / 1e6;
  std::fprintf(stderr, "%s: wrote %llu briefs (%.1f MB, %.0f bytes each) to %s in %.2f s\n",
               kProgram, static_cast<unsigned long long>(command.count), megabytes,
               command.count > 0 ? static_cast<double>(writer.bytes()) / command.count : 0.0,
               command.directory.c_str(), seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s: %s\n", kProgram, error.what());
    return 1;
  }
}
