#pragma once
// Many plans at once: an office's folder of plans, what they share
// (workspace.yaml: committees, people, units with a capacity, the calendar),
// and the conflicts no single plan can see: one person owing too much on one
// day, a unit over its capacity, a meeting's agenda over its limit, two
// plans' events on one day. Also each committee meeting's agenda.

#include <tiendo/analysis.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/lang.hpp>

#include <optional>
#include <string>
#include <vector>

namespace tiendo {

/// A file of the folder: its name (for messages) and its text.
struct PortfolioSource {
  std::string name;
  std::string text;
};

struct PortfolioPlan {
  std::string file;
  Analysis analysis;  ///< !analysis.ok(): the plan could not be read (see its diagnostics)
};

/// A step of one of the plans.
struct PortfolioStep {
  std::string file;  ///< the plan's file
  std::string plan;  ///< the plan's id
  std::string step;  ///< the step's id
  std::string name;
  Date date{};  ///< what the finding is about: its due day, or its first day
};

struct PortfolioFinding {
  /// person-overloaded-day, person-overloaded-week, unit-overloaded-day,
  /// unit-overloaded-week, unit-over-capacity, agenda-over-limit,
  /// events-same-day; and plan findings as "plan:KIND".
  std::string kind;
  Severity severity = Severity::warning;
  std::string subject;  ///< the person, unit, committee or plan
  Date from{}, to{};    ///< the days it is about
  int count = 0, limit = 0;
  std::vector<PortfolioStep> steps;
  std::string message_en, message_vi;
  const std::string& message(Lang lang) const { return lang == Lang::en ? message_en : message_vi; }
};

/// One item on a meeting's agenda: an approval of one of the plans.
struct AgendaItem {
  PortfolioStep step;
  std::string task, owner, lead;
  Date documents_due{};  ///< the meeting less the committee's submission lead
  int total_float = 0;
  /// Working days its documents can still slip and be in by documents_due:
  /// that day less the day its inputs are forecast to be ready.
  int margin = 0;
  bool late = false;  ///< a finding says it cannot be ready, or float < 0
  /// No slack left: its documents are due the day its inputs can be ready,
  /// and missing this meeting would move what follows (it is pinned to it,
  /// or has no float). Never for an item late or already done.
  bool at_risk = false;
};

struct AgendaMeeting {
  std::string committee, committee_name;
  Date date{};
  int max_items = 0;  ///< 0: no limit
  std::vector<AgendaItem> items;
};

struct Portfolio {
  std::optional<Plan> shared;      ///< workspace.yaml, when there is one
  Diagnostics shared_diagnostics;  ///< its problems (a broken one is an error for all)
  std::vector<PortfolioPlan> plans;
  std::vector<PortfolioFinding> findings;  ///< errors first, then by date
  std::vector<AgendaMeeting> meetings;     ///< every meeting with items, by date

  int plans_read() const;
};

/// Reads and schedules every plan (each on its own calendar, with what the
/// workspace shares), then checks across them. A plan that does not read is
/// kept with its diagnostics; the rest are still checked.
/// `base`: how every plan is read (lenient, strict, the status date and
/// today); what the workspace shares is added to it.
Portfolio analyze_portfolio(const std::vector<PortfolioSource>& plans,
                            const std::optional<PortfolioSource>& workspace,
                            const ParseOptions& base = {});

/// All the plans as one, for a chart across them: each plan a group (its
/// own groups inside), ids prefixed "pN-", each task kept from its plan's
/// start; scheduled on the workspace's calendar (or the first plan's). Floats
/// are measured to the portfolio's end. `plans_only`: one row per plan, a
/// bar from its first day to its last. nullopt when no plan was read.
std::optional<Analysis> portfolio_analysis(const Portfolio& portfolio, bool plans_only = false);

std::string portfolio_text(const Portfolio& portfolio, Lang lang);
std::string portfolio_json(const Portfolio& portfolio, Lang lang);
std::string portfolio_csv(const Portfolio& portfolio, Lang lang);

/// Which meetings an agenda shows.
struct AgendaFilter {
  std::string committee;  ///< empty: every committee
  std::optional<Date> from, to;
};
std::string agenda_text(const Portfolio& portfolio, const AgendaFilter& filter, Lang lang);
std::string agenda_json(const Portfolio& portfolio, const AgendaFilter& filter, Lang lang);
std::string agenda_csv(const Portfolio& portfolio, const AgendaFilter& filter, Lang lang);

/// An item's state as the agenda says it: "TRỄ HẠN" / "LATE", "hết dự trữ" / "no
/// slack left", else "kịp, dư N ngày làm việc" / "on time, N working days spare".
std::string agenda_state(const AgendaItem& item, Lang lang);

}  // namespace tiendo
