#pragma once
// The store suite runs every test on both engines: SQLite in a fresh file, PostgreSQL in a fresh
// schema of the database THIDUA_TEST_PG_URL names (skipped, with a message, when it is unset).

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "io/DatasetSource.h"
#include "store/Connect.h"
#include "store/Store.h"

namespace thidua::testing_support {

inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) {
    return info.param;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        const std::string tag = fmt::format("t{}_{}", ::getpid(), counter++);
        if (GetParam() == "sqlite") {
            m_dir = std::filesystem::temp_directory_path() / ("thidua-store-" + tag);
            std::filesystem::create_directories(m_dir);
            m_url = "sqlite:" + (m_dir / "store.db").string();
            return;
        }
        const char* pg = std::getenv("THIDUA_TEST_PG_URL");
        if (pg == nullptr || *pg == '\0')
            GTEST_SKIP() << "THIDUA_TEST_PG_URL is not set: PostgreSQL tests skipped "
                            "(scripts/pg-test-cluster.sh start prints one)";
        m_schema = "thidua_" + tag;
        auto admin = store::connect(pg);
        ASSERT_TRUE(admin) << admin.error().format();
        ASSERT_TRUE((*admin)->exec_script(fmt::format("CREATE SCHEMA {}", m_schema)));
        const std::string base(pg);
        m_url = fmt::format("{}{}options=-csearch_path%3D{}", base,
                            base.find('?') == std::string::npos ? "?" : "&", m_schema);
    }

    void TearDown() override {
        if (!m_dir.empty()) std::filesystem::remove_all(m_dir);
        if (m_schema.empty()) return;
        if (auto admin = store::connect(std::getenv("THIDUA_TEST_PG_URL")))
            (void)(*admin)->exec_script(fmt::format("DROP SCHEMA {} CASCADE", m_schema));
    }

    std::unique_ptr<Store> open() {
        auto store = open_store(m_url);
        EXPECT_TRUE(store) << (store ? "" : store.error().format());
        return store ? std::move(*store) : nullptr;
    }

    std::unique_ptr<store::SqlConnection> raw() {
        auto db = store::connect(m_url);
        EXPECT_TRUE(db) << (db ? "" : db.error().format());
        return db ? std::move(*db) : nullptr;
    }

    const std::string& url() const { return m_url; }

private:
    std::filesystem::path m_dir;
    std::string m_schema, m_url;
};

inline std::filesystem::path samples_dir() {
    return std::filesystem::path(THIDUA_SOURCE_DIR) / "samples";
}

inline Dataset read_sample(const std::string& name) {
    auto data = read_dataset_path(samples_dir() / name);
    EXPECT_TRUE(data) << name;
    return data ? std::move(*data) : Dataset{};
}

inline std::vector<std::string> sample_names() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(samples_dir()))
        out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

// Every field the engine reads, compared one by one (NaN equals NaN: both are "not known").
void expect_same_dataset(const Dataset& a, const Dataset& b);

}  // namespace thidua::testing_support
