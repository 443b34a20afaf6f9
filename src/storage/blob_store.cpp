#include "storage/blob_store.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <magic.h>
#include <unistd.h>

#include "core/crypto.hpp"

namespace sige::storage {

namespace fs = std::filesystem;

namespace {

void FsyncDirectory(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

[[noreturn]] void ThrowErrno(const std::string& what) {
    throw std::runtime_error(what + ": " + std::strerror(errno));
}

}  // namespace

BlobStore::BlobStore(fs::path root) : root_(std::move(root)) {
    fs::create_directories(root_ / "tmp");
}

BlobStore::Writer::Writer(const BlobStore& store, fs::path temp, int fd)
    : store_(store), temp_(std::move(temp)), fd_(fd), hash_(std::make_unique<crypto::Sha256>()) {}

BlobStore::Writer::~Writer() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
    if (!committed_) {
        std::error_code ec;
        fs::remove(temp_, ec);
    }
}

void BlobStore::Writer::Write(const void* data, std::size_t size) {
    const auto* p = static_cast<const char*>(data);
    std::size_t left = size;
    while (left > 0) {
        ssize_t n = ::write(fd_, p, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            ThrowErrno("no se pudo escribir el archivo adjunto");
        }
        p += n;
        left -= std::size_t(n);
    }
    hash_->Update(data, size);
    size_ += std::int64_t(size);
}

BlobInfo BlobStore::Writer::Commit() {
    if (::fsync(fd_) != 0) {
        ThrowErrno("no se pudo asegurar el archivo adjunto en disco");
    }
    ::close(fd_);
    fd_ = -1;
    BlobInfo info{hash_->FinishHex(), size_};
    fs::path target = store_.PathOf(info.sha256);
    fs::create_directories(target.parent_path());
    if (fs::exists(target)) {
        // Same content stored before: keep the existing file (it is identical by hash).
        fs::remove(temp_);
    } else {
        fs::rename(temp_, target);
        FsyncDirectory(target.parent_path());
    }
    committed_ = true;
    return info;
}

std::unique_ptr<BlobStore::Writer> BlobStore::StartWrite() const {
    fs::path temp = root_ / "tmp" / ("upload-" + crypto::RandomToken(12));
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0) {
        ThrowErrno("no se pudo crear un archivo temporal en " + (root_ / "tmp").string());
    }
    return std::unique_ptr<Writer>(new Writer(*this, std::move(temp), fd));
}

BlobInfo BlobStore::Put(std::string_view bytes) const {
    auto w = StartWrite();
    w->Write(bytes.data(), bytes.size());
    return w->Commit();
}

fs::path BlobStore::PathOf(const std::string& sha256) const {
    return root_ / sha256.substr(0, 2) / sha256.substr(2);
}

int BlobStore::RemoveStaleUploads(std::chrono::seconds age) const {
    int removed = 0;
    const auto now = fs::file_time_type::clock::now();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root_ / "tmp", ec)) {
        std::error_code file_ec;
        auto written = entry.last_write_time(file_ec);
        if (!file_ec && now - written > age && fs::remove(entry.path(), file_ec)) {
            ++removed;
        }
    }
    return removed;
}

bool BlobStore::Exists(const std::string& sha256) const {
    return fs::exists(PathOf(sha256));
}

std::string SniffContentType(const fs::path& file) {
    // libmagic handles are not thread-safe: one per thread, loaded once.
    struct Magic {
        magic_t handle = magic_open(MAGIC_MIME_TYPE);
        Magic() {
            if (handle != nullptr && magic_load(handle, nullptr) != 0) {
                magic_close(handle);
                handle = nullptr;
            }
        }
        ~Magic() {
            if (handle != nullptr) {
                magic_close(handle);
            }
        }
    };
    thread_local Magic magic;
    if (magic.handle == nullptr) {
        return "application/octet-stream";
    }
    const char* type = magic_file(magic.handle, file.c_str());
    return type ? type : "application/octet-stream";
}

}  // namespace sige::storage
