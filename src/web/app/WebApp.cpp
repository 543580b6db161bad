#include "web/app/WebApp.h"

#include "store/Clock.h"

namespace thidua::web {

Date WebApp::today() const {
    return m_options.today.value_or(store::vietnam_today());
}

}  // namespace thidua::web
