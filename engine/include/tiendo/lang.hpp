#pragma once
// The two languages of tiendo's labels and messages. Its own header: the
// calendar, the reports and the charts all speak them.

namespace tiendo {

enum class Lang { vi, en };

}  // namespace tiendo
