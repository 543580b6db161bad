#pragma once
// The evaluation as a workbook for officers: one sheet per award and period kind, a row per
// candidate with its group, rank, status, selection and each criterion's result and reason;
// frozen header, filters, widths, Vietnamese titles. Written with libxlsxwriter.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "eval/Evaluation.h"

namespace thidua {

// The error text of libxlsxwriter on failure.
tl::expected<void, std::string> write_evaluation_xlsx(const EvaluationResult& result,
                                                      const std::filesystem::path& path);

}  // namespace thidua
