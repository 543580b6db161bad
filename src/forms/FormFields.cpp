#include "forms/FormFields.h"

#include <string>

namespace thidua::forms {
namespace {

using Fields = std::vector<FieldInfo>;

// The heading, number, place and date, signature and recipients of every document, and the plan
// it rests on (Decree 30/2020, Appendix I, the elements of an administrative document).
Fields common_fields() {
    return {
        {"co_quan.chu_quan",
         "Tên cơ quan, tổ chức chủ quản trực tiếp, chữ in hoa (trống nếu không có)",
         {}},
        {"co_quan.ten", "Tên cơ quan, tổ chức ban hành văn bản, chữ in hoa", {}},
        {"co_quan.ky_hieu",
         "Chữ viết tắt tên cơ quan ban hành trong ký hiệu văn bản (SNV, UBND)",
         {}},
        {"so", "Số văn bản; để trống (khoảng trắng) khi văn thư cấp số lúc ban hành", {}},
        {"dia_danh", "Địa danh ghi trên văn bản (Kiên Giang)", {}},
        {"ngay_thang", "Ngày tháng năm ban hành: ngày 05 tháng 3 năm 2026", {}},
        {"ngay", "Ngày ban hành dạng số: 05/3/2026", {}},
        {"nam", "Năm ban hành: 2026", {}},
        {"trich_yeu", "Trích yếu nội dung văn bản", {}},
        {"nguoi_ky.chuc_vu",
         "Quyền hạn và chức vụ người ký, chữ in hoa, có thể hai dòng (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)",
         {}},
        {"nguoi_ky.ho_ten", "Họ và tên người ký", {}},
        {"noi_nhan", "Nơi nhận: mỗi dòng bắt đầu bằng \"- \", dòng cuối \"- Lưu: VT, ...\"", {}},
        {"ke_hoach.so", "Số, ký hiệu của kế hoạch (64/KH-UBND)", {}},
        {"ke_hoach.ngay", "Ngày ban hành kế hoạch (22/3/2022)", {}},
        {"ke_hoach.ten", "Tên (trích yếu) của kế hoạch", {}},
        {"ke_hoach.co_quan", "Cơ quan ban hành kế hoạch", {}},
        {"ke_hoach.trich_dan",
         "Kế hoạch viện dẫn đầy đủ: Kế hoạch số 64/KH-UBND ngày 22/3/2022 của ...",
         {}},
        {"ky_danh_gia", "Kỳ xét: giai đoạn 2021-2025, năm 2023", {}},
        {"can_cu",
         "Các căn cứ pháp lý, mỗi căn cứ một đoạn",
         {{"noi_dung", "Căn cứ, không có chữ \"Căn cứ\" ở đầu và dấu \";\" ở cuối", {}}}},
    };
}

// A unit's own documents: the registration and the achievement report.
Fields unit_fields() {
    return {
        {"don_vi.ten", "Tên đơn vị (chữ thường)", {}},
        {"don_vi.ma", "Mã đơn vị trong dữ liệu", {}},
        {"don_vi.cap_tren", "Tên cơ quan cấp trên trực tiếp của đơn vị", {}},
        {"nhom", "Nhóm thi đua của đơn vị trong kế hoạch", {}},
        {"gui", "Nơi nhận hồ sơ theo kế hoạch (Sở Nội vụ ...)", {}},
    };
}

FieldInfo proposal_list(std::string_view name, std::string_view description) {
    return {name,
            description,
            {
                {"ten", "Tên tập thể hoặc họ và tên cá nhân", {}},
                {"ma", "Mã trong dữ liệu", {}},
                {"loai", "Tập thể hoặc Cá nhân", {}},
                {"don_vi", "Cá nhân: đơn vị công tác; tập thể: cơ quan cấp trên", {}},
                {"nhom", "Nhóm thi đua", {}},
                {"hinh_thuc", "Hình thức khen thưởng", {}},
                {"xep_hang", "Thứ hạng trong nhóm", {}},
                {"thanh_tich", "Thành tích: các tiêu chuẩn đã đạt và căn cứ", {}},
                {"ghi_chu", "Ghi chú", {}},
            }};
}

// The selection of the whole plan for the period, and the prize money it costs.
Fields selection_fields() {
    return {
        {"hinh_thuc", "Các hình thức khen thưởng của văn bản (Cờ thi đua ...; Bằng khen ...)", {}},
        {"so_tap_the", "Số tập thể được đề nghị (02)", {}},
        {"so_ca_nhan", "Số cá nhân được đề nghị (05)", {}},
        {"tong_so", "Tổng số tập thể và cá nhân được đề nghị", {}},
        proposal_list("de_nghi", "Danh sách đề nghị khen thưởng, theo hình thức rồi thứ hạng"),
        {"dong_hang",
         "Trường hợp bằng điểm ở suất cuối, để Hội đồng quyết định",
         {
             {"ten", "Tên tập thể hoặc họ và tên", {}},
             {"don_vi", "Đơn vị hoặc cơ quan cấp trên", {}},
             {"hinh_thuc", "Hình thức khen thưởng", {}},
             {"nhom", "Nhóm thi đua", {}},
             {"so_suat", "Số suất còn lại của nhóm", {}},
         }},
        {"tom_tat_ket_qua",
         "Tóm tắt kết quả xét: số đủ tiêu chuẩn, số được chọn theo chỉ tiêu",
         {}},
        {"tom_tat_dong_hang", "Câu tóm tắt các trường hợp đồng hạng (trống nếu không có)", {}},
        {"tong_hop",
         "Tổng hợp theo hình thức khen thưởng và tiền thưởng",
         {
             {"hinh_thuc", "Hình thức khen thưởng", {}},
             {"doi_tuong", "Tập thể hoặc Cá nhân", {}},
             {"so_luong", "Số lượng (02)", {}},
             {"he_so", "Hệ số so với mức lương cơ sở (8,0)", {}},
             {"muc_thuong", "Tiền thưởng mỗi suất (18.720.000 đồng)", {}},
             {"thanh_tien", "Thành tiền", {}},
         }},
        {"luong_co_so", "Mức lương cơ sở áp dụng (2.340.000 đồng)", {}},
        {"luong_co_so.can_cu", "Văn bản quy định mức lương cơ sở", {}},
        {"tong_tien", "Tổng tiền thưởng (đồng)", {}},
        {"tong_tien.bang_chu", "Tổng tiền thưởng bằng chữ", {}},
        {"kinh_gui", "Cơ quan có thẩm quyền khen thưởng (kính gửi)", {}},
        {"hoi_dong.ten", "Tên Hội đồng Thi đua - Khen thưởng", {}},
    };
}

Fields kind_fields(FormKind kind) {
    switch (kind) {
        case FormKind::Registration:
            return {
                {"noi_dung_dang_ky", "Nội dung đăng ký thi đua theo kế hoạch", {}},
                {"han_dang_ky", "Hạn đăng ký (30/3/2022), trống nếu kế hoạch không ghi", {}},
                {"so_ca_nhan", "Số cá nhân đăng ký theo kế hoạch (02)", {}},
                {"ca_nhan",
                 "Các cá nhân đăng ký (đã đăng ký trong dữ liệu; thiếu thì để dòng trống)",
                 {
                     {"ho_ten", "Họ và tên", {}},
                     {"don_vi", "Đơn vị công tác", {}},
                     {"noi_dung", "Nội dung đăng ký", {}},
                     {"ngay_dang_ky", "Ngày đăng ký trong dữ liệu", {}},
                 }},
            };
        case FormKind::ProposalList:
        case FormKind::Submission:
            return {};
        case FormKind::CouncilMinutes:
            return {
                {"thoi_gian", "Thời gian họp (để trống điền tay nếu chưa có)", {}},
                {"dia_diem", "Địa điểm họp", {}},
                {"chu_tri.ho_ten", "Người chủ trì", {}},
                {"chu_tri.chuc_vu", "Chức vụ người chủ trì", {}},
                {"thu_ky.ho_ten", "Thư ký cuộc họp", {}},
                {"thu_ky.chuc_vu", "Chức vụ thư ký", {}},
                {"so_thanh_vien", "Tổng số thành viên Hội đồng", {}},
                {"dieu_kien_hop",
                 "Điều kiện để phiên họp hợp lệ (ít nhất 2/3 tổng số thành viên)",
                 {}},
                {"nguong_thong_qua", "Tỷ lệ đồng ý để đề nghị khen thưởng (70%)", {}},
                {"thanh_vien",
                 "Thành viên Hội đồng",
                 {
                     {"ho_ten", "Họ và tên", {}},
                     {"chuc_vu", "Chức vụ", {}},
                     {"vai_tro", "Chủ tịch, Phó Chủ tịch, Ủy viên, Thư ký", {}},
                 }},
                {"bieu_quyet",
                 "Các trường hợp đưa ra biểu quyết",
                 {
                     {"ten", "Tên tập thể hoặc họ và tên", {}},
                     {"don_vi", "Đơn vị hoặc cơ quan cấp trên", {}},
                     {"hinh_thuc", "Hình thức khen thưởng", {}},
                     {"xep_hang", "Thứ hạng", {}},
                     {"de_xuat", "Kết quả xét theo tiêu chuẩn (trong chỉ tiêu / đồng hạng)", {}},
                     {"dong_y", "Số phiếu đồng ý (trống: điền tay)", {}},
                     {"ty_le", "Tỷ lệ đồng ý (trống: điền tay)", {}},
                 }},
            };
        case FormKind::AchievementReport:
            return {
                {"hinh_thuc", "Hình thức khen thưởng đề nghị cho đơn vị", {}},
                {"thanh_tich", "Thành tích tóm tắt: các tiêu chuẩn đã đạt", {}},
                {"cap_trinh", "Cơ quan cấp trình khen thưởng, chữ in hoa (xác nhận)", {}},
                {"ket_qua_nam",
                 "Kết quả chỉ số cải cách hành chính từng năm của kỳ",
                 {
                     {"nam", "Năm", {}},
                     {"diem", "Điểm / điểm tối đa", {}},
                     {"ty_le", "Tỷ lệ điểm (%)", {}},
                     {"xep_loai", "Xếp loại", {}},
                     {"xep_hang", "Thứ hạng", {}},
                     {"hai_long", "Chỉ số hài lòng (%)", {}},
                     {"hoan_thanh", "Tỷ lệ hoàn thành nhiệm vụ (%)", {}},
                 }},
                {"tieu_chi",
                 "Từng tiêu chuẩn của kế hoạch và kết quả của đơn vị",
                 {
                     {"ten", "Tiêu chuẩn", {}},
                     {"hinh_thuc", "Hình thức khen thưởng", {}},
                     {"ket_qua", "Đạt, Không đạt, Chưa đủ dữ liệu", {}},
                     {"can_cu", "Căn cứ (số liệu)", {}},
                 }},
            };
        case FormKind::Decision:
            return {
                {"tham_quyen",
                 "Chức danh người có thẩm quyền quyết định, chữ in hoa (CHỦ TỊCH ỦY BAN NHÂN DÂN "
                 "TỈNH ...)",
                 {}},
                {"xet_de_nghi", "Xét đề nghị của ... tại Tờ trình số ...", {}},
                {"dieu_khen",
                 "Điều 1: mỗi hình thức khen thưởng một đoạn",
                 {{"noi_dung", "Nội dung khen thưởng", {}}}},
                {"tien_thuong", "Điều 2: tiền thưởng kèm theo", {}},
                {"thi_hanh", "Điều 3: các cơ quan chịu trách nhiệm thi hành", {}},
                {"phu_luc.tieu_de", "Tiêu đề danh sách kèm theo, chữ in hoa", {}},
                {"phu_luc.kem_theo", "(Kèm theo Quyết định số .../QĐ-... ngày ... của ...)", {}},
            };
    }
    return {};
}

Fields build(FormKind kind) {
    Fields all = common_fields();
    const FormInfo& info = form_info(kind);
    Fields extra = info.subject == FormSubject::Unit ? unit_fields() : selection_fields();
    if (kind == FormKind::AchievementReport) {
        // A unit's report still cites the award and the money proposed for it.
        extra.push_back({"kinh_gui", "Cơ quan có thẩm quyền khen thưởng", {}});
    }
    Fields own = kind_fields(kind);
    all.insert(all.end(), extra.begin(), extra.end());
    for (FieldInfo& f : own) {
        bool replaced = false;
        for (FieldInfo& existing : all) {
            if (existing.name == f.name) {  // a kind may describe a shared field its own way
                existing = f;
                replaced = true;
            }
        }
        if (!replaced) all.push_back(std::move(f));
    }
    return all;
}

}  // namespace

const std::vector<FieldInfo>& form_fields(FormKind kind) {
    static const std::vector<Fields> all = [] {
        std::vector<Fields> v;
        for (const FormInfo& f : form_kinds())
            v.push_back(build(f.kind));
        return v;
    }();
    const auto kinds = form_kinds();
    for (size_t i = 0; i < kinds.size(); ++i)
        if (kinds[i].kind == kind) return all[i];
    return all[0];
}

documents::TemplateSchema form_schema(FormKind kind) {
    documents::TemplateSchema schema;
    for (const FieldInfo& f : form_fields(kind)) {
        if (f.record.empty()) {
            schema.fields.emplace(f.name);
            continue;
        }
        auto& list = schema.lists[std::string(f.name)];
        for (const FieldInfo& r : f.record)
            list.emplace(r.name);
    }
    return schema;
}

}  // namespace thidua::forms
