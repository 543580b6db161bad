// Runs every hand-written scenario of tests/scenarios/<plan>/<case>/expect-<period>.yaml through
// the real `thidua evaluate` binary and checks its JSON (or its exit code and stderr for bad
// input) against the expectations written from PLANS.md.

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "RunCommand.h"

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

struct Scenario {
    fs::path expect;
    std::string plan, name, period;
    std::string history;  // expect-<period>.<rule>.yaml: evaluated with --history <rule>
};

void PrintTo(const Scenario& s, std::ostream* os) {
    *os << s.expect.string();
}

std::vector<Scenario> scenarios() {
    std::vector<Scenario> out;
    const fs::path root = fs::path(THIDUA_SOURCE_DIR) / "tests" / "scenarios";
    if (!fs::exists(root)) return out;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const std::string file = entry.path().filename().string();
        if (!entry.is_regular_file() || !file.starts_with("expect-") ||
            entry.path().extension() != ".yaml")
            continue;
        Scenario s;
        s.expect = entry.path();
        s.name = entry.path().parent_path().filename().string();
        s.plan = entry.path().parent_path().parent_path().filename().string();
        s.period = file.substr(7, file.size() - 7 - 5);
        if (const size_t dot = s.period.find('.'); dot != std::string::npos) {
            s.history = s.period.substr(dot + 1);
            s.period.resize(dot);
        }
        out.push_back(s);
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.expect < b.expect; });
    return out;
}

struct ProcessResult {
    int exit_code = -1;
    std::string out, err;
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

ProcessResult run_evaluate(const Scenario& s) {
    const fs::path err =
        fs::temp_directory_path() / ("thidua-scenario-" + std::to_string(::getpid()) + ".err");
    const fs::path plan = fs::path(THIDUA_SOURCE_DIR) / "plans" / (s.plan + ".yaml");
    const fs::path data = s.expect.parent_path() / "data";
    const std::string cmd =
        std::string("'") + THIDUA_BINARY + "' evaluate --plan '" + plan.string() + "' --data '" +
        data.string() + "' --period '" + s.period + "' --format json" +
        (s.history.empty() ? "" : " --history " + s.history) + " 2>'" + err.string() + "'";
    const auto run = thidua::testing_support::run_command(cmd);
    ProcessResult r;
    r.exit_code = run.exit_code;
    r.out = run.out;
    r.err = read_file(err);
    fs::remove(err);
    return r;
}

std::string scalar(const YAML::Node& n) {
    return n.IsNull() ? "null" : n.as<std::string>();
}

const json* find_by(const json& array, const char* key, const std::string& value) {
    for (const json& item : array)
        if (item.contains(key) && item[key].is_string() && item[key] == value) return &item;
    return nullptr;
}

std::vector<std::string> strings(const json& array) {
    std::vector<std::string> out;
    for (const json& item : array)
        out.push_back(item.get<std::string>());
    return out;
}

std::vector<std::string> strings(const YAML::Node& n) {
    std::vector<std::string> out;
    if (n && n.IsSequence())
        for (const auto& item : n)
            out.push_back(item.as<std::string>());
    return out;
}

void check_group(const json& group, const YAML::Node& want, const std::string& where) {
    if (want["quota"]) {
        if (want["quota"].IsNull()) {
            EXPECT_TRUE(group["quota"].is_null()) << where << " quota";
        } else {
            EXPECT_EQ(group["quota"], want["quota"].as<int>()) << where << " quota";
        }
    }
    if (want["selected"]) {
        EXPECT_EQ(strings(group["selected"]), strings(want["selected"])) << where << " selected";
    }
    if (want["tied"]) {
        auto got = strings(group["tied"]);
        auto exp = strings(want["tied"]);
        EXPECT_EQ(std::set<std::string>(got.begin(), got.end()),
                  std::set<std::string>(exp.begin(), exp.end()))
            << where << " tied";
    }
    const json& candidates = group["candidates"];
    for (const auto& kv : want["status"]) {
        const std::string id = kv.first.as<std::string>();
        const json* c = find_by(candidates, "id", id);
        ASSERT_NE(c, nullptr) << where << ": candidate " << id << " not listed";
        EXPECT_EQ((*c)["status"], kv.second.as<std::string>()) << where << " status of " << id;
    }
    for (const auto& kv : want["criteria"]) {
        const std::string id = kv.first.as<std::string>();
        const json* c = find_by(candidates, "id", id);
        ASSERT_NE(c, nullptr) << where << ": candidate " << id << " not listed";
        for (const auto& ckv : kv.second) {
            const std::string crit = ckv.first.as<std::string>();
            const json* r = find_by((*c)["criteria"], "id", crit);
            ASSERT_NE(r, nullptr) << where << ": " << id << " has no criterion " << crit;
            EXPECT_EQ((*r)["result"], ckv.second.as<std::string>())
                << where << ": " << id << " " << crit << " (" << (*r)["detail"] << ")";
        }
    }
    for (const auto& kv : want["missing"]) {
        const std::string id = kv.first.as<std::string>();
        const json* c = find_by(candidates, "id", id);
        ASSERT_NE(c, nullptr) << where << ": candidate " << id << " not listed";
        const auto got = strings((*c)["missing"]);
        for (const std::string& fact : strings(kv.second))
            EXPECT_NE(std::find(got.begin(), got.end(), fact), got.end())
                << where << ": " << id << " should list missing " << fact << "; got "
                << (*c)["missing"];
    }
    for (const auto& kv : want["keys"]) {  // ranking keys, to two decimals
        const std::string id = kv.first.as<std::string>();
        const json* c = find_by(candidates, "id", id);
        ASSERT_NE(c, nullptr) << where << ": candidate " << id << " not listed";
        const json& keys = (*c)["ranking_keys"];
        ASSERT_EQ(keys.size(), kv.second.size()) << where << ": keys of " << id;
        for (size_t i = 0; i < keys.size(); ++i)
            EXPECT_NEAR(keys[i].get<double>(), kv.second[i].as<double>(), 0.005)
                << where << ": key " << i << " of " << id;
    }
    for (const auto& kv : want["lineage"]) {
        const std::string id = kv.first.as<std::string>();
        const json* c = find_by(candidates, "id", id);
        ASSERT_NE(c, nullptr) << where << ": candidate " << id << " not listed";
        ASSERT_TRUE(c->contains("lineage")) << where << ": " << id << " has no lineage";
        const json& got = (*c)["lineage"];
        for (const auto& f : kv.second) {
            const std::string field = f.first.as<std::string>();
            const std::string at = where + ": " + id + " lineage." + field;
            ASSERT_TRUE(got.contains(field)) << at << " absent from " << got;
            if (f.second.IsMap()) {
                for (const auto& g : f.second)
                    EXPECT_EQ(got[field][g.first.as<std::string>()], g.second.as<std::string>())
                        << at;
            } else if (f.second.IsSequence()) {
                EXPECT_EQ(strings(got[field]), strings(f.second)) << at;
            } else if (f.second.IsNull()) {
                EXPECT_TRUE(got[field].is_null()) << at;
            } else if (got[field].is_boolean()) {
                EXPECT_EQ(got[field].get<bool>(), f.second.as<bool>()) << at;
            } else if (got[field].is_number()) {
                EXPECT_EQ(got[field].get<double>(), f.second.as<double>()) << at;
            } else {
                EXPECT_EQ(got[field], scalar(f.second)) << at;
            }
        }
    }
    for (const std::string& id : strings(want["absent"]))
        EXPECT_EQ(find_by(candidates, "id", id), nullptr)
            << where << ": " << id << " should not be a candidate";
}

void check_dossiers(const json& out, const YAML::Node& want) {
    for (const auto& kv : want) {
        const std::string subject = kv.first.as<std::string>();
        const json* found = nullptr;
        for (const json& d : out["dossiers"]) {
            if (d["subject"] != subject) continue;
            if (kv.second["award"] && d["award"] != kv.second["award"].as<std::string>()) continue;
            found = &d;
        }
        ASSERT_NE(found, nullptr) << "no dossier for " << subject;
        for (const auto& f : kv.second) {
            const std::string field = f.first.as<std::string>();
            const json& got = (*found)[field];
            if (f.second.IsNull())
                EXPECT_TRUE(got.is_null()) << subject << " dossier " << field;
            else if (got.is_boolean())
                EXPECT_EQ(got.get<bool>(), f.second.as<bool>()) << subject << " dossier " << field;
            else if (got.is_number())
                EXPECT_EQ(got.get<int>(), f.second.as<int>()) << subject << " dossier " << field;
            else
                EXPECT_EQ(got, scalar(f.second)) << subject << " dossier " << field;
        }
    }
}

class ScenarioTest : public testing::TestWithParam<Scenario> {};

TEST_P(ScenarioTest, DecidesAsThePlanSays) {
    const Scenario& s = GetParam();
    const YAML::Node want = YAML::LoadFile(s.expect.string());
    const ProcessResult run = run_evaluate(s);
    const int exit_code = want["exit"] ? want["exit"].as<int>() : 0;
    ASSERT_EQ(run.exit_code, exit_code) << "stderr:\n" << run.err;
    if (exit_code != 0) {
        EXPECT_TRUE(run.out.empty()) << "bad input must print nothing on stdout";
        for (const std::string& text : strings(want["stderr_contains"]))
            EXPECT_NE(run.err.find(text), std::string::npos) << "stderr lacks '" << text << "':\n"
                                                             << run.err;
        return;
    }
    const json out = json::parse(run.out);
    EXPECT_EQ(out["plan"], s.plan);
    EXPECT_EQ(out["period"], s.period);
    if (want["history"]) {
        EXPECT_EQ(out["lineage"]["history"], want["history"].as<std::string>()) << "history rule";
    }
    for (const auto& akv : want["awards"]) {
        const std::string award = akv.first.as<std::string>();
        const json* a = find_by(out["awards"], "award", award);
        ASSERT_NE(a, nullptr) << "award " << award << " missing from the output";
        if (!akv.second.IsMap()) continue;
        for (const auto& gkv : akv.second) {
            const std::string group = gkv.first.as<std::string>();
            const json* g = find_by((*a)["groups"], "group", group);
            ASSERT_NE(g, nullptr) << award << "/" << group << " missing";
            check_group(*g, gkv.second, award + "/" + group);
        }
    }
    for (const std::string& award : strings(want["absent_awards"]))
        EXPECT_EQ(find_by(out["awards"], "award", award), nullptr)
            << award << " should not be given";
    if (want["dossiers"]) check_dossiers(out, want["dossiers"]);
}

std::string scenario_name(const testing::TestParamInfo<Scenario>& info) {
    std::string n = info.param.plan + "_" + info.param.name + "_" + info.param.period +
                    (info.param.history.empty() ? "" : "_" + info.param.history);
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return n;
}

INSTANTIATE_TEST_SUITE_P(Plans, ScenarioTest, testing::ValuesIn(scenarios()), scenario_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ScenarioTest);

}  // namespace
