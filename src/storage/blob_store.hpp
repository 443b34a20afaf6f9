#pragma once

// Content-addressed store of attachment bytes under the data directory: a file's name is
// the SHA-256 of its content (blobs/ab/cdef...). A blob is written to a temporary file,
// fsynced, then renamed into place, so a visible blob is always whole. Blobs are never
// removed; identical uploads share one file. Thread-safe.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace sige::crypto {
class Sha256;
}

namespace sige::storage {

struct BlobInfo {
    std::string sha256;
    std::int64_t size = 0;
};

class BlobStore {
public:
    /// `root` is created if missing (with a tmp/ folder for uploads in progress).
    explicit BlobStore(std::filesystem::path root);

    /// An upload in progress. Destroying it without Commit() removes the temporary file.
    class Writer {
    public:
        ~Writer();
        Writer(const Writer&) = delete;
        Writer& operator=(const Writer&) = delete;

        /// Appends bytes. Throws std::runtime_error on a write error (disk full).
        void Write(const void* data, std::size_t size);
        std::int64_t size() const { return size_; }
        /// The temporary file, for sniffing the content type before Commit().
        const std::filesystem::path& temp_path() const { return temp_; }
        /// Makes the blob durable under its hash and returns it.
        BlobInfo Commit();

    private:
        friend class BlobStore;
        Writer(const BlobStore& store, std::filesystem::path temp, int fd);
        const BlobStore& store_;
        std::filesystem::path temp_;
        int fd_;
        std::int64_t size_ = 0;
        std::unique_ptr<crypto::Sha256> hash_;
        bool committed_ = false;
    };

    std::unique_ptr<Writer> StartWrite() const;
    /// Stores `bytes` at once (small contents, tests and generators).
    BlobInfo Put(std::string_view bytes) const;
    std::filesystem::path PathOf(const std::string& sha256) const;
    /// Removes uploads left in tmp/ by a crash, older than `age`; returns how many.
    int RemoveStaleUploads(std::chrono::seconds age) const;
    bool Exists(const std::string& sha256) const;
    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

/// The MIME type of a file judged by its content (libmagic), e.g. "application/pdf".
std::string SniffContentType(const std::filesystem::path& file);

}  // namespace sige::storage
