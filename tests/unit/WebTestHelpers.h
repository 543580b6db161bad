#pragma once
// What the web API suites share: the KG plan and sample, and the calls that seed a server with
// them as a Home Affairs officer would.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "HttpTestClient.h"
#include "WebTestServer.h"
#include "ZipBuilder.h"

namespace thidua::testing_support {

inline const std::string kKg = "kien-giang-2021-2025";

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string plan_text(const std::string& id) {
    return read_text(std::filesystem::path(THIDUA_SOURCE_DIR) / "plans" / (id + ".yaml"));
}

inline std::string sample_zip(const std::string& name) {
    ZipEntries entries;
    for (const auto& e : std::filesystem::directory_iterator(samples_dir() / name))
        entries.emplace_back(e.path().filename().string(), read_text(e.path()));
    return build_zip(entries);
}

inline HttpReply put_plan(HttpTestClient& c, const std::string& id, const std::string& text) {
    return c.request("PUT", "/api/v1/plans/" + id, text, {{"Content-Type", "application/yaml"}});
}

inline HttpReply upload(HttpTestClient& c, const std::string& target, const std::string& bytes) {
    return c.request("POST", target, bytes, {{"Content-Type", "application/octet-stream"}});
}

// The KG plan saved and its sample imported for it, as a Home Affairs officer would.
inline void seed_kien_giang(HttpTestClient& admin) {
    ASSERT_EQ(put_plan(admin, kKg, plan_text(kKg)).status, 200);
    const HttpReply r = upload(admin, "/api/v1/plans/" + kKg + "/data", sample_zip(kKg));
    ASSERT_EQ(r.status, 200) << r.body;
}

}  // namespace thidua::testing_support
