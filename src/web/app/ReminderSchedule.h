#pragma once
// Runs the reminder job (web/app/ReminderJob) in the server: once at start, then every day at the
// same hour, on a thread of its own, until stop(). A failed run is logged and tried the next day.

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "notify/Mailer.h"
#include "web/app/WebApp.h"

namespace thidua::web {

class ReminderSchedule {
public:
    ReminderSchedule(WebApp& app, std::unique_ptr<Mailer> mailer);
    ~ReminderSchedule();
    ReminderSchedule(const ReminderSchedule&) = delete;
    ReminderSchedule& operator=(const ReminderSchedule&) = delete;

    void start();
    void stop();

private:
    void loop();
    void run_once();

    WebApp& m_app;
    std::unique_ptr<Mailer> m_mailer;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace thidua::web
