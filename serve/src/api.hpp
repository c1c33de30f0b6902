#pragma once
// What each endpoint answers, apart from HTTP: plain functions from the
// request's values to a status, a content type and a body, so the tests and
// the server call the same code.

#include "workspace.hpp"

#include <tiendo/calendar.hpp>

#include <map>
#include <string>
#include <string_view>

namespace tiendo::serve {

struct Reply {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::map<std::string, std::string> headers;
};

/// Parameters of a request (query string), by name.
using Params = std::map<std::string, std::string>;

/// GET /api/plans: every plan of the folder and its subfolders (by its path,
/// with its `folder` and the `workspace` file it is read with) with its
/// feasibility, its next deadline and next meeting on or after `today` (or
/// the last ones, marked past), or the first diagnostic of a plan that does
/// not read; the folder's workspace files (`workspaces`: file, folder, name,
/// ok, diagnostic); `workspace_above`: one above the folder is not read.
Reply list_plans(const Workspace& workspace, Date today);

/// GET /api/plan?file=F: the text and its tag.
Reply get_plan(const Workspace& workspace, const Params& params);

/// POST /api/analyze?file=F&lang=&scale=day|week|month: diagnostics,
/// schedule, check, explanations, meetings and the Gantt chart as SVG (at
/// that time scale, else the one that fits) of the text as it is in the
/// editor, read as plan F of the folder is: with its workspace.yaml (its
/// diagnostics marked with their `file`; `workspace`: {file, name, ok}) and
/// the plans its steps wait for. Without `file`, the text alone.
Reply analyze_text(const Workspace& workspace, std::string_view text, const Params& params);

/// POST /api/chart?file=F&kind=gantt|network&format=svg|png|pdf: a chart of
/// the text, read as analyze_text reads it.
Reply chart_of_text(const Workspace& workspace, std::string_view text, const Params& params);

/// POST /api/edit {text, step, key, value}: the text with that value changed.
Reply edit_text(std::string_view body);

/// PUT /api/plan?file=F with If-Match: saved, or 409 with the text on disk.
Reply save_plan(Workspace& workspace, const Params& params, std::string_view if_match,
                std::string_view text);

/// POST /api/import?name=N: the document (or pasted table) as a new plan.
Reply import_document(Workspace& workspace, const Params& params, std::string_view bytes);

/// GET /api/download?file=F&what=gantt.png|…[&baseline=N]: an output of the
/// saved plan, compared with its baseline N when one is named.
Reply download(const Workspace& workspace, const Params& params);

/// GET /api/baselines?file=F: the plan's baselines, {baselines: [{name, saved}]}.
Reply list_baselines(const Workspace& workspace, const Params& params);

/// POST /api/baseline?file=F&name=N: the saved plan's schedule kept as
/// baseline N (default 'adopted', replaced when it exists) in F's
/// PLAN.baseline.json, as `tiendo baseline save`; 201, or 200 when replaced.
Reply save_baseline(Workspace& workspace, const Params& params, Date today);

/// Today on this machine: the status date of a plan that reports progress
/// without one, and the day a baseline is saved.
Date today();

/// An error reply: {"error": message}.
Reply error_reply(int status, std::string_view message);

}  // namespace tiendo::serve
