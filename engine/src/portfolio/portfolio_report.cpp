// The portfolio's report and the committees' agendas as text, JSON and CSV.
#include <tiendo/portfolio.hpp>

#include "reports/csv.hpp"
#include "reports/json_writer.hpp"

namespace tiendo {

namespace {

using detail::csv_row;
using detail::JsonWriter;

const char* severity_name(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

bool shown(const AgendaMeeting& m, const AgendaFilter& f) {
  return (f.committee.empty() || f.committee == m.committee) && (!f.from || m.date >= *f.from) &&
         (!f.to || m.date <= *f.to);
}

/// The plans that could not be read, each with its first error.
std::string unread_text(const Portfolio& p, Lang lang) {
  std::string out;
  const bool en = lang == Lang::en;
  for (const auto& d : p.shared_diagnostics) {
    if (d.severity != Severity::error) continue;
    const auto line = format_diagnostic(d, "workspace.yaml", {}, lang);
    out += (en ? "cannot read " : "không đọc được ") + line.substr(0, line.find('\n')) + "\n";
    break;
  }
  for (const auto& plan : p.plans) {
    if (plan.analysis.ok()) continue;
    for (const auto& d : plan.analysis.diagnostics) {
      if (d.severity != Severity::error) continue;
      auto line = format_diagnostic(d, plan.file, {}, lang);
      out += (en ? "cannot read " : "không đọc được ") + line.substr(0, line.find('\n')) + "\n";
      break;
    }
  }
  return out;
}

}  // namespace

std::string portfolio_text(const Portfolio& p, Lang lang) {
  const bool en = lang == Lang::en;
  int errors = 0, warnings = 0;
  for (const auto& f : p.findings) (f.severity == Severity::error ? errors : warnings)++;
  std::string out = en ? "Portfolio: " : "Danh mục kế hoạch: ";
  out += std::to_string(p.plans_read()) + "/" + std::to_string(p.plans.size()) +
         (en ? " plans read; " : " kế hoạch đọc được; ") + std::to_string(errors) +
         (en ? (errors == 1 ? " error, " : " errors, ") : " lỗi, ") + std::to_string(warnings) +
         (en ? (warnings == 1 ? " warning\n" : " warnings\n") : " cảnh báo\n");
  out += unread_text(p, lang);
  for (const auto& plan : p.plans) {
    if (!plan.analysis.ok()) continue;
    const auto& a = plan.analysis;
    int e = 0;
    for (const auto& f : a.findings) e += f.severity == Severity::error;
    out += "  " + plan.file + "  " + a.plan->info.id + "  " + format_date(a.schedule->start, lang) +
           " – " + format_date(a.schedule->finish, lang) + "  " +
           (e == 0 ? (en ? "feasible" : "khả thi") : (en ? "NOT feasible" : "KHÔNG khả thi")) +
           "\n";
  }
  int n = 0;
  for (const auto& f : p.findings) {
    out += "[" + std::to_string(++n) + "] " + severity_name(f.severity) + " [" + f.kind + "] " +
           f.message(lang) + "\n";
  }
  return out;
}

std::string portfolio_json(const Portfolio& p, Lang lang) {
  JsonWriter w;
  w.begin_object().member("format", "tiendo-portfolio-1");
  w.key("plans").begin_array();
  for (const auto& plan : p.plans) {
    w.begin_object().member("file", plan.file).member("read", plan.analysis.ok());
    if (plan.analysis.ok()) {
      const auto& a = plan.analysis;
      int e = 0;
      for (const auto& f : a.findings) e += f.severity == Severity::error;
      w.member("id", a.plan->info.id)
          .member("title", a.plan->info.title)
          .member("start", format_iso(a.schedule->start))
          .member("finish", format_iso(a.schedule->finish))
          .member("feasible", e == 0);
    } else {
      for (const auto& d : plan.analysis.diagnostics) {
        if (d.severity != Severity::error) continue;
        w.member("error", d.message).member("line", d.where.line).member("column", d.where.column);
        break;
      }
    }
    w.end_object();
  }
  w.end_array();
  w.key("findings").begin_array();
  int n = 0;
  for (const auto& f : p.findings) {
    w.begin_object()
        .member("number", ++n)
        .member("kind", f.kind)
        .member("severity", severity_name(f.severity))
        .member("subject", f.subject)
        .member("from", format_iso(f.from))
        .member("to", format_iso(f.to))
        .member("count", f.count)
        .member("limit", f.limit);
    w.key("steps").begin_array();
    for (const auto& s : f.steps) {
      w.begin_object()
          .member("file", s.file)
          .member("plan", s.plan)
          .member("step", s.step)
          .member("name", s.name)
          .end_object();
    }
    w.end_array().member("message", f.message(lang)).end_object();
  }
  w.end_array().end_object();
  return w.finish();
}

std::string portfolio_csv(const Portfolio& p, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out =
      csv_row(en ? std::vector<std::string>{"number", "severity", "kind", "subject", "from", "to",
                                            "count", "limit", "steps", "message"}
                 : std::vector<std::string>{"stt", "mức độ", "loại", "đối tượng", "từ", "đến",
                                            "số việc", "giới hạn", "các bước", "nội dung"});
  int n = 0;
  for (const auto& f : p.findings) {
    std::string steps;
    for (const auto& s : f.steps) steps += (steps.empty() ? "" : " ") + s.plan + ":" + s.step;
    out += csv_row({std::to_string(++n), severity_name(f.severity), f.kind, f.subject,
                    format_iso(f.from), format_iso(f.to), std::to_string(f.count),
                    std::to_string(f.limit), steps, f.message(lang)});
  }
  return out;
}

std::string agenda_state(const AgendaItem& item, Lang lang) {
  const bool en = lang == Lang::en;
  if (item.late) return en ? "LATE" : "TRỄ HẠN";
  if (item.at_risk) return en ? "no slack left" : "hết dự trữ";
  if (item.margin <= 0) return en ? "on time" : "kịp";
  const auto n = std::to_string(item.margin);
  return en ? "on time, " + n + (item.margin == 1 ? " working day" : " working days") + " spare"
            : "kịp, dư " + n + " ngày làm việc";
}

std::string agenda_text(const Portfolio& p, const AgendaFilter& filter, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out;
  for (const auto& m : p.meetings) {
    if (!shown(m, filter)) continue;
    out += (en ? "Meeting of " : "Kỳ họp ") + m.committee +
           (m.committee_name.empty() ? "" : " (" + m.committee_name + ")") +
           (en ? " on " : " ngày ") + format_date(m.date, lang) + ": " +
           std::to_string(m.items.size()) + (en ? " items" : " nội dung") +
           (m.max_items > 0 ? (en ? " of at most " : ", tối đa ") + std::to_string(m.max_items)
                            : std::string()) +
           (m.max_items > 0 && static_cast<int>(m.items.size()) > m.max_items
                ? (en ? " — OVER THE LIMIT" : " — QUÁ TẢI")
                : "") +
           "\n";
    int n = 0;
    for (const auto& item : m.items) {
      const auto state = agenda_state(item, lang);
      out += "  " + std::to_string(++n) + ". " + item.step.plan + " · " + item.task + " · " +
             item.step.name + (item.owner.empty() ? "" : " · " + item.owner) +
             (item.lead.empty() ? "" : " · " + item.lead) + "\n     " +
             (en ? "documents due " : "hồ sơ gửi trước ") + format_date(item.documents_due, lang) +
             "; " + state + "\n";
    }
  }
  if (out.empty())
    out = en ? "no meeting with items to approve\n" : "không có kỳ họp nào có nội dung trình\n";
  return out;
}

std::string agenda_json(const Portfolio& p, const AgendaFilter& filter, Lang) {
  JsonWriter w;
  w.begin_object().member("format", "tiendo-agenda-1");
  w.key("meetings").begin_array();
  for (const auto& m : p.meetings) {
    if (!shown(m, filter)) continue;
    w.begin_object()
        .member("committee", m.committee)
        .member("committee_name", m.committee_name)
        .member("date", format_iso(m.date))
        .member("max_items", m.max_items)
        .member("over_limit", m.max_items > 0 && static_cast<int>(m.items.size()) > m.max_items);
    w.key("items").begin_array();
    for (const auto& item : m.items) {
      w.begin_object()
          .member("file", item.step.file)
          .member("plan", item.step.plan)
          .member("task", item.task)
          .member("step", item.step.step)
          .member("name", item.step.name)
          .member("owner", item.owner)
          .member("lead", item.lead)
          .member("documents_due", format_iso(item.documents_due))
          .member("total_float", item.total_float)
          .member("margin", item.margin)
          .member("late", item.late)
          .member("at_risk", item.at_risk)
          .end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.finish();
}

std::string agenda_csv(const Portfolio& p, const AgendaFilter& filter, Lang lang) {
  const bool en = lang == Lang::en;
  std::string out = csv_row(
      en ? std::vector<std::string>{"committee", "meeting", "item", "plan", "task", "step", "owner",
                                    "lead", "documents due", "total float", "margin", "state"}
         : std::vector<std::string>{"cơ quan", "kỳ họp", "stt", "kế hoạch", "nhiệm vụ", "bước",
                                    "người phụ trách", "đơn vị chủ trì", "hạn gửi hồ sơ", "dự trữ",
                                    "ngày dư gửi hồ sơ", "tình trạng"});
  for (const auto& m : p.meetings) {
    if (!shown(m, filter)) continue;
    int n = 0;
    for (const auto& item : m.items) {
      out +=
          csv_row({m.committee, format_iso(m.date), std::to_string(++n), item.step.plan, item.task,
                   item.step.name, item.owner, item.lead, format_iso(item.documents_due),
                   std::to_string(item.total_float), std::to_string(item.margin),
                   item.late      ? "late"
                   : item.at_risk ? "no slack"
                                  : "on time"});
    }
  }
  return out;
}

}  // namespace tiendo
