// Findings about progress against the plan: what should have happened by the
// status date and has not, and reports that contradict the plan's logic or
// leave the forecast to an assumption. Each is a warning: the consequences
// (a deadline or an event missed) are the main checks' errors, computed on
// the forecast dates.
#include <tiendo/checks.hpp>

#include <algorithm>

namespace tiendo {

namespace {

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

class ProgressChecker {
 public:
  ProgressChecker(const Plan& plan, const DependencyGraph& graph, const Schedule& schedule,
                  const PlannedDates& planned)
      : plan_(plan), g_(graph), s_(schedule), cal_(schedule.calendar), planned_(planned) {}

  std::vector<Finding> run() {
    if (!s_.status_date) return {};
    for (NodeId v = 0; v < g_.size(); ++v) {
      behind(v);
      out_of_sequence(v);
      incomplete(v);
    }
    return std::move(out_);
  }

 private:
  const Step& step(NodeId v) const { return g_.step(plan_, v); }

  Finding& add(std::string kind, NodeId v, std::string en, std::string vi, SourceLocation where) {
    Finding f;
    f.kind = std::move(kind);
    f.severity = Severity::warning;
    f.steps = {step(v).id};
    f.message_en = std::move(en);
    f.message_vi = std::move(vi);
    f.where = where.known() ? where : step(v).where;
    out_.push_back(std::move(f));
    return out_.back();
  }

  /// Working days from `planned` to `forecast`: how far behind it runs.
  int behind_by(Date planned, Date forecast) const {
    return std::max(cal_.working_days_from(planned, forecast), 0);
  }

  /// Should have finished (or started) by the status date and has not. How
  /// late: working days from the planned day to the forecast one.
  void behind(NodeId v) {
    const auto& s = s_.steps[v];
    if (s.finished || v >= planned_.steps.size() || !planned_.steps[v]) return;
    const auto& plan = *planned_.steps[v];
    const Date status = *s_.status_date;
    const auto& id = step(v).id;
    const bool finish = plan.finish <= status;
    if (!finish && (s.in_progress || plan.start > status)) return;
    const Date due = finish ? plan.finish : plan.start;
    const Date forecast = finish ? s.finish : s.start;
    const int late = behind_by(due, forecast);
    auto& f =
        add("behind-schedule", v,
            quoted(id) + (finish ? " should have finished by " : " should have started by ") +
                format_iso(due) + " (" + planned_.source_en + ") and " +
                (finish ? "is not done; forecast finish " : "has not; forecast start ") +
                format_iso(forecast) + ", " + std::to_string(late) + " working days later",
            quoted(id) + (finish ? " lẽ ra phải xong trước " : " lẽ ra phải bắt đầu từ ") +
                format_vn(due) + " (" + planned_.source_vi + ") nhưng " +
                (finish ? "chưa xong; dự báo xong ngày " : "chưa bắt đầu; dự báo bắt đầu ngày ") +
                format_vn(forecast) + ", chậm " + std::to_string(late) + " ngày làm việc",
            step(v).progress.where);
    f.shortfall = late;
  }

  /// Started or done before what it waits for: the plan's logic and the
  /// office's report disagree (P6 calls it out of sequence).
  void out_of_sequence(NodeId v) {
    const auto& s = s_.steps[v];
    if (!s.finished && !s.in_progress) return;
    const auto& p = step(v).progress;
    if (!p.started && !p.done) return;
    const Date began = s.start;
    for (auto i = g_.in_begin[v]; i < g_.in_begin[v + 1]; ++i) {
      const auto& link = g_.links[i];
      if (link.type != LinkType::FS && link.type != LinkType::SS) continue;
      const auto& pred = s_.steps[link.pred];
      const auto& pid = step(link.pred).id;
      const bool fs = link.type == LinkType::FS;
      const bool waited = fs ? pred.finished && pred.finish < began
                             : (pred.finished || pred.in_progress) && pred.start <= began;
      if (waited) continue;
      const bool pred_started = pred.finished || pred.in_progress;
      const auto state_en = fs ? (pred.finished ? "finished on " + format_iso(pred.finish)
                                                : std::string("is not finished"))
                               : (pred_started ? "started on " + format_iso(pred.start)
                                               : std::string("has not started"));
      const auto state_vi =
          fs ? (pred.finished ? "xong ngày " + format_vn(pred.finish) : std::string("chưa xong"))
             : (pred_started ? "bắt đầu ngày " + format_vn(pred.start)
                             : std::string("chưa bắt đầu"));
      auto& f = add("actual-before-predecessor", v,
                    quoted(step(v).id) + " started on " + format_iso(began) + " before " +
                        quoted(pid) + (fs ? " finished" : " started") + " (it " + state_en +
                        "); its remaining work waits for it",
                    quoted(step(v).id) + " bắt đầu ngày " + format_vn(began) + " trước khi " +
                        quoted(pid) + (fs ? " xong" : " bắt đầu") + " (" + state_vi +
                        "); phần việc còn lại phải chờ",
                    p.started_at.known() ? p.started_at : p.done_at);
      f.steps.push_back(pid);
    }
  }

  /// A step under way whose forecast rests on an assumption: no start day,
  /// no percentage or remaining work, or 100% without the day it finished.
  void incomplete(NodeId v) {
    const auto& s = s_.steps[v];
    if (!s.in_progress) return;
    const auto& p = step(v).progress;
    const auto& id = step(v).id;
    if (!p.started) {
      add("progress-incomplete", v,
          quoted(id) + " is under way but its start day is not reported: taken as " +
              format_iso(s.start),
          quoted(id) + " đang thực hiện nhưng chưa báo ngày bắt đầu: tạm lấy ngày " +
              format_vn(s.start),
          p.where);
    }
    if (!p.percent && !p.remaining) {
      add("progress-incomplete", v,
          quoted(id) + " is under way with no percentage or remaining work reported: assumed " +
              "none of it done, forecast to finish " + format_iso(s.finish),
          quoted(id) + " đang thực hiện nhưng chưa báo tỷ lệ hoàn thành hay thời gian còn " +
              "lại: coi như chưa làm được phần nào, dự báo xong ngày " + format_vn(s.finish),
          p.where);
    }
    if (p.percent == 100 || (p.remaining && *p.remaining == 0)) {
      add("progress-inconsistent", v,
          quoted(id) + " is reported complete but without the day it was done: taken as " +
              "finishing on the status date " + format_iso(s.finish),
          quoted(id) + " báo đã xong nhưng không có ngày hoàn thành: tạm lấy ngày báo cáo " +
              format_vn(s.finish),
          p.where);
    }
  }

  const Plan& plan_;
  const DependencyGraph& g_;
  const Schedule& s_;
  const WorkCalendar& cal_;
  const PlannedDates& planned_;
  std::vector<Finding> out_;
};

}  // namespace

std::vector<Finding> check_progress(const Plan& plan, const DependencyGraph& graph,
                                    const Schedule& schedule, const PlannedDates& planned) {
  return ProgressChecker(plan, graph, schedule, planned).run();
}

}  // namespace tiendo
