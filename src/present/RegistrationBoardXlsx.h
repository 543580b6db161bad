#pragma once
// The registration board as a workbook for officers: sheet "Đăng ký" lists every subject that
// competes with its registration date, the deadline and its status in words and colour; sheet
// "Tổng hợp" counts the statuses per group. Title rows, frozen header, filters, widths.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "eval/Evaluation.h"
#include "eval/RegistrationBoard.h"

namespace thidua {

// "Đúng hạn", "Trễ hạn", "Chưa đăng ký", "Đã đăng ký".
const char* registration_status_vi(RegistrationStatus s);

// `result` is the evaluation the board was made from (plan title, period, names). The error
// text of libxlsxwriter on failure.
tl::expected<void, std::string> write_registration_board_xlsx(const RegistrationBoard& board,
                                                              const EvaluationResult& result,
                                                              const std::filesystem::path& path);

}  // namespace thidua
