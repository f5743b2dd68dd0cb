// PeriodicJob: runs a job on its own thread now and then every `interval`, until destroyed
// (the destructor wakes the thread and waits for it). For the server's housekeeping, e.g.
// ending blacklist listings whose term is over without waiting for a cron job.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace zl::cli {

class PeriodicJob {
 public:
  PeriodicJob(std::chrono::seconds interval, std::function<void()> job);
  ~PeriodicJob();
  PeriodicJob(const PeriodicJob&) = delete;
  PeriodicJob& operator=(const PeriodicJob&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace zl::cli
