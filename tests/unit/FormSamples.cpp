#include "FormSamples.h"

#include <array>
#include <string>

namespace thidua::testing_support {
namespace {

using documents::TemplateValues;
using forms::FormKind;

void set_common(TemplateValues& v) {
    v.set("co_quan.chu_quan", "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG")
        .set("co_quan.ten", "SỞ NỘI VỤ")
        .set("co_quan.ky_hieu", "SNV")
        .set("so", "125")
        .set("dia_danh", "Kiên Giang")
        .set("ngay_thang", "ngày 05 tháng 3 năm 2026")
        .set("ngay", "05/3/2026")
        .set("nam", "2026")
        .set("nguoi_ky.chuc_vu", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC")
        .set("nguoi_ky.ho_ten", "Lâm Minh Thành")
        .set("noi_nhan", "- Như trên;\n- Ban Thi đua - Khen thưởng tỉnh;\n- Lưu: VT, TĐKT.")
        .set("ke_hoach.so", "64/KH-UBND")
        .set("ke_hoach.ngay", "22/3/2022")
        .set("ke_hoach.ten",
             "Phát động phong trào thi đua cải cách hành chính hằng năm và giai đoạn 2021-2025")
        .set("ke_hoach.co_quan", "Ủy ban nhân dân tỉnh Kiên Giang")
        .set("ke_hoach.trich_dan",
             "Kế hoạch số 64/KH-UBND ngày 22/3/2022 của Ủy ban nhân dân tỉnh Kiên Giang")
        .set("ky_danh_gia", "năm 2025");
    v.add_record("can_cu", {{"noi_dung", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"}});
    v.add_record("can_cu",
                 {{"noi_dung",
                   "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ "
                   "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"}});
}

// 40 proposals: collectives and individuals in turn, the two names the tests look for first.
void add_proposals(TemplateValues& v, const char* list) {
    static constexpr std::array kPeople{"Nguyễn Thị Hồng Nhung", "Trần Văn Đức", "Lê Thị Ánh Tuyết",
                                        "Phạm Quốc Khánh", "Huỳnh Ngọc Ẩn"};
    static constexpr std::array kUnits{"Ủy ban nhân dân xã Phú Tâm", "Sở Tư pháp",
                                       "Ủy ban nhân dân huyện Châu Thành",
                                       "Sở Giáo dục và Đào tạo"};
    for (int i = 0; i < 40; ++i) {
        const bool person = i % 2 == 1;
        const std::string name =
            person ? kPeople[(i / 2) % kPeople.size()] : kUnits[(i / 2) % kUnits.size()];
        v.add_record(list, {{"ten", name},
                            {"ma", "DV" + std::to_string(100 + i)},
                            {"loai", person ? "Cá nhân" : "Tập thể"},
                            {"don_vi", person ? "Văn phòng Sở Nội vụ tỉnh Kiên Giang"
                                              : "Ủy ban nhân dân tỉnh Kiên Giang"},
                            {"nhom", person ? "Cá nhân" : "Sở, ban, ngành"},
                            {"hinh_thuc", i < 4 ? "Cờ thi đua của Ủy ban nhân dân tỉnh"
                                                : "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"},
                            {"xep_hang", std::to_string(i / 2 + 1)},
                            {"thanh_tich",
                             "Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2025; chỉ số "
                             "CCHC đạt 92,5 điểm, xếp hạng " +
                                 std::to_string(i / 2 + 1) + "/20"},
                            {"ghi_chu", i == 39 ? "Đồng hạng" : ""}});
    }
}

void set_selection(TemplateValues& v) {
    v.set("hinh_thuc",
          "Cờ thi đua của Ủy ban nhân dân tỉnh; Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
        .set("so_tap_the", "20")
        .set("so_ca_nhan", "20")
        .set("tong_so", "40")
        .set("tom_tat_dong_hang",
             "Có 02 trường hợp bằng điểm ở suất cuối của nhóm Cá nhân; đề nghị Hội đồng xem xét.")
        .set("luong_co_so", "2.340.000 đồng")
        .set("luong_co_so.can_cu", "Nghị định số 73/2024/NĐ-CP ngày 30 tháng 6 năm 2024")
        .set("tong_tien", "166.608.000 đồng")
        .set("tong_tien.bang_chu", "Một trăm sáu mươi sáu triệu, sáu trăm lẻ tám nghìn đồng")
        .set("kinh_gui", "Ủy ban nhân dân tỉnh Kiên Giang")
        .set("hoi_dong.ten", "Hội đồng Thi đua - Khen thưởng Sở Nội vụ")
        .set("tom_tat_ket_qua", "Có 52 tập thể, cá nhân đủ tiêu chuẩn; chọn 40 theo chỉ tiêu.");
    add_proposals(v, "de_nghi");
    v.add_record("dong_hang", {{"ten", "Huỳnh Ngọc Ẩn"},
                               {"don_vi", "Văn phòng Sở Nội vụ tỉnh Kiên Giang"},
                               {"hinh_thuc", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"},
                               {"nhom", "Cá nhân"},
                               {"so_suat", "01"}});
    v.add_record("tong_hop", {{"hinh_thuc", "Cờ thi đua của Ủy ban nhân dân tỉnh"},
                              {"doi_tuong", "Tập thể"},
                              {"so_luong", "02"},
                              {"he_so", "8,0"},
                              {"muc_thuong", "18.720.000 đồng"},
                              {"thanh_tien", "37.440.000 đồng"}});
    v.add_record("tong_hop", {{"hinh_thuc", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"},
                              {"doi_tuong", "Cá nhân"},
                              {"so_luong", "38"},
                              {"he_so", "1,0"},
                              {"muc_thuong", "3.400.000 đồng"},
                              {"thanh_tien", "129.168.000 đồng"}});
}

void set_unit(TemplateValues& v) {
    v.set("co_quan.chu_quan", "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH")
        .set("co_quan.ten", "ỦY BAN NHÂN DÂN XÃ PHÚ TÂM")
        .set("co_quan.ky_hieu", "UBND")
        .set("don_vi.ten", "Ủy ban nhân dân xã Phú Tâm")
        .set("don_vi.ma", "XA-PHUTAM")
        .set("don_vi.cap_tren", "Ủy ban nhân dân huyện Châu Thành")
        .set("nhom", "Xã, phường, thị trấn")
        .set("gui", "Sở Nội vụ tỉnh Kiên Giang")
        .set("nguoi_ky.chuc_vu", "CHỦ TỊCH")
        .set("nguoi_ky.ho_ten", "Nguyễn Thị Hồng Nhung")
        .set("noi_nhan", "- Sở Nội vụ;\n- Lưu: VT.");
}

void set_council(TemplateValues& v) {
    v.set("co_quan.ten", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG SỞ NỘI VỤ")
        .set("co_quan.ky_hieu", "HĐTĐKT")
        .set("thoi_gian", "08 giờ 00, ngày 02 tháng 3 năm 2026")
        .set("dia_diem", "Hội trường Sở Nội vụ tỉnh Kiên Giang")
        .set("chu_tri.ho_ten", "Lâm Minh Thành")
        .set("chu_tri.chuc_vu", "Giám đốc Sở Nội vụ, Chủ tịch Hội đồng")
        .set("thu_ky.ho_ten", "Võ Thị Ngọc Hân")
        .set("thu_ky.chuc_vu", "Chuyên viên Phòng Thi đua - Khen thưởng")
        .set("so_thanh_vien", "11")
        .set("dieu_kien_hop", "ít nhất 2/3 tổng số thành viên")
        .set("nguong_thong_qua", "70%");
    static constexpr std::array kRoles{"Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Thư ký"};
    for (int i = 0; i < 11; ++i)
        v.add_record("thanh_vien",
                     {{"ho_ten", i == 0 ? "Lâm Minh Thành" : "Đặng Văn Hùng " + std::to_string(i)},
                      {"chuc_vu", "Trưởng phòng Tổ chức - Hành chính"},
                      {"vai_tro", kRoles[i == 0    ? 0
                                         : i == 1  ? 1
                                         : i == 10 ? 3
                                                   : 2]}});
    const auto proposals = *v.find_list("de_nghi");
    for (size_t i = 0; i < 12; ++i) {
        const documents::TemplateRecord& r = proposals[i];
        v.add_record("bieu_quyet", {{"ten", r.at("ten")},
                                    {"don_vi", r.at("don_vi")},
                                    {"hinh_thuc", r.at("hinh_thuc")},
                                    {"xep_hang", r.at("xep_hang")},
                                    {"de_xuat", "Trong chỉ tiêu"},
                                    {"dong_y", ""},
                                    {"ty_le", ""}});
    }
}

void set_report(TemplateValues& v) {
    v.set("hinh_thuc", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
        .set("thanh_tich",
             "Đạt tiêu chuẩn Bằng khen: 5 năm liền hoàn thành xuất sắc nhiệm vụ "
             "cải cách hành chính, chỉ số hài lòng trên 90%.")
        .set("cap_trinh", "Ủy ban nhân dân huyện Châu Thành")
        .set("kinh_gui", "Ủy ban nhân dân tỉnh Kiên Giang");
    for (int year = 2021; year <= 2025; ++year)
        v.add_record("ket_qua_nam", {{"nam", std::to_string(year)},
                                     {"diem", "88,5/100"},
                                     {"ty_le", "88,5"},
                                     {"xep_loai", "Xuất sắc"},
                                     {"xep_hang", "3/12"},
                                     {"hai_long", "92,1"},
                                     {"hoan_thanh", "100"}});
    v.add_record("tieu_chi", {{"ten", "Chỉ số CCHC đạt loại Xuất sắc 5 năm liền"},
                              {"hinh_thuc", "Bằng khen"},
                              {"ket_qua", "Đạt"},
                              {"can_cu", "2021-2025: 88,5; 89,0; 90,2; 91,0; 92,5"}});
    v.add_record("tieu_chi", {{"ten", "Chỉ số hài lòng từ 90% trở lên"},
                              {"hinh_thuc", "Bằng khen"},
                              {"ket_qua", "Đạt"},
                              {"can_cu", "Năm 2025: 92,1%"}});
}

void set_decision(TemplateValues& v) {
    v.set("co_quan.chu_quan", "")
        .set("co_quan.ten", "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG")
        .set("co_quan.ky_hieu", "UBND")
        .set("nguoi_ky.chuc_vu", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
        .set("nguoi_ky.ho_ten", "Nguyễn Lưu Trung")
        .set("tham_quyen", "Chủ tịch Ủy ban nhân dân tỉnh Kiên Giang")
        .set("xet_de_nghi",
             "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 125/TTr-SNV ngày 05 tháng 3 "
             "năm 2026")
        .set("tien_thuong",
             "Tập thể, cá nhân có tên tại Điều 1 được nhận tiền thưởng theo quy "
             "định, tổng số tiền 166.608.000 đồng từ quỹ thi đua, khen thưởng tỉnh.")
        .set("thi_hanh",
             "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và các tập "
             "thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định "
             "này kể từ ngày ký./.")
        .set("phu_luc.tieu_de", "Danh sách tập thể, cá nhân được khen thưởng")
        .set("phu_luc.kem_theo",
             "(Kèm theo Quyết định số       /QĐ-UBND ngày     tháng 3 năm "
             "2026 của Chủ tịch Ủy ban nhân dân tỉnh Kiên Giang)");
    v.add_record("dieu_khen", {{"noi_dung",
                                "Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 02 "
                                "tập thể đã có thành tích xuất sắc."}});
    v.add_record("dieu_khen", {{"noi_dung",
                                "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh "
                                "cho 18 tập thể và 20 cá nhân."}});
}

}  // namespace

TemplateValues sample_form_values(FormKind kind) {
    TemplateValues v;
    set_common(v);
    const forms::FormInfo& info = forms::form_info(kind);
    if (info.subject == forms::FormSubject::Plan) set_selection(v);
    switch (kind) {
        case FormKind::Registration:
            set_unit(v);
            v.set("trich_yeu", "Thi đua thực hiện nhiệm vụ CCHC hằng năm và giai đoạn 2021-2025")
                .set("noi_dung_dang_ky",
                     "Hoàn thành xuất sắc nhiệm vụ CCHC hằng năm và giai đoạn 2021-2025.")
                .set("han_dang_ky", "30/3/2022")
                .set("so_ca_nhan", "02");
            v.add_record("ca_nhan", {{"ho_ten", "Nguyễn Thị Hồng Nhung"},
                                     {"don_vi", "Văn phòng HĐND và UBND xã"},
                                     {"noi_dung", "Hoàn thành xuất sắc nhiệm vụ CCHC"},
                                     {"ngay_dang_ky", "15/3/2022"}});
            v.add_record("ca_nhan", {{"ho_ten", "Trần Văn Đức"},
                                     {"don_vi", "Công chức Tư pháp - Hộ tịch"},
                                     {"noi_dung", "Hoàn thành xuất sắc nhiệm vụ CCHC"},
                                     {"ngay_dang_ky", "15/3/2022"}});
            break;
        case FormKind::ProposalList:
            v.set("trich_yeu",
                  "Tập thể, cá nhân đề nghị khen thưởng thi đua thực hiện nhiệm vụ "
                  "cải cách hành chính năm 2025");
            break;
        case FormKind::Submission:
            v.set("trich_yeu",
                  "Về việc đề nghị khen thưởng thi đua thực hiện nhiệm vụ cải cách "
                  "hành chính năm 2025");
            break;
        case FormKind::CouncilMinutes:
            set_council(v);
            v.set("trich_yeu",
                  "Họp xét khen thưởng thi đua thực hiện nhiệm vụ cải cách hành "
                  "chính năm 2025");
            break;
        case FormKind::AchievementReport:
            set_unit(v);
            set_report(v);
            v.set("trich_yeu",
                  "Thành tích thi đua thực hiện nhiệm vụ cải cách hành chính "
                  "giai đoạn 2021-2025");
            break;
        case FormKind::Decision:
            set_decision(v);
            v.set("trich_yeu",
                  "Về việc khen thưởng thi đua thực hiện nhiệm vụ cải cách hành "
                  "chính năm 2025");
            break;
    }
    return v;
}

}  // namespace thidua::testing_support
