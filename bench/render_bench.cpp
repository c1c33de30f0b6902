// Render benchmarks: a Gantt chart of N rows to SVG, PNG and multi-page PDF,
// and the network diagram. Numbers go in the README, never in tests.
#include <benchmark/benchmark.h>
#include <tiendo/render/render.hpp>
#include <tiendo/report.hpp>

#include <string>

namespace {

using namespace tiendo;

/// N/4 tasks of 4 steps (N + N/4 rows), chained inside tasks and linked to
/// the previous task, over about a year.
Analysis plan_of(int steps) {
  std::string yaml =
      "plan: {id: BENCH, title: \"Kế hoạch thử nghiệm hiệu năng\", start: 2024-01-08}\n"
      "committees: {BTV: {meetings: [2024-02-27, 2024-03-26, 2024-04-23, 2024-05-28]}}\n"
      "tasks:\n";
  for (int t = 0; t < steps / 4; ++t) {
    yaml += "  - id: t" + std::to_string(t) + "\n    name: \"Nhiệm vụ số " + std::to_string(t) +
            " với tên khá dài\"\n    owner: \"Đ/c Nguyễn Văn A\"\n    lead: \"Ban Tuyên giáo\"\n";
    if (t > 0) yaml += "    after: {on: t" + std::to_string(t - 1) + ", type: SS, lag: 1d}\n";
    yaml += "    steps:\n";
    for (int s = 0; s < 4; ++s) {
      yaml += "      - {id: s" + std::to_string(s) + ", name: \"Bước " + std::to_string(s) +
              "\", kind: " +
              (s == 0   ? "draft"
               : s == 3 ? "broadcast"
                        : "production") +
              ", duration: " + std::to_string(2 + (t + s) % 7) + "d}\n";
    }
  }
  return analyze(yaml);
}

void BM_Gantt(benchmark::State& state, render::Format format) {
  const auto a = plan_of(static_cast<int>(state.range(0)) * 4 / 5);
  render::GanttOptions options;
  options.dpi = 96;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto result = render::render_gantt(a, options, format);
    if (!result.error.empty()) state.SkipWithError(result.error.c_str());
    bytes = result.bytes.size();
  }
  state.counters["rows"] = static_cast<double>(state.range(0));
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_Network(benchmark::State& state) {
  const auto a = plan_of(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const auto result = render::render_network(a, {}, render::Format::svg);
    benchmark::DoNotOptimize(result.bytes.data());
  }
  state.counters["steps"] = static_cast<double>(state.range(0));
}

/// What the page's server does on each change of the text (/api/analyze):
/// read and schedule the plan, write the schedule and the check as JSON, the
/// explanations and meetings, and draw the Gantt chart as SVG.
void BM_PageAnalysis(benchmark::State& state) {
  const auto yaml_of = [](int steps) {
    std::string yaml = "plan: {id: P, start: 2024-01-08}\ntasks:\n";
    for (int t = 0; t < steps / 4; ++t) {
      yaml += "  - id: t" + std::to_string(t) + "\n    name: \"Nhiệm vụ " + std::to_string(t) +
              "\"\n" + (t > 0 ? "    after: [t" + std::to_string(t - 1) + "]\n" : "") +
              "    steps:\n";
      for (int s = 0; s < 4; ++s) {
        yaml += "      - {id: s" + std::to_string(s) + ", name: \"Bước " + std::to_string(s) +
                "\", duration: " + std::to_string(2 + (t + s) % 7) + "d" +
                (s == 3 ? ", when: \"Trước ngày 30/12/2025\"" : "") + "}\n";
      }
    }
    return yaml;
  };
  const auto text = yaml_of(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    const auto a = analyze(text);
    auto out = schedule_json(a, Lang::vi) + check_json(a, Lang::vi) +
               explain_plan(*a.plan, Lang::vi) + meetings_text(*a.plan, Lang::vi);
    out += render::render_gantt(a, {}, render::Format::svg).bytes;
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["steps"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_PageAnalysis)->Arg(50)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(BM_Gantt, svg, render::Format::svg)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);
// PDF on A4 pages (the default): 10,000 rows are some 500 pages.
BENCHMARK_CAPTURE(BM_Gantt, pdf, render::Format::pdf)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);
// PNG at 96 dpi: 10,000 rows is some 296,000 pixels tall, painted in bands.
BENCHMARK_CAPTURE(BM_Gantt, png, render::Format::png)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Network)->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
