#include "gen/SyntheticDataset.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <string_view>
#include <tuple>
#include <vector>

namespace thidua::gen {
namespace {

// SplitMix64 (Steele, Lea, Flood 2014), with integer-only derived draws. Not std::mt19937 with
// std::uniform_int_distribution / std::normal_distribution: the engines are specified by the
// standard but the distributions are not, and libstdc++, libc++ and MSVC turn the same seed
// into different numbers; a generated fixture must be the same bytes on every platform.
class Rng {
public:
    explicit Rng(uint64_t seed) : m_state(seed) {}
    uint64_t next() {
        uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // 0 … n-1 (multiply-shift; the bias is below 2^-32, irrelevant here).
    uint32_t below(uint32_t n) { return static_cast<uint32_t>(((next() >> 32) * n) >> 32); }
    int range(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<uint32_t>(hi - lo + 1)));
    }
    // True with probability per_10000 / 10000.
    bool chance(int per_10000) { return static_cast<int>(below(10000)) < per_10000; }
    // About normal with mean 0 and standard deviation `sd` (sum of four uniforms).
    int bell(int sd) {
        const int a = sd * 866 / 1000;
        return range(-a, a) + range(-a, a) + range(-a, a) + range(-a, a);
    }
    template <typename T, size_t N>
    const T& pick(const std::array<T, N>& items) {
        return items[below(static_cast<uint32_t>(N))];
    }

private:
    uint64_t m_state;
};

// A CSV file written row by row through a large buffer. Fields are quoted only when RFC 4180
// needs it; lines end in CRLF like io/write/CsvWriter.
class CsvOut {
public:
    bool open(const std::filesystem::path& path, std::string_view header) {
        m_file = std::fopen(path.c_str(), "wb");
        if (!m_file) return false;
        m_buf.reserve(kFlushAt + 4096);
        m_buf.append(header);
        m_buf.append("\r\n");
        return true;
    }
    ~CsvOut() {
        if (m_file) std::fclose(m_file);
    }
    CsvOut& text(std::string_view s) {
        sep();
        const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                           (!s.empty() && (s.front() == ' ' || s.back() == ' '));
        if (!quote) {
            m_buf.append(s);
            return *this;
        }
        m_buf.push_back('"');
        for (char c : s) {
            if (c == '"') m_buf.push_back('"');
            m_buf.push_back(c);
        }
        m_buf.push_back('"');
        return *this;
    }
    CsvOut& num(int64_t n) {
        sep();
        char tmp[24];
        auto r = std::to_chars(tmp, tmp + sizeof tmp, n);
        m_buf.append(tmp, r.ptr);
        return *this;
    }
    // n / 10^decimals, e.g. 8412 with 2 decimals → "84.12".
    CsvOut& fixed(int64_t n, int decimals) {
        sep();
        int64_t scale = 1;
        for (int i = 0; i < decimals; ++i)
            scale *= 10;
        if (n < 0) {
            m_buf.push_back('-');
            n = -n;
        }
        char tmp[24];
        auto r = std::to_chars(tmp, tmp + sizeof tmp, n / scale);
        m_buf.append(tmp, r.ptr);
        m_buf.push_back('.');
        int64_t frac = n % scale;
        for (int64_t d = scale / 10; d > 0; d /= 10) {
            m_buf.push_back(static_cast<char>('0' + frac / d));
            frac %= d;
        }
        return *this;
    }
    CsvOut& blank() {
        sep();
        return *this;
    }
    void end() {
        m_buf.append("\r\n");
        m_first = true;
        ++m_rows;
        if (m_buf.size() >= kFlushAt) flush();
    }
    bool close() {
        flush();
        const bool ok = m_ok && std::fclose(m_file) == 0;
        m_file = nullptr;
        return ok;
    }
    int64_t rows() const { return m_rows; }

private:
    static constexpr size_t kFlushAt = size_t{1} << 20;
    void sep() {
        if (!m_first) m_buf.push_back(',');
        m_first = false;
    }
    void flush() {
        if (!m_buf.empty() && std::fwrite(m_buf.data(), 1, m_buf.size(), m_file) != m_buf.size())
            m_ok = false;
        m_buf.clear();
    }
    std::FILE* m_file = nullptr;
    std::string m_buf;
    bool m_first = true;
    bool m_ok = true;
    int64_t m_rows = 0;
};

struct Scale {
    int provinces, districts, communes;
    int64_t people;
    int min_departments, max_departments;
};

Scale scale_of(const std::string& preset) {
    if (preset == "national") return {34, 700, 3321, 2'500'000, 18, 22};
    if (preset == "province") return {1, 21, 98, 2'500'000 / 34, 18, 22};
    // Two provinces, so that what must be unique across provinces is tested.
    return {2, 4, 10, 1'500, 6, 6};  // tiny
}

// The 34 provinces and cities from 1 July 2025.
constexpr std::array<std::string_view, 34> kProvinces = {
    "An Giang",    "Bắc Ninh", "Cà Mau",      "Cao Bằng",  "Cần Thơ",     "Đà Nẵng",    "Đắk Lắk",
    "Điện Biên",   "Đồng Nai", "Đồng Tháp",   "Gia Lai",   "Hà Nội",      "Hà Tĩnh",    "Hải Phòng",
    "Hồ Chí Minh", "Huế",      "Hưng Yên",    "Khánh Hòa", "Lai Châu",    "Lâm Đồng",   "Lạng Sơn",
    "Lào Cai",     "Nghệ An",  "Ninh Bình",   "Phú Thọ",   "Quảng Ngãi",  "Quảng Ninh", "Quảng Trị",
    "Sơn La",      "Tây Ninh", "Thái Nguyên", "Thanh Hóa", "Tuyên Quang", "Vĩnh Long"};
constexpr std::array<std::string_view, 6> kCities = {"Cần Thơ",   "Đà Nẵng",     "Hà Nội",
                                                     "Hải Phòng", "Hồ Chí Minh", "Huế"};

struct Department {
    std::string_view code, name;
};
// The first 14 exist in every province; the rest are drawn.
constexpr std::array<Department, 23> kDepartments = {{
    {"SNV", "Sở Nội vụ"},
    {"VPUBND", "Văn phòng Ủy ban nhân dân"},
    {"STP", "Sở Tư pháp"},
    {"STC", "Sở Tài chính"},
    {"SXD", "Sở Xây dựng"},
    {"SCT", "Sở Công Thương"},
    {"SGDDT", "Sở Giáo dục và Đào tạo"},
    {"SYT", "Sở Y tế"},
    {"SNNMT", "Sở Nông nghiệp và Môi trường"},
    {"SKHCN", "Sở Khoa học và Công nghệ"},
    {"SVHTTDL", "Sở Văn hóa Thể thao và Du lịch"},
    {"TTT", "Thanh tra"},
    {"SDTTG", "Sở Dân tộc và Tôn giáo"},
    {"SKHDT", "Sở Kế hoạch và Đầu tư"},
    {"STTTT", "Sở Thông tin và Truyền thông"},
    {"SLDTBXH", "Sở Lao động - Thương binh và Xã hội"},
    {"SGTVT", "Sở Giao thông vận tải"},
    {"STNMT", "Sở Tài nguyên và Môi trường"},
    {"SNGV", "Sở Ngoại vụ"},
    {"BQLKKT", "Ban Quản lý Khu kinh tế"},
    {"BQLDA", "Ban Quản lý dự án đầu tư xây dựng"},
    {"DPTTH", "Đài Phát thanh và Truyền hình"},
    {"SDL", "Sở Du lịch"},
}};

constexpr std::array<std::string_view, 24> kPlaceA = {
    "Tân",   "Phú",  "Bình", "An",  "Long",  "Hòa",  "Thạnh", "Vĩnh",
    "Mỹ",    "Đông", "Tây",  "Nam", "Bắc",   "Hưng", "Phước", "Thuận",
    "Quang", "Đức",  "Kiên", "Hải", "Lương", "Ngọc", "Thái",  "Xuân"};
constexpr std::array<std::string_view, 24> kPlaceB = {
    "Hòa",   "Lợi",  "Thành", "Phú",  "An",   "Hưng",  "Bình",  "Lộc",
    "Thuận", "Điền", "Sơn",   "Châu", "Hiệp", "Trung", "Mỹ",    "Khánh",
    "Yên",   "Định", "Lập",   "Tiến", "Hải",  "Giang", "Phong", "Thủy"};

constexpr std::array<std::string_view, 17> kFamily = {
    "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",  "Võ",    "Đặng",
    "Bùi",  "Đỗ", "Hồ",   "Ngô",   "Dương", "Lý",   "Lâm", "Trương"};
constexpr std::array<std::string_view, 8> kMiddleF = {"Thị",  "Thị Thu", "Thị Kim", "Thị Ngọc",
                                                      "Ngọc", "Thu",     "Thanh",   "Thị Mỹ"};
constexpr std::array<std::string_view, 8> kMiddleM = {"Văn",  "Hữu",   "Đức",  "Minh",
                                                      "Quốc", "Thanh", "Công", "Hoàng"};
constexpr std::array<std::string_view, 18> kGivenF = {
    "Anh",  "Lan",   "Hương",  "Hoa",  "Mai", "Linh", "Trang", "Thảo",  "Hạnh",
    "Ngọc", "Nhung", "Phương", "Thủy", "Yến", "Vân",  "Hà",    "Tuyết", "Diễm"};
constexpr std::array<std::string_view, 18> kGivenM = {
    "Hùng",  "Dũng",  "Tuấn",  "Minh", "Quang", "Hải", "Long", "Nam",  "Sơn",
    "Phong", "Trung", "Thắng", "Khoa", "Bình",  "Tài", "Lộc",  "Phúc", "Hiếu"};

enum class Kind { Province, Department, District, Commune, Office };

struct Unit {
    std::string id, name;
    Kind kind;
    int parent = -1;
    std::string tags;
    int province = 0;
    int quality = 0;  // PAR rate in hundredths of a percent, before the yearly trend
    int trend = 0;    // per year
    int64_t people = 0;
};

std::string place(Rng& rng) {
    std::string a(rng.pick(kPlaceA)), b(rng.pick(kPlaceB));
    while (b == a)
        b = rng.pick(kPlaceB);
    return a + " " + b;
}

std::string code(char letter, int n) {
    char tmp[16];
    std::snprintf(tmp, sizeof tmp, "%c%02d", letter, n);
    return tmp;
}

std::string date(int y, int m, int d) {
    char tmp[16];
    std::snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
    return tmp;
}

std::string_view par_rating(int hundredths) {
    if (hundredths >= 9000) return "xuat-sac";
    if (hundredths >= 8000) return "tot";
    if (hundredths >= 7000) return "kha";
    if (hundredths >= 5000) return "trung-binh";
    return "yeu";
}

// Units of every province: the province, its departments (some with a PAR staff office), its
// districts each with a Home Affairs office, and their communes.
std::vector<Unit> build_units(const Scale& sc, Rng& rng) {
    std::vector<Unit> units;
    const int64_t per_province = sc.people / sc.provinces;
    for (int p = 0; p < sc.provinces; ++p) {
        const std::string pid = code('T', p + 1);
        const std::string_view pname = kProvinces[static_cast<size_t>(p) % kProvinces.size()];
        const bool city = std::find(kCities.begin(), kCities.end(), pname) != kCities.end();
        const int province = static_cast<int>(units.size());
        units.push_back(
            {pid,
             std::string("Ủy ban nhân dân ") + (city ? "thành phố " : "tỉnh ") + std::string(pname),
             Kind::Province, -1, "", p, 8200 + rng.bell(400), rng.range(-40, 120)});
        const int departments = rng.range(sc.min_departments, sc.max_departments);
        const int districts = sc.districts / sc.provinces + (p < sc.districts % sc.provinces);
        const int communes = sc.communes / sc.provinces + (p < sc.communes % sc.provinces);
        // Departments: the first ones always, then drawn from the rest.
        std::vector<size_t> chosen;
        for (size_t i = 0; i < kDepartments.size(); ++i)
            chosen.push_back(i);
        const size_t always = std::min<size_t>(14, static_cast<size_t>(departments));
        for (size_t i = always; i < chosen.size(); ++i)
            std::swap(chosen[i], chosen[i + rng.below(static_cast<uint32_t>(chosen.size() - i))]);
        chosen.resize(std::min<size_t>(static_cast<size_t>(departments), chosen.size()));
        std::sort(chosen.begin() + static_cast<long>(always), chosen.end());
        const int64_t dept_people = per_province * 42 / 100 / departments;
        for (size_t i : chosen) {
            const Department& d = kDepartments[i];
            const int dept = static_cast<int>(units.size());
            Unit u{pid + "-" + std::string(d.code),
                   std::string(d.name),
                   Kind::Department,
                   province,
                   "",
                   p,
                   8300 + rng.bell(500),
                   rng.range(-60, 140)};
            if (d.code == "VPUBND") u.name += city ? " thành phố" : " tỉnh";
            if (d.code == "TTT") u.name += city ? " thành phố" : " tỉnh";
            u.people = dept_people * rng.range(50, 150) / 100;
            units.push_back(std::move(u));
            auto office = [&](std::string_view suffix, std::string name, std::string tags) {
                units.push_back({pid + "-" + std::string(d.code) + "-" + std::string(suffix),
                                 std::move(name), Kind::Office, dept, std::move(tags), p, 0, 0,
                                 rng.range(8, 20)});
            };
            if (d.code == "SNV")
                office("CCHC", "Phòng Cải cách hành chính", "chuyen-trach-cchc");
            else if (d.code == "VPUBND")
                office("TTPVHCC", "Trung tâm Phục vụ hành chính công", "chuyen-trach-cchc");
            else if (d.code == "STTTT" || d.code == "SKHCN")
                office("CDS", "Phòng Chuyển đổi số", "chuyen-trach-cchc");
            else if (rng.chance(2000))
                office("VP", "Văn phòng " + std::string(d.name), "");
        }
        const int64_t district_people = per_province * 9 / 100 / std::max(districts, 1);
        const int64_t commune_people = per_province * 48 / 100 / std::max(communes, 1);
        for (int h = 0; h < districts; ++h) {
            const std::string hid = pid + "-" + code('H', h + 1);
            const std::string hplace = place(rng);
            const int kind = rng.range(0, 9);
            const std::string_view level = kind == 0   ? "thành phố "
                                           : kind == 1 ? "thị xã "
                                                       : "huyện ";
            const int district = static_cast<int>(units.size());
            Unit u{hid,
                   "Ủy ban nhân dân " + std::string(level) + hplace,
                   Kind::District,
                   province,
                   "",
                   p,
                   8200 + rng.bell(500),
                   rng.range(-60, 140)};
            u.people = district_people * rng.range(50, 150) / 100;
            units.push_back(std::move(u));
            units.push_back({hid + "-PNV", "Phòng Nội vụ " + std::string(level) + hplace,
                             Kind::Office, district, "phong-noi-vu", p, 0, 0, rng.range(6, 12)});
            const int n = communes / districts + (h < communes % districts);
            for (int x = 0; x < n; ++x) {
                const int k = rng.range(0, 19);
                const std::string_view clevel = k < 3 ? "phường " : k < 5 ? "thị trấn " : "xã ";
                Unit c{hid + "-" + code('X', x + 1),
                       "Ủy ban nhân dân " + std::string(clevel) + place(rng),
                       Kind::Commune,
                       district,
                       "",
                       p,
                       8000 + rng.bell(600),
                       rng.range(-80, 160)};
                c.people = commune_people * rng.range(50, 150) / 100;
                units.push_back(std::move(c));
            }
        }
    }
    return units;
}

std::string_view type_id(Kind k) {
    switch (k) {
        case Kind::Province:
            return "province";
        case Kind::Department:
            return "department";
        case Kind::District:
            return "district";
        case Kind::Commune:
            return "commune";
        case Kind::Office:
            return "office";
    }
    return "other";
}

// A 0/1 cell, blank with probability missing_per_10000.
void flag(CsvOut& out, Rng& rng, int true_per_10000, int missing_per_10000 = 100) {
    if (rng.chance(missing_per_10000))
        out.blank();
    else
        out.num(rng.chance(true_per_10000) ? 1 : 0);
}

void disciplined(CsvOut& out, Rng& rng, int one_per_10000, int review_per_10000) {
    const int r = static_cast<int>(rng.below(10000));
    if (r < one_per_10000)
        out.num(1);
    else if (r < one_per_10000 + review_per_10000)
        out.text("review");
    else
        out.num(0);
}

// A date before the deadline (in its year, from January) or, when late, in the three months
// after it.
std::string registration_date(Rng& rng, int deadline_year, bool on_time) {
    if (on_time) {
        const int m = rng.range(1, 3);
        return date(deadline_year, m, rng.range(1, m == 3 ? 30 : 28));
    }
    const int m = rng.range(4, 6);
    return date(deadline_year, m, rng.range(1, 28));
}

struct Files {
    CsvOut units, people, unit_years, component_years, person_years, registrations, events;
};

constexpr std::array<std::string_view, 7> kFiles = {
    "units.csv",        "people.csv",        "unit_years.csv", "component_years.csv",
    "person_years.csv", "registrations.csv", "events.csv"};

}  // namespace

bool is_preset(const std::string& name) {
    return name == "national" || name == "province" || name == "tiny";
}

tl::expected<GenCounts, std::string> generate_dataset(const GenOptions& o,
                                                      const std::filesystem::path& dir) {
    if (!is_preset(o.preset))
        return tl::unexpected("không có mẫu '" + o.preset +
                              "' (national, province, tiny) / unknown preset");
    if (o.first_year > o.last_year || o.first_year < 1990 || o.last_year > 2100)
        return tl::unexpected(std::string("khoảng năm không hợp lệ / bad year range"));
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return tl::unexpected("không tạo được thư mục / cannot create " + dir.string());
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".csv" &&
            std::find(kFiles.begin(), kFiles.end(), name) == kFiles.end())
            return tl::unexpected("thư mục đã có tệp " + name +
                                  ", sẽ bị đọc lẫn vào bộ dữ liệu / the folder holds " + name);
    }

    Scale sc = scale_of(o.preset);
    sc.people = sc.people * std::clamp(o.people_percent, 1, 100) / 100;
    Rng rng(o.seed * 0x2545f4914f6cdd1dULL + 0x1234567ULL);
    std::vector<Unit> units = build_units(sc, rng);
    const int A = o.first_year, B = o.last_year, years = B - A + 1;
    const std::string phase = std::to_string(A) + "-" + std::to_string(B);
    // The kien-giang rule: the phase and its first two years by March 30 of the second year,
    // later years by March 30 of their own year.
    auto deadline_year = [&](int y) { return std::max(y, A + 1); };

    Files f;
    const auto path = [&](std::string_view name) { return dir / std::string(name); };
    if (!f.units.open(path("units.csv"),
                      "id,name,type,parent_id,tags,successor_of,active_from,active_to") ||
        !f.people.open(path("people.csv"),
                       "id,name,unit_id,gender,par_role,resident,component,tags") ||
        !f.unit_years.open(path("unit_years.csv"),
                           "unit_id,year,par_score,par_max,par_rating,par_rank,satisfaction,"
                           "task_completion,head_leads,compliance,excellent_achievement,initiative,"
                           "disciplined") ||
        !f.component_years.open(path("component_years.csv"),
                                "component_id,unit_id,year,score,max") ||
        !f.person_years.open(path("person_years.csv"),
                             "person_id,year,unit_id,rating,excellent_par,initiative,"
                             "initiative_level,ethics_ok,disciplined") ||
        !f.registrations.open(path("registrations.csv"), "subject_id,period,registered_on") ||
        !f.events.open(path("events.csv"), "event,year,date"))
        return tl::unexpected("không ghi được vào / cannot write to " + dir.string());

    for (const Unit& u : units) {
        f.units.text(u.id).text(u.name).text(type_id(u.kind));
        if (u.parent >= 0)
            f.units.text(units[static_cast<size_t>(u.parent)].id);
        else
            f.units.blank();
        f.units.text(u.tags).blank().blank().blank().end();
    }

    // Yearly PAR scores, then ranks among peers (same type, same parent; provinces among the
    // 63 of the national index, from their score).
    const size_t n = units.size();
    std::vector<int> score(n * static_cast<size_t>(years), 0), rank(score.size(), 0);
    for (size_t i = 0; i < n; ++i) {
        const Unit& u = units[i];
        for (int y = 0; y < years; ++y)
            score[i * years + y] = std::clamp(u.quality + u.trend * y + rng.bell(250), 3000, 9990);
    }
    {
        std::vector<size_t> order(n);
        for (size_t i = 0; i < n; ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return std::tie(units[a].parent, units[a].kind) <
                   std::tie(units[b].parent, units[b].kind);
        });
        for (int y = 0; y < years; ++y) {
            for (size_t s = 0; s < n;) {
                size_t e = s;
                while (e < n && units[order[e]].parent == units[order[s]].parent &&
                       units[order[e]].kind == units[order[s]].kind)
                    ++e;
                std::vector<size_t> peers(order.begin() + static_cast<long>(s),
                                          order.begin() + static_cast<long>(e));
                std::stable_sort(peers.begin(), peers.end(), [&](size_t a, size_t b) {
                    return score[a * years + y] > score[b * years + y];
                });
                for (size_t r = 0; r < peers.size(); ++r)
                    rank[peers[r] * years + y] = static_cast<int>(r) + 1;
                s = e;
            }
        }
        for (size_t i = 0; i < n; ++i)
            if (units[i].kind == Kind::Province)
                for (int y = 0; y < years; ++y)
                    rank[i * years + y] = std::clamp(1 + (9400 - score[i * years + y]) / 40, 1, 63);
    }

    for (size_t i = 0; i < n; ++i) {
        const Unit& u = units[i];
        for (int y = 0; y < years; ++y) {
            const int s = score[i * years + y];
            f.unit_years.text(u.id).num(A + y);
            if (u.kind == Kind::Office) {
                f.unit_years.blank().blank().blank().blank().blank().blank();
            } else {
                if (rng.chance(50))
                    f.unit_years.blank();
                else
                    f.unit_years.fixed(s, 2);
                f.unit_years.num(100);
                // The rating as published (three in four), else left to be derived.
                if (u.kind != Kind::Province && rng.chance(7500))
                    f.unit_years.text(par_rating(s));
                else
                    f.unit_years.blank();
                f.unit_years.num(rank[i * years + y]);
                if (rng.chance(100))
                    f.unit_years.blank();
                else
                    f.unit_years.fixed(std::clamp(s / 10 + rng.bell(30), 500, 1000), 1);
                if (u.kind == Kind::Province || rng.chance(100))
                    f.unit_years.blank();
                else
                    f.unit_years.num(rng.chance(7000) ? 100 : rng.range(80, 99));
            }
            if (u.kind == Kind::Province) {
                f.unit_years.blank().blank().blank().blank().blank().end();
                continue;
            }
            flag(f.unit_years, rng, 9500);
            flag(f.unit_years, rng, 9300);
            flag(f.unit_years, rng, s >= 9000 ? 6000 : 2000);
            flag(f.unit_years, rng, 1500);
            if (rng.chance(50))
                f.unit_years.blank();
            else
                disciplined(f.unit_years, rng, 40, 30);
            f.unit_years.end();
        }
    }

    // Component indexes, advised on by the Home Affairs PAR office (PAR index, SIPAS) and by
    // the departments that lead them (PAPI: Home Affairs, PCI: Planning or Finance).
    for (size_t i = 0; i < n; ++i) {
        const Unit& u = units[i];
        const std::string_view id = u.id;
        // Each province has its own component indexes: "T01-papi".
        const std::string province(id.substr(0, id.find('-')));
        auto rows = [&](std::string_view component, int base) {
            const std::string cid = province + "-" + std::string(component);
            for (int y = 0; y < years; ++y)
                f.component_years.text(cid)
                    .text(u.id)
                    .num(A + y)
                    .fixed(std::clamp(base + 60 * y + rng.bell(300), 3000, 9990), 2)
                    .num(100)
                    .end();
        };
        if (id.ends_with("-SNV-CCHC")) {
            rows("par-index", 8300);
            rows("sipas", 8400);
        } else if (u.kind == Kind::Department && id.ends_with("-SNV")) {
            rows("papi", 7000);
        } else if (u.kind == Kind::Department && id.ends_with("-STC")) {
            rows("pci", 6500);
        }
    }
    for (int y = A; y <= B; ++y)
        f.events.text("results-recognized").num(y).text(date(y + 1, 3, rng.range(2, 20))).end();
    for (int y = A; y <= B; ++y)
        f.events.text("par-index-published").num(y).text(date(y + 1, 5, rng.range(2, 28))).end();

    // Units register for the phase and for each year; some late, some not at all.
    for (const Unit& u : units) {
        if (u.kind == Kind::Province) continue;
        if (rng.chance(9200))
            f.registrations.text(u.id)
                .text(phase)
                .text(registration_date(rng, deadline_year(A), rng.chance(9200)))
                .end();
        for (int y = A; y <= B; ++y)
            if (rng.chance(8800))
                f.registrations.text(u.id)
                    .num(y)
                    .text(registration_date(rng, deadline_year(y), rng.chance(9300)))
                    .end();
    }

    // People, streamed: each person's row, yearly rows and registration are drawn together.
    std::vector<int64_t> next_person(static_cast<size_t>(sc.provinces), 0);
    std::string id, name;
    for (const Unit& u : units) {
        for (int64_t k = 0; k < u.people; ++k) {
            char tmp[32];
            std::snprintf(tmp, sizeof tmp, "-CB-%07lld",
                          static_cast<long long>(++next_person[static_cast<size_t>(u.province)]));
            id = code('T', u.province + 1) + tmp;
            const bool woman = rng.chance(5500);
            name.assign(rng.chance(3500) ? std::string_view("Nguyễn") : rng.pick(kFamily));
            name += ' ';
            const std::string_view middle = woman ? rng.pick(kMiddleF) : rng.pick(kMiddleM);
            std::string_view given = woman ? rng.pick(kGivenF) : rng.pick(kGivenM);
            while (middle.ends_with(given))
                given = woman ? rng.pick(kGivenF) : rng.pick(kGivenM);
            name += middle;
            name += ' ';
            name += given;
            const bool par_role = rng.chance(u.kind == Kind::Office ? 8000 : 2800);
            f.people.text(id).text(name).text(u.id);
            if (rng.chance(100))
                f.people.blank();
            else
                f.people.text(woman ? "nu" : "nam");
            if (rng.chance(100))
                f.people.blank();
            else
                f.people.num(par_role ? 1 : 0);
            f.people.num(0).blank().blank().end();

            // Each person has a standing: the better ones are rated htxs more often.
            const int htxs = 1000 + static_cast<int>(rng.below(2001));
            for (int y = A; y <= B; ++y) {
                f.person_years.text(id).num(y).blank();
                const int r = static_cast<int>(rng.below(10000));
                if (r < 50)
                    f.person_years.blank();
                else if (r < 50 + htxs)
                    f.person_years.text("htxs");
                else if (r < 50 + htxs + 250)
                    f.person_years.text("ht");
                else if (r < 50 + htxs + 300)
                    f.person_years.text("kht");
                else
                    f.person_years.text("htt");
                flag(f.person_years, rng, par_role ? 2500 : 1100);
                const bool initiative = rng.chance(500);
                f.person_years.num(initiative ? 1 : 0);
                if (initiative) {
                    const int l = rng.range(0, 9);
                    f.person_years.text(l < 6 ? "unit" : l < 9 ? "district" : "province");
                } else {
                    f.person_years.blank();
                }
                flag(f.person_years, rng, 9900);
                if (rng.chance(30))
                    f.person_years.blank();
                else
                    disciplined(f.person_years, rng, 30, 10);
                f.person_years.end();
            }
            if (rng.chance(par_role ? 2500 : 600))
                f.registrations.text(id)
                    .text(phase)
                    .text(registration_date(rng, deadline_year(A), rng.chance(9500)))
                    .end();
        }
    }

    GenCounts counts;
    counts.units = f.units.rows();
    counts.people = f.people.rows();
    counts.unit_years = f.unit_years.rows();
    counts.person_years = f.person_years.rows();
    counts.registrations = f.registrations.rows();
    const bool ok = f.units.close() & f.people.close() & f.unit_years.close() &
                    f.component_years.close() & f.person_years.close() & f.registrations.close() &
                    f.events.close();
    if (!ok) return tl::unexpected("lỗi khi ghi / write failed in " + dir.string());
    return counts;
}

}  // namespace thidua::gen
