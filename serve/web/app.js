// tiendo — the planner's page: workspace, plan page with chart, findings,
// schedule, text editor and step forms. Plain ES2020 module, no framework.
// Talks to `tiendo serve` through /api/* (see serve/ in the repository).

'use strict';

// ---------------------------------------------------------------- words ---

const WORDS = {
  vi: {
    appName: 'tiến độ',
    loading: 'Đang tải…',
    workspace: 'Các kế hoạch',
    plansIn: 'Các kế hoạch trong thư mục',
    noPlans: 'Thư mục chưa có kế hoạch nào. Hãy tạo kế hoạch mới từ bảng bên dưới.',
    colTitle: 'Kế hoạch', colFile: 'Tệp', colStatus: 'Tình trạng',
    colDeadline: 'Hạn gần nhất', colMeeting: 'Kỳ họp tới',
    feasible: 'Khả thi', infeasible: 'Không khả thi', unreadable: 'Chưa đọc được',
    feasibleIf: (n) => `Khả thi nếu ${n} giá trị phỏng đoán đúng`,
    nothingToCheck: 'Chưa có gì để kiểm tra',
    nothingToCheckLong: 'Kế hoạch chưa có hạn chót, khung thời gian, kỳ họp ấn định hay sự kiện nào: chưa có gì để kiểm tra tiến độ.',
    notReadN: (n) => `${n} nội dung chưa đọc được`,
    guessesTitle: (n) => `Cần xác nhận (${n})`,
    guessesHelp: 'Những giá trị này không có trong văn bản: tiendo đã phỏng đoán. Kết luận “khả thi” chỉ đúng khi chúng đúng. Hãy xem từng giá trị, sửa nếu sai, rồi bấm “Xác nhận”.',
    guessConfirm: 'Xác nhận', guessConfirmFailed: 'Không xác nhận được',
    guessSubject: { plan: 'Kế hoạch', event: 'Sự kiện', committee: 'Cơ quan họp', task: 'Nhiệm vụ', step: 'Bước' },
    guessKey: { kind: 'loại bước', duration: 'thời lượng', start: 'ngày bắt đầu', rule: 'lịch họp', submit_lead: 'hạn nộp trước kỳ họp', name: 'tên', date: 'ngày', id: 'số hiệu', title: 'tên kế hoạch' },
    errorsN: (n) => `${n} lỗi`, warningsN: (n) => `${n} cảnh báo`,
    none: '—', past: 'đã qua',
    importTitle: 'Kế hoạch mới từ bảng',
    importHelp: 'Dán bảng sao chép từ Word hoặc Excel (các cột: nội dung, thời gian, đơn vị chủ trì, phối hợp…), hoặc chọn tệp văn bản (.docx .odt .xlsx .ods .html .csv .tsv) hay tệp MS Project (.xml).',
    importName: 'Tên tệp kế hoạch mới',
    importPaste: 'Dán bảng vào đây',
    importFile: 'hoặc chọn tệp',
    importGo: 'Tạo kế hoạch',
    importNeed: 'Hãy dán một bảng hoặc chọn một tệp.',
    importDone: (f) => `Đã tạo kế hoạch ${f} từ bảng.`,
    importFailed: 'Không tạo được kế hoạch từ bảng này',
    importNotes: 'Những điều cần xem lại sau khi nhập:',
    save: 'Lưu', saving: 'Đang lưu…', saved: 'Đã lưu', unsaved: 'Chưa lưu',
    savedAt: (t) => `Đã lưu lúc ${t}`,
    downloads: 'Tải về',
    downloadsNote: 'Tải về theo bản đã lưu trên đĩa.',
    downloadsDirty: 'Có thay đổi chưa lưu: tệp tải về là bản trên đĩa. Hãy lưu trước.',
    dlGanttPng: 'Biểu đồ Gantt — PNG (150 dpi)', dlGanttPng300: 'Biểu đồ Gantt — PNG (300 dpi, để in)',
    dlGanttPdfA4: 'Biểu đồ Gantt — PDF A4', dlGanttPdfA3: 'Biểu đồ Gantt — PDF A3', dlGanttSvg: 'Biểu đồ Gantt — SVG',
    dlNetPng: 'Sơ đồ mạng — PNG', dlNetPdf: 'Sơ đồ mạng — PDF', dlNetSvg: 'Sơ đồ mạng — SVG',
    dlSchedJson: 'Bảng tiến độ — JSON', dlSchedCsv: 'Bảng tiến độ — CSV (Excel)',
    dlCheckJson: 'Kết quả kiểm tra — JSON', dlCheckTxt: 'Kết quả kiểm tra — văn bản',
    dlCharts: 'Biểu đồ', dlReports: 'Báo cáo', dlOther: 'Cho phần mềm khác',
    baselineTitle: 'Kế hoạch gốc', baselineNone: '(không so sánh)', baselineName: 'Tên:',
    baselineOption: (n, d) => `${n} — lưu ngày ${d}`, baselineCompare: 'So sánh với:',
    baselineSave: 'Lưu làm kế hoạch gốc',
    baselineSaveHelp: 'Giữ lịch của bản đã lưu trên đĩa làm kế hoạch gốc (tệp .baseline.json cạnh kế hoạch)',
    baselineReplace: (n) => `Thay kế hoạch gốc '${n}' bằng lịch hiện tại?`,
    baselineHelp: 'Biểu đồ Gantt, báo cáo tiến độ và bảng tiến độ tải về sẽ so với kế hoạch gốc đã chọn.',
    baselineEmpty: 'Chưa có kế hoạch gốc. Khi kế hoạch được thông qua, lưu lịch lúc đó để sau này so sánh.',
    dlStatusPdf: 'Báo cáo tiến độ — PDF một trang', dlStatusTxt: 'Báo cáo tiến độ — văn bản',
    dlXlsx: 'Bảng tính Excel (.xlsx)', dlIcs: 'Lịch (.ics: Google, Outlook)', dlMspdi: 'MS Project (.xml)',
    tabGantt: 'Gantt', tabNetwork: 'Mạng', tabTable: 'Bảng tiến độ', tabExplain: 'Diễn giải',
    tabMeetings: 'Lịch họp', tabText: 'Văn bản', tabForms: 'Các bước',
    findings: 'Kết quả kiểm tra', noFindings: 'Không phát hiện mâu thuẫn: mọi bước đều kịp thời hạn.',
    findingsStale: 'Kế hoạch đang có lỗi cú pháp; đây là kết quả của lần đọc được gần nhất.',
    readErrors: 'Lỗi khi đọc kế hoạch', readWarnings: (n) => `Cảnh báo khi đọc văn bản (${n})`,
    line: 'dòng', shortfall: (n) => `thiếu ${n} ngày làm việc`, chain: 'Chuỗi gây ra',
    fit: 'Vừa khung', zoomIn: 'Phóng to', zoomOut: 'Thu nhỏ', actual: '100%',
    hoverHint: 'Di chuột lên một bước để xem chi tiết, bấm vào bước để sửa; bấm một mục kiểm tra để tô sáng các bước liên quan.',
    noChart: 'Chưa có biểu đồ: kế hoạch chưa đọc được. Xem tab Văn bản.',
    staleChart: 'Kế hoạch đang có lỗi: biểu đồ là của lần đọc được gần nhất.',
    drawing: 'Đang vẽ…',
    colStep: 'Bước', colKind: 'Loại', colStart: 'Bắt đầu', colFinish: 'Kết thúc', colDur: 'Thời lượng',
    colTF: 'Dự trữ toàn phần (ngày)', colFF: 'Dự trữ tự do (ngày)', colCrit: 'Găng', colDriver: 'Quyết định bởi', colMeetingDay: 'Kỳ họp',
    colWhen: 'Thời gian (như văn bản)', colAfter: 'Sau bước', colProgress: 'Tiến độ thực hiện',
    progressHint: 'vd. 60%, đã hoàn thành ngày 12/5/2024', progressDone: 'đã hoàn thành',
    progressDoneOn: (d) => `đã hoàn thành ngày ${d}`, progressStartedOn: (d) => `bắt đầu ngày ${d}`,
    progressUnderway: 'đang thực hiện', colName: 'Tên bước', colId: 'Mã',
    criticalPath: 'Đường găng',
    planSpan: (a, b) => `Từ ${a} đến ${b}`,
    days: (n) => `${n} ngày làm việc`, cdays: (n) => `${n} ngày lịch`,
    daysShort: (n) => `${n} ngày`, cdaysShort: (n) => `${n} ngày lịch`,
    floatDays: (n) => `${n} ngày`,
    kinds: { draft: 'Dự thảo', approval: 'Trình duyệt', production: 'Sản xuất', broadcast: 'Phát hành',
      event: 'Sự kiện', milestone: 'Mốc', other: 'Khác' },
    driver: { plan_start: 'Ngày bắt đầu kế hoạch', link: 'Chờ bước trước', constraint: 'Ràng buộc thời gian',
      pinned: 'Gắn với kỳ họp' },
    ttDates: 'Thời gian', ttDur: 'Thời lượng', ttTF: 'Dự trữ toàn phần', ttDriver: 'Quyết định bởi',
    ttMeeting: 'Kỳ họp', ttCritical: 'Bước găng', ttWaits: 'Chờ',
    committees: 'Các cấp uỷ và kỳ họp', submitLead: (n) => `nộp hồ sơ trước ${n} ngày làm việc`,
    events: 'Các sự kiện của kế hoạch', agenda: 'Nội dung trình tại từng kỳ họp',
    editorHelp: 'Sửa trực tiếp văn bản kế hoạch. Biểu đồ và kết quả kiểm tra cập nhật khi bạn gõ.',
    noDiags: 'Văn bản không có lỗi hay cảnh báo.',
    diagsTitle: 'Lỗi và cảnh báo', suggestion: 'Gợi ý',
    formsHelp: 'Sửa một ô rồi nhấn Enter hoặc chuyển sang ô khác: văn bản kế hoạch được sửa đúng chỗ, các ghi chú được giữ nguyên.',
    formsNone: 'Chưa có bước nào (kế hoạch chưa đọc được).',
    editFailed: 'Không sửa được',
    listInText: 'Có nhiều cụm thời gian: hãy sửa trong tab Văn bản.',
    conflictTitle: 'Tệp đã bị thay đổi trên đĩa',
    conflictBody: 'Trong lúc bạn sửa, tệp này đã bị người khác (hoặc chương trình khác) thay đổi. Bạn muốn làm gì?',
    conflictReload: 'Tải lại từ đĩa (bỏ thay đổi của tôi)',
    conflictKeep: 'Giữ bản của tôi (ghi đè lên đĩa)',
    cancel: 'Để sau',
    leaveUnsaved: 'Có thay đổi chưa lưu. Rời trang và bỏ các thay đổi?',
    netError: 'Không kết nối được máy chủ tiendo',
    serverError: (s) => `Máy chủ báo lỗi (${s})`,
    close: 'Đóng',
    back: '← Các kế hoạch',
    planNotFound: 'Không mở được kế hoạch',
    analyzing: 'Đang tính…',
    ms: (n) => `tính trong ${n} ms`,
    statusAt: (d) => `tiến độ tính đến ngày ${d}`,
    statusToday: (d) => `tiến độ tính đến hôm nay ${d} (ghi status_date trong kế hoạch để chọn ngày khác)`,
  },
  en: {
    appName: 'tiến độ',
    loading: 'Loading…',
    workspace: 'Plans',
    plansIn: 'Plans in folder',
    noPlans: 'This folder has no plan yet. Create one from a table below.',
    colTitle: 'Plan', colFile: 'File', colStatus: 'Status',
    colDeadline: 'Next deadline', colMeeting: 'Next meeting',
    feasible: 'Feasible', infeasible: 'Not feasible', unreadable: 'Cannot be read',
    feasibleIf: (n) => `Feasible if ${n} guessed value${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''}`,
    nothingToCheck: 'Nothing to check against',
    nothingToCheckLong: 'The plan has no deadline, window, pinned meeting or event: there is nothing to check its schedule against.',
    notReadN: (n) => `${n} not read`,
    guessesTitle: (n) => `To confirm (${n})`,
    guessesHelp: 'These values are not in the document: tiendo guessed them. “Feasible” holds only if they do. Check each, correct it if it is wrong, then press “Confirm”.',
    guessConfirm: 'Confirm', guessConfirmFailed: 'Could not confirm',
    guessSubject: { plan: 'Plan', event: 'Event', committee: 'Committee', task: 'Task', step: 'Step' },
    guessKey: {},
    errorsN: (n) => `${n} error${n === 1 ? '' : 's'}`, warningsN: (n) => `${n} warning${n === 1 ? '' : 's'}`,
    none: '—', past: 'past',
    importTitle: 'New plan from a table',
    importHelp: 'Paste a table copied from Word or Excel (columns: content, time, lead unit, assisting units…), or choose a document (.docx .odt .xlsx .ods .html .csv .tsv) or an MS Project file (.xml).',
    importName: 'Name of the new plan file',
    importPaste: 'Paste the table here',
    importFile: 'or choose a file',
    importGo: 'Create plan',
    importNeed: 'Paste a table or choose a file.',
    importDone: (f) => `Plan ${f} created from the table.`,
    importFailed: 'Could not create a plan from this table',
    importNotes: 'To review after the import:',
    save: 'Save', saving: 'Saving…', saved: 'Saved', unsaved: 'Unsaved',
    savedAt: (t) => `Saved at ${t}`,
    downloads: 'Downloads',
    downloadsNote: 'Downloads are made from the file saved on disk.',
    downloadsDirty: 'Unsaved changes: downloads are made from the file on disk. Save first.',
    dlGanttPng: 'Gantt chart — PNG (150 dpi)', dlGanttPng300: 'Gantt chart — PNG (300 dpi, for print)',
    dlGanttPdfA4: 'Gantt chart — PDF A4', dlGanttPdfA3: 'Gantt chart — PDF A3', dlGanttSvg: 'Gantt chart — SVG',
    dlNetPng: 'Network — PNG', dlNetPdf: 'Network — PDF', dlNetSvg: 'Network — SVG',
    dlSchedJson: 'Schedule — JSON', dlSchedCsv: 'Schedule — CSV (Excel)',
    dlCheckJson: 'Check — JSON', dlCheckTxt: 'Check — text',
    dlCharts: 'Charts', dlReports: 'Reports', dlOther: 'For other programs',
    baselineTitle: 'Baseline', baselineNone: '(no comparison)', baselineName: 'Name:',
    baselineOption: (n, d) => `${n} — saved ${d}`, baselineCompare: 'Compare with:',
    baselineSave: 'Keep as baseline',
    baselineSaveHelp: 'Keep the schedule of the file saved on disk as a baseline (a .baseline.json file beside the plan)',
    baselineReplace: (n) => `Replace baseline '${n}' with the schedule as it is now?`,
    baselineHelp: 'Downloaded Gantt charts, status reports and schedules compare with the chosen baseline.',
    baselineEmpty: 'No baseline yet. When the plan is adopted, keep its schedule to compare with later.',
    dlStatusPdf: 'Status report — one-page PDF', dlStatusTxt: 'Status report — text',
    dlXlsx: 'Excel workbook (.xlsx)', dlIcs: 'Calendar (.ics: Google, Outlook)', dlMspdi: 'MS Project (.xml)',
    tabGantt: 'Gantt', tabNetwork: 'Network', tabTable: 'Schedule', tabExplain: 'Explanations',
    tabMeetings: 'Meetings', tabText: 'Text', tabForms: 'Steps',
    findings: 'Check results', noFindings: 'No conflict found: every step meets its deadline.',
    findingsStale: 'The plan has a syntax error; these are the results of the last version that could be read.',
    readErrors: 'Errors reading the plan', readWarnings: (n) => `Warnings reading the text (${n})`,
    line: 'line', shortfall: (n) => `short by ${n} working day${n === 1 ? '' : 's'}`, chain: 'Driving chain',
    fit: 'Fit', zoomIn: 'Zoom in', zoomOut: 'Zoom out', actual: '100%',
    hoverHint: 'Hover a step for details, click it to edit it; click a check result to highlight its steps.',
    noChart: 'No chart yet: the plan cannot be read. See the Text tab.',
    staleChart: 'The plan has an error: this chart is from the last version that could be read.',
    drawing: 'Drawing…',
    colStep: 'Step', colKind: 'Kind', colStart: 'Start', colFinish: 'Finish', colDur: 'Duration',
    colTF: 'Total float (d)', colFF: 'Free float (d)', colCrit: 'Critical', colDriver: 'Driven by', colMeetingDay: 'Meeting',
    colWhen: 'Time (as written)', colAfter: 'After', colProgress: 'Progress',
    progressHint: 'e.g. 60%, done 2024-05-12', progressDone: 'done',
    progressDoneOn: (d) => `done ${d}`, progressStartedOn: (d) => `started ${d}`,
    progressUnderway: 'under way', colName: 'Step name', colId: 'Id',
    criticalPath: 'Critical path',
    planSpan: (a, b) => `From ${a} to ${b}`,
    days: (n) => `${n} working day${n === 1 ? '' : 's'}`, cdays: (n) => `${n} calendar day${n === 1 ? '' : 's'}`,
    daysShort: (n) => `${n} d`, cdaysShort: (n) => `${n} cal. d`,
    floatDays: (n) => `${n} d`,
    kinds: { draft: 'Draft', approval: 'Approval', production: 'Production', broadcast: 'Broadcast',
      event: 'Event', milestone: 'Milestone', other: 'Other' },
    driver: { plan_start: 'Plan start', link: 'Waits for a predecessor', constraint: 'Time constraint',
      pinned: 'Pinned to a meeting' },
    ttDates: 'Dates', ttDur: 'Duration', ttTF: 'Total float', ttDriver: 'Driven by',
    ttMeeting: 'Meeting', ttCritical: 'Critical step', ttWaits: 'Waits for',
    committees: 'Committees and meetings', submitLead: (n) => `documents due ${n} working days before`,
    events: 'Events of the plan', agenda: 'What each meeting approves',
    editorHelp: 'Edit the plan text directly. The chart and the check results update as you type.',
    noDiags: 'No error or warning in the text.',
    diagsTitle: 'Errors and warnings', suggestion: 'Suggestion',
    formsHelp: 'Change a field, then press Enter or move on: the plan text is edited in place and its comments are kept.',
    formsNone: 'No step yet (the plan cannot be read).',
    editFailed: 'Could not edit',
    listInText: 'Several time phrases: edit them in the Text tab.',
    conflictTitle: 'The file was changed on disk',
    conflictBody: 'While you were editing, someone (or another program) changed this file. What do you want to do?',
    conflictReload: 'Reload from disk (discard my changes)',
    conflictKeep: 'Keep mine (overwrite the file on disk)',
    cancel: 'Later',
    leaveUnsaved: 'There are unsaved changes. Leave and discard them?',
    netError: 'Cannot reach the tiendo server',
    serverError: (s) => `Server error (${s})`,
    close: 'Close',
    back: '← Plans',
    planNotFound: 'Cannot open the plan',
    analyzing: 'Computing…',
    ms: (n) => `computed in ${n} ms`,
    statusAt: (d) => `progress as of ${d}`,
    statusToday: (d) => `progress as of today, ${d} (write status_date in the plan for another day)`,
  },
};

const KINDS = ['draft', 'approval', 'production', 'broadcast', 'event', 'milestone', 'other'];
const TABS = ['gantt', 'network', 'table', 'explain', 'meetings', 'text', 'forms'];
const TAB_WORD = { gantt: 'tabGantt', network: 'tabNetwork', table: 'tabTable', explain: 'tabExplain',
  meetings: 'tabMeetings', text: 'tabText', forms: 'tabForms' };

// ---------------------------------------------------------------- state ---

const S = {
  lang: localStorage.getItem('tiendo.lang') === 'en' ? 'en' : 'vi',
  plan: null,        // {file, text, saved, etag}
  result: null,      // the last /api/analyze answer
  good: null,        // the last answer that had a schedule
  tab: 'gantt',
  seq: 0,            // analyze requests, so a late answer does not overwrite a newer one
  zoom: 0,           // 0 = fit the width; else a scale factor
  hlSteps: [],       // steps highlighted from a finding
  hlFinding: null,
  network: { key: '', svg: null, busy: false },
  flash: null,       // notes to show once on the next plan page (import warnings)
  saving: false,
  baseline: '',      // the baseline downloads compare with ('' for none)…
  baselineOf: '',    // …for this plan file
};

const t = (key, ...args) => {
  const w = WORDS[S.lang][key] ?? WORDS.vi[key] ?? key;
  return typeof w === 'function' ? w(...args) : w;
};

// ---------------------------------------------------------------- DOM -----

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

/** h('div.cls#id', {attr: v, onclick: f}, child, ...) */
function h(spec, attrs, ...children) {
  const m = spec.match(/^([a-z0-9]+)((?:[.#][\w-]+)*)$/i);
  const el = document.createElement(m ? m[1] : spec);
  if (m && m[2]) {
    for (const part of m[2].match(/[.#][\w-]+/g)) {
      if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
    }
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && !['list', 'form', 'type'].includes(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

const enc = encodeURIComponent;

function fmtDate(iso) {
  return fmtDateVi(iso);
}

function fmtDateVi(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function debounce(fn, ms) {
  let timer = 0;
  const d = (...a) => { clearTimeout(timer); timer = setTimeout(() => fn(...a), ms); };
  d.cancel = () => clearTimeout(timer);
  return d;
}

// ---------------------------------------------------------------- API -----

class ApiError extends Error {
  constructor(status, message, data) {
    super(message);
    this.status = status;
    this.data = data;
  }
}

async function api(method, path, { body, type, headers } = {}) {
  const init = { method, credentials: 'same-origin', headers: { 'X-Tiendo': '1', ...(headers || {}) } };
  if (body !== undefined) {
    init.body = body;
    if (type) init.headers['Content-Type'] = type;
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `${t('netError')}: ${e.message}`);
  }
  const ct = res.headers.get('Content-Type') || '';
  let data;
  if (ct.includes('json')) data = await res.json().catch(() => null);
  else if (ct.startsWith('text/') || ct.includes('svg') || !ct) data = await res.text();
  else data = await res.blob();
  if (!res.ok) {
    const msg = (data && data.error) || (typeof data === 'string' && data.trim()) || res.statusText;
    throw new ApiError(res.status, `${t('serverError', res.status)}: ${msg}`, data);
  }
  return { data, res };
}

// ------------------------------------------------------------ errors ------

function showError(err, where) {
  const box = $('#errors');
  const msg = err instanceof Error ? err.message : String(err);
  const item = h('div.error-item', h('span', where ? `${where}: ${msg}` : msg),
    h('button.close', { type: 'button', title: t('close'), onclick: () => { item.remove(); box.hidden = !box.children.length; } }, '×'));
  box.append(item);
  box.hidden = false;
  console.error(where || '', err);
}

function clearErrors() {
  const box = $('#errors');
  box.replaceChildren();
  box.hidden = true;
}

// ------------------------------------------------------------ routing -----

let currentHash = '';

function dirty() {
  return !!S.plan && S.plan.text !== S.plan.saved;
}

window.addEventListener('hashchange', () => {
  const next = location.hash || '#/';
  if (next === currentHash) return;
  const leavingPlan = S.plan && next !== `#/plan/${enc(S.plan.file)}`;
  if (leavingPlan && dirty() && !confirm(t('leaveUnsaved'))) {
    history.replaceState(null, '', currentHash);
    return;
  }
  route();
});

window.addEventListener('beforeunload', (e) => {
  if (dirty()) {
    e.preventDefault();
    e.returnValue = '';
  }
});

function route() {
  currentHash = location.hash || '#/';
  clearErrors();
  hideTooltip();
  const m = /^#\/plan\/(.+)$/.exec(currentHash);
  if (m) openPlan(decodeURIComponent(m[1]));
  else showWorkspace();
}

function setLang(lang) {
  if (lang === S.lang) return;
  S.lang = lang;
  localStorage.setItem('tiendo.lang', lang);
  document.documentElement.lang = lang;
  paintLangSwitch();
  if (S.plan) {
    renderPlanPage();
    analyzeNow();
  } else {
    showWorkspace();
  }
}

function paintLangSwitch() {
  for (const b of $$('#lang-switch button')) b.classList.toggle('on', b.dataset.lang === S.lang);
  for (const el of $$('[data-t]')) el.textContent = t(el.dataset.t);
}

function setCrumbs(...parts) {
  $('#crumbs').replaceChildren(...parts.map((p, i) => h('span', i ? '› ' : '', p)));
}

// ---------------------------------------------------------- workspace -----

/**
 * The verdict as a badge, with what it rests on: never a plain "Feasible" over
 * values tiendo guessed or words it could not read.
 */
function statusBadge(p) {
  if (!p.ok) return h('span.badge.bad', t('unreadable'));
  const guesses = p.guessed_values || 0;
  const counts = [p.errors ? t('errorsN', p.errors) : null, p.warnings ? t('warningsN', p.warnings) : null,
    p.not_read ? t('notReadN', p.not_read) : null]
    .filter(Boolean).join(', ');
  let badge;
  if (p.nothing_to_check) badge = h('span.badge.warn', t('nothingToCheck'));
  else if (!p.feasible) badge = h('span.badge.bad', t('infeasible'));
  else if (guesses || p.not_read) badge = h('span.badge.warn', guesses ? t('feasibleIf', guesses) : t('feasible'));
  else badge = h('span.badge.good', t('feasible'));
  return h('span.badge-wrap', badge, counts ? h('span.counts', counts) : null);
}

async function showWorkspace() {
  S.plan = null;
  S.result = S.good = null;
  document.title = `${t('workspace')} — tiến độ`;
  setCrumbs(t('workspace'));
  const app = $('#app');
  app.replaceChildren(h('p.loading', t('loading')));
  let data;
  try {
    ({ data } = await api('GET', '/api/plans'));
  } catch (e) {
    showError(e, t('workspace'));
    app.replaceChildren(importSection());
    return;
  }
  const rows = (data.plans || []).map((p) => {
    const href = `#/plan/${enc(p.file)}`;
    const open = () => { location.hash = href; };
    return h('tr.plan-row', { onclick: open, dataset: { file: p.file, feasible: String(!!p.feasible), ok: String(!!p.ok) } },
      h('td.title', h('a', { href }, p.title || p.file), p.id ? h('div.sub', p.id) : null,
        p.ok ? null : h('div.diag-line', p.diagnostic || '')),
      h('td.file', h('code', p.file)),
      h('td.status', statusBadge(p)),
      h('td.deadline', p.next_deadline
        ? [dateCell(p.next_deadline.date), h('div.sub', p.next_deadline.name || p.next_deadline.step)]
        : t('none')),
      h('td.meeting', p.next_meeting
        ? [dateCell(p.next_meeting.date), h('div.sub', p.next_meeting.committee)] : t('none')));
  });
  app.replaceChildren(
    h('section.workspace',
      h('h1', t('plansIn'), ' ', h('code', data.dir || '')),
      rows.length
        ? h('table.plans',
          h('thead', h('tr', ['colTitle', 'colFile', 'colStatus', 'colDeadline', 'colMeeting'].map((k) => h('th', t(k))))),
          h('tbody', rows))
        : h('p.empty', t('noPlans'))),
    importSection());
}

/** A date, said to be past when it is before today. */
function dateCell(iso) {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return iso < today ? h('div.past', fmtDate(iso), h('span.sub', ` (${t('past')})`)) : h('div', fmtDate(iso));
}

function importSection() {
  const name = h('input', { type: 'text', name: 'name', placeholder: 'ke-hoach-moi', autocomplete: 'off' });
  const paste = h('textarea', { name: 'paste', rows: 8, spellcheck: false, placeholder: t('importPaste') });
  const file = h('input', { type: 'file', name: 'file', accept: '.docx,.odt,.xlsx,.ods,.html,.htm,.csv,.tsv,.xml,.sm' });
  const out = h('div.import-out');
  const go = h('button.primary', { type: 'submit' }, t('importGo'));
  const form = h('form.import', {
    onsubmit: async (e) => {
      e.preventDefault();
      out.replaceChildren();
      const f = file.files[0];
      const text = paste.value;
      if (!f && !text.trim()) { out.append(h('p.bad-text', t('importNeed'))); return; }
      let base = name.value.trim().replace(/\.[a-z0-9]+$/i, '');
      let qname, body, type;
      if (f) {
        const ext = (/\.[a-z0-9]+$/i.exec(f.name) || [''])[0].toLowerCase();
        qname = (base || f.name.replace(/\.[a-z0-9]+$/i, '')) + ext;
        body = f;
        type = 'application/octet-stream';
      } else {
        qname = (base || 'bang') + (text.includes('\t') ? '.tsv' : '.csv');
        body = text;
        type = 'text/plain; charset=utf-8';
      }
      go.disabled = true;
      try {
        const { data } = await api('POST', `/api/import?name=${enc(qname)}&lang=${S.lang}`, { body, type });
        S.flash = { title: t('importDone', data.file), diagnostics: data.diagnostics || [] };
        location.hash = `#/plan/${enc(data.file)}`;
      } catch (err) {
        out.append(h('p.bad-text', `${t('importFailed')}: ${err.data?.error || err.message}`),
          diagList(err.data?.diagnostics || [], null));
      } finally {
        go.disabled = false;
      }
    },
  },
  h('h2', t('importTitle')),
  h('p.help', t('importHelp')),
  h('label', h('span', t('importName')), name),
  h('label.paste', h('span', t('importPaste')), paste),
  h('label', h('span', t('importFile')), file),
  h('div.actions', go), out);
  return h('section.import-box', form);
}

// ---------------------------------------------------------- plan page -----

async function openPlan(file) {
  if (S.plan && S.plan.file === file && $('#plan')) return;
  S.plan = null;
  S.result = S.good = null;
  S.hlSteps = [];
  S.hlFinding = null;
  S.network = { key: '', svg: null, busy: false };
  S.tab = 'gantt'; // a plan opens on its chart
  setCrumbs(h('a', { href: '#/' }, t('workspace')), file);
  $('#app').replaceChildren(h('p.loading', t('loading')));
  try {
    const { data } = await api('GET', `/api/plan?file=${enc(file)}`);
    S.plan = { file, text: data.text, saved: data.text, etag: data.etag };
  } catch (e) {
    showError(e, `${t('planNotFound')} ${file}`);
    $('#app').replaceChildren(h('p', h('a', { href: '#/' }, t('back'))));
    return;
  }
  renderPlanPage();
  analyzeNow();
}

function renderPlanPage() {
  const p = S.plan;
  document.title = `${p.file} — tiến độ`;
  setCrumbs(h('a', { href: '#/' }, t('workspace')), p.file);
  const tabs = h('nav.tabs', { role: 'tablist' }, TABS.map((k) =>
    h('button.tab', { type: 'button', role: 'tab', dataset: { tab: k }, onclick: () => showTab(k) }, t(TAB_WORD[k]))));
  const panels = h('div.panels', TABS.map((k) => h('section.panel', { role: 'tabpanel', dataset: { panel: k } })));
  const flash = S.flash;
  S.flash = null;
  $('#app').replaceChildren(h('div#plan',
    h('div.plan-head',
      h('div.plan-title', h('h1#plan-title', p.file), h('div#plan-sub.sub')),
      h('div#plan-badge'),
      h('div.plan-actions',
        h('span#save-state.save-state'),
        h('button#save.primary', { type: 'button', onclick: save, title: 'Ctrl+S' }, t('save')),
        downloadsMenu())),
    flash ? h('div.flash', h('div', h('strong', flash.title), h('button.close', { type: 'button', onclick: (e) => e.target.closest('.flash').remove() }, '×')),
      flash.diagnostics.length ? [h('p', t('importNotes')), diagList(flash.diagnostics, gotoLine)] : null) : null,
    h('div.plan-body',
      h('div.main-col', tabs, panels),
      h('aside#findings.findings', h('h2', t('findings')), h('div#findings-list')))));
  formsShape = ''; // the forms panel is new and empty
  buildGanttPanel();
  buildEditorPanel();
  showTab(S.tab);
  updateSaveState();
  if (S.result) applyResult(S.result);
}

function showTab(k) {
  S.tab = k;
  for (const b of $$('.tab')) {
    b.classList.toggle('on', b.dataset.tab === k);
    b.setAttribute('aria-selected', String(b.dataset.tab === k));
  }
  for (const s of $$('.panel')) s.hidden = s.dataset.panel !== k;
  hideTooltip();
  if (k === 'network') refreshNetwork();
  if (k === 'text') syncGutter();
}

function panel(k) {
  return $(`.panel[data-panel="${k}"]`);
}

// ------------------------------------------------------------- analyze ----

const analyzeSoon = debounce(() => analyzeNow(), 300);

async function analyzeNow() {
  analyzeSoon.cancel();
  if (!S.plan) return;
  const seq = ++S.seq;
  const file = S.plan.file;
  const sent = S.plan.text;
  $('#plan-sub') && ($('#plan-sub').textContent = t('analyzing'));
  try {
    const { data } = await api('POST', `/api/analyze?lang=${S.lang}&file=${enc(file)}`,
      { body: sent, type: 'text/plain; charset=utf-8' });
    if (seq !== S.seq || !S.plan || S.plan.file !== file) return;
    S.result = data;
    if (data.schedule) S.good = data;
    applyResult(data);
  } catch (e) {
    if (seq === S.seq) showError(e, 'analyze');
  }
}

function applyResult(r) {
  const good = r.schedule ? r : S.good;
  const sched = good?.schedule;
  const title = sched?.plan?.title;
  $('#plan-title').textContent = title || S.plan.file;
  const sub = [S.plan.file];
  if (sched?.plan) sub.push(t('planSpan', fmtDate(sched.plan.start), fmtDate(sched.plan.finish)));
  // With progress, everything unfinished is scheduled after the status date:
  // say which day that is, and whether it is only today by default.
  if (sched?.status_date) {
    const written = /(?:^\s*|[{,]\s*)status_date\s*:/m.test(S.plan.text);
    sub.push(t(written ? 'statusAt' : 'statusToday', S.lang === 'en' ? sched.status_date : fmtDate(sched.status_date)));
  }
  if (r.millis != null) sub.push(t('ms', r.millis));
  $('#plan-sub').textContent = sub.join(' · ');
  renderBadge(r);
  renderFindings(r);
  renderGantt();
  renderTable();
  renderTextPanel('explain', good?.explain, r.ok);
  renderMeetings();
  renderDiagnostics(r.diagnostics || []);
  renderForms();
  if (S.tab === 'network') refreshNetwork();
}

function renderBadge(r) {
  const box = $('#plan-badge');
  if (!box) return;
  const c = r.check;
  if (!r.ok || !c) {
    const n = (r.diagnostics || []).filter((d) => d.severity === 'error').length;
    box.replaceChildren(h('span.badge.bad', t('unreadable')), n ? h('span.counts', t('errorsN', n)) : null);
    return;
  }
  box.replaceChildren(statusBadge({
    ok: true, feasible: c.feasible, errors: c.errors, warnings: c.warnings,
    nothing_to_check: c.verdict === 'nothing-to-check', guessed_values: c.guessed_values, not_read: c.not_read,
  }));
}

// ------------------------------------------------------------ findings ----

const SEV_ICON = { error: '✖', warning: '▲', note: 'ℹ' };

function renderFindings(r) {
  const list = $('#findings-list');
  if (!list) return;
  const items = [];
  const errs = (r.diagnostics || []).filter((d) => d.severity === 'error');
  if (!r.ok) {
    items.push(h('div.read-errors', h('h3', t('readErrors')), diagList(errs, gotoLine)));
    if (S.good?.check) items.push(h('p.stale', t('findingsStale')));
  }
  const check = r.check || S.good?.check;
  if (check) {
    const fs = check.findings || [];
    if (S.hlFinding && !fs.some((f) => findingKey(f) === S.hlFinding)) {
      S.hlFinding = null;
      S.hlSteps = [];
      S.hlChain = [];
    }
    if (check.verdict === 'nothing-to-check') items.push(h('p.nothing-to-check', t('nothingToCheckLong')));
    else if (!fs.length && !(check.guesses || []).length) items.push(h('p.all-good', '✔ ', t('noFindings')));
    items.push(h('ol.finding-list', fs.map((f) => {
      const li = h(`li.finding.sev-${f.severity}`, {
        tabIndex: 0,
        dataset: { number: f.number, steps: (f.steps || []).join(' ') },
        onclick: () => selectFinding(f),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectFinding(f); } },
      },
      h('span.num', String(f.number)),
      h('span.icon', { title: f.severity }, SEV_ICON[f.severity] || '•'),
      h('div.body',
        h('div.msg', f.message),
        h('div.meta',
          f.shortfall ? h('span.short', t('shortfall', f.shortfall)) : null,
          f.line ? h('a.line', { href: '#', onclick: (e) => { e.preventDefault(); e.stopPropagation(); gotoLine(f.line, 1); } },
            `${t('line')} ${f.line}`) : null)));
      if (S.hlFinding === findingKey(f)) li.classList.add('on');
      return li;
    })));
    // After the findings: what the verdict assumes, to confirm one by one.
    if ((check.guesses || []).length) items.push(guessChecklist(check.guesses));
  }
  const warns = (r.diagnostics || []).filter((d) => d.severity !== 'error');
  if (warns.length) {
    items.push(h('details.read-warnings', h('summary', t('readWarnings', warns.length)), diagList(warns, gotoLine)));
  }
  list.replaceChildren(...items);
}

/** "Cần xác nhận": each guessed value at its line, with a button to confirm it. */
function guessChecklist(guesses) {
  const keyWords = WORDS[S.lang]?.guessKey || {};
  const subjectWords = WORDS[S.lang]?.guessSubject || {};
  return h('details.guesses', { open: true },
    h('summary', t('guessesTitle', guesses.length)),
    h('p.help', t('guessesHelp')),
    h('ul.guess-list', guesses.map((g) => {
      const what = `${subjectWords[g.subject_kind] || g.subject_kind}${g.subject_kind === 'plan' ? '' : ` ${g.subject}`}`;
      const button = h('button.confirm', { type: 'button' }, t('guessConfirm'));
      const msg = h('span.row-msg');
      button.addEventListener('click', () => confirmGuess(g, button, msg));
      return h('li.guess',
        h('div.what',
          h('strong', `${what}: ${keyWords[g.key] || g.key}`), g.value ? ` = ${g.value}` : '',
          g.why ? h('span.why', ` — ${g.why}`) : null),
        h('div.meta',
          g.line ? h('a.line', { href: '#', onclick: (e) => { e.preventDefault(); gotoLine(g.line, g.column || 1); } },
            `${t('line')} ${g.line}`) : null,
          button, msg));
    })));
}

async function confirmGuess(g, button, msg) {
  button.disabled = true;
  try {
    const { data } = await api('POST', '/api/edit', {
      body: JSON.stringify({ text: S.plan.text, confirm: { subject_kind: g.subject_kind, subject: g.subject, key: g.key } }),
      type: 'application/json',
    });
    setText(data.text);
    await analyzeNow();
  } catch (e) {
    button.disabled = false;
    msg.textContent = `${t('guessConfirmFailed')}: ${e.data?.error || e.message}`;
  }
}

/** A finding's identity across analyses (its number changes as others come and go). */
const findingKey = (f) => `${f.kind}|${(f.steps || []).join(',')}`;

function selectFinding(f) {
  S.hlFinding = findingKey(f);
  S.hlSteps = f.steps || [];
  S.hlChain = f.chain || [];
  for (const li of $$('.finding')) li.classList.toggle('on', li.dataset.number === String(f.number));
  showTab('gantt');
  // At the page's width the bars are small: show them at their real size.
  if (!S.zoom && currentScale() < 0.95) setZoom(1);
  const first = applyHighlight();
  if (first) first.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });
}

/** Marks the highlighted finding's steps in the Gantt; returns the first bar. */
function applyHighlight() {
  const svg = $('.panel[data-panel="gantt"] svg');
  if (!svg) return null;
  for (const el of $$('.hl, .hl-chain', svg)) el.classList.remove('hl', 'hl-chain');
  let first = null;
  for (const id of S.hlChain || []) {
    for (const el of $$(stepSel(id), svg)) el.classList.add('hl-chain');
  }
  for (const id of S.hlSteps) {
    for (const el of $$(stepSel(id), svg)) {
      el.classList.add('hl');
      if (!first && /^step-/.test(el.id)) first = el;
    }
  }
  if (!first && S.hlSteps.length) first = svg.querySelector(stepSel(S.hlSteps[0]));
  return first;
}

const stepSel = (id) => `[data-step="${CSS.escape(id)}"]`;

// --------------------------------------------------------------- charts ----

/** Parses an SVG for inlining. Cairo's SVGs name their glyphs glyph0-0 ...
 *  in every file: two of them in one page would borrow each other's glyphs,
 *  so their ids get a prefix of their own. */
function parseSvg(text, scope) {
  if (scope && text.includes('<symbol')) {
    text = text.replace(/\bid="/g, `id="${scope}-`).replace(/href="#/g, `href="#${scope}-`)
      .replace(/url\(#/g, `url(#${scope}-`);
  }
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (!svg || svg.nodeName !== 'svg') return null;
  return document.importNode(svg, true);
}

function buildGanttPanel() {
  const p = panel('gantt');
  p.replaceChildren(
    h('div.chart-tools',
      h('button', { type: 'button', onclick: () => setZoom(0) }, t('fit')),
      h('button', { type: 'button', onclick: () => setZoom(1) }, t('actual')),
      h('button', { type: 'button', title: t('zoomOut'), onclick: () => setZoom((S.zoom || currentScale()) / 1.25) }, '−'),
      h('button', { type: 'button', title: t('zoomIn'), onclick: () => setZoom((S.zoom || currentScale()) * 1.25) }, '+'),
      h('span.hint', t('hoverHint'))),
    h('div.chart-note'),
    h('div.chart.gantt'));
  attachHover($('.chart.gantt', p));
}

function currentScale() {
  const svg = $('.chart.gantt svg');
  if (!svg) return 1;
  const vb = svg.viewBox.baseVal;
  return vb && vb.width ? svg.getBoundingClientRect().width / vb.width : 1;
}

function setZoom(z) {
  S.zoom = z ? Math.min(4, Math.max(0.25, z)) : 0;
  for (const svg of $$('.chart svg')) sizeSvg(svg);
}

function sizeSvg(svg) {
  const vb = svg.viewBox.baseVal;
  svg.removeAttribute('height');
  if (!S.zoom || !vb || !vb.width) {
    svg.setAttribute('width', '100%');
    svg.style.maxWidth = vb && vb.width ? `${vb.width * 1.6}px` : '';
  } else {
    svg.setAttribute('width', `${Math.round(vb.width * S.zoom)}`);
    svg.style.maxWidth = '';
  }
}

let ganttSvgText = null;

function renderGantt() {
  const box = $('.chart.gantt');
  if (!box) return;
  const r = S.result;
  const useful = r?.gantt_svg ? r : S.good;
  $('.chart-note', panel('gantt')).textContent = !r?.gantt_svg && useful?.gantt_svg ? t('staleChart') : '';
  if (!useful?.gantt_svg) {
    ganttSvgText = null;
    box.replaceChildren(h('p.empty', t('noChart')));
    return;
  }
  if (useful.gantt_svg === ganttSvgText && box.querySelector('svg')) return;
  ganttSvgText = useful.gantt_svg;
  const svg = parseSvg(useful.gantt_svg, 'g');
  if (!svg) { box.replaceChildren(h('p.empty', t('noChart'))); return; }
  sizeSvg(svg);
  box.classList.toggle('stale', useful !== r);
  box.replaceChildren(svg);
  applyHighlight();
}

async function refreshNetwork() {
  const p = panel('network');
  if (!p || !S.plan) return;
  const r = S.result;
  if (!p.querySelector('.chart')) {
    p.replaceChildren(h('div.chart-note'), h('div.chart.network'));
    attachHover($('.chart.network', p));
  }
  const box = $('.chart.network', p);
  const note = $('.chart-note', p);
  if (r && !r.ok) {
    note.textContent = S.network.svg ? t('staleChart') : t('noChart');
    return;
  }
  const key = `${S.lang}\n${S.plan.text}`;
  if (S.network.key === key || S.network.busy) return;
  S.network.busy = true;
  note.textContent = t('drawing');
  try {
    const { data } = await api('POST', `/api/chart?kind=network&format=svg&lang=${S.lang}`,
      { body: S.plan.text, type: 'text/plain; charset=utf-8' });
    const text = typeof data === 'string' ? data : await data.text();
    const svg = parseSvg(text, 'n');
    S.network.key = key;
    S.network.svg = text;
    if (svg) { sizeSvg(svg); box.replaceChildren(svg); }
    note.textContent = '';
  } catch (e) {
    note.textContent = '';
    showError(e, t('tabNetwork'));
  } finally {
    S.network.busy = false;
  }
  if (S.tab === 'network' && S.network.key !== `${S.lang}\n${S.plan.text}`) refreshNetwork();
}

// -------------------------------------------------------------- tooltip ----

function stepInfo(id) {
  const sched = (S.result?.schedule || S.good?.schedule);
  return sched?.steps?.find((s) => s.id === id) || null;
}

function durationText(s, short) {
  if (s.calendar_days != null) return t(short ? 'cdaysShort' : 'cdays', s.calendar_days);
  return t(short ? 'daysShort' : 'days', s.duration);
}

function driverText(s) {
  const base = WORDS[S.lang].driver[s.driver] || s.driver || '';
  if (s.driver === 'link' && s.driving_pred) return `${base}: ${stepName(s.driving_pred)}`;
  if (s.driver === 'pinned' && s.meeting) return `${base} ${fmtDate(s.meeting)}`;
  return base;
}

function stepName(id) {
  const s = stepInfo(id);
  return s ? `${s.name} (${id})` : id;
}

function attachHover(box) {
  let current = null;
  box.addEventListener('mouseover', (e) => {
    const el = e.target.closest('[data-step]');
    const id = el?.dataset.step || null;
    if (id === current) return;
    current = id;
    hoverStep(box, id, e);
  });
  box.addEventListener('mousemove', (e) => { if (current) placeTooltip(e); });
  box.addEventListener('mouseleave', () => { current = null; hoverStep(box, null); });
  // A click on a step opens its form.
  box.addEventListener('click', (e) => {
    // A finding's badge selects the finding in the panel.
    const badge = e.target.closest('[data-finding]');
    const check = S.result?.check || S.good?.check;
    if (badge && check) {
      const n = badge.dataset.finding.split(' ')[0];
      const f = check.findings.find((x) => String(x.number) === n);
      if (f) {
        selectFinding(f);
        $(`.finding[data-number="${n}"]`)?.scrollIntoView({ block: 'nearest' });
        return;
      }
    }
    const id = e.target.closest('[data-step]')?.dataset.step;
    if (!id || !stepInfo(id)) return;
    showTab('forms');
    const row = $(`.panel[data-panel="forms"] tr[data-step="${CSS.escape(id)}"]`);
    if (!row) return;
    for (const r of $$('tr.picked')) r.classList.remove('picked');
    row.classList.add('picked');
    row.scrollIntoView({ block: 'center' });
    $('input[data-key="duration"]', row)?.focus();
  });
}

function hoverStep(box, id, e) {
  for (const el of $$('.hl-link, .hover', box)) el.classList.remove('hl-link', 'hover');
  if (!id) { hideTooltip(); return; }
  for (const el of $$(stepSel(id), box)) el.classList.add('hover');
  for (const el of $$('[data-link]', box)) {
    if (el.dataset.link.split('->').includes(id)) el.classList.add('hl-link');
  }
  const s = stepInfo(id);
  const tip = $('#tooltip');
  if (!s) {
    tip.replaceChildren(h('strong', id));
  } else {
    const rows = [
      [t('ttDates'), s.start === s.finish ? fmtDate(s.start) : `${fmtDate(s.start)} – ${fmtDate(s.finish)}`],
      [t('ttDur'), durationText(s)],
      [t('ttTF'), t('floatDays', s.total_float)],
      [t('ttDriver'), driverText(s)],
    ];
    if (s.meeting) rows.push([t('ttMeeting'), fmtDate(s.meeting)]);
    if (s.preds?.length) {
      rows.push([t('ttWaits'), s.preds.map((p) => (stepInfo(p.on)?.name || p.on) +
        (p.type !== 'FS' || p.lag ? ` (${p.type}${p.lag ? (p.lag > 0 ? '+' : '') + p.lag : ''})` : '')).join('; ')]);
    }
    tip.replaceChildren(
      h('div.tt-name', s.name),
      h('div.tt-id', s.id, ' · ', WORDS[S.lang].kinds[s.kind] || s.kind, s.critical ? h('span.crit', ` · ${t('ttCritical')}`) : null),
      h('table', rows.map(([k, v]) => h('tr', h('th', k), h('td', { className: k === t('ttTF') && s.total_float < 0 ? 'neg' : '' }, v)))));
  }
  tip.hidden = false;
  if (e) placeTooltip(e);
}

function placeTooltip(e) {
  const tip = $('#tooltip');
  const w = tip.offsetWidth, hgt = tip.offsetHeight;
  let x = e.clientX + 16, y = e.clientY + 16;
  if (x + w > innerWidth - 8) x = Math.max(8, e.clientX - w - 16);
  if (y + hgt > innerHeight - 8) y = Math.max(8, e.clientY - hgt - 16);
  tip.style.left = `${x}px`;
  tip.style.top = `${y}px`;
}

function hideTooltip() {
  const tip = $('#tooltip');
  if (tip) tip.hidden = true;
}

// ---------------------------------------------------------- table tab -----

function renderTable() {
  const p = panel('table');
  if (!p) return;
  const sched = (S.result?.schedule || S.good?.schedule);
  if (!sched) { p.replaceChildren(h('p.empty', t('noChart'))); return; }
  const byId = new Map(sched.steps.map((s) => [s.id, s]));
  const body = [];
  for (const task of sched.tasks || []) {
    const steps = (task.steps || []).map((id) => byId.get(id)).filter(Boolean);
    const single = steps.length === 1 && steps[0].id === task.id;
    if (!single) {
      body.push(h('tr.task-row', { className: task.critical ? 'task-row critical' : 'task-row' },
        h('td', { colSpan: 2 }, h('strong', task.name), task.lead ? h('div.sub', task.lead) : null),
        h('td', fmtDate(task.start)), h('td', fmtDate(task.finish)), h('td'),
        h('td.num', { className: task.total_float < 0 ? 'num neg' : 'num' }, String(task.total_float)), h('td'), h('td'), h('td'), h('td')));
    }
    for (const s of steps) body.push(stepRow(s, single));
  }
  const cp = (sched.critical_path || []).map((id) => stepName(id)).join(' → ');
  p.replaceChildren(
    cp ? h('p.critical-path', h('strong', `${t('criticalPath')}: `), cp) : null,
    h('div.table-wrap', h('table.schedule',
      h('thead', h('tr', ['colStep', 'colKind', 'colStart', 'colFinish', 'colDur', 'colTF', 'colFF', 'colCrit', 'colMeetingDay', 'colDriver']
        .map((k) => h('th', t(k))))),
      h('tbody', body))));
}

function stepRow(s, single) {
  return h('tr.step-row', { className: `step-row${s.critical ? ' critical' : ''}${single ? ' single' : ''}`, dataset: { step: s.id } },
    h('td', h('div', s.name), h('div.sub', s.id)),
    h('td', WORDS[S.lang].kinds[s.kind] || s.kind),
    h('td.date', fmtDate(s.start)), h('td.date', fmtDate(s.finish)),
    h('td.dur', durationText(s, true)),
    h('td.num', { className: s.total_float < 0 ? 'num neg' : 'num' }, String(s.total_float)),
    h('td.num', String(s.free_float)),
    h('td.crit', s.critical ? '●' : ''),
    h('td.date', s.meeting ? fmtDate(s.meeting) : ''),
    h('td.driver', driverText(s)));
}

// ------------------------------------------------- explain and meetings ---

function renderTextPanel(k, text, ok) {
  const p = panel(k);
  if (!p) return;
  p.replaceChildren(ok === false && text ? h('p.chart-note', t('staleChart')) : null,
    text ? h('pre.text-out', text) : h('p.empty', t('noChart')));
}

function renderMeetings() {
  const p = panel('meetings');
  if (!p) return;
  const good = S.result?.schedule ? S.result : S.good;
  const plan = good?.schedule?.plan;
  const parts = [];
  if (plan?.committees?.length) {
    parts.push(h('h3', t('committees')));
    parts.push(h('table.meetings', h('tbody', plan.committees.map((c) => h('tr',
      h('th', h('div', c.id), c.name && c.name !== c.id ? h('div.sub', c.name) : null),
      h('td', h('div.chips', (c.meetings || []).map((d) => h('span.chip', fmtDate(d)))),
        c.submit_lead != null ? h('div.sub', t('submitLead', c.submit_lead)) : null))))));
    // What each meeting approves, from the schedule.
    const steps = good.schedule.steps.filter((s) => s.meeting);
    const days = [...new Set(steps.map((s) => s.meeting))].sort();
    if (days.length) {
      parts.push(h('h3', t('agenda')));
      parts.push(h('table.agenda', h('tbody', days.map((d) => h('tr',
        h('th', h('span.chip', fmtDate(d))),
        h('td', h('ul', steps.filter((s) => s.meeting === d).map((s) =>
          h('li', { className: s.total_float < 0 ? 'neg' : '' }, s.name, ' ', h('span.sub', s.id))))))))));
    }
  }
  if (plan?.events?.length) {
    parts.push(h('h3', t('events')));
    parts.push(h('ul.events', plan.events.map((ev) => h('li', h('span.chip', fmtDate(ev.date)), ' ', ev.name))));
  }
  if (good?.meetings) parts.push(h('pre.text-out', good.meetings));
  p.replaceChildren(...(parts.length ? parts : [h('p.empty', t('noChart'))]));
}

// -------------------------------------------------------------- editor ----

let editor = null; // {ta, gutter, list}

function buildEditorPanel() {
  const p = panel('text');
  const ta = h('textarea#plan-text', { spellcheck: false, wrap: 'off', autocapitalize: 'off', autocomplete: 'off' });
  ta.value = S.plan.text;
  const gutter = h('div.gutter', { 'aria-hidden': 'true' });
  const list = h('div.diags');
  ta.addEventListener('input', () => {
    S.plan.text = ta.value;
    updateSaveState();
    syncGutter();
    analyzeSoon();
  });
  ta.addEventListener('scroll', () => { gutter.scrollTop = ta.scrollTop; });
  ta.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey) {
      // YAML wants spaces; Tab inserts two of them.
      e.preventDefault();
      document.execCommand('insertText', false, '  ');
    }
  });
  p.replaceChildren(h('p.help', t('editorHelp')), h('div.editor', gutter, ta), h('h3', t('diagsTitle')), list);
  editor = { ta, gutter, list, diags: [], lines: 0 };
  syncGutter(true);
}

function setText(text) {
  S.plan.text = text;
  if (editor) {
    const { ta } = editor;
    const top = ta.scrollTop;
    ta.value = text;
    ta.scrollTop = top;
    syncGutter(true);
  }
  updateSaveState();
}

function syncGutter(force) {
  if (!editor) return;
  const { ta, gutter } = editor;
  const n = ta.value.split('\n').length;
  if (n === editor.lines && !force) { gutter.scrollTop = ta.scrollTop; return; }
  editor.lines = n;
  const marks = new Map();
  for (const d of editor.diags) {
    const prev = marks.get(d.line);
    if (!prev || (prev.severity !== 'error' && d.severity === 'error')) marks.set(d.line, { severity: d.severity, msgs: [] });
    marks.get(d.line).msgs.push(d.message);
  }
  const frag = document.createDocumentFragment();
  for (let i = 1; i <= n; i++) {
    const m = marks.get(i);
    const div = document.createElement('div');
    div.textContent = String(i);
    if (m) {
      div.className = `mark ${m.severity}`;
      div.title = m.msgs.join('\n');
    }
    frag.append(div);
  }
  frag.append(h('div.gutter-pad'));
  gutter.replaceChildren(frag);
  gutter.scrollTop = ta.scrollTop;
}

function renderDiagnostics(diags) {
  if (!editor) return;
  editor.diags = diags;
  syncGutter(true);
  editor.list.replaceChildren(diags.length ? diagList(diags, gotoLine) : h('p.all-good', '✔ ', t('noDiags')));
}

function diagList(diags, onPick) {
  return h('ul.diag-list', diags.map((d) => h(`li.diag.sev-${d.severity}`, {
    onclick: onPick && d.line ? () => onPick(d.line, d.column || 1, d.length || 0) : null,
    className: `diag sev-${d.severity}${onPick && d.line ? ' clickable' : ''}`,
  },
  h('span.icon', SEV_ICON[d.severity] || '•'),
  d.line ? h('span.pos', `${d.line}:${d.column || 1}`) : null,
  h('span.msg', d.message),
  d.code ? h('span.code', d.code) : null,
  d.suggestion ? h('div.sugg', `${t('suggestion')}: `, h('code', d.suggestion)) : null)));
}

/** Switches to the editor and puts the caret at line:column (1-based). */
function gotoLine(line, column = 1, length = 0) {
  if (!editor) return;
  showTab('text');
  const { ta } = editor;
  const lines = ta.value.split('\n');
  let pos = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) pos += lines[i].length + 1;
  const lineText = lines[line - 1] || '';
  // Columns count characters (code points); Vietnamese letters are one UTF-16 unit each.
  const col = Math.min(Math.max(1, column), lineText.length + 1);
  const start = pos + [...lineText].slice(0, col - 1).join('').length;
  ta.focus();
  ta.setSelectionRange(start, Math.min(start + Math.max(length, 0), pos + lineText.length));
  const lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
  ta.scrollTop = Math.max(0, (line - 1) * lh - ta.clientHeight / 3);
  editor.gutter.scrollTop = ta.scrollTop;
}

// --------------------------------------------------------------- forms ----

/** Reads a step's own keys (when, after, duration) from the plan text, for
 *  showing them as written. The server does the editing; this only reads. */
function sourceKeys(text, task, stepId) {
  const lines = text.split('\n');
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const idRe = (id) => new RegExp(`(?:^\\s*-\\s*\\{?\\s*|[{,]\\s*)id:\\s*["']?${esc(id)}["']?\\s*(?:[,}#]|$)`);
  let from = 0;
  const local = stepId === task ? stepId : stepId.slice(task.length + 1);
  if (stepId !== task) {
    from = lines.findIndex((l) => idRe(task).test(l));
    if (from < 0) return {};
    from += 1;
  }
  let at = -1;
  for (let i = from; i < lines.length; i++) if (idRe(local).test(lines[i])) { at = i; break; }
  if (at < 0) return {};
  const unq = (v) => v.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  const out = {};
  const line = lines[at];
  if (/\{/.test(line.split('id:')[0])) {
    const re = /(\w+):\s*("[^"]*"|'[^']*'|\[[^\]]*\]|[^,}]+)/g;
    let m;
    while ((m = re.exec(line))) out[m[1]] = unq(m[2]);
    return out;
  }
  const dash = line.indexOf('-');
  const indent = dash + 2;
  for (let i = at; i < lines.length; i++) {
    const l = i === at ? ' '.repeat(indent) + line.slice(indent) : lines[i];
    if (!l.trim() || /^\s*#/.test(l)) continue;
    const ind = l.search(/\S/);
    if (i > at && ind <= dash) break;
    if (ind !== indent) continue;
    const m = /^\s*(\w+):\s*(.*?)\s*(?:#.*)?$/.exec(l);
    if (!m) continue;
    if (m[2]) { out[m[1]] = unq(m[2]); continue; }
    const items = [];
    for (let j = i + 1; j < lines.length; j++) {
      const lm = /^\s*-\s*(.*)$/.exec(lines[j]);
      if (!lm || lines[j].search(/\S/) <= indent - 1) break;
      items.push(unq(lm[1]));
    }
    out[m[1]] = items;
  }
  return out;
}

let formsShape = '';

function renderForms() {
  const p = panel('forms');
  if (!p) return;
  const sched = S.result?.schedule;
  if (!sched) {
    if (!S.good) { formsShape = ''; p.replaceChildren(h('p.empty', t('formsNone'))); }
    for (const el of $$('input, select', p)) el.disabled = true;
    return;
  }
  const shape = `${S.lang}|` + sched.steps.map((s) => s.id).join(',');
  const kinds = [...new Set([...KINDS, ...sched.steps.map((s) => s.kind)])];
  if (shape !== formsShape) {
    formsShape = shape;
    const byId = new Map(sched.steps.map((s) => [s.id, s]));
    const groups = (sched.tasks || []).map((task) => h('fieldset.task-form',
      h('legend', task.name, h('span.sub', ` ${task.id}`)),
      h('table.forms', h('thead', h('tr', ['colId', 'colName', 'colKind', 'colDur', 'colWhen', 'colAfter', 'colProgress'].map((k) => h('th', t(k))))),
        h('tbody', (task.steps || []).map((id) => byId.get(id)).filter(Boolean).map((s) => formRow(s, task, kinds))))));
    p.replaceChildren(h('p.help', t('formsHelp')), ...groups);
  }
  // Fill in the values the user is not typing into.
  for (const row of $$('tr[data-step]', p)) {
    const s = sched.steps.find((x) => x.id === row.dataset.step);
    if (!s) continue;
    const src = sourceKeys(S.plan.text, row.dataset.task, s.id);
    const vals = {
      name: s.name,
      kind: s.kind,
      duration: src.duration ?? (s.calendar_days != null ? `${s.calendar_days}cd` : `${s.duration}d`),
      when: Array.isArray(src.when) ? src.when.join(' | ') : (src.when ?? ''),
      after: Array.isArray(src.after) ? src.after.join(', ') : (src.after ?? '').replace(/^\[|\]$/g, ''),
      progress: src.progress ?? '',
    };
    for (const el of $$('[data-key]', row)) {
      el.disabled = false;
      if (el === document.activeElement) continue;
      if (el.tagName === 'SELECT' && ![...el.options].some((o) => o.value === vals.kind)) el.append(h('option', { value: vals.kind }, vals.kind));
      el.value = vals[el.dataset.key];
      el.dataset.orig = el.value;
      if (el.dataset.key === 'when' && Array.isArray(src.when)) { el.readOnly = true; el.title = t('listInText'); }
      if (el.dataset.key === 'after') el.placeholder = (s.preds || []).map((x) => x.on).join(', ');
      if (el.dataset.key === 'progress') el.placeholder = progressWords(s, src);
    }
    row.classList.toggle('critical', !!s.critical);
  }
}

/** Where a step stands when its `progress:` is not written: from `started:`/`done:`. */
function progressWords(s, src) {
  const p = s.progress;
  const fmtDate = (iso) => (S.lang === 'en' ? iso : fmtDateVi(iso));
  if (!p) return t('progressHint');
  if (p.state === 'done') return src.done ? t('progressDoneOn', fmtDate(src.done)) : t('progressDone');
  if (p.state === 'in_progress') return src.started ? t('progressStartedOn', fmtDate(src.started)) : t('progressUnderway');
  return t('progressHint');
}

function formRow(s, task, kinds) {
  const field = (key, attrs = {}) => h('input', { type: 'text', dataset: { key }, ...attrs });
  const select = h('select', { dataset: { key: 'kind' } },
    kinds.map((k) => h('option', { value: k }, `${WORDS[S.lang].kinds[k] || k} (${k})`)));
  const row = h('tr', { dataset: { step: s.id, task: task.id } },
    h('td.sid', h('code', s.id)),
    h('td', field('name', { size: 28 })),
    h('td', select),
    h('td', field('duration', { size: 5, className: 'short' })),
    h('td', field('when', { size: 30 })),
    h('td', field('after', { size: 18 })),
    h('td', field('progress', { size: 22 })),
    h('td.row-msg'));
  for (const el of $$('[data-key]', row)) {
    el.addEventListener('change', () => editStep(row, el));
    el.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); el.blur(); } });
  }
  return row;
}

async function editStep(row, el) {
  const key = el.dataset.key;
  const value = el.value.trim();
  if (value === el.dataset.orig) return;
  const msg = $('.row-msg', row);
  msg.textContent = '…';
  row.classList.remove('edit-failed');
  try {
    const { data } = await api('POST', '/api/edit', {
      body: JSON.stringify({ text: S.plan.text, step: row.dataset.step, key, value }),
      type: 'application/json',
    });
    msg.textContent = '✔';
    el.dataset.orig = value;
    setText(data.text);
    await analyzeNow();
    setTimeout(() => { if (msg.textContent === '✔') msg.textContent = ''; }, 1500);
  } catch (e) {
    row.classList.add('edit-failed');
    msg.textContent = `${t('editFailed')}: ${e.data?.error || e.message}`;
    if (e.status !== 422) showError(e, t('editFailed'));
  }
}

// ---------------------------------------------------------------- save ----

function updateSaveState() {
  const b = $('#save');
  if (!b || !S.plan) return;
  const d = dirty();
  b.disabled = !d || S.saving;
  b.textContent = S.saving ? t('saving') : t('save');
  const st = $('#save-state');
  st.textContent = d ? `● ${t('unsaved')}` : (S.plan.savedAt ? t('savedAt', S.plan.savedAt) : t('saved'));
  st.classList.toggle('dirty', d);
  const note = $('.dl-note');
  if (note) { note.textContent = d ? t('downloadsDirty') : t('downloadsNote'); note.classList.toggle('dirty', d); }
}

async function save(_e, etagOverride) {
  if (!S.plan || S.saving) return;
  const p = S.plan;
  const text = p.text;
  S.saving = true;
  updateSaveState();
  try {
    const { data, res } = await api('PUT', `/api/plan?file=${enc(p.file)}`, {
      body: text, type: 'text/plain; charset=utf-8', headers: { 'If-Match': etagOverride || p.etag },
    });
    p.etag = data?.etag || res.headers.get('ETag') || p.etag;
    p.saved = text;
    p.savedAt = new Date().toLocaleTimeString(S.lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  } catch (e) {
    if (e.status === 409 || e.status === 412) {
      S.saving = false;
      updateSaveState();
      conflict(e.data || {});
      return;
    }
    showError(e, t('save'));
    // Text that is no plan is not saved: the planner's text stays, at the place it breaks.
    if (e.status === 422 && e.data?.line) gotoLine(e.data.line, e.data.column || 1);
  } finally {
    S.saving = false;
    updateSaveState();
  }
}

function conflict(data) {
  const dlg = $('#conflict-dialog');
  paintLangSwitch();
  $('[data-t="conflictBody"]', dlg).textContent = t('conflictBody');
  dlg.returnValue = '';
  dlg.onclose = () => {
    const choice = dlg.returnValue;
    if (!S.plan) return;
    if (choice === 'reload') {
      if (typeof data.text !== 'string') { openPlanAgain(); return; }
      S.plan.etag = data.etag || S.plan.etag;
      S.plan.saved = data.text;
      setText(data.text);
      analyzeNow();
    } else if (choice === 'keep') {
      if (data.etag) S.plan.etag = data.etag;
      save(null, data.etag);
    }
  };
  dlg.showModal();
  // The safe default: Enter keeps both versions as they are (mine in the editor).
  $('#conflict-cancel', dlg).focus();
}

async function openPlanAgain() {
  const file = S.plan.file;
  S.plan.saved = S.plan.text; // so openPlan does not ask
  S.plan = null;
  await openPlan(file);
}

document.addEventListener('keydown', (e) => {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && S.plan) {
    e.preventDefault();
    if (dirty()) save();
  }
});

// ----------------------------------------------------------- downloads ----

const DOWNLOADS = [
  ['dlCharts', [
    ['dlGanttPng', 'gantt.png', { dpi: 150 }], ['dlGanttPng300', 'gantt.png', { dpi: 300 }],
    ['dlGanttPdfA4', 'gantt.pdf', { page: 'A4' }], ['dlGanttPdfA3', 'gantt.pdf', { page: 'A3' }], ['dlGanttSvg', 'gantt.svg'],
    ['dlNetPng', 'network.png', { dpi: 150 }], ['dlNetPdf', 'network.pdf'], ['dlNetSvg', 'network.svg']]],
  ['dlReports', [
    ['dlStatusPdf', 'status.pdf'], ['dlStatusTxt', 'status.txt'],
    ['dlSchedCsv', 'schedule.csv'], ['dlSchedJson', 'schedule.json'], ['dlCheckTxt', 'check.txt'], ['dlCheckJson', 'check.json']]],
  ['dlOther', [
    ['dlXlsx', 'schedule.xlsx'], ['dlIcs', 'calendar.ics'], ['dlMspdi', 'project.xml']]],
];

/** What a baseline changes: the variance, baseline bars, behind-schedule against its dates. */
const WITH_BASELINE = new Set(['gantt', 'status', 'schedule']);

function downloadsMenu() {
  const file = S.plan.file;
  if (S.baselineOf !== file) { S.baseline = ''; S.baselineOf = file; }
  const stem = file.replace(/\.[a-z]+$/i, '');
  const hrefOf = (what, extra) => {
    const q = new URLSearchParams({ file, what, ...(extra || {}), lang: S.lang });
    if (S.baseline && WITH_BASELINE.has(what.split('.')[0])) q.set('baseline', S.baseline);
    return `/api/download?${q}`;
  };
  const link = ([word, what, extra]) => {
    const name = `${stem}-${what.replace('.', extra?.page ? `-${extra.page}.` : '.')}`;
    const a = h('a.dl', { href: hrefOf(what, extra), download: name, dataset: { what }, onclick: (e) => { e.preventDefault(); download(a.href, name); } }, t(word));
    a.refresh = () => { a.href = hrefOf(what, extra); };
    return a;
  };
  const groups = DOWNLOADS.map(([heading, items]) => [h('p.dl-group', t(heading)), items.map(link)]);
  const baselines = h('div.baselines');
  const menu = h('details.menu', h('summary', t('downloads'), ' ▾'),
    h('div.menu-body', h('p.dl-note'), baselines, groups));
  const refreshLinks = () => { for (const a of $$('a.dl', menu)) a.refresh?.(); };
  menu.addEventListener('toggle', () => { if (menu.open) renderBaselines(baselines, file, refreshLinks); });
  return menu;
}

/** The plan's baselines: pick one to compare the downloads with; keep the saved plan as one. */
async function renderBaselines(box, file, refreshLinks) {
  let list = [];
  try {
    ({ data: { baselines: list } } = await api('GET', `/api/baselines?file=${enc(file)}`));
  } catch (e) {
    box.replaceChildren(h('p.dl-group', t('baselineTitle')), h('p.dl-note', e.message));
    return;
  }
  if (S.baseline && !list.some((b) => b.name === S.baseline)) S.baseline = '';
  const pick = h('select#baseline-pick', { onchange: () => { S.baseline = pick.value; if (pick.value) box.querySelector('#baseline-name').value = pick.value; refreshLinks(); } },
    h('option', { value: '' }, t('baselineNone')),
    list.map((b) => h('option', { value: b.name, selected: b.name === S.baseline }, t('baselineOption', b.name, S.lang === 'en' ? b.saved : fmtDate(b.saved)))));
  const nameField = h('input#baseline-name', { type: 'text', size: 10, maxLength: 64, placeholder: 'adopted', value: S.baseline || '' });
  const save = h('button#baseline-save', { type: 'button', onclick: async () => {
    const name = nameField.value.trim() || 'adopted';
    const replace = list.some((b) => b.name === name);
    if (replace && !window.confirm(t('baselineReplace', name))) return;
    try {
      await api('POST', `/api/baseline?file=${enc(file)}&name=${enc(name)}`);
      S.baseline = name;
      await renderBaselines(box, file, refreshLinks);
      refreshLinks();
    } catch (e) {
      showError(e, t('baselineTitle'));
    }
  }, title: t('baselineSaveHelp') }, t('baselineSave'));
  box.replaceChildren(h('p.dl-group', t('baselineTitle')),
    h('p.dl-note', list.length ? t('baselineHelp') : t('baselineEmpty')),
    list.length ? h('label.baseline-pick', t('baselineCompare'), ' ', pick) : null,
    h('div.baseline-actions', h('label', t('baselineName'), ' ', nameField), ' ', save));
  refreshLinks();
}

/** Fetches with our header (plain links cannot send it), then saves the blob. */
async function download(href, name) {
  try {
    const res = await fetch(href, { credentials: 'same-origin', headers: { 'X-Tiendo': '1' } });
    if (!res.ok) {
      let msg = res.statusText;
      try { const j = await res.json(); msg = j.error || msg; } catch { /* not JSON */ }
      throw new ApiError(res.status, `${t('serverError', res.status)}: ${msg}`);
    }
    const blob = await res.blob();
    // Said by the server about what was made (a step the baseline does not know).
    const warned = res.headers.get('X-Tiendo-Warning');
    if (warned) showError(new Error(decodeURIComponent(warned)), t('downloads'));
    const cd = res.headers.get('Content-Disposition') || '';
    const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd);
    const a = h('a', { href: URL.createObjectURL(blob), download: m ? decodeURIComponent(m[1] || m[2]) : name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } catch (e) {
    showError(e, t('downloads'));
  }
  for (const d of $$('details.menu[open]')) d.open = false;
}

document.addEventListener('click', (e) => {
  for (const d of $$('details.menu[open]')) if (!d.contains(e.target)) d.open = false;
});

// ---------------------------------------------------------------- start ---

for (const b of $$('#lang-switch button')) b.addEventListener('click', () => setLang(b.dataset.lang));
window.addEventListener('error', (e) => showError(e.error || e.message, 'JS'));
window.addEventListener('unhandledrejection', (e) => showError(e.reason, 'JS'));
document.documentElement.lang = S.lang;
paintLangSwitch();
route();

// For tests and the curious: the page's state.
window.tiendo = { state: S, analyzeNow, save };
