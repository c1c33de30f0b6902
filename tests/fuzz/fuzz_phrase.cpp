// libFuzzer target: one time phrase, read as a step's `when:` (read_phrase,
// with a context holding events and committees as a plan declares them) and
// as a single day (read_day), as date keys are read.
#include <tiendo/phrase.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

tiendo::Date day(int y, unsigned m, unsigned d) {
  return tiendo::Date{date::year{y} / date::month{m} / date::day{d}};
}

const std::vector<tiendo::Event>& events() {
  static const std::vector<tiendo::Event> list{
      {"le-ky-niem", "Lễ Kỷ niệm 70 năm", day(2024, 11, 2), std::nullopt, {"Lễ Kỷ niệm"}, {}},
      {"dai-hoi", "Đại hội XIII của Đảng", day(2021, 1, 25), day(2021, 2, 1),
       {"Đại hội", "khai mạc Đại hội"}, {}},
      {"hoi-nghi", "Hội nghị sơ kết", day(2024, 7, 5), std::nullopt, {"Hội nghị"}, {}},
  };
  return list;
}

const std::vector<tiendo::Committee>& committees() {
  static const std::vector<tiendo::Committee> list{
      {"BTV", "Ban Thường vụ", {}, {day(2024, 5, 28), day(2024, 7, 30), day(2024, 9, 26)}, 3, {},
       {}},
      {"BCH", "Ban Chấp hành", {"BCH Đảng bộ"}, {day(2024, 6, 27), day(2024, 12, 26)}, 5, {}, {}},
      {"UBND", "Ủy ban nhân dân", {}, {}, 0, {}, {}},
  };
  return list;
}

std::size_t sink = 0;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const tiendo::CalendarSpec calendar = [] {
    tiendo::CalendarSpec spec;
    spec.builtin = "vn";
    return spec;
  }();
  tiendo::PhraseContext context;
  context.year = 2024;
  context.events = &events();
  context.committees = &committees();
  context.issued = day(2024, 3, 29);
  context.start = day(2024, 4, 1);
  context.calendar = &calendar;
  const auto reading = tiendo::read_phrase(text, context);
  sink += reading.constraints.size() + reading.meaning_en.size() + reading.meaning_vi.size() +
          reading.warnings.size();
  // Every constraint's words lie inside the phrase.
  for (const auto& c : reading.constraints) {
    if (c.words_end < c.words_begin || c.words_end > size) __builtin_trap();
  }
  if (const auto d = tiendo::read_day(text, 2024)) {
    sink += static_cast<std::size_t>(d->time_since_epoch().count());
  }
  return 0;
}
