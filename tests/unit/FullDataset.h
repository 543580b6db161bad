#pragma once
// A small dataset that fills every column of every DATA.md file, with the values writers get
// wrong: commas, quotes and line breaks in names, Vietnamese text, ids that look like numbers,
// decimal scores, "review", blank cells between filled ones. For round-trip tests.

#include <filesystem>

#include <gtest/gtest.h>

#include "io/dataset/DatasetReader.h"

namespace thidua::testing_support {

inline DatasetFiles full_dataset_files() {
    DatasetFiles f;
    f["units.csv"] =
        "id,name,type,parent_id,tags,successor_of,active_from,active_to\n"
        "KG,Ủy ban nhân dân tỉnh Kiên Giang,province,,,,,\n"
        "SNV,\"Sở Nội vụ, tỉnh \"\"KG\"\"\",department,KG,khoi-1;cchc,,2010-01-01,\n"
        "007,\"Phòng\nhai dòng\",office,SNV,cchc,,,2024-12-31\n"
        "PQ,Thành phố Phú Quốc,district,KG,,007;SNV,2020-02-29,\n";
    // SNV ends the day before PQ starts; 007's own end stays, so it has no row of its own.
    f["lineage.csv"] =
        "old_id,new_id,date,weight,main\n"
        "SNV,PQ,2020-02-29,\"1234,5\",1\n";
    f["people.csv"] =
        "id,name,unit_id,gender,par_role,resident,component,tags\n"
        "P1,Nguyễn Thị Hồng Nhung,SNV,nu,1,0,C-1,chuyen-trach\n"
        "P2,Trần Văn Đức,PQ,nam,0,1,,\n"
        "P3,Lê Ánh,007,,,,C-2,chuyen-trach;cchc\n";
    f["unit_years.csv"] =
        "unit_id,year,par_score,par_max,par_rating,par_rank,satisfaction,task_completion,"
        "head_leads,compliance,excellent_achievement,initiative,disciplined\n"
        "SNV,2021,87.55,100,tot,3,86.1,100,1,1,0,1,0\n"
        "SNV,2022,91.123456789,100,xuat-sac,1,,,,,,,review\n"
        "PQ,2021,,,,,,,,,,,1\n";
    f["component_years.csv"] =
        "component_id,unit_id,year,score,max\n"
        "C-1,SNV,2021,8.5,10\n"
        "C-2,007,2022,0.1,0.3\n";
    f["person_years.csv"] =
        "person_id,year,unit_id,rating,excellent_par,initiative,initiative_level,ethics_ok,"
        "disciplined\n"
        "P1,2021,SNV,htxs,1,1,province,1,0\n"
        "P1,2022,PQ,htt,0,0,,1,review\n"
        "P3,2023,,,,,national,,\n";
    f["registrations.csv"] =
        "subject_id,period,registered_on\n"
        "SNV,2021-2025,2021-03-15\n"
        "P1,2022,2022-02-28\n";
    f["events.csv"] =
        "event,year,date\n"
        "results-recognized,2021,2022-03-08\n"
        "par-index-published,2024,2025-01-31\n";
    f["dossiers.csv"] =
        "subject_id,award,period,document,copies,submitted_on\n"
        "SNV,co-thi-dua,2021-2025,to-trinh,2,2026-02-06\n"
        "P1,bang-khen,2022,bao-cao-thanh-tich,,\n";
    return f;
}

inline Dataset full_dataset() {
    auto read = read_dataset_from_memory(full_dataset_files());
    if (!read) {
        for (const Diagnostic& d : read.error())
            ADD_FAILURE() << d.format();
        return {};
    }
    return std::move(*read);
}

// A fresh empty folder under the system temp dir, removed by the destructor.
class TempDir {
public:
    explicit TempDir(const std::string& name)
        : m_path(std::filesystem::temp_directory_path() /
                 (name + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                  "-" + std::to_string(reinterpret_cast<uintptr_t>(this)))) {
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code e;
        std::filesystem::remove_all(m_path, e);
    }
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

}  // namespace thidua::testing_support
