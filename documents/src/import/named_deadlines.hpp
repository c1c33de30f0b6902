#pragma once
// A bare day beside an item the planner names as a deadline ("Hạn chót đăng
// ký môn học" | "10/08/2017"): the day is when it must be done by, not the
// one day the work takes. As a phrase alone a bare day reads as the day the
// step happens on, so the import says it in the words that mean it.

#include "import/plan_draft.hpp"

namespace tiendo::documents::import {

/// Whether a name says it is a deadline: "Hạn chót …", "Hạn cuối …", "Hạn
/// nộp …", "Thời hạn …", "Deadline …", or a submission ("Nộp báo cáo …",
/// "Gửi báo cáo …"), whose one day is the day it is due.
bool deadline_name(const std::string& name);

/// Every task and step of the draft whose name is a deadline's and whose
/// time is a bare day gets "Chậm nhất ngày D", its comment saying why.
void read_named_deadlines(PlanDraft& draft);

}  // namespace tiendo::documents::import
