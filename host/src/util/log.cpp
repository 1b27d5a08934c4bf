#include "util/log.hpp"

#include <google/protobuf/stubs/logging.h>
#include <grpc/support/log.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/sinks/systemd_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "util/clock.hpp"

namespace assist::host {
namespace {

struct Logger {
  std::shared_ptr<spdlog::logger> sink;
  bool json = false;
};

std::mutex logger_mutex;
std::shared_ptr<Logger> current;  // guarded by logger_mutex; replaced whole, read by copy

std::shared_ptr<Logger> Make(const LogSettings& settings, bool journal) {
  auto logger = std::make_shared<Logger>();
  spdlog::sink_ptr sink;
  if (journal) {
    sink = std::make_shared<spdlog::sinks::systemd_sink_mt>("assist-host");
  } else {
    sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  }
  logger->sink = std::make_shared<spdlog::logger>("assist-host", sink);
  // The host writes the whole line itself (text or JSON); spdlog adds nothing to it.
  logger->sink->set_pattern("%v");
  const spdlog::level::level_enum levels[] = {spdlog::level::debug, spdlog::level::info,
                                              spdlog::level::warn, spdlog::level::err};
  logger->sink->set_level(levels[static_cast<int>(settings.level)]);
  logger->sink->flush_on(spdlog::level::debug);  // every line, as it happens
  logger->json = settings.json;
  return logger;
}

std::shared_ptr<Logger> Current() {
  std::lock_guard lock(logger_mutex);
  if (!current) current = Make({}, false);
  return current;
}

// systemd sets JOURNAL_STREAM to the device and inode of the stream it connected to the journal.
bool StderrIsTheJournal() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  struct stat info {};
  if (stream == nullptr || fstat(2, &info) != 0) return false;
  unsigned long long device = 0, inode = 0;
  if (std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) return false;
  return device == info.st_dev && inode == info.st_ino;
}

const char* Tag(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "DEBUG";
    case LogLevel::kInfo:
      return "INFO";
    case LogLevel::kWarning:
      return "WARN";
    case LogLevel::kError:
      return "ERROR";
  }
  return "INFO";
}

spdlog::level::level_enum SpdlogLevel(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return spdlog::level::debug;
    case LogLevel::kInfo:
      return spdlog::level::info;
    case LogLevel::kWarning:
      return spdlog::level::warn;
    case LogLevel::kError:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (byte < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

void Write(LogLevel level, const std::string& text_line, const std::string& json_line) {
  const auto logger = Current();
  logger->sink->log(SpdlogLevel(level), logger->json ? json_line : text_line);
}

void FromGrpc(gpr_log_func_args* args) {
  const LogLevel level = args->severity == GPR_LOG_SEVERITY_ERROR  ? LogLevel::kError
                         : args->severity == GPR_LOG_SEVERITY_INFO ? LogLevel::kInfo
                                                                   : LogLevel::kDebug;
  Log(level, std::string("grpc: ") + args->message + " (" + args->file + ":" +
                 std::to_string(args->line) + ")");
}

void FromProtobuf(google::protobuf::LogLevel level, const char* file, int line,
                  const std::string& message) {
  const LogLevel ours = level >= google::protobuf::LOGLEVEL_ERROR     ? LogLevel::kError
                        : level == google::protobuf::LOGLEVEL_WARNING ? LogLevel::kWarning
                                                                      : LogLevel::kInfo;
  Log(ours, "protobuf: " + message + " (" + file + ":" + std::to_string(line) + ")");
}

}  // namespace

LogSettings ParseLogSettings(std::string_view format, std::string_view level) {
  LogSettings settings;
  if (format == "json") {
    settings.json = true;
  } else if (!format.empty() && format != "text") {
    throw std::invalid_argument("log.format must be \"text\" or \"json\", not \"" +
                                std::string(format) + "\"");
  }
  if (level == "debug") {
    settings.level = LogLevel::kDebug;
  } else if (level == "warn") {
    settings.level = LogLevel::kWarning;
  } else if (level == "error") {
    settings.level = LogLevel::kError;
  } else if (!level.empty() && level != "info") {
    throw std::invalid_argument("log.level must be debug, info, warn or error, not \"" +
                                std::string(level) + "\"");
  }
  return settings;
}

void ConfigureLogging(const LogSettings& settings) {
  auto logger = Make(settings, StderrIsTheJournal());
  {
    std::lock_guard lock(logger_mutex);
    current = std::move(logger);
  }
  gpr_set_log_function(&FromGrpc);
  gpr_set_log_verbosity(settings.level == LogLevel::kDebug ? GPR_LOG_SEVERITY_INFO
                                                           : GPR_LOG_SEVERITY_ERROR);
  google::protobuf::SetLogHandler(&FromProtobuf);
}

std::string JsonLogLine(std::string_view time, std::string_view level, std::string_view message) {
  std::string line = "{\"time\":";
  AppendJsonString(line, time);
  line += ",\"level\":";
  AppendJsonString(line, level);
  line += ",\"msg\":";
  AppendJsonString(line, message);
  return line + "}";
}

void Log(LogLevel level, std::string_view message) {
  const std::string time = NowTimestamp();
  Write(level, time + " " + Tag(level) + " " + std::string(message),
        JsonLogLine(time, Tag(level), message));
}

void LogAccess(const AccessEntry& entry) {
  if (Current()->sink->level() > spdlog::level::info) return;
  const std::string time = NowTimestamp();
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.3f", entry.seconds * 1000);
  const std::string text = time + " INFO access method=" + entry.method +
                           " request_id=" + entry.request_id +
                           " actor=" + (entry.actor_id.empty() ? "-" : entry.actor_id) +
                           " centre=" + (entry.centre_id.empty() ? "-" : entry.centre_id) +
                           " code=" + entry.code + " duration_ms=" + duration;
  std::string json = "{\"time\":";
  AppendJsonString(json, time);
  json += ",\"level\":\"INFO\",\"type\":\"access\",\"method\":";
  AppendJsonString(json, entry.method);
  json += ",\"request_id\":";
  AppendJsonString(json, entry.request_id);
  json += ",\"actor\":";
  AppendJsonString(json, entry.actor_id);
  json += ",\"centre\":";
  AppendJsonString(json, entry.centre_id);
  json += ",\"code\":";
  AppendJsonString(json, entry.code);
  json += std::string(",\"duration_ms\":") + duration + "}";
  Write(LogLevel::kInfo, text, json);
}

}  // namespace assist::host
