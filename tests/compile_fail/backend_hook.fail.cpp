// SPDX-License-Identifier: Apache-2.0
// expect: protected within this context
// A backend's hooks are reachable only through the store, which checks, authorizes and audits
// first: calling one directly must not compile.
#include <theracore/storage/backend.hpp>

int call_a_hook(theracore::storage::store_backend& backend) {
#ifdef THERACORE_COMPILE_FAIL_CONTROL
    return backend.name().empty() ? 1 : 0;
#else
    auto state = backend.do_begin(theracore::storage::access_mode::read_write);
    return state ? 0 : 1;
#endif
}
