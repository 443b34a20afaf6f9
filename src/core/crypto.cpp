#include "core/crypto.hpp"

#include <stdexcept>

#include <openssl/evp.h>
#include <sodium.h>

namespace sige::crypto {

struct Sha256::Impl {
    EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : impl_(std::make_unique<Impl>()) {
    impl_->ctx = EVP_MD_CTX_new();
    if (impl_->ctx == nullptr || EVP_DigestInit_ex(impl_->ctx, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256: no se pudo inicializar OpenSSL");
    }
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(impl_->ctx);
}

void Sha256::Update(const void* data, std::size_t size) {
    if (EVP_DigestUpdate(impl_->ctx, data, size) != 1) {
        throw std::runtime_error("SHA-256: fallo de OpenSSL");
    }
}

std::string Sha256::FinishHex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(impl_->ctx, digest, &len) != 1) {
        throw std::runtime_error("SHA-256: fallo de OpenSSL");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(len * 2, '0');
    for (unsigned int i = 0; i < len; ++i) {
        out[2 * i] = kHex[digest[i] >> 4];
        out[2 * i + 1] = kHex[digest[i] & 0xF];
    }
    return out;
}

std::string Sha256Hex(std::string_view data) {
    Sha256 h;
    h.Update(data);
    return h.FinishHex();
}

std::string RandomToken(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                      raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.find('\0'));
    return out;
}

std::string RandomDigits(int digits) {
    std::string out;
    for (int i = 0; i < digits; ++i) {
        out.push_back(char('0' + randombytes_uniform(10)));
    }
    return out;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string HashPassword(std::string_view password, bool fast) {
    char out[crypto_pwhash_STRBYTES];
    const auto ops = fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const auto mem = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str(out, password.data(), password.size(), ops, mem) != 0) {
        throw std::runtime_error("Argon2id: memoria insuficiente para calcular el hash");
    }
    return out;
}

bool VerifyPassword(std::string_view phc_hash, std::string_view password) {
    std::string hash(phc_hash);  // libsodium wants a NUL-terminated string
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void Init() {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium no pudo inicializarse");
    }
}

}  // namespace sige::crypto
