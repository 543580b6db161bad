#include "auth/PasswordHash.h"

#include <argon2.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <fmt/format.h>

#include "auth/Tokens.h"
#include "base/Text.h"

namespace thidua::auth {
namespace {

constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;
constexpr size_t kMinLength = 10;

// Folded (accent-free, lowercase), without spaces and without digits or symbols around it, so
// that "MậtKhẩu 2024!" counts as "matkhau". Only what people actually pick; length and digits are
// separate rules.
constexpr std::string_view kCommon[] = {
    "password",  "passw0rd",         "matkhau",    "qwerty",   "qwertyuiop",
    "asdfghjkl", "zxcvbnm",          "abc",        "abcdef",   "abcdefgh",
    "admin",     "administrator",    "letmein",    "welcome",  "iloveyou",
    "thidua",    "thiduakhenthuong", "khenthuong", "toiyeuem", "anhyeuem",
    "emyeuanh",  "vietnam",          "hanoi",      "saigon",
};

size_t code_points(std::string_view utf8) {
    return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_common(std::string_view password) {
    std::string core = fold(password);
    core.erase(std::remove(core.begin(), core.end(), ' '), core.end());
    const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    const auto first = std::find_if(core.begin(), core.end(), letter);
    const auto last = std::find_if(core.rbegin(), core.rend(), letter).base();
    core = first < last ? std::string(first, last) : std::string();
    return std::find(std::begin(kCommon), std::end(kCommon), core) != std::end(kCommon);
}

}  // namespace

std::string hash_password(std::string_view password, const Argon2Params& params) {
    const std::string salt = random_bytes(kSaltBytes);
    std::string encoded(argon2_encodedlen(params.iterations, params.memory_kib, params.parallelism,
                                          kSaltBytes, kHashBytes, Argon2_id),
                        '\0');
    const int rc = argon2id_hash_encoded(params.iterations, params.memory_kib, params.parallelism,
                                         password.data(), password.size(), salt.data(), salt.size(),
                                         kHashBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        throw std::runtime_error(fmt::format("argon2id: {}", argon2_error_message(rc)));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool verify_password(std::string_view password, const std::string& phc_hash) {
    // A hash of another Argon2 type (or anything else) is malformed here, not a weaker match.
    if (!phc_hash.starts_with("$argon2id$")) return false;
    return argon2id_verify(phc_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string password_problem(std::string_view password) {
    if (!is_valid_utf8(password)) return "Mật khẩu chứa ký tự không hợp lệ";
    if (code_points(password) < kMinLength)
        return fmt::format("Mật khẩu phải có ít nhất {} ký tự", kMinLength);
    if (std::all_of(password.begin(), password.end(), is_digit))
        return "Mật khẩu không được chỉ gồm chữ số";
    if (std::all_of(password.begin(), password.end(),
                    [&](char c) { return c == password.front(); }))
        return "Mật khẩu không được chỉ lặp lại một ký tự";
    if (is_common(password)) return "Mật khẩu quá phổ biến, dễ đoán; hãy chọn mật khẩu khác";
    return {};
}

}  // namespace thidua::auth
