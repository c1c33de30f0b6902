// The message catalogue (messages.hpp): each reading diagnostic written once
// in English and once in Vietnamese. The English texts are the ones tiendo
// has always printed (tools, tests and goldens read them): change them only
// on purpose. The Vietnamese are the words a provincial planner uses: kế
// hoạch, nhiệm vụ, bước, kỳ họp, thời gian thực hiện, cụm từ thời gian.
#include <tiendo/messages.hpp>
#include <tiendo/suggest.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <unordered_map>

namespace tiendo {

namespace {

// clang-format off
constexpr std::array kCatalogue = std::to_array<CatalogueEntry>({
  // --- the shape of the file ------------------------------------------------
  {"yaml-syntax", "YAML syntax: {reason}", "sai cú pháp YAML: {reason}"},
  {"hint:yaml-syntax", "look for an unclosed '{', '[' or quote, or a wrong indentation, here or above",
   "tìm dấu '{', '[' hoặc dấu nháy chưa đóng, hoặc dòng thụt lề sai, ở đây hoặc phía trên"},
  {"too-many-errors", "too many errors; stopping here", "quá nhiều lỗi; dừng đọc tại đây"},
  {"empty-plan", "the plan file is empty", "tệp kế hoạch trống"},
  {"phrase-error:offset-ambiguous",
   "the date in parentheses may be the deadline itself or the day it counts from; tiendo cannot "
   "tell which",
   "ngày trong ngoặc có thể là chính thời hạn hoặc là ngày làm mốc để tính; tiendo không phân "
   "biệt được"},
  {"phrase-error:offset-disagrees",
   "counted from '{event}' ({date}) this comes to {reached}, but the parentheses say {written}",
   "tính từ '{event}' ({date}) thì ra ngày {reached}, nhưng trong ngoặc ghi {written}"},
  {"hint:offset-disagrees",
   "correct the count of days, the day in parentheses or the event's date, whichever is wrong",
   "sửa số ngày, ngày trong ngoặc hoặc ngày của sự kiện, chỗ nào sai"},
  {"hint:offset-ambiguous",
   "declare the event under 'events:' (id, name, date) so that the offset can be checked, or "
   "write the deadline alone ('Chậm nhất ngày 07/02/2021')",
   "khai báo sự kiện trong 'events:' (id, name, date) để kiểm tra được số ngày, hoặc chỉ ghi thời "
   "hạn ('Chậm nhất ngày 07/02/2021')"},
  {"hint:plan-starts",
   "a plan starts with 'plan: {id: ..., title: ..., start: YYYY-MM-DD}' and has 'tasks'",
   "kế hoạch bắt đầu bằng 'plan: {id: ..., title: ..., start: YYYY-MM-DD}' và có 'tasks'"},
  {"duplicate-key", "key '{key}' is written twice in the same mapping",
   "khóa '{key}' được viết hai lần trong cùng một mục"},
  {"hint:keep-one-key",
   "keep one of them: YAML does not allow a key twice, and the other would be lost",
   "chỉ giữ một: YAML không cho phép một khóa xuất hiện hai lần, khóa còn lại sẽ bị bỏ mất"},
  {"note:first-written", "'{key}' first written here", "'{key}' đã được viết lần đầu ở đây"},
  {"unknown-key", "unknown key '{key}' in {what}", "khóa '{key}' không có trong {what}"},
  {"expected-map", "{what} must be a mapping of keys to values",
   "{what} phải là một mục gồm các cặp khóa: giá trị"},
  {"expected-map:plan-file",
   "a plan file is a mapping with 'plan', 'calendar', 'events', 'committees' and 'tasks'",
   "tệp kế hoạch phải là một mục gồm 'plan', 'calendar', 'events', 'committees' và 'tasks'"},
  {"expected-list", "{what} must be a list", "{what} phải là một danh sách"},
  {"expected-text", "{what} must be a single value", "{what} phải là một giá trị đơn"},
  {"missing-key", "{what} needs '{key}'", "{what} thiếu khóa '{key}'"},
  {"missing-key:plan", "the plan file needs 'plan' (id, title, start)",
   "tệp kế hoạch thiếu 'plan' (id, title, start)"},
  {"missing-key:start", "'plan' needs 'start', the first day of the plan",
   "'plan' thiếu 'start', ngày bắt đầu của kế hoạch"},
  {"hint:add-start", "add e.g. 'start: 2024-04-01'", "thêm, ví dụ 'start: 2024-04-01'"},
  {"missing-key:workspace",
   "a workspace file starts with 'workspace: {name: ..., start: YYYY-MM-DD}'",
   "tệp workspace bắt đầu bằng 'workspace: {name: ..., start: YYYY-MM-DD}'"},
  {"missing-key:workspace-start",
   "'workspace' needs 'start', the first day its meeting rules count from",
   "'workspace' thiếu 'start', ngày bắt đầu tính lịch họp theo quy tắc"},
  {"missing-key:tasks", "the plan file needs 'tasks'", "tệp kế hoạch thiếu 'tasks'"},
  {"missing-key:rule", "a meeting rule needs 'weekday' (with 'nth') or 'day'",
   "quy tắc họp cần 'weekday' (kèm 'nth') hoặc 'day'"},
  {"hint:meeting-rule", "e.g. {every: month, weekday: thu, nth: last}",
   "ví dụ {every: month, weekday: thu, nth: last}"},
  {"missing-key:on", "a dependency needs 'on', the id it waits for",
   "quan hệ phụ thuộc thiếu 'on', mã của việc phải chờ"},
  {"missing-key:at", "'at' needs 'committee' (or 'event')", "'at' thiếu 'committee' (hoặc 'event')"},

  // --- ids --------------------------------------------------------------------
  {"invalid-id", "id '{id}' may hold only ASCII letters, digits, '-' and '_'",
   "mã '{id}' chỉ được gồm chữ cái không dấu, chữ số, '-' và '_'"},
  {"invalid-id:too-long", "an id of {length} characters; ids are at most {most}",
   "mã dài {length} ký tự; mã dài tối đa {most} ký tự"},
  {"duplicate-id", "id '{id}' is used twice ({what})", "mã '{id}' bị dùng hai lần ({what})"},
  {"duplicate-id:step", "task '{task}' has two steps with id '{id}'",
   "nhiệm vụ '{task}' có hai bước cùng mã '{id}'"},
  {"note:first-declared", "'{id}' first declared here", "'{id}' đã được khai báo lần đầu ở đây"},

  // --- values -----------------------------------------------------------------
  {"invalid-date", "'{value}' is not a date; {what} takes YYYY-MM-DD",
   "'{value}' không phải là ngày; {what} ghi theo dạng năm-tháng-ngày (YYYY-MM-DD)"},
  {"invalid-date:or-event", "'{value}' is neither a date (YYYY-MM-DD) nor an event of the plan",
   "'{value}' không phải là ngày (YYYY-MM-DD), cũng không phải sự kiện của kế hoạch"},
  {"unknown-event", "'{value}' is neither a date (YYYY-MM-DD) nor an event of the plan",
   "'{value}' không phải là ngày (YYYY-MM-DD), cũng không phải sự kiện của kế hoạch"},
  {"hint:date-years", "dates run from {first} to {last}", "ngày phải nằm trong các năm {first}–{last}"},
  {"hint:write-date-as", "write it as {iso}", "hãy viết là {iso}"},
  {"hint:write-date", "write it as e.g. 2024-10-25", "hãy viết theo dạng năm-tháng-ngày, ví dụ 2024-10-25"},
  {"hint:did-you-mean", "did you mean '{word}'?", "có phải '{word}'?"},
  {"invalid-value:lang", "'lang' is 'vi' or 'en', not '{value}'",
   "'lang' là 'vi' hoặc 'en', không phải '{value}'"},
  {"invalid-value:before", "'before' is 'day_before' or 'same_day', not '{value}'",
   "'before' là 'day_before' hoặc 'same_day', không phải '{value}'"},
  {"invalid-value:count", "'{key}' is a whole number from {least}, not '{value}'",
   "'{key}' là số nguyên từ {least} trở lên, không phải '{value}'"},
  {"invalid-value:events-on-days-off", "'events_on_days_off' is 'allow' or 'warn', not '{value}'",
   "'events_on_days_off' là 'allow' hoặc 'warn', không phải '{value}'"},
  {"invalid-value:every", "'every' is 'month' or 'quarter', not '{value}'",
   "'every' là 'month' (hằng tháng) hoặc 'quarter' (hằng quý), không phải '{value}'"},
  {"invalid-value:nth", "'nth' is 1, 2, 3, 4 or last, not '{value}'",
   "'nth' là 1, 2, 3, 4 hoặc last (cuối cùng), không phải '{value}'"},
  {"invalid-value:day", "'day' is a day of the month, 1 to 31, not '{value}'",
   "'day' là ngày trong tháng, từ 1 đến 31, không phải '{value}'"},
  {"invalid-value:on-day-off", "'on_day_off' is next, previous, skip or keep, not '{value}'",
   "'on_day_off' là next, previous, skip hoặc keep, không phải '{value}'"},
  {"invalid-value:rule-span",
   "the meeting rule runs from {from} until {until}, which is before it starts",
   "quy tắc họp chạy từ {from} đến {until}, tức là kết thúc trước khi bắt đầu"},
  {"hint:rule-span",
   "'from' and 'until' bound the meetings the rule makes; 'until' comes after 'from'",
   "'from' và 'until' giới hạn các kỳ họp theo quy tắc; 'until' phải sau 'from'"},
  {"invalid-value:chain", "'chain' is true or false, not '{value}'",
   "'chain' là true hoặc false, không phải '{value}'"},
  {"invalid-value:meeting-on-task",
   "a committee meeting applies to an approval step, not to a task with steps",
   "kỳ họp chỉ gắn với bước thông qua, không gắn với nhiệm vụ có nhiều bước"},

  // --- calendar, events, committees -------------------------------------------
  {"no-working-day", "every day of the week is a day off: nothing could ever be scheduled",
   "mọi ngày trong tuần đều là ngày nghỉ: không thể xếp lịch việc gì"},
  {"hint:weekly-days-off", "list the weekly days off only, e.g. 'days_off: [sat, sun]'",
   "chỉ liệt kê các ngày nghỉ hằng tuần, ví dụ 'days_off: [sat, sun]'"},
  {"unknown-calendar", "there is no built-in calendar '{value}'",
   "không có lịch dựng sẵn '{value}'"},
  {"hint:builtin-calendar", "'vn' is Vietnam's public holidays; list other days off as dates",
   "'vn' là các ngày lễ, Tết của Việt Nam; các ngày nghỉ khác hãy ghi thành ngày cụ thể"},
  {"invalid-weekday", "'{value}' is not a day of the week (mon, tue, ... sun)",
   "'{value}' không phải là thứ trong tuần (mon, tue, ... sun)"},
  {"invalid-event", "event '{event}' ends ({until}) before it starts ({date})",
   "sự kiện '{event}' kết thúc ({until}) trước khi bắt đầu ({date})"},
  {"hint:event-until", "'until' is the event's last day, on or after its 'date'",
   "'until' là ngày cuối của sự kiện, bằng hoặc sau 'date'"},
  {"shared-committee-differs",
   "committee '{committee}' is declared here with other meetings or submission lead than in "
   "{file} line {line}, which every plan of the workspace shares",
   "cơ quan '{committee}' được khai báo ở đây với lịch họp hoặc thời hạn trình khác với {file} "
   "dòng {line}, nơi mọi kế hoạch trong workspace dùng chung"},
  {"hint:shared-committee", "remove it here to use the workspace's, or make them the same",
   "xóa khai báo ở đây để dùng khai báo chung, hoặc sửa cho giống nhau"},
  {"invalid-duration:submit-lead",
   "'submit_lead' is a number of working days such as '3d', not '{value}'",
   "'submit_lead' là số ngày làm việc, ví dụ '3d', không phải '{value}'"},
  {"unknown-meeting", "{committee} does not meet on {date}", "{committee} không họp ngày {date}"},
  {"unknown-meeting:month", "{committee} has no meeting in {month}",
   "{committee} không có kỳ họp nào trong tháng {month}"},
  {"hint:no-meetings", "the committee has no meetings listed", "cơ quan này chưa có lịch họp nào"},
  {"hint:meetings-are", "its meetings are {days}", "các kỳ họp: {days}"},
  {"unknown-committee", "no committee '{committee}'", "không có cơ quan '{committee}'"},

  // --- groups, tasks, steps ---------------------------------------------------
  {"unknown-group", "no group '{group}' in 'groups'", "không có nhóm '{group}' trong 'groups'"},
  {"unknown-group:parent", "no group '{group}' before this one",
   "không có nhóm '{group}' khai báo trước nhóm này"},
  {"hint:declare-group", "declare it under 'groups'", "hãy khai báo nhóm trong 'groups'"},
  {"empty-steps", "task '{task}' has an empty 'steps' list",
   "nhiệm vụ '{task}' có danh sách 'steps' trống"},
  {"hint:remove-steps", "remove 'steps' to make the task a single step",
   "xóa 'steps' để nhiệm vụ là một bước duy nhất"},
  {"invalid-kind",
   "'{value}' is not a step kind (one of draft, approval, production, broadcast, event, "
   "milestone, other)",
   "'{value}' không phải là loại bước (draft, approval, production, broadcast, event, "
   "milestone, other)"},
  {"invalid-duration", "'{value}' is not a duration",
   "'{value}' không phải là thời gian thực hiện hợp lệ"},
  {"hint:write-duration",
   "write working days as '5d' or '5 ngày làm việc', weeks as '2w', calendar days as '5cd' or "
   "'5 ngày', or 0 for a milestone",
   "ghi ngày làm việc là '5d' hoặc '5 ngày làm việc', tuần là '2w', ngày lịch là '5cd' hoặc "
   "'5 ngày', hoặc 0 cho một mốc"},
  {"missing-duration", "step '{step}' ({kind}) needs a 'duration'",
   "bước '{step}' (loại {kind}) thiếu thời gian thực hiện 'duration'"},
  {"hint:add-duration",
   "add e.g. 'duration: 5d' (working days) or 'duration: 5cd' (calendar days)",
   "thêm, ví dụ 'duration: 5d' (ngày làm việc) hoặc 'duration: 5cd' (ngày lịch)"},
  {"invalid-duration:approval",
   "an approval at a committee meeting takes the meeting day; remove 'duration'",
   "bước thông qua tại kỳ họp diễn ra đúng ngày họp; hãy xóa 'duration'"},
  {"invalid-duration:milestone", "a milestone has duration 0",
   "mốc có thời gian thực hiện bằng 0"},
  {"hint:milestone-kind", "use kind 'event' or 'other' for a step that takes time",
   "bước cần thời gian thì dùng loại 'event' hoặc 'other'"},
  {"invalid-link", "a dependency is an id or {on: id, type: FS|SS|FF|SF, lag: 2d}",
   "quan hệ phụ thuộc là một mã hoặc {on: id, type: FS|SS|FF|SF, lag: 2d}"},
  {"invalid-link-type", "'{value}' is not a dependency type (FS, SS, FF or SF)",
   "'{value}' không phải là loại phụ thuộc (FS, SS, FF hoặc SF)"},
  {"invalid-lag", "'{value}' is not a lag; lags are working days such as '2d' or '-1d' (a lead)",
   "'{value}' không phải là độ trễ; độ trễ tính bằng ngày làm việc, ví dụ '2d' hoặc '-1d' "
   "(làm sớm hơn)"},
  {"invalid-window", "'window' is a pair [from, to] of dates",
   "'window' là một cặp ngày [từ, đến]"},
  {"hint:window", "write e.g. 'window: [2024-10-01, 2024-10-31]'",
   "ví dụ 'window: [2024-10-01, 2024-10-31]'"},
  {"invalid-window:reversed", "the window ends ({to}) before it starts ({from})",
   "khoảng thời gian kết thúc ({to}) trước khi bắt đầu ({from})"},
  {"invalid-month", "'{value}' is not a month", "'{value}' không phải là tháng"},
  {"hint:write-month", "write it as YYYY-MM, e.g. 2024-05",
   "hãy viết theo dạng năm-tháng, ví dụ 2024-05"},

  // --- time phrases (the phrase reader's words, said at the key) --------------
  {"unread-phrase", "{error}", "{error}"},
  {"unread-phrase:lenient", "{error} (the step stays unconstrained)",
   "{error} (bước này không bị ràng buộc thời gian)"},
  {"note:read-up-to", "read up to here: '{words}'", "đọc được đến đây: '{words}'"},
  {"hint:phrases-doc", "see docs/phrases.md; or run with --lenient to leave it unconstrained",
   "xem docs/phrases.md; hoặc chạy với --lenient để bỏ qua ràng buộc này"},
  {"hint:reword-strict", "reword the phrase, or run without --strict",
   "viết lại cụm từ, hoặc chạy không có --strict"},
  {"phrase-partly-read", "not read: {words}; read as: {meaning}",
   "không đọc được: {words}; hiểu là: {meaning}"},
  {"phrase-hour-dropped", "the hour is dropped: tiendo schedules whole days",
   "giờ được bỏ qua: tiendo lập lịch theo ngày"},
  {"phrase-assumption", "{assumption}", "{assumption}"},
  {"phrase-error:not-understood", "cannot read '{text}' as a time: '{word}' is not understood",
   "không đọc được '{text}' thành thời gian: không hiểu '{word}'"},
  {"phrase-error:not-a-time", "cannot read '{text}' as a time",
   "không đọc được '{text}' thành thời gian"},
  {"hint:declare-event",
   "if '{words}' names an event, declare it under 'events:' (id, name, date) and the phrase reads",
   "nếu '{words}' là tên một sự kiện, hãy khai báo nó trong 'events:' (id, name, date) thì cụm "
   "từ sẽ đọc được"},
  {"hint:or-declare-event",
   "{did_you_mean} or, if '{words}' names an event, declare it under 'events:' (id, name, date) "
   "and the phrase reads",
   "{did_you_mean} hoặc, nếu '{words}' là tên một sự kiện, hãy khai báo nó trong 'events:' (id, "
   "name, date) thì cụm từ sẽ đọc được"},
  {"hint:phrase-examples",
   "write e.g. 'Trước ngày 30/8/2024', 'Trong tháng 6/2024', 'Tại kỳ họp BTV tháng 5/2024', "
   "'Thường xuyên'",
   "ví dụ 'Trước ngày 30/8/2024', 'Trong tháng 6/2024', 'Tại kỳ họp BTV tháng 5/2024', "
   "'Thường xuyên'"},
  {"phrase-error:too-long", "a time phrase of {bytes} bytes; phrases are at most {most}",
   "cụm từ thời gian dài {bytes} byte; tối đa {most} byte"},
  {"hint:phrase-few-words", "a time is a few words, e.g. 'Trước ngày 30/8/2024'",
   "thời gian chỉ cần vài chữ, ví dụ 'Trước ngày 30/8/2024'"},
  {"phrase-error:utf8", "the phrase is not valid UTF-8 at byte {byte}",
   "cụm từ có ký tự không hợp lệ (không phải UTF-8) ở byte {byte}"},
  {"hint:save-utf8", "save the file as UTF-8", "hãy lưu tệp với bảng mã UTF-8"},
  {"phrase-error:years-out-of-range",
   "'{words}' falls outside the years {first}-{last} tiendo schedules: is the year mistyped?",
   "'{words}' nằm ngoài các năm {first}-{last} mà tiendo lập lịch: có gõ nhầm năm không?"},
  {"phrase-error:contradiction",
   "the phrase says two things that cannot both hold ({why}): '{first}' ({first_means}) and "
   "'{second}' ({second_means})",
   "cụm từ nói hai điều mâu thuẫn nhau ({why}): '{first}' ({first_means}) và '{second}' "
   "({second_means})"},
  {"what:two-dates", "two different dates for one thing", "hai ngày khác nhau cho cùng một việc"},
  {"what:two-periods", "two periods that are not one inside the other",
   "hai khoảng thời gian không nằm trong nhau"},
  {"what:day-outside-period", "a day outside the period it also names",
   "một ngày nằm ngoài khoảng thời gian cũng được nêu"},
  {"what:start-after-deadline", "a start after the deadline", "bắt đầu sau hạn chót"},
  {"hint:one-time-per-step", "a step has one time: split it into steps, one time each",
   "mỗi bước chỉ có một thời gian: hãy tách thành nhiều bước, mỗi bước một thời gian"},
  {"phrase-error:two-meetings", "two committee meetings in one phrase: a step is approved at one",
   "một cụm từ nêu hai kỳ họp: mỗi bước chỉ được thông qua tại một kỳ họp"},
  {"hint:one-approval-per-meeting", "split the step, one approval per meeting",
   "hãy tách bước, mỗi kỳ họp một bước thông qua"},
  {"phrase-error:meeting-and-day",
   "a committee meeting and a fixed day in one phrase: the approval is on the meeting's day",
   "một cụm từ nêu cả kỳ họp và một ngày cố định: bước thông qua diễn ra vào ngày họp"},
  {"hint:meeting-or-day", "keep the meeting, or the day", "hãy giữ kỳ họp, hoặc giữ ngày"},
  {"phrase-error:number-words", "{number} is written in words as {words}: which is it?",
   "{number} được viết bằng chữ là {words}: số nào mới đúng?"},
  {"phrase-error:no-such-day", "{day}/{month} is not a day: month {month} has at most {most} days",
   "{day}/{month} không phải là ngày có thật: tháng {month} có nhiều nhất {most} ngày"},
  {"phrase-error:no-such-month", "{day}/{month} is not a day: a year has 12 months",
   "{day}/{month} không phải là ngày có thật: một năm chỉ có 12 tháng"},
  {"phrase-error:no-such-date",
   "{day}/{month}/{year} is not a day: month {month} of {year} has {days} days",
   "{day}/{month}/{year} không phải là ngày có thật: tháng {month} năm {year} có {days} ngày"},
  {"phrase-error:year-count", "it says {count} years but {from} – {to} are {years}",
   "ghi {count} năm nhưng {from} – {to} là {years} năm"},
  {"phrase-error:day-count", "it says {count} days but names {named}",
   "ghi {count} ngày nhưng liệt kê {named} ngày"},
  {"phrase-error:no-lunar-day",
   "there is no lunar day {day} of month {month} in {year_name} ({year}): that month has {days} "
   "days",
   "năm {year_name} ({year}) không có ngày {day} tháng {month} âm lịch: tháng đó có {days} ngày"},
  {"phrase-error:no-lunar-month", "no lunar month {month} in {year}",
   "năm {year} không có tháng {month} âm lịch"},
  {"phrase-error:weekday", "{date} is a {is}, not a {written}: which is meant?",
   "{date} là {is}, không phải {written}: ý là ngày nào?"},
  {"phrase-error:event-outside",
   "the plan puts '{event}' on {date}, outside '{period}' as the text dates it",
   "kế hoạch ghi '{event}' vào ngày {date}, nằm ngoài '{period}' như văn bản nêu"},
  {"phrase-error:no-committee", "no committee named '{committee}'",
   "không có cơ quan nào tên '{committee}'"},
  {"hint:declare-committee", "declare it under 'committees'",
   "hãy khai báo cơ quan trong 'committees'"},
  {"hint:plan-committees", "the plan's committees: {committees}",
   "các cơ quan của kế hoạch: {committees}"},
  {"phrase-error:which-committee",
   "which committee's meeting? the plan has several; name it (e.g. 'kỳ họp {committee}')",
   "kỳ họp của cơ quan nào? kế hoạch có nhiều cơ quan; hãy ghi rõ (ví dụ 'kỳ họp {committee}')"},
  {"phrase-error:no-committees",
   "a committee meeting, but no committee: declare it under 'committees'",
   "có nêu kỳ họp nhưng kế hoạch chưa có cơ quan nào: hãy khai báo trong 'committees'"},
  {"phrase-error:no-issue-date", "'từ nay' runs from the plan's issue date, and the plan has none",
   "'từ nay' tính từ ngày ban hành kế hoạch, mà kế hoạch chưa ghi ngày ban hành"},
  {"hint:add-issued", "add 'issued: YYYY-MM-DD' under 'plan'",
   "thêm 'issued: YYYY-MM-DD' vào 'plan'"},
  {"phrase-error:range-reversed", "the range ends ({to}) before it starts ({from})",
   "khoảng thời gian kết thúc ({to}) trước khi bắt đầu ({from})"},
  {"phrase-error:range-days", "the range holds {days} days, not {written}",
   "khoảng thời gian có {days} ngày, không phải {written}"},
  {"phrase-error:separate-periods",
   "'{first}' and '{second}' are separate periods, and a step has one time",
   "'{first}' và '{second}' là hai khoảng thời gian riêng, mà mỗi bước chỉ có một thời gian"},
  {"hint:split-periods", "split the step into one step per period",
   "hãy tách thành mỗi khoảng thời gian một bước"},
  {"phrase-error:holidays-outside",
   "the holidays '{holidays}' ({days}) are not inside '{time}' ({outer})",
   "kỳ nghỉ '{holidays}' ({days}) không nằm trong '{time}' ({outer})"},
  {"phrase-error:aside-disagrees", "'{aside}' ({date}) does not agree with '{time}' ({outer})",
   "'{aside}' ({date}) không khớp với '{time}' ({outer})"},

  // --- progress ---------------------------------------------------------------
  {"progress-year-assumed", "'{value}' has no year; read as {day}",
   "'{value}' không ghi năm; hiểu là {day}"},
  {"invalid-date:progress", "'{value}' is not a day; '{key}' takes one day",
   "'{value}' không phải là ngày; '{key}' ghi một ngày"},
  {"invalid-progress", "{error}", "{error}"},
  {"hint:progress-forms",
   "write e.g. '60%', 'đã hoàn thành ngày 12/5/2024', 'đang thực hiện (60%)', 'bắt đầu từ ngày "
   "3/5/2024', 'chưa thực hiện', 'done on 2024-05-12', 'in progress (60%)'",
   "ví dụ '60%', 'đã hoàn thành ngày 12/5/2024', 'đang thực hiện (60%)', 'bắt đầu từ ngày "
   "3/5/2024', 'chưa thực hiện'"},
  {"progress-error:malformed-percent", "'{text}' has a malformed percentage",
   "'{text}' có tỷ lệ phần trăm viết sai"},
  {"progress-error:over-100", "progress of {percent}% is over 100%",
   "tiến độ {percent}% vượt quá 100%"},
  {"progress-error:not-progress", "'{text}' is not a progress report",
   "'{text}' không phải là báo cáo tiến độ"},
  {"progress-error:not-a-day", "'{day}' in '{text}' is not a day",
   "'{day}' trong '{text}' không phải là ngày"},
  {"progress-error:done-without-day",
   "'{text}' says the step is finished but not on which day; the day decides what follows it",
   "'{text}' nói bước đã hoàn thành nhưng không ghi ngày nào; ngày hoàn thành quyết định các "
   "việc tiếp theo"},
  {"progress-error:not-started-with-day", "'{text}' says not started, with a day or a percentage",
   "'{text}' nói chưa thực hiện, nhưng lại có ngày hoặc tỷ lệ phần trăm"},
  {"progress-error:day-without-state", "'{text}': a day without saying what happened on it",
   "'{text}': có ngày nhưng không nói ngày đó đã làm gì"},
  {"progress-contradiction", "'progress' says {said} but '{key}' says {day}",
   "'progress' ghi {said} nhưng '{key}' ghi {day}"},
  {"progress-contradiction:remaining", "step '{step}' is done but has {days} days remaining",
   "bước '{step}' đã hoàn thành nhưng vẫn còn {days} ngày"},
  {"progress-contradiction:percent", "step '{step}' is done but its progress is {percent}%",
   "bước '{step}' đã hoàn thành nhưng tiến độ mới {percent}%"},
  {"hint:keep-one", "keep one of them", "chỉ giữ một trong hai"},
  {"note:written-here", "'{key}' written here", "'{key}' được ghi ở đây"},
  {"hint:remove-remaining-or-done", "remove 'remaining' or 'done'", "hãy xóa 'remaining' hoặc 'done'"},
  {"hint:progress-100", "remove 'progress' or make it 100%",
   "hãy xóa 'progress' hoặc sửa thành 100%"},
  {"invalid-duration:remaining", "'{value}' is not a remaining duration of this step",
   "'{value}' không phải là thời gian còn lại hợp lệ của bước này"},
  {"hint:remaining-calendar-days", "this step counts calendar days: write e.g. '3cd'",
   "bước này tính theo ngày lịch: ví dụ '3cd'"},
  {"hint:remaining-working-days", "write working days, e.g. '4d'",
   "ghi số ngày làm việc, ví dụ '4d'"},
  {"done-before-started", "step '{step}' is done on {done}, before it started ({started})",
   "bước '{step}' hoàn thành ngày {done}, trước khi bắt đầu ({started})"},
  {"note:started-here", "started here", "ngày bắt đầu ghi ở đây"},
  {"actual-in-future", "step '{step}' is done on {day}, after the status date {status}",
   "bước '{step}' hoàn thành ngày {day}, sau ngày báo cáo {status}"},
  {"actual-in-future:started", "step '{step}' started on {day}, after the status date {status}",
   "bước '{step}' bắt đầu ngày {day}, sau ngày báo cáo {status}"},
  {"hint:status-date",
   "progress is reported up to the status date: correct the day, or give a later --status-date",
   "tiến độ chỉ báo cáo đến ngày báo cáo: hãy sửa lại ngày, hoặc dùng --status-date muộn hơn"},

  // --- three-point estimates --------------------------------------------------
  {"hint:estimate-duration", "write it as the step's duration is written, e.g. '4d'",
   "ghi giống thời gian thực hiện của bước, ví dụ '4d'"},
  {"invalid-duration:approval-range",
   "an approval at a committee meeting takes the meeting day: it has no range of durations",
   "bước thông qua tại kỳ họp diễn ra đúng ngày họp: không có khoảng thời gian dao động"},
  {"invalid-duration:milestone-range", "a milestone takes no time: it has no range of durations",
   "mốc không tốn thời gian: không có khoảng thời gian dao động"},
  {"hint:remove-key", "remove '{key}'", "hãy xóa '{key}'"},
  {"invalid-duration:estimate-unit",
   "'{key}' counts {unit} but the duration {duration} counts {duration_unit}",
   "'{key}' tính theo {unit} nhưng thời gian thực hiện {duration} tính theo {duration_unit}"},
  {"hint:write-example", "write e.g. '{example}'", "ví dụ '{example}'"},
  {"invalid-duration:optimistic",
   "optimistic {optimistic} is longer than the most likely {duration} ('duration')",
   "thời gian lạc quan {optimistic} dài hơn thời gian dự kiến {duration} ('duration')"},
  {"hint:optimistic", "the optimistic duration is the shortest the step can take",
   "thời gian lạc quan là thời gian ngắn nhất bước có thể làm xong"},
  {"invalid-duration:pessimistic",
   "pessimistic {pessimistic} is shorter than the most likely {duration} ('duration')",
   "thời gian bi quan {pessimistic} ngắn hơn thời gian dự kiến {duration} ('duration')"},
  {"hint:pessimistic", "the pessimistic duration is the longest the step can take",
   "thời gian bi quan là thời gian dài nhất bước có thể cần"},

  // --- guesses and what was not read ------------------------------------------
  {"unknown-guess", "'guessed' names '{key}', which this {what} does not have",
   "'guessed' nêu '{key}', nhưng {what} này không có khóa đó"},

  // --- the things messages name -----------------------------------------------
  {"what:plan-file", "the plan file", "tệp kế hoạch"},
  {"what:workspace-file", "a workspace file", "tệp workspace"},
  {"what:task", "a task", "nhiệm vụ"},
  {"what:step", "a step", "bước"},
  {"what:event", "an event", "sự kiện"},
  {"what:person", "a person", "cán bộ"},
  {"what:unit", "a unit", "đơn vị"},
  {"what:group", "a group", "nhóm nhiệm vụ"},
  {"what:committee", "a committee", "cơ quan"},
  {"what:committee-named", "committee '{id}'", "cơ quan '{id}'"},
  {"what:meeting-rule", "a meeting rule", "quy tắc họp"},
  {"what:dependency", "a dependency", "quan hệ phụ thuộc"},
  {"what:builtin-calendar", "a built-in calendar", "lịch dựng sẵn"},
  {"what:day-off", "a day off", "ngày nghỉ"},
  {"what:alias", "an alias", "tên gọi khác"},
  {"what:month", "a month", "tháng"},
  {"what:moved-meeting", "a moved meeting", "kỳ họp được dời"},
  {"what:new-date", "its new date", "ngày họp mới"},
  {"what:event-date", "an event's 'date'", "'date' của sự kiện"},
  {"what:event-until", "an event's 'until'", "'until' của sự kiện"},
  {"what:meeting-date", "a meeting 'date'", "'date' của kỳ họp"},
  {"what:window-start", "a window's start", "ngày đầu của khoảng thời gian"},
  {"what:window-end", "a window's end", "ngày cuối của khoảng thời gian"},
  {"what:guessed-key", "a guessed key", "khóa phỏng đoán"},
  {"what:why-guessed", "why '{key}' was guessed", "lý do phỏng đoán '{key}'"},
  {"what:not-read", "what was not read", "nội dung chưa đọc được"},
  {"what:calendar-days", "calendar days", "ngày lịch"},
  {"what:working-days", "working days", "ngày làm việc"},
  {"what:kind-plan", "plan", "kế hoạch"},
  {"what:kind-task", "task", "nhiệm vụ"},
  {"what:kind-step", "step", "bước"},
  {"what:kind-event", "event", "sự kiện"},
  {"what:kind-committee", "committee", "cơ quan"},
  {"what:kind-person", "person", "cán bộ"},
  {"what:kind-unit", "unit", "đơn vị"},
  {"what:kind-group", "group", "nhóm"},

  // --- the dependency graph and the schedule -----------------------------------
  {"unknown-id", "'{id}' is not a step, task or event of the plan",
   "'{id}' không phải là bước, nhiệm vụ hay sự kiện của kế hoạch"},
  {"too-many-links", "more than 65,536 dependencies listed in one place",
   "hơn 65.536 quan hệ phụ thuộc ghi ở cùng một chỗ"},
  {"hint:split-work", "split the work into several steps", "hãy chia công việc thành nhiều bước"},
  {"self-dependency", "'{id}' cannot wait for itself", "'{id}' không thể chờ chính nó"},
  {"dependency-cycle", "dependency cycle: {cycle}", "các bước chờ nhau thành vòng: {cycle}"},
  {"what:more-steps", "{count} more steps", "thêm {count} bước"},
  {"what:cycle-of", "a cycle of {count} steps", "vòng gồm {count} bước"},
  {"hint:remove-a-dependency", "remove one of these dependencies",
   "hãy bỏ một trong các quan hệ phụ thuộc này"},
  {"note:waits-for", "'{step}' waits for '{on}'", "'{step}' chờ '{on}'"},
  {"note:waits-for-implied", "'{step}' waits for '{on}' (steps of a task follow one another)",
   "'{step}' chờ '{on}' (các bước của một nhiệm vụ nối tiếp nhau)"},
  {"schedule-overflow", "the schedule runs past {last}, the end of the calendar tiendo can index",
   "lịch thực hiện kéo dài quá {last}, ngày cuối cùng tiendo tính được"},
  {"hint:overflow", "check for durations or lags that are far too long",
   "hãy kiểm tra thời gian thực hiện hoặc độ trễ quá dài"},
});
// clang-format on

/// Ids whose first part names no diagnostic code: suggestions, notes, the
/// words of other messages and the phrase and progress readers' reasons.
bool names_a_code(std::string_view id) {
  const auto prefix = id.substr(0, id.find(':'));
  return id.find(':') == std::string_view::npos ||
         (prefix != "hint" && prefix != "note" && prefix != "what" && prefix != "phrase-error" &&
          prefix != "progress-error");
}

bool is_argument_char(char c) {
  return (c >= 'a' && c <= 'z') || c == '_';
}

/// `{name}` at `at` in `text`: its name, or empty when it is not one (a
/// literal brace, as in "{on: id, type: FS}").
std::string_view argument_at(std::string_view text, std::size_t at) {
  if (text[at] != '{') return {};
  const auto close = text.find('}', at + 1);
  if (close == std::string_view::npos || close == at + 1) return {};
  const auto name = text.substr(at + 1, close - at - 1);
  return std::all_of(name.begin(), name.end(), is_argument_char) ? name : std::string_view{};
}

std::string fill(std::string_view text, std::initializer_list<MessageArg> args, Lang lang) {
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size();) {
    const auto name = argument_at(text, i);
    const auto arg = name.empty()
                         ? args.end()
                         : std::find_if(args.begin(), args.end(),
                                        [&](const MessageArg& a) { return a.name == name; });
    if (arg == args.end()) {
      out += text[i++];
      continue;
    }
    out += arg->text.in(lang);
    i += name.size() + 2;
  }
  return out;
}

}  // namespace

std::span<const CatalogueEntry> message_catalogue() {
  return kCatalogue;
}

Message say(std::string_view id, std::initializer_list<MessageArg> args) {
  // Indexed once: a large plan says a message for each phrase it notes.
  static const auto index = [] {
    std::unordered_map<std::string_view, const CatalogueEntry*> entries;
    for (const auto& e : kCatalogue) entries.emplace(e.id, &e);
    return entries;
  }();
  const auto found = index.find(id);
  if (found == index.end()) return {std::string(id), {}};
  const auto& entry = *found->second;
  return {fill(entry.en, args, Lang::en), fill(entry.vi, args, Lang::vi)};
}

std::string_view code_of(std::string_view id) {
  return id.substr(0, id.find(':'));
}

std::vector<std::string> catalogued_codes() {
  std::set<std::string> codes;
  for (const auto& e : kCatalogue) {
    if (names_a_code(e.id)) codes.emplace(code_of(e.id));
  }
  return {codes.begin(), codes.end()};
}

std::vector<std::string> message_arguments(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto name = argument_at(text, i);
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.emplace_back(name);
    }
  }
  return names;
}

Diagnostic make_diagnostic(Severity severity, SourceLocation where, std::string_view id,
                           std::initializer_list<MessageArg> args, Message suggestion) {
  auto message = say(id, args);
  Diagnostic d{severity, std::string(code_of(id)), std::move(message.en), where,
               {},       std::move(suggestion.en)};
  d.message_vi = std::move(message.vi);
  d.suggestion_vi = std::move(suggestion.vi);
  return d;
}

Note make_note(SourceLocation where, std::string_view id, std::initializer_list<MessageArg> args) {
  auto message = say(id, args);
  return {std::move(message.en), where, std::move(message.vi)};
}

Message did_you_mean_in_both(std::string_view word, const std::vector<std::string>& candidates) {
  const auto match = closest_match(word, candidates);
  return match.empty() ? Message{} : say("hint:did-you-mean", {{"word", match}});
}

}  // namespace tiendo
