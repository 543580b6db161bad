#pragma once
// Argon2id password hashing (libargon2), stored as a PHC string "$argon2id$v=19$m=…,t=…,p=…$…".

#include <cstdint>
#include <string>
#include <string_view>

namespace thidua::auth {

struct Argon2Params {
    uint32_t memory_kib = 19 * 1024;  // OWASP's minimum for Argon2id: m=19 MiB, t=2, p=1
    uint32_t iterations = 2;
    uint32_t parallelism = 1;
};

// Throws std::runtime_error when libargon2 refuses the parameters or runs out of memory.
std::string hash_password(std::string_view password, const Argon2Params& params = {});
// False for a wrong password and for a malformed hash.
bool verify_password(std::string_view password, const std::string& phc_hash);

// Rules a new password must meet, in Vietnamese; empty when it is acceptable.
std::string password_problem(std::string_view password);

}  // namespace thidua::auth
