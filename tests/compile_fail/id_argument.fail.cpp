// SPDX-License-Identifier: Apache-2.0
// expect: invalid initialization of reference of type 'const theracore::v[0-9]+::client_id
// Passing an episode id where a client id is expected must not compile.
#include <theracore/id.hpp>

namespace {
bool is_known(const theracore::client_id& id) { return !id.empty(); }
}  // namespace

int main() {
#ifdef THERACORE_COMPILE_FAIL_CONTROL
    return is_known(theracore::client_id("42")) ? 0 : 1;
#else
    return is_known(theracore::episode_id("42")) ? 0 : 1;
#endif
}
