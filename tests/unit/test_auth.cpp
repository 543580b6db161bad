// Argon2id hashing, random tokens, SHA-256 and the password rules.

#include <gtest/gtest.h>

#include <set>

#include "auth/PasswordHash.h"
#include "auth/Tokens.h"

namespace thidua::auth {
namespace {

// The smallest cost libargon2 accepts with one lane: the rules under test do not depend on it.
constexpr Argon2Params kFast{8, 1, 1};

TEST(AuthPassword, HashVerifiesTheRightPasswordOnly) {
    const std::string hash = hash_password("Chính xác 2024", kFast);
    EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=8,t=1,p=1$")) << hash;
    EXPECT_TRUE(verify_password("Chính xác 2024", hash));
    EXPECT_FALSE(verify_password("Chinh xac 2024", hash));
    EXPECT_FALSE(verify_password("", hash));
}

TEST(AuthPassword, SaltMakesEachHashDifferent) {
    const std::string a = hash_password("mot mat khau dai", kFast);
    const std::string b = hash_password("mot mat khau dai", kFast);
    EXPECT_NE(a, b);
    EXPECT_TRUE(verify_password("mot mat khau dai", b));
}

TEST(AuthPassword, MalformedHashesVerifyNothing) {
    EXPECT_FALSE(verify_password("x", ""));
    EXPECT_FALSE(verify_password("x", "plain text"));
    EXPECT_FALSE(verify_password("x", "$argon2id$v=19$m=8,t=1,p=1$bad"));
    EXPECT_FALSE(verify_password("x", "$argon2id$v=19$m=8,t=1,p=1$$"));
    // Another Argon2 type is refused, not checked as a weaker hash.
    const std::string hash = hash_password("x", kFast);
    std::string argon2i = hash;
    argon2i.replace(0, 10, "$argon2i$");
    EXPECT_FALSE(verify_password("x", argon2i));
    // A damaged digest.
    std::string damaged = hash;
    char& c = damaged[damaged.size() - 5];
    c = c == 'A' ? 'B' : 'A';
    EXPECT_FALSE(verify_password("x", damaged));
}

TEST(AuthPassword, DefaultParamsAreOwaspMinimum) {
    const std::string hash = hash_password("mặc định đủ mạnh");
    EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << hash;
    EXPECT_TRUE(verify_password("mặc định đủ mạnh", hash));
    EXPECT_FALSE(verify_password("mac dinh du manh", hash));
}

TEST(AuthPassword, ProblemsAreSaidInVietnamese) {
    EXPECT_EQ(password_problem("ngắn"), "Mật khẩu phải có ít nhất 10 ký tự");
    // Ten letters of Vietnamese are more than ten bytes but still ten characters.
    EXPECT_EQ(password_problem("ngắnquáđi"), "Mật khẩu phải có ít nhất 10 ký tự");
    EXPECT_EQ(password_problem("ngắn quá đi"), "");
    EXPECT_EQ(password_problem("1234567890"), "Mật khẩu không được chỉ gồm chữ số");
    EXPECT_EQ(password_problem("123456789012"), "Mật khẩu không được chỉ gồm chữ số");
    EXPECT_NE(password_problem("aaaaaaaaaaaa"), "");
    EXPECT_NE(password_problem("password123"), "");
    EXPECT_NE(password_problem("Password2024!"), "");
    EXPECT_NE(password_problem("matkhau1234"), "");
    EXPECT_NE(password_problem("Mật Khẩu 2024"), "");
    EXPECT_NE(password_problem("qwertyuiop"), "");
    EXPECT_NE(password_problem(std::string("abc\xff"
                                           "defghijk")),
              "");
    EXPECT_EQ(password_problem("đua thi khen thưởng"), "");
    EXPECT_EQ(password_problem("correct horse battery"), "");
}

TEST(AuthTokens, RandomTokenIsBase64UrlWithoutPadding) {
    EXPECT_EQ(random_token().size(), 43u);  // 32 bytes
    EXPECT_EQ(random_token(1).size(), 2u);
    EXPECT_EQ(random_token(2).size(), 3u);
    EXPECT_EQ(random_token(3).size(), 4u);
    EXPECT_EQ(random_token(0), "");
    std::set<std::string> seen;
    std::set<char> chars;
    for (int i = 0; i < 200; ++i) {
        const std::string t = random_token();
        EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                      "0123456789-_"),
                  std::string::npos)
            << t;
        chars.insert(t.begin(), t.end());
        seen.insert(t);
    }
    EXPECT_EQ(seen.size(), 200u);
    EXPECT_GT(chars.size(), 60u);  // 8600 characters drawn: all 64 are all but certain
}

TEST(AuthTokens, RandomBytesAreLongRequestsFilledWhole) {
    const std::string bytes = random_bytes(4096);
    ASSERT_EQ(bytes.size(), 4096u);
    EXPECT_NE(bytes.find_first_not_of('\0', 3000), std::string::npos);
}

TEST(AuthTokens, RandomPasswordAvoidsLookAlikesAndPassesTheRules) {
    for (int i = 0; i < 50; ++i) {
        const std::string p = random_password();
        ASSERT_EQ(p.size(), 16u);
        EXPECT_EQ(p.find_first_of("0O1lIo"), std::string::npos) << p;
        EXPECT_EQ(password_problem(p), "") << p;
    }
    EXPECT_EQ(random_password(24).size(), 24u);
}

TEST(AuthTokens, Sha256KnownVectors) {
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(AuthTokens, ConstantTimeEqual) {
    EXPECT_TRUE(constant_time_equal("", ""));
    EXPECT_TRUE(constant_time_equal("abc", "abc"));
    EXPECT_FALSE(constant_time_equal("abc", "abd"));
    EXPECT_FALSE(constant_time_equal("abc", "xbc"));
    EXPECT_FALSE(constant_time_equal("abc", "abcd"));
    EXPECT_FALSE(constant_time_equal(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
}

}  // namespace
}  // namespace thidua::auth
