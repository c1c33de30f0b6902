#include "progress_commands.hpp"

#include "output.hpp"

#include <tiendo/files.hpp>
#include <tiendo/render/render.hpp>
#include <tiendo/status.hpp>
#include <tiendo/whatif.hpp>

#include <filesystem>
#include <iostream>

namespace tiendo::cli {

int run_status(const Args& args) {
  if (args.format == "pdf" && (args.output.empty() || args.output == "-")) {
    std::cerr << "tiendo: the PDF report needs -o FILE.pdf\n";
    return kBadInput;
  }
  const auto loaded = load_plan(args);
  if (!loaded) return kBadInput;
  const auto& a = loaded->analysis;
  const auto lang = pick_lang(args, a);
  const auto report =
      status_report(a, today(), loaded->comparison ? &*loaded->comparison : nullptr);
  if (args.format == "json") return emit(args, status_json(report, lang));
  if (args.format == "pdf") {
    const auto pdf =
        render::render_status(a, report, lang, loaded->baseline ? &*loaded->baseline : nullptr);
    if (!pdf.error.empty()) {
      std::cerr << "tiendo: " << pdf.error << "\n";
      return kBadInput;
    }
    return emit(args, pdf.bytes);
  }
  return emit(args, status_text(report, lang));
}

namespace {

/// The plan's baseline file, or an empty one when there is none yet.
std::optional<BaselineFile> existing_baselines(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return BaselineFile{};
  const auto file = read_file(path);
  if (!file.text) {
    std::cerr << "tiendo: " << file.error << "\n";
    return std::nullopt;
  }
  auto read = read_baseline_file(*file.text);
  for (const auto& d : read.diagnostics) std::cerr << format_diagnostic(d, path, {});
  return read.file;
}

}  // namespace

int run_baseline_save(const Args& args) {
  if (args.plan_path == "-") {
    std::cerr << "tiendo: a baseline is saved beside its plan's file, not standard input\n";
    return kBadInput;
  }
  Args plain = args;
  plain.baseline.clear();
  const auto loaded = load_plan(plain);
  if (!loaded) return kBadInput;
  const auto& a = loaded->analysis;
  const auto path = baseline_file_path(args.plan_path);
  auto file = existing_baselines(path);
  if (!file) return kBadInput;
  const bool replacing = file->find(args.name) != nullptr;
  if (const auto error =
          add_baseline(*file, make_baseline(*a.plan, *a.graph, *a.schedule, args.name, today()))) {
    std::cerr << format_diagnostic(*error, path, {});
    return kBadInput;
  }
  if (const int status = write_output(path, baseline_json(*file)); status != kOk) return status;
  std::cerr << "tiendo: " << (replacing ? "replaced" : "saved") << " baseline '" << args.name
            << "' (" << a.graph->size() << " steps, finish " << format_iso(a.schedule->finish)
            << ") in " << path << "\n";
  return kOk;
}

int run_baseline_list(const Args& args) {
  const auto path = baseline_file_path(args.plan_path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    std::cerr << "tiendo: no baselines yet (" << path << "); save one with: tiendo baseline save "
              << args.plan_path << " --name adopted\n";
    return kBadInput;
  }
  const auto file = existing_baselines(path);
  if (!file) return kBadInput;
  std::string text;
  for (const auto& b : file->baselines) {
    text +=
        b.name + "\t" + format_iso(b.saved) + "\t" + std::to_string(b.steps.size()) + " steps\n";
  }
  return emit(args, text);
}

int run_whatif(const Args& args) {
  std::vector<WhatIfChange> changes;
  bool ok = true;
  const auto take = [&](WhatIfChange::Kind kind, const std::vector<std::string>& list,
                        const char* flag) {
    for (const auto& text : list) {
      std::string error;
      if (auto c = parse_what_if(kind, text, error)) {
        changes.push_back(std::move(*c));
      } else {
        std::cerr << "tiendo: " << flag << ": " << error << "\n";
        ok = false;
      }
    }
  };
  take(WhatIfChange::Kind::delay, args.delays, "--delay");
  take(WhatIfChange::Kind::cancel_meeting, args.cancelled_meetings, "--cancel-meeting");
  take(WhatIfChange::Kind::move_event, args.moved_events, "--move-event");
  if (!ok) return kBadInput;
  if (changes.empty()) {
    std::cerr << "tiendo: whatif needs a change: --delay STEP=5d, --cancel-meeting "
                 "COMMITTEE:YYYY-MM-DD or --move-event EVENT=YYYY-MM-DD\n";
    return kBadInput;
  }
  const auto loaded = load_plan(args);
  if (!loaded) return kBadInput;
  const auto& a = loaded->analysis;
  const auto result = what_if(a, changes);
  for (const auto& d : result.diagnostics) std::cerr << format_diagnostic(d, "whatif", {});
  if (!result.ok()) return kBadInput;
  const auto lang = pick_lang(args, a);
  return emit(args,
              args.format == "json" ? what_if_json(result, lang) : what_if_text(result, lang));
}

}  // namespace tiendo::cli
