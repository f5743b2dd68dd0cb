// Reading the parts of an .xlsx file, a zip archive, straight from memory through minizip.
//
// minizip only reads through file callbacks, so the archive gets small callbacks over a byte
// view instead of a temporary file. One entry is open at a time and is read in chunks, so a
// large sheet is inflated piece by piece; each entry has a size limit that is checked both
// against the size the archive declares and against the bytes actually inflated (a zip bomb
// can lie about the first). Every failure is InvalidArgument on the field "file", since it
// means the uploaded file is not a usable .xlsx.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"

namespace zl::sheet {

class ZipArchive {
 public:
  // Opens the archive in `bytes`, which must outlive it. Fails when the central directory
  // cannot be read (not a zip, truncated, damaged).
  static Result<std::unique_ptr<ZipArchive>> Open(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // True when the archive has an entry `name` (ASCII case ignored, as OPC part names are).
  bool Has(const std::string& name);

  // Opens entry `name` for Read, closing any entry open before. Fails when it is missing,
  // encrypted, or declares more than `max_size` uncompressed bytes.
  Status OpenEntry(const std::string& name, std::uint64_t max_size);

  // Reads up to `size` bytes of the open entry into `buffer`; 0 at its end, after the CRC has
  // been checked. Fails on damaged data, a CRC mismatch, or more than `max_size` bytes.
  Result<std::size_t> Read(char* buffer, std::size_t size);

  // The entry being read, for messages.
  const std::string& entry_name() const { return entry_; }

 private:
  struct Memory {
    std::string_view bytes;
    std::uint64_t pos = 0;
  };
  ZipArchive() = default;
  static Status Damaged(const std::string& name, std::string_view what, int code);
  void CloseEntry();

  Memory memory_;
  void* unz_ = nullptr;  // unzFile
  std::string entry_;    // empty when no entry is open
  std::uint64_t max_size_ = 0;
  std::uint64_t read_ = 0;
};

}  // namespace zl::sheet
