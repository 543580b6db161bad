#include "io/write/DatasetSchema.h"

#include <vector>

#include "model/Vocabulary.h"

namespace thidua {
namespace {

constexpr std::string_view kFlag[] = {"1", "0"};
constexpr std::string_view kGender[] = {"nu", "nam"};
constexpr std::string_view kDisciplined[] = {"0", "1", "review"};

using K = ColumnKind;

// Built on first use: the coded columns take their choices from the vocabularies, which are
// not constexpr.
struct Schema {
    std::vector<SchemaColumn> units, lineage, people, unit_years, component_years, person_years,
        registrations, events, dossiers;
    std::vector<SchemaFile> files;

    Schema();
};

Schema::Schema() {
    const auto types = unit_type_ids();
    const auto par = par_rating_scale().ids;
    const auto rating = person_rating_scale().ids;
    const auto level = initiative_level_scale().ids;
    units = {
        {"id", true, K::Id, "Mã đơn vị"},
        {"name", true, K::Text, "Tên đơn vị"},
        {"type", true, K::Code, "Loại đơn vị", types},
        {"parent_id", false, K::Id, "Mã đơn vị cấp trên"},
        {"tags", false, K::Id, "Nhãn (cách nhau bằng ;)"},
        {"successor_of", false, K::Id, "Thay thế các đơn vị (mã, cách nhau bằng ;)"},
        {"active_from", false, K::Date, "Hoạt động từ ngày"},
        {"active_to", false, K::Date, "Hoạt động đến ngày"},
    };
    lineage = {
        {"old_id", true, K::Id, "Mã đơn vị cũ"},
        {"new_id", true, K::Id, "Mã đơn vị mới (kế thừa)"},
        {"date", true, K::Date, "Ngày sáp nhập, hợp nhất"},
        {"weight", false, K::Number, "Trọng số (dân số hoặc biên chế)"},
        {"main", false, K::Code, "Đơn vị tiền thân chính (1/0)", kFlag},
    };
    people = {
        {"id", true, K::Id, "Mã cá nhân"},
        {"name", true, K::Text, "Họ và tên"},
        {"unit_id", true, K::Id, "Mã đơn vị công tác"},
        {"gender", false, K::Code, "Giới tính (nu/nam)", kGender},
        {"par_role", false, K::Code, "Trực tiếp làm CCHC, TTHC (1/0)", kFlag},
        {"resident", false, K::Code, "Không làm việc trong cơ quan (1/0)", kFlag},
        {"component", false, K::Id, "Chỉ số thành phần tham mưu"},
        {"tags", false, K::Id, "Nhãn (cách nhau bằng ;)"},
    };
    unit_years = {
        {"unit_id", true, K::Id, "Mã đơn vị"},
        {"year", true, K::Whole, "Năm"},
        {"par_score", false, K::Number, "Điểm Chỉ số CCHC"},
        {"par_max", false, K::Number, "Điểm tối đa"},
        {"par_rating", false, K::Code, "Xếp loại CCHC", par},
        {"par_rank", false, K::Whole, "Thứ hạng"},
        {"satisfaction", false, K::Number, "Mức độ hài lòng (%)"},
        {"task_completion", false, K::Number, "Tỷ lệ hoàn thành nhiệm vụ (%)"},
        {"head_leads", false, K::Code, "Người đứng đầu trực tiếp chỉ đạo (1/0)", kFlag},
        {"compliance", false, K::Code, "Chấp hành chủ trương, pháp luật (1/0)", kFlag},
        {"excellent_achievement", false, K::Code, "Thành tích xuất sắc (1/0)", kFlag},
        {"initiative", false, K::Code, "Có sáng kiến (1/0)", kFlag},
        {"disciplined", false, K::Code, "Kỷ luật (0/1/review)", kDisciplined},
    };
    component_years = {
        {"component_id", true, K::Id, "Mã chỉ số thành phần"},
        {"unit_id", true, K::Id, "Mã cơ quan tham mưu"},
        {"year", true, K::Whole, "Năm"},
        {"score", true, K::Number, "Điểm"},
        {"max", true, K::Number, "Điểm tối đa"},
    };
    person_years = {
        {"person_id", true, K::Id, "Mã cá nhân"},
        {"year", true, K::Whole, "Năm"},
        {"unit_id", false, K::Id, "Mã đơn vị năm đó"},
        {"rating", false, K::Code, "Xếp loại chất lượng", rating},
        {"excellent_par", false, K::Code, "Xuất sắc trong CCHC (1/0)", kFlag},
        {"initiative", false, K::Code, "Có sáng kiến (1/0)", kFlag},
        {"initiative_level", false, K::Code, "Phạm vi ảnh hưởng sáng kiến", level},
        {"ethics_ok", false, K::Code, "Đạo đức, lối sống tốt (1/0)", kFlag},
        {"disciplined", false, K::Code, "Kỷ luật (0/1/review)", kDisciplined},
    };
    registrations = {
        {"subject_id", true, K::Id, "Mã đơn vị hoặc cá nhân"},
        {"period", true, K::Id, "Giai đoạn (2023 hoặc 2021-2025)"},
        {"registered_on", true, K::Date, "Ngày đăng ký"},
    };
    events = {
        {"event", true, K::Id, "Sự kiện"},
        {"year", true, K::Whole, "Năm"},
        {"date", true, K::Date, "Ngày"},
    };
    dossiers = {
        {"subject_id", true, K::Id, "Mã đơn vị hoặc cá nhân"},
        {"award", true, K::Id, "Mã danh hiệu, hình thức khen thưởng"},
        {"period", true, K::Id, "Giai đoạn"},
        {"document", true, K::Id, "Mã giấy tờ"},
        {"copies", false, K::Whole, "Số bản"},
        {"submitted_on", false, K::Date, "Ngày nộp"},
    };
    files = {
        {"units.csv", "units", "Đơn vị", units},
        {"lineage.csv", "lineage", "Sáp nhập, hợp nhất đơn vị", lineage},
        {"people.csv", "people", "Cá nhân", people},
        {"unit_years.csv", "unit_years", "Kết quả hằng năm của đơn vị", unit_years},
        {"component_years.csv", "component_years", "Chỉ số thành phần", component_years},
        {"person_years.csv", "person_years", "Kết quả hằng năm của cá nhân", person_years},
        {"registrations.csv", "registrations", "Đăng ký thi đua", registrations},
        {"events.csv", "events", "Sự kiện", events},
        {"dossiers.csv", "dossiers", "Hồ sơ đề nghị khen thưởng", dossiers},
    };
}

const Schema& schema() {
    static const Schema instance;
    return instance;
}

}  // namespace

std::span<const SchemaFile> dataset_schema() {
    return schema().files;
}

const SchemaFile* schema_for_sheet(std::string_view sheet) {
    for (const SchemaFile& file : dataset_schema()) {
        if (file.sheet == sheet) return &file;
    }
    return nullptr;
}

}  // namespace thidua
