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

// A folder of CSV files as the zip a user would upload.
inline std::string folder_zip(const std::filesystem::path& dir) {
    ZipEntries entries;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        entries.emplace_back(e.path().filename().string(), read_text(e.path()));
    return build_zip(entries);
}

inline std::string sample_zip(const std::string& name) {
    return folder_zip(samples_dir() / name);
}

// The data of a hand-written scenario: tests/scenarios/<plan>/<name>/data.
inline std::string scenario_zip(const std::string& plan, const std::string& name) {
    return folder_zip(std::filesystem::path(THIDUA_SOURCE_DIR) / "tests/scenarios" / plan / name /
                      "data");
}

// One group of one award in the evaluation of a stored plan's period, with every candidate;
// null when absent.
inline nlohmann::json evaluation_group(HttpTestClient& c, const std::string& plan,
                                       const std::string& period, const std::string& award,
                                       const std::string& group) {
    const nlohmann::json e =
        c.get("/api/v1/plans/" + plan + "/evaluation?period=" + period + "&limit=all").json();
    for (const nlohmann::json& a : e["awards"])
        if (a["award"] == award)
            for (const nlohmann::json& g : a["groups"])
                if (g["group"] == group) return g;
    return nullptr;
}

inline HttpReply put_plan(HttpTestClient& c, const std::string& id, const std::string& text) {
    return c.request("PUT", "/api/v1/plans/" + id, text, {{"Content-Type", "application/yaml"}});
}

inline HttpReply upload(HttpTestClient& c, const std::string& target, const std::string& bytes) {
    return c.request("POST", target, bytes, {{"Content-Type", "application/octet-stream"}});
}

// One file posted as the multipart field `file`, as a browser's form sends it.
inline HttpReply post_file(HttpTestClient& c, const std::string& target, const std::string& name,
                           const std::string& bytes) {
    const std::string boundary = "----thidua-test-boundary";
    const std::string body =
        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name +
        "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
    return c.request("POST", target, body,
                     {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
}

inline const std::string kTestPdf = "%PDF-1.4\n% test\n1 0 obj << >> endobj\ntrailer\n%%EOF\n";

// A seed plan saved and one of its scenario datasets imported for it.
inline void seed_scenario(HttpTestClient& admin, const std::string& plan,
                          const std::string& scenario) {
    ASSERT_EQ(put_plan(admin, plan, plan_text(plan)).status, 200);
    const HttpReply r =
        upload(admin, "/api/v1/plans/" + plan + "/data", scenario_zip(plan, scenario));
    ASSERT_EQ(r.status, 200) << r.body;
}

// The KG plan saved and its sample imported for it, as a Home Affairs officer would.
inline void seed_kien_giang(HttpTestClient& admin) {
    ASSERT_EQ(put_plan(admin, kKg, plan_text(kKg)).status, 200);
    const HttpReply r = upload(admin, "/api/v1/plans/" + kKg + "/data", sample_zip(kKg));
    ASSERT_EQ(r.status, 200) << r.body;
}

}  // namespace thidua::testing_support
