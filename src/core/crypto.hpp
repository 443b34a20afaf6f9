#pragma once

// Small cryptographic helpers: SHA-256 (OpenSSL), random tokens and PINs (libsodium's
// CSPRNG), constant-time comparison. Thread-safe.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace sige::crypto {

/// Incremental SHA-256, for streams (uploads) too large to hold at once.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void Update(const void* data, std::size_t size);
    void Update(std::string_view data) { Update(data.data(), data.size()); }
    /// Lower-case hex digest; the object must not be updated afterwards.
    std::string FinishHex();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

/// `bytes` random bytes encoded as base64url without padding (16 bytes = 128 bits = 22 chars).
std::string RandomToken(std::size_t bytes);

/// A PIN of `digits` random decimal digits, uniform.
std::string RandomDigits(int digits);

/// Equality in time independent of where the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

/// Argon2id hash in PHC string form (libsodium crypto_pwhash_str, INTERACTIVE limits, or
/// MIN limits when `fast` — only for tests and demo data generators).
std::string HashPassword(std::string_view password, bool fast = false);
/// True when `password` matches `phc_hash`.
bool VerifyPassword(std::string_view phc_hash, std::string_view password);

/// Must be called once before any other function here (initialises libsodium).
void Init();

}  // namespace sige::crypto
