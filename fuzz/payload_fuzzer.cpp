// libFuzzer target for one plugin (ASSIST_FUZZ_HEADER / ASSIST_FUZZ_PLUGIN, set by CMake): a
// payload as JSON, decoded by the host's codec with its limits, validated by the plugin against a
// case context read from the input (fuzz_input.hpp), then NextReviewDue and SummarizeOutcomes.
// A broken invariant aborts, so libFuzzer saves the input. ASSIST_FUZZ_VERBOSE=1 prints what
// happened to each input (for reproducing one).
#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/message_differencer.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>

#include "assist/v1/common.pb.h"
#include "domain/errors.hpp"
#include "domain/payload_codec.hpp"
#include "fuzz_checks.hpp"
#include "fuzz_input.hpp"
#include ASSIST_FUZZ_HEADER

namespace {

namespace pb = google::protobuf;
using assist::fuzz::Fail;
using assist::fuzz::IsUtf8;
using assist::fuzz::RequireReadableRefusal;
using assist::sdk::CaseContext;
using assist::sdk::Code;
using assist::sdk::Status;
using assist::sdk::Step;
using Message = std::unique_ptr<pb::Message>;

const bool kVerbose = std::getenv("ASSIST_FUZZ_VERBOSE") != nullptr;

void Log(const std::string& what) {
  if (kVerbose) std::fprintf(stderr, "==assist-fuzz== %s\n", what.c_str());
}

const assist::sdk::Plugin& ThePlugin() {
  static const ASSIST_FUZZ_PLUGIN plugin;
  return plugin;
}

// As the host decodes a request's payload; nullptr when it refuses it (an expected rejection).
Message Decode(std::string_view json, Step step) {
  const std::string& type = assist::fuzz::TypeOf(ThePlugin().Info(), step);
  const pb::Descriptor* descriptor =
      pb::DescriptorPool::generated_pool()->FindMessageTypeByName(type);
  if (descriptor == nullptr) Fail("the plugin does not link its message " + type);
  assist::v1::Payload payload;
  payload.set_json(std::string(json));
  try {
    return assist::host::DecodePayload(payload, *descriptor, assist::fuzz::StepName(step));
  } catch (const assist::host::RpcError& e) {
    Log("refused by the host: " + std::string(e.what()));
    RequireReadableRefusal(e.status());
    return nullptr;
  } catch (const std::exception& e) {
    Fail("DecodePayload threw something other than RpcError: " + std::string(e.what()));
  }
}

// Stored, summed and printed once accepted: NaN, infinity and unknown enum numbers must have
// been refused.
void RequireSane(const pb::Message& message) {
  const pb::Reflection* reflection = message.GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const pb::FieldDescriptor* field : fields) {
    const bool repeated = field->is_repeated();
    const int size = repeated ? reflection->FieldSize(message, field) : 1;
    for (int i = 0; i < size; ++i) {
      double number = 0;
      switch (field->cpp_type()) {
        case pb::FieldDescriptor::CPPTYPE_DOUBLE:
          number = repeated ? reflection->GetRepeatedDouble(message, field, i)
                            : reflection->GetDouble(message, field);
          break;
        case pb::FieldDescriptor::CPPTYPE_FLOAT:
          number = repeated ? reflection->GetRepeatedFloat(message, field, i)
                            : reflection->GetFloat(message, field);
          break;
        case pb::FieldDescriptor::CPPTYPE_ENUM: {
          const int value = repeated ? reflection->GetRepeatedEnumValue(message, field, i)
                                     : reflection->GetEnumValue(message, field);
          if (field->enum_type()->FindValueByNumber(value) == nullptr) {
            Fail("accepted an unknown value " + std::to_string(value) + " of " +
                 field->full_name());
          }
          break;
        }
        case pb::FieldDescriptor::CPPTYPE_MESSAGE:
          RequireSane(repeated ? reflection->GetRepeatedMessage(message, field, i)
                               : reflection->GetMessage(message, field));
          break;
        default:
          break;
      }
      if (!std::isfinite(number)) Fail("accepted a non-finite " + field->full_name());
    }
  }
}

// The host stores an accepted payload as JSON and reads it back for later steps.
void RequireStorable(const pb::Message& message) {
  try {
    const std::string json = assist::host::ToStoredJson(message);
    Message back = assist::host::FromStoredJson(json, *message.GetDescriptor());
    if (!pb::util::MessageDifferencer::Equals(message, *back)) {
      Fail("the stored JSON reads back differently: " + json);
    }
  } catch (const std::exception& e) {
    Fail("an accepted payload cannot be stored: " + std::string(e.what()));
  }
}

Status Validate(Step step, const pb::Message& payload, const CaseContext& context) {
  Status status;
  try {
    status = ThePlugin().Validate(step, payload, context);
  } catch (const std::exception& e) {
    Fail("Validate threw: " + std::string(e.what()));
  } catch (...) {
    Fail("Validate threw a non-standard exception");
  }
  Log(assist::fuzz::StepName(step) + ": code " + std::to_string(static_cast<int>(status.code())) +
      ", " + std::to_string(status.violations().size()) + " violations, " +
      std::to_string(status.warnings().size()) + " warnings " + status.message());
  switch (status.code()) {
    case Code::kOk:
      break;
    case Code::kInvalidArgument:
      if (status.violations().empty()) Fail("INVALID_ARGUMENT without violations");
      for (const auto& v : status.violations()) {
        Log("  " + v.field + ": " + v.description_en);
        if (v.description_en.empty() || v.description_pl.empty()) {
          Fail("the violation of '" + v.field + "' lacks an English or Polish description");
        }
        if (!IsUtf8(v.field) || !IsUtf8(v.description_en) || !IsUtf8(v.description_pl)) {
          Fail("the violation of '" + v.field + "' is not UTF-8: " + v.description_en);
        }
      }
      break;
    case Code::kFailedPrecondition:
      if (status.message().empty() || !IsUtf8(status.message())) {
        Fail("FAILED_PRECONDITION without a UTF-8 message: " + status.message());
      }
      break;
    case Code::kInternal:  // a caught exception or a bug: the host answers INTERNAL
      Fail("Validate failed internally: " + status.message());
  }
  for (const auto& w : status.warnings()) {
    if (w.code.empty() || w.message_en.empty() || w.message_pl.empty()) {
      Fail("warning '" + w.code + "' lacks a code or an English or Polish message");
    }
    if (!IsUtf8(w.code) || !IsUtf8(w.message_en) || !IsUtf8(w.message_pl)) {
      Fail("warning '" + w.code + "' is not UTF-8");
    }
  }
  if (status.ok()) {
    RequireSane(payload);
    RequireStorable(payload);
  }
  return status;
}

// The case's intake, plan or settings from an input part; nullptr when absent, or refused as of
// `accepted_as_of` (a context of an open case on the day they were submitted) when given.
Message ContextPart(std::string_view json, Step step, const CaseContext* accepted_as_of) {
  if (assist::fuzz::TypeOf(ThePlugin().Info(), step).empty()) return nullptr;
  Message message = Decode(json, step);
  if (message && accepted_as_of && !Validate(step, *message, *accepted_as_of).ok()) return nullptr;
  return message;
}

void CheckNextReviewDue(const CaseContext& context) {
  std::optional<assist::sdk::Date> due;
  try {
    due = ThePlugin().NextReviewDue(context);
  } catch (const std::exception& e) {
    Fail("NextReviewDue threw: " + std::string(e.what()));
  } catch (...) {
    Fail("NextReviewDue threw a non-standard exception");
  }
  if (due && !due->ok()) Fail("NextReviewDue returned an invalid date");
  Log("next review due: " + (due ? assist::sdk::FormatDate(*due) : std::string("none")));
}

void CheckSummary(const pb::Message& outcome, const pb::Message* other) {
  std::vector<assist::sdk::IndicatorSummary> summaries;
  try {
    summaries = ThePlugin().SummarizeOutcomes({&outcome, nullptr, other, &outcome});
  } catch (...) {
    Fail("SummarizeOutcomes threw");
  }
  for (const auto& s : summaries) {
    if (s.cases < 0 || !std::isfinite(s.mean_before) || !std::isfinite(s.mean_after)) {
      Fail("SummarizeOutcomes gave a negative count or a non-finite mean for " + s.code);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace assist::fuzz;
  if (size < kHeaderBytes) return 0;
  const Header header = ReadHeader(data);
  const auto steps = Steps(ThePlugin().Info());
  const Step step = steps[header.step % steps.size()];
  const auto parts =
      Parts({reinterpret_cast<const char*>(data) + kHeaderBytes, size - kHeaderBytes});
  // Payload.json is a proto3 string: gRPC refuses a request whose JSON is not UTF-8.
  for (std::string_view part : parts) {
    if (!IsUtf8(part)) return 0;
  }

  CaseContext context;
  context.case_id = 42;
  context.centre_id = "mops-fuzz";
  context.subject = ASSIST_FUZZ_SUBJECT;
  context.state = static_cast<assist::sdk::CaseState>(header.flags & 3);
  context.step_date = Day(header.days[0]);
  context.referred_on = Day(header.days[1]);
  if (header.flags & kWorkStarted) context.work_started_on = Day(header.days[2]);
  if (header.flags & kReviewed) context.last_review_on = Day(header.days[3]);
  if (header.flags & kClosed) context.closed_on = Day(header.days[4]);
  context.plan_version = header.plan_version;

  // Settings first (validating an intake or plan may read them), then intake, then plan.
  CaseContext earlier = context;
  earlier.state = assist::sdk::CaseState::kOpen;
  earlier.step_date = Day(header.days[5]);
  earlier.closed_on.reset();
  const CaseContext* as_of = (header.flags & kOnlyAccepted) ? &earlier : nullptr;
  Message settings, intake, plan;
  if (parts.size() > 3) settings = ContextPart(parts[3], Step::kSettings, as_of);
  context.settings = earlier.settings = settings.get();
  if (parts.size() > 1 && (header.flags & kWithIntake)) {
    intake = ContextPart(parts[1], Step::kIntake, as_of);
  }
  context.intake = earlier.intake = intake.get();
  if (parts.size() > 2 && (header.flags & kWithPlan)) {
    plan = ContextPart(parts[2], Step::kPlan, as_of);
  }
  context.plan = plan.get();

  Message payload = Decode(parts[0], step);
  if (payload == nullptr) return 0;
  const bool accepted = Validate(step, *payload, context).ok();
  // NextReviewDue, after the step, sees an accepted intake or plan as the current one.
  if (accepted && step == Step::kIntake) context.intake = payload.get();
  if (accepted && step == Step::kPlan) context.plan = payload.get();
  CheckNextReviewDue(context);
  if (step == Step::kOutcome) CheckSummary(*payload, intake.get());
  return 0;
}
