// minizip over an in-memory archive: the file callbacks, entry lookup and checked reads.
#include "sheet/xlsx_zip.h"

#include <fmt/format.h>
#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>

namespace zl::sheet {
namespace {

// The callbacks see the Memory struct as both the "opaque" value and the open "stream".
voidpf ZCALLBACK MemOpen(voidpf opaque, const void* /*filename*/, int mode) {
  return (mode & ZLIB_FILEFUNC_MODE_WRITE) ? nullptr : opaque;
}

uLong ZCALLBACK MemWrite(voidpf, voidpf, const void*, uLong) { return 0; }
int ZCALLBACK MemClose(voidpf, voidpf) { return 0; }
int ZCALLBACK MemError(voidpf, voidpf) { return 0; }

Status BadFile(std::string message) { return Status::InvalidArgument(std::move(message), "file"); }

Status TooLarge(const std::string& name, std::uint64_t max_size) {
  const std::string limit = max_size % (1u << 30) == 0 ? fmt::format("{} GiB", max_size >> 30)
                                                       : fmt::format("{} bytes", max_size);
  return BadFile(fmt::format("{} is larger than {} uncompressed; split the table", name, limit));
}

}  // namespace

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string_view bytes) {
  std::unique_ptr<ZipArchive> zip(new ZipArchive());
  zip->memory_.bytes = bytes;
  zlib_filefunc64_def io{};
  io.zopen64_file = MemOpen;
  io.zread_file = [](voidpf, voidpf stream, void* buf, uLong size) -> uLong {
    auto* m = static_cast<Memory*>(stream);
    const std::uint64_t left = m->bytes.size() - std::min<std::uint64_t>(m->pos, m->bytes.size());
    const uLong n = static_cast<uLong>(std::min<std::uint64_t>(size, left));
    if (n > 0) std::memcpy(buf, m->bytes.data() + m->pos, n);
    m->pos += n;
    return n;
  };
  io.zwrite_file = MemWrite;
  io.ztell64_file = [](voidpf, voidpf stream) -> ZPOS64_T {
    return static_cast<Memory*>(stream)->pos;
  };
  io.zseek64_file = [](voidpf, voidpf stream, ZPOS64_T offset, int origin) -> long {
    auto* m = static_cast<Memory*>(stream);
    std::uint64_t base = 0;
    if (origin == ZLIB_FILEFUNC_SEEK_CUR) {
      base = m->pos;
    } else if (origin == ZLIB_FILEFUNC_SEEK_END) {
      base = m->bytes.size();
    } else if (origin != ZLIB_FILEFUNC_SEEK_SET) {
      return -1;
    }
    // An offset back from the end arrives as a huge unsigned value; the wrap-around is meant.
    // A position past the end is refused rather than read as zeros.
    const std::uint64_t target = base + offset;
    if (target > m->bytes.size()) return -1;
    m->pos = target;
    return 0;
  };
  io.zclose_file = MemClose;
  io.zerror_file = MemError;
  io.opaque = &zip->memory_;
  zip->unz_ = unzOpen2_64("memory", &io);
  if (zip->unz_ == nullptr) {
    return BadFile("not a valid .xlsx file: the zip archive is damaged or incomplete");
  }
  return zip;
}

ZipArchive::~ZipArchive() {
  if (unz_ == nullptr) return;
  CloseEntry();
  unzClose(unz_);
}

bool ZipArchive::Has(const std::string& name) {
  CloseEntry();
  return unzLocateFile(unz_, name.c_str(), 2) == UNZ_OK;
}

Status ZipArchive::OpenEntry(const std::string& name, std::uint64_t max_size) {
  CloseEntry();
  if (unzLocateFile(unz_, name.c_str(), 2) != UNZ_OK) {
    return BadFile(fmt::format("not a valid .xlsx file: the part {} is missing", name));
  }
  unz_file_info64 info{};
  int rc = unzGetCurrentFileInfo64(unz_, &info, nullptr, 0, nullptr, 0, nullptr, 0);
  if (rc != UNZ_OK) return BadFile(fmt::format("{} is damaged in the zip archive", name));
  if (info.flag & 1) return BadFile("the .xlsx file is encrypted; save it without a password");
  if (info.uncompressed_size > max_size) {
    return TooLarge(name, max_size);
  }
  rc = unzOpenCurrentFile(unz_);
  if (rc != UNZ_OK) return BadFile(fmt::format("{} cannot be unpacked (zip error {})", name, rc));
  entry_ = name;
  max_size_ = max_size;
  read_ = 0;
  return Status::Ok();
}

Result<std::size_t> ZipArchive::Read(char* buffer, std::size_t size) {
  if (entry_.empty()) return Status::Internal("ZipArchive::Read without an open entry");
  const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(size, 1u << 30));
  const int n = unzReadCurrentFile(unz_, buffer, chunk);
  if (n < 0) return Damaged(entry_, "is damaged", n);
  if (n == 0) {
    const std::string name = std::move(entry_);
    entry_.clear();
    const int rc = unzCloseCurrentFile(unz_);
    if (rc == UNZ_CRCERROR) return Damaged(name, "fails its checksum", rc);
    if (rc != UNZ_OK) return Damaged(name, "is damaged", rc);
    return std::size_t{0};
  }
  read_ += static_cast<std::uint64_t>(n);
  if (read_ > max_size_) {
    return TooLarge(entry_, max_size_);
  }
  return static_cast<std::size_t>(n);
}

Status ZipArchive::Damaged(const std::string& name, std::string_view what, int code) {
  return BadFile(fmt::format("{} {} in the zip archive (zip error {})", name, what, code));
}

void ZipArchive::CloseEntry() {
  if (entry_.empty()) return;
  unzCloseCurrentFile(unz_);
  entry_.clear();
}

}  // namespace zl::sheet
