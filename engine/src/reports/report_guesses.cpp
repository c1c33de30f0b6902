// `tiendo explain --guesses`: the checklist of values the plan holds that
// tiendo did not read from the planner's words, each at its line.
#include <tiendo/report.hpp>

namespace tiendo {

namespace {

std::string subject_words(const Guess& g, bool en) {
  if (g.subject_kind == "plan") return en ? "the plan" : "kế hoạch";
  if (g.subject_kind == "event") return (en ? "event '" : "sự kiện '") + g.subject + "'";
  if (g.subject_kind == "committee") return (en ? "committee '" : "cơ quan họp '") + g.subject + "'";
  if (g.subject_kind == "task") return (en ? "task '" : "nhiệm vụ '") + g.subject + "'";
  return (en ? "step '" : "bước '") + g.subject + "'";
}

}  // namespace

std::string guesses_text(const Plan& plan, Lang lang) {
  const bool en = lang == Lang::en;
  if (plan.guesses.empty()) {
    return en ? "No value of this plan is guessed: every one was written by the planner.\n"
              : "Kế hoạch không có giá trị phỏng đoán nào: mọi giá trị đều do người lập ghi.\n";
  }
  std::string out =
      en ? std::to_string(plan.guesses.size()) +
               " value(s) not read from the planner's words; the verdict holds only if they do. "
               "Confirm each (or correct it), then take it out of 'guessed':\n"
         : std::to_string(plan.guesses.size()) +
               " giá trị không có trong văn bản của người lập; kết luận chỉ đúng khi các giá trị "
               "này đúng. Hãy xác nhận (hoặc sửa) từng giá trị, rồi bỏ nó khỏi 'guessed':\n";
  for (const auto& g : plan.guesses) {
    out += "  ";
    if (g.where.known()) out += (en ? "line " : "dòng ") + std::to_string(g.where.line) + ": ";
    out += subject_words(g, en) + " " + g.key;
    if (!g.value.empty()) out += " = " + g.value;
    if (!g.why.empty()) out += " (" + g.why + ")";
    out += "\n";
  }
  return out;
}

}  // namespace tiendo
