#include <gtest/gtest.h>
#include <tiendo/parse.hpp>
#include <tiendo/suggest.hpp>

namespace tiendo {
namespace {

TEST(Values, Durations) {
  EXPECT_EQ(parse_duration("5d"), (Duration{5, Duration::Unit::working_days}));
  EXPECT_EQ(parse_duration("2w"), (Duration{10, Duration::Unit::working_days}));
  EXPECT_EQ(parse_duration("5cd"), (Duration{5, Duration::Unit::calendar_days}));
  EXPECT_EQ(parse_duration("1cw"), (Duration{7, Duration::Unit::calendar_days}));
  EXPECT_EQ(parse_duration("0"), (Duration{0, Duration::Unit::working_days}));
  EXPECT_FALSE(parse_duration("5"));
  EXPECT_FALSE(parse_duration("-1d"));
  // As planners write them: days are calendar days unless working days.
  EXPECT_EQ(parse_duration("10 ngày"), (Duration{10, Duration::Unit::calendar_days}));
  EXPECT_EQ(parse_duration("10 ngày làm việc"), (Duration{10, Duration::Unit::working_days}));
  EXPECT_EQ(parse_duration("10 NGAY LAM VIEC"), (Duration{10, Duration::Unit::working_days}));
  EXPECT_EQ(parse_duration("2 tuần"), (Duration{14, Duration::Unit::calendar_days}));
  EXPECT_EQ(parse_duration("1 tháng"), (Duration{30, Duration::Unit::calendar_days}));
  EXPECT_EQ(parse_duration("5 days"), (Duration{5, Duration::Unit::calendar_days}));
  EXPECT_EQ(parse_duration("3 working days"), (Duration{3, Duration::Unit::working_days}));
  EXPECT_FALSE(parse_duration("5 ngay nghi"));
  EXPECT_FALSE(parse_duration("0 ngày"));
  EXPECT_FALSE(parse_duration(""));
}

TEST(Values, Lags) {
  EXPECT_EQ(parse_lag("2d"), 2);
  EXPECT_EQ(parse_lag("-1d"), -1);
  EXPECT_EQ(parse_lag("+1w"), 5);
  EXPECT_EQ(parse_lag("0"), 0);
  EXPECT_FALSE(parse_lag("2cd"));
  EXPECT_FALSE(parse_lag("d"));
}

TEST(Suggest, ClosestWithinAFewEdits) {
  const std::vector<std::string> names{"duration", "due", "window", "not_before"};
  EXPECT_EQ(closest_match("duraton", names), "duration");
  EXPECT_EQ(closest_match("windw", names), "window");
  EXPECT_EQ(closest_match("colour", names), "");
  EXPECT_EQ(did_you_mean("notbefore", names), "did you mean 'not_before'?");
  EXPECT_EQ(edit_distance("kitten", "sitting", 5), 3);
}

}  // namespace
}  // namespace tiendo
