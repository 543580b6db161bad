#pragma once
// A problem found in outside input (a plan file or a dataset). Bad input is an expected outcome:
// readers collect every Diagnostic and return them instead of throwing.

#include <string>
#include <vector>

namespace thidua {

struct Diagnostic {
    std::string file;        // path or file name as the user gave it
    int line = 0;            // 1-based; for a CSV the row number counting the header as row 1
    int column = 0;          // 1-based character column (plan files), 0 when not known
    std::string field;       // CSV column name, when the problem is in one cell
    std::string value;       // the offending value, as read
    std::string message;     // Vietnamese, what the user reads
    std::string message_en;  // English, for logs and non-Vietnamese readers

    // "file:line:col: message" for plan files, "file:row: column 'x', value 'v': message" for data.
    // A problem with a whole file (cannot open it, wrong kind of file), not with one cell.
    static Diagnostic about_file(std::string file, std::string vi, std::string en);

    std::string format() const;
    // format() followed by the English message, for data errors read by mixed teams.
    std::string format_bilingual() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace thidua
