#pragma once
// The MSPDI codes tiendo reads and writes (MS Project's XML schema,
// mspdi_pj12.xsd; docs/exchange.md), shared by the writer and the reader.

#include <tiendo/plan.hpp>

#include <optional>
#include <string_view>

namespace tiendo::io::mspdi {

inline constexpr std::string_view kNamespace = "http://schemas.microsoft.com/project";

/// The working day of the exported calendar: 08:00-12:00 and 13:00-17:00.
inline constexpr int kMinutesPerDay = 480;
/// Lags and slacks are in tenths of a minute.
inline constexpr int kTenthsPerDay = kMinutesPerDay * 10;

/// Text1..Text3: the tiendo id, the person in charge, the lead unit.
inline constexpr std::string_view kTextId = "188743731";
inline constexpr std::string_view kTextOwner = "188743734";
inline constexpr std::string_view kTextLead = "188743737";

/// PredecessorLink/Type: 0 FF, 1 FS, 2 SF, 3 SS.
inline int link_code(LinkType type) {
  switch (type) {
    case LinkType::FF:
      return 0;
    case LinkType::FS:
      return 1;
    case LinkType::SF:
      return 2;
    case LinkType::SS:
      return 3;
  }
  return 1;
}

inline std::optional<LinkType> link_type(int code) {
  switch (code) {
    case 0:
      return LinkType::FF;
    case 1:
      return LinkType::FS;
    case 2:
      return LinkType::SF;
    case 3:
      return LinkType::SS;
    default:
      return std::nullopt;
  }
}

/// Duration and lag formats: 7 days, 8 elapsed days.
inline constexpr int kFormatDays = 7;
inline constexpr int kFormatElapsedDays = 8;

/// Whether a duration or lag format counts elapsed (calendar) time: em, eh,
/// ed, ew, emo, e%, and their estimated ('?') forms.
inline bool elapsed_format(int format) {
  switch (format) {
    case 4:
    case 6:
    case 8:
    case 10:
    case 12:
    case 20:
    case 36:
    case 38:
    case 40:
    case 42:
    case 44:
    case 52:
      return true;
    default:
      return false;
  }
}

/// Whether a format is one the schema lists (3-12, 19-21, 35-44, 51-53).
inline bool known_format(int format) {
  return (format >= 3 && format <= 12) || (format >= 19 && format <= 21) ||
         (format >= 35 && format <= 44) || (format >= 51 && format <= 53);
}

/// Percent formats (19, 20, 51, 52): a lag as a share of the predecessor.
inline bool percent_format(int format) {
  return format == 19 || format == 20 || format == 51 || format == 52;
}

/// ConstraintType: 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT.
enum ConstraintCode {
  asap = 0,
  alap = 1,
  mso = 2,
  mfo = 3,
  snet = 4,
  snlt = 5,
  fnet = 6,
  fnlt = 7
};

}  // namespace tiendo::io::mspdi
