#!/usr/bin/python3
"""Writes 000-appendix.xlsx: the appendix table of plan 129-KH/ĐUK (seed 000) as an
office would keep it in Excel. Run by ../make-docs.sh with Debian's python3-openpyxl."""
import datetime as dt
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

out = sys.argv[1] if len(sys.argv) > 1 else '000-appendix.xlsx'
PERSON1 = 'Đ/c Mai Thị Nhài, Phó Bí thư ĐUK'
PERSON2 = 'Đ/c Ngô Văn Lâm, Phó Bí thư TT ĐUK'
HEADER = ['STT', 'NỘI DUNG', 'NGƯỜI PHỤ TRÁCH', 'ĐƠN VỊ CHỦ TRÌ THỰC HIỆN',
          'THỜI GIAN THỰC HIỆN', 'HẠN HOÀN THÀNH']
# (content lines, lead unit, time lines, single deadline or None); text verbatim from the seed
ROWS = [
    (['Bản tin nội bộ số đặc biệt (tối đa 50 trang)', '- Xây dựng và trình duyệt định khung', '- Đặt bài'],
     'Ban Tuyên giáo ĐUK',
     ['- Xuất bản kỳ tháng 10/2024 (số 219)', '- Tại kỳ họp BTV tháng 5/2024', '- Trong tháng 6/2024'], None),
    (['Xây dựng phóng sự Kỷ niệm 70 năm Ngày thành lập Đảng bộ Khối (12-15p)', '- Xây dựng và trình duyệt kịch bản',
      '- Ghi hình, sản xuất PS', '- Duyệt phóng sự'],
     'Đảng ủy Đài Phát thanh - Truyền hình chỉ đạo chuyên môn phối hợp với Ban Tuyên giáo ĐUK xây dựng kịch bản trình duyệt và thực hiện',
     ['Phát trên sóng TH và tại Lễ kỷ niệm, trong tháng 10/2024', '- Tại kỳ họp BTV tháng 5/2024',
      '- Theo kịch bản và lịch trình các hoạt động, sự kiện.', '- Trước 25/10/2024'], None),
    (['Tuyên truyền trên Trang TTĐT và Bản tin nội bộ Đảng ủy Khối; Báo TN; Cổng thông tin tỉnh Thái Nguyên'],
     'Ban Tuyên giáo ĐUK và các chi bộ, đảng ủy cơ sở, trọng tâm là Đảng ủy Báo Thái Nguyên và Đảng ủy Văn phòng Ủy ban nhân dân tỉnh',
     ['Trong năm 2024 và tuyên truyền vào dịp Kỷ niệm 70 năm Ngày thành lập (02/11/2024)'], None),
    (['Thiết kế áp phích, pano tuyên truyền tại trụ sở Đảng ủy Khối và một số địa điểm phù hợp'],
     'Ban Tuyên giáo ĐUK và Đảng ủy VNPT TN', ['Trong tháng 7/2024'], dt.date(2024, 7, 31)),
    (['Tổ chức Cuộc thi trực tuyến tìm hiểu 70 năm lịch sử Đảng bộ Khối các cơ quan tỉnh Thái Nguyên',
      '- Xây dựng và trình duyệt bộ câu hỏi trắc nghiệm', '- Tích hợp trên Trang thông tin điện tử, tổng hợp',
      '- Tổ chức thi trắc nghiệm'],
     'Ban Tuyên giáo ĐUK',
     ['Trong tháng 9/2024, tổng kết Cuộc thi và trao giải tại Lễ Kỷ niệm.', '- Tại kỳ họp BTV tháng 7/2024',
      '- Trước ngày 30/8/2024', '- Tháng 9/2024'], None),
    (['Tổ chức Giải thể thao truyền thống Khối các cơ quan tỉnh Thái Nguyên lần thứ XXV, năm 2024'],
     'Ban Tuyên giáo ĐUK và Đảng ủy Sở Văn hóa, thể thao và Du lịch', ['Từ ngày 10/10 đến 13/10/2024'],
     dt.date(2024, 10, 13)),
    (['Liên hoan Văn nghệ Kỷ niệm 70 năm Ngày thành lập Đảng bộ Khối các cơ quan tỉnh Thái Nguyên'],
     'Đoàn Thanh niên và Hội Cựu chiến binh Khối', ['Trước ngày 25/10/2024'], dt.date(2024, 10, 25)),
    (['Chương trình nghệ thuật chào mừng Lễ Kỷ niệm', '- Duyệt nội dung', '- Tổng duyệt'],
     'Văn phòng và Đảng ủy Sở Văn hóa, Thể thao và Du lịch',
     ['Tại Lễ Kỷ niệm', '- Tại kỳ họp BTV tháng 9/2024', '- Trước ngày 30/10/2024'], None),
    (['Treo băng zôn tuyên truyền tại các cơ quan, đơn vị, doanh nghiệp'],
     'Các chi bộ, đảng ủy cơ sở', ['Từ ngày 28/10 - 05/11/2024'], dt.date(2024, 11, 5)),
]

wb = Workbook()
ws = wb.active
ws.title = 'Phụ lục'
thin = Side(style='thin', color='000000')
box = Border(left=thin, right=thin, top=thin, bottom=thin)
font = Font(name='Times New Roman', size=12)
wrap = Alignment(wrap_text=True, vertical='top')
center = Alignment(wrap_text=True, vertical='center', horizontal='center')

ws['A1'] = ('PHỤ LỤC: các nhiệm vụ tuyên truyền Kỷ niệm 70 năm Ngày thành lập Đảng bộ Khối '
            'các cơ quan tỉnh Thái Nguyên (02/11/1954 - 02/11/2024)')
ws['A1'].font = Font(name='Times New Roman', size=13, bold=True)
ws['A1'].alignment = center
ws.merge_cells('A1:F1')
ws['A2'] = '(Kèm theo Kế hoạch số 129-KH/ĐUK, ngày 29/3/2024 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh)'
ws['A2'].font = Font(name='Times New Roman', size=12, italic=True)
ws['A2'].alignment = center
ws.merge_cells('A2:F2')
ws.row_dimensions[1].height = 36

HR = 4  # header row; row 3 is left empty, as offices do
for c, name in enumerate(HEADER, 1):
    cell = ws.cell(row=HR, column=c, value=name)
    cell.font = Font(name='Times New Roman', size=12, bold=True)
    cell.alignment = center
    cell.border = box
for k, (content, unit, time, deadline) in enumerate(ROWS, 1):
    r = HR + k
    values = [k, '\n'.join(content), None, unit, '\n'.join(time), deadline]
    for c, v in enumerate(values, 1):
        cell = ws.cell(row=r, column=c, value=v)
        cell.font = font
        cell.border = box
        cell.alignment = center if c in (1, 3) else wrap
    if deadline is not None:
        ws.cell(row=r, column=6).number_format = 'dd/mm/yyyy'
    ws.row_dimensions[r].height = 15.75 * max(len(content), len(time), 2) + 6
# the person in charge, merged over rows 1-5 and 6-8; row 9 has none
ws.cell(row=HR + 1, column=3, value=PERSON1)
ws.merge_cells(start_row=HR + 1, start_column=3, end_row=HR + 5, end_column=3)
ws.cell(row=HR + 6, column=3, value=PERSON2)
ws.merge_cells(start_row=HR + 6, start_column=3, end_row=HR + 8, end_column=3)
for r in range(HR + 1, HR + 10):
    ws.cell(row=r, column=3).border = box
for col, w in zip('ABCDEF', [6, 48, 20, 34, 36, 14]):
    ws.column_dimensions[col].width = w
ws.freeze_panes = ws.cell(row=HR + 1, column=1)
ws.print_title_rows = f'{HR}:{HR}'
ws.page_setup.orientation = 'landscape'
ws.page_setup.paperSize = ws.PAPERSIZE_A4

notes = wb.create_sheet('Ghi chú')
notes['A1'] = 'Ghi chú'
notes['A1'].font = Font(name='Times New Roman', size=13, bold=True)
rows = [
    ('Kế hoạch số', '129-KH/ĐUK'),
    ('Ngày ban hành', dt.date(2024, 3, 29)),
    ('Cơ quan ban hành', 'Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Thái Nguyên'),
    ('Lễ Kỷ niệm 70 năm', dt.date(2024, 11, 2)),
    ('Cột "Hạn hoàn thành"', 'Chỉ ghi cho các nhiệm vụ có một thời hạn.'),
    ('Cột "Thời gian thực hiện"', 'Dòng đầu là thời gian của cả nhiệm vụ; các dòng sau ứng với từng bước ở cột "Nội dung".'),
]
for i, (k, v) in enumerate(rows, 3):
    notes.cell(row=i, column=1, value=k).font = Font(name='Times New Roman', size=12, bold=True)
    cell = notes.cell(row=i, column=2, value=v)
    cell.font = font
    cell.alignment = Alignment(wrap_text=True, vertical='top')
    if isinstance(v, dt.date):
        cell.number_format = 'dd/mm/yyyy'
notes.column_dimensions['A'].width = 26
notes.column_dimensions['B'].width = 70

wb.properties.creator = 'Ban Tuyên giáo ĐUK'
wb.properties.title = 'Phụ lục Kế hoạch 129-KH/ĐUK'
wb.properties.created = dt.datetime(2024, 3, 29, 8, 0, 0)
wb.properties.modified = dt.datetime(2024, 3, 29, 8, 0, 0)
wb.save(out)
