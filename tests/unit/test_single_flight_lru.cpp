// The evaluation cache's building block (web/app/SingleFlightLru.h): one making per key however
// many threads ask at once, the least recently used values dropped beyond the count or the bytes,
// failures and exceptions handed to whoever waited and never kept.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "web/app/SingleFlightLru.h"

namespace thidua::web {
namespace {

using Cache = SingleFlightLru<std::string, std::string, std::string>;

Cache::Made make_value(const std::string& text) {
    return std::make_shared<const std::string>(text);
}

TEST(SingleFlightLru, ThreadsAskingAtOnceShareOneMaking) {
    Cache cache(4);
    std::atomic<int> made{0};
    std::atomic<int> waiting{0};
    constexpr int kThreads = 8;
    std::vector<Cache::Shared> got(kThreads);
    std::vector<Cache::Source> sources(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i)
        threads.emplace_back([&, i] {
            ++waiting;
            while (waiting < kThreads)
                std::this_thread::yield();
            auto r = cache.get(
                "k",
                [&] {
                    ++made;
                    // Long enough for every other thread to arrive while this one makes it.
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                    return make_value("giá trị");
                },
                &sources[i]);
            ASSERT_TRUE(r);
            got[i] = *r;
        });
    for (std::thread& t : threads)
        t.join();
    EXPECT_EQ(made, 1);
    int made_here = 0;
    for (int i = 0; i < kThreads; ++i) {
        EXPECT_EQ(got[i], got[0]);  // the same object, not a copy
        made_here += sources[i] == Cache::Source::Made;
    }
    EXPECT_EQ(made_here, 1);
    Cache::Source later = Cache::Source::Made;
    EXPECT_TRUE(cache.get(
        "k", [] { return make_value("khác"); }, &later));
    EXPECT_EQ(later, Cache::Source::Kept);
}

TEST(SingleFlightLru, DropsTheLeastRecentlyUsedBeyondTheCount) {
    Cache cache(2);
    int made = 0;
    auto make = [&] {
        ++made;
        return make_value("v");
    };
    ASSERT_TRUE(cache.get("a", make));
    ASSERT_TRUE(cache.get("b", make));
    ASSERT_TRUE(cache.get("a", make));  // a is now more recent than b
    ASSERT_TRUE(cache.get("c", make));  // b goes
    EXPECT_EQ(made, 3);
    EXPECT_EQ(cache.size(), 2u);
    ASSERT_TRUE(cache.get("a", make));
    EXPECT_EQ(made, 3);
    ASSERT_TRUE(cache.get("b", make));
    EXPECT_EQ(made, 4);
}

TEST(SingleFlightLru, KeepsNoMoreBytesThanAllowed) {
    Cache cache(8, 10, [](const std::string& s) { return s.size(); });
    int made = 0;
    auto make = [&] {
        ++made;
        return make_value("123456");
    };
    ASSERT_TRUE(cache.get("a", make));
    ASSERT_TRUE(cache.get("b", make));  // 12 bytes: a goes
    EXPECT_EQ(cache.size(), 1u);
    ASSERT_TRUE(cache.get("b", make));
    EXPECT_EQ(made, 2);
    // Larger than the whole allowance: handed out, not kept.
    auto big = cache.get("c", [] { return make_value("0123456789abc"); });
    ASSERT_TRUE(big);
    EXPECT_EQ(**big, "0123456789abc");
    EXPECT_EQ(cache.size(), 0u);
}

TEST(SingleFlightLru, FailuresAndExceptionsAreNotKept) {
    Cache cache(4);
    int made = 0;
    auto fail = [&]() -> Cache::Made {
        ++made;
        return tl::unexpected(std::string("lỗi"));
    };
    auto r = cache.get("k", fail);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error(), "lỗi");
    EXPECT_FALSE(cache.get("k", fail));
    EXPECT_EQ(made, 2);
    EXPECT_THROW(cache.get("k", []() -> Cache::Made { throw std::runtime_error("hỏng"); }),
                 std::runtime_error);
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_TRUE(cache.get("k", [] { return make_value("v"); }));
}

TEST(SingleFlightLru, KeepOnlyForgetsWhatCanNoLongerBeAskedFor) {
    Cache cache(8);
    for (const char* k : {"1:a", "1:b", "2:a"})
        ASSERT_TRUE(cache.get(k, [] { return make_value("v"); }));
    cache.keep_only([](const std::string& k) { return k.starts_with("2:"); });
    EXPECT_EQ(cache.size(), 1u);
    Cache::Source source = Cache::Source::Made;
    ASSERT_TRUE(cache.get(
        "2:a", [] { return make_value("khác"); }, &source));
    EXPECT_EQ(source, Cache::Source::Kept);
}

}  // namespace
}  // namespace thidua::web
