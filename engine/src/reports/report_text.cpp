// Terminal table, CSV and the text feasibility report.
#include <tiendo/report.hpp>

#include "reports/csv.hpp"

#include <algorithm>
#include <map>

#include "text/utf8.hpp"

namespace tiendo {

namespace {

struct Labels {
  const char* id;
  const char* start;
  const char* finish;
  const char* duration;
  const char* late_start;
  const char* late_finish;
  const char* total_float;
  const char* free_float;
  const char* critical;
  const char* name;
};

const Labels& labels(Lang lang) {
  static const Labels en{"step",        "start", "finish", "days", "late start",
                         "late finish", "float", "free",   "crit", "name"};
  static const Labels vi{"bước",    "bắt đầu", "kết thúc", "ngày", "BĐ muộn",
                         "KT muộn", "dự trữ",  "tự do",    "găng", "tên"};
  return lang == Lang::en ? en : vi;
}

std::string pad(const std::string& text, int width) {
  const int n = detail::utf8_length(text);
  return text + std::string(static_cast<std::size_t>(std::max(0, width - n)), ' ');
}

/// Where a step stands, in a table cell: "xong", "60%", "còn 3", "".
std::string progress_cell(const Step& step, const ScheduledStep& s, Lang lang) {
  const bool en = lang == Lang::en;
  if (s.finished) return en ? "done" : "xong";
  if (!s.in_progress) return "";
  if (step.progress.percent) return std::to_string(*step.progress.percent) + "%";
  return (en ? std::string("left ") : std::string("còn ")) + std::to_string(s.remaining);
}

std::string signed_cell(int n) {
  return (n > 0 ? "+" : "") + std::to_string(n);
}

}  // namespace

std::string schedule_table(const Analysis& a, Lang lang, const BaselineComparison* comparison) {
  const auto& l = labels(lang);
  const auto& g = *a.graph;
  const bool progress = a.schedule->status_date.has_value();
  const bool en = lang == Lang::en;
  std::map<std::string_view, const Variance*> variances;
  if (comparison != nullptr) {
    for (const auto& v : comparison->steps) variances.emplace(v.id, &v);
  }
  std::vector<std::vector<std::string>> rows;
  rows.push_back({l.id, l.start, l.finish, l.duration, l.late_start, l.late_finish, l.total_float,
                  l.free_float, l.critical});
  if (progress) rows.back().push_back(en ? "progress" : "tiến độ");
  if (comparison != nullptr) {
    rows.back().push_back(en ? "Δstart" : "lệch BĐ");
    rows.back().push_back(en ? "Δfinish" : "lệch KT");
  }
  rows.back().push_back(l.name);
  for (NodeId v = 0; v < g.size(); ++v) {
    const auto& s = a.schedule->steps[v];
    const auto& step = g.step(*a.plan, v);
    rows.push_back({step.id, format_date(s.start, lang), format_date(s.finish, lang),
                    std::to_string(s.duration), format_date(s.late_start, lang),
                    format_date(s.late_finish, lang), std::to_string(s.total_float),
                    std::to_string(s.free_float), s.critical ? "*" : ""});
    if (progress) rows.back().push_back(progress_cell(step, s, lang));
    if (comparison != nullptr) {
      const auto it = variances.find(step.id);
      rows.back().push_back(it == variances.end() ? "" : signed_cell(it->second->start_variance));
      rows.back().push_back(it == variances.end() ? "" : signed_cell(it->second->finish_variance));
    }
    rows.back().push_back(step.name);
  }
  std::vector<int> width(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      width[c] = std::max(width[c], detail::utf8_length(row[c]));
    }
  }
  std::string out = a.plan->info.id + " — " + a.plan->info.title + "\n";
  if (progress) {
    out += (en ? "status date " : "ngày báo cáo ") + format_date(*a.schedule->status_date, lang);
    if (comparison != nullptr) {
      out += (en ? ", baseline '" : ", kế hoạch gốc '") + comparison->name + "'";
    }
    out += "\n";
  } else if (comparison != nullptr) {
    out += (en ? "baseline '" : "kế hoạch gốc '") + comparison->name + "'\n";
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += c + 1 == row.size() ? row[c] : pad(row[c], width[c]) + "  ";
    }
    out += line + "\n";
  }
  std::string path;
  for (const NodeId v : a.schedule->critical_path) {
    path += (path.empty() ? "" : " → ") + g.step(*a.plan, v).id;
  }
  out += std::string(lang == Lang::en ? "critical path: " : "đường găng: ") + path + "\n";
  return out;
}

std::string schedule_csv(const Analysis& a, Lang lang, const BaselineComparison* comparison) {
  (void)lang;  // CSV headers are stable machine names in every language
  // Progress and variance columns come after the others, so a sheet that
  // reads the plain columns by position reads them the same.
  const bool progress = a.schedule->status_date.has_value();
  std::string out =
      "id,task,name,kind,start,finish,early_start,early_finish,late_start,late_finish,"
      "duration,total_float,free_float,critical,preds";
  if (progress) out += ",state,actual_start,actual_finish,percent,remaining";
  if (comparison != nullptr)
    out += ",baseline_start,baseline_finish,start_variance,finish_variance";
  out += "\r\n";
  std::map<std::string_view, const Variance*> variances;
  if (comparison != nullptr) {
    for (const auto& v : comparison->steps) variances.emplace(v.id, &v);
  }
  const auto optional_date = [](const std::optional<Date>& d) {
    return d ? format_iso(*d) : std::string();
  };
  const auto optional_int = [](const std::optional<int>& n) {
    return n ? std::to_string(*n) : std::string();
  };
  const auto& g = *a.graph;
  for (NodeId v = 0; v < g.size(); ++v) {
    const auto& s = a.schedule->steps[v];
    const auto& step = g.step(*a.plan, v);
    std::string preds;
    for (auto i = g.in_begin[v]; i < g.in_begin[v + 1]; ++i) {
      const auto& link = g.links[i];
      if (!preds.empty()) preds += ' ';
      preds += g.step(*a.plan, link.pred).id;
      if (link.type != LinkType::FS || link.lag != 0) {
        preds += ':' + std::string(to_string(link.type));
        if (link.lag > 0) preds += '+';
        if (link.lag != 0) preds += std::to_string(link.lag) + "d";
      }
    }
    std::vector<std::string> fields{step.id,
                                    a.plan->tasks[g.nodes[v].task].id,
                                    step.name,
                                    std::string(to_string(step.kind)),
                                    format_iso(s.start),
                                    format_iso(s.finish),
                                    format_iso(s.early_start),
                                    format_iso(s.early_finish),
                                    format_iso(s.late_start),
                                    format_iso(s.late_finish),
                                    std::to_string(s.duration),
                                    std::to_string(s.total_float),
                                    std::to_string(s.free_float),
                                    s.critical ? "true" : "false",
                                    preds};
    if (progress) {
      fields.push_back(s.finished ? "done" : s.in_progress ? "in_progress" : "not_started");
      fields.push_back(optional_date(step.progress.started));
      fields.push_back(optional_date(step.progress.done));
      fields.push_back(s.finished ? "100" : optional_int(step.progress.percent));
      fields.push_back(s.in_progress ? std::to_string(s.remaining) : std::string());
    }
    if (comparison != nullptr) {
      const auto it = variances.find(step.id);
      const Variance* then = it == variances.end() ? nullptr : it->second;
      fields.push_back(then ? format_iso(then->baseline_start) : std::string());
      fields.push_back(then ? format_iso(then->baseline_finish) : std::string());
      fields.push_back(then ? std::to_string(then->start_variance) : std::string());
      fields.push_back(then ? std::to_string(then->finish_variance) : std::string());
    }
    std::string line;
    for (const auto& f : fields) {
      if (!line.empty()) line += ',';
      line += detail::csv_field(f);
    }
    out += line + "\r\n";
  }
  return out;
}

std::string verdict_text(const Verdict& v, Lang lang) {
  const bool en = lang == Lang::en;
  const auto counted = [&](long n, const char* one, const char* many, const char* vi) {
    return std::to_string(n) + (en ? (n == 1 ? one : many) : vi);
  };
  std::string out;
  switch (v.kind) {
    case Verdict::Kind::feasible:
      out = en ? "feasible" : "khả thi";
      if (v.guesses > 0) {
        out += en ? " if " + counted(v.guesses, " guessed value holds", " guessed values hold", "")
                  : " nếu " + std::to_string(v.guesses) + " giá trị phỏng đoán là đúng";
      }
      break;
    case Verdict::Kind::not_feasible:
      out = en ? "NOT feasible" : "KHÔNG khả thi";
      if (v.guesses > 0) {
        out += en ? " (reckoned with " +
                        counted(v.guesses, " guessed value)", " guessed values)", "")
                  : " (tính với " + std::to_string(v.guesses) + " giá trị phỏng đoán)";
      }
      break;
    case Verdict::Kind::nothing_to_check:
      out = en ? "nothing to check against (no deadline, window, pinned meeting or event)"
               : "chưa có gì để kiểm tra (không có hạn chót, khung thời gian, kỳ họp ấn định hay "
                 "sự kiện)";
      break;
  }
  if (v.losses > 0) {
    out += en ? "; " + counted(v.losses, " thing", " things", "") +
                    " of the planner's words not read, so not checked"
              : "; " + std::to_string(v.losses) + " nội dung chưa đọc được nên chưa được kiểm tra";
  }
  out += " (" + counted(v.errors, " error", " errors", " lỗi") + ", " +
         counted(v.warnings, " warning", " warnings", " cảnh báo") + ")";
  return out;
}

std::string check_text(const Analysis& a, Lang lang) {
  const bool en = lang == Lang::en;
  const auto v = verdict_of(*a.plan, a.findings);
  std::string out = a.plan->info.id + ": " + verdict_text(v, lang) + "\n";
  if (v.guesses > 0) {
    out += en ? "The guessed values (tiendo explain --guesses lists them) are not in the "
                "planner's words: confirm each, then take it out of 'guessed'.\n"
              : "Các giá trị phỏng đoán (tiendo explain --guesses liệt kê) không có trong văn bản: "
                "hãy xác nhận từng giá trị rồi bỏ nó khỏi 'guessed'.\n";
  }
  int number = 0;
  for (const auto& f : a.findings) {
    const auto severity =
        f.severity == Severity::error ? (en ? "error" : "lỗi") : (en ? "warning" : "cảnh báo");
    out += '[' + std::to_string(++number) + "] " + severity + " [" + f.kind + "]";
    if (f.where.known())
      out += " (" + (en ? std::string("line ") : "dòng ") + std::to_string(f.where.line) + ")";
    out += ": " + f.message(en ? "en" : "vi") + "\n";
  }
  return out;
}

}  // namespace tiendo
