// The stable spellings of the model's enums, as used in plan files and reports.
#include <tiendo/plan.hpp>
#include <tiendo/schedule.hpp>

namespace tiendo {

std::string_view to_string(StepKind kind) {
  switch (kind) {
    case StepKind::draft:
      return "draft";
    case StepKind::approval:
      return "approval";
    case StepKind::production:
      return "production";
    case StepKind::broadcast:
      return "broadcast";
    case StepKind::event:
      return "event";
    case StepKind::milestone:
      return "milestone";
    case StepKind::other:
      return "other";
  }
  return "other";
}

std::string_view to_string(LinkType type) {
  switch (type) {
    case LinkType::FS:
      return "FS";
    case LinkType::SS:
      return "SS";
    case LinkType::FF:
      return "FF";
    case LinkType::SF:
      return "SF";
  }
  return "FS";
}

std::string_view to_string(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::not_before:
      return "not_before";
    case ConstraintKind::due:
      return "due";
    case ConstraintKind::start_on:
      return "start_on";
    case ConstraintKind::finish_on:
      return "finish_on";
    case ConstraintKind::window:
      return "window";
    case ConstraintKind::start_by:
      return "start_by";
    case ConstraintKind::finish_not_before:
      return "finish_not_before";
  }
  return "not_before";
}

std::string_view to_string(Driver driver) {
  switch (driver) {
    case Driver::plan_start:
      return "plan_start";
    case Driver::link:
      return "link";
    case Driver::event:
      return "event";
    case Driver::constraint:
      return "constraint";
    case Driver::meeting:
      return "meeting";
    case Driver::pinned:
      return "pinned";
    case Driver::actual:
      return "actual";
    case Driver::status:
      return "status";
  }
  return "plan_start";
}

std::optional<Date> deadline_of(const Constraint& c) {
  switch (c.kind) {
    case ConstraintKind::due:
    case ConstraintKind::finish_on:
      return c.date;
    case ConstraintKind::window:
      return c.until;
    default:
      return std::nullopt;
  }
}

std::string describe(const Constraint& c, Lang lang) {
  const bool en = lang == Lang::en;
  const auto day = [&](Date d) { return en ? format_iso(d) : format_vn(d); };
  switch (c.kind) {
    case ConstraintKind::not_before:
      return (en ? "not before " : "không sớm hơn ") + day(c.date);
    case ConstraintKind::due:
      return (en ? "due by " : "xong chậm nhất ") + day(c.date);
    case ConstraintKind::start_on:
      return (en ? "starts on " : "bắt đầu ngày ") + day(c.date);
    case ConstraintKind::finish_on:
      return (en ? "finishes on " : "kết thúc ngày ") + day(c.date);
    case ConstraintKind::window:
      return (en ? "within " : "trong khoảng ") + day(c.date) + (en ? " .. " : " – ") +
             day(c.until);
    case ConstraintKind::start_by:
      return (en ? "starts by " : "bắt đầu chậm nhất ") + day(c.date);
    case ConstraintKind::finish_not_before:
      return (en ? "finishes no earlier than " : "xong không sớm hơn ") + day(c.date);
  }
  return {};
}

std::string describe(const MeetingRef& m, Lang lang) {
  const bool en = lang == Lang::en;
  if (m.month) {
    const auto month = std::to_string(static_cast<unsigned>(m.month->month())) + "/" +
                       std::to_string(static_cast<int>(m.month->year()));
    return (en ? "at the " + m.committee + " meeting of "
               : "tại kỳ họp " + m.committee + " tháng ") +
           month;
  }
  if (m.date)
    return (en ? "at the " + m.committee + " meeting on "
               : "tại kỳ họp " + m.committee + " ngày ") +
           format_vn(*m.date);
  return en ? "at the first " + m.committee + " meeting its documents can reach"
            : "tại kỳ họp " + m.committee + " gần nhất sau khi hồ sơ sẵn sàng";
}

}  // namespace tiendo
