// Reads a YAML plan into the model. libyaml parses (yaml_tree.hpp); this file
// checks keys and values and turns them into Plan values, collecting every
// error with its position (docs/plan-format.md is the grammar in prose).
#include <tiendo/meetings.hpp>
#include <tiendo/parse.hpp>
#include <tiendo/phrase.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include <tiendo/suggest.hpp>
#include "plan/estimate_reader.hpp"
#include "plan/guess_reader.hpp"
#include "plan/progress_reader.hpp"
#include "plan/value_reader.hpp"
#include "plan/yaml_tree.hpp"
#include "text/utf8.hpp"

namespace tiendo {

namespace {

namespace YAML = detail::yaml;
using detail::dated;
using detail::iso_hint;
using detail::key_named;
using detail::Keys;
using detail::kMaxErrors;
using detail::Reader;
using detail::thing;

// ---------------------------------------------------------------------------

class PlanReader {
 public:
  PlanReader(std::string_view source, const ParseOptions& options)
      : r_(source), options_(options) {}

  ParseResult read(const YAML::Document& document) {
    ParseResult result;
    const auto& root = document.root;
    for (const auto& duplicate : document.duplicate_keys) {
      r_.error(r_.at(duplicate.second, detail::utf8_length(duplicate.key)), "duplicate-key",
               {{"key", duplicate.key}}, say("hint:keep-one-key"),
               {detail::note(r_.at(duplicate.first, detail::utf8_length(duplicate.key)),
                             "note:first-written", {{"key", duplicate.key}})});
    }
    if (!root) {
      r_.error({1, 1, 1}, "empty-plan", {}, say("hint:plan-starts"));
      result.lang = plan_.info.lang;
      result.diagnostics = r_.take_diagnostics();
      return result;
    }
    if (!root.IsMap()) {
      r_.error(r_.at(root), "expected-map:plan-file");
      result.lang = plan_.info.lang;
      result.diagnostics = r_.take_diagnostics();
      return result;
    }
    if (options_.workspace) {
      r_.check_keys(root, {"workspace", "calendar", "committees", "people", "units"},
                    thing("workspace-file"));
      read_workspace_info(root["workspace"], root);
      read_calendar(root["calendar"]);
      read_committees(root["committees"]);
      read_people(root["people"]);
      read_units(root["units"]);
      if (!r_.failed()) result.plan = std::move(plan_);
      result.lang = plan_.info.lang;
      result.diagnostics = r_.take_diagnostics();
      return result;
    }
    r_.check_keys(
        root, {"plan", "calendar", "events", "committees", "people", "units", "groups", "tasks"},
        thing("plan-file"));
    read_info(root["plan"], root);
    if (options_.shared != nullptr && !root["calendar"]) {
      plan_.calendar = options_.shared->calendar;  // the workspace's, unless its own
    } else {
      read_calendar(root["calendar"]);
    }
    read_events(root["events"]);
    read_committees(root["committees"]);
    read_people(root["people"]);
    read_units(root["units"]);
    if (options_.shared != nullptr) take_shared(*options_.shared);
    read_groups(root["groups"]);
    read_tasks(root["tasks"], root);
    detail::settle_status_date(r_, plan_, options_);
    result.lang = plan_.info.lang;
    if (!r_.failed()) result.plan = std::move(plan_);
    result.diagnostics = r_.take_diagnostics();
    return result;
  }

 private:
  // --- plan metadata --------------------------------------------------------

  void read_info(const YAML::Node& node, const YAML::Node& root) {
    if (!node) {
      r_.error(r_.at(root), "missing-key:plan");
      return;
    }
    if (!r_.expect_map(node, key_named("plan"))) return;
    r_.check_keys(node,
                  {"id", "title", "issuer", "issued", "lang", "start", "before", "status_date",
                   "guessed", "not_read"},
                  key_named("plan"));
    auto& info = plan_.info;
    info.id = r_.text(node, "id", true, key_named("plan"));
    info.title = r_.text(node, "title", false, key_named("plan"));
    info.issuer = r_.text(node, "issuer", false, key_named("plan"));
    detail::read_guessed(r_, node, "plan", info.id, plan_.guesses);
    detail::read_not_read(r_, node, {}, plan_.losses);
    if (const auto issued = node["issued"])
      info.issued = r_.date_value(issued, key_named("issued"));
    if (const auto lang = node["lang"]) {
      const auto value = r_.scalar(lang, key_named("lang")).value_or("vi");
      if (value != "vi" && value != "en") {
        r_.error(r_.at(lang), "invalid-value:lang", {{"value", value}},
                 did_you_mean_in_both(value, {"vi", "en"}));
      } else {
        info.lang = value;
      }
    }
    if (const auto start = node["start"]) {
      if (const auto d = r_.date_value(start, key_named("start"))) info.start = *d;
    } else {
      r_.error(r_.at(node), "missing-key:start", {}, say("hint:add-start"));
    }
    if (const auto status = node["status_date"]) {
      info.status_date = detail::read_status_date(r_, status, phrase_context());
    }
    if (const auto before = node["before"]) {
      const auto value = r_.scalar(before, key_named("before")).value_or("");
      const Keys choices{"day_before", "same_day"};
      if (value == "day_before") {
        info.before = BeforeMeans::day_before;
      } else if (value == "same_day") {
        info.before = BeforeMeans::same_day;
      } else {
        r_.error(r_.at(before), "invalid-value:before", {{"value", value}},
                 did_you_mean_in_both(value, choices));
      }
    }
  }

  /// `workspace: {name, start, due_per_day, due_per_week}`: the start bounds
  /// its committees' meeting rules, as a plan's start does.
  void read_workspace_info(const YAML::Node& node, const YAML::Node& root) {
    if (!node) {
      r_.error(r_.at(root), "missing-key:workspace");
      return;
    }
    if (!r_.expect_map(node, key_named("workspace"))) return;
    r_.check_keys(node, {"name", "start", "due_per_day", "due_per_week"}, key_named("workspace"));
    plan_.info.id = "workspace";
    plan_.info.title = r_.text(node, "name", false, key_named("workspace"));
    if (const auto start = node["start"]) {
      if (const auto d = r_.date_value(start, key_named("start"))) plan_.info.start = *d;
    } else {
      r_.error(r_.at(node), "missing-key:workspace-start");
    }
    for (const auto& [key, limit] : {std::pair{"due_per_day", &plan_.info.limits.due_per_day},
                                     std::pair{"due_per_week", &plan_.info.limits.due_per_week}}) {
      if (const auto n = node[key]) *limit = count_value(n, key, 1);
    }
  }

  /// A whole number at least `least`, or an error (the value kept unchanged).
  int count_value(const YAML::Node& node, const std::string& what, int least) {
    const auto value = r_.scalar(node, key_named(what)).value_or("");
    int n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || end != value.data() + value.size() || n < least || n > 100000) {
      r_.error(r_.at(node), "invalid-value:count",
               {{"key", what}, {"least", std::to_string(least)}, {"value", value}});
      return least;
    }
    return n;
  }

  /// The workspace's committees, people and units the plan does not declare
  /// itself; a committee it declares otherwise is an error naming both.
  void take_shared(const Plan& shared) {
    for (const auto& c : shared.committees) {
      const auto mine = std::find_if(plan_.committees.begin(), plan_.committees.end(),
                                     [&](const Committee& x) { return x.id == c.id; });
      if (mine == plan_.committees.end()) {
        plan_.committees.push_back(c);
        plan_.committees.back().where = {};
        continue;
      }
      if (mine->meetings != c.meetings || mine->submit_lead != c.submit_lead) {
        r_.error(mine->where, "shared-committee-differs",
                 {{"committee", c.id},
                  {"file", shared.info.file},
                  {"line", std::to_string(c.where.line)}},
                 say("hint:shared-committee"));
      } else if (mine->max_items == 0) {
        mine->max_items = c.max_items;
      }
    }
    for (const auto& p : shared.people) {
      if (people_ids_.count(p.id) == 0) plan_.people.push_back(p);
    }
    for (const auto& u : shared.units) {
      if (unit_ids_.count(u.id) == 0) plan_.units.push_back(u);
    }
  }

  // --- calendar ---------------------------------------------------------------

  void read_calendar(const YAML::Node& node) {
    if (!node) return;  // the default: Saturday and Sunday off, no holidays
    if (!r_.expect_map(node, key_named("calendar"))) return;
    r_.check_keys(
        node,
        {"days_off", "holidays", "extra_days_off", "working_days", "base", "events_on_days_off"},
        key_named("calendar"));
    if (const auto events = node["events_on_days_off"]) {
      const auto v = r_.scalar(events, key_named("events_on_days_off")).value_or("");
      if (v == "warn" || v == "allow") {
        plan_.info.warn_events_on_days_off = v == "warn";
      } else {
        r_.error(r_.at(events), "invalid-value:events-on-days-off", {{"value", v}},
                 did_you_mean_in_both(v, {"allow", "warn"}));
      }
    }
    auto& cal = plan_.calendar;
    if (const auto days = node["days_off"]) {
      cal.days_off.clear();
      if (r_.expect_sequence(days, key_named("days_off"))) {
        for (const auto& day : days) read_weekday(day);
      }
    }
    if (const auto holidays = node["holidays"]) read_holidays(holidays);
    cal.extra_days_off = r_.date_list(node["extra_days_off"], key_named("extra_days_off"));
    cal.working_days = r_.date_list(node["working_days"], key_named("working_days"));
    if (const auto days = node["days_off"]; days && cal.working_days.empty()) {
      std::set<unsigned> weekdays;
      for (const auto wd : cal.days_off) weekdays.insert(wd.c_encoding());
      if (weekdays.size() == 7) {
        r_.error(r_.at(days), "no-working-day", {}, say("hint:weekly-days-off"));
      }
    }
    if (const auto base = node["base"]) read_builtin(base);
  }

  /// `holidays: vn`, or a list of dates that may name a built-in calendar.
  void read_holidays(const YAML::Node& node) {
    if (node.IsScalar() && !parse_iso_date(node.Scalar())) {
      read_builtin(node);
      return;
    }
    if (!r_.expect_sequence(node, key_named("holidays"))) return;
    for (const auto& item : node) {
      const bool name = item.IsScalar() && !item.Scalar().empty() &&
                        !std::isdigit(static_cast<unsigned char>(item.Scalar()[0]));
      if (name) {
        read_builtin(item);
      } else if (const auto d = r_.date_value(item, key_named("holidays"))) {
        plan_.calendar.holidays.push_back(*d);
      }
    }
  }

  void read_builtin(const YAML::Node& node) {
    const auto value = r_.scalar(node, thing("builtin-calendar")).value_or("");
    if (value == "vn") {
      plan_.calendar.builtin = value;
    } else {
      r_.error(r_.at(node), "unknown-calendar", {{"value", value}}, say("hint:builtin-calendar"));
    }
  }

  void read_weekday(const YAML::Node& node) {
    if (const auto wd = weekday_value(node, thing("day-off")))
      plan_.calendar.days_off.push_back(*wd);
  }

  /// A day of the week as written in `days_off` or a meeting rule: 'thu' or
  /// 'thursday', in any case. One reading for both, with a suggestion.
  std::optional<Weekday> weekday_value(const YAML::Node& node, const Message& what) {
    static const Keys names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    static const Keys full{"monday", "tuesday",  "wednesday", "thursday",
                           "friday", "saturday", "sunday"};
    const auto value = r_.scalar(node, what).value_or("");
    std::string lower;
    for (const char c : value) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    auto it = std::find(names.begin(), names.end(), lower);
    if (it == names.end()) {
      const auto f = std::find(full.begin(), full.end(), lower);
      it = f == full.end() ? names.end() : names.begin() + (f - full.begin());
    }
    if (it == names.end()) {
      // 'thurs' is too far from 'thursday' for an edit distance, yet plain.
      auto suggestion = did_you_mean_in_both(lower, full);
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (lower.size() > 3 && lower.rfind(names[i], 0) == 0) {
          suggestion = say("hint:did-you-mean", {{"word", full[i]}});
        }
      }
      r_.error(r_.at(node), "invalid-weekday", {{"value", value}}, suggestion);
      return std::nullopt;
    }
    // date::weekday counts Sunday as 0.
    return Weekday{static_cast<unsigned>((it - names.begin() + 1) % 7)};
  }

  // --- events, committees, people, units ---------------------------------------

  void read_events(const YAML::Node& node) {
    if (!node) return;
    if (!r_.expect_sequence(node, key_named("events"))) return;
    for (const auto& item : node) {
      if (!r_.expect_map(item, thing("event"))) continue;
      r_.check_keys(item, {"id", "name", "date", "until", "aliases", "guessed"}, thing("event"));
      Event event;
      event.where = r_.at(item["id"] ? item["id"] : YAML::Node(item));
      event.id = r_.id(item, "id", thing("event"));
      event.name = r_.text(item, "name", false, thing("event"));
      detail::read_guessed(r_, item, "event", event.id, plan_.guesses);
      if (const auto d = item["date"]) {
        if (const auto value = r_.date_value(d, thing("event-date"))) event.date = *value;
      } else {
        r_.error(r_.at(item), "missing-key", {{"what", thing("event")}, {"key", "date"}});
      }
      if (const auto until = item["until"]) {
        event.until = r_.date_value(until, thing("event-until"));
        if (event.until && *event.until < event.date) {
          r_.error(
              r_.at(until), "invalid-event",
              {{"event", event.id}, {"until", dated(*event.until)}, {"date", dated(event.date)}},
              say("hint:event-until"));
        }
      }
      if (const auto aliases = item["aliases"]) {
        if (r_.expect_sequence(aliases, key_named("aliases"))) {
          for (const auto& alias : aliases) {
            if (const auto a = r_.scalar(alias, thing("alias"))) event.aliases.push_back(*a);
          }
        }
      }
      if (!event.id.empty()) declare(event.id, event.where, thing("kind-event"));
      plan_.events.push_back(std::move(event));
    }
  }

  void read_committees(const YAML::Node& node) {
    if (!node) return;
    if (!r_.expect_map(node, key_named("committees"))) return;
    for (const auto& entry : node) {
      Committee committee;
      committee.id = entry.first.Scalar();
      committee.where = r_.at(entry.first);
      const auto& body = entry.second;
      if (!r_.expect_map(body, say("what:committee-named", {{"id", committee.id}}))) continue;
      r_.check_keys(body,
                    {"name", "aliases", "meetings", "submit_lead", "max_items", "rule",
                     "on_day_off", "from", "until", "moved", "cancelled", "guessed"},
                    thing("committee"));
      committee.name = r_.text(body, "name", false, thing("committee"));
      detail::read_guessed(r_, body, "committee", committee.id, plan_.guesses);
      if (const auto aliases = body["aliases"]) {
        if (r_.expect_sequence(aliases, key_named("aliases"))) {
          for (const auto& alias : aliases) {
            if (const auto a = r_.scalar(alias, thing("alias"))) committee.aliases.push_back(*a);
          }
        }
      }
      committee.meetings = r_.date_list(body["meetings"], key_named("meetings"));
      if (const auto rule = body["rule"]) read_meeting_rule(rule, body, committee);
      read_meeting_exceptions(body, committee);
      std::sort(committee.meetings.begin(), committee.meetings.end());
      committee.meetings.erase(std::unique(committee.meetings.begin(), committee.meetings.end()),
                               committee.meetings.end());
      if (const auto lead = body["submit_lead"]) {
        const auto value = r_.scalar(lead, key_named("submit_lead")).value_or("");
        const auto days = parse_lag(value);
        if (!days || *days < 0) {
          r_.error(r_.at(lead), "invalid-duration:submit-lead", {{"value", value}});
        } else {
          committee.submit_lead = *days;
        }
      }
      if (const auto max = body["max_items"])
        committee.max_items = count_value(max, "max_items", 1);
      plan_.committees.push_back(std::move(committee));
    }
  }

  /// `rule: {every: month, weekday: thu, nth: last}` or `{every: month, day:
  /// 25, if_off: next}`, over `from`..`until` (default: the plan's start
  /// month and two years on).
  void read_meeting_rule(const YAML::Node& node, const YAML::Node& body, Committee& committee) {
    if (!r_.expect_map(node, key_named("rule"))) return;
    r_.check_keys(node, {"every", "weekday", "nth", "day", "on_day_off", "if_off", "months"},
                  thing("meeting-rule"));
    MeetingRule rule;
    if (const auto every = node["every"]) {
      const auto v = r_.scalar(every, key_named("every")).value_or("");
      if (v == "month") {
        rule.every = MeetingRule::Every::month;
      } else if (v == "quarter") {
        rule.every = MeetingRule::Every::quarter;
      } else {
        r_.error(r_.at(every), "invalid-value:every", {{"value", v}},
                 did_you_mean_in_both(v, {"month", "quarter"}));
        return;
      }
    }
    if (const auto wd = node["weekday"]) {
      const auto weekday = weekday_value(wd, key_named("weekday"));
      if (!weekday) return;
      rule.weekday = *weekday;
      if (const auto nth = node["nth"]) {
        const auto v2 = r_.scalar(nth, key_named("nth")).value_or("");
        if (v2 == "last") {
          rule.nth = -1;
        } else if (v2 == "1" || v2 == "2" || v2 == "3" || v2 == "4") {
          rule.nth = std::stoi(v2);
        } else {
          r_.error(r_.at(nth), "invalid-value:nth", {{"value", v2}});
        }
      }
    } else if (const auto day = node["day"]) {
      const auto v = r_.scalar(day, key_named("day")).value_or("");
      int n = 0;
      if (std::sscanf(v.c_str(), "%d", &n) != 1 || n < 1 || n > 31) {
        r_.error(r_.at(day), "invalid-value:day", {{"value", v}});
        return;
      }
      rule.day = n;
    } else {
      r_.error(r_.at(node), "missing-key:rule", {}, say("hint:meeting-rule"));
      return;
    }
    // What a meeting that falls on a day off does: the committee's
    // `on_day_off`, or the rule's own (`if_off` is its older name).
    for (const auto& off : {body["on_day_off"], node["on_day_off"], node["if_off"]}) {
      if (!off) continue;
      static const Keys choices{"next", "previous", "skip", "keep"};
      const auto v = r_.scalar(off, key_named("on_day_off")).value_or("");
      const auto it = std::find(choices.begin(), choices.end(), v);
      if (it == choices.end()) {
        r_.error(r_.at(off), "invalid-value:on-day-off", {{"value", v}},
                 did_you_mean_in_both(v, choices));
      } else {
        rule.if_off = static_cast<MeetingRule::IfOff>(it - choices.begin());
      }
    }
    if (const auto months = node["months"]) {
      rule.months.clear();
      if (r_.expect_sequence(months, key_named("months"))) {
        for (const auto& m : months) {
          const auto v = r_.scalar(m, thing("month")).value_or("0");
          rule.months.push_back(static_cast<unsigned>(std::atoi(v.c_str())));
        }
      }
    }
    const date::year_month_day start{plan_.info.start};
    Date from{start.year() / start.month() / 1};
    Date until{(start.year() + date::years{2}) / start.month() / 1};
    if (const auto f = body["from"]) from = r_.date_value(f, key_named("from")).value_or(from);
    if (const auto u = body["until"]) until = r_.date_value(u, key_named("until")).value_or(until);
    if (until < from) {
      r_.error(r_.at(body["until"] ? body["until"] : body["from"]), "invalid-value:rule-span",
               {{"from", dated(from)}, {"until", dated(until)}}, say("hint:rule-span"));
      return;
    }
    const WorkCalendar calendar(plan_.calendar, from - date::days{31}, until + date::days{62});
    const auto by_rule = meetings_from_rule(rule, from, until, calendar);
    committee.meetings.insert(committee.meetings.end(), by_rule.days.begin(), by_rule.days.end());
    for (const auto& m : by_rule.moved) {
      committee.moved_by_days_off.push_back({m.from, m.to, m.reason});
    }
  }

  /// `moved: {2024-07-25: 2024-07-30}` and `cancelled: [2024-08-29]`.
  void read_meeting_exceptions(const YAML::Node& body, Committee& committee) {
    const auto drop = [&](Date d, const YAML::Node& at) {
      const auto it = std::find(committee.meetings.begin(), committee.meetings.end(), d);
      if (it == committee.meetings.end()) {
        r_.error(r_.at(at), "unknown-meeting", {{"committee", committee.id}, {"date", dated(d)}},
                 meeting_list(committee));
        return false;
      }
      committee.meetings.erase(it);
      return true;
    };
    if (const auto cancelled = body["cancelled"]) {
      for (const auto d : r_.date_list(cancelled, key_named("cancelled"))) drop(d, cancelled);
    }
    if (const auto moved = body["moved"]) {
      if (!r_.expect_map(moved, key_named("moved"))) return;
      for (const auto& entry : moved) {
        const auto old_day = r_.date_value(entry.first, thing("moved-meeting"));
        const auto new_day = r_.date_value(entry.second, thing("new-date"));
        if (old_day && new_day && drop(*old_day, entry.first))
          committee.meetings.push_back(*new_day);
      }
    }
  }

  void read_people(const YAML::Node& node) {
    if (!node) return;
    if (!r_.expect_sequence(node, key_named("people"))) return;
    for (const auto& item : node) {
      if (!r_.expect_map(item, thing("person"))) continue;
      r_.check_keys(item, {"id", "name", "title", "unit"}, thing("person"));
      Person person;
      person.id = r_.id(item, "id", thing("person"));
      if (!person.id.empty())
        declare_in(people_ids_, person.id, r_.at(item["id"]), thing("kind-person"));
      person.name = r_.text(item, "name", true, thing("person"));
      person.title = r_.text(item, "title", false, thing("person"));
      person.unit = r_.text(item, "unit", false, thing("person"));
      plan_.people.push_back(std::move(person));
    }
  }

  void read_units(const YAML::Node& node) {
    if (!node) return;
    if (!r_.expect_sequence(node, key_named("units"))) return;
    for (const auto& item : node) {
      if (!r_.expect_map(item, thing("unit"))) continue;
      r_.check_keys(item, {"id", "name", "capacity"}, thing("unit"));
      Unit unit;
      unit.id = r_.id(item, "id", thing("unit"));
      if (!unit.id.empty()) declare_in(unit_ids_, unit.id, r_.at(item["id"]), thing("kind-unit"));
      unit.name = r_.text(item, "name", true, thing("unit"));
      if (const auto cap = item["capacity"]) unit.capacity = count_value(cap, "capacity", 1);
      plan_.units.push_back(std::move(unit));
    }
  }

  // --- groups -------------------------------------------------------------------

  /// `groups: [{id: I, name: "Công tác tuyên truyền"}, {id: I1, name: …, parent: I}]`.
  void read_groups(const YAML::Node& node) {
    if (!node) return;
    if (!r_.expect_sequence(node, key_named("groups"))) return;
    std::map<std::string, SourceLocation> ids;
    for (const auto& item : node) {
      if (!r_.expect_map(item, thing("group"))) continue;
      r_.check_keys(item, {"id", "name", "parent"}, thing("group"));
      TaskGroup group;
      group.where = r_.at(item["id"] ? item["id"] : YAML::Node(item));
      group.id = r_.id(item, "id", thing("group"));
      group.name = r_.text(item, "name", true, thing("group"));
      group.parent = r_.text(item, "parent", false, thing("group"));
      if (!group.parent.empty() && !ids.count(group.parent)) {
        // Parents come first: that keeps the groups a tree, in reading order.
        r_.error(r_.at(item["parent"]), "unknown-group:parent", {{"group", group.parent}},
                 did_you_mean_in_both(group.parent, keys_of(ids)));
      }
      if (!group.id.empty()) declare_in(ids, group.id, group.where, thing("kind-group"));
      plan_.groups.push_back(std::move(group));
    }
  }

  static Keys keys_of(const std::map<std::string, SourceLocation>& ids) {
    Keys keys;
    for (const auto& [id, where] : ids) keys.push_back(id);
    return keys;
  }

  // --- tasks and steps ----------------------------------------------------------

  void read_tasks(const YAML::Node& node, const YAML::Node& root) {
    if (!node) {
      r_.error(r_.at(root), "missing-key:tasks");
      return;
    }
    if (!r_.expect_sequence(node, key_named("tasks"))) return;
    plan_.tasks.reserve(node.size());
    for (const auto& item : node) read_task(item);
  }

  /// `keys` and the constraint keys: the keys a task or step may have. Built
  /// once, not per item: a large plan has a hundred thousand steps.
  static Keys with_constraint_keys(Keys keys) {
    for (const char* k : {"due", "not_before", "start_on", "finish_on", "start_by",
                          "finish_not_before", "window", "at", "when"}) {
      keys.emplace_back(k);
    }
    return keys;
  }

  /// A step's keys: its own, the constraint keys and the progress keys.
  static Keys step_keys_with(Keys keys) {
    keys = with_constraint_keys(std::move(keys));
    keys.insert(keys.end(), detail::kProgressKeys.begin(), detail::kProgressKeys.end());
    keys.insert(keys.end(), detail::kEstimateKeys.begin(), detail::kEstimateKeys.end());
    return keys;
  }

  void read_task(const YAML::Node& item) {
    if (!r_.expect_map(item, thing("task"))) return;
    const auto steps_node = item["steps"];
    static const Keys task_keys =
        with_constraint_keys({"id", "name", "group", "owner", "lead", "assist", "after", "steps",
                              "note", "guessed", "not_read"});
    // A task without steps is one step itself, so it takes a step's keys too.
    static const Keys one_step_task_keys =
        step_keys_with({"id", "name", "group", "owner", "lead", "assist", "after", "steps", "note",
                        "kind", "duration", "chain", "guessed", "not_read"});
    r_.check_keys(item, steps_node ? task_keys : one_step_task_keys, thing("task"));

    Task task;
    task.where = r_.at(item["id"] ? item["id"] : YAML::Node(item));
    task.id = r_.id(item, "id", thing("task"));
    reading_task_ = task.id;
    task.name = r_.text(item, "name", true, thing("task"));
    task.owner = person_name(r_.text(item, "owner", false, thing("task")));
    task.lead = unit_name(r_.text(item, "lead", false, thing("task")));
    task.note = r_.text(item, "note", false, thing("task"));
    // A task without steps is its own step: its guesses are the step's.
    detail::read_guessed(r_, item, steps_node ? "task" : "step", task.id, plan_.guesses);
    detail::read_not_read(r_, item, task.id, plan_.losses);
    if (const auto group = item["group"]) {
      task.group = r_.scalar(group, key_named("group")).value_or("");
      const bool known = std::any_of(plan_.groups.begin(), plan_.groups.end(),
                                     [&](const TaskGroup& g) { return g.id == task.group; });
      if (!known) {
        Keys ids;
        for (const auto& g : plan_.groups) ids.push_back(g.id);
        r_.error(r_.at(group), "unknown-group", {{"group", task.group}},
                 ids.empty() ? say("hint:declare-group") : did_you_mean_in_both(task.group, ids));
      }
    }
    if (const auto assist = item["assist"]) {
      if (assist.IsScalar()) {
        task.assist.push_back(unit_name(assist.Scalar()));
      } else if (r_.expect_sequence(assist, key_named("assist"))) {
        for (const auto& unit : assist) {
          if (const auto u = r_.scalar(unit, thing("unit"))) task.assist.push_back(unit_name(*u));
        }
      }
    }
    if (!task.id.empty()) declare(task.id, task.where, thing("kind-task"));

    if (!steps_node) {
      // The task is its own single step: its links and constraints are the step's.
      Step step;
      step.id = task.id;
      step.local_id = task.id;
      step.name = task.name;
      step.where = task.where;
      read_step_body(item, step);
      task.steps.push_back(std::move(step));
    } else {
      task.after = read_links(item["after"]);
      task.constraints = read_constraints(item, nullptr);
      if (r_.expect_sequence(steps_node, key_named("steps"))) {
        if (steps_node.size() == 0) {
          r_.error(r_.at(steps_node), "empty-steps", {{"task", task.id}}, say("hint:remove-steps"));
        }
        std::set<std::string> local_ids;
        task.steps.reserve(steps_node.size());  // no growth slack: plans can be large
        for (const auto& step_node : steps_node) {
          auto step = read_step(step_node, task.id);
          if (!step) continue;
          if (!local_ids.insert(step->local_id).second) {
            r_.error(step->where, "duplicate-id:step", {{"task", task.id}, {"id", step->local_id}});
          }
          task.steps.push_back(std::move(*step));
        }
      }
    }
    plan_.tasks.push_back(std::move(task));
  }

  std::optional<Step> read_step(const YAML::Node& item, const std::string& task_id) {
    if (!r_.expect_map(item, thing("step"))) return std::nullopt;
    static const Keys step_keys = step_keys_with(
        {"id", "name", "kind", "duration", "after", "chain", "note", "guessed", "not_read"});
    r_.check_keys(item, step_keys, thing("step"));
    Step step;
    step.where = r_.at(item["id"] ? item["id"] : YAML::Node(item));
    step.local_id = r_.id(item, "id", thing("step"));
    step.id = task_id + "." + step.local_id;
    step.name = r_.text(item, "name", true, thing("step"));
    read_step_body(item, step);
    detail::read_guessed(r_, item, "step", step.id, plan_.guesses);
    detail::read_not_read(r_, item, step.id, plan_.losses);
    return step;
  }

  void read_step_body(const YAML::Node& item, Step& step) {
    if (const auto kind = item["kind"]) read_kind(kind, step);
    step.note = r_.text(item, "note", false, thing("step"));
    step.after = read_links(item["after"]);
    if (const auto chain = item["chain"]) {
      const auto value = r_.scalar(chain, key_named("chain")).value_or("");
      if (value == "true" || value == "false") {
        step.chain = value == "true";
      } else {
        r_.error(r_.at(chain), "invalid-value:chain", {{"value", value}});
      }
    }
    step.constraints = read_constraints(item, &step);

    const auto duration = item["duration"];
    const auto span = std::exchange(span_, std::nullopt);
    if (!duration && span) {
      // A fixed span runs over its calendar days, weekends included.
      step.duration = {static_cast<int>((span->second - span->first).count()) + 1,
                       Duration::Unit::calendar_days};
    } else if (duration) {
      const auto value = r_.scalar(duration, key_named("duration")).value_or("");
      if (const auto d = parse_duration(value)) {
        step.duration = *d;
      } else {
        r_.error(r_.at(duration), "invalid-duration", {{"value", value}},
                 say("hint:write-duration"));
      }
    } else {
      switch (step.kind) {
        case StepKind::milestone:
          step.duration = {0, Duration::Unit::working_days};
          break;
        case StepKind::approval:
        case StepKind::broadcast:
        case StepKind::event:
          step.duration = {1, Duration::Unit::working_days};
          break;
        default:
          r_.error(step.where, "missing-duration",
                   {{"step", step.id}, {"kind", std::string(to_string(step.kind))}},
                   say("hint:add-duration"));
      }
    }
    const auto duration_at = duration ? r_.at(duration) : step.where;
    if (step.meeting && step.duration != Duration{1, Duration::Unit::working_days}) {
      r_.error(duration_at, "invalid-duration:approval");
    }
    if (step.kind == StepKind::milestone && step.duration.value != 0) {
      r_.error(duration_at, "invalid-duration:milestone", {}, say("hint:milestone-kind"));
    }
    detail::read_step_progress(r_, item, step, phrase_context());
    detail::read_step_estimate(r_, item, step);
  }

  void read_kind(const YAML::Node& node, Step& step) {
    static const Keys kinds{"draft", "approval",  "production", "broadcast",
                            "event", "milestone", "other"};
    const auto value = r_.scalar(node, key_named("kind")).value_or("");
    const auto it = std::find(kinds.begin(), kinds.end(), value);
    if (it == kinds.end()) {
      r_.error(r_.at(node), "invalid-kind", {{"value", value}}, did_you_mean_in_both(value, kinds));
      return;
    }
    step.kind = static_cast<StepKind>(it - kinds.begin());
  }

  // --- links ---------------------------------------------------------------

  std::vector<LinkSpec> read_links(const YAML::Node& node) {
    std::vector<LinkSpec> links;
    if (!node) return links;
    if (node.IsScalar()) {
      links.push_back({node.Scalar(), LinkType::FS, 0, r_.at(node)});
      return links;
    }
    if (node.IsMap()) {
      if (auto link = read_link_map(node)) links.push_back(std::move(*link));
      return links;
    }
    if (!r_.expect_sequence(node, key_named("after"))) return links;
    links.reserve(node.size());
    for (const auto& item : node) {
      if (item.IsScalar()) {
        links.push_back({item.Scalar(), LinkType::FS, 0, r_.at(item)});
      } else if (item.IsMap()) {
        if (auto link = read_link_map(item)) links.push_back(std::move(*link));
      } else {
        r_.error(r_.at(item), "invalid-link");
      }
    }
    return links;
  }

  std::optional<LinkSpec> read_link_map(const YAML::Node& node) {
    static const Keys link_keys{"on", "type", "lag"};
    r_.check_keys(node, link_keys, thing("dependency"));
    LinkSpec link;
    const auto on = node["on"];
    if (!on) {
      r_.error(r_.at(node), "missing-key:on");
      return std::nullopt;
    }
    link.target = r_.scalar(on, key_named("on")).value_or("");
    link.where = r_.at(on);
    if (const auto type = node["type"]) {
      static const Keys types{"FS", "SS", "FF", "SF"};
      auto value = r_.scalar(type, key_named("type")).value_or("");
      for (auto& c : value) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      const auto it = std::find(types.begin(), types.end(), value);
      if (it == types.end()) {
        r_.error(r_.at(type), "invalid-link-type", {{"value", type.Scalar()}},
                 did_you_mean_in_both(value, types));
      } else {
        link.type = static_cast<LinkType>(it - types.begin());
      }
    }
    if (const auto lag = node["lag"]) {
      const auto value = r_.scalar(lag, key_named("lag")).value_or("");
      if (const auto days = parse_lag(value)) {
        link.lag = *days;
      } else {
        r_.error(r_.at(lag), "invalid-lag", {{"value", value}});
      }
    }
    return link;
  }

  // --- constraints -----------------------------------------------------------

  /// A date written as YYYY-MM-DD or as the id (or alias) of an event.
  std::optional<std::pair<Date, std::string>> date_or_event(const YAML::Node& node,
                                                            const Message& what) {
    const auto value = r_.scalar(node, what);
    if (!value) return std::nullopt;
    if (const auto d = parse_iso_date(*value)) return std::pair{*d, std::string{}};
    if (const auto d =
            read_day(*value, static_cast<int>(date::year_month_day{plan_.info.start}.year()))) {
      return std::pair{*d, std::string{}};
    }
    for (const auto& event : plan_.events) {
      const bool alias =
          std::find(event.aliases.begin(), event.aliases.end(), *value) != event.aliases.end();
      if (event.id == *value || alias) return std::pair{event.date, event.id};
    }
    Keys events;
    for (const auto& event : plan_.events) events.push_back(event.id);
    const bool looks_like_date = !value->empty() && value->front() >= '0' && value->front() <= '9';
    r_.error(r_.at(node), looks_like_date ? "invalid-date:or-event" : "unknown-event",
             {{"value", *value}},
             looks_like_date ? iso_hint(*value) : did_you_mean_in_both(*value, events));
    return std::nullopt;
  }

  std::vector<Constraint> read_constraints(const YAML::Node& item, Step* step) {
    std::vector<Constraint> out;
    const auto single = [&](const char* key, ConstraintKind kind) {
      const auto node = item[key];
      if (!node) return;
      if (const auto d = date_or_event(node, key_named(key))) {
        Constraint c;
        c.kind = kind;
        c.date = d->first;
        c.event = d->second;
        c.written = node.Scalar();
        c.where = r_.at(node);
        out.push_back(std::move(c));
      }
    };
    single("not_before", ConstraintKind::not_before);
    single("due", ConstraintKind::due);
    single("start_on", ConstraintKind::start_on);
    single("finish_on", ConstraintKind::finish_on);
    single("start_by", ConstraintKind::start_by);
    single("finish_not_before", ConstraintKind::finish_not_before);
    if (const auto window = item["window"]) read_window(window, out);
    if (const auto at = item["at"]) read_at(at, step, out);
    if (const auto when = item["when"]) {
      if (when.IsSequence()) {
        for (const auto& phrase : when) read_when(phrase, step, out);
      } else {
        read_when(when, step, out);
      }
    }
    return out;
  }

  std::string reading_task_;  ///< the task being read, for what its phrases lose

  PhraseContext phrase_context() const {
    PhraseContext c;
    c.year = static_cast<int>(date::year_month_day{plan_.info.start}.year());
    c.before = plan_.info.before;
    c.events = &plan_.events;
    c.committees = &plan_.committees;
    c.issued = plan_.info.issued;
    c.start = plan_.info.start;
    c.calendar = &plan_.calendar;
    return c;
  }

  /// `when: "Trước ngày 30/8/2024"`: a phrase, read into constraints.
  void read_when(const YAML::Node& node, Step* step, std::vector<Constraint>& out) {
    const auto text = r_.scalar(node, key_named("when"));
    if (!text) return;
    const auto reading = read_phrase(*text, phrase_context());
    if (!reading.ok()) {
      const auto where = r_.inside(node, reading.error_begin, reading.error_end);
      std::vector<Note> notes;
      if (!reading.understood.empty()) {
        notes.push_back(
            detail::note(r_.at(node), "note:read-up-to", {{"words", reading.understood}}));
      }
      const Message error{reading.error, reading.error_vi};
      if (options_.lenient) {
        r_.warning(where, "unread-phrase:lenient", {{"error", error}});
        // Lost, not forgotten: the verdict says the step has a time nobody checks.
        plan_.losses.push_back({step != nullptr ? step->id : reading_task_, *text, r_.at(node)});
      } else {
        r_.error(where, "unread-phrase", {{"error", error}},
                 reading.suggestion.empty() ? say("hint:phrases-doc")
                                            : Message{reading.suggestion, reading.suggestion_vi},
                 std::move(notes));
      }
      return;
    }
    for (const auto& w : reading.warnings) {
      const auto where = r_.inside(node, w.begin, w.end);
      if (options_.strict && w.severity == Severity::warning) {
        r_.report(Severity::error, where, w.code, {w.message_en, w.message_vi},
                  say("hint:reword-strict"));
      } else {
        r_.report(w.severity, where, w.code, {w.message_en, w.message_vi});
      }
    }
    for (auto c : reading.constraints) {
      c.written = *text;
      c.where = r_.inside(node, c.words_begin, c.words_end);
      out.push_back(std::move(c));
    }
    if (reading.span) span_ = reading.span;
    if (reading.constraints.empty() && !reading.meeting && !reading.span) {
      plan_.open_phrases.push_back({step != nullptr ? step->id : reading_task_, *text,
                                    reading.meaning_en, reading.meaning_vi, r_.at(node)});
    }
    if (reading.meeting) {
      if (step == nullptr) {
        r_.error(r_.at(node), "invalid-value:meeting-on-task");
        return;
      }
      auto ref = *reading.meeting;
      ref.where = r_.at(node);
      ref.written = *text;
      check_meeting(ref, node);
      if (step->kind == StepKind::other) step->kind = StepKind::approval;
      step->meeting = ref;
    }
  }

  /// The committee of a meeting read from a phrase exists and meets then.
  void check_meeting(const MeetingRef& ref, const YAML::Node& node) {
    const auto* found = find_committee(ref.committee, r_.at(node));
    if (found != nullptr && ref.month) meets_in(*found, *ref.month, r_.at(node));
    if (found != nullptr && ref.date &&
        std::find(found->meetings.begin(), found->meetings.end(), *ref.date) ==
            found->meetings.end()) {
      r_.error(r_.at(node), "unknown-meeting",
               {{"committee", found->id}, {"date", dated(*ref.date)}}, meeting_list(*found));
    }
  }

  void read_window(const YAML::Node& node, std::vector<Constraint>& out) {
    if (!node.IsSequence() || node.size() != 2) {
      r_.error(r_.at(node), "invalid-window", {}, say("hint:window"));
      return;
    }
    const auto from = date_or_event(node[0], thing("window-start"));
    const auto to = date_or_event(node[1], thing("window-end"));
    if (!from || !to) return;
    if (to->first < from->first) {
      r_.error(r_.at(node), "invalid-window:reversed",
               {{"to", dated(to->first)}, {"from", dated(from->first)}});
      return;
    }
    Constraint c;
    c.kind = ConstraintKind::window;
    c.date = from->first;
    c.until = to->first;
    c.written = node[0].Scalar() + " .. " + node[1].Scalar();
    c.where = r_.at(node);
    out.push_back(std::move(c));
  }

  void read_at(const YAML::Node& node, Step* step, std::vector<Constraint>& out) {
    if (node.IsScalar() && node.Scalar().find(' ') != std::string::npos) {
      read_when(node, step, out);  // "Tại kỳ họp BTV tháng 5/2024", "Tại Lễ Kỷ niệm"
      return;
    }
    if (node.IsScalar()) {
      // `at: event-id`: the step happens on the event's day.
      if (const auto d = date_or_event(node, key_named("at"))) {
        out.push_back(
            {ConstraintKind::start_on, d->first, {}, d->second, node.Scalar(), r_.at(node)});
      }
      return;
    }
    if (!r_.expect_map(node, key_named("at"))) return;
    r_.check_keys(node, {"committee", "month", "date", "event"}, key_named("at"));
    if (const auto event = node["event"]) {
      if (const auto d = date_or_event(event, key_named("event"))) {
        out.push_back(
            {ConstraintKind::start_on, d->first, {}, d->second, event.Scalar(), r_.at(event)});
      }
      return;
    }
    const auto committee = node["committee"];
    if (!committee) {
      r_.error(r_.at(node), "missing-key:at");
      if (step != nullptr && step->kind == StepKind::other) step->kind = StepKind::approval;
      return;
    }
    if (step == nullptr) {
      r_.error(r_.at(node), "invalid-value:meeting-on-task");
      return;
    }
    // An approval even when the committee is misspelt, so the only error
    // reported is the misspelling.
    if (step->kind == StepKind::other) step->kind = StepKind::approval;
    MeetingRef ref;
    ref.committee = r_.scalar(committee, key_named("committee")).value_or("");
    ref.where = r_.at(committee);
    const auto* found = find_committee(ref.committee, ref.where);
    if (found == nullptr) return;
    if (const auto month = node["month"]) read_meeting_month(month, *found, ref);
    if (const auto d = node["date"]) {
      if (const auto value = r_.date_value(d, thing("meeting-date"))) {
        if (std::find(found->meetings.begin(), found->meetings.end(), *value) ==
            found->meetings.end()) {
          r_.error(r_.at(d), "unknown-meeting", {{"committee", found->id}, {"date", dated(*value)}},
                   meeting_list(*found));
        } else {
          ref.date = value;
        }
      }
    }
    step->meeting = ref;
  }

  void read_meeting_month(const YAML::Node& node, const Committee& committee, MeetingRef& ref) {
    const auto value = r_.scalar(node, key_named("month")).value_or("");
    const auto d = parse_iso_date(value + "-01");
    if (value.size() != 7 || !d) {
      r_.error(r_.at(node), "invalid-month", {{"value", value}}, say("hint:write-month"));
      return;
    }
    const date::year_month_day ymd{*d};
    const date::year_month month{ymd.year(), ymd.month()};
    if (!meets_in(committee, month, r_.at(node))) return;
    ref.month = month;
  }

  /// The committee named `id`, or an error with a did-you-mean at `where`.
  const Committee* find_committee(const std::string& id, SourceLocation where) {
    const auto found = std::find_if(plan_.committees.begin(), plan_.committees.end(),
                                    [&](const Committee& c) { return c.id == id; });
    if (found != plan_.committees.end()) return &*found;
    Keys ids;
    for (const auto& c : plan_.committees) ids.push_back(c.id);
    r_.error(where, "unknown-committee", {{"committee", id}}, did_you_mean_in_both(id, ids));
    return nullptr;
  }

  /// Whether the committee meets in `month`; an error at `where` if not.
  bool meets_in(const Committee& committee, date::year_month month, SourceLocation where) {
    const bool meets =
        std::any_of(committee.meetings.begin(), committee.meetings.end(), [&](Date m) {
          const date::year_month_day md{m};
          return md.year() == month.year() && md.month() == month.month();
        });
    if (!meets) {
      const auto m = static_cast<unsigned>(month.month());
      r_.error(where, "unknown-meeting:month",
               {{"committee", committee.id},
                {"month", Message{std::to_string(static_cast<int>(month.year())) +
                                      (m < 10 ? "-0" : "-") + std::to_string(m),
                                  std::to_string(m) + "/" +
                                      std::to_string(static_cast<int>(month.year()))}}},
               meeting_list(committee));
    }
    return meets;
  }

  static Message meeting_list(const Committee& committee) {
    if (committee.meetings.empty()) return say("hint:no-meetings");
    Message days;
    for (const Date m : committee.meetings) {
      const auto space = days.en.empty() ? "" : " ";
      days.en += space + format_iso(m);
      days.vi += (days.vi.empty() ? "" : ", ") + format_vn(m);
    }
    return say("hint:meetings-are", {{"days", days}});
  }

  // --- names -----------------------------------------------------------------

  std::string person_name(const std::string& value) const {
    for (const auto& person : plan_.people) {
      if (person.id == value) return person.name;
    }
    return value;
  }

  std::string unit_name(const std::string& value) const {
    for (const auto& unit : plan_.units) {
      if (unit.id == value) return unit.name;
    }
    return value;
  }

  void declare(const std::string& id, SourceLocation where, const Message& what) {
    declare_in(declared_, id, where, what);
  }

  /// Records `id` among `ids`; an error naming both places if it is there.
  void declare_in(std::map<std::string, SourceLocation>& ids, const std::string& id,
                  SourceLocation where, const Message& what) {
    const auto [it, inserted] = ids.emplace(id, where);
    if (!inserted) {
      r_.error(where, "duplicate-id", {{"id", id}, {"what", what}}, {},
               {detail::note(it->second, "note:first-declared", {{"id", id}})});
    }
  }

  Reader r_;
  ParseOptions options_;
  Plan plan_;
  /// A fixed span read from a phrase, for the step being read: its duration
  /// when none is written.
  std::optional<std::pair<Date, Date>> span_;
  std::map<std::string, SourceLocation> declared_;  ///< tasks and events share one namespace
  std::map<std::string, SourceLocation> people_ids_, unit_ids_;
};

}  // namespace

ParseResult parse_plan(std::string_view text, const ParseOptions& options) {
  PlanReader reader(text, options);
  try {
    const auto document = YAML::Load(text);
    return reader.read(*document);
  } catch (const YAML::ParserException& e) {
    ParseResult result;
    Reader r(text);
    r.error(r.at(e.mark), "yaml-syntax", {{"reason", e.msg}}, say("hint:yaml-syntax"));
    result.diagnostics = r.take_diagnostics();
    return result;
  }
}

}  // namespace tiendo
