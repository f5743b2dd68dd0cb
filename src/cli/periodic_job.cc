// PeriodicJob (see periodic_job.h).
#include "cli/periodic_job.h"

namespace zl::cli {

PeriodicJob::PeriodicJob(std::chrono::seconds interval, std::function<void()> job)
    : thread_([this, interval, job = std::move(job)] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
          lock.unlock();
          job();
          lock.lock();
          wake_.wait_for(lock, interval, [this] { return stopping_; });
        }
      }) {}

PeriodicJob::~PeriodicJob() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

}  // namespace zl::cli
