#include "web/app/ReminderSchedule.h"

#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "web/app/ReminderJob.h"

namespace thidua::web {

ReminderSchedule::ReminderSchedule(WebApp& app, std::unique_ptr<Mailer> mailer)
    : m_app(app), m_mailer(std::move(mailer)) {}

ReminderSchedule::~ReminderSchedule() {
    stop();
}

void ReminderSchedule::start() {
    m_thread = std::thread([this] { loop(); });
}

void ReminderSchedule::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void ReminderSchedule::run_once() {
    auto lease = m_app.stores().acquire();
    if (!lease) {
        std::cerr << "Nhắc hạn: không mở được cơ sở dữ liệu: " << lease.error().message << "\n";
        return;
    }
    const ReminderRun run = run_reminders(m_app, **lease, m_app.today(), m_mailer.get(), false);
    std::cerr << fmt::format(
        "Nhắc hạn {}: {} việc còn mở, {} nhắc đến hạn, {} thông báo mới, {} thư đã gửi, {} thư "
        "lỗi\n",
        m_app.today().dmy(), run.obligations, run.fired, run.added, run.mailed, run.mail_failed);
}

void ReminderSchedule::loop() {
    for (;;) {
        run_once();
        std::unique_lock lock(m_mutex);
        if (m_wake.wait_for(lock, std::chrono::hours(24), [this] { return m_stopping; })) return;
    }
}

}  // namespace thidua::web
