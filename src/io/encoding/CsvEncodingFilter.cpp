#include "io/encoding/CsvEncodingFilter.h"

#include <fmt/format.h>

#include "io/encoding/LegacyTextDetector.h"

namespace thidua {
namespace {

Diagnostic conversion_warning(const std::string& file, const LegacyConversion& c) {
    const std::string_view name = legacy_encoding_name(c.encoding);
    Diagnostic d;
    d.file = file;
    if (c.whole_file) {
        d.message = fmt::format(
            "Tệp được gõ bằng bảng mã {} và đã được chuyển sang Unicode; hãy "
            "kiểm tra lại tên riêng",
            name);
        d.message_en = fmt::format(
            "the file was typed in the {} encoding and has been converted "
            "to Unicode; check the names",
            name);
    } else {
        d.message = fmt::format(
            "{} ô được gõ bằng bảng mã {} và đã được chuyển sang Unicode; hãy "
            "kiểm tra lại tên riêng",
            c.cells, name);
        d.message_en = fmt::format(
            "{} cells were typed in the {} encoding and have been "
            "converted to Unicode; check the names",
            c.cells, name);
    }
    return d;
}

Diagnostic refusal(const std::string& file, const LegacyRefusal& r) {
    const std::string_view name = legacy_encoding_name(r.encoding);
    Diagnostic d;
    d.file = file;
    d.value = r.cell;
    d.message = fmt::format(
        "Văn bản có vẻ được gõ bằng bảng mã {} nhưng có ô không chuyển được "
        "sang Unicode; hãy chuyển mã tệp (ví dụ bằng Unikey) rồi nhập lại",
        name);
    d.message_en = fmt::format(
        "the text looks typed in the {} encoding but a cell does not "
        "convert to Unicode; convert the file (e.g. with Unikey) and "
        "import it again",
        name);
    return d;
}

}  // namespace

ContentFilter csv_encoding_filter(Diagnostics& warnings) {
    return [&warnings](const std::string& file, std::string& content, Diagnostics& problems) {
        const LegacyResult result = convert_legacy_text(content);
        if (result.converted) warnings.push_back(conversion_warning(file, *result.converted));
        if (result.refused) problems.push_back(refusal(file, *result.refused));
        return CheckedText{result.valid_utf8, result.nfc};
    };
}

}  // namespace thidua
