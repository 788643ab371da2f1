// A fault-injection library for the end-to-end tests, loaded into brief-index or
// brief-search with LD_PRELOAD: it counts the calls a program makes to one C library
// function on matching paths, and at the Nth one kills the program, makes the call fail
// with an errno, or changes the file under it. Tests use it to stop the indexer at chosen
// points (inside a commit, between batches, during the swap of --full) and to give it a full
// disk, I/O errors and files that change while they are read, where no tmpfs can be
// mounted. Configured by the environment:
//
//   BRIEFSEARCH_FAULT_CALL    open, read, pread, write, pwrite, fdatasync, fsync, close,
//                             rename or renameat2: the calls counted
//   BRIEFSEARCH_FAULT_PATH    only calls on a path containing this text count (for calls
//                             on a descriptor, the path it was opened as); empty: all
//   BRIEFSEARCH_FAULT_AT      the matching call to act on, from 1 (default 1)
//   BRIEFSEARCH_FAULT_ACTION  kill-before / kill-after: SIGKILL before or after the real call;
//                             sigint-after / sigterm-after: that signal after the call;
//                             fail:ENOSPC, fail:EIO, fail:EACCES, ...: that call and every
//                             later matching one fail with the errno (a full disk stays full);
//                             fail-once:EIO: only that call fails;
//                             truncate, grow, unlink: the file is cut to half its size,
//                             grown by a line, or deleted before the call; then it proceeds;
//                             count: nothing, only counting
//   BRIEFSEARCH_FAULT_COUNT_FILE  where to write the number of matching calls at exit
//
// Nothing is done when BRIEFSEARCH_FAULT_CALL is unset.
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

struct Settings {
  std::string call;
  std::string path;
  long at = 1;
  std::string action;
  int error_number = 0;
  std::string count_file;
};

int errno_named(const std::string& name) {
  static const struct {
    const char* name;
    int value;
  } kErrors[] = {{"ENOSPC", ENOSPC}, {"EIO", EIO},       {"EACCES", EACCES}, {"EPERM", EPERM},
                 {"EROFS", EROFS},   {"EDQUOT", EDQUOT}, {"ENOMEM", ENOMEM}, {"EFBIG", EFBIG}};
  for (const auto& error : kErrors) {
    if (name == error.name) return error.value;
  }
  return EIO;
}

// Never destroyed: the count is written at exit, after other statics are gone.
const Settings& settings() {
  static const Settings* const loaded = new Settings([] {
    Settings read;
    const auto text = [](const char* name) {
      const char* value = std::getenv(name);
      return std::string(value != nullptr ? value : "");
    };
    read.call = text("BRIEFSEARCH_FAULT_CALL");
    read.path = text("BRIEFSEARCH_FAULT_PATH");
    if (!text("BRIEFSEARCH_FAULT_AT").empty())
      read.at = std::atol(text("BRIEFSEARCH_FAULT_AT").c_str());
    read.action = text("BRIEFSEARCH_FAULT_ACTION");
    const auto colon = read.action.find(':');
    if (colon != std::string::npos) {
      read.error_number = errno_named(read.action.substr(colon + 1));
      read.action.resize(colon);
    }
    read.count_file = text("BRIEFSEARCH_FAULT_COUNT_FILE");
    return read;
  }());
  return *loaded;
}

std::atomic<long> matching_calls{0};
std::atomic<bool> failing{false};

// Writes the count at exit (a killed program writes nothing: only "count" runs use it).
struct CountWriter {
  ~CountWriter() {
    const Settings& wanted = settings();
    if (wanted.count_file.empty()) return;
    if (std::FILE* file = std::fopen(wanted.count_file.c_str(), "w")) {
      std::fprintf(file, "%ld\n", matching_calls.load());
      std::fclose(file);
    }
  }
} count_writer;

std::string path_of_descriptor(int descriptor) {
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", descriptor);
  char target[PATH_MAX];
  const ssize_t length = ::readlink(link, target, sizeof target - 1);
  return length > 0 ? std::string(target, static_cast<std::size_t>(length)) : std::string();
}

template <typename Function>
Function real(const char* name) {
  return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

void change_file(const std::string& action, const std::string& path) {
  if (action == "unlink") {
    ::unlink(path.c_str());
  } else if (action == "truncate") {
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0) (void)::truncate(path.c_str(), status.st_size / 2);
  } else if (action == "grow") {
    if (std::FILE* file = std::fopen(path.c_str(), "a")) {
      std::fputs("\nAppended while it was read: zanzibarite.\n", file);
      std::fclose(file);
    }
  }
}

// What to do about one call: 0 to make it, -1 to fail it (errno set). Kills for
// kill-before; sets signal_after for the "-after" actions, which after_call carries out.
int before_call(const char* call, const std::string& path, bool& signal_after) {
  signal_after = false;
  const Settings& wanted = settings();
  if (wanted.call != call || path.find(wanted.path) == std::string::npos) return 0;
  if (failing.load()) {
    errno = wanted.error_number;
    return -1;
  }
  const long number = ++matching_calls;
  if (number != wanted.at) return 0;
  if (wanted.action == "kill-before") ::kill(::getpid(), SIGKILL);
  if (wanted.action.ends_with("-after")) signal_after = true;
  if (wanted.action == "fail" || wanted.action == "fail-once") {
    if (wanted.action == "fail") failing = true;
    errno = wanted.error_number;
    return -1;
  }
  change_file(wanted.action, path);
  return 0;
}

template <typename Result>
Result after_call(Result result, bool signal_after) {
  if (!signal_after) return result;
  const std::string& action = settings().action;
  const int number = action == "sigint-after"    ? SIGINT
                     : action == "sigterm-after" ? SIGTERM
                                                 : SIGKILL;
  const int saved = errno;
  ::kill(::getpid(), number);
  errno = saved;
  return result;
}

bool active() { return !settings().call.empty(); }

// The path a descriptor call names, worked out only when this call is the one counted.
std::string path_for(const char* call, int descriptor) {
  if (!active() || settings().call != call) return {};
  return path_of_descriptor(descriptor);
}

int open_with(const char* name, const char* path, int flags, mode_t mode) {
  using Open = int (*)(const char*, int, ...);
  static const Open real_open = real<Open>(name);
  bool signal_after = false;
  if (active() && before_call("open", path, signal_after) != 0) return -1;
  return after_call(real_open(path, flags, mode), signal_after);
}

}  // namespace

extern "C" {

int open(const char* path, int flags, ...) {
  va_list arguments;
  va_start(arguments, flags);
  const mode_t mode = (flags & (O_CREAT | O_TMPFILE)) != 0 ? va_arg(arguments, mode_t) : 0;
  va_end(arguments);
  return open_with("open", path, flags, mode);
}

int open64(const char* path, int flags, ...) {
  va_list arguments;
  va_start(arguments, flags);
  const mode_t mode = (flags & (O_CREAT | O_TMPFILE)) != 0 ? va_arg(arguments, mode_t) : 0;
  va_end(arguments);
  return open_with("open64", path, flags, mode);
}

ssize_t read(int descriptor, void* buffer, size_t size) {
  static const auto real_read = real<ssize_t (*)(int, void*, size_t)>("read");
  bool signal_after = false;
  if (active() && before_call("read", path_for("read", descriptor), signal_after) != 0) return -1;
  return after_call(real_read(descriptor, buffer, size), signal_after);
}

ssize_t pread(int descriptor, void* buffer, size_t size, off_t offset) {
  static const auto real_pread = real<ssize_t (*)(int, void*, size_t, off_t)>("pread");
  bool signal_after = false;
  if (active() && before_call("pread", path_for("pread", descriptor), signal_after) != 0) return -1;
  return after_call(real_pread(descriptor, buffer, size, offset), signal_after);
}

ssize_t write(int descriptor, const void* buffer, size_t size) {
  static const auto real_write = real<ssize_t (*)(int, const void*, size_t)>("write");
  bool signal_after = false;
  if (active() && before_call("write", path_for("write", descriptor), signal_after) != 0) return -1;
  return after_call(real_write(descriptor, buffer, size), signal_after);
}

ssize_t pwrite(int descriptor, const void* buffer, size_t size, off_t offset) {
  static const auto real_pwrite = real<ssize_t (*)(int, const void*, size_t, off_t)>("pwrite");
  bool signal_after = false;
  if (active() && before_call("pwrite", path_for("pwrite", descriptor), signal_after) != 0) {
    return -1;
  }
  return after_call(real_pwrite(descriptor, buffer, size, offset), signal_after);
}

int fdatasync(int descriptor) {
  static const auto real_fdatasync = real<int (*)(int)>("fdatasync");
  bool signal_after = false;
  if (active() && before_call("fdatasync", path_for("fdatasync", descriptor), signal_after) != 0) {
    return -1;
  }
  return after_call(real_fdatasync(descriptor), signal_after);
}

int fsync(int descriptor) {
  static const auto real_fsync = real<int (*)(int)>("fsync");
  bool signal_after = false;
  if (active() && before_call("fsync", path_for("fsync", descriptor), signal_after) != 0) return -1;
  return after_call(real_fsync(descriptor), signal_after);
}

int close(int descriptor) {
  static const auto real_close = real<int (*)(int)>("close");
  bool signal_after = false;
  // The file is changed after it was read and before it is closed: what a writer that
  // appends to a brief while the indexer reads it does.
  if (active() && before_call("close", path_for("close", descriptor), signal_after) != 0) return -1;
  return after_call(real_close(descriptor), signal_after);
}

int rename(const char* from, const char* to) {
  static const auto real_rename = real<int (*)(const char*, const char*)>("rename");
  bool signal_after = false;
  if (active() && before_call("rename", std::string(from) + " " + to, signal_after) != 0) return -1;
  return after_call(real_rename(from, to), signal_after);
}

int renameat2(int from_folder, const char* from, int to_folder, const char* to,
              unsigned int flags) {
  static const auto real_renameat2 =
      real<int (*)(int, const char*, int, const char*, unsigned int)>("renameat2");
  bool signal_after = false;
  if (active() && before_call("renameat2", std::string(from) + " " + to, signal_after) != 0) {
    return -1;
  }
  return after_call(real_renameat2(from_folder, from, to_folder, to, flags), signal_after);
}

}  // extern "C"
