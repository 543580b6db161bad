#pragma once
// Random secrets (session tokens, CSRF tokens, API tokens, generated passwords) from the kernel's
// CSPRNG, and the SHA-256 under which a token is stored.

#include <string>
#include <string_view>

namespace thidua::auth {

// `bytes` bytes from getrandom(2); throws std::system_error if the kernel refuses.
std::string random_bytes(std::size_t bytes);

// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);
// A password a person can type: letters and digits without look-alikes.
std::string random_password(std::size_t length = 16);
std::string sha256_hex(std::string_view data);
// Compares in time independent of where the strings differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace thidua::auth
