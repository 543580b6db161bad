#include "auth/Tokens.h"

#include <openssl/evp.h>
#include <sys/random.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

namespace thidua::auth {
namespace {

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// No 0/O/o, 1/l/I: the password is read off a screen or paper and typed.
constexpr std::string_view kPasswordAlphabet =
    "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

std::string base64url(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                           static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += kBase64Url[n >> 18 & 63];
        out += kBase64Url[n >> 12 & 63];
        out += kBase64Url[n >> 6 & 63];
        out += kBase64Url[n & 63];
    }
    const size_t rest = bytes.size() - i;
    if (rest == 0) return out;
    uint32_t n = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (rest == 2) n |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kBase64Url[n >> 18 & 63];
    out += kBase64Url[n >> 12 & 63];
    if (rest == 2) out += kBase64Url[n >> 6 & 63];
    return out;
}

}  // namespace

std::string random_bytes(std::size_t bytes) {
    std::string out(bytes, '\0');
    size_t filled = 0;
    while (filled < bytes) {
        // Requests above 256 bytes may return short, and any may be interrupted by a signal.
        const ssize_t got = ::getrandom(out.data() + filled, bytes - filled, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            throw std::system_error(errno, std::generic_category(), "getrandom");
        }
        filled += static_cast<size_t>(got);
    }
    return out;
}

std::string random_token(std::size_t bytes) {
    return base64url(random_bytes(bytes));
}

std::string random_password(std::size_t length) {
    // Rejection sampling: a byte modulo 56 would favour the first letters.
    constexpr unsigned kLimit = 256 / kPasswordAlphabet.size() * kPasswordAlphabet.size();
    std::string out;
    out.reserve(length);
    while (out.size() < length) {
        for (unsigned char b : random_bytes(length)) {
            if (b >= kLimit) continue;
            out += kPasswordAlphabet[b % kPasswordAlphabet.size()];
            if (out.size() == length) break;
        }
    }
    return out;
}

std::string sha256_hex(std::string_view data) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("EVP_Digest(SHA-256) failed");
    std::string out;
    out.reserve(size * 2);
    for (unsigned int i = 0; i < size; ++i)
        out += fmt::format("{:02x}", digest[i]);
    return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    // The length is not secret (every token and hash of a kind has the same one); the content is.
    if (a.size() != b.size()) return false;
    volatile unsigned char diff = 0;
    for (size_t i = 0; i < a.size(); ++i)
        diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

}  // namespace thidua::auth
